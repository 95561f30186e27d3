-- Every change that touched one feature, with what it did to it. Parameters: collection, feature id.
SELECT c.id, c.at, c.username, c.role, c.op, c.collection, c.reason, c.request_id, c.if_match, c.client, c.summary,
  c.feature_count, f.op, f.version_before, f.version_after
FROM feature_changes f JOIN changes c ON c.id = f.change_id
WHERE f.collection = ? AND f.feature_id = ?
ORDER BY c.id DESC
