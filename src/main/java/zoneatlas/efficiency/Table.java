package zoneatlas.efficiency;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A result as rows and labelled columns: what the list endpoints return as JSON and what the
 * same request exports as CSV or Excel, so an export always matches the screen.
 *
 * @param meta what the rows are (level, year, scheme, unit, data version, synthetic flag)
 */
public record Table(String name, List<Col> columns, List<Map<String, Object>> rows, Map<String, Object> meta) {

  /** A column: key in the JSON rows, Chinese and English headers, unit. */
  public record Col(String key, String zh, String en, String unit) {
    public String header(String lang) {
      String h = "en".equals(lang) ? en : zh;
      return unit == null || unit.isEmpty() ? h : h + " (" + unit + ")";
    }
  }

  /** The JSON form: meta fields, then columns and rows. */
  public Map<String, Object> json() {
    Map<String, Object> m = new LinkedHashMap<>(meta);
    m.put("columns", columns);
    m.put("rows", rows);
    m.put("numberReturned", rows.size());
    return m;
  }
}
