-- H2 takes a JTS geometry as the parameter itself, three times faster than parsing WKB per row
INSERT INTO enterprises (id, uscc, name_zh, name_en, zone, park, industry, size_class, founded_year, synthetic, geom)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
