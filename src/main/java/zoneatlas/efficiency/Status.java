package zoneatlas.efficiency;

/** Whether an enterprise is classed this year, and if not, why not. */
public enum Status {
  evaluated("参评", "Evaluated"),
  below_scope("用地规模以下不参评", "Below the minimum land (not classed)"),
  exempt_new("新设企业免评", "Exempt: newly founded"),
  exempt_construction("建设期内免评", "Exempt: land in its construction period"),
  exempt_recorded("经认定免评", "Exempt: recorded reason"),
  no_figures("当年无申报数据", "No figures for the year"),
  no_land("无在用土地", "No land in use");

  public final String nameZh;
  public final String nameEn;

  Status(String nameZh, String nameEn) {
    this.nameZh = nameZh;
    this.nameEn = nameEn;
  }

  public boolean exempt() {
    return this == exempt_new || this == exempt_construction || this == exempt_recorded;
  }
}
