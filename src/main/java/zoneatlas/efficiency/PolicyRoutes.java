package zoneatlas.efficiency;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import zoneatlas.Services;
import zoneatlas.auth.Role;
import zoneatlas.efficiency.report.AnnualReport;
import zoneatlas.efficiency.report.ReportFont;
import zoneatlas.efficiency.report.ReportRepository;
import zoneatlas.http.ApiError;
import zoneatlas.http.Downloads;
import zoneatlas.http.Params;

/**
 * GET /api/efficiency/policy/{kind} (the policy lists of {@link PolicyLists}: JSON, Excel, CSV)
 * and GET /api/efficiency/report (a zone's annual evaluation report, {@link AnnualReport}: PDF or
 * Excel). Land officers and administrators only; the handlers parse, call one method, write.
 * Downloads are named in the request's language (RFC 5987 {@code filename*} for Chinese).
 */
final class PolicyRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(PolicyRoutes.class);
  private static final String PDF_TYPE = "application/pdf";
  private final Services s;
  private final PolicyLists lists;
  private final AnnualReport report;

  PolicyRoutes(Services s) {
    this.s = s;
    ReportRepository repo = new ReportRepository(s.store);
    this.lists = new PolicyLists(s.efficiency, repo);
    String font = s.config.get(ReportFont.CONFIG_KEY);
    this.report = new AnnualReport(s.efficiency, lists, repo, font);
    if (!ReportFont.available(font)) {
      LOG.warn("{} = {} cannot be read: the PDF report (GET /api/efficiency/report?format=pdf) will answer 500 until a CJK"
          + " TrueType font is there (package fonts-wqy-microhei, scripts/install-deps.sh)", ReportFont.CONFIG_KEY, font);
    }
  }

  void register(RoutesConfig r) {
    r.get("/api/efficiency/policy/{kind}", ctx -> {
      Params.onlyKnown(ctx, Set.of("year", "scheme", "zone", "format", "lang"), k -> false);
      String k = ctx.pathParam("kind");
      PolicyLists.Kind kind = PolicyLists.Kind.byParam(k)
          .orElseThrow(() -> ApiError.badParam("kind", "must be one of " + PolicyLists.Kind.params() + ", got '" + k + "'"));
      String lang = lang(ctx);
      String f = format(ctx, "json", "xlsx", "csv");
      PolicyLists.Book b = lists.list(role(ctx), kind, year(ctx), Params.one(ctx, "scheme"), Params.one(ctx, "zone"), lang);
      switch (f) {
        case "xlsx" -> {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          Workbooks.xlsx(b.sheets(), java.util.List.of(), lang, out);
          download(ctx, TableExport.XLSX_TYPE, b.fileEn(), b.file(lang), out.toByteArray());
        }
        case "csv" -> {
          if (b.csv() == null) {
            throw ApiError.badParam("format", "the " + kind.param + " list has several tables: ask for xlsx or json");
          }
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          TableExport.csv(b.csv(), lang, out);
          download(ctx, TableExport.CSV_TYPE, b.fileEn().replace(".xlsx", ".csv"), b.file(lang).replace(".xlsx", ".csv"),
              out.toByteArray());
        }
        default -> ctx.json(b.json());
      }
    });
    r.get("/api/efficiency/report", ctx -> {
      Params.onlyKnown(ctx, Set.of("zone", "year", "scheme", "format", "lang"), k -> false);
      String lang = lang(ctx);
      String f = format(ctx, "pdf", "xlsx");
      AnnualReport.Model m = report.model(role(ctx), Params.one(ctx, "zone"), year(ctx), Params.one(ctx, "scheme"), lang);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (f.equals("xlsx")) {
        report.xlsx(m, out);
        download(ctx, TableExport.XLSX_TYPE, m.fileEn().replace(".pdf", ".xlsx"), ("en".equals(lang) ? m.fileEn() : m.fileZh())
            .replace(".pdf", ".xlsx"), out.toByteArray());
      } else {
        report.pdf(m, out);
        download(ctx, PDF_TYPE, m.fileEn(), "en".equals(lang) ? m.fileEn() : m.fileZh(), out.toByteArray());
      }
    });
  }

  /** The lists behind the routes (tests, the benchmark). */
  PolicyLists lists() {
    return lists;
  }

  AnnualReport report() {
    return report;
  }

  private static void download(Context ctx, String type, String ascii, String name, byte[] body) throws IOException {
    ctx.contentType(type).header("Content-Disposition", Downloads.attachment(name, ascii)).result(body);
  }

  private Role role(Context ctx) {
    return s.auth.principal(ctx).role();
  }

  private static Integer year(Context ctx) {
    return Params.one(ctx, "year") == null ? null : Params.integer(ctx, "year", 0, 1900, 2200, false);
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
}
