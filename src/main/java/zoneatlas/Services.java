package zoneatlas;

import java.time.Clock;
import zoneatlas.auth.Auth;
import zoneatlas.config.Config;
import zoneatlas.layers.FeatureService;
import zoneatlas.layers.LayerCatalog;
import zoneatlas.store.Store;

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
  public final zoneatlas.sites.SitesService sites;
  public final zoneatlas.search.SearchService search;
  public final zoneatlas.summary.SummaryService summary;
  public final zoneatlas.efficiency.EfficiencyService efficiency;
  public final zoneatlas.imports.FigureImportService imports;
  public final zoneatlas.imports.spatial.ParcelImportService parcelImports;

  public Services(Config config, Store store) {
    this.config = config;
    this.store = store;
    this.catalog = LayerCatalog.load();
    this.features = new FeatureService(store, catalog, config.integer("query.slow.ms"));
    this.auth = new Auth(config, Clock.systemUTC());
    this.sites = new zoneatlas.sites.SitesService(store, zoneatlas.sites.SitesService.Limits.from(config));
    this.search = new zoneatlas.search.SearchService(store);
    this.summary = new zoneatlas.summary.SummaryService(store);
    this.efficiency = new zoneatlas.efficiency.EfficiencyService(store, config.integer("efficiency.min.group"));
    this.imports = new zoneatlas.imports.FigureImportService(store, config.longValue("imports.max.bytes"));
    this.parcelImports = new zoneatlas.imports.spatial.ParcelImportService(store, config.longValue("imports.parcels.max.bytes"));
  }
}
