package zoneatlas.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import zoneatlas.store.Store;

/**
 * Enterprise land-use links (owner or tenant, with a share of the parcel) as versioned rows, on the
 * caller's transaction: a link that changes or goes is copied into the history first, as feature
 * versions are. Not thread-safe.
 */
public final class LandUseVersions {
  private final Store store;
  private final Connection c;

  /** One link; {@code share} is the fraction of the parcel's area, in (0, 1]. */
  public record Link(String enterpriseId, String parcelId, String role, double share, Integer sinceYear) {
    /** Same enterprise, parcel and role: the key of a live link. */
    public boolean sameKey(Link o) {
      return enterpriseId.equals(o.enterpriseId) && parcelId.equals(o.parcelId) && role.equals(o.role);
    }
  }

  /** A link as the API shows it, with the enterprise's name when known. */
  public record Shown(Link link, String nameZh, String nameEn) {}

  public LandUseVersions(Store store, Connection c) {
    this.store = store;
    this.c = c;
  }

  /** A parcel's live links, locked until the transaction ends. */
  public List<Link> lockParcel(String parcelId) throws SQLException {
    return links("land_uses_lock_parcel", parcelId);
  }

  /** An enterprise's live links, locked until the transaction ends. */
  public List<Link> lockEnterprise(String enterpriseId) throws SQLException {
    return links("land_uses_lock_enterprise", enterpriseId);
  }

  /** Ends a live link: kept in the history, closed at {@code at} by change {@code changeId}, then removed. */
  public void end(Link l, Instant at, long changeId) throws SQLException {
    try (PreparedStatement ps = prepare("land_uses_end")) {
      ps.setObject(1, Versions.timestamp(at));
      ps.setLong(2, changeId);
      ps.setString(3, l.enterpriseId());
      ps.setString(4, l.parcelId());
      ps.setString(5, l.role());
      if (ps.executeUpdate() != 1) {
        throw new SQLException("no live land use " + l + " to end");
      }
    }
    try (PreparedStatement ps = prepare("land_uses_delete")) {
      ps.setString(1, l.enterpriseId());
      ps.setString(2, l.parcelId());
      ps.setString(3, l.role());
      ps.executeUpdate();
    }
  }

  public void add(Link l, Instant at, long changeId) throws SQLException {
    try (PreparedStatement ps = prepare("land_uses_add")) {
      ps.setString(1, l.enterpriseId());
      ps.setString(2, l.parcelId());
      ps.setString(3, l.role());
      ps.setDouble(4, l.share());
      if (l.sinceYear() == null) {
        ps.setNull(5, Types.INTEGER);
      } else {
        ps.setInt(5, l.sinceYear());
      }
      ps.setObject(6, Versions.timestamp(at));
      ps.setLong(7, changeId);
      ps.executeUpdate();
    }
  }

  /** A parcel's or an enterprise's links as they stood at {@code t}. */
  public List<Shown> asOf(boolean ofParcel, String id, Instant t) throws SQLException {
    List<Shown> out = new ArrayList<>();
    try (PreparedStatement ps = prepare(ofParcel ? "land_uses_of_parcel" : "land_uses_of_enterprise")) {
      Object ts = Versions.timestamp(t);
      ps.setString(1, id);
      ps.setObject(2, ts);
      ps.setString(3, id);
      ps.setObject(4, ts);
      ps.setObject(5, ts);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Shown(link(rs), rs.getString(6), rs.getString(7)));
        }
      }
    }
    return out;
  }

  private List<Link> links(String sql, String id) throws SQLException {
    List<Link> out = new ArrayList<>();
    try (PreparedStatement ps = prepare(sql)) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(link(rs));
        }
      }
    }
    return out;
  }

  private static Link link(ResultSet rs) throws SQLException {
    int since = rs.getInt(5);
    Integer sinceYear = rs.wasNull() ? null : since;
    return new Link(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4), sinceYear);
  }

  private PreparedStatement prepare(String name) throws SQLException {
    PreparedStatement ps = c.prepareStatement(store.sql(name));
    ps.setQueryTimeout(store.queryTimeoutSeconds());
    return ps;
  }
}
