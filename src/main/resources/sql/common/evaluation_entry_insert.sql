-- One line of a frozen list. Parameters: list_id, enterprise_id, class, score, rank, ranked, note.
INSERT INTO evaluation_entries (list_id, enterprise_id, class, score, rank, ranked, note)
VALUES (?, ?, ?, ?, ?, ?, ?)
