-- Sets a meta key in place (see the PostGIS statement for why an upsert). Parameters: name, value.
MERGE INTO meta (name, val) KEY (name) VALUES (?, ?)
