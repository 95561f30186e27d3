#!/usr/bin/env bash
# ZoneAtlas side by side with its peers (issue 11, point 7): ZoneAtlas, tipg and QGIS Server 3.22
# on one PostGIS parcel table in a throwaway cluster, each request alternated with the same SQL
# alone through psql, then 64 connections for 60 s of the bbox request against each server.
# Results: docs/benchmarks.md explains them; this run's table is written to $OUT.
#
#   bash scripts/bench-peers.sh                      # as root on Debian 12 (installs what it needs)
#   LOAD_SECONDS=10 RUNS=15 bash scripts/bench-peers.sh   # a short run while developing
#
# Settings (environment): PARCELS (200000), RUNS (40 alternated sequential rounds), LOAD_SECONDS
# (60), CONNECTIONS (64), TIPG_VERSION (1.5.0), JAR (target/zoneatlas.jar, built when missing),
# OUT (bench-peers-results.md in the working folder), SKIP_INSTALL=1 to skip apt/pip, TILES_CACHE_MB
# (0: tiles rendered for every request; the server default keeps 128 MB).
# Idempotent: installs only what is missing; everything it starts (cluster, servers) lives in a
# scratch folder and is stopped and removed when it ends, also when it fails.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HERE=$ROOT/scripts/bench-peers
PARCELS=${PARCELS:-200000}
RUNS=${RUNS:-40}
LOAD_SECONDS=${LOAD_SECONDS:-60}
CONNECTIONS=${CONNECTIONS:-64}
TIPG_VERSION=${TIPG_VERSION:-1.5.0}
JAR=${JAR:-$ROOT/target/zoneatlas.jar}
OUT=${OUT:-$PWD/bench-peers-results.md}
VENV=${VENV:-/var/tmp/zoneatlas-bench-peers/tipg-$TIPG_VERSION}
PG_BIN=/usr/lib/postgresql/15/bin

log() { printf '[bench-peers %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

if [[ $(id -u) -ne 0 ]]; then
  echo "run as root (it installs Debian packages and runs PostgreSQL as the postgres user)" >&2
  exit 1
fi

# --- 1. what it needs ------------------------------------------------------------------------
PKGS=(postgresql-15 postgresql-15-postgis-3 qgis-server python3-qgis spawn-fcgi lighttpd apache2-utils python3-venv curl)
if [[ ${SKIP_INSTALL:-0} != 1 ]]; then
  missing=()
  for p in "${PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
fi
QGIS_MAPSERVER=$(command -v qgis_mapserver || true)
[[ -n $QGIS_MAPSERVER ]] || QGIS_MAPSERVER=/usr/bin/qgis_mapserver

# tipg from PyPI, pinned, in its own venv. When PyPI cannot be reached (or the pinned version does
# not install on this Python) the run goes on without tipg and says why.
TIPG_REASON=""
if [[ ${SKIP_TIPG:-0} == 1 ]]; then
  TIPG_REASON="SKIP_TIPG=1"
elif [[ ! -x $VENV/bin/uvicorn ]] || ! "$VENV/bin/python" -c 'import tipg' 2>/dev/null; then
  log "installing tipg==$TIPG_VERSION into $VENV"
  /usr/bin/python3 -m venv "$VENV"
  if ! "$VENV/bin/pip" install -q "tipg==$TIPG_VERSION" uvicorn >"$VENV.pip.log" 2>&1; then
    TIPG_REASON="pip install tipg==$TIPG_VERSION failed: $(grep -m1 -E '^ERROR' "$VENV.pip.log" || tail -1 "$VENV.pip.log")"
    log "$TIPG_REASON (log: $VENV.pip.log); going on without tipg"
  fi
fi

# --- the ZoneAtlas jar ---------------------------------------------------------------------------
if [[ ! -f $JAR ]]; then
  log "building $JAR"
  (cd "$ROOT" && mvn -B -ntp -q package -DskipTests)
fi

# --- 2. a throwaway PostGIS cluster --------------------------------------------------------------
WORK=$(mktemp -d /tmp/zoneatlas-peers-XXXXXX)
chmod 755 "$WORK"
PIDS=()
cleanup() {
  set +e
  for f in "$WORK"/qgis-fcgi.pid "$WORK"/lighttpd.pid; do [[ -f $f ]] && PIDS+=($(cat "$f")); done
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
  sleep 1
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null; done
  [[ -f $WORK/data/postmaster.pid ]] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/data" -m fast -w stop >/dev/null
  if [[ ${KEEP_WORK:-0} == 1 ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() { # url seconds name logfile
  for _ in $(seq 1 "$2"); do
    curl -fs -o /dev/null "$1" && return 0
    sleep 1
  done
  log "$3 did not answer $1 within $2 s; its log:"; tail -30 "$4" >&2; return 1
}

PGPORT=$(free_port)
chown postgres:postgres "$WORK"
runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/data" -l "$WORK/pg.log" -w -t 60 -o \
  "-p $PGPORT -k $WORK -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=256MB" \
  start >/dev/null
runuser -u postgres -- "$PG_BIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres bench
PSQL="$PG_BIN/psql -h 127.0.0.1 -p $PGPORT -U postgres -d bench"
$PSQL -qc 'CREATE EXTENSION IF NOT EXISTS postgis' >/dev/null
log "PostGIS $($PSQL -Atc 'SELECT postgis_lib_version()') on PostgreSQL $($PSQL -Atc 'SHOW server_version') at 127.0.0.1:$PGPORT"

# the parcels: ZoneAtlas's own seeded generator (SyntheticGenerator.benchParcels, seed 42, as the
# Java benchmarks), written by its DataWriter into ZoneAtlas's schema
log "loading $PARCELS parcels"
java -cp "$JAR" "$HERE/LoadParcels.java" "jdbc:postgresql://127.0.0.1:$PGPORT/bench" postgres "$PARCELS"

# --- 3. the servers -------------------------------------------------------------------------------
ZPORT=$(free_port)
# the tile rows time rendering, as the peers do: ZoneAtlas's tile cache (which would answer every
# repeat of the same tile from memory) is off unless TILES_CACHE_MB says otherwise
java -jar "$JAR" --db.url "jdbc:postgresql://127.0.0.1:$PGPORT/bench" --db.user postgres --demo.load false \
  --tiles.cache.mb "${TILES_CACHE_MB:-0}" --port "$ZPORT" --host 127.0.0.1 >"$WORK/zoneatlas.log" 2>&1 &
PIDS+=($!)

QPORT=$(free_port)
QT_QPA_PLATFORM=offscreen /usr/bin/python3 "$HERE/qgis_project.py" "$PGPORT" bench "$WORK/parcels.qgs" >"$WORK/qgis-project.log" 2>&1 \
  || { cat "$WORK/qgis-project.log" >&2; exit 1; }
QT_QPA_PLATFORM=offscreen QGIS_SERVER_LOG_LEVEL=2 QGIS_SERVER_PARALLEL_RENDERING=false \
  "$QGIS_MAPSERVER" -l 2 -p "$WORK/parcels.qgs" "127.0.0.1:$QPORT" >"$WORK/qgis.log" 2>&1 &
PIDS+=($!)

# the same project through QGIS Server's FastCGI program, one process per core, behind lighttpd
# (how QGIS Server is deployed in production; qgis_mapserver is its development server)
FPORT=$(free_port)
FCGI_PROCS=$(nproc)
spawn-fcgi -s "$WORK/qgis.sock" -F "$FCGI_PROCS" -P "$WORK/qgis-fcgi.pid" -- /usr/bin/env QT_QPA_PLATFORM=offscreen \
  QGIS_PROJECT_FILE="$WORK/parcels.qgs" QGIS_SERVER_LOG_LEVEL=2 QGIS_SERVER_PARALLEL_RENDERING=false \
  /usr/lib/cgi-bin/qgis_mapserv.fcgi >"$WORK/qgis-fcgi.log" 2>&1
cat >"$WORK/lighttpd.conf" <<EOF
server.document-root = "$WORK"
server.port = $FPORT
server.bind = "127.0.0.1"
server.modules = ("mod_fastcgi")
server.pid-file = "$WORK/lighttpd.pid"
server.errorlog = "$WORK/lighttpd.err"
server.max-connections = 1024
fastcgi.server = ( "/qgis" => (( "socket" => "$WORK/qgis.sock", "check-local" => "disable" )) )
EOF
lighttpd -f "$WORK/lighttpd.conf"

TPORT=""
if [[ -z $TIPG_REASON ]]; then
  TPORT=$(free_port)
  DATABASE_URL="postgresql://postgres@127.0.0.1:$PGPORT/bench" TIPG_DB_SCHEMAS='["public"]' TIPG_MAX_FEATURES_PER_QUERY=10000 \
    "$VENV/bin/uvicorn" tipg.main:app --host 127.0.0.1 --port "$TPORT" --workers 2 --log-level warning >"$WORK/tipg.log" 2>&1 &
  PIDS+=($!)
fi

wait_http "http://127.0.0.1:$ZPORT/collections/parcels" 120 ZoneAtlas "$WORK/zoneatlas.log"
wait_http "http://127.0.0.1:$QPORT/wfs3/collections/parcels" 60 "QGIS Server" "$WORK/qgis.log"
wait_http "http://127.0.0.1:$FPORT/qgis/wfs3/collections/parcels" 60 "QGIS Server FastCGI" "$WORK/lighttpd.err"
if [[ -n $TPORT ]] && ! wait_http "http://127.0.0.1:$TPORT/collections/public.parcels" 60 tipg "$WORK/tipg.log"; then
  TIPG_REASON="tipg $TIPG_VERSION did not serve public.parcels: $(tail -1 "$WORK/tipg.log")"
  TPORT=""
fi

JAVA_VERSION=$(java -version 2>&1 | head -1)
QGIS_VERSION=$(dpkg-query -W -f='${Version}' qgis-server)
POSTGIS_VERSION=$($PSQL -Atc 'SELECT postgis_full_version()' | grep -o 'POSTGIS="[^"]*"')
TIPG_TILE_ORDER=zxy # tipg 0.x-1.x: /collections/{id}/tiles/{tms}/{z}/{x}/{y}

# --- 4. the run -------------------------------------------------------------------------------------
args=(--psql "$PSQL" --zoneatlas "http://127.0.0.1:$ZPORT" --qgis "http://127.0.0.1:$QPORT"
  --qgis-fcgi "http://127.0.0.1:$FPORT/qgis"
  --runs "$RUNS" --load-seconds "$LOAD_SECONDS" --connections "$CONNECTIONS" --out "$OUT.table")
[[ -n $TPORT ]] && args+=(--tipg "http://127.0.0.1:$TPORT" --tipg-tile-order "$TIPG_TILE_ORDER")
python3 "$HERE/drive.py" "${args[@]}"

{
  echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo)."
  echo "ZoneAtlas: $JAR ($JAVA_VERSION, db.pool.size default); QGIS Server $QGIS_VERSION (qgis_mapserver, and qgis_mapserv.fcgi × $FCGI_PROCS behind lighttpd $(lighttpd -v | grep -o '1\.[0-9.]*'));"
  echo "PostgreSQL $($PSQL -Atc 'SHOW server_version'), $POSTGIS_VERSION; ab $(ab -V | head -1 | awk '{print $5}')."
  if [[ -n $TPORT ]]; then echo "tipg $TIPG_VERSION (uvicorn, 2 workers)."; else echo "tipg: not run ($TIPG_REASON)."; fi
  echo
  cat "$OUT.table"
} >"$OUT"
rm -f "$OUT.table"
log "results: $OUT"
cat "$OUT"
