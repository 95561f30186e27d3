package zoneatlas.model;

/** Land status, following the categories Chinese low-efficiency land surveys use. */
public enum ParcelStatus {
  /** Built and producing. */
  in_use("在用", "in use"),
  /** Approved for construction use but not yet supplied. */
  approved_not_supplied("批而未供", "approved, not supplied"),
  /** Available for supply to investors (招商地块). */
  available("可供应", "available"),
  /** Supplied but construction has not started. */
  supplied_not_used("供而未用", "supplied, not used"),
  /** Under construction. */
  under_construction("在建", "under construction"),
  /** Partly built / partly used: 用而未尽, one of the five kinds of low-efficiency land. */
  partly_used("用而未尽", "partly used"),
  /** Built but not in production. */
  built_not_producing("建而未投", "built, not producing"),
  /** Idle land (闲置土地). */
  idle("闲置", "idle");

  /**
   * The word land registers and the map use; every screen, export and import message takes it
   * from here (i18n.js holds a copy that VocabularyTest keeps equal).
   */
  public final String zh;
  public final String en;

  ParcelStatus(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }
}
