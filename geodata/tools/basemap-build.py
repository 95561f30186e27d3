#!/usr/bin/env python3
"""Writes geodata/basemap/demo-basemap.geojson: the map's demo basemap (Python 3 stdlib only).

Documentation of how the file was made, not part of the build: run it from the repository root
(python3 geodata/tools/basemap-build.py) after changing a coordinate below, and commit the result.

What it draws, for the two cities the demo zones lie in (郑州市, 新乡市): the municipal boundaries,
the main built-up areas, the Yellow River and the rivers and canal the plans name, the ring roads,
expressways, trunk roads and railways, and the names of the cities, counties and districts. It is a
schematic sketch, never a survey:

- Every coordinate below was typed by hand, from the approximate positions in the plan digest
  (geodata/plan-digest/*.md, section "Geographic anchors": e.g. 郑州 113.665, 34.754, "approx.,
  from general knowledge, not from the document") and from general geographic knowledge of the
  region. None was traced, copied or downloaded from any map, map service or map data set.
- Where the plan layers already draw a road, railway or river (geodata/plan/*.geojson: the G4,
  G30 and Zhengmin expressways, the 3rd and 4th rings, the Longhai railway, the Beijing-Guangzhou
  HSR, the Chao River), the basemap takes that drawing, so the two never disagree on the map.
- Positions are good to a few kilometres at best; boundaries are simplified to a dozen or two
  vertices. The map labels the basemap 示意底图 (schematic basemap) and shows SOURCE_NOTE_ZH.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
OUT = os.path.join(ROOT, "basemap", "demo-basemap.geojson")

SOURCE_NOTE_ZH = ("示意底图：行政界线、建成区、河流、道路和铁路依据规划文本摘要中的大致位置和一般地理常识"
                  "手工绘制（部分道路河流取自本系统规划图层的示意线），误差可达数公里，非测绘成果，"
                  "未经审核，不得作为权属、规划或出版依据。")
SOURCE_NOTE_EN = ("Schematic basemap: boundaries, built-up areas, rivers, roads and railways drawn by hand "
                  "from the approximate positions in the plan digest and general geographic knowledge (some "
                  "roads and rivers taken from this system's schematic plan layers); off by up to a few "
                  "kilometres, not surveyed, not reviewed, not for ownership, planning or publication.")
APPROX = "hand-drawn, approx. from general knowledge (±2–5 km)"

features = []


def add(layer, kind, name_zh, name_en, geometry, placement=APPROX, **extra):
    props = {"layer": layer, "kind": kind, "name_zh": name_zh, "name_en": name_en, "schematic": True,
             "placement": placement}
    props.update(extra)
    features.append({"type": "Feature", "properties": props, "geometry": geometry})


def ring(points):
    pts = [list(p) for p in points]
    if pts[0] != pts[-1]:
        pts.append(pts[0])
    # counter-clockwise outer rings (RFC 7946)
    s = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(pts, pts[1:]))
    if s < 0:
        pts.reverse()
    return pts


def polygon(points):
    return {"type": "Polygon", "coordinates": [ring(points)]}


def line(points):
    return {"type": "LineString", "coordinates": [list(p) for p in points]}


def point(lon, lat):
    return {"type": "Point", "coordinates": [lon, lat]}


def plan_line(file, fid):
    """A line the plan layers already draw (same coordinates, so basemap and plan agree)."""
    with open(os.path.join(ROOT, "plan", file), encoding="utf-8") as f:
        fc = json.load(f)
    for feat in fc["features"]:
        if feat["properties"]["id"] == fid:
            return feat["geometry"]
    raise SystemExit("no feature " + fid + " in " + file)


FROM_PLAN = "taken from the schematic plan layer {} ({})"

# ---- the Yellow River: the boundary between the two cities along most of its course ------------
YELLOW_RIVER = [(112.60, 34.88), (112.80, 34.83), (112.95, 34.84), (113.10, 34.88), (113.25, 34.93),
                (113.45, 34.96), (113.65, 34.955), (113.85, 34.945), (114.05, 34.925), (114.22, 34.885),
                (114.40, 34.885), (114.60, 34.92), (114.85, 34.98), (115.05, 35.02)]

# ---- municipal boundaries (市界) -------------------------------------------------------------
# 郑州市: its northern edge follows the river from 巩义 to 中牟, the rest runs overland
ZHENGZHOU_CITY = YELLOW_RIVER[1:10] + [
    (114.23, 34.70), (114.15, 34.55), (114.02, 34.42), (113.90, 34.30), (113.72, 34.27), (113.50, 34.32),
    (113.30, 34.30), (113.10, 34.36), (112.90, 34.45), (112.76, 34.52), (112.72, 34.62), (112.76, 34.74)]
add("boundary", "city", "郑州市", "Zhengzhou", polygon(ZHENGZHOU_CITY))

# 新乡市: north of the river, from 原阳 and 封丘 on its bank up to 辉县 in the Taihang foothills
XINXIANG_CITY = [(113.30, 35.02)] + YELLOW_RIVER[5:13] + [
    (114.95, 35.12), (114.90, 35.30), (114.70, 35.40), (114.45, 35.45), (114.20, 35.55), (114.05, 35.74),
    (113.85, 35.82), (113.62, 35.70), (113.52, 35.50), (113.42, 35.28)]
add("boundary", "city", "新乡市", "Xinxiang", polygon(XINXIANG_CITY))

# ---- built-up areas (建成区) ------------------------------------------------------------------
add("urban", "built_up", "郑州中心城区", "Zhengzhou central city", polygon([
    (113.54, 34.70), (113.56, 34.80), (113.60, 34.87), (113.70, 34.895), (113.80, 34.88), (113.84, 34.82),
    (113.84, 34.72), (113.80, 34.66), (113.70, 34.655), (113.60, 34.67)]))
add("urban", "built_up", "新乡中心城区", "Xinxiang central city", polygon([
    (113.82, 35.25), (113.84, 35.33), (113.92, 35.35), (114.00, 35.34), (114.04, 35.29), (114.00, 35.245),
    (113.90, 35.235)]))

# ---- rivers and canals (水系) -----------------------------------------------------------------
add("water", "river", "黄河", "Yellow River", line(YELLOW_RIVER), label_at=[113.55, 34.958], rank=1)
add("water", "river", "贾鲁河", "Jialu River", line([
    (113.52, 34.62), (113.57, 34.72), (113.60, 34.80), (113.66, 34.85), (113.75, 34.862), (113.85, 34.84),
    (113.95, 34.78), (114.05, 34.72), (114.18, 34.60), (114.25, 34.50)]), label_at=[113.75, 34.862], rank=2)
add("water", "river", "金水河", "Jinshui River", line([
    (113.55, 34.735), (113.60, 34.755), (113.65, 34.768), (113.70, 34.775), (113.75, 34.785)]),
    label_at=[113.65, 34.768], rank=3)
add("water", "river", "潮河", "Chao River", plan_line("zzetdz.geojson", "zzetdz-inf-chaohe"),
    placement=FROM_PLAN.format("zzetdz-inf-chaohe", "潮河沿岸景观带"), label_at=[113.78, 34.686], rank=3)
add("water", "canal", "南水北调中线干渠", "South-North Water Diversion, middle route", line([
    (113.80, 34.30), (113.80, 34.50), (113.76, 34.58), (113.70, 34.62), (113.62, 34.66), (113.55, 34.72),
    (113.50, 34.78), (113.42, 34.82), (113.32, 34.88), (113.26, 34.93), (113.22, 35.05), (113.18, 35.20)]),
    label_at=[113.62, 34.66], rank=2)
add("water", "river", "卫河", "Wei River", line([
    (113.70, 35.30), (113.82, 35.31), (113.90, 35.31), (113.98, 35.295), (114.06, 35.35), (114.20, 35.45),
    (114.35, 35.55)]), label_at=[113.86, 35.31], rank=2)
add("water", "river", "大沙河", "Dasha River", plan_line("xxetdz.geojson", "xxetdz-inf-dashahe"),
    placement=FROM_PLAN.format("xxetdz-inf-dashahe", "大沙河（休闲廊道、生态修复）"), label_at=None, rank=3)

# ---- expressways and ring roads (高速公路、快速路) ----------------------------------------------
for fid, zh, en in [("zhengzhou-expwy-g4", "京港澳高速", "G4 Beijing–Hong Kong–Macao Expressway"),
                    ("zhengzhou-expwy-g30", "连霍高速", "G30 Lianyungang–Khorgas Expressway"),
                    ("zhengzhou-expwy-zhengmin", "郑民高速", "Zhengzhou–Minquan Expressway")]:
    add("road", "expressway", zh, en, plan_line("zhengzhou-city.geojson", fid),
        placement=FROM_PLAN.format(fid, zh))
for fid, zh, en in [("zhengzhou-expwy-3rd-ring", "三环快速路", "3rd Ring Expressway"),
                    ("zhengzhou-expwy-4th-ring", "四环路", "4th Ring Road")]:
    add("road", "ring_road", zh, en, plan_line("zhengzhou-city.geojson", fid), placement=FROM_PLAN.format(fid, zh))

# ---- trunk and main roads (国道、主干路) --------------------------------------------------------
add("road", "trunk", "107国道", "National Road G107", line([
    (113.78, 34.30), (113.765, 34.55), (113.763, 34.75), (113.76, 34.88), (113.80, 34.95), (113.86, 35.10),
    (113.90, 35.25), (113.93, 35.40)]))
add("road", "trunk", "郑开大道", "Zhengkai Avenue", line([(113.78, 34.772), (114.00, 34.775), (114.30, 34.785)]))
add("road", "main", "中州大道", "Zhongzhou Avenue", line([(113.727, 34.66), (113.727, 34.78), (113.73, 34.90)]))
add("road", "main", "金水路", "Jinshui Road", line([(113.59, 34.765), (113.68, 34.768), (113.78, 34.772)]))
add("road", "main", "航海路", "Hanghai Road", line([(113.56, 34.720), (113.65, 34.721), (113.706, 34.721)]))
add("road", "main", "平原路", "Pingyuan Road", line([(113.82, 35.287), (113.953, 35.287)]))
add("road", "main", "新中大道", "Xinzhong Avenue", line([(113.905, 35.22), (113.905, 35.30), (113.91, 35.38)]))

# ---- railways (铁路) --------------------------------------------------------------------------
add("rail", "railway", "陇海铁路", "Longhai Railway", plan_line("zhengzhou-city.geojson", "zhengzhou-rail-longhai"),
    placement=FROM_PLAN.format("zhengzhou-rail-longhai", "陇海铁路"))
add("rail", "railway", "京广铁路", "Beijing–Guangzhou Railway", line([
    (113.74, 34.30), (113.70, 34.55), (113.66, 34.75), (113.67, 34.90), (113.75, 35.05), (113.85, 35.20),
    (113.90, 35.30), (114.00, 35.50)]))

# ---- names (地名) -----------------------------------------------------------------------------
add("place", "city", "郑州市", "Zhengzhou", point(113.665, 34.754),
    placement="plan digest zhengzhou-etdz.md §8: 113.665, 34.754 (二七塔), approx.", rank=1)
add("place", "city", "新乡市", "Xinxiang", point(113.926, 35.303), rank=1)
add("place", "city", "开封市", "Kaifeng", point(114.31, 34.80), rank=1)
for zh, en, lon, lat in [("中牟县", "Zhongmou", 113.98, 34.72), ("荥阳市", "Xingyang", 113.38, 34.79),
                         ("新郑市", "Xinzheng", 113.74, 34.40), ("新密市", "Xinmi", 113.39, 34.54),
                         ("登封市", "Dengfeng", 113.05, 34.46), ("巩义市", "Gongyi", 113.02, 34.75),
                         ("原阳县", "Yuanyang", 113.94, 35.06), ("获嘉县", "Huojia", 113.66, 35.26),
                         ("延津县", "Yanjin", 114.20, 35.14), ("封丘县", "Fengqiu", 114.42, 35.04),
                         ("卫辉市", "Weihui", 114.06, 35.40), ("辉县市", "Huixian", 113.80, 35.46),
                         ("长垣市", "Changyuan", 114.67, 35.20)]:
    add("place", "county", zh, en, point(lon, lat), rank=2)
for zh, en, lon, lat in [("金水区", "Jinshui", 113.68, 34.80), ("中原区", "Zhongyuan", 113.61, 34.75),
                         ("二七区", "Erqi", 113.64, 34.72), ("管城回族区", "Guancheng", 113.69, 34.745),
                         ("惠济区", "Huiji", 113.62, 34.87), ("郑东新区", "Zhengdong", 113.76, 34.78),
                         ("红旗区", "Hongqi", 113.90, 35.30), ("卫滨区", "Weibin", 113.86, 35.30),
                         ("牧野区", "Muye", 113.91, 35.33), ("凤泉区", "Fengquan", 113.91, 35.38)]:
    add("place", "district", zh, en, point(lon, lat), rank=3)

fc = {
    "type": "FeatureCollection",
    "name": "demo-basemap",
    "schematic": True,
    "source_note_zh": SOURCE_NOTE_ZH,
    "source_note_en": SOURCE_NOTE_EN,
    "features": features,
}


def rounded(o):
    if isinstance(o, float):
        return round(o, 6)
    if isinstance(o, list):
        return [rounded(x) for x in o]
    if isinstance(o, dict):
        return {k: rounded(v) for k, v in o.items()}
    return o


os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w", encoding="utf-8") as f:
    json.dump(rounded(fc), f, ensure_ascii=False, separators=(",", ":"))
    f.write("\n")
print("wrote", os.path.relpath(OUT), len(features), "features")
