#!/usr/bin/env python3
"""Scratch generator for geodata/plan/zzetdz.geojson (SCHEMATIC plan geodata).

Zhengzhou ETDZ 14th Five-Year Plan (seed 000_8e3b18d49bf5da6c.txt). The plan holds no
coordinates: every geometry here is drawn in a local km grid around the zone anchor
(113.80E, 34.69N; x = km east, y = km north) and converted to lon/lat.
Layout idea (all schematic, see placement_note on each feature):
  * 航海东路 runs E-W at y~3.5. The shared corridors (G4 + East/South 4th Ring through the middle,
    陇海铁路 across the north, 郑民高速 in the south, the 3rd ring in the north-west) are drawn ONLY in
    zhengzhou-city.geojson; this file draws just the plan's own projects on them, on the same
    coordinates (4th-ring PPP part, the G4 / Zhengmin ecological corridors of 000:995, the
    22nd-Avenue underpass of the railway). The city file's Jingguang HSR (x~-2.5) and its East/South
    3rd Ring (East 3rd Ring ~113.78E entering from the north, South 3rd Ring ~34.713N running west
    through the zone towards the 中原福塔 side) are kept clear of polygons.
  * 前程大道 is the N-S road just inside the east edge of the zone's waist (~113.850E); the city
    file's 前程 interchanges on the G30 and the 郑民高速 use the same longitude.
  * Cross-file reconciliation with the other three plan files: the G4 / 郑民 expressway lines became
    their 000:995 corridor projects (clipped copies of the city lines), the duplicate 陇海铁路 was
    dropped (drawn in the city file), 前程大道 moved from 113.872E (mostly outside the outline) to just
    inside the waist (waist edge widened from x 4.5/4.6 to 4.7 km; west-edge vertices moved 80 m west
    so that 中原福塔 stays inside after the area rescaling), G310 start nudged inside the outline.
  * 起步区 core board in the centre just south of 航海东路, 综保区 and 跨境E贸易产业园 across the road,
    国际陆港 to the north-east astride the railway, 国际物流园区 in the south-west, 滨河国际新城 on the
    潮河 in the west, equipment cluster north-west, auto cluster (宇通, 上汽, 汽车电子) south and
    south-east, 节能环保产业园 in a north-east lobe.
Polygons with a stated plan area are scaled (about their centroid) until the local
equal-area area matches the plan figure. Python 3 standard library only.
Run:  python3 geodata/tools/zzetdz-build.py   (writes geodata/plan/zzetdz.geojson)
"""
import json, math, os, re

LON0, LAT0 = 113.80, 34.69
M_LAT = 110574.0            # metres per degree latitude
M_LON_EQ = 111320.0         # metres per degree longitude at the equator
SRC = "000_8e3b18d49bf5da6c.txt"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "plan", "zzetdz.geojson")


def to_ll(x, y):
    lon = LON0 + x * 1000.0 / (M_LON_EQ * math.cos(math.radians(LAT0)))
    lat = LAT0 + y * 1000.0 / M_LAT
    return [round(lon, 6), round(lat, 6)]


def area_km2_ll(ring):
    """Local equal-area projection at the polygon's mean latitude (ring closed or open)."""
    pts = ring[:-1] if ring[0] == ring[-1] else ring
    latc = sum(p[1] for p in pts) / len(pts)
    kx = M_LON_EQ * math.cos(math.radians(latc))
    xy = [((p[0] - pts[0][0]) * kx, (p[1] - pts[0][1]) * M_LAT) for p in pts]
    s = 0.0
    for i in range(len(xy)):
        x1, y1 = xy[i]
        x2, y2 = xy[(i + 1) % len(xy)]
        s += x1 * y2 - x2 * y1
    return s / 2.0 / 1e6


def centroid(pts):
    a = cx = cy = 0.0
    for i in range(len(pts)):
        x1, y1 = pts[i]
        x2, y2 = pts[(i + 1) % len(pts)]
        c = x1 * y2 - x2 * y1
        a += c; cx += (x1 + x2) * c; cy += (y1 + y2) * c
    a /= 2.0
    return cx / (6 * a), cy / (6 * a)


def ring_ll(pts_km, target=None):
    pts = list(pts_km)
    for _ in range(6):
        ring = [to_ll(x, y) for x, y in pts]
        ring.append(ring[0])
        if target is None:
            return ring
        a = area_km2_ll(ring)
        if abs(a / target - 1) < 0.0005:
            return ring
        k = math.sqrt(target / a)
        cx, cy = centroid(pts)
        pts = [(cx + (x - cx) * k, cy + (y - cy) * k) for x, y in pts]
    return ring


# irregular unit templates (counter-clockwise, roughly [-0.5, 0.5]^2)
TEMPL = {
    "house": [(-0.5, -0.5), (0.5, -0.5), (0.5, 0.2), (0.1, 0.5), (-0.5, 0.5)],
    "hex":   [(-0.5, -0.5), (0.3, -0.5), (0.5, -0.3), (0.5, 0.5), (-0.3, 0.5), (-0.5, 0.3)],
    "ell":   [(-0.5, -0.5), (0.5, -0.5), (0.5, 0.1), (0.2, 0.1), (0.2, 0.5), (-0.5, 0.5)],
    "skew":  [(-0.45, -0.5), (0.1, -0.52), (0.5, -0.45), (0.45, 0.5), (-0.5, 0.45)],
    "cut":   [(-0.5, -0.3), (-0.3, -0.5), (0.5, -0.5), (0.5, 0.5), (-0.5, 0.5)],
}


def blob(cx, cy, w, h, t="house"):
    return [(cx + u * w, cy + v * h) for u, v in TEMPL[t]]


def shift(pts, dx=0.0, dy=0.0):
    return [(x + dx, y + dy) for x, y in pts]


QX = 1.85   # the 起步区 block sits east of the (city file's) 3rd ring / Jingguang HSR

# Shared alignments, copied vertex for vertex from geodata/tools/zhengzhou-city-plan.py (the lines
# themselves are drawn only in zhengzhou-city.geojson; this file draws the ETDZ plan's projects on them).
CITY_G4 = [(113.808, 34.872), (113.820, 34.800), (113.822, 34.745), (113.819, 34.668),
           (113.814, 34.635), (113.805, 34.580), (113.796, 34.530)]
CITY_ZHENGMIN = [(113.814, 34.635), (113.870, 34.640), (113.930, 34.645), (114.000, 34.650)]
CITY_4TH_RING_SE = [(113.8175, 34.8), (113.8195, 34.745), (113.8165, 34.668), (113.69, 34.667)]
QC_X = 4.58   # 前程大道: N-S just inside the east edge of the zone's waist (x = 4.7 km)


def interp_lat(line, lon):
    """Latitude of a (monotone-in-longitude) polyline at a longitude."""
    for (x1, y1), (x2, y2) in zip(line, line[1:]):
        if min(x1, x2) <= lon <= max(x1, x2) and x1 != x2:
            return y1 + (lon - x1) * (y2 - y1) / (x2 - x1)
    raise ValueError(lon)


def _pip(pt, ring):
    x, y = pt
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def clip_to_ring(line, ring):
    """Longest contiguous part of a polyline inside a closed ring; crossing points are computed
    on the line itself, so the result lies on the same alignment (to 6-decimal rounding)."""
    runs, cur = [], []
    for a, b in zip(line, line[1:]):
        if _pip(a, ring) and not cur:
            cur = [a]
        ts = []
        for p, q in zip(ring, ring[1:]):
            d = (b[0] - a[0]) * (q[1] - p[1]) - (b[1] - a[1]) * (q[0] - p[0])
            if d == 0:
                continue
            t = ((p[0] - a[0]) * (q[1] - p[1]) - (p[1] - a[1]) * (q[0] - p[0])) / d
            u = ((p[0] - a[0]) * (b[1] - a[1]) - (p[1] - a[1]) * (b[0] - a[0])) / d
            if 0 < t < 1 and 0 <= u <= 1:
                ts.append(t)
        for t in sorted(ts):
            x = (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))
            if cur:
                cur.append(x); runs.append(cur); cur = []
            else:
                cur = [x]
        if cur:
            cur.append(b)
    if cur:
        runs.append(cur)
    best = max(runs, key=len)
    out = []
    for p in best:
        if not out or out[-1] != p:
            out.append(p)
    return out


FEATURES = []


def add(layer, fid, name_zh, name_en, kind, geom_type, coords, lines, note,
        target=None, **props):
    p = {"layer": layer, "id": "zzetdz-" + fid, "name_zh": name_zh, "name_en": name_en,
         "zone": "zzetdz", "kind": kind}
    for k in ("board", "park"):
        if k in props:
            p[k] = "zzetdz-" + props.pop(k)
    if target is not None:
        p["planned_area_km2"] = target
    for k in ("positioning", "lead_industries", "investment_yi", "length_km", "status", "period"):
        if k in props:
            p[k] = props.pop(k)
    assert not props, props
    p["source_doc"] = SRC
    p["source_lines"] = lines
    p["schematic"] = True
    p["placement_note"] = note
    if geom_type == "Polygon":
        g = {"type": "Polygon", "coordinates": [ring_ll(coords, target)]}
    elif geom_type == "LineString":
        g = {"type": "LineString", "coordinates": [to_ll(x, y) for x, y in coords]}
    elif geom_type == "Point":
        x, y = coords
        g = {"type": "Point", "coordinates": to_ll(x, y)}
    elif geom_type == "LineLL":
        g = {"type": "LineString", "coordinates": [[round(a, 6), round(b, 6)] for a, b in coords]}
    elif geom_type == "PointLL":
        g = {"type": "Point", "coordinates": [round(coords[0], 6), round(coords[1], 6)]}
    FEATURES.append({"type": "Feature", "id": p["id"], "properties": p, "geometry": g})


P = "2021-2025"
NO_AREA = " No area in the plan: size chosen as plausible, planned_area_km2 left out."

# ---------------------------------------------------------------- zone
add("zones", "zone", "郑州经济技术开发区", "Zhengzhou Economic-Technological Development Zone",
    "development_zone", "Polygon",
    [(-5.75, -6.65), (4.0, -6.05), (7.65, -5.75), (7.45, -4.3), (4.7, -3.55), (4.7, 3.75),
     (7.3, 5.0), (4.9, 7.25), (0.5, 7.45), (-4.5, 6.55), (-6.78, 5.7), (-6.98, 1.0)],
    "142,186,198-206",
    "Outline invented around the shared anchor (centre ~113.80E 34.69N, south-east of the city "
    "centre, between the 3rd/4th ring and CGO airport); west edge along the old G107 / 中州大道 side "
    "near 中原福塔, north edge just beyond the 陇海铁路 (which 第二十二大街 must pass under, 000:983), "
    "G4 and East 4th Ring through the middle and the East/South 3rd Ring across the north-west "
    "(all drawn in zhengzhou-city.geojson), 前程大道 just inside the east edge of the waist, "
    "an auto lobe to the south-east and a green-industry lobe to the north-east. "
    "Area scaled to the plan's 控制面积 158.7 km².",
    target=158.7,
    positioning="全国重要的先进制造业基地核心区、全国内陆开放型经济先行区、全省宜居宜业产城融合示范区、全省创新创业发展新高地",
    lead_industries="战略性新兴产业、汽车及装备制造、建筑业、现代物流",
    status="existing", period=P)

# ---------------------------------------------------------------- core boards
add("core-boards", "cb-qibuqu", "经开起步区核心板块", "ETDZ Start-up Area core board", "core_board",
    "Polygon",
    shift([(-3.35, 1.7), (-1.5, 1.62), (-1.4, 2.6), (-1.55, 3.4), (-2.7, 3.45), (-3.4, 3.32), (-3.52, 2.5)], QX),
    "939",
    "No boundary in the plan. Placed centrally just south of 航海东路, between the 3rd ring / "
    "Jingguang HSR and the East 4th Ring of zhengzhou-city.geojson; the 综保区 and 跨境E贸易产业园 "
    "lie across 航海东路 to the north, the 国际陆港 to the north-east and the 国际物流园区 to the "
    "south-west (000:939: 区位相邻).",
    target=2.92,
    positioning="全面打造开放创新示范区、工业转型示范区以及产城融合示范区；建成“连通境内外、辐射东中西”的国际综合物流枢纽及国家中心城市的核心产业功能区；重点发展跨境电商、科技研发、智造服务、会展贸易等核心功能",
    lead_industries="汽车及零部件、装备制造、现代物流", status="existing", period=P)

add("core-boards", "cb-binhe", "滨河国际新城核心板块", "Binhe International New City core board",
    "core_board", "Polygon",
    [(-6.15, -1.4), (-5.0, -1.5), (-4.5, -1.02), (-4.52, -0.32), (-5.4, -0.15), (-6.28, -0.52)],
    "941-943",
    "No boundary in the plan. 滨河 = riverside: placed on the 潮河 (the plan's main river, "
    "000:995/1013; the link is an inference) in the west of the zone; industry parks in its west "
    "half and housing/school/hospital in the east half per 西产东居 (000:941).",
    target=1.37,
    positioning="核心引导、多片辉映、西产东居、产研融合；打造悠活慢居、智慧开放的生命健康城；承担经开区总部基地、科研创新等功能",
    lead_industries="医药总部、大健康、高科技企业总部、商贸公共服务",
    status="under_construction", period=P)

add("core-boards", "cb-wuliuyuan", "国际物流园区核心板块", "International Logistics Park core board",
    "core_board", "Polygon",
    shift([(-4.45, -5.2), (-3.0, -5.3), (-2.72, -4.4), (-2.95, -3.72), (-4.1, -3.7), (-4.55, -4.3)], -0.4),
    "945-947",
    "No boundary in the plan. Drawn inside the (schematic) 国际物流园区 polygon, on its north-east "
    "side towards the 起步区 (000:939 区位相邻).",
    target=2.31,
    positioning="以“龙门”综合体等城市地标项目为依托；建成现代化的国际智慧物流园区核心区和先进制造业的服务区；打造“双千亿”产业基地和产城融合发展的现代智慧物流新城",
    lead_industries="新能源汽车、智能网联汽车、医药物流、快递物流、冷链物流",
    status="existing", period=P)

# ---------------------------------------------------------------- industrial parks
IP = "industrial-parks"
add(IP, "ip-zongbaoqu", "经开综合保税区", "Zhengzhou ETDZ Comprehensive Bonded Zone", "bonded_zone",
    "Polygon",
    [(-1.5, 3.8), (0.3, 3.8), (0.35, 4.7), (0.0, 5.2), (-1.45, 5.15)],
    "9,108,431,847,849",
    "Placed just north of the 起步区 across 航海东路; it is one of the board's two opening-up "
    "platforms (000:939)."
    + NO_AREA,
    positioning="优化功能布局，加快建设口岸作业区、物流仓储区、综合服务区和保税加工区；打造国际贸易中心、离岸制造中心、研发设计中心、销售服务中心、检测维修中心、物流分拨中心；中原地区保税物流区域中心",
    lead_industries="保税物流、保税维修、保税会展、保税融资租赁、跨境电商",
    status="existing", period=P)

add(IP, "ip-zongbao-fuwuqu", "海关特殊监管区内物理围网外综合服务区",
    "Bonded-zone integrated service area outside the physical fence", "service_park", "Polygon",
    blob(0.0, 5.55, 0.42, 0.34, "hex"), "849",
    "Put directly north of the bonded-zone polygon (outside its fence, with a road gap), as the "
    "plan asks for a service area outside the physical fence." + NO_AREA,
    positioning="完善综保区生产、生活服务配套设施和功能", status="planned", period=P)

add(IP, "ip-lugang", "郑州国际陆港", "Zhengzhou International Land Port", "logistics_park", "Polygon",
    [(2.35, 3.95), (4.0, 3.9), (5.05, 4.25), (5.18, 5.95), (4.7, 6.45), (2.4, 6.7), (2.28, 5.6)],
    "445,803,831,847,939",
    "Rail-freight hub: placed astride the 陇海铁路 in the north-east of the zone, east of the G4, "
    "north-east of the 起步区 (000:939 区位相邻). It contains the shared 集结中心 point and the "
    "圃田 freight base of zhengzhou-city.geojson (general knowledge, unverified: the container "
    "centre station is at 圃田)." + NO_AREA,
    positioning="陆港型国家物流枢纽；中欧班列（郑州）运营主体与集结中心所在；建设国际航空和铁路冷链物流枢纽、智慧陆港；经开综保区保税功能向郑州国际陆港延伸",
    lead_industries="中欧班列、多式联运、冷链物流、口岸贸易",
    status="existing", period=P)

add(IP, "ip-kuajing-emaoyi", "跨境E贸易产业园", "Cross-border E-Trade Industrial Park", "service_park",
    "Polygon",
    [(0.5, 3.8), (1.3, 3.8), (1.32, 4.6), (1.0, 4.95), (0.52, 4.9)],
    "827,939",
    "Adjacent to the 起步区 (000:939): placed just north of it across 航海东路, beside the 综保区 and "
    "west of the East 4th Ring / G4." + NO_AREA,
    positioning="跨境E贸易“单一窗口”一体化通关、国际采购、国际转口贸易等平台功能；与“空中丝绸之路”资源整合",
    lead_industries="跨境电商、国际采购、国际转口贸易", status="existing", period=P)

add(IP, "ip-rengongzhineng", "经开区人工智能专业园区", "ETDZ Artificial Intelligence Specialised Park",
    "innovation_park", "Polygon",
    [(-4.0, 3.75), (-2.9, 3.78), (-2.88, 4.45), (-3.2, 4.65), (-3.98, 4.6)],
    "609",
    "No location in the plan; placed north of 航海东路 in the west of the zone, between the "
    "equipment cluster and the Jingguang HSR (invention)." + NO_AREA,
    positioning="规划建设经开区人工智能专业园区，引进培育一批人工智能类项目和专业团队",
    lead_industries="人工智能", status="planned", period=P)

add(IP, "ip-wuliuyuanqu", "国际物流园区", "Zhengzhou International Logistics Park", "logistics_park",
    "Polygon",
    [(-5.35, -6.25), (-3.2, -6.3), (-2.95, -6.1), (-2.95, -3.52), (-3.8, -3.45), (-5.9, -3.62),
     (-5.85, -4.6)],
    "9,417,437,945",
    "Whole park with its own admin committee (000:9); the 2.31 km² core board lies inside it. "
    "Placed in the south-west of the zone (general knowledge, unverified: the logistics park lies "
    "in the south of the ETDZ towards Xinzheng), between the South 4th Ring and the south-west ring "
    "expressway and west of the Jingguang HSR of zhengzhou-city.geojson." + NO_AREA,
    positioning="现代化的国际智慧物流园区；建设智慧物流综合管理和服务平台",
    lead_industries="医药物流、快递物流、冷链物流、公路物流", status="existing", period=P)

add(IP, "ip-jingdong", "京东亚洲一号郑州经开物流园项目", "JD 'Asia No.1' Zhengzhou ETDZ Logistics Park",
    "logistics_park", "Polygon",
    [(-2.25, -5.35), (-0.5, -5.32), (-0.48, -4.72), (-0.9, -4.5), (-2.2, -4.6)],
    "74,452",
    "No site in the plan; placed east of the 国际物流园区 across the Jingguang HSR (invention). Only the "
    "GFA (54万 m²) is stated, not land area." + NO_AREA,
    positioning="以公路、铁路多式联运为特色的现代化智能物流运营中心；京东物流中原地区最大的物流枢纽中心",
    lead_industries="电商物流、仓储、城市配送、多式联运",
    investment_yi=30, status="existing", period=P)

add(IP, "ip-zhengmeiji", "郑煤机产业园项目", "ZMJ (Zhengzhou Coal Mining Machinery) Industrial Park",
    "industrial_park", "Polygon",
    [(-5.72, 3.75), (-4.55, 3.72), (-4.5, 4.3), (-4.8, 4.66), (-5.7, 4.62)],
    "405",
    "No site in the plan; placed in the equipment-manufacturing cluster in the north-west, north of "
    "航海东路 (invention)." + NO_AREA,
    positioning="重点建设大型洗选成套关键装备生产厂房及配套设施、工业液压支架智能研发、测试基地、机器人自动化拼装、焊接拼焊生产线及电机等",
    lead_industries="煤矿机械、液压支架、洗选装备、电机",
    investment_yi=30, status="planned", period=P)

add(IP, "ip-zhongtie", "中铁高端智能化装备产业园项目", "CREC High-end Intelligent Equipment Industrial Park",
    "industrial_park", "Polygon",
    [(-5.7, 4.85), (-4.62, 4.82), (-4.6, 5.45), (-5.0, 5.62), (-5.68, 5.6)],
    "86,403",
    "No site in the plan; placed with the equipment cluster in the north-west, north of the "
    "郑煤机 park (invention)." + NO_AREA,
    positioning="重点建设国家工程技术中心厂房、再制造生产厂房、地下空间装备制造厂房、智能化生产制造厂房、智能化仓储中心厂房、盾构关键零部件国产化研发制造厂房、研发大楼",
    lead_industries="盾构机、地下工程装备、再制造",
    investment_yi=24, status="under_construction", period=P)

add(IP, "ip-weihua", "卫华集团研发及高端制造产业园项目",
    "Weihua Group R&D and High-end Manufacturing Industrial Park", "industrial_park", "Polygon",
    blob(-3.75, 5.15, 0.4, 0.4, "skew"), "407",
    "No site in the plan; placed with the equipment cluster north of 航海东路, east of 第八大街 "
    "(invention). Area from the plan: 240 亩.",
    target=0.16,
    positioning="重点建设研发总部、大数据中心、技术检验检测中心、物流装备实验室、产品试制车间、精密制造车间、智能仓储车间",
    lead_industries="起重装备、物流装备", investment_yi=35, status="planned", period=P)

add(IP, "ip-jienenghuanbao", "经开区节能环保产业园", "ETDZ Energy-saving & Environmental Protection Industrial Park",
    "industrial_park", "Polygon",
    [(5.3, 4.45), (6.3, 4.72), (6.38, 5.2), (6.2, 5.55), (5.35, 5.5)],
    "519,521",
    "No site in the plan; placed in the north-east lobe of the zone, east of the 国际陆港 (invention)." + NO_AREA,
    positioning="将经开区打造成全省节能环保产业集聚区与经济绿色发展示范区",
    lead_industries="高效节能设备、环保专用设备、污染治理服务、环保研发", status="under_construction", period=P)

add(IP, "ip-huaxiabishui", "华夏碧水高端环保装备生产基地建设项目",
    "Huaxia Bishui High-end Environmental Equipment Production Base", "industrial_base", "Polygon",
    blob(5.7, -4.2, 0.42, 0.3, "cut"), "535",
    "No site in the plan; placed in the south-east industrial lobe next to the auto cluster "
    "(invention)." + NO_AREA,
    positioning="重点打造国家级环保技术装备研发、制造中心等配套功能载体",
    lead_industries="环保装备", investment_yi=6, status="planned", period=P)

add(IP, "ip-antu-yiqi", "安图生物诊断仪器产业园项目", "Autobio Diagnostic Instrument Industrial Park",
    "industrial_park", "Polygon",
    blob(-5.95, 2.2, 0.5, 0.46, "hex"), "478",
    "No site in the plan; placed in the west of the zone south of 航海东路 with the other 安图 "
    "project (invention). Only the GFA (22万 m²) is stated." + NO_AREA,
    positioning="重点建设体外诊断仪器研发中心项目、体外诊断仪器产能扩大项目、营销网络建设项目、综合配套项目",
    lead_industries="体外诊断仪器", investment_yi=16, status="planned", period=P)

add(IP, "ip-antu-sanqi", "安图生物体外诊断产业园（三期）项目", "Autobio IVD Industrial Park (Phase III)",
    "industrial_park", "Polygon",
    blob(-5.35, 2.2, 0.36, 0.34, "house"), "470,479",
    "No site in the plan; placed next to the 安图 instrument park (invention). Only the GFA "
    "(>10万 m²) is stated." + NO_AREA,
    positioning="围绕研发、生产、仓储及综合等4部分，建设体外诊断产品研发基地、体外诊断产品生产基地",
    lead_industries="体外诊断", investment_yi=23, status="under_construction", period=P)

add(IP, "ip-tuoren", "驼人医疗科技产业园项目", "Tuoren Medical Technology Industrial Park",
    "industrial_park", "Polygon",
    blob(-4.78, 2.2, 0.4, 0.38, "ell"), "470,481",
    "No site in the plan; placed in the small biomedical cluster west of the 起步区 (invention)."
    + NO_AREA,
    positioning="建设吗啡泵研发、生产与销售总部基地、医疗电子产品研发平台",
    lead_industries="医疗器械", investment_yi=5.9, status="under_construction", period=P)

add(IP, "ip-yutong-guojihua", "宇通国际化商用车基地", "Yutong International Commercial-Vehicle Base",
    "industrial_base", "Polygon",
    shift([(-1.5, -2.55), (0.3, -2.6), (0.38, -1.35), (0.0, -1.0), (-1.2, -0.98), (-1.55, -1.6)], 0, 0.45),
    "291",
    "No site in the plan; placed in the southern auto cluster between the 潮河 and the South 4th "
    "Ring (invention)." + NO_AREA,
    positioning="加快推动宇通国际化商用车基地投产", lead_industries="商用车、新能源汽车",
    status="under_construction", period=P)

add(IP, "ip-yutong-diandong", "宇通新能源汽车电驱动项目", "Yutong NEV Electric-Drive Project",
    "industrial_park", "Polygon",
    blob(0.85, -1.45, 0.44, 0.42, "cut"), "368",
    "No site in the plan; placed beside the 宇通 base (invention). Area from the plan: 267.5 亩.",
    target=0.1783,
    positioning="规划建设电驱车间、辅房、道路级相关配套设施", lead_industries="新能源汽车电驱动",
    investment_yi=6.5, status="planned", period=P)

add(IP, "ip-shangqi-chengyongche", "上汽乘用车基地项目", "SAIC Passenger-Car Base (Zhengzhou)",
    "industrial_base", "Polygon",
    [(1.85, -5.55), (4.1, -5.6), (4.45, -4.9), (4.3, -3.3), (2.5, -3.0), (1.8, -4.3)],
    "291,366",
    "No site in the plan; placed in the southern auto cluster east of the G4 (invention)."
    + NO_AREA,
    positioning="以整车项目带动周边物流、零部件产业同步发展；包含6个子项目（上汽云计算中心、上汽发动机、盛创二期、北斗星通等）；推动上汽乘用车郑州基地二期投产",
    lead_industries="乘用车整车、发动机、汽车零部件", investment_yi=28.4, status="under_construction", period=P)

add(IP, "ip-shangqi-fadongji2", "上汽郑州产业基地高效节能发动机二期项目",
    "SAIC Zhengzhou Base Efficient Engine Project Phase II", "industrial_park", "Polygon",
    blob(4.85, -4.2, 0.24, 0.22, "house"), "367",
    "Placed just east of the SAIC base polygon (separate parcel, so parks do not overlap); "
    "position invented. Area from the plan: 76.93 亩.",
    target=0.0513,
    positioning="建设年产30万台的GS62发动机项目（1.5L），新建缸体、缸盖、曲轴三条机加工线和发动机装配线",
    lead_industries="汽车发动机", investment_yi=10.5, status="planned", period=P)

add(IP, "ip-shangqi-icv", "上汽智能网联汽车试验示范基地", "SAIC Intelligent Connected Vehicle Test & Demonstration Base",
    "innovation_park", "Polygon",
    [(5.05, -5.35), (6.35, -5.3), (6.4, -4.85), (5.7, -4.68), (5.0, -4.75)],
    "303,581",
    "No site in the plan; placed east of the SAIC base (invention); elongated like a test track."
    + NO_AREA,
    positioning="5G网络下封闭式、半开放、开放道路的网联车应用示范；打造省级车联网先导区",
    lead_industries="智能网联汽车", status="under_construction", period=P)

add(IP, "ip-qiche-dianzi", "汽车电子产业园", "Automotive Electronics Industrial Park", "industrial_park",
    "Polygon",
    [(6.82, -5.3), (7.27, -5.28), (7.29, -4.85), (7.07, -4.8), (6.8, -4.86)],
    "719",
    "The only street-bounded site in the plan: 经开第41大街以西、经南18路以南、经南15路以北、河东街东. "
    "Placed in the south-east lobe (high avenue and 经南 numbers); drawn between 经南15路 (north) and "
    "经南18路 (south) because the literal wording is impossible if 经南 numbers rise southward "
    "(digest flag D3). Listed in 专栏4-2 as a 小微企业园 but drawn as an industrial park per brief. "
    "Area from the plan: 300 亩.",
    target=0.2,
    positioning="园区位于经开第41大街以西、经南18路以南、经南15路以北、河东街东",
    lead_industries="车体汽车电子控制装置、车载汽车电子控制装置",
    investment_yi=40, status="planned", period=P)

add(IP, "ip-guojihezuo-qibuqu", "国际合作示范园区（起步区）", "International Cooperation Demonstration Park (Start-up Area)",
    "service_park", "Polygon",
    shift([(-2.85, 2.44), (-2.0, 2.42), (-1.98, 2.7), (-2.3, 2.8), (-2.86, 2.78)], QX),
    "795", board="cb-qibuqu",
    note="000:795 puts one in the 起步区; drawn as a band in the middle of the board (position "
    "inside the board invented)." + NO_AREA,
    positioning="推动在起步区、滨河国际新城打造国际合作示范园区，聚集外事机构和代表处",
    status="planned", period=P)

add(IP, "ip-guojihezuo-binhe", "国际合作示范园区（滨河国际新城）",
    "International Cooperation Demonstration Park (Binhe New City)", "service_park", "Polygon",
    blob(-4.95, -0.6, 0.3, 0.3, "skew"), "795", board="cb-binhe",
    note="000:795 puts one in 滨河国际新城; drawn between the industrial west half and the "
    "residential east half of the board (position inside the board invented)." + NO_AREA,
    positioning="推动在起步区、滨河国际新城打造国际合作示范园区，聚集外事机构和代表处",
    status="planned", period=P)

# ---------------------------------------------------------------- small-micro parks
SM = "small-micro-parks"
QNOTE = ("No location in the plan. Placed in the 起步区 core board, which 000:955 makes the focus of "
         "low-efficiency industrial-land renewal for tech firms (新型产业用地); position inside the "
         "board invented. Area from 专栏4-2.")
add(SM, "sm-zhizao-fuwu", "经开智造服务产业园", "ETDZ Smart-Manufacturing Service Industrial Park",
    "small_micro_park", "Polygon", shift(blob(-3.0, 3.05, 0.44, 0.4, "house"), QX), "390,707",
    QNOTE + " Name echoes the 起步区 “新工业”智造服务中心 (000:939).", target=0.182, board="cb-qibuqu",
    positioning="高成长型高科技产业聚集地，主要引进无人驾驶汽车控制系统、电动汽车自动充电装置、生物科技等产业",
    lead_industries="智能制造、制造服务业", investment_yi=29, status="planned", period=P)
add(SM, "sm-xinxi", "经开信息产业园", "ETDZ Information Industrial Park", "small_micro_park", "Polygon",
    shift(blob(-2.45, 3.08, 0.34, 0.3, "hex"), QX), "705", QNOTE, target=0.098, board="cb-qibuqu",
    positioning="河南省具有示范带头作用的重要成果孵化基地、科技资源要素流动凹地、高端科技人才集聚高地",
    lead_industries="电子信息、人工智能", investment_yi=11, status="planned", period=P)
add(SM, "sm-zhenxing", "振兴科创园", "Zhenxing Sci-Tech Park", "small_micro_park", "Polygon",
    shift(blob(-1.95, 3.02, 0.36, 0.34, "skew"), QX), "697,711", QNOTE + " Called 振兴产业园 at 000:697.",
    target=0.12, board="cb-qibuqu",
    positioning="组建高水平工业互联网联盟、5G+工业应用创新联盟、智能制造创新联盟、工业机器人4S店总部",
    lead_industries="高水平工业互联网", investment_yi=44, status="planned", period=P)
add(SM, "sm-jianye", "建业之窗", "Jianye Window (Construction-Tech Industrial Park)", "small_micro_park",
    "Polygon", shift(blob(-3.0, 2.1, 0.46, 0.44, "ell"), QX), "697,701",
    QNOTE + " Positioned by the plan as 建筑科技产业园.", target=0.1967, board="cb-qibuqu",
    positioning="园区定位为“建筑科技产业园”，结合建业集团、筑友集团自身产业优势",
    lead_industries="智慧制造、建筑科技、装配式制造", investment_yi=35, status="planned", period=P)
add(SM, "sm-xincailiao", "新材料科创产业园", "New Materials Sci-Tech Industrial Park", "small_micro_park",
    "Polygon", shift(blob(-2.45, 2.05, 0.28, 0.26, "cut"), QX), "715", QNOTE, target=0.0693, board="cb-qibuqu",
    positioning="依托中国涂料协会，定位于涂料行业共性关键技术的研发供给、转移扩散和首次商业化",
    lead_industries="功能性（绿色）表面新材料", investment_yi=20, status="planned", period=P)
add(SM, "sm-zhongyuan-wenchuang", "中原科技文创产业园", "Central Plains Sci-Tech & Cultural-Creative Industrial Park",
    "small_micro_park", "Polygon", shift(blob(-1.95, 2.08, 0.38, 0.36, "house"), QX), "717", QNOTE,
    target=0.1367, board="cb-qibuqu",
    positioning="立足发展文化科技创意产业，打造多元化产业融合发展模式",
    lead_industries="智能检测装备、生物科技新材料", investment_yi=40, status="planned", period=P)
add(SM, "sm-zhongxing", "中兴产业园", "ZTE Industrial Park", "small_micro_park", "Polygon",
    blob(5.9, 4.95, 0.4, 0.38, "hex"), "505,530,532,703",
    "No location in the plan. Placed inside the 节能环保产业园 because 节能环保 is one of its lead "
    "industries (weak inference). Area from 专栏4-2 (223 亩); 中兴云塔 (77 factory buildings, "
    "000:530) and 中兴二期 (000:532) are taken to be on this site.",
    target=0.1487, park="ip-jienenghuanbao",
    positioning="中兴配套企业和国内、省内优质新兴产业中小企业管理、营销总部、研发中心和国内新兴产业企业的中原区域总部",
    lead_industries="5G设备制造、节能环保、通讯", investment_yi=37, status="planned", period=P)
add(SM, "sm-binhe-shuzi", "滨河数字产业园", "Binhe Digital Industrial Park", "small_micro_park", "Polygon",
    blob(-5.3, -0.62, 0.26, 0.25, "house"), "390,709",
    "Name ties it to 滨河 (inference): placed in the industrial west half of the 滨河 core board "
    "(西产东居, 000:941). Area from 专栏4-2 (96 亩).",
    target=0.064, board="cb-binhe",
    positioning="重点引进人工智能与汽车制造相融合的智能汽车研发及配件、智能传感器的研发及制造等新兴制造类企业",
    lead_industries="智能传感器研发及制造、智能汽车人机交互软硬件研发及制造", investment_yi=21,
    status="planned", period=P)
add(SM, "sm-shengwu-yiyao", "生物医药大健康产业园", "Biomedicine & Big-Health Industrial Park",
    "small_micro_park", "Polygon", blob(-5.75, -0.8, 0.52, 0.49, "hex"), "480,713",
    "No location in the plan. Placed in the industrial west half of the 滨河 core board, whose "
    "positioning is a 生命健康城 with 医药总部/大健康 (000:941-943; inference). Area 368 亩 "
    "(same park as 表3-4 item 4, 000:480; drawn once).",
    target=0.2453, board="cb-binhe",
    positioning="引入生物医药、大健康产业等新兴产业，以生命健康服务平台，打造生物医药、大健康产业两大核心产业",
    lead_industries="生物医药、大健康", investment_yi=40, status="planned", period=P)
add(SM, "sm-binhe-fuhua", "科技孵化中心", "Binhe Technology Incubation Centre", "incubator", "Polygon",
    blob(-5.3, -1.1, 0.22, 0.2, "hex"), "943",
    "Key project of the 滨河 core board (000:943); placed in its industrial west half; size "
    "chosen (building-block scale) and position invented. The 孵化器 of 000:943 is taken to be the "
    "same facility." + NO_AREA,
    board="cb-binhe", positioning="依托孵化器、总部港等重点项目，以创新孵化推动医药总部、大健康相关产业体系提升",
    status="planned", period=P)

# ---------------------------------------------------------------- infrastructure: lines
IF = "infrastructure"
add(IF, "inf-hanghai-lu", "航海路", "Hanghai Road (Hanghai East Road in the zone)", "road", "LineString",
    [(-8.6, 3.45), (-3.0, 3.52), (2.0, 3.56), (8.9, 3.62)], "983",
    "One of the 12 roads to upgrade (the 12 together: 3.4亿元, 91.1 km; figures not split per "
    "road). Drawn as the zone's main E-W axis; 经北/经南 roads are believed (general knowledge, "
    "unverified) to count away from it.",
    status="planned", period=P)
QC_LON = to_ll(QC_X, 0)[0]
QC_HANGHAI_Y = 3.56 + (QC_X - 2.0) * (3.62 - 3.56) / (8.9 - 2.0)   # on 航海路 (drawn above)
add(IF, "inf-qiancheng-dadao", "前程大道", "Qiancheng Avenue", "road", "LineLL",
    [(QC_LON, interp_lat(CITY_ZHENGMIN, QC_LON)), (QC_LON, 34.68), (QC_LON, to_ll(QC_X, QC_HANGHAI_Y)[1])],
    "983",
    "One of the 12 roads to upgrade (group figures 3.4亿元 / 91.1 km not split). Real alignment "
    "unknown to us (news reports describe 前程路 as a N-S road from 新龙路 in Baisha south across the "
    "陇海铁路 to the 郑民高速). Drawn N-S just inside the east edge of the zone's waist (about "
    "113.850E, between the SAIC base and its engine plant in the south-east lobe), from the "
    "郑民高速前程路互通 of zhengzhou-city.geojson, which uses the same longitude, north to 航海东路 "
    "(taken to be the same road, inference).",
    status="planned", period=P)
add(IF, "inf-dibadajie", "第八大街", "8th Avenue", "road", "LineString",
    [(-4.25, -2.3), (-4.28, 1.0), (-4.3, 3.5), (-4.32, 6.4)], "130",
    "13th-FYP demonstration road (completed). Avenues are believed to be numbered west to east "
    "(general knowledge, unverified); drawn in the west of the zone.",
    status="existing", period="2016-2020")
add(IF, "inf-di22dajie-xiachuan", "第二十二大街下穿陇海铁路", "22nd Avenue underpass of the Longhai Railway",
    "road", "LineString", [(0.75, 6.2), (0.78, 7.05), (0.8, 7.85)], "983",
    "Missing-link road: 22nd Avenue is drawn where it meets the 陇海铁路 on the north side of the "
    "zone, west of the 国际陆港 (position invented).",
    status="planned", period=P)
add(IF, "inf-jingbei6lu", "经北六路（第十大街—107辅道）道路工程", "Jingbei 6th Road (10th Avenue – G107 auxiliary road)",
    "road", "LineString", [(-3.55, 6.15), (-5.2, 6.15), (-6.95, 6.18)], "983",
    "Missing-link segment from 第十大街 west to the 107辅道, taken to run along the old G107 / "
    "中州大道 side on the west edge of the zone (inference; it could also lie east).",
    status="planned", period=P)
add(IF, "inf-jingbei4lu", "经北四路（京珠东环一下穿连接线）道路工程", "Jingbei 4th Road (Jingzhu east-ring underpass connector)",
    "road", "LineString", [(1.2, 5.3), (1.7, 5.3), (2.2, 5.3)], "983",
    "Underpass connector under the 京珠东环, taken to be the G4 (zhengzhou-expwy-g4 in zhengzhou-city.geojson) "
    "together with the parallel East 4th Ring (inference); short segment drawn where 经北四路 would "
    "cross them, west of the 国际陆港.",
    status="planned", period=P)
add(IF, "inf-jingnan8lu", "经南八路穿铁路", "Jingnan 8th Road railway crossing", "road", "LineString",
    [(-3.2, -0.95), (-2.6, -0.95), (-2.0, -0.95)], "983",
    "The plan does not say which railway; drawn where 经南八路 (placed ~4-5 km south of 航海东路, "
    "invention) would cross the Jingguang HSR line of zhengzhou-city.geojson (inference). The "
    "railway itself is not drawn in this file.",
    status="planned", period=P)
add(IF, "inf-sihuan", "郑州市四环线及大河路快速化工程PPP项目", "Zhengzhou 4th Ring Road expressway upgrade (PPP; 4th-ring part)",
    "expressway", "LineLL",
    CITY_4TH_RING_SE,
    "983",
    "Only the 4th-ring part in and near the zone is drawn (大河路 lies in northern Zhengzhou, outside "
    "this map). Coordinates copied from the 四环路 of zhengzhou-city.geojson (East 4th Ring beside the "
    "G4 through the zone, South 4th Ring ending at it inside the zone); schematic.",
    status="planned", period=P)
ZONE_RING = FEATURES[0]["geometry"]["coordinates"][0]
add(IF, "inf-g4-corridor", "京港澳高速沿线生态廊道", "Ecological corridor along the G4 Beijing–Hong Kong–Macau Expressway",
    "green", "LineLL", clip_to_ring(CITY_G4, ZONE_RING), "995",
    "Environmental-improvement corridor project of 000:995. The expressway itself is drawn only in "
    "zhengzhou-city.geojson (zhengzhou-expwy-g4, N-S through the middle of the zone); this line "
    "uses exactly its coordinates, clipped to the zone outline. The plan's 京珠东环 (000:983) is taken "
    "to be the G4 corridor (inference).",
    positioning="郑民高速、京港澳高速沿线生态廊道等环境提升工程", status="planned", period=P)
add(IF, "inf-zhengmin-corridor", "郑民高速沿线生态廊道", "Ecological corridor along the Zhengzhou–Minquan Expressway",
    "green", "LineLL", clip_to_ring(CITY_ZHENGMIN, ZONE_RING), "995",
    "Environmental-improvement corridor project of 000:995. The expressway itself is drawn only in "
    "zhengzhou-city.geojson (zhengzhou-expwy-zhengmin, from the G4 hub in the south of the zone "
    "eastwards); this line uses exactly its coordinates, clipped to the zone outline.",
    positioning="郑民高速、京港澳高速沿线生态廊道等环境提升工程", status="planned", period=P)
add(IF, "inf-g310", "国道G310精品线路", "G310 national road scenic route (Xiangyun)", "road", "LineString",
    [(5.4, 6.55), (7.0, 6.2), (8.4, 5.55), (10.5, 5.2)], "971-973",
    "Upgrade of G310 as the 祥云 beautiful-village scenic route; 祥云 placed in the rural east of "
    "the zone (invention). Starts just inside the zone's north-east edge, north of the 国际陆港.",
    positioning="围绕国道G310精品线路，提升基础设施水平", status="planned", period=P)
add(IF, "inf-binhe-icv", "滨河国际新城智能网联汽车示范线路", "Binhe New City connected-vehicle demonstration route",
    "road", "LineString", [(-5.95, -1.2), (-5.55, -1.24), (-5.05, -1.22), (-4.73, -0.95), (-4.71, -0.55)],
    "303,581", board="cb-binhe",
    note="Route inside the 滨河 core board (its course is invented).",
    positioning="探索建设滨河国际新城智能网联汽车示范线路等前沿工程", status="proposed", period=P)
add(IF, "inf-chaohe", "潮河沿岸景观带", "Chao River landscape belt", "green", "LineString",
    [(-8.2, -4.8), (-6.7, -2.6), (-5.6, -1.55), (-4.6, -1.3), (-3.5, -0.6), (-1.8, -0.5), (1.2, 0.3),
     (4.0, 1.3), (6.5, 2.0), (9.5, 2.6)],
    "995,1013,1151",
    "Follows a schematic course of the 潮河 from the south-west to the east (general knowledge: the "
    "river crosses the ETDZ towards 中牟; course not checked). Part of 一河两山.",
    positioning="以“城市会客厅”的理念完成“一河两山”即潮河沿岸景观带、故城遗址和福山生态公园高标准建设",
    status="planned", period=P)
add(IF, "inf-nanshuibeidiao-lin", "南水调中线干渠北侧防护林", "Shelter forest on the north side of the South-to-North Water Diversion Middle Route canal",
    "green", "LineString", [(-1.5, -10.0), (-4.8, -7.6), (-7.2, -5.6), (-9.5, -3.6)], "1003",
    "Name as printed (the plan drops 北 from 南水北调). The canal is drawn just south-west of the "
    "zone (general knowledge: it passes south of Zhengzhou city; course not checked).",
    status="planned", period=P)
add(IF, "inf-rezhuganwang", "“西热东送”，“引热入郑”主干热网工程", "West-to-East heat transfer trunk heating network",
    "heating", "LineString", [(-9.5, 3.58), (-4.0, 3.6), (1.5, 3.64), (4.5, 3.66)], "985",
    "Heat comes from the west (西热东送): drawn along the north side of 航海东路 from the west edge into "
    "the zone (route invented).",
    status="planned", period=P)
add(IF, "inf-dn500", "郑州航空港区供水DN500管网连接项目", "Airport Economy Zone DN500 water-main connection",
    "water_plant", "LineString", [(1.0, -2.8), (1.15, -6.6), (2.5, -12.5)], "985",
    "DN500 main linking the Airport Economy Zone supply (south) to the southern part of the zone, "
    "whose supply pressure it relieves (000:985); route invented. The spec has no pipeline kind, so "
    "the water-supply category water_plant is used.",
    status="planned", period=P)

# ---------------------------------------------------------------- infrastructure: points
LG = "Position inside the 国际陆港 polygon invented."
add(IF, "inf-jijie-zhongxin", "中欧班列集结中心项目", "China–Europe Railway Express (Zhengzhou) assembly centre project",
    "freight_yard", "Point", (2.6, 6.35), "450,807-813",
    "At the 国际陆港 on the railway. " + LG + " The same site is named by the city plan "
    "(中欧班列集结中心示范工程, 002:1392-1398) and drawn in zhengzhou-city.geojson as "
    "zhengzhou-landport-cr-express-assembly-centre at exactly these coordinates: one site seen by "
    "two plans, not two facilities.",
    positioning="“四区域、双中心、一核多点”：班列运营核心区、关联产业吸引区、多式联运服务区、境外合作互动区；含汽车口岸物流商务C区、B保项目、关铁合一监管区、指挥中心、公共信息服务平台等7个子项目",
    investment_yi=25, status="under_construction", period=P)
add(IF, "inf-tielu-kouan", "郑州铁路口岸", "Zhengzhou railway port of entry", "land_port", "Point",
    (3.5, 6.2), "813,831,853", "At the 国际陆港. " + LG, status="existing")
add(IF, "inf-guantie-jianguanqu", "“关铁融合”大监管区", "Combined customs–rail supervision area", "land_port", "Point",
    (3.75, 5.9), "450,813",
    "Merges the rail port's former customs and quarantine areas, so drawn beside the rail port. " + LG,
    positioning="完成铁路口岸原海关监管区和原免疫处理区的优化整合工作，通过海关总署验收", status="planned", period=P)
add(IF, "inf-qiche-kouan", "汽车口岸", "Vehicle import port", "land_port", "Point", (2.65, 5.0), "112,857",
    "汽车口岸物流商务C区 is a sub-project of the 集结中心 (000:450), so placed at the 国际陆港. " + LG,
    positioning="打造集贸易、物流、展示、保税、检测于一体的内陆进口汽车国际贸易中心", status="existing")
add(IF, "inf-qiche-kouan-2", "汽车口岸（二期）", "Vehicle import port, Phase II", "land_port", "Point", (2.85, 4.8), "112",
    "Next to the existing vehicle port; 二期 具备海关验收条件 (built, awaiting customs acceptance). " + LG,
    status="under_construction", period=P)
add(IF, "inf-liangshi-kouan", "粮食口岸", "Grain import port", "land_port", "Point", (3.4, 5.0), "112,855",
    "Placed at the 国际陆港 with the other functional ports (inference). " + LG, status="existing")
add(IF, "inf-liangshi-kouan-2", "粮食口岸（二期）", "Grain import port, Phase II", "land_port", "Point", (3.6, 4.8), "112",
    "Next to the existing grain port; phase II under planning and design. " + LG, status="planned", period=P)
add(IF, "inf-youzheng-kouan", "邮政口岸", "Postal port of entry", "land_port", "Point", (4.35, 5.3), "112,857",
    "Mail runs on the China–Europe trains (班列运邮), so placed at the 国际陆港 (inference). " + LG,
    status="existing")
add(IF, "inf-youzheng-chuli", "邮政口岸陆运邮件处理中心项目", "Postal port land-transport mail processing centre",
    "logistics_hub", "Point", (4.55, 5.05), "857", "Beside the postal port. " + LG,
    positioning="实现航陆中转、国内集散和进、出、转欧亚国际邮件集散分拨功能，打造全国重要国际邮件转运中心",
    status="planned", period=P)
add(IF, "inf-lenglian-shuniu", "国际航空和铁路冷链物流枢纽", "International air & rail cold-chain logistics hub",
    "logistics_hub", "Point", (2.7, 5.7), "445", "依托郑州国际陆港 (000:445): placed at the 国际陆港. " + LG,
    status="planned", period=P)
add(IF, "inf-wushuigang", "郑州无水港", "Zhengzhou dry port", "land_port", "Point", (3.2, 5.55), "120",
    "Sea–rail dry port (inaugurated June 2020); placed at the 国际陆港 rail hub (inference). " + LG,
    status="existing")
add(IF, "inf-gongluguang", "郑州国际物流园区公路港及其配套项目", "Zhengzhou International Logistics Park road port and supporting works",
    "logistics_hub", "Point", (-4.15, -4.55), "451,945", board="cb-wuliuyuan",
    note="A key project of the 国际物流园区 core board (000:945); position inside the board invented. "
    "Only GFA (41万 m²) is stated, so drawn as a point.",
    positioning="重点建设物流总部大厦、超级分拨集配中心、智慧管理平台及信息交易中心；规划多式联运布局，覆盖全省、辐射全国",
    investment_yi=23, status="under_construction", period=P)
add(IF, "inf-zhongtong", "中通快递国际业务总部", "ZTO Express international business HQ", "logistics_hub", "Point",
    (-5.0, -5.2), "445",
    "No site in the plan; placed in the 国际物流园区, whose lead industries include 快递物流 "
    "(000:945; inference).", status="planned", period=P)
add(IF, "inf-yunda", "韵达货运华中总部基地", "Yunda Freight Central-China HQ base", "logistics_hub", "Point",
    (-4.7, -5.75), "445",
    "No site in the plan; placed in the 国际物流园区 (快递物流, 000:945; inference).",
    status="planned", period=P)
add(IF, "inf-kuajing-wuliu", "跨境电商物流中心", "Cross-border e-commerce logistics centre", "logistics_hub", "Point",
    (0.9, 4.3), "447",
    "No site in the plan; placed in the 跨境E贸易产业园 (inference).", status="planned", period=P)
add(IF, "inf-shangqi-yun", "上汽云计算数据中心", "SAIC cloud-computing data centre", "digital", "Point",
    (3.0, -4.6), "307,327,366",
    "Sub-project of the SAIC passenger-car base (000:366): placed inside the base polygon; position "
    "invented.", status="under_construction", period=P)
add(IF, "inf-jiulong-shuichang", "郑州市九龙水厂工程", "Zhengzhou Jiulong Water Plant", "water_plant", "Point",
    (4.2, 1.2), "985",
    "Placed at the east side of the zone towards 九龙 (general knowledge, unverified: 九龙 is an "
    "eastern town/sub-district of the ETDZ); position invented. Capacity 总规模100万立方米/日.",
    positioning="总规模100万立方米/日", status="planned", period=P)
add(IF, "inf-futa", "中原福塔", "Zhongyuan Fortune Tower (Henan Radio & TV Tower)", "public_facility", "PointLL",
    (113.726, 34.724), "1101,1105",
    "Coordinates from the digest's anchor table (general knowledge, ±1-2 km), not from the plan. "
    "Start of industrial-tourism route 1.", status="existing")
add(IF, "inf-gucheng-yizhi", "故城遗址", "Putian old-city ruins (heritage park)", "green", "Point",
    (2.2, 7.3), "1013,1095,1151",
    "Named 圃田故城遗址 at 000:1095; placed north of the 陇海铁路 in the 圃田 direction (general "
    "knowledge, unverified). Part of 一河两山.",
    positioning="“一河两山”即潮河沿岸景观带、故城遗址和福山生态公园高标准建设", status="planned", period=P)
add(IF, "inf-diehu", "滨河蝶湖森林公园", "Binhe Butterfly Lake Forest Park", "green", "Point",
    (-5.05, -1.3), "975,1105", board="cb-binhe",
    note="蝶湖 is part of 滨河 by name; placed by the 潮河 in the east half of the board (position invented).",
    status="existing")
add(IF, "inf-qiyuan-binhe", "郑州市第七人民医院滨河院区项目", "Zhengzhou No.7 People's Hospital, Binhe campus",
    "hospital", "Point", (-4.88, -1.05), "1057", board="cb-binhe",
    note="In the residential east half of the 滨河 core board (西产东居); position invented.",
    status="planned", period=P)
add(IF, "inf-qiyuan-erqi", "郑州市第七人民医院二期工程（心血管病房楼）", "Zhengzhou No.7 People's Hospital Phase II (cardiovascular ward building)",
    "hospital", "Point", (-6.3, 3.2), "585,1057",
    "At the hospital's main campus, believed (general knowledge, unverified) to be on 航海东路 in "
    "the west of the zone.", status="planned", period=P)
add(IF, "inf-zhengda-erfuyuan", "郑州大学第二附属医院新院区项目", "Second Affiliated Hospital of Zhengzhou University, new campus",
    "hospital", "Point", (0.1, 0.55), "134,585,1057",
    "No site in the plan; placed centrally, south of the 起步区 and north of the 潮河 (invention).",
    status="under_construction", period=P)

SCH = "No site in the plan; placed in a residential area "
add(IF, "inf-binhe-erxiao", "滨河二小", "Binhe No.2 Primary School", "school", "Point", (-4.75, -0.85), "1073",
    board="cb-binhe", note="Name ties it to 滨河: placed in the residential east half of the 滨河 core "
    "board; position invented.", status="under_construction", period=P)
add(IF, "inf-longfei-zhongxue", "龙飞中学", "Longfei Middle School", "school", "Point", (-2.2, -3.95), "1073",
    note=SCH + "next to the 国际物流园区 (invention; 龙飞 is believed to be a street name there, unverified).",
    status="under_construction", period=P)
add(IF, "inf-longfei-xiaoxue", "龙飞小学", "Longfei Primary School", "school", "Point", (-1.6, -3.95), "1073",
    note=SCH + "next to the 国际物流园区, with 龙飞中学 (invention).", status="under_construction", period=P)
add(IF, "inf-yucai-zhongxue", "育才中学", "Yucai Middle School", "school", "Point", (-1.05, 1.25), "1073",
    note=SCH + "south of the 起步区 (invention).", status="under_construction", period=P)
add(IF, "inf-yucai-xiaoxue", "育才小学", "Yucai Primary School", "school", "Point", (-0.45, 1.15), "1073",
    note=SCH + "south of the 起步区, beside 育才中学 (invention).", status="under_construction", period=P)
add(IF, "inf-zhitong-xiaoxue", "智通小学", "Zhitong Primary School", "school", "Point", (0.75, 0.95), "1073",
    note=SCH + "south-east of the 起步区 (invention).", status="under_construction", period=P)
add(IF, "inf-langxing-xiaoxue", "朗星小学", "Langxing Primary School", "school", "Point", (1.05, 2.4), "1073",
    note=SCH + "east of the 起步区, west of the East 4th Ring (invention).", status="under_construction", period=P)
add(IF, "inf-chaofenglu-erxiao", "朝凤路二小", "Chaofeng Road No.2 Primary School", "school", "Point", (-3.95, 1.35), "1073",
    note=SCH + "west of the 起步区 (invention; 朝凤路 itself is not located).", status="under_construction", period=P)


def main():
    fc = {"type": "FeatureCollection",
          "name": "zzetdz",
          "features": FEATURES}
    text = json.dumps(fc, ensure_ascii=False, indent=1)
    # keep each [lon, lat] pair on one line
    text = re.sub(r"\[\s*(-?[0-9.]+),\s*(-?[0-9.]+)\s*\]", r"[\1, \2]", text)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text + "\n")
    print("wrote", os.path.normpath(OUT), len(FEATURES), "features")


if __name__ == "__main__":
    main()
