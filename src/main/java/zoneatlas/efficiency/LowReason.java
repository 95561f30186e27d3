package zoneatlas.efficiency;

import zoneatlas.model.ParcelStatus;

/**
 * Why a parcel is a redevelopment candidate: the five kinds of low-efficiency land (批而未供,
 * 供而未用, 用而未尽, 建而未投, 投而未达标), idle land, a low-class occupant, and floor-area ratio
 * or building coverage below the industrial land control indicators. Reasons that rest on
 * enterprise figures are confidential.
 */
public enum LowReason {
  // the five that are a parcel's status read as the status does (ParcelStatus): one word per status
  approved_not_supplied(ParcelStatus.approved_not_supplied, false),
  supplied_not_used(ParcelStatus.supplied_not_used, false),
  idle(ParcelStatus.idle, false),
  partly_used(ParcelStatus.partly_used, false),
  built_not_producing(ParcelStatus.built_not_producing, false),
  below_standard("投而未达标", "Producing below the standard-land commitment", true),
  low_class("低效企业用地", "Occupied by a low-class enterprise", true),
  far_below_min("容积率低于控制指标", "Floor-area ratio below the control indicator", false),
  coverage_below_min("建筑系数低于控制指标", "Building coverage below the control indicator", false);

  public final String nameZh;
  public final String nameEn;
  /** Rests on enterprise figures or classes: only roles that see confidential figures see it. */
  public final boolean confidential;

  LowReason(ParcelStatus status, boolean confidential) {
    this(status.zh, Character.toUpperCase(status.en.charAt(0)) + status.en.substring(1), confidential);
  }

  LowReason(String nameZh, String nameEn, boolean confidential) {
    this.nameZh = nameZh;
    this.nameEn = nameEn;
    this.confidential = confidential;
  }

  /** One reason with the numbers behind it, in each language: "容积率 0.62，低于控制值 1.0" / "FAR 0.62 below the minimum 1.0". */
  public record Found(LowReason reason, String detailZh, String detailEn) {
    public String detail(String lang) {
      return "en".equals(lang) ? detailEn : detailZh;
    }
  }
}
