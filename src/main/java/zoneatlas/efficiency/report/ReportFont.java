package zoneatlas.efficiency.report;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import zoneatlas.http.ApiError;

/**
 * The CJK TrueType font the PDF report is written in ({@code efficiency.report.font}; default
 * WenQuanYi Micro Hei from the Debian package {@code fonts-wqy-microhei}, which
 * {@code scripts/install-deps.sh} installs). A {@code .ttc} collection is opened with PDFBox's
 * {@link TrueTypeCollection} and its first proportional face taken; a {@code .ttf} directly.
 * Only the glyphs a report uses are embedded (a subset), so a report stays small although the
 * font is 5 MB. A missing or unreadable font is a clear 500 naming the setting, never a PDF
 * with empty boxes. One instance per document: it holds the collection open until the document
 * is saved.
 */
public final class ReportFont implements Closeable {
  public static final String CONFIG_KEY = "efficiency.report.font";
  public static final String DEFAULT_PATH = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
  private final TrueTypeCollection collection;
  public final PDType0Font font;

  private ReportFont(TrueTypeCollection collection, PDType0Font font) {
    this.collection = collection;
    this.font = font;
  }

  /** Loads the font at {@code path} into {@code doc}, or throws the error a report request answers with. */
  public static ReportFont load(PDDocument doc, String path) {
    Path p = Path.of(path == null || path.isBlank() ? DEFAULT_PATH : path);
    if (!Files.isReadable(p)) {
      throw missing(p, "no such file");
    }
    try {
      if (p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
        TrueTypeCollection ttc = new TrueTypeCollection(p.toFile());
        TrueTypeFont[] pick = new TrueTypeFont[1];
        ttc.processAllFonts(f -> {
          // the proportional face (wqy-microhei.ttc also holds a monospaced one)
          if (pick[0] == null && !f.getName().toLowerCase(Locale.ROOT).contains("mono")) {
            pick[0] = f;
          }
        });
        if (pick[0] == null) {
          ttc.close();
          throw missing(p, "the collection holds no usable face");
        }
        return new ReportFont(ttc, PDType0Font.load(doc, pick[0], true));
      }
      return new ReportFont(null, PDType0Font.load(doc, p.toFile()));
    } catch (IOException e) {
      throw missing(p, e.getMessage());
    }
  }

  /** Whether the configured font can be read (checked at start-up, to warn early). */
  public static boolean available(String path) {
    return Files.isReadable(Path.of(path == null || path.isBlank() ? DEFAULT_PATH : path));
  }

  private static ApiError missing(Path p, String why) {
    return new ApiError(500, "ReportFontMissing", null, "the PDF report needs a CJK TrueType font and cannot read " + p
        + " (" + why + "): install the package fonts-wqy-microhei (scripts/install-deps.sh) or set " + CONFIG_KEY
        + " to a .ttf or .ttc font with Chinese glyphs", Map.of("description_zh", "生成PDF报告需要中文字体，服务器无法读取字体文件 "
            + p + "：请安装 fonts-wqy-microhei 字体包，或在配置项 " + CONFIG_KEY + " 中指定含中文字形的 TTF/TTC 字体", "setting",
            CONFIG_KEY));
  }

  @Override
  public void close() throws IOException {
    if (collection != null) {
      collection.close();
    }
  }
}
