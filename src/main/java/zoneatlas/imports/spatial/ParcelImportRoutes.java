package zoneatlas.imports.spatial;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import zoneatlas.Services;
import zoneatlas.auth.Role;
import zoneatlas.http.ApiError;
import zoneatlas.http.RouteModule;
import zoneatlas.http.Uploads;
import zoneatlas.http.Writes;

/**
 * <b>POST /api/imports/parcels</b> — imports land parcels (宗地) from a user's own file.
 * Administrators only (401 without a token, 403 for other roles).
 *
 * <p>The file is the request body, or the part {@code file} of a multipart form. Parameters come
 * in the query string or as form fields:
 *
 * <ul>
 *   <li>{@code format} = shp-zip | gpkg | geojson | csv | xlsx — guessed from the content and
 *       {@code filename} when absent. A shapefile is a zip of .shp/.shx/.dbf (+ .prj, .cpg).
 *   <li>{@code srs} = EPSG:NNNN — the coordinates' CRS when the file names none (or names a wrong
 *       one). Without it: the .prj / GeoPackage SRS / GeoJSON crs / EWKT SRID; lon/lat degrees are
 *       taken as EPSG:4490; Gauss-Kruger eastings carrying a zone prefix (38484231.5) name their
 *       zone (EPSG:4526); prefix-less projected metres are refused. CGCS2000 and WGS 84 systems only.
 *   <li>{@code encoding} — attribute encoding of a shapefile or CSV (GBK, UTF-8); detected otherwise.
 *   <li>{@code layer} — shapefile in the zip, GeoPackage table or sheet, when there are several.
 *   <li>Mapping, parcel field = source column: {@code id}, {@code land_use_code}, {@code status}
 *       (required; guessed from names such as 宗地编号, 地类编码, 土地状态, ZDDM, DLBM), {@code
 *       land_use_name}, {@code zone}, {@code board}, {@code park}, {@code small_micro_park},
 *       {@code floor_area_m2}, {@code far}, {@code coverage}, {@code far_min}, {@code coverage_min},
 *       {@code req_invest_wan_per_mu}, {@code req_tax_wan_per_mu}, {@code supply_year}, {@code
 *       build_start_year}, {@code area_m2}/{@code area_mu} (the stated area, only compared), and
 *       for tables the geometry: {@code wkt}, or {@code lon}+{@code lat} / {@code x}+{@code y}
 *       boundary-point rows grouped by id ({@code ring}, {@code point} order them). An empty value
 *       turns a guess off.
 *   <li>{@code mode} = append (default; an existing id is an error) | replace-zone with {@code
 *       target_zone} (the file becomes that zone's parcels: ids found are rewritten, the zone's
 *       other parcels and their enterprise land uses removed).
 *   <li>{@code dry_run} = true — check and report only.
 *   <li>{@code reason} — why (变更原因), when the header {@code X-Change-Reason} is not sent: the
 *       import is one change of the history, with its reason.
 * </ul>
 *
 * <p>200: the report (counts, CRS used, mapping, notes, warnings, the first parcels as placed). 400
 * with code InvalidImport when any feature is wrong — nothing is written — listing up to 200
 * problems as {index, row, id, field, reason, reason_zh} with {@code error_count}; 400 naming the
 * parameter when the file as a whole cannot be used; 413 when larger than {@code
 * imports.parcels.max.bytes}. Every message comes in English and in Chinese: {@code reason_zh}
 * beside each {@code reason}, {@code notes_zh} beside {@code notes}, {@code description_zh} beside
 * {@code description}.
 *
 * <p>For a mapping form the report lists the file's {@code columns} and the parcel {@code fields}
 * they can be mapped to ({field, title_zh, title_en, required, geometry, column, guessed}); a 400
 * for the whole file carries them too, with whatever else was learnt before it failed (format,
 * layer, mapping, notes). A dry run, and an import refused for its features, also answer a {@code
 * preview}: a GeoJSON FeatureCollection in CRS84 of the file's features as they would be stored
 * (id = index in the file; properties index, row, id, land_use_code, land_use_name, status, zone,
 * park, area_mu, level ok|warning|error and problems [{level, field, reason, reason_zh}]; null
 * geometry when it could not be transformed or lies outside China), at most {@value
 * ImportReport#PREVIEW_MAX} features ({@code capped}, {@code total}; those with problems first).
 */
public final class ParcelImportRoutes implements RouteModule {
  private final Services s;

  public ParcelImportRoutes(Services s) {
    this.s = s;
  }

  @Override
  public void register(RoutesConfig r) {
    r.post("/api/imports/parcels", this::parcels);
  }

  void parcels(Context ctx) throws IOException, SQLException {
    Role role = s.auth.principal(ctx).role();
    if (role == Role.anonymous) {
      throw ApiError.unauthorized("importing parcels needs an administrator: sign in");
    }
    if (role != Role.admin) {
      throw ApiError.forbidden("importing parcels is for administrators");
    }
    Map<String, String> params = new LinkedHashMap<>();
    ctx.queryParamMap().forEach((k, v) -> put(params, k, v));
    if (ctx.isMultipartFormData()) {
      var fileParts = ctx.uploadedFileMap().keySet();
      ctx.formParamMap().forEach((k, v) -> {
        if (!fileParts.contains(k)) {
          put(params, k, v);
        }
      });
    }
    Uploads.Upload file = Uploads.read(ctx, s.parcelImports.maxBytes(), "imports.parcels.max.bytes",
        "send the parcel file as the body or as the form part 'file'");
    if (file.filename() != null) {
      params.putIfAbsent("filename", file.filename());
    }
    ImportReport rep;
    try {
      ImportOptions o = ImportOptions.parse(params);
      rep = s.parcelImports.importFile(file.bytes(), o, Writes.change(ctx, s.auth, s.edits.clock(), "import", "parcels",
          params.get("reason")));
    } catch (ImportFailure e) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("description_zh", e.messageZh);
      details.putAll(e.details);
      throw new ApiError(400, e.parameter.equals("file") ? "InvalidImport" : "InvalidParameterValue", e.parameter, e.getMessage(),
          details);
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        throw new ApiError(409, "Conflict", "id", "another import wrote a parcel with one of these ids meanwhile; send the file again",
            Map.of("description_zh", "导入期间另一次导入写入了相同宗地编号的地块；请重新提交该文件"));
      }
      throw e;
    }
    Map<String, Object> body = rep.toJson();
    if (rep.ok()) {
      ctx.json(body);
      return;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", "InvalidImport");
    m.put("description", rep.errors().size() + " problem(s) in the file; nothing was written");
    m.put("description_zh", "文件中有 " + rep.errors().size() + " 处错误，未写入任何数据");
    m.put("parameter", "file");
    m.put("status", 400);
    m.putAll(body);
    ctx.status(400).json(m);
  }

  private static void put(Map<String, String> params, String k, List<String> v) {
    if (v.size() > 1 || params.containsKey(k)) {
      throw ApiError.badParam(k, "given more than once");
    }
    params.put(k, v.isEmpty() ? "" : v.get(0));
  }
}
