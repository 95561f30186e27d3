-- Every infrastructure feature of one category (infrastructure is a small table), for the site
-- finder's distance limits. Parameters: kind, limit.
SELECT id, layer, name_zh, name_en, zone, kind, board, park, status, geom
FROM plan_features
WHERE layer = 'infrastructure' AND kind = ?
ORDER BY id
LIMIT ?
