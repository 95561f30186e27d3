package zoneatlas.layers;

import java.util.regex.Pattern;

/**
 * The one rule for feature ids, wherever an id enters the store (the editing API, parcel imports)
 * or is looked up. Ids travel in URL paths, file names of exports, HTML pages and the map's
 * tooltips: keeping them to letters, digits and {@code . _ -} means none of those places has to
 * trust its own escaping alone, and an id accepted by one route is never refused by another.
 */
public final class FeatureIds {
  /** Longest id, in characters (code points: a CJK character counts once). */
  public static final int MAX_LENGTH = 100;

  /** Parcels, enterprises and other client-named features: Chinese characters allowed, as 宗地编号 often carry them. */
  private static final Pattern FEATURE = Pattern.compile("[\\p{IsHan}A-Za-z0-9][\\p{IsHan}A-Za-z0-9._-]{0,99}");
  /** Plan features: their ids name files and CSS classes in the plan data, so ASCII lower case only. */
  private static final Pattern PLAN = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

  public static final String RULE_EN = "an id is 1-100 Chinese characters, letters, digits, '.', '_' or '-', "
      + "starting with a character, letter or digit";
  public static final String RULE_ZH = "编号只能由汉字、字母、数字和“.”“_”“-”组成，以汉字、字母或数字开头，最长 100 个字";
  public static final String PLAN_RULE_EN = "a plan feature id is 1-100 lower-case letters, digits and '-', "
      + "starting with a letter or digit";
  public static final String PLAN_RULE_ZH = "规划要素编号只能由小写字母、数字和“-”组成，以字母或数字开头，最长 100 个字符";

  private FeatureIds() {}

  /** Whether {@code id} is a valid id of a parcel, enterprise or other client-named feature. */
  public static boolean valid(String id) {
    return id != null && FEATURE.matcher(id).matches();
  }

  /** Whether {@code id} is a valid id of a plan feature (zones, boards, parks, infrastructure). */
  public static boolean validPlan(String id) {
    return id != null && PLAN.matcher(id).matches();
  }

  /** The rule for a layer: plan features or the rest. */
  public static boolean valid(String id, boolean plan) {
    return plan ? validPlan(id) : valid(id);
  }
}
