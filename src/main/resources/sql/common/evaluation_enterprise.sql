-- An enterprise named by id or by 统一社会信用代码: id, zone. Parameters: the name twice.
SELECT id, zone FROM enterprises WHERE id = ? OR uscc = ?
