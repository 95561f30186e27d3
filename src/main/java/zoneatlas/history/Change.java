package zoneatlas.history;

import java.time.Instant;
import zoneatlas.auth.Role;

/**
 * Who writes, when, why, and how: what every change record holds besides the features it touched.
 *
 * @param op create, replace, update, delete, revert, split, merge, import, import-figures, load
 * @param collection the catalog collection written (the first one, for a change touching several)
 * @param reason the 变更原因 the writer gave (a document number, a survey), or null
 * @param requestId the HTTP request that made the change, to find it in the server's log
 * @param ifMatch whether the write was conditional on the version the writer had seen (If-Match);
 *     QGIS never sends one, so its writes are recorded as unconditional
 * @param client the User-Agent, so a change made from QGIS or a script can be told from the map's
 * @param at server time of the change; versions it ends close at this instant, versions it makes open
 */
public record Change(String username, Role role, String op, String collection, String reason, String requestId,
    boolean ifMatch, String client, Instant at) {

  public Change withOp(String newOp) {
    return new Change(username, role, newOp, collection, reason, requestId, ifMatch, client, at);
  }

  public Change at(Instant t) {
    return new Change(username, role, op, collection, reason, requestId, ifMatch, client, t);
  }

  /** A change the server makes itself (the demo load, an import run from code), stamped now. */
  public static Change system(String op, String collection, String summaryReason) {
    return new Change(null, Role.admin, op, collection, summaryReason, "server-" + java.util.UUID.randomUUID(), false,
        "zoneatlas", Instant.now());
  }
}
