-- One item. Parameters: enterprise_id, year, code, note, username, at, change_id.
INSERT INTO enterprise_items (enterprise_id, year, code, note, username, at, change_id) VALUES (?, ?, ?, ?, ?, ?, ?)
