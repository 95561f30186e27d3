package zoneatlas.sites;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import zoneatlas.sites.Proximity.Nearest;
import zoneatlas.sites.Proximity.Projected;
import zoneatlas.sites.SiteRepo.PlanRow;

/**
 * What is near a site (a point or a parcel): the nearest infrastructure of each category, with
 * geodesic distances, and every plan feature within a chosen radius.
 *
 * <p>Nearest-of-each-category counts only facilities that can serve the site ({@link
 * ServiceArea}: a water works of another city is no use, however near) and searches a window
 * around the site that grows in bounded steps ({@link #STEPS}, then the category's radius, at
 * most the configured maximum). A feature found at distance d within a window of reach r is the
 * true nearest when d ≤ r, since anything nearer would have met the window; otherwise the next
 * step looks further. Categories with nothing within their radius report "none within" it. Each
 * step is one indexed query; distances are computed in Java ({@link Proximity}).
 */
final class NearService {
  static final double[] STEPS = {2_000, 10_000, 50_000};
  static final int MAX_WITHIN = 500;
  private static final int MAX_ROWS = 20_000;
  private final SiteRepo repo;
  private final SitesService.Limits limits;

  NearService(SiteRepo repo, SitesService.Limits limits) {
    this.repo = repo;
    this.limits = limits;
  }

  /**
   * The place distances are measured from: a clicked point or a parcel's whole polygon, and the
   * zone it lies in (null when not known yet: a point's zone is looked up).
   */
  record Site(String type, String parcel, double lon, double lat, Geometry geom, String zone) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record SiteInfo(String type, String parcel, double[] point, String zone) {}

  /**
   * The nearest feature of one category that can serve the site, or {@code none_within_m} when
   * there is none within the category's search radius {@code radius_m}. {@code serves}: whose
   * facilities counted ({@link ServiceArea.Scope}: any, city, zone).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record NearestItem(String category, String category_zh, String category_en, Out.FeatureRef feature,
      Double distance_m, double[] from, double[] to, Double none_within_m, double radius_m, String serves) {}

  record WithinItem(Out.FeatureRef feature, double distance_m, double[] to) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Result(SiteInfo site, List<NearestItem> nearest, Double radius_m, Integer numberWithin, Boolean truncated,
      List<WithinItem> within, String method) {}

  Result near(Site site, List<String> categories, Double radiusM) throws SQLException {
    Plane plane = Plane.forLongitude(site.lon());
    Projected from = Projected.of(site.geom(), plane);
    try (Connection c = repo.connection()) {
      String zone = site.zone() != null ? site.zone() : zoneAt(c, site.lon(), site.lat());
      List<NearestItem> nearest = nearest(c, from, zone, categories, plane);
      List<WithinItem> within = null;
      Integer n = null;
      Boolean truncated = null;
      if (radiusM != null) {
        within = new ArrayList<>();
        Envelope w = Proximity.window(site.geom().getEnvelopeInternal(), radiusM);
        for (PlanRow r : repo.planInWindow(c, w, MAX_ROWS)) {
          Nearest d = Proximity.between(from, Projected.of(r.geom(), plane), plane);
          if (d.metres() <= radiusM) {
            within.add(new WithinItem(Out.FeatureRef.of(r), Out.round(d.metres(), 1), Out.lonLat(d.onOther())));
          }
        }
        within.sort(Comparator.comparingDouble(WithinItem::distance_m).thenComparing(i -> i.feature().id()));
        n = within.size();
        truncated = within.size() > MAX_WITHIN;
        if (truncated) {
          within = new ArrayList<>(within.subList(0, MAX_WITHIN));
        }
      }
      return new Result(new SiteInfo(site.type(), site.parcel(), new double[] {Out.round(site.lon(), 7),
          Out.round(site.lat(), 7)}, zone), nearest, radiusM, n, truncated, within,
          "geodesic distances (GeographicLib, CGCS2000/WGS84 ellipsoid) between the nearest points of the site and each"
              + " feature; 0 when they touch; utilities count only facilities of the site's city or zone (serves);"
              + " plan geometry is schematic");
    }
  }

  /**
   * The zone a point lies in: a development zone's code, else a city-wide area's (a district of
   * the city plan), else null.
   */
  String zoneAt(Connection c, double lon, double lat) throws SQLException {
    Geometry p = Shapes.GF.createPoint(new org.locationtech.jts.geom.Coordinate(lon, lat));
    String district = null;
    for (PlanRow r : repo.planInWindow(c, new Envelope(lon, lon, lat, lat), MAX_ROWS)) {
      if (r.layer().equals("zones") && r.geom().covers(p)) {
        if ("development_zone".equals(r.kind())) {
          return r.zone();
        }
        district = district == null ? r.zone() : district;
      }
    }
    return district;
  }

  /**
   * Nearest feature per category among those that can serve a site in {@code zone} (null:
   * unknown, all count), searching outwards in bounded steps up to each category's radius.
   */
  List<NearestItem> nearest(Connection c, Projected from, String zone, List<String> categories, Plane plane)
      throws SQLException {
    Map<String, PlanRow> bestRow = new HashMap<>();
    Map<String, Nearest> best = new HashMap<>();
    Map<String, Double> radius = new HashMap<>();
    for (String k : categories) {
      radius.put(k, ServiceArea.radiusM(k, limits.nearestMaxM()));
    }
    Set<String> open = new LinkedHashSet<>(categories);
    Map<String, Projected> projected = new HashMap<>();
    Envelope env = from.lonLat().getEnvelopeInternal();
    double farthest = radius.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    for (double reach : steps(farthest)) {
      if (open.isEmpty()) {
        break;
      }
      for (PlanRow r : repo.infrastructureInWindow(c, Proximity.window(env, reach), MAX_ROWS)) {
        if (!open.contains(r.kind()) || !ServiceArea.serves(r.kind(), r.zone(), zone)) {
          continue;
        }
        Projected p = projected.computeIfAbsent(r.id(), k -> Projected.of(r.geom(), plane));
        Nearest d = Proximity.between(from, p, plane);
        if (d.metres() > radius.get(r.kind())) {
          continue;
        }
        Nearest b = best.get(r.kind());
        if (b == null || d.metres() < b.metres()
            || (d.metres() == b.metres() && r.id().compareTo(bestRow.get(r.kind()).id()) < 0)) {
          best.put(r.kind(), d);
          bestRow.put(r.kind(), r);
        }
      }
      open.removeIf(k -> (best.containsKey(k) && best.get(k).metres() <= reach) || radius.get(k) <= reach);
    }
    List<NearestItem> out = new ArrayList<>();
    for (String k : categories) {
      Labels.Label l = Labels.kind(k);
      Nearest d = best.get(k);
      String serves = ServiceArea.rule(k).scope().name();
      if (d == null) {
        out.add(new NearestItem(k, l.zh(), l.en(), null, null, null, null, radius.get(k), radius.get(k), serves));
      } else {
        out.add(new NearestItem(k, l.zh(), l.en(), Out.FeatureRef.of(bestRow.get(k)), Out.round(d.metres(), 1),
            Out.lonLat(d.onSite()), Out.lonLat(d.onOther()), null, radius.get(k), serves));
      }
    }
    return out;
  }

  /** The search steps: the fixed ones below {@code farthest}, then {@code farthest}. */
  private static double[] steps(double farthest) {
    List<Double> s = new ArrayList<>();
    for (double v : STEPS) {
      if (v < farthest) {
        s.add(v);
      }
    }
    s.add(farthest);
    return s.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
