-- One change record (the trail's entry for one write). Parameters: at, username, role, op, collection,
-- reason, request_id, if_match, client, summary, feature_count.
INSERT INTO changes (at, username, role, op, collection, reason, request_id, if_match, client, summary, feature_count)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
