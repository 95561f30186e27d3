package zoneatlas.efficiency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import zoneatlas.http.Downloads;
import zoneatlas.layers.SourceDocs;
import zoneatlas.model.ParcelStatus;

/**
 * A 亩均 table as its download reads in one language. The JSON rows carry codes for the page to
 * work with (zone {@code xxetdz}, park {@code xxetdz-ip-863}, status {@code in_use}, reason
 * {@code far_below_min}) and both languages' words side by side; a spreadsheet user reads
 * neither codes nor the other language. So: a column of codes whose words are given too is left
 * out, and so is the other language's; zones, boards, parks, levels, statuses, reasons, missing
 * indicators and yes/no are written in words; the plan documents as citations; figures to two
 * decimals, written out in full; units in the language's words. The sheet and file are named in
 * the language too. Stateless.
 */
final class ExportView {
  /** Columns of the system's own ids (the map feature a row draws, a target's key): the names say it to a reader. */
  private static final Set<String> MAP_ONLY = Set.of("feature_id", "target_id");
  /** Columns whose values are zone, board or park ids. */
  private static final Set<String> GROUPS = Set.of("zone", "board", "park", "small_micro_park");
  private static final Map<String, String> UNITS_EN = new LinkedHashMap<>();

  static {
    UNITS_EN.put("吨标准煤", "tce");
    UNITS_EN.put("万元", "10,000 CNY");
    UNITS_EN.put("公顷", "ha");
    UNITS_EN.put("亩", "mu");
    UNITS_EN.put("当量", "pollutant equivalent");
    UNITS_EN.put("人", "person");
  }

  private ExportView() {}

  /** The table for a download in {@code lang} ("zh" or "en"). */
  static Table localized(Table t, String lang, Map<String, EfficiencyData.GroupName> groups) {
    boolean en = "en".equals(lang);
    Set<String> keys = new LinkedHashSet<>();
    t.columns().forEach(c -> keys.add(c.key()));
    List<Table.Col> cols = new ArrayList<>();
    Map<String, String> sourceOf = new LinkedHashMap<>();
    for (Table.Col c : t.columns()) {
      String k = c.key();
      if (MAP_ONLY.contains(k) || k.equals("source_lines")) {
        continue;
      }
      if (k.equals("id") && keys.contains("name_zh") && idsAreGroups(t, groups)) {
        continue; // a zone's, board's or park's id: its name is the next column
      }
      if (k.equals("source_doc")) {
        cols.add(new Table.Col("source", "规划依据", "Plan source", null));
        continue;
      }
      String base = k.endsWith("_zh") || k.endsWith("_en") ? k.substring(0, k.length() - 3) : k;
      if (en) {
        if (k.endsWith("_zh") && !k.equals("name_zh") && (keys.contains(base) || keys.contains(base + "_en"))) {
          continue; // the English words are there
        }
        if (!k.endsWith("_en") && keys.contains(k + "_en")) {
          continue; // codes or Chinese words whose English words are there
        }
        // the Chinese-only details column has its English twin under another key
        if (k.equals("details") && keys.contains("details_en")) {
          continue;
        }
      } else {
        if (k.endsWith("_en")) {
          continue;
        }
        if (!k.endsWith("_zh") && keys.contains(k + "_zh")) {
          continue; // codes whose Chinese words are there
        }
      }
      cols.add(new Table.Col(k, c.zh(), c.en(), en && c.unit() != null ? unitEn(c.unit()) : c.unit()));
      sourceOf.put(k, base);
    }
    List<Map<String, Object>> rows = new ArrayList<>(t.rows().size());
    for (Map<String, Object> r : t.rows()) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Table.Col c : cols) {
        String k = c.key();
        if (k.equals("source")) {
          Object doc = r.get("source_doc");
          Object lines = r.get("source_lines");
          out.put(k, doc == null ? null : SourceDocs.citation(doc.toString(), lines == null ? null : lines.toString(), lang));
          continue;
        }
        out.put(k, value(k, r.get(k), lang, groups));
      }
      rows.add(out);
    }
    return new Table(sheetName(t, lang), cols, rows, t.meta());
  }

  /** Whether the table's {@code id} column holds zone, board or park ids. */
  private static boolean idsAreGroups(Table t, Map<String, EfficiencyData.GroupName> groups) {
    for (Map<String, Object> r : t.rows()) {
      Object id = r.get("id");
      if (id != null) {
        return groups.containsKey(id.toString());
      }
    }
    return false;
  }

  static Object value(String key, Object v, String lang, Map<String, EfficiencyData.GroupName> groups) {
    boolean en = "en".equals(lang);
    if (v == null) {
      return null;
    }
    if (v instanceof Boolean b) {
      return en ? (b ? "yes" : "no") : (b ? "是" : "否");
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (!Double.isFinite(d)) {
        return null;
      }
      // two decimals, written out (a spreadsheet shows 1.53835313E7 as text otherwise)
      return BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP);
    }
    if (v instanceof Iterable<?> it) {
      List<String> words = new ArrayList<>();
      for (Object o : it) {
        words.add(String.valueOf(value(key, o, lang, groups)));
      }
      return String.join(en ? "; " : "、", words);
    }
    String s = v.toString();
    if (GROUPS.contains(key)) {
      EfficiencyData.GroupName g = groups.get(s);
      if (g != null) {
        return en ? g.nameEn() : g.nameZh();
      }
    }
    switch (key) {
      case "level" -> {
        for (Level l : Level.values()) {
          if (l.param.equals(s) || l.name().equals(s)) {
            return en ? l.nameEn : l.nameZh;
          }
        }
      }
      case "status" -> {
        for (ParcelStatus p : ParcelStatus.values()) {
          if (p.name().equals(s)) {
            return en ? p.en : p.zh;
          }
        }
        for (Status st : Status.values()) {
          if (st.name().equals(s)) {
            return en ? st.nameEn : st.nameZh;
          }
        }
      }
      case "low_efficiency", "reasons" -> {
        List<String> words = new ArrayList<>();
        for (String code : s.split("[;,、]")) {
          words.add(reason(code.strip(), en));
        }
        return String.join(en ? "; " : "、", words);
      }
      case "missing" -> {
        return Indicator.byKey(s).map(i -> en ? i.nameEn : i.nameZh).orElse(s);
      }
      case "status_note", "class_note" -> {
        return en ? s : EngineNotes.zh(s);
      }
      default -> {
        // other text is already in words
      }
    }
    if (key.equals("outcome") && en) {
      return s.replace('_', ' ');
    }
    return s;
  }

  private static String reason(String code, boolean en) {
    for (LowReason r : LowReason.values()) {
      if (r.name().equals(code)) {
        return en ? r.nameEn : r.nameZh;
      }
    }
    return code;
  }

  static String unitEn(String unit) {
    String u = unit;
    for (Map.Entry<String, String> e : UNITS_EN.entrySet()) {
      u = u.replace(e.getKey(), e.getValue());
    }
    return u;
  }

  /** The sheet's name: 产业园区亩均效益, 低效用地清单 … (Excel allows 31 characters). */
  static String sheetName(Table t, String lang) {
    boolean en = "en".equals(lang);
    String n = t.name();
    String out;
    if (n.startsWith("indicators-")) {
      String lv = n.substring("indicators-".length());
      Level l = Level.byParam(lv).orElse(null);
      out = l == null ? n : en ? "Mu efficiency by " + l.nameEn.toLowerCase(java.util.Locale.ROOT) : l.nameZh + "亩均效益";
    } else if (n.startsWith("trend-")) {
      String key = n.substring("trend-".length());
      Indicator i = Indicator.byKey(key).orElse(null);
      out = i == null ? (en ? "Trend" : "历年变化") : en ? i.nameEn + " by year" : i.nameZh + "历年变化";
    } else {
      out = switch (n) {
        case "classes" -> en ? "Classes" : "分类结果";
        case "low-efficiency" -> en ? "Low-efficiency land" : "低效用地清单";
        case "targets" -> en ? "Plan targets" : "规划目标对照";
        default -> n;
      };
    }
    out = out.replaceAll("[\\[\\]:*?/\\\\]", " ");
    return out.length() > 31 ? out.substring(0, 31) : out;
  }

  /**
   * The download's file name: "亩均效益_产业园区亩均效益_2024年_综合评价办法.csv" or
   * "mu-efficiency_mu-efficiency-by-industrial-park_2024_….csv"; {@code asciiName} is the plain
   * fallback for old clients.
   */
  static String fileName(Table localized, String lang, String ext) {
    boolean en = "en".equals(lang);
    Object year = localized.meta().get("year");
    Object scheme = localized.meta().get(en ? "scheme_name_en" : "scheme_name_zh");
    StringBuilder b = new StringBuilder(en ? "mu-efficiency_" : "亩均效益_");
    b.append(Downloads.part(en ? localized.name().toLowerCase(java.util.Locale.ROOT) : localized.name()));
    if (year != null) {
      b.append('_').append(year).append(en ? "" : "年");
    }
    if (scheme != null) {
      b.append('_').append(Downloads.part(scheme.toString()));
    }
    return b.append('.').append(ext).toString();
  }
}
