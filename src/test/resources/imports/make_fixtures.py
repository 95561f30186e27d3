#!/usr/bin/env python3
"""Makes the parcel-import test fixtures with GDAL (Debian gdal-bin): ogr2ogr writes every file
and gdaltransform (PROJ) projects the coordinates, so the importer is checked against a transform
it does not share. Run from this folder; the output is committed, so tests need no GDAL.

    python3 make_fixtures.py

Three parcels in the 上汽乘用车基地 park of 郑州经开区 (zzetdz-ip-shangqi-chengyongche), drawn in
CGCS2000 lon/lat (EPSG:4490); the third has a hole. master.geojson keeps them as drawn.
"""
import csv, json, os, shutil, subprocess, tempfile, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))

def rect(x0, y0, x1, y1):
    return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]

PARCELS = [
    # id, land-use code, name, status (Chinese label), rings, FAR, supply year, note
    ("410171-001", "100102", "二类工业用地", "在用", [rect(113.8280, 34.6480, 113.8310, 34.6500)], 1.2, 2019, "上汽基地一号地块"),
    ("410171-002", "110101", "一类物流仓储用地", "闲置", [rect(113.8320, 34.6480, 113.8345, 34.6500)], 0.6, 2020, "物流仓储（闲置）"),
    ("410171-003", "100101", "一类工业用地", "批而未供",
     [rect(113.8280, 34.6510, 113.8310, 34.6530), rect(113.8290, 34.6515, 113.8300, 34.6520)[::-1]], 0.0, None, "含内环"),
]

def run(*args, stdin=None):
    r = subprocess.run(args, input=stdin, capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(" ".join(args) + ": " + r.stderr)
    return r.stdout

def project(points, srs):
    out = run("gdaltransform", "-s_srs", "EPSG:4490", "-t_srs", srs, "-output_xy",
              stdin="".join("%.10f %.10f\n" % (x, y) for x, y in points))
    return [tuple(float(v) for v in line.split()) for line in out.strip().splitlines()]

def planar_area(ring):
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:]))) / 2

def gk_area(rings):
    proj = [project(r, "EPSG:4547") for r in rings]
    return planar_area(proj[0]) - sum(planar_area(r) for r in proj[1:])

def feature(props, rings):
    return {"type": "Feature", "properties": props, "geometry": {"type": "Polygon", "coordinates": rings}}

def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=1)

def main():
    tmp = tempfile.mkdtemp()
    master = []
    for pid, code, name, status, rings, far, year, note in PARCELS:
        area = gk_area(rings)
        # the second parcel states an area 10% too large: the import keeps it as a warning
        stated = round(area * (1.10 if pid.endswith("002") else 1.0), 2)
        master.append(feature({"宗地编号": pid, "地类编码": code, "地类名称": name, "土地状态": status,
                               "面积": stated, "容积率": far, "供地年份": year, "备注": note}, rings))
    write_json(os.path.join(HERE, "master.geojson"), {"type": "FeatureCollection", "features": master})
    src = os.path.join(tmp, "master.geojson")
    shutil.copy(os.path.join(HERE, "master.geojson"), src)

    # Shapefile: CGCS2000 3-degree GK CM 114E (EPSG:4547), GBK attributes and field names, .cpg
    shp_dir = os.path.join(tmp, "shp")
    os.makedirs(shp_dir)
    run("ogr2ogr", "-f", "ESRI Shapefile", "-t_srs", "EPSG:4547", "-lco", "ENCODING=GBK",
        os.path.join(shp_dir, "zongdi.shp"), src)
    with zipfile.ZipFile(os.path.join(HERE, "parcels_gbk_4547.zip"), "w", zipfile.ZIP_DEFLATED) as z:
        for f in sorted(os.listdir(shp_dir)):
            z.write(os.path.join(shp_dir, f), f)

    # GeoPackage: lon/lat EPSG:4490, columns named the way land registers abbreviate them
    gpkg = os.path.join(HERE, "parcels_4490.gpkg")
    if os.path.exists(gpkg):
        os.remove(gpkg)
    run("ogr2ogr", "-f", "GPKG", "-a_srs", "EPSG:4490", "-nln", "zd", gpkg, src, "-sql",
        'SELECT "宗地编号" AS ZDDM, "地类编码" AS DLBM, "土地状态" AS TDZT, "面积" AS ZDMJ FROM master')

    # GeoJSON (RFC 7946, lon/lat) with English keys
    gj = os.path.join(HERE, "parcels.geojson")
    if os.path.exists(gj):
        os.remove(gj)
    run("ogr2ogr", "-f", "GeoJSON", "-lco", "RFC7946=YES", gj, src, "-sql",
        'SELECT "宗地编号" AS id, "地类编码" AS land_use_code, "土地状态" AS status FROM master')

    # CSV of boundary points (界址点): 宗地号, 点号, X = northing, Y = easting with the zone prefix 38
    with open(os.path.join(HERE, "parcels_gk_points.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["宗地号", "圈号", "点号", "X", "Y", "地类编码", "状态"])
        for pid, code, name, status, rings, far, year, note in PARCELS:
            for ri, ring in enumerate(rings, start=1):
                pts = project(ring[:-1], "EPSG:4526")
                for pi, (e, n) in enumerate(pts, start=1):
                    first = ri == 1 and pi == 1
                    w.writerow([pid, ri, pi, "%.3f" % n, "%.3f" % e, code if first else "", status if first else ""])

    # .xlsx with a WKT column in lon/lat, status by ParcelStatus name
    wkt_csv = os.path.join(tmp, "wkt.csv")
    run("ogr2ogr", "-f", "CSV", "-lco", "GEOMETRY=AS_WKT", wkt_csv, src, "-sql",
        'SELECT "宗地编号" AS parcel_id, "地类编码" AS land_use, "面积" AS area_m2 FROM master')
    rows = list(csv.reader(open(wkt_csv, encoding="utf-8")))
    status = {"410171-001": "in_use", "410171-002": "idle", "410171-003": "approved_not_supplied"}
    rows[0].append("status")
    for r in rows[1:]:
        r.append(status[r[1]])
    with open(wkt_csv, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    xlsx = os.path.join(HERE, "parcels_wkt.xlsx")
    if os.path.exists(xlsx):
        os.remove(xlsx)
    # codes and areas typed as numbers, as spreadsheets usually hold them
    run("ogr2ogr", "-f", "XLSX", "-nln", "宗地", "-oo", "GEOM_POSSIBLE_NAMES=none", "-oo", "KEEP_GEOM_COLUMNS=YES",
        "-oo", "AUTODETECT_TYPE=YES", xlsx, wkt_csv)

    # GeoJSON with one good parcel and four bad ones: crossing edges, unknown land-use code,
    # a repeated id, and a parcel in the sea off Japan
    bad = [
        feature({"id": "bad-ok", "land_use_code": "100101", "status": "in_use"}, [rect(113.8280, 34.6540, 113.8300, 34.6550)]),
        feature({"id": "bad-bowtie", "land_use_code": "100101", "status": "in_use"},
                [[[113.8320, 34.6540], [113.8340, 34.6550], [113.8340, 34.6540], [113.8320, 34.6550], [113.8320, 34.6540]]]),
        feature({"id": "bad-code", "land_use_code": "9999", "status": "in_use"}, [rect(113.8350, 34.6540, 113.8360, 34.6550)]),
        feature({"id": "bad-ok", "land_use_code": "1001", "status": "在用"}, [rect(113.8370, 34.6540, 113.8380, 34.6550)]),
        feature({"id": "bad-sea", "land_use_code": "1001", "status": "在用"}, [rect(140.0, 30.0, 140.01, 30.01)]),
    ]
    write_json(os.path.join(HERE, "parcels_bad.geojson"), {"type": "FeatureCollection", "features": bad})
    shutil.rmtree(tmp)

if __name__ == "__main__":
    main()
