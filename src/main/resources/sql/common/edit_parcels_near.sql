-- Parcels whose box meets a box, for the overlap check of an edited parcel (Java measures the
-- overlap geodesically). Parameter: the box as a geometry.
SELECT id, geom FROM parcels WHERE geom && ?
