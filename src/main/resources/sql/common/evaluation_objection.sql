-- One objection, its list and whether it is decided. Parameter: objection id.
SELECT o.id, o.list_id, o.enterprise_id, l.zone, l.scheme, l.year, l.state, d.objection_id
FROM evaluation_objections o
JOIN evaluation_lists l ON l.id = o.list_id
LEFT JOIN evaluation_decisions d ON d.objection_id = o.id
WHERE o.id = ?
