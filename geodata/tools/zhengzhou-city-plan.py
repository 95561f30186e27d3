#!/usr/bin/env python3
"""Scratch generator for geodata/plan/zhengzhou-city.geojson (schematic, Python 3 stdlib only).

Documentation, not part of the build. It writes the plan features drawn from the
Zhengzhou city 14th Five-Year Plan outline (seed 002_f6b26a26c27aa93e.txt) and then
checks them: required properties, id pattern and uniqueness, polygon validity
(closed, counter-clockwise, simple), stated area within 5 %, and that no line runs
through the airport polygon except the metro line that ends at the terminal.

Every coordinate here is drawn from general knowledge of the real places and is
schematic (about +-1-2 km at best). The plan itself gives no coordinates.

Cross-file reconciliation (after the four plan files were drawn in parallel): the G4, G30,
SW ring, 3rd/4th rings, Zhengmin expressway and Longhai railway are drawn ONLY here; the zone
files draw their own projects on them with the same coordinates (ETDZ: 4th-ring PPP part, G4 /
Zhengmin ecological corridors; zzetdz-build.py copies CITY_G4 / CITY_ZHENGMIN from this file, so
change both together). The SW ring runs west of the High-tech Zone (the zone plan puts its grain
park east of it, 001:457); the G4 passes east of the Xinxiang ETDZ, clear of its parks; the Qiancheng
interchanges sit on the ETDZ file's 前程大道 line (QC_LON); the Zheng-Xin road ends at the Xinxiang
file's 经三路南延; the Beijing-Guangzhou HSR passes the Xinxiang file's Xinxiang East station point.

Run:  python3 geodata/tools/zhengzhou-city-plan.py   (from the repo root)
"""
import json
import math
import os
import re
import sys

DOC = "002_f6b26a26c27aa93e.txt"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "plan", "zhengzhou-city.geojson")
SEED = os.path.join(HERE, "..", "..", "..", "shared", "seeds", DOC)

M_PER_DEG_LAT = 110574.0
M_PER_DEG_LON_EQ = 111320.0


# --------------------------------------------------------------------------- geometry helpers
def area_km2(ring):
    """Area of a lon/lat ring, local equal-area projection at its mean latitude (km²)."""
    lat0 = sum(p[1] for p in ring[:-1]) / (len(ring) - 1)
    kx = M_PER_DEG_LON_EQ * math.cos(math.radians(lat0))
    pts = [(p[0] * kx, p[1] * M_PER_DEG_LAT) for p in ring]
    s = 0.0
    for (x1, y1), (x2, y2) in zip(pts, pts[1:]):
        s += x1 * y2 - x2 * y1
    return s / 2.0 / 1e6  # signed: > 0 means counter-clockwise


def centroid(ring):
    pts = ring[:-1]
    return (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))


def scale_to(ring, target_km2):
    """Scale an open vertex list about its vertex centroid so the closed ring has target area."""
    closed = ring + [ring[0]]
    a = abs(area_km2(closed))
    f = math.sqrt(target_km2 / a)
    cx, cy = centroid(closed)
    return [(cx + (x - cx) * f, cy + (y - cy) * f) for x, y in ring]


def rotated(center, verts_ab, bearing_deg):
    """Vertices given in km along a bearing (a) and across it (b, to the left) -> lon/lat."""
    lon0, lat0 = center
    b = math.radians(bearing_deg)
    ux, uy = math.sin(b), math.cos(b)          # along-axis unit vector (east, north)
    vx, vy = -uy, ux                           # left-hand perpendicular
    kx = M_PER_DEG_LON_EQ * math.cos(math.radians(lat0)) / 1000.0
    ky = M_PER_DEG_LAT / 1000.0
    out = []
    for a, c in verts_ab:
        e = a * ux + c * vx
        n = a * uy + c * vy
        out.append((lon0 + e / kx, lat0 + n / ky))
    return out


def r6(pts):
    return [[round(x, 6), round(y, 6)] for x, y in pts]


def poly(ring):
    ring = r6(ring)
    if ring[0] != ring[-1]:
        ring.append(ring[0])
    if area_km2(ring) < 0:
        ring.reverse()
    return {"type": "Polygon", "coordinates": [ring]}


def line(pts):
    return {"type": "LineString", "coordinates": r6(pts)}


def point(p):
    return {"type": "Point", "coordinates": [round(p[0], 6), round(p[1], 6)]}


# --------------------------------------------------------------------------- features
FEATURES = []


def add(fid, layer, kind, name_zh, name_en, geom, lines, note, **extra):
    props = {
        "layer": layer,
        "id": fid,
        "name_zh": name_zh,
        "name_en": name_en,
        "zone": "zhengzhou",
        "kind": kind,
    }
    props.update(extra)
    props.update({
        "source_doc": DOC,
        "source_lines": lines,
        "schematic": True,
        "placement_note": note,
    })
    FEATURES.append({"type": "Feature", "properties": props, "geometry": geom})


INFRA = "infrastructure"
P21 = "2021-2025"

# ---- context zone: Zhengzhou Airport Economy Zone, sized to the stated 2025 built-up area ----
airport_zone = scale_to([
    (113.765, 34.585), (113.830, 34.594), (113.890, 34.580), (113.916, 34.540),
    (113.908, 34.485), (113.884, 34.446), (113.850, 34.430), (113.816, 34.450),
    (113.793, 34.497), (113.770, 34.540),
], 131.0)
add("zhengzhou-zone-airport-economy-zone", "zones", "district",
    "郑州航空港区", "Zhengzhou Airport Economy Zone (2025 built-up area)",
    poly(airport_zone), "1464-1488",
    "Outline sized to the plan's 2025 target that the zone's built-up area exceed 130 km² "
    "(002:1484-1486); it is NOT the full administrative zone (about 415 km², general knowledge). "
    "Drawn around Xinzheng airport (CGO, about 113.84E 34.52N) and Zhengzhou South station, south of "
    "the ETDZ and clear of it (north edge about 34.59N).",
    planned_area_km2=130.0,
    positioning="建设郑州国家中心城市副城,培育成为郑州、河南乃至中部地区链接双循环的先导平台;"
                "聚焦“枢纽+口岸+物流+制造”;到2025年,实验区建成区面积突破130平方公里,常住人口突破100万人",
    lead_industries="电子信息、生物医药、新能源汽车、智能装备、新型显示、航空物流、跨境电商、现代商贸会展、数字经济",
    period=P21)

# ---- airport ----
airport = rotated((113.845, 34.524), [
    (-3.2, -1.2), (-2.6, -1.9), (2.9, -1.9), (3.3, -1.3),
    (3.2, 1.4), (2.4, 2.0), (-2.2, 2.0), (-3.0, 1.5),
], 120.0)
add("zhengzhou-airport-cgo", INFRA, "airport",
    "郑州机场", "Zhengzhou Xinzheng International Airport (CGO), incl. Phase III",
    poly(airport), "1287-1299",
    "Plausible airfield outline (about 23 km², no area stated, so planned_area_km2 left out) centred "
    "on CGO at about 113.845E 34.524N, long axis along the runways' WNW-ESE heading (about 120°, general "
    "knowledge); meant to take in the existing two runways, T1/T2 and the Phase III works (3rd/4th "
    "runways, T3, north and south cargo areas, airport ground-transport centre; 002:1326-1328), whose "
    "sites the plan does not give.",
    status="existing", period=P21,
    positioning="推进机场三期建设,完成北货运区和第三跑道建设,启动南货运区和第四跑道建设,终端区达到“五进五出”能力;"
                "到2025年,力争航空货邮量达到100万吨,年旅客吞吐量达到4500万人次")

# ---- rail stations ----
ZZ_STATION = (113.658, 34.746)
ZZ_EAST = (113.774, 34.760)
ZZ_SOUTH = (113.855, 34.452)
add("zhengzhou-rail-station-zhengzhou", INFRA, "rail_station",
    "郑州站", "Zhengzhou Railway Station", point(ZZ_STATION), "1336",
    "Main station in the old city west of Erqi Square (general knowledge), on the Longhai and Beijing-Guangzhou "
    "railways; the Longhai line links it to the High-tech Zone (west) and the ETDZ (east). The plan also "
    "plans an underground pedestrian link between its east and west plazas (002:2788-2790), not drawn "
    "separately.",
    status="existing", positioning="完善郑州站、郑州东站功能")
add("zhengzhou-rail-station-zhengzhou-east", INFRA, "rail_station",
    "郑州东站", "Zhengzhou East Railway Station (HSR)", point(ZZ_EAST), "1336",
    "HSR hub in Zhengdong New District (about 113.774E 34.760N, general knowledge); the East 3rd Ring "
    "passes its east plaza and the G4 runs about 5 km further east. Just north of the ETDZ; start of "
    "the Beijing-Guangzhou HSR northwards to Xinxiang and of the Zhengzhou-Jinan HSR.",
    status="existing", positioning="完善郑州站、郑州东站功能")
add("zhengzhou-rail-station-zhengzhou-south", INFRA, "rail_station",
    "郑州南站", "Zhengzhou South Railway Station (opened 2022 as Zhengzhou Hangkonggang)", point(ZZ_SOUTH),
    "1336-1344",
    "In the Airport Economy Zone about 8 km south of the airport terminal (general knowledge); the "
    "plan's HSR express-freight base (郑州南站高铁快运基地, 002:1342-1344) is taken to be at the station "
    "and is not drawn separately.",
    status="under_construction", period=P21,
    positioning="加快建设郑州南站;实施中欧班列集结中心工程、郑州南站高铁快运基地等工程建设")

# ---- rail lines ----
XX_EAST_STATION = (113.961173, 35.28655)   # xxetdz-inf-gaotie-zhan (Xinxiang East), xxetdz.geojson
JG_HSR = [
    (113.968, 35.320), (113.962, 35.300), XX_EAST_STATION, (113.956, 35.279), (113.955, 35.240),
    (113.930, 35.160),
    (113.880, 35.060), (113.835, 34.975), (113.815, 34.925), (113.805, 34.875),
    (113.789, 34.820), ZZ_EAST, (113.772, 34.700), (113.770, 34.620),
    (113.768, 34.550), (113.765, 34.470), (113.762, 34.380),
]
add("zhengzhou-rail-jingguang-hsr", INFRA, "rail_line",
    "京广高速铁路", "Beijing-Guangzhou High-Speed Railway (Xinxiang East - Zhengzhou East - towards Xuchang)",
    line(JG_HSR), "2655-2657",
    "Schematic alignment (general knowledge): through Xinxiang East station (the xxetdz file's "
    "xxetdz-inf-gaotie-zhan point) and just outside the west edge of the Xinxiang ETDZ (the ETDZ plans "
    "a '高铁东' service centre east of it, 003:414), across the Yellow River "
    "(the Zheng-Xin road is drawn beside it), into Zhengzhou East, then south through "
    "the western ETDZ and west of the airport towards Xuchang. The plan names it only as a green belt "
    "(专栏12).",
    status="existing")
LONGHAI = [
    (113.420, 34.782), (113.500, 34.778), (113.560, 34.775), (113.620, 34.760),
    ZZ_STATION, (113.700, 34.752), (113.760, 34.750), (113.800, 34.748),
    (113.860, 34.742), (113.930, 34.733), (114.000, 34.725),
]
add("zhengzhou-rail-longhai", INFRA, "rail_line",
    "陇海铁路", "Longhai Railway (Zhengzhou section)", line(LONGHAI), "2655-2657",
    "Schematic E-W alignment (general knowledge): through the southern High-tech Zone near Xushui, "
    "Zhengzhou Station, then east past Putian through the northern part of the ETDZ and its International "
    "Land Port (the ETDZ plan opens a road under it, 000:983; drawn only here, not in the ETDZ file) "
    "towards Zhongmu and Kaifeng. Named in the plan as a green belt (专栏12).",
    status="existing")
ZHENGJI = [
    (113.776, 34.763), (113.812, 34.812), (113.845, 34.870), (113.865, 34.920),
    (113.874, 34.950), (113.888, 35.005), (113.930, 35.060), (113.985, 35.100),
]
add("zhengzhou-rail-zhengji-hsr", INFRA, "rail_line",
    "郑济高铁", "Zhengzhou-Jinan High-Speed Railway (Zhengzhou section)", line(ZHENGJI), "1332",
    "Schematic (general knowledge): leaves Zhengzhou East north-east, crosses the Yellow River on its own "
    "road-rail bridge and runs through Pingyuan New District (Xinxiang) towards Puyang; the plan lists "
    "it among the Zheng-Xin fast links (002:3865-3867). Drawn to the edge of the Zhengzhou area only.",
    status="under_construction", period=P21, positioning="建成郑济高铁")
add("zhengzhou-bridge-zhengji-yellow-river", INFRA, "bridge",
    "郑济高铁公铁两用桥", "Zhengzhou-Jinan HSR road-rail bridge over the Yellow River",
    line([(113.865, 34.920), (113.874, 34.950)]), "3865-3867",
    "Drawn across the Yellow River on the Zhengzhou-Jinan HSR alignment above; crossing point is "
    "schematic (general knowledge), the plan gives none.",
    status="under_construction", period=P21,
    positioning="加快推进郑济高铁公铁两用桥、安罗高速原阳至郑州段等郑新快速通道建设")

# ---- metro: Chengjiao (airport) line ----
T2 = (113.838, 34.527)
add("zhengzhou-metro-chengjiao-phase1", INFRA, "metro_line",
    "城郊线", "Chengjiao (suburban/airport) Line, phase I: South 4th Ring - Xinzheng Airport", line([
        (113.686, 34.668), (113.695, 34.635), (113.712, 34.600), (113.735, 34.572),
        (113.768, 34.550), (113.805, 34.535), T2]), "2581",
    "Existing phase I (opened 2017, general knowledge; the plan names the line only through its phase II). "
    "Schematic: from the South 4th Ring terminus of Line 2 south-east to the airport terminal; it is the "
    "metro link between the city and the airport, west of the ETDZ.",
    status="existing")
add("zhengzhou-metro-chengjiao-phase2", INFRA, "metro_line",
    "城郊线二期", "Chengjiao Line phase II: Xinzheng Airport - Zhengzhou South Station", line([
        T2, (113.842, 34.500), (113.850, 34.470), ZZ_SOUTH]), "2581",
    "Schematic: airport terminal south to Zhengzhou South station (general knowledge: this is the "
    "airport-South station rail link the plan asks for at 002:1293).",
    status="under_construction", period=P21, positioning="全面建成城郊线二期;强化机场与南站轨道连接")

# ---- expressways ----
G4 = [
    (114.025, 35.340), (114.041, 35.300), (114.052, 35.262), (114.053, 35.240), (114.030, 35.210),
    (113.950, 35.170),
    (113.870, 35.080), (113.800, 34.990), (113.790, 34.915), (113.808, 34.872),
    (113.820, 34.800), (113.822, 34.745), (113.819, 34.668), (113.814, 34.635),
    (113.805, 34.580), (113.796, 34.530), (113.783, 34.420), (113.776, 34.370),
]
add("zhengzhou-expwy-g4", INFRA, "expressway",
    "京港澳高速", "G4 Beijing-Hong Kong-Macau Expressway (Xinxiang - Zhengzhou - Xinzheng)", line(G4),
    "1313-1315",
    "Schematic (general knowledge): past the east side of the Xinxiang ETDZ, about 0.5-1 km outside "
    "the xxetdz file's outline (east of its S226 edge and its multimodal yard) so that it crosses none "
    "of that file's parks or bonded-zone blocks (the Xinxiang plan greens the G4 corridor, 003:704); "
    "then across the Yellow River, east of Zhengdong New District and east of Zhengzhou "
    "East station, then N-S through the middle of the Zhengzhou ETDZ (it has interchanges with Hanghai "
    "East Rd and the South 3rd Ring east section; ETDZ green corridor 000:995) to the Xiangyunsi hub in "
    "the southern ETDZ, where the SW ring ends and the Zhengmin expressway begins, and on west of the "
    "airport. The main road link between all three zones and the airport.",
    status="existing", positioning="推动连霍、京港澳高速运力分流疏导")
SW_RING_NORTH = (113.468, 34.851044)   # on the G30 segment (113.400, 34.845)-(113.490, 34.853)
G30 = [
    (113.400, 34.845), SW_RING_NORTH, (113.490, 34.853), (113.560, 34.858), (113.650, 34.864),
    (113.720, 34.869), (113.808, 34.872), (113.850, 34.850), (113.910, 34.815),
    (113.980, 34.780), (114.060, 34.765),
]
add("zhengzhou-expwy-g30", INFRA, "expressway",
    "连霍高速", "G30 Lianyungang-Khorgas (Lianhuo) Expressway (Zhengzhou section)", line(G30), "1313-1315",
    "Schematic (general knowledge): along the northern edge of the High-tech Zone (the zone's grain park "
    "lies south of it and east of the SW ring, 001:457), north of the city to the G4 junction at Liujiang, "
    "then ESE north of Zhongmu towards Kaifeng.",
    status="existing", positioning="推动连霍、京港澳高速运力分流疏导")
SW_RING = [
    SW_RING_NORTH, (113.466, 34.800), (113.470, 34.770), (113.486, 34.735), (113.510, 34.690),
    (113.550, 34.655), (113.610, 34.635), (113.690, 34.628), (113.760, 34.630),
    (113.814, 34.635),
]
add("zhengzhou-expwy-southwest-ring", INFRA, "expressway",
    "西南绕城高速", "Southwest Ring Expressway (part of the Zhengzhou ring expressway)", line(SW_RING),
    "2651",
    "Schematic (general knowledge): from the G30 south at about 113.466-113.470E, 0.3-0.6 km west of "
    "the High-tech Zone outline of zzhitech.geojson (the zone plan puts its grain park '西南绕城以东', "
    "east of the ring, 001:457, so the ring stays outside the zone), "
    "round the south-west and south of the city, south of the 4th ring, to the G4 at the Xiangyunsi hub "
    "in the southern ETDZ; with the G30 (north) and the G4 (east) it forms the 106 km Zhengzhou ring "
    "expressway that links the High-tech Zone to the ETDZ and the airport.",
    status="existing")
ZHENGMIN = [(113.814, 34.635), (113.870, 34.640), (113.930, 34.645), (114.000, 34.650), (114.070, 34.655)]
add("zhengzhou-expwy-zhengmin", INFRA, "expressway",
    "郑民高速", "Zhengzhou-Minquan Expressway (western section)", line(ZHENGMIN), "3738-3740",
    "Schematic (general knowledge): begins at the Xiangyunsi hub on the G4 in the southern ETDZ, "
    "continuing the ring expressway's southern line, and runs east past Zhongmu towards Kaifeng's south "
    "and Minquan (ETDZ green corridor, 000:995). It is the dividing line of the Zheng-Kai pilot zone "
    "(002:3738-3740).",
    status="existing")
add("zhengzhou-expwy-anluo-yuanyang-zhengzhou", INFRA, "expressway",
    "安阳至罗山高速原阳至郑州段", "Anyang-Luoshan Expressway, Yuanyang-Zhengzhou section", line([
        (113.948, 35.065), (113.942, 34.990), (113.936, 34.930), (113.932, 34.860), (113.930, 34.805)]),
    "1348",
    "Alignment not given; drawn schematically from Yuanyang (about 113.94E 35.06N) south across the Yellow "
    "River to the G30 east of the city (end point assumed). The plan names it a Zheng-Xin fast link "
    "(002:3865-3867).",
    status="planned", period=P21, positioning="开工建设安阳至罗山高速原阳至郑州段")

# ---- urban ring expressways and roads ----
add("zhengzhou-expwy-3rd-ring", INFRA, "expressway",
    "三环快速路", "3rd Ring urban expressway", line([
        (113.598, 34.713), (113.599, 34.770), (113.600, 34.823), (113.690, 34.824),
        (113.780, 34.823), (113.781, 34.770), (113.779, 34.713), (113.690, 34.714),
        (113.598, 34.713)]), "2635",
    "Closed ring, schematic (general knowledge): West 3rd Ring about 113.60E, North 3rd Ring about "
    "34.823N, East 3rd Ring about 113.78E (it passes under the east plaza of Zhengzhou East station), "
    "South 3rd Ring about 34.713N. The West 3rd Ring runs just inside the High-tech Zone's eastern "
    "edge (the zone reaches just beyond it). The East 3rd Ring enters the Zhengzhou ETDZ from the "
    "north (about 34.757N) and the South 3rd Ring runs west from the south-east corner (about "
    "113.78E 34.713N) through the ETDZ's north-western part, whose outline reaches 中原福塔 (about "
    "113.726E 34.724N) at the zone's west edge; the ETDZ's polygons are kept clear of both. Named in "
    "the plan as a greenway (002:2635) and green corridor (002:2651).",
    status="existing")
add("zhengzhou-expwy-4th-ring", INFRA, "expressway",
    "四环路", "4th Ring urban expressway", line([
        (113.555, 34.668), (113.554, 34.760), (113.556, 34.882), (113.680, 34.884),
        (113.800, 34.882), (113.8175, 34.800), (113.8195, 34.745), (113.8165, 34.668),
        (113.690, 34.667), (113.555, 34.668)]), "2651",
    "Closed ring, schematic (general knowledge), about 93 km: West 4th Ring about 113.555E through the "
    "High-tech Zone, crossing the G30; North 4th Ring along Dahe Rd about 34.88N, north of the G30; "
    "East 4th Ring (Zhenggang Ave, formerly Sigang Liandong Ave) about 200 m west of and parallel to "
    "the G4; South 4th Ring about 34.668N, ending at the East 4th Ring inside the ETDZ (the ETDZ plan "
    "lists the 4th-ring expressway PPP, 000:983).",
    status="existing")
add("zhengzhou-road-west-4th-ring-north-ext", INFRA, "road",
    "西四环北延", "West 4th Ring northern extension (arterial)", line([
        (113.556, 34.882), (113.555, 34.905), (113.553, 34.935)]), "2782",
    "Drawn from the NW corner of the 4th ring (Dahe Rd), north of the High-tech Zone and the G30, "
    "further north; its end point is not given (assumed short of the Yellow River embankment).",
    status="planned", period=P21, positioning="加强文化北路、西四环北延等四环外主干路网建设")
add("zhengzhou-expwy-nongye-road-west-ext", INFRA, "expressway",
    "农业路西延", "Nongye Road western extension (urban expressway)", line([
        (113.592, 34.786), (113.575, 34.786), (113.554, 34.786)]), "2774",
    "End points not given. The Nongye elevated expressway already runs above Huagong Rd to just west of "
    "the West 3rd Ring (general knowledge); the extension is drawn along Huagong Rd (about 34.786N, as "
    "in the zzhitech file) west to the West 4th Ring in the High-tech Zone.",
    status="under_construction", period=P21, positioning="全面建成彩虹桥拆除新建、渠南路快速通道、农业路西延、中州大道南段等工程")
XX_JINGSAN_SOUTH_END = (113.971295, 35.232921)   # south end of xxetdz-inf-jingsan-lu-nanyan
add("zhengzhou-road-zhengxin-express", INFRA, "road",
    "郑新快速通道", "Zhengzhou-Xinxiang expressway road (Zheng-Xin fast link)", line([
        (113.760, 34.883), (113.790, 34.900), (113.815, 34.925), (113.830, 34.975),
        (113.855, 35.040), (113.905, 35.140), (113.940, 35.215), XX_JINGSAN_SOUTH_END]), "3870-3872",
    "Schematic (general knowledge): from the North 4th Ring (Dahe Rd) across the Yellow River beside "
    "the Beijing-Guangzhou HSR to the south end of the Xinxiang ETDZ's planned Jing-3 Road south "
    "extension (xxetdz-inf-jingsan-lu-nanyan, about 1.3 km south of that zone), which the ETDZ plan "
    "extends to meet it (003:420). The plan names it as an ecological corridor (002:3870-3872).",
    status="existing")

# ---- interchanges near the zones ----
add("zhengzhou-ic-g4-s102-sigang", INFRA, "interchange",
    "京港澳高速—省道102与四港联动大道组合式互通立交",
    "G4 - S102 - Sigang Liandong Avenue combined interchange", point((113.820, 34.705)), "1352-1354",
    "Position not given. Sigang Liandong Ave is the former name of the East 4th Ring, which runs beside "
    "the G4 through the ETDZ (general knowledge); where S102 meets them is not known, so the node is "
    "put on the G4 in the middle of the ETDZ (uncertain).",
    status="under_construction", period=P21)
QC_LON = 113.850037   # 前程大道 line of zzetdz.geojson (zzetdz-inf-qiancheng-dadao)
add("zhengzhou-ic-g30-qiancheng", INFRA, "interchange",
    "连霍高速与前程大道互通", "G30 x Qiancheng Avenue interchange", point((QC_LON, 34.849978)), "1356",
    "Qiancheng Rd/Ave runs N-S about 18 km from Xinlong Rd (Baisha) south across the Longhai railway "
    "to the Zhengmin expressway, linking Zhongmu, Baisha and the south of the ETDZ (general knowledge; "
    "also an ETDZ road, 000:983, drawn there as zzetdz-inf-qiancheng-dadao just inside the east edge of "
    "the zone's waist at about 113.850E); put where that line meets the G30 north of the ETDZ "
    "(schematic).",
    status="planned", period=P21)
add("zhengzhou-ic-zhengmin-qiancheng", INFRA, "interchange",
    "郑民高速前程路互通立交", "Zhengmin Expressway x Qiancheng Road interchange", point((QC_LON, 34.638218)),
    "1358",
    "At the southern end of Qiancheng Rd on the Zhengmin expressway, in the south-eastern ETDZ, on the "
    "same Qiancheng line (about 113.850E, the start of zzetdz-inf-qiancheng-dadao) as the G30 "
    "interchange (schematic).",
    status="planned", period=P21)
add("zhengzhou-ic-zhengmin-guanghui", INFRA, "interchange",
    "郑民高速广惠街互通立交", "Zhengmin Expressway x Guanghui Street interchange", point((113.832, 34.636607)),
    "1358",
    "Guanghui Street's position is not known; put on the Zhengmin expressway half-way between the "
    "Xiangyunsi hub (G4, 113.814E) and the Qiancheng Rd interchange (113.850E), in the southern ETDZ "
    "(uncertain).",
    status="planned", period=P21)

# ---- land port and rail freight ----
add("zhengzhou-landport-cr-express-assembly-centre", INFRA, "freight_yard",
    "中欧班列集结中心", "China-Europe Railway Express (Zhengzhou) assembly centre at the International Land Port",
    point((113.828405, 34.747428)), "1392-1398",
    "At the Zhengzhou International Land Port in the northern ETDZ (the ETDZ plan puts the land port "
    "next to its start-up area and greens 'around the land-port assembly centre', 000:939, 000:1013). "
    "Same site as zzetdz-inf-jijie-zhongxin in the ETDZ file (中欧班列集结中心项目, 000:450, 000:807-813), "
    "put at exactly its coordinates and given the same kind: one site seen by two plans (the city plan's "
    "示范工程 and the ETDZ plan's project), not two facilities. No area stated, so a point.",
    status="under_construction", period=P21,
    positioning="高水平建设中欧班列集结中心示范工程和国际陆港第二节点,完善“一枢纽、四通道”战略布局,年开行班列3000列以上")
add("zhengzhou-freight-putian", INFRA, "freight_yard",
    "圃田一级铁路物流基地", "Putian first-class railway logistics base (rail freight yard)",
    point((113.842, 34.744)), "1307",
    "On the Longhai railway at Putian at the ETDZ's northern edge, next to the land-port cluster of the "
    "ETDZ file (general knowledge); the plan also says to 'adjust Putian (Zhanyang)' (002:1342), i.e. "
    "the base may move towards Zhanyang, whose site is not given. No area stated, so a point.",
    status="under_construction", period=P21,
    positioning="加快推进圃田一级、薛店、上街二级铁路物流基地建设;调整圃田(占杨)")


# --------------------------------------------------------------------------- checks
REQUIRED = ["layer", "id", "name_zh", "name_en", "zone", "kind", "source_doc", "source_lines", "schematic"]
KINDS = {
    "zones": {"development_zone", "district"},
    "infrastructure": {"metro_line", "metro_station", "rail_line", "rail_station", "freight_yard", "land_port",
                       "airport", "expressway", "interchange", "road", "bridge", "logistics_hub", "substation",
                       "power_plant", "water_plant", "sewage_plant", "gas", "heating", "school", "hospital",
                       "public_facility", "green", "digital"},
}
STATUS = {"existing", "under_construction", "planned", "proposed"}


def seg_cross(p1, p2, p3, p4):
    """True if open segments p1p2 and p3p4 properly intersect (shared endpoints ignored)."""
    def orient(a, b, c):
        v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
        return 0 if abs(v) < 1e-15 else (1 if v > 0 else -1)
    o1, o2, o3, o4 = orient(p1, p2, p3), orient(p1, p2, p4), orient(p3, p4, p1), orient(p3, p4, p2)
    return o1 * o2 < 0 and o3 * o4 < 0


def point_in(pt, ring):
    x, y = pt
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def check(features):
    errors = []
    ids = set()
    seed = None
    if os.path.exists(SEED):
        with open(SEED, encoding="utf-8") as fh:
            seed = fh.read().split("\n")
    for f in features:
        p, g = f["properties"], f["geometry"]
        fid = p.get("id")
        for k in REQUIRED:
            if p.get(k) in (None, ""):
                errors.append(f"{fid}: missing {k}")
        if p.get("schematic") is not True:
            errors.append(f"{fid}: schematic must be true")
        if not re.fullmatch(r"[a-z0-9-]+", fid or ""):
            errors.append(f"{fid}: bad id")
        if fid in ids:
            errors.append(f"{fid}: duplicate id")
        ids.add(fid)
        if p["kind"] not in KINDS.get(p["layer"], set()):
            errors.append(f"{fid}: kind {p['kind']} not allowed in {p['layer']}")
        if p["zone"] != "zhengzhou":
            errors.append(f"{fid}: zone must be zhengzhou")
        if "status" in p and p["status"] not in STATUS:
            errors.append(f"{fid}: bad status")
        if not re.fullmatch(r"\d+(-\d+)?(,\s*\d+(-\d+)?)*", p["source_lines"]):
            errors.append(f"{fid}: bad source_lines")
        elif seed is not None:
            for part in p["source_lines"].split(","):
                a, _, b = part.strip().partition("-")
                if int(b or a) > len(seed) or int(a) < 1 or int(b or a) < int(a):
                    errors.append(f"{fid}: source_lines out of range")
        coords = g["coordinates"]
        flat = coords[0] if g["type"] == "Polygon" else (coords if g["type"] == "LineString" else [coords])
        for x, y in flat:
            if not (113.0 < x < 114.5 and 34.0 < y < 35.6):
                errors.append(f"{fid}: coordinate {x},{y} outside the Zhengzhou-Xinxiang frame")
            if round(x, 6) != x or round(y, 6) != y:
                errors.append(f"{fid}: more than 6 decimals")
        if p["layer"] != "infrastructure" and g["type"] != "Polygon":
            errors.append(f"{fid}: layer {p['layer']} needs a polygon")
        if g["type"] == "Polygon":
            ring = coords[0]
            if ring[0] != ring[-1]:
                errors.append(f"{fid}: ring not closed")
            if not 5 <= len(ring) - 1 <= 12:
                errors.append(f"{fid}: {len(ring) - 1} vertices, want 5-12")
            a = area_km2(ring)
            if a <= 0:
                errors.append(f"{fid}: exterior ring is not counter-clockwise")
            n = len(ring) - 1
            for i in range(n):
                for j in range(i + 1, n):
                    if abs(i - j) in (1, n - 1):
                        continue
                    if seg_cross(ring[i], ring[i + 1], ring[j], ring[j + 1]):
                        errors.append(f"{fid}: self-intersection between edges {i} and {j}")
            if "planned_area_km2" in p:
                st = p["planned_area_km2"]
                if abs(abs(a) - st) > 0.05 * st:
                    errors.append(f"{fid}: area {a:.2f} km² vs stated {st} km² (>5 %)")
            print(f"  {fid}: {len(ring) - 1} vertices, area {a:.2f} km²"
                  + (f" (stated {p['planned_area_km2']})" if "planned_area_km2" in p else ""))
        if g["type"] == "LineString" and len(coords) < 2:
            errors.append(f"{fid}: line needs 2+ positions")
    # only the metro line that ends at the terminal may enter the airport
    ap = next(f for f in features if f["properties"]["id"] == "zhengzhou-airport-cgo")["geometry"]["coordinates"][0]
    zone = next(f for f in features if f["properties"]["id"] == "zhengzhou-zone-airport-economy-zone")
    zring = zone["geometry"]["coordinates"][0]
    for v in ap[:-1]:
        if not point_in(v, zring):
            errors.append("airport polygon not inside the Airport Economy Zone outline")
            break
    if not point_in(list(ZZ_SOUTH), zring):
        errors.append("Zhengzhou South station not inside the Airport Economy Zone outline")
    for f in features:
        p, g = f["properties"], f["geometry"]
        if g["type"] != "LineString" or p["id"].startswith("zhengzhou-metro-chengjiao"):
            continue
        c = g["coordinates"]
        hit = any(seg_cross(a, b, e1, e2) for a, b in zip(c, c[1:]) for e1, e2 in zip(ap, ap[1:]))
        hit = hit or any(point_in(v, ap) for v in c)
        if hit:
            errors.append(f"{p['id']}: runs through the airport polygon")
    # the airport zone must stay south of the ETDZ anchor area (34.62N and beyond)
    if max(y for _, y in zring) > 34.60:
        errors.append("Airport Economy Zone outline reaches north of 34.60N (ETDZ side)")
    return errors


def main():
    fc = {"type": "FeatureCollection", "features": FEATURES}
    text = json.dumps(fc, ensure_ascii=False, indent=1)
    parsed = json.loads(text)  # JSON round trip
    print("checking", len(parsed["features"]), "features")
    errors = check(parsed["features"])
    counts = {}
    for f in parsed["features"]:
        key = (f["properties"]["layer"], f["properties"]["kind"])
        counts[key] = counts.get(key, 0) + 1
    for (layer, kind), n in sorted(counts.items()):
        print(f"  {layer:15s} {kind:15s} {n}")
    if errors:
        print("ERRORS:")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write(text + "\n")
    print("wrote", os.path.normpath(OUT))


if __name__ == "__main__":
    main()
