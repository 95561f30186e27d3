package zoneatlas.imports.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import zoneatlas.model.ParcelStatus;

/** Land-use codes and status labels as land registers write them. */
class ClassificationTest {
  @Test
  void landUseCodesOfFourAndSixDigitsHaveOfficialNames() {
    assertEquals("工业用地", LandUseClasses.name("1001"));
    assertEquals("二类工业用地", LandUseClasses.name("100102"));
    assertEquals("一类物流仓储用地", LandUseClasses.name("110101"));
    assertEquals("科研用地", LandUseClasses.name("0802"));
    assertEquals("供电用地", LandUseClasses.name("1303"));
    assertNull(LandUseClasses.name("9999"));
    assertNull(LandUseClasses.name("100104"));
  }

  @Test
  void spreadsheetNumbersGetTheirLeadingZeroBack() {
    assertEquals("0802", LandUseClasses.normalise(802.0));
    assertEquals("080403", LandUseClasses.normalise("80403"));
    assertEquals("100102", LandUseClasses.normalise(100102.0));
    assertEquals("100102", LandUseClasses.normalise("100102.0"));
  }

  @Test
  void statusNamesAndChineseLabelsAreRead() {
    assertEquals(ParcelStatus.in_use, StatusLabels.parse("在用"));
    assertEquals(ParcelStatus.approved_not_supplied, StatusLabels.parse("批而未供"));
    assertEquals(ParcelStatus.supplied_not_used, StatusLabels.parse("供而未用"));
    assertEquals(ParcelStatus.idle, StatusLabels.parse(" 闲置 "));
    assertEquals(ParcelStatus.built_not_producing, StatusLabels.parse("Built-Not-Producing"));
    assertNull(StatusLabels.parse("卖掉了"));
  }

  @Test
  void degreesMinutesSecondsAreCoordinates() {
    assertEquals(113.828, TableSource.coordinate("113°49′40.8″E"), 1e-9);
    assertEquals(34.65, TableSource.coordinate("34度39分"), 1e-9);
    assertEquals(34.65, TableSource.coordinate("34.65"), 1e-12);
    assertNull(TableSource.coordinate("north"));
  }
}
