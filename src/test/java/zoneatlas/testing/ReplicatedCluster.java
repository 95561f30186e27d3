package zoneatlas.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL primary and a hot standby streaming from it, on 127.0.0.1, from Debian's binaries,
 * as {@code deploy/scale-out/README.md} sets them up (trust auth and fsync off: throwaway data). As
 * root, every PostgreSQL command runs as the {@code postgres} user. {@link #close()} stops both and
 * deletes the folder; a shutdown hook does it too if a test never gets there.
 */
public final class ReplicatedCluster implements AutoCloseable {
  private final Path dir;
  private final Path bin;
  public final int primaryPort;
  public final int standbyPort;
  private final Thread hook;
  private boolean closed;

  private ReplicatedCluster(Path dir, Path bin, int primaryPort, int standbyPort) {
    this.dir = dir;
    this.bin = bin;
    this.primaryPort = primaryPort;
    this.standbyPort = standbyPort;
    this.hook = new Thread(this::stopQuietly, "replicated-cluster-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Starts the primary with an empty database {@code zoneatlas} (PostGIS comes with the schema). */
  public static ReplicatedCluster startPrimary() throws Exception {
    Path bin = null;
    for (String v : List.of("17", "16", "15")) {
      Path p = Path.of("/usr/lib/postgresql/" + v + "/bin");
      if (Files.isExecutable(p.resolve("pg_basebackup"))) {
        bin = p;
        break;
      }
    }
    if (bin == null) {
      throw new IllegalStateException("no PostgreSQL binaries under /usr/lib/postgresql/*/bin (scripts/install-deps.sh)");
    }
    Path dir = Files.createTempDirectory("zoneatlas-repl-");
    int[] ports = freePorts(2);
    ReplicatedCluster c = new ReplicatedCluster(dir, bin, ports[0], ports[1]);
    try {
      if (root()) {
        run(List.of("chown", "postgres:postgres", dir.toString()));
        run(List.of("chmod", "755", dir.getParent().toString()));
      }
      Path data = dir.resolve("primary");
      c.asPostgres(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
          "--locale=C.UTF-8", "-N");
      Files.writeString(data.resolve("postgresql.conf"), String.join("\n",
          "listen_addresses = '127.0.0.1'", "port = " + c.primaryPort, "unix_socket_directories = '" + dir + "'",
          "wal_level = replica", "max_wal_senders = 5", "max_replication_slots = 5", "hot_standby = on",
          "fsync = off", "synchronous_commit = off", "full_page_writes = off", "max_connections = 60",
          // a standby that lost its connection asks again after 0.5 s, not 5
          "wal_retrieve_retry_interval = '500ms'", ""), java.nio.file.StandardOpenOption.APPEND);
      Files.writeString(data.resolve("pg_hba.conf"), "local all all trust\nhost all all 127.0.0.1/32 trust\n"
          + "host replication all 127.0.0.1/32 trust\n");
      c.asPostgres(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("primary.log").toString(),
          "-w", "-t", "60", "start");
      try (Connection conn = DriverManager.getConnection(c.jdbc(c.primaryPort, "postgres"), "postgres", "");
          Statement st = conn.createStatement()) {
        st.execute("CREATE DATABASE zoneatlas");
      }
      return c;
    } catch (Exception | Error e) {
      c.close();
      throw e;
    }
  }

  /** Copies the primary as it is now (pg_basebackup) and starts the copy as a standby streaming from it. */
  public void startStandby() throws Exception {
    Path data = dir.resolve("standby");
    asPostgres(bin.resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p", Integer.toString(primaryPort), "-U",
        "postgres", "-D", data.toString(), "-R", "-X", "stream", "-c", "fast", "-C", "-S", "standby1");
    // the copy brought the primary's settings, port included: a later line wins
    Files.writeString(data.resolve("postgresql.conf"), "port = " + standbyPort + "\ncluster_name = 'standby1'\n",
        java.nio.file.StandardOpenOption.APPEND);
    asPostgres(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("standby.log").toString(), "-w",
        "-t", "60", "start");
    // pg_ctl returns when the standby takes read-only connections, before it streams
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try (Connection conn = DriverManager.getConnection(primaryJdbc(), "postgres", "");
        Statement st = conn.createStatement()) {
      while (true) {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_replication WHERE application_name = 'standby1'"
            + " AND state = 'streaming'")) {
          rs.next();
          if (rs.getInt(1) == 1) {
            return;
          }
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the standby does not stream:\n" + Files.readString(dir.resolve("standby.log")));
        }
        Thread.sleep(50);
      }
    }
  }

  public String primaryJdbc() {
    return jdbc(primaryPort, "zoneatlas");
  }

  public String standbyJdbc() {
    return jdbc(standbyPort, "zoneatlas");
  }

  private String jdbc(int port, String db) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + db;
  }

  public Path dir() {
    return dir;
  }

  private void asPostgres(String... cmd) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (root()) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(List.of(cmd));
    run(full, dir);
  }

  private static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Ports bound together, so no two are the same. */
  public static int[] freePorts(int n) throws IOException {
    List<ServerSocket> open = new ArrayList<>();
    try {
      int[] out = new int[n];
      for (int i = 0; i < n; i++) {
        ServerSocket s = new ServerSocket(0);
        open.add(s);
        out[i] = s.getLocalPort();
      }
      return out;
    } finally {
      for (ServerSocket s : open) {
        s.close();
      }
    }
  }

  static void run(List<String> cmd) throws IOException, InterruptedException {
    run(cmd, null);
  }

  /** In {@code workDir}: postgres cannot read root's home, and PostgreSQL tools complain from there. */
  static void run(List<String> cmd, Path workDir) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(
        new java.io.File("/dev/null")));
    if (workDir != null) {
      pb.directory(workDir.toFile());
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", cmd) + " failed: " + out);
    }
  }

  private void stopQuietly() {
    for (String which : List.of("standby", "primary")) {
      Path data = dir.resolve(which);
      if (Files.exists(data.resolve("postmaster.pid"))) {
        try {
          asPostgres(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop");
        } catch (Exception e) {
          System.err.println("could not stop the " + which + " in " + data + ": " + e.getMessage());
        }
      }
    }
    try {
      run(List.of("rm", "-rf", dir.toString()));
    } catch (Exception e) {
      System.err.println("could not delete " + dir + ": " + e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stopQuietly();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // already shutting down: the hook is running this
    }
  }
}
