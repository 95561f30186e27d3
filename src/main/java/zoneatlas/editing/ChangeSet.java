package zoneatlas.editing;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.locationtech.jts.geom.Geometry;
import zoneatlas.history.Change;
import zoneatlas.history.ETags;
import zoneatlas.history.ChangeLog;
import zoneatlas.history.LandUseVersions;
import zoneatlas.history.LandUseVersions.Link;
import zoneatlas.history.Versions;
import zoneatlas.history.Versions.Row;
import zoneatlas.layers.Layer;
import zoneatlas.store.DataWriter;
import zoneatlas.store.Store;

/**
 * Everything one write does, planned in full (after every check passed) and then applied in one
 * go: the change record first, then the versions it ends and makes, then the data version every
 * cache keys on. Planning first lets the record state how many features it touched and lets the
 * change's instant be no earlier than any version it ends, whatever the servers' clocks say.
 * Not thread-safe (one per write).
 */
final class ChangeSet {
  enum Kind { CREATE, UPDATE, DELETE }

  private record Op(Kind kind, Layer layer, String id, Row before, Map<String, Object> values, Geometry geom,
      Integer version) {}

  /** A feature version the set made (or, for a delete, ended). */
  record Written(String collection, String id, int version, Instant validFrom, Kind kind) {
    String state() {
      return ETags.state(collection, id, version, validFrom);
    }
  }

  private final List<Op> ops = new ArrayList<>();
  private final List<Link> linksEnded = new ArrayList<>();
  private final List<Link> linksAdded = new ArrayList<>();
  private final Set<String> fields = new TreeSet<>();

  void create(Layer l, String id, FeatureRules.Built b) {
    ops.add(new Op(Kind.CREATE, l, id, null, b.values(), b.geom(), null));
  }

  /** A feature made again under an id it had before (a revert of a delete): it goes on counting versions. */
  void recreate(Layer l, String id, FeatureRules.Built b, int version) {
    ops.add(new Op(Kind.CREATE, l, id, null, b.values(), b.geom(), version));
  }

  void update(Layer l, Row before, FeatureRules.Built b) {
    ops.add(new Op(Kind.UPDATE, l, before.id(), before, b.values(), b.geom(), null));
    for (var e : b.values().entrySet()) {
      if (!java.util.Objects.equals(e.getValue(), before.get(e.getKey()))) {
        fields.add(e.getKey());
      }
    }
    if (FeatureRules.geometryChanged(before, b.geom())) {
      fields.add("geometry");
    }
  }

  void delete(Layer l, Row before) {
    ops.add(new Op(Kind.DELETE, l, before.id(), before, null, null, null));
  }

  /** A new version of a feature whose own values did not change, because its links did. */
  void touch(Layer l, Row before) {
    if (ops.stream().noneMatch(o -> o.layer().table().equals(l.table()) && o.id().equals(before.id()))) {
      ops.add(new Op(Kind.UPDATE, l, before.id(), before, before.values(), before.geom(), null));
    }
  }

  boolean touches(Layer l, String id) {
    return ops.stream().anyMatch(o -> o.layer().table().equals(l.table()) && o.id().equals(id));
  }

  /** Replaces links: the ones that go or change are ended, the new or changed ones added. */
  void links(List<Link> before, List<Link> after) {
    for (Link b : before) {
      if (!after.contains(b)) {
        linksEnded.add(b);
      }
    }
    for (Link a : after) {
      if (!before.contains(a)) {
        linksAdded.add(a);
      }
    }
    if (!linksEnded.isEmpty() || !linksAdded.isEmpty()) {
      fields.add("land_uses");
    }
  }

  /** Links of the features a set's own links changed on, by the other side's id. */
  Set<String> linkedOthers(boolean ofParcel) {
    Set<String> out = new LinkedHashSet<>();
    for (List<Link> ls : List.of(linksEnded, linksAdded)) {
      for (Link l : ls) {
        out.add(ofParcel ? l.enterpriseId() : l.parcelId());
      }
    }
    return out;
  }

  boolean isEmpty() {
    return ops.stream().noneMatch(o -> o.kind() != Kind.UPDATE || !fields.isEmpty()) && linksEnded.isEmpty()
        && linksAdded.isEmpty();
  }

  /** Names of the properties an update changed, for the change record's summary. */
  Set<String> changedFields() {
    return fields;
  }

  /** Writes the change record, the versions and links, and the new data version; returns what was made. */
  List<Written> apply(Store store, Connection c, Change ch, String summary) throws SQLException {
    Instant at = ch.at();
    for (Op o : ops) {
      if (o.before() != null && o.before().validFrom().isAfter(at)) {
        at = o.before().validFrom();
      }
    }
    ChangeLog log = new ChangeLog(store, c);
    long changeId = log.open(ch.at(at), summary, ops.size());
    Versions v = new Versions(store, c);
    LandUseVersions luv = new LandUseVersions(store, c);
    for (Link l : linksEnded) {
      luv.end(l, at, changeId);
    }
    List<Written> out = new ArrayList<>();
    for (Op o : ops) {
      String coll = o.layer().id();
      switch (o.kind()) {
        case CREATE -> {
          int version = o.version() == null ? 1 : o.version();
          v.insert(o.layer(), new Row(o.id(), o.values(), o.geom(), version, at, changeId));
          log.feature(changeId, coll, o.id(), ch.op().equals("revert") ? "restore" : "create", null, version);
          out.add(new Written(coll, o.id(), version, at, Kind.CREATE));
        }
        case UPDATE -> {
          int version = o.before().version() + 1;
          v.end(o.layer(), o.id(), at, changeId);
          v.update(o.layer(), new Row(o.id(), o.values(), o.geom(), version, at, changeId));
          log.feature(changeId, coll, o.id(), "update", o.before().version(), version);
          out.add(new Written(coll, o.id(), version, at, Kind.UPDATE));
        }
        case DELETE -> {
          v.end(o.layer(), o.id(), at, changeId);
          v.delete(o.layer(), o.id());
          log.feature(changeId, coll, o.id(), "delete", o.before().version(), null);
          out.add(new Written(coll, o.id(), o.before().version(), o.before().validFrom(), Kind.DELETE));
        }
        default -> throw new IllegalStateException();
      }
    }
    for (Link l : linksAdded) {
      luv.add(l, at, changeId);
    }
    log.close();
    new DataWriter(store, c).meta("data_version", System.currentTimeMillis() + "-change-" + changeId);
    return out;
  }
}
