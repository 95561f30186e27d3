package zoneatlas.model;

/**
 * A plan feature's status as the plans state it. The words are the ones the map, the editing
 * form and the exports show (web/js/i18n.js holds a copy that VocabularyTest keeps equal).
 */
public enum PlanStatus {
  planned("规划", "planned"),
  proposed("拟建", "proposed"),
  under_construction("在建", "under construction"),
  existing("已建成", "existing");

  public final String zh;
  public final String en;

  PlanStatus(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }
}
