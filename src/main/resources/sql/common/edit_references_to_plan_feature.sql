-- What still refers to a plan feature that is to be deleted: parcels and plan features placed in it.
-- Parameters: the id six times.
SELECT (SELECT COUNT(*) FROM parcels WHERE board = ? OR park = ? OR small_micro_park = ?),
       (SELECT COUNT(*) FROM plan_features WHERE board = ? OR park = ?),
       (SELECT COUNT(*) FROM enterprises WHERE park = ?)
