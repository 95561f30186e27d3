SELECT val FROM meta WHERE name = ?
