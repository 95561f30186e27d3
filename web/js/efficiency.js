// 亩均效益 (land use per mu) panel: indicators and classes per parcel and per park on the map,
// a legend, ranking tables, plan targets, the low-efficiency land layer, CSV/Excel exports and,
// for land officers, what-if weights. Everything goes through window.ZA (see js/app.js):
// parcels (drawn from vector tiles) are recoloured by id with ZA.setParcelStyle, low-efficiency
// land is outlined on them by id (ZA.parcelMarks, listed as an overlay), parks are an overlay.
// Numbers come from /api/efficiency/*, which withholds per-enterprise figures from roles that
// may not see them; this page only shows what the server sends.

import { lineChart, classBars } from './efficiency-charts.js';
import { downloadName } from './api.js';

const ZA = window.ZA;

ZA.i18n.add({
  zh: {
    'eff.title': '亩均效益',
    'eff.synthetic': '示例数据为合成数据，非真实企业。',
    'eff.year': '年度',
    'eff.scheme': '评价方案',
    'eff.zone': '开发区',
    'eff.zone.all': '全部',
    'eff.show': '显示指标',
    'eff.class': '分类等级',
    'eff.unit': '面积单位',
    'eff.unit.mu': '亩',
    'eff.unit.ha': '公顷',
    'eff.level': '排名层级',
    'eff.map': '地图',
    'eff.map.parcels': '地块着色',
    'eff.map.groups': '园区/板块着色',
    'eff.map.low': '低效用地图层',
    'eff.legend': '图例',
    'eff.nodata': '无数据',
    'eff.withheld': '不足{n}家企业，已隐去',
    'eff.rank': '排名',
    'eff.name': '名称',
    'eff.value': '数值',
    'eff.enterprises': '企业数',
    'eff.more': '显示全部 {n} 行',
    'eff.less': '只显示前 {n} 行',
    'eff.export': '导出',
    'eff.export.table': '排名表',
    'eff.export.low': '低效用地清单',
    'eff.export.classes': '分类结果',
    'eff.export.targets': '目标对照',
    'eff.targets': '规划目标对照',
    'eff.target': '目标',
    'eff.actual': '实际',
    'eff.source': '出处',
    'eff.outcome.met': '达标',
    'eff.outcome.not_met': '未达标',
    'eff.outcome.no_data': '无数据',
    'eff.outcome.no_target': '无量化目标',
    'eff.outcome.suppressed': '已隐去',
    'eff.low': '低效用地（再开发候选）',
    'eff.low.summary': '{n} 宗，合计 {a} {u}',
    'eff.low.withheld': '依据企业数据的原因（未达标、低效企业）仅向国土管理人员显示。',
    'eff.classes': '分类结果',
    'eff.classes.withheld': '企业分类属保密信息，登录后（国土管理人员）可见逐企业结果。',
    'eff.whatif': '权重模拟（不影响正式结果）',
    'eff.whatif.note': '调整权重后点击“运行模拟”；权重为 0–100 的整数，合计须为 100 分。仅本次查看，正式结果不变。',
    'eff.whatif.reset': '恢复方案权重',
    'eff.whatif.cap': '单项封顶倍数',
    'eff.whatif.total': '权重合计 {n} 分',
    'eff.whatif.total.bad': '权重合计 {n} 分：须为 100 分（各项为 0–100 的整数）才能运行模拟',
    'eff.whatif.auto': '调整一项时其余各项按比例自动调整，合计保持 100 分',
    'eff.whatif.run': '运行模拟',
    'eff.whatif.compare': '模拟分类与正式（已发布）分类对比',
    'eff.whatif.moves': '升级 {u} 家 · 降级 {d} 家 · 不变 {s} 家',
    'eff.whatif.matrix': '分类变化（行：正式，列：模拟）',
    'eff.whatif.movers': '分类变化的企业',
    'eff.whatif.firm': '企业',
    'eff.whatif.none': '没有企业改变分类。',
    'eff.whatif.more': '显示全部 {n} 家',
    'eff.whatif.class': '{c}类',
    'eff.whatif.zone': '调整范围',
    'eff.whatif.up': '升级',
    'eff.whatif.down': '降级',
    'eff.whatif.official': '正式',
    'eff.whatif.sim': '模拟',
    'eff.whatif.on': '地图正显示模拟分类',
    'eff.error': '加载失败：{m}',
    'eff.loading': '计算中…',
    'eff.needlogin': '逐企业数据需以国土管理人员或管理员身份登录。',
    'eff.level.enterprise': '企业',
    'eff.level.parcel': '地块',
    'eff.level.small-micro-park': '小微企业园',
    'eff.level.industrial-park': '产业园区',
    'eff.level.core-board': '核心板块',
    'eff.level.zone': '开发区',
    'eff.parcels.zoom': '地块在放大到 {z} 级后显示。',
    'eff.whatif.off': '勾选“地块着色”并显示“分类等级”，即可在地图上查看模拟分类。',
    'eff.reason.approved_not_supplied': '批而未供',
    'eff.reason.supplied_not_used': '供而未用',
    'eff.reason.idle': '闲置',
    'eff.reason.partly_used': '用而未尽',
    'eff.reason.built_not_producing': '建而未投',
    'eff.reason.below_standard': '投而未达标',
    'eff.reason.low_class': '低效企业用地',
    'eff.reason.far_below_min': '容积率低于控制指标',
    'eff.reason.coverage_below_min': '建筑系数低于控制指标',
    'eff.trend': '历年趋势',
    'eff.policy': '政策名单与年度报告',
    'eff.policy.prices': '差别化价格名单（电、水、气、排污）',
    'eff.policy.leaders': '领跑企业名单',
    'eff.policy.watch': '重点帮扶整治名单',
    'eff.policy.lowland': '低效用地清单（按类别）',
    'eff.policy.report': '年度评价报告',
    'eff.policy.report.zone': '选择开发区后可下载该区的年度评价报告。',
    'eff.trend.level': '趋势范围',
    'eff.trend.top': '显示最新年度数值最高的 {k} 个（共 {n} 个）',
    'eff.trend.none': '暂无可显示的趋势。',
    'eff.classchart': '分类分布',
    'eff.low.all': '显示全部 {n} 宗',
    'eff.low.fewer': '收起',
    'eff.low.where': '位置',
    'eff.low.category': '类别',
    'eff.low.found': '情形',
    'eff.low.area': '面积（{u}）',
    'eff.low.count': '{n} 宗，{a} {u}',
    'eff.lowcat.approved': '批而未供',
    'eff.lowcat.supplied': '供而未用',
    'eff.lowcat.partly': '用而未尽',
    'eff.lowcat.built': '建而未投',
    'eff.lowcat.below': '投而未达标',
    'eff.lowcat.other': '其他低效情形',
    'eff.lowcat.note.approved': '已批准建设、尚未供应的土地，属政府待供应土地，不是用地单位已取得而未使用的土地，单列统计',
    'eff.lowcat.note.supplied': '已供应给用地单位但未按期动工（含闲置土地）',
    'eff.lowcat.note.other': '不属五类：低效企业用地、容积率或建筑系数低于控制指标',
    'eff.lowcat.tag.approved': '未供应',
  },
  en: {
    'eff.title': 'Mu efficiency',
    'eff.synthetic': 'Demo figures are synthetic, not real enterprises.',
    'eff.year': 'Year',
    'eff.scheme': 'Scheme',
    'eff.zone': 'Zone',
    'eff.zone.all': 'All',
    'eff.show': 'Show',
    'eff.class': 'Class',
    'eff.unit': 'Area unit',
    'eff.unit.mu': 'mu',
    'eff.unit.ha': 'hectare',
    'eff.level': 'Ranking level',
    'eff.map': 'Map',
    'eff.map.parcels': 'Colour parcels',
    'eff.map.groups': 'Colour parks / boards',
    'eff.map.low': 'Low-efficiency land layer',
    'eff.legend': 'Legend',
    'eff.nodata': 'No data',
    'eff.withheld': 'Fewer than {n} firms: withheld',
    'eff.rank': 'Rank',
    'eff.name': 'Name',
    'eff.value': 'Value',
    'eff.enterprises': 'Firms',
    'eff.more': 'Show all {n} rows',
    'eff.less': 'Show the first {n} rows',
    'eff.export': 'Export',
    'eff.export.table': 'Ranking',
    'eff.export.low': 'Low-efficiency land',
    'eff.export.classes': 'Classes',
    'eff.export.targets': 'Targets',
    'eff.targets': 'Plan targets',
    'eff.target': 'Target',
    'eff.actual': 'Actual',
    'eff.source': 'Source',
    'eff.outcome.met': 'Met',
    'eff.outcome.not_met': 'Not met',
    'eff.outcome.no_data': 'No data',
    'eff.outcome.no_target': 'No numeric target',
    'eff.outcome.suppressed': 'Withheld',
    'eff.low': 'Low-efficiency land (redevelopment candidates)',
    'eff.low.summary': '{n} parcels, {a} {u} in all',
    'eff.low.withheld': 'Reasons that rest on enterprise figures (below standard, low class) are shown to land officers only.',
    'eff.classes': 'Classes',
    'eff.classes.withheld': 'Per-enterprise classes are confidential: sign in as a land officer to see them.',
    'eff.whatif': 'What-if weights (the official result is unchanged)',
    'eff.whatif.note': 'Set the weights, then Run; weights are whole points from 0 to 100 and add up to 100. For this view only.',
    'eff.whatif.reset': 'Back to the scheme',
    'eff.whatif.cap': 'Cap per indicator (× weight)',
    'eff.whatif.total': 'Weights add up to {n} points',
    'eff.whatif.total.bad': 'Weights add up to {n} points: they must add up to 100 (whole points, 0–100 each) to run',
    'eff.whatif.auto': 'Changing one weight adjusts the others in proportion, keeping 100 points',
    'eff.whatif.run': 'Run',
    'eff.whatif.compare': 'What-if classes against the official (published) classes',
    'eff.whatif.moves': '{u} up · {d} down · {s} unchanged',
    'eff.whatif.matrix': 'Class changes (rows: official, columns: what-if)',
    'eff.whatif.movers': 'Firms whose class changes',
    'eff.whatif.firm': 'Firm',
    'eff.whatif.none': 'No firm changes class.',
    'eff.whatif.more': 'Show all {n}',
    'eff.whatif.class': 'Class {c}',
    'eff.whatif.zone': 'Applies to',
    'eff.whatif.up': 'up',
    'eff.whatif.down': 'down',
    'eff.whatif.official': 'Official',
    'eff.whatif.sim': 'What-if',
    'eff.whatif.on': 'The map shows what-if classes',
    'eff.error': 'Could not load: {m}',
    'eff.loading': 'Computing…',
    'eff.needlogin': 'Per-enterprise figures need a land officer or administrator login.',
    'eff.level.enterprise': 'Enterprise',
    'eff.level.parcel': 'Parcel',
    'eff.level.small-micro-park': 'Small-micro park',
    'eff.level.industrial-park': 'Industrial park',
    'eff.level.core-board': 'Core board',
    'eff.level.zone': 'Zone',
    'eff.parcels.zoom': 'Parcels are drawn from zoom {z}.',
    'eff.whatif.off': 'Tick “Colour parcels” and show “Class” to see the what-if classes on the map.',
    'eff.reason.approved_not_supplied': 'Approved, not supplied',
    'eff.reason.supplied_not_used': 'Supplied, not used',
    'eff.reason.idle': 'Idle',
    'eff.reason.partly_used': 'Partly used',
    'eff.reason.built_not_producing': 'Built, not producing',
    'eff.reason.below_standard': 'Below its standard-land commitment',
    'eff.reason.low_class': 'Low-class occupant',
    'eff.reason.far_below_min': 'FAR below control indicator',
    'eff.reason.coverage_below_min': 'Coverage below control indicator',
    'eff.trend': 'Trend over the years',
    'eff.policy': 'Policy lists and annual report',
    'eff.policy.prices': 'Differentiated prices (power, water, gas, discharge)',
    'eff.policy.leaders': 'Leaders',
    'eff.policy.watch': 'Watch list',
    'eff.policy.lowland': 'Low-efficiency land by category',
    'eff.policy.report': 'Annual evaluation report',
    'eff.policy.report.zone': 'Choose a zone to download its annual evaluation report.',
    'eff.trend.level': 'Trend of',
    'eff.trend.top': 'The {k} highest in the latest year are shown ({n} in all)',
    'eff.trend.none': 'No trend to show.',
    'eff.classchart': 'Distribution of classes',
    'eff.low.all': 'Show all {n} parcels',
    'eff.low.fewer': 'Show fewer',
    'eff.low.where': 'Where',
    'eff.low.category': 'Category',
    'eff.low.found': 'Findings',
    'eff.low.area': 'Area ({u})',
    'eff.low.count': '{n} parcels, {a} {u}',
    'eff.lowcat.approved': 'Approved, not supplied',
    'eff.lowcat.supplied': 'Supplied, not used',
    'eff.lowcat.partly': 'Partly used',
    'eff.lowcat.built': 'Built, not producing',
    'eff.lowcat.below': 'Producing below commitment',
    'eff.lowcat.other': 'Other low-efficiency land',
    'eff.lowcat.note.approved': 'approved for construction but not yet supplied: the government\'s land to supply, not a user\'s land left unused; counted apart',
    'eff.lowcat.note.supplied': 'supplied to a user and not started on time (idle land included)',
    'eff.lowcat.note.other': 'outside the five: low-class occupants, FAR or coverage below the control indicators',
    'eff.lowcat.tag.approved': 'not supplied',
  },
});

const t = (k, v) => ZA.t(k, v);
const pick = (zh, en) => ZA.i18n.pick(zh, en);

// ---- colours ------------------------------------------------------------------------------

/** Sequential ramp, low to high (ColorBrewer YlGnBu, 5 classes). */
const RAMP = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'];
const CLASS_COLORS = { A: '#1a9850', B: '#a6d96a', C: '#fdae61', D: '#d73027' };
const NODATA = '#cfd8dc';
const WITHHELD = '#eceff1';
const REASON_COLORS = {
  approved_not_supplied: '#8e24aa', supplied_not_used: '#e53935', idle: '#b71c1c', partly_used: '#fb8c00',
  built_not_producing: '#f4511e', below_standard: '#6d4c41', low_class: '#c2185b', far_below_min: '#546e7a',
  coverage_below_min: '#78909c',
};
const LOWER_IS_BETTER = new Set(['energy_per_value_added']);

function classColor(c, classes) {
  if (!c) return NODATA;
  if (classes && classes.length === 3) return { A: CLASS_COLORS.A, B: CLASS_COLORS.B, C: CLASS_COLORS.D }[c] || NODATA;
  return CLASS_COLORS[c] || NODATA;
}

/** Quantile breaks of the finite values (at most 5 classes, fewer when values repeat). */
function breaks(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return [];
  const out = [];
  for (let i = 1; i < RAMP.length; i++) {
    const b = v[Math.min(v.length - 1, Math.floor((i * v.length) / RAMP.length))];
    if (!out.length || b > out[out.length - 1]) out.push(b);
  }
  return { min: v[0], max: v[v.length - 1], cuts: out };
}

function rampColor(x, br, reverse) {
  if (typeof x !== 'number' || !Number.isFinite(x) || !br.cuts) return NODATA;
  let i = 0;
  while (i < br.cuts.length && x >= br.cuts[i]) i++;
  const colors = RAMP.slice(RAMP.length - (br.cuts.length + 1));
  return (reverse ? colors.slice().reverse() : colors)[i];
}

function num(v, d) {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const digits = d !== undefined ? d : Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  return v.toLocaleString(ZA.lang === 'en' ? 'en-US' : 'zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: digits });
}

function esc(s) {
  return String(s === null || s === undefined ? '' : s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// ---- state --------------------------------------------------------------------------------

const P = ZA.permalink;
const state = {
  meta: null,
  year: Number(P.get('ey')) || null,
  scheme: P.get('es') || null,
  zone: P.get('ez') || '',
  show: P.get('ei') || 'tax_per_mu',
  unit: P.get('eu') === 'ha' ? 'ha' : 'mu',
  level: P.get('el') || 'industrial-park',
  // nothing is recoloured until the user asks: the default map shows land use, as planners expect
  map: new Set((P.get('em') || '').split(',').filter((m) => m && m !== 'none')),
  expanded: false,
  parcelRows: null,
  groupRows: null,
  tableRows: null,
  lowFc: null,
  targets: null,
  classes: null,
  whatif: null,
  weights: null,
  cap: null,
  whatifZone: '',
  autoBalance: true,
  moversAll: false,
  trend: null,
  trendLevel: ['core-board', 'industrial-park', 'small-micro-park'].includes(P.get('et')) ? P.get('et') : 'zone',
  lowAll: false,
  error: null,
  busy: 0,
};
let root = null;
let groupLayer = null;
let lowLayer = null;
let loadToken = 0;

function saveState() {
  P.set('ey', state.year);
  P.set('es', state.scheme === (state.meta && state.meta.defaultScheme) ? null : state.scheme);
  P.set('ez', state.zone || null);
  P.set('ei', state.show === 'tax_per_mu' ? null : state.show);
  P.set('eu', state.unit === 'ha' ? 'ha' : null);
  P.set('el', state.level === 'industrial-park' ? null : state.level);
  const m = [...state.map].sort().join(',');
  P.set('em', m || null);
}

function scheme() {
  return state.meta.schemes.find((s) => s.id === state.scheme) || state.meta.schemes[0];
}

function indicator(key) {
  return state.meta.indicators.find((i) => i.key === key);
}

/** The key of an indicator in rows of the current unit (tax_per_mu → tax_per_ha). */
function rowKey(key) {
  const i = indicator(key);
  return i && state.unit === 'ha' ? i.key_ha : key;
}

function indicatorLabel(key) {
  if (key === 'class') return t('eff.class');
  const i = indicator(key);
  if (!i) return key;
  const unit = ZA.i18n.unitWords(state.unit === 'ha' ? i.unit_ha : i.unit);
  const name = state.unit === 'ha' ? pick(i.name_zh.replace('亩均', '地均'), i.name_en.replace('per mu', 'per hectare')) : pick(i.name_zh, i.name_en);
  return unit ? name + ' (' + unit + ')' : name;
}

function query(extra) {
  const q = new URLSearchParams();
  if (state.year) q.set('year', state.year);
  if (state.scheme) q.set('scheme', state.scheme);
  if (state.zone) q.set('zone', state.zone);
  for (const [k, v] of Object.entries(extra || {})) if (v !== null && v !== undefined && v !== '') q.set(k, v);
  return q.toString();
}

// ---- loading ------------------------------------------------------------------------------

async function loadMeta() {
  state.meta = await ZA.api('/api/efficiency/meta');
  if (!state.scheme || !state.meta.schemes.some((s) => s.id === state.scheme)) state.scheme = state.meta.defaultScheme;
  if (!state.year || !state.meta.years.includes(state.year)) state.year = state.meta.latestYear;
  if (state.zone && !state.meta.zones.some((z) => z.id === state.zone)) state.zone = '';
  if (state.show !== 'class' && !indicator(state.show)) state.show = 'tax_per_mu';
  if (!state.meta.levels.some((l) => l.id === state.level)) state.level = 'industrial-park';
}

function groupLevel() {
  const l = state.meta.levels.find((x) => x.id === state.level);
  return l && l.id !== 'enterprise' && l.id !== 'parcel' ? l.id : 'industrial-park';
}

async function loadAll() {
  const my = ++loadToken;
  state.busy++;
  state.error = null;
  render();
  try {
    if (!state.meta) await loadMeta();
    const unit = state.unit;
    const seesConf = ZA.user.seesConfidential;
    const tableLevel = state.level === 'enterprise' && !seesConf ? 'industrial-park' : state.level;
    const jobs = {
      groups: ZA.api('/api/efficiency/indicators?' + query({ level: groupLevel(), unit })),
      table: tableLevel === groupLevel() ? null : ZA.api('/api/efficiency/indicators?' + query({ level: tableLevel, unit })),
      parcels: state.map.has('parcels') ? ZA.api('/api/efficiency/indicators?' + query({ level: 'parcel', unit })) : null,
      targets: ZA.api('/api/efficiency/targets?' + new URLSearchParams({ year: state.year, scheme: state.scheme })),
      classes: ZA.api('/api/efficiency/classes?' + query()),
      low: ZA.api('/api/efficiency/low-efficiency?' + query({ format: 'geojson', unit })),
      trend: ZA.api('/api/efficiency/trend?' + trendQuery()),
    };
    const out = {};
    for (const [k, p] of Object.entries(jobs)) out[k] = p ? await p : null;
    if (my !== loadToken) return;
    state.groupRows = out.groups;
    state.tableRows = out.table || out.groups;
    state.parcelRows = out.parcels ? indexRows(out.parcels) : null;
    state.targets = out.targets;
    state.classes = out.classes;
    state.lowFc = out.low;
    state.trend = out.trend;
    state.whatif = null;
    state.weights = null;
    state.cap = null;
    saveState();
    drawMap();
  } catch (e) {
    if (my !== loadToken) return;
    state.error = e.message;
  } finally {
    state.busy--;
    if (my === loadToken) render();
  }
}

function indexRows(table) {
  const m = new Map();
  for (const r of table.rows) m.set(r.id, r);
  return { table, byId: m };
}

// ---- map ----------------------------------------------------------------------------------

/** Colour of one row (parcel or group) for the chosen indicator or class. */
function colorFor(row, br, whatifClass) {
  if (!row) return NODATA;
  if (state.show === 'class') {
    const c = whatifClass !== undefined ? whatifClass : row.class;
    return c ? classColor(c, scheme().classes) : row.suppressed ? WITHHELD : NODATA;
  }
  const v = row[rowKey(state.show)];
  if ((v === null || v === undefined) && row.suppressed) return WITHHELD;
  return rampColor(v, br, LOWER_IS_BETTER.has(state.show));
}

function legendItems(br, minGroup) {
  const items = [];
  if (state.show === 'class') {
    for (const c of scheme().classes) items.push({ swatch: 'area', color: '#fff', fill: classColor(c, scheme().classes), fillOpacity: 0.9, label: c + (ZA.lang === 'en' ? '' : '类') });
  } else if (br && br.cuts) {
    const colors = RAMP.slice(RAMP.length - (br.cuts.length + 1));
    const cs = LOWER_IS_BETTER.has(state.show) ? colors.slice().reverse() : colors;
    const edges = [br.min, ...br.cuts, br.max];
    for (let i = 0; i < cs.length; i++) items.push({ swatch: 'area', color: '#fff', fill: cs[i], fillOpacity: 0.9, label: num(edges[i]) + ' – ' + num(edges[i + 1]) });
  }
  items.push({ swatch: 'area', color: '#fff', fill: WITHHELD, fillOpacity: 0.9, pattern: 'hatch', label: t('eff.withheld', { n: minGroup }) });
  items.push({ swatch: 'area', color: '#fff', fill: NODATA, fillOpacity: 0.9, label: t('eff.nodata') });
  return items;
}

function whatifParcelClass(id) {
  if (!state.whatif || state.show !== 'class') return undefined;
  return state.whatif.parcels[id] || null;
}

function drawParcels() {
  if (!state.map.has('parcels') || !state.parcelRows) {
    ZA.setParcelStyle(null);
    return;
  }
  const rows = state.parcelRows.table.rows;
  const br = state.show === 'class' ? null : breaks(rows.map((r) => r[rowKey(state.show)]));
  const title = t('eff.title') + ' · ' + indicatorLabel(state.show) + (state.whatif && state.show === 'class' ? ' · ' + t('eff.whatif.sim') : '');
  ZA.setParcelStyle((f) => {
    const row = state.parcelRows.byId.get(f.id);
    if (!row) return null;
    const fill = colorFor(row, br, whatifParcelClass(f.id));
    // withheld is hatched on the map as in the legend: it must not look like 无数据
    return { fillColor: fill, fillOpacity: 0.85, hatch: fill === WITHHELD };
  }, { title, legend: legendItems(br, state.meta.minGroupSize) });
}

async function drawGroups() {
  if (groupLayer) {
    ZA.removeOverlay(groupLayer);
    groupLayer = null;
  }
  if (!state.map.has('groups') || !state.groupRows) return;
  const level = state.meta.levels.find((l) => l.id === groupLevel());
  const fc = await ZA.api('/collections/' + level.collection + '/items?limit=1000');
  // a zone's roll-up is keyed by its zone code and drawn on its development-zone feature
  const byId = new Map(state.groupRows.rows.filter((r) => r.feature_id).map((r) => [r.feature_id, r]));
  const br = state.show === 'class' ? null : breaks(state.groupRows.rows.map((r) => r[rowKey(state.show)]));
  const counts = (row) => scheme().classes.map((c) => row['class_' + c] || 0);
  groupLayer = L.geoJSON(fc, {
    pmIgnore: true,
    filter: (f) => byId.has(f.id),
    style: (f) => {
      const row = byId.get(f.id);
      let fill;
      if (state.show === 'class') {
        // a group takes the colour of its most common class
        const c = counts(row);
        const best = c.indexOf(Math.max(...c));
        fill = row.suppressed || Math.max(...c) === 0 ? (row.suppressed ? WITHHELD : NODATA) : classColor(scheme().classes[best], scheme().classes);
      } else {
        fill = colorFor(row, br);
      }
      const hatch = fill === WITHHELD && ZA.withheldFill ? ZA.withheldFill() : null;
      return { color: fill === NODATA || fill === WITHHELD ? '#37474f' : fill, weight: 2, fillColor: hatch || fill, fillOpacity: hatch ? 1 : groupFillOpacity() };
    },
    onEachFeature: (f, l) => {
      const row = byId.get(f.id);
      const v = state.show === 'class' ? scheme().classes.map((c) => c + ':' + (row['class_' + c] ?? '–')).join(' ') : num(row[rowKey(state.show)]);
      l.bindTooltip(esc(pick(f.properties.name_zh, f.properties.name_en) + ' · ' + v), { sticky: true });
      l.on('click', (e) => {
        L.DomEvent.stop(e);
        ZA.selectFeature(level.collection, f.id, { fit: false });
      });
    },
  });
  ZA.addOverlay({ zh: '亩均效益 · ' + level.name_zh, en: 'Mu efficiency · ' + level.name_en }, groupLayer, {
    id: 'efficiency-groups', legend: legendItems(br, state.meta.minGroupSize),
  });
}

/** Parks are filled when far out; close in, where parcels are coloured, only their outlines show. */
function groupFillOpacity() {
  return state.map.has('parcels') && ZA.map.getZoom() >= 14 ? 0 : 0.6;
}

function drawLow() {
  if (lowLayer) {
    ZA.removeOverlay(lowLayer);
    lowLayer = null;
  }
  if (!state.map.has('low') || !state.lowFc) return;
  const seen = new Set();
  if (typeof ZA.parcelMarks === 'function') {
    // the parcels the map draws (from vector tiles) are outlined by id: no second copy of their shapes
    const reasonsOf = new Map(state.lowFc.features.map((f) => [f.id, f.properties.reasons]));
    for (const rs of reasonsOf.values()) seen.add(rs[0]);
    lowLayer = ZA.parcelMarks((f) => {
      const rs = reasonsOf.get(f.id);
      if (!rs) return null;
      return { color: REASON_COLORS[rs[0]] || '#d32f2f', weight: 2.2, label: rs.map((r) => t('eff.reason.' + r)).join('、') };
    });
    const legend = [...seen].map((r) => ({ swatch: 'area', color: REASON_COLORS[r], fill: '#ffffff', fillOpacity: 0, label: t('eff.reason.' + r) }));
    ZA.addOverlay({ zh: '低效用地', en: 'Low-efficiency land' }, lowLayer, { id: 'efficiency-low', legend });
    return;
  }
  lowLayer = L.geoJSON(state.lowFc, {
    pmIgnore: true,
    style: (f) => {
      const r = f.properties.reasons[0];
      seen.add(r);
      return { color: REASON_COLORS[r] || '#d32f2f', weight: 2.2, fillColor: REASON_COLORS[r] || '#d32f2f', fillOpacity: 0.35, dashArray: '4 3' };
    },
    onEachFeature: (f, l) => {
      l.bindTooltip(esc(f.id + ' · ' + f.properties.reasons.map((r) => t('eff.reason.' + r)).join('、')), { sticky: true });
      l.on('click', (e) => {
        L.DomEvent.stop(e);
        ZA.selectFeature('parcels', f.id, { fit: false });
      });
    },
  });
  const legend = [...seen].map((r) => ({ swatch: 'area', color: REASON_COLORS[r], fill: REASON_COLORS[r], fillOpacity: 0.35, dash: true, label: t('eff.reason.' + r) }));
  ZA.addOverlay({ zh: '低效用地', en: 'Low-efficiency land' }, lowLayer, { id: 'efficiency-low', legend });
}

function drawMap() {
  drawParcels();
  drawGroups().catch((e) => console.warn('efficiency: park layer failed: ' + e.message));
  drawLow();
}

// ---- what-if ------------------------------------------------------------------------------

async function runWhatIf() {
  const weights = draftWeights();
  if (!weightsOk(weights)) return;
  const body = { scheme: state.scheme, year: state.year, weights };
  if (state.whatifZone) body.zone = state.whatifZone;
  if (state.cap) body.cap = state.cap;
  state.busy++;
  render();
  try {
    state.whatif = await ZA.api('/api/efficiency/whatif', { method: 'POST', body });
    state.moversAll = false;
    if (state.show !== 'class') state.show = 'class';
    saveState();
    drawParcels();
  } catch (e) {
    state.error = pick(e.body && e.body.description_zh, e.message) || e.message;
  } finally {
    state.busy--;
    render();
  }
}

function resetWhatIf() {
  state.whatif = null;
  state.weights = null;
  state.cap = null;
  state.moversAll = false;
  drawParcels();
  render();
}

/** The scheme's weights where the what-if applies: the chosen zone's, or the scheme's defaults. */
function zoneWeights() {
  const s = scheme();
  const w = (state.whatifZone && s.zoneWeights && s.zoneWeights[state.whatifZone]) || s.weights;
  return Object.fromEntries(Object.entries(w).filter(([, v]) => v.weight > 0));
}

/** The weights as the user has set them (a copy), or the scheme's. */
function draftWeights() {
  return { ...(state.weights || Object.fromEntries(Object.entries(zoneWeights()).map(([k, v]) => [k, v.weight]))) };
}

const WHOLE = /^(100|[1-9]?[0-9])$/;

/** Whole points from 0 to 100, adding up to 100: what the server accepts (see WhatIfWeights.java). */
function weightsOk(w) {
  const vs = Object.values(w);
  return vs.every((v) => WHOLE.test(String(v))) && vs.reduce((a, b) => a + Number(b), 0) === 100;
}

/**
 * {total} whole points shared in proportion to {shares}: the floor of each exact share, then one
 * point each to the largest remainders (ties in the given order). The server's rule too.
 */
function apportion(total, shares) {
  const sum = shares.reduce((a, b) => a + b, 0);
  if (!shares.length || sum <= 0) return shares.map(() => 0);
  const exact = shares.map((x) => (total * x) / sum);
  const out = exact.map((x) => Math.floor(x + 1e-9));
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - out[i], i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) out[order[k % order.length][1]]++;
  return out;
}

/** {key} set to {value}; the other weights share the rest of 100 in proportion to what they had. */
function rebalance(w, key, value) {
  const out = { ...w, [key]: value };
  const others = Object.keys(w).filter((k) => k !== key);
  let shares = others.map((k) => (WHOLE.test(String(w[k])) ? Number(w[k]) : 0));
  // all the others at 0 (one weight was at 100): share in the scheme's proportions
  if (shares.every((x) => x === 0)) shares = others.map((k) => (zoneWeights()[k] ? zoneWeights()[k].weight : 1));
  apportion(100 - value, shares).forEach((v, i) => (out[others[i]] = v));
  return out;
}

// ---- exports ------------------------------------------------------------------------------

async function download(path, filename) {
  try {
    const res = await ZA.fetch(path, { headers: { Accept: '*/*' } });
    if (!res.ok) {
      const body = await res.json().catch(() => null);
      throw new Error((body && body.description) || 'HTTP ' + res.status);
    }
    const blob = await res.blob();
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = downloadName(res, filename);
    document.body.appendChild(a);
    a.click();
    setTimeout(() => {
      URL.revokeObjectURL(a.href);
      a.remove();
    }, 1000);
  } catch (e) {
    state.error = e.message;
    render();
  }
}

function exportLinks() {
  const lang = ZA.lang === 'en' ? 'en' : 'zh';
  const level = state.level === 'enterprise' && !ZA.user.seesConfidential ? 'industrial-park' : state.level;
  const items = [
    ['table', '/api/efficiency/indicators?' + query({ level, unit: state.unit, lang }), 'indicators-' + level],
    ['low', '/api/efficiency/low-efficiency?' + query({ unit: state.unit, lang }), 'low-efficiency'],
    ['classes', '/api/efficiency/classes?' + query({ lang }), 'classes'],
    ['targets', '/api/efficiency/targets?' + new URLSearchParams({ year: state.year, scheme: state.scheme, lang }), 'targets'],
  ];
  return items.map(([k, path, name]) => `<div class="eff-export-row"><span>${esc(t('eff.export.' + k))}</span>
    <button type="button" class="btn btn-small" data-dl="${esc(path + '&format=csv')}" data-name="${esc(name + '-' + state.year + '.csv')}">CSV</button>
    <button type="button" class="btn btn-small" data-dl="${esc(path + '&format=xlsx')}" data-name="${esc(name + '-' + state.year + '.xlsx')}">Excel</button></div>`).join('');
}

// ---- rendering ----------------------------------------------------------------------------

function options(list, value) {
  return list.map(([v, label]) => `<option value="${esc(v)}"${String(v) === String(value) ? ' selected' : ''}>${esc(label)}</option>`).join('');
}

function controlsHtml() {
  const m = state.meta;
  const seesConf = ZA.user.seesConfidential;
  const shows = [['class', t('eff.class')], ...m.indicators.map((i) => [i.key, indicatorLabel(i.key)])];
  const levels = m.levels.filter((l) => l.id !== 'enterprise' || seesConf).map((l) => [l.id, t('eff.level.' + l.id)]);
  return `<div class="eff-controls">
    <label>${esc(t('eff.year'))}<select data-k="year">${options(m.years.map((y) => [y, y]), state.year)}</select></label>
    <label>${esc(t('eff.scheme'))}<select data-k="scheme">${options(m.schemes.map((s) => [s.id, pick(s.name_zh, s.name_en)]), state.scheme)}</select></label>
    <label>${esc(t('eff.zone'))}<select data-k="zone">${options([['', t('eff.zone.all')], ...m.zones.map((z) => [z.id, pick(z.name_zh, z.name_en)])], state.zone)}</select></label>
    <label>${esc(t('eff.show'))}<select data-k="show">${options(shows, state.show)}</select></label>
    <label>${esc(t('eff.unit'))}<select data-k="unit">${options([['mu', t('eff.unit.mu')], ['ha', t('eff.unit.ha')]], state.unit)}</select></label>
    <label>${esc(t('eff.level'))}<select data-k="level">${options(levels, state.level)}</select></label>
  </div>
  <div class="eff-maptoggles"><span class="za-muted">${esc(t('eff.map'))}</span>
    ${['parcels', 'groups', 'low'].map((k) => `<label><input type="checkbox" data-map="${k}"${state.map.has(k) ? ' checked' : ''}> ${esc(t('eff.map.' + k))}</label>`).join('')}
  </div>
  <p class="za-muted eff-zoomhint"${parcelsTooFar() ? '' : ' hidden'}>${esc(t('eff.parcels.zoom', { z: parcelMinZoom() }))}</p>`;
}

function schemeHtml() {
  const s = scheme();
  const cites = (s.basis || []).filter((b) => b.citation).map((b) => `<li>${esc(b.what)} <span class="eff-cite">${esc(pick(b.citation.zh, b.citation.en))}</span></li>`).join('');
  return `<details class="eff-scheme"><summary>${esc(pick(s.name_zh, s.name_en))}</summary>
    <p>${esc(pick(s.description_zh, s.description_en) || '')}</p>${cites ? `<ul class="eff-cites">${cites}</ul>` : ''}</details>`;
}

function tableHtml() {
  const tb = state.tableRows;
  if (!tb) return '';
  const key = state.show === 'class' ? 'score' : rowKey(state.show);
  const lower = LOWER_IS_BETTER.has(state.show);
  const rows = tb.rows.slice().sort((a, b) => {
    const x = a[key];
    const y = b[key];
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    return lower ? x - y : y - x;
  });
  const limit = state.expanded ? rows.length : 15;
  const level = tb.level;
  const nameOf = (r) => (level === 'parcel' ? r.id : pick(r.name_zh, r.name_en) || r.id);
  const valueOf = (r) => (state.show === 'class' ? (r.class || (level === 'enterprise' ? '–' : scheme().classes.map((c) => c + ' ' + (r['class_' + c] ?? '–')).join(' · '))) : num(r[key]));
  const body = rows.slice(0, limit).map((r, i) => `<tr data-id="${esc(r.id)}"${r.suppressed ? ' class="eff-withheld"' : ''}>
    <td>${i + 1}</td><td>${esc(nameOf(r))}</td><td class="num">${r.suppressed && (r[key] === null || r[key] === undefined) ? '<span title="' + esc(pick(r.suppressed_reason_zh, r.suppressed_reason) || '') + '">—</span>' : esc(valueOf(r))}</td>
    <td class="num">${esc(r.enterprises ?? '')}</td></tr>`).join('');
  const more = rows.length > 15 ? `<button type="button" class="btn btn-small" data-act="expand">${esc(state.expanded ? t('eff.less', { n: 15 }) : t('eff.more', { n: rows.length }))}</button>` : '';
  return `<h3 class="za-h3">${esc(t('eff.level.' + level))} · ${esc(state.show === 'class' ? t('eff.class') : indicatorLabel(state.show))}</h3>
    <table class="eff-table"><thead><tr><th>${esc(t('eff.rank'))}</th><th>${esc(t('eff.name'))}</th><th>${esc(t('eff.value'))}</th><th>${esc(t('eff.enterprises'))}</th></tr></thead>
    <tbody>${body}</tbody></table>${more}`;
}

function classesHtml() {
  const c = state.classes;
  if (!c) return '';
  const cls = c.classes;
  const rows = c.zones.map((z) => `<tr><td>${esc(pick(z.name_zh, z.name_en))}</td>${cls.map((k) => `<td class="num">${z.counts ? esc(z.counts[k]) : '—'}</td>`).join('')}</tr>`).join('');
  return `<h3 class="za-h3">${esc(t('eff.classes'))}</h3>
    <table class="eff-table"><thead><tr><th></th>${cls.map((k) => `<th class="num"><span class="eff-chip" style="background:${classColor(k, cls)}"></span>${esc(k)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>
    ${c.enterprises ? '' : `<p class="za-muted">${esc(t('eff.classes.withheld'))}</p>`}`;
}

function whatifHtml() {
  if (!ZA.user.seesConfidential || !state.meta) return '';
  const w = draftWeights();
  const sliders = Object.entries(w).map(([k, v]) => `<label class="eff-slider"><span>${esc(indicatorLabel(k))}</span>
    <input type="range" min="0" max="100" step="1" value="${esc(WHOLE.test(String(v)) ? v : 0)}" data-w="${esc(k)}">
    <input type="number" min="0" max="100" step="1" inputmode="numeric" value="${esc(v)}" data-wn="${esc(k)}" aria-label="${esc(indicatorLabel(k))}"></label>`).join('');
  return `<details class="eff-whatif"${state.whatif || state.weights ? ' open' : ''}><summary>${esc(t('eff.whatif'))}</summary>
    <p class="za-muted">${esc(t('eff.whatif.note'))}</p>
    <label class="eff-inline">${esc(t('eff.whatif.zone'))}<select data-k="whatifZone">${options([['', t('eff.zone.all')], ...state.meta.zones.map((z) => [z.id, pick(z.name_zh, z.name_en)])], state.whatifZone)}</select></label>
    <label class="eff-check"><input type="checkbox" data-k="autoBalance"${state.autoBalance ? ' checked' : ''}> ${esc(t('eff.whatif.auto'))}</label>
    ${sliders}
    <p class="eff-total" role="status" aria-live="polite"></p>
    <label class="eff-inline">${esc(t('eff.whatif.cap'))}<input type="number" min="0.1" max="100" step="0.1" value="${esc(state.cap || scheme().cap)}" data-k="cap"></label>
    <div class="eff-whatif-actions"><button type="button" class="btn btn-small btn-primary" data-act="run">${esc(t('eff.whatif.run'))}</button>
    <button type="button" class="btn btn-small" data-act="reset">${esc(t('eff.whatif.reset'))}</button></div>
    ${whatifResultHtml()}</details>`;
}

/** The last run, 模拟 (what-if) against 正式 (official, published) classes. */
function whatifResultHtml() {
  const r = state.whatif;
  if (!r) return '';
  const cls = r.classes;
  const cn = (c) => t('eff.whatif.class', { c });
  const sim = `<span class="eff-tag eff-tag-sim">${esc(t('eff.whatif.sim'))}</span>`;
  const off = `<span class="eff-tag eff-tag-off">${esc(t('eff.whatif.official'))}</span>`;
  const zones = `<table class="eff-table"><thead><tr><th></th>${cls.map((k) => `<th class="num">${esc(cn(k))}</th>`).join('')}<th class="num">↑</th><th class="num">↓</th></tr></thead><tbody>
      ${r.zones.map((z) => `<tr><td>${esc(pick(z.name_zh, z.name_en))}<br>${off} / ${sim}</td>
        ${cls.map((k) => `<td class="num">${esc(z.officialCounts[k])}<br><b>${esc(z.counts[k])}</b></td>`).join('')}
        <td class="num">${esc(z.up)}</td><td class="num">${esc(z.down)}</td></tr>`).join('')}</tbody></table>`;
  const mv = r.moves;
  if (!mv) return `${whatifOnMapHtml()}${zones}`;
  const count = (from, to) => (mv.transitions.find((x) => x.from === from && x.to === to) || { count: 0 }).count;
  const matrix = `<table class="eff-table eff-matrix"><caption>${esc(t('eff.whatif.matrix'))}</caption>
    <thead><tr><th>${off} ＼ ${sim}</th>${cls.map((k) => `<th class="num">${esc(cn(k))}</th>`).join('')}</tr></thead><tbody>
    ${cls.map((from, i) => `<tr><th>${esc(cn(from))}</th>${cls.map((to, j) => `<td class="num ${j < i ? 'eff-up' : j > i ? 'eff-down' : ''}">${esc(count(from, to))}</td>`).join('')}</tr>`).join('')}
    </tbody></table>`;
  const zoneName = (id) => {
    const z = state.meta.zones.find((x) => x.id === id);
    return z ? pick(z.name_zh, z.name_en) : '';
  };
  const all = mv.enterprises;
  const shown = state.moversAll ? all : all.slice(0, 20);
  const movers = all.length
    ? `<table class="eff-table eff-movers"><thead><tr><th>${esc(t('eff.whatif.firm'))}</th><th>${esc(t('eff.zone'))}</th><th>${off}</th><th>${sim}</th><th></th></tr></thead><tbody>
      ${shown.map((f) => `<tr class="eff-${esc(f.direction)}"><td>${esc(pick(f.name_zh, f.name_en))}</td><td>${esc(zoneName(f.zone))}</td>
        <td>${esc(cn(f.official_class))}</td><td><b>${esc(cn(f.class))}</b></td><td>${esc(t(f.direction === 'up' ? 'eff.whatif.up' : 'eff.whatif.down'))}</td></tr>`).join('')}</tbody></table>
      ${all.length > shown.length ? `<button type="button" class="btn btn-small" data-act="movers">${esc(t('eff.whatif.more', { n: all.length }))}</button>` : ''}`
    : `<p class="za-muted">${esc(t('eff.whatif.none'))}</p>`;
  return `${whatifOnMapHtml()}
    <h4 class="eff-h4">${esc(t('eff.whatif.compare'))}</h4>
    <p class="eff-moves"><b>${esc(t('eff.whatif.moves', { u: mv.up, d: mv.down, s: mv.same }))}</b></p>
    ${zones}${matrix}
    <h4 class="eff-h4">${esc(t('eff.whatif.movers'))}</h4>${movers}`;
}

/** The total line and the run button, from the inputs as they are now. */
function showWeightTotal() {
  const box = root && root.querySelector('.eff-whatif');
  if (!box) return;
  const w = draftWeights();
  const total = Object.values(w).reduce((a, b) => a + (WHOLE.test(String(b)) ? Number(b) : NaN), 0);
  const ok = weightsOk(w);
  const note = box.querySelector('.eff-total');
  note.textContent = ok ? t('eff.whatif.total', { n: total }) : t('eff.whatif.total.bad', { n: Number.isFinite(total) ? total : '–' });
  note.classList.toggle('eff-total-bad', !ok);
  box.querySelector('[data-act=run]').disabled = !ok || state.busy > 0;
  for (const [k, v] of Object.entries(w)) {
    const n = box.querySelector(`input[data-wn="${k}"]`);
    if (n) n.classList.toggle('eff-invalid', !WHOLE.test(String(v)));
  }
}

/** The user set weight {key} to {raw} (a string): keep it, and rebalance the others when asked to. */
function setWeight(key, raw, from) {
  const w = draftWeights();
  const whole = WHOLE.test(raw);
  state.weights = state.autoBalance && whole ? rebalance(w, key, Number(raw)) : { ...w, [key]: whole ? Number(raw) : raw };
  const box = root.querySelector('.eff-whatif');
  for (const [k, v] of Object.entries(state.weights)) {
    const r = box.querySelector(`input[data-w="${k}"]`);
    const n = box.querySelector(`input[data-wn="${k}"]`);
    if (r && r !== from && WHOLE.test(String(v))) r.value = v;
    if (n && n !== from) n.value = v;
  }
  showWeightTotal();
}

function targetsHtml() {
  const tg = state.targets;
  if (!tg) return '';
  const rows = tg.rows.filter((r) => !state.zone || r.zone === state.zone).map((r) => `<tr class="eff-${esc(r.outcome)}">
    <td>${esc(pick(r.name_zh, r.name_en))}</td><td>${esc(pick(r.label_zh, r.label_en))}</td>
    <td class="num">${r.target === null ? '—' : esc(r.op.replace('growth', '') + ' ' + num(r.target))}</td>
    <td class="num">${esc(num(r.actual))}</td><td>${esc(t('eff.outcome.' + r.outcome))}</td>
    <td><span class="eff-cite" title="${esc([r.citation ? pick(r.citation.zh, r.citation.en) : '', pick(r.note_zh, r.note_en) || ''].filter((x) => x).join('\n'))}">${esc(r.citation ? pick(r.citation.short_zh, r.citation.short_en) : '')}</span></td></tr>`).join('');
  return `<h3 class="za-h3">${esc(t('eff.targets'))}</h3>
    <table class="eff-table eff-targets"><thead><tr><th>${esc(t('eff.name'))}</th><th></th><th>${esc(t('eff.target'))}</th><th>${esc(t('eff.actual'))}</th><th></th><th>${esc(t('eff.source'))}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

// ---- charts -------------------------------------------------------------------------------

/** The trend request: the shown indicator (tax per mu while classes are shown), zones or the parks of the chosen zone. */
function trendQuery() {
  const q = new URLSearchParams({ level: state.trendLevel, indicator: state.show === 'class' ? 'tax_per_mu' : state.show, unit: state.unit });
  if (state.scheme) q.set('scheme', state.scheme);
  if (state.zone) q.set('zone', state.zone);
  return q.toString();
}

async function loadTrend() {
  const my = loadToken;
  try {
    const tr = await ZA.api('/api/efficiency/trend?' + trendQuery());
    if (my !== loadToken) return;
    state.trend = tr;
  } catch (e) {
    state.error = e.message;
  }
  render();
}

const TREND_LINES = 8;

function trendHtml() {
  const tr = state.trend;
  if (!tr || !state.meta) return '';
  const years = tr.years;
  const last = 'y' + years[years.length - 1];
  // every row with a withheld year is named under the chart (drawn or not); one withheld in the
  // latest year has no value to rank it by, so it is not drawn
  const hiddenAll = tr.rows.filter((r) => years.some((y) => r['withheld_y' + y] === true));
  const rows = tr.rows.filter((r) => r['withheld_' + last] !== true).sort((a, b) => (b[last] ?? -Infinity) - (a[last] ?? -Infinity));
  const shown = rows.slice(0, TREND_LINES);
  const series = shown.map((r) => ({
    name: pick(r.name_zh, r.name_en) || '',
    values: years.map((y) => r['y' + y]),
    withheld: years.map((y) => r['withheld_y' + y] === true),
  }));
  const key = state.show === 'class' ? 'tax_per_mu' : state.show;
  const label = indicatorLabel(key);
  const levels = ['zone', 'core-board', 'industrial-park', 'small-micro-park'].map((l) => [l, t('eff.level.' + l)]);
  const chart = series.length
    ? lineChart(years, series, { unit: ZA.i18n.unitWords((indicator(key) && (state.unit === 'ha' ? indicator(key).unit_ha : indicator(key).unit)) || ''), withheld: t('eff.withheld', { n: state.meta.minGroupSize }), format: (v) => num(v), title: label })
    : null;
  return `<h3 class="za-h3">${esc(t('eff.trend'))} · ${esc(label)}</h3>
    <label class="eff-inline">${esc(t('eff.trend.level'))}<select data-trend="level">${options(levels, state.trendLevel)}</select></label>
    ${chart ? `<div class="eff-chart">${chart.svg}</div>${chart.legend}` : `<p class="za-muted">${esc(t('eff.trend.none'))}</p>`}
    ${rows.length > shown.length ? `<p class="za-muted">${esc(t('eff.trend.top', { k: shown.length, n: rows.length }))}</p>` : ''}
    ${hiddenAll.length ? `<p class="eff-trend-withheld">${esc(hiddenAll.map((r) => {
    const ys = years.filter((y) => r['withheld_y' + y] === true);
    return pick(r.name_zh, r.name_en) + (ys.length < years.length ? '（' + ys.join('、') + '）' : '');
  }).join('、'))}：${esc(t('eff.withheld', { n: state.meta.minGroupSize }))}</p>` : ''}`;
}

function classChartHtml() {
  const c = state.classes;
  if (!c || !c.zones || !c.zones.length) return '';
  const rows = c.zones.map((z) => ({ name: pick(z.name_zh, z.name_en), counts: z.counts, withheld: z.suppressed === true }));
  const svg = classBars(rows, c.classes, (k) => classColor(k, c.classes), {
    withheld: t('eff.withheld', { n: state.meta.minGroupSize }),
    noData: t('eff.nodata'),
    classLabel: (k) => (ZA.lang === 'en' ? 'Class ' + k : k + '类'),
    title: t('eff.classchart'),
  });
  const keys = c.classes.map((k) => `<span class="effc-key"><i style="background:${classColor(k, c.classes)};width:10px;height:10px"></i>${esc(ZA.lang === 'en' ? 'Class ' + k : k + '类')}</span>`).join('');
  return `<h3 class="za-h3">${esc(t('eff.classchart'))}</h3><div class="eff-chart">${svg}</div><div class="effc-legend">${keys}</div>`;
}

function wireCharts() {
  const sel = root.querySelector('select[data-trend=level]');
  if (sel) sel.addEventListener('change', () => {
    state.trendLevel = sel.value;
    P.set('et', state.trendLevel === 'zone' ? null : state.trendLevel);
    loadTrend();
  });
  const all = root.querySelector('[data-act=low-all]');
  if (all) all.addEventListener('click', () => {
    state.lowAll = !state.lowAll;
    render();
  });
}

/**
 * For land officers: the lists sent out after the evaluation and the zone's annual report, named
 * by the server in the page's language (the report needs a zone).
 */
function policyLinks() {
  if (!ZA.user.seesConfidential || !state.meta) return '';
  const lang = ZA.lang === 'en' ? 'en' : 'zh';
  const q = (extra) => query({ lang, ...extra });
  const lists = [
    ['prices', '/api/efficiency/policy/prices?' + q()],
    ['leaders', '/api/efficiency/policy/leaders?' + q()],
    ['watch', '/api/efficiency/policy/watch?' + q()],
    ['lowland', '/api/efficiency/policy/low-land?' + q()],
  ];
  const rows = lists.map(([k, path]) => `<div class="eff-export-row"><span>${esc(t('eff.policy.' + k))}</span>
    <button type="button" class="btn btn-small" data-dl="${esc(path + '&format=xlsx')}" data-name="${esc(k + '-' + state.year + '.xlsx')}">Excel</button></div>`).join('');
  const report = state.zone
    ? `<div class="eff-export-row"><span>${esc(t('eff.policy.report'))}</span>
      <button type="button" class="btn btn-small" data-dl="${esc('/api/efficiency/report?' + q({ format: 'pdf' }))}" data-name="${esc('report-' + state.year + '.pdf')}">PDF</button>
      <button type="button" class="btn btn-small" data-dl="${esc('/api/efficiency/report?' + q({ format: 'xlsx' }))}" data-name="${esc('report-' + state.year + '.xlsx')}">Excel</button></div>`
    : `<p class="za-muted">${esc(t('eff.policy.report.zone'))}</p>`;
  return `<h3 class="za-h3">${esc(t('eff.policy'))}</h3>${rows}${report}`;
}

// ---- low-efficiency land ------------------------------------------------------------------

/** The category of a low-efficiency parcel: the first of the five its reasons fall in, else other. */
const LOW_CATEGORY = {
  approved_not_supplied: 'approved', supplied_not_used: 'supplied', idle: 'supplied', partly_used: 'partly',
  built_not_producing: 'built', below_standard: 'below',
};
const LOW_ORDER = ['approved', 'supplied', 'partly', 'built', 'below', 'other'];
const LOW_ROWS = 12;

function lowCategory(reasons) {
  let best = 'other';
  for (const r of reasons) {
    const c = LOW_CATEGORY[r] || 'other';
    if (LOW_ORDER.indexOf(c) < LOW_ORDER.indexOf(best)) best = c;
  }
  return best;
}

/** Names of the parks, boards and zones the panel has loaded, by id: a parcel is placed by name, never by its id. */
function placeNames() {
  const m = new Map();
  for (const tb of [state.groupRows, state.tableRows]) {
    if (tb && tb.level !== 'parcel' && tb.level !== 'enterprise') for (const r of tb.rows) m.set(r.id, pick(r.name_zh, r.name_en));
  }
  for (const z of state.meta.zones) m.set(z.id, pick(z.name_zh, z.name_en));
  return m;
}

function lowHtml() {
  const fc = state.lowFc;
  if (!fc) return '';
  const key = 'area_' + state.unit;
  const u = t('eff.unit.' + state.unit);
  const names = placeNames();
  const sums = new Map(LOW_ORDER.map((c) => [c, { n: 0, a: 0 }]));
  for (const f of fc.features) {
    const s = sums.get(lowCategory(f.properties.reasons));
    s.n++;
    s.a += f.properties[key] || 0;
  }
  const summary = LOW_ORDER.filter((c) => sums.get(c).n).map((c) => {
    const note = ['approved', 'supplied', 'other'].includes(c) ? `<span class="eff-lowcat-note">${esc(t('eff.lowcat.note.' + c))}</span>` : '';
    return `<li class="eff-lowcat eff-lowcat-${c}"><b>${esc(t('eff.lowcat.' + c))}</b> ${esc(t('eff.low.count', { n: sums.get(c).n, a: num(sums.get(c).a, 1), u }))}${note}</li>`;
  }).join('');
  const all = fc.features;
  const shown = state.lowAll ? all : all.slice(0, LOW_ROWS);
  const rows = shown.map((f) => {
    const p = f.properties;
    const c = lowCategory(p.reasons);
    const where = [names.get(p.park) || names.get(p.board) || names.get(p.zone) || '', p.land_use_name || ''].filter(Boolean).join(' · ');
    const tag = c === 'approved' ? ` <span class="eff-tag eff-tag-unsupplied">${esc(t('eff.lowcat.tag.approved'))}</span>` : '';
    return `<tr data-parcel="${esc(f.id)}" class="eff-low-${c}"><td>${esc(where)}</td><td>${esc(t('eff.lowcat.' + c))}${tag}</td>
      <td>${esc(p.reasons.map((r) => t('eff.reason.' + r)).join('、'))}</td><td class="num">${esc(num(p[key], 1))}</td></tr>`;
  }).join('');
  const more = all.length > LOW_ROWS
    ? `<button type="button" class="btn btn-small" data-act="low-all" aria-expanded="${state.lowAll}">${esc(state.lowAll ? t('eff.low.fewer') : t('eff.low.all', { n: all.length }))}</button>`
    : '';
  return `<h3 class="za-h3">${esc(t('eff.low'))}</h3>
    <p>${esc(t('eff.low.summary', { n: fc.numberReturned, a: num(fc['total_' + key], 0), u }))}</p>
    <ul class="eff-lowcats">${summary}</ul>
    <table class="eff-table eff-low"><thead><tr><th>${esc(t('eff.low.where'))}</th><th>${esc(t('eff.low.category'))}</th><th>${esc(t('eff.low.found'))}</th><th class="num">${esc(t('eff.low.area', { u }))}</th></tr></thead>
    <tbody>${rows}</tbody></table>${more}
    ${fc.withheld ? `<p class="za-muted">${esc(t('eff.low.withheld'))}</p>` : ''}`;
}

function render() {
  if (!root) return;
  if (!state.meta) {
    root.innerHTML = `<p class="za-muted">${esc(state.error ? t('eff.error', { m: state.error }) : t('eff.loading'))}</p>`;
    return;
  }
  root.innerHTML = `<div class="eff">
    <p class="eff-note"><span class="badge badge-synthetic">${esc(ZA.lang === 'en' ? 'synthetic' : '合成')}</span> ${esc(t('eff.synthetic'))}</p>
    ${controlsHtml()}
    ${schemeHtml()}
    ${state.error ? `<p class="eff-error" role="alert">${esc(t('eff.error', { m: state.error }))}</p>` : ''}
    ${state.busy ? `<p class="za-muted">${esc(t('eff.loading'))}</p>` : ''}
    ${state.level === 'enterprise' && !ZA.user.seesConfidential ? `<p class="za-muted">${esc(t('eff.needlogin'))}</p>` : ''}
    ${tableHtml()}
    ${classChartHtml()}
    ${classesHtml()}
    ${trendHtml()}
    ${whatifHtml()}
    ${targetsHtml()}
    ${lowHtml()}
    <h3 class="za-h3">${esc(t('eff.export'))}</h3>${exportLinks()}
    ${policyLinks()}
  </div>`;
  wire();
}

function wire() {
  root.querySelectorAll('select[data-k]').forEach((s) => s.addEventListener('change', () => {
    const k = s.dataset.k;
    if (k === 'year') state.year = Number(s.value);
    else if (k === 'whatifZone') {
      state.whatifZone = s.value;
      state.weights = null;
      render();
      return;
    } else state[k] = s.value;
    if (k === 'show') {
      saveState();
      drawMap();
      render();
      loadTrend();
      return;
    }
    if (k === 'level') state.expanded = false;
    loadAll();
  }));
  root.querySelectorAll('input[data-map]').forEach((cb) => cb.addEventListener('change', () => {
    if (cb.checked) state.map.add(cb.dataset.map);
    else state.map.delete(cb.dataset.map);
    if (cb.dataset.map === 'parcels' && cb.checked && !state.parcelRows) loadAll();
    else {
      saveState();
      drawMap();
    }
  }));
  root.querySelectorAll('tr[data-id]').forEach((tr) => tr.addEventListener('click', () => {
    const level = state.meta.levels.find((l) => l.id === state.tableRows.level);
    const coll = level.id === 'enterprise' ? 'enterprises' : level.collection;
    const row = state.tableRows.rows.find((r) => r.id === tr.dataset.id);
    const id = row && row.feature_id !== undefined ? row.feature_id : tr.dataset.id;
    if (coll && id) ZA.selectFeature(coll, id);
  }));
  root.querySelectorAll('tr[data-parcel]').forEach((tr) => tr.addEventListener('click', () => ZA.selectFeature('parcels', tr.dataset.parcel)));
  const ex = root.querySelector('[data-act=expand]');
  if (ex) ex.addEventListener('click', () => {
    state.expanded = !state.expanded;
    render();
  });
  root.querySelectorAll('[data-dl]').forEach((b) => b.addEventListener('click', () => download(b.dataset.dl, b.dataset.name)));
  root.querySelectorAll('input[data-w]').forEach((r) => r.addEventListener('input', () => setWeight(r.dataset.w, r.value, r)));
  root.querySelectorAll('input[data-wn]').forEach((n) => n.addEventListener('input', () => setWeight(n.dataset.wn, n.value.trim(), n)));
  const auto = root.querySelector('input[data-k=autoBalance]');
  if (auto) auto.addEventListener('change', () => {
    state.autoBalance = auto.checked;
  });
  const cap = root.querySelector('input[data-k=cap]');
  if (cap) cap.addEventListener('change', () => {
    state.cap = Number(cap.value);
  });
  const run = root.querySelector('[data-act=run]');
  if (run) run.addEventListener('click', runWhatIf);
  const movers = root.querySelector('[data-act=movers]');
  if (movers) movers.addEventListener('click', () => {
    state.moversAll = true;
    render();
  });
  showWeightTotal();
  const reset = root.querySelector('[data-act=reset]');
  if (reset) reset.addEventListener('click', resetWhatIf);
  wireCharts();
}

// ---- panel --------------------------------------------------------------------------------

const css = document.createElement('link');
css.rel = 'stylesheet';
css.href = 'css/efficiency.css';
document.head.appendChild(css);

ZA.registerPanel({
  id: 'efficiency',
  titleZh: '亩均效益',
  titleEn: 'Mu efficiency',
  render(el) {
    root = el;
    render();
  },
  onLangChange() {
    render();
    drawMap();
  },
});

ZA.onAuthChange(() => {
  // what the server shows depends on the role: fetch again
  state.whatif = null;
  // the per-enterprise ranking is not offered any more: the level shown must be the one tabled
  if (state.level === 'enterprise' && !ZA.user.seesConfidential) state.level = 'industrial-park';
  loadAll();
});
ZA.map.on('zoomend', () => {
  if (groupLayer) groupLayer.setStyle((f) => ({ fillOpacity: groupFillOpacity() }));
  // the panel may be hidden behind another tab: its hint must still be right when it is shown
  const hint = root && root.querySelector('.eff-zoomhint');
  if (hint) hint.hidden = !parcelsTooFar();
});

/** The zoom from which the map draws parcels (from vector tiles: 10; as GeoJSON: 14). */
function parcelMinZoom() {
  return ZA.parcelMinZoom || 14;
}

function parcelsTooFar() {
  return state.map.has('parcels') && ZA.map.getZoom() < parcelMinZoom();
}

/** "The map shows what-if classes" only when it does: parcels coloured, by class, with what-if classes. */
function whatifOnMapHtml() {
  const onMap = state.whatif && state.map.has('parcels') && state.parcelRows && state.show === 'class';
  return onMap ? `<p class="eff-whatif-on">${esc(t('eff.whatif.on'))}</p>` : `<p class="za-muted eff-whatif-off">${esc(t('eff.whatif.off'))}</p>`;
}

ZA.ready.then(() => loadAll());

// for browser tests
ZA.efficiency = { state, reload: loadAll };
