#!/usr/bin/env python3
"""Side-by-side driver for scripts/bench-peers.sh (standard library only).

Alternates, in one run, the same requests against each server and the same SQL alone through
psql, then runs ab (apache2-utils) with 64 connections against each server's bbox request.
Writes a Markdown results table to --out and prints it.
"""
import argparse, http.client, json, math, re, statistics, subprocess, sys, time, urllib.parse

ap = argparse.ArgumentParser()
ap.add_argument("--psql", required=True, help="psql command line, space separated")
ap.add_argument("--zoneatlas"); ap.add_argument("--tipg"); ap.add_argument("--qgis")
ap.add_argument("--qgis-fcgi", help="QGIS Server's FastCGI program behind lighttpd: base URL")
ap.add_argument("--tipg-tile-order", default="zxy")
ap.add_argument("--runs", type=int, default=40)
ap.add_argument("--load-seconds", type=int, default=60)
ap.add_argument("--connections", type=int, default=64)
ap.add_argument("--target", type=int, default=2500)
ap.add_argument("--out", required=True)
a = ap.parse_args()


class Psql:
    """One psql session; each query's own time from \\timing (results read by psql, dropped)."""
    def __init__(self, cmd):
        self.p = subprocess.Popen(cmd.split() + ["-X", "-q", "-v", "ON_ERROR_STOP=0"], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
        self.send("\\pset format unaligned\n\\pset pager off\n\\pset tuples_only on\n")

    def send(self, s):
        self.p.stdin.write(s); self.p.stdin.flush()

    def value(self, sql):
        self.send("\\o\n\\timing off\n" + sql + ";\n\\echo __END__\n")
        lines = []
        while True:
            l = self.p.stdout.readline()
            if not l: raise SystemExit("psql ended")
            if l.strip() == "__END__": break
            lines.append(l.rstrip("\n"))
        return lines

    def timed(self, sql):
        self.send("\\o /dev/null\n\\timing on\n" + sql + ";\n\\timing off\n\\o\n\\echo __END__\n")
        ms = None
        while True:
            l = self.p.stdout.readline()
            if not l: raise SystemExit("psql ended")
            m = re.match(r"Time: ([0-9.]+) ms", l)
            if m: ms = float(m.group(1))
            elif l.strip() == "__END__": break
            elif l.strip(): print("psql:", l.strip(), file=sys.stderr)
        return ms


db = Psql(a.psql)
n_parcels = int(db.value("SELECT count(*) FROM parcels")[-1])
x0, y0, x1, y1 = map(float, db.value(
    "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(geom)::geometry e FROM parcels) s")[-1].split("|"))
# a box at the centre of the fabric holding about --target parcels: scaled by the count it holds
# until within 4 % (the fabric is denser at its centre than on average)
cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
f = (a.target / n_parcels) ** 0.5
w, h = (x1 - x0) * f, (y1 - y0) * f
for _ in range(8):
    bbox = [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2]
    bb = ",".join("%.7f" % v for v in bbox)
    env = "ST_MakeEnvelope(%s, 4490)" % bb
    n_bbox = int(db.value("SELECT count(*) FROM parcels WHERE geom && %s AND ST_Intersects(geom, %s)" % (env, env))[-1])
    if abs(n_bbox - a.target) <= 0.04 * a.target:
        break
    w, h = w * (a.target / n_bbox) ** 0.5, h * (a.target / n_bbox) ** 0.5
# the densest z14 tile: the one holding the most parcel centroids
z = 14
tx, ty = map(int, db.value(
    "SELECT floor((ST_X(c) + 180) / 360 * 16384)::int AS x,"
    " floor((1 - ln(tan(radians(ST_Y(c))) + 1 / cos(radians(ST_Y(c)))) / pi()) / 2 * 16384)::int AS y"
    " FROM (SELECT ST_Centroid(geom) c FROM parcels) s GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2 LIMIT 1")[-1].split("|"))
tile_env = "ST_Transform(ST_TileEnvelope(%d, %d, %d, margin => %r), 4490)" % (z, tx, ty, 64 / 4096)
n_tile = int(db.value("SELECT count(*) FROM parcels WHERE geom && %s AND ST_Intersects(geom, %s)" % (tile_env, tile_env))[-1])

ITEMS_SQL = ("SELECT id, zone, board, park, small_micro_park, land_use_code, land_use_name, status, area_m2, area_mu,"
             " floor_area_m2, far, coverage, far_min, coverage_min, req_invest_wan_per_mu, req_tax_wan_per_mu, supply_year,"
             " build_start_year, synthetic, ST_AsGeoJSON(geom, 7) FROM parcels"
             " WHERE geom && %s AND ST_Intersects(geom, %s) ORDER BY id LIMIT 10000" % (env, env))
# ZoneAtlas's own tile statement (src/main/resources/sql/postgis/tiles_layer.sql) with the parcels' tile properties
TILE_SQL = ("WITH env AS (SELECT ST_TileEnvelope({z}, {x}, {y}) AS tile, {q} AS q),"
            " rows AS (SELECT t.id, t.zone, t.board, t.park, t.small_micro_park, t.land_use_code, t.land_use_name, t.status,"
            " ('x' || substr(md5(t.id), 1, 13))::bit(52)::bigint AS mvt_id,"
            " COALESCE(ST_AsMVTGeom(ST_Transform(t.geom, 3857), env.tile, 4096, 64, true),"
            " CASE WHEN ST_Dimension(t.geom) = 2 THEN ST_AsMVTGeom(ST_Expand(ST_Transform(ST_PointOnSurface(t.geom), 3857),"
            " (ST_XMax(env.tile) - ST_XMin(env.tile)) / 4096), env.tile, 4096, 64, true) END) AS mvt_geom"
            " FROM parcels t, env WHERE t.geom && env.q AND ST_Intersects(t.geom, env.q) ORDER BY t.id)"
            " SELECT ST_AsMVT(rows, 'parcels', 4096, 'mvt_geom', 'mvt_id') FROM rows"
            ).format(z=z, x=tx, y=ty, q=tile_env)
# the bare ST_AsMVT: the same tile, only the geometry clipped and encoded with the same properties
BARE_TILE_SQL = ("WITH env AS (SELECT ST_TileEnvelope({z}, {x}, {y}) AS tile, {q} AS q),"
                 " rows AS (SELECT t.id, t.zone, t.board, t.park, t.small_micro_park, t.land_use_code, t.land_use_name, t.status,"
                 " ST_AsMVTGeom(ST_Transform(t.geom, 3857), env.tile, 4096, 64, true) AS mvt_geom"
                 " FROM parcels t, env WHERE t.geom && env.q AND ST_Intersects(t.geom, env.q))"
                 " SELECT ST_AsMVT(rows, 'parcels', 4096, 'mvt_geom') FROM rows").format(z=z, x=tx, y=ty, q=tile_env)

cases = []  # (name, kind, fn)


def http_case(base, path, accept):
    u = urllib.parse.urlsplit(base)
    prefix = u.path.rstrip("/")
    state = {"c": None}

    def run():
        for attempt in (0, 1):
            if state["c"] is None:
                state["c"] = http.client.HTTPConnection(u.hostname, u.port, timeout=120)
            c = state["c"]
            t0 = time.perf_counter()
            try:
                c.request("GET", prefix + path, headers={"Accept": accept})
                r = c.getresponse()
                body = r.read()
            except (http.client.HTTPException, OSError):
                c.close(); state["c"] = None
                if attempt: raise
                continue
            ms = (time.perf_counter() - t0) * 1000
            if r.getheader("Connection", "").lower() == "close":
                c.close(); state["c"] = None
            if r.status != 200:
                raise SystemExit("%s%s -> HTTP %d: %s" % (base, path, r.status, body[:300]))
            return ms, body
    return run


def features(body):
    try:
        d = json.loads(body)
        return len(d.get("features", []))
    except Exception:
        return -1


servers = {}
if a.zoneatlas:
    servers["ZoneAtlas"] = (http_case(a.zoneatlas, "/collections/parcels/items?limit=10000&bbox=" + bb, "application/geo+json"),
                            http_case(a.zoneatlas, "/collections/parcels/tiles/WebMercatorQuad/%d/%d/%d" % (z, ty, tx),
                                      "application/vnd.mapbox-vector-tile"),
                            a.zoneatlas + "/collections/parcels/items?limit=10000&bbox=" + bb)
if a.tipg:
    tpath = (z, tx, ty) if a.tipg_tile_order == "zxy" else (z, ty, tx)
    servers["tipg"] = (http_case(a.tipg, "/collections/public.parcels/items?limit=10000&bbox=" + bb, "application/geo+json"),
                       http_case(a.tipg, "/collections/public.parcels/tiles/WebMercatorQuad/%d/%d/%d" % tpath,
                                 "application/vnd.mapbox-vector-tile"),
                       a.tipg + "/collections/public.parcels/items?limit=10000&bbox=" + bb)
if a.qgis:
    servers["QGIS Server"] = (http_case(a.qgis, "/wfs3/collections/parcels/items.geojson?limit=10000&bbox=" + bb, "application/geo+json"),
                              None,
                              a.qgis + "/wfs3/collections/parcels/items.geojson?limit=10000&bbox=" + bb)

if a.qgis_fcgi:
    servers["QGIS Server FastCGI"] = (http_case(a.qgis_fcgi, "/wfs3/collections/parcels/items.geojson?limit=10000&bbox=" + bb, "application/geo+json"),
                                      None,
                                      a.qgis_fcgi + "/wfs3/collections/parcels/items.geojson?limit=10000&bbox=" + bb)

print("parcels %d; bbox %s holds %d; z14 tile %d/%d/%d (x/y) holds %d" % (n_parcels, bb, n_bbox, z, tx, ty, n_tile))
# check answers and warm every path
counts = {}
for name, (items, tile, _) in servers.items():
    ms, body = items()
    counts[name] = features(body)
    print("%s: %d features, %d KB" % (name, counts[name], len(body) // 1024))
    if tile:
        ms, body = tile()
        print("%s: tile %d bytes" % (name, len(body)))
for _ in range(5):
    for name, (items, tile, _) in servers.items():
        items(); tile and tile()
    db.timed(ITEMS_SQL); db.timed(TILE_SQL); db.timed(BARE_TILE_SQL)

t = {k: [] for k in ["sql items", "sql tile", "sql bare tile"]}
for name, (items, tile, _) in servers.items():
    t[name + " items"] = []
    if tile: t[name + " tile"] = []
steps = [("sql items", lambda: db.timed(ITEMS_SQL)), ("sql tile", lambda: db.timed(TILE_SQL)),
         ("sql bare tile", lambda: db.timed(BARE_TILE_SQL))]
for name, (items, tile, _) in servers.items():
    steps.append((name + " items", lambda f=items: f()[0]))
    if tile: steps.append((name + " tile", lambda f=tile: f()[0]))
for i in range(a.runs):
    k = i % len(steps)  # rotate the order so that noise hits every case alike
    for key, fn in steps[k:] + steps[:k]:
        t[key].append(fn())
med = {k: statistics.median(v) for k, v in t.items()}

load = {}
for name, (_, _, url) in servers.items():
    cmd = ["ab", "-q", "-t", str(a.load_seconds), "-n", "100000000", "-c", str(a.connections), "-s", "60",
           "-H", "Accept: application/geo+json", url]
    print("load:", name, " ".join(cmd[:-1]), "URL", flush=True)
    p = subprocess.run(cmd, capture_output=True, text=True)
    out = p.stdout
    def grab(rx, cast=float, default=None):
        m = re.search(rx, out, re.M)
        return cast(m.group(1)) if m else default
    load[name] = {
        "complete": grab(r"^Complete requests:\s+(\d+)", int, 0),
        "failed": grab(r"^Failed requests:\s+(\d+)", int, 0),
        "connect": grab(r"Connect: (\d+)", int, 0), "receive": grab(r"Receive: (\d+)", int, 0),
        "length": grab(r"Length: (\d+)", int, 0), "exceptions": grab(r"Exceptions: (\d+)", int, 0),
        "non2xx": grab(r"^Non-2xx responses:\s+(\d+)", int, 0),
        "rps": grab(r"^Requests per second:\s+([0-9.]+)"),
        "seconds": grab(r"^Time taken for tests:\s+([0-9.]+)"),
        "p50": grab(r"^\s+50%\s+(\d+)", int), "p99": grab(r"^\s+99%\s+(\d+)", int),
        "rc": p.returncode, "err": p.stderr.strip()[-300:],
    }
    l = load[name]
    l["ok"] = l["complete"] - l["non2xx"] - l["connect"] - l["receive"] - l["exceptions"]
    l["ok_rps"] = l["ok"] / l["seconds"] if l["seconds"] else 0.0
    print(name, l, flush=True)

lines = []
lines.append("Parcels: %d; bbox %s (EPSG:4490) holds %d parcels; z14 tile x=%d y=%d holds %d parcels (with the 64/4096 margin)."
             % (n_parcels, bb, n_bbox, tx, ty, n_tile))
lines.append("Sequential medians of %d alternated runs each (one client, warm caches):" % a.runs)
lines.append("")
lines.append("| request | median ms | ratio to its SQL alone |")
lines.append("|---|---:|---:|")
lines.append("| bbox items SQL alone (psql, ST_AsGeoJSON rows) | %.1f | 1.00 |" % med["sql items"])
for name in servers:
    lines.append("| %s items, GeoJSON (%d features) | %.1f | %.2f |" % (name, counts[name], med[name + " items"], med[name + " items"] / med["sql items"]))
lines.append("| z14 tile: bare ST_AsMVT (psql) | %.1f | 1.00 |" % med["sql bare tile"])
lines.append("| z14 tile: ZoneAtlas's tile SQL alone (psql) | %.1f | %.2f |" % (med["sql tile"], med["sql tile"] / med["sql bare tile"]))
for name in servers:
    if name + " tile" in med:
        lines.append("| %s z14 tile | %.1f | %.2f |" % (name, med[name + " tile"], med[name + " tile"] / med["sql bare tile"]))
lines.append("")
lines.append("Load: ab, %d connections for %d s, the bbox items request (no keep-alive):" % (a.connections, a.load_seconds))
lines.append("")
lines.append("| server | answers | 200 OK | OK/s | all answers/s | p50 ms | p99 ms | errors (non-2xx; connect/receive/exceptions) |")
lines.append("|---|---:|---:|---:|---:|---:|---:|---|")
for name, l in load.items():
    lines.append("| %s | %d | %d | %.2f | %s | %s | %s | %d; %d/%d/%d |" % (name, l["complete"], l["ok"], l["ok_rps"], l["rps"], l["p50"],
                 l["p99"], l["non2xx"], l["connect"], l["receive"], l["exceptions"]))
lines.append("")
lines.append("p50/p99 are ab's, over all answers (errors included). ab counts a body whose length differs from the first"
             " one as a 'Length' failure: error answers do, so they are counted once, as non-2xx.")
for q in ("QGIS Server", "QGIS Server FastCGI"):
    if "ZoneAtlas" in load and q in load and load[q]["ok_rps"]:
        lines.append("")
        lines.append("ZoneAtlas / %s throughput of 200 OK answers: %.2f×" % (q, load["ZoneAtlas"]["ok_rps"] / load[q]["ok_rps"]))
text = "\n".join(lines) + "\n"
open(a.out, "w").write(text)
print(text)
json.dump({"medians": med, "load": load, "counts": counts}, open(a.out + ".json", "w"), indent=1)
