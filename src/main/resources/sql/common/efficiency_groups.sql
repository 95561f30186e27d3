-- Names of the plan features that roll-ups are drawn for (a zone's roll-up is keyed by its zone code
-- and joined to its development_zone feature).
SELECT id, layer, name_zh, name_en, zone, kind
FROM plan_features
WHERE layer IN ('zones', 'core-boards', 'industrial-parks', 'small-micro-parks')
