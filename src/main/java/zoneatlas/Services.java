package zoneatlas;

import java.time.Clock;
import zoneatlas.auth.Auth;
import zoneatlas.basemap.BasemapRoutes;
import zoneatlas.basemap.TilePackage;
import zoneatlas.config.Config;
import zoneatlas.editing.EditService;
import zoneatlas.history.HistoryService;
import zoneatlas.efficiency.EfficiencyService;
import zoneatlas.efficiency.Evaluations;
import zoneatlas.imports.FigureImportService;
import zoneatlas.imports.spatial.ParcelImportService;
import zoneatlas.layers.FeatureService;
import zoneatlas.layers.LayerCatalog;
import zoneatlas.search.SearchService;
import zoneatlas.sites.SitesService;
import zoneatlas.store.Store;
import zoneatlas.summary.SummaryService;

/**
 * Everything a request may need, built once from the configuration and a store. Passed to the
 * app factory, so a test builds the whole server around a test store in one line.
 */
public final class Services {
  public final Config config;
  public final Store store;
  public final LayerCatalog catalog;
  public final FeatureService features;
  public final Auth auth;
  public final SitesService sites;
  public final SearchService search;
  /** The offline basemap tile package ({@code basemap.package}), or null when none is configured. */
  public final TilePackage basemap;
  public final SummaryService summary;
  public final EfficiencyService efficiency;
  public final Evaluations evaluations;
  public final FigureImportService imports;
  public final ParcelImportService parcelImports;
  public final EditService edits;
  public final HistoryService history;

  public Services(Config config, Store store) {
    this(config, store, Clock.systemUTC());
  }

  /** With the clock that stamps changes (tests replay the history at instants of their choosing). */
  public Services(Config config, Store store, Clock clock) {
    this.config = config;
    this.store = store;
    this.catalog = LayerCatalog.load();
    this.features = new FeatureService(store, catalog, config.integer("query.slow.ms"));
    this.auth = new Auth(config, Clock.systemUTC(), store);
    this.efficiency = new EfficiencyService(store, config.integer("efficiency.min.group"));
    this.evaluations = new Evaluations(store, efficiency, clock);
    this.sites = new SitesService(store, SitesService.Limits.from(config), efficiency);
    this.search = new SearchService(store);
    this.basemap = BasemapRoutes.openConfigured(config);
    this.summary = new SummaryService(store);
    this.imports = new FigureImportService(store, config.longValue("imports.max.bytes"));
    this.parcelImports = new ParcelImportService(store, config.longValue("imports.parcels.max.bytes"));
    this.edits = new EditService(store, catalog, clock);
    this.history = new HistoryService(store);
  }
}
