package zoneatlas.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import zoneatlas.testing.ChildServer;
import zoneatlas.testing.TestStores;

/**
 * The real server ({@code zoneatlas.App}) as a child JVM ({@link ChildServer}) with an admin user,
 * so a test can kill it as an operator's {@code kill -9} would.
 */
final class ServerProcess implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> JVM = List.of("-Xmx1g");

  private final ChildServer child;
  final Process process;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

  private ServerProcess(ChildServer child) {
    this.child = child;
    this.process = child.process;
  }

  /** A child JVM with the given flags, not started (to watch how it fails). */
  static ProcessBuilder builder(Path workDir, List<String> flags) throws IOException {
    return ChildServer.builder(workDir, JVM, flags);
  }

  /** Starts the server on the embedded file {@code dbPath} with an admin user, and waits until it serves. */
  static ServerProcess start(Path workDir, Path dbPath, String... moreFlags) throws Exception {
    List<String> flags = new ArrayList<>(List.of(
        "--embedded.path", dbPath.toString(),
        "--auth.secret", "test-secret-0123456789",
        "--auth.user.admin", TestStores.config().get("auth.user.admin")));
    flags.addAll(List.of(moreFlags));
    return new ServerProcess(ChildServer.start(workDir, JVM, flags));
  }

  String output() {
    return child.output();
  }

  String base() {
    return child.base();
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
