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
  record Place(String zone, String zone_zh, String zone_en, String board, String board_zh, String park,
      String park_zh, String small_micro_park, String small_micro_park_zh) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Indicator(String code, String zh, String en, Double value, String unit_zh, String unit_en) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Card(String id, String title_zh, String title_en, Place place, Map<String, Object> attributes,
      List<Indicator> requirements, List<NearService.NearestItem> nearest, StandardLand.Test standard_land,
      List<Occupant> enterprises, double[] point, double[] bbox, @JsonRawValue String geometry,
      Map<String, String> links, boolean synthetic, String note, String generated_at) {}

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

  /** The card's map; see {@link SiteMap}. */
  String mapSvg(String id) throws SQLException {
    try (Connection c = repo.connection()) {
      ParcelRow p = repo.parcel(c, id).orElseThrow(() -> ApiError.notFound("no parcel '" + id + "'"));
      Envelope w = Proximity.window(p.geom().getEnvelopeInternal(), SiteMap.margin(p));
      return SiteMap.svg(p, repo.parcelsInWindow(c, w, 4000), repo.planInWindow(c, w, 2000), w);
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
        new Indicator("far_min", "容积率下限", "minimum floor-area ratio", p.farMin(), "", ""),
        new Indicator("coverage_min", "建筑系数下限", "minimum building coverage", p.coverageMin(), "", ""),
        new Indicator("req_invest_wan_per_mu", "固定资产投资强度", "fixed-asset investment intensity",
            p.reqInvestWanPerMu(), "万元/亩", "10k CNY/mu"),
        new Indicator("req_tax_wan_per_mu", "亩均税收", "tax per mu", p.reqTaxWanPerMu(), "万元/亩·年", "10k CNY/mu/yr"));
    Point ip = p.geom().getInteriorPoint();
    Plane plane = Plane.forLongitude(ip.getX());
    List<NearService.NearestItem> nearest = near.nearest(c, Projected.of(p.geom(), plane), Labels.DEFAULT_NEAR, plane);
    Envelope e = p.geom().getEnvelopeInternal();
    String enc = URLEncoder.encode(p.id(), StandardCharsets.UTF_8);
    Map<String, String> links = new LinkedHashMap<>();
    links.put("self", "/api/sites/" + enc + "/card");
    links.put("map_svg", "/api/sites/" + enc + "/map.svg");
    links.put("share", SiteFinder.cardLink(p.id(), inv));
    links.put("map", "/?s=parcels:" + enc);
    return new Card(p.id(), "地块 " + p.id() + "（" + p.landUseName() + "）", "Parcel " + p.id(), place, a, req, nearest,
        inv.given() ? StandardLand.test(p, inv) : null, repo.occupants(c, p.id()), Out.lonLat(ip.getCoordinate()),
        new double[] {Out.round(e.getMinX(), 7), Out.round(e.getMinY(), 7), Out.round(e.getMaxX(), 7), Out.round(e.getMaxY(), 7)},
        Out.geojson(p.geom()), links, p.synthetic(),
        "地块及企业为合成示例数据，规划要素位置为示意；距离为椭球面测地线距离（最近点之间）。"
            + " Parcels and enterprises are synthetic; plan features are schematic; distances are geodesic between nearest points.",
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
  }

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
        board == null ? null : board.nameZh(), p.park(), park == null ? null : park.nameZh(), p.smallMicroPark(),
        smp == null ? null : smp.nameZh());
  }
}
