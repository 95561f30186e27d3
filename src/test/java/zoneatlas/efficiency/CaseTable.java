package zoneatlas.efficiency;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import zoneatlas.geo.Geodesy;
import zoneatlas.model.Enterprise;
import zoneatlas.model.LandUse;
import zoneatlas.model.Parcel;
import zoneatlas.model.YearFigures;

/**
 * Reads {@code efficiency/cases.csv}: one row per enterprise, rows of one {@code world} evaluated
 * together. Builds the tiny world of parcels, links and figures each group of rows describes.
 */
final class CaseTable {
  static final String FILE = "efficiency/cases.csv";

  /** One row: its cells by column name, and its spreadsheet line for messages. */
  record Row(long line, Map<String, String> cells) {
    String get(String col) {
      String v = cells.get(col);
      return v == null ? "" : v.strip();
    }

    String or(String col, String dflt) {
      return get(col).isEmpty() ? dflt : get(col);
    }

    String world() {
      return get("world").isEmpty() ? "#" + line : get("world");
    }
  }

  static List<Row> rows() throws IOException {
    try (InputStream in = CaseTable.class.getClassLoader().getResourceAsStream(FILE);
        Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
        CSVParser p = CSVParser.parse(r, CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader()
            .setSkipHeaderRecord(true).get())) {
      checkExpectations(p.getHeaderNames());
      List<Row> out = new ArrayList<>();
      for (CSVRecord rec : p) {
        out.add(new Row(rec.getParser().getCurrentLineNumber(), rec.toMap()));
      }
      return out;
    }
  }

  /**
   * The expect_ columns the test checks: status, land, one per indicator the engine computes, score,
   * class, low-efficiency reasons, error.
   */
  static List<String> expectColumns() {
    List<String> cols = new ArrayList<>(List.of("expect_status", "expect_land_mu"));
    for (Indicator i : Indicator.values()) {
      cols.add("expect_" + i.key);
    }
    cols.addAll(List.of("expect_score", "expect_class", "expect_low", "expect_error"));
    return cols;
  }

  /**
   * A misspelt or unknown expect_ column would be read by nobody and its cells silently pass; and an
   * indicator without a column could never be checked. Both stop the table.
   */
  static void checkExpectations(List<String> header) {
    List<String> known = expectColumns();
    for (String h : header) {
      if (h.startsWith("expect_") && !known.contains(h)) {
        throw new IllegalStateException(FILE + ": unknown column " + h + "; the test checks " + known);
      }
    }
    for (String k : known) {
      if (!header.contains(k)) {
        throw new IllegalStateException(FILE + ": no column " + k);
      }
    }
  }

  /** The rows grouped by world, in file order. */
  static Map<String, List<Row>> worlds(List<Row> rows) {
    Map<String, List<Row>> m = new LinkedHashMap<>();
    for (Row r : rows) {
      m.computeIfAbsent(r.world(), k -> new ArrayList<>()).add(r);
    }
    return m;
  }

  static Scheme testScheme(String id) throws IOException {
    try (InputStream in = CaseTable.class.getClassLoader().getResourceAsStream("efficiency/test-schemes/" + id + ".json")) {
      return in == null ? null : Schemes.parse(id + ".json", new ObjectMapper().readTree(in));
    }
  }

  static Double number(String s) {
    return s.isEmpty() ? null : Double.valueOf(s);
  }

  /** The world's data: a parcel P-ID per row with own_mu, owner and tenant links, the year's figures. */
  static EfficiencyData build(List<Row> world) {
    List<Parcel> parcels = new ArrayList<>();
    List<Enterprise> ents = new ArrayList<>();
    List<LandUse> links = new ArrayList<>();
    List<YearFigures> figs = new ArrayList<>();
    List<EfficiencyData.Flag> flags = new ArrayList<>();
    for (Row r : world) {
      String id = r.get("enterprise");
      String zone = r.or("zone", "zz");
      int year = Integer.parseInt(r.or("year", "2024"));
      ents.add(new Enterprise(id, "USCC-" + id, "企业" + id, "Enterprise " + id, zone, "park-1", "测试", r.or("size", "规上"),
          Integer.parseInt(r.or("founded", "2010")), false, null));
      for (String code : r.get("items").split(";")) {
        if (!code.isBlank()) {
          flags.add(new EfficiencyData.Flag(id, year, code.strip(), null));
        }
      }
      String own = r.get("own_mu");
      if (!own.isEmpty()) {
        double mu = own.equals("missing") ? Double.NaN : Double.parseDouble(own);
        double m2 = mu * Geodesy.M2_PER_MU;
        double far = Double.parseDouble(r.or("own_far", "1.2"));
        int supply = Integer.parseInt(r.or("own_supply", "2010"));
        parcels.add(new Parcel("P-" + id, zone, "board-1", "park-1", null, "100101", "一类工业用地", r.or("own_status", "in_use"),
            m2, mu, far * m2, far, Double.parseDouble(r.or("own_cov", "0.45")), 1.0, 0.30, 0,
            Double.parseDouble(r.or("own_req_tax", "0")), supply, supply, null));
        links.add(new LandUse(id, "P-" + id, LandUse.OWNER, 1.0, null));
      }
      if (!r.get("lease_from").isEmpty()) {
        links.add(new LandUse(id, "P-" + r.get("lease_from"), LandUse.TENANT, Double.parseDouble(r.get("lease_share")), null));
      }
      String[] f = {"tax", "revenue", "value_added", "energy", "employees", "rnd", "investment", "pollutant"};
      boolean any = false;
      for (String c : f) {
        any |= !r.get(c).isEmpty();
      }
      if (any) {
        Double emp = number(r.get("employees"));
        figs.add(new YearFigures(id, year, number(r.get("tax")), number(r.get("revenue")), number(r.get("value_added")),
            number(r.get("energy")), emp == null ? null : emp.intValue(), number(r.get("rnd")), number(r.get("investment")),
            number(r.get("pollutant"))));
      }
    }
    return new EfficiencyData("case", parcels, ents, links, figs, Map.of(), flags, List.of());
  }
}
