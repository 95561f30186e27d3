package zoneatlas.sites;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import zoneatlas.sites.SiteRepo.Occupant;
import zoneatlas.sites.SiteRepo.ParcelRow;
import zoneatlas.sites.SiteRepo.PlanRow;

/**
 * What is here: every layer's features at a clicked point, most specific first (parcel,
 * small-micro park, industrial park, core board, zone), then infrastructure within a few metres
 * of the click, nearest first, since nobody clicks exactly on a line. The database only picks the
 * features whose boxes hold the point; point-in-polygon and distances are decided in Java.
 */
final class HereService {
  /** Layer order of the answer. */
  static final List<String> ORDER = List.of("parcels", "small-micro-parks", "industrial-parks", "core-boards", "zones",
      "infrastructure");
  static final double DEFAULT_TOLERANCE_M = 25;
  static final double MAX_TOLERANCE_M = 500;
  private static final int MAX_ROWS = 1000;

  private final SiteRepo repo;

  HereService(SiteRepo repo) {
    this.repo = repo;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Item(String collection, String collection_zh, String id, String label_zh, String label_en, Double distance_m,
      Map<String, Object> properties, List<Occupant> enterprises, @JsonRawValue String geometry) {}

  record Result(double lon, double lat, double tolerance_m, int numberReturned, List<Item> results, String note) {}

  Result here(double lon, double lat, double toleranceM) throws SQLException {
    Point pt = Shapes.GF.createPoint(new Coordinate(lon, lat));
    List<Item> items = new ArrayList<>();
    try (Connection c = repo.connection()) {
      for (ParcelRow p : repo.parcelsInWindow(c, new Envelope(lon, lon, lat, lat), MAX_ROWS)) {
        if (p.geom().covers(pt)) {
          items.add(parcel(p, repo.occupants(c, p.id())));
        }
      }
      Envelope w = toleranceM > 0 ? Proximity.window(lon, lat, toleranceM) : new Envelope(lon, lon, lat, lat);
      Plane plane = null;
      List<Item> infra = new ArrayList<>();
      for (PlanRow r : repo.planInWindow(c, w, MAX_ROWS)) {
        if (!r.layer().equals("infrastructure")) {
          if (r.geom().covers(pt)) {
            items.add(plan(r, null));
          }
          continue;
        }
        if (plane == null) {
          plane = Plane.forLongitude(lon);
        }
        double d = Proximity.between(pt, r.geom(), plane).metres();
        if (d <= toleranceM) {
          infra.add(plan(r, Out.round(d, 1)));
        }
      }
      items.sort(Comparator.comparingInt((Item i) -> ORDER.indexOf(i.collection())).thenComparing(Item::id));
      infra.sort(Comparator.comparingDouble(Item::distance_m).thenComparing(Item::id));
      items.addAll(infra);
    }
    return new Result(lon, lat, toleranceM, items.size(), items,
        "parcels and enterprises are synthetic; plan features are schematic (each cites its source document)");
  }

  private static Item parcel(ParcelRow p, List<Occupant> occupants) {
    Labels.Label st = Labels.status(p.status());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("zone", p.zone());
    m.put("board", p.board());
    m.put("park", p.park());
    m.put("small_micro_park", p.smallMicroPark());
    m.put("land_use_code", p.landUseCode());
    m.put("land_use_name", p.landUseName());
    m.put("status", p.status());
    m.put("status_zh", st.zh());
    m.put("area_mu", Out.round(p.areaMu(), 2));
    m.put("area_ha", Out.ha(p.areaM2()));
    m.put("far", p.far());
    m.put("coverage", p.coverage());
    m.put("req_invest_wan_per_mu", p.reqInvestWanPerMu());
    m.put("req_tax_wan_per_mu", p.reqTaxWanPerMu());
    m.put("supply_year", p.supplyYear());
    m.put("synthetic", p.synthetic());
    // the parcel as readers name it (zone and number), as the card and the chooser do
    Labels.Label name = Labels.parcelName(p.id(), p.zone());
    String zh = String.format(Locale.ROOT, "%s · %s · %s · %.2f 亩", name.zh(), p.landUseName(), st.zh(), p.areaMu());
    String en = String.format(Locale.ROOT, "%s · %s · %s · %.2f mu", name.en(), p.landUseCode(), st.en(), p.areaMu());
    return new Item("parcels", "地块", p.id(), zh, en, null, m, occupants, Out.geojson(p.geom()));
  }

  private static Item plan(PlanRow r, Double distance) {
    Out.FeatureRef f = Out.FeatureRef.of(r);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("zone", r.zone());
    m.put("kind", r.kind());
    if (f.kind_zh() != null) {
      m.put("kind_zh", f.kind_zh());
    }
    m.put("board", r.board());
    m.put("park", r.park());
    m.put("status", r.status());
    m.put("schematic", true);
    String zh = (f.kind_zh() != null ? f.kind_zh() : f.layer_zh()) + " · " + r.nameZh();
    String en = (f.kind_en() != null ? f.kind_en() : Labels.LAYER.get(r.layer()).en()) + " · " + r.nameEn();
    return new Item(r.layer(), f.layer_zh(), r.id(), zh, en, distance, m, null, Out.geojson(r.geom()));
  }
}
