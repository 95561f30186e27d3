package zoneatlas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import zoneatlas.testing.TestStores;

/**
 * The embedded store keeps writing after every pooled session it had is closed (the pool retires
 * sessions at their maximum lifetime, or when one breaks): H2 binds a CHECK constraint with an IN
 * list (a land use's role, an evaluation's state) to the session that created it, so the schema
 * must not be created by a pooled one.
 */
class H2SchemaSessionTest {
  @Test
  void checkConstraintsStillHoldAfterEveryPooledSessionClosed() throws Exception {
    try (SqlStore store = TestStores.h2Copy()) {
      // borrow every pooled session at once, so the one that ran the schema is among them, and close each
      List<Connection> all = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        all.add(store.connection());
      }
      for (Connection c : all) {
        c.unwrap(org.h2.jdbc.JdbcConnection.class).close();
        try {
          c.close();
        } catch (java.sql.SQLException e) {
          // the pool finds its session closed and drops it: what this test wants
        }
      }
      String enterprise;
      String parcel;
      try (Connection c = store.connection();
          PreparedStatement ps = c.prepareStatement("SELECT enterprise_id, parcel_id FROM land_uses ORDER BY 1, 2");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        enterprise = rs.getString(1);
        parcel = rs.getString(2);
      }
      try (Connection c = store.connection();
          PreparedStatement ps = c.prepareStatement("UPDATE land_uses SET role = ? WHERE enterprise_id = ? AND parcel_id = ?")) {
        ps.setString(1, "tenant");
        ps.setString(2, enterprise);
        ps.setString(3, parcel);
        assertEquals(1, ps.executeUpdate(), "the role is checked against its list, and written");
      }
    }
  }
}
