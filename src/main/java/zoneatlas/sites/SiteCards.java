package zoneatlas.sites;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import zoneatlas.http.ApiError;
import zoneatlas.sites.Proximity.Projected;
import zoneatlas.sites.SiteRepo.Occupant;
import zoneatlas.sites.SiteRepo.ParcelRow;
import zoneatlas.sites.SiteRepo.PlaceName;
import zoneatlas.sites.StandardLand.Investor;

/**
 * The site card an investment team prints for a prospect: the parcel's attributes, where it
 * lies, its control indicators, the distance to the nearest infrastructure of each category, the
 * standard-land test for the prospect's figures when given, and a map. Everything on it is public
 * (parcel layer and plan features, enterprise names without figures), so a card link can be shared.
 */
final class SiteCards {
  static final int MAX_COMPARE = 3;
  private final SiteRepo repo;
  private final NearService near;

  SiteCards(SiteRepo repo, NearService near) {
    this.repo = repo;
    this.near = near;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Place(String zone, String zone_zh, String zone_en, String board, String board_zh, String board_en, String park,
      String park_zh, String park_en, String small_micro_park, String small_micro_park_zh, String small_micro_park_en) {}

  /**
   * A control indicator the parcel is supplied with: what a project on it must reach. {@code
   * value} is as stored (building coverage a fraction); {@code requirement_zh/en} say it as a
   * requirement ("要求 ≥ 30%"), so no reader takes it for the parcel's own figure.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Indicator(String code, String zh, String en, Double value, String unit_zh, String unit_en,
      String requirement_zh, String requirement_en) {
    /** A ratio or percentage ({@code wanPer} null) or an amount in 万元 per {@code wanPer}. */
    static Indicator of(String code, String zh, String en, Double value, String unitZh, String wanPer, boolean percent) {
      String unitEn = wanPer == null ? "" : "10k CNY " + wanPer;
      if (value == null || value <= 0) {
        return new Indicator(code, zh, en, value, unitZh, unitEn, "无要求", "none set");
      }
      String v = percent ? plain(value <= 1 ? value * 100 : value) + "%" : plain(value);
      String zhText = "要求 ≥ " + v + (unitZh.isEmpty() ? "" : " " + unitZh);
      String enText = "at least " + (wanPer == null ? v : cny(value * 10_000) + " " + wanPer);
      return new Indicator(code, zh, en, value, unitZh, unitEn, zhText, enText);
    }

    static String plain(double v) {
      return StandardLand.plain(v);
    }

    static String cny(double yuan) {
      return StandardLand.cny(yuan);
    }
  }

  /** {@code note_zh}/{@code note_en}: what the card's figures rest on, one language each. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Card(String id, String title_zh, String title_en, Place place, Map<String, Object> attributes,
      List<Indicator> requirements, List<NearService.NearestItem> nearest, StandardLand.Test standard_land,
      List<Occupant> enterprises, double[] point, double[] bbox, @JsonRawValue String geometry,
      Map<String, String> links, boolean synthetic, String note_zh, String note_en, String generated_at) {}

  record Comparison(int count, List<Card> sites) {}

  Card card(String id, Investor inv) throws SQLException {
    try (Connection c = repo.connection()) {
      ParcelRow p = repo.parcel(c, id).orElseThrow(() -> ApiError.notFound("no parcel '" + id + "'"));
      return card(c, p, inv);
    }
  }

  Comparison compare(List<String> ids, Investor inv) throws SQLException {
    List<Card> cards = new ArrayList<>();
    try (Connection c = repo.connection()) {
      for (String id : ids) {
        ParcelRow p = repo.parcel(c, id).orElseThrow(() -> ApiError.notFound("no parcel '" + id + "'"));
        cards.add(card(c, p, inv));
      }
    }
    return new Comparison(cards.size(), cards);
  }

  /** The card's map; see {@link SiteMap}. {@code en}: labelled in English. */
  String mapSvg(String id, boolean en) throws SQLException {
    try (Connection c = repo.connection()) {
      ParcelRow p = repo.parcel(c, id).orElseThrow(() -> ApiError.notFound("no parcel '" + id + "'"));
      Envelope w = Proximity.window(p.geom().getEnvelopeInternal(), SiteMap.margin(p));
      return SiteMap.svg(p, repo.parcelsInWindow(c, w, 4000), repo.planInWindow(c, w, 2000), w, en);
    }
  }

  private Card card(Connection c, ParcelRow p, Investor inv) throws SQLException {
    Place place = place(repo.placeNames(c, p), p);
    Labels.Label st = Labels.status(p.status());
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("land_use_code", p.landUseCode());
    a.put("land_use_name", p.landUseName());
    a.put("status", p.status());
    a.put("status_zh", st.zh());
    a.put("status_en", st.en());
    a.put("area_m2", Out.round(p.areaM2(), 1));
    a.put("area_mu", Out.round(p.areaMu(), 2));
    a.put("area_ha", Out.ha(p.areaM2()));
    a.put("far", p.far());
    a.put("coverage", p.coverage());
    a.put("floor_area_m2", p.floorAreaM2());
    a.put("supply_year", p.supplyYear());
    a.put("build_start_year", p.buildStartYear());
    List<Indicator> req = List.of(
        Indicator.of("far_min", "容积率", "floor-area ratio", p.farMin(), "", null, false),
        Indicator.of("coverage_min", "建筑系数", "building coverage", p.coverageMin(), "", null, true),
        Indicator.of("req_invest_wan_per_mu", "固定资产投资强度", "fixed-asset investment",
            p.reqInvestWanPerMu(), "万元/亩", "per mu", false),
        Indicator.of("req_tax_wan_per_mu", "亩均税收", "tax", p.reqTaxWanPerMu(), "万元/亩·年", "per mu a year", false));
    Point ip = p.geom().getInteriorPoint();
    Plane plane = Plane.forLongitude(ip.getX());
    List<NearService.NearestItem> nearest =
        near.nearest(c, Projected.of(p.geom(), plane), p.zone(), Labels.DEFAULT_NEAR, plane);
    Envelope e = p.geom().getEnvelopeInternal();
    String enc = URLEncoder.encode(p.id(), StandardCharsets.UTF_8);
    Map<String, String> links = new LinkedHashMap<>();
    links.put("self", "/api/sites/" + enc + "/card");
    links.put("map_svg", "/api/sites/" + enc + "/map.svg");
    links.put("share", SiteFinder.cardLink(p.id(), inv));
    links.put("map", "/?s=parcels:" + enc);
    Labels.Label name = Labels.parcelName(p.id(), p.zone());
    return new Card(p.id(), name.zh(), name.en(), place, a, req, nearest,
        inv.given() ? StandardLand.test(p, inv) : null, repo.occupants(c, p.id()), Out.lonLat(ip.getCoordinate()),
        new double[] {Out.round(e.getMinX(), 7), Out.round(e.getMinY(), 7), Out.round(e.getMaxX(), 7), Out.round(e.getMaxY(), 7)},
        Out.geojson(p.geom()), links, p.synthetic(), NOTE_ZH, NOTE_EN,
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
  }

  static final String NOTE_ZH = "地块及企业为合成示例数据。基础设施与规划要素的位置为示意：据规划文本绘制，未经测量。"
      + "距离为地块边界到设施的最短地面距离（椭球面测地线）。";
  static final String NOTE_EN = "Parcels and enterprises are synthetic demo data. Infrastructure and plan features are"
      + " schematic: drawn from the plan documents, not surveyed. Distances are the shortest ground distance (geodesic)"
      + " from the parcel's edge to the facility.";

  private static Place place(List<PlaceName> names, ParcelRow p) {
    PlaceName zone = null;
    PlaceName board = null;
    PlaceName park = null;
    PlaceName smp = null;
    for (PlaceName n : names) {
      if (n.layer().equals("zones")) {
        zone = n;
      } else if (n.id().equals(p.board())) {
        board = n;
      } else if (n.id().equals(p.park())) {
        park = n;
      } else if (n.id().equals(p.smallMicroPark())) {
        smp = n;
      }
    }
    return new Place(p.zone(), zone == null ? null : zone.nameZh(), zone == null ? null : zone.nameEn(), p.board(),
        board == null ? null : board.nameZh(), board == null ? null : board.nameEn(), p.park(),
        park == null ? null : park.nameZh(), park == null ? null : park.nameEn(), p.smallMicroPark(),
        smp == null ? null : smp.nameZh(), smp == null ? null : smp.nameEn());
  }
}
