package zoneatlas.imports;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import zoneatlas.Services;
import zoneatlas.auth.Role;
import zoneatlas.http.ApiError;
import zoneatlas.http.RouteModule;
import zoneatlas.http.Uploads;
import zoneatlas.http.Writes;

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
    Uploads.Upload file = Uploads.read(ctx, s.imports.maxBytes(), "imports.max.bytes; split the file by year",
        "send a CSV or .xlsx file as the body or as the form part 'file'");
    FigureImportService.Report rep = s.imports.importFile(file.bytes(), file.filename(), file.contentType(),
        Writes.change(ctx, s.auth, s.edits.clock(), "import-figures", "enterprises", ctx.queryParam("reason")));
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
}
