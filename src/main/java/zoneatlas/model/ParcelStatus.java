package zoneatlas.model;

/** Land status, following the categories Chinese low-efficiency land surveys use. */
public enum ParcelStatus {
  /** 在用: built and producing. */
  in_use,
  /** 批而未供: approved for construction use but not yet supplied. */
  approved_not_supplied,
  /** 可供应: available for supply to investors (招商地块). */
  available,
  /** 供而未用: supplied but construction has not started. */
  supplied_not_used,
  /** 在建: under construction. */
  under_construction,
  /** 部分使用: partly built / partly used. */
  partly_used,
  /** 建而未投: built but not in production. */
  built_not_producing,
  /** 闲置: idle land (闲置土地). */
  idle
}
