#!/usr/bin/env python3
"""Checks geodata/plan/zzetdz.geojson against geodata/README.md and the drawing brief.
Standard library only. Exit code 1 on any error.
Run:  python3 geodata/tools/zzetdz-validate.py [path]
"""
import json, math, re, sys, os

PATH = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "plan", "zzetdz.geojson")
REQ = ["layer", "id", "name_zh", "name_en", "zone", "kind", "source_doc", "source_lines", "schematic"]
KINDS = {
    "zones": {"development_zone", "district"},
    "core-boards": {"core_board", "functional_area"},
    "industrial-parks": {"industrial_park", "bonded_zone", "logistics_park", "industrial_base",
                         "innovation_park", "service_park"},
    "small-micro-parks": {"small_micro_park", "standard_factory", "incubator"},
    "infrastructure": {"metro_line", "metro_station", "rail_line", "rail_station", "freight_yard",
                       "land_port", "airport", "expressway", "interchange", "road", "bridge",
                       "logistics_hub", "substation", "power_plant", "water_plant", "sewage_plant",
                       "gas", "heating", "school", "hospital", "public_facility", "green", "digital"},
}
STATUS = {"existing", "under_construction", "planned", "proposed"}
ALLOWED = set(REQ) | {"board", "park", "planned_area_km2", "positioning", "lead_industries",
                      "investment_yi", "length_km", "status", "period", "placement_note"}
SEEDS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "sources")
errors = []


def err(fid, msg):
    errors.append(f"{fid}: {msg}")


def area_local(ring):
    pts = ring[:-1]
    latc = sum(p[1] for p in pts) / len(pts)
    kx = 111320.0 * math.cos(math.radians(latc))
    xy = [((p[0] - pts[0][0]) * kx, (p[1] - pts[0][1]) * 110574.0) for p in pts]
    s = sum(xy[i][0] * xy[(i + 1) % len(xy)][1] - xy[(i + 1) % len(xy)][0] * xy[i][1] for i in range(len(xy)))
    return s / 2e6


def area_sphere(ring):
    """Spherical polygon area (authalic radius of GRS80/CGCS2000), cross-check."""
    R = 6371007.2
    s = 0.0
    pts = ring[:-1]
    for i in range(len(pts)):
        lo1, la1 = map(math.radians, pts[i])
        lo2, la2 = map(math.radians, pts[(i + 1) % len(pts)])
        s += (lo2 - lo1) * (2 + math.sin(la1) + math.sin(la2))
    return abs(s * R * R / 2 / 1e6)


def orient(a, b, c):
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def seg_cross(p1, p2, q1, q2):
    """Proper or improper intersection of two segments."""
    d1, d2 = orient(q1, q2, p1), orient(q1, q2, p2)
    d3, d4 = orient(p1, p2, q1), orient(p1, p2, q2)
    if ((d1 > 0) != (d2 > 0)) and d1 != 0 and d2 != 0 and ((d3 > 0) != (d4 > 0)) and d3 != 0 and d4 != 0:
        return True
    def on(a, b, c):
        return min(a[0], b[0]) <= c[0] <= max(a[0], b[0]) and min(a[1], b[1]) <= c[1] <= max(a[1], b[1])
    if d1 == 0 and on(q1, q2, p1): return True
    if d2 == 0 and on(q1, q2, p2): return True
    if d3 == 0 and on(p1, p2, q1): return True
    if d4 == 0 and on(p1, p2, q2): return True
    return False


def pip(pt, ring):
    x, y = pt
    inside = False
    n = len(ring) - 1
    for i in range(n):
        (x1, y1), (x2, y2) = ring[i], ring[i + 1]
        if (y1 > y) != (y2 > y):
            xi = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if xi > x:
                inside = not inside
    return inside


def edges(ring):
    return [(ring[i], ring[i + 1]) for i in range(len(ring) - 1)]


def any_cross(r1, r2):
    for a in edges(r1):
        for b in edges(r2):
            if seg_cross(a[0], a[1], b[0], b[1]):
                return True
    return False


def inside_poly(inner, outer):
    return all(pip(p, outer) for p in inner[:-1]) and not any_cross(inner, outer)


def overlap(r1, r2):
    if any_cross(r1, r2):
        return True
    return any(pip(p, r2) for p in r1[:-1]) or any(pip(p, r1) for p in r2[:-1])


def check_lines(fid, doc, spec):
    fn = os.path.join(SEEDS, doc)
    if not os.path.exists(fn):
        err(fid, f"source_doc {doc} not found"); return
    n = sum(1 for _ in open(fn, encoding="utf-8"))
    for part in spec.split(","):
        part = part.strip()
        if not re.fullmatch(r"\d+(-\d+)?", part):
            err(fid, f"bad source_lines part {part!r}"); continue
        a, _, b = part.partition("-")
        a = int(a); b = int(b) if b else a
        if not (1 <= a <= b <= n):
            err(fid, f"source_lines {part} outside 1..{n}")


def ndec(v):
    s = repr(v)
    return len(s.split(".")[1]) if "." in s else 0


def main():
    fc = json.load(open(PATH, encoding="utf-8"))
    assert fc["type"] == "FeatureCollection"
    feats = fc["features"]
    ids, byid = set(), {}
    counts = {}
    for f in feats:
        p = f["properties"]; g = f["geometry"]
        fid = p.get("id", "?")
        for k in REQ:
            if k not in p or p[k] in ("", None):
                err(fid, f"missing {k}")
        for k in p:
            if k not in ALLOWED:
                err(fid, f"unknown property {k}")
        if not re.fullmatch(r"[a-z0-9-]+", fid): err(fid, "bad id")
        if fid in ids: err(fid, "duplicate id")
        ids.add(fid); byid[fid] = f
        if p.get("schematic") is not True: err(fid, "schematic must be true")
        if p.get("zone") != "zzetdz": err(fid, "zone must be zzetdz")
        lay = p.get("layer")
        if lay not in KINDS: err(fid, f"bad layer {lay}")
        elif p.get("kind") not in KINDS[lay]: err(fid, f"bad kind {p.get('kind')} for {lay}")
        if "status" in p and p["status"] not in STATUS: err(fid, "bad status")
        for k in ("planned_area_km2", "investment_yi", "length_km"):
            if k in p and not isinstance(p[k], (int, float)): err(fid, f"{k} not a number")
        check_lines(fid, p.get("source_doc", ""), p.get("source_lines", ""))
        counts.setdefault(lay, {}).setdefault(g["type"], 0)
        counts[lay][g["type"]] += 1
        # coordinates: 6 decimals max, in a sane lon/lat box
        def walk(c):
            if isinstance(c[0], (int, float)):
                if ndec(c[0]) > 6 or ndec(c[1]) > 6: err(fid, "more than 6 decimals")
                if not (112.5 < c[0] < 115 and 33.5 < c[1] < 36): err(fid, f"coord out of area {c}")
            else:
                for x in c: walk(x)
        walk(g["coordinates"])
        if lay in ("zones", "core-boards", "industrial-parks", "small-micro-parks") and g["type"] != "Polygon":
            err(fid, "area layer must be Polygon")
        if g["type"] == "Polygon":
            if len(g["coordinates"]) != 1: err(fid, "holes/multiple rings not expected")
            r = g["coordinates"][0]
            if r[0] != r[-1]: err(fid, "ring not closed")
            nv = len(r) - 1
            if not (5 <= nv <= 12): err(fid, f"{nv} vertices (want 5-12)")
            if len(set(map(tuple, r[:-1]))) != nv: err(fid, "repeated vertex")
            a = area_local(r)
            if a <= 0: err(fid, "exterior ring not counter-clockwise")
            es = edges(r)
            for i in range(len(es)):
                for j in range(i + 1, len(es)):
                    if j == i + 1 or (i == 0 and j == len(es) - 1):
                        continue
                    if seg_cross(es[i][0], es[i][1], es[j][0], es[j][1]):
                        err(fid, f"self-intersection edges {i},{j}")
            if "planned_area_km2" in p:
                t = p["planned_area_km2"]
                if abs(a / t - 1) > 0.05: err(fid, f"area {a:.4f} vs planned {t} (>5%)")
                sph = area_sphere(r)
                if abs(sph / t - 1) > 0.05: err(fid, f"spherical area {sph:.4f} vs planned {t}")
            p["_area"] = a
        if g["type"] == "LineString" and len(g["coordinates"]) < 2: err(fid, "line too short")

    zones = [f for f in feats if f["properties"]["layer"] == "zones" and f["properties"]["kind"] == "development_zone"]
    if len(zones) != 1: err("zone", "expected exactly one development_zone")
    zr = zones[0]["geometry"]["coordinates"][0]
    ring = lambda f: f["geometry"]["coordinates"][0]
    for f in feats:
        p = f["properties"]; fid = p["id"]
        if p["layer"] in ("core-boards", "industrial-parks", "small-micro-parks"):
            if not inside_poly(ring(f), zr): err(fid, "not inside zone polygon")
        for key in ("board", "park"):
            if key in p:
                host = byid.get(p[key])
                if host is None: err(fid, f"{key} {p[key]} unknown"); continue
                want = "core-boards" if key == "board" else "industrial-parks"
                if host["properties"]["layer"] != want: err(fid, f"{key} points to {host['properties']['layer']}")
                g = f["geometry"]
                if g["type"] == "Polygon":
                    if not inside_poly(ring(f), ring(host)): err(fid, f"not inside its {key} {p[key]}")
                elif g["type"] == "Point":
                    if not pip(g["coordinates"], ring(host)): err(fid, f"point not inside its {key}")
                else:
                    if not all(pip(c, ring(host)) for c in g["coordinates"]): err(fid, f"line not inside its {key}")
        if p["layer"] == "small-micro-parks" and not ("board" in p or "park" in p):
            err(fid, "small-micro park without board/park")
    parks = [f for f in feats if f["properties"]["layer"] == "industrial-parks"]
    for i in range(len(parks)):
        for j in range(i + 1, len(parks)):
            if overlap(ring(parks[i]), ring(parks[j])):
                err(parks[i]["properties"]["id"], f"overlaps {parks[j]['properties']['id']}")
    sm = [f for f in feats if f["properties"]["layer"] == "small-micro-parks"]
    for i in range(len(sm)):
        for j in range(i + 1, len(sm)):
            if overlap(ring(sm[i]), ring(sm[j])):
                err(sm[i]["properties"]["id"], f"overlaps small-micro {sm[j]['properties']['id']}")
    # small-micro parks inside a board should not straddle an industrial park they are not assigned to
    for s in sm:
        for pk in parks:
            if s["properties"].get("park") == pk["properties"]["id"]:
                continue
            if overlap(ring(s), ring(pk)):
                err(s["properties"]["id"], f"overlaps industrial park {pk['properties']['id']} (not its park)")
    total = sum(f["properties"]["_area"] for f in parks)
    if total < 30: err("industrial-parks", f"total area {total:.2f} km2 < 30")

    print("features:", len(feats))
    for lay, d in counts.items():
        print(f"  {lay}: {sum(d.values())} {d}")
    print(f"zone area: {zones[0]['properties']['_area']:.3f} km2 (sphere {area_sphere(zr):.3f})")
    print(f"industrial-park total area: {total:.3f} km2 over {len(parks)} parks")
    for f in parks + [f for f in feats if f['properties']['layer'] in ('core-boards', 'small-micro-parks')]:
        p = f["properties"]
        print(f"   {p['id']:42s} {p['_area']:8.4f}  planned={p.get('planned_area_km2', '-')}")
    if errors:
        print("ERRORS:")
        for e in errors: print("  ", e)
        sys.exit(1)
    print("OK: no errors")


if __name__ == "__main__":
    main()
