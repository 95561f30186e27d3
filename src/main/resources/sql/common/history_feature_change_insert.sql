-- One feature a change touched, with the versions it ended and made. Parameters: change_id,
-- collection, feature_id, op, version_before, version_after.
INSERT INTO feature_changes (change_id, collection, feature_id, op, version_before, version_after)
VALUES (?, ?, ?, ?, ?, ?)
