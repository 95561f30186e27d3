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
import java.util.function.Supplier;
import zoneatlas.geo.Geodesy;
import zoneatlas.history.Change;
import zoneatlas.history.ChangeLog;
import zoneatlas.history.LandUseVersions;
import zoneatlas.history.Versions;
import zoneatlas.layers.Layer;
import zoneatlas.layers.LayerCatalog;
import zoneatlas.imports.spatial.ParcelChecker.Candidate;
import zoneatlas.store.DataWriter;
import zoneatlas.store.Store;
import zoneatlas.store.Transactions;

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
    return importFile(bytes, o, Change.system("import", "parcels", null));
  }

  /** As above; a write is one change of the history, recorded as {@code ch} (who, why, which request). */
  public ImportReport importFile(byte[] bytes, ImportOptions o, Change ch) throws SQLException {
    ImportReport rep = new ImportReport();
    try {
      return importFile(bytes, o, ch, rep);
    } catch (ImportFailure e) {
      // what was learnt of the file before it failed (columns, mapping, notes): the map offers to fix it
      e.details.putAll(rep.fileFacts());
      throw e;
    }
  }

  private ImportReport importFile(byte[] bytes, ImportOptions o, Change ch, ImportReport rep) throws SQLException {
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
      rep.layer = t.sheet();
      rep.encoding = t.encoding();
      rep.columns = t.columns();
      rep.fields = ColumnMapping.fields(true, null);
      mapping = ColumnMapping.resolve(t.columns(), o.mapping(), true);
      rep.fields = ColumnMapping.fields(true, mapping);
      rep.mapping = mapping.asMap();
      rep.guessed = mapping.guessedFields();
      data = TableSource.features(t, mapping);
    } else {
      data = switch (format) {
        case SHP_ZIP -> ShapefileSource.read(bytes, o.layer(), o.encoding(), Math.max(maxBytes * 20, 200_000_000L));
        case GPKG -> GeoPackageSource.read(bytes, o.layer());
        default -> GeoJsonSource.read(bytes);
      };
      rep.layer = data.layer();
      rep.encoding = data.encoding();
      rep.columns = data.columns();
      rep.fields = ColumnMapping.fields(false, null);
      mapping = ColumnMapping.resolve(data.columns(), o.mapping(), false);
      rep.fields = ColumnMapping.fields(false, mapping);
    }
    if (o.encoding() != null && (format == SourceFormat.GPKG || format == SourceFormat.GEOJSON || format == SourceFormat.XLSX)) {
      rep.note("encoding= is ignored for " + format.param + ": the format fixes its own encoding (UTF-8)",
          "该格式自带字符编码（UTF-8），所选字符编码不起作用");
    }
    rep.layer = data.layer();
    rep.encoding = data.encoding();
    rep.features = data.features().size();
    rep.mapping = mapping.asMap();
    rep.guessed = mapping.guessedFields();
    List<String> ignored = mapping.unused(data.columns());
    rep.ignoredColumns = ignored;
    rep.notes(data.notes(), data.notesZh());
    for (ParcelField required : ColumnMapping.REQUIRED) {
      if (!mapping.has(required)) {
        String example = required.guesses.get(Math.min(2, required.guesses.size() - 1));
        throw new ImportFailure(required.param, required.param + ": no column holds the parcel's " + required.param.replace('_', ' ')
            + "; map it, e.g. " + required.param + "=" + example + " (the file's columns are " + data.columns() + ")",
            "文件中没有与“" + ColumnMapping.titleZh(required) + "”对应的列：请在字段对应中选择（例如名为“" + example
            + "”的列）；文件的列为：" + String.join("、", data.columns()));
      }
    }
    if (data.features().isEmpty()) {
      throw new ImportFailure("file", "file: holds no features", "文件中没有任何要素");
    }

    Reprojector rp = reprojector(o, data, tabular, rep);
    rep.srs = rp.crs.describe();
    rep.srsSource = rp.how;
    rep.srsSourceZh = Reprojector.howZh(rp.how);
    rep.notes(rp.notes, rp.notesZh);

    ParcelChecker checker = new ParcelChecker(mapping, rp, rep.errors, rep.warnings);
    rep.checked = checker.all;
    List<Candidate> candidates = new ArrayList<>();
    for (SourceFeature f : data.features()) {
      Candidate c = checker.check(f);
      if (c != null) {
        candidates.add(c);
      }
    }
    overlapsWithinFile(candidates, checker);

    return Transactions.run(store, c -> {
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
      write(c, repo, plan, o, rep, ch);
      rep.ok = true;
      rep.written = true;
      return rep;
    });
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
          rep.note("srs=" + o.srs() + " overrides the coordinate system the file names in its " + data.declaredBy()
              + (declared == null ? "" : " (" + declared.label + ")"),
              "已按所选坐标系 " + o.srs() + " 读取坐标，不采用文件中声明的坐标系（" + Reprojector.howZh(data.declaredBy())
              + (declared == null ? "" : "：" + declared.label) + "）");
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
            checker.warn(c, "geometry", String.format("overlaps parcel %s of this file by %.1f m²", other.id, m2),
                String.format("与本文件中的地块 %s 重叠 %.1f 平方米", other.id, m2));
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
      throw new ImportFailure("target_zone", "target_zone: unknown zone '" + o.targetZone() + "'; zones: " + zoneCodes,
          "要整区替换的开发区“" + o.targetZone() + "”不存在；现有开发区：" + String.join("、", zoneCodes));
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
            + " zone's parcels, or give the parcel a new id",
            "宗地编号为 " + c.id + " 的地块已在库中（开发区 " + had + "）：如要替换该开发区的地块，请选择“整区替换”；否则请为地块另编宗地编号");
      } else if (had != null && !had.equals(o.targetZone())) {
        checker.error(c, "id", "parcel " + c.id + " exists in zone " + had + "; replace-zone only replaces parcels of "
            + o.targetZone(), "宗地编号为 " + c.id + " 的地块已在开发区 " + had + " 中；整区替换只替换开发区 " + o.targetZone() + " 的地块");
      }
      if (replace && !o.targetZone().equals(c.zone)) {
        checker.error(c, "zone", "lies in zone " + c.zone + ", not in target_zone " + o.targetZone(),
            "地块位于开发区 " + c.zone + "，不在要整区替换的开发区 " + o.targetZone() + " 内");
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
          checker.warn(c, "geometry", String.format("overlaps stored parcel %s (zone %s) by %.1f m²", e.id(), e.zone(), m2),
              String.format("与库中已有地块 %s（开发区 %s）重叠 %.1f 平方米", e.id(), e.zone(), m2));
        }
      }
    }
  }

  /** Zone, board, park and small-micro park: checked when mapped, else from the plan by overlap. */
  private static void place(Candidate c, PlanAreas plan, Set<String> zoneCodes, ParcelChecker checker) {
    PlanAreas.Placement p = plan.place(c.geom, c.areaM2);
    if (c.zone != null && !zoneCodes.contains(c.zone)) {
      checker.error(c, "zone", "unknown zone '" + c.zone + "'; zones: " + zoneCodes,
          "开发区“" + c.zone + "”不存在；现有开发区：" + String.join("、", zoneCodes));
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
        checker.error(c, refs[i][0], "no " + refs[i][1] + " feature with id '" + mapped[i] + "' in the plan",
            "规划图层中没有编号为“" + mapped[i] + "”的" + layerZh(refs[i][1]));
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
          : "lies in none of the plan's zones: map a zone column (zone=) or check the coordinates",
          plan.empty()
          ? "库中没有可用于确定地块位置的规划图层：请在字段对应中指定“开发区”列"
          : "地块不在任何规划开发区范围内：请在字段对应中指定“开发区”列，或检查坐标和坐标系");
      return;
    }
    for (PlanAreas.Area a : new PlanAreas.Area[] {park, smp, board}) {
      if (a != null && a.zone() != null && !a.zone().equals(zone)) {
        checker.error(c, a.layer().equals("core-boards") ? "board" : a.layer().equals("industrial-parks") ? "park" : "small_micro_park",
            a.id() + " belongs to zone " + a.zone() + ", the parcel to zone " + zone,
            layerZh(a.layer()) + " " + a.id() + " 属于开发区 " + a.zone() + "，而地块属于开发区 " + zone);
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
        rep.note(unlinked.size() + " parcel(s) of " + o.targetZone() + " not in the file have enterprise land uses,"
            + " which are removed with them: " + String.join(", ", unlinked.subList(0, Math.min(20, unlinked.size())))
            + (unlinked.size() > 20 ? ", …" : ""),
            "开发区 " + o.targetZone() + " 中有 " + unlinked.size() + " 宗不在文件中的地块关联了企业用地，这些用地关系将随地块一并删除："
            + String.join("、", unlinked.subList(0, Math.min(20, unlinked.size()))) + (unlinked.size() > 20 ? "……" : ""));
      }
    }
    rep.inserted = inserts.size();
    rep.updated = updates.size();
    rep.deleted = gone.size();
    return new WritePlan(inserts, updates, gone);
  }

  /**
   * Writes the plan as one change of the history: the versions it replaces or removes (and the
   * land-use links that go with removed parcels) are kept in the history first, every parcel it
   * writes is a new version stamped with the change, and the enterprises that lose a link get a new
   * version too, since their links are part of them.
   */
  private void write(Connection c, ParcelRepo repo, WritePlan plan, ImportOptions o, ImportReport rep, Change ch)
      throws SQLException {
    Layer parcels = PARCELS.get();
    Layer enterprises = ENTERPRISES.get();
    Versions v = new Versions(store, c);
    LandUseVersions luv = new LandUseVersions(store, c);
    Instant at = ch.at();
    Map<String, Versions.Row> before = new LinkedHashMap<>();
    for (String id : concat(plan.gone(), plan.updates().stream().map(NewParcel::id).toList())) {
      Versions.Row r = v.lock(parcels, id);
      before.put(id, r);
      if (r.validFrom().isAfter(at)) {
        at = r.validFrom();
      }
    }
    List<LandUseVersions.Link> unlinked = new ArrayList<>();
    for (String id : plan.gone()) {
      unlinked.addAll(luv.lockParcel(id));
    }
    Map<String, Versions.Row> touched = new LinkedHashMap<>();
    for (LandUseVersions.Link l : unlinked) {
      if (!touched.containsKey(l.enterpriseId())) {
        Versions.Row e = v.lock(enterprises, l.enterpriseId());
        touched.put(l.enterpriseId(), e);
        if (e.validFrom().isAfter(at)) {
          at = e.validFrom();
        }
      }
    }
    int count = plan.gone().size() + plan.updates().size() + plan.inserts().size() + touched.size();
    ChangeLog log = new ChangeLog(store, c);
    long changeId = log.open(ch.at(at), rep.format + ", " + rep.parcels + " parcels, " + rep.mode
        + (o.targetZone() == null ? "" : " " + o.targetZone()), count);
    for (LandUseVersions.Link l : unlinked) {
      luv.end(l, at, changeId);
    }
    rep.landUsesDeleted = unlinked.size();
    for (String id : plan.gone()) {
      v.end(parcels, id, at, changeId);
      log.feature(changeId, parcels.id(), id, "delete", before.get(id).version(), null);
    }
    repo.delete(plan.gone());
    for (NewParcel p : plan.updates()) {
      v.end(parcels, p.id(), at, changeId);
    }
    // an id a deleted parcel had goes on counting its versions (read before the insert adds one)
    Map<String, Integer> lastVersions = new LinkedHashMap<>();
    for (NewParcel p : plan.inserts()) {
      lastVersions.put(p.id(), v.lastVersion(parcels, p.id()));
    }
    repo.update(plan.updates());
    repo.insert(plan.inserts());
    for (NewParcel p : plan.updates()) {
      int next = before.get(p.id()).version() + 1;
      repo.stamp(p.id(), next, at, changeId);
      log.feature(changeId, parcels.id(), p.id(), "update", next - 1, next);
    }
    for (NewParcel p : plan.inserts()) {
      int next = lastVersions.get(p.id()) + 1;
      repo.stamp(p.id(), next, at, changeId);
      log.feature(changeId, parcels.id(), p.id(), "create", null, next);
    }
    for (Versions.Row e : touched.values()) {
      v.end(enterprises, e.id(), at, changeId);
      v.update(enterprises, new Versions.Row(e.id(), e.values(), e.geom(), e.version() + 1, at, changeId));
      log.feature(changeId, enterprises.id(), e.id(), "update", e.version(), e.version() + 1);
    }
    log.close();
    String version = System.currentTimeMillis() + "-parcels-" + changeId;
    DataWriter w = new DataWriter(store, c);
    w.meta("data_version", version);
    w.meta("last_parcel_import", Instant.now() + " " + rep.format + ", " + rep.parcels + " parcels, " + rep.mode
        + (o.targetZone() == null ? "" : " " + o.targetZone()));
    rep.dataVersion = version;
    rep.changeId = changeId;
  }

  /** A plan layer's name in Chinese, for problem texts. */
  private static String layerZh(String layer) {
    return switch (layer) {
      case "core-boards" -> "核心板块";
      case "industrial-parks" -> "产业园区";
      case "small-micro-parks" -> "小微企业园";
      case "zones" -> "开发区";
      default -> layer;
    };
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static final Supplier<Layer> PARCELS = memo("parcels");
  private static final Supplier<Layer> ENTERPRISES = memo("enterprises");

  private static Supplier<Layer> memo(String id) {
    return new Supplier<>() {
      private volatile Layer l;

      @Override
      public Layer get() {
        if (l == null) {
          l = LayerCatalog.load().get(id).orElseThrow();
        }
        return l;
      }
    };
  }
}
