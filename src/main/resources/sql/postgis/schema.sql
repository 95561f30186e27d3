-- ZoneAtlas schema, PostGIS dialect. Keep in step with sql/h2gis/schema.sql and catalog/layers.json:
-- StoreContractTest checks that every catalog column exists in both.
-- Geometry is stored in CGCS2000 (EPSG:4490) lon/lat; areas are computed geodesically at load.
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE IF NOT EXISTS meta (
  name text PRIMARY KEY,
  val text NOT NULL
);

CREATE TABLE IF NOT EXISTS plan_features (
  id text PRIMARY KEY,
  layer text NOT NULL,
  name_zh text NOT NULL,
  name_en text NOT NULL,
  zone text NOT NULL,
  kind text NOT NULL,
  board text,
  park text,
  planned_area_km2 double precision,
  area_m2 double precision,
  area_mu double precision,
  length_km double precision,
  positioning text,
  lead_industries text,
  investment_yi double precision,
  status text,
  period text,
  source_doc text NOT NULL,
  source_lines text NOT NULL,
  schematic boolean NOT NULL,
  placement_note text,
  geom geometry(Geometry, 4490) NOT NULL
);
CREATE INDEX IF NOT EXISTS plan_features_geom ON plan_features USING gist (geom);
CREATE INDEX IF NOT EXISTS plan_features_layer ON plan_features (layer);

CREATE TABLE IF NOT EXISTS parcels (
  id text PRIMARY KEY,
  zone text NOT NULL,
  board text,
  park text,
  small_micro_park text,
  land_use_code text NOT NULL,
  land_use_name text NOT NULL,
  status text NOT NULL,
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
CREATE INDEX IF NOT EXISTS parcels_geom ON parcels USING gist (geom);
CREATE INDEX IF NOT EXISTS parcels_park ON parcels (park);

CREATE TABLE IF NOT EXISTS enterprises (
  id text PRIMARY KEY,
  uscc text NOT NULL UNIQUE,
  name_zh text NOT NULL,
  name_en text NOT NULL,
  zone text NOT NULL,
  park text,
  industry text,
  size_class text,
  founded_year integer,
  synthetic boolean NOT NULL,
  geom geometry(Point, 4490)
);
CREATE INDEX IF NOT EXISTS enterprises_geom ON enterprises USING gist (geom);

CREATE TABLE IF NOT EXISTS land_uses (
  enterprise_id text NOT NULL REFERENCES enterprises (id),
  parcel_id text NOT NULL REFERENCES parcels (id),
  role text NOT NULL CHECK (role IN ('owner', 'tenant')),
  share double precision NOT NULL CHECK (share > 0 AND share <= 1),
  since_year integer,
  PRIMARY KEY (enterprise_id, parcel_id, role)
);
CREATE INDEX IF NOT EXISTS land_uses_parcel ON land_uses (parcel_id);

CREATE TABLE IF NOT EXISTS enterprise_figures (
  enterprise_id text NOT NULL REFERENCES enterprises (id),
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
