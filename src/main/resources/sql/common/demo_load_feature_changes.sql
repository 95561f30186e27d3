-- Every feature the demo load wrote, as made (version 1) by the load's change: their history then
-- starts with it. Parameters: the change id, three times (cast: H2 cannot type a bare parameter in a UNION).
INSERT INTO feature_changes (change_id, collection, feature_id, op, version_before, version_after)
SELECT CAST(? AS BIGINT), layer, id, 'create', CAST(NULL AS INTEGER), 1 FROM plan_features
UNION ALL SELECT CAST(? AS BIGINT), 'parcels', id, 'create', CAST(NULL AS INTEGER), 1 FROM parcels
UNION ALL SELECT CAST(? AS BIGINT), 'enterprises', id, 'create', CAST(NULL AS INTEGER), 1 FROM enterprises
