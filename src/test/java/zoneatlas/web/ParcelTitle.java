package zoneatlas.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The title a parcel's card carries: its zone and number as readers name it ("新乡经开区 000123
 * 号地块"), written out here independently of web/js/i18n.js parcelName, so a card that shows the
 * system id P-XXETDZ-000123 again fails the tests that wait for it.
 */
final class ParcelTitle {
  private static final Pattern GENERATED = Pattern.compile("P-([A-Za-z0-9]+)-(N?[0-9A-Z]+(?:-[0-9]+)*)");
  private static final Map<String, String[]> ZONES = Map.of(
      "zzetdz", new String[] {"郑州经开区", "Zhengzhou ETDZ"},
      "zzhitech", new String[] {"郑州高新区", "Zhengzhou Hi-tech Zone"},
      "xxetdz", new String[] {"新乡经开区", "Xinxiang ETDZ"});

  private ParcelTitle() {}

  static String zh(String id) {
    Matcher m = GENERATED.matcher(id);
    if (!m.matches()) {
      return "地块 " + id;
    }
    String[] z = ZONES.get(m.group(1).toLowerCase(java.util.Locale.ROOT));
    return (z == null ? "" : z[0] + " ") + m.group(2) + " 号地块";
  }

  static String en(String id) {
    Matcher m = GENERATED.matcher(id);
    if (!m.matches()) {
      return "parcel " + id;
    }
    String[] z = ZONES.get(m.group(1).toLowerCase(java.util.Locale.ROOT));
    return (z == null ? "" : z[1] + " ") + "parcel " + m.group(2);
  }
}
