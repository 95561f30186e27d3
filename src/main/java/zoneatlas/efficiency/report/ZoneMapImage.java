package zoneatlas.efficiency.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * A zone's parcels coloured by class, drawn with Java2D on the server for the printed report (no
 * browser, no tiles): parcels filled by the class of their main classed user, grey where none,
 * inside the outlines of the zone and its parks. Lon/lat are drawn as a local equirectangular
 * plane (x scaled by cos of the middle latitude), true enough at a zone's size for a schematic
 * map. The image carries no text: captions, legend and scale are written into the PDF as text,
 * in the report's font. Stateless.
 */
public final class ZoneMapImage {
  /** Fill of a parcel with no classed user. */
  public static final Color NO_CLASS = new Color(0xcf, 0xd8, 0xdc);
  private static final double M_PER_DEG = 111_320;

  private ZoneMapImage() {}

  /**
   * The map and what the PDF needs to put a scale on it.
   *
   * @param metresPerPixel ground distance of one image pixel
   */
  public record Drawn(BufferedImage image, double metresPerPixel) {}

  /** The colour the web map gives a class (three-class schemes: the last is red). */
  public static Color classColor(String cls, List<String> classes) {
    if (cls == null) {
      return NO_CLASS;
    }
    String c = classes.size() == 3 && cls.equals(classes.get(2)) ? "D" : cls;
    return switch (c) {
      case "A" -> new Color(0x1a, 0x98, 0x50);
      case "B" -> new Color(0xa6, 0xd9, 0x6a);
      case "C" -> new Color(0xfd, 0xae, 0x61);
      case "D" -> new Color(0xd7, 0x30, 0x27);
      default -> NO_CLASS;
    };
  }

  /**
   * Draws the parcels (id → outline) with the class of each (id → class, absent: none) inside the
   * outlines, {@code width} pixels wide and as high as the zone's shape asks (at most {@code
   * maxHeight}).
   */
  public static Drawn draw(Map<String, Geometry> parcels, Map<String, String> classOf, List<String> classes,
      List<ReportRepository.Outline> outlines, int width, int maxHeight) {
    Envelope env = new Envelope();
    parcels.values().forEach(g -> env.expandToInclude(g.getEnvelopeInternal()));
    outlines.stream().filter(ReportRepository.Outline::zone).forEach(o -> env.expandToInclude(o.geom().getEnvelopeInternal()));
    if (env.isNull()) {
      env.expandToInclude(0, 0);
    }
    double cos = Math.cos(Math.toRadians((env.getMinY() + env.getMaxY()) / 2));
    double wDeg = Math.max(env.getWidth() * cos, 1e-6);
    double hDeg = Math.max(env.getHeight(), 1e-6);
    int pad = 12;
    double scale = (width - 2.0 * pad) / wDeg;
    int height = (int) Math.ceil(hDeg * scale) + 2 * pad;
    if (height > maxHeight) {
      scale = (maxHeight - 2.0 * pad) / hDeg;
      height = maxHeight;
    }
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      Plane p = new Plane(env.getMinX(), env.getMaxY(), cos, scale, pad, (width - wDeg * scale) / 2 - pad);
      for (ReportRepository.Outline o : outlines) {
        if (o.zone()) {
          g.setColor(new Color(0xf5, 0xf7, 0xf8));
          g.fill(p.path(o.geom()));
        }
      }
      float hair = Math.max(0.4f, width / 2400f);
      for (Map.Entry<String, Geometry> e : parcels.entrySet()) {
        Path2D s = p.path(e.getValue());
        g.setColor(classColor(classOf.get(e.getKey()), classes));
        g.fill(s);
        g.setColor(new Color(255, 255, 255, 200));
        g.setStroke(new BasicStroke(hair));
        g.draw(s);
      }
      for (ReportRepository.Outline o : outlines) {
        if (!o.zone()) {
          g.setColor(new Color(0x54, 0x6e, 0x7a));
          g.setStroke(new BasicStroke(hair * 2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10,
              new float[] {hair * 10, hair * 6}, 0));
          g.draw(p.path(o.geom()));
        }
      }
      for (ReportRepository.Outline o : outlines) {
        if (o.zone()) {
          g.setColor(new Color(0x26, 0x32, 0x38));
          g.setStroke(new BasicStroke(hair * 4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
          g.draw(p.path(o.geom()));
        }
      }
    } finally {
      g.dispose();
    }
    return new Drawn(img, M_PER_DEG / scale);
  }

  /** Lon/lat to image pixels: x = (lon − minLon)·cos·scale, y down from the top. */
  private record Plane(double minX, double maxY, double cos, double scale, int pad, double offX) {
    Path2D path(Geometry geom) {
      Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
      for (int i = 0; i < geom.getNumGeometries(); i++) {
        Geometry part = geom.getGeometryN(i);
        if (part instanceof Polygon poly) {
          ring(path, poly.getExteriorRing());
          for (int k = 0; k < poly.getNumInteriorRing(); k++) {
            ring(path, poly.getInteriorRingN(k));
          }
        } else if (part instanceof LineString ls) {
          line(path, ls.getCoordinates(), false);
        }
      }
      return path;
    }

    private void ring(Path2D.Double path, LineString r) {
      line(path, r.getCoordinates(), true);
    }

    private void line(Path2D.Double path, Coordinate[] cs, boolean close) {
      for (int i = 0; i < cs.length; i++) {
        double x = pad + offX + (cs[i].x - minX) * cos * scale;
        double y = pad + (maxY - cs[i].y) * scale;
        if (i == 0) {
          path.moveTo(x, y);
        } else {
          path.lineTo(x, y);
        }
      }
      if (close) {
        path.closePath();
      }
    }
  }
}
