package zoneatlas.sites;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import zoneatlas.auth.Role;
import zoneatlas.config.Config;
import zoneatlas.efficiency.EfficiencyService;
import zoneatlas.http.ApiError;
import zoneatlas.store.Store;

/**
 * Spatial queries for land officers and investment teams (what is here, inside, near; what a
 * corridor takes) and the investment site finder and card. One instance per server, built from
 * the configuration's limits; thread-safe (no state beyond the store and the limits).
 */
public final class SitesService {
  /**
   * Bounds that keep every query finite besides the statement timeout.
   *
   * @param results most parcels an answer lists (totals still cover all)
   * @param candidates most parcels a query may examine before it is refused as too large
   * @param maxVertices most vertices of a drawn polygon
   * @param nearestMaxM how far a nearest-of-category search looks, metres
   */
  public record Limits(int results, int candidates, int maxVertices, double nearestMaxM) {
    public static Limits from(Config c) {
      return new Limits(c.integer("sites.result.limit"), c.integer("sites.candidates.max"),
          c.integer("sites.polygon.max.vertices"), c.integer("sites.nearest.max.km") * 1000.0);
    }
  }

  private final SiteRepo repo;
  private final Limits limits;
  private final HereService here;
  private final InsideService inside;
  private final NearService near;
  private final CorridorService corridor;
  private final SiteFinder finder;
  private final SiteCards cards;

  public SitesService(Store store, Limits limits) {
    this(store, limits, new EfficiencyService(store, 3));
  }

  /** With the mu-efficiency service whose published cells answer planners' drawn areas. */
  public SitesService(Store store, Limits limits, EfficiencyService efficiency) {
    this.repo = new SiteRepo(store);
    this.limits = limits;
    this.here = new HereService(repo);
    this.inside = new InsideService(repo, limits, efficiency);
    this.near = new NearService(repo, limits);
    this.corridor = new CorridorService(repo, limits);
    this.finder = new SiteFinder(repo, limits);
    this.cards = new SiteCards(repo, near);
    Plane.warmUp();
  }

  public Limits limits() {
    return limits;
  }

  HereService.Result here(double lon, double lat, double toleranceM) throws SQLException {
    return here.here(lon, lat, toleranceM);
  }

  InsideService.Result inside(Shapes.Shape shape, InsideService.Mode mode, Role role, int limit) throws SQLException {
    return inside.inside(shape, mode, role, limit);
  }

  NearService.Result nearPoint(double lon, double lat, List<String> categories, Double radiusM) throws SQLException {
    Point p = Shapes.GF.createPoint(new Coordinate(lon, lat));
    return near.near(new NearService.Site("point", null, lon, lat, p, null), categories, radiusM);
  }

  NearService.Result nearParcel(String id, List<String> categories, Double radiusM) throws SQLException {
    SiteRepo.ParcelRow p;
    try (Connection c = repo.connection()) {
      p = repo.parcel(c, id).orElseThrow(() -> ApiError.notFound("no parcel '" + id + "'"));
    }
    Point ip = p.geom().getInteriorPoint();
    return near.near(new NearService.Site("parcel", id, ip.getX(), ip.getY(), p.geom(), p.zone()), categories, radiusM);
  }

  CorridorService.Result corridor(String id, Double widthM) throws SQLException {
    return corridor.corridor(id, widthM, limits.results());
  }

  SiteFinder.Result find(SiteFinder.Query q) throws SQLException {
    return finder.find(q);
  }

  SiteCards.Card card(String id, StandardLand.Investor inv) throws SQLException {
    return cards.card(id, inv);
  }

  SiteCards.Comparison compare(List<String> ids, StandardLand.Investor inv) throws SQLException {
    return cards.compare(ids, inv);
  }

  String mapSvg(String id) throws SQLException {
    return cards.mapSvg(id, false);
  }

  String mapSvg(String id, boolean en) throws SQLException {
    return cards.mapSvg(id, en);
  }
}
