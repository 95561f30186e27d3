package zoneatlas.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/** The contract on PostGIS (ST_AsMVT), and PostGIS's tiles against the embedded store's (Java). */
@Tag("postgis")
class TilesPostgisContractTest extends TilesContract {
  private TestServer embedded;

  @Override
  SqlStore store() {
    return TestStores.postgis();
  }

  @AfterAll
  void stopEmbedded() {
    if (embedded != null) {
      embedded.close();
    }
  }

  /**
   * An area a few tile units across (a parcel at zoom 8, a sliver cut off at the buffer's edge) is
   * shaped by snapping alone, and the two stores may settle it differently: a 1-unit sliver in one,
   * the 2 x 2 square in the other. Such pairs count as alike when both are tiny and in the same place.
   */
  static boolean tinyAlike(org.locationtech.jts.geom.Geometry a, org.locationtech.jts.geom.Geometry b) {
    return a.getArea() <= 12 && b.getArea() <= 12 && a.getCentroid().distance(b.getCentroid()) <= 4;
  }

  @Test
  void postgisAndTheEmbeddedStoreDrawTheSameTilesWithinOneTileUnit() throws Exception {
    embedded = new TestServer(TestStores.h2());
    TilesContract other = new TilesContract() {
      @Override
      SqlStore store() {
        return TestStores.h2();
      }
    };
    other.server = embedded;
    Envelope zone = new GeoJsonReader(GF).read(getJson("/collections/zones/items/zzetdz-zone").get("geometry").toString())
        .getEnvelopeInternal();
    List<WebMercatorQuad.Tile> tiles = List.of(tileAt(8, lon, lat), tileAt(11, zone.centre().x, zone.centre().y),
        tileAt(13, lon, lat), tileAt(14, lon, lat), tileAt(16, lon, lat), tileAt(18, lon, lat));
    int compared = 0;
    List<String> apart = new java.util.ArrayList<>();
    int tiny = 0;
    for (String c : List.of("parcels", "zones", "core-boards", "industrial-parks", "small-micro-parks", "infrastructure",
        "enterprises")) {
      for (WebMercatorQuad.Tile t : tiles) {
        Map<String, Decoded> pg = decode(tileBytes(path(c, t)), c);
        Map<String, Decoded> h2 = decode(other.tileBytes(path(c, t)), c);
        assertEquals(pg.keySet(), h2.keySet(), c + " " + t);
        for (Decoded a : pg.values()) {
          Decoded b = h2.get(a.id());
          assertEquals(a.props(), b.props(), c + " " + a.id());
          assertEquals(a.mvtId(), b.mvtId(), c + " " + a.id());
          // each store snaps to the integer grid on its own: a coordinate near .5 may round either way
          // on each axis, so one unit on each axis is a diagonal of sqrt(2)
          double d = DiscreteHausdorffDistance.distance(a.geom(), b.geom());
          if (d > Math.sqrt(2) + 1e-9 && tinyAlike(a.geom(), b.geom())) {
            tiny++;
          } else if (d > Math.sqrt(2) + 1e-9) {
            apart.add(c + " " + t + " " + a.id() + ": " + d + " tile units apart\n  " + a.geom() + "\n  " + b.geom());
          }
          compared++;
        }
      }
    }
    assertTrue(compared > 1000, "features compared: " + compared);
    assertTrue(tiny * 200 < compared, tiny + " of " + compared + " tiny areas drawn differently");
    assertTrue(apart.isEmpty(), apart.size() + " of " + compared + " features drawn apart:\n"
        + String.join("\n", apart.subList(0, Math.min(20, apart.size()))));
  }
}
