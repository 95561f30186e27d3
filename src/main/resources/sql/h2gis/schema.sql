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
  placement_note_zh varchar,
  version integer NOT NULL DEFAULT 1,
  valid_from timestamp with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  change_id bigint,
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
  version integer NOT NULL DEFAULT 1,
  valid_from timestamp with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  change_id bigint,
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
  version integer NOT NULL DEFAULT 1,
  valid_from timestamp with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  change_id bigint,
  geom geometry(Point, 4490)
);
CREATE SPATIAL INDEX IF NOT EXISTS enterprises_geom ON enterprises (geom);

CREATE TABLE IF NOT EXISTS land_uses (
  enterprise_id varchar NOT NULL REFERENCES enterprises (id),
  parcel_id varchar NOT NULL REFERENCES parcels (id),
  role varchar NOT NULL CHECK (role IN ('owner', 'tenant')),
  share double precision NOT NULL CHECK (share > 0 AND share <= 1),
  since_year integer,
  valid_from timestamp with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  change_id bigint,
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

-- Upgrades of stores made before editing existed: the versioning columns above, added in place.
ALTER TABLE plan_features ADD COLUMN IF NOT EXISTS version integer NOT NULL DEFAULT 1;
ALTER TABLE plan_features ADD COLUMN IF NOT EXISTS valid_from timestamp with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE plan_features ADD COLUMN IF NOT EXISTS change_id bigint;
ALTER TABLE parcels ADD COLUMN IF NOT EXISTS version integer NOT NULL DEFAULT 1;
ALTER TABLE parcels ADD COLUMN IF NOT EXISTS valid_from timestamp with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE parcels ADD COLUMN IF NOT EXISTS change_id bigint;
ALTER TABLE enterprises ADD COLUMN IF NOT EXISTS version integer NOT NULL DEFAULT 1;
ALTER TABLE enterprises ADD COLUMN IF NOT EXISTS valid_from timestamp with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE enterprises ADD COLUMN IF NOT EXISTS change_id bigint;
ALTER TABLE land_uses ADD COLUMN IF NOT EXISTS valid_from timestamp with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE land_uses ADD COLUMN IF NOT EXISTS change_id bigint;

-- History (全过程留痕). Every write is one change (who, role, when, what, why, which request); the
-- versions it ended are copied, whole and unaltered, into the *_history tables with the instant
-- they ended (valid_to) and the change that ended them (ended_by). A live row holds the version
-- that is current, since valid_from, made by change_id. So the data as it stood at an instant t is
-- the live rows with valid_from <= t plus the history rows with valid_from <= t < valid_to.
-- Nothing ever updates or deletes these tables: the triggers below refuse it.
CREATE TABLE IF NOT EXISTS changes (
  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  at timestamp with time zone NOT NULL,
  username varchar,
  role varchar NOT NULL,
  op varchar NOT NULL,
  collection varchar NOT NULL,
  reason varchar,
  request_id varchar NOT NULL,
  if_match boolean NOT NULL,
  client varchar,
  summary varchar,
  feature_count integer NOT NULL
);
CREATE INDEX IF NOT EXISTS changes_at ON changes (at);
CREATE INDEX IF NOT EXISTS changes_username ON changes (username);

CREATE TABLE IF NOT EXISTS feature_changes (
  change_id bigint NOT NULL REFERENCES changes (id),
  collection varchar NOT NULL,
  feature_id varchar NOT NULL,
  op varchar NOT NULL,
  version_before integer,
  version_after integer,
  PRIMARY KEY (change_id, collection, feature_id)
);
CREATE INDEX IF NOT EXISTS feature_changes_feature ON feature_changes (collection, feature_id);
CREATE TABLE IF NOT EXISTS plan_features_history (
  id varchar NOT NULL,
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
  placement_note_zh varchar,
  version integer NOT NULL,
  valid_from timestamp with time zone NOT NULL,
  change_id bigint,
  geom geometry(Geometry, 4490) NOT NULL,
  valid_to timestamp with time zone NOT NULL,
  ended_by bigint NOT NULL REFERENCES changes (id),
  PRIMARY KEY (id, version)
);
CREATE SPATIAL INDEX IF NOT EXISTS plan_features_history_geom ON plan_features_history (geom);
-- the Chinese placement note came after the first databases were made
ALTER TABLE plan_features ADD COLUMN IF NOT EXISTS placement_note_zh varchar;
ALTER TABLE plan_features_history ADD COLUMN IF NOT EXISTS placement_note_zh varchar;
CREATE TABLE IF NOT EXISTS parcels_history (
  id varchar NOT NULL,
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
  version integer NOT NULL,
  valid_from timestamp with time zone NOT NULL,
  change_id bigint,
  geom geometry(Polygon, 4490) NOT NULL,
  valid_to timestamp with time zone NOT NULL,
  ended_by bigint NOT NULL REFERENCES changes (id),
  PRIMARY KEY (id, version)
);
CREATE SPATIAL INDEX IF NOT EXISTS parcels_history_geom ON parcels_history (geom);
CREATE TABLE IF NOT EXISTS enterprises_history (
  id varchar NOT NULL,
  uscc varchar NOT NULL,
  name_zh varchar NOT NULL,
  name_en varchar NOT NULL,
  zone varchar NOT NULL,
  park varchar,
  industry varchar,
  size_class varchar,
  founded_year integer,
  synthetic boolean NOT NULL,
  version integer NOT NULL,
  valid_from timestamp with time zone NOT NULL,
  change_id bigint,
  geom geometry(Point, 4490),
  valid_to timestamp with time zone NOT NULL,
  ended_by bigint NOT NULL REFERENCES changes (id),
  PRIMARY KEY (id, version)
);
CREATE SPATIAL INDEX IF NOT EXISTS enterprises_history_geom ON enterprises_history (geom);
CREATE TABLE IF NOT EXISTS land_uses_history (
  enterprise_id varchar NOT NULL,
  parcel_id varchar NOT NULL,
  role varchar NOT NULL,
  share double precision NOT NULL,
  since_year integer,
  valid_from timestamp with time zone NOT NULL,
  change_id bigint,
  valid_to timestamp with time zone NOT NULL,
  ended_by bigint NOT NULL REFERENCES changes (id)
);
CREATE INDEX IF NOT EXISTS land_uses_history_parcel ON land_uses_history (parcel_id);
CREATE INDEX IF NOT EXISTS land_uses_history_enterprise ON land_uses_history (enterprise_id);
CREATE INDEX IF NOT EXISTS land_uses_enterprise ON land_uses (enterprise_id);

-- The trail is append-only: any UPDATE or DELETE of it is refused by the database itself.
CREATE TRIGGER IF NOT EXISTS changes_append_only BEFORE UPDATE, DELETE ON changes FOR EACH ROW CALL 'zoneatlas.history.AppendOnlyTrigger';
CREATE TRIGGER IF NOT EXISTS feature_changes_append_only BEFORE UPDATE, DELETE ON feature_changes FOR EACH ROW CALL 'zoneatlas.history.AppendOnlyTrigger';
CREATE TRIGGER IF NOT EXISTS plan_features_history_append_only BEFORE UPDATE, DELETE ON plan_features_history FOR EACH ROW CALL 'zoneatlas.history.AppendOnlyTrigger';
CREATE TRIGGER IF NOT EXISTS parcels_history_append_only BEFORE UPDATE, DELETE ON parcels_history FOR EACH ROW CALL 'zoneatlas.history.AppendOnlyTrigger';
CREATE TRIGGER IF NOT EXISTS enterprises_history_append_only BEFORE UPDATE, DELETE ON enterprises_history FOR EACH ROW CALL 'zoneatlas.history.AppendOnlyTrigger';
CREATE TRIGGER IF NOT EXISTS land_uses_history_append_only BEFORE UPDATE, DELETE ON land_uses_history FOR EACH ROW CALL 'zoneatlas.history.AppendOnlyTrigger';

-- Login attempts of the last auth.throttle.window.seconds (auth/LoginThrottle). Digests, never
-- names or addresses.
CREATE TABLE IF NOT EXISTS login_attempts (
  bucket varchar(32) NOT NULL,
  at_ms bigint NOT NULL,
  attempt varchar(24) NOT NULL,
  PRIMARY KEY (bucket, at_ms, attempt)
);

-- Logged-out login tokens (auth/Auth): every server over this database refuses them until they
-- would have expired anyway (expires_ms), then they are purged.
CREATE TABLE IF NOT EXISTS revoked_tokens (
  jti varchar(32) PRIMARY KEY,
  expires_ms bigint NOT NULL
);

-- The annual 亩均 evaluation (efficiency/Evaluations). A zone's list for a scheme and year is frozen
-- when it goes to public notice (公示, revision 0) and again when it is published (revision 1) and
-- each time it is corrected (2, 3, ...: with the reason and the author). Frozen lists and their lines,
-- objections and their decisions are never updated or deleted: the triggers below refuse it.
CREATE TABLE IF NOT EXISTS evaluation_lists (
  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  zone varchar NOT NULL,
  scheme varchar NOT NULL,
  year integer NOT NULL,
  revision integer NOT NULL,
  state varchar NOT NULL CHECK (state IN ('notice', 'published')),
  notice_from date NOT NULL,
  notice_to date NOT NULL,
  reason varchar,
  username varchar,
  role varchar NOT NULL,
  at timestamp with time zone NOT NULL,
  change_id bigint NOT NULL,
  UNIQUE (zone, scheme, year, revision)
);
CREATE TABLE IF NOT EXISTS evaluation_entries (
  list_id bigint NOT NULL REFERENCES evaluation_lists (id),
  enterprise_id varchar NOT NULL,
  class varchar,
  score double precision,
  rank integer NOT NULL,
  ranked integer NOT NULL,
  note varchar,
  PRIMARY KEY (list_id, enterprise_id)
);
CREATE TABLE IF NOT EXISTS evaluation_objections (
  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  list_id bigint NOT NULL REFERENCES evaluation_lists (id),
  enterprise_id varchar NOT NULL,
  filed_on date NOT NULL,
  ground varchar NOT NULL,
  username varchar,
  at timestamp with time zone NOT NULL,
  change_id bigint NOT NULL
);
CREATE INDEX IF NOT EXISTS evaluation_objections_list ON evaluation_objections (list_id);
CREATE TABLE IF NOT EXISTS evaluation_decisions (
  objection_id bigint PRIMARY KEY REFERENCES evaluation_objections (id),
  decision varchar NOT NULL CHECK (decision IN ('upheld', 'rejected')),
  new_class varchar,
  note varchar NOT NULL,
  username varchar,
  at timestamp with time zone NOT NULL,
  change_id bigint NOT NULL
);
-- Bonus, penalty and exemption items recorded against a firm for a year (codes of the schemes'
-- evaluation sections). Removing one is a change like any other, kept in the change records.
CREATE TABLE IF NOT EXISTS enterprise_items (
  enterprise_id varchar NOT NULL REFERENCES enterprises (id),
  year integer NOT NULL,
  code varchar NOT NULL,
  note varchar,
  username varchar,
  at timestamp with time zone NOT NULL,
  change_id bigint NOT NULL,
  PRIMARY KEY (enterprise_id, year, code)
);
CREATE TRIGGER IF NOT EXISTS evaluation_lists_append_only BEFORE UPDATE, DELETE ON evaluation_lists FOR EACH ROW CALL 'zoneatlas.history.AppendOnlyTrigger';
CREATE TRIGGER IF NOT EXISTS evaluation_entries_append_only BEFORE UPDATE, DELETE ON evaluation_entries FOR EACH ROW CALL 'zoneatlas.history.AppendOnlyTrigger';
CREATE TRIGGER IF NOT EXISTS evaluation_objections_append_only BEFORE UPDATE, DELETE ON evaluation_objections FOR EACH ROW CALL 'zoneatlas.history.AppendOnlyTrigger';
CREATE TRIGGER IF NOT EXISTS evaluation_decisions_append_only BEFORE UPDATE, DELETE ON evaluation_decisions FOR EACH ROW CALL 'zoneatlas.history.AppendOnlyTrigger';
