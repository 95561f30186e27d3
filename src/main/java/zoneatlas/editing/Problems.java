package zoneatlas.editing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import zoneatlas.http.ApiError;

/**
 * What is wrong with a feature a write asks for, each problem naming the field (a property, {@code
 * geometry}, or {@code land_uses[i].share}) and, for geometry, the vertex and the place, in Chinese
 * for the map and in English for other clients. Collected in full before anything is written, so a
 * land officer sees every problem of a form at once. Not thread-safe.
 */
final class Problems {
  /**
   * @param vertex 1-based index of the vertex at fault in the exterior ring as sent, or null
   * @param at lon/lat of the place at fault, or null
   * @param suggestion a GeoJSON geometry the server would accept instead (a repaired shape), or null
   */
  record Problem(String field, String zh, String en, Integer vertex, double[] at, Object suggestion) {}

  private final List<Problem> list = new ArrayList<>();

  void add(String field, String zh, String en) {
    list.add(new Problem(field, zh, en, null, null, null));
  }

  void add(Problem p) {
    list.add(p);
  }

  boolean any() {
    return !list.isEmpty();
  }

  boolean has(String field) {
    return list.stream().anyMatch(p -> p.field().equals(field));
  }

  List<Problem> all() {
    return List.copyOf(list);
  }

  /** 422 with every problem, or nothing when there is none. */
  void throwIfAny() {
    if (!list.isEmpty()) {
      throw refused(list);
    }
  }

  static ApiError refused(List<Problem> problems) {
    List<Map<String, Object>> errors = new ArrayList<>();
    for (Problem p : problems) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("field", p.field());
      m.put("message", p.en());
      m.put("message_zh", p.zh());
      if (p.vertex() != null) {
        m.put("vertex", p.vertex());
      }
      if (p.at() != null) {
        m.put("at", List.of(p.at()[0], p.at()[1]));
      }
      if (p.suggestion() != null) {
        m.put("suggestion", p.suggestion());
      }
      errors.add(m);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("description_zh", problems.stream().map(p -> p.zh()).collect(Collectors.joining("；")));
    details.put("errors", errors);
    String en = problems.stream().map(p -> p.field() + ": " + p.en()).collect(Collectors.joining("; "));
    return new ApiError(422, "InvalidFeature", problems.get(0).field(), en, details);
  }

  /** A refusal that is not about one feature's values (a missing feature, a stale version ...), in both languages. */
  static ApiError error(int status, String code, String parameter, String zh, String en) {
    return new ApiError(status, code, parameter, en, Map.of("description_zh", zh));
  }
}
