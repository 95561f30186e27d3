#!/usr/bin/env python3
"""Scratch generator for geodata/plan/xxetdz.geojson (Xinxiang ETDZ, schematic).

Documentation only: the build does not run this. Python 3 standard library.
All shapes are drawn in a local km grid: x = km east of 113.99E, y = km north of
a point 0.5 km south of 35.27N (DY), so the zone centroid is near the shared anchor. The grid follows the plan's
road names: 经X路 = north-south roads, numbered west -> east, about 0.55 km apart;
纬X路 = east-west roads, numbered north -> south. This is an interpretation, not surveyed.
  经一 -2.60  经二 -2.05  经三 -1.50  经四 -0.95  经五 -0.40  经六 0.15
  经七 0.70   经八 1.25   经九 1.80   经十 2.35   经十一 2.90  S226 3.627
  (S226 = 经三 + 5.127 km, the stated length of 科隆大道 经三路-S226, 003:492)
  纬二 1.75  纬四 0.85  纬六 -0.02  纬七 -0.50  纬八 -0.95
  新长北线 -1.35 (bends south-east past 经八)   科隆大道 -2.70
Run:  python3 geodata/tools/xxetdz-build.py  (writes geodata/plan/xxetdz.geojson)
"""
import json, math, os

LON0, LAT0 = 113.99, 35.27
KX = 111.320 * math.cos(math.radians(LAT0))   # km per degree of longitude
KY = 110.574                                   # km per degree of latitude
DOC = "003_7e57f287e5d0df84.txt"
MU = 666.667e-6                                # km² per mu

DY = 0.5   # grid origin sits 0.5 km south of the anchor so the zone centroid lands near 113.99E 35.27N

def ll(p):
    x, y = p
    return [round(LON0 + x / KX, 6), round(LAT0 + (y + DY) / KY, 6)]

def area_xy(pts):
    s = 0.0
    for i in range(len(pts)):
        x1, y1 = pts[i]; x2, y2 = pts[(i + 1) % len(pts)]
        s += x1 * y2 - x2 * y1
    return s / 2

def rect(x0, y0, x1, y1, ch=None):
    """CCW rectangle, optional corner chamfers {'sw':d,'se':d,'ne':d,'nw':d}."""
    ch = ch or {}
    out = []
    for c, (cx, cy) in (("sw", (x0, y0)), ("se", (x1, y0)), ("ne", (x1, y1)), ("nw", (x0, y1))):
        d = ch.get(c)
        if not d:
            out.append((cx, cy)); continue
        if c == "sw": out += [(x0, y0 + d), (x0 + d, y0)]
        if c == "se": out += [(x1 - d, y0), (x1, y0 + d)]
        if c == "ne": out += [(x1, y1 - d), (x1 - d, y1)]
        if c == "nw": out += [(x0 + d, y1), (x0, y1 - d)]
    return out

def rect_area(x0, y0, x1, area, ch=None):
    """rectangle of given width whose top edge is solved so the area matches."""
    cut = sum(d * d / 2 for d in (ch or {}).values())
    h = (area + cut) / (x1 - x0)
    return rect(x0, y0, x1, y0 + h, ch)

def clip(poly, a, b, c):
    """keep the part of a convex-ish polygon where a*x+b*y+c >= 0 (Sutherland-Hodgman)."""
    out = []
    n = len(poly)
    for i in range(n):
        P, Q = poly[i], poly[(i + 1) % n]
        fp, fq = a * P[0] + b * P[1] + c, a * Q[0] + b * Q[1] + c
        if fp >= 0: out.append(P)
        if (fp >= 0) != (fq >= 0):
            t = fp / (fp - fq)
            out.append((P[0] + t * (Q[0] - P[0]), P[1] + t * (Q[1] - P[1])))
    return out

def bisect(f, lo, hi, target, n=80):
    for _ in range(n):
        mid = (lo + hi) / 2
        if (f(mid) - target) * (f(lo) - target) > 0: lo = mid
        else: hi = mid
    return (lo + hi) / 2

FEATURES = []
def add(layer, fid, name_zh, name_en, kind, geom_type, coords, lines, note, check, **props):
    p = {"layer": layer, "id": "xxetdz-" + fid, "name_zh": name_zh, "name_en": name_en,
         "zone": "xxetdz", "kind": kind}
    for k in ("board", "park", "planned_area_km2", "positioning", "lead_industries",
              "investment_yi", "length_km", "status", "period"):
        if k in props and props[k] is not None: p[k] = props[k]
    if "period" not in props: p["period"] = "2021-2025"     # period=None: omit (existing landmarks)
    p.update({"source_doc": DOC, "source_lines": lines, "schematic": True, "placement_note": note})
    if geom_type == "Polygon":
        ring = [ll(q) for q in coords]
        if area_xy(coords) < 0: ring.reverse()
        ring.append(ring[0])
        g = {"type": "Polygon", "coordinates": [ring]}
    elif geom_type == "LineString":
        g = {"type": "LineString", "coordinates": [ll(q) for q in coords]}
    else:
        g = {"type": "Point", "coordinates": ll(coords)}
    FEATURES.append({"type": "Feature", "properties": p, "geometry": g, "_check": check})

NOPLAN = "the plan names no 核心板块 (core board); this is one of its named functional districts, drawn as a core-board-level functional_area. "
NOAREA = "No area in the plan; size chosen as plausible, planned_area_km2 left out. "
NOLOC = "The plan gives no location; placed schematically in "

# ---------------------------------------------------------------- zone
ZONE = [(-2.95, -3.28), (0.66, -3.30), (1.30, -3.44), (4.95, -3.42), (4.95, None), (3.95, None),
        (3.95, 1.86), (3.40, 2.45), (-2.42, 2.45), (-2.47, 1.45), (-2.95, 0.62)]

# bonded zone D8: SW corner chamfered (新长北线 passes it); bottom y solved for 5000 亩
D8_AREA = 5000 * MU
def d8_poly(yb):
    xc = 1.32 + (-1.40 - yb) * (0.73 / 0.77)
    return [(xc, yb), (3.56, yb), (3.56, -0.64), (2.60, -0.62), (1.30, -0.62), (1.27, -1.00), (1.32, -1.40)]
YB = bisect(lambda yb: area_xy(d8_poly(yb)), -1.6, -2.6, D8_AREA)
D8 = d8_poly(YB)
XC = D8[0][0]
YT5 = YB - 0.05              # top of D5
ZONE[4] = (4.95, YT5 + 0.05); ZONE[5] = (3.95, YT5 + 0.05)

add("zones", "zone", "新乡经济技术开发区", "Xinxiang Economic-Technological Development Zone",
    "development_zone", "Polygon", ZONE, "23,25",
    "The plan states no total zone area. Outline drawn at about 40 km² after an external figure "
    "(zxyzs.com: 总面积40平方公里, probably before the 新东 merger), not the plan, so planned_area_km2 is left out. "
    "Centre about 113.99E 35.27N, east of Xinxiang city centre and just east of G107 (东环路), "
    "with the high-speed-rail station on its western edge (003:587). The south-east lobe holds the "
    "multimodal yard at S226 (003:349). Boundary is schematic.",
    "新乡经济技术开发区", status="existing",
    positioning="国家新乡经济技术开发区；加快向现代产业新城转型，争创全国百强经开区")

# ---------------------------------------------------------------- core boards (functional areas)
D1 = [(-0.92, 0.55), (0.92, 0.55), (0.92, 2.00), (0.30, 2.02), (-0.92, 1.97)]
D2 = [(-2.32, 0.55), (-0.98, 0.55), (-0.98, 2.36), (-1.40, 2.40), (-2.30, 2.38), (-2.38, 1.55)]
D10 = [(-0.92, 2.04), (0.92, 2.05), (0.92, 2.40), (-0.40, 2.41), (-0.92, 2.38)]
D6 = [(0.98, 0.62), (3.90, 0.60), (3.90, 1.80), (3.35, 2.38), (0.98, 2.38), (0.96, 1.50)]
D3 = [(1.58, 1.31), (3.10, 1.29), (3.58, 1.50), (3.56, 1.90), (3.10, 2.31), (1.60, 2.32), (1.55, 1.85)]
D9 = [(1.30, -0.55), (3.90, -0.57), (3.90, 0.55), (2.40, 0.56), (1.30, 0.55), (1.26, 0.10)]
D7 = [(-2.90, -0.45), (0.60, -0.45), (1.22, -0.40), (1.22, 0.50), (-2.90, 0.50)]
D4 = [(-2.90, -2.66), (0.65, -2.66), (1.22, -2.60), (1.22, -0.55), (-1.50, -0.55), (-2.90, -0.60)]
D5 = [(0.75, -3.28), (4.90, -3.38), (4.90, YT5), (1.30, YT5), (1.27, -2.64), (0.70, -2.75)]
D11 = [(-2.88, -3.22), (0.62, -3.25), (0.62, -2.78), (-1.00, -2.76), (-2.88, -2.74)]

CB = "core-boards"
add(CB, "cb-huanpingyuanhu", "环平原湖区域（环平原湖产业服务中心、高端商住区）", "Around-Pingyuan-Lake service centre and high-end residential area",
    "functional_area", "Polygon", D1, "318,323,414,416,428,440,587",
    NOPLAN + NOAREA + "Centred on 平原湖 (the 李胡寨 impounding lake, 1300 亩); placed north of the central service band "
    "and east of the high-speed-rail business centre, on the line of 平原路 (lake name) [interpretation].",
    "平原湖", status="planned",
    positioning="环平原湖产业服务中心；开发建设环平原湖高端商住区，打造全市新城建设标杆和高品质商业社区；梯次开发（先于高铁东）",
    lead_industries="商务商住、星级酒店、购物中心、文化休闲娱乐、文旅")
add(CB, "cb-gaotiedong", "高铁东商务中心（高铁东综合服务中心）", "High-speed-rail East business centre",
    "functional_area", "Polygon", D2, "414,416,428,587",
    NOPLAN + NOAREA + "East of the high-speed-rail station (高铁站东部, 003:587), taken to be Xinxiang East station "
    "on the zone's western edge [interpretation]; centred on the 海关大楼 (003:428).",
    "高铁", status="planned",
    positioning="规划以海关大楼为中心的高铁东商务中心；积极推动前期工作，适时建设高铁站东部商务中心",
    lead_industries="商务写字楼、科技服务、创新孵化、职业教育、高铁经济、总部经济")
add(CB, "cb-chuangxingu", "新乡创新谷（现代科技新城）", "Xinxiang Innovation Valley (modern sci-tech new town)",
    "functional_area", "Polygon", D3, "523,525,560,572",
    NOPLAN + NOAREA + "The plan gives no location; drawn inside the independent-innovation leading zone (cb-zizhu-chuangxin, 003:404) "
    "in the north-east. Core area '一心、三轴、四组团' not subdivided because the plan does not name the parts.",
    "创新谷", status="planned",
    positioning="到2025年，创新谷“一心、三轴、四组团”核心区全面建成，产业配套区初具规模",
    lead_industries="科创服务、新材料、研发机构、创新孵化")
add(CB, "cb-chanye-jijuqu", "省级产业集聚区", "Provincial industrial cluster zone",
    "functional_area", "Polygon", D4, "404",
    NOPLAN + NOAREA + "The plan gives no location. Drawn as the main manufacturing belt in the south-west and centre, "
    "between 纬七路 and 科隆大道, holding the textile and equipment parks.",
    "产业集聚区", status="existing",
    positioning="高标准建设以主导优势产业和战略性新兴产业为主的省级产业集聚区",
    lead_industries="绿色纺织服装、高端智能装备、光电信息通信")
add(CB, "cb-fuwuye-yuanqu", "省级服务业园区", "Provincial service-industry park",
    "functional_area", "Polygon", D5, "322,404",
    NOPLAN + NOAREA + "The plan gives no location. Drawn in the south-east along 科隆大道, next to 塔铺站 and the S226 "
    "multimodal yard, because its content is logistics and trade (003:404).",
    "服务业园区", status="existing",
    positioning="以物流贸易和生产服务为主的省级服务业园区",
    lead_industries="现代物流、贸易、生产性服务业、电子商务")
add(CB, "cb-zizhu-chuangxin", "自主创新引领区", "Independent-innovation leading zone",
    "functional_area", "Polygon", D6, "404,537",
    NOPLAN + NOAREA + "The plan gives no location. Drawn in the north-east. It contains 新乡创新谷 (cb-chuangxingu) "
    "and the incubation parks.",
    "自主创新引领区", status="existing",
    positioning="以创新孵化体系和科教创新为主的自主创新引领区；建设宜业宜居、宜游宜学创新引领区",
    lead_industries="创新孵化、科教创新、科创服务")
add(CB, "cb-shenghuo-fuwuqu", "生产、生活服务区", "Production and living service area",
    "functional_area", "Polygon", D7, "404",
    NOPLAN + NOAREA + "The plan gives no location. Drawn as the central band around 纬六路/纬七路, which is also the "
    "name of the zone's sub-district (纬七路街道, 003:5).",
    "生产、生活服务区", status="existing",
    positioning="高品质建设生产、生活服务区，加快高端商务服务、高端生产生活服务导入",
    lead_industries="生产性服务、生活性服务、金融")
add(CB, "cb-zonghe-baoshuiqu", "综合保税区（申建）", "Comprehensive Bonded Zone (applied for)",
    "functional_area", "Polygon", D8, "329",
    NOPLAN + "Area from the plan: about 5000 亩 = 3.333 km². The plan gives no location; drawn east of the "
    "manufacturing belt, west of S226 and north of the logistics area, around the existing 保税物流中心(B型).",
    "综合保税区", status="proposed", planned_area_km2=round(D8_AREA, 4),
    positioning="规划保税物流、出口加工和综合配套三大板块，打造新乡对外开放新高地、新平台；创造条件申建",
    lead_industries="保税物流、出口加工")
add(CB, "cb-xindong", "新东区（新东产业集聚区，套合区域）", "Xindong area (Xindong Industrial Cluster Zone, merged area)",
    "functional_area", "Polygon", D9, "37,291,646",
    NOPLAN + NOAREA + "The merged area lies '107 以东' (east of G107, 003:37), which fits the whole zone. Its real extent "
    "is not given; drawn as the east-central band that holds the parks the plan names with 新东.",
    "新东", status="existing",
    positioning="与新东产业集聚区套合，形成“两块牌子、一套人马”，实施“七个统一”",
    lead_industries="光电信息、军民融合、跨境电商")
add(CB, "cb-beibu-shangmao", "北部拆迁村特色商贸服务区", "Northern relocated-villages commercial-service area",
    "functional_area", "Polygon", D10, "470",
    NOPLAN + NOAREA + "'北部' (northern part, 003:470) is the only hint; drawn as a strip along the north edge.",
    "北部拆迁村", status="planned",
    positioning="北部拆迁村依托村集体经济公司和村集体合作社，围绕保安、保洁、家政服务、商超等打造特色商贸服务区",
    lead_industries="保安、保洁、家政服务、商超")
add(CB, "cb-nanfenganqu-nongye", "南分干渠高效农业经济带", "Efficient-agriculture belt along the Nanfen main canal",
    "functional_area", "Polygon", D11, "366,470",
    NOPLAN + NOAREA + "Drawn along 南分干渠 (the canal, 003:470). The canal's course is not given; it is placed along the "
    "southern edge because of its name (南分 = southern branch) [interpretation].",
    "南分干渠", status="planned",
    positioning="沿南分干渠培育高效、采摘、观光、科普农业带，做小而精农业",
    lead_industries="高效农业、休闲农业、采摘观光")

# ---------------------------------------------------------------- industrial parks
IP = "industrial-parks"
def park(fid, zh, en, kind, poly, lines, board, note, check, **kw):
    add(IP, "ip-" + fid, zh, en, kind, "Polygon", poly, lines, note, check, board="xxetdz-cb-" + board, **kw)

IN4 = NOLOC + "the provincial industrial cluster zone (cb-chanye-jijuqu). "
# D4: columns between 经 roads, rows split by 新长北线 (-1.35) and 支七路 (-2.015)
park("lvxian", "绿色纤维专业园", "Green Fibre Specialised Park", "industrial_park",
     [(-2.87, -1.30), (-2.08, -1.30), (-2.08, -0.64), (-2.55, -0.64), (-2.87, -0.80)],
     "29,239,404", "chanye-jijuqu",
     IN4 + NOAREA + "West end of the manufacturing belt, by 大沙河. The plan's 中国绿纤科技城 (003:219, 003:245) is the "
     "target form of this cluster and is not drawn separately.", "绿色纤维",
     status="existing", positioning="全市七大先进制造业专业园区之一；建成世界知名绿色纤维专业园；建设“中国绿纤科技城”",
     lead_industries="绿色纤维、纤维素长丝、氨纶")
park("lvyin", "新柯绿印基地（高端绿色印染特色园区）", "Xin-Ke Green Printing and Dyeing Base", "industrial_base",
     rect(-2.02, -1.30, -1.53, -0.64, {"ne": 0.06}), "233,255", "chanye-jijuqu",
     IN4 + NOAREA + "Next to the green-fibre park (fibre supply).", "绿印基地",
     status="under_construction", investment_yi=30,
     positioning="与柯桥经开区合作建设绿印基地，引进10家优势印染企业；推动印染企业向绿印基地集中，打造高端绿色印染特色园区；以水定产",
     lead_industries="绿色印染")
park("yinran", "印染产业园", "Printing and Dyeing Industrial Park", "industrial_park",
     rect(-2.02, -1.98, -1.53, -1.40, {"se": 0.05}), "619", "chanye-jijuqu",
     IN4 + NOAREA + "Listed separately from 绿印基地 (003:619); drawn just south of it, across 新长北线. It may be the same site.", "印染产业园",
     status="planned", positioning="重点协调绿印基地、印染产业园、热处理中心等项目实施", lead_industries="印染")
park("fuzhuang-chukou", "河南省服装出口基地（含二期）", "Henan Apparel Export Base (incl. phase II)", "industrial_base",
     rect(-1.47, -1.30, -0.98, -0.64, {"nw": 0.05}), "31,337", "chanye-jijuqu",
     IN4 + NOAREA + "Phase II is stated as 40万 m² floor area, not land area.", "服装出口基地",
     status="under_construction", investment_yi=8,
     positioning="“十三五”开工建设河南省服装出口基地；二期计划总投资8亿元，建筑面积40万平方米",
     lead_industries="服装出口、纺织服装")
park("fuzhuang-zhizao", "服装制造产业园", "Apparel Manufacturing Industrial Park", "industrial_park",
     rect(-1.47, -1.98, -0.98, -1.40, {"sw": 0.05}), "239", "chanye-jijuqu", IN4 + NOAREA, "服装制造产业园",
     status="planned", positioning="推进信息技术与服装制造融合发展，培育专业化、个性化高端服装产业，建设服装制造产业园",
     lead_industries="高端服装制造")
park("shishang-chuangyi", "服装时尚创意产业园", "Apparel Fashion and Creative Industrial Park", "industrial_park",
     rect(-1.47, -2.62, -0.98, -2.05, {"ne": 0.06}), "318", "chanye-jijuqu",
     IN4 + NOAREA + "Next to the apparel parks (the plan builds it on the green textile base).", "服装时尚创意产业园",
     status="planned", positioning="构建服装设计、创意展示、新品发布、服装生产、网络零售于一体的服装时尚创意产业园",
     lead_industries="服装设计、时尚创意、网络零售")
park("zhongduan", "终端产品汇聚区", "Textile End-Product Cluster Area", "industrial_park",
     rect(-2.87, -1.98, -2.63, -1.40, {"sw": 0.05}), "239", "chanye-jijuqu", IN4 + NOAREA, "终端产品汇聚区",
     status="planned", positioning="开发以袜业、泳装和功能性服装为代表的终端产品，形成终端产品汇聚区",
     lead_industries="袜业、泳装、功能性服装、服装配件")
park("peitao", "纺织服装配套基地", "Textile and Apparel Supporting Base", "industrial_base",
     rect(-2.02, -2.62, -1.53, -2.05, {"se": 0.06}), "265", "chanye-jijuqu", IN4 + NOAREA, "纺织服装配套基地",
     status="planned", positioning="引入纺织服装其他配套配件生产企业", lead_industries="皮具、箱包、拉锁、扣子")
park("zhibu", "织布园", "Weaving Park", "industrial_park",
     rect(-2.57, -1.98, -2.08, -1.40, {"nw": 0.05}), "261", "chanye-jijuqu",
     IN4 + NOAREA + "Just south of the green-fibre park, whose output it uses.", "织布园",
     status="planned", positioning="依托新乡化纤、中纺院绿纤产品，引入相关纺织品企业，建设织布园", lead_industries="织造")
park("fangji", "纺织机械产业园", "Textile Machinery Industrial Park", "industrial_park",
     rect(-2.57, -2.62, -2.08, -2.05, {"sw": 0.05}), "243", "chanye-jijuqu",
     IN4 + NOAREA + "In the textile (west) end of the belt.", "纺织机械产业园",
     status="planned", positioning="建设纺织机械产业园，提高面料、服装智能加工、代工能力", lead_industries="纺织装备")
park("lima", "俐马集团新乡生产基地", "Lima Group Xinxiang Production Base", "industrial_base",
     rect_area(-0.92, -2.62, -0.43, 600 * MU, {"sw": 0.06}), "257,617", "chanye-jijuqu",
     IN4 + "Area from the plan: 600 亩 = 0.400 km². Status proposed: the plan is still pursuing it ('紧盯…落户', 003:617).",
     "俐马集团", status="proposed", planned_area_km2=round(600 * MU, 4), investment_yi=10,
     positioning="项目计划占地600亩，包含化纤、纺纱、织布、染整及成衣制造全产业链环节；产值20亿元、税收过亿元、出口额15亿元",
     lead_industries="化纤、纺纱、织布、染整、成衣制造")
park("gaoduan-zhuangbei", "高端装备制造基地", "High-end Equipment Manufacturing Base", "industrial_base",
     [(-0.92, -1.76), (-0.40, -1.76), (-0.40, -1.98), (0.12, -1.98), (0.12, -1.40), (-0.92, -1.40)],
     "271,273", "chanye-jijuqu", IN4 + NOAREA + "Centre of the belt, south of 新长北线.", "高端装备制造基地",
     status="planned", positioning="建设高端装备制造基地；到2025年装备制造业产值达到190亿元",
     lead_industries="智能搬运设备、纺织装备及关键部件、机器人")
park("zhineng-zhizao", "智能制造产业园", "Intelligent Manufacturing Industrial Park", "industrial_park",
     [(-0.37, -1.30), (-0.15, -1.30), (-0.15, -1.08), (0.12, -1.08), (0.12, -0.64), (-0.37, -0.64)],
     "278,418", "chanye-jijuqu",
     IN4 + NOAREA + "West of 经六路; its south-east corner is left for the 绿地公园 (003:456).", "智能制造产业园",
     status="existing", positioning="依托智能制造产业园，完善产业园配套功能；产业园综合楼集聚技术、中介、检验检测服务企业",
     lead_industries="工业机器人、精密减速器、控制器、3D打印")
park("zhineng-zhizao-2", "智能制造产业园二期", "Intelligent Manufacturing Industrial Park, phase II", "industrial_park",
     rect(0.18, -0.92, 0.67, -0.64, {"nw": 0.04}), "285,287", "chanye-jijuqu",
     IN4 + NOAREA + "Across 经六路 from phase I. The plan gives 8万 m² floor area, not land area.", "智能制造产业园二期",
     status="planned", positioning="总计划建筑面积8万平方米，建设人才公寓四幢，根据企业需要订制标准化厂房6幢",
     lead_industries="高档数控机床、工业机器人、智能仪表与控制系统、3D打印")
park("zhuangbei-zhizao", "装备制造产业园", "Equipment Manufacturing Industrial Park", "industrial_park",
     rect(0.18, -1.30, 0.67, -0.98, {"se": 0.04}), "281", "chanye-jijuqu", IN4 + NOAREA, "装备制造产业园",
     status="existing", positioning="补充装备制造产业园发展短板，谋划建设集中喷涂中心、电镀中心",
     lead_industries="装备制造、汽车零部件、起重振动机械")
park("guangdian", "光电专业园", "Optoelectronics Specialised Park", "industrial_park",
     rect(0.73, -1.30, 1.19, -0.64, {"ne": 0.06}), "299,404", "chanye-jijuqu",
     IN4 + NOAREA + "Next to the ICT park, with which the plan merges it (003:299).", "光电专业园",
     status="existing", positioning="整合光电专业园与信息通信专业园，打通光电与通信产业链",
     lead_industries="光电信息、智能传感器")
park("xinxi-tongxin", "信息通信专业园", "ICT Specialised Park", "industrial_park",
     rect(0.18, -1.98, 1.19, -1.40, {"se": 0.08}), "29,299,305", "chanye-jijuqu",
     IN4 + NOAREA + "The plan's 信息通信装备制造基地 (003:305) is the 2025 target form of this park and is not drawn separately.",
     "信息通信专业园", status="existing",
     positioning="全市七大先进制造业专业园区之一；建成百亿产值信息通信专业园区、信息通信装备制造基地",
     lead_industries="军用通信、卫星通信、半导体材料及芯片、5G、物联网")
park("3d-dayin", "3D打印专业园", "3D Printing Specialised Park", "industrial_park",
     rect(-0.92, -1.30, -0.43, -0.64, {"ne": 0.05}), "404", "chanye-jijuqu", IN4 + NOAREA + "Between the textile and the equipment parks.", "3D",
     status="existing", positioning="专业园（产业园、科创园、孵化创业园）协同发力之一；推动3D打印产业化",
     lead_industries="增材制造")
park("qingxing-zhuangpei", "新乡轻型装配产业园（一期）", "Xinxiang Light Assembly Industrial Park, phase I", "industrial_park",
     rect_area(0.18, -2.62, 0.67, 200 * MU, {"ne": 0.04}), "295", "chanye-jijuqu",
     IN4 + "Area from the plan: about 200 亩 = 0.133 km². Layout '一园二区': the standard-factory start-up area is drawn "
     "as a small-micro park inside; the rest is the 规模定制区.", "轻型装配产业园",
     status="planned", planned_area_km2=round(200 * MU, 4),
     positioning="拟占地面积200亩左右，以轻型化装配建筑材料生产为主，按“一园二区”布局，吸引返乡创业、促进农民创业就业",
     lead_industries="轻型装配建筑材料")
park("dianzi-xinxi", "电子信息产业园（信息通信产业园）", "Electronic Information Industrial Park", "industrial_park",
     [(0.18, -2.30), (0.73, -2.30), (0.73, -2.58), (1.14, -2.58), (1.19, -2.53), (1.19, -2.05), (0.18, -2.05)], "382", "chanye-jijuqu",
     IN4 + NOAREA + "Near the ICT park, because it gathers the zone's electronics firms around the ICT accelerator.", "电子信息产业园",
     status="planned", positioning="依托信息通信加速器平台，建设电子信息产业园，整合区内电子信息类企业集中化、规模化发展",
     lead_industries="电子信息")

IN9 = NOLOC + "the merged 新东 area (cb-xindong). "
park("junmin-ronghe", "新东区军民融合产业园", "Xindong Defence-Civilian Integration Industrial Park", "industrial_park",
     rect(1.33, -0.52, 2.32, -0.05, {"sw": 0.08}), "291,303", "xindong",
     IN9 + NOAREA + "The plan puts it in 新东区 (003:291).", "军民融合产业园",
     status="planned", positioning="启动新东区军民融合产业园建设，带动军工企业集聚，打造年产20亿元制造高地",
     lead_industries="军工电子、光电显控")
park("xindong-guangdian", "新东光电产业园", "Xindong Optoelectronics Industrial Park", "industrial_park",
     rect(2.38, -0.52, 3.00, -0.05, {"se": 0.05}), "303", "xindong", IN9 + NOAREA, "新东光电产业园",
     status="planned", positioning="建成新东光电产业园，引进光电信息企业和科技平台30家，形成光电全产业链园区",
     lead_industries="光学元器件、光学镜头、UV-LED、太阳光模拟设备")
park("mems", "MEMS传感器及芯片研发制造基地（智能传感器制造基地）", "MEMS Sensor and Chip R&D and Manufacturing Base", "industrial_base",
     rect(3.06, -0.52, 3.56, -0.05, {"ne": 0.06}), "303", "xindong",
     IN9 + NOAREA + "Next to 新东光电产业园 (same paragraph, same anchors); west of S226.", "MEMS",
     status="planned", positioning="建设MEMS（微机电）传感器及芯片研发制造基地，高标准打造智能传感器制造基地",
     lead_industries="MEMS、声电芯片、释电红外传感器芯片、MOSFET")
park("taiwan-keji", "台湾科技园", "Taiwan Science and Technology Park", "innovation_park",
     rect(2.38, 0.01, 2.87, 0.52, {"ne": 0.07}), "303", "xindong",
     IN9 + NOAREA + "Optoelectronics-led, so drawn beside 新东光电产业园.", "台湾科技园",
     status="planned", investment_yi=10,
     positioning="同台科公司合作，投资10亿元建设台湾科技园，打造集研发、孵化、生产于一体、以光电信息为主导的产业园",
     lead_industries="光电信息")
park("xinjingji-kechuang", "新经济科创园（盘活新东跨境示范园）", "New-Economy Sci-Tech Park (revitalised Xindong cross-border demonstration park)",
     "innovation_park", rect(2.93, 0.01, 3.40, 0.52, {"se": 0.06}), "388,601", "xindong",
     IN9 + NOAREA + "Built by revitalising the 新东跨境示范园 (003:388), so the two are one polygon.", "新经济科创园",
     status="planned", positioning="依托青网科技和大学科技园，盘活新东跨境示范园，打造集电子商务、跨境贸易、数字服务为一体的园区",
     lead_industries="电子商务、跨境电商、数字服务")
park("zhong-xin", "中国（新乡）-新加坡产业园", "China (Xinxiang)-Singapore Industrial Park", "industrial_park",
     rect(1.33, 0.01, 1.77, 0.52, {"nw": 0.06}), "608,630", "xindong",
     IN9 + NOAREA + "Status proposed: the plan only '谋划…搭建合作平台'.", "新加坡",
     status="proposed", positioning="谋划建设国际合作园区，搭建中国-新加坡（新乡）产业园合作平台，实施优惠政策，形成政策洼地",
     lead_industries="国际合作产业")
park("wu-kun-ke", "新乡-吴中、昆山、柯桥产业园", "Xinxiang-Wuzhong/Kunshan/Keqiao Industrial Park", "industrial_park",
     rect(1.83, 0.01, 2.32, 0.52, {"sw": 0.04}), "636", "xindong",
     IN9 + NOAREA + "One polygon for the three partner parks named together; status proposed.", "吴中、昆山、柯桥产业园",
     status="proposed", positioning="承接江浙沪产业转移项目", lead_industries="电子信息、循环经济、纺织")

IN8 = "Inside the comprehensive bonded zone (cb-zonghe-baoshuiqu). "
park("baoshui-wuliu-zhongxin", "经开保税物流中心（B型）", "ETDZ Bonded Logistics Centre (Type B)", "bonded_zone",
     rect(1.36, -1.22, 1.85, -0.66, {"nw": 0.05}), "311,597", "zonghe-baoshuiqu",
     IN8 + "The plan gives no location; the bonded zone is to be built on this centre (003:311, '为综合保税区申建打好基础'). " + NOAREA,
     "保税物流中心", status="under_construction",
     positioning="全面建成保税物流中心（B型），建成海关“两仓”；发展现代仓储、离岸外包业务，吸引出口加工型企业",
     lead_industries="保税仓储、离岸外包、流通性加工")
park("zbq-baoshui-wuliu", "综合保税区·保税物流板块", "Comprehensive Bonded Zone: bonded-logistics sector", "bonded_zone",
     rect(1.91, -1.22, 3.52, -0.66, {"ne": 0.10}), "329", "zonghe-baoshuiqu",
     IN8 + "The plan names the three 板块 but not their sizes; the 5000 亩 are split schematically.", "保税物流",
     status="proposed", positioning="综合保税区三大板块之一：保税物流", lead_industries="保税物流")
CH_N = (0.77, 0.73); CH_P = (1.32, -1.40)          # inward normal and a point of the chamfer edge
def inside_chamfer(poly, off):
    a, b = CH_N; n = math.hypot(a, b)
    return clip(poly, a, b, -(a * CH_P[0] + b * CH_P[1]) - off * n)
park("zbq-chukou-jiagong", "综合保税区·出口加工板块", "Comprehensive Bonded Zone: export-processing sector", "bonded_zone",
     inside_chamfer(rect(1.36, YB + 0.05, 2.60, -1.28), 0.05), "329", "zonghe-baoshuiqu",
     IN8 + "Sector sizes not stated; split schematically.", "出口加工",
     status="proposed", positioning="综合保税区三大板块之一：出口加工", lead_industries="出口加工")
park("zbq-zonghe-peitao", "综合保税区·综合配套板块", "Comprehensive Bonded Zone: support sector", "bonded_zone",
     rect(2.66, YB + 0.05, 3.52, -1.28, {"se": 0.08}), "329", "zonghe-baoshuiqu",
     IN8 + "Sector sizes not stated; split schematically.", "综合配套",
     status="proposed", positioning="综合保税区三大板块之一：综合配套", lead_industries="综合配套服务")

IN5 = NOLOC + "the provincial service-industry park (cb-fuwuye-yuanqu). "
RN = YT5 - 0.04       # top of D5 north row
park("gongtie-wuliu", "河南现代公铁物流园（公铁物流港）", "Henan Modern Road-Rail Logistics Park", "logistics_park",
     rect(1.60, -3.20, 3.56, -2.76, {"se": 0.10, "nw": 0.05}), "31,311,333,339", "fuwuye-yuanqu",
     IN5 + NOAREA + "Drawn beside 塔铺站 (the rail freight station, 003:345) because it is a road-rail park. "
     "The 大宗产品物流分拨基地 (安钢, 塑料颗粒, 众望铝材, 大众汽车 distribution centres, 003:339) lie inside it and are "
     "not drawn separately.", "公铁物流园",
     status="existing",
     positioning="公铁物流港基本建成；依托河南现代公铁物流园建设大宗产品物流分拨基地；商铺返租聚集100-200家电商企业",
     lead_industries="公铁联运、大宗商品分拨、电子商务")
park("wuliu-chanye", "物流产业园（锦绣地块）", "Logistics Industrial Park (Jinxiu plot)", "logistics_park",
     rect(1.33, -2.64, 2.05, RN, {"nw": 0.06}), "331", "fuwuye-yuanqu",
     IN5 + NOAREA + "The plan names the 锦绣地块 plot but not where it is.", "锦绣地块",
     status="planned", positioning="依托锦绣地块，开发大型会展区、大型低温仓储物流区、大型市场交易区，发展冷链物流",
     lead_industries="会展、低温仓储、冷链物流、市场交易")
park("kuaidi-dianshang", "快递电商物流园", "Express and E-commerce Logistics Park", "logistics_park",
     rect_area(0.80, -3.12, 1.54, 300 * MU, {"sw": 0.04}), "333", "fuwuye-yuanqu",
     IN5 + "Area from the plan: about 300 亩 = 0.200 km². The 豫北快递分拨中心 (003:313) is this park's express hub and is not drawn separately.",
     "快递电商物流园", status="planned", planned_area_km2=round(300 * MU, 4),
     positioning="针对“四通一达”等快递物流企业专项订制高台库，建设辐射豫北区域的快递物流集散中心和电商交易中心",
     lead_industries="快递物流、电子商务")
park("qiche-zhanxiao", "国际汽车展销基地", "International Auto Exhibition and Sales Base", "service_park",
     rect(2.11, -2.64, 2.70, RN, {"se": 0.05}), "335", "fuwuye-yuanqu", IN5 + NOAREA, "国际汽车展销基地",
     status="planned", positioning="建设汽车物流中心、汽车展销及电子信息发布中心，成为豫北及河南省最具规模的汽车展销基地",
     lead_industries="汽车物流、汽车展销")
park("guoji-maoyicheng", "经开区国际贸易城", "ETDZ International Trade City", "service_park",
     rect(2.76, -2.64, 3.56, RN, {"ne": 0.08}), "353,434", "fuwuye-yuanqu", IN5 + NOAREA, "国际贸易城",
     status="planned", positioning="与柯桥经开区合作打造纺织品出口基地等，吸引出口贸易公司入区发展",
     lead_industries="纺织品贸易、出口贸易")

IN6 = NOLOC + "the independent-innovation leading zone (cb-zizhu-chuangxin). "
park("863", "国家863（新乡）科技产业园", "National 863 (Xinxiang) Sci-Tech Industrial Park", "innovation_park",
     rect(1.01, 0.66, 1.50, 1.25, {"sw": 0.06}), "315,526,528", "zizhu-chuangxin", IN6 + NOAREA, "863",
     status="existing", positioning="打造成中小微企业成长的摇篮、成长型企业发展的加速器、高新技术企业集聚发展的总部基地",
     lead_industries="软件及信息服务、电子商务、教育培训、智能产品设计及检测、物联网、文化创意")
park("zhongde", "中德产业园", "Sino-German Industrial Park", "innovation_park",
     rect(1.56, 0.66, 2.05, 1.05, {"se": 0.05}), "315,404,576", "zizhu-chuangxin", IN6 + NOAREA, "中德",
     status="existing", positioning="专业园之一；产业孵化平台；国际合作园区", lead_industries="科创服务、国际合作")
park("yintesaier", "茵特赛尔生命科学研究院及产业园", "Intercell Life Science Institute and Industrial Park", "innovation_park",
     rect_area(2.11, 0.66, 2.58, 300 * MU, {"se": 0.05}), "368,570", "zizhu-chuangxin",
     IN6 + "Area from the plan: 300 亩 = 0.200 km².", "茵特赛尔",
     status="planned", planned_area_km2=round(300 * MU, 4),
     positioning="占地300亩，建设“一院五基地”，围绕“大健康产业中心”", lead_industries="干细胞再生医学、基因检测、生命科学")
park("renli-ziyuan", "人力资源服务产业园", "Human Resources Service Industrial Park", "service_park",
     rect(2.64, 0.66, 3.10, 1.02, {"nw": 0.05}), "315,404,543", "zizhu-chuangxin", IN6 + NOAREA, "人力资源",
     status="existing", positioning="依托人力资源产业园，建立人才服务中心，打造具有全国影响力的人力资源服务基地",
     lead_industries="人力资源服务、职业中介、劳务派遣、培训")
park("fudan-zhuanyi", "复旦大学技术转移产业园", "Fudan University Technology Transfer Industrial Park", "innovation_park",
     rect(3.16, 0.66, 3.56, 1.04, {"nw": 0.04}), "359", "zizhu-chuangxin", IN6 + NOAREA, "复旦",
     status="existing", positioning="依托复旦大学技术转移产业园，促进调湿材料、低温脱硝催化剂等高精尖技术转移项目落地",
     lead_industries="新材料、技术转移")
park("zhizaogu", "沈阳机床·5D智造谷", "Shenyang Machine Tool 5D Smart Manufacturing Valley", "innovation_park",
     rect(3.67, 0.66, 3.87, 1.72, {"ne": 0.05}), "278,539,576", "zizhu-chuangxin",
     IN6 + NOAREA + "Listed among the incubation platforms (003:576); east of S226.", "智造谷",
     status="existing", positioning="支持制造企业入驻沈阳机床·5D智造谷；发挥沈阳5D智造谷优势，建立联合通用平台",
     lead_industries="智能制造、工业云")
park("wulian-gang", "中部物联港", "Central China IoT Port", "innovation_park",
     rect(1.01, 1.31, 1.50, 1.80, {"nw": 0.05}), "374", "zizhu-chuangxin", IN6 + NOAREA, "中部物联港",
     status="planned", positioning="建设新乡智慧谷和中部物联港，打造经开区数字经济特色", lead_industries="物联网、5G应用、数字经济")
park("zhihuigu", "新乡智慧谷", "Xinxiang Smart Valley", "innovation_park",
     rect(1.01, 1.86, 1.50, 2.33, {"ne": 0.06}), "374,576", "zizhu-chuangxin", IN6 + NOAREA, "智慧谷",
     status="planned", positioning="建设新乡智慧谷和中部物联港，打造经开区数字经济特色；产业孵化平台",
     lead_industries="数字经济、5G、物联网")

IN3 = "Inside 新乡创新谷 (cb-chuangxingu): "
park("keji-fuhua", "科技孵化园", "Sci-Tech Incubation Park", "innovation_park",
     rect(1.62, 1.36, 2.45, 1.84, {"sw": 0.05}), "562", "chuangxingu",
     IN3 + "listed with the 创新谷 projects in 专栏4-1. The plan's 73万 m² is building scale, not land area. " + NOAREA,
     "科技孵化园", status="planned",
     positioning="建设规模约73万平方米，建设科技创新中心、产业服务中心、公共配套中心、生态居住区", lead_industries="科技孵化、产业服务")
park("xincailiao", "新材料产业园", "New Materials Industrial Park", "industrial_park",
     [(2.51, 1.35), (3.08, 1.35), (3.50, 1.53), (3.50, 1.84), (2.51, 1.84)], "572", "chuangxingu",
     IN3 + "the plan places it in the 创新谷核心区 (003:572). " + NOAREA, "新材料产业园",
     status="planned", positioning="建设创新谷核心区，建设标准厂房，集中和光科技、润宇科技等一批企业入驻，建设中科院宁波材料所科技成果转化承接基地",
     lead_industries="新材料")
park("xiaoyou-keji", "校友经济科技园", "Alumni-Economy Sci-Tech Park", "innovation_park",
     rect(1.64, 1.90, 2.20, 2.27, {"nw": 0.05}), "566", "chuangxingu",
     IN3 + "listed with the 创新谷 projects in 专栏4-1. 16万 m² is floor area. " + NOAREA, "校友经济科技园",
     status="planned", positioning="建筑规模约16万平方米，建设低密度独栋工业标准厂房、中试车间、仓库车间、科研中心",
     lead_industries="中试、研发、轻型制造")
park("donghua-zhongyuan", "东华大学、中原工学院产业园", "Donghua University and Zhongyuan University of Technology Industrial Park",
     "innovation_park", rect(2.26, 1.90, 2.66, 2.27, {"ne": 0.05}), "574,638", "chuangxingu",
     IN3 + "the national sci-tech innovation base with these universities is to be built on 创新谷 (003:638). " + NOAREA,
     "东华大学", status="planned", positioning="对接东华大学、中原工学院科技成果在经开转化", lead_industries="纺织新材料、科技成果转化")

park("konghou", "箜篌文旅创意产业园", "Konghou Culture-Tourism Creative Park", "service_park",
     rect(0.22, 0.60, 0.88, 0.98, {"ne": 0.08}), "318,434", "huanpingyuanhu",
     "Around 平原湖 per the plan ('围绕平原湖周边大力发展文化休闲娱乐产业，高标准谋划建设箜篌文旅创意产业园', 003:318); "
     "drawn on the south-east lakeshore, east of 经六路. " + NOAREA, "箜篌文旅创意产业园",
     status="planned", positioning="围绕平原湖周边大力发展文化休闲娱乐产业，高标准谋划建设箜篌文旅创意产业园",
     lead_industries="文化旅游、文化创意")
park("xiandai-jinrong", "现代金融业基地（经六路公共服务中心）", "Modern Finance Base (Jingliu Road public service centre)", "service_park",
     [(0.19, -0.30), (0.55, -0.30), (0.55, 0.05), (0.42, 0.13), (0.19, 0.13)], "341,416", "shenghuo-fuwuqu",
     "On the east side of 经六路 (the plan's only hint: 经六路公共服务中心), in the central service band. " + NOAREA,
     "经六路公共服务中心", status="planned", positioning="依托经六路公共服务中心，聚焦现代金融、高端研发类企业，打造现代金融业基地",
     lead_industries="现代金融、高端研发")
park("zongbu-jingji", "总部经济产业园", "Headquarters-Economy Industrial Park", "service_park",
     rect(-1.50, 0.93, -1.05, 1.27, {"sw": 0.05}), "317,564", "gaotiedong",
     "The plan gives no location; drawn in the 高铁东 business centre because the plan pairs 高铁经济 and 总部经济 in "
     "its business-centre text (003:317). 16万 m² is floor area. " + NOAREA, "总部经济",
     status="planned", positioning="建筑规模约16万平方米，建设企业总部大楼、技术研发中心、产品运营中心、会展中心",
     lead_industries="总部经济、研发、会展")

# ---------------------------------------------------------------- small-micro parks
SM = "small-micro-parks"
def sm(fid, zh, en, kind, poly, lines, note, check, park=None, board=None, **kw):
    extra = {}
    if park: extra["park"] = "xxetdz-ip-" + park
    if board: extra["board"] = "xxetdz-cb-" + board
    add(SM, "sm-" + fid, zh, en, kind, "Polygon", poly, lines, note, check, **extra, **kw)

SMN = "The plan uses no '小微企业园'; this is one of the standard-factory or incubation carriers listed in the digest §4. "
sm("lvxian-yitai-liangqi", "绿色纤维专业园一台两器", "Green-fibre park 'one platform, two incubators'", "incubator",
   rect(-1.40, -0.88, -1.15, -0.70, {"ne": 0.03}), "556",
   SMN + "Inside the 河南服装出口基地, as the plan says (003:556). " + NOAREA, "一台两器", park="fuzhuang-chukou",
   status="planned", positioning="在河南服装出口基地，建设绿纤专业园一台两器，引入物流和创新创业项目")
sm("zhineng-2-changfang", "智能制造产业园二期标准化厂房", "Intelligent Manufacturing Park II standard factories", "standard_factory",
   rect(0.26, -0.86, 0.60, -0.68, {"sw": 0.03}), "285",
   SMN + "Inside phase II. 6 buildings (4 single-storey, 2 three-storey); footprint not stated. " + NOAREA, "标准化厂房6幢",
   park="zhineng-zhizao-2", status="planned", positioning="根据企业需要订制标准化厂房6幢，其中1层四幢、3层两幢")
sm("qingxing-qibuqu", "新乡轻型装配产业园标准化厂房起步区", "Light Assembly Park standard-factory start-up area", "standard_factory",
   rect(0.22, -2.58, 0.42, -2.39, {"nw": 0.03}), "295",
   SMN + "One of the park's '二区' (003:295). Inside the light-assembly park. " + NOAREA, "起步区",
   park="qingxing-zhuangpei", status="planned", positioning="产业园规划标准化厂房起步区和规模定制区")
sm("chuangxingu-shuangchuang", "创新谷双创基地（标准化厂房）", "Innovation Valley entrepreneurship base (standard factories)", "standard_factory",
   rect(2.72, 1.90, 3.00, 2.17, {"ne": 0.04}), "560",
   SMN + "Inside 新乡创新谷, as its name says. " + NOAREA, "创新谷双创基地", board="chuangxingu",
   status="planned", positioning="重点推动“四个一批”项目和标准化厂房建设，引入科研类机构和研发类项目")
sm("xiaoyou-changfang", "校友经济科技园低密度独栋工业标准厂房", "Alumni park low-density detached standard factories", "standard_factory",
   rect(1.72, 1.95, 2.05, 2.20, {"se": 0.03}), "566", SMN + "Inside the alumni-economy park. " + NOAREA, "标准厂房",
   park="xiaoyou-keji", status="planned", positioning="建设低密度独栋工业标准厂房、中试车间、仓库车间")
sm("xincailiao-changfang", "新材料产业园标准厂房", "New Materials Park standard factories", "standard_factory",
   rect(2.60, 1.42, 2.95, 1.70, {"nw": 0.04}), "572", SMN + "Inside the new-materials park. " + NOAREA, "标准厂房",
   park="xincailiao", status="planned", positioning="建设标准厂房，集中和光科技、润宇科技等一批企业入驻")
sm("xuni-daxue", "虚拟大学", "Virtual University", "incubator",
   rect(3.06, 1.90, 3.22, 2.04, {"ne": 0.03}), "568",
   SMN + "Listed with the 创新谷 projects in 专栏4-1; placed in 新乡创新谷. 4万 m² is building scale. " + NOAREA, "虚拟大学",
   board="chuangxingu", status="planned", positioning="建设虚拟图书馆、实验室、多媒体中心、会议中心、产学研基地、项目孵化器、技术转移中心")
IN6s = SMN + NOLOC + "the independent-innovation leading zone, the plan's incubation district (003:404). " + NOAREA
sm("qidi-shuangchuang", "启迪双创孵化产业园", "TusStar Entrepreneurship Incubation Park", "incubator",
   rect(1.60, 1.10, 2.00, 1.24, {"sw": 0.03}), "722", IN6s, "启迪", board="zizhu-chuangxin",
   status="existing", positioning="为初创企业提供全生命周期的科技和金融服务链条")
sm("gaoxin-chuangye-zhongxin", "区高新技术创业服务中心", "Zone High-tech Entrepreneurship Service Centre (national incubator)", "incubator",
   rect(2.15, 1.14, 2.55, 1.24, {"se": 0.03}), "37", IN6s, "创业服务中心", board="zizhu-chuangxin",
   status="existing", positioning="晋级为新乡市第一家专业型国家级科技企业孵化器")
sm("zhongguancun-egu", "中关村e谷（新乡）创想基地", "Zhongguancun e-Valley (Xinxiang) creative base", "incubator",
   rect(2.68, 1.08, 3.06, 1.22, {"nw": 0.03}), "37,576", IN6s, "中关村", board="zizhu-chuangxin",
   status="existing", positioning="被认定为省级科技企业孵化器")
sm("huojuyuan", "火炬园孵化器", "Torch Park Incubator", "incubator",
   rect(3.20, 1.10, 3.50, 1.22, {"ne": 0.03}), "418", IN6s, "火炬园", board="zizhu-chuangxin",
   status="existing", positioning="依托火炬园孵化器、智能制造产业园综合楼，探索创建技术中介服务业基地")

# ---------------------------------------------------------------- infrastructure
INF = "infrastructure"
def inf(fid, zh, en, kind, gtype, coords, lines, note, check, **kw):
    add(INF, "inf-" + fid, zh, en, kind, gtype, coords, lines, note, check, **kw)

GRID = "Positions follow the schematic 经/纬 road grid (经 = N-S, 纬 = E-W, an interpretation). "
inf("kelong-dadao", "科隆大道（经三路—S226）", "Kelong Avenue (Jingsan Road to S226)", "road", "LineString",
    [(-1.50, -2.70), (3.627, -2.70)], "492,420", GRID + "Straight E-W segment from 经三路 to S226, drawn to the stated length; "
    "S226 is placed where this length ends.", "科隆大道", length_km=5.127, status="planned",
    positioning="路线全长5127m，道路红线宽度为80m；中心城区五条道路之一，与经开区主干道全面贯通，加快打通")
inf("jingliu-lu", "经六路（纬二路—科隆大道）", "Jingliu Road (Weier Road to Kelong Avenue)", "road", "LineString",
    [(0.15, 1.75), (0.15, -2.70)], "492", GRID + "Passes the east shore of 平原湖.", "经六路", status="planned")
inf("jingyi-lu", "经一路（科隆大道—新长线）", "Jingyi Road (Kelong Avenue to Xinchang Road)", "road", "LineString",
    [(-2.60, -2.70), (-2.60, -1.35)], "492", GRID, "经一路", status="planned")
inf("zhiqi-lu", "支七路（经一路—经三路）", "Zhiqi Road (Jingyi to Jingsan Road)", "road", "LineString",
    [(-2.60, -2.015), (-1.50, -2.015)], "492", GRID + "Branch road; drawn E-W between the two N-S roads it links.", "支七路", status="planned")
inf("zhiba-lu", "支八路（经一路—经三路）", "Zhiba Road (Jingyi to Jingsan Road)", "road", "LineString",
    [(-2.60, -2.35), (-1.50, -2.35)], "492", GRID + "Branch road; drawn E-W between the two N-S roads it links.", "支八路", status="planned")
inf("guihua-yilu", "规划一路（经五路—经六路）", "Planned Road No. 1 (Jingwu to Jingliu Road)", "road", "LineString",
    [(-0.40, 0.20), (0.15, 0.20)], "492", GRID + "Latitude not given; placed in the central service band.", "规划一路", status="planned")
inf("jingsan-lu-nanyan", "经三路南延（对接郑新快速路）", "Jingsan Road south extension to the Zhengzhou-Xinxiang expressway", "road", "LineString",
    [(-1.50, -2.70), (-1.50, -3.29), (-1.70, -4.60)], "420",
    GRID + "South from 科隆大道; the junction with 郑新快速路 is not located in the plan, so the south end is schematic. "
    "zhengzhou-city.geojson ends its 郑新快速通道 (zhengzhou-road-zhengxin-express) exactly at this south end.",
    "经三路南延", status="planned")
inf("pingyuan-lu-datong", "平原路（打通段）", "Pingyuan Road (through-connection)", "road", "LineString",
    [(-3.35, 1.33), (-0.95, 1.33)], "420",
    "平原路 is a central-city road to be opened through to the zone ('加快打通平原路'). Drawn from G107 east past the "
    "high-speed-rail station to 经四路 [interpretation]; the segment to be opened is not stated.", "平原路", status="planned")
# river and bridges
RIVER = [(-0.86, 2.75), (-0.82, 2.00), (-0.80, 1.30), (-0.82, 0.85), (-0.98, 0.45), (-1.55, -0.05),
         (-2.05, -0.50), (-2.05, -2.72), (-2.30, -3.50)]
inf("dashahe", "大沙河（休闲廊道、生态修复）", "Dasha River (leisure corridor, restoration)", "green", "LineString",
    RIVER, "434,442,706",
    "The river's course is not given. It is drawn so that it crosses the five roads with planned 大沙河 bridges "
    "(支六/支七/支八路 between 经一路 and 经三路, 经四路, 纬四路; 003:492) and passes west of 平原湖 (water-system link, 003:442).",
    "大沙河", status="planned", positioning="大沙河休闲廊道；保障大沙河生态流量，打造生态水系；黑臭水体已整治")
def cross_x(xr):   # river point at given x (first crossing)
    for (x1, y1), (x2, y2) in zip(RIVER, RIVER[1:]):
        if (x1 - xr) * (x2 - xr) <= 0 and x1 != x2:
            t = (xr - x1) / (x2 - x1); return (xr, y1 + t * (y2 - y1))
def cross_y(yr):
    for (x1, y1), (x2, y2) in zip(RIVER, RIVER[1:]):
        if (y1 - yr) * (y2 - yr) <= 0 and y1 != y2:
            t = (yr - y1) / (y2 - y1); return (x1 + t * (x2 - x1), yr)
BR = "At the crossing of the schematic river line with the road. The text says 4 bridges (003:480), the project column lists 5 (003:492); all 5 are drawn. "
for fid, zh, en, pt in (("zhiba", "支八路大沙河桥", "Zhiba Road Dasha River bridge", cross_y(-2.35)),
                        ("zhiqi", "支七路大沙河桥", "Zhiqi Road Dasha River bridge", cross_y(-2.015)),
                        ("jingsi", "经四路大沙河桥", "Jingsi Road Dasha River bridge", cross_x(-0.95)),
                        ("weisi", "纬四路大沙河桥", "Weisi Road Dasha River bridge", cross_y(0.85)),
                        ("zhiliu", "支六路大沙河桥", "Zhiliu Road Dasha River bridge", cross_y(-1.70))):
    inf("bridge-" + fid, zh, en, "bridge", "Point", pt, "492", BR + ("支六路's latitude is assumed (-1.70 km)." if fid == "zhiliu" else ""),
        zh, status="planned")
# rail, freight, logistics
inf("tapu-zhan", "塔铺站改造扩容（智能公路港、新乡集装箱中心站）", "Tapu station upgrade (smart highway port, Xinxiang container hub)",
    "freight_yard", "Point", (2.00, -3.25), "345,430,597",
    "塔铺站's position is not given; drawn on the southern edge beside the road-rail logistics park. No area stated, so a point.",
    "塔铺站", status="planned", positioning="依托塔铺站现有基础，新增4条到发线，配套建设仓储和集装箱堆场区，打造新乡集装箱中心站")
YARD = rect_area(-0.30, -2.68, 0.13, 300 * MU, {"nw": 0.05})
inf("jizhuangxiang-changzhan", "新乡国际集装箱场站", "Xinxiang International Container Yard", "freight_yard", "Polygon",
    YARD, "347", "North-west corner of 经六路 × 科隆大道 as the plan says; area from the plan: 300 亩 = 0.200 km².",
    "经六路与科隆大道交叉口西北角", planned_area_km2=round(300 * MU, 4), investment_yi=1.2, status="planned",
    positioning="利用新购的300亩土地，建设仓库5万平方米、堆场15万平方米、办公楼2000平方米")
MM = rect(3.66, -3.39, 3.66 + (2000 * MU + 0.15 ** 2 / 2) / 1.09, -2.30, {"ne": 0.15})   # height 1.09 km, width solved
inf("duoshi-lianyun-2", "新乡多式联运物流场站（二期）", "Xinxiang Multimodal Logistics Yard, phase II", "logistics_hub", "Polygon",
    MM, "349", "North-east corner of S226 × the local railway siding, as the plan says; S226 and the siding are schematic. "
    "Area from the plan: 2000 亩 = 1.333 km².", "省道 226", planned_area_km2=round(2000 * MU, 4), investment_yi=10, status="planned",
    positioning="新购2000亩土地，建设多式联运物流场站，包含1050米铁路线、仓库、堆场、办公楼，用于国际班列、国内干线运输")
inf("duoshi-lianyun-2-tielu", "新乡多式联运物流场站（二期）铁路线", "Multimodal yard phase II rail track", "rail_line", "LineString",
    [(3.72, -3.32), (4.77, -3.32)], "349", "Inside the multimodal yard, drawn to the stated 1050 m.", "1050",
    length_km=1.05, status="planned")
inf("gaotie-zhan", "高铁站（新乡东站）", "High-speed-rail station (Xinxiang East)", "rail_station", "Point",
    (-2.62, 1.33), "414,587",
    "The plan says only 高铁站 / 高铁东. Taken to be Xinxiang East station on the Beijing-Guangzhou HSR [interpretation], "
    "east of G107 and at the east end of 平原路 (external page, see digest §9.2); on the zone's western edge.",
    "高铁", status="existing", period=None)
# utilities
inf("guanlang-jingliu", "地下综合管廊（经六路及附属工程）", "Utility tunnel (Jingliu Road)", "public_facility", "LineString",
    [(0.15, -0.40), (0.15, 0.6083)], "486,494", GRID + "Along 经六路; which 1008.3 m stretch is not stated, drawn beside the 经六路公共服务中心.",
    "管廊", length_km=1.0083, status="planned")
inf("laji-zhongzhuan", "垃圾中转站（经九路）", "Refuse transfer station (Jingjiu Road)", "public_facility", "Point",
    (1.80, 0.26), "484,496", GRID + "On 经九路; the position along the road is not stated. Floor area 476.06 m².", "垃圾中转站", status="planned")
inf("gongce-xinchang-jingliu", "公厕（新长北线与经六路东北角）", "Public toilet (NE corner of Xinchang North Rd x Jingliu Rd)",
    "public_facility", "Point", (0.18, -1.32), "496", GRID + "At the stated corner.", "新长北线与经六路东北角", status="planned")
inf("gongce-weiliu-jingshi", "公厕（纬六路与经十路东北角）", "Public toilet (NE corner of Weiliu Rd x Jingshi Rd)",
    "public_facility", "Point", (2.38, 0.00), "496", GRID + "At the stated corner.", "纬六路与经十路东北角", status="planned")
inf("gongce-weiqi-jingwu", "公厕（纬七路与经五路西南角）", "Public toilet (SW corner of Weiqi Rd x Jingwu Rd)",
    "public_facility", "Point", (-0.43, -0.53), "496", GRID + "At the stated corner.", "纬七路与经五路西南角", status="planned")
inf("pentu-zhongxin", "经开区集中喷涂中心", "ETDZ centralised spraying centre", "public_facility", "Point",
    (0.33, -1.14), "281", "The plan links it to the 装备制造产业园's gaps (003:281); drawn inside that park. Exact site not given.",
    "集中喷涂中心", status="planned")
inf("diandu-zhongxin", "经开区电镀中心", "ETDZ electroplating centre", "public_facility", "Point",
    (0.52, -1.14), "281", "The plan links it to the 装备制造产业园's gaps (003:281); drawn inside that park. Exact site not given.",
    "电镀中心", status="planned")
# water and green
def blob(cx, cy, a, b, area, wob=(0.00, 0.05, -0.04, 0.03, 0.06, -0.03, 0.04, -0.05, 0.02, 0.05)):
    n = len(wob)
    pts = [(cx + a * (1 + wob[i]) * math.cos(2 * math.pi * i / n), cy + b * (1 + wob[i]) * math.sin(2 * math.pi * i / n)) for i in range(n)]
    k = math.sqrt(area / area_xy(pts))
    return [(cx + (x - cx) * k, cy + (y - cy) * k) for x, y in pts]
LAKE = blob(-0.30, 1.28, 0.39, 0.68, 1300 * MU)
inf("pingyuanhu", "平原湖（李胡寨引黄调蓄工程生态水域）", "Pingyuan Lake (Lihuzhai Yellow River diversion impounding works)", "green", "Polygon",
    LAKE, "43,440,706",
    "Core of the 环平原湖 district. Area from the plan: 1300 亩 of ecological water = 0.867 km². Shape and position are schematic. "
    "纬 roads are taken to end at the lake.", "1300", planned_area_km2=round(1300 * MU, 4), status="existing",
    positioning="依托“李胡寨引黄调蓄工程”，打造1300亩生态水域；以湖聚城，打造生态休闲空间")
inf("pingyuanhu-lvhua-2", "平原湖二期绿化", "Pingyuan Lake phase II greening", "green", "LineString",
    [(-0.30 + 0.44 * math.cos(2 * math.pi * i / 12), 1.28 + 0.74 * math.sin(2 * math.pi * i / 12)) for i in range(13)],
    "452", "A ring around the lake shore; extent not stated.", "平原湖二期绿化", status="planned")
inf("pingyuanhu-gongyuan", "平原湖主题公园", "Pingyuan Lake Theme Park", "green", "Point", (-0.62, 0.72), "448,456",
    "On the lake's south-west shore; the plan says only '依托经开区平原湖'. No area stated.", "平原湖主题公园", status="planned")
GREENPARK = rect_area(-0.11, -1.33, 0.13, 76.1 * MU, {"nw": 0.03})
inf("lvdi-gongyuan", "绿地公园", "Green Park (north of Xinchang North Rd, west of Jingliu Rd)", "green", "Polygon",
    GREENPARK, "456", "North of 新长北线 and west of 经六路 as the plan says. Area from the plan: 76.1 亩 = 0.0507 km² (green area 3.3万 m²).",
    "76.1", planned_area_km2=round(76.1 * MU, 4), status="planned",
    positioning="位于新长北线以北，经六路以西，占地76.1亩，绿化面积3.3万平方米")
inf("lvhua-jingba", "经八路绿化（纬八路—新长北线）", "Jingba Road greening (Weiba Rd to Xinchang North Rd)", "green", "LineString",
    [(1.25, -0.95), (1.25, -1.36)], "452", GRID, "经八路(纬八路-新长北线)", status="planned")
XCB = [(-2.95, -1.35), (1.24, -1.36), (XC - 0.07, YB - 0.025), (2.90, YB - 0.025)]
inf("lvhua-xinchangbeixian", "新长北线花坛（张林路口—经十一路）", "Xinchang North Road flower beds (Zhanglin junction to Jingshiyi Rd)",
    "green", "LineString", XCB, "452,704",
    GRID + "新长北线 runs E-W at the south edge of the 纬 grid and bends south-east past 经八路 toward Changyuan, skirting the bonded zone. "
    "张林路口 is not located; taken as the road's entry on the zone's west edge.", "张林路口", status="planned")
inf("lvhua-weiqi", "纬七路绿化（经三路—经八路）", "Weiqi Road greening (Jingsan to Jingba Rd)", "green", "LineString",
    [(-1.50, -0.50), (1.25, -0.50)], "452", GRID, "纬七路(经三路-经八路)", status="planned")
inf("nanfenganqu", "南分干渠（水系连通工程）", "Nanfen main canal (water-system connection)", "green", "LineString",
    [(-3.20, -3.00), (-1.50, -3.03), (0.66, -3.00), (0.72, -3.50)], "442,470",
    "Course not given; drawn along the southern edge after its name (南分 = southern branch) [interpretation]; axis of the agriculture belt.",
    "南分干渠", status="planned", positioning="以大沙河、东三干渠、南分干渠、人工渠和平原湖为主干，构筑河湖渠景观水系连通工程")
# public facilities
inf("fuzhong-pingyuanhu", "河南师范大学附属中学平原湖分校", "Henan Normal University Affiliated School, Pingyuan Lake campus", "school", "Point",
    (0.40, 1.60), "424,742", "By 平原湖, after its name; site 38303.18 m² (57.45 亩) stated but position not, so a point.",
    "平原湖分校", status="under_construction", positioning="九级36个班，学生1710人，建设用地面积38303.18㎡（合57.45亩）")
inf("chuangxingu-xiaoxue", "创新谷小学", "Innovation Valley Primary School", "school", "Point", (2.69, 1.87), "744",
    "Inside 新乡创新谷 (it serves the valley's talent families, 003:744); site 54 亩 stated, position not, so a point.",
    "创新谷小学", status="planned", positioning="占地面积54亩，总建筑面积29000平方米，总投资约9000万，主要为创新谷内人才子弟提供教育服务")
inf("jingsi-lu-xiaoxue", "经四路小学", "Jingsi Road Primary School", "school", "Point", (-0.93, 0.05), "45",
    GRID + "On 经四路, after its name; built in the 13th FYP.", "经四路小学", status="existing", period=None)
inf("konghou-zhongxin", "箜篌文化国家交流中心", "Konghou Culture National Exchange Centre", "public_facility", "Point",
    (0.07, 1.78), "780", "On the lakeshore ('在平原湖畔选址', 003:780), north-east shore west of 经六路.",
    "平原湖畔", investment_yi=5, status="planned",
    positioning="建设箜篌博物馆、演艺交流中心、箜篌学院等，打造“世界箜篌文化产业之都”")
inf("zhuanjia-gongyu", "创新创业专家公寓", "Innovation and Entrepreneurship Expert Apartments", "public_facility", "Point",
    (3.38, 1.98), "812", "For the talent of 创新谷 projects; placed inside 新乡创新谷. 38万 m² is floor area.",
    "专家公寓", status="planned", positioning="为入驻创新谷项目的人才、专家提供住房保障，建筑面积约38万平方米")
inf("haiguan-dalou", "海关大楼（海关大厦）", "Customs Building", "public_facility", "Point", (-1.70, 1.62), "428,634",
    "Centre of the 高铁东 business centre by the plan's definition ('以海关大楼为中心', 003:428).", "海关大楼", status="existing", period=None,
    positioning="规划以海关大楼为中心的高铁东商务中心；依托海关大厦、国际陆港大厦等打造外贸公共服务平台")

if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "..", "plan", "xxetdz.geojson")
    feats = []
    for f in FEATURES:
        f = dict(f); f.pop("_check")
        feats.append(f)
    fc = {"type": "FeatureCollection", "features": feats}   # CGCS2000 lon/lat, see geodata/README.md
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(fc, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    print("wrote", os.path.normpath(out), len(feats), "features; D8 bottom y =", round(YB, 4))
