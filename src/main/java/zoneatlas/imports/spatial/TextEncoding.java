package zoneatlas.imports.spatial;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Character sets of uploaded text. Chinese files come as UTF-8 or as GBK (Excel's and older
 * ArcGIS's default on Chinese Windows); GB18030 decodes GBK and GB2312 alike, so it is the
 * fallback when bytes are not valid UTF-8.
 */
final class TextEncoding {
  static final Charset GB18030 = Charset.forName("GB18030");

  private TextEncoding() {}

  /** The charset the {@code encoding} parameter or a shapefile's .cpg names. */
  static Charset named(String name, String parameter) {
    String s = name.strip().toUpperCase(Locale.ROOT);
    if (s.startsWith("ANSI ")) {
      s = s.substring(5).strip();
    }
    switch (s) {
      case "936", "CP936", "GBK", "GB2312", "GB_2312-80", "EUC-CN" -> {
        return GB18030;
      }
      case "65001", "UTF8", "UTF-8" -> {
        return StandardCharsets.UTF_8;
      }
      case "950", "CP950", "BIG5" -> {
        return Charset.forName("Big5");
      }
      default -> {
        // ArcGIS writes ISO-8859-n as 8859n (88591, 885915): test that before the bare code pages
        if (s.matches("8859\\d+")) {
          s = "ISO-8859-" + s.substring(4);
        } else if (s.matches("\\d{3,5}")) {
          s = "CP" + s;
        }
        try {
          return Charset.forName(s);
        } catch (IllegalArgumentException e) {
          throw new ImportFailure(parameter, parameter + ": unknown character set '" + name.strip() + "' (e.g. UTF-8, GBK)",
              "无法识别的字符编码“" + name.strip() + "”（常用的有 UTF-8、GBK）");
        }
      }
    }
  }

  static boolean validUtf8(byte[] b, int from, int to) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, from, to - from));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  static boolean hasBom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
  }

  /** Plain ASCII (nothing to tell UTF-8 and GBK apart by). */
  static boolean ascii(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] < 0) {
        return false;
      }
    }
    return true;
  }
}
