package zoneatlas.efficiency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import zoneatlas.auth.Role;
import zoneatlas.efficiency.EfficiencyResult.EnterpriseResult;
import zoneatlas.history.Change;
import zoneatlas.history.ChangeLog;
import zoneatlas.history.Versions;
import zoneatlas.http.ApiError;
import zoneatlas.store.DataWriter;
import zoneatlas.store.Store;
import zoneatlas.store.Transactions;

/**
 * The annual evaluation as zones run it: a zone's draft list for a scheme and year goes to public
 * notice (公示) frozen, objections are recorded within the notice period and each decided, then the
 * list is published (the noticed list with the upheld objections applied) and never changes again;
 * a later correction is a new revision with its reason and author, and every revision is kept. Bonus,
 * penalty and exemption items are recorded against firms here too.
 *
 * <p>Every write is one transaction that also writes a change record (so the audit trail shows who did
 * what and why) and a new data version (so every server's cached results, which read the newest
 * frozen lists through {@link EfficiencyData}, are rebuilt). Two officers publishing at once cannot
 * both win: a list's revision number is unique, and the second gets 409. Dates are China's
 * (Asia/Shanghai), as the notice states them.
 */
public final class Evaluations {
  /** The collection change records of the evaluation name. */
  public static final String COLLECTION = "efficiency";
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final int MAX_TEXT = 1000;
  private final Store store;
  private final EfficiencyService efficiency;
  private final Clock clock;

  public Evaluations(Store store, EfficiencyService efficiency, Clock clock) {
    this.store = store;
    this.efficiency = efficiency;
    this.clock = clock;
  }

  /** Today in China: the day objections are filed and the notice period is counted in. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(CHINA));
  }

  /** A frozen list as stored. */
  record ListRow(long id, int revision, String state, LocalDate noticeFrom, LocalDate noticeTo, String reason,
      String username, String role, Object at) {}

  /** Where a zone, scheme and year stand: draft, notice or published, with every revision. */
  public Map<String, Object> state(Role role, String zone, String schemeId, Integer year) throws SQLException {
    EfficiencyData d = efficiency.data();
    Scheme s = efficiency.scheme(schemeId);
    int y = efficiency.year(d, year);
    String z = requiredZone(d, zone);
    List<ListRow> lists = lists(z, s.id(), y);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("zone", z);
    EfficiencyData.GroupName g = d.groups.get(z);
    m.put("zone_name_zh", g == null ? z : g.nameZh());
    m.put("zone_name_en", g == null ? z : g.nameEn());
    m.put("scheme", s.id());
    m.put("scheme_name_zh", s.nameZh());
    m.put("scheme_name_en", s.nameEn());
    m.put("year", y);
    m.put("notice_days", s.evaluation().noticeDays());
    m.put("today", today().toString());
    ListRow last = lists.isEmpty() ? null : lists.get(lists.size() - 1);
    m.put("state", last == null ? "draft" : last.state());
    m.put("revision", last == null ? null : last.revision());
    ListRow notice = lists.isEmpty() ? null : lists.get(0);
    m.put("notice_from", notice == null ? null : notice.noticeFrom().toString());
    m.put("notice_to", notice == null ? null : notice.noticeTo().toString());
    m.put("classes", s.classify().classes());
    boolean officer = role.seesConfidential();
    List<Map<String, Object>> revs = new ArrayList<>();
    for (ListRow l : lists) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("revision", l.revision());
      r.put("state", l.state());
      r.put("at", String.valueOf(l.at()));
      if (officer) {
        // reasons and authors may name firms and staff: officers only
        r.put("reason", l.reason());
        r.put("author", l.username());
      }
      revs.add(r);
    }
    m.put("lists", revs);
    if (officer && notice != null) {
      List<Map<String, Object>> objs = objections(notice.id(), d);
      m.put("objections", objs);
      m.put("undecided", objs.stream().filter(o -> o.get("decision") == null).count());
      m.put("can_publish", last.state().equals("notice") && today().isAfter(notice.noticeTo())
          && objs.stream().allMatch(o -> o.get("decision") != null));
    }
    return m;
  }

  /** Freezes the zone's draft list and opens its 公示 on {@code from} (today when null). */
  public Map<String, Object> notice(Change ch, String zone, String schemeId, Integer year, LocalDate from)
      throws SQLException {
    officer(ch.role());
    EfficiencyData d = efficiency.data();
    Scheme s = efficiency.scheme(schemeId);
    int y = efficiency.year(d, year);
    String z = requiredZone(d, zone);
    LocalDate start = from == null ? today() : from;
    if (start.isBefore(today())) {
      throw new ApiError(400, "InvalidParameterValue", "notice_from", "notice_from: the notice cannot start in the past ("
          + start + " < " + today() + ")", Map.of("description_zh", "公示开始日期不能早于今天"));
    }
    LocalDate end = start.plusDays(s.evaluation().noticeDays() - 1L);
    EfficiencyResult r = efficiency.official(s.id(), y);
    if (r.frozen.containsKey(z) || !lists(z, s.id(), y).isEmpty()) {
      throw conflict("the " + y + " list of " + z + " under " + s.id() + " is already frozen", "该年度名单已进入公示或已公布，不能再次公示");
    }
    List<Line> lines = new ArrayList<>();
    for (EnterpriseResult e : r.enterprises) {
      if (z.equals(e.enterprise().zone()) && e.cls() != null) {
        lines.add(new Line(e.enterprise().id(), e.cls(), e.score(), e.rank(), e.ranked(), null));
      }
    }
    if (lines.isEmpty()) {
      throw conflict("no firm of " + z + " is classed in " + y + ": nothing to put on notice", "该年度没有参评定级的企业，无法公示");
    }
    long id = write(ch, "evaluation-notice", z + " " + s.id() + " " + y + ": " + lines.size() + " firms on notice "
        + start + " to " + end, lines.size(), (c, k) -> insertList(c, k, ch, z, s.id(), y, 0, "notice", start, end, null, lines));
    return Map.of("list", id, "state", "notice", "notice_from", start.toString(), "notice_to", end.toString(),
        "firms", lines.size());
  }

  /** Records a firm's objection to the list on notice; it must be filed within the notice period. */
  public Map<String, Object> object(Change ch, String zone, String schemeId, Integer year, String enterprise,
      LocalDate filedOn, String ground) throws SQLException {
    officer(ch.role());
    EfficiencyData d = efficiency.data();
    Scheme s = efficiency.scheme(schemeId);
    int y = efficiency.year(d, year);
    String z = requiredZone(d, zone);
    List<ListRow> lists = lists(z, s.id(), y);
    if (lists.isEmpty() || !lists.get(lists.size() - 1).state().equals("notice")) {
      throw conflict("objections are recorded while a list is on notice; the " + y + " list of " + z + " is "
          + (lists.isEmpty() ? "a draft" : "published"), lists.isEmpty() ? "名单尚未公示，不能登记异议" : "名单已公布，异议期已过");
    }
    ListRow n = lists.get(0);
    LocalDate filed = filedOn == null ? today() : filedOn;
    if (filed.isBefore(n.noticeFrom()) || filed.isAfter(n.noticeTo()) || filed.isAfter(today())) {
      throw new ApiError(400, "InvalidParameterValue", "filed_on", "filed_on: " + filed + " is outside the notice period "
          + n.noticeFrom() + " to " + n.noticeTo() + " (or in the future)",
          Map.of("description_zh", "异议提出日期须在公示期（" + n.noticeFrom() + " 至 " + n.noticeTo() + "）内，且不晚于今天"));
    }
    String ground1 = text(ground, "ground", true);
    String eid = enterpriseOf(enterprise, z);
    if (!entries(n.id()).containsKey(eid)) {
      throw new ApiError(400, "InvalidParameterValue", "enterprise", "enterprise: '" + enterprise + "' is not on the list on notice",
          Map.of("description_zh", "该企业不在公示名单上"));
    }
    long id = write(ch, "evaluation-objection", z + " " + s.id() + " " + y + ": objection by " + eid, 1, (c, k) -> {
      try (PreparedStatement ps = c.prepareStatement(store.sql("evaluation_objection_insert"), new String[] {"id"})) {
        ps.setLong(1, n.id());
        ps.setString(2, eid);
        ps.setObject(3, filed);
        ps.setString(4, ground1);
        text(ps, 5, ch.username());
        ps.setObject(6, Versions.timestamp(ch.at()));
        ps.setLong(7, k);
        ps.executeUpdate();
        return generated(ps);
      }
    });
    return Map.of("objection", id);
  }

  /** Decides an objection: upheld (with the class the firm gets instead) or rejected, with the grounds. */
  public Map<String, Object> decide(Change ch, long objection, String decision, String newClass, String note)
      throws SQLException {
    officer(ch.role());
    if (!"upheld".equals(decision) && !"rejected".equals(decision)) {
      throw ApiError.badParam("decision", "must be upheld (异议成立) or rejected (异议不成立), got '" + decision + "'");
    }
    String note1 = text(note, "note", true);
    long changed = write(ch, "evaluation-decision", "objection " + objection + " " + decision, 1, (c, k) -> {
      String zone;
      String scheme;
      int year;
      String eid;
      try (PreparedStatement ps = c.prepareStatement(store.sql("evaluation_objection"))) {
        ps.setLong(1, objection);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw ApiError.notFound("no objection " + objection);
          }
          eid = rs.getString(3);
          zone = rs.getString(4);
          scheme = rs.getString(5);
          year = rs.getInt(6);
          rs.getLong(8);
          if (!rs.wasNull()) {
            throw conflict("objection " + objection + " is already decided", "该异议已有处理结论");
          }
        }
      }
      List<ListRow> lists = lists(c, zone, scheme, year);
      if (!lists.get(lists.size() - 1).state().equals("notice")) {
        throw conflict("the list is published: its objections are closed", "名单已公布，异议处理已结束");
      }
      Scheme s = efficiency.scheme(scheme);
      if ("upheld".equals(decision)) {
        if (newClass == null || !s.classify().classes().contains(newClass)) {
          throw ApiError.badParam("new_class", "an upheld objection needs the class the firm gets instead, one of "
              + s.classify().classes() + ", got '" + newClass + "'");
        }
      } else if (newClass != null) {
        throw ApiError.badParam("new_class", "a rejected objection keeps the class on notice: leave new_class out");
      }
      try (PreparedStatement ps = c.prepareStatement(store.sql("evaluation_decision_insert"))) {
        ps.setLong(1, objection);
        ps.setString(2, decision);
        text(ps, 3, newClass);
        ps.setString(4, note1);
        text(ps, 5, ch.username());
        ps.setObject(6, Versions.timestamp(ch.at()));
        ps.setLong(7, k);
        ps.executeUpdate();
      }
      return objection;
    });
    return Map.of("objection", changed, "decision", decision);
  }

  /** Publishes the list on notice once its period is over and every objection is decided. */
  public Map<String, Object> publish(Change ch, String zone, String schemeId, Integer year) throws SQLException {
    officer(ch.role());
    EfficiencyData d = efficiency.data();
    Scheme s = efficiency.scheme(schemeId);
    int y = efficiency.year(d, year);
    String z = requiredZone(d, zone);
    List<ListRow> lists = lists(z, s.id(), y);
    if (lists.isEmpty()) {
      throw conflict("the " + y + " list of " + z + " has not been on notice", "名单须先公示，期满后才能公布");
    }
    ListRow n = lists.get(0);
    if (!lists.get(lists.size() - 1).state().equals("notice")) {
      throw conflict("the " + y + " list of " + z + " is already published; correct it with a revision",
          "名单已公布；如需更正，请提交修订");
    }
    if (!today().isAfter(n.noticeTo())) {
      throw conflict("the notice period runs until " + n.noticeTo() + ": publish from " + n.noticeTo().plusDays(1),
          "公示期至 " + n.noticeTo() + " 结束，" + n.noticeTo().plusDays(1) + " 起才能公布");
    }
    List<Map<String, Object>> objs = objections(n.id(), d);
    long open = objs.stream().filter(o -> o.get("decision") == null).count();
    if (open > 0) {
      throw conflict(open + " objection(s) are undecided", "还有 " + open + " 件异议未处理");
    }
    Map<String, Line> lines = entries(n.id());
    for (Map<String, Object> o : objs) {
      if ("upheld".equals(o.get("decision"))) {
        String eid = (String) o.get("enterprise_id");
        Line l = lines.get(eid);
        lines.put(eid, new Line(eid, (String) o.get("new_class"), l.score(), l.rank(), l.ranked(),
            "异议成立：" + o.get("decision_note")));
      }
    }
    List<Line> out = new ArrayList<>(lines.values());
    long id = write(ch, "evaluation-publish", z + " " + s.id() + " " + y + ": published, " + out.size() + " firms",
        out.size(), (c, k) -> insertList(c, k, ch, z, s.id(), y, 1, "published", n.noticeFrom(), n.noticeTo(), ch.reason(), out));
    return Map.of("list", id, "state", "published", "revision", 1);
  }

  /** A class change to a published list. */
  public record Correction(String enterprise, String cls) {}

  /** Corrects a published list: a new revision with the reason and its author; the earlier ones stay. */
  public Map<String, Object> revise(Change ch, String zone, String schemeId, Integer year, String reason,
      List<Correction> changes) throws SQLException {
    officer(ch.role());
    EfficiencyData d = efficiency.data();
    Scheme s = efficiency.scheme(schemeId);
    int y = efficiency.year(d, year);
    String z = requiredZone(d, zone);
    String why = text(reason, "reason", true);
    if (changes.isEmpty()) {
      throw ApiError.badParam("changes", "name at least one firm and its new class");
    }
    List<ListRow> lists = lists(z, s.id(), y);
    ListRow last = lists.isEmpty() ? null : lists.get(lists.size() - 1);
    if (last == null || !last.state().equals("published")) {
      throw conflict("only a published list is revised; the " + y + " list of " + z + " is "
          + (last == null ? "a draft" : "on notice"), "只有已公布的名单才能修订");
    }
    Map<String, Line> lines = entries(last.id());
    Set<String> seen = new TreeSet<>();
    for (int i = 0; i < changes.size(); i++) {
      Correction k = changes.get(i);
      String at = "changes[" + i + "]";
      String eid = enterpriseOf(k.enterprise(), z, at + ".enterprise");
      if (!seen.add(eid)) {
        throw ApiError.badParam(at + ".enterprise", "names a firm twice");
      }
      if (k.cls() != null && !s.classify().classes().contains(k.cls())) {
        throw ApiError.badParam(at + ".class", "must be one of " + s.classify().classes() + " or null (no class), got '" + k.cls() + "'");
      }
      Line l = lines.get(eid);
      if (l != null && java.util.Objects.equals(l.cls(), k.cls())) {
        throw ApiError.badParam(at + ".class", "is the class the firm already has (" + k.cls() + ")");
      }
      lines.put(eid, new Line(eid, k.cls(), l == null ? Double.NaN : l.score(), l == null ? 0 : l.rank(),
          l == null ? 0 : l.ranked(), "修订第" + (last.revision() + 1) + "版：" + why));
    }
    List<Line> out = new ArrayList<>(lines.values());
    int rev = last.revision() + 1;
    Change withReason = ch.reason() == null ? new Change(ch.username(), ch.role(), ch.op(), ch.collection(), why,
        ch.requestId(), ch.ifMatch(), ch.client(), ch.at()) : ch;
    long id = write(withReason, "evaluation-revise", z + " " + s.id() + " " + y + ": revision " + rev + ", "
        + changes.size() + " firm(s) changed", changes.size(),
        (c, k) -> insertList(c, k, withReason, z, s.id(), y, rev, "published", last.noticeFrom(), last.noticeTo(), why, out));
    return Map.of("list", id, "state", "published", "revision", rev);
  }

  // ------------------------------------------------------------------------------------ audit

  private static final java.util.regex.Pattern SUMMARY = java.util.regex.Pattern.compile(
      "(\\S+) (\\S+) (\\d+): (.*)");
  private static final java.util.regex.Pattern ITEM = java.util.regex.Pattern.compile("(\\S+) (\\d+): (\\S+)");
  private static final java.util.regex.Pattern DECISION = java.util.regex.Pattern.compile("objection (\\d+) (upheld|rejected)");
  private static final java.util.regex.Pattern NOTICE = java.util.regex.Pattern.compile("(\\d+) firms on notice (\\S+) to (\\S+)");
  private static final java.util.regex.Pattern OBJECTION = java.util.regex.Pattern.compile("objection by (\\S+)");
  private static final java.util.regex.Pattern PUBLISHED = java.util.regex.Pattern.compile("published, (\\d+) firms");
  private static final java.util.regex.Pattern REVISED = java.util.regex.Pattern.compile("revision (\\d+), (\\d+) firm\\(s\\) changed");

  /**
   * A change record's summary of an evaluation step in the reader's words: the summaries are
   * written with codes (zone, scheme, firm, item) so they stay true when names change, and are
   * worded here for the audit trail. Null when the summary is of no known form.
   */
  public String describe(String op, String summary, String lang) {
    boolean en = "en".equals(lang);
    EfficiencyData d;
    try {
      d = efficiency.data();
    } catch (SQLException e) {
      return null;
    }
    java.util.regex.Matcher m;
    if (op.startsWith("evaluation-item")) {
      if (!(m = ITEM.matcher(summary)).matches()) {
        return null;
      }
      String item = knownItemsWords(en).getOrDefault(m.group(3), m.group(3));
      return en ? firm(d, m.group(1), true) + ", " + m.group(2) + ": " + item
          : firm(d, m.group(1), false) + "，" + m.group(2) + "年：" + item;
    }
    if (op.equals("evaluation-decision")) {
      m = DECISION.matcher(summary);
      if (!m.matches()) {
        return null;
      }
      boolean up = m.group(2).equals("upheld");
      return en ? "objection no. " + m.group(1) + " " + m.group(2) : "第" + m.group(1) + "号异议：" + (up ? "异议成立" : "异议不成立");
    }
    if (!(m = SUMMARY.matcher(summary)).matches()) {
      return null;
    }
    EfficiencyData.GroupName g = d.groups.get(m.group(1));
    String zone = g == null ? m.group(1) : en ? g.nameEn() : g.nameZh();
    String scheme = efficiency.schemes().get(m.group(2)).map(x -> en ? x.nameEn() : x.nameZh()).orElse(m.group(2));
    String head = en ? zone + ", " + m.group(3) + ", " + scheme + ": " : zone + " " + m.group(3) + "年（" + scheme + "）：";
    String rest = m.group(4);
    java.util.regex.Matcher r;
    if ((r = NOTICE.matcher(rest)).matches()) {
      return head + (en ? r.group(1) + " firms on public notice " + r.group(2) + " to " + r.group(3)
          : "公示 " + r.group(1) + " 家企业（" + r.group(2) + " 至 " + r.group(3) + "）");
    }
    if ((r = OBJECTION.matcher(rest)).matches()) {
      return head + (en ? "objection by " + firm(d, r.group(1), true) : firm(d, r.group(1), false) + " 提出异议");
    }
    if ((r = PUBLISHED.matcher(rest)).matches()) {
      return head + (en ? "list of " + r.group(1) + " firms published" : "正式公布 " + r.group(1) + " 家企业名单");
    }
    if ((r = REVISED.matcher(rest)).matches()) {
      return head + (en ? "revision " + r.group(1) + ", " + r.group(2) + " firm(s) changed"
          : "第 " + r.group(1) + " 版修订，更正 " + r.group(2) + " 家企业");
    }
    return null;
  }

  private static String firm(EfficiencyData d, String id, boolean en) {
    Integer i = d.enterpriseIndex.get(id);
    return i == null ? id : en ? d.enterprises.get(i).nameEn() : d.enterprises.get(i).nameZh();
  }

  private Map<String, String> knownItemsWords(boolean en) {
    Map<String, String> m = new LinkedHashMap<>();
    for (Scheme s : efficiency.schemes().all()) {
      s.evaluation().adjustments().forEach(a -> m.putIfAbsent(a.code(), en ? a.nameEn() : a.nameZh()));
      s.evaluation().exemptions().forEach(a -> m.putIfAbsent(a.code(), en ? a.nameEn() : a.nameZh()));
    }
    return m;
  }

  // ------------------------------------------------------------------------------------ items

  /** Every code some scheme knows, so an item recorded under one scheme is not refused under another. */
  private Map<String, String> knownItems() {
    Map<String, String> m = new LinkedHashMap<>();
    for (Scheme s : efficiency.schemes().all()) {
      s.evaluation().adjustments().forEach(a -> m.putIfAbsent(a.code(), a.nameZh()));
      s.evaluation().exemptions().forEach(a -> m.putIfAbsent(a.code(), a.nameZh()));
    }
    return m;
  }

  /** Records a bonus, penalty or exemption item against a firm for a year. */
  public Map<String, Object> addItem(Change ch, String enterprise, int year, String code, String note) throws SQLException {
    officer(ch.role());
    Map<String, String> known = knownItems();
    if (code == null || !known.containsKey(code)) {
      throw ApiError.badParam("code", "must be one of " + known.keySet() + ", got '" + code + "'");
    }
    String note1 = text(note, "note", false);
    String eid = enterpriseOf(enterprise, null);
    write(ch, "evaluation-item", eid + " " + year + ": " + code, 1, (c, k) -> {
      try (PreparedStatement ps = c.prepareStatement(store.sql("enterprise_item_insert"))) {
        ps.setString(1, eid);
        ps.setInt(2, year);
        ps.setString(3, code);
        text(ps, 4, note1);
        text(ps, 5, ch.username());
        ps.setObject(6, Versions.timestamp(ch.at()));
        ps.setLong(7, k);
        ps.executeUpdate();
        return 0L;
      }
    });
    return Map.of("enterprise", eid, "year", year, "code", code);
  }

  /** Removes an item; the change record keeps who removed it and why. */
  public Map<String, Object> removeItem(Change ch, String enterprise, int year, String code) throws SQLException {
    officer(ch.role());
    String eid = enterpriseOf(enterprise, null);
    write(ch, "evaluation-item-remove", eid + " " + year + ": " + code, 1, (c, k) -> {
      try (PreparedStatement ps = c.prepareStatement(store.sql("enterprise_item_delete"))) {
        ps.setString(1, eid);
        ps.setInt(2, year);
        ps.setString(3, code);
        if (ps.executeUpdate() == 0) {
          throw ApiError.notFound("no item '" + code + "' recorded against that firm for " + year);
        }
        return 0L;
      }
    });
    return Map.of("enterprise", eid, "year", year, "code", code, "removed", true);
  }

  /** The items recorded against a firm, with their names in both languages. */
  public List<Map<String, Object>> items(Role role, String enterprise) throws SQLException {
    officer(role);
    String eid = enterpriseOf(enterprise, null);
    Map<String, Scheme.Adjustment> adj = new HashMap<>();
    Map<String, Scheme.Exemption> ex = new HashMap<>();
    for (Scheme s : efficiency.schemes().all()) {
      s.evaluation().adjustments().forEach(a -> adj.putIfAbsent(a.code(), a));
      s.evaluation().exemptions().forEach(a -> ex.putIfAbsent(a.code(), a));
    }
    List<Map<String, Object>> out = new ArrayList<>();
    try (Connection c = store.readConnection(); PreparedStatement ps = c.prepareStatement(store.sql("enterprise_items_of"))) {
      ps.setString(1, eid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Map<String, Object> m = new LinkedHashMap<>();
          String code = rs.getString(2);
          m.put("year", rs.getInt(1));
          m.put("code", code);
          Scheme.Adjustment a = adj.get(code);
          Scheme.Exemption x = ex.get(code);
          m.put("kind", a != null ? (a.points() >= 0 ? "bonus" : "penalty") : "exemption");
          m.put("name_zh", a != null ? a.nameZh() : x != null ? x.nameZh() : code);
          m.put("name_en", a != null ? a.nameEn() : x != null ? x.nameEn() : code);
          m.put("points", a == null ? null : a.points());
          m.put("note", rs.getString(3));
          m.put("author", rs.getString(4));
          m.put("at", String.valueOf(rs.getObject(5)));
          out.add(m);
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------------------------------ storage

  /** One line of a list about to be frozen. */
  record Line(String enterpriseId, String cls, double score, int rank, int ranked, String note) {}

  @FunctionalInterface
  private interface Work {
    long run(Connection c, long changeId) throws SQLException;
  }

  /** Runs one write with its change record and a new data version, in one transaction. */
  private long write(Change ch, String op, String summary, int count, Work work) throws SQLException {
    try {
      return Transactions.run(store, c -> {
        long change = new ChangeLog(store, c).open(ch.withOp(op), summary, count);
        long out = work.run(c, change);
        new DataWriter(store, c).meta("data_version", System.currentTimeMillis() + "-evaluation-" + change);
        return out;
      });
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        throw conflict("someone else wrote the same list or item meanwhile: reload and try again",
            "他人刚刚提交了同一名单或事项，请刷新后重试");
      }
      throw e;
    }
  }

  private long insertList(Connection c, long change, Change ch, String zone, String scheme, int year, int revision, String state,
      LocalDate from, LocalDate to, String reason, List<Line> lines) throws SQLException {
    long id;
    try (PreparedStatement ps = c.prepareStatement(store.sql("evaluation_list_insert"), new String[] {"id"})) {
      int i = 1;
      ps.setString(i++, zone);
      ps.setString(i++, scheme);
      ps.setInt(i++, year);
      ps.setInt(i++, revision);
      ps.setString(i++, state);
      ps.setObject(i++, from);
      ps.setObject(i++, to);
      text(ps, i++, reason);
      text(ps, i++, ch.username());
      ps.setString(i++, ch.role().name());
      ps.setObject(i++, Versions.timestamp(ch.at()));
      ps.setLong(i, change);
      ps.executeUpdate();
      id = generated(ps);
    }
    try (PreparedStatement ps = c.prepareStatement(store.sql("evaluation_entry_insert"))) {
      for (Line l : lines) {
        ps.setLong(1, id);
        ps.setString(2, l.enterpriseId());
        text(ps, 3, l.cls());
        if (Double.isFinite(l.score())) {
          ps.setDouble(4, l.score());
        } else {
          ps.setNull(4, Types.DOUBLE);
        }
        ps.setInt(5, l.rank());
        ps.setInt(6, l.ranked());
        text(ps, 7, l.note());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return id;
  }

  private List<ListRow> lists(String zone, String scheme, int year) throws SQLException {
    try (Connection c = store.connection()) {
      return lists(c, zone, scheme, year);
    }
  }

  private List<ListRow> lists(Connection c, String zone, String scheme, int year) throws SQLException {
    List<ListRow> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(store.sql("evaluation_lists_of"))) {
      ps.setString(1, zone);
      ps.setString(2, scheme);
      ps.setInt(3, year);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new ListRow(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getObject(4, LocalDate.class),
              rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getString(8), rs.getObject(9)));
        }
      }
    }
    return out;
  }

  private Map<String, Line> entries(long listId) throws SQLException {
    Map<String, Line> out = new LinkedHashMap<>();
    try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(store.sql("evaluation_entries_of"))) {
      ps.setLong(1, listId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          double score = rs.getDouble(3);
          out.put(rs.getString(1), new Line(rs.getString(1), rs.getString(2), rs.wasNull() ? Double.NaN : score,
              rs.getInt(4), rs.getInt(5), rs.getString(6)));
        }
      }
    }
    return out;
  }

  private List<Map<String, Object>> objections(long listId, EfficiencyData d) throws SQLException {
    List<Map<String, Object>> out = new ArrayList<>();
    try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(store.sql("evaluation_objections_of"))) {
      ps.setLong(1, listId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Map<String, Object> m = new LinkedHashMap<>();
          String eid = rs.getString(2);
          m.put("id", rs.getLong(1));
          m.put("enterprise_id", eid);
          Integer i = d.enterpriseIndex.get(eid);
          m.put("enterprise_name_zh", i == null ? eid : d.enterprises.get(i).nameZh());
          m.put("enterprise_name_en", i == null ? eid : d.enterprises.get(i).nameEn());
          m.put("filed_on", String.valueOf(rs.getObject(3, LocalDate.class)));
          m.put("ground", rs.getString(4));
          m.put("recorded_by", rs.getString(5));
          m.put("decision", rs.getString(7));
          m.put("new_class", rs.getString(8));
          m.put("decision_note", rs.getString(9));
          m.put("decided_by", rs.getString(10));
          out.add(m);
        }
      }
    }
    return out;
  }

  /** An enterprise named by id or credit code; with a zone, it must be that zone's. */
  private String enterpriseOf(String name, String zone) throws SQLException {
    return enterpriseOf(name, zone, "enterprise");
  }

  private String enterpriseOf(String name, String zone, String field) throws SQLException {
    if (name == null || name.isBlank()) {
      throw ApiError.badParam(field, "is required: the firm's id or 统一社会信用代码");
    }
    try (Connection c = store.readConnection(); PreparedStatement ps = c.prepareStatement(store.sql("evaluation_enterprise"))) {
      ps.setString(1, name.strip());
      ps.setString(2, name.strip());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new ApiError(400, "InvalidParameterValue", field, field + ": no enterprise '" + name + "'",
              Map.of("description_zh", "找不到该企业"));
        }
        if (zone != null && !zone.equals(rs.getString(2))) {
          throw new ApiError(400, "InvalidParameterValue", field, field + ": '" + name + "' is not a firm of this zone",
              Map.of("description_zh", "该企业不属于本开发区"));
        }
        return rs.getString(1);
      }
    }
  }

  private static String requiredZone(EfficiencyData d, String zone) {
    if (zone == null || zone.isBlank()) {
      throw ApiError.badParam("zone", "is required: the evaluation is per zone (zones: " + String.join(", ", d.zones()) + ")");
    }
    if (!d.zones().contains(zone)) {
      throw ApiError.badParam("zone", "unknown zone '" + zone + "'; zones: " + String.join(", ", d.zones()));
    }
    return zone;
  }

  /** 401 for a guest (who may sign in), 403 for a role that may not: the same answers as every other write. */
  static void officer(Role role) {
    if (role == Role.anonymous) {
      throw new ApiError(401, "Unauthorized", null, "the annual evaluation is run by land officers and administrators: sign in",
          Map.of("description_zh", "年度评价由国土（自然资源）部门人员和管理员办理，请先登录"));
    }
    if (!role.seesConfidential()) {
      throw new ApiError(403, "Forbidden", null, "the annual evaluation is run by land officers and administrators",
          Map.of("description_zh", "年度评价由国土（自然资源）部门人员和管理员办理，请以相应身份登录"));
    }
  }

  private static ApiError conflict(String en, String zh) {
    return new ApiError(409, "Conflict", null, en, Map.of("description_zh", zh));
  }

  private static String text(String v, String field, boolean required) {
    if (v == null || v.isBlank()) {
      if (required) {
        throw ApiError.badParam(field, "is required");
      }
      return null;
    }
    String s = v.strip();
    if (s.length() > MAX_TEXT) {
      throw ApiError.badParam(field, "must be at most " + MAX_TEXT + " characters");
    }
    return s;
  }

  private static void text(PreparedStatement ps, int i, String v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.VARCHAR);
    } else {
      ps.setString(i, v);
    }
  }

  private static long generated(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.getGeneratedKeys()) {
      if (!rs.next()) {
        throw new SQLException("the store returned no id for the new row");
      }
      return rs.getLong(1);
    }
  }
}
