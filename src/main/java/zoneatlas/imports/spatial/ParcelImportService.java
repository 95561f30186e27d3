package zoneatlas.imports.spatial;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import zoneatlas.geo.Geodesy;
import zoneatlas.imports.spatial.ParcelChecker.Candidate;
import zoneatlas.store.DataWriter;
import zoneatlas.store.Store;

/**
 * Imports land parcels from the files land registers keep (zipped shapefiles, GeoPackage, GeoJSON,
 * CSV or spreadsheets with coordinates). Everything is checked before anything is written, and
 * the write is one transaction: a file with any error writes nothing and says which feature,
 * which field and why. Areas are recomputed geodesically; imported parcels are real data
 * (synthetic = false). After a write the data version moves on, so caches rebuild. Thread-safe:
 * each import has its own readers and connection.
 */
public final class ParcelImportService {
  /** Errors and warnings listed in a response; the totals are always given. */
  public static final int MAX_LISTED = 200;
  /** An overlap below this (m²) is drawing noise along shared boundaries, not worth a warning. */
  static final double OVERLAP_M2 = 1.0;
  private final Store store;
  private final long maxBytes;

  public ParcelImportService(Store store, long maxBytes) {
    this.store = store;
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Reads, checks and (unless a dry run or anything is wrong) writes the file.
   *
   * @throws ImportFailure when the file as a whole cannot be used (unreadable, no CRS, unmapped required field)
   */
  public ImportReport importFile(byte[] bytes, ImportOptions o) throws SQLException {
    ImportReport rep = new ImportReport();
    rep.dryRun = o.dryRun();
    rep.mode = o.mode() == ImportOptions.Mode.replace_zone ? "replace-zone" : "append";
    rep.targetZone = o.targetZone();
    SourceFormat format = o.format() != null ? o.format() : SourceFormat.guess(bytes, o.filename());
    rep.format = format.param;
    SourceData data;
    ColumnMapping mapping;
    boolean tabular = format == SourceFormat.CSV || format == SourceFormat.XLSX;
    if (tabular) {
      TableSource.Table t = format == SourceFormat.CSV ? TableSource.readCsv(bytes, o.encoding())
          : TableSource.readSpreadsheet(bytes, o.layer());
      mapping = ColumnMapping.resolve(t.columns(), o.mapping(), true);
      data = TableSource.features(t, mapping);
    } else {
      data = switch (format) {
        case SHP_ZIP -> ShapefileSource.read(bytes, o.layer(), o.encoding(), Math.max(maxBytes * 20, 200_000_000L));
        case GPKG -> GeoPackageSource.read(bytes, o.layer());
        default -> GeoJsonSource.read(bytes);
      };
      mapping = ColumnMapping.resolve(data.columns(), o.mapping(), false);
    }
    if (o.encoding() != null && (format == SourceFormat.GPKG || format == SourceFormat.GEOJSON || format == SourceFormat.XLSX)) {
      rep.notes.add("encoding= is ignored for " + format.param + ": the format fixes its own encoding (UTF-8)");
    }
    rep.layer = data.layer();
    rep.encoding = data.encoding();
    rep.features = data.features().size();
    rep.mapping = mapping.asMap();
    rep.guessed = mapping.guessedFields();
    List<String> ignored = mapping.unused(data.columns());
    rep.ignoredColumns = ignored;
    rep.notes.addAll(data.notes());
    for (ParcelField required : List.of(ParcelField.ID, ParcelField.LAND_USE_CODE, ParcelField.STATUS)) {
      if (!mapping.has(required)) {
        throw new ImportFailure(required.param, required.param + ": no column holds the parcel's " + required.param.replace('_', ' ')
            + "; map it, e.g. " + required.param + "=" + required.guesses.get(Math.min(2, required.guesses.size() - 1))
            + " (the file's columns are " + data.columns() + ")");
      }
    }
    if (data.features().isEmpty()) {
      throw new ImportFailure("file", "file: holds no features");
    }

    Reprojector rp = reprojector(o, data, tabular, rep);
    rep.srs = rp.crs.describe();
    rep.srsSource = rp.how;
    rep.notes.addAll(rp.notes);

    ParcelChecker checker = new ParcelChecker(mapping, rp, rep.errors, rep.warnings);
    List<Candidate> candidates = new ArrayList<>();
    for (SourceFeature f : data.features()) {
      Candidate c = checker.check(f);
      if (c != null) {
        candidates.add(c);
      }
    }
    overlapsWithinFile(candidates, checker);

    try (Connection c = store.connection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        ParcelRepo repo = new ParcelRepo(store, c);
        storeChecks(repo, candidates, o, checker, rep);
        finish(candidates, rep);
        if (!rep.errors.isEmpty()) {
          c.rollback();
          return rep;
        }
        WritePlan plan = plan(repo, candidates, o, rep);
        if (o.dryRun()) {
          c.rollback();
          rep.ok = true;
          return rep;
        }
        write(c, repo, plan, o, rep);
        c.commit();
        rep.ok = true;
        rep.written = true;
        return rep;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    }
  }

  private static Reprojector reprojector(ImportOptions o, SourceData data, boolean tabular, ImportReport rep) {
    List<Geometry> sample = new ArrayList<>();
    data.features().forEach(f -> sample.add(f.geometry()));
    SourceCrs given = null;
    String how = null;
    if (o.srs() != null) {
      given = SourceCrs.parse(o.srs(), "srs");
      how = "the srs parameter";
      if (data.declaredCrs() != null) {
        SourceCrs declared = null;
        try {
          declared = SourceCrs.parse(data.declaredCrs(), "file");
        } catch (ImportFailure ignored) {
          // the file's own CRS is unusable; the parameter replaces it anyway
        }
        if (declared == null || !declared.label.equals(given.label)) {
          rep.notes.add("srs=" + o.srs() + " overrides the coordinate system the file names in its " + data.declaredBy()
              + (declared == null ? "" : " (" + declared.label + ")"));
        }
      }
    } else if (data.declaredCrs() != null) {
      given = SourceCrs.parse(data.declaredCrs(), "srs");
      how = data.declaredBy();
    }
    return Reprojector.decide(given, how, sample, tabular);
  }

  /** Warns about parcels of the same file that overlap each other. */
  private static void overlapsWithinFile(List<Candidate> candidates, ParcelChecker checker) {
    STRtree tree = new STRtree();
    candidates.forEach(c -> tree.insert(c.geom.getEnvelopeInternal(), c));
    for (Candidate c : candidates) {
      @SuppressWarnings("unchecked")
      List<Candidate> hits = tree.query(c.geom.getEnvelopeInternal());
      for (Candidate other : hits) {
        if (other.index < c.index && other.geom.intersects(c.geom)) {
          double m2 = Geodesy.areaM2(OverlayNGRobust.overlay(c.geom, other.geom, OverlayNG.INTERSECTION));
          if (m2 >= OVERLAP_M2) {
            checker.warn(c, "geometry", String.format("overlaps parcel %s of this file by %.1f m²", other.id, m2));
          }
        }
      }
    }
  }

  /** Ids against the store, placement in the plan, overlaps with stored parcels. */
  private static void storeChecks(ParcelRepo repo, List<Candidate> candidates, ImportOptions o, ParcelChecker checker,
      ImportReport rep) throws SQLException {
    Map<String, String> existing = repo.existingZones();
    PlanAreas plan = new PlanAreas(repo.planAreas());
    Set<String> zoneCodes = plan.zoneCodes();
    boolean replace = o.mode() == ImportOptions.Mode.replace_zone;
    if (replace && !zoneCodes.contains(o.targetZone())) {
      throw new ImportFailure("target_zone", "target_zone: unknown zone '" + o.targetZone() + "'; zones: " + zoneCodes);
    }
    for (Candidate c : candidates) {
      int before = rep.errors.size();
      place(c, plan, zoneCodes, checker);
      if (rep.errors.size() > before) {
        continue;
      }
      String had = existing.get(c.id);
      if (had != null && !replace) {
        checker.error(c, "id", "parcel " + c.id + " already exists (zone " + had + "); use mode=replace-zone to replace a"
            + " zone's parcels, or give the parcel a new id");
      } else if (had != null && !had.equals(o.targetZone())) {
        checker.error(c, "id", "parcel " + c.id + " exists in zone " + had + "; replace-zone only replaces parcels of "
            + o.targetZone());
      }
      if (replace && !o.targetZone().equals(c.zone)) {
        checker.error(c, "zone", "lies in zone " + c.zone + ", not in target_zone " + o.targetZone());
      }
    }
    for (Candidate c : candidates) {
      int listed = 0;
      for (ParcelRepo.Existing e : repo.near(c.geom.getEnvelopeInternal())) {
        if (e.id().equals(c.id) || (replace && o.targetZone().equals(e.zone())) || !e.geom().intersects(c.geom)) {
          continue;
        }
        double m2 = Geodesy.areaM2(OverlayNGRobust.overlay(c.geom, e.geom(), OverlayNG.INTERSECTION));
        if (m2 >= OVERLAP_M2 && listed++ < 5) {
          checker.warn(c, "geometry", String.format("overlaps stored parcel %s (zone %s) by %.1f m²", e.id(), e.zone(), m2));
        }
      }
    }
  }

  /** Zone, board, park and small-micro park: checked when mapped, else from the plan by overlap. */
  private static void place(Candidate c, PlanAreas plan, Set<String> zoneCodes, ParcelChecker checker) {
    PlanAreas.Placement p = plan.place(c.geom, c.areaM2);
    if (c.zone != null && !zoneCodes.contains(c.zone)) {
      checker.error(c, "zone", "unknown zone '" + c.zone + "'; zones: " + zoneCodes);
      return;
    }
    String[][] refs = {{"board", "core-boards"}, {"park", "industrial-parks"}, {"small_micro_park", "small-micro-parks"}};
    String[] mapped = {c.board, c.park, c.smallMicroPark};
    String[] placed = {p.board(), p.park(), p.smallMicroPark()};
    String[] result = new String[3];
    for (int i = 0; i < 3; i++) {
      if (mapped[i] == null) {
        result[i] = placed[i];
        continue;
      }
      PlanAreas.Area a = plan.find(refs[i][1], mapped[i]);
      if (a == null) {
        checker.error(c, refs[i][0], "no " + refs[i][1] + " feature with id '" + mapped[i] + "' in the plan");
        return;
      }
      result[i] = a.id();
    }
    PlanAreas.Area park = result[1] == null ? null : plan.find("industrial-parks", result[1]);
    PlanAreas.Area smp = result[2] == null ? null : plan.find("small-micro-parks", result[2]);
    PlanAreas.Area board = result[0] == null ? null : plan.find("core-boards", result[0]);
    if (result[0] == null && park != null && park.board() != null) {
      result[0] = park.board();
    }
    if (result[0] == null && smp != null && smp.board() != null) {
      result[0] = smp.board();
    }
    if (result[1] == null && smp != null && smp.park() != null) {
      result[1] = smp.park();
    }
    String zone = c.zone != null ? c.zone : p.zone();
    for (PlanAreas.Area a : new PlanAreas.Area[] {park, smp, board}) {
      if (zone == null && a != null) {
        zone = a.zone();
      }
    }
    if (zone == null) {
      checker.error(c, "zone", plan.empty()
          ? "the store holds no plan layers to place the parcel in: map a zone column (zone=)"
          : "lies in none of the plan's zones: map a zone column (zone=) or check the coordinates");
      return;
    }
    for (PlanAreas.Area a : new PlanAreas.Area[] {park, smp, board}) {
      if (a != null && a.zone() != null && !a.zone().equals(zone)) {
        checker.error(c, a.layer().equals("core-boards") ? "board" : a.layer().equals("industrial-parks") ? "park" : "small_micro_park",
            a.id() + " belongs to zone " + a.zone() + ", the parcel to zone " + zone);
        return;
      }
    }
    c.zone = zone;
    c.board = result[0];
    c.park = result[1];
    c.smallMicroPark = result[2];
  }

  private static void finish(List<Candidate> candidates, ImportReport rep) {
    rep.parcels = candidates.size();
    for (Candidate c : candidates) {
      rep.areaM2 += c.areaM2;
      if (rep.items.size() < MAX_LISTED) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", c.index);
        m.put("id", c.id);
        m.put("zone", c.zone);
        m.put("board", c.board);
        m.put("park", c.park);
        m.put("small_micro_park", c.smallMicroPark);
        m.put("land_use_code", c.landUseCode);
        m.put("land_use_name", c.landUseName);
        m.put("status", c.status == null ? null : c.status.name());
        m.put("area_m2", ParcelChecker.round(c.areaM2, 2));
        m.put("area_mu", ParcelChecker.round(c.areaM2 / Geodesy.M2_PER_MU, 4));
        rep.items.add(m);
      }
    }
  }

  /** What the write will do; filled in the report before a dry run stops. */
  private record WritePlan(List<NewParcel> inserts, List<NewParcel> updates, List<String> gone) {}

  private static WritePlan plan(ParcelRepo repo, List<Candidate> candidates, ImportOptions o, ImportReport rep)
      throws SQLException {
    List<NewParcel> inserts = new ArrayList<>();
    List<NewParcel> updates = new ArrayList<>();
    Map<String, String> existing = repo.existingZones();
    Set<String> ids = new HashSet<>();
    for (Candidate cand : candidates) {
      ids.add(cand.id);
      (existing.containsKey(cand.id) ? updates : inserts).add(cand.toParcel());
    }
    List<String> gone = new ArrayList<>();
    if (o.mode() == ImportOptions.Mode.replace_zone) {
      existing.forEach((id, zone) -> {
        if (zone.equals(o.targetZone()) && !ids.contains(id)) {
          gone.add(id);
        }
      });
      Map<String, Integer> links = repo.landUseCounts(o.targetZone());
      List<String> unlinked = gone.stream().filter(links::containsKey).toList();
      rep.landUsesDeleted = unlinked.stream().mapToInt(links::get).sum();
      if (!unlinked.isEmpty()) {
        rep.notes.add(unlinked.size() + " parcel(s) of " + o.targetZone() + " not in the file have enterprise land uses,"
            + " which are removed with them: " + String.join(", ", unlinked.subList(0, Math.min(20, unlinked.size())))
            + (unlinked.size() > 20 ? ", …" : ""));
      }
    }
    rep.inserted = inserts.size();
    rep.updated = updates.size();
    rep.deleted = gone.size();
    return new WritePlan(inserts, updates, gone);
  }

  private void write(Connection c, ParcelRepo repo, WritePlan plan, ImportOptions o, ImportReport rep) throws SQLException {
    rep.landUsesDeleted = repo.delete(plan.gone());
    repo.update(plan.updates());
    repo.insert(plan.inserts());
    String version = System.currentTimeMillis() + "-parcels-" + Long.toHexString(System.nanoTime());
    DataWriter w = new DataWriter(store, c);
    w.meta("data_version", version);
    w.meta("last_parcel_import", Instant.now() + " " + rep.format + ", " + rep.parcels + " parcels, " + rep.mode
        + (o.targetZone() == null ? "" : " " + o.targetZone()));
    rep.dataVersion = version;
  }
}
