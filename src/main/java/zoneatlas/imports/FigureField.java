package zoneatlas.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns a yearly-figures file may have, with the Chinese and English headers they are
 * recognised by (units in brackets are ignored, so "税收（万元）" is {@link #TAX}). Money in 万元,
 * energy in tonnes of standard coal, as the figures table stores them.
 */
public enum FigureField {
  USCC("uscc", false, "统一社会信用代码", "社会信用代码", "信用代码", "unified_social_credit_code", "credit_code"),
  YEAR("year", false, "年份", "年度", "统计年度"),
  TAX("tax_wan", false, "税收", "实缴税金", "税收总额", "实缴税收", "tax"),
  REVENUE("revenue_wan", false, "营业收入", "主营业务收入", "销售收入", "revenue"),
  VALUE_ADDED("value_added_wan", false, "增加值", "工业增加值", "value_added"),
  ENERGY("energy_tce", false, "综合能耗", "能耗", "综合能源消费量", "energy"),
  EMPLOYEES("employees", true, "从业人员", "从业人员数", "职工人数", "年平均职工人数", "employees"),
  RND("rnd_wan", false, "研发经费", "研发经费支出", "r&d经费", "rnd"),
  INVESTMENT("investment_wan", false, "固定资产投资", "投资", "investment"),
  POLLUTANT("pollutant_eq", false, "主要污染物排放", "污染物排放当量", "排放当量", "pollutant");

  /** The figures table's column name, also accepted as a header. */
  public final String column;
  /** Whole numbers only. */
  public final boolean integer;
  private final List<String> aliases;

  FigureField(String column, boolean integer, String... aliases) {
    this.column = column;
    this.integer = integer;
    this.aliases = List.of(aliases);
  }

  /** Headers that are understood and ignored (a name or a running number is common in exports). */
  static final List<String> IGNORED = List.of("企业名称", "名称", "单位名称", "序号", "备注", "name", "name_zh", "name_en", "no",
      "note", "enterprise_id", "id");

  /** Normalises a header: no BOM, no brackets with units, no spaces, lower case. */
  static String normalise(String h) {
    String s = h == null ? "" : h.replace("\uFEFF", "").strip();
    s = s.replaceAll("[（(][^）)]*[）)]", "");
    s = s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    return s;
  }

  public static Optional<FigureField> byHeader(String header) {
    String n = normalise(header);
    return Arrays.stream(values()).filter(f -> f.column.equals(n) || f.aliases.stream().anyMatch(a -> normalise(a).equals(n)))
        .findFirst();
  }

  public boolean figure() {
    return this != USCC && this != YEAR;
  }
}
