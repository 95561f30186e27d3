-- Sets a meta key in place. An upsert, not delete-and-insert: two writers moving the data version at
-- once queue on the row lock instead of one failing on the other's new row. Parameters: name, value.
INSERT INTO meta (name, val) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET val = EXCLUDED.val
