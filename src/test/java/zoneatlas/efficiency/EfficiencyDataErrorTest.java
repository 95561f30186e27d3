package zoneatlas.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import zoneatlas.geo.Geodesy;
import zoneatlas.model.Enterprise;
import zoneatlas.model.LandUse;
import zoneatlas.model.Parcel;
import zoneatlas.model.YearFigures;
import zoneatlas.store.DataWriter;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/** Stored data the engine cannot evaluate gets a 422 naming the record, never a stack trace. */
class EfficiencyDataErrorTest {
  @Test
  void leasedSharesOverOneHundredPercentAnswer422NamingTheParcel() throws Exception {
    try (SqlStore store = TestStores.freshH2()) {
      GeometryFactory gf = new GeometryFactory(new PrecisionModel(), 4490);
      Polygon sq = gf.createPolygon(new Coordinate[] {new Coordinate(113.70, 34.70), new Coordinate(113.702, 34.70),
        new Coordinate(113.702, 34.702), new Coordinate(113.70, 34.702), new Coordinate(113.70, 34.70)});
      double m2 = Geodesy.areaM2(sq);
      try (Connection c = store.connection()) {
        c.setAutoCommit(false);
        DataWriter w = new DataWriter(store, c);
        w.parcels(List.of(new Parcel("P-OVER", "zzetdz", null, "park-x", null, "100101", "一类工业用地", "in_use", m2,
            m2 / Geodesy.M2_PER_MU, m2, 1.0, 0.4, 1.0, 0.3, 300, 20, 2010, 2010, sq)));
        w.enterprises(List.of(
            new Enterprise("E-O", "U1", "甲", "A", "zzetdz", "park-x", "装备", "规上", 2010, true, null),
            new Enterprise("E-T1", "U2", "乙", "B", "zzetdz", "park-x", "装备", "规上", 2010, true, null),
            new Enterprise("E-T2", "U3", "丙", "C", "zzetdz", "park-x", "装备", "规上", 2010, true, null)));
        w.landUses(List.of(new LandUse("E-O", "P-OVER", LandUse.OWNER, 1, 2010), new LandUse("E-T1", "P-OVER", LandUse.TENANT, 0.6, 2015),
            new LandUse("E-T2", "P-OVER", LandUse.TENANT, 0.55, 2016)));
        w.figures(List.of(new YearFigures("E-O", 2024, 1.0, 1.0, 1.0, 1.0, 1, 1.0, 1.0, 1.0)));
        w.meta("data_version", "broken");
        c.commit();
      }
      try (TestServer server = new TestServer(store)) {
        HttpResponse<String> r = server.get("/api/efficiency/indicators?level=zone");
        assertEquals(422, r.statusCode(), r.body());
        JsonNode j = new ObjectMapper().readTree(r.body());
        assertEquals("InvalidData", j.get("code").asText());
        assertTrue(j.get("description").asText().contains("parcel P-OVER: leased shares add up to 115%"), j.toString());
        assertTrue(j.get("description").asText().contains("E-T1 60%, E-T2 55%"), j.toString());
      }
    }
  }
}
