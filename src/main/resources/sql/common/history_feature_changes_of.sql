-- The features one change touched. Parameter: change id.
SELECT collection, feature_id, op, version_before, version_after FROM feature_changes WHERE change_id = ?
ORDER BY collection, feature_id
