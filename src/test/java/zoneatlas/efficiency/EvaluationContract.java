package zoneatlas.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import zoneatlas.auth.Role;
import zoneatlas.efficiency.EfficiencyResult.EnterpriseResult;
import zoneatlas.history.Change;
import zoneatlas.http.ApiError;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestServer;

/**
 * The annual evaluation on each store, as a land office runs it over one year: the draft list goes
 * to 公示 frozen, objections are filed within the period and decided, the list is published with the
 * upheld ones applied, stays unchanged when new figures are imported, and is corrected only by a new
 * revision with its reason and author, every revision kept. Days pass on a clock the test moves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class EvaluationContract {
  /** A writable copy of the demo store: the test writes lists and figures into it. */
  abstract SqlStore store();

  /** A clock the test moves forward a day at a time. */
  static final class TestClock extends Clock {
    volatile Instant now = Instant.parse("2026-03-02T02:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      TestClock c = this;
      return new Clock() {
        @Override
        public ZoneId getZone() {
          return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
          return c.withZone(z);
        }

        @Override
        public Instant instant() {
          return c.now;
        }
      };
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  SqlStore store;
  TestServer server;
  EfficiencyService eff;
  Evaluations ev;
  final TestClock clock = new TestClock();
  String zone;
  String scheme;
  int year;
  Map<String, String> noticed;
  List<String> firms;

  @BeforeAll
  void start() throws Exception {
    store = store();
    server = new TestServer(store);
    eff = server.services.efficiency;
    ev = new Evaluations(store, eff, clock);
    EfficiencyResult r = eff.official(null, null);
    scheme = r.scheme.id();
    year = r.year;
    // the zone with the most classed firms
    zone = r.enterprises.stream().filter(e -> e.cls() != null && e.enterprise().zone() != null)
        .collect(Collectors.groupingBy(e -> e.enterprise().zone(), Collectors.counting()))
        .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  Change as(Role role, String reason) {
    return new Change(role.name(), role, "x", Evaluations.COLLECTION, reason, "test-" + System.nanoTime(), false, "test",
        clock.instant());
  }

  Map<String, String> classesOfZone() throws SQLException {
    Map<String, String> m = new HashMap<>();
    for (EnterpriseResult e : eff.official(scheme, year).enterprises) {
      if (zone.equals(e.enterprise().zone()) && e.cls() != null) {
        m.put(e.enterprise().id(), e.cls());
      }
    }
    return m;
  }

  interface Call {
    Object run() throws Exception;
  }

  static ApiError refused(Call c) {
    return assertThrows(ApiError.class, c::run);
  }

  @Test
  @Order(1)
  void onlyOfficersRunTheEvaluation() throws Exception {
    assertEquals("draft", ev.state(Role.anonymous, zone, scheme, year).get("state"));
    for (Role r : List.of(Role.anonymous, Role.prospect, Role.planner)) {
      int want = r == Role.anonymous ? 401 : 403;
      assertEquals(want, refused(() -> ev.notice(as(r, null), zone, scheme, year, null)).status, r.name());
      assertEquals(want, refused(() -> ev.addItem(as(r, null), "x", year, "high_tech", null)).status, r.name());
    }
    assertEquals("zone", refused(() -> ev.notice(as(Role.land_officer, null), null, scheme, year, null)).parameter);
    assertEquals("notice_from", refused(() -> ev.notice(as(Role.land_officer, null), zone, scheme, year,
        ev.today().minusDays(1))).parameter);
    assertEquals("draft", ev.state(Role.land_officer, zone, scheme, year).get("state"), "refusals wrote nothing");
  }

  @Test
  @Order(2)
  void theNoticeFreezesTheDraftList() throws Exception {
    Map<String, String> draft = classesOfZone();
    Map<String, Object> n = ev.notice(as(Role.land_officer, "2026年度亩均评价公示"), zone, scheme, year, null);
    assertEquals("notice", n.get("state"));
    int days = eff.scheme(scheme).evaluation().noticeDays();
    assertEquals(ev.today().plusDays(days - 1L).toString(), n.get("notice_to"));
    EfficiencyResult r = eff.official(scheme, year);
    assertTrue(r.frozen.containsKey(zone), "the zone's classes now come from the frozen list");
    assertEquals("notice", r.frozen.get(zone).state());
    noticed = classesOfZone();
    assertEquals(draft, noticed, "the list on notice is the draft as it stood");
    firms = new ArrayList<>(noticed.keySet());
    firms.sort(null);
    assertEquals(409, refused(() -> ev.notice(as(Role.admin, null), zone, scheme, year, null)).status,
        "a year goes on notice once");
  }

  @Test
  @Order(3)
  void objectionsAreFiledWithinTheNoticePeriodAndDecided() throws Exception {
    LocalDate from = LocalDate.parse((String) ev.state(Role.land_officer, zone, scheme, year).get("notice_from"));
    assertEquals("filed_on", refused(() -> ev.object(as(Role.land_officer, null), zone, scheme, year, firms.get(0),
        from.minusDays(1), "数据有误")).parameter);
    assertEquals("ground", refused(() -> ev.object(as(Role.land_officer, null), zone, scheme, year, firms.get(0),
        null, " ")).parameter);
    assertEquals("enterprise", refused(() -> ev.object(as(Role.land_officer, null), zone, scheme, year, "no-such-firm",
        null, "数据有误")).parameter);
    ev.object(as(Role.land_officer, null), zone, scheme, year, firms.get(0), null, "税收数据漏报一笔");
    ev.object(as(Role.land_officer, null), zone, scheme, year, firms.get(1), null, "用地面积计算有误");
    assertEquals(409, refused(() -> ev.publish(as(Role.land_officer, null), zone, scheme, year)).status,
        "not before the notice period is over");
    clock.now = clock.now.plus(Duration.ofDays(eff.scheme(scheme).evaluation().noticeDays()));
    assertEquals(409, refused(() -> ev.publish(as(Role.land_officer, null), zone, scheme, year)).status,
        "not while objections are undecided");
    assertEquals("filed_on", refused(() -> ev.object(as(Role.land_officer, null), zone, scheme, year, firms.get(2),
        null, "逾期")).parameter, "the period is over");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> objs = (List<Map<String, Object>>) ev.state(Role.land_officer, zone, scheme, year).get("objections");
    assertEquals(2, objs.size());
    long first = (Long) objs.get(0).get("id");
    long second = (Long) objs.get(1).get("id");
    assertEquals("new_class", refused(() -> ev.decide(as(Role.land_officer, null), first, "upheld", null, "核实")).parameter);
    assertEquals("decision", refused(() -> ev.decide(as(Role.land_officer, null), first, "maybe", null, "核实")).parameter);
    String other = eff.scheme(scheme).classify().classes().stream().filter(c -> !c.equals(noticed.get(firms.get(0))))
        .findFirst().orElseThrow();
    ev.decide(as(Role.land_officer, null), first, "upheld", other, "补报税收后核实，异议成立");
    ev.decide(as(Role.land_officer, null), second, "rejected", null, "面积按不动产登记核定，异议不成立");
    assertEquals(409, refused(() -> ev.decide(as(Role.land_officer, null), second, "upheld", other, "再议")).status,
        "a decision is final");
    assertEquals(true, ev.state(Role.land_officer, zone, scheme, year).get("can_publish"));
    assertTrue(!ev.state(Role.planner, zone, scheme, year).containsKey("objections"), "objections are for officers");
  }

  @Test
  @Order(4)
  void thePublishedListIsTheNoticedOneWithUpheldObjections() throws Exception {
    Map<String, Object> p = ev.publish(as(Role.land_officer, null), zone, scheme, year);
    assertEquals(1, p.get("revision"));
    Map<String, String> published = classesOfZone();
    Map<String, String> expected = new HashMap<>(noticed);
    String other = eff.scheme(scheme).classify().classes().stream().filter(c -> !c.equals(noticed.get(firms.get(0))))
        .findFirst().orElseThrow();
    expected.put(firms.get(0), other);
    assertEquals(expected, published);
    assertEquals("published", ev.state(Role.anonymous, zone, scheme, year).get("state"));
    assertEquals(409, refused(() -> ev.publish(as(Role.land_officer, null), zone, scheme, year)).status);
    assertEquals(409, refused(() -> ev.object(as(Role.land_officer, null), zone, scheme, year, firms.get(2), null,
        "迟到的异议")).status);
  }

  @Test
  @Order(5)
  void aPublishedYearDoesNotChangeWhenNewFiguresAreImported() throws Exception {
    Map<String, String> before = classesOfZone();
    String probe = firms.get(3);
    double taxBefore = eff.official(scheme, year).enterprise(probe).orElseThrow().value(Indicator.TAX_PER_MU);
    try (Connection c = store.connection(); Statement st = c.createStatement();
        PreparedStatement ps = c.prepareStatement("UPDATE enterprise_figures SET tax_wan = COALESCE(tax_wan, 0) * 7 + 50"
            + " WHERE year = ? AND enterprise_id IN (SELECT id FROM enterprises WHERE zone = ?)")) {
      ps.setInt(1, year);
      ps.setString(2, zone);
      assertTrue(ps.executeUpdate() > 0);
      st.executeUpdate("UPDATE meta SET val = 'figures-reimported' WHERE name = 'data_version'");
    }
    double taxAfter = eff.official(scheme, year).enterprise(probe).orElseThrow().value(Indicator.TAX_PER_MU);
    assertNotEquals(taxBefore, taxAfter, "the new figures are read");
    assertEquals(before, classesOfZone(), "the published classes are not");
  }

  @Test
  @Order(6)
  void aCorrectionIsANewRevisionWithItsReasonAndAuthor() throws Exception {
    String firm = firms.get(4);
    String was = classesOfZone().get(firm);
    String to = eff.scheme(scheme).classify().classes().stream().filter(c -> !c.equals(was)).findFirst().orElseThrow();
    List<Evaluations.Correction> one = List.of(new Evaluations.Correction(firm, to));
    assertEquals("reason", refused(() -> ev.revise(as(Role.land_officer, null), zone, scheme, year, " ", one)).parameter);
    assertEquals("changes[0].class", refused(() -> ev.revise(as(Role.land_officer, null), zone, scheme, year, "更正",
        List.of(new Evaluations.Correction(firm, "Z")))).parameter);
    assertEquals(403, refused(() -> ev.revise(as(Role.planner, null), zone, scheme, year, "更正", one)).status);
    Map<String, String> before = classesOfZone();
    assertEquals(2, ev.revise(as(Role.admin, null), zone, scheme, year, "税务部门更正2026年度入库税收", one).get("revision"));
    Map<String, String> after = classesOfZone();
    Map<String, String> expected = new HashMap<>(before);
    expected.put(firm, to);
    assertEquals(expected, after);
    Map<String, Object> st = ev.state(Role.land_officer, zone, scheme, year);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> lists = (List<Map<String, Object>>) st.get("lists");
    assertEquals(List.of(0, 1, 2), lists.stream().map(l -> l.get("revision")).toList());
    assertEquals("税务部门更正2026年度入库税收", lists.get(2).get("reason"));
    assertEquals("admin", lists.get(2).get("author"));
    // revision 1 is kept as it was
    try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(
        "SELECT e.class FROM evaluation_entries e JOIN evaluation_lists l ON l.id = e.list_id"
            + " WHERE l.zone = ? AND l.scheme = ? AND l.year = ? AND l.revision = 1 AND e.enterprise_id = ?")) {
      ps.setString(1, zone);
      ps.setString(2, scheme);
      ps.setInt(3, year);
      ps.setString(4, firm);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(was, rs.getString(1));
      }
    }
  }

  @Test
  @Order(7)
  void frozenListsAndTheirTrailCannotBeRewritten() throws Exception {
    for (String sql : List.of("UPDATE evaluation_entries SET class = 'A'", "DELETE FROM evaluation_lists",
        "UPDATE evaluation_decisions SET decision = 'upheld'")) {
      try (Connection c = store.connection(); Statement st = c.createStatement()) {
        assertThrows(SQLException.class, () -> st.executeUpdate(sql), sql);
      }
    }
    try (Connection c = store.connection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT op, count(*) FROM changes WHERE collection = 'efficiency' GROUP BY op")) {
      Map<String, Integer> ops = new HashMap<>();
      while (rs.next()) {
        ops.put(rs.getString(1), rs.getInt(2));
      }
      assertEquals(Map.of("evaluation-notice", 1, "evaluation-objection", 2, "evaluation-decision", 2,
          "evaluation-publish", 1, "evaluation-revise", 1), ops, "one change record per write, none for refusals");
    }
  }

  @Test
  @Order(8)
  void bonusPenaltyAndExemptionItemsMoveADraftYear() throws Exception {
    // another zone, still a draft
    EfficiencyResult r = eff.official(scheme, year);
    Scheme s = eff.scheme(scheme);
    String cap = s.evaluation().adjustments().stream().filter(a -> a.capClass() != null).findFirst().orElseThrow().code();
    String capClass = s.evaluation().adjustment(cap).orElseThrow().capClass();
    EnterpriseResult target = r.enterprises.stream()
        .filter(e -> e.cls() != null && !zone.equals(e.enterprise().zone()) && e.status() == Status.evaluated
            && s.classify().classes().indexOf(e.cls()) < s.classify().classes().indexOf(capClass))
        .findFirst().orElseThrow();
    String id = target.enterprise().id();
    assertEquals("code", refused(() -> ev.addItem(as(Role.land_officer, null), id, year, "no_such_item", null)).parameter);
    ev.addItem(as(Role.land_officer, null), target.enterprise().uscc(), year, cap, "2026年6月较大生产安全事故");
    EnterpriseResult capped = eff.official(scheme, year).enterprise(id).orElseThrow();
    assertEquals(capClass, capped.cls(), "一票否决 caps the class");
    assertEquals(List.of(cap), capped.adjustments());
    assertEquals(1, ev.items(Role.land_officer, id).size());
    assertEquals(409, refused(() -> ev.addItem(as(Role.land_officer, null), id, year, cap, null)).status, "recorded once");
    ev.removeItem(as(Role.land_officer, "事故认定撤销"), id, year, cap);
    assertEquals(target.cls(), eff.official(scheme, year).enterprise(id).orElseThrow().cls());
    String exempt = s.evaluation().exemptions().get(0).code();
    ev.addItem(as(Role.land_officer, null), id, year, exempt, null);
    EnterpriseResult ex = eff.official(scheme, year).enterprise(id).orElseThrow();
    assertEquals(Status.exempt_recorded, ex.status());
    assertEquals(s.scope().exemptClass(), ex.cls());
    assertTrue(Objects.equals(0, ex.rank()), "an exempt firm is not ranked");
  }
}
