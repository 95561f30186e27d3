package zoneatlas.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import zoneatlas.auth.Role;
import zoneatlas.efficiency.Disclosure.Why;
import zoneatlas.geo.Geodesy;
import zoneatlas.model.Enterprise;
import zoneatlas.model.LandUse;
import zoneatlas.model.Parcel;
import zoneatlas.model.YearFigures;

/**
 * Each suppression rule of {@link Disclosure} on a world small enough to reason about by hand, in
 * memory (no store, no server): primary (1 or 2 contributors per figure, zeros and unreported
 * figures counted per figure), complementary (the smallest published part withheld, else the cell
 * itself), groups that straddle, industrial-only roll-ups, drawn areas, and what each role sees.
 * The attacker's test over the whole demo data is {@link DisclosureContract}; this one pins the
 * rules one at a time, which is what mutation testing asks of them (docs/mutation.md).
 */
class DisclosureRulesTest {
  private static final int YEAR = 2024;
  private static final Scheme SCHEME = Schemes.load().defaultScheme();
  private static final String IND = "100101";
  private static final String HOUSING = "070101";

  /** A world: parcels with their zone, board, park and small-micro park, firms on them, figures. */
  private static final class World {
    final List<Parcel> parcels = new ArrayList<>();
    final List<Enterprise> ents = new ArrayList<>();
    final List<LandUse> links = new ArrayList<>();
    final List<YearFigures> figs = new ArrayList<>();

    World parcel(String id, String zone, String board, String park, String smallMicro, String landUse) {
      double mu = 10;
      double m2 = mu * Geodesy.M2_PER_MU;
      parcels.add(new Parcel(id, zone, board, park, smallMicro, landUse, "用地", "in_use", m2, mu, 1.2 * m2, 1.2, 0.45, 1.0, 0.3,
          300, 20, 2010, 2010, null));
      return this;
    }

    /** Firms on one parcel, sharing its ownership equally, each reporting every figure (not zero). */
    World firms(String parcel, String... ids) {
      for (String id : ids) {
        firm(parcel, 1.0 / ids.length, id, full(id));
      }
      return this;
    }

    World firm(String parcel, double share, String id, YearFigures f) {
      ents.add(new Enterprise(id, "U" + id, "企业" + id, "Firm " + id, "z", null, "测试", "规上", 2010, true, null));
      links.add(new LandUse(id, parcel, LandUse.OWNER, share, null));
      if (f != null) {
        figs.add(f);
      }
      return this;
    }

    EfficiencyResult result() {
      return EfficiencyEngine.compute(new EfficiencyData("t", parcels, ents, links, figs, Map.of()), SCHEME, YEAR);
    }

    Disclosure decide() {
      return Disclosure.decide(result(), 3);
    }
  }

  static YearFigures full(String id) {
    return new YearFigures(id, YEAR, 10.0, 40.0, 12.0, 5.0, 20, 1.0, 100.0, 0.5);
  }

  static YearFigures withoutRnd(String id) {
    return new YearFigures(id, YEAR, 10.0, 40.0, 12.0, 5.0, 20, null, 100.0, 0.5);
  }

  static YearFigures onlyRnd(String id) {
    return new YearFigures(id, YEAR, null, null, null, null, null, 1.0, null, null);
  }

  private static Why why(Disclosure d, String parcel) {
    return d.whyParcel(d.parcelIndex(parcel));
  }

  @Test
  void aParcelOfOneOrTwoFirmsIsWithheldAndOneOfThreeOrOfNoneIsPublished() {
    World w = new World().parcel("P1", "z", "b", null, null, IND).parcel("P2", "z", "b", null, null, IND)
        .parcel("P3", "z", "b", null, null, IND).parcel("P4", "z", "b", null, null, IND)
        .firms("P1", "A", "B", "C").firms("P2", "D", "E").firms("P3", "F");
    Disclosure d = w.decide();
    assertEquals(3, d.minGroup());
    assertEquals(Why.published, why(d, "P1"));
    assertTrue(d.parcel(d.parcelIndex("P1")));
    assertEquals(Why.few, why(d, "P2"));
    assertFalse(d.parcel(d.parcelIndex("P2")));
    assertEquals(Why.few, why(d, "P3"));
    assertEquals(Why.published, why(d, "P4"));
    // the board less P1 rests on D, E and F: three firms, so board and zone are published
    assertEquals(Why.published, d.whyGroup(Level.core_board, "b"));
    assertTrue(d.group(Level.core_board, "b"));
    assertTrue(d.group(Level.zone, "z"));
    // a parcel without contributors has nothing to withhold and is not counted as withheld
    assertEquals(Map.of("few", 2), d.withheldCounts());
    assertEquals(d.result(), d.result());
  }

  @Test
  void aLeastGroupBelowOneMeansOneAndOneMeansEverythingIsPublished() {
    World w = new World().parcel("P1", "z", "b", null, null, IND).firms("P1", "A");
    assertEquals(1, Disclosure.decide(w.result(), 0).minGroup());
    assertEquals(1, Disclosure.decide(w.result(), -5).minGroup());
    Disclosure d = Disclosure.decide(w.result(), 1);
    assertEquals(Why.published, why(d, "P1"));
    assertEquals(Map.of(), d.withheldCounts());
    Disclosure two = Disclosure.decide(w.result(), 2);
    assertEquals(2, two.minGroup());
    assertEquals(Why.few, why(two, "P1"));
  }

  @Test
  void threeFirmsOfWhichTwoReportZeroAreOneRealValue() {
    // a zero total of one or two firms is theirs, and two real values among zeros let each subtract its own
    World w = new World().parcel("P1", "z", "b", null, null, IND)
        .firm("P1", 0.3, "A", full("A"))
        .firm("P1", 0.3, "B", new YearFigures("B", YEAR, 0.0, 40.0, 12.0, 5.0, 20, 1.0, 100.0, 0.5))
        .firm("P1", 0.3, "C", new YearFigures("C", YEAR, 0.0, 40.0, 12.0, 5.0, 20, 1.0, 100.0, 0.5));
    assertEquals(Why.few, why(w.decide(), "P1"));
    World all = new World().parcel("P1", "z", "b", null, null, IND).firms("P1", "A", "B", "C");
    assertEquals(Why.published, why(all.decide(), "P1"));
  }

  @Test
  void eachFigureCountsItsOwnReporters() {
    // three firms report tax, only one reports R&D: the R&D total would be that firm's
    World w = new World().parcel("P1", "z", "b", null, null, IND)
        .firm("P1", 0.3, "A", full("A")).firm("P1", 0.3, "B", withoutRnd("B")).firm("P1", 0.3, "C", withoutRnd("C"));
    assertEquals(Why.few, why(w.decide(), "P1"));
    // three firms that each report nothing but R&D are three contributors of R&D and of nothing else
    World rnd = new World().parcel("P1", "z", "b", null, null, IND)
        .firm("P1", 0.3, "A", onlyRnd("A")).firm("P1", 0.3, "B", onlyRnd("B")).firm("P1", 0.3, "C", onlyRnd("C"));
    assertEquals(Why.published, why(rnd.decide(), "P1"));
  }

  @Test
  void aFirmThatReportedAnEmptyFormIsNoContributor() {
    YearFigures empty = new YearFigures("X", YEAR, null, null, null, null, null, null, null, null);
    World w = new World().parcel("P1", "z", "b", null, null, IND).parcel("P2", "z", "b", null, null, IND)
        .parcel("P3", "z", "b", null, null, IND)
        .firm("P1", 0.5, "A", full("A")).firm("P1", 0.5, "X", empty)
        .firms("P2", "B").firms("P3", "C");
    Disclosure d = w.decide();
    assertEquals(Why.few, why(d, "P1"));
    // the board's remainder is A, B and C: three
    assertEquals(Why.published, d.whyGroup(Level.core_board, "b"));
    // counted as a withheld cell by its one real contributor; an empty form alone would not count
    assertEquals(Map.of("few", 3), d.withheldCounts());
    World four = new World().parcel("P1", "z", "b", null, null, IND)
        .firm("P1", 0.25, "A", full("A")).firm("P1", 0.25, "X", empty)
        .firm("P1", 0.25, "B", full("B")).firm("P1", 0.25, "C", full("C"));
    assertEquals(Why.published, why(four.decide(), "P1"));
    World alone = new World().parcel("P1", "z", "b", null, null, IND).firm("P1", 1, "X", empty);
    assertEquals(Map.of(), alone.decide().withheldCounts());
  }

  @Test
  void aPublishedPartIsWithheldWhenTheRestOfItsParentRestsOnTwoFirms() {
    // board b = park k1 (P1: A B, P1b: C) + park k2 (D, E): b less k1 would be D and E
    World w = new World().parcel("P1", "z", "b", "k1", null, IND).parcel("P1b", "z", "b", "k1", null, IND)
        .parcel("P2", "z", "b", "k2", null, IND)
        .firms("P1", "A", "B").firms("P1b", "C").firms("P2", "D", "E");
    Disclosure d = w.decide();
    assertEquals(Why.few, d.whyGroup(Level.industrial_park, "k2"));
    assertEquals(Why.complementary, d.whyGroup(Level.industrial_park, "k1"));
    assertEquals(Why.published, d.whyGroup(Level.core_board, "b"));
    assertEquals(Why.published, d.whyGroup(Level.zone, "z"));
    assertEquals(Map.of("few", 4, "complementary", 1), d.withheldCounts());
  }

  @Test
  void ofThePartsThatMendTheRestTheOneWithFewestFirmsIsWithheld() {
    // b = ka (4 firms) + kz (3 firms) + kb (2 firms), parks of parcels each withheld: withholding
    // either ka or kz mends b less its published parts; kz costs less, though ka comes first
    World w = new World().parcel("P3", "z", "b", "ka", null, IND).parcel("P3b", "z", "b", "ka", null, IND)
        .parcel("P1", "z", "b", "kz", null, IND).parcel("P1b", "z", "b", "kz", null, IND)
        .parcel("P2", "z", "b", "kb", null, IND)
        .firms("P3", "G", "H").firms("P3b", "I", "J").firms("P1", "A", "B").firms("P1b", "C").firms("P2", "D", "E");
    Disclosure d = w.decide();
    assertEquals(Why.few, d.whyGroup(Level.industrial_park, "kb"));
    assertEquals(Why.complementary, d.whyGroup(Level.industrial_park, "kz"));
    assertEquals(Why.published, d.whyGroup(Level.industrial_park, "ka"));
    assertEquals(Why.published, d.whyGroup(Level.core_board, "b"));
  }

  @Test
  void whenNoPartMendsTheRestTheParentItselfIsWithheld() {
    // b = k1 (= P1: A B C, published) + P4 (D): withholding k1 would still leave P1 published, so b goes, and z
    World w = new World().parcel("P1", "z", "b", "k1", null, IND).parcel("P4", "z", "b", null, null, IND)
        .firms("P1", "A", "B", "C").firms("P4", "D");
    Disclosure d = w.decide();
    assertEquals(Why.few, why(d, "P4"));
    assertEquals(Why.published, d.whyGroup(Level.industrial_park, "k1"));
    assertEquals(Why.published, why(d, "P1"));
    assertEquals(Why.complementary, d.whyGroup(Level.core_board, "b"));
    assertEquals(Why.complementary, d.whyGroup(Level.zone, "z"));
    assertFalse(d.group(Level.zone, "z"));
    assertEquals(Map.of("few", 1, "complementary", 2), d.withheldCounts());
  }

  @Test
  void aParentWhoseOwnTotalRestsOnOneFirmIsWithheldAsFew() {
    // D alone reports R&D: b's own R&D total is D's, whatever its parts
    World w = new World().parcel("P1", "z", "b", "k1", null, IND).parcel("P4", "z", "b", null, null, IND)
        .firm("P1", 0.3, "A", withoutRnd("A")).firm("P1", 0.3, "B", withoutRnd("B")).firm("P1", 0.3, "C", withoutRnd("C"))
        .firm("P4", 1, "D", full("D"));
    Disclosure d = w.decide();
    assertEquals(Why.published, why(d, "P1"));
    assertEquals(Why.few, d.whyGroup(Level.core_board, "b"));
    assertEquals(Why.few, d.whyGroup(Level.zone, "z"));
  }

  @Test
  void aParkThatStraddlesTwoZonesIsNeverPublished() {
    World w = new World().parcel("P1", "z1", "b1", "k", null, IND).parcel("P2", "z2", "b2", "k", null, IND)
        .parcel("P3", "z1", "b1", "k1", null, IND)
        .firms("P1", "A", "B", "C").firms("P2", "D", "E", "F").firms("P3", "G", "H", "I");
    Disclosure d = w.decide();
    assertEquals(Why.structure, d.whyGroup(Level.industrial_park, "k"));
    assertFalse(d.group(Level.industrial_park, "k"));
    assertFalse(d.industrialGroup(Level.industrial_park, "k"));
    assertEquals(Map.of("structure", 1), d.withheldCounts());
    // its parcels belong to their boards instead: z1 = P1 + k1, both published, nothing left over
    assertEquals(Why.published, d.whyGroup(Level.industrial_park, "k1"));
    assertEquals(Why.published, d.whyGroup(Level.zone, "z1"));
    assertEquals(Why.published, d.whyGroup(Level.zone, "z2"));
    assertTrue(d.industrialGroup(Level.zone, "z1"));
  }

  @Test
  void aParkWithOneParcelOutsideAnyBoardStraddles() {
    World w = new World().parcel("P1", "z", "b", "k", null, IND).parcel("P2", "z", null, "k", null, IND)
        .firms("P1", "A", "B", "C").firms("P2", "D", "E", "F");
    Disclosure d = w.decide();
    assertEquals(Why.structure, d.whyGroup(Level.industrial_park, "k"));
    assertEquals(Why.published, d.whyGroup(Level.core_board, "b"));
    assertEquals(Why.published, d.whyGroup(Level.zone, "z"));
  }

  @Test
  void smallMicroParksSitInsideTheirParkAndCountInItsRemainder() {
    // k = s (P1: A B, P1b: C) + P2 (D, E): k less s would be D and E
    World w = new World().parcel("P1", "z", "b", "k", "s", IND).parcel("P1b", "z", "b", "k", "s", IND)
        .parcel("P2", "z", "b", "k", null, IND)
        .firms("P1", "A", "B").firms("P1b", "C").firms("P2", "D", "E");
    Disclosure d = w.decide();
    assertEquals(Why.complementary, d.whyGroup(Level.small_micro_park, "s"));
    assertEquals(Why.published, d.whyGroup(Level.industrial_park, "k"));
    assertEquals(Why.published, d.whyGroup(Level.core_board, "b"));
    assertEquals(List.of("P1", "P1b"), d.parcelsOfGroup(Level.small_micro_park, "s").stream().map(Parcel::id).toList());
    assertEquals(Set.of("P1", "P1b", "P2"), Set.copyOf(d.parcelsOfGroup(Level.zone, "z").stream().map(Parcel::id).toList()));
    assertEquals(List.of(), d.parcelsOfGroup(Level.zone, "nowhere"));
  }

  @Test
  void manyParcelsOfOneFirmEachAddUpToAPublishedBoard() {
    // ten parcels of one firm each: every parcel withheld, the board (ten firms) published
    World w = new World();
    for (int i = 0; i < 10; i++) {
      w.parcel("P" + i, "z", "b", null, null, IND).firms("P" + i, "F" + i);
    }
    Disclosure d = w.decide();
    for (int i = 0; i < 10; i++) {
      assertEquals(Why.few, why(d, "P" + i));
    }
    assertEquals(Why.published, d.whyGroup(Level.core_board, "b"));
    assertEquals(Why.published, d.whyGroup(Level.zone, "z"));
    assertEquals(Map.of("few", 10), d.withheldCounts());
  }

  @Test
  void anIndustrialRollUpMadeOfPublishedCellsIsPublished() {
    // z = P1 (industrial, A B C) + P2 (housing, D E F): the industrial part is P1
    World w = new World().parcel("P1", "z", "b", null, null, IND).parcel("P2", "z", "b", null, null, HOUSING)
        .firms("P1", "A", "B", "C").firms("P2", "D", "E", "F");
    Disclosure d = w.decide();
    assertTrue(d.industrialGroup(Level.zone, "z"));
    assertTrue(d.industrialGroup(Level.core_board, "b"));
  }

  @Test
  void anIndustrialRollUpIsWithheldWhenItsNonIndustrialPartIsWithheldToMendThePart() {
    // z = P1 (industrial, A B) + P3 (housing, C D E): P3 goes so that z less P3 is not A and B's
    World w = new World().parcel("P1", "z", "b", null, null, IND).parcel("P3", "z", "b", null, null, HOUSING)
        .firms("P1", "A", "B").firms("P3", "C", "D", "E");
    Disclosure d = w.decide();
    assertEquals(Why.few, why(d, "P1"));
    assertEquals(Why.complementary, why(d, "P3"));
    assertFalse(d.industrialGroup(Level.zone, "z"));
  }

  @Test
  void anIndustrialRollUpThatSplitsARemainderIntoSafePartsIsPublished() {
    // b = P1 P2 (industrial: A B, C) + P4 P5 (housing: D E, F G), each parcel withheld: the industrial
    // value cuts b's remainder into A B C and D E F G
    World w = new World().parcel("P1", "z", "b", null, null, IND).parcel("P2", "z", "b", null, null, IND)
        .parcel("P4", "z", "b", null, null, HOUSING).parcel("P5", "z", "b", null, null, HOUSING)
        .firms("P1", "A", "B").firms("P2", "C").firms("P4", "D", "E").firms("P5", "F", "G");
    Disclosure d = w.decide();
    assertEquals(Why.published, d.whyGroup(Level.core_board, "b"));
    assertTrue(d.industrialGroup(Level.zone, "z"));
    assertTrue(d.industrialGroup(Level.core_board, "b"));
    World two = new World().parcel("P1", "z", "b", null, null, IND).parcel("P2", "z", "b", null, null, IND)
        .parcel("P4", "z", "b", null, null, HOUSING)
        .firms("P1", "A", "B").firms("P2", "C").firms("P4", "D", "E");
    Disclosure d2 = two.decide();
    assertEquals(Why.published, d2.whyGroup(Level.core_board, "b"));
    assertFalse(d2.industrialGroup(Level.zone, "z"));
  }

  @Test
  void anIndustrialRollUpThatIsAPublishedCellLessPublishedNonIndustrialCellsIsPublished() {
    // b = P1 (industrial, A B) + P3 (industrial, C) + P2 (housing, D E F, published alone): the
    // industrial value is b less P2, both published
    World w = new World().parcel("P1", "z", "b", null, null, IND).parcel("P3", "z", "b", null, null, IND)
        .parcel("P2", "z", "b", null, null, HOUSING)
        .firms("P1", "A", "B").firms("P3", "C").firms("P2", "D", "E", "F");
    Disclosure d = w.decide();
    assertEquals(Why.published, why(d, "P2"));
    assertEquals(Why.published, d.whyGroup(Level.core_board, "b"));
    assertTrue(d.industrialGroup(Level.zone, "z"));
    assertTrue(d.industrialGroup(Level.core_board, "b"));
  }

  @Test
  void anIndustrialRollUpThatLeavesOneFirmInARemainderIsWithheld() {
    // b's remainder is P1 P3 (industrial, A B C) and P4 (housing, G): the industrial value would
    // single out G as the remainder less it
    World w = new World().parcel("P1", "z", "b", null, null, IND).parcel("P3", "z", "b", null, null, IND)
        .parcel("P4", "z", "b", null, null, HOUSING).parcel("P2", "z", "b", null, null, HOUSING)
        .firms("P1", "A", "B").firms("P3", "C").firms("P4", "G").firms("P2", "D", "E", "F");
    Disclosure d = w.decide();
    assertEquals(Why.published, d.whyGroup(Level.core_board, "b"));
    assertFalse(d.industrialGroup(Level.zone, "z"));
    assertFalse(d.industrialGroup(Level.core_board, "b"));
  }

  @Test
  void anIndustrialRollUpOfOneOrTwoFirmsIsWithheld() {
    // b = P1 (industrial, A B) + P2 (housing, C D E, withheld with it): the industrial value is A and B's
    World w = new World().parcel("P1", "z", "b", null, null, IND).parcel("P2", "z", "b", null, null, HOUSING)
        .parcel("P5", "z", "b", null, null, HOUSING)
        .firms("P1", "A", "B").firms("P2", "C").firms("P5", "D");
    Disclosure d = w.decide();
    assertEquals(Why.published, d.whyGroup(Level.core_board, "b"));
    assertFalse(d.industrialGroup(Level.zone, "z"));
    // a zone with no industrial land: its industrial value (nothing) tells nothing
    World none = new World().parcel("P2", "z", "b", null, null, HOUSING).firms("P2", "C", "D", "E");
    assertTrue(none.decide().industrialGroup(Level.zone, "z"));
    assertFalse(none.decide().industrialGroup(Level.zone, "unknown"));
  }

  @Test
  void industrialParcelsInNoPublishedCellAreJudgedOnTheirOwn() {
    // z is withheld (b's remainder is D alone for R&D), so its industrial parcels sit in no released row
    World w = new World().parcel("P1", "z", "b", "k1", null, IND).parcel("P4", "z", "b", null, null, HOUSING)
        .firm("P1", 0.3, "A", withoutRnd("A")).firm("P1", 0.3, "B", withoutRnd("B")).firm("P1", 0.3, "C", withoutRnd("C"))
        .firm("P4", 1, "D", full("D"));
    Disclosure d = w.decide();
    assertFalse(d.group(Level.zone, "z"));
    // z's industrial land is k1's, published
    assertTrue(d.industrialGroup(Level.zone, "z"));
    World two = new World().parcel("P1", "z", "b", null, null, IND).firms("P1", "A", "B");
    Disclosure d2 = two.decide();
    assertFalse(d2.group(Level.zone, "z"));
    assertFalse(d2.industrialGroup(Level.zone, "z"));
    // z withheld (D alone reports R&D); its industrial parcels P1 P2 (A B, C) are in no released
    // row, so nothing is subtracted from them: three firms, published
    World alone = new World().parcel("P1", "z", "b", null, null, IND).parcel("P2", "z", "b", null, null, IND)
        .parcel("P3", "z", "b", null, null, HOUSING)
        .firm("P1", 0.5, "A", withoutRnd("A")).firm("P1", 0.5, "B", withoutRnd("B")).firm("P2", 1, "C", withoutRnd("C"))
        .firm("P3", 1, "D", full("D"));
    Disclosure d3 = alone.decide();
    assertFalse(d3.group(Level.zone, "z"));
    assertTrue(d3.industrialGroup(Level.zone, "z"));
  }

  @Test
  void landOfficersSeeEveryCellOtherRolesThePublishedOnes() {
    World w = new World().parcel("P1", "z", "b", null, null, IND).parcel("P2", "z", "b", null, null, IND)
        .parcel("P3", "z", "b", null, null, IND)
        .firms("P1", "A", "B", "C").firms("P2", "D", "E").firms("P3", "F");
    Disclosure d = w.decide();
    int p2 = d.parcelIndex("P2");
    for (Role r : Role.values()) {
      Disclosure.Seen s = d.seenBy(r);
      assertEquals(r.seesConfidential(), s.all(), r.name());
      assertEquals(r.seesConfidential(), s.parcel(p2), r.name());
      assertTrue(s.parcel(d.parcelIndex("P1")), r.name());
      assertTrue(s.group(Level.zone, "z"), r.name());
      assertEquals(r.seesConfidential(), s.group(Level.zone, "elsewhere"), r.name());
    }
    assertEquals(-1, d.parcelIndex("NOPE"));
    assertFalse(d.group(Level.zone, "elsewhere"));
    assertFalse(d.group(Level.parcel, "P1"));
    assertEquals(Why.few, d.whyGroup(Level.zone, "elsewhere"));
    assertEquals(Why.few, d.whyGroup(Level.enterprise, "A"));
  }

  @Test
  void aZeroReportedByOneFirmIsStillThatFirmsFigure() {
    // three firms report everything but R&D; one reports R&D as 0: the R&D total (0) is that firm's
    World w = new World().parcel("P1", "z", "b", null, null, IND)
        .firm("P1", 0.3, "A", new YearFigures("A", YEAR, 10.0, 40.0, 12.0, 5.0, 20, 0.0, 100.0, 0.5))
        .firm("P1", 0.3, "B", withoutRnd("B")).firm("P1", 0.3, "C", withoutRnd("C"));
    assertEquals(Why.few, why(w.decide(), "P1"));
  }

  @Test
  void oneZeroAmongFourFirmsLeavesThreeRealValues() {
    World w = new World().parcel("P1", "z", "b", null, null, IND)
        .firm("P1", 0.25, "A", full("A")).firm("P1", 0.25, "B", full("B")).firm("P1", 0.25, "C", full("C"))
        .firm("P1", 0.25, "D", new YearFigures("D", YEAR, 0.0, 40.0, 12.0, 5.0, 20, 1.0, 100.0, 0.5));
    assertEquals(Why.published, why(w.decide(), "P1"));
  }

  @Test
  void whenEachPartMendsOnlySomeFiguresNoneIsWithheldButTheParent() {
    // b = ka (A B C: no R&D) + kb (X Y Z: only R&D) + P9 (D: everything). b less ka and kb is D;
    // withholding ka leaves D's R&D, withholding kb D's tax: only both together would mend it,
    // and a part is chosen alone, so b goes (and z, which is b)
    World w = new World().parcel("P1", "z", "b", "ka", null, IND).parcel("P1c", "z", "b", "ka", null, IND)
        .parcel("P2", "z", "b", "kb", null, IND).parcel("P2c", "z", "b", "kb", null, IND)
        .parcel("P9", "z", "b", null, null, IND)
        .firm("P1", 0.5, "A", withoutRnd("A")).firm("P1", 0.5, "B", withoutRnd("B")).firm("P1c", 1, "C", withoutRnd("C"))
        .firm("P2", 0.5, "X", onlyRnd("X")).firm("P2", 0.5, "Y", onlyRnd("Y")).firm("P2c", 1, "Z", onlyRnd("Z"))
        .firm("P9", 1, "D", full("D"));
    Disclosure d = w.decide();
    assertEquals(Why.published, d.whyGroup(Level.industrial_park, "ka"));
    assertEquals(Why.published, d.whyGroup(Level.industrial_park, "kb"));
    assertEquals(Why.complementary, d.whyGroup(Level.core_board, "b"));
    assertEquals(Why.complementary, d.whyGroup(Level.zone, "z"));
  }

  @Test
  void aPublishedParcelCanBeThePartThatIsWithheld() {
    // the first parcel (A B C) is b's only published part; b less it would be D's
    World w = new World().parcel("P0", "z", "b", null, null, IND).parcel("P1", "z", "b", null, null, IND)
        .firms("P0", "A", "B", "C").firms("P1", "D");
    Disclosure d = w.decide();
    assertEquals(0, d.parcelIndex("P0"));
    assertEquals(Why.complementary, why(d, "P0"));
    assertEquals(Why.published, d.whyGroup(Level.core_board, "b"));
  }

  @Test
  void aStraddlingParkWithoutFirmsIsNotCountedAsWithheld() {
    World w = new World().parcel("P1", "z1", "b1", "k", null, IND).parcel("P2", "z2", "b2", "k", null, IND);
    Disclosure d = w.decide();
    assertEquals(Why.structure, d.whyGroup(Level.industrial_park, "k"));
    assertEquals(Map.of(), d.withheldCounts());
  }

  @Test
  void aSmallMicroParksIndustrialRollUpIsDecidedToo() {
    // k = s (P1 A B C, industrial) + P2 (D E F): s is published and all industrial
    World w = new World().parcel("P1", "z", "b", "k", "s", IND).parcel("P2", "z", "b", "k", null, HOUSING)
        .firms("P1", "A", "B", "C").firms("P2", "D", "E", "F");
    Disclosure d = w.decide();
    assertTrue(d.group(Level.small_micro_park, "s"));
    assertTrue(d.industrialGroup(Level.small_micro_park, "s"));
    assertTrue(d.industrialGroup(Level.industrial_park, "k"));
  }

  @Test
  void anIndustrialRollUpIsCheckedInEveryPieceItCuts() {
    // z = b = ka (P1 A B, P1b C: industrial, published park) + P5 (D, industrial) + P6 (E, housing)
    // + P7 (F G, housing): ka's piece is fine, but in b's remainder the industrial part is D alone
    World w = new World().parcel("P1", "z", "b", "ka", null, IND).parcel("P1b", "z", "b", "ka", null, IND)
        .parcel("P5", "z", "b", null, null, IND).parcel("P6", "z", "b", null, null, HOUSING)
        .parcel("P7", "z", "b", null, null, HOUSING)
        .firms("P1", "A", "B").firms("P1b", "C").firms("P5", "D").firms("P6", "E").firms("P7", "F", "G");
    Disclosure d = w.decide();
    assertTrue(d.group(Level.industrial_park, "ka"));
    assertTrue(d.group(Level.core_board, "b"));
    assertTrue(d.group(Level.zone, "z"));
    assertFalse(d.industrialGroup(Level.zone, "z"));
    assertFalse(d.industrialGroup(Level.core_board, "b"));
    assertTrue(d.industrialGroup(Level.industrial_park, "ka"));
  }

  @Test
  void aPublishedIndustrialRollUpLeavesTheRestOfWhatItCutForTheNextOne() {
    // b (published) = k1 (A B C industrial, X R&D only on housing) + k2 (D E F industrial, Y R&D
    // only on housing) + P9 (housing: G, and Z with R&D only). Neither park is published (one R&D
    // reporter each). z's industrial value would leave G's tax; k1's leaves D E F G, fine, and is
    // published; k2's would then leave X, Y, G and Z: G's tax alone, so it is withheld
    World w = new World()
        .parcel("P1", "z", "b", "k1", null, IND).parcel("P1c", "z", "b", "k1", null, IND).parcel("P1x", "z", "b", "k1", null, HOUSING)
        .parcel("P2", "z", "b", "k2", null, IND).parcel("P2c", "z", "b", "k2", null, IND).parcel("P2x", "z", "b", "k2", null, HOUSING)
        .parcel("P9", "z", "b", null, null, HOUSING)
        .firm("P1", 0.5, "A", withoutRnd("A")).firm("P1", 0.5, "B", withoutRnd("B")).firm("P1c", 1, "C", withoutRnd("C"))
        .firm("P1x", 1, "X", onlyRnd("X"))
        .firm("P2", 0.5, "D", withoutRnd("D")).firm("P2", 0.5, "E", withoutRnd("E")).firm("P2c", 1, "F", withoutRnd("F"))
        .firm("P2x", 1, "Y", onlyRnd("Y"))
        .firm("P9", 0.5, "G", withoutRnd("G")).firm("P9", 0.5, "Z", onlyRnd("Z"));
    Disclosure d = w.decide();
    assertEquals(Why.few, d.whyGroup(Level.industrial_park, "k1"));
    assertEquals(Why.few, d.whyGroup(Level.industrial_park, "k2"));
    assertEquals(Why.published, d.whyGroup(Level.core_board, "b"));
    assertFalse(d.industrialGroup(Level.zone, "z"));
    assertTrue(d.industrialGroup(Level.industrial_park, "k1"));
    assertFalse(d.industrialGroup(Level.industrial_park, "k2"));
  }

  @Test
  void eachPieceCutOffGetsAnAtomOfItsOwn() {
    // za's industrial value is published and cuts two atoms (park kA's and board ba's remainders);
    // zz (published, its parcels in no board) must still find its own remainder afterwards: there
    // its industrial part (J K, L) would leave M alone
    World w = new World()
        .parcel("P1", "za", "ba", "kA", null, IND).parcel("P1b", "za", "ba", "kA", null, IND)
        .parcel("P5", "za", "ba", null, null, IND).parcel("P6", "za", "ba", null, null, IND)
        .parcel("P7", "za", "ba", null, null, IND).parcel("P8", "za", "ba", null, null, HOUSING)
        .parcel("P9", "za", "ba", null, null, HOUSING)
        .parcel("Q1", "zz", null, null, null, IND).parcel("Q2", "zz", null, null, null, IND)
        .parcel("Q3", "zz", null, null, null, HOUSING)
        .firms("P1", "A", "B").firms("P1b", "C").firms("P5", "D").firms("P6", "E").firms("P7", "F")
        .firms("P8", "G", "H").firms("P9", "I").firms("Q1", "J", "K").firms("Q2", "L").firms("Q3", "M");
    Disclosure d = w.decide();
    assertTrue(d.group(Level.industrial_park, "kA"));
    assertTrue(d.group(Level.core_board, "ba"));
    assertTrue(d.group(Level.zone, "za"));
    assertTrue(d.group(Level.zone, "zz"));
    assertTrue(d.industrialGroup(Level.zone, "za"));
    assertFalse(d.industrialGroup(Level.zone, "zz"));
  }

  @Test
  void aWithheldZoneWithoutIndustrialLandHasNoIndustrialValueToHide() {
    World w = new World().parcel("P2", "z", "b", null, null, HOUSING).firms("P2", "C", "D");
    Disclosure d = w.decide();
    assertFalse(d.group(Level.zone, "z"));
    assertTrue(d.industrialGroup(Level.zone, "z"));
  }

  private static Targets.Check check(Level level, String id, boolean industrial, String op, Targets.Outcome outcome) {
    Targets.Target t = new Targets.Target("t", List.of("z"), Set.of(level), "目标", "target", Indicator.TAX_PER_MU,
        Indicator.Unit.mu, industrial, op, 1, null, "类", "kind", "doc", "1", null, null);
    return new Targets.Check(t, level, id, "z", 1, 3, outcome);
  }

  @Test
  void aTargetsActualIsShownOnlyWhenItsRollUpIsPublishedThisYearAndForGrowthTheYearBefore() {
    Disclosure open = new World().parcel("P1", "z", "b", null, null, IND).parcel("P2", "z", "b", null, null, HOUSING)
        .firms("P1", "A", "B", "C").firms("P2", "D", "E", "F").decide();
    Disclosure closed = new World().parcel("P1", "z", "b", null, null, IND).firms("P1", "A", "B").decide();
    // total published, industrial part withheld
    Disclosure half = new World().parcel("P1", "z", "b", null, null, IND).parcel("P2", "z", "b", null, null, HOUSING)
        .parcel("P3", "z", "b", null, null, HOUSING)
        .firms("P1", "A", "B").firms("P2", "C").firms("P3", "D").decide();
    assertTrue(half.group(Level.zone, "z"));
    assertFalse(half.industrialGroup(Level.zone, "z"));
    Disclosure.Seen o = open.seenBy(Role.planner);
    Disclosure.Seen c = closed.seenBy(Role.planner);
    Disclosure.Seen h = half.seenBy(Role.planner);
    Targets.Check level = check(Level.zone, "z", false, ">=", Targets.Outcome.met);
    Targets.Check industrial = check(Level.zone, "z", true, ">=", Targets.Outcome.met);
    Targets.Check growth = check(Level.zone, "z", false, "growth>=", Targets.Outcome.not_met);
    Targets.Check growthInd = check(Level.zone, "z", true, "growth>=", Targets.Outcome.not_met);
    assertTrue(o.target(level, null));
    assertFalse(c.target(level, null));
    assertTrue(h.target(level, null));
    assertTrue(o.target(industrial, null));
    assertFalse(h.target(industrial, null));
    // growth: this year's and last year's
    assertTrue(o.target(growth, o));
    assertTrue(o.target(growth, null));
    assertFalse(o.target(growth, c));
    assertFalse(c.target(growth, o));
    assertTrue(h.target(growth, o));
    assertTrue(o.target(growthInd, o));
    assertFalse(o.target(growthInd, h));
    assertFalse(h.target(growthInd, o));
    // no numeric target: nothing of the roll-up is shown; a land officer sees all
    assertTrue(c.target(check(Level.zone, "z", false, ">=", Targets.Outcome.no_target), null));
    assertTrue(closed.seenBy(Role.land_officer).target(growth, c));
  }

  @Test
  void aDrawnAreaIsToldThePublishedCellsWhollyInsideItCoarsestFirst() {
    // z = b = P1 (A B C) + P2 (D E F) + P3 P6 P7 (G, H, I: withheld each) + P4 (no firm)
    World w = new World().parcel("P1", "z", "b", null, null, IND).parcel("P2", "z", "b", null, null, IND)
        .parcel("P3", "z", "b", null, null, IND).parcel("P4", "z", "b", null, null, IND)
        .parcel("P6", "z", "b", null, null, IND).parcel("P7", "z", "b", null, null, IND)
        .firms("P1", "A", "B", "C").firms("P2", "D", "E", "F").firms("P3", "G").firms("P6", "H").firms("P7", "I");
    Disclosure d = w.decide();
    EfficiencyResult r = d.result();
    int[] all = IntStream.range(0, r.parcels.size()).toArray();
    List<Disclosure.Counted> whole = d.cover(all, p -> true);
    assertEquals(1, whole.size());
    Disclosure.Counted z = whole.get(0);
    assertEquals(Level.zone, z.level());
    assertEquals("z", z.id());
    assertEquals(6, z.parcels());
    assertEquals(r.groups.get(Level.zone).get("z").landMu(), z.landMu(), 1e-9);
    assertTrue(z.landMu() > 0);
    assertEquals(r.groups.get(Level.zone).get("z").totals()[0], z.totals()[0], 1e-9);
    // without P2: P1 and the empty P4, never P3
    int p2 = d.parcelIndex("P2");
    List<Disclosure.Counted> part = d.cover(all, p -> p != p2);
    assertEquals(List.of("P1", "P4"), part.stream().map(Disclosure.Counted::id).toList());
    assertEquals(Level.parcel, part.get(0).level());
    assertEquals(1, part.get(0).parcels());
    assertEquals(10, part.get(0).landMu(), 1e-9);
    assertEquals(r.parcels.get(d.parcelIndex("P1")).totals()[0], part.get(0).totals()[0], 1e-9);
    // parcels in index order whatever the order of the candidates
    int[] reversed = IntStream.range(0, all.length).map(i -> all[all.length - 1 - i]).toArray();
    assertEquals(List.of("P1", "P4"), d.cover(reversed, p -> p != p2).stream().map(Disclosure.Counted::id).toList());
    // only candidates are looked at, and a parcel is counted once whatever the candidates repeat
    int p1 = d.parcelIndex("P1");
    assertEquals(List.of("P1"), d.cover(new int[] {p1, p1}, p -> p == p1).stream().map(Disclosure.Counted::id).toList());
    int p3 = d.parcelIndex("P3");
    assertEquals(List.of(), d.cover(new int[] {p3}, p -> p == p3));
  }

  @Test
  void aDrawnAreaTakesAPublishedParkAndTheParcelsBesideIt() {
    // z = k (P1 A B C, P2 D E F) + P3 (G H I) + P5 P6 P7 (J, K, L: withheld each)
    World w = new World().parcel("P1", "z", "b", "k", null, IND).parcel("P2", "z", "b", "k", null, IND)
        .parcel("P3", "z", "b", null, null, IND).parcel("P5", "z", "b", null, null, IND)
        .parcel("P6", "z", "b", null, null, IND).parcel("P7", "z", "b", null, null, IND)
        .firms("P1", "A", "B", "C").firms("P2", "D", "E", "F").firms("P3", "G", "H", "I").firms("P5", "J")
        .firms("P6", "K").firms("P7", "L");
    Disclosure d = w.decide();
    int p5 = d.parcelIndex("P5");
    int[] all = IntStream.range(0, d.result().parcels.size()).toArray();
    List<Disclosure.Counted> c = d.cover(all, p -> p != p5);
    Map<String, Level> got = new HashMap<>();
    c.forEach(x -> got.put(x.id(), x.level()));
    assertEquals(Map.of("k", Level.industrial_park, "P3", Level.parcel), got);
    assertEquals(2, c.get(0).parcels());
  }

  @Test
  void aDrawnAreaTakesAPublishedSmallMicroParkWhoseParcelsAreWithheld() {
    // k = s (P1 A B, P1b C) + P2 (D E F); the area holds s only
    World w = new World().parcel("P1", "z", "b", "k", "s", IND).parcel("P1b", "z", "b", "k", "s", IND)
        .parcel("P2", "z", "b", "k", null, IND)
        .firms("P1", "A", "B").firms("P1b", "C").firms("P2", "D", "E", "F");
    Disclosure d = w.decide();
    assertTrue(d.group(Level.small_micro_park, "s"));
    int p2 = d.parcelIndex("P2");
    int[] all = IntStream.range(0, d.result().parcels.size()).toArray();
    List<Disclosure.Counted> c = d.cover(all, p -> p != p2);
    assertEquals(1, c.size());
    assertEquals(Level.small_micro_park, c.get(0).level());
    assertEquals("s", c.get(0).id());
  }
}
