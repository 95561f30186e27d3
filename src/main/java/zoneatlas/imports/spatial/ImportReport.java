package zoneatlas.imports.spatial;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a parcel import did or would do, as the response body. Problems and warnings are listed
 * up to {@link ParcelImportService#MAX_LISTED}, with their totals.
 */
public final class ImportReport {
  boolean ok;
  boolean dryRun;
  boolean written;
  String format;
  String layer;
  String encoding;
  String srs;
  String srsSource;
  String mode;
  String targetZone;
  int features;
  int parcels;
  int inserted;
  int updated;
  int deleted;
  int landUsesDeleted;
  double areaM2;
  Map<String, String> mapping = Map.of();
  List<String> guessed = List.of();
  List<String> ignoredColumns = List.of();
  final List<String> notes = new ArrayList<>();
  final List<Issue> errors = new ArrayList<>();
  final List<Issue> warnings = new ArrayList<>();
  final List<Map<String, Object>> items = new ArrayList<>();
  String dataVersion;

  public boolean ok() {
    return ok;
  }

  public boolean written() {
    return written;
  }

  public List<Issue> errors() {
    return errors;
  }

  public List<Issue> warnings() {
    return warnings;
  }

  public int inserted() {
    return inserted;
  }

  public int updated() {
    return updated;
  }

  public int deleted() {
    return deleted;
  }

  /** The body: snake_case like the parcel fields and parameters. */
  public Map<String, Object> toJson() {
    int max = ParcelImportService.MAX_LISTED;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ok", ok);
    m.put("dry_run", dryRun);
    m.put("written", written);
    m.put("format", format);
    m.put("layer", layer);
    m.put("encoding", encoding);
    m.put("srs", srs);
    m.put("srs_source", srsSource);
    m.put("mode", mode);
    if (targetZone != null) {
      m.put("target_zone", targetZone);
    }
    m.put("features", features);
    m.put("parcels", parcels);
    m.put("inserted", inserted);
    m.put("updated", updated);
    m.put("deleted", deleted);
    m.put("land_uses_deleted", landUsesDeleted);
    m.put("area_m2", Math.round(areaM2 * 100) / 100.0);
    m.put("area_mu", Math.round(areaM2 / zoneatlas.geo.Geodesy.M2_PER_MU * 100) / 100.0);
    m.put("mapping", mapping);
    m.put("guessed", guessed);
    m.put("ignored_columns", ignoredColumns);
    m.put("notes", notes);
    m.put("error_count", errors.size());
    m.put("errors", ParcelChecker.copy(errors, max));
    m.put("warning_count", warnings.size());
    m.put("warnings", ParcelChecker.copy(warnings, max));
    m.put("items", items.subList(0, Math.min(max, items.size())));
    m.put("data_version", dataVersion);
    return m;
  }
}
