package zoneatlas.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real server ({@code zoneatlas.App}) in a child JVM with JVM options of the test's choosing
 * (a small heap, above all), on the test class path, in its own folder with an empty config file
 * and no ZONEATLAS_ variables. Its output is kept for failure messages.
 */
public final class ChildServer implements AutoCloseable {
  private static final Pattern SERVING = Pattern.compile("ZoneAtlas serving on http://localhost:(\\d+)/");
  /** First start on a loaded 2-core machine: JVM, demo data, GeoTools, Jetty. */
  public static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  public final Process process;
  private final StringBuffer output = new StringBuffer();
  private volatile int port = -1;

  private ChildServer(Process process) {
    this.process = process;
  }

  /**
   * The child JVM's process, not started: {@code jvmOptions} before the class path, {@code flags}
   * after App's name, in {@code workDir} with an empty config file and no ZONEATLAS_ variables.
   */
  public static ProcessBuilder builder(Path workDir, List<String> jvmOptions, List<String> flags) throws IOException {
    Path config = workDir.resolve("empty.properties");
    if (!Files.exists(config)) {
      Files.writeString(config, "");
    }
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(jvmOptions);
    // surefire puts the class path in a manifest-only jar; it also hands the real list over
    String cp = System.getProperty("surefire.test.class.path");
    cmd.addAll(List.of("-Dfile.encoding=UTF-8", "-cp", cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path"),
        "zoneatlas.App", "--config", config.toString()));
    cmd.addAll(flags);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("ZONEATLAS_"));
    return pb;
  }

  /** Starts the server on 127.0.0.1 and a free port with {@link #builder}, and waits until it serves. */
  public static ChildServer start(Path workDir, List<String> jvmOptions, List<String> flags) throws Exception {
    List<String> all = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", "0"));
    all.addAll(flags);
    ProcessBuilder pb = builder(workDir, jvmOptions, all);
    ChildServer s = new ChildServer(pb.start());
    Thread pump = new Thread(s::pump, "child-server-output");
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
      // the process ended
    }
  }

  public String output() {
    return output.toString();
  }

  public String base() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
