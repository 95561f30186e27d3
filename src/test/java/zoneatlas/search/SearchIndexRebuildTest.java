package zoneatlas.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import zoneatlas.model.PlanFeature;
import zoneatlas.store.DataWriter;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

/** The in-memory index follows the data version, so it never serves names of replaced data. */
class SearchIndexRebuildTest {
  static PlanFeature park(String id, String nameZh) {
    GeometryFactory gf = new GeometryFactory();
    return new PlanFeature("industrial-parks", id, "zzetdz", "industrial_park", null, null,
        gf.createPolygon(new Coordinate[] {new Coordinate(113.7, 34.7), new Coordinate(113.71, 34.7),
            new Coordinate(113.71, 34.71), new Coordinate(113.7, 34.7)}),
        Map.of("name_zh", nameZh, "name_en", id, "source_doc", "000_test.txt", "source_lines", "1"));
  }

  static void write(SqlStore store, PlanFeature f, String version) throws Exception {
    try (Connection c = store.connection()) {
      c.setAutoCommit(false);
      DataWriter w = new DataWriter(store, c);
      w.plan(List.of(f));
      w.meta("data_version", version);
      c.commit();
    }
  }

  @Test
  void newDataVersionRebuildsTheIndex() throws Exception {
    SqlStore store = TestStores.freshH2();
    try {
      SearchService s = new SearchService(store);
      write(store, park("a-park", "甲园区"), "1");
      assertEquals(1, s.search("jiayuan", 10, Set.of("industrial-parks")).size());
      assertEquals(0, s.search("yiyuan", 10, Set.of("industrial-parks")).size());
      // a second park without a new version is not seen: the index is cached
      write(store, park("b-park", "乙园区"), "1");
      assertEquals(0, s.search("yiyuan", 10, Set.of("industrial-parks")).size());
      try (Connection c = store.connection()) {
        new DataWriter(store, c).meta("data_version", "2");
      }
      assertEquals("b-park", s.search("yiyuan", 10, Set.of("industrial-parks")).get(0).id());
      assertEquals(2, s.size());
    } finally {
      store.close();
    }
  }
}
