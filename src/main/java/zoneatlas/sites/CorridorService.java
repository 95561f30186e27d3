package zoneatlas.sites;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import zoneatlas.geo.Geodesy;
import zoneatlas.http.ApiError;
import zoneatlas.sites.Out.Group;
import zoneatlas.sites.SiteRepo.ParcelRow;
import zoneatlas.sites.SiteRepo.PlanRow;

/**
 * What a planned road or rail line takes: the line buffered by half its red-line width, in
 * metres in a Gauss-Krüger {@link Plane} (never in degrees), with flat ends since a red line
 * stops where the line does; then the parcels it touches and the geodesic area of each one's
 * part inside it. The database prefilters with the corridor polygon; clipping and areas are JTS
 * and {@link Geodesy} in Java, so both stores agree.
 */
final class CorridorService {
  static final double MIN_WIDTH_M = 1;
  static final double MAX_WIDTH_M = 500;
  /** Assumed red-line widths where the request gives none; the plans state none. */
  static final Map<String, Double> DEFAULT_WIDTH_M = Map.of(
      "road", 40.0, "expressway", 60.0, "rail_line", 30.0, "metro_line", 30.0, "bridge", 40.0);
  /** Parts smaller than this (a shared edge, a rounding sliver) are not counted as taken. */
  static final double MIN_TAKE_M2 = 0.01;

  private final SiteRepo repo;
  private final SitesService.Limits limits;

  CorridorService(SiteRepo repo, SitesService.Limits limits) {
    this.repo = repo;
    this.limits = limits;
  }

  record Parcel(String id, String zone, String park, String land_use_code, String land_use_name, String status,
      String status_zh, double area_mu, double take_m2, double take_mu, double take_share) {}

  record Totals(long count, double parcels_area_mu, double take_m2, double take_mu, double take_ha) {}

  record Result(Out.FeatureRef infrastructure, double length_m, double width_m, String width_source,
      double corridor_area_m2, double corridor_area_mu, @JsonRawValue String corridor, Totals totals,
      List<Group> by_status, List<Group> by_land_use, long numberMatched, int numberReturned, boolean truncated,
      List<Parcel> parcels, boolean synthetic, String method) {}

  Result corridor(String id, Double widthM, int limit) throws SQLException {
    try (Connection c = repo.connection()) {
      PlanRow f = repo.planFeature(c, id)
          .filter(r -> r.layer().equals("infrastructure"))
          .orElseThrow(() -> ApiError.notFound("no infrastructure feature '" + id + "'"));
      if (!(f.geom() instanceof Lineal)) {
        throw ApiError.badParam("id", "'" + id + "' is a " + f.geom().getGeometryType()
            + "; a corridor needs a line (road, expressway, rail or metro line)");
      }
      String source;
      double width;
      if (widthM != null) {
        width = widthM;
        source = "given";
      } else if (DEFAULT_WIDTH_M.containsKey(f.kind())) {
        width = DEFAULT_WIDTH_M.get(f.kind());
        source = "assumed default for " + f.kind() + " (the plan states no red-line width); pass width_m to set it";
      } else {
        throw ApiError.badParam("width_m", "is required for infrastructure of kind '" + f.kind() + "' (no default red-line width)");
      }
      Geometry corridor = buffer(f.geom(), width);
      PreparedGeometry prep = PreparedGeometryFactory.prepare(corridor);
      List<Parcel> all = new ArrayList<>();
      Out.Grouper byStatus = new Out.Grouper();
      Out.Grouper byUse = new Out.Grouper();
      double[] sums = new double[2];
      long[] seen = {0};
      long[] matched = {0};
      repo.parcelsIntersecting(c, corridor, limits.candidates() + 1, p -> {
        if (++seen[0] > limits.candidates()) {
          throw ApiError.badParam("width_m", "the corridor reaches more than " + limits.candidates() + " parcels");
        }
        if (!prep.intersects(p.geom())) {
          return true;
        }
        double take = prep.covers(p.geom()) ? p.areaM2() : Geodesy.areaM2(clip(p.geom(), corridor));
        if (take < MIN_TAKE_M2) {
          return true;
        }
        matched[0]++;
        sums[0] += p.areaM2();
        sums[1] += take;
        byStatus.add(p.status(), Labels.status(p.status()), p.areaM2(), take);
        byUse.add(p.landUseCode(), new Labels.Label(p.landUseName(), p.landUseCode()), p.areaM2(), take);
        // every parcel kept (at most the candidate limit) and cut after sorting: a cut list shows the
        // largest takes, as its order says, not the first parcels read
        all.add(parcel(p, take));
        return true;
      });
      all.sort(java.util.Comparator.comparingDouble(Parcel::take_m2).reversed().thenComparing(Parcel::id));
      List<Parcel> list = all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
      double corridorM2 = Geodesy.areaM2(corridor);
      return new Result(Out.FeatureRef.of(f), Out.round(Geodesy.lengthM(f.geom()), 1), width, source,
          Out.round(corridorM2, 1), Out.mu(corridorM2), Out.geojson(corridor),
          new Totals(matched[0], Out.mu(sums[0]), Out.round(sums[1], 1), Out.mu(sums[1]), Out.ha(sums[1])),
          byStatus.groups(true), byUse.groups(true), matched[0], list.size(), matched[0] > list.size(), list, true,
          "line buffered by width/2 with flat ends in EPSG:" + Plane.forLongitude(f.geom().getCentroid().getX()).epsg
              + " (CGCS2000 Gauss-Krüger); take = geodesic area of each parcel's part inside the corridor;"
              + " geometry is schematic and parcels synthetic");
    }
  }

  /** The red-line corridor in lon/lat: buffered by width/2 metres in the site's plane, flat ends. */
  static Geometry buffer(Geometry line, double widthM) {
    Plane plane = Plane.forLongitude(line.getCentroid().getX());
    BufferParameters bp = new BufferParameters();
    bp.setEndCapStyle(BufferParameters.CAP_FLAT);
    Geometry b = BufferOp.bufferOp(plane.project(line), widthM / 2, bp);
    return plane.toLonLat(b);
  }

  private static Geometry clip(Geometry parcel, Geometry corridor) {
    return OverlayNGRobust.overlay(parcel, corridor, OverlayNG.INTERSECTION);
  }

  private static Parcel parcel(ParcelRow p, double take) {
    return new Parcel(p.id(), p.zone(), p.park(), p.landUseCode(), p.landUseName(), p.status(),
        Labels.status(p.status()).zh(), Out.round(p.areaMu(), 2), Out.round(take, 1), Out.mu(take),
        p.areaM2() > 0 ? Out.round(Math.min(1, take / p.areaM2()), 4) : 0);
  }
}
