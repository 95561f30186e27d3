-- The lines of one frozen list. Parameter: list id.
SELECT enterprise_id, class, score, rank, ranked, note
FROM evaluation_entries
WHERE list_id = ?
ORDER BY enterprise_id
