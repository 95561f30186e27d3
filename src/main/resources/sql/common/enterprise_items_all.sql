-- Every bonus, penalty and exemption item recorded, for the engine.
SELECT enterprise_id, year, code, note FROM enterprise_items
