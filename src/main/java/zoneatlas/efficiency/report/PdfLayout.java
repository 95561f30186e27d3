package zoneatlas.efficiency.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * A small flowing layout on A4 pages for the report: headings, wrapped paragraphs, tables that
 * continue on the next page with their header repeated, pictures, and bar and line charts drawn
 * as vector graphics with their labels as real text (so the PDF can be searched and its text
 * extracted). One font (the CJK TrueType of {@link ReportFont}); headings are set in a stroked
 * fill instead of a bold face. A character the font has no glyph for is written as "?" rather
 * than failing the report. Not thread-safe: one per document.
 */
final class PdfLayout {
  static final float MARGIN = 50;
  static final float TOP = PDRectangle.A4.getHeight() - 56;
  static final float BOTTOM = 56;
  static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
  static final Color TEXT = new Color(0x21, 0x21, 0x21);
  static final Color MUTED = new Color(0x60, 0x7d, 0x8b);
  static final Color RULE = new Color(0xcf, 0xd8, 0xdc);
  private final PDDocument doc;
  private final PDType0Font font;
  private final Map<Integer, Boolean> glyphs = new HashMap<>();
  private PDPageContentStream cs;
  private float y;

  PdfLayout(PDDocument doc, PDType0Font font) {
    this.doc = doc;
    this.font = font;
  }

  void newPage() throws IOException {
    if (cs != null) {
      cs.close();
    }
    PDPage p = new PDPage(PDRectangle.A4);
    doc.addPage(p);
    cs = new PDPageContentStream(doc, p);
    y = TOP;
  }

  /** Starts a new page unless {@code h} points still fit on this one. */
  void ensure(float h) throws IOException {
    if (cs == null || y - h < BOTTOM) {
      newPage();
    }
  }

  void space(float h) {
    y -= h;
  }

  void finish() throws IOException {
    if (cs != null) {
      cs.close();
      cs = null;
    }
  }

  /** Page numbers and a running line at the foot of every page. */
  void footers(String line, boolean en) throws IOException {
    int n = doc.getNumberOfPages();
    for (int i = 0; i < n; i++) {
      try (PDPageContentStream f = new PDPageContentStream(doc, doc.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
        String s = line + (en ? "    page " + (i + 1) + " of " + n : "    第 " + (i + 1) + " 页 / 共 " + n + " 页");
        text(f, MARGIN, BOTTOM - 24, 7.5f, MUTED, clip(s, 7.5f, WIDTH), false);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // text

  void title(String s) throws IOException {
    ensure(40);
    for (String line : wrap(s, 17, WIDTH)) {
      text(cs, MARGIN, y - 17, 17, TEXT, line, true);
      y -= 24;
    }
    y -= 4;
  }

  void heading(String s) throws IOException {
    ensure(60);
    y -= 8;
    text(cs, MARGIN, y - 12.5f, 12.5f, TEXT, s, true);
    y -= 18;
    line(MARGIN, y, MARGIN + WIDTH, y, RULE, 0.6f);
    y -= 8;
  }

  void subheading(String s) throws IOException {
    ensure(40);
    y -= 2;
    text(cs, MARGIN, y - 10.5f, 10.5f, TEXT, s, true);
    y -= 16;
  }

  void para(String s) throws IOException {
    para(s, 9.5f, TEXT);
  }

  void para(String s, float size, Color c) throws IOException {
    float lead = size * 1.55f;
    for (String line : wrap(s, size, WIDTH)) {
      ensure(lead);
      text(cs, MARGIN, y - size, size, c, line, false);
      y -= lead;
    }
    y -= 3;
  }

  /** Label: value lines, the labels in a column of their own. */
  void fields(List<String[]> kv, float labelWidth) throws IOException {
    float size = 9.5f;
    float lead = size * 1.55f;
    for (String[] x : kv) {
      List<String> lines = wrap(x[1], size, WIDTH - labelWidth);
      ensure(lead * Math.min(lines.size(), 3));
      text(cs, MARGIN, y - size, size, MUTED, x[0], false);
      for (String l : lines) {
        ensure(lead);
        text(cs, MARGIN + labelWidth, y - size, size, TEXT, l, false);
        y -= lead;
      }
    }
    y -= 3;
  }

  // ---------------------------------------------------------------------------------------------
  // tables

  /**
   * A table: {@code widths} are shares of the text width; {@code right} marks number columns.
   * Rows that do not fit move to the next page under a repeated header.
   */
  void table(List<String> headers, List<List<String>> rows, float[] widths, boolean[] right) throws IOException {
    float size = 8f;
    float lead = size * 1.4f;
    float pad = 3;
    float total = 0;
    for (float w : widths) {
      total += w;
    }
    float[] xs = new float[widths.length + 1];
    xs[0] = MARGIN;
    for (int i = 0; i < widths.length; i++) {
      xs[i + 1] = xs[i] + WIDTH * widths[i] / total;
    }
    List<List<String>> head = cells(headers, xs, size, pad);
    float headH = height(head, lead, pad);
    ensure(headH + lead * 2 + 2 * pad);
    header(head, xs, size, lead, pad, headH, right);
    for (List<String> row : rows) {
      List<List<String>> c = cells(row, xs, size, pad);
      float h = height(c, lead, pad);
      if (y - h < BOTTOM) {
        newPage();
        header(head, xs, size, lead, pad, headH, right);
      }
      for (int i = 0; i < c.size(); i++) {
        float ty = y - pad - size;
        for (String l : c.get(i)) {
          float tx = right[i] ? xs[i + 1] - pad - width(l, size) : xs[i] + pad;
          text(cs, tx, ty, size, TEXT, l, false);
          ty -= lead;
        }
      }
      y -= h;
      line(MARGIN, y, MARGIN + WIDTH, y, RULE, 0.4f);
    }
    y -= 8;
  }

  private void header(List<List<String>> head, float[] xs, float size, float lead, float pad, float h, boolean[] right)
      throws IOException {
    cs.setNonStrokingColor(new Color(0xec, 0xef, 0xf1));
    cs.addRect(MARGIN, y - h, WIDTH, h);
    cs.fill();
    for (int i = 0; i < head.size(); i++) {
      float ty = y - pad - size;
      for (String l : head.get(i)) {
        float tx = right[i] ? xs[i + 1] - pad - width(l, size) : xs[i] + pad;
        text(cs, tx, ty, size, TEXT, l, true);
        ty -= lead;
      }
    }
    y -= h;
  }

  private List<List<String>> cells(List<String> row, float[] xs, float size, float pad) throws IOException {
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < row.size(); i++) {
      String v = row.get(i) == null ? "" : row.get(i);
      out.add(wrap(v, size, xs[i + 1] - xs[i] - 2 * pad));
    }
    return out;
  }

  private static float height(List<List<String>> cells, float lead, float pad) {
    int n = 1;
    for (List<String> c : cells) {
      n = Math.max(n, c.size());
    }
    return n * lead + 2 * pad;
  }

  // ---------------------------------------------------------------------------------------------
  // pictures and charts

  /** An image {@code w} points wide; returns the box it was drawn in: x, y (bottom), w, h. */
  float[] image(BufferedImage img, float w) throws IOException {
    float h = w * img.getHeight() / img.getWidth();
    ensure(h + 4);
    PDImageXObject x = LosslessFactory.createFromImage(doc, img);
    float left = MARGIN + (WIDTH - w) / 2;
    cs.drawImage(x, left, y - h, w, h);
    cs.setStrokingColor(RULE);
    cs.setLineWidth(0.5f);
    cs.addRect(left, y - h, w, h);
    cs.stroke();
    float[] box = {left, y - h, w, h};
    y -= h + 4;
    return box;
  }

  /** A scale bar of {@code metres} drawn {@code points} long at the lower left of a picture's box. */
  void scaleBar(float[] box, float points, String label) throws IOException {
    float x = box[0] + 10;
    float by = box[1] + 10;
    cs.setNonStrokingColor(Color.WHITE);
    cs.addRect(x - 4, by - 4, points + 8 + width(label, 7.5f) + 6, 16);
    cs.fill();
    line(x, by + 2, x + points, by + 2, TEXT, 1.2f);
    line(x, by, x, by + 5, TEXT, 1.2f);
    line(x + points, by, x + points, by + 5, TEXT, 1.2f);
    text(cs, x + points + 5, by, 7.5f, TEXT, label, false);
  }

  /** A row of legend swatches with labels, wrapped onto more lines when needed. */
  void legend(List<Color> colors, List<String> labels) throws IOException {
    float size = 8.5f;
    float x = MARGIN;
    ensure(16);
    for (int i = 0; i < colors.size(); i++) {
      float w = 14 + width(labels.get(i), size) + 14;
      if (x + w > MARGIN + WIDTH) {
        y -= 15;
        ensure(16);
        x = MARGIN;
      }
      cs.setNonStrokingColor(colors.get(i));
      cs.addRect(x, y - 10, 10, 10);
      cs.fill();
      text(cs, x + 14, y - 9, size, TEXT, labels.get(i), false);
      x += w;
    }
    y -= 18;
  }

  /**
   * Vertical bars, one per label, with the value written above; a null value is no bar but its
   * {@code nullLabel} (e.g. the withheld note) so it never reads as 0.
   */
  void barChart(List<String> labels, List<Double> values, List<Color> colors, String unit, String nullLabel, float h)
      throws IOException {
    ensure(h + 30);
    y -= 14;
    float left = MARGIN + 34;
    float right = MARGIN + WIDTH - 10;
    float base = y - h;
    double max = 0;
    for (Double v : values) {
      max = v == null ? max : Math.max(max, v);
    }
    double[] ticks = ticks(0, max <= 0 ? 1 : max);
    double top = ticks[ticks.length - 1];
    axes(left, right, base, h, ticks, top, 0, unit);
    float slot = (right - left) / Math.max(1, labels.size());
    float bw = Math.min(46, slot * 0.6f);
    for (int i = 0; i < labels.size(); i++) {
      float cx = left + slot * (i + 0.5f);
      Double v = values.get(i);
      if (v == null) {
        String s = clip(nullLabel, 7f, slot - 4);
        text(cs, cx - width(s, 7f) / 2, base + 6, 7f, MUTED, s, false);
      } else {
        float bh = (float) (v / top * (h - 8));
        cs.setNonStrokingColor(colors.get(i));
        cs.addRect(cx - bw / 2, base, bw, bh);
        cs.fill();
        String s = number(v);
        text(cs, cx - width(s, 8f) / 2, base + bh + 3, 8f, TEXT, s, false);
      }
      String l = clip(labels.get(i), 8f, slot - 2);
      text(cs, cx - width(l, 8f) / 2, base - 12, 8f, TEXT, l, false);
    }
    y = base - 22;
  }

  /** A series of a line chart: its name, colour and one value per x label (null: a gap). */
  record Series(String name, Color color, List<Double> values) {}

  /** Lines over years; gaps where a value is null. The legend follows under the chart. */
  void lineChart(List<String> xLabels, List<Series> series, String unit, float h) throws IOException {
    ensure(h + 40);
    y -= 14;
    float left = MARGIN + 40;
    float right = MARGIN + WIDTH - 14;
    float base = y - h;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (Double v : s.values()) {
        if (v != null) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    if (min > max) {
      min = 0;
      max = 1;
    }
    double lo = min >= 0 ? 0 : min;
    double[] ticks = ticks(lo, max == lo ? lo + 1 : max);
    double top = ticks[ticks.length - 1];
    double bottom = ticks[0];
    axes(left, right, base, h, ticks, top, bottom, unit);
    int n = xLabels.size();
    float step = n <= 1 ? 0 : (right - left - 20) / (n - 1);
    for (int i = 0; i < n; i++) {
      float x = left + 10 + step * i;
      String l = xLabels.get(i);
      text(cs, x - width(l, 8f) / 2, base - 12, 8f, TEXT, l, false);
    }
    for (Series s : series) {
      cs.setStrokingColor(s.color());
      cs.setNonStrokingColor(s.color());
      cs.setLineWidth(1.6f);
      boolean pen = false;
      for (int i = 0; i < n; i++) {
        Double v = s.values().get(i);
        if (v == null) {
          if (pen) {
            cs.stroke();
          }
          pen = false;
          continue;
        }
        float x = left + 10 + step * i;
        float py = base + (float) ((v - bottom) / (top - bottom) * (h - 8));
        if (pen) {
          cs.lineTo(x, py);
        } else {
          cs.moveTo(x, py);
          pen = true;
        }
      }
      if (pen) {
        cs.stroke();
      }
      for (int i = 0; i < n; i++) {
        Double v = s.values().get(i);
        if (v != null) {
          float x = left + 10 + step * i;
          float py = base + (float) ((v - bottom) / (top - bottom) * (h - 8));
          cs.addRect(x - 1.8f, py - 1.8f, 3.6f, 3.6f);
          cs.fill();
        }
      }
    }
    y = base - 22;
    legend(series.stream().map(Series::color).toList(), series.stream().map(Series::name).toList());
  }

  private void axes(float left, float right, float base, float h, double[] ticks, double top, double bottom, String unit)
      throws IOException {
    for (double t : ticks) {
      float ty = base + (float) ((t - bottom) / (top - bottom) * (h - 8));
      line(left, ty, right, ty, t == bottom ? MUTED : new Color(0xe6, 0xea, 0xed), t == bottom ? 0.7f : 0.5f);
      String s = number(t);
      text(cs, left - 4 - width(s, 7.5f), ty - 2.5f, 7.5f, MUTED, s, false);
    }
    if (unit != null && !unit.isEmpty()) {
      text(cs, left - 30, base + h + 4, 7.5f, MUTED, unit, false);
    }
  }

  /** About five round tick values covering lo..hi. */
  static double[] ticks(double lo, double hi) {
    double span = hi - lo;
    double raw = span / 4;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = mag * (raw / mag <= 1 ? 1 : raw / mag <= 2 ? 2 : raw / mag <= 5 ? 5 : 10);
    double start = Math.floor(lo / step) * step;
    List<Double> t = new ArrayList<>();
    for (double v = start; v < hi + step * 0.999; v += step) {
      t.add(v);
    }
    if (t.size() < 2) {
      t.add(start + step);
    }
    return t.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static String number(double v) {
    if (Math.abs(v - Math.rint(v)) < 1e-9) {
      return String.format(Locale.ROOT, "%,d", (long) Math.rint(v));
    }
    return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.0f" : Math.abs(v) >= 10 ? "%,.1f" : "%,.2f", v);
  }

  // ---------------------------------------------------------------------------------------------
  // primitives

  private void line(float x1, float y1, float x2, float y2, Color c, float w) throws IOException {
    cs.setStrokingColor(c);
    cs.setLineWidth(w);
    cs.moveTo(x1, y1);
    cs.lineTo(x2, y2);
    cs.stroke();
  }

  private void text(PDPageContentStream s, float x, float ty, float size, Color c, String str, boolean strong) throws IOException {
    String t = safe(str);
    if (t.isEmpty()) {
      return;
    }
    s.beginText();
    s.setFont(font, size);
    s.setNonStrokingColor(c);
    if (strong) {
      // one face only: a thin stroke around the glyphs stands in for bold
      s.setRenderingMode(RenderingMode.FILL_STROKE);
      s.setStrokingColor(c);
      s.setLineWidth(size / 40);
    }
    s.newLineAtOffset(x, ty);
    s.showText(t);
    if (strong) {
      s.setRenderingMode(RenderingMode.FILL);
    }
    s.endText();
  }

  float width(String s, float size) throws IOException {
    return font.getStringWidth(safe(s)) / 1000 * size;
  }

  /** The text with characters the font cannot draw replaced ("?"), and control characters dropped. */
  String safe(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      if (cp < 0x20) {
        return;
      }
      boolean ok = glyphs.computeIfAbsent(cp, k -> {
        try {
          font.encode(new String(Character.toChars(k)));
          return true;
        } catch (IOException | IllegalArgumentException e) {
          return false;
        }
      });
      b.appendCodePoint(ok ? cp : '?');
    });
    return b.toString();
  }

  /** Greedy wrapping at any character (Chinese has no spaces), keeping Latin words whole where they fit. */
  List<String> wrap(String s, float size, float max) throws IOException {
    List<String> out = new ArrayList<>();
    // split before safe(), which drops control characters, the line feed among them
    for (String text : s.replace("\r", "").split("\n", -1)) {
      String para = safe(text);
      StringBuilder line = new StringBuilder();
      // widths add up glyph by glyph (no kerning), so the line's width is kept as it grows
      float lineWidth = 0;
      int i = 0;
      while (i < para.length()) {
        int j = i + 1;
        if (isWordChar(para.charAt(i))) {
          while (j < para.length() && isWordChar(para.charAt(j)) && j - i < 24) {
            j++;
          }
        }
        String piece = para.substring(i, j);
        float pw = width(piece, size);
        if (line.length() > 0 && lineWidth + pw > max) {
          out.add(line.toString().stripTrailing());
          line.setLength(0);
          lineWidth = 0;
          if (piece.equals(" ")) {
            i = j;
            continue;
          }
        }
        if (line.length() == 0 && pw > max) {
          // a long Latin run (a URL): cut it where it fills the line
          int k = 1;
          while (k < piece.length() && width(piece.substring(0, k + 1), size) <= max) {
            k++;
          }
          out.add(piece.substring(0, k));
          i += k;
          continue;
        }
        line.append(piece);
        lineWidth += pw;
        i = j;
      }
      out.add(line.toString());
    }
    return out;
  }

  private static boolean isWordChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '/' || c == ':'
        || c == '-' || c == '_' || c == '%' || c == ',';
  }

  private String clip(String s, float size, float max) throws IOException {
    String t = safe(s);
    if (width(t, size) <= max) {
      return t;
    }
    while (t.length() > 1 && width(t + "…", size) > max) {
      t = t.substring(0, t.length() - 1);
    }
    return t + "…";
  }

  float y() {
    return y;
  }
}
