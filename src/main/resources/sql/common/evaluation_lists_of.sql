-- Every frozen list of one zone, scheme and year, oldest first. Parameters: zone, scheme, year.
SELECT id, revision, state, notice_from, notice_to, reason, username, role, at, change_id
FROM evaluation_lists
WHERE zone = ? AND scheme = ? AND year = ?
ORDER BY revision
