package zoneatlas.history;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * Refuses any UPDATE or DELETE of the change history in the embedded store, as the PostGIS schema's
 * trigger function does: the trail must hold even against a mistaken statement or a future route.
 * Named by {@code sql/h2gis/schema.sql}; H2 instantiates it per table.
 */
public final class AppendOnlyTrigger implements Trigger {
  private String table = "?";

  @Override
  public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
    this.table = tableName;
  }

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    throw new SQLException("the change history is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " on "
        + table.toLowerCase(java.util.Locale.ROOT) + " refused", "P0001");
  }
}
