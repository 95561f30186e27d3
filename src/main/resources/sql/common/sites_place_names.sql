-- Names of the plan features a parcel refers to: its core board, park and small-micro park by
-- id, and its zone's development-zone outline by zone code. Parameters: three ids (NULL when
-- absent), zone code.
SELECT id, layer, name_zh, name_en
FROM plan_features
WHERE id IN (?, ?, ?)
   OR (layer = 'zones' AND zone = ? AND kind = 'development_zone')
ORDER BY id
