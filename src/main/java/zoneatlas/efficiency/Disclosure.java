package zoneatlas.efficiency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import zoneatlas.auth.Role;
import zoneatlas.efficiency.EfficiencyResult.GroupResult;
import zoneatlas.model.Parcel;
import zoneatlas.model.YearFigures;

/**
 * Which of one year's cells (parcels and roll-ups at every level) may be published to roles that
 * do not see confidential figures: the one place where that is decided, for every view, export
 * and drawn area. Enterprise counts and land areas are public; what is decided here is whether a
 * cell's figures (tax, revenue, value added, energy and the other yearly figures, and every ratio
 * drawn from them: the area is public, so tax per mu of a parcel is its tax) may be shown.
 *
 * <p>Rules, per year (every cell is a set of parcels; its figure is the sum of its parcels'):
 *
 * <ol>
 *   <li>Primary: a cell is sensitive when, for some figure, 1 to {@code minGroup - 1} distinct
 *       enterprises contribute a value (reported, on land counted this year).
 *   <li>Complementary: the roll-ups form a tree (parcel ⊂ small-micro park ⊂ industrial park ⊂
 *       core board ⊂ zone, taken from the parcels' own memberships: a level a group does not lie
 *       inside is skipped, and a group that straddles two cells of a coarser level is never
 *       published). For every published cell, what is left after taking away the published cells
 *       inside it (its remainder: the parcels under no published sub-cell) must have 0 or at least
 *       {@code minGroup} contributors for every figure. When a remainder holds 1 or 2, the
 *       published sub-cell with the fewest enterprises whose suppression mends it is withheld
 *       too, or, if none does, the cell itself; cells are visited finest level first, so one pass
 *       reaches the fixed point (a second pass checks it). Because the remainders of published
 *       cells are disjoint and each has 0 or ≥ minGroup contributors, so has every difference of
 *       published cells and of their sums.
 *   <li>Industrial-land roll-ups (the targets' "industrial parcels only" values), zones first, are
 *       published when they follow from published cells, or when they cut no remainder (nor any
 *       piece already cut) into a part of 1 or 2 contributors: every combination of published
 *       figures is then a union of pieces of 0 or at least {@code minGroup} contributors.
 *   <li>A drawn area ({@link #cover}) is answered by the published cells lying wholly inside it, so
 *       the difference of two answers is again a combination of published cells.
 * </ol>
 *
 * <p>Built once per cached result (data version, scheme, year) in O(parcels × levels + land
 * links); immutable afterwards and thread-safe.
 */
public final class Disclosure {
  /** Why a cell is withheld. */
  public enum Why {
    published("", ""),
    /** 1 to minGroup-1 enterprises contribute. */
    few("企业数不足", "too few enterprises"),
    /** Safe on its own, withheld so that a published total cannot be subtracted down to 1–2 enterprises. */
    complementary("为防止由合计值相减推算出个别企业数据而隐去", "withheld so that totals cannot be subtracted down to one or two enterprises"),
    /** A group that straddles the cells of a coarser level. */
    structure("跨越上级单元，无法安全公开", "straddles coarser areas and cannot be published safely");

    public final String nameZh;
    public final String nameEn;

    Why(String zh, String en) {
      this.nameZh = zh;
      this.nameEn = en;
    }
  }

  private static final int F = EfficiencyResult.FIGURES.length;
  /**
   * Counts kept per figure: firms that report it (0..F-1) and firms whose value is not zero
   * (F..2F-1). Both must be 0 or at least minGroup: a total of two real values and any number of
   * zeros lets one of the two subtract its own, and a zero total of one or two firms is theirs.
   */
  private static final int COUNTS = 2 * F;

  private final EfficiencyResult r;
  private final int minGroup;
  private final int np;
  /** Cells: parcels 0..np-1, then the groups level by level (smallest level first). */
  private final int nc;
  private final Level[] cellLevel;
  private final String[] cellId;
  private final int[] cellParent;
  private final int[] childStart;
  private final int[] children;
  private final int[] parcelStart;
  private final int[] parcelsOf;
  private final Why[] why;
  private final int[] distinct;
  private final Map<Level, Map<String, Integer>> groupCell = new EnumMap<>(Level.class);
  private final Map<Level, Map<String, Boolean>> industrial = new EnumMap<>(Level.class);
  /** Figure bits per enterprise: bit f set when figure f is reported this year. */
  private final int[] mask;
  private final boolean[] hasContrib;
  // scratch for counting
  private final int[] stamp;
  private int stampNow;

  private Disclosure(EfficiencyResult r, int minGroup) {
    this.r = r;
    this.minGroup = minGroup;
    this.np = r.parcels.size();
    int ne = r.enterprises.size();
    mask = new int[ne];
    YearFigures[] figs = r.data.figures(r.year);
    for (int e = 0; e < ne; e++) {
      YearFigures f = figs == null ? null : figs[e];
      if (f != null) {
        double[] v = EfficiencyResult.figureValues(f);
        for (int k = 0; k < F; k++) {
          if (!Double.isNaN(v[k])) {
            mask[e] |= 1 << k;
            if (v[k] != 0) {
              mask[e] |= 1 << (F + k);
            }
          }
        }
      }
    }
    stamp = new int[ne];
    hasContrib = new boolean[np];
    for (int p = 0; p < np; p++) {
      hasContrib[p] = r.contribStart[p + 1] > r.contribStart[p];
    }
    // cells
    int n = np;
    for (Level l : Level.GROUPS) {
      Map<String, Integer> m = new HashMap<>();
      for (String id : r.groups.get(l).keySet()) {
        m.put(id, n++);
      }
      groupCell.put(l, m);
    }
    nc = n;
    cellLevel = new Level[nc];
    cellId = new String[nc];
    Arrays.fill(cellLevel, 0, np, Level.parcel);
    for (int p = 0; p < np; p++) {
      cellId[p] = r.parcels.get(p).parcel().id();
    }
    for (Level l : Level.GROUPS) {
      groupCell.get(l).forEach((id, c) -> {
        cellLevel[c] = l;
        cellId[c] = id;
      });
    }
    // each parcel's cell at each level
    int[][] at = new int[Level.GROUPS.length][np];
    for (int li = 0; li < Level.GROUPS.length; li++) {
      Map<String, Integer> m = groupCell.get(Level.GROUPS[li]);
      for (int p = 0; p < np; p++) {
        String g = Level.GROUPS[li].groupOf(r.parcels.get(p).parcel());
        Integer c = g == null ? null : m.get(g);
        at[li][p] = c == null ? -1 : c;
      }
    }
    // parcels of each group cell (CSR over cells np..nc-1; parcels are their own)
    parcelStart = new int[nc + 1];
    for (int li = 0; li < Level.GROUPS.length; li++) {
      for (int p = 0; p < np; p++) {
        if (at[li][p] >= 0) {
          parcelStart[at[li][p] + 1]++;
        }
      }
    }
    for (int c = 0; c < nc; c++) {
      parcelStart[c + 1] += parcelStart[c];
    }
    parcelsOf = new int[parcelStart[nc]];
    int[] fill = Arrays.copyOf(parcelStart, nc);
    for (int li = 0; li < Level.GROUPS.length; li++) {
      for (int p = 0; p < np; p++) {
        if (at[li][p] >= 0) {
          parcelsOf[fill[at[li][p]]++] = p;
        }
      }
    }
    // the tree: a cell's parent is the nearest coarser cell it lies wholly inside; a group that
    // straddles (some parcels inside a coarser cell, others elsewhere or in none) is left out
    why = new Why[nc];
    Arrays.fill(why, Why.published);
    cellParent = new int[nc];
    Arrays.fill(cellParent, -1);
    boolean[] crossing = new boolean[nc];
    for (int li = 0; li < Level.GROUPS.length; li++) {
      for (int c : groupCell.get(Level.GROUPS[li]).values()) {
        for (int l2 = li + 1; l2 < Level.GROUPS.length; l2++) {
          int first = at[l2][parcelsOf[parcelStart[c]]];
          for (int i = parcelStart[c]; i < parcelStart[c + 1]; i++) {
            if (at[l2][parcelsOf[i]] != first) {
              crossing[c] = true;
            }
          }
        }
      }
    }
    for (int c = 0; c < nc; c++) {
      if (crossing[c]) {
        why[c] = Why.structure;
        continue;
      }
      int li = c < np ? -1 : Arrays.asList(Level.GROUPS).indexOf(cellLevel[c]);
      int probe = c < np ? c : parcelsOf[parcelStart[c]];
      for (int l2 = li + 1; l2 < Level.GROUPS.length; l2++) {
        int g = at[l2][probe];
        if (g >= 0 && !crossing[g]) {
          cellParent[c] = g;
          break;
        }
      }
    }
    childStart = new int[nc + 1];
    for (int c = 0; c < nc; c++) {
      if (cellParent[c] >= 0) {
        childStart[cellParent[c] + 1]++;
      }
    }
    for (int c = 0; c < nc; c++) {
      childStart[c + 1] += childStart[c];
    }
    children = new int[childStart[nc]];
    int[] cf = Arrays.copyOf(childStart, nc);
    for (int c = 0; c < nc; c++) {
      if (cellParent[c] >= 0) {
        children[cf[cellParent[c]]++] = c;
      }
    }
    // primary rule
    distinct = new int[nc];
    int[] counts = new int[COUNTS + 1];
    for (int c = 0; c < nc; c++) {
      count(parcelsIn(c), counts, true);
      distinct[c] = counts[COUNTS];
      if (why[c] == Why.published && !safe(counts)) {
        why[c] = Why.few;
      }
    }
    complementary();
    industrialCells(at);
  }

  /** The decision for one computed year; {@code minGroup} is the least number of contributors a figure may rest on. */
  public static Disclosure decide(EfficiencyResult r, int minGroup) {
    return new Disclosure(r, Math.max(1, minGroup));
  }

  public EfficiencyResult result() {
    return r;
  }

  public int minGroup() {
    return minGroup;
  }

  // ---------------------------------------------------------------------------------------------
  // the decision

  private int[] parcelsIn(int c) {
    if (c < np) {
      return new int[] {c};
    }
    return Arrays.copyOfRange(parcelsOf, parcelStart[c], parcelStart[c + 1]);
  }

  /**
   * Contributors of a set of parcels, per figure, into {@code out[0..F-1]}, and distinct
   * contributors with any figure into {@code out[COUNTS]} (see {@link #COUNTS}). With {@code reset} a new count starts;
   * without, enterprises already counted since the last reset are not counted again.
   */
  private void count(int[] parcels, int[] out, boolean reset) {
    if (reset) {
      Arrays.fill(out, 0);
      stampNow++;
    }
    for (int p : parcels) {
      for (int i = r.contribStart[p]; i < r.contribStart[p + 1]; i++) {
        int e = r.contribEnt[i];
        if (stamp[e] == stampNow) {
          continue;
        }
        stamp[e] = stampNow;
        int m = mask[e];
        if (m != 0) {
          out[COUNTS]++;
        }
        for (int k = 0; k < COUNTS; k++) {
          if ((m & (1 << k)) != 0) {
            out[k]++;
          }
        }
      }
    }
  }

  private boolean safe(int[] counts) {
    for (int k = 0; k < COUNTS; k++) {
      if (counts[k] > 0 && counts[k] < minGroup) {
        return false;
      }
    }
    return true;
  }

  private boolean published(int c) {
    return why[c] == Why.published;
  }

  /** The parcels under {@code c} covered by no published cell below it, and the largest published cells below it. */
  private void exposed(int c, IntList parcels, IntList maximal) {
    for (int i = childStart[c]; i < childStart[c + 1]; i++) {
      int k = children[i];
      if (published(k)) {
        maximal.add(k);
      } else if (k < np) {
        parcels.add(k);
      } else {
        exposed(k, parcels, maximal);
      }
    }
  }

  private void complementary() {
    int[] counts = new int[COUNTS + 1];
    for (int pass = 0; pass < 8; pass++) {
      boolean changed = false;
      for (int c = np; c < nc; c++) { // groups, finest level first (cells are numbered so)
        while (published(c)) {
          IntList rest = new IntList();
          IntList parts = new IntList();
          exposed(c, rest, parts);
          int[] restArr = rest.toArray();
          count(restArr, counts, true);
          if (safe(counts)) {
            break;
          }
          changed = true;
          int[] order = parts.toArray();
          Integer[] sorted = new Integer[order.length];
          for (int i = 0; i < order.length; i++) {
            sorted[i] = order[i];
          }
          Arrays.sort(sorted, (a, b) -> distinct[a] != distinct[b] ? Integer.compare(distinct[a], distinct[b]) : Integer.compare(a, b));
          int chosen = -1;
          for (int m : sorted) {
            int[] add;
            if (m < np) {
              add = new int[] {m};
            } else {
              IntList more = new IntList();
              exposed(m, more, new IntList());
              add = more.toArray();
            }
            count(restArr, counts, true);
            count(add, counts, false);
            if (safe(counts)) {
              chosen = m;
              break;
            }
          }
          why[chosen >= 0 ? chosen : c] = Why.complementary;
        }
      }
      if (!changed) {
        return;
      }
    }
    throw new IllegalStateException("complementary suppression did not settle");
  }

  /**
   * Industrial-only roll-ups (the targets' "industrial land" values): published when their value
   * follows from published cells, or when adding it splits no remainder into a part of 1 or 2
   * contributors.
   */
  private void industrialCells(int[][] at) {
    boolean[] allInd = new boolean[nc];
    boolean[] noneInd = new boolean[nc];
    for (int c = 0; c < nc; c++) {
      boolean all = true;
      boolean none = true;
      for (int p : parcelsIn(c)) {
        boolean ind = EfficiencyEngine.industrial(r.parcels.get(p).parcel());
        all &= ind;
        none &= !ind;
      }
      allInd[c] = all;
      noneInd[c] = none;
    }
    // Atoms: parcels alike in which released rows hold them. For the tree these are the remainders
    // of the published cells (a parcel's atom is its nearest published cell, -1 for none: a parcel
    // in no released row); each industrial roll-up released splits the atoms it cuts. While every
    // atom holds 0 or >= minGroup contributors per figure, so does every combination of released
    // figures. Zones first: their industrial values are the ones the plans' targets name.
    int[] atom = new int[np];
    Map<Integer, IntList> atoms = new HashMap<>();
    for (int p = 0; p < np; p++) {
      int c = p;
      while (c >= 0 && !published(c)) {
        c = cellParent[c];
      }
      atom[p] = c;
      atoms.computeIfAbsent(c, k -> new IntList()).add(p);
    }
    int nextAtom = nc;
    int[] counts = new int[COUNTS + 1];
    for (int li = Level.GROUPS.length - 1; li >= 0; li--) {
      Level l = Level.GROUPS[li];
      Map<String, Boolean> m = new HashMap<>();
      for (String id : new java.util.TreeSet<>(groupCell.get(l).keySet())) {
        int c = groupCell.get(l).get(id);
        if (why[c] == Why.structure) {
          m.put(id, false);
          continue;
        }
        if (unionOfPublished(c, allInd, true) || (published(c) && unionOfPublished(c, noneInd, false))) {
          m.put(id, true); // follows from published cells: nothing new
          continue;
        }
        // the cell's industrial parcels, by the atom they are in now
        Map<Integer, IntList> cut = new HashMap<>();
        for (int p : parcelsIn(c)) {
          if (EfficiencyEngine.industrial(r.parcels.get(p).parcel())) {
            cut.computeIfAbsent(atom[p], k -> new IntList()).add(p);
          }
        }
        boolean ok = !cut.isEmpty();
        for (Map.Entry<Integer, IntList> e : cut.entrySet()) {
          int[] in = e.getValue().toArray();
          count(in, counts, true);
          ok &= safe(counts);
          if (e.getKey() != -1) { // the rest of an atom in no row has no figure to subtract from
            java.util.Set<Integer> inSet = new java.util.HashSet<>();
            for (int p : in) {
              inSet.add(p);
            }
            IntList rest = new IntList();
            for (int p : atoms.get(e.getKey()).toArray()) {
              if (!inSet.contains(p)) {
                rest.add(p);
              }
            }
            count(rest.toArray(), counts, true);
            ok &= safe(counts);
          }
          if (!ok) {
            break;
          }
        }
        m.put(id, ok);
        if (ok) {
          for (Map.Entry<Integer, IntList> e : cut.entrySet()) {
            int[] in = e.getValue().toArray();
            int fresh = nextAtom++;
            java.util.Set<Integer> inSet = new java.util.HashSet<>();
            for (int p : in) {
              inSet.add(p);
              atom[p] = fresh;
            }
            IntList rest = new IntList();
            for (int p : atoms.get(e.getKey()).toArray()) {
              if (!inSet.contains(p)) {
                rest.add(p);
              }
            }
            atoms.put(e.getKey(), rest);
            atoms.put(fresh, e.getValue());
          }
        }
      }
      industrial.put(l, m);
    }
  }

  /**
   * Whether the parcels of {@code c} with the wanted land use (industrial or not) are, but for
   * parcels without contributors, exactly a union of published cells.
   */
  private boolean unionOfPublished(int c, boolean[] inside, boolean industrialWanted) {
    if (published(c) && inside[c]) {
      return true;
    }
    if (c < np) {
      boolean wanted = EfficiencyEngine.industrial(r.parcels.get(c).parcel()) == industrialWanted;
      return !wanted || !hasContrib[c];
    }
    for (int i = childStart[c]; i < childStart[c + 1]; i++) {
      if (!unionOfPublished(children[i], inside, industrialWanted)) {
        return false;
      }
    }
    // parcels of c that sit under no child cannot exist: every parcel is a child of its nearest cell
    return true;
  }

  // ---------------------------------------------------------------------------------------------
  // answers

  /** Whether the parcel's figures may be shown to roles that do not see confidential figures. */
  public boolean parcel(int index) {
    return published(index);
  }

  public Why whyParcel(int index) {
    return why[index];
  }

  /** Whether the roll-up's figures may be shown; false for an unknown group. */
  public boolean group(Level level, String id) {
    Integer c = groupCell.getOrDefault(level, Map.of()).get(id);
    return c != null && published(c);
  }

  public Why whyGroup(Level level, String id) {
    Integer c = groupCell.getOrDefault(level, Map.of()).get(id);
    return c == null ? Why.few : why[c];
  }

  /** Whether the roll-up over the group's industrial parcels only may be shown. */
  public boolean industrialGroup(Level level, String id) {
    return industrial.getOrDefault(level, Map.of()).getOrDefault(id, false);
  }

  /**
   * What one caller may see of this year: everything for roles that see confidential figures,
   * the published cells for everyone else. Every view asks through this.
   */
  public Seen seenBy(Role role) {
    return new Seen(this, role.seesConfidential());
  }

  /** The decision as one role sees it. */
  public record Seen(Disclosure d, boolean all) {
    public boolean parcel(int index) {
      return all || d.parcel(index);
    }

    public boolean group(Level level, String id) {
      return all || d.group(level, id);
    }

    /**
     * Whether a target's actual value may be shown: it rests on the group's roll-up (over its
     * industrial parcels only for some targets), of this year and, for a growth target, of the
     * year before too ({@code previous}, null when there is none).
     */
    public boolean target(Targets.Check c, Seen previous) {
      if (all || c.outcome() == Targets.Outcome.no_target) {
        return true;
      }
      Targets.Target t = c.target();
      boolean now = t.industrialLand() ? d.industrialGroup(c.level(), c.groupId()) : d.group(c.level(), c.groupId());
      if (now && "growth>=".equals(t.op()) && previous != null) {
        return t.industrialLand() ? previous.d.industrialGroup(c.level(), c.groupId()) : previous.d.group(c.level(), c.groupId());
      }
      return now;
    }
  }

  /** Counts of withheld cells by reason, for the answer's meta. */
  public Map<String, Integer> withheldCounts() {
    Map<String, Integer> m = new HashMap<>();
    for (int c = 0; c < nc; c++) {
      if (!published(c) && distinct[c] > 0) {
        m.merge(why[c].name(), 1, Integer::sum);
      }
    }
    return m;
  }

  /** One published cell counted in a drawn area. */
  public record Counted(Level level, String id, int parcels, double landMu, double[] totals) {}

  /**
   * What a drawn area may be told: the published cells lying wholly inside it (every parcel of the
   * cell inside), taken greedily from the coarsest level down to parcels, without overlap.
   *
   * @param inside whether a parcel (by index) lies wholly inside the area
   * @param candidates the parcels to start from (those meeting the area); others are never inside
   */
  public List<Counted> cover(int[] candidates, Predicate<Integer> inside) {
    boolean[] covered = new boolean[np];
    List<Counted> out = new ArrayList<>();
    for (int li = Level.GROUPS.length - 1; li >= 0; li--) {
      Level l = Level.GROUPS[li];
      Map<String, Integer> cells = groupCell.get(l);
      java.util.TreeSet<String> seen = new java.util.TreeSet<>();
      for (int p : candidates) {
        String g = l.groupOf(r.parcels.get(p).parcel());
        if (g != null && cells.containsKey(g)) {
          seen.add(g);
        }
      }
      for (String g : seen) {
        int c = cells.get(g);
        if (!published(c)) {
          continue;
        }
        boolean ok = true;
        for (int i = parcelStart[c]; i < parcelStart[c + 1] && ok; i++) {
          int p = parcelsOf[i];
          ok = !covered[p] && inside.test(p);
        }
        if (!ok) {
          continue;
        }
        for (int i = parcelStart[c]; i < parcelStart[c + 1]; i++) {
          covered[parcelsOf[i]] = true;
        }
        GroupResult gr = r.groups.get(l).get(g);
        out.add(new Counted(l, g, gr.parcels(), gr.landMu(), gr.totals()));
      }
    }
    int[] sorted = candidates.clone();
    Arrays.sort(sorted);
    for (int p : sorted) {
      if (!covered[p] && published(p) && inside.test(p)) {
        covered[p] = true;
        var pr = r.parcels.get(p);
        out.add(new Counted(Level.parcel, pr.parcel().id(), 1, pr.landMu(), pr.totals()));
      }
    }
    return out;
  }

  /** The parcel's index in the result, or -1. */
  public int parcelIndex(String id) {
    Integer i = r.data.parcelIndex.get(id);
    return i == null ? -1 : i;
  }

  /** Parcels of a level's group, for tests and audits. */
  List<Parcel> parcelsOfGroup(Level level, String id) {
    Integer c = groupCell.get(level).get(id);
    List<Parcel> out = new ArrayList<>();
    if (c != null) {
      for (int p : parcelsIn(c)) {
        out.add(r.parcels.get(p).parcel());
      }
    }
    return out;
  }

  /** A growable int array. */
  private static final class IntList {
    int[] a = new int[8];
    int n;

    void add(int v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    int[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }
}
