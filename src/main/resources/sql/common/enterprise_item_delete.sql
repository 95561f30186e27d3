-- Removes one item. Parameters: enterprise_id, year, code.
DELETE FROM enterprise_items WHERE enterprise_id = ? AND year = ? AND code = ?
