package zoneatlas;

import io.javalin.Javalin;
import java.io.Console;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import zoneatlas.auth.Passwords;
import zoneatlas.config.Config;
import zoneatlas.demo.LoadException;
import zoneatlas.http.WebApp;
import zoneatlas.store.Backup;
import zoneatlas.store.H2gisStore;
import zoneatlas.store.SqlStore;
import zoneatlas.store.Stores;

/**
 * Reads the configuration, opens the store, loads the demo data into an empty one, serves. Also
 * {@code hash-password}, and {@code backup FILE} / {@code restore FILE} (see {@link Backup}).
 */
public final class App {
  private static final Logger LOG = LoggerFactory.getLogger(App.class);

  private App() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("hash-password")) {
      hashPassword(args);
      return;
    }
    if (args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"))) {
      System.exit(Backup.cli(args, System.getenv(), System.out, System.err));
      return;
    }
    Config config;
    try {
      config = Config.load(args, System.getenv());
    } catch (Config.ConfigException e) {
      System.err.println("zoneatlas: " + e.getMessage());
      System.exit(2);
      return;
    }
    SqlStore store;
    try {
      store = Stores.openForServer(config);
    } catch (H2gisStore.UnavailableException e) {
      System.err.println("zoneatlas: " + e.getMessage());
      System.exit(4);
      return;
    } catch (LoadException e) {
      System.err.println("zoneatlas: demo data refused, nothing was written: " + e.getMessage());
      System.exit(3);
      return;
    }
    Services services;
    try {
      services = new Services(config, store);
    } catch (Config.ConfigException e) {
      // e.g. basemap.package naming a file that is not there: say so in one line, not a stack
      System.err.println("zoneatlas: " + e.getMessage());
      store.close();
      System.exit(2);
      return;
    }
    Javalin app = WebApp.create(services);
    // SIGTERM (systemd, kill, an orchestrator): stop accepting, let requests in flight finish within
    // shutdown.grace.seconds (WebApp's Jetty is set up for it), and only then close the pools they use
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      long t0 = System.nanoTime();
      LOG.info("stopping: no new connections, requests in flight get up to {} s", config.integer("shutdown.grace.seconds"));
      app.stop();
      store.close();
      LOG.info("stopped in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }, "shutdown"));
    app.start(config.get("host"), config.integer("port"));
    LOG.info("ZoneAtlas serving on http://localhost:{}/", app.port());
  }

  /** {@code java -jar zoneatlas.jar hash-password [PASSWORD]}: prints a hash for auth.user.NAME. */
  private static void hashPassword(String[] args) {
    String pw;
    if (args.length > 1) {
      pw = args[1];
    } else {
      Console c = System.console();
      if (c == null) {
        System.err.println("usage: java -jar zoneatlas.jar hash-password PASSWORD");
        System.exit(2);
        return;
      }
      pw = new String(c.readPassword("password: "));
    }
    System.out.println(Passwords.hash(pw));
  }
}
