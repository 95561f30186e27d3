package zoneatlas.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import zoneatlas.auth.Role;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

/**
 * Both stores give the same answers, to the last digit: the database only picks candidates and
 * every figure is computed in Java.
 */
@Tag("postgis")
class SitesStoreParityTest {
  static final ObjectMapper M = new ObjectMapper();

  interface Call {
    Object run(SitesService s) throws Exception;
  }

  static JsonNode answer(SqlStore store, Call c) throws Exception {
    JsonNode n = M.valueToTree(c.run(new SitesService(store, SitesContract.LIMITS)));
    if (n instanceof ObjectNode o) {
      o.remove("generated_at");
    }
    return n;
  }

  @Test
  void everySiteQueryGivesTheSameAnswerOnBothStores() throws Exception {
    Map<String, Call> calls = new LinkedHashMap<>();
    calls.put("here", s -> s.here(113.745, 34.745, 50));
    calls.put("near", s -> s.nearPoint(113.745, 34.745, Labels.DEFAULT_NEAR, 5000.0));
    calls.put("inside circle", s -> s.inside(Shapes.circle(113.745, 34.745, 1500), InsideService.Mode.intersects,
        Role.land_officer, 5000));
    calls.put("corridor", s -> s.corridor("zzetdz-inf-hanghai-lu", 50.0));
    calls.put("find", s -> s.find(new SiteFinder.Query(List.of("available", "idle"), 5.0, null, null, null, null, null,
        Map.of("rail_station", 25_000.0), new StandardLand.Investor(30_000.0, null, null, 10.0), 100)));
    // a Xinxiang card: which facilities serve it and the requirements as sentences
    calls.put("card", s -> s.card(s.find(new SiteFinder.Query(List.of("available"), null, null, null, "xxetdz", null, null,
        Map.of(), StandardLand.Investor.NONE, 1)).sites().get(0).id(), new StandardLand.Investor(30_000.0, null, 900.0, null)));
    calls.put("find in a board, water within 80 km", s -> s.find(new SiteFinder.Query(List.of("available", "idle"), null,
        null, null, null, "zzetdz-cb-qibuqu", null, Map.of("water_plant", 80_000.0), StandardLand.Investor.NONE, 100)));
    for (var e : calls.entrySet()) {
      JsonNode h2 = answer(TestStores.h2(), e.getValue());
      JsonNode pg = answer(TestStores.postgis(), e.getValue());
      assertTrue(h2.size() > 0);
      assertEquals(h2, pg, e.getKey());
    }
  }
}
