package zoneatlas.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

/** The embedded store and PostGIS, loaded from the same seed, answer the same queries identically. */
@Tag("postgis")
class StoreParityTest {
  static List<String> ids(SqlStore s, String layer, ItemsQuery q) throws Exception {
    LayerCatalog cat = LayerCatalog.load();
    FeatureService fs = new FeatureService(s, cat, 10_000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.writeStartArray();
      fs.writeFeatures(cat.get(layer).orElseThrow(), q, false, g);
      g.writeEndArray();
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode f : new ObjectMapper().readTree(out.toByteArray())) {
      ids.add(f.get("id").asText());
    }
    return ids;
  }

  @Test
  void bothStoresReturnTheSameParcelsForTheSameBboxAndFilter() throws Exception {
    ItemsQuery q = ItemsQuery.all(5000).withBbox(new double[] {113.70, 34.60, 113.90, 34.75});
    List<String> h2 = ids(TestStores.h2(), "parcels", q);
    List<String> pg = ids(TestStores.postgis(), "parcels", q);
    assertEquals(h2, pg);
    ItemsQuery byStatus = new ItemsQuery(null, 5000, 0, Map.of("status", "available"), null, List.of(), 4490, false, true);
    assertEquals(ids(TestStores.h2(), "parcels", byStatus), ids(TestStores.postgis(), "parcels", byStatus));
  }

  @Test
  void bothStoresHoldTheSamePlanFeatures() throws Exception {
    for (String layer : List.of("zones", "core-boards", "industrial-parks", "small-micro-parks", "infrastructure")) {
      assertEquals(ids(TestStores.h2(), layer, ItemsQuery.all(10000)), ids(TestStores.postgis(), layer, ItemsQuery.all(10000)), layer);
    }
  }
}
