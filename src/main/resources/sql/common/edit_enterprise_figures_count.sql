-- Years for which an enterprise has figures or evaluation items (bonus, penalty, exemption): such an
-- enterprise is not deleted, or that year's record would be lost. Parameter: id.
WITH e AS (SELECT CAST(? AS varchar) AS id)
SELECT COUNT(DISTINCT y.year) FROM (
  SELECT f.year FROM enterprise_figures f, e WHERE f.enterprise_id = e.id
  UNION ALL
  SELECT i.year FROM enterprise_items i, e WHERE i.enterprise_id = e.id
) y
