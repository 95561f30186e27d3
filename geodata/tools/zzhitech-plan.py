#!/usr/bin/env python3
"""Scratch generator for geodata/plan/zzhitech.geojson (Zhengzhou High-tech Zone, 郑州高新区).

Documentation only: the build does not run this. Python 3 standard library only.
Regenerate with:  python3 geodata/tools/zzhitech-plan.py   (run from the repo root)

Everything is SCHEMATIC. The plan (seed 001_835b5f22fe73bd10.txt) has no coordinates and only
one area (the zone, 99 km², 001:601). Positions come from a hand-made street frame: each road the
plan names is put on an east-west latitude or a north-south longitude so that every pair of roads
the plan says meet (segment end points, corner references) does meet, and so that the few
location hints of the plan hold (中国粮谷 一园 south of G30 / east of the SW ring / north-west of
the 索须河, 001:457; 一心 north of the HAUT campus, 001:453; 生态智慧科创区 at 西流湖, 001:443).
The outer frame follows general knowledge: the zone lies north-west of the city centre, south of
the Lianhuo expressway (G30), east of the Southwest Ring expressway, north of Xiliu Lake, with
Zhengzhou University's main campus at about 113.535E 34.817N.

The script also validates what the loader and tests check (closed CCW rings, no
self-intersection, stated areas within 5 %, containment, non-overlap of industrial parks,
unique ids) and prints a summary.
"""
import json
import math
import os
import re
import sys

DOC = "001_835b5f22fe73bd10.txt"
ZONE = "zzhitech"
PERIOD = "2021-2025"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "plan", "zzhitech.geojson")

# ---------------------------------------------------------------- street frame (schematic)
# east-west streets: latitude
LAT = {
    "宏达街": 34.8470, "冬青街": 34.8480, "雪梅街": 34.8500, "金盏街": 34.8430,
    "新龙路": 34.8380, "木槿路": 34.8330, "莲花街": 34.8260, "红梅街": 34.8200,
    "希望路": 34.8160, "科学大道": 34.8090, "东风路": 34.8030, "梧桐街": 34.8000,
    "玉兰街": 34.7960, "翠竹街": 34.7920, "化工路": 34.7860, "池北路": 34.7810,
    "开元路": 34.7790,
}
# north-south roads: longitude
LON = {
    "紫楠路": 113.4840, "翠柏路": 113.4860, "凯旋路": 113.4900, "意杨路": 113.4980,
    "元通大道": 113.5060, "创新大道": 113.5200, "木荷路": 113.5320, "红松路": 113.5360,
    "长椿路": 113.5500, "珙桐路": 113.5560, "垂柳路": 113.5600, "雪松路": 113.5680,
    "香樟路": 113.5720, "电厂路": 113.5760, "瑞达路": 113.5810, "郁香路": 113.5860,
    "望春路": 113.5900, "西三环": 113.5995, "西三环北延": 113.6000, "京沙快速路": 113.6240,
}


def zhengshang_lat(lon):
    """郑上路 runs WSW-ENE along the zone's southern edge."""
    return 34.7706 + (lon - 113.474) * (34.7738 - 34.7706) / (113.600 - 113.474)


# ---------------------------------------------------------------- geometry helpers
def ring_area_m2(ring):
    """Signed area (m², + for CCW) in a local equal-area projection at the ring's latitude."""
    lat0 = sum(p[1] for p in ring) / len(ring)
    lon0 = sum(p[0] for p in ring) / len(ring)
    kx = 111320.0 * math.cos(math.radians(lat0))
    ky = 110574.0
    pts = [((x - lon0) * kx, (y - lat0) * ky) for x, y in ring]
    s = 0.0
    for i in range(len(pts)):
        x1, y1 = pts[i]
        x2, y2 = pts[(i + 1) % len(pts)]
        s += x1 * y2 - x2 * y1
    return s / 2.0


def line_length_m(coords):
    tot = 0.0
    for (x1, y1), (x2, y2) in zip(coords, coords[1:]):
        lat = math.radians((y1 + y2) / 2)
        dx = (x2 - x1) * 111320.0 * math.cos(lat)
        dy = (y2 - y1) * 110574.0
        tot += math.hypot(dx, dy)
    return tot


def r6(v):
    return round(v, 6)


def open_ring(ring):
    ring = [tuple(p) for p in ring]
    if ring[0] == ring[-1]:
        ring = ring[:-1]
    return ring


def ccw_closed(ring):
    ring = [(r6(x), r6(y)) for x, y in open_ring(ring)]
    if ring_area_m2(ring) < 0:
        ring = ring[::-1]
    return [list(p) for p in ring] + [list(ring[0])]


def orient(a, b, c):
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def on_seg(a, b, c):
    return (min(a[0], b[0]) - 1e-12 <= c[0] <= max(a[0], b[0]) + 1e-12 and
            min(a[1], b[1]) - 1e-12 <= c[1] <= max(a[1], b[1]) + 1e-12)


def seg_intersect(p1, p2, p3, p4):
    """True if the closed segments touch or cross."""
    d1, d2 = orient(p3, p4, p1), orient(p3, p4, p2)
    d3, d4 = orient(p1, p2, p3), orient(p1, p2, p4)
    if ((d1 > 0 and d2 < 0) or (d1 < 0 and d2 > 0)) and ((d3 > 0 and d4 < 0) or (d3 < 0 and d4 > 0)):
        return True
    if d1 == 0 and on_seg(p3, p4, p1):
        return True
    if d2 == 0 and on_seg(p3, p4, p2):
        return True
    if d3 == 0 and on_seg(p1, p2, p3):
        return True
    if d4 == 0 and on_seg(p1, p2, p4):
        return True
    return False


def edges(ring):
    r = open_ring(ring)
    return [(r[i], r[(i + 1) % len(r)]) for i in range(len(r))]


def self_intersects(ring):
    e = edges(ring)
    n = len(e)
    for i in range(n):
        for j in range(i + 1, n):
            if j == i + 1 or (i == 0 and j == n - 1):
                continue  # neighbours share a vertex
            if seg_intersect(*e[i], *e[j]):
                return True
    return False


def point_in(pt, ring):
    x, y = pt
    inside = False
    r = open_ring(ring)
    for i in range(len(r)):
        x1, y1 = r[i]
        x2, y2 = r[(i + 1) % len(r)]
        if (y1 > y) != (y2 > y):
            xi = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if x < xi:
                inside = not inside
    return inside


def edges_cross(a, b):
    return any(seg_intersect(*e, *f) for e in edges(a) for f in edges(b))


def within(inner, outer):
    return all(point_in(p, outer) for p in open_ring(inner)) and not edges_cross(inner, outer)


def disjoint(a, b):
    return (not edges_cross(a, b) and not any(point_in(p, b) for p in open_ring(a))
            and not any(point_in(p, a) for p in open_ring(b)))


# ---------------------------------------------------------------- feature builders
FEATURES = []


def base_props(layer, fid, kind, zh, en, lines, note, extra):
    p = {
        "layer": layer, "id": fid, "name_zh": zh, "name_en": en, "zone": ZONE, "kind": kind,
    }
    p.update({k: v for k, v in extra.items() if v is not None})
    p.update({"source_doc": DOC, "source_lines": lines, "schematic": True, "placement_note": note})
    return p


def polygon(layer, fid, kind, zh, en, ring, lines, note, **extra):
    FEATURES.append({
        "type": "Feature",
        "properties": base_props(layer, fid, kind, zh, en, lines, note, extra),
        "geometry": {"type": "Polygon", "coordinates": [ccw_closed(ring)]},
    })


def line(fid, kind, zh, en, coords, lines, note, **extra):
    FEATURES.append({
        "type": "Feature",
        "properties": base_props("infrastructure", fid, kind, zh, en, lines, note, extra),
        "geometry": {"type": "LineString", "coordinates": [[r6(x), r6(y)] for x, y in coords]},
    })


def point(fid, kind, zh, en, xy, lines, note, **extra):
    FEATURES.append({
        "type": "Feature",
        "properties": base_props("infrastructure", fid, kind, zh, en, lines, note, extra),
        "geometry": {"type": "Point", "coordinates": [r6(xy[0]), r6(xy[1])]},
    })


def ew(street, west_road_or_lon, east_road_or_lon):
    """An east-west segment of `street` between two north-south roads (names or longitudes)."""
    x1 = LON.get(west_road_or_lon, west_road_or_lon)
    x2 = LON.get(east_road_or_lon, east_road_or_lon)
    return [(x1, LAT[street]), (x2, LAT[street])]


def ns(road, a, b):
    """A north-south segment of `road` between two east-west streets (names or latitudes)."""
    if a == "郑上路":
        y1 = zhengshang_lat(LON[road])
    else:
        y1 = LAT.get(a, a)
    if b == "郑上路":
        y2 = zhengshang_lat(LON[road])
    else:
        y2 = LAT.get(b, b)
    return [(LON[road], y1), (LON[road], y2)]


FRAME = "street frame of this file (positions schematic; road orientations chosen so that the cross streets the plan names meet)"

# ================================================================ zones
ZONE_RING = [
    (113.4738, 34.7712), (113.5300, 34.7717), (113.5900, 34.7738), (113.6010, 34.7790),
    (113.6020, 34.8060), (113.6025, 34.8300), (113.6010, 34.8432), (113.5600, 34.8518),
    (113.5000, 34.8522), (113.4766, 34.8510), (113.4730, 34.8300), (113.4742, 34.7980),
]
polygon("zones", "zzhitech-zone", "development_zone", "郑州高新技术产业开发区（郑州高新区）",
        "Zhengzhou High-tech Industrial Development Zone", ZONE_RING, "23-25,601",
        "Outline from general knowledge (not in the plan): south of the Lianhuo expressway G30, "
        "east of the Southwest Ring expressway, north of Xiliu Lake, east edge just beyond the West 3rd "
        "Ring; sized to the plan's 99 km² (001:601, '力争达到99平方公里内').",
        planned_area_km2=99.0, status="existing", period=PERIOD,
        positioning="郑州“西美”新布局的依托，统筹荥阳市、上街区，建设全省创新创业最活跃区域；2016年获批郑洛新国家自主创新示范区；到2025年力争达到99平方公里内，人口破百万")

# ================================================================ core boards
CB = "core-boards"
# --- 核心板块 around 天健湖
CORE = [(113.5500, 34.8262), (113.5700, 34.8258), (113.5815, 34.8270), (113.5820, 34.8420),
        (113.5660, 34.8435), (113.5505, 34.8425)]
polygon(CB, "zzhitech-cb-hexin", "core_board", "高新区核心板块", "High-tech Zone Core Board", CORE,
        "143,319,321,899",
        "No area and no location in the plan. Placed around 天健湖 (Tianjian Lake) between 长椿路 and "
        "瑞达路, 莲花街 to 金盏街 of the " + FRAME + "; the 科创岛 'island' is put at the lake. "
        "Plausible size (~5 km²) chosen; planned_area_km2 left out.",
        status="planned", period=PERIOD,
        positioning="高新组团的中心和宜居宜业宜创宜游智美新城样板；“一岛”“一谷”“一园”“一坊”")
polygon(CB, "zzhitech-cb-hexin-kechuangdao", "functional_area", "科创岛", "Sci-Tech Innovation Island",
        [(113.5625, 34.8318), (113.5690, 34.8312), (113.5718, 34.8340), (113.5690, 34.8372),
         (113.5630, 34.8368), (113.5608, 34.8342)], "319-321",
        "'一岛' of the core board; drawn as an island-like shape at the centre of the board (天健湖). "
        "No area stated; size chosen.", board="zzhitech-cb-hexin", status="planned", period=PERIOD,
        positioning="科技创新集聚区",
        lead_industries="科技检验检测、科技中介服务、科技金融服务、科技研发办公、科技展示交流")
polygon(CB, "zzhitech-cb-hexin-chuangxianggu", "functional_area", "创享谷", "Innovation-Sharing Valley",
        [(113.5512, 34.8272), (113.5590, 34.8270), (113.5598, 34.8340), (113.5588, 34.8412),
         (113.5515, 34.8412)], "321",
        "'一谷' of the core board; put in the western part of the board. No area stated; size chosen.",
        board="zzhitech-cb-hexin", status="planned", period=PERIOD, positioning="商业服务中心",
        lead_industries="体验商业、创新创业、共享交流、文化创意、人才公寓")
polygon(CB, "zzhitech-cb-hexin-zongbuyuan", "functional_area", "总部园", "Headquarters Park",
        [(113.5735, 34.8275), (113.5805, 34.8280), (113.5808, 34.8410), (113.5740, 34.8412),
         (113.5728, 34.8340)], "321",
        "'一园' of the core board; put in the eastern part of the board. No area stated; size chosen.",
        board="zzhitech-cb-hexin", status="planned", period=PERIOD, lead_industries="科研总部、科技商务")
WENTIFANG = [(113.5605, 34.8385), (113.5720, 34.8385), (113.5722, 34.8420), (113.5610, 34.8425)]
polygon(CB, "zzhitech-cb-hexin-wentifang", "functional_area", "文体坊", "Culture & Sports Quarter",
        WENTIFANG, "321",
        "'一坊' of the core board; put on the north shore, between 创享谷 and 总部园. No area stated; size chosen.",
        board="zzhitech-cb-hexin", status="planned", period=PERIOD,
        positioning="补足高新区公共服务短板；区级体育中心、综合文化活动中心、便民服务中心")

# --- 产城更新区 (south-west)
RENEW = [(113.4775, 34.7722), (113.5470, 34.7728), (113.5480, 34.7850), (113.5465, 34.7975),
         (113.5300, 34.7980), (113.5120, 34.7978), (113.4790, 34.7975), (113.4760, 34.7850)]
polygon(CB, "zzhitech-cb-chancheng-gengxin", "core_board", "产城更新区", "Industry-City Renewal Area",
        RENEW, "143,323,901",
        "No location in the plan. Put in the south-west, between 梧桐街 and 郑上路 (the 化工路–郑上路 road "
        "segments of 001:623 are here). Sized near the 17.5 km² of 产城更新 projects launched (001:143), "
        "which the plan does not say is the area of this board, so planned_area_km2 is left out. "
        "The Longhai railway (drawn in zhengzhou-city.geojson, about 34.776-34.779N here) crosses the south "
        "of the board; the industrial parks are kept at least ~60 m north of it.",
        status="planned", period=PERIOD,
        positioning="高新区组团的副中心和创新驱动高质量样板；“一圈三组团两镇”；探索新增建设用地为零的高质量发展模式")
RING = [(113.5060, 34.7865), (113.5150, 34.7858), (113.5225, 34.7875), (113.5232, 34.7930),
        (113.5200, 34.7965), (113.5100, 34.7968), (113.5048, 34.7935)]
polygon(CB, "zzhitech-cb-chancheng-kechuang-fuhuaquan", "functional_area", "科创孵化圈",
        "Sci-tech Incubation Ring", RING, "323",
        "'一圈' of the renewal area, the 产城融合发展核心圈 around which the three clusters lie (001:323); "
        "drawn at the centre-north of the board. No area stated; size chosen.",
        board="zzhitech-cb-chancheng-gengxin", status="planned", period=PERIOD,
        positioning="“科技+孵化+资本+服务”的产业生态环境",
        lead_industries="科创资源、孵化基地、北斗产业、科技金融")
DIGI = [(113.4790, 34.7732), (113.5025, 34.7735), (113.5030, 34.7850), (113.5035, 34.7965),
        (113.4800, 34.7965), (113.4775, 34.7850)]
polygon(CB, "zzhitech-cb-chancheng-shuzi-jingji", "functional_area", "数字经济产业组团",
        "Digital Economy Industry Cluster", DIGI, "323",
        "One of the three clusters 'around the core ring' (001:323); put west of the ring. "
        "No area stated; size chosen.", board="zzhitech-cb-chancheng-gengxin", status="planned",
        period=PERIOD, lead_industries="数字经济")
NEWEC = [(113.5050, 34.7735), (113.5235, 34.7738), (113.5238, 34.7850), (113.5150, 34.7845),
         (113.5050, 34.7852)]
polygon(CB, "zzhitech-cb-chancheng-xin-jingji", "functional_area", "新经济产业组团",
        "New Economy Industry Cluster", NEWEC, "323",
        "One of the three clusters around the ring; put south of the ring. No area stated; size chosen.",
        board="zzhitech-cb-chancheng-gengxin", status="planned", period=PERIOD, lead_industries="新经济")
MANU = [(113.5258, 34.7738), (113.5460, 34.7740), (113.5468, 34.7850), (113.5455, 34.7965),
        (113.5250, 34.7968), (113.5255, 34.7880)]
polygon(CB, "zzhitech-cb-chancheng-zhineng-zhizao", "functional_area", "智能制造产业组团",
        "Intelligent Manufacturing Industry Cluster", MANU, "323",
        "One of the three clusters around the ring; put east of the ring. No area stated; size chosen.",
        board="zzhitech-cb-chancheng-gengxin", status="planned", period=PERIOD, lead_industries="智能制造")

# --- 中国粮谷 (north-west)
GRAIN = [(113.4760, 34.8130), (113.5185, 34.8130), (113.5190, 34.8380), (113.5170, 34.8512),
         (113.4778, 34.8500), (113.4745, 34.8300)]
polygon(CB, "zzhitech-cb-zhongguo-lianggu", "core_board", "中国粮谷（粮食高新技术产业集成示范区）",
        "China Grain Valley (Grain High-tech Industry Integration Demonstration Zone)", GRAIN,
        "447-461,905,916",
        "Envelope of the on-map parts of '一心一轴一园多区' (001:449-459): the 一园 south of G30 / east of "
        "the SW ring / north-west of the 索须河, the 一心 north of the HAUT High-tech campus, the 一轴 "
        "along 莲花街 and 新龙路, and the HAUT area (粮食科技创新街区). '多区' lie elsewhere in and "
        "outside Henan and are not drawn. No area stated; size chosen.",
        status="planned", period=PERIOD,
        positioning="以国家粮食科学中心建设为核心、以河南工业大学粮食科技创新资源为基础的粮食科技创新核心体系",
        lead_industries="粮食科技")
polygon(CB, "zzhitech-cb-lianggu-yixin", "functional_area", "粮食科技创新中心（一心）",
        "Grain S&T Innovation Centre ('one core')",
        [(113.5040, 34.8268), (113.5160, 34.8268), (113.5162, 34.8335), (113.5100, 34.8342),
         (113.5038, 34.8330)], "453",
        "'设置于河南工业大学高新区校区北面' (001:453): put just north of 莲花街, across from the HAUT "
        "campus assumed at about 113.503-113.516E 34.813-34.825N (schematic). No area stated; size chosen.",
        board="zzhitech-cb-zhongguo-lianggu", status="planned", period=PERIOD)
AXIS = [(113.4800, 34.8259), (113.5185, 34.8259), (113.5185, 34.8267), (113.4812, 34.8267),
        (113.4812, 34.8376), (113.5185, 34.8376), (113.5185, 34.8384), (113.4800, 34.8384)]
polygon(CB, "zzhitech-cb-lianggu-yizhou", "functional_area", "科技发展轴（一轴）",
        "S&T Development Axis ('one axis')", AXIS, "455",
        "'沿莲花街、新龙路东西向延伸，双线分布' (001:455): two ~90 m strips along 莲花街 and 新龙路 inside the "
        "grain valley, joined at the west end only so that the axis is one polygon.",
        board="zzhitech-cb-zhongguo-lianggu", status="planned", period=PERIOD)
polygon(CB, "zzhitech-cb-lianggu-jiequ", "functional_area", "粮食科技创新街区",
        "Grain S&T Innovation Street District",
        [(113.5010, 34.8135), (113.5175, 34.8135), (113.5178, 34.8255), (113.5010, 34.8255),
         (113.4995, 34.8200)], "443,447",
        "'河南工业大学片区' (001:443): drawn over the assumed HAUT High-tech campus south of 莲花街. "
        "No area stated; size chosen.", board="zzhitech-cb-zhongguo-lianggu", status="planned",
        period=PERIOD)

# --- innovation districts (functional areas without a parent board)
CROSS = [(113.5385, 34.7988), (113.5488, 34.7988), (113.5488, 34.7890), (113.5512, 34.7890),
         (113.5512, 34.7988), (113.5640, 34.7988), (113.5640, 34.8012), (113.5512, 34.8012),
         (113.5512, 34.8100), (113.5488, 34.8100), (113.5488, 34.8012), (113.5385, 34.8012)]
polygon(CB, "zzhitech-cb-shizidai", "functional_area", "环高校创业创新十字带",
        "Cross-shaped University Start-up Belt", CROSS, "443,915",
        "'围绕梧桐街和长椿路' (001:443): a cross of two ~250 m bands centred on the 梧桐街 × 长椿路 "
        "intersection of the " + FRAME + ". Arm lengths chosen.", status="planned", period=PERIOD,
        positioning="创业创新街区")
polygon(CB, "zzhitech-cb-guojihua-chuangye-jiequ", "functional_area", "国际化创业街区",
        "International Start-up Street District",
        [(113.5176, 34.7988), (113.5228, 34.7988), (113.5230, 34.8122), (113.5176, 34.8122)],
        "443,915",
        "'围绕…创新大道' (001:443): a band along 创新大道 between 梧桐街 and the grain valley; the "
        "stretch of the avenue is not stated.", status="planned", period=PERIOD,
        positioning="创业创新街区")
ECO = [(113.5700, 34.7745), (113.5900, 34.7750), (113.5970, 34.7795), (113.5972, 34.7880),
       (113.5800, 34.7885), (113.5690, 34.7820)]
polygon(CB, "zzhitech-cb-xiliuhu-kechuangqu", "functional_area", "西流湖生态智慧科创区",
        "Xiliu Lake Eco-smart Sci-tech Area", ECO, "443-445,917",
        "'依托西流湖片区' (001:443): put on the north shore of Xiliu Lake (lake itself south of the zone edge, "
        "general knowledge), the zone's south-east corner, west of the West 3rd Ring. No area stated; size chosen.",
        status="planned", period=PERIOD,
        positioning="城市中央公园带及产业融合示范区；科技创新研究院、科技成果转化中心、星级酒店、会议中心、国际医院、国际学校、国际社区")
polygon(CB, "zzhitech-cb-zzu-guoji-jiaoyu", "functional_area", "郑州大学国际教育与交流园区",
        "Zhengzhou University International Education & Exchange Park",
        [(113.5390, 34.8180), (113.5470, 34.8178), (113.5472, 34.8255), (113.5395, 34.8258)],
        "565",
        "At Zhengzhou University (main campus assumed at about 113.523-113.548E 34.810-34.826N, general "
        "knowledge); put in the campus's north-east part. No area stated; size chosen.",
        status="planned", period=PERIOD,
        positioning="留学生校友科研合作平台、文化体验中心、国际学术研讨中心")

# ================================================================ industrial parks
IP = "industrial-parks"
PARKS = {}


def park(fid, kind, zh, en, ring, lines, note, **extra):
    PARKS[fid] = ring
    polygon(IP, fid, kind, zh, en, ring, lines, note, **extra)


NOSITE = "The plan gives no site; "
park("zzhitech-ip-liangshi-gaoxin-keji-yuan", "innovation_park", "粮食高新科技园（一园）",
     "Grain High-tech Park ('one park')",
     [(113.4790, 34.8250), (113.4945, 34.8345), (113.5060, 34.8430), (113.5125, 34.8502),
      (113.4792, 34.8494), (113.4768, 34.8380)], "457,461",
     "'连霍高速以南、西南绕城以东、索须河西北区域' (001:457): the corner between G30 (north edge), the SW ring "
     "(west edge) and the 索须河, drawn as the diagonal south-east side. No area stated; size chosen.",
     board="zzhitech-cb-zhongguo-lianggu", status="planned", period=PERIOD,
     positioning="到2025年建成粮食高新科技园，形成现代实验室体系、研发体系、产业化体系“三位一体”",
     lead_industries="粮食科技")
park("zzhitech-ip-zhineng-chuangan-gu", "industrial_park", "中国（郑州）智能传感谷",
     "China (Zhengzhou) Smart Sensor Valley",
     [(113.5215, 34.8280), (113.5470, 34.8275), (113.5485, 34.8400), (113.5470, 34.8505),
      (113.5320, 34.8512), (113.5210, 34.8505), (113.5200, 34.8390)], "67,287,896",
     NOSITE + "'一点多谷' layout is not mapped in the text. Drawn as one polygon in the north-centre, "
     "between the grain valley and the core board, north of Zhengzhou University. Size chosen.",
     status="planned", period=PERIOD, positioning="全国领先的智能传感器研发与产业化基地；“一点多谷”",
     lead_industries="智能传感器材料、智能传感器系统、智能传感器终端")
park("zzhitech-ip-tianjianhu-zhilianwang", "industrial_park", "天健湖智联网产业园",
     "Tianjian Lake Intelligent-IoT Industrial Park",
     [(113.5840, 34.8165), (113.5975, 34.8160), (113.6005, 34.8300), (113.5990, 34.8415),
      (113.5850, 34.8425), (113.5835, 34.8310)], "325,896",
     NOSITE + "the name ties it to 天健湖, so it is put just east of the lake and the core board. Size chosen.",
     status="planned", period=PERIOD, lead_industries="智联网、物联网")
park("zzhitech-ip-yida-keji-xincheng", "industrial_park", "郑州亿达科技新城（含亿达二期）",
     "Zhengzhou Yida Science & Technology New Town (incl. phase II)",
     [(113.4860, 34.8010), (113.5120, 34.8012), (113.5130, 34.8080), (113.5090, 34.8120),
      (113.4865, 34.8118)], "289,325,896",
     NOSITE + "put on 科学大道 in the west of the zone (general knowledge places the real project near "
     "科学大道 and the West 4th Ring; unverified). Size chosen.", status="under_construction",
     period=PERIOD, lead_industries="电子信息、网络安全")
park("zzhitech-ip-wangluo-anquan-jidi", "industrial_base", "网络空间安全产业基地（网络安全产业融合发展基地）",
     "Cyberspace Security Industry Base",
     [(113.4798, 34.7802), (113.4935, 34.7796), (113.4937, 34.7880), (113.4932, 34.7958),
      (113.4810, 34.7958), (113.4790, 34.7890)], "71,289",
     NOSITE + "put in the 数字经济产业组团 of the renewal area by theme. Size chosen.",
     board="zzhitech-cb-chancheng-gengxin", status="existing", period=PERIOD,
     positioning="网络安全产业融合发展基地；建设国家网络安全产业基地重大基础设施群",
     lead_industries="网络安全软硬件、物联网安全、工业互联网安全、云安全、数据安全")
park("zzhitech-ip-zijing-wangan-keji-yuan", "industrial_park", "紫荆网络信息安全科技园",
     "Zijing Cybersecurity Science Park",
     [(113.4945, 34.7884), (113.5020, 34.7882), (113.5024, 34.7958), (113.4960, 34.7959),
      (113.4946, 34.7930)], "289,325,896",
     NOSITE + "put in the 数字经济产业组团 next to the cybersecurity base by theme. Size chosen.",
     board="zzhitech-cb-chancheng-gengxin", status="planned", period=PERIOD, lead_industries="网络安全")
park("zzhitech-ip-changcheng-zizhu-chuangxin", "industrial_base", "中国（长城）自主创新基地",
     "China Great Wall Independent Innovation Base",
     [(113.4945, 34.7793), (113.5000, 34.7789), (113.5020, 34.7800), (113.5020, 34.7873),
      (113.4946, 34.7874)],
     "65,289",
     NOSITE + "put in the 数字经济产业组团 by theme. Size chosen.",
     board="zzhitech-cb-chancheng-gengxin", status="under_construction", period=PERIOD,
     investment_yi=10.0, lead_industries="电子信息、网络安全")
park("zzhitech-ip-daxue-kejiyuan-xiqu", "innovation_park", "河南省国家大学科技园（西区）",
     "Henan National University Science Park (West Section)",
     [(113.5065, 34.7880), (113.5140, 34.7872), (113.5145, 34.7950), (113.5070, 34.7955),
      (113.5058, 34.7925)], "323,327",
     "Core of the 科创孵化圈 (001:323), so drawn inside the ring; exact site not given. Size chosen.",
     board="zzhitech-cb-chancheng-gengxin", status="existing", period=PERIOD,
     lead_industries="科技孵化、科技服务")
park("zzhitech-ip-keji-jinrong-guangchang", "service_park", "科技金融广场（金融广场2.0）",
     "Sci-Tech Finance Plaza (2.0)",
     [(113.5158, 34.7880), (113.5205, 34.7884), (113.5208, 34.7918), (113.5160, 34.7922)],
     "103,323,505",
     "Core of the 科创孵化圈 (001:323), so drawn inside the ring; exact site not given. Size chosen.",
     board="zzhitech-cb-chancheng-gengxin", status="existing", period=PERIOD,
     positioning="集聚167家金融机构，管理资金约378亿元；高标准建设，进一步扩大发展空间",
     lead_industries="科技金融")
park("zzhitech-ip-beidou-chanye-yuan", "industrial_park", "北斗产业园", "BeiDou Industrial Park",
     [(113.5058, 34.7785), (113.5130, 34.7781), (113.5165, 34.7795), (113.5165, 34.7838),
      (113.5060, 34.7842)],
     "291,323,896",
     NOSITE + "北斗产业 is a core industry of the 科创孵化圈 (001:323), so it is put just south of the ring "
     "in the 新经济产业组团. Size chosen.", board="zzhitech-cb-chancheng-gengxin", status="planned",
     period=PERIOD, positioning="国际知名的北斗产业创新及应用示范基地",
     lead_industries="北斗应用、精密测绘、遥感测绘、时空溯源、定位导航")
park("zzhitech-ip-guanggao-chanye-yuan", "service_park", "广告产业园", "Advertising Industrial Park",
     [(113.5172, 34.7780), (113.5228, 34.7778), (113.5230, 34.7835), (113.5175, 34.7838), (113.5170, 34.7810)], "327",
     NOSITE + "an existing park to be renewed by '连片改造', so it is put in the renewal area "
     "(新经济产业组团). Size chosen.", board="zzhitech-cb-chancheng-gengxin", status="existing",
     period=PERIOD, lead_industries="广告、文化创意")
park("zzhitech-ip-hagongda-jiqiren", "industrial_park", "哈工大机器人智能装备产业园",
     "HIT Robotics & Intelligent Equipment Industrial Park",
     [(113.5265, 34.7880), (113.5450, 34.7878), (113.5448, 34.7958), (113.5340, 34.7962),
      (113.5262, 34.7945)], "65",
     NOSITE + "put in the 智能制造产业组团 by theme. Size chosen.",
     board="zzhitech-cb-chancheng-gengxin", status="under_construction", period=PERIOD,
     investment_yi=50.0, lead_industries="机器人、智能装备")
park("zzhitech-ip-ziguang-zhihui-zhongduan", "industrial_park", "紫光智慧计算终端全球总部项目",
     "Unisplendour Smart Computing Terminal Global HQ",
     [(113.5265, 34.7776), (113.5370, 34.7770), (113.5372, 34.7866), (113.5300, 34.7870),
      (113.5262, 34.7845)], "65",
     NOSITE + "put in the 智能制造产业组团 by theme. Size chosen. Capacity 450万台套.",
     board="zzhitech-cb-chancheng-gengxin", status="under_construction", period=PERIOD,
     investment_yi=100.0, lead_industries="智慧计算终端")
park("zzhitech-ip-liandong-ugu", "industrial_park", "联东U谷产业综合体", "Liandong U-Valley Industrial Complex",
     [(113.5382, 34.7822), (113.5455, 34.7820), (113.5460, 34.7866), (113.5384, 34.7870)], "325",
     NOSITE + "put in the 智能制造产业组团. Size chosen.", board="zzhitech-cb-chancheng-gengxin",
     status="planned", period=PERIOD, lead_industries="专业化产业园区")
park("zzhitech-ip-zhengguo-guolu", "industrial_base", "郑锅高效洁净锅炉研发及智能制造产业基地",
     "Zhengzhou Boiler Clean-boiler R&D & Smart Manufacturing Base",
     [(113.5382, 34.7770), (113.5455, 34.7766), (113.5458, 34.7810), (113.5383, 34.7812)], "683",
     NOSITE + "put in the 智能制造产业组团 by theme. Size chosen.", board="zzhitech-cb-chancheng-gengxin",
     status="planned", period=PERIOD, lead_industries="高效洁净锅炉、绿色技术、智能制造")

# ================================================================ small-micro parks / incubators
SM = "small-micro-parks"
SMALL = {}


def small(fid, kind, zh, en, ring, lines, note, **extra):
    SMALL[fid] = (ring, extra.get("park"), extra.get("board"))
    polygon(SM, fid, kind, zh, en, ring, lines, note, **extra)


small("zzhitech-sm-ximei-dasha", "incubator", "西美大厦（双创综合体）", "Ximei Building (start-up complex)",
      [(113.5160, 34.7936), (113.5186, 34.7935), (113.5188, 34.7952), (113.5162, 34.7955)],
      "323,443",
      "Core of the 科创孵化圈 (001:323) and base of the 双创综合体 (001:443): drawn as a small block in the "
      "ring; exact site not given.", board="zzhitech-cb-chancheng-gengxin", status="existing",
      period=PERIOD, positioning="集聚孵化器、众创空间等创业孵化载体")
small("zzhitech-sm-863-ruanjian-fuhuaqi", "incubator", "河南省863软件孵化器", "Henan 863 Software Incubator",
      [(113.5192, 34.7930), (113.5214, 34.7929), (113.5210, 34.7946), (113.5193, 34.7948)],
      "327",
      NOSITE + "an existing carrier to be renewed ('存量产业空间转型升级', 001:327); put in the 科创孵化圈 of "
      "the renewal area.", board="zzhitech-cb-chancheng-gengxin", status="existing", period=PERIOD,
      lead_industries="软件")
small("zzhitech-sm-liuxue-renyuan-chuangye-yuan", "incubator", "留学人员创业园",
      "Returned Overseas Scholars Start-up Park",
      [(113.5082, 34.7958), (113.5120, 34.7957), (113.5122, 34.7966), (113.5084, 34.7967)],
      "423,565",
      NOSITE + "an existing incubation carrier named with the 大学科技园 (001:423); put in the 科创孵化圈.",
      board="zzhitech-cb-chancheng-gengxin", status="existing", period=PERIOD)
small("zzhitech-sm-beidou-fuhuaqi", "incubator", "北斗科技企业孵化器", "BeiDou S&T Enterprise Incubator",
      [(113.5075, 34.7815), (113.5102, 34.7814), (113.5103, 34.7831), (113.5076, 34.7832)],
      "467",
      NOSITE + "put inside the BeiDou industrial park by theme.", park="zzhitech-ip-beidou-chanye-yuan",
      board="zzhitech-cb-chancheng-gengxin", status="existing", period=PERIOD, lead_industries="北斗应用")

# ================================================================ infrastructure
ROAD623 = "623"
STATUS_NOTE = {
    "续建": ("under_construction", "续建 (continuing construction)"),
    "开工新建": ("planned", "开工新建 (new start in the period)"),
    "积极谋划": ("proposed", "积极谋划 (road being planned)"),
    "改造提升": ("existing", "改造提升 (upgrade of an existing road)"),
    "外联": ("planned", "外联城市道路 (external link to be built)"),
    "城建计划": ("planned", "已列入城建计划但尚未开工 (in the city construction plan, not started)"),
    "市管市建": ("proposed", "争取纳入市管市建 (seeking city management and construction)"),
}


def road(fid, zh, en, coords, cat, note, lines=ROAD623):
    st, txt = STATUS_NOTE[cat]
    line(fid, "road", zh, en, coords, lines,
         f"Plan status: {txt}. {note} Positions from the {FRAME}.", status=st, period=PERIOD)


road("zzhitech-inf-yuxianglu", "郁香路（翠竹街-池北路）", "Yuxiang Rd (Cuizhu St – Chibei Rd)",
     ns("郁香路", "翠竹街", "池北路"), "续建", "Segment as named.")
road("zzhitech-inf-xuemeijie", "雪梅街（创新大道-木荷路）", "Xuemei St (Chuangxin Ave – Muhe Rd)",
     ew("雪梅街", "创新大道", "木荷路"), "续建", "Segment as named.")
road("zzhitech-inf-wangchunlu", "望春路（希望路-东风路）", "Wangchun Rd (Xiwang Rd – Dongfeng Rd)",
     ns("望春路", "希望路", "东风路"), "开工新建", "Segment as named.")
road("zzhitech-inf-chuangxin-dadao-bei", "创新大道（金盏街-莲花街）", "Chuangxin Ave (Jinzhan St – Lianhua St)",
     ns("创新大道", "金盏街", "莲花街"), "开工新建", "Segment as named.")
road("zzhitech-inf-jianyanglu", "健杨路（木荷路-金盏街）", "Jianyang Rd (Muhe Rd – Jinzhan St)",
     [(LON["木荷路"], 34.8390), (113.5360, 34.8405), (113.5400, LAT["金盏街"])], "积极谋划",
     "Both end roads run north-south/east-west in this frame, so the road is drawn as a diagonal; its real "
     "orientation is not stated.")
road("zzhitech-inf-kaiyuanlu-fudao", "开元路辅道（珙桐路-香樟路）", "Kaiyuan Rd service road (Gongtong Rd – Xiangzhang Rd)",
     ew("开元路", "珙桐路", "香樟路"), "积极谋划", "Segment as named; 开元路 put east-west south of 化工路.")
road("zzhitech-inf-mujinlu", "木槿路（意杨路-紫楠路）", "Mujin Rd (Yiyang Rd – Zinan Rd)",
     ew("木槿路", "紫楠路", "意杨路"), "积极谋划", "Segment as named.")
road("zzhitech-inf-hongmeijie", "红梅街（翠柏路-意杨路）", "Hongmei St (Cuibai Rd – Yiyang Rd)",
     ew("红梅街", "翠柏路", "意杨路"), "积极谋划", "Segment as named.")
road("zzhitech-inf-wutongjie", "梧桐街（改造提升）", "Wutong St (upgrade)",
     ew("梧桐街", 113.5000, 113.5900), "改造提升",
     "Whole street within the zone; its extent is not stated and is chosen. Part of the '五横六纵/四横五纵' upgrade.")
road("zzhitech-inf-xuesonglu", "雪松路（改造提升）", "Xuesong Rd (upgrade)",
     ns("雪松路", "化工路", "冬青街"), "改造提升", "Whole road within the zone; extent chosen.")
road("zzhitech-inf-kexue-dadao", "科学大道（改造提升）", "Kexue Ave (upgrade)",
     ew("科学大道", 113.4740, 113.6015), "改造提升",
     "Whole avenue across the zone, west to east; also the 13th-FYP eco-corridor (001:139).", lines="139,623")
road("zzhitech-inf-huagonglu", "化工路（改造提升）", "Huagong Rd (upgrade)",
     ew("化工路", 113.4745, 113.6010), "改造提升",
     "Whole road across the southern part of the zone; also the 13th-FYP eco-corridor (001:139).",
     lines="139,623")
road("zzhitech-inf-changchunlu", "长椿路（改造提升）", "Changchun Rd (upgrade)",
     ns("长椿路", "化工路", "冬青街"), "改造提升", "Whole road within the zone; extent chosen.")
road("zzhitech-inf-lianhuajie", "莲花街（改造提升）", "Lianhua St (upgrade)",
     ew("莲花街", 113.4740, 113.6020), "改造提升",
     "Whole street across the zone; runs east-west as the plan says (001:455).", lines="455,623")
road("zzhitech-inf-zhanqian-dadao", "站前大道（高新区—惠济区连接通道）", "Zhanqian Ave (link to Huiji District)",
     [(113.5900, 34.8380), (113.6120, 34.8420), (113.6350, 34.8480)], "外联",
     "The plan names 站前大道 and 湖西路 as links to 中原区 and 惠济区 without saying which goes where; this "
     "one is drawn leaving the zone north-eastwards towards 惠济区 (guess). Length in the zone chosen.")
road("zzhitech-inf-huxilu", "湖西路（高新区—中原区连接通道）", "Huxi Rd (link to Zhongyuan District)",
     [(113.5760, LAT["化工路"]), (113.5755, 34.7740), (113.5770, 34.7600)], "外联",
     "'Lake-west road': drawn from 化工路 south past the west shore of Xiliu Lake towards 中原区 (guess).")
road("zzhitech-inf-chuangxin-dadao-nan", "创新大道（化工路-郑上路）", "Chuangxin Ave (Huagong Rd – Zhengshang Rd)",
     ns("创新大道", "化工路", "郑上路"), "城建计划", "Segment as named; 郑上路 runs along the zone's south edge.")
road("zzhitech-inf-hongsonglu", "红松路（化工路-郑上路）", "Hongsong Rd (Huagong Rd – Zhengshang Rd)",
     ns("红松路", "化工路", "郑上路"), "城建计划", "Segment as named.")
road("zzhitech-inf-yuantong-dadao", "元通大道（化工路-郑上路）", "Yuantong Ave (Huagong Rd – Zhengshang Rd)",
     ns("元通大道", "化工路", "郑上路"), "城建计划", "Segment as named.")
road("zzhitech-inf-hongdajie", "宏达街（西三环北延-京沙快速路）", "Hongda St (W 3rd Ring north ext. – Jingsha Expressway)",
     ew("宏达街", "西三环北延", "京沙快速路"), "城建计划",
     "Segment as named; drawn east-west at the zone's north-east corner, partly outside the zone.")
road("zzhitech-inf-kaixuanlu", "凯旋路（化工路-郑上路）", "Kaixuan Rd (Huagong Rd – Zhengshang Rd)",
     ns("凯旋路", "化工路", "郑上路"), "城建计划", "Segment as named.")
road("zzhitech-inf-dongfenglu-xiyan", "东风路西延（瑞达路-西三环）", "Dongfeng Rd west extension (Ruida Rd – W 3rd Ring)",
     ew("东风路", "瑞达路", "西三环"), "市管市建", "Segment as named.")
road("zzhitech-inf-xinlonglu", "新龙路", "Xinlong Rd",
     ew("新龙路", 113.4760, 113.6000), "市管市建",
     "Whole road across the zone; runs east-west as the plan says (001:455); extent chosen.", lines="455,623")

line("zzhitech-inf-wutongjie-jingguandai", "green", "梧桐街（红松路-创新大道）南侧景观带",
     "Wutong St south-side landscape belt (Hongsong Rd – Chuangxin Ave)",
     [(LON["创新大道"], LAT["梧桐街"] - 0.0004), (LON["红松路"], LAT["梧桐街"] - 0.0004)], "619",
     "Along the south side of 梧桐街 between the named cross roads, in the " + FRAME + ".",
     status="planned", period=PERIOD)
point("zzhitech-inf-hongsong-wutong-youyuan", "green", "红松路梧桐街西南角游园",
      "Pocket park at the SW corner of Hongsong Rd × Wutong St",
      (LON["红松路"] - 0.0006, LAT["梧桐街"] - 0.0006), "609",
      "South-west corner of the named intersection in the " + FRAME + ".", status="planned", period=PERIOD)
line("zzhitech-inf-yulanjie-zhihui-zhuapai", "digital", "玉兰街智慧抓拍系统",
     "Yulan St smart traffic-camera enforcement", ew("玉兰街", 113.5520, 113.5900), "619",
     "Cameras on 玉兰街 ('治理难点'); the street's extent is not stated and is chosen.",
     status="planned", period=PERIOD)
line("zzhitech-inf-cuizhujie-zhihui-zhuapai", "digital", "翠竹街智慧抓拍系统",
     "Cuizhu St smart traffic-camera enforcement", ew("翠竹街", 113.5520, 113.5950), "619",
     "Cameras on 翠竹街 ('重点保障路段'); the street's extent is not stated and is chosen.",
     status="planned", period=PERIOD)
point("zzhitech-inf-zzu-5g-zhihui-xiaoyuan", "digital", "郑州大学5G+智慧校园", "Zhengzhou University 5G+ smart campus",
      (113.5355, 34.8185), "313",
      "At Zhengzhou University's main campus (about 113.535E 34.817N, general knowledge).",
      status="planned", period=PERIOD)
line("zzhitech-inf-gongshui-chuiliulu", "water_plant", "高新区垂柳路（翠竹街-新龙路）供水工程",
     "Chuiliu Rd water-supply main (Cuizhu St – Xinlong Rd)", ns("垂柳路", "翠竹街", "新龙路"), "631",
     "One of the 56 water-supply projects; drawn along 垂柳路 between the named streets. Kind water_plant is "
     "used as the water-supply category (the spec has no pipeline kind).", status="planned", period=PERIOD)
line("zzhitech-inf-gongshui-lianhuajie", "water_plant", "高新区莲花街（创新大道-意杨路）供水工程",
     "Lianhua St water-supply main (Chuangxin Ave – Yiyang Rd)", ew("莲花街", "意杨路", "创新大道"), "631",
     "One of the 56 water-supply projects; drawn along 莲花街 between the named roads. Kind water_plant is "
     "used as the water-supply category.", status="planned", period=PERIOD)
line("zzhitech-inf-gongre-chuiliulu", "heating", "垂柳路（新龙路-冬青街）供热管线",
     "Chuiliu Rd heating main (Xinlong Rd – Dongqing St)", ns("垂柳路", "新龙路", "冬青街"), "633",
     "Heating main construction/renovation along 垂柳路 between the named streets.",
     status="planned", period=PERIOD)
point("zzhitech-inf-huagong-biandianzhan", "substation", "化工变电站", "Huagong substation",
      (113.5640, LAT["化工路"] + 0.0006), "635",
      "The plan gives no site; the name suggests 化工路, so it is put on the north side of 化工路 in the "
      "older eastern part of the zone (guess).", status="planned", period=PERIOD)
line("zzhitech-inf-ditie-8-haoxian", "metro_line", "轨道交通8号线（高新区段）", "Metro Line 8 (High-tech Zone section)",
     [(113.5660, 34.8300), (113.5800, 34.8300), (113.5950, 34.8320), (113.6020, 34.8325)], "619",
     "The zone 'cooperates with' its construction (配合). Alignment from general knowledge (western terminus "
     "near 天健湖, running east towards 惠济区), unverified; drawn from the lake to the zone's east edge.",
     status="under_construction", period=PERIOD)
point("zzhitech-inf-zhengwu-zhongxin-tingchechang", "public_facility", "政务中心停车场（科学大道与创新大道交叉口西北角）",
      "Government service centre car park (NW corner of Kexue Ave × Chuangxin Ave)",
      (LON["创新大道"] - 0.0006, LAT["科学大道"] + 0.0006), "619,625",
      "North-west corner of the named intersection in the " + FRAME + ".", status="planned", period=PERIOD)
point("zzhitech-inf-duli-gonggong-tingchechang", "public_facility", "独立公共停车场（希望路与电厂路交叉口西北角）",
      "Public car park (NW corner of Xiwang Rd × Dianchang Rd)",
      (LON["电厂路"] - 0.0006, LAT["希望路"] + 0.0006), "625",
      "North-west corner of the named intersection in the " + FRAME + ".", status="planned", period=PERIOD)
for fid, zh, en, dx in [
        ("zzhitech-inf-quji-tiyu-zhongxin", "区级体育中心", "District sports centre", 113.5635),
        ("zzhitech-inf-zonghe-wenhua-huodong-zhongxin", "综合文化活动中心", "Integrated cultural activity centre", 113.5665),
        ("zzhitech-inf-bianmin-fuwu-zhongxin", "便民服务中心", "Citizen service centre", 113.5698)]:
    point(fid, "public_facility", zh, en, (dx, 34.8404), "321",
          "Function of the 文体坊 (001:321); put inside the 文体坊 polygon, exact site not given.",
          status="planned", period=PERIOD)
point("zzhitech-inf-xiliuhu-guoji-yiyuan", "hospital", "国际医院（西流湖生态智慧科创区）",
      "International hospital (Xiliu Lake eco-smart area)", (113.5850, 34.7832), "445,567",
      "Unnamed; the plan puts it in the 西流湖 eco-smart area (001:443-445). Point inside that area; site chosen.",
      status="proposed", period=PERIOD)
point("zzhitech-inf-xiliuhu-guoji-xuexiao", "school", "国际学校（西流湖生态智慧科创区）",
      "International school (Xiliu Lake eco-smart area)", (113.5780, 34.7826), "445,567",
      "Unnamed; the plan puts it in the 西流湖 eco-smart area. Point inside that area; site chosen.",
      status="proposed", period=PERIOD)
point("zzhitech-inf-xiliuhu-huiyi-zhongxin", "public_facility", "会议中心（西流湖生态智慧科创区）",
      "Conference centre (Xiliu Lake eco-smart area)", (113.5935, 34.7800), "445",
      "Unnamed; the plan puts it in the 西流湖 eco-smart area. Point inside that area; site chosen.",
      status="proposed", period=PERIOD)
point("zzhitech-inf-xiliuhu-keji-chuangxin-yanjiuyuan", "public_facility", "科技创新研究院（西流湖生态智慧科创区）",
      "S&T innovation institute (Xiliu Lake eco-smart area)", (113.5880, 34.7772), "443",
      "The plan puts it in the 西流湖 eco-smart area (001:443). Point inside that area; site chosen.",
      status="planned", period=PERIOD)
point("zzhitech-inf-xiliuhu-chengguo-zhuanhua-zhongxin", "public_facility", "科技成果转化中心（西流湖生态智慧科创区）",
      "Tech-transfer centre (Xiliu Lake eco-smart area)", (113.5945, 34.7818), "443",
      "The plan puts it in the 西流湖 eco-smart area (001:443). Point inside that area; site chosen.",
      status="planned", period=PERIOD)
point("zzhitech-inf-yulanjie-xiaoxue", "school", "万科城玉兰街小学", "Vanke City Yulan St Primary School",
      (113.5720, LAT["玉兰街"] + 0.0006), "735",
      "On 玉兰街 (name); position along the street chosen.", status="planned", period=PERIOD)
point("zzhitech-inf-lianhuajie-di-er-xiaoxue", "school", "莲花街第二小学", "Lianhua St No.2 Primary School",
      (113.4900, LAT["莲花街"] + 0.0006), "735",
      "On 莲花街 (name); position along the street chosen.", status="planned", period=PERIOD)
point("zzhitech-inf-dongqingjie-zhongxue", "school", "冬青街中学", "Dongqing St Middle School",
      (113.5750, LAT["冬青街"] - 0.0004), "737",
      "On 冬青街 (name); position along the street chosen.", status="planned", period=PERIOD)
point("zzhitech-inf-chuiliulu-zhongxue", "school", "垂柳路中学", "Chuiliu Rd Middle School",
      (LON["垂柳路"] + 0.0006, 34.8150), "737",
      "On 垂柳路 (name); position along the road chosen.", status="planned", period=PERIOD)


# ================================================================ validation
def main():
    errors = []
    req = ["layer", "id", "name_zh", "name_en", "zone", "kind", "source_doc", "source_lines", "schematic"]
    kinds = {
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
    seen = set()
    byid = {}
    src = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "sources", DOC), encoding="utf-8").read().split("\n")
    for f in FEATURES:
        p = f["properties"]
        for k in req:
            if p.get(k) in (None, ""):
                errors.append(f"{p.get('id')}: missing {k}")
        if p["id"] in seen:
            errors.append(f"duplicate id {p['id']}")
        seen.add(p["id"])
        byid[p["id"]] = f
        if not re.fullmatch(r"[a-z0-9-]+", p["id"]):
            errors.append(f"bad id {p['id']}")
        if p["kind"] not in kinds[p["layer"]]:
            errors.append(f"{p['id']}: kind {p['kind']} not allowed in {p['layer']}")
        if p["schematic"] is not True:
            errors.append(f"{p['id']}: schematic must be true")
        if not re.fullmatch(r"\d+(-\d+)?(,\d+(-\d+)?)*", p["source_lines"]):
            errors.append(f"{p['id']}: bad source_lines {p['source_lines']}")
        for part in p["source_lines"].split(","):
            a, _, b = part.partition("-")
            for n in range(int(a), int(b or a) + 1):
                if n < 1 or n > len(src):
                    errors.append(f"{p['id']}: line {n} out of range")
        g = f["geometry"]
        if g["type"] == "Polygon":
            ring = g["coordinates"][0]
            if ring[0] != ring[-1]:
                errors.append(f"{p['id']}: ring not closed")
            if ring_area_m2(open_ring(ring)) <= 0:
                errors.append(f"{p['id']}: ring not CCW")
            if self_intersects(ring):
                errors.append(f"{p['id']}: self-intersection")
            n = len(ring) - 1
            if n < 4 or n > 12:
                errors.append(f"{p['id']}: {n} vertices")
            if "planned_area_km2" in p:
                a = ring_area_m2(open_ring(ring)) / 1e6
                if abs(a / p["planned_area_km2"] - 1) > 0.05:
                    errors.append(f"{p['id']}: area {a:.2f} vs planned {p['planned_area_km2']}")
        for c in (g["coordinates"] if g["type"] != "Point" else [g["coordinates"]]):
            pts = c if g["type"] == "Polygon" else [c]
            if g["type"] == "LineString":
                pts = [c]
            for q in pts:
                for v in q:
                    if round(v, 6) != v:
                        errors.append(f"{p['id']}: more than 6 decimals")

    def ring_of(fid):
        return byid[fid]["geometry"]["coordinates"][0]

    zone = ring_of("zzhitech-zone")
    for f in FEATURES:
        p = f["properties"]
        if p["layer"] in ("core-boards", "industrial-parks", "small-micro-parks"):
            r = f["geometry"]["coordinates"][0]
            if not within(r, zone):
                errors.append(f"{p['id']}: not inside zone")
            if p.get("board") and not within(r, ring_of(p["board"])):
                errors.append(f"{p['id']}: not inside board {p['board']}")
            if p.get("park") and not within(r, ring_of(p["park"])):
                errors.append(f"{p['id']}: not inside park {p['park']}")
    pk = [f for f in FEATURES if f["properties"]["layer"] == "industrial-parks"]
    for i in range(len(pk)):
        for j in range(i + 1, len(pk)):
            if not disjoint(pk[i]["geometry"]["coordinates"][0], pk[j]["geometry"]["coordinates"][0]):
                errors.append(f"parks overlap: {pk[i]['properties']['id']} / {pk[j]['properties']['id']}")
    # small-micro parks should not straddle an industrial park they are not assigned to
    for f in FEATURES:
        p = f["properties"]
        if p["layer"] == "small-micro-parks":
            for q in pk:
                if q["properties"]["id"] != p.get("park") and not disjoint(
                        f["geometry"]["coordinates"][0], q["geometry"]["coordinates"][0]):
                    errors.append(f"{p['id']} overlaps park {q['properties']['id']}")
    # point features of the 文体坊 and 西流湖 area lie in their polygons
    for fid, host in [("zzhitech-inf-quji-tiyu-zhongxin", "zzhitech-cb-hexin-wentifang"),
                      ("zzhitech-inf-zonghe-wenhua-huodong-zhongxin", "zzhitech-cb-hexin-wentifang"),
                      ("zzhitech-inf-bianmin-fuwu-zhongxin", "zzhitech-cb-hexin-wentifang"),
                      ("zzhitech-inf-xiliuhu-guoji-yiyuan", "zzhitech-cb-xiliuhu-kechuangqu"),
                      ("zzhitech-inf-xiliuhu-guoji-xuexiao", "zzhitech-cb-xiliuhu-kechuangqu"),
                      ("zzhitech-inf-xiliuhu-huiyi-zhongxin", "zzhitech-cb-xiliuhu-kechuangqu"),
                      ("zzhitech-inf-xiliuhu-keji-chuangxin-yanjiuyuan", "zzhitech-cb-xiliuhu-kechuangqu"),
                      ("zzhitech-inf-xiliuhu-chengguo-zhuanhua-zhongxin", "zzhitech-cb-xiliuhu-kechuangqu")]:
        if not point_in(byid[fid]["geometry"]["coordinates"], ring_of(host)):
            errors.append(f"{fid} not inside {host}")

    # summary
    counts = {}
    for f in FEATURES:
        counts[f["properties"]["layer"]] = counts.get(f["properties"]["layer"], 0) + 1
    print("features per layer:", counts, "total", len(FEATURES))
    for f in FEATURES:
        if f["geometry"]["type"] == "Polygon":
            a = ring_area_m2(open_ring(f["geometry"]["coordinates"][0])) / 1e6
            print(f"  {f['properties']['layer']:18s} {f['properties']['id']:48s} {a:7.2f} km²")
    tot = sum(ring_area_m2(open_ring(f["geometry"]["coordinates"][0])) for f in pk) / 1e6
    print(f"industrial parks total: {tot:.2f} km² ({len(pk)} parks)")
    zr = open_ring(zone)
    print("zone vertex mean:", round(sum(x for x, _ in zr) / len(zr), 4), round(sum(y for _, y in zr) / len(zr), 4))
    if tot < 25:
        errors.append(f"industrial parks cover only {tot:.2f} km²")
    if errors:
        print("ERRORS:")
        for e in errors:
            print("  ", e)
        return 1
    fc = {"type": "FeatureCollection", "features": FEATURES}
    with open(OUT, "w", encoding="utf-8") as fh:  # one feature per line, easy to grep and diff
        fh.write('{"type": "FeatureCollection", "features": [\n')
        fh.write(",\n".join(json.dumps(f, ensure_ascii=False) for f in fc["features"]))
        fh.write("\n]}\n")
    # round trip
    json.load(open(OUT, encoding="utf-8"))
    print("wrote", os.path.normpath(OUT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
