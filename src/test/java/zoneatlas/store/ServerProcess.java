package zoneatlas.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import zoneatlas.testing.TestStores;

/**
 * The real server ({@code zoneatlas.App}) as a child JVM on the test class path, so a test can
 * kill it as an operator's {@code kill -9} would. Its output is kept for failure messages. The
 * child runs in its own folder with an empty config file and no ZONEATLAS_ variables, so nothing
 * of the developer's setup leaks in.
 */
final class ServerProcess implements AutoCloseable {
  private static final Pattern SERVING = Pattern.compile("ZoneAtlas serving on http://localhost:(\\d+)/");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** First start on a loaded 2-core machine: JVM, store, GeoTools, Jetty. */
  static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  final Process process;
  private final StringBuffer output = new StringBuffer();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
  private volatile int port = -1;

  private ServerProcess(Process process) {
    this.process = process;
  }

  /** The command line of the child JVM: the test class path, the given flags after App's name. */
  static List<String> command(Path workDir, List<String> flags) throws IOException {
    Path config = workDir.resolve("empty.properties");
    if (!Files.exists(config)) {
      Files.writeString(config, "");
    }
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-Dfile.encoding=UTF-8",
        "-cp", classPath(), "zoneatlas.App", "--config", config.toString()));
    cmd.addAll(flags);
    return cmd;
  }

  /** Surefire puts the class path in a manifest-only jar; it also hands the real list over. */
  private static String classPath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
  }

  static ProcessBuilder builder(Path workDir, List<String> flags) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command(workDir, flags)).directory(workDir.toFile()).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("ZONEATLAS_"));
    return pb;
  }

  /** Starts the server on the embedded file {@code dbPath} with an admin user, and waits until it serves. */
  static ServerProcess start(Path workDir, Path dbPath, String... moreFlags) throws Exception {
    List<String> flags = new ArrayList<>(List.of(
        "--embedded.path", dbPath.toString(), "--host", "127.0.0.1", "--port", "0",
        "--auth.secret", "test-secret-0123456789",
        "--auth.user.admin", TestStores.config().get("auth.user.admin")));
    flags.addAll(List.of(moreFlags));
    ServerProcess s = new ServerProcess(builder(workDir, flags).start());
    Thread pump = new Thread(s::pump, "server-output");
    pump.setDaemon(true);
    pump.start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (s.port < 0) {
      if (!s.process.isAlive()) {
        throw new AssertionError("the server exited with " + s.process.exitValue() + " before serving:\n" + s.output());
      }
      if (System.nanoTime() > deadline) {
        s.close();
        throw new AssertionError("the server did not serve within " + START_TIMEOUT + ":\n" + s.output());
      }
      Thread.sleep(50);
    }
    return s;
  }

  private void pump() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        output.append(line).append('\n');
        Matcher m = SERVING.matcher(line);
        if (m.find()) {
          port = Integer.parseInt(m.group(1));
        }
      }
    } catch (IOException e) {
      // the process was killed
    }
  }

  String output() {
    return output.toString();
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  /** Signs in as the admin of {@link TestStores#config()}. */
  String adminToken() throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/login"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", "admin", "password", TestStores.PASSWORD))))
        .timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (r.statusCode() != 200) {
      throw new AssertionError("login: " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body()).get("token").asText();
  }

  HttpRequest.Builder request(String path, String token) {
    return HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + token)
        .timeout(Duration.ofMinutes(5));
  }

  HttpResponse<String> send(HttpRequest r) throws Exception {
    return http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest r) {
    return http.sendAsync(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** SIGKILL: no shutdown hook, no H2 close, as a crash or an operator's kill -9. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(1, TimeUnit.MINUTES)) {
      throw new AssertionError("the server did not die after SIGKILL");
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      try {
        kill();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
