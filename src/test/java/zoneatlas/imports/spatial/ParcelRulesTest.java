package zoneatlas.imports.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import zoneatlas.geo.Geodesy;
import zoneatlas.model.ParcelStatus;

/**
 * The per-feature rules of a parcel import and the reading of tables and coordinates, without a
 * store (survivors of a PIT run over ParcelChecker, ColumnMapping, TableSource, Reprojector and
 * SourceCrs): what is an error, what only a warning, which value is stored, which column is read.
 */
class ParcelRulesTest {
  static final GeometryFactory GF = new GeometryFactory();
  static final List<String> COLUMNS = List.of("id", "land_use_code", "land_use_name", "status", "zone", "board", "park",
      "small_micro_park", "floor_area_m2", "far", "coverage", "far_min", "coverage_min", "req_invest_wan_per_mu",
      "req_tax_wan_per_mu", "supply_year", "build_start_year", "area_m2", "area_mu");

  /** A square of {@code side} degrees at 113.7E 34.7N. */
  static Polygon square(double x, double y, double side) {
    return GF.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + side, y),
        new Coordinate(x + side, y + side), new Coordinate(x, y + side), new Coordinate(x, y)});
  }

  static final Polygon PARCEL = square(113.7, 34.7, 0.001);

  /** A checker over the named columns, lon/lat CGCS2000. */
  static final class Run {
    final List<Issue> errors = new ArrayList<>();
    final List<Issue> warnings = new ArrayList<>();
    final ParcelChecker checker = new ParcelChecker(ColumnMapping.resolve(COLUMNS, Map.of(), false),
        Reprojector.decide(SourceCrs.ofEpsg(4490), "test", List.of(), false), errors, warnings);
    int index;

    ParcelChecker.Candidate check(Geometry g, Object... kv) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("id", "P-" + (index + 1));
      a.put("land_use_code", "1001");
      a.put("status", "在用");
      for (int i = 0; i < kv.length; i += 2) {
        a.put((String) kv[i], kv[i + 1]);
      }
      index++;
      return checker.check(new SourceFeature(index, index + 1, a, g, List.of()));
    }

    Issue only(List<Issue> l, String field) {
      List<Issue> of = l.stream().filter(i -> i.field().equals(field)).toList();
      assertEquals(1, of.size(), l.toString());
      return of.get(0);
    }
  }

  // --- ids --------------------------------------------------------------------------------------

  @Test
  void aCleanFeatureBecomesAParcelWithItsGeodesicArea() {
    Run r = new Run();
    ParcelChecker.Candidate c = r.check(PARCEL, "zone", "zzetdz", "board", "b1", "park", "p1", "small_micro_park", "s1");
    assertNotNull(c, r.errors.toString());
    assertTrue(r.errors.isEmpty() && r.warnings.isEmpty(), r.warnings.toString());
    NewParcel p = c.toParcel();
    assertEquals("P-1", p.id());
    assertEquals("zzetdz", p.zone());
    assertEquals("b1", p.board());
    assertEquals("p1", p.park());
    assertEquals("s1", p.smallMicroPark());
    assertEquals("工业用地", p.landUseName());
    assertEquals("in_use", p.status());
    double m2 = Geodesy.areaM2(PARCEL);
    assertEquals(Math.round(m2 * 100) / 100.0, p.areaM2(), 0);
    assertEquals(Math.round(m2 / Geodesy.M2_PER_MU * 10_000) / 10_000.0, p.areaMu(), 0);
    assertEquals(4490, c.geom.getSRID());
    assertFalse(c.failed);
  }

  @Test
  void idsAreRequiredValidAndUsedOnce() {
    Run r = new Run();
    assertNull(r.check(PARCEL, "id", "  "));
    assertEquals("no parcel id (column id is empty)", r.only(r.errors, "id").reason());
    assertTrue(r.checker.all.get(0).failed, "a refused feature is still in the preview, marked");
    r = new Run();
    String longBad = "<" + "x".repeat(60);
    assertNull(r.check(PARCEL, "id", longBad));
    String reason = r.only(r.errors, "id").reason();
    assertTrue(reason.contains("'<" + "x".repeat(39) + "…'"), reason);
    r = new Run();
    String forty = "<" + "x".repeat(39);
    assertNull(r.check(PARCEL, "id", forty));
    assertTrue(r.only(r.errors, "id").reason().contains("'" + forty + "'"), "forty characters are quoted whole");
    r = new Run();
    assertNotNull(r.check(PARCEL, "id", "A-1"));
    assertNull(r.check(PARCEL, "id", "A-1"));
    assertEquals("parcel id 'A-1' is used again (first by feature 1)", r.only(r.errors, "id").reason());
    assertEquals(2, r.errors.get(0).index());
    assertEquals(3, r.errors.get(0).row());
  }

  @Test
  void idsAndCodesStoredAsNumbersLoseTheirDecimalPoint() {
    assertEquals("1001", ParcelChecker.text(1001.0));
    assertEquals("12.5", ParcelChecker.text(12.5));
    assertEquals("-7", ParcelChecker.text(-7.0));
    assertEquals("1.0E15", ParcelChecker.text(1e15));
    assertEquals("a", ParcelChecker.text(" a "));
    assertNull(ParcelChecker.text(" "));
    assertNull(ParcelChecker.text(null));
    assertEquals("1001", TableSource.text(1001.0));
    assertEquals("1.0E15", TableSource.text(1e15));
    assertEquals("x", TableSource.text(" x "));
  }

  // --- geometry ---------------------------------------------------------------------------------

  @Test
  void aParcelIsOnePolygonInChina() {
    Run r = new Run();
    assertNull(r.check(null));
    assertEquals("no geometry", r.only(r.errors, "geometry").reason());
    r = new Run();
    assertNull(r.check(GF.createPolygon()));
    assertEquals("no geometry", r.only(r.errors, "geometry").reason());
    r = new Run();
    assertNull(r.check(GF.createPoint(new Coordinate(113.7, 34.7))));
    Issue point = r.only(r.errors, "geometry");
    assertEquals("a parcel needs a polygon, got Point", point.reason());
    assertEquals("地块图形须为面（多边形），而该要素是点", point.reasonZh());
    r = new Run();
    assertNull(r.check(GF.createMultiPolygon(new Polygon[] {PARCEL, square(113.8, 34.8, 0.001)})));
    assertTrue(r.only(r.errors, "geometry").reason().startsWith("a multi-part polygon of 2 parts"));
    assertNotNull(r.checker.all.get(0).shown, "a refused multi-part parcel is still drawn in the preview");
    r = new Run();
    assertNotNull(r.check(GF.createMultiPolygon(new Polygon[] {PARCEL})), r.errors.toString());
    assertNotNull(r.check(GF.createGeometryCollection(new Geometry[] {PARCEL})), r.errors.toString());
    assertNull(r.check(GF.createGeometryCollection(new Geometry[] {PARCEL, square(113.8, 34.8, 0.001)})));
    assertEquals("a parcel needs a polygon, got GeometryCollection", r.only(r.errors, "geometry").reason());
  }

  @Test
  void aRefusedShapeIsStillDrawnAndAnAttributeProblemDoesNotHideAGeometryOne() {
    Run r = new Run();
    Map<String, Object> a = new HashMap<>(Map.of("id", "P-1", "land_use_code", "1001", "status", "在用"));
    r.checker.check(new SourceFeature(1, null, a, GF.createPoint(new Coordinate(113.7, 34.7)),
        List.of(new SourceFeature.Problem("zone", "column zone says 'a' and 'b'", "不一致"))));
    assertEquals(List.of("zone", "geometry"), r.errors.stream().map(Issue::field).toList());
    assertNotNull(r.checker.all.get(0).shown, "a point in China is drawn in the preview with its error");
  }

  @Test
  void aCoordinateThatCannotBeTransformedIsTheFeaturesError() {
    Run r = new Run();
    Polygon nan = GF.createPolygon(new Coordinate[] {new Coordinate(113.7, 34.7), new Coordinate(Double.NaN, 34.7),
        new Coordinate(113.701, 34.701), new Coordinate(113.7, 34.7)});
    assertNull(r.check(nan));
    assertEquals("坐标不是有效的数字", r.only(r.errors, "geometry").reasonZh());
  }

  @Test
  void aParcelOutsideChinaIsRefusedNamingWhereItLanded() {
    Run r = new Run();
    assertNull(r.check(square(140, 35, 0.001)));
    Issue i = r.only(r.errors, "geometry");
    assertTrue(i.reason().contains("lies outside China") && i.reason().contains("lon 140.00000, lat 35.00000"), i.reason());
    assertNull(r.checker.all.get(0).shown);
    r = new Run();
    assertNull(r.check(GF.createMultiPolygon(new Polygon[] {square(140, 35, 0.001), square(141, 35, 0.001)})));
    assertNull(r.checker.all.get(0).shown, "nothing to draw outside China");
  }

  @Test
  void anInvalidPolygonIsRefusedInTheWordsOfALandOfficer() {
    Run r = new Run();
    Polygon bowtie = GF.createPolygon(new Coordinate[] {new Coordinate(113.7, 34.7), new Coordinate(113.701, 34.701),
        new Coordinate(113.701, 34.7), new Coordinate(113.7, 34.701), new Coordinate(113.7, 34.7)});
    assertNull(r.check(bowtie));
    Issue i = r.only(r.errors, "geometry");
    assertTrue(i.reason().startsWith("invalid polygon: Self-intersection at lon 113.700500, lat 34.700500"), i.reason());
    assertEquals("图形无效：边界自相交，位置：经度 113.700500、纬度 34.700500", i.reasonZh());
    assertNotNull(r.checker.all.get(0).shown, "an invalid polygon is still drawn");
    assertEquals("有重复的顶点", ParcelChecker.validationZh(org.locationtech.jts.operation.valid.TopologyValidationError.REPEATED_POINT));
    assertEquals("拓扑错误", ParcelChecker.validationZh(-1));
    assertEquals("线", ParcelChecker.typeZh("LinearRing"));
    assertEquals("多线", ParcelChecker.typeZh("MultiLineString"));
    assertEquals("Curve", ParcelChecker.typeZh("Curve"));
  }

  @Test
  void tinyParcelsAreErrorsAndHugeOnesWarnings() {
    Run r = new Run();
    // about 0.7 m by 0.9 m: under 1 m²
    assertNull(r.check(square(113.7, 34.7, 0.000008)));
    assertEquals("the polygon encloses less than 1 m²", r.only(r.errors, "geometry").reason());
    assertNull(r.checker.all.get(0).geom);
    r = new Run();
    // about 2.3 m by 2.8 m: over 1 m²
    assertNotNull(r.check(square(113.7, 34.7, 0.000025)), r.errors.toString());
    r = new Run();
    // 0.03 degrees: about 2.7 km by 3.3 km, 9 km²
    ParcelChecker.Candidate big = r.check(square(113.7, 34.7, 0.03));
    assertNotNull(big, "a large parcel is kept");
    Issue w = r.only(r.warnings, "geometry");
    assertEquals(String.format("%.2f km² is unusually large for one parcel", big.areaM2 / 1e6), w.reason());
    assertEquals(String.format("面积 %.2f 平方公里，作为一宗地块异常偏大，请核实", big.areaM2 / 1e6), w.reasonZh());
    r = new Run();
    // 0.02 degrees: about 4 km², under the 5 km² warning
    assertNotNull(r.check(square(113.7, 34.7, 0.02)));
    assertTrue(r.warnings.isEmpty(), r.warnings.toString());
  }

  @Test
  void aGeometryTheReaderCouldNotBuildIsNotReportedTwice() {
    Run r = new Run();
    Map<String, Object> a = new HashMap<>(Map.of("id", "P-1", "land_use_code", "1001", "status", "在用"));
    r.checker.check(new SourceFeature(1, null, a, null,
        List.of(new SourceFeature.Problem("geometry", "unreadable WKT", "无法读取"))));
    assertEquals(1, r.errors.size(), r.errors.toString());
    assertEquals("unreadable WKT", r.errors.get(0).reason());
  }

  // --- land use and status ----------------------------------------------------------------------

  @Test
  void landUseCodesAreNationalCodesAndTheirOwnNameIsStored() {
    Run r = new Run();
    assertNull(r.check(PARCEL, "land_use_code", null));
    assertEquals("no land-use code (column land_use_code is empty)", r.only(r.errors, "land_use_code").reason());
    r = new Run();
    assertNull(r.check(PARCEL, "land_use_code", "工业"));
    assertTrue(r.only(r.errors, "land_use_code").reason().startsWith("'工业' is not a land-use code"));
    r = new Run();
    assertNull(r.check(PARCEL, "land_use_code", "9999"));
    assertTrue(r.only(r.errors, "land_use_code").reason().startsWith("unknown land-use code 9999"));
    r = new Run();
    assertNotNull(r.check(PARCEL, "land_use_code", 100102.0, "land_use_name", "二类 工业用地"));
    assertTrue(r.warnings.isEmpty(), "the same name with a space is the same name: " + r.warnings);
    ParcelChecker.Candidate c = r.check(PARCEL, "land_use_code", "1001", "land_use_name", "厂房");
    assertEquals("工业用地", c.landUseName);
    assertTrue(r.only(r.warnings, "land_use_name").reason().contains("'厂房'"));
  }

  @Test
  void statusIsRequiredAndReadInChineseOrEnglish() {
    Run r = new Run();
    assertNull(r.check(PARCEL, "status", null));
    assertEquals("no status (column status is empty)", r.only(r.errors, "status").reason());
    r = new Run();
    assertNull(r.check(PARCEL, "status", "卖掉了"));
    Issue i = r.only(r.errors, "status");
    StringBuilder all = new StringBuilder();
    for (ParcelStatus s : ParcelStatus.values()) {
      all.append(all.length() == 0 ? "" : "、").append(s.zh);
    }
    assertEquals("无法识别的土地状态“卖掉了”：应为 " + all + " 之一", i.reasonZh());
    r = new Run();
    assertEquals(ParcelStatus.idle, r.check(PARCEL, "status", "idle").status);
  }

  // --- figures ----------------------------------------------------------------------------------

  @Test
  void sharesAreReadAsPercentWhenWrittenSo() {
    Run r = new Run();
    assertEquals(0.45, r.check(PARCEL, "coverage", "45%").coverage, 1e-12);
    assertTrue(r.warnings.isEmpty(), "a written % sign needs no warning");
    assertEquals(0.45, r.check(PARCEL, "coverage", 45.0).coverage, 1e-12);
    assertEquals("read 45 as 45%", r.only(r.warnings, "coverage").reason());
    r = new Run();
    assertEquals(1.0, r.check(PARCEL, "coverage_min", "100").coverageMin, 0);
    assertEquals(1, r.warnings.size(), "100 is read as 100 %");
    r = new Run();
    assertEquals(1.0, r.check(PARCEL, "coverage", "1").coverage, 0);
    assertTrue(r.warnings.isEmpty(), "1 is a share already: " + r.warnings);
    assertNull(r.check(PARCEL, "coverage", "101"));
    assertEquals("101 is outside 0..1", r.only(r.errors, "coverage").reason());
  }

  @Test
  void figuresMustBeNumbersWithinTheirRange() {
    Run r = new Run();
    ParcelChecker.Candidate c = r.check(PARCEL, "far", "30", "far_min", 0.0, "floor_area_m2", "1,000", "req_invest_wan_per_mu", " ",
        "req_tax_wan_per_mu", "");
    assertNotNull(c, r.errors.toString());
    assertEquals(30.0, c.far, 0);
    assertEquals(0.0, c.farMin, 0);
    assertEquals(1000.0, c.floorAreaM2, 0);
    assertNull(c.reqInvest);
    assertNull(c.reqTax);
    assertNull(r.check(PARCEL, "far", "30.5"));
    assertEquals("30.5 is outside 0..30", r.only(r.errors, "far").reason());
    r = new Run();
    assertNull(r.check(PARCEL, "far", "-0.1"));
    assertEquals("-0.1 is outside 0..30", r.only(r.errors, "far").reason());
    r = new Run();
    assertNull(r.check(PARCEL, "req_tax_wan_per_mu", "abc"));
    Issue i = r.only(r.errors, "req_tax_wan_per_mu");
    assertEquals("'abc' is not a number", i.reason());
    assertEquals("亩均税收要求（万元/亩）“abc”不是数字", i.reasonZh());
  }

  @Test
  void yearsArePlausibleYearsAndZeroIsNone() {
    int max = Year.now().getValue() + 10;
    Run r = new Run();
    assertEquals(2015, r.check(PARCEL, "supply_year", "2015年").supplyYear);
    assertEquals(2016, r.check(PARCEL, "supply_year", 2016.0).supplyYear);
    assertEquals(1949, r.check(PARCEL, "supply_year", "1949").supplyYear);
    assertEquals(max, r.check(PARCEL, "build_start_year", String.valueOf(max)).buildStartYear);
    assertNull(r.check(PARCEL, "supply_year", 0.0).supplyYear, "DBF writes 0 for no year");
    assertNull(r.check(PARCEL, "supply_year", 0L).supplyYear);
    assertNull(r.check(PARCEL, "build_start_year", "0").buildStartYear);
    assertNull(r.check(PARCEL, "supply_year", "").supplyYear);
    assertTrue(r.errors.isEmpty(), r.errors.toString());
    assertNull(r.check(PARCEL, "supply_year", "1948"));
    assertEquals("1948 is not a plausible year (1949.." + max + ")", r.only(r.errors, "supply_year").reason());
    r = new Run();
    assertNull(r.check(PARCEL, "build_start_year", String.valueOf(max + 1)));
    r.only(r.errors, "build_start_year");
    r = new Run();
    assertNull(r.check(PARCEL, "supply_year", "十五年"));
    assertEquals("'十五年' is not a year", r.only(r.errors, "supply_year").reason());
    r = new Run();
    assertNull(r.check(PARCEL, "supply_year", "05"));
    assertNull(r.check(PARCEL, "supply_year", "0123"));
    assertEquals(2, r.errors.size(), "only a bare 0 means no year: " + r.errors);
  }

  @Test
  void aStatedAreaFarFromTheGeodesicOneIsWarnedAboutInItsOwnUnit() {
    double m2 = Geodesy.areaM2(PARCEL);
    Run r = new Run();
    r.check(PARCEL, "area_m2", m2 * 1.04);
    assertTrue(r.warnings.isEmpty(), "4 % apart is within tolerance");
    r.check(PARCEL, "area_m2", m2 * 1.10);
    Issue w = r.only(r.warnings, "area_m2");
    assertTrue(w.reason().contains("(10.0% apart)") && !w.reason().contains(" mu)"), w.reason());
    r = new Run();
    r.check(PARCEL, "area_mu", m2 * 0.9 / Geodesy.M2_PER_MU);
    Issue mu = r.only(r.warnings, "area_mu");
    assertTrue(mu.reason().contains(String.format(" (%.4f mu)", m2 * 0.9 / Geodesy.M2_PER_MU)), mu.reason());
    assertTrue(mu.reason().contains("(10.0% apart)"), mu.reason());
    assertTrue(mu.reasonZh().contains(String.format("（%.4f 亩）", m2 * 0.9 / Geodesy.M2_PER_MU)), mu.reasonZh());
    assertFalse(w.reasonZh().contains("亩"), w.reasonZh());
    r = new Run();
    r.check(PARCEL, "area_m2", 0.0, "area_mu", 1.0);
    assertTrue(r.warnings.isEmpty(), "a stated 0 is no statement: " + r.warnings);
    r.check(PARCEL, "area_m2", "n/a");
    assertTrue(r.warnings.isEmpty(), r.warnings.toString());
  }

  @Test
  void roundingAndCopying() {
    assertEquals(1.23, ParcelChecker.round(1.2349, 2), 0);
    assertEquals(1.2346, ParcelChecker.round(1.23456, 4), 0);
    List<Issue> l = List.of(new Issue(1, null, "a", "id", "x", "x"), new Issue(2, null, "b", "id", "y", "y"));
    assertEquals(1, ParcelChecker.copy(l, 1).size());
    assertEquals(2, ParcelChecker.copy(l, 5).size());
  }

  // --- column mapping ---------------------------------------------------------------------------

  @Test
  void anExplicitColumnWinsAndIsNotGuessedForAnotherField() {
    ColumnMapping m = ColumnMapping.resolve(List.of("area", "面积", "ZDDM", "状态", "DLBM"),
        Map.of(ParcelField.AREA_MU, "area"), false);
    assertEquals("area", m.column(ParcelField.AREA_MU));
    assertEquals("面积", m.column(ParcelField.AREA_M2));
    assertEquals("ZDDM", m.column(ParcelField.ID));
    assertEquals(List.of("id", "land_use_code", "status", "area_m2"), m.guessedFields());
    assertEquals("area", m.asMap().get("area_mu"));
    assertTrue(m.unused(List.of("area", "面积", "ZDDM", "状态", "DLBM", "备注")).equals(List.of("备注")));
  }

  @Test
  void aBlankParameterTurnsGuessingOff() {
    Map<ParcelField, String> explicit = new HashMap<>();
    explicit.put(ParcelField.AREA_M2, " ");
    explicit.put(ParcelField.ZONE, null);
    ColumnMapping m = ColumnMapping.resolve(List.of("id", "area", "zone"), explicit, false);
    assertFalse(m.has(ParcelField.AREA_M2));
    assertFalse(m.has(ParcelField.ZONE));
    assertTrue(m.has(ParcelField.ID));
  }

  @Test
  void columnsAreFoundExactlyFirstThenIgnoringCaseSpacesAndUnderscores() {
    assertEquals("zddm", ColumnMapping.find(List.of("ZDDM", "zddm"), "zddm"));
    assertEquals("ZDDM", ColumnMapping.find(List.of("ZDDM", "x"), "zddm"));
    assertEquals("Zone ID", ColumnMapping.find(List.of("Zone ID"), "zone_id"));
    assertNull(ColumnMapping.find(List.of("zone"), "zone_id"));
    ColumnMapping m = ColumnMapping.resolve(List.of("宗地 编号", "LAND_USE", "Status"), Map.of(), false);
    assertEquals("LAND_USE", m.column(ParcelField.LAND_USE_CODE));
    assertEquals("Status", m.column(ParcelField.STATUS));
  }

  @Test
  void aWrongMappingIsRefusedNamingTheField() {
    ImportFailure e = assertThrows(ImportFailure.class,
        () -> ColumnMapping.resolve(List.of("a", "b"), Map.of(ParcelField.STATUS, "c"), false));
    assertEquals("status", e.parameter);
    assertEquals("status: the file has no column 'c'; its columns are [a, b]", e.getMessage());
    assertEquals("为“土地状态”指定的列“c”在文件中不存在；文件的列为：a、b", e.messageZh);
    ImportFailure g = assertThrows(ImportFailure.class,
        () -> ColumnMapping.resolve(List.of("a", "b"), Map.of(ParcelField.LON, "a"), false));
    assertEquals("lon", g.parameter);
    assertEquals("lon", ColumnMapping.resolve(List.of("lon", "lat"), Map.of(ParcelField.LON, "lon"), true).column(ParcelField.LON));
    assertNull(ColumnMapping.resolve(List.of("lon", "lat", "id"), Map.of(), false).column(ParcelField.LON),
        "a GIS format's own geometry: coordinate columns are not guessed");
  }

  @Test
  void theMappingFormListsTheFieldsOfTheFile() {
    List<Map<String, Object>> gis = ColumnMapping.fields(false, null);
    assertTrue(gis.stream().noneMatch(f -> f.get("field").equals("wkt") || f.get("field").equals("x")));
    assertEquals(ParcelField.values().length, ColumnMapping.fields(true, null).size());
    Map<String, Object> id = gis.get(0);
    assertEquals("id", id.get("field"));
    assertEquals("宗地编号", id.get("title_zh"));
    assertEquals("Parcel id", id.get("title_en"));
    assertEquals(true, id.get("required"));
    assertEquals(false, id.get("geometry"));
    assertNull(id.get("column"));
    assertEquals(false, id.get("guessed"));
    ColumnMapping m = ColumnMapping.resolve(List.of("宗地号", "zone", "X"), Map.of(ParcelField.ZONE, "zone"), true);
    Map<String, Map<String, Object>> byField = new HashMap<>();
    ColumnMapping.fields(true, m).forEach(f -> byField.put((String) f.get("field"), f));
    assertEquals("宗地号", byField.get("id").get("column"));
    assertEquals(true, byField.get("id").get("guessed"));
    assertEquals(false, byField.get("zone").get("guessed"));
    assertEquals(false, byField.get("zone").get("required"));
    assertEquals(true, byField.get("x").get("geometry"));
    assertEquals(true, byField.get("status").get("required"));
  }

  // --- tables -----------------------------------------------------------------------------------

  static TableSource.Table csv(String text) {
    return TableSource.readCsv(text.getBytes(StandardCharsets.UTF_8), null);
  }

  @Test
  void theDelimiterIsTheOneTheHeaderUsesMost() {
    assertEquals(List.of("a", "b", "c"), csv("a;b;c\n1;2;3\n").columns());
    assertEquals(List.of("a", "b"), csv("a\tb\n1\t2\n").columns());
    assertEquals(List.of("a", "b"), csv("a|b\n1|2\n").columns());
    assertEquals(List.of("a;b", "c"), csv("a;b,c\n").columns());
    assertEquals(List.of("a,b"), csv("\"a,b\"\n").columns());
    assertEquals(List.of("a", "b"), csv("\n \na;b\n1;2\n").columns(), "blank lines above the header are not the header");
  }

  @Test
  void headerNamesAreMadeUniqueAndBlankOnesNumbered() {
    TableSource.Table t = csv("\n,,\nid,id,,id\n1,2,3,4\n\n5,6,7,8\n");
    assertEquals(List.of("id", "id_2", "column 3", "id_3"), t.columns());
    assertEquals(List.of(4, 6), t.rowNumbers());
    assertEquals(List.of("5", "6", "7", "8"), t.rows().get(1));
    assertEquals("UTF-8", t.encoding());
    assertTrue(t.notes().isEmpty());
  }

  @Test
  void aCsvThatIsNotUtf8IsReadAsGbkAndSaysSo() {
    TableSource.Table t = TableSource.readCsv("宗地号,状态\nA1,在用\n".getBytes(Charset.forName("GB18030")), null);
    assertEquals(List.of("宗地号", "状态"), t.columns());
    assertEquals(1, t.notes().size());
    assertEquals(1, t.notesZh().size());
    byte[] bom = ("\uFEFF宗地号,状态\nA1,在用\n").getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of("宗地号", "状态"), TableSource.readCsv(bom, null).columns());
    assertEquals(List.of("宗地号", "状态"), TableSource.readCsv(bom, "UTF-8").columns(), "a named UTF-8 still drops the mark");
    ImportFailure e = assertThrows(ImportFailure.class, () -> csv("\n\n"));
    assertEquals("file", e.parameter);
  }

  @Test
  void numbersAndCoordinatesAsPeopleWriteThem() {
    assertEquals(1234.5, TableSource.number("1,234.5"), 0);
    assertEquals(12.0, TableSource.number(" 1 2 "), 0);
    assertEquals(3.0, TableSource.number(3), 0);
    assertNull(TableSource.number("NaN"));
    assertNull(TableSource.number("Infinity"));
    assertNull(TableSource.number("abc"));
    assertNull(TableSource.number(null));
    assertEquals(-34.5, TableSource.coordinate("34°30'S"), 1e-12);
    assertEquals(-113.5, TableSource.coordinate("113度30分西"), 1e-12);
    assertEquals(-34.5, TableSource.coordinate("-34°30′"), 1e-12);
    assertEquals(34.501, TableSource.coordinate("34°30'3.6''北"), 1e-12);
    assertEquals(-113.0, TableSource.coordinate("113°W"), 1e-12);
    assertEquals(-20.0, TableSource.coordinate("20°南"), 1e-12);
    assertEquals(10.0, TableSource.coordinate("10°东"), 1e-12);
    assertEquals(0.5, TableSource.coordinate("0°30'"), 1e-12);
    assertNull(TableSource.coordinate(null));
  }

  static SourceData points(String csv, Map<ParcelField, String> explicit) {
    TableSource.Table t = csv(csv);
    return TableSource.features(t, ColumnMapping.resolve(t.columns(), explicit, true));
  }

  @Test
  void boundaryPointsAreOrderedByTheirNumberAndClosed() {
    SourceData d = points("宗地号,点号,经度,纬度,地类编码\n"
        + "A,3,113.701,34.701,1001\nA,1,113.7,34.7,\nA,2,113.701,34.7,1001\nA,4,113.7,34.701,1001\n", Map.of());
    SourceFeature f = d.features().get(0);
    assertTrue(f.problems().isEmpty(), f.problems().toString());
    Polygon p = (Polygon) f.geometry();
    assertEquals(5, p.getNumPoints());
    assertEquals(new Coordinate(113.7, 34.7), p.getExteriorRing().getCoordinateN(0));
    assertEquals(new Coordinate(113.701, 34.7), p.getExteriorRing().getCoordinateN(1));
    assertEquals(2, f.row(), "the row of the parcel's first line");
    assertEquals("1001", f.attributes().get("地类编码"), "a blank cell does not hide the parcel's value");
    assertEquals("A", f.attributes().get("宗地号"));
    assertFalse(d.columns().contains("经度"), "coordinate columns are not attributes");
  }

  @Test
  void pointRowsThatDisagreeOrCannotBeReadAreTheParcelsProblems() {
    SourceData d = points("id,x,y,status\n"
        + "A,113.7,34.7,在用\nA,113.701,34.7,闲置\nA,113.701,34.701,在用\n"
        + "B,113.7,abc,在用\nB,113.8,34.8,在用\n"
        + "C,113.7,34.7,在用\nC,113.701,34.7,在用\nC,113.7,34.7,在用\n"
        + ",113.7,34.7,在用\n", Map.of());
    List<SourceFeature> f = d.features();
    assertEquals(4, f.size());
    SourceFeature.Problem conflict = f.get(0).problems().get(0);
    assertEquals("status", conflict.field());
    assertEquals("column status says '在用' in row 2 and '闲置' in row 3 for the same parcel", conflict.reason());
    assertNotNull(f.get(0).geometry(), "a disagreeing attribute does not cost the parcel its outline");
    assertEquals("row 5: y is not a number ('abc')", f.get(1).problems().get(0).reason());
    assertEquals("第 5 行：坐标列“y”的值“abc”不是数字", f.get(1).problems().get(0).reasonZh());
    assertEquals(1, f.get(1).problems().size(), "a parcel with an unreadable point is not also built from the rest");
    assertNull(f.get(1).geometry());
    assertTrue(f.get(2).problems().get(0).reason().startsWith("ring 1 has 2 distinct boundary point(s)"),
        f.get(2).problems().toString());
    assertTrue(f.get(2).problems().get(0).reasonZh().startsWith("第 1 圈只有 2 个不同的界址点"), f.get(2).problems().toString());
    assertEquals(4, f.get(3).index());
    assertEquals(10, f.get(3).row());
    assertEquals("id", f.get(3).problems().get(0).field());
  }

  @Test
  void furtherRingsAreHolesAndPointNumbersMustBeNumbers() {
    SourceData d = points("id,ring,x,y\n"
        + "A,1,113.7,34.7\nA,1,113.71,34.7\nA,1,113.71,34.71\nA,1,113.7,34.71\n"
        + "A,2,113.702,34.702\nA,2,113.703,34.702\nA,2,113.703,34.703\nA,2,113.702,34.702\n", Map.of());
    Polygon p = (Polygon) d.features().get(0).geometry();
    assertEquals(1, p.getNumInteriorRing());
    assertEquals(4, p.getInteriorRingN(0).getNumPoints(), "a ring already closed is not closed again");
    // ring and point number in the first column
    SourceData first = points("ring,点号,id,x,y\n"
        + "1,3,A,113.71,34.71\n1,1,A,113.7,34.7\n1,2,A,113.71,34.7\n1,4,A,113.7,34.71\n"
        + "2,1,A,113.702,34.702\n2,2,A,113.703,34.702\n2,3,A,113.703,34.703\n", Map.of());
    Polygon withHole = (Polygon) first.features().get(0).geometry();
    assertEquals(1, withHole.getNumInteriorRing(), first.features().get(0).problems().toString());
    assertEquals(new Coordinate(113.71, 34.7), withHole.getExteriorRing().getCoordinateN(1));
    SourceData bad = points("id,点号,x,y\nA,一,113.7,34.7\nA,2,113.71,34.7\nA,3,113.71,34.71\n", Map.of());
    assertEquals("row 2: point number 点号 is not a number", bad.features().get(0).problems().get(0).reason());
  }

  @Test
  void aTableNeedsGeometryColumnsAndPointsNeedAnId() {
    assertEquals("wkt", assertThrows(ImportFailure.class, () -> points("id,a\n1,2\n", Map.of())).parameter);
    assertEquals("wkt", assertThrows(ImportFailure.class, () -> points("id,lon\n1,2\n", Map.of())).parameter);
    assertEquals("wkt", assertThrows(ImportFailure.class, () -> points("id,x,lat\n1,2,3\n", Map.of())).parameter);
    assertEquals("id", assertThrows(ImportFailure.class, () -> points("name,lon,lat\n1,2,3\n", Map.of())).parameter);
  }

  @Test
  void wktRowsMayNameTheirSridOnceForTheFile() {
    SourceData d = points("id,wkt\nA,SRID=4547;POINT(1 2)\nB,srid=4547 ; POINT(3 4)\nC,\nD,POINT(1\n", Map.of());
    assertEquals("EPSG:4547", d.declaredCrs());
    assertEquals(4, d.features().size());
    assertNotNull(d.features().get(1).geometry());
    assertNull(d.features().get(2).geometry());
    assertTrue(d.features().get(2).problems().isEmpty());
    assertTrue(d.features().get(3).problems().get(0).reason().startsWith("unreadable WKT in column wkt"));
    assertFalse(d.columns().contains("wkt"));
    assertNull(points("id,wkt\nA,POINT(1 2)\n", Map.of()).declaredCrs());
    assertEquals("A", d.features().get(0).attributes().get("id"));
    SourceData shortRow = points("id,wkt,zone\nA,POINT(1 2)\n", Map.of());
    assertTrue(shortRow.features().get(0).attributes().containsKey("zone"));
    assertNull(shortRow.features().get(0).attributes().get("zone"), "a row shorter than the header reads blank");
    ImportFailure e = assertThrows(ImportFailure.class, () -> points("id,wkt\nA,SRID=4547;POINT(1 2)\nB,SRID=4490;POINT(3 4)\n", Map.of()));
    assertEquals("wkt", e.parameter);
  }

  static byte[] workbook(Object[][]... sheets) throws Exception {
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
      for (Object[][] rows : sheets) {
        org.apache.poi.ss.usermodel.Sheet sh = wb.createSheet((String) rows[0][0]);
        for (int r = 1; r < rows.length; r++) {
          org.apache.poi.ss.usermodel.Row row = sh.createRow(r - 1 + (int) rows[0][1]);
          for (int c = 0; c < rows[r].length; c++) {
            if (rows[r][c] instanceof Number n) {
              row.createCell(c).setCellValue(n.doubleValue());
            } else if (rows[r][c] != null) {
              row.createCell(c).setCellValue(rows[r][c].toString());
            }
          }
        }
      }
      wb.write(out);
      return out.toByteArray();
    }
  }

  @Test
  void aWorkbookSheetIsChosenByNameOrAsTheOnlyOneWithData() throws Exception {
    Object[][] empty = {{"说明", 0}};
    Object[][] parcels = {{"地块", 2}, {"宗地号", 2024.0, "x"}, {"A", 1, 2}, {"B", 3}};
    TableSource.Table t = TableSource.readSpreadsheet(workbook(empty, parcels), null);
    assertEquals("地块", t.sheet());
    assertEquals(List.of("宗地号", "2024", "x"), t.columns(), "a numeric header is read without its decimal point");
    assertEquals(List.of(4, 5), t.rowNumbers(), "rows as the spreadsheet numbers them");
    assertEquals(java.util.Arrays.asList("B", 3.0), t.rows().get(1));
    Object[][] other = {{"Other", 0}, {"a"}, {"b"}};
    ImportFailure several = assertThrows(ImportFailure.class, () -> TableSource.readSpreadsheet(workbook(other, parcels), null));
    assertEquals("layer", several.parameter);
    assertEquals("地块", TableSource.readSpreadsheet(workbook(other, parcels), " 地块 ").sheet());
    assertEquals("Other", TableSource.readSpreadsheet(workbook(other, parcels), "other").sheet());
    ImportFailure none = assertThrows(ImportFailure.class, () -> TableSource.readSpreadsheet(workbook(other, parcels), "nope"));
    assertEquals("layer", none.parameter);
    assertTrue(none.getMessage().contains("[Other, 地块]"), none.getMessage());
    ImportFailure blank = assertThrows(ImportFailure.class, () -> TableSource.readSpreadsheet(workbook(empty), null));
    assertEquals("file", blank.parameter);
    assertEquals("file: the workbook is empty", blank.getMessage());
  }

  // --- coordinates ------------------------------------------------------------------------------

  static Geometry point(double x, double y) {
    return GF.createPoint(new Coordinate(x, y));
  }

  @Test
  void chinasExtentIncludesItsEdges() {
    assertTrue(Reprojector.insideChina(GF.createMultiPoint(new Coordinate[] {new Coordinate(73, 3), new Coordinate(136, 54)})));
    assertFalse(Reprojector.insideChina(point(72.99, 30)));
    assertFalse(Reprojector.insideChina(point(136.01, 30)));
    assertFalse(Reprojector.insideChina(point(100, 2.99)));
    assertFalse(Reprojector.insideChina(point(100, 54.01)));
  }

  @Test
  void aFileWithoutCoordinatesKeepsTheGivenCrsOrCgcs2000() {
    Reprojector none = Reprojector.decide(null, "x", java.util.Arrays.asList(null, GF.createPolygon()), false);
    assertEquals(4490, none.crs.epsg);
    assertEquals("default", none.how);
    Reprojector given = Reprojector.decide(SourceCrs.ofEpsg(4547), "the srs parameter", List.of(), false);
    assertEquals(4547, given.crs.epsg);
    assertEquals("the srs parameter", given.how);
  }

  @Test
  void degreesOutsideChinaAskForTheCrs() {
    ImportFailure e = assertThrows(ImportFailure.class, () -> Reprojector.decide(null, null, List.of(point(10, 50)), false));
    assertEquals("srs", e.parameter);
    assertTrue(e.getMessage().contains("none lies in China (e.g. (10, 50))"), e.getMessage());
  }

  @Test
  void aSixDegreeZonePrefixIsRecognisedToo() {
    Reprojector r = Reprojector.decide(null, null, List.of(point(20448688.8557344, 4418598.00125859)), false);
    assertEquals(4498, r.crs.epsg);
    assertFalse(r.swapAxes);
    assertTrue(r.notes.get(0).contains("6-degree Gauss-Kruger zone 20 (EPSG:4498, central meridian 117°E)"), r.notes.toString());
    assertTrue(r.notesZh.get(0).contains("6 度带第 20 带"), r.notesZh.toString());
    assertEquals(1, r.notes.size(), "no axis swap to note");
  }

  @Test
  void wgs84AndTheSurveyingOrderAreNoted() {
    Reprojector wgs = Reprojector.decide(SourceCrs.ofEpsg(4326), "the srs parameter", List.of(point(113.83, 34.65)), false);
    assertTrue(wgs.crs.wgs84);
    assertEquals(1, wgs.notes.size());
    assertTrue(wgs.notes.get(0).startsWith("EPSG:4326 is on WGS 84"), wgs.notes.toString());
    Reprojector swapped = Reprojector.decide(SourceCrs.ofEpsg(4547), "the srs parameter",
        List.of(point(3835777.96580698, 484415.212643817)), true);
    assertTrue(swapped.swapAxes);
    assertTrue(swapped.notes.get(0).startsWith("X holds northings"), swapped.notes.toString());
    Reprojector plain = Reprojector.decide(SourceCrs.ofEpsg(4547), "the srs parameter", List.of(point(484415.2, 3835777.9)), true);
    assertFalse(plain.swapAxes);
    assertTrue(plain.notes.isEmpty(), plain.notes.toString());
  }

  @Test
  void metresThatAreNotGaussKrugerCannotBeToldApart() {
    ImportFailure e = assertThrows(ImportFailure.class, () -> Reprojector.decide(null, null, List.of(point(5000, 5000)), false));
    assertTrue(e.getMessage().startsWith("srs: cannot tell the coordinate system"), e.getMessage());
  }

  @Test
  void aCoordinateThatIsNoNumberIsTheFeaturesProblem() {
    Reprojector r = Reprojector.decide(SourceCrs.ofEpsg(4490), "test", List.of(), false);
    Reprojector.CoordinateProblem p = assertThrows(Reprojector.CoordinateProblem.class, () -> r.toLonLat(point(Double.NaN, 34)));
    assertEquals("坐标不是有效的数字", p.zh);
  }

  @Test
  void whereTheCrsCameFromInChinese() {
    assertEquals("", Reprojector.howZh(null));
    assertEquals("所选", Reprojector.howZh("the srs parameter"));
    assertEquals("由坐标推断", Reprojector.howZh("detected"));
    assertEquals("默认", Reprojector.howZh("default"));
    assertEquals("来自 GeoPackage 的坐标系表", Reprojector.howZh("gpkg_spatial_ref_sys"));
    assertEquals("来自 GeoJSON 的 crs 成员", Reprojector.howZh("the GeoJSON crs member"));
    assertEquals("来自 WKT 中的 SRID", Reprojector.howZh("SRID= in the WKT"));
    assertEquals("来自 zongdi.PRJ 文件", Reprojector.howZh("zongdi.PRJ"));
    assertEquals("来自 x", Reprojector.howZh("x"));
  }

  @Test
  void numbersInMessagesAreShort() {
    assertEquals("12", Reprojector.num(12.0));
    assertEquals("-3", Reprojector.num(-3.0));
    assertEquals("1.5", Reprojector.num(1.5));
    assertEquals("1.235", Reprojector.num(1.23456));
    assertEquals("114", SourceCrs.fmt(114.0));
    assertEquals("114.5", SourceCrs.fmt(114.5));
  }

  @Test
  void crsSpellingsAndTheirRefusals() {
    assertEquals(4326, SourceCrs.parse(" OGC:CRS84 ", "srs").epsg);
    assertEquals(4326, SourceCrs.parse("http://www.opengis.net/def/crs/OGC/1.3/CRS84", "srs").epsg);
    assertEquals(4547, SourceCrs.parse("4547", "srs").epsg);
    assertEquals(4547, SourceCrs.parse("EPSG::4547", "srs").epsg);
    ImportFailure e = assertThrows(ImportFailure.class, () -> SourceCrs.parse("x".repeat(70), "srs"));
    assertTrue(e.getMessage().contains("'" + "x".repeat(60) + "…'"), e.getMessage());
    ImportFailure missing = assertThrows(ImportFailure.class, () -> SourceCrs.parse("EPSG:999999", "srs"));
    assertEquals("srs", missing.parameter);
    ImportFailure wkt = assertThrows(ImportFailure.class, () -> SourceCrs.parse("PROJCS[nonsense", "file"));
    assertEquals("file", wkt.parameter);
  }

  @Test
  void zonePrefixesAtTheEdgesOfTheirRanges() {
    assertEquals(4533, SourceCrs.codeForPrefix(45));
    assertEquals(4491, SourceCrs.codeForPrefix(13));
    assertEquals(4501, SourceCrs.codeForPrefix(23));
    assertNull(SourceCrs.codeForPrefix(46));
    assertNull(SourceCrs.codeForPrefix(12));
  }

  /** The fixture's ESRI .prj with another name, central meridian and false easting. */
  static SourceCrs esri(String name, int cm, double falseEasting) {
    String wkt = SourceCrsTest.prj().replace("CGCS2000_3_Degree_GK_CM_114E", name)
        .replace("PARAMETER[\"Central_Meridian\",114.0]", "PARAMETER[\"Central_Meridian\"," + cm + ".0]")
        .replace("PARAMETER[\"False_Easting\",500000.0]", "PARAMETER[\"False_Easting\"," + falseEasting + "]");
    return SourceCrs.ofWkt(wkt, "file");
  }

  @Test
  void esriGaussKrugerZonesGetTheirEpsgCodeAtTheEdgesOfChina() {
    // 3-degree zones without the prefix: CM 75E-135E are 4534-4554. (A 6-degree zone without the
    // prefix is the same projection as the 3-degree zone on its meridian: GeoTools's own lookup
    // then answers with whichever of the two the process decoded first, so it is not pinned here.)
    assertEquals(4534, esri("CGCS2000_3_Degree_GK_CM_75E", 75, 500000).epsg);
    assertEquals(4553, esri("CGCS2000_3_Degree_GK_CM_132E", 132, 500000).epsg);
    // with the zone prefix in the false easting: 3-degree zones 25-45, 6-degree zones 13-23
    assertEquals(4513, esri("CGCS2000_3_Degree_GK_Zone_25", 75, 25500000).epsg);
    assertEquals(4533, esri("CGCS2000_3_Degree_GK_Zone_45", 135, 45500000).epsg);
    assertEquals(4491, esri("CGCS2000_GK_Zone_13", 75, 13500000).epsg);
    assertEquals(4501, esri("CGCS2000_GK_Zone_23", 135, 23500000).epsg);
  }

  @Test
  void aCrsNameIsQuotedWholeUpToSixtyCharacters() {
    String sixty = "y".repeat(60);
    ImportFailure e = assertThrows(ImportFailure.class, () -> SourceCrs.parse(sixty, "srs"));
    assertTrue(e.getMessage().contains("'" + sixty + "'"), e.getMessage());
  }

  @Test
  void datumsAreNamedAsChineseSurveyorsCallThem() {
    assertEquals("西安 1980 ", SourceCrs.datumZh("Xian_1980"));
    assertEquals("西安 1980 ", SourceCrs.datumZh("Xian80"));
    assertEquals("新北京 54 ", SourceCrs.datumZh("New_Beijing"));
    assertEquals("北京 1954 ", SourceCrs.datumZh("Beijing 1954"));
    assertEquals("北京 1954 ", SourceCrs.datumZh("beijing54"));
    assertEquals(" Tokyo ", SourceCrs.datumZh("Tokyo"));
    assertEquals("WGS84", SourceCrs.datumName(SourceCrs.ofEpsg(4326).crs));
    assertEquals("CGCS2000", SourceCrs.datumName(SourceCrs.ofEpsg(4547).crs));
  }

  @Test
  void aCrsDescribesItselfWithItsCentralMeridian() {
    String d = SourceCrs.ofEpsg(4547).describe();
    assertTrue(d.startsWith("EPSG:4547 (CGCS2000 / 3-degree Gauss-Kruger CM 114E)"), d);
    assertTrue(d.endsWith(", central meridian 114°E"), d);
    assertEquals("EPSG:4490 (China Geodetic Coordinate System 2000)", SourceCrs.ofEpsg(4490).describe());
  }

  @Test
  void gaussKrugerZonesAreIdentifiedFromTheirParameters() {
    SourceCrs.Gk three = SourceCrs.gaussKruger(SourceCrs.ofEpsg(4547).crs);
    assertEquals(114.0, three.centralMeridian());
    assertEquals(0, three.crsPrefix());
    assertEquals(java.util.Set.of(38), three.prefixes(), "CM 114E is 3-degree zone 38 (and no 6-degree zone)");
    SourceCrs.Gk six = SourceCrs.gaussKruger(SourceCrs.ofEpsg(4498).crs);
    assertEquals(20, six.crsPrefix());
    assertEquals(java.util.Set.of(39, 20), six.prefixes(), "CM 117E is 3-degree zone 39 and 6-degree zone 20");
    assertEquals(java.util.Set.of(25, 13), SourceCrs.gaussKruger(SourceCrs.ofEpsg(4513).crs).prefixes(), "the westernmost zones");
    assertEquals(java.util.Set.of(45, 23), SourceCrs.gaussKruger(SourceCrs.ofEpsg(4533).crs).prefixes(), "the easternmost zones");
    assertNull(SourceCrs.gaussKruger(SourceCrs.ofEpsg(4490).crs));
    assertNull(SourceCrs.gaussKruger(SourceCrs.ofEpsg(32649).crs), "UTM has scale 0.9996");
    assertEquals(4490, SourceCrs.chinaCode(SourceCrs.ofEpsg(4490).crs));
    assertEquals(4547, SourceCrs.chinaCode(SourceCrs.ofEpsg(4547).crs));
    assertEquals(4526, SourceCrs.chinaCode(SourceCrs.ofEpsg(4526).crs));
    assertEquals(4498, SourceCrs.chinaCode(SourceCrs.ofEpsg(4498).crs));
    assertNull(SourceCrs.chinaCode(SourceCrs.ofEpsg(4326).crs));
  }
}
