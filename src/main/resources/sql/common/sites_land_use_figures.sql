-- For the simple mu sums of a drawn area: each enterprise's land on the parcels that may meet
-- the shape, its land on all parcels (to apportion its figures), and its latest-year tax and
-- revenue (万元; the latest year in the table). A link's land follows the evaluation's rule
-- (EfficiencyEngine): a tenant has its share of the parcel; the owners share what is not leased
-- out, in proportion to their ownership shares, so a parcel's links never add up to more than
-- the parcel. Parameters: the shape, twice.
SELECT lu.parcel_id, lu.enterprise_id, e.name_zh, e.name_en,
       (SELECT SUM(CASE WHEN l2.role = 'tenant' THEN p2.area_mu * l2.share
                        ELSE p2.area_mu * l2.share
                             * GREATEST(0, 1 - COALESCE((SELECT SUM(t.share) FROM land_uses t
                                                          WHERE t.parcel_id = l2.parcel_id AND t.role = 'tenant'), 0))
                             / NULLIF((SELECT SUM(o.share) FROM land_uses o
                                        WHERE o.parcel_id = l2.parcel_id AND o.role = 'owner'), 0) END)
          FROM land_uses l2 JOIN parcels p2 ON p2.id = l2.parcel_id
         WHERE l2.enterprise_id = lu.enterprise_id) AS ent_land_mu,
       f.year, f.tax_wan, f.revenue_wan,
       CASE WHEN lu.role = 'tenant' THEN p.area_mu * lu.share
            ELSE p.area_mu * lu.share
                 * GREATEST(0, 1 - COALESCE((SELECT SUM(t.share) FROM land_uses t
                                              WHERE t.parcel_id = lu.parcel_id AND t.role = 'tenant'), 0))
                 / NULLIF((SELECT SUM(o.share) FROM land_uses o
                            WHERE o.parcel_id = lu.parcel_id AND o.role = 'owner'), 0) END AS land_mu
FROM parcels p
JOIN land_uses lu ON lu.parcel_id = p.id
JOIN enterprises e ON e.id = lu.enterprise_id
LEFT JOIN enterprise_figures f
  ON f.enterprise_id = lu.enterprise_id
 AND f.year = (SELECT MAX(year) FROM enterprise_figures)
WHERE p.geom && ?
  AND ST_Intersects(p.geom, ?)
ORDER BY lu.parcel_id, lu.enterprise_id, lu.role
