package zoneatlas.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway PostgreSQL + PostGIS cluster for tests, started from Debian's binaries (no Docker
 * here): initdb in a scratch folder, a free port on 127.0.0.1, trust auth, fsync off. Runs as
 * the {@code postgres} user when the JVM is root, since PostgreSQL refuses to run as root.
 * Stopped by a shutdown hook, also when tests fail.
 */
public final class PostgisCluster {
  private static PostgisCluster instance;
  private static RuntimeException startFailure;

  private final Path dir;
  private final int port;
  private final Path bin;

  private PostgisCluster(Path dir, int port, Path bin) {
    this.dir = dir;
    this.port = port;
    this.bin = bin;
  }

  /** The one cluster of this JVM, started on first use. Throws if PostgreSQL cannot start. */
  public static synchronized PostgisCluster get() {
    if (instance != null) {
      return instance;
    }
    if (startFailure != null) {
      throw startFailure;
    }
    try {
      instance = start();
      return instance;
    } catch (Exception e) {
      startFailure = new IllegalStateException(
          "PostGIS test cluster could not start (run scripts/install-deps.sh to install postgresql-15-postgis-3): " + e.getMessage(), e);
      throw startFailure;
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/zoneatlas";
  }

  public String user() {
    return "postgres";
  }

  /** The TCP port on 127.0.0.1, for client tools such as pg_dump. */
  public int port() {
    return port;
  }

  /** Where the cluster's PostgreSQL binaries are (pg_dump, pg_restore, createdb of the same version). */
  public Path bin() {
    return bin;
  }

  private static Path findBin() {
    for (String v : List.of("17", "16", "15")) {
      Path p = Path.of("/usr/lib/postgresql/" + v + "/bin");
      if (Files.isExecutable(p.resolve("pg_ctl"))) {
        return p;
      }
    }
    throw new IllegalStateException("no PostgreSQL binaries under /usr/lib/postgresql/*/bin");
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static PostgisCluster start() throws Exception {
    Path bin = findBin();
    Path dir = Files.createTempDirectory("zoneatlas-pg-");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    if (isRoot()) {
      run(List.of("chown", "-R", "postgres:postgres", dir.toString()));
      run(List.of("chmod", "755", dir.getParent().toString()));
    }
    Path data = dir.resolve("data");
    run(asPostgres(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
        "-E", "UTF8", "--locale=C.UTF-8")));
    PostgisCluster c = new PostgisCluster(dir, port, bin);
    run(asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(),
        "-w", "-t", "60", "-o",
        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
            + " -c full_page_writes=off -c max_connections=60 -c shared_buffers=256MB",
        "start")));
    Runtime.getRuntime().addShutdownHook(new Thread(c::stop));
    run(asPostgres(List.of(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U",
        "postgres", "zoneatlas")));
    return c;
  }

  private static List<String> asPostgres(List<String> cmd) {
    if (!isRoot()) {
      return cmd;
    }
    List<String> out = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
    out.addAll(cmd);
    return out;
  }

  void stop() {
    try {
      run(asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w",
          "stop")));
      run(List.of("rm", "-rf", dir.toString()));
    } catch (Exception e) {
      System.err.println("could not stop the PostGIS test cluster in " + dir + ": " + e.getMessage());
    }
  }

  private static void run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", cmd) + " failed: " + out);
    }
  }
}
