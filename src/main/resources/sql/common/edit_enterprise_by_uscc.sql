-- The enterprise that holds a credit code, which must stay unique. Parameter: uscc.
SELECT id FROM enterprises WHERE uscc = ?
