package zoneatlas.efficiency;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Chinese words of the notes {@link EfficiencyEngine} writes beside a status or class (it
 * writes them in English, for the record and the English pages): "founded 2023" is 2023年成立,
 * "capped at C by 亩均税收为负 (was B)" is 因亩均税收为负降为C类（原为B类）. A note of no known form is
 * given back as it is; ExportLanguageTest reads every note of the demo data through here and
 * fails on one left in English. Stateless.
 */
final class EngineNotes {
  private static final Map<Pattern, Function<Matcher, String>> FORMS = new LinkedHashMap<>();

  static {
    form("all land supplied less than (\\d+) years before (\\d+)", m -> "全部用地供地不足" + m.group(1) + "年（评价年度" + m.group(2) + "年）");
    form("parcel (\\S+) has no area", m -> "地块" + m.group(1) + "无面积");
    form("no land link in (\\d+)", m -> m.group(1) + "年无用地关系");
    form("all its land is leased out", m -> "全部用地已出租");
    form("founded (\\d+)", m -> m.group(1) + "年成立");
    form("([\\d.,]+) mu < ([\\d.,]+) mu(?:, leased floor ([\\d.,]+) m² < ([\\d.,]+) m²)?", m -> "用地" + m.group(1) + "亩，不足"
        + m.group(2) + "亩" + (m.group(3) == null ? "" : "；租赁厂房" + m.group(3) + "平方米，不足" + m.group(4) + "平方米"));
    form("recorded exemption: (.+)", m -> "经认定免评：" + itemsZh(m.group(1)));
    form("no figures for (\\d+)", m -> m.group(1) + "年无申报数据");
    form("capped at (\\S+) by (.+) \\(was (\\S+)\\)", m -> "因" + itemsZh(m.group(2)) + "降为" + m.group(1) + "类（原为"
        + m.group(3) + "类）");
    form("exempt \\((\\w+)\\), given (\\S+)", m -> "免评（" + status(m.group(1)) + "），定为" + m.group(2) + "类");
    form("not on the published list revision (\\d+)", m -> "不在第" + m.group(1) + "版公布名单中");
    form("not on the public-notice list", m -> "不在公示名单中");
    form("published list revision (\\d+)(?:: (.*))?", m -> "第" + m.group(1) + "版公布名单" + (m.group(2) == null ? "" : "：" + m.group(2)));
    form("public-notice list(?:: (.*))?", m -> "公示名单" + (m.group(1) == null ? "" : "：" + m.group(1)));
    form("tenant: takes the grade of owner (\\S+) of parcel (\\S+)", m -> "承租企业：取地块" + m.group(2) + "产权企业" + m.group(1) + "的等级");
  }

  private EngineNotes() {}

  private static void form(String regex, Function<Matcher, String> zh) {
    FORMS.put(Pattern.compile(regex), zh);
  }

  /** The schemes' bonus and penalty items by English name, for notes that name them. */
  private static final Map<String, String> ITEMS_ZH = new java.util.HashMap<>();

  static {
    for (Scheme sc : Schemes.load().all()) {
      sc.evaluation().adjustments().forEach(a -> ITEMS_ZH.putIfAbsent(a.nameEn(), a.nameZh()));
      sc.evaluation().exemptions().forEach(a -> ITEMS_ZH.putIfAbsent(a.nameEn(), a.nameZh()));
    }
  }

  private static String itemsZh(String names) {
    // an item's own name may hold ", " (a recorded exemption names one item): the whole first
    String whole = ITEMS_ZH.get(names);
    if (whole != null) {
      return whole;
    }
    List<String> out = new java.util.ArrayList<>();
    for (String n : names.split(", ")) {
      out.add(ITEMS_ZH.getOrDefault(n, n));
    }
    return String.join("、", out);
  }

  private static String status(String code) {
    for (Status s : Status.values()) {
      if (s.name().equals(code)) {
        return s.nameZh;
      }
    }
    return code;
  }

  /** The note in Chinese, or the note itself when it is of no known form (or already Chinese). */
  static String zh(String note) {
    if (note == null) {
      return null;
    }
    for (Map.Entry<Pattern, Function<Matcher, String>> f : FORMS.entrySet()) {
      Matcher m = f.getKey().matcher(note.strip());
      if (m.matches()) {
        return f.getValue().apply(m);
      }
    }
    return note;
  }
}
