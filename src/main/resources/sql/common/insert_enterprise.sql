INSERT INTO enterprises (id, uscc, name_zh, name_en, zone, park, industry, size_class, founded_year, synthetic, geom)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
