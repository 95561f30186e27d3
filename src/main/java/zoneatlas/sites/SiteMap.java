package zoneatlas.sites;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import zoneatlas.sites.SiteRepo.ParcelRow;
import zoneatlas.sites.SiteRepo.PlanRow;

/**
 * The site card's map as an SVG drawn from the data alone (no tiles, no network): the parcel,
 * its neighbours coloured by status, parks and zones, infrastructure, a scale bar and a north
 * arrow. Drawn in the Gauss-Krüger plane so shapes and the scale bar are true; an SVG prints
 * sharply at any size and needs no script, which is what a brochure wants.
 */
final class SiteMap {
  static final int W = 640;
  static final int H = 440;
  private static final int PAD = 12;
  private static final Map<String, String> STATUS_FILL = Map.of(
      "in_use", "#d9d9d9", "available", "#b7e4a8", "idle", "#f4d58d", "approved_not_supplied", "#cfe3f3",
      "supplied_not_used", "#f3c6a5", "under_construction", "#e4cdf0", "partly_used", "#e8e2b8",
      "built_not_producing", "#f0b8b8");

  private SiteMap() {}

  /** Metres of context around the parcel: at least 250 m, more for large parcels. */
  static double margin(ParcelRow site) {
    Envelope e = site.geom().getEnvelopeInternal();
    double w = (e.getWidth() * Proximity.metresPerDegreeLon(e.centre().y));
    double h = e.getHeight() * 111_000;
    return Math.max(250, 0.75 * Math.max(w, h));
  }

  static String svg(ParcelRow site, List<ParcelRow> parcels, List<PlanRow> plan, Envelope window) {
    return svg(site, parcels, plan, window, false);
  }

  /** {@code en}: the labels a reader sees (site, plan names, scale, note) in English. */
  static String svg(ParcelRow site, List<ParcelRow> parcels, List<PlanRow> plan, Envelope window, boolean en) {
    Labels.Label name = Labels.parcelName(site.id(), site.zone());
    Plane plane = Plane.forLongitude(window.centre().x);
    Geometry box = plane.project(Shapes.GF.toGeometry(window));
    Envelope be = box.getEnvelopeInternal();
    double k = Math.min((W - 2 * PAD) / be.getWidth(), (H - 2 * PAD) / be.getHeight());
    double ox = PAD + ((W - 2 * PAD) - be.getWidth() * k) / 2;
    double oy = PAD + ((H - 2 * PAD) - be.getHeight() * k) / 2;
    Xf xf = new Xf(be.getMinX(), be.getMaxY(), k, ox, oy);
    StringBuilder s = new StringBuilder(32_000);
    s.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
            + " font-family=\"'Noto Sans CJK SC','Microsoft YaHei',sans-serif\" role=\"img\" aria-label=\"%s\">\n",
        W, H, W, H, esc(en ? "Site map of " + name.en() : name.zh() + "位置示意图")));
    s.append("<title>").append(esc(en ? "Site map of " + name.en() : name.zh() + "位置示意图")).append("</title>\n");
    s.append("<defs><clipPath id=\"frame\"><rect x=\"0\" y=\"0\" width=\"" + W + "\" height=\"" + H + "\"/></clipPath></defs>\n");
    s.append("<rect width=\"100%\" height=\"100%\" fill=\"#fbfbf8\"/>\n<g clip-path=\"url(#frame)\">\n");
    // plan areas under the parcels
    for (PlanRow r : plan) {
      if (r.layer().equals("infrastructure") || r.geom().getDimension() < 2) {
        continue;
      }
      String style = switch (r.layer()) {
        case "zones" -> "fill=\"none\" stroke=\"#555\" stroke-width=\"1.5\" stroke-dasharray=\"8 4\"";
        case "core-boards" -> "fill=\"none\" stroke=\"#8a6d3b\" stroke-width=\"1\" stroke-dasharray=\"4 3\"";
        case "industrial-parks" -> "fill=\"#eef4ea\" stroke=\"#5b8c51\" stroke-width=\"1.2\"";
        default -> "fill=\"#f3efe2\" stroke=\"#a08c4a\" stroke-width=\"1\"";
      };
      path(s, plane.project(r.geom()), xf, style, planName(r, en));
    }
    for (ParcelRow p : parcels) {
      if (p.id().equals(site.id())) {
        continue;
      }
      // a neighbour's tooltip names it as a reader would, never by its system id
      Labels.Label pn = Labels.parcelName(p.id(), p.zone());
      Labels.Label st = Labels.status(p.status());
      path(s, plane.project(p.geom()), xf, "fill=\"" + STATUS_FILL.getOrDefault(p.status(), "#eee")
          + "\" stroke=\"#8c8c8c\" stroke-width=\"0.6\"", en ? pn.en() + ", " + st.en() : pn.zh() + " " + st.zh());
    }
    for (PlanRow r : plan) {
      if (!r.layer().equals("infrastructure")) {
        continue;
      }
      Geometry g = plane.project(r.geom());
      if (g.getDimension() == 0) {
        Coordinate c = xf.apply(g.getCoordinate());
        s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"#1f5fa8\" stroke=\"#fff\" stroke-width=\"1.5\">"
            + "<title>%s</title></circle>\n", c.x, c.y, esc(planName(r, en))));
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#1f5fa8\">%s</text>\n",
            c.x + 7, c.y + 4, esc(shorten(planName(r, en), en ? 28 : 16))));
      } else {
        String colour = switch (r.kind()) {
          case "rail_line", "metro_line" -> "#6b3fa0";
          case "expressway" -> "#d47500";
          default -> "#c9a227";
        };
        path(s, g, xf, "fill=\"" + (g.getDimension() == 2 ? "#dfe9f5" : "none") + "\" stroke=\"" + colour
            + "\" stroke-width=\"3\" stroke-linecap=\"round\" opacity=\"0.85\"", planName(r, en));
      }
    }
    Geometry sg = plane.project(site.geom());
    path(s, sg, xf, "fill=\"#d62d20\" fill-opacity=\"0.35\" stroke=\"#b00\" stroke-width=\"2.5\"", en ? name.en() : name.zh());
    Coordinate lc = xf.apply(sg.getInteriorPoint().getCoordinate());
    s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"13\" font-weight=\"bold\" text-anchor=\"middle\""
        + " fill=\"#900\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">%s</text>\n", lc.x, lc.y,
        esc(en ? "This site" : "本地块")));
    s.append("</g>\n");
    scaleBar(s, k, en);
    s.append(String.format(Locale.ROOT,
        "<g transform=\"translate(%d,%d)\"><path d=\"M0,-22 L7,0 L0,-5 L-7,0 Z\" fill=\"#333\"/>"
            + "<text y=\"12\" font-size=\"12\" text-anchor=\"middle\">%s</text></g>\n", W - 28, 36, en ? "N" : "北"));
    s.append(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"#666\" text-anchor=\"end\">%s</text>\n", W - 8, H - 8,
        esc(en ? "Schematic · synthetic parcels, plan features drawn from the plans · CGCS2000 Gauss-Krüger · grid north up"
            : "示意图 · 地块为合成数据，规划要素据规划文本绘制 · 2000国家大地坐标系 高斯-克吕格投影 · 上为坐标北")));
    s.append("</svg>\n");
    return s.toString();
  }

  private static void scaleBar(StringBuilder s, double pxPerM, boolean en) {
    double target = (W / 4.0) / pxPerM;
    double[] nice = {10, 20, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000};
    double len = nice[0];
    for (double n : nice) {
      if (n <= target) {
        len = n;
      }
    }
    double px = len * pxPerM;
    int x = 16;
    int y = H - 22;
    s.append(String.format(Locale.ROOT,
        "<g><rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"6\" fill=\"#fff\" stroke=\"#333\"/>"
            + "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"6\" fill=\"#333\"/>"
            + "<text x=\"%d\" y=\"%d\" font-size=\"11\">0</text><text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%s</text></g>\n",
        x, y, px, x, y, px / 2, x, y - 4, x + px, y - 4,
        len >= 1000 ? StandardLand.fmt(len / 1000) + (en ? " km" : " 公里") : (int) len + (en ? " m" : " 米")));
  }

  private static String planName(PlanRow r, boolean en) {
    return en && r.nameEn() != null ? r.nameEn() : r.nameZh();
  }

  private record Xf(double minX, double maxY, double k, double ox, double oy) {
    Coordinate apply(Coordinate c) {
      return new Coordinate(ox + (c.x - minX) * k, oy + (maxY - c.y) * k);
    }
  }

  private static void path(StringBuilder s, Geometry g, Xf xf, String style, String title) {
    StringBuilder d = new StringBuilder();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry part = g.getGeometryN(i);
      if (part instanceof Polygon p) {
        ring(d, p.getExteriorRing(), xf, true);
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
          ring(d, p.getInteriorRingN(h), xf, true);
        }
      } else if (part instanceof LineString l) {
        ring(d, l, xf, false);
      } else if (part instanceof Point) {
        continue;
      }
    }
    if (d.length() == 0) {
      return;
    }
    s.append("<path d=\"").append(d).append("\" fill-rule=\"evenodd\" ").append(style).append("><title>")
        .append(esc(title)).append("</title></path>\n");
  }

  private static void ring(StringBuilder d, LineString l, Xf xf, boolean close) {
    Coordinate[] cs = l.getCoordinates();
    for (int i = 0; i < cs.length; i++) {
      Coordinate c = xf.apply(cs[i]);
      d.append(i == 0 ? 'M' : 'L').append(String.format(Locale.ROOT, "%.1f,%.1f", c.x, c.y));
    }
    if (close) {
      d.append('Z');
    }
  }

  private static String shorten(String s, int max) {
    return s.length() > max ? s.substring(0, max - 1) + "…" : s;
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }
}
