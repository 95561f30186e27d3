// Every label of the page, Simplified Chinese first, English second. Panels add their own keys
// with ZA.i18n.add({zh: {...}, en: {...}}). A missing key shows the key itself, so gaps are visible.

const table = {
  zh: {
    'app.title': 'ZoneAtlas 开发区规划一张图',
    'app.short': '开发区一张图',
    'lang.switch': 'EN',
    'lang.switch.title': '切换为英文界面',
    'search.placeholder': '搜索园区、板块、项目、企业、地块编号（支持拼音）',
    'search.placeholder.short': '搜索名称、拼音、编号',
    'search.none': '没有找到匹配项',
    'search.error': '搜索失败',
    'search.match.pinyin': '拼音',
    'search.match.id': '编号',
    'search.match.uscc': '信用代码',
    'search.match.name_en': '英文名',
    'tab.layers': '图层',
    'tab.details': '详情',
    'sidebar.toggle': '面板',
    'basemap.title': '底图',
    'basemap.none': '无底图',
    'basemap.tianditu-vec': '天地图 矢量',
    'basemap.tianditu-img': '天地图 影像',
    'basemap.osm': 'OpenStreetMap',
    'basemap.amap': '高德地图（GCJ-02）',
    'basemap.amap.note': '高德底图采用 GCJ-02 加密坐标。为避免错位，本图已将所有数据按 GCJ-02 偏移后叠加显示；量算与坐标仍以 CGCS2000 为准。',
    'basemap.tianditu.note': '天地图采用 CGCS2000，与本图数据一致。',
    'layers.title': '图层',
    'layers.infrastructure': '重大基础设施',
    'layers.other': '其他图层',
    'layers.loading': '加载中…',
    'layers.error': '加载失败',
    'layers.zoomhint': '放大到 {z} 级及以上显示',
    'layers.count': '{n} 个',
    'layers.parcels.truncated': '当前视野地块过多，仅显示前 {n} 个',
    'layers.colorby': '着色',
    'layers.colorby.land_use': '用地分类',
    'layers.colorby.status': '土地状态',
    'group.zones': '开发区',
    'group.core-boards': '核心板块',
    'group.industrial-parks': '产业园区',
    'group.small-micro-parks': '小微企业园',
    'group.infra-metro': '轨道交通',
    'group.infra-rail': '铁路与货运',
    'group.infra-roads': '道路与桥梁',
    'group.infra-logistics': '物流枢纽与口岸',
    'group.infra-utilities': '市政公用设施',
    'group.infra-public': '公共服务设施',
    'group.parcels': '地块',
    'group.enterprises': '企业',
    'coll.zones': '开发区',
    'coll.core-boards': '核心板块',
    'coll.industrial-parks': '产业园区',
    'coll.small-micro-parks': '小微企业园',
    'coll.infrastructure': '基础设施',
    'coll.parcels': '地块',
    'coll.enterprises': '企业',
    'legend.title': '图例',
    'legend.empty': '未打开图层',
    'legend.toggle': '图例',
    'badge.schematic': '示意',
    'badge.schematic.title': '规划文件不含坐标，图形为示意位置',
    'badge.synthetic': '合成数据',
    'badge.synthetic.title': '演示用合成数据，非真实地籍或企业信息',
    'details.empty': '点击地图上的要素，或在上方搜索，查看详情。',
    'details.loading': '加载中…',
    'details.notfound': '未找到该要素',
    'details.area': '面积',
    'details.drawnArea': '图上面积',
    'details.plannedArea': '规划面积',
    'details.source': '规划依据',
    'details.lines': '第{l}行',
    'details.linesMany': '第{l}行',
    'details.notice': '（印发通知）',
    'details.quote': '规划原文',
    'details.attributes': '属性',
    'details.zoom': '缩放至',
    'details.share': '分享链接',
    'details.copied': '链接已复制，可直接粘贴到微信发送',
    'details.copy.manual': '请长按或手动复制此链接',
    'details.close': '关闭',
    'summary.title': '地块统计',
    'summary.parcels': '地块数',
    'summary.area': '地块面积',
    'summary.enterprises': '用地企业数',
    'summary.byLandUse': '按用地分类',
    'summary.byStatus': '按土地状态',
    'summary.none': '范围内没有地块',
    'summary.col.class': '分类',
    'summary.col.count': '个数',
    'summary.col.mu': '亩',
    'summary.col.ha': '公顷',
    'summary.col.share': '占比',
    'unit.mu': '亩',
    'unit.ha': '公顷',
    'unit.km2': '平方公里',
    'unit.m': '米',
    'unit.km': '公里',
    'unit.m2': '平方米',
    'yes': '是',
    'no': '否',
    'measure.distance': '测距',
    'measure.area': '测面',
    'measure.clear': '清除',
    'measure.title': '量算',
    'measure.length': '长度',
    'measure.perimeter': '周长',
    'measure.hint': '单击地图添加节点，单击最后一个节点结束',
    'auth.login': '登录',
    'auth.logout': '退出登录',
    'auth.username': '用户名',
    'auth.password': '密码',
    'auth.submit': '登录',
    'auth.cancel': '取消',
    'auth.failed': '用户名或密码错误',
    'auth.error': '登录失败',
    'auth.role': '角色',
    'audit.link': '变更记录',
    'role.anonymous': '访客',
    'role.prospect': '意向投资方',
    'role.planner': '规划人员',
    'role.land_officer': '土地管理人员',
    'role.admin': '管理员',
    'error.network': '无法连接服务器',
    'copy.ok': '已复制',
    'sep.list': '、',
    'sep.colon': '：',
  },
  en: {
    'app.title': 'ZoneAtlas development-zone plan map',
    'app.short': 'ZoneAtlas',
    'lang.switch': '中文',
    'lang.switch.title': 'Switch to Chinese',
    'search.placeholder': 'Search parks, boards, projects, enterprises, parcel ids',
    'search.placeholder.short': 'Search names, ids',
    'search.none': 'Nothing found',
    'search.error': 'Search failed',
    'search.match.pinyin': 'pinyin',
    'search.match.id': 'id',
    'search.match.uscc': 'credit code',
    'search.match.name_en': 'English name',
    'tab.layers': 'Layers',
    'tab.details': 'Details',
    'sidebar.toggle': 'Panel',
    'basemap.title': 'Basemap',
    'basemap.none': 'No basemap',
    'basemap.tianditu-vec': 'Tianditu map',
    'basemap.tianditu-img': 'Tianditu imagery',
    'basemap.osm': 'OpenStreetMap',
    'basemap.amap': 'AMap (GCJ-02)',
    'basemap.amap.note': 'AMap tiles use the shifted GCJ-02 coordinates. So that nothing is misaligned, all data is drawn shifted to GCJ-02 while this basemap is on; measurements and coordinates stay CGCS2000.',
    'basemap.tianditu.note': 'Tianditu uses CGCS2000, the same datum as this data.',
    'layers.title': 'Layers',
    'layers.infrastructure': 'Infrastructure projects',
    'layers.other': 'Other layers',
    'layers.loading': 'loading…',
    'layers.error': 'failed to load',
    'layers.zoomhint': 'shown from zoom {z}',
    'layers.count': '{n}',
    'layers.parcels.truncated': 'Too many parcels in view; showing the first {n}',
    'layers.colorby': 'Colour by',
    'layers.colorby.land_use': 'land use',
    'layers.colorby.status': 'status',
    'group.zones': 'Development zones',
    'group.core-boards': 'Core boards',
    'group.industrial-parks': 'Industrial parks',
    'group.small-micro-parks': 'Small-micro enterprise parks',
    'group.infra-metro': 'Metro',
    'group.infra-rail': 'Rail and freight',
    'group.infra-roads': 'Roads and bridges',
    'group.infra-logistics': 'Logistics hubs and ports',
    'group.infra-utilities': 'Utilities',
    'group.infra-public': 'Public facilities',
    'group.parcels': 'Parcels',
    'group.enterprises': 'Enterprises',
    'coll.zones': 'Development zone',
    'coll.core-boards': 'Core board',
    'coll.industrial-parks': 'Industrial park',
    'coll.small-micro-parks': 'Small-micro park',
    'coll.infrastructure': 'Infrastructure',
    'coll.parcels': 'Parcel',
    'coll.enterprises': 'Enterprise',
    'legend.title': 'Legend',
    'legend.empty': 'No layer switched on',
    'legend.toggle': 'Legend',
    'badge.schematic': 'schematic',
    'badge.schematic.title': 'The plans hold no coordinates: the geometry shows a schematic position',
    'badge.synthetic': 'synthetic',
    'badge.synthetic.title': 'Synthetic demo data, not real land records or enterprises',
    'details.empty': 'Click a feature on the map, or search above, to see its details.',
    'details.loading': 'loading…',
    'details.notfound': 'Feature not found',
    'details.area': 'Area',
    'details.drawnArea': 'Drawn area',
    'details.plannedArea': 'Planned area',
    'details.source': 'Plan source',
    'details.lines': 'line {l}',
    'details.linesMany': 'lines {l}',
    'details.notice': ' (issuing notice)',
    'details.quote': 'Plan text (Chinese)',
    'details.attributes': 'Attributes',
    'details.zoom': 'Zoom to',
    'details.share': 'Share link',
    'details.copied': 'Link copied: paste it into WeChat to send',
    'details.copy.manual': 'Copy this link by hand',
    'details.close': 'Close',
    'summary.title': 'Parcel totals',
    'summary.parcels': 'Parcels',
    'summary.area': 'Parcel area',
    'summary.enterprises': 'Enterprises on the land',
    'summary.byLandUse': 'By land use',
    'summary.byStatus': 'By status',
    'summary.none': 'No parcels inside',
    'summary.col.class': 'Class',
    'summary.col.count': 'Count',
    'summary.col.mu': 'mu',
    'summary.col.ha': 'ha',
    'summary.col.share': 'Share',
    'unit.mu': 'mu',
    'unit.ha': 'ha',
    'unit.km2': 'km²',
    'unit.m': 'm',
    'unit.km': 'km',
    'unit.m2': 'm²',
    'yes': 'yes',
    'no': 'no',
    'measure.distance': 'Distance',
    'measure.area': 'Area',
    'measure.clear': 'Clear',
    'measure.title': 'Measure',
    'measure.length': 'Length',
    'measure.perimeter': 'Perimeter',
    'measure.hint': 'Click to add points; click the last point to finish',
    'auth.login': 'Log in',
    'auth.logout': 'Log out',
    'auth.username': 'User name',
    'auth.password': 'Password',
    'auth.submit': 'Log in',
    'auth.cancel': 'Cancel',
    'auth.failed': 'Wrong user name or password',
    'auth.error': 'Login failed',
    'auth.role': 'Role',
    'audit.link': 'Audit trail',
    'role.anonymous': 'guest',
    'role.prospect': 'prospect',
    'role.planner': 'planner',
    'role.land_officer': 'land officer',
    'role.admin': 'administrator',
    'error.network': 'Cannot reach the server',
    'copy.ok': 'Copied',
    'sep.list': ', ',
    'sep.colon': ': ',
  },
};

// Values of coded attributes, shown in place of the code.
const values = {
  zone: {
    zzetdz: ['郑州经开区', 'Zhengzhou ETDZ'],
    zzhitech: ['郑州高新区', 'Zhengzhou Hi-tech Zone'],
    xxetdz: ['新乡经开区', 'Xinxiang ETDZ'],
    zhengzhou: ['郑州市', 'Zhengzhou (city)'],
  },
  parcelStatus: {
    in_use: ['在用', 'in use'],
    approved_not_supplied: ['批而未供', 'approved, not supplied'],
    available: ['可供应', 'available'],
    supplied_not_used: ['供而未用', 'supplied, not used'],
    under_construction: ['在建', 'under construction'],
    partly_used: ['用而未尽', 'partly used'],
    built_not_producing: ['建而未投', 'built, not producing'],
    idle: ['闲置', 'idle'],
  },
  planStatus: {
    existing: ['已建成', 'existing'],
    under_construction: ['在建', 'under construction'],
    planned: ['规划', 'planned'],
    proposed: ['拟建', 'proposed'],
  },
  kind: {
    development_zone: ['开发区', 'development zone'],
    district: ['功能区', 'district'],
    core_board: ['核心板块', 'core board'],
    functional_area: ['功能片区', 'functional area'],
    industrial_park: ['产业园区', 'industrial park'],
    bonded_zone: ['保税区', 'bonded zone'],
    logistics_park: ['物流园区', 'logistics park'],
    industrial_base: ['产业基地', 'industrial base'],
    innovation_park: ['科创园区', 'innovation park'],
    service_park: ['服务业园区', 'service park'],
    small_micro_park: ['小微企业园', 'small-micro park'],
    standard_factory: ['标准化厂房', 'standard factory'],
    incubator: ['孵化器', 'incubator'],
    metro_line: ['地铁线路', 'metro line'],
    metro_station: ['地铁站', 'metro station'],
    rail_line: ['铁路', 'rail line'],
    rail_station: ['铁路车站', 'rail station'],
    freight_yard: ['货运场站', 'freight yard'],
    land_port: ['陆港口岸', 'land port'],
    airport: ['机场', 'airport'],
    expressway: ['高速/快速路', 'expressway'],
    interchange: ['高速互通', 'expressway interchange'],
    road: ['道路', 'road'],
    bridge: ['桥梁', 'bridge'],
    logistics_hub: ['物流枢纽', 'logistics hub'],
    substation: ['变电站', 'substation'],
    power_plant: ['电厂', 'power plant'],
    water_plant: ['供水设施', 'water supply'],
    sewage_plant: ['污水处理厂', 'sewage plant'],
    gas: ['燃气设施', 'gas'],
    heating: ['供热设施', 'heating'],
    school: ['学校', 'school'],
    hospital: ['医院', 'hospital'],
    public_facility: ['公共设施', 'public facility'],
    green: ['绿地', 'green space'],
    digital: ['新型基础设施', 'digital infrastructure'],
  },
  sizeClass: {
    '规上': ['规模以上', 'above designated size'],
    '规下': ['规模以下', 'below designated size'],
  },

};

let lang = 'zh';

export function setLang(l) {
  lang = l === 'en' ? 'en' : 'zh';
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
}

export function getLang() {
  return lang;
}

/** The label for a key in the current language; {name} placeholders are filled from vars. */
export function t(key, vars) {
  let s = table[lang][key];
  if (s === undefined) s = table.zh[key];
  if (s === undefined) return key;
  if (vars) {
    for (const [k, v] of Object.entries(vars)) s = s.split('{' + k + '}').join(String(v));
  }
  return s;
}

/** Adds or overrides labels: {zh: {key: text}, en: {key: text}}. */
export function add(more) {
  for (const l of ['zh', 'en']) {
    if (more && more[l]) Object.assign(table[l], more[l]);
  }
}

/** The label of a coded value (vocab: zone, parcelStatus, planStatus, kind, sizeClass), or the code. */
export function value(vocab, code) {
  const v = values[vocab] && values[vocab][code];
  if (!v) return code;
  return lang === 'en' ? v[1] : v[0];
}

/**
 * An instant as readers in China read it, the same on every screen and in every export (the
 * server's http/ChinaTime): "2026-12-07 20:53（北京时间）" or "2026-12-07 20:53 (Beijing time)";
 * {@code zone} false leaves the words out, for a column headed 时间（北京时间）.
 */
export function formatTime(iso, zone = true) {
  const d = new Date(iso);
  if (!iso || !Number.isFinite(d.getTime())) return '';
  const p = {};
  for (const part of new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(d)) p[part.type] = part.value;
  const s = `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
  return zone ? s + (lang === 'en' ? ' (Beijing time)' : '（北京时间）') : s;
}

// a unit's English words (the server's efficiency/ExportView writes the same in English downloads)
const UNITS_EN = [['吨标准煤', 'tce'], ['万元', '10,000 CNY'], ['公顷', 'ha'], ['亩', 'mu'], ['当量', 'pollutant equivalent'], ['人', 'person']];

/** A unit as the reader writes it: "万元/亩" in Chinese, "10,000 CNY/mu" in English. */
export function unitWords(unit) {
  if (!unit || lang !== 'en') return unit || '';
  let u = unit;
  for (const [zh, en] of UNITS_EN) u = u.split(zh).join(en);
  return u;
}

/**
 * A parcel as readers name it, by its zone and number ("新乡经开区 000123 号地块", "Xinxiang ETDZ
 * parcel 000123"), the way the server's sites/Labels.parcelName and the site card do: the system id
 * P-XXETDZ-000123 means nothing to a reader; a split part is 000123-1 号地块. An imported parcel keeps its own
 * number (地块 宗地编号).
 */
export function parcelName(id, zone) {
  const m = /^P-([A-Za-z0-9]+)-(N?[0-9A-Z]+(?:-[0-9]+)*)$/.exec(String(id));
  const code = zone || (m ? m[1].toLowerCase() : '');
  const z = code && values.zone[code] ? value('zone', code) + ' ' : '';
  if (!m) return z + (lang === 'en' ? 'parcel ' : '地块 ') + id;
  return lang === 'en' ? z + 'parcel ' + m[2] : z + m[2] + ' 号地块';
}

/** Picks the Chinese or English text of a pair by the current language, falling back to the other. */
export function pick(zh, en) {
  if (lang === 'en') return en || zh || '';
  return zh || en || '';
}
