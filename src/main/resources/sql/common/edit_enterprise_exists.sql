-- Whether an enterprise exists, for a land-use link to it. Parameter: id.
SELECT id FROM enterprises WHERE id = ?
