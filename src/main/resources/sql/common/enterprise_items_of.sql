-- The items recorded against one enterprise, newest year first. Parameter: enterprise id.
SELECT year, code, note, username, at FROM enterprise_items WHERE enterprise_id = ? ORDER BY year DESC, code
