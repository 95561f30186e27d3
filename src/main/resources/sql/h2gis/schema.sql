-- ZoneAtlas schema, H2GIS dialect. Keep in step with sql/postgis/schema.sql and catalog/layers.json:
-- StoreContractTest checks that every catalog column exists in both.
-- Geometry is stored in CGCS2000 (EPSG:4490) lon/lat; areas are computed geodesically at load.

CREATE TABLE IF NOT EXISTS meta (
  name varchar PRIMARY KEY,
  val varchar NOT NULL
);

CREATE TABLE IF NOT EXISTS plan_features (
  id varchar PRIMARY KEY,
  layer varchar NOT NULL,
  name_zh varchar NOT NULL,
  name_en varchar NOT NULL,
  zone varchar NOT NULL,
  kind varchar NOT NULL,
  board varchar,
  park varchar,
  planned_area_km2 double precision,
  area_m2 double precision,
  area_mu double precision,
  length_km double precision,
  positioning varchar,
  lead_industries varchar,
  investment_yi double precision,
  status varchar,
  period varchar,
  source_doc varchar NOT NULL,
  source_lines varchar NOT NULL,
  schematic boolean NOT NULL,
  placement_note varchar,
  geom geometry(Geometry, 4490) NOT NULL
);
CREATE SPATIAL INDEX IF NOT EXISTS plan_features_geom ON plan_features (geom);
CREATE INDEX IF NOT EXISTS plan_features_layer ON plan_features (layer);

CREATE TABLE IF NOT EXISTS parcels (
  id varchar PRIMARY KEY,
  zone varchar NOT NULL,
  board varchar,
  park varchar,
  small_micro_park varchar,
  land_use_code varchar NOT NULL,
  land_use_name varchar NOT NULL,
  status varchar NOT NULL,
  area_m2 double precision NOT NULL,
  area_mu double precision NOT NULL,
  floor_area_m2 double precision,
  far double precision,
  coverage double precision,
  far_min double precision,
  coverage_min double precision,
  req_invest_wan_per_mu double precision,
  req_tax_wan_per_mu double precision,
  supply_year integer,
  build_start_year integer,
  synthetic boolean NOT NULL,
  geom geometry(Polygon, 4490) NOT NULL
);
CREATE SPATIAL INDEX IF NOT EXISTS parcels_geom ON parcels (geom);
CREATE INDEX IF NOT EXISTS parcels_park ON parcels (park);

CREATE TABLE IF NOT EXISTS enterprises (
  id varchar PRIMARY KEY,
  uscc varchar NOT NULL UNIQUE,
  name_zh varchar NOT NULL,
  name_en varchar NOT NULL,
  zone varchar NOT NULL,
  park varchar,
  industry varchar,
  size_class varchar,
  founded_year integer,
  synthetic boolean NOT NULL,
  geom geometry(Point, 4490)
);
CREATE SPATIAL INDEX IF NOT EXISTS enterprises_geom ON enterprises (geom);

CREATE TABLE IF NOT EXISTS land_uses (
  enterprise_id varchar NOT NULL REFERENCES enterprises (id),
  parcel_id varchar NOT NULL REFERENCES parcels (id),
  role varchar NOT NULL CHECK (role IN ('owner', 'tenant')),
  share double precision NOT NULL CHECK (share > 0 AND share <= 1),
  since_year integer,
  PRIMARY KEY (enterprise_id, parcel_id, role)
);
CREATE INDEX IF NOT EXISTS land_uses_parcel ON land_uses (parcel_id);

CREATE TABLE IF NOT EXISTS enterprise_figures (
  enterprise_id varchar NOT NULL REFERENCES enterprises (id),
  year integer NOT NULL,
  tax_wan double precision,
  revenue_wan double precision,
  value_added_wan double precision,
  energy_tce double precision,
  employees integer,
  rnd_wan double precision,
  investment_wan double precision,
  pollutant_eq double precision,
  PRIMARY KEY (enterprise_id, year)
);
