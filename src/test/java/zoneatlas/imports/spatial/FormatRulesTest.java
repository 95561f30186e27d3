package zoneatlas.imports.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Which reader an upload gets and how its text is decoded (survivors of a PIT run over
 * SourceFormat and TextEncoding): the bytes decide before the file name, an .xlsx is a zip with
 * xl/ parts, a bare .shp is refused with what to send instead, and the code page names Chinese
 * GIS tools write are understood.
 */
class FormatRulesTest {
  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static final byte[] ZIP = {'P', 'K', 3, 4, 20, 0};

  @Test
  void theFormatParameterIsOneOfFiveNamesInAnyCase() {
    assertEquals(SourceFormat.SHP_ZIP, SourceFormat.byParam(" SHP-ZIP "));
    assertEquals(SourceFormat.GPKG, SourceFormat.byParam("gpkg"));
    assertEquals(SourceFormat.GEOJSON, SourceFormat.byParam("GeoJSON"));
    assertEquals(SourceFormat.CSV, SourceFormat.byParam("csv"));
    assertEquals(SourceFormat.XLSX, SourceFormat.byParam("xlsx"));
    ImportFailure e = assertThrows(ImportFailure.class, () -> SourceFormat.byParam("kml"));
    assertEquals("format", e.parameter);
    assertTrue(e.getMessage().contains("'kml'") && e.getMessage().contains("shp-zip"), e.getMessage());
    assertTrue(e.messageZh.contains("kml") && e.messageZh.contains("Shapefile"), e.messageZh);
  }

  @Test
  void theBytesDecideBeforeTheName() {
    assertEquals(SourceFormat.GPKG, SourceFormat.guess(bytes("SQLite format 3\0rest"), "parcels.csv"));
    assertEquals(SourceFormat.SHP_ZIP, SourceFormat.guess(ZIP, "parcels.geojson"));
    assertEquals(SourceFormat.XLSX, SourceFormat.guess(ZIP, "Parcels.XLSX"));
    assertEquals(SourceFormat.XLSX, SourceFormat.guess(ZIP, "parcels.xlsm"));
    assertEquals(SourceFormat.XLSX, SourceFormat.guess(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1}, "a.csv"));
    // one byte short of a signature is no signature
    assertEquals(SourceFormat.CSV, SourceFormat.guess(bytes("SQLite format 3"), null));
    assertEquals(SourceFormat.CSV, SourceFormat.guess(new byte[] {'P', 'K', 3}, null));
    assertEquals(SourceFormat.CSV, SourceFormat.guess(new byte[] {'P', 'K', 3, 5}, null));
    assertEquals(SourceFormat.CSV, SourceFormat.guess(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE1}, null));
  }

  @Test
  void aZipIsASpreadsheetWhenItsFirstMegabyteNamesXlParts() {
    byte[] small = Arrays.copyOf(ZIP, 20);
    System.arraycopy(bytes("xl/"), 0, small, 17, 3);
    assertEquals(SourceFormat.XLSX, SourceFormat.guess(small, null), "xl/ as the last bytes");
    byte[] big = Arrays.copyOf(ZIP, (1 << 20) + 100);
    System.arraycopy(bytes("xl/"), 0, big, (1 << 20) - 3, 3);
    assertEquals(SourceFormat.XLSX, SourceFormat.guess(big, null), "xl/ ending at the first megabyte");
    byte[] late = Arrays.copyOf(ZIP, (1 << 20) + 100);
    System.arraycopy(bytes("xl/"), 0, late, (1 << 20) - 2, 3);
    assertEquals(SourceFormat.SHP_ZIP, SourceFormat.guess(late, null), "xl/ past the first megabyte");
    byte[] almost = Arrays.copyOf(ZIP, 20);
    System.arraycopy(bytes("xl-"), 0, almost, 10, 3);
    assertEquals(SourceFormat.SHP_ZIP, SourceFormat.guess(almost, null));
  }

  @Test
  void withoutASignatureTheNameDecides() {
    byte[] text = bytes("a,b\n");
    assertEquals(SourceFormat.GEOJSON, SourceFormat.guess(text, "a.GeoJSON"));
    assertEquals(SourceFormat.GEOJSON, SourceFormat.guess(text, "a.json"));
    assertEquals(SourceFormat.CSV, SourceFormat.guess(bytes("{"), "a.csv"));
    assertEquals(SourceFormat.CSV, SourceFormat.guess(bytes("{"), "a.txt"));
    assertEquals(SourceFormat.GPKG, SourceFormat.guess(text, "a.gpkg"));
    assertEquals(SourceFormat.SHP_ZIP, SourceFormat.guess(text, "a.zip"));
    ImportFailure shp = assertThrows(ImportFailure.class, () -> SourceFormat.guess(text, "zongdi.SHP"));
    assertEquals("file", shp.parameter);
    assertTrue(shp.getMessage().contains("zip them"), shp.getMessage());
    assertTrue(shp.messageZh.contains("zip"), shp.messageZh);
  }

  @Test
  void withoutSignatureOrNameAnObjectIsGeoJsonAndAnythingElseCsv() {
    assertEquals(SourceFormat.GEOJSON, SourceFormat.guess(bytes("\uFEFF \n\t{\"type\":1}"), null));
    assertEquals(SourceFormat.GEOJSON, SourceFormat.guess(bytes("{"), null));
    assertEquals(SourceFormat.CSV, SourceFormat.guess(bytes("\uFEFF宗地号,WKT"), null));
    assertEquals(SourceFormat.CSV, SourceFormat.guess(bytes("x{"), ""));
    assertEquals(SourceFormat.CSV, SourceFormat.guess(new byte[] {(byte) 0xEF, (byte) 0xBB, 'x', '{'}, null));
    for (byte[] empty : new byte[][] {{}, bytes(" \n "), bytes("\uFEFF"), bytes("\uFEFF  ")}) {
      ImportFailure e = assertThrows(ImportFailure.class, () -> SourceFormat.guess(empty, null));
      assertEquals("file", e.parameter);
      assertEquals("文件为空", e.messageZh);
    }
  }

  @Test
  void codePagesAreReadAsGisToolsWriteThem() {
    for (String gbk : new String[] {"936", "cp936", " GBK ", "gb2312", "GB_2312-80", "EUC-CN", "ANSI 936"}) {
      assertEquals(TextEncoding.GB18030, TextEncoding.named(gbk, "encoding"), gbk);
    }
    for (String utf8 : new String[] {"65001", "utf8", "UTF-8"}) {
      assertEquals(StandardCharsets.UTF_8, TextEncoding.named(utf8, "encoding"), utf8);
    }
    for (String big5 : new String[] {"950", "cp950", "Big5"}) {
      assertEquals(Charset.forName("Big5"), TextEncoding.named(big5, "encoding"), big5);
    }
    assertEquals(Charset.forName("windows-1252"), TextEncoding.named("1252", "encoding"));
    assertEquals(Charset.forName("IBM437"), TextEncoding.named("437", "encoding"));
    assertEquals(StandardCharsets.ISO_8859_1, TextEncoding.named("88591", "encoding"));
    assertEquals(Charset.forName("ISO-8859-15"), TextEncoding.named("885915", "encoding"));
    assertEquals(StandardCharsets.ISO_8859_1, TextEncoding.named("ISO-8859-1", "encoding"));
    ImportFailure e = assertThrows(ImportFailure.class, () -> TextEncoding.named(" klingon ", "encoding"));
    assertEquals("encoding", e.parameter);
    assertTrue(e.getMessage().contains("'klingon'"), e.getMessage());
    assertTrue(e.messageZh.contains("“klingon”"), e.messageZh);
    ImportFailure cpg = assertThrows(ImportFailure.class, () -> TextEncoding.named("12", "file"));
    assertEquals("file", cpg.parameter);
  }

  @Test
  void utf8AsciiAndTheByteOrderMarkAreJudgedOnTheRangeGiven() {
    byte[] gbk = "宗地".getBytes(TextEncoding.GB18030);
    byte[] mixed = new byte[gbk.length + 2];
    mixed[0] = 'a';
    mixed[1] = 'b';
    System.arraycopy(gbk, 0, mixed, 2, gbk.length);
    assertTrue(TextEncoding.validUtf8(mixed, 0, 2));
    assertFalse(TextEncoding.validUtf8(mixed, 0, mixed.length));
    assertTrue(TextEncoding.validUtf8(bytes("宗地"), 0, 6));
    assertTrue(TextEncoding.ascii(mixed, 0, 2));
    assertFalse(TextEncoding.ascii(mixed, 0, 3));
    assertFalse(TextEncoding.ascii(mixed, 2, 3));
    assertTrue(TextEncoding.ascii(mixed, 3, 3), "an empty range is ASCII");
    assertTrue(TextEncoding.hasBom(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}));
    assertFalse(TextEncoding.hasBom(new byte[] {(byte) 0xEF, (byte) 0xBB}));
    assertFalse(TextEncoding.hasBom(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBE}));
    assertFalse(TextEncoding.hasBom(new byte[] {(byte) 0xEF, (byte) 0xBC, (byte) 0xBF}));
    assertFalse(TextEncoding.hasBom(new byte[] {(byte) 0xEE, (byte) 0xBB, (byte) 0xBF}));
  }
}
