package zoneatlas.sites;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.locationtech.jts.geom.Point;
import zoneatlas.efficiency.TableExport;
import zoneatlas.http.ChinaTime;
import zoneatlas.http.Downloads;

/**
 * The parcels inside a drawn area as a download: a CSV a spreadsheet user reads in their language
 * (headers, zone and park names, status words, areas to two decimals of 亩 and 公顷, 是/否), and a
 * GeoJSON for GIS with the same words beside the codes. File names in the reader's language, with
 * an ASCII fallback. Stateless.
 */
final class InsideExport {
  private static final JsonFactory JSON = new JsonFactory();

  /** The columns: key, Chinese header, English header. */
  private static final List<String[]> COLUMNS = List.of(
      new String[] {"id", "地块编号", "Parcel id"},
      new String[] {"zone", "所属开发区", "Zone"},
      new String[] {"park", "所属产业园区", "Industrial park"},
      new String[] {"small_micro_park", "所属小微企业园", "Small-micro park"},
      new String[] {"land_use_code", "用地分类代码", "Land-use code"},
      new String[] {"land_use_name", "用地分类", "Land use"},
      new String[] {"status", "土地状态", "Land status"},
      new String[] {"area_mu", "地块面积（亩）", "Parcel area (mu)"},
      new String[] {"area_ha", "地块面积（公顷）", "Parcel area (ha)"},
      new String[] {"inside_mu", "范围内面积（亩）", "Area inside (mu)"},
      new String[] {"inside_ha", "范围内面积（公顷）", "Area inside (ha)"},
      new String[] {"inside_share", "范围内比例（%）", "Share inside (%)"},
      new String[] {"within", "整块在范围内", "Wholly inside"},
      new String[] {"lon", "经度", "Longitude"},
      new String[] {"lat", "纬度", "Latitude"},
      new String[] {"synthetic", "数据性质", "Data"});

  private InsideExport() {}

  /** The CSV, UTF-8 with a byte-order mark so a Chinese Excel reads it. */
  static void csv(Context ctx, InsideService.Result r, String lang, Function<String, String[]> names, Instant now)
      throws Exception {
    ctx.contentType("text/csv; charset=utf-8");
    ctx.header("Content-Disposition", Downloads.attachment(fileName(lang, now, "csv"), "inside-parcels_" + day(now) + ".csv"));
    ctx.header("X-Number-Matched", Long.toString(r.numberMatched()));
    ctx.header("X-Truncated", Boolean.toString(r.truncated()));
    writeCsv(ctx.outputStream(), r, lang, names);
  }

  static void writeCsv(OutputStream out, InsideService.Result r, String lang, Function<String, String[]> names)
      throws IOException {
    boolean en = "en".equals(lang);
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write('\uFEFF');
    String[] header = COLUMNS.stream().map(c -> en ? c[2] : c[1]).toArray(String[]::new);
    try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").setHeader(header).get())) {
      for (InsideService.Parcel p : r.parcels()) {
        csv.printRecord(row(p, lang, names).values().stream().map(v -> v instanceof String t ? TableExport.neutralised(t) : v).toList());
      }
    }
  }

  /** The GeoJSON: the codes a GIS joins on, and beside them the words ({@code *_name}, {@code status_text}). */
  static void geoJson(Context ctx, InsideService.Result r, String lang, Function<String, String[]> names, Instant now)
      throws Exception {
    ctx.contentType("application/geo+json; charset=utf-8");
    ctx.header("Content-Disposition", Downloads.attachment(fileName(lang, now, "geojson"), "inside-parcels_" + day(now) + ".geojson"));
    writeGeoJson(ctx.outputStream(), r, lang, names);
  }

  static void writeGeoJson(OutputStream out, InsideService.Result r, String lang, Function<String, String[]> names)
      throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeNumberField("numberMatched", r.numberMatched());
      g.writeNumberField("numberReturned", r.numberReturned());
      g.writeBooleanField("truncated", r.truncated());
      g.writeBooleanField("synthetic", true);
      g.writeArrayFieldStart("features");
      for (InsideService.Parcel p : r.parcels()) {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeStringField("id", p.id());
        g.writeFieldName("geometry");
        g.writeRawValue(Out.geojson(p.geom()));
        g.writeObjectFieldStart("properties");
        boolean en = "en".equals(lang);
        g.writeStringField("zone", p.zone());
        g.writeStringField("zone_name", name(names, p.zone(), en));
        g.writeStringField("park", p.park());
        g.writeStringField("park_name", name(names, p.park(), en));
        g.writeStringField("small_micro_park", p.small_micro_park());
        g.writeStringField("small_micro_park_name", name(names, p.small_micro_park(), en));
        g.writeStringField("land_use_code", p.land_use_code());
        g.writeStringField("land_use_name", p.land_use_name());
        g.writeStringField("status", p.status());
        g.writeStringField("status_text", en ? Labels.status(p.status()).en() : Labels.status(p.status()).zh());
        g.writeNumberField("area_mu", round2(p.area_mu()));
        g.writeNumberField("area_ha", round2(p.area_ha()));
        g.writeNumberField("inside_mu", round2(p.inside_mu()));
        g.writeNumberField("inside_ha", round2(p.inside_ha()));
        g.writeNumberField("inside_share", round2(p.inside_share() * 100));
        g.writeBooleanField("within", p.within());
        g.writeBooleanField("synthetic", true);
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  /** One CSV row in the reader's words. */
  static Map<String, Object> row(InsideService.Parcel p, String lang, Function<String, String[]> names) {
    boolean en = "en".equals(lang);
    Map<String, Object> m = new LinkedHashMap<>();
    Point ip = p.geom() == null ? null : p.geom().getInteriorPoint();
    m.put("id", p.id());
    m.put("zone", name(names, p.zone(), en));
    m.put("park", name(names, p.park(), en));
    m.put("small_micro_park", name(names, p.small_micro_park(), en));
    m.put("land_use_code", p.land_use_code());
    m.put("land_use_name", p.land_use_name());
    m.put("status", en ? Labels.status(p.status()).en() : Labels.status(p.status()).zh());
    m.put("area_mu", round2(p.area_mu()));
    m.put("area_ha", round2(p.area_ha()));
    m.put("inside_mu", round2(p.inside_mu()));
    m.put("inside_ha", round2(p.inside_ha()));
    m.put("inside_share", round2(p.inside_share() * 100));
    m.put("within", en ? (p.within() ? "yes" : "no") : (p.within() ? "是" : "否"));
    m.put("lon", ip == null ? null : Out.round(ip.getX(), 7));
    m.put("lat", ip == null ? null : Out.round(ip.getY(), 7));
    m.put("synthetic", en ? "synthetic (demo)" : "合成数据（演示）");
    return m;
  }

  /** A zone's, park's or small-micro park's name in the language, or "" when there is none. */
  private static String name(Function<String, String[]> names, String id, boolean en) {
    if (id == null || id.isEmpty()) {
      return "";
    }
    String[] n = names.apply(id);
    return n == null ? id : en ? n[1] : n[0];
  }

  static BigDecimal round2(double v) {
    return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
  }

  /** "范围内地块_20261207.csv" / "parcels-inside_20261207.csv", the day in Beijing time. */
  static String fileName(String lang, Instant now, String ext) {
    return ("en".equals(lang) ? "parcels-inside_" : "范围内地块_") + day(now) + "." + ext;
  }

  private static String day(Instant now) {
    return DateTimeFormatter.ofPattern("yyyyMMdd").format(now.atZone(ChinaTime.ZONE));
  }
}
