-- Names of the plan features that roll-ups are drawn for.
SELECT id, layer, name_zh, name_en, zone
FROM plan_features
WHERE layer IN ('zones', 'core-boards', 'industrial-parks', 'small-micro-parks')
