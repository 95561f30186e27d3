package zoneatlas.efficiency;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import zoneatlas.auth.Role;
import zoneatlas.efficiency.EfficiencyResult.ParcelResult;
import zoneatlas.efficiency.Indicator.Unit;
import zoneatlas.http.ApiError;
import zoneatlas.store.Store;

/**
 * The mu-efficiency capability behind the HTTP layer, and its result cache: official results are
 * computed once per (data version, scheme, year) and kept, as are their {@link Disclosure}
 * decisions; the data is reloaded whenever the data version in the store changes, so several
 * servers can share one database. The views are laid out by {@link EfficiencyTables} (which takes
 * everything a lower role sees through Disclosure) and what-ifs by {@link WhatIf}; the annual
 * evaluation's frozen lists reach every view through the results ({@link EfficiencyResult#frozen}).
 * Thread-safe.
 */
public final class EfficiencyService {
  private static final int CACHE_SIZE = 24;
  private final EfficiencyRepository repo;
  private final Schemes schemes;
  private final int minGroup;
  private final EfficiencyTables tables;
  private final WhatIf whatIf;
  private volatile EfficiencyData data;
  private final Map<Key, EfficiencyResult> cache = new LinkedHashMap<>(32, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, EfficiencyResult> e) {
      return size() > CACHE_SIZE;
    }
  };

  private final Map<Key, Disclosure> disclosures = new LinkedHashMap<>(32, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Disclosure> e) {
      return size() > CACHE_SIZE;
    }
  };

  private record Key(String version, String scheme, int year) {}

  public EfficiencyService(Store store, int minGroup) {
    this(new EfficiencyRepository(store), Schemes.load(), Targets.load(), minGroup);
  }

  public EfficiencyService(EfficiencyRepository repo, Schemes schemes, Targets targets, int minGroup) {
    this.repo = repo;
    this.schemes = schemes;
    this.minGroup = minGroup;
    this.tables = new EfficiencyTables(this, schemes, targets, minGroup);
    this.whatIf = new WhatIf(this, tables);
  }

  public Schemes schemes() {
    return schemes;
  }

  EfficiencyRepository repository() {
    return repo;
  }

  // ---------------------------------------------------------------------------------------------
  // data and cached results

  /** The data of the current version, reloaded when an import or load has changed it. */
  public EfficiencyData data() throws SQLException {
    String v = repo.dataVersion();
    EfficiencyData d = data;
    if (d != null && d.version.equals(v)) {
      return d;
    }
    synchronized (this) {
      d = data;
      if (d == null || !d.version.equals(repo.dataVersion())) {
        d = repo.load();
        data = d;
      }
      return d;
    }
  }

  public Scheme scheme(String id) {
    if (id == null || id.isBlank()) {
      return schemes.defaultScheme();
    }
    return schemes.get(id).orElseThrow(() -> ApiError.badParam("scheme", "unknown scheme '" + id + "'; schemes: " + schemes.ids()));
  }

  int year(EfficiencyData d, Integer year) {
    if (d.latestYear() == null) {
      throw ApiError.notFound("no enterprise figures are loaded yet (import them with POST /api/imports/figures)");
    }
    if (year == null) {
      return d.latestYear();
    }
    if (!d.years().contains(year)) {
      throw ApiError.badParam("year", "no figures for " + year + "; years with figures: " + d.years());
    }
    return year;
  }

  /** The official result (the scheme's stored weights), from the cache when the data has not changed. */
  public EfficiencyResult official(String schemeId, Integer year) throws SQLException {
    EfficiencyData d = data();
    return official(d, scheme(schemeId), year(d, year));
  }

  EfficiencyResult official(EfficiencyData d, Scheme s, int year) {
    Key k = new Key(d.version, s.id(), year);
    synchronized (cache) {
      EfficiencyResult r = cache.get(k);
      if (r != null) {
        return r;
      }
    }
    EfficiencyResult r = compute(d, s, year);
    synchronized (cache) {
      cache.put(k, r);
    }
    return r;
  }

  /**
   * What of an official result may be shown to roles that do not see confidential figures (see
   * {@link Disclosure}); decided once per data version, scheme and year, like the result.
   */
  public Disclosure disclosure(EfficiencyResult r) {
    Key k = new Key(r.data.version, r.scheme.id(), r.year);
    synchronized (disclosures) {
      Disclosure x = disclosures.get(k);
      if (x != null && x.result() == r) {
        return x;
      }
    }
    Disclosure x = Disclosure.decide(r, minGroup);
    synchronized (disclosures) {
      disclosures.put(k, x);
    }
    return x;
  }

  /** The disclosure decision of the default scheme's latest (or given) year, for drawn areas. */
  public Disclosure released(Integer year) throws SQLException {
    EfficiencyData d = data();
    if (d.latestYear() == null) {
      return null;
    }
    return disclosure(official(d, schemes.defaultScheme(), year(d, year)));
  }

  static EfficiencyResult compute(EfficiencyData d, Scheme s, int year) {
    try {
      return EfficiencyEngine.compute(d, s, year);
    } catch (EfficiencyDataException e) {
      throw new ApiError(422, "InvalidData", null, "the stored data cannot be evaluated: " + e.getMessage());
    }
  }

  String zone(EfficiencyData d, String zone) {
    if (zone == null || zone.isBlank()) {
      return null;
    }
    if (!d.zones().contains(zone)) {
      throw ApiError.badParam("zone", "unknown zone '" + zone + "'; zones: " + String.join(", ", d.zones()));
    }
    return zone;
  }
  // ---------------------------------------------------------------------------------------------
  // views: laid out by EfficiencyTables, what-ifs by WhatIf

  /** What the map panel needs to build its controls: years, schemes, indicators, levels. */
  public Map<String, Object> meta() throws SQLException {
    return tables.meta();
  }

  /** Indicators per parcel, enterprise or roll-up, as the role may see them. */
  public Table indicators(Role role, Level level, Integer year, String schemeId, String zone, Unit unit) throws SQLException {
    return tables.indicators(role, level, year, schemeId, zone, unit);
  }

  public Map<String, Object> classes(Role role, Integer year, String schemeId, String zone) throws SQLException {
    return tables.classes(role, year, schemeId, zone);
  }

  public Table classesTable(Role role, Integer year, String schemeId, String zone) throws SQLException {
    return tables.classesTable(role, year, schemeId, zone);
  }

  public Map<String, Object> whatIf(Role role, JsonNode body) throws SQLException {
    return whatIf.whatIf(role, body);
  }

  public Table lowEfficiency(Role role, Integer year, String schemeId, String zone, Unit u) throws SQLException {
    return tables.lowEfficiency(role, year, schemeId, zone, u);
  }

  public void writeGeoJson(Table t, OutputStream out) throws SQLException, IOException {
    tables.writeGeoJson(t, out);
  }

  public Table targets(Role role, Integer year, String schemeId) throws SQLException {
    return tables.targets(role, year, schemeId);
  }

  public Table trend(Role role, Level level, Indicator ind, String schemeId, String zone, Unit u) throws SQLException {
    return tables.trend(role, level, ind, schemeId, zone, u);
  }

  /** Rounded to 4 decimals; NaN and infinities become null (JSON has no NaN). */
  static Double num(double v) {
    return EfficiencyTables.num(v);
  }

  static List<LowReason.Found> visibleReasons(ParcelResult p, boolean conf) {
    return EfficiencyTables.visibleReasons(p, conf);
  }

  /** See {@link EfficiencyTables#listStates}. */
  public static Map<String, Object> listStates(EfficiencyResult r) {
    return EfficiencyTables.listStates(r);
  }
}
