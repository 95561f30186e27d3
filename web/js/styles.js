// How each layer looks, and the legend entries that say so.

/*
 * Land-use colours: the colour each class of 《国土空间调查、规划、用途管制用地用海分类指南》
 * (自然资源部, 2023) is drawn with on plan maps, from the national drawing rules for territorial
 * spatial plans (《市级国土空间总体规划制图规范（试行）》, 附录B 用地用海分类配色, RGB values).
 * Checked against a public repository that transcribes that appendix (e.g. 工业用地 RGB 187,150,116,
 * 物流仓储用地 135,97,211, 商业服务业用地 255,0,0, 科研用地 230,0,92, 公用设施用地 0,99,128); the
 * standard's PDF itself could not be fetched from here. The appendix gives one colour per class or
 * second-level class; third-level classes (100101 一类工业用地 ...) take their parent's colour, so
 * 一/二/三类工业用地 read alike as industrial land, as on the official maps.
 */
const LAND_USE_RGB = {
  '01': [245, 248, 220], // 耕地
  '02': [191, 233, 170], // 园地
  '03': [104, 177, 103], // 林地
  '04': [205, 245, 122], // 草地
  '05': [101, 205, 170], // 湿地
  '06': [216, 215, 159], // 农业设施建设用地
  '07': [255, 255, 45], // 居住用地
  '0701': [255, 255, 45], // 城镇住宅用地
  '0703': [255, 211, 128], // 农村宅基地
  '08': [255, 0, 255], // 公共管理与公共服务用地
  '0801': [255, 0, 255], // 机关团体用地
  '0802': [230, 0, 92], // 科研用地
  '0803': [255, 127, 0], // 文化用地
  '0804': [255, 133, 201], // 教育用地
  '0805': [0, 165, 124], // 体育用地
  '0806': [255, 127, 126], // 医疗卫生用地
  '0807': [255, 159, 127], // 社会福利用地
  '09': [255, 0, 0], // 商业服务业用地
  '10': [187, 150, 116], // 工矿用地
  '1001': [187, 150, 116], // 工业用地
  '1002': [158, 108, 84], // 采矿用地
  '1003': [0, 0, 255], // 盐田
  '11': [135, 97, 211], // 仓储用地
  '1101': [135, 97, 211], // 物流仓储用地
  '1102': [153, 153, 255], // 储备库用地
  '12': [183, 183, 183], // 交通运输用地
  '1202': [173, 173, 173], // 公路用地
  '1205': [153, 153, 153], // 管道运输用地
  '1207': [163, 163, 163], // 城镇村道路用地
  '13': [0, 99, 128], // 公用设施用地
  '14': [0, 255, 0], // 绿地与开敞空间用地
  '1401': [0, 255, 0], // 公园绿地
  '1402': [20, 141, 74], // 防护绿地
  '1403': [172, 255, 207], // 广场用地
  '15': [133, 145, 86], // 特殊用地
  '16': [255, 255, 255], // 留白用地
  '17': [51, 142, 192], // 陆地水域
  '23': [238, 238, 238], // 其他土地
};

// the class names the legend shows for a colour key (the parcels carry their own full names)
const LAND_USE_CLASS = {
  '1001': ['工业用地', 'Industrial'],
  '1101': ['物流仓储用地', 'Logistics & warehousing'],
  '1102': ['储备库用地', 'Strategic reserve storage'],
  '0802': ['科研用地', 'Research'],
  '09': ['商业服务业用地', 'Commercial & business'],
  '13': ['公用设施用地', 'Utilities'],
  '07': ['居住用地', 'Residential'],
  '0804': ['教育用地', 'Education'],
  '14': ['绿地与开敞空间用地', 'Green & open space'],
  '12': ['交通运输用地', 'Transport'],
};

// English names of the codes the demo uses (the parcels carry the Chinese name of the standard)
const LAND_USE_EN = {
  '100101': 'Class-1 industrial', '100102': 'Class-2 industrial', '100103': 'Class-3 industrial',
  '110101': 'Class-1 logistics & warehousing', '110102': 'Class-2 logistics & warehousing',
  '1101': 'Logistics & warehousing', '1102': 'Strategic reserve storage', '0801': 'Government & public bodies',
  '0802': 'Research', '0803': 'Culture', '0804': 'Education', '0805': 'Sports', '0806': 'Health care',
  '0807': 'Social welfare', '0901': 'Commercial', '0902': 'Business & finance', '0903': 'Entertainment & fitness',
  '1301': 'Water supply', '1302': 'Drainage', '1303': 'Power supply', '1304': 'Gas supply', '1305': 'Heating',
  '1306': 'Telecommunications', '1401': 'Parks', '1402': 'Protective green', '1403': 'Squares',
};

/** A land-use class name in the current language: the parcel's own Chinese name, or English by code. */
export function landUseName(code, nameZh, lang) {
  if (lang !== 'en') return nameZh || code;
  const c = String(code || '');
  if (LAND_USE_EN[c]) return LAND_USE_EN[c];
  const k = landUseKey(c);
  const cls = k && LAND_USE_CLASS[k];
  return cls ? cls[1] : nameZh || c;
}

/**
 * A parcel's land-use name: its own Chinese name where it carries one (GeoJSON), else (a parcel
 * from a vector tile carries only the code) the name of the code's class in the current language.
 */
export function landUseLabel(code, nameZh, lang) {
  if (nameZh || lang === 'en') return landUseName(code, nameZh, lang);
  const k = landUseKey(code);
  return (k && landUseClassName(k, lang)) || String(code || '');
}

const UNKNOWN_RGB = [154, 160, 166];

function hex(rgb) {
  return '#' + rgb.map((n) => n.toString(16).padStart(2, '0')).join('');
}

/** The colour key of a land-use code: itself, else its 4-digit class, else its 2-digit class. */
export function landUseKey(code) {
  const c = String(code || '');
  if (LAND_USE_RGB[c]) return c;
  if (c.length > 4 && LAND_USE_RGB[c.slice(0, 4)]) return c.slice(0, 4);
  if (LAND_USE_RGB[c.slice(0, 2)]) return c.slice(0, 2);
  return null;
}

export function landUseColor(code) {
  const k = landUseKey(code);
  return hex(k ? LAND_USE_RGB[k] : UNKNOWN_RGB);
}

/** Legend name of a colour key, or null when the caller should use the parcel's own name. */
export function landUseClassName(key, lang) {
  const n = LAND_USE_CLASS[key];
  return n ? n[lang === 'en' ? 1 : 0] : null;
}

// Parcel status colours: the land officer's traffic light (green used, amber under way, red
// problem land of the "五类低效用地", blue land an investor can get now).
export const STATUS_COLORS = {
  available: '#1e88e5',
  approved_not_supplied: '#90a4ae',
  supplied_not_used: '#e53935',
  under_construction: '#ffb300',
  partly_used: '#c0ca33',
  built_not_producing: '#fb8c00',
  in_use: '#43a047',
  idle: '#8e0000',
};

// Infrastructure categories: which kinds each groups, and its colour.
export const INFRA_CATEGORIES = [
  { key: 'infra-metro', color: '#d81b60', kinds: ['metro_line', 'metro_station'] },
  { key: 'infra-rail', color: '#37474f', kinds: ['rail_line', 'rail_station', 'freight_yard'] },
  { key: 'infra-roads', color: '#ef8f00', kinds: ['expressway', 'interchange', 'road', 'bridge'] },
  { key: 'infra-logistics', color: '#6a1b9a', kinds: ['logistics_hub', 'land_port', 'airport'] },
  { key: 'infra-utilities', color: '#00838f', kinds: ['substation', 'power_plant', 'water_plant', 'sewage_plant', 'gas', 'heating', 'digital'] },
  { key: 'infra-public', color: '#c2185b', kinds: ['school', 'hospital', 'public_facility', 'green'] },
];

export function infraCategory(kind) {
  for (const c of INFRA_CATEGORIES) {
    if (c.kinds.includes(kind)) return c;
  }
  return INFRA_CATEGORIES[INFRA_CATEGORIES.length - 1];
}

export const PLAN_STYLES = {
  zones: { color: '#263238', weight: 2.5, dashArray: '10 5', fillColor: '#b0bec5', fillOpacity: 0.04 },
  'core-boards': { color: '#1565c0', weight: 2, fillColor: '#64b5f6', fillOpacity: 0.1 },
  'industrial-parks': { color: '#d84315', weight: 1.6, fillColor: '#ffab40', fillOpacity: 0.25 },
  'small-micro-parks': { color: '#6a1b9a', weight: 1.6, dashArray: '4 3', fillColor: '#ce93d8', fillOpacity: 0.35 },
};

/** Style of an infrastructure feature: lines by kind (rail dashed, expressways wide), areas light. */
export function infraStyle(kind, geomType) {
  const c = infraCategory(kind);
  const s = { color: c.color, weight: 3, opacity: 0.9, fillColor: c.color, fillOpacity: 0.18 };
  if (kind === 'green') {
    s.color = '#2e7d32';
    s.fillColor = '#66bb6a';
    s.fillOpacity = 0.3;
  }
  if (kind === 'expressway') s.weight = 5;
  if (kind === 'rail_line') {
    s.dashArray = '12 6';
    s.weight = 3.5;
  }
  if (kind === 'metro_line') s.weight = 4;
  if (geomType && geomType.indexOf('Polygon') >= 0) s.weight = 1.5;
  return s;
}

export function parcelStyle(props, colorBy) {
  const fill = colorBy === 'status'
    ? STATUS_COLORS[props.status] || hex(UNKNOWN_RGB)
    : landUseColor(props.land_use_code);
  return { color: '#ffffff', weight: 0.7, opacity: 0.9, fillColor: fill, fillOpacity: 0.82 };
}

export const ENTERPRISE_STYLE = { radius: 4, color: '#ffffff', weight: 1, fillColor: '#0d47a1', fillOpacity: 0.9 };

export const SELECTION_STYLES = [
  { color: '#00363f', weight: 8, opacity: 0.45, fill: false, interactive: false },
  { color: '#00e5ff', weight: 3.5, opacity: 1, fill: false, interactive: false },
];

let hatch = null;

/**
 * A small canvas of diagonal lines, repeated as a fill pattern over a parcel whose figures are
 * withheld (fewer than 3 firms): a plain grey there would read as 无数据 (no data).
 */
export function hatchCanvas() {
  if (!hatch) {
    hatch = document.createElement('canvas');
    hatch.width = 6;
    hatch.height = 6;
    const c = hatch.getContext('2d');
    c.strokeStyle = '#546e7a';
    c.lineWidth = 1.2;
    c.beginPath();
    c.moveTo(-1, 7);
    c.lineTo(7, -1);
    c.moveTo(-1, 1);
    c.lineTo(1, -1);
    c.moveTo(5, 7);
    c.lineTo(7, 5);
    c.stroke();
  }
  return hatch;
}
