package zoneatlas.imports.spatial;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of a parcel import, checked. Mapping parameters are named after parcel fields
 * ({@code id=宗地编号&land_use_code=地类编码}); the rest steer reading and writing.
 *
 * @param format null to guess from the file
 * @param srs the CRS the user says the coordinates are in, overriding the file's; null if not given
 * @param encoding text encoding of the attributes (shapefile DBF, CSV); null to detect
 * @param layer shapefile in the zip, GeoPackage table or sheet to read
 * @param targetZone the zone whose parcels {@link Mode#replace_zone} replaces
 * @param filename the upload's name, to guess the format from
 */
public record ImportOptions(SourceFormat format, String srs, String encoding, String layer, Mode mode, String targetZone,
    boolean dryRun, String filename, Map<ParcelField, String> mapping) {

  /** What happens to the parcels already in the store. */
  public enum Mode {
    /** New parcels only; an id already in the store is an error. */
    append,
    /** The file becomes the target zone's parcels: ids found are rewritten, the zone's others removed. */
    replace_zone
  }

  static final Set<String> CONTROL = Set.of("format", "srs", "encoding", "layer", "mode", "target_zone", "dry_run", "filename",
      "reason");

  /** Every parameter the endpoint knows, for the unknown-parameter error. */
  public static Set<String> known() {
    Set<String> s = new LinkedHashSet<>(CONTROL);
    for (ParcelField f : ParcelField.values()) {
      s.add(f.param);
    }
    return s;
  }

  /** Parses request parameters (one value each); an unknown name or bad value is an {@link ImportFailure}. */
  public static ImportOptions parse(Map<String, String> p) {
    Map<ParcelField, String> mapping = new EnumMap<>(ParcelField.class);
    for (var e : p.entrySet()) {
      ParcelField f = ParcelField.byParam(e.getKey());
      if (f != null) {
        mapping.put(f, e.getValue());
      } else if (!CONTROL.contains(e.getKey())) {
        throw new ImportFailure(e.getKey(), "unknown parameter '" + e.getKey() + "'; allowed: " + String.join(", ", known()),
            "无法识别的参数“" + e.getKey() + "”");
      }
    }
    SourceFormat format = blank(p.get("format")) ? null : SourceFormat.byParam(p.get("format"));
    Mode mode = Mode.append;
    String m = p.get("mode");
    if (!blank(m)) {
      mode = switch (m.strip().toLowerCase(Locale.ROOT)) {
        case "append" -> Mode.append;
        case "replace-zone", "replace_zone" -> Mode.replace_zone;
        default -> throw new ImportFailure("mode", "mode: must be append or replace-zone, got '" + m + "'",
            "导入方式只能是“追加”（append）或“整区替换”（replace-zone），而不是“" + m + "”");
      };
    }
    String target = blank(p.get("target_zone")) ? null : p.get("target_zone").strip();
    if (mode == Mode.replace_zone && target == null) {
      throw new ImportFailure("target_zone", "target_zone: mode=replace-zone replaces one zone's parcels: name it, e.g. target_zone=zzetdz",
          "整区替换会替换一个开发区的全部地块：请选择要替换的开发区");
    }
    if (mode == Mode.append && target != null) {
      throw new ImportFailure("target_zone", "target_zone: only used with mode=replace-zone", "只有整区替换时才需要选择目标开发区");
    }
    boolean dry = false;
    String d = p.get("dry_run");
    if (!blank(d)) {
      dry = switch (d.strip().toLowerCase(Locale.ROOT)) {
        case "true", "1", "yes" -> true;
        case "false", "0", "no" -> false;
        default -> throw new ImportFailure("dry_run", "dry_run: must be true or false, got '" + d + "'",
            "试导入参数（dry_run）只能是 true 或 false，而不是“" + d + "”");
      };
    }
    return new ImportOptions(format, trimmed(p.get("srs")), trimmed(p.get("encoding")), trimmed(p.get("layer")), mode, target,
        dry, trimmed(p.get("filename")), mapping);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String trimmed(String s) {
    return blank(s) ? null : s.strip();
  }
}
