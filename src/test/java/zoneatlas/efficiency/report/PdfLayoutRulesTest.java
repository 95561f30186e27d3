package zoneatlas.efficiency.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/**
 * Where the report's PDF puts things, read back from the PDF: text stays inside the margins and
 * wraps without splitting Latin words, a number column is right-aligned on its column's edge, a
 * long table goes on under a repeated header, bars stand as high as their values, round axis ticks,
 * numbers as the report prints them, and every page numbered "of n".
 */
class PdfLayoutRulesTest {
  /** One run of text as drawn: page (1-based), x of its first glyph, right edge, baseline y from the bottom. */
  record Run(int page, String text, float x, float right, float y) {}

  private static byte[] draw(Drawing d) throws IOException {
    try (PDDocument doc = new PDDocument(); ReportFont f = ReportFont.load(doc, ReportFont.DEFAULT_PATH)) {
      PdfLayout p = new PdfLayout(doc, f.font);
      p.newPage();
      d.on(p);
      p.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  interface Drawing {
    void on(PdfLayout p) throws IOException;
  }

  private static List<Run> runs(byte[] pdf) throws IOException {
    List<Run> out = new ArrayList<>();
    try (PDDocument d = Loader.loadPDF(pdf)) {
      float height = d.getPage(0).getMediaBox().getHeight();
      PDFTextStripper s = new PDFTextStripper() {
        @Override
        protected void writeString(String text, List<TextPosition> tp) {
          TextPosition a = tp.get(0);
          TextPosition b = tp.get(tp.size() - 1);
          out.add(new Run(getCurrentPageNo(), text, a.getXDirAdj(), b.getXDirAdj() + b.getWidthDirAdj(),
              height - a.getYDirAdj()));
        }
      };
      s.setSortByPosition(true);
      s.getText(d);
    }
    return out;
  }

  private static Run find(List<Run> runs, String text) {
    return runs.stream().filter(r -> r.text().equals(text)).findFirst().orElseThrow(() -> new AssertionError(text + " in " + runs));
  }

  @Test
  void textWrapsInsideTheMarginsKeepingLatinWordsWhole() throws Exception {
    String zh = "亩均效益综合评价是按企业用地产出对企业分类的办法，".repeat(8);
    String latin = "the quick brown fox jumps over the lazy dog again and again ".repeat(6);
    byte[] pdf = draw(p -> {
      p.title("标题");
      p.para(zh);
      p.para(latin);
      List<String> w = p.wrap("abc https://example.invalid/a/very/long/path/that/does/not/fit/in/one/line/at/all end", 9.5f, 80);
      for (String l : w) {
        assertTrue(p.width(l, 9.5f) <= 80.01, l);
      }
      assertTrue(w.get(w.size() - 1).endsWith(" end"), w.toString());
      assertTrue(w.size() >= 3, "the long path is cut where it fills the line: " + w);
      assertEquals(List.of("a", "", "b"), p.wrap("a\n\nb", 9.5f, 100), "each paragraph its own lines");
      assertEquals(List.of("ab"), p.wrap("a\u0001b\r", 9.5f, 100), "control characters dropped");
      assertEquals("a?b", p.safe("a\uD83D\uDE00b"), "a glyph the font lacks is a question mark");
    });
    List<Run> runs = runs(pdf);
    float left = PdfLayout.MARGIN;
    float right = PdfLayout.MARGIN + PdfLayout.WIDTH;
    int zhLines = 0;
    for (Run r : runs) {
      assertTrue(r.x() >= left - 0.5 && r.right() <= right + 0.5, "inside the margins: " + r);
      assertTrue(r.y() >= PdfLayout.BOTTOM - 1 && r.y() <= PdfLayout.TOP + 1, r.toString());
      if (r.text().startsWith("亩均") || r.text().contains("，")) {
        zhLines++;
      }
      if (r.text().contains("qu") || r.text().contains("ju")) {
        assertTrue(!r.text().endsWith("qui") && !r.text().startsWith("ck"), "no Latin word cut: " + r);
      }
    }
    assertTrue(zhLines >= 4, "a long Chinese paragraph takes several lines: " + runs);
    Run title = find(runs, "标题");
    assertEquals(PdfLayout.TOP - 17, title.y(), 1.0, "the title's baseline under the top");
  }

  @Test
  void aTableRightAlignsNumbersAndGoesOnUnderARepeatedHeader() throws Exception {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 1; i <= 90; i++) {
      rows.add(List.of("企业" + i, String.valueOf(i * 7)));
    }
    byte[] pdf = draw(p -> p.table(List.of("名称", "数量"), rows, new float[] {3, 1}, new boolean[] {false, true}));
    List<Run> runs = runs(pdf);
    float colEdge = PdfLayout.MARGIN + PdfLayout.WIDTH;
    float split = PdfLayout.MARGIN + PdfLayout.WIDTH * 3 / 4;
    Run n = find(runs, "630");
    assertEquals(colEdge - 3, n.right(), 1.0, "a number ends at its column's edge less the padding");
    Run seven = find(runs, "7");
    assertEquals(colEdge - 3, seven.right(), 1.0);
    Run name = find(runs, "企业1");
    assertEquals(PdfLayout.MARGIN + 3, name.x(), 1.0, "text starts at its column's edge plus the padding");
    Run head = runs.stream().filter(r -> r.text().equals("数量")).findFirst().orElseThrow();
    assertEquals(colEdge - 3, head.right(), 1.0, "a number column's header is right-aligned too");
    assertTrue(find(runs, "企业2").x() < split);
    long heads = runs.stream().filter(r -> r.text().equals("名称")).count();
    int pages = runs.stream().mapToInt(Run::page).max().orElse(0);
    assertTrue(pages >= 2, "90 rows do not fit one page");
    assertEquals(pages, heads, "the header repeated on every page");
    Run first = find(runs, "企业1");
    Run second = find(runs, "企业2");
    assertEquals(8 * 1.4f + 6, first.y() - second.y(), 0.5, "one line and its padding per row");
    for (Run r : runs) {
      assertTrue(r.y() >= PdfLayout.BOTTOM - 1, "no row below the bottom margin: " + r);
    }
  }

  @Test
  void barsStandAsHighAsTheirValuesOnRoundTicks() throws Exception {
    byte[] pdf = draw(p -> p.barChart(List.of("甲", "乙", "丙"), java.util.Arrays.asList(50.0, 100.0, null),
        List.of(Color.RED, Color.BLUE, Color.GRAY), "家", "已隐去", 200));
    List<Run> runs = runs(pdf);
    float left = PdfLayout.MARGIN + 34;
    Run fifty = runs.stream().filter(r -> r.text().equals("50") && r.x() > left).findFirst().orElseThrow();
    Run hundred = runs.stream().filter(r -> r.text().equals("100") && r.x() > PdfLayout.MARGIN + 40).findFirst().orElseThrow();
    Run withheld = find(runs, "已隐去");
    Run jia = find(runs, "甲");
    Run yi = find(runs, "乙");
    Run bing = find(runs, "丙");
    float base = jia.y() + 12;
    assertEquals(base + 3 + (200 - 8) / 2f, fifty.y(), 1.5, "half the height for half the top tick");
    assertEquals(base + 3 + (200 - 8), hundred.y(), 1.5);
    assertEquals(base + 6, withheld.y(), 1.5, "no bar for a withheld value, its note at the foot");
    float slot = (PdfLayout.WIDTH - 10 - 34) / 3;
    assertEquals(left + slot * 0.5f, (jia.x() + jia.right()) / 2, 1.0, "labels centred under their bars");
    assertEquals(left + slot * 1.5f, (yi.x() + yi.right()) / 2, 1.0);
    assertEquals(left + slot * 2.5f, (bing.x() + bing.right()) / 2, 1.0);
    assertEquals(left + slot * 0.5f, (fifty.x() + fifty.right()) / 2, 1.0, "values centred over their bars");
    Run unit = find(runs, "家");
    assertTrue(unit.y() > hundred.y(), "the unit above the axis");
    // tick labels right-aligned left of the axis
    for (String t : List.of("0", "50", "100")) {
      Run r = runs.stream().filter(x -> x.text().equals(t) && x.x() < left).findFirst().orElseThrow(() -> new AssertionError(t));
      assertEquals(left - 4, r.right(), 1.0, "tick " + t);
    }
  }

  @Test
  void aLineChartSpreadsItsYearsAndNamesItsSeries() throws Exception {
    byte[] pdf = draw(p -> p.lineChart(List.of("2021", "2022", "2023", "2024"),
        List.of(new PdfLayout.Series("开发区", Color.BLACK, java.util.Arrays.asList(1.0, null, 3.0, 4.0)),
            new PdfLayout.Series("园区甲", Color.BLUE, java.util.Arrays.asList(-2.0, 2.0, 2.5, 3.0))),
        "万元/亩", 150));
    List<Run> runs = runs(pdf);
    float left = PdfLayout.MARGIN + 40;
    float right = PdfLayout.MARGIN + PdfLayout.WIDTH - 14;
    float step = (right - left - 20) / 3;
    for (int i = 0; i < 4; i++) {
      Run r = find(runs, String.valueOf(2021 + i));
      assertEquals(left + 10 + step * i, (r.x() + r.right()) / 2, 1.0, "year " + (2021 + i));
    }
    Run lo = runs.stream().filter(x -> x.text().equals("-2") && x.x() < left).findFirst().orElseThrow();
    Run hi = runs.stream().filter(x -> x.text().equals("4") && x.x() < left).findFirst().orElseThrow();
    assertTrue(lo.y() < hi.y(), "a negative value puts the axis below 0");
    Run a = find(runs, "开发区");
    Run b = find(runs, "园区甲");
    assertEquals(a.y(), b.y(), 0.5, "the legend in one row under the chart");
    assertTrue(a.y() < find(runs, "2021").y());
    assertTrue(b.x() > a.right());
  }

  @Test
  void ticksAreRoundAndNumbersReadAsTheReportPrintsThem() throws Exception {
    assertArrayEquals(new double[] {0, 50, 100}, PdfLayout.ticks(0, 100), 1e-9);
    assertArrayEquals(new double[] {0, 0.5, 1}, PdfLayout.ticks(0, 1), 1e-9);
    assertArrayEquals(new double[] {3, 4, 5, 6, 7}, PdfLayout.ticks(3, 7), 1e-9);
    assertArrayEquals(new double[] {0, 5, 10}, PdfLayout.ticks(0, 9), 1e-9);
    assertArrayEquals(new double[] {-20, 0, 20, 40, 60}, PdfLayout.ticks(-15, 45), 1e-9);
    assertArrayEquals(new double[] {0, 50, 100}, PdfLayout.ticks(0, 80.5), 1e-9);
    assertArrayEquals(new double[] {0, 20, 40, 60}, PdfLayout.ticks(0, 60), 1e-9);
    assertEquals("1,234", PdfLayout.number(1234));
    assertEquals("123", PdfLayout.number(123.4));
    assertEquals("12.3", PdfLayout.number(12.34));
    assertEquals("1.23", PdfLayout.number(1.234));
    assertEquals("-12.3", PdfLayout.number(-12.34));
    assertEquals("-1,235", PdfLayout.number(-1234.5));
    assertEquals("100", PdfLayout.number(100.0));
    assertEquals("0", PdfLayout.number(0));
  }

  @Test
  void everyPageIsNumberedAndALongFooterClipped() throws Exception {
    byte[] zh;
    try (PDDocument doc = new PDDocument(); ReportFont f = ReportFont.load(doc, ReportFont.DEFAULT_PATH)) {
      PdfLayout p = new PdfLayout(doc, f.font);
      p.newPage();
      p.para("第一页");
      float before = p.y();
      p.ensure(before - PdfLayout.BOTTOM - 1);
      assertEquals(before, p.y(), "it still fits: same page");
      p.ensure(before - PdfLayout.BOTTOM + 1);
      assertEquals(PdfLayout.TOP, p.y(), "it does not: a new page");
      assertEquals(2, doc.getNumberOfPages());
      p.space(10);
      assertEquals(PdfLayout.TOP - 10, p.y());
      p.para("第二页");
      p.finish();
      p.footers("郑州经开区亩均效益评价报告" + "很长的页脚".repeat(40), false);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      zh = out.toByteArray();
    }
    List<Run> runs = runs(zh);
    List<Run> feet = runs.stream().filter(r -> r.text().startsWith("郑州经开区")).toList();
    assertEquals(2, feet.size());
    for (Run r : feet) {
      assertTrue(r.text().endsWith("…"), "clipped: " + r.text());
      assertTrue(r.right() <= PdfLayout.MARGIN + PdfLayout.WIDTH + 0.5, r.toString());
      assertEquals(PdfLayout.BOTTOM - 24, r.y(), 1.0);
    }
    byte[] en;
    try (PDDocument doc = new PDDocument(); ReportFont f = ReportFont.load(doc, ReportFont.DEFAULT_PATH)) {
      PdfLayout p = new PdfLayout(doc, f.font);
      p.newPage();
      p.newPage();
      p.finish();
      p.footers("Report", true);
      p.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      en = out.toByteArray();
    }
    List<String> texts = runs(en).stream().map(Run::text).toList();
    assertTrue(texts.contains("Report    page 1 of 2") || texts.stream().anyMatch(t -> t.replaceAll("\\s+", " ").equals("Report page 1 of 2")),
        texts.toString());
    assertTrue(texts.stream().anyMatch(t -> t.replaceAll("\\s+", " ").endsWith("page 2 of 2")), texts.toString());
    byte[] zh2 = draw(p -> {
      p.newPage();
      p.footers("报告", false);
    });
    String all = String.join("|", runs(zh2).stream().map(r -> r.text().replaceAll("\\s+", "")).toList());
    assertTrue(all.contains("报告第1页/共2页") && all.contains("报告第2页/共2页"), all);
  }
}
