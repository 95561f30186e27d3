-- The decision on an objection. Parameters: objection_id, decision, new_class, note, username, at, change_id.
INSERT INTO evaluation_decisions (objection_id, decision, new_class, note, username, at, change_id)
VALUES (?, ?, ?, ?, ?, ?, ?)
