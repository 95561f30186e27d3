package zoneatlas.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which facilities can serve a site: the table covers every category and reads as intended. */
class ServiceAreaTest {
  @Test
  void everyInfrastructureCategoryHasARuleAndEveryRuleACategory() {
    assertEquals(Labels.KIND.keySet(), ServiceArea.RULES.keySet());
    for (var e : ServiceArea.RULES.entrySet()) {
      assertTrue(e.getValue().radiusKm() > 0 && e.getValue().radiusKm() <= 100, e.getKey());
    }
  }

  @ParameterizedTest(name = "{0} of {1} serves a site in {2}: {3}")
  @CsvSource({
      // utilities of a city serve only that city
      "water_plant, zzetdz, xxetdz, false",
      "water_plant, zzetdz, zzhitech, true",
      "water_plant, zhengzhou, zzetdz, true",
      "sewage_plant, xxetdz, xxetdz, true",
      // a substation serves its zone, or the city's plan serves every zone of the city
      "substation, zzhitech, zzetdz, false",
      "substation, zzhitech, zzhitech, true",
      "substation, zhengzhou, zzetdz, true",
      "substation, zhengzhou, xxetdz, false",
      // transport counts across borders
      "interchange, zhengzhou, xxetdz, true",
      "airport, zhengzhou, xxetdz, true",
      // a site whose zone is unknown is served by all (the answer is distance only)
      "water_plant, zzetdz, , true",
  })
  void servesReadsTheTable(String kind, String featureZone, String siteZone, boolean expected) {
    assertEquals(expected, ServiceArea.serves(kind, featureZone, siteZone));
  }

  @Test
  void radiiAreCappedByTheConfiguredMaximum() {
    assertEquals(30_000, ServiceArea.radiusM("water_plant", 100_000));
    assertEquals(100_000, ServiceArea.radiusM("airport", 100_000));
    assertEquals(50_000, ServiceArea.radiusM("airport", 50_000));
  }

  @Test
  void parcelsAreNamedByZoneAndNumber() {
    assertEquals("新乡经开区 001165 号地块", Labels.parcelName("P-XXETDZ-001165", "xxetdz").zh());
    assertEquals("Xinxiang ETDZ parcel 001165", Labels.parcelName("P-XXETDZ-001165", "xxetdz").en());
    assertEquals("郑州经开区 地块 410702-2021-15", Labels.parcelName("410702-2021-15", "zzetdz").zh());
  }
}
