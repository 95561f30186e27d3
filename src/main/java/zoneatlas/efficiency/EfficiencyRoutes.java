package zoneatlas.efficiency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Set;
import zoneatlas.Services;
import zoneatlas.auth.Role;
import zoneatlas.http.ApiError;
import zoneatlas.http.Downloads;
import zoneatlas.http.JsonBody;
import zoneatlas.http.Params;
import zoneatlas.http.RouteModule;

/**
 * GET /api/efficiency/{meta, indicators, classes, low-efficiency, targets, trend}, GET
 * /api/efficiency/card/{level}/{id} (a parcel's or enterprise's card, {@link EfficiencyCard}) and POST
 * /api/efficiency/whatif. Handlers parse and check parameters, call one {@link EfficiencyService}
 * method with the caller's role, and write JSON, CSV, Excel or GeoJSON.
 */
public final class EfficiencyRoutes implements RouteModule {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Services s;
  private final EfficiencyCard card;

  public EfficiencyRoutes(Services s) {
    this.s = s;
    this.card = new EfficiencyCard(s.efficiency);
  }

  @Override
  public void register(RoutesConfig r) {
    r.get("/api/efficiency/meta", ctx -> {
      Params.onlyKnown(ctx, Set.of(), k -> false);
      ctx.json(s.efficiency.meta());
    });
    r.get("/api/efficiency/indicators", ctx -> {
      Params.onlyKnown(ctx, Set.of("level", "year", "scheme", "zone", "unit", "format", "lang"), k -> false);
      String lv = Params.one(ctx, "level");
      Level level = lv == null ? Level.industrial_park
          : Level.byParam(lv).orElseThrow(() -> ApiError.badParam("level", "must be one of " + Level.params() + ", got '" + lv + "'"));
      write(ctx, s.efficiency.indicators(role(ctx), level, year(ctx), Params.one(ctx, "scheme"), Params.one(ctx, "zone"),
          unit(ctx)), "json", "csv", "xlsx");
    });
    r.get("/api/efficiency/classes", ctx -> {
      Params.onlyKnown(ctx, Set.of("year", "scheme", "zone", "format", "lang"), k -> false);
      String f = format(ctx, "json", "csv", "xlsx");
      if (f.equals("json")) {
        ctx.json(s.efficiency.classes(role(ctx), year(ctx), Params.one(ctx, "scheme"), Params.one(ctx, "zone")));
      } else {
        write(ctx, s.efficiency.classesTable(role(ctx), year(ctx), Params.one(ctx, "scheme"), Params.one(ctx, "zone")),
            "json", "csv", "xlsx");
      }
    });
    r.post("/api/efficiency/whatif", ctx -> {
      Params.onlyKnown(ctx, Set.of(), k -> false);
      ctx.json(s.efficiency.whatIf(role(ctx), JsonBody.object(ctx, JsonBody.PLAIN)));
    });
    r.get("/api/efficiency/low-efficiency", ctx -> {
      Params.onlyKnown(ctx, Set.of("year", "scheme", "zone", "unit", "format", "lang"), k -> false);
      String f = format(ctx, "json", "geojson", "csv", "xlsx");
      Table t = s.efficiency.lowEfficiency(role(ctx), year(ctx), Params.one(ctx, "scheme"), Params.one(ctx, "zone"), unit(ctx));
      if (f.equals("geojson")) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.efficiency.writeGeoJson(t, out);
        ctx.contentType("application/geo+json").result(out.toByteArray());
      } else {
        write(ctx, t, "json", "geojson", "csv", "xlsx");
      }
    });
    r.get("/api/efficiency/targets", ctx -> {
      Params.onlyKnown(ctx, Set.of("year", "scheme", "format", "lang"), k -> false);
      write(ctx, s.efficiency.targets(role(ctx), year(ctx), Params.one(ctx, "scheme")), "json", "csv", "xlsx");
    });
    r.get("/api/efficiency/trend", ctx -> {
      Params.onlyKnown(ctx, Set.of("level", "indicator", "scheme", "zone", "unit", "format", "lang"), k -> false);
      String lv = Params.one(ctx, "level");
      Level level = lv == null ? Level.zone
          : Level.byParam(lv).orElseThrow(() -> ApiError.badParam("level", "must be one of " + Level.params() + ", got '" + lv + "'"));
      String ik = Params.one(ctx, "indicator");
      Indicator ind = ik == null ? Indicator.TAX_PER_MU
          : Indicator.byKey(ik).orElseThrow(() -> ApiError.badParam("indicator", "must be one of " + Indicator.keys() + ", got '" + ik + "'"));
      write(ctx, s.efficiency.trend(role(ctx), level, ind, Params.one(ctx, "scheme"), Params.one(ctx, "zone"), unit(ctx)),
          "json", "csv", "xlsx");
    });
    r.get("/api/efficiency/card/{level}/{id}", ctx -> {
      Params.onlyKnown(ctx, Set.of("year", "scheme"), k -> false);
      ctx.json(card.card(role(ctx), ctx.pathParam("level"), ctx.pathParam("id"), year(ctx), Params.one(ctx, "scheme")));
    });
    // policy lists (/api/efficiency/policy/{kind}) and the annual report (/api/efficiency/report)
    new PolicyRoutes(s).register(r);
  }

  private Role role(Context ctx) {
    return s.auth.principal(ctx).role();
  }

  private static Integer year(Context ctx) {
    return Params.one(ctx, "year") == null ? null : Params.integer(ctx, "year", 0, 1900, 2200, false);
  }

  private static Indicator.Unit unit(Context ctx) {
    String u = Params.one(ctx, "unit");
    if (u == null || u.equals("mu")) {
      return Indicator.Unit.mu;
    }
    if (u.equals("ha")) {
      return Indicator.Unit.ha;
    }
    throw ApiError.badParam("unit", "must be mu (亩) or ha (公顷), got '" + u + "'");
  }

  private static String format(Context ctx, String... allowed) {
    String f = Params.one(ctx, "format");
    if (f == null) {
      return allowed[0];
    }
    for (String a : allowed) {
      if (a.equals(f)) {
        return f;
      }
    }
    throw ApiError.badParam("format", "must be one of " + String.join(", ", allowed) + ", got '" + f + "'");
  }

  private static String lang(Context ctx) {
    String l = Params.one(ctx, "lang");
    if (l == null || l.equals("zh") || l.equals("en")) {
      return l == null ? "zh" : l;
    }
    throw ApiError.badParam("lang", "must be zh or en, got '" + l + "'");
  }

  /** Writes a table in the requested format: JSON, or a CSV/Excel download. */
  private void write(Context ctx, Table t, String... allowed) throws Exception {
    String f = format(ctx, allowed);
    String lang = lang(ctx);
    Object year = t.meta().get("year");
    // the plain ASCII name old clients get; the reader's own language is in filename*
    String name = "efficiency-" + t.name() + (year == null ? "" : "-" + year)
        + (t.meta().get("scheme") == null ? "" : "-" + t.meta().get("scheme"));
    if (f.equals("csv") || f.equals("xlsx")) {
      Table view = ExportView.localized(t, lang, s.efficiency.data().groups);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (f.equals("csv")) {
        TableExport.csv(view, lang, out);
      } else {
        TableExport.xlsx(view, lang, out);
      }
      ctx.contentType(f.equals("csv") ? TableExport.CSV_TYPE : TableExport.XLSX_TYPE)
          .header("Content-Disposition", Downloads.attachment(ExportView.fileName(view, lang, f), name + "." + f))
          .result(out.toByteArray());
    } else {
      ctx.json(t.json());
    }
  }
}
