package zoneatlas.imports;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import zoneatlas.Services;
import zoneatlas.auth.Role;
import zoneatlas.http.ApiError;
import zoneatlas.http.RouteModule;

/**
 * POST /api/imports/figures: a CSV or .xlsx file of yearly figures, as the request body or as the
 * part {@code file} of a multipart form. Land officers and administrators only. 200 with what
 * was written, or 400 with every row error and nothing written.
 */
public final class ImportRoutes implements RouteModule {
  private final Services s;

  public ImportRoutes(Services s) {
    this.s = s;
  }

  @Override
  public void register(RoutesConfig r) {
    r.post("/api/imports/figures", this::figures);
  }

  void figures(Context ctx) throws Exception {
    Role role = s.auth.principal(ctx).role();
    if (role == Role.anonymous) {
      throw ApiError.unauthorized("importing figures needs a land officer or administrator: sign in");
    }
    if (!role.atLeast(Role.land_officer)) {
      throw ApiError.forbidden("importing figures is for land officers and administrators");
    }
    byte[] bytes;
    String filename;
    String type;
    if (ctx.isMultipartFormData()) {
      UploadedFile f = ctx.uploadedFile("file");
      if (f == null) {
        List<UploadedFile> all = ctx.uploadedFiles();
        if (all.size() != 1) {
          throw ApiError.badParam("file", "send the file as the form part named 'file'");
        }
        f = all.get(0);
      }
      if (f.size() > s.imports.maxBytes()) {
        throw tooLarge();
      }
      try (InputStream in = f.content()) {
        bytes = in.readAllBytes();
      }
      filename = f.filename();
      type = f.contentType();
    } else {
      bytes = readLimited(ctx.bodyInputStream(), s.imports.maxBytes());
      filename = ctx.queryParam("filename");
      type = ctx.contentType();
    }
    if (bytes.length == 0) {
      throw ApiError.badParam("file", "is empty: send a CSV or .xlsx file as the body or as the form part 'file'");
    }
    FigureImportService.Report rep = s.imports.importFile(bytes, filename, type);
    if (rep.ok()) {
      ctx.json(rep);
      return;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", "InvalidImport");
    m.put("description", (rep.errors().size() + rep.moreErrors()) + " problem(s) in the file; nothing was written");
    m.put("parameter", "file");
    m.put("status", 400);
    m.put("written", 0);
    m.put("format", rep.format());
    m.put("errors", rep.errors());
    m.put("moreErrors", rep.moreErrors());
    ctx.status(400).json(m);
  }

  private ApiError tooLarge() {
    return new ApiError(413, "PayloadTooLarge", "file", "file: larger than " + s.imports.maxBytes()
        + " bytes (setting imports.max.bytes); split it by year");
  }

  private byte[] readLimited(InputStream in, long max) throws IOException {
    byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    if (b.length > max) {
      throw tooLarge();
    }
    return b;
  }
}
