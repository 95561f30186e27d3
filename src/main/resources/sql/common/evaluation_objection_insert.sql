-- An objection to a 公示 list. Parameters: list_id, enterprise_id, filed_on, ground, username, at, change_id.
INSERT INTO evaluation_objections (list_id, enterprise_id, filed_on, ground, username, at, change_id)
VALUES (?, ?, ?, ?, ?, ?, ?)
