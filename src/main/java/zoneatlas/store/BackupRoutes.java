package zoneatlas.store;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import zoneatlas.Services;
import zoneatlas.auth.Auth;
import zoneatlas.auth.Role;
import zoneatlas.http.ApiError;
import zoneatlas.http.RouteModule;

/**
 * <b>GET /api/admin/backup</b> — the embedded database as a download while the server runs
 * (the {@code backup} command needs the server stopped, since H2 locks its file): the same zip
 * of SQL that {@code java -jar zoneatlas.jar restore FILE} reads, one consistent snapshot.
 * Administrators only (401 without a token, 403 for other roles). On PostGIS, 501 pointing to
 * pg_dump: a dump through the web server would hold a connection and a snapshot for as long as
 * a slow client takes, and pg_dump does it better.
 */
public final class BackupRoutes implements RouteModule {
  private static final Logger LOG = LoggerFactory.getLogger(BackupRoutes.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  private final Services s;

  public BackupRoutes(Services s) {
    this.s = s;
  }

  @Override
  public void register(RoutesConfig r) {
    r.get("/api/admin/backup", this::backup);
  }

  void backup(Context ctx) throws Exception {
    Auth.Principal who = s.auth.principal(ctx);
    if (who.role() == Role.anonymous) {
      throw ApiError.unauthorized("a backup needs an administrator: sign in");
    }
    if (who.role() != Role.admin) {
      throw ApiError.forbidden("backups are for administrators");
    }
    if (s.store.dialect() != Dialect.H2GIS) {
      throw new ApiError(501, "NotImplemented", null, "this server runs on PostGIS: back it up with"
          + " pg_dump -Fc (java -jar zoneatlas.jar backup FILE prints the exact command; README, Backups)");
    }
    // the script goes through a temporary file: H2 writes SCRIPT TO a file, and the snapshot's
    // transaction ends before the client starts reading, however slowly it reads
    Path tmp = Files.createTempFile("zoneatlas-backup-", ".zip");
    try {
      try (Connection c = s.store.connection()) {
        Backup.script(c, tmp);
      }
      long size = Files.size(tmp);
      LOG.info("backup downloaded by {}: {} bytes", who.name(), size);
      String name = "zoneatlas-" + ZonedDateTime.now(ZoneOffset.UTC).format(STAMP) + ".zip";
      ctx.contentType("application/zip");
      ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
      ctx.header("Cache-Control", "no-store");
      ctx.result(new DeleteOnClose(tmp));
    } catch (Exception e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }

  /** Streams the file, then deletes it: Javalin closes the stream once the response is sent. */
  private static final class DeleteOnClose extends FilterInputStream {
    private final Path file;

    DeleteOnClose(Path file) throws IOException {
      super(Files.newInputStream(file));
      this.file = file;
    }

    @Override
    public void close() throws IOException {
      try {
        super.close();
      } finally {
        Files.deleteIfExists(file);
      }
    }
  }
}
