-- The lines of the newest frozen lists (see evaluation_lists_newest).
SELECT e.list_id, e.enterprise_id, e.class, e.score, e.rank, e.ranked, e.note
FROM evaluation_entries e
JOIN evaluation_lists l ON l.id = e.list_id
WHERE l.revision = (SELECT max(m.revision) FROM evaluation_lists m
                    WHERE m.zone = l.zone AND m.scheme = l.scheme AND m.year = l.year)
