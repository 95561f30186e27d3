package zoneatlas.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import zoneatlas.model.PlanFeature;

/** Reads plan features from a GeoJSON FeatureCollection (format: geodata/README.md). */
public final class PlanReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final GeoJsonReader geo = new GeoJsonReader(new GeometryFactory(new PrecisionModel(), 4490));

  public List<PlanFeature> read(String file, InputStream in) {
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (IOException e) {
      throw new LoadException(file, null, "not valid JSON: " + e.getMessage());
    }
    if (!"FeatureCollection".equals(root.path("type").asText())) {
      throw new LoadException(file, null, "expected a GeoJSON FeatureCollection");
    }
    List<PlanFeature> out = new ArrayList<>();
    int index = 0;
    for (JsonNode f : root.path("features")) {
      index++;
      JsonNode props = f.path("properties");
      String id = props.path("id").asText(null);
      String label = id != null ? id : "#" + index;
      if (id == null || id.isBlank()) {
        throw new LoadException(file, label, "property 'id' is missing");
      }
      Geometry g;
      try {
        if (f.path("geometry").isMissingNode() || f.path("geometry").isNull()) {
          throw new LoadException(file, label, "geometry is missing");
        }
        g = geo.read(f.get("geometry").toString());
        g.setSRID(4490);
      } catch (ParseException | RuntimeException e) {
        if (e instanceof LoadException le) {
          throw le;
        }
        throw new LoadException(file, label, "geometry does not parse: " + e.getMessage());
      }
      Map<String, Object> p = new LinkedHashMap<>();
      props.fields().forEachRemaining(en -> p.put(en.getKey(), value(en.getValue())));
      out.add(new PlanFeature(
          text(p, "layer"), id, text(p, "zone"), text(p, "kind"), text(p, "board"), text(p, "park"), g, p));
    }
    return out;
  }

  private static String text(Map<String, Object> p, String k) {
    Object v = p.get(k);
    return v == null ? null : v.toString();
  }

  private static Object value(JsonNode n) {
    if (n.isNull()) {
      return null;
    }
    if (n.isBoolean()) {
      return n.asBoolean();
    }
    if (n.isNumber()) {
      return n.asDouble();
    }
    if (n.isTextual()) {
      return n.asText();
    }
    return n.toString();
  }
}
