package zoneatlas.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx with a site file of the project's (e.g. {@code deploy/scale-out/zoneatlas.nginx.conf}),
 * in a folder of its own: its own pid file, logs and temp folders (the package's compiled-in paths
 * are under /var and /run), listening on 127.0.0.1 only. {@link #close()} stops exactly this nginx.
 */
public final class Nginx implements AutoCloseable {
  private final Path dir;
  private final Thread hook;
  public final int port;
  private boolean closed;

  private Nginx(Path dir, int port) {
    this.dir = dir;
    this.port = port;
    this.hook = new Thread(this::stopQuietly, "nginx-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  public static String binary() {
    for (String p : List.of("/usr/sbin/nginx", "/usr/bin/nginx")) {
      if (Files.isExecutable(Path.of(p))) {
        return p;
      }
    }
    return null;
  }

  /**
   * Starts nginx with {@code site} (http-level blocks) after replacing each {@code ${KEY}} of
   * {@code values}, as {@code envsubst} would; {@code /var/log/nginx/} paths go to this folder.
   */
  public static Nginx start(Path site, Map<String, String> values, int port) throws Exception {
    String bin = binary();
    if (bin == null) {
      throw new IllegalStateException("nginx is not installed (scripts/install-deps.sh installs it)");
    }
    Path dir = Files.createTempDirectory("zoneatlas-nginx-");
    Nginx n = new Nginx(dir, port);
    try {
      Files.createDirectories(dir.resolve("logs"));
      Files.createDirectories(dir.resolve("tmp"));
      String text = Files.readString(site);
      for (var e : values.entrySet()) {
        text = text.replace("${" + e.getKey() + "}", e.getValue());
      }
      text = text.replace("/var/log/nginx/", dir.resolve("logs") + "/");
      Files.writeString(dir.resolve("site.conf"), text);
      Files.writeString(dir.resolve("nginx.conf"), String.join("\n",
          "worker_processes 1;", "pid nginx.pid;", "error_log logs/error.log warn;",
          "events { worker_connections 512; }",
          "http {",
          "  client_body_temp_path tmp/body; proxy_temp_path tmp/proxy; fastcgi_temp_path tmp/fastcgi;",
          "  uwsgi_temp_path tmp/uwsgi; scgi_temp_path tmp/scgi;",
          "  include site.conf;",
          "}", ""));
      ReplicatedCluster.run(List.of(bin, "-p", dir + "/", "-c", dir.resolve("nginx.conf").toString(), "-e",
          dir.resolve("logs/error.log").toString(), "-t", "-q"));
      ReplicatedCluster.run(List.of(bin, "-p", dir + "/", "-c", dir.resolve("nginx.conf").toString(), "-e",
          dir.resolve("logs/error.log").toString()));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!n.answers()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("nginx does not answer on " + port + ":\n" + n.errorLog());
        }
        Thread.sleep(50);
      }
      return n;
    } catch (Exception | Error e) {
      n.close();
      throw e;
    }
  }

  private boolean answers() {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create(base() + "/health").toURL().openConnection();
      c.setConnectTimeout(500);
      c.setReadTimeout(2000);
      int code = c.getResponseCode();
      c.disconnect();
      return code == 200;
    } catch (IOException e) {
      return false;
    }
  }

  public String base() {
    return "http://127.0.0.1:" + port;
  }

  public String errorLog() {
    try {
      return Files.readString(dir.resolve("logs/error.log"));
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** The site's access log (its log_format): which backend answered each request. */
  public String accessLog() {
    try (var files = Files.list(dir.resolve("logs"))) {
      StringBuilder b = new StringBuilder();
      for (Path p : files.filter(f -> f.getFileName().toString().contains("access")).toList()) {
        b.append(Files.readString(p));
      }
      return b.toString();
    } catch (IOException e) {
      return e.toString();
    }
  }

  private void stopQuietly() {
    Path pidFile = dir.resolve("nginx.pid");
    try {
      if (Files.exists(pidFile)) {
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ReplicatedCluster.run(List.of(binary(), "-p", dir + "/", "-c", dir.resolve("nginx.conf").toString(), "-e",
            dir.resolve("logs/error.log").toString(), "-s", "stop"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        // alive = exists and is not a zombie waiting to be reaped
        while (ProcessHandle.of(pid).isPresent() && System.nanoTime() < deadline && !zombie(pid)) {
          Thread.sleep(50);
        }
      }
    } catch (Exception e) {
      System.err.println("could not stop nginx in " + dir + ": " + e.getMessage());
    }
    try {
      ReplicatedCluster.run(List.of("rm", "-rf", dir.toString()));
    } catch (Exception e) {
      System.err.println("could not delete " + dir + ": " + e.getMessage());
    }
  }

  private static boolean zombie(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    } catch (IOException e) {
      return true;
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
      // already shutting down
    }
  }
}
