#!/usr/bin/env python3
"""Checks geodata/plan/xxetdz.geojson the way the loader/tests will (stdlib only).

JSON parses; required properties; unique ids ^[a-z0-9-]+$; kinds per layer; 6-decimal coords;
polygon rings closed, CCW, simple; planned_area_km2 within 5 % (local equal-area projection,
110574 m/deg lat, 111320*cos(lat) m/deg lon); containment (zone > boards > parks > small-micro);
industrial parks of the zone do not overlap; stated line lengths within 5 %;
source lines exist in the seed and contain the feature's key word (needs the build script).
"""
import json, math, os, re, sys, importlib.util

HERE = os.path.dirname(os.path.abspath(__file__))
GJ = os.path.join(HERE, "..", "plan", "xxetdz.geojson")
SEED = os.environ.get("SEED", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "sources", "003_7e57f287e5d0df84.txt"))
REQ = ["layer", "id", "name_zh", "name_en", "zone", "kind", "source_doc", "source_lines", "schematic"]
KINDS = {
    "zones": {"development_zone", "district"},
    "core-boards": {"core_board", "functional_area"},
    "industrial-parks": {"industrial_park", "bonded_zone", "logistics_park", "industrial_base", "innovation_park", "service_park"},
    "small-micro-parks": {"small_micro_park", "standard_factory", "incubator"},
    "infrastructure": {"metro_line", "metro_station", "rail_line", "rail_station", "freight_yard", "land_port", "airport",
                       "expressway", "interchange", "road", "bridge", "logistics_hub", "substation", "power_plant",
                       "water_plant", "sewage_plant", "gas", "heating", "school", "hospital", "public_facility", "green", "digital"},
}
STATUS = {"existing", "under_construction", "planned", "proposed"}
errs, warns = [], []
def err(fid, msg): errs.append(f"{fid}: {msg}")

def proj(ring, lat0):
    c = 111320 * math.cos(math.radians(lat0))
    return [(lon * c, lat * 110574) for lon, lat in ring]
def shoelace(pts):
    return sum(pts[i][0] * pts[i + 1][1] - pts[i + 1][0] * pts[i][1] for i in range(len(pts) - 1)) / 2
def area_km2(ring):
    lat0 = sum(p[1] for p in ring[:-1]) / (len(ring) - 1)
    return abs(shoelace(proj(ring, lat0))) / 1e6
def length_km(line):
    lat0 = sum(p[1] for p in line) / len(line)
    P = proj(line, lat0)
    return sum(math.dist(P[i], P[i + 1]) for i in range(len(P) - 1)) / 1000

def orient(a, b, c):
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
def seg_cross(p1, p2, q1, q2):
    """proper or touching intersection"""
    d1, d2, d3, d4 = orient(q1, q2, p1), orient(q1, q2, p2), orient(p1, p2, q1), orient(p1, p2, q2)
    if ((d1 > 0) != (d2 > 0)) and ((d3 > 0) != (d4 > 0)) and d1 * d2 != 0 and d3 * d4 != 0:
        return True
    def on(a, b, c):
        return orient(a, b, c) == 0 and min(a[0], b[0]) <= c[0] <= max(a[0], b[0]) and min(a[1], b[1]) <= c[1] <= max(a[1], b[1])
    return on(q1, q2, p1) or on(q1, q2, p2) or on(p1, p2, q1) or on(p1, p2, q2)
def pip(pt, ring):
    x, y = pt; ins = False
    for i in range(len(ring) - 1):
        (x1, y1), (x2, y2) = ring[i], ring[i + 1]
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            ins = not ins
    return ins
def edges(ring):
    return [(ring[i], ring[i + 1]) for i in range(len(ring) - 1)]
def rings_cross(a, b):
    return any(seg_cross(p1, p2, q1, q2) for p1, p2 in edges(a) for q1, q2 in edges(b))
def inside(inner, outer):
    return not rings_cross(inner, outer) and all(pip(p, outer) for p in inner[:-1])
def overlap(a, b):
    return rings_cross(a, b) or any(pip(p, b) for p in a[:-1]) or any(pip(p, a) for p in b[:-1])
def line_hits_poly(line, ring):
    return any(seg_cross(line[i], line[i + 1], q1, q2) for i in range(len(line) - 1) for q1, q2 in edges(ring)) \
        or any(pip(p, ring) for p in line)

fc = json.load(open(GJ, encoding="utf-8"))
assert fc.get("type") == "FeatureCollection"
F = fc["features"]
ids = {}
for f in F:
    p = f["properties"]; fid = p.get("id", "?")
    for k in REQ:
        if k not in p or p[k] in (None, ""): err(fid, f"missing {k}")
    if p.get("schematic") is not True: err(fid, "schematic must be true")
    if not re.fullmatch(r"[a-z0-9-]+", fid): err(fid, "bad id")
    if fid in ids: err(fid, "duplicate id")
    ids[fid] = f
    if p.get("zone") != "xxetdz": err(fid, "zone")
    if p.get("kind") not in KINDS.get(p.get("layer"), ()): err(fid, f"kind {p.get('kind')} not valid for {p.get('layer')}")
    if "status" in p and p["status"] not in STATUS: err(fid, "status")
    if p.get("source_doc") != "003_7e57f287e5d0df84.txt": err(fid, "source_doc")
    if not re.fullmatch(r"\d+(-\d+)?(,\d+(-\d+)?)*", p.get("source_lines", "")): err(fid, "source_lines format")
    g = f["geometry"]; t = g["type"]
    flat = [g["coordinates"]] if t == "Point" else (g["coordinates"] if t == "LineString" else g["coordinates"][0])
    for c in flat:
        if any(abs(v * 1e6 - round(v * 1e6)) > 1e-6 for v in c): err(fid, "more than 6 decimals")
        if not (113.8 < c[0] < 114.2 and 35.1 < c[1] < 35.45): err(fid, f"coordinate out of area {c}")
    if p["layer"] in ("zones", "core-boards", "industrial-parks", "small-micro-parks") and t != "Polygon":
        err(fid, "polygon layer needs Polygon")
    if t == "Polygon":
        if len(g["coordinates"]) != 1: err(fid, "holes not expected")
        r = g["coordinates"][0]
        if r[0] != r[-1]: err(fid, "ring not closed")
        n = len(r) - 1
        if n < 3: err(fid, "too few vertices")
        if not (5 <= n <= 12) and p["layer"] != "zones": warns.append(f"{fid}: {n} vertices")
        if shoelace(r) <= 0: err(fid, "ring not counter-clockwise")
        E = edges(r)
        for i in range(n):
            for j in range(i + 1, n):
                if j == i + 1 or (i == 0 and j == n - 1): continue
                if seg_cross(*E[i], *E[j]): err(fid, f"self-intersection edges {i},{j}")
        if len(set(map(tuple, r[:-1]))) != n: err(fid, "repeated vertex")
        if "planned_area_km2" in p:
            a = area_km2(r); d = abs(a - p["planned_area_km2"]) / p["planned_area_km2"]
            if d > 0.05: err(fid, f"area {a:.4f} vs planned {p['planned_area_km2']} ({d:.1%})")
    if t == "LineString" and "length_km" in p:
        L = length_km(g["coordinates"]); d = abs(L - p["length_km"]) / p["length_km"]
        if d > 0.05: err(fid, f"length {L:.3f} vs {p['length_km']}")

ring = lambda fid: ids[fid]["geometry"]["coordinates"][0]
zones = [f for f in F if f["properties"]["layer"] == "zones"]
assert len(zones) == 1
Z = zones[0]["geometry"]["coordinates"][0]
for f in F:
    p = f["properties"]; fid = p["id"]
    if p["layer"] in ("core-boards", "industrial-parks", "small-micro-parks"):
        R = f["geometry"]["coordinates"][0]
        if not inside(R, Z): err(fid, "not inside zone polygon")
        for key in ("board", "park"):
            if key in p:
                if p[key] not in ids: err(fid, f"{key} {p[key]} unknown")
                elif not inside(R, ring(p[key])): err(fid, f"not inside its {key} {p[key]}")
    if p["layer"] == "small-micro-parks" and not ("park" in p or "board" in p):
        err(fid, "small-micro park needs park or board")
parks = [f for f in F if f["properties"]["layer"] == "industrial-parks"]
for i in range(len(parks)):
    for j in range(i + 1, len(parks)):
        a, b = parks[i]["geometry"]["coordinates"][0], parks[j]["geometry"]["coordinates"][0]
        if overlap(a, b): err(parks[i]["properties"]["id"], "overlaps " + parks[j]["properties"]["id"])
# roads / rivers should not run through industrial parks (tidiness)
for lid in ("xxetdz-inf-kelong-dadao", "xxetdz-inf-jingliu-lu", "xxetdz-inf-jingyi-lu", "xxetdz-inf-zhiqi-lu",
            "xxetdz-inf-guihua-yilu", "xxetdz-inf-lvhua-xinchangbeixian", "xxetdz-inf-lvhua-weiqi", "xxetdz-inf-dashahe",
            "xxetdz-inf-lvhua-jingba", "xxetdz-inf-pingyuan-lu-datong", "xxetdz-inf-guanlang-jingliu"):
    L = ids[lid]["geometry"]["coordinates"]
    for f in parks:
        if line_hits_poly(L, f["geometry"]["coordinates"][0]):
            warns.append(f"{lid} runs through {f['properties']['id']}")
lake = ring("xxetdz-inf-pingyuanhu")
for fid in ("xxetdz-inf-dashahe", "xxetdz-inf-jingliu-lu"):
    if line_hits_poly(ids[fid]["geometry"]["coordinates"], lake): err(fid, "crosses the lake")
for fid in ("xxetdz-inf-konghou-zhongxin", "xxetdz-inf-pingyuanhu-gongyuan", "xxetdz-inf-fuzhong-pingyuanhu"):
    if pip(ids[fid]["geometry"]["coordinates"], lake): err(fid, "point inside the lake")
# infrastructure polygons stay out of industrial parks
for fid in ("xxetdz-inf-jizhuangxiang-changzhan", "xxetdz-inf-lvdi-gongyuan", "xxetdz-inf-pingyuanhu", "xxetdz-inf-duoshi-lianyun-2"):
    R = ring(fid)
    if not inside(R, Z): warns.append(f"{fid} not inside the zone")
    for f in parks:
        if overlap(R, f["geometry"]["coordinates"][0]): err(fid, "overlaps park " + f["properties"]["id"])

# source-line check against the seed, key words from the build script
seed = open(SEED, encoding="utf-8").read().split("\n")
spec = importlib.util.spec_from_file_location("b", os.path.join(HERE, "xxetdz-build.py"))
b = importlib.util.module_from_spec(spec); spec.loader.exec_module(b)
chk = {f["properties"]["id"]: f["_check"] for f in b.FEATURES}
for f in F:
    p = f["properties"]; fid = p["id"]
    nums = []
    for part in p["source_lines"].split(","):
        a, _, z = part.partition("-"); nums += range(int(a), int(z or a) + 1)
    if any(n < 1 or n > len(seed) for n in nums): err(fid, "source line out of range"); continue
    text = "".join(seed[n - 1] for n in nums).replace(" ", "")
    key = chk.get(fid, "").replace(" ", "")
    if key and key not in text: err(fid, f"key word {chk[fid]!r} not in lines {p['source_lines']}")

# summary
from collections import Counter
print("features per layer:", dict(Counter(f["properties"]["layer"] for f in F)))
print("zone area km2: %.2f" % area_km2(Z))
tot = sum(area_km2(f["geometry"]["coordinates"][0]) for f in parks)
print("industrial parks: %d, total %.2f km2" % (len(parks), tot))
for f in F:
    p = f["properties"]
    if "planned_area_km2" in p:
        print("  %-45s planned %.4f drawn %.4f" % (p["id"], p["planned_area_km2"], area_km2(f["geometry"]["coordinates"][0])))
for w in warns: print("WARN", w)
for e in errs: print("ERROR", e)
print("OK" if not errs else f"{len(errs)} errors")
sys.exit(1 if errs else 0)
