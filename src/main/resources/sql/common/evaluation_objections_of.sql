-- The objections to one 公示 list with their decisions (null while undecided). Parameter: list id.
SELECT o.id, o.enterprise_id, o.filed_on, o.ground, o.username, o.at,
       d.decision, d.new_class, d.note, d.username, d.at
FROM evaluation_objections o
LEFT JOIN evaluation_decisions d ON d.objection_id = o.id
WHERE o.list_id = ?
ORDER BY o.id
