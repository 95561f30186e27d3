package zoneatlas.imports.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The words a land officer reads in refusals and the codes as spreadsheets store them (survivors
 * of a PIT run over StatusLabels, LandUseClasses and ImportFailure).
 */
class LabelRulesTest {
  @Test
  void aBadStatusListsTheNamesAndTheChineseLabels() {
    String a = StatusLabels.accepted();
    assertTrue(a.startsWith("one of [in_use, approved_not_supplied, "), a);
    assertTrue(a.endsWith("] or 在用, 批而未供, 可供应, 供而未用, 在建, 用而未尽, 建而未投, 闲置"), a);
  }

  @Test
  void codesWrittenAsNumbersOrDecimalTextGetTheirLeadingZeroBack() {
    assertEquals("0802", LandUseClasses.normalise(802.0));
    assertEquals("1001", LandUseClasses.normalise(1001));
    assertEquals("080403", LandUseClasses.normalise("80403.00"));
    assertEquals("1001.5", LandUseClasses.normalise(1001.5), "a fraction is no code and stays as written");
    assertEquals("1001", LandUseClasses.normalise(" 1001 "));
    assertEquals(LandUseClasses.all().get("1001"), LandUseClasses.name("1001"));
    assertTrue(LandUseClasses.all().size() > 50);
  }

  @Test
  void aMessageWithoutChineseTextNamesWhatIsAtFaultInChinese() {
    assertEquals("文件有误，文件无法导入", new ImportFailure("file", "x").messageZh);
    assertEquals("坐标系有误，文件无法导入", new ImportFailure("srs", "x").messageZh);
    assertEquals("目标开发区有误，文件无法导入", new ImportFailure("target_zone", "x", new RuntimeException()).messageZh);
    assertEquals("字段“宗地编号”有误，文件无法导入", new ImportFailure("id", "x").messageZh);
    assertEquals("参数 foo有误，文件无法导入", new ImportFailure("foo", "x").messageZh);
    assertEquals("参数 有误，文件无法导入", ImportFailure.generic(null).replace("参数 null", "参数 "));
  }
}
