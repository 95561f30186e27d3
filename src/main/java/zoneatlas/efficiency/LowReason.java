package zoneatlas.efficiency;

/**
 * Why a parcel is a redevelopment candidate: the five kinds of low-efficiency land (批而未供,
 * 供而未用, 用而未尽, 建而未投, 投而未达标), idle land, a low-class occupant, and floor-area ratio
 * or building coverage below the industrial land control indicators. Reasons that rest on
 * enterprise figures are confidential.
 */
public enum LowReason {
  approved_not_supplied("批而未供", "Approved but not supplied", false),
  supplied_not_used("供而未用", "Supplied but not used", false),
  idle("闲置土地", "Idle land", false),
  partly_used("用而未尽", "Partly used", false),
  built_not_producing("建而未投", "Built but not in production", false),
  below_standard("投而未达标", "Producing below the standard-land commitment", true),
  low_class("低效企业用地", "Occupied by a low-class enterprise", true),
  far_below_min("容积率低于控制指标", "Floor-area ratio below the control indicator", false),
  coverage_below_min("建筑系数低于控制指标", "Building coverage below the control indicator", false);

  public final String nameZh;
  public final String nameEn;
  /** Rests on enterprise figures or classes: only roles that see confidential figures see it. */
  public final boolean confidential;

  LowReason(String nameZh, String nameEn, boolean confidential) {
    this.nameZh = nameZh;
    this.nameEn = nameEn;
    this.confidential = confidential;
  }

  /** One reason with the numbers behind it, e.g. "容积率 0.62 < 1.0". */
  public record Found(LowReason reason, String detail) {}
}
