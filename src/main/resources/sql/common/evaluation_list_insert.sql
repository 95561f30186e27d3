-- A frozen list. Parameters: zone, scheme, year, revision, state, notice_from, notice_to, reason,
-- username, role, at, change_id.
INSERT INTO evaluation_lists (zone, scheme, year, revision, state, notice_from, notice_to, reason, username, role, at, change_id)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
