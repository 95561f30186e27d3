-- Every parcel id with its zone: a parcel import checks its ids against them.
SELECT id, zone FROM parcels
