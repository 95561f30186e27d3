-- The data version the search index was built from; the index is rebuilt when it changes.
SELECT val FROM meta WHERE name = 'data_version'
