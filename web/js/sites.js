// Spatial queries and the investment site finder (选址): a sidebar panel with five tools —
// 选址 (site finder), 此处 (what is here), 范围 (what is inside a drawn shape), 周边 (what is near)
// and 廊道 (what a road or rail corridor takes). Everything is computed by the server
// (/api/here, /api/inside, /api/near, /api/corridor, /api/sites/...); this file draws forms,
// lists and a results overlay. Runs after js/app.js, so window.ZA is ready.

import { landUseName } from './styles.js';
import { downloadName } from './api.js';

const ZA = window.ZA;

ZA.i18n.add({
  zh: {
    'sites.tab.find': '选址',
    'sites.tab.here': '此处',
    'sites.tab.inside': '范围',
    'sites.tab.near': '周边',
    'sites.tab.corridor': '廊道',
    'sites.overlay': '空间查询结果',
    'sites.busy': '查询中…',
    'sites.error': '查询失败：',
    'sites.error.input': '填写的条件有误，请检查后重试',
    'sites.error.tooMany': '符合筛选条件的地块太多，请先选定开发区、园区、用地类别或面积范围',
    'sites.error.notFound': '没有找到所选要素，可能已被修改或删除',
    'sites.error.server': '服务器暂时无法回答，请稍后重试',
    'sites.error.network': '无法连接服务器，请检查网络后重试',
    'sites.synthetic': '地块与企业为合成示例数据；规划要素位置为示意。',
    'sites.pick': '在地图上点选位置',
    'sites.pick.active': '请点击地图…（再次点击按钮取消）',
    'sites.here.hint': '点选地图上的一点，列出该处的地块、小微园、园区、板块、开发区及附近基础设施。',
    'sites.here.none': '此处没有要素。',
    'sites.here.tolerance': '基础设施捕捉距离（米）',
    'sites.inside.hint': '在地图上绘制多边形、矩形或圆形，统计范围内的地块。',
    'sites.inside.polygon': '多边形',
    'sites.inside.rectangle': '矩形',
    'sites.inside.circle': '圆形',
    'sites.inside.mode': '选取方式',
    'sites.inside.intersects': '与范围相交',
    'sites.inside.within': '完全在范围内',
    'sites.inside.shape': '范围面积',
    'sites.inside.parcels': '地块',
    'sites.inside.total': '地块总面积',
    'sites.inside.part': '范围内面积',
    'sites.inside.byUse': '按用地分类',
    'sites.inside.byStatus': '按土地状态',
    'sites.inside.eff': '企业与亩均（简易合计）',
    'sites.inside.ents': '企业数',
    'sites.inside.tax': '税收（万元）',
    'sites.inside.rev': '营业收入（万元）',
    'sites.inside.taxMu': '亩均税收（万元/亩）',
    'sites.inside.revMu': '亩均营收（万元/亩）',
    'sites.inside.list': '地块清单',
    'sites.inside.more': '另有 {n} 个地块未列出',
    'sites.inside.truncated': '结果超过上限，仅列出前 {n} 个地块（合计仍为全部）',
    'sites.export.geojson': '导出 GeoJSON',
    'sites.export.csv': '导出 CSV',
    'sites.near.hint': '从地图选点，或使用当前选中的地块，查看到各类基础设施的最近距离。',
    'sites.near.useSelected': '使用选中地块',
    'sites.near.noSelection': '请先在地图上选中一个地块',
    'sites.near.radius': '周边半径（米，可空）',
    'sites.near.nearest': '最近基础设施（测地线距离）',
    'sites.near.within': '半径内要素',
    'sites.near.none': '{km} 公里内无',
    'sites.corridor.hint': '选中一条道路或铁路（基础设施线），按红线宽度计算占用地块。',
    'sites.corridor.id': '道路或铁路',
    'sites.corridor.width': '红线宽度（米，可空用默认值）',
    'sites.corridor.useSelected': '使用选中要素',
    'sites.corridor.run': '计算占地',
    'sites.corridor.take': '占用面积',
    'sites.corridor.area': '廊道面积',
    'sites.corridor.width.src': '红线宽度',
    'sites.corridor.width.given': '按填写的宽度',
    'sites.corridor.width.default': '规划未载明，按同类道路默认宽度',
    'sites.find.area': '面积（亩）',
    'sites.find.min': '最小',
    'sites.find.max': '最大',
    'sites.find.landUse': '用地类别',
    'sites.find.any': '不限',
    'sites.find.zone': '开发区',
    'sites.find.park': '园区',
    'sites.find.park.placeholder': '输入园区名称或拼音，可空',
    'sites.find.board': '核心板块',
    'sites.find.board.placeholder': '输入板块名称或拼音，可空',
    'sites.find.parkSelected': '用选中园区',
    'sites.pickList.none': '没有名称匹配的项',
    'sites.pickList.error': '搜索失败',
    'sites.pickList.clear': '清除',
    'sites.find.scope': '供水、污水设施只计同城设施，变电站只计本开发区及全市性规划设施。',
    'sites.find.status': '土地状态',
    'sites.find.distance': '最远可接受距离（公里，可空）',
    'sites.find.investor': '项目投资与税收（标准地测算，可空）',
    'sites.find.invest': '固定资产投资（万元）',
    'sites.find.tax': '预计年税收（万元）',
    'sites.find.total': '万元（总额）',
    'sites.find.perMu': '以上为亩均数（万元/亩），而非总额',
    'sites.find.run': '查找地块',
    'sites.find.result': '符合条件 {q} 个（候选 {c} 个）',
    'sites.find.excluded': '未入选原因',
    'sites.find.none': '没有符合条件的地块，可放宽距离或面积条件。',
    'sites.find.show': '定位',
    'sites.find.card': '地块卡片',
    'sites.find.compare': '对比所选（最多3个）',
    'sites.find.score': '得分',
    'sites.find.ranking': '排序方法',
    'sites.find.ranking.head': '排序方法：',
    'sites.corridor.placeholder': '输入道路或铁路名称搜索',
    'sites.corridor.pick': '请从列表中选择一条道路或铁路',
  },
  en: {
    'sites.tab.find': 'Finder',
    'sites.tab.here': 'Here',
    'sites.tab.inside': 'Inside',
    'sites.tab.near': 'Near',
    'sites.tab.corridor': 'Corridor',
    'sites.overlay': 'Query results',
    'sites.busy': 'Working…',
    'sites.error': 'Query failed: ',
    'sites.synthetic': 'Parcels and enterprises are synthetic; plan features are schematic.',
    'sites.pick': 'Pick a point on the map',
    'sites.pick.active': 'Click the map… (press again to cancel)',
    'sites.here.hint': 'Pick a point to list the parcel, small-micro park, park, board, zone and nearby infrastructure there.',
    'sites.here.none': 'Nothing here.',
    'sites.here.tolerance': 'Infrastructure snap distance (m)',
    'sites.inside.hint': 'Draw a polygon, rectangle or circle to total the parcels inside.',
    'sites.inside.polygon': 'Polygon',
    'sites.inside.rectangle': 'Rectangle',
    'sites.inside.circle': 'Circle',
    'sites.inside.mode': 'Selection',
    'sites.inside.intersects': 'meeting the shape',
    'sites.inside.within': 'wholly within',
    'sites.inside.shape': 'Shape area',
    'sites.inside.parcels': 'Parcels',
    'sites.inside.total': 'Parcel area',
    'sites.inside.part': 'Area inside',
    'sites.inside.byUse': 'By land use',
    'sites.inside.byStatus': 'By status',
    'sites.inside.eff': 'Enterprises and per-mu sums (simple)',
    'sites.inside.ents': 'Enterprises',
    'sites.inside.tax': 'Tax (10k CNY)',
    'sites.inside.rev': 'Revenue (10k CNY)',
    'sites.inside.taxMu': 'Tax per mu',
    'sites.inside.revMu': 'Revenue per mu',
    'sites.inside.list': 'Parcels',
    'sites.inside.more': '{n} more not listed',
    'sites.inside.truncated': 'Over the limit: only the first {n} parcels are listed (totals cover all)',
    'sites.export.geojson': 'GeoJSON',
    'sites.export.csv': 'CSV',
    'sites.near.hint': 'Pick a point or use the selected parcel to see distances to the nearest infrastructure.',
    'sites.near.useSelected': 'Use selected parcel',
    'sites.near.noSelection': 'Select a parcel on the map first',
    'sites.near.radius': 'Radius (m, optional)',
    'sites.near.nearest': 'Nearest infrastructure (geodesic)',
    'sites.near.within': 'Within the radius',
    'sites.near.none': 'none within {km} km',
    'sites.corridor.hint': 'Select a road or rail line to see which parcels its red-line corridor takes.',
    'sites.corridor.id': 'Road or rail line',
    'sites.corridor.width': 'Red-line width (m, optional)',
    'sites.corridor.useSelected': 'Use selection',
    'sites.corridor.run': 'Compute take',
    'sites.corridor.take': 'Area taken',
    'sites.corridor.area': 'Corridor area',
    'sites.corridor.width.src': 'Width',
    'sites.corridor.width.given': 'as given',
    'sites.corridor.width.default': 'the plan states none: the default for its kind',
    'sites.find.area': 'Area (mu)',
    'sites.find.min': 'min',
    'sites.find.max': 'max',
    'sites.find.landUse': 'Land use',
    'sites.find.any': 'any',
    'sites.find.zone': 'Zone',
    'sites.find.park': 'Park',
    'sites.find.park.placeholder': 'Type a park name (optional)',
    'sites.find.board': 'Core board',
    'sites.find.board.placeholder': 'Type a board name (optional)',
    'sites.find.parkSelected': 'Selected park',
    'sites.pickList.none': 'No name matches',
    'sites.pickList.error': 'Search failed',
    'sites.pickList.clear': 'Clear',
    'sites.find.scope': 'Water supply and sewage count only facilities of the same city; substations only those of the same zone or the city-wide plan.',
    'sites.find.status': 'Status',
    'sites.find.distance': 'Longest acceptable distance (km, optional)',
    'sites.find.investor': 'Project investment and tax (standard-land test, optional)',
    'sites.find.invest': 'Investment (10k CNY)',
    'sites.find.tax': 'Annual tax (10k CNY)',
    'sites.find.total': '10k CNY total',
    'sites.find.perMu': 'figures above are per mu, not totals',
    'sites.find.run': 'Find sites',
    'sites.find.result': '{q} qualifying of {c} candidates',
    'sites.find.excluded': 'Turned away',
    'sites.find.none': 'No parcel qualifies; relax the distance or area limits.',
    'sites.find.show': 'Show',
    'sites.find.card': 'Site card',
    'sites.find.compare': 'Compare selected (up to 3)',
    'sites.find.score': 'score',
    'sites.find.ranking': 'Ranking',
    'sites.find.ranking.head': 'Ranking: ',
    'sites.corridor.placeholder': 'Type a road or rail line name',
    'sites.corridor.pick': 'Choose a road or rail line from the list',
  },
});

const t = (k, v) => ZA.t(k, v);
const zh = () => ZA.lang !== 'en';

/** A label without the kind it starts with ("地块 P-1 · …" → "P-1 · …"; "zone · Zhengzhou…" → "Zhengzhou…"). */
function withoutKind(label, kind) {
  const l = String(label || '');
  const k = String(kind || '').toLowerCase().trim();
  if (!k) return l;
  const dot = l.indexOf(' · ');
  const head = dot > 0 ? l.slice(0, dot).toLowerCase() : '';
  // a head with a number is a name (新乡经开区 000123 号地块), never the kind alone
  if (head && !/\d/.test(head) && (head === k || k.endsWith(head) || head.endsWith(k))) return l.slice(dot + 3);
  const sp = l.indexOf(' ');
  if (sp > 0 && l.slice(0, sp).toLowerCase() === k) return l.slice(sp + 1).replace(/^·\s*/, '');
  return l;
}
const pick = (a, b) => (zh() ? a : b || a);
const M2_PER_MU = 10000 / 15;

function esc(s) {
  return String(s === null || s === undefined ? '' : s).replace(/[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

function num(v, d = 2) {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  return Number(v).toLocaleString(zh() ? 'zh-CN' : 'en-US', { maximumFractionDigits: d, minimumFractionDigits: 0 });
}

/** A parcel as readers name it, its zone and number (one rule for every panel: i18n.parcelName). */
const parcelLabel = (id, zone) => ZA.i18n.parcelName(id, zone);

function dist(m) {
  if (m === null || m === undefined) return '—';
  if (zh()) return m >= 1000 ? num(m / 1000, 2) + ' 公里' : num(m, 0) + ' 米';
  return m >= 1000 ? num(m / 1000, 2) + ' km' : num(m, 0) + ' m';
}

function el(tag, attrs = {}, html = '') {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v !== null && v !== undefined && v !== false) e.setAttribute(k, v === true ? '' : v);
  }
  if (html) e.innerHTML = html;
  return e;
}

// ---- choosing a plan feature by name ------------------------------------------------------------

/**
 * A search-as-you-type field for plan features (parks, boards, roads): the user types a name in
 * Chinese, English or pinyin, picks from the list of /api/search, and sees the name; the id the
 * API wants stays in a hidden input named {@code name}. Editing the text after a pick forgets the
 * id, so nothing half-typed is ever sent as one.
 *
 * @param opts.collections searchable collections (SearchService.COLLECTIONS)
 * @param opts.filter optional test a hit must pass (e.g. only line kinds)
 * @param opts.onChange called with {id, name} or null
 */
function pickList({ name, collections, placeholder, filter, onChange }) {
  const box = el('div', { class: 'za-pick' });
  const input = el('input', {
    type: 'text', class: 'za-text', placeholder, autocomplete: 'off', role: 'combobox', 'aria-expanded': 'false',
    'aria-autocomplete': 'list', 'data-pick': name,
  });
  const hidden = el('input', { type: 'hidden', name });
  const clear = el('button', { type: 'button', class: 'za-pick-clear', title: t('sites.pickList.clear'), 'aria-label': t('sites.pickList.clear') }, '×');
  const list = el('ul', { class: 'za-pick-list', role: 'listbox' });
  list.hidden = true;
  clear.hidden = true;
  box.append(input, clear, hidden, list);
  let hits = [];
  let active = -1;
  let timer = null;
  let ctrl = null;

  const hitName = (h) => pick(h.name_zh, h.name_en);
  const hitMeta = (h) => [ZA.t('coll.' + h.collection), h.kind ? ZA.i18n.value('kind', h.kind) : null, h.zone ? ZA.i18n.value('zone', h.zone) : null]
    .filter(Boolean).filter((v, i, a) => a.indexOf(v) === i).join(' · ');

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  }

  function show() {
    list.innerHTML = hits.length
      ? hits.map((h, i) => '<li role="option" data-i="' + i + '" class="' + (i === active ? 'active' : '') + '" aria-selected="' + (i === active)
        + '"><span class="za-pick-name">' + esc(hitName(h)) + '</span><span class="za-pick-meta">' + esc(hitMeta(h)) + '</span></li>').join('')
      : '<li class="za-pick-none">' + esc(t('sites.pickList.none')) + '</li>';
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function set(v, silent) {
    hidden.value = v ? v.id : '';
    input.value = v ? v.name : '';
    clear.hidden = !v;
    if (!silent && onChange) onChange(v);
  }

  function choose(i) {
    const h = hits[i];
    if (!h) return;
    set({ id: h.id, name: hitName(h) });
    close();
  }

  async function search() {
    const q = input.value.trim();
    if (ctrl) ctrl.abort();
    if (!q) {
      hits = [];
      close();
      return;
    }
    ctrl = new AbortController();
    try {
      const r = await ZA.api('/api/search?q=' + encodeURIComponent(q) + '&limit=20&collections=' + collections.join(','), { signal: ctrl.signal });
      hits = r.results.filter((h) => !filter || filter(h)).slice(0, 10);
      active = hits.length ? 0 : -1;
      list.dataset.q = q; // which query the list answers (a test waits for it)
      show();
    } catch (e) {
      if (e.name === 'AbortError') return;
      list.innerHTML = '<li class="za-pick-none">' + esc(t('sites.pickList.error')) + '</li>';
      list.hidden = false;
    }
  }

  input.addEventListener('input', () => {
    if (hidden.value) {
      hidden.value = '';
      clear.hidden = true;
      if (onChange) onChange(null);
    }
    clearTimeout(timer);
    timer = setTimeout(search, 180);
  });
  input.addEventListener('keydown', (e) => {
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && hits.length) {
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : -1) + hits.length) % hits.length;
      show();
    } else if (e.key === 'Enter') {
      // Enter picks, it never submits a half-typed name
      e.preventDefault();
      if (!list.hidden && hits.length) choose(active < 0 ? 0 : active);
    } else if (e.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  // pointerdown, not click: it comes before the input's blur closes the list
  list.addEventListener('pointerdown', (e) => {
    const li = e.target.closest('li[data-i]');
    if (!li) return;
    e.preventDefault();
    choose(Number(li.dataset.i));
  });
  clear.addEventListener('click', () => {
    set(null);
    input.focus();
  });

  return {
    el: box,
    input,
    set,
    /** Shows the name of a feature known only by id (from a link or the map's selection). */
    async setId(id) {
      if (!id) {
        set(null, true);
        return;
      }
      hidden.value = id;
      try {
        const r = await ZA.api('/api/search?q=' + encodeURIComponent(id) + '&limit=5&collections=' + collections.join(','));
        const h = r.results.find((x) => x.id === id);
        set({ id, name: h ? hitName(h) : '' }, true);
      } catch (e) {
        set({ id, name: '' }, true);
      }
    },
  };
}

// CSS of the panel and the results, kept next to this file
document.head.appendChild(el('link', { rel: 'stylesheet', href: 'css/sites.css' }));

// ---- results overlay ------------------------------------------------------------------------

const STYLE = {
  shape: { color: '#ff6d00', weight: 2, dashArray: '6 4', fillOpacity: 0.06, interactive: false },
  parcel: { color: '#ff6d00', weight: 2, fillColor: '#ffab40', fillOpacity: 0.35, interactive: false },
  corridor: { color: '#c62828', weight: 2, fillColor: '#ef5350', fillOpacity: 0.3, interactive: false },
  line: { color: '#1565c0', weight: 2, dashArray: '4 4', interactive: false },
};
const overlay = L.featureGroup();
ZA.addOverlay({ zh: '空间查询结果', en: 'Query results' }, overlay, {
  id: 'sites-results',
  legend: [
    { color: '#ff6d00', fill: '#ffab40', label: { zh: '查询范围内地块', en: 'Parcels found' } },
    { color: '#c62828', fill: '#ef5350', label: { zh: '道路红线廊道', en: 'Red-line corridor' } },
    { color: '#1565c0', label: { zh: '最近距离', en: 'Nearest distance' } },
  ],
  visible: true,
});

function clearOverlay() {
  overlay.clearLayers();
}

function fit(layer) {
  const b = layer.getBounds ? layer.getBounds() : null;
  if (b && b.isValid()) ZA.map.fitBounds(b, { padding: [30, 30], maxZoom: 17 });
}

// ---- panel state ------------------------------------------------------------------------------

const SECTIONS = ['find', 'here', 'inside', 'near', 'corridor'];
const state = {
  section: SECTIONS.includes(ZA.permalink.get('st')) ? ZA.permalink.get('st') : 'find',
  results: {},
  picking: null,
  drawing: null,
  categories: null,
  compare: new Set(),
};
let root = null;

function setSection(s) {
  state.section = s;
  ZA.permalink.set('st', s === 'find' ? null : s);
  stopPicking();
  stopDrawing();
  render();
}

function render() {
  if (!root) return;
  root.innerHTML = '';
  const nav = el('div', { class: 'za-sites-nav', role: 'tablist' });
  for (const s of SECTIONS) {
    nav.appendChild(el('button', {
      type: 'button', class: 'btn btn-small' + (s === state.section ? ' active' : ''), 'aria-selected': String(s === state.section),
      onclick: () => setSection(s),
    }, esc(t('sites.tab.' + s))));
  }
  root.appendChild(nav);
  const body = el('div', { class: 'za-sites-body' });
  root.appendChild(body);
  ({ find: renderFind, here: renderHere, inside: renderInside, near: renderNear, corridor: renderCorridor })[state.section](body);
  root.appendChild(el('p', { class: 'za-sites-note' }, esc(t('sites.synthetic'))));
}

function status(box, text, isError) {
  box.innerHTML = '<p class="za-sites-status' + (isError ? ' error' : '') + '">' + esc(text) + '</p>';
}

/** What went wrong, in the reader's language (the server's description is English, for developers). */
function problem(e) {
  if (!zh()) return t('sites.error') + e.message;
  if (e.status === 400 || e.status === 422) {
    const p = (e.body && e.body.parameter) || '';
    const f = FIELD_NAMES[p] || (p.startsWith('max_m.') ? t('sites.find.distance') : '');
    return p === 'filters' ? t('sites.error.tooMany') : t('sites.error.input') + (f ? '（' + f + '）' : '');
  }
  if (e.status === 404) return t('sites.error.notFound');
  if (e.status >= 500) return t('sites.error.server');
  return t('sites.error.network');
}

const FIELD_NAMES = {
  area_mu_min: '面积', area_mu_max: '面积', land_use: '用地类别', zone: '开发区', park: '园区', board: '核心板块', status: '土地状态',
  invest_wan: '固定资产投资', invest_wan_per_mu: '固定资产投资', tax_wan: '预计年税收', tax_wan_per_mu: '预计年税收', width_m: '红线宽度',
  radius_m: '周边半径', tolerance_m: '捕捉距离', id: '道路或铁路',
};

async function run(box, fn) {
  status(box, t('sites.busy'));
  try {
    await fn();
  } catch (e) {
    status(box, problem(e), true);
  }
}

// ---- picking a point ---------------------------------------------------------------------------

function startPicking(onPoint, button) {
  if (state.picking) {
    stopPicking();
    return;
  }
  stopDrawing();
  ZA.setBusy(true);
  ZA.map.getContainer().classList.add('za-sites-picking');
  const handler = (e) => {
    stopPicking();
    onPoint(e.latlng);
  };
  state.picking = { handler, button };
  if (button) {
    button.classList.add('active');
    button.textContent = t('sites.pick.active');
  }
  ZA.map.on('click', handler);
}

function stopPicking() {
  if (!state.picking) return;
  ZA.map.off('click', state.picking.handler);
  if (state.picking.button) {
    state.picking.button.classList.remove('active');
    state.picking.button.textContent = t('sites.pick');
  }
  state.picking = null;
  ZA.map.getContainer().classList.remove('za-sites-picking');
  // let this click finish before features may be selected again
  setTimeout(() => ZA.setBusy(false), 0);
}

// ---- what is here ---------------------------------------------------------------------------

function renderHere(body) {
  body.appendChild(el('p', { class: 'za-sites-hint' }, esc(t('sites.here.hint'))));
  const tol = el('input', { type: 'number', min: '0', max: '500', step: '5', value: state.hereTol || '25', class: 'za-num' });
  tol.addEventListener('change', () => (state.hereTol = tol.value));
  const btn = el('button', { type: 'button', class: 'btn btn-primary' }, esc(t('sites.pick')));
  const out = el('div', { class: 'za-sites-out' });
  btn.addEventListener('click', () => startPicking((ll) => here(ll, tol.value, out), btn));
  body.appendChild(el('div', { class: 'za-row' }, '')).append(btn);
  const row = el('label', { class: 'za-row' }, esc(t('sites.here.tolerance')) + ' ');
  row.appendChild(tol);
  body.appendChild(row);
  body.appendChild(out);
  if (state.results.here) showHere(state.results.here, out);
}

function here(ll, tol, out) {
  return run(out, async () => {
    const r = await ZA.api('/api/here?lon=' + ll.lng.toFixed(7) + '&lat=' + ll.lat.toFixed(7) + '&tolerance_m=' + encodeURIComponent(tol || 25));
    state.results.here = r;
    clearOverlay();
    L.circleMarker([r.lat, r.lon], { radius: 6, color: '#ff6d00', weight: 3, interactive: false }).addTo(overlay);
    const first = r.results.find((i) => i.collection === 'parcels');
    if (first && first.geometry) L.geoJSON(first.geometry, { style: STYLE.parcel }).addTo(overlay);
    showHere(r, out);
  });
}

function showHere(r, out) {
  if (!r.results.length) {
    status(out, t('sites.here.none'));
    return;
  }
  const ul = el('ul', { class: 'za-sites-list' });
  for (const it of r.results) {
    const li = el('li');
    // the tag names the kind; the label the server writes starts with the kind too ("地块 P-…",
    // "开发区 · 郑州…"): written once, not twice
    const tag = zh() ? it.collection_zh || ZA.t('coll.' + it.collection) : ZA.t('coll.' + it.collection);
    const a = el('a', { href: '#', class: 'za-link' }, esc(withoutKind(pick(it.label_zh, it.label_en), tag)));
    a.addEventListener('click', (e) => {
      e.preventDefault();
      ZA.selectFeature(it.collection, it.id, { fit: it.collection !== 'zones' });
    });
    li.appendChild(el('span', { class: 'za-tag' }, esc(tag)));
    li.appendChild(a);
    if (it.distance_m !== undefined && it.distance_m !== null) li.appendChild(el('small', {}, ' · ' + esc(dist(it.distance_m))));
    if (it.enterprises && it.enterprises.length) {
      li.appendChild(el('div', { class: 'za-sub' }, esc(it.enterprises.map((e) => pick(e.name_zh, e.name_en)).join('、'))));
    }
    if (it.collection === 'parcels') {
      li.appendChild(el('div', { class: 'za-sub' }, '<a href="site.html?id=' + encodeURIComponent(it.id) + '" target="_blank" rel="noopener">'
        + esc(t('sites.find.card')) + '</a>'));
    }
    ul.appendChild(li);
  }
  out.innerHTML = '';
  out.appendChild(ul);
}

// ---- what is inside --------------------------------------------------------------------------

function renderInside(body) {
  body.appendChild(el('p', { class: 'za-sites-hint' }, esc(t('sites.inside.hint'))));
  const row = el('div', { class: 'za-row' });
  for (const [shape, key] of [['Polygon', 'polygon'], ['Rectangle', 'rectangle'], ['Circle', 'circle']]) {
    row.appendChild(el('button', {
      type: 'button', class: 'btn' + (state.drawing === shape ? ' active' : ''), onclick: () => startDrawing(shape),
    }, esc(t('sites.inside.' + key))));
  }
  body.appendChild(row);
  const mode = el('select', { class: 'za-select' });
  for (const m of ['intersects', 'within']) {
    mode.appendChild(el('option', { value: m, selected: (state.insideMode || 'intersects') === m }, esc(t('sites.inside.' + m))));
  }
  mode.addEventListener('change', () => {
    state.insideMode = mode.value;
    if (state.lastShape) inside(state.lastShape);
  });
  const ml = el('label', { class: 'za-row' }, esc(t('sites.inside.mode')) + ' ');
  ml.appendChild(mode);
  body.appendChild(ml);
  const out = el('div', { class: 'za-sites-out', id: 'za-inside-out' });
  body.appendChild(out);
  if (state.results.inside) showInside(state.results.inside, out);
}

function startDrawing(shape) {
  stopPicking();
  if (ZA.map.pm.globalDrawModeEnabled()) ZA.map.pm.disableDraw();
  if (state.drawing === shape) {
    stopDrawing();
    render();
    return;
  }
  state.drawing = shape;
  ZA.setBusy(true);
  ZA.map.pm.enableDraw(shape, {
    snappable: false, continueDrawing: false, allowSelfIntersection: false, tooltips: true,
    templineStyle: STYLE.shape, hintlineStyle: STYLE.shape, pathOptions: STYLE.shape,
  });
  render();
}

function stopDrawing() {
  if (!state.drawing) return;
  state.drawing = null;
  if (ZA.map.pm.globalDrawModeEnabled()) ZA.map.pm.disableDraw();
  setTimeout(() => ZA.setBusy(false), 0);
}

ZA.map.on('pm:create', (e) => {
  if (!state.drawing || !['Polygon', 'Rectangle', 'Circle'].includes(e.shape)) return;
  ZA.map.removeLayer(e.layer);
  let shape;
  if (e.shape === 'Circle') {
    const c = e.layer.getLatLng();
    shape = { center: [Number(c.lng.toFixed(7)), Number(c.lat.toFixed(7))], radius_m: Math.max(1, Math.round(e.layer.getRadius())) };
  } else {
    shape = { geometry: e.layer.toGeoJSON(7).geometry };
  }
  state.drawing = null;
  setTimeout(() => ZA.setBusy(false), 0);
  state.lastShape = shape;
  inside(shape);
});

function insideBody(shape) {
  return Object.assign({ mode: state.insideMode || 'intersects' }, shape);
}

function inside(shape) {
  render();
  const out = document.getElementById('za-inside-out');
  return run(out, async () => {
    const body = insideBody(shape);
    const [r, fc] = await Promise.all([
      ZA.api('/api/inside', { method: 'POST', body }),
      ZA.api('/api/inside?format=geojson', { method: 'POST', body }),
    ]);
    state.results.inside = r;
    clearOverlay();
    if (shape.center) L.circle([shape.center[1], shape.center[0]], Object.assign({ radius: shape.radius_m }, STYLE.shape)).addTo(overlay);
    else L.geoJSON(shape.geometry, { style: STYLE.shape }).addTo(overlay);
    L.geoJSON(fc, { style: STYLE.parcel }).addTo(overlay);
    showInside(r, document.getElementById('za-inside-out'));
  });
}

function groupTable(groups, partLabel) {
  let h = '<table class="za-table"><tr><th></th><th class="num">' + esc(t('sites.inside.parcels')) + '</th><th class="num">'
    + esc(partLabel) + '</th><th class="num">%</th></tr>';
  for (const g of groups) {
    h += '<tr><td>' + esc(pick(g.name_zh, g.name_en)) + '</td><td class="num">' + num(g.count, 0) + '</td><td class="num">'
      + num(g.part_mu ?? g.area_mu, 2) + '</td><td class="num">' + num(g.share * 100, 1) + '</td></tr>';
  }
  return h + '</table>';
}

function showInside(r, out) {
  const tot = r.totals;
  let h = '<div class="za-facts">'
    + fact(t('sites.inside.shape'), num(r.shape.area_mu, 1) + ' ' + t('unit.mu'), num(r.shape.area_ha, 2) + ' ' + t('unit.ha'))
    + fact(t('sites.inside.parcels'), num(tot.count, 0), '')
    + fact(t('sites.inside.total'), num(tot.area_mu, 1) + ' ' + t('unit.mu'), num(tot.area_ha, 2) + ' ' + t('unit.ha'))
    + fact(t('sites.inside.part'), num(tot.inside_mu, 1) + ' ' + t('unit.mu'), num(tot.inside_ha, 2) + ' ' + t('unit.ha'))
    + '</div>';
  if (r.truncated) h += '<p class="za-sites-status warn">' + esc(t('sites.inside.truncated', { n: r.numberReturned })) + '</p>';
  h += '<div class="za-row"><button type="button" class="btn btn-small" data-x="geojson">' + esc(t('sites.export.geojson'))
    + '</button><button type="button" class="btn btn-small" data-x="csv">' + esc(t('sites.export.csv')) + '</button></div>';
  h += '<h4>' + esc(t('sites.inside.byUse')) + '</h4>' + groupTable(r.by_land_use, t('sites.inside.part') + ' (' + t('unit.mu') + ')');
  h += '<h4>' + esc(t('sites.inside.byStatus')) + '</h4>' + groupTable(r.by_status, t('sites.inside.part') + ' (' + t('unit.mu') + ')');
  const e = r.efficiency;
  if (e) {
    h += '<h4>' + esc(t('sites.inside.eff')) + '</h4><p class="za-sub">' + esc(pick(e.label_zh, e.label_en)) + (e.year ? ' · ' + e.year : '')
      + '<br>' + esc(pick(e.access_zh, e.access)) + '</p>';
    h += '<table class="za-table"><tr><th></th><th class="num">' + esc(t('sites.inside.ents')) + '</th><th class="num">'
      + esc(t('sites.inside.tax')) + '</th><th class="num">' + esc(t('sites.inside.taxMu')) + '</th><th class="num">'
      + esc(t('sites.inside.revMu')) + '</th></tr>';
    for (const g of [e.total, ...(e.by_land_use || [])]) {
      h += '<tr><td>' + esc(g.name) + '</td><td class="num">' + num(g.enterprises, 0) + '</td><td class="num">' + num(g.tax_wan, 1)
        + '</td><td class="num">' + num(g.tax_wan_per_mu, 2) + '</td><td class="num">' + num(g.revenue_wan_per_mu, 2) + '</td></tr>';
    }
    h += '</table>';
    if (e.counted) { // planners: sums of published cells only (efficiency/Disclosure)
      const names = e.counted.slice(0, 8).map((c) => c.name_zh ? c.level_zh + ' ' + c.name_zh : c.level_zh + ' ' + c.id).join('、');
      h += '<p class="za-sub">' + esc(pick('按 ' + e.counted.length + ' 个已公开的单元汇总（' + names + (e.counted.length > 8 ? '等' : '')
        + '），另有 ' + e.parcels_left_out + ' 个地块未计入', 'Sum of ' + e.counted.length + ' published cells; '
        + e.parcels_left_out + ' selected parcels left out')) + (e.total.suppressed_zh ? '<br>' + esc(pick(e.total.suppressed_zh, e.total.suppressed)) : '') + '</p>';
    }
    if (e.enterprises) {
      h += '<details><summary>' + esc(t('sites.inside.ents')) + ' (' + e.enterprises.length + ')</summary><table class="za-table">';
      for (const x of e.enterprises.slice(0, 200)) {
        h += '<tr><td>' + esc(pick(x.name_zh, x.name_en)) + '</td><td class="num">' + num(x.land_mu_here, 1) + ' ' + esc(t('unit.mu'))
          + '</td><td class="num">' + num(x.tax_wan, 1) + '</td><td class="num">' + num(x.tax_wan_per_mu, 2) + '</td></tr>';
      }
      h += '</table></details>';
    }
  }
  h += '<h4>' + esc(t('sites.inside.list')) + '</h4><ul class="za-sites-list">';
  for (const p of r.parcels.slice(0, 100)) {
    h += '<li><a href="#" class="za-link" data-id="' + esc(p.id) + '">' + esc(parcelLabel(p.id, p.zone)) + '</a> · '
      + esc(landUseName(p.land_use_code, p.land_use_name, zh() ? 'zh' : 'en')) + ' · '
      + esc(zh() ? p.status_zh : p.status) + ' · ' + num(p.inside_mu, 2) + '/' + num(p.area_mu, 2) + ' ' + esc(t('unit.mu')) + '</li>';
  }
  h += '</ul>';
  if (r.parcels.length > 100) h += '<p class="za-sub">' + esc(t('sites.inside.more', { n: r.parcels.length - 100 })) + '</p>';
  out.innerHTML = h;
  out.querySelectorAll('a[data-id]').forEach((a) => a.addEventListener('click', (ev) => {
    ev.preventDefault();
    ZA.selectFeature('parcels', a.dataset.id);
  }));
  out.querySelectorAll('button[data-x]').forEach((b) => b.addEventListener('click', () => download(b.dataset.x)));
}

function fact(label, main, sub) {
  return '<div class="fact"><div class="fact-label">' + esc(label) + '</div><div class="fact-main">' + esc(main) + '</div>'
    + (sub ? '<div class="fact-sub">' + esc(sub) + '</div>' : '') + '</div>';
}

async function download(format) {
  if (!state.lastShape) return;
  // headers, names and the file name in the reader's language
  const lang = ZA.lang === 'en' ? 'en' : 'zh';
  const res = await ZA.fetch('/api/inside?format=' + format + '&lang=' + lang, { method: 'POST', body: insideBody(state.lastShape) });
  if (!res.ok) return;
  const blob = await res.blob();
  const a = el('a', { href: URL.createObjectURL(blob), download: downloadName(res, 'inside.' + format) });
  document.body.appendChild(a);
  a.click();
  setTimeout(() => {
    URL.revokeObjectURL(a.href);
    a.remove();
  }, 1000);
}

// ---- what is near ----------------------------------------------------------------------------

function renderNear(body) {
  body.appendChild(el('p', { class: 'za-sites-hint' }, esc(t('sites.near.hint'))));
  const radius = el('input', { type: 'number', min: '1', max: '50000', step: '100', value: state.nearRadius || '2000', class: 'za-num' });
  radius.addEventListener('change', () => (state.nearRadius = radius.value));
  const out = el('div', { class: 'za-sites-out' });
  const pickBtn = el('button', { type: 'button', class: 'btn btn-primary' }, esc(t('sites.pick')));
  pickBtn.addEventListener('click', () => startPicking((ll) => near('lon=' + ll.lng.toFixed(7) + '&lat=' + ll.lat.toFixed(7), radius.value, out), pickBtn));
  const selBtn = el('button', { type: 'button', class: 'btn' }, esc(t('sites.near.useSelected')));
  selBtn.addEventListener('click', () => {
    const s = ZA.selected;
    if (!s || s.collection !== 'parcels') {
      status(out, t('sites.near.noSelection'), true);
      return;
    }
    near('parcel=' + encodeURIComponent(s.id), radius.value, out);
  });
  const row = el('div', { class: 'za-row' });
  row.append(pickBtn, selBtn);
  body.appendChild(row);
  const rl = el('label', { class: 'za-row' }, esc(t('sites.near.radius')) + ' ');
  rl.appendChild(radius);
  body.appendChild(rl);
  body.appendChild(out);
  if (state.results.near) showNear(state.results.near, out);
}

function near(site, radius, out) {
  return run(out, async () => {
    const r = await ZA.api('/api/near?' + site + (radius ? '&radius_m=' + encodeURIComponent(radius) : ''));
    state.results.near = r;
    clearOverlay();
    const p = r.site.point;
    L.circleMarker([p[1], p[0]], { radius: 6, color: '#ff6d00', weight: 3, interactive: false }).addTo(overlay);
    if (r.radius_m) L.circle([p[1], p[0]], Object.assign({ radius: r.radius_m }, STYLE.shape)).addTo(overlay);
    for (const n of r.nearest) {
      if (!n.feature) continue;
      L.polyline([[n.from[1], n.from[0]], [n.to[1], n.to[0]]], STYLE.line)
        .bindTooltip(pick(n.category_zh, n.category_en) + ' ' + dist(n.distance_m), { permanent: true, className: 'za-sites-tip', direction: 'right' })
        .addTo(overlay);
    }
    // frame the site (and its radius), not the far ends of the distance lines
    if (r.radius_m) ZA.map.fitBounds(L.latLng(p[1], p[0]).toBounds(r.radius_m * 2), { padding: [20, 20] });
    else ZA.map.setView([p[1], p[0]], Math.max(ZA.map.getZoom(), 14));
    showNear(r, out);
  });
}

function showNear(r, out) {
  let h = '<h4>' + esc(t('sites.near.nearest')) + '</h4><table class="za-table">';
  for (const n of r.nearest) {
    h += '<tr><td>' + esc(pick(n.category_zh, n.category_en)) + '</td><td>'
      + (n.feature ? esc(pick(n.feature.name_zh, n.feature.name_en)) : '<span class="za-sub">'
        + esc(t('sites.near.none', { km: num(n.none_within_m / 1000, 0) })) + '</span>')
      + '</td><td class="num">' + (n.feature ? esc(dist(n.distance_m)) : '') + '</td></tr>';
  }
  h += '</table>';
  if (r.within) {
    h += '<h4>' + esc(t('sites.near.within')) + ' (' + num(r.numberWithin, 0) + ')</h4><ul class="za-sites-list">';
    for (const w of r.within.slice(0, 100)) {
      const f = w.feature;
      h += '<li><span class="za-tag">' + esc(pick(f.kind_zh || f.layer_zh, f.kind_en || f.layer)) + '</span><a href="#" class="za-link" data-c="'
        + esc(f.layer) + '" data-id="' + esc(f.id) + '">' + esc(pick(f.name_zh, f.name_en)) + '</a> · ' + esc(dist(w.distance_m)) + '</li>';
    }
    h += '</ul>';
  }
  out.innerHTML = h;
  out.querySelectorAll('a[data-id]').forEach((a) => a.addEventListener('click', (ev) => {
    ev.preventDefault();
    ZA.selectFeature(a.dataset.c, a.dataset.id);
  }));
}

// ---- corridor ---------------------------------------------------------------------------------

function renderCorridor(body) {
  body.appendChild(el('p', { class: 'za-sites-hint' }, esc(t('sites.corridor.hint'))));
  // a line is chosen by name; only the kinds a red-line corridor applies to are offered
  const line = pickList({
    name: 'corridor', collections: ['infrastructure'], placeholder: t('sites.corridor.placeholder'),
    filter: (h) => LINE_KINDS.includes(h.kind),
  });
  if (state.corridorId) line.setId(state.corridorId);
  const width = el('input', { type: 'number', min: '1', max: '500', step: '1', value: state.corridorWidth || '', class: 'za-num' });
  const out = el('div', { class: 'za-sites-out' });
  const sel = el('button', { type: 'button', class: 'btn btn-small' }, esc(t('sites.corridor.useSelected')));
  sel.addEventListener('click', () => {
    const s = ZA.selected;
    if (s && s.collection === 'infrastructure') line.setId(s.id);
  });
  const go = el('button', { type: 'button', class: 'btn btn-primary' }, esc(t('sites.corridor.run')));
  go.addEventListener('click', () => {
    const id = line.el.querySelector('input[type=hidden]').value;
    if (!id) {
      status(out, t('sites.corridor.pick'), true);
      return;
    }
    state.corridorId = id;
    state.corridorWidth = width.value;
    corridor(state.corridorId, width.value, out);
  });
  const l1 = el('div', { class: 'za-field' }, esc(t('sites.corridor.id')));
  l1.append(line.el, sel);
  const l2 = el('label', { class: 'za-field' }, esc(t('sites.corridor.width')));
  l2.appendChild(width);
  body.append(l1, l2, go, out);
  if (state.results.corridor) showCorridor(state.results.corridor, out);
}

function corridor(id, width, out) {
  if (!id) return null;
  return run(out, async () => {
    const r = await ZA.api('/api/corridor/' + encodeURIComponent(id) + (width ? '?width_m=' + encodeURIComponent(width) : ''));
    state.results.corridor = r;
    clearOverlay();
    const layer = L.geoJSON(r.corridor, { style: STYLE.corridor }).addTo(overlay);
    fit(layer);
    showCorridor(r, out);
  });
}

function showCorridor(r, out) {
  let h = '<p><b>' + esc(pick(r.infrastructure.name_zh, r.infrastructure.name_en)) + '</b> · ' + esc(dist(r.length_m)) + '</p><div class="za-facts">'
    + fact(t('sites.corridor.width.src'), num(r.width_m, 0) + (zh() ? ' 米' : ' m'), t(r.width_source === 'given' ? 'sites.corridor.width.given' : 'sites.corridor.width.default'))
    + fact(t('sites.corridor.area'), num(r.corridor_area_mu, 1) + ' ' + t('unit.mu'), '')
    + fact(t('sites.inside.parcels'), num(r.totals.count, 0), '')
    + fact(t('sites.corridor.take'), num(r.totals.take_mu, 1) + ' ' + t('unit.mu'), num(r.totals.take_ha, 2) + ' ' + t('unit.ha'))
    + '</div>';
  h += '<h4>' + esc(t('sites.inside.byStatus')) + '</h4>' + groupTable(r.by_status, t('sites.corridor.take') + ' (' + t('unit.mu') + ')');
  h += '<h4>' + esc(t('sites.inside.list')) + '</h4><ul class="za-sites-list">';
  for (const p of r.parcels.slice(0, 200)) {
    h += '<li><a href="#" class="za-link" data-id="' + esc(p.id) + '">' + esc(parcelLabel(p.id, p.zone)) + '</a> · ' + esc(zh() ? p.status_zh : p.status) + ' · '
      + num(p.take_mu, 2) + '/' + num(p.area_mu, 2) + ' ' + esc(t('unit.mu')) + ' (' + num(p.take_share * 100, 0) + '%)</li>';
  }
  out.innerHTML = h + '</ul>';
  out.querySelectorAll('a[data-id]').forEach((a) => a.addEventListener('click', (ev) => {
    ev.preventDefault();
    ZA.selectFeature('parcels', a.dataset.id);
  }));
}

const LINE_KINDS = ['road', 'expressway', 'rail_line', 'metro_line', 'bridge'];

// ---- site finder ------------------------------------------------------------------------------

const LAND_USES = [['', null], ['1001', ['工业用地', 'industrial']], ['1101', ['物流仓储用地', 'logistics & storage']],
  ['0802', ['科研用地', 'research']], ['0901', ['商业用地', 'commercial']], ['0902', ['商务金融用地', 'business & finance']]];
const ZONES = [['', null], ['zzetdz', ['郑州经开区', 'Zhengzhou ETDZ']], ['zzhitech', ['郑州高新区', 'Zhengzhou Hi-tech Zone']],
  ['xxetdz', ['新乡经开区', 'Xinxiang ETDZ']]];
const FIND_STATUSES = ['available', 'idle', 'approved_not_supplied', 'supplied_not_used'];
const DIST_CATEGORIES = ['rail_station', 'interchange', 'freight_yard', 'land_port', 'airport', 'substation', 'water_plant'];

/** The finder form as a query string, also kept in the page URL (key "sf") so a link reproduces it. */
function findQuery(form) {
  const q = new URLSearchParams();
  const v = (n) => (form.elements[n] ? String(form.elements[n].value || '').trim() : '');
  for (const n of ['area_mu_min', 'area_mu_max', 'land_use', 'zone', 'board', 'park']) if (v(n)) q.set(n, v(n));
  const st = [...form.querySelectorAll('input[name=status]:checked')].map((c) => c.value);
  if (st.length) q.set('status', st.join(','));
  for (const c of DIST_CATEGORIES) if (v('km_' + c)) q.set('max_m.' + c, String(Math.round(Number(v('km_' + c)) * 1000)));
  const perMu = form.elements.per_mu && form.elements.per_mu.checked;
  if (v('invest')) q.set(perMu ? 'invest_wan_per_mu' : 'invest_wan', v('invest'));
  if (v('tax')) q.set(perMu ? 'tax_wan_per_mu' : 'tax_wan', v('tax'));
  q.set('limit', '100');
  return q;
}

function fillForm(form, q, pickers) {
  for (const n of ['area_mu_min', 'area_mu_max', 'land_use', 'zone']) if (q.get(n) && form.elements[n]) form.elements[n].value = q.get(n);
  for (const n of ['board', 'park']) if (q.get(n)) pickers[n].setId(q.get(n));
  if (q.get('status')) {
    const set = q.get('status').split(',');
    form.querySelectorAll('input[name=status]').forEach((c) => (c.checked = set.includes(c.value)));
  }
  for (const c of DIST_CATEGORIES) if (q.get('max_m.' + c)) form.elements['km_' + c].value = Number(q.get('max_m.' + c)) / 1000;
  const perMu = q.has('invest_wan_per_mu') || q.has('tax_wan_per_mu');
  form.elements.per_mu.checked = perMu;
  form.elements.invest.value = q.get(perMu ? 'invest_wan_per_mu' : 'invest_wan') || '';
  form.elements.tax.value = q.get(perMu ? 'tax_wan_per_mu' : 'tax_wan') || '';
}

function renderFind(body) {
  const form = el('form', { class: 'za-find', autocomplete: 'off' });
  const opt = (list) => list.map(([v, names]) => '<option value="' + v + '">' + esc(names ? v + ' ' + pick(names[0], names[1]) : t('sites.find.any')) + '</option>').join('');
  const zoneOpt = ZONES.map(([v, names]) => '<option value="' + v + '">' + esc(names ? pick(names[0], names[1]) : t('sites.find.any')) + '</option>').join('');
  let h = '<fieldset><legend>' + esc(t('sites.find.area')) + '</legend><input name="area_mu_min" type="number" min="0" step="1" class="za-num" placeholder="'
    + esc(t('sites.find.min')) + '"> – <input name="area_mu_max" type="number" min="0" step="1" class="za-num" placeholder="' + esc(t('sites.find.max')) + '"></fieldset>';
  h += '<label class="za-field">' + esc(t('sites.find.landUse')) + '<select name="land_use" class="za-select">' + opt(LAND_USES) + '</select></label>';
  h += '<label class="za-field">' + esc(t('sites.find.zone')) + '<select name="zone" class="za-select">' + zoneOpt + '</select></label>';
  h += '<div class="za-field" data-slot="board">' + esc(t('sites.find.board')) + '</div>';
  h += '<div class="za-field" data-slot="park">' + esc(t('sites.find.park')) + '<button type="button" class="btn btn-small" data-park>'
    + esc(t('sites.find.parkSelected')) + '</button></div>';
  h += '<fieldset><legend>' + esc(t('sites.find.status')) + '</legend>';
  for (const s of FIND_STATUSES) {
    h += '<label class="za-check"><input type="checkbox" name="status" value="' + s + '"' + (s === 'available' || s === 'idle' ? ' checked' : '') + '> '
      + esc(statusName(s)) + '</label>';
  }
  h += '</fieldset><fieldset><legend>' + esc(t('sites.find.distance')) + '</legend><div class="za-grid">';
  for (const c of DIST_CATEGORIES) {
    h += '<label>' + esc(categoryName(c)) + '<input name="km_' + c + '" type="number" min="0.1" max="100" step="0.1" class="za-num"></label>';
  }
  h += '</div><p class="za-sub">' + esc(t('sites.find.scope')) + '</p></fieldset><fieldset><legend>' + esc(t('sites.find.investor')) + '</legend>'
    + '<label class="za-field">' + esc(t('sites.find.invest')) + '<input name="invest" type="number" min="0" step="100" class="za-num"></label>'
    + '<label class="za-field">' + esc(t('sites.find.tax')) + '<input name="tax" type="number" min="0" step="10" class="za-num"></label>'
    + '<label class="za-check"><input type="checkbox" name="per_mu"> ' + esc(t('sites.find.perMu')) + '</label></fieldset>';
  h += '<button type="submit" class="btn btn-primary">' + esc(t('sites.find.run')) + '</button>';
  form.innerHTML = h;
  // parks and boards are chosen by name; the API's ids stay in hidden inputs
  const pickers = {
    board: pickList({ name: 'board', collections: ['core-boards'], placeholder: t('sites.find.board.placeholder') }),
    park: pickList({ name: 'park', collections: ['industrial-parks', 'small-micro-parks'], placeholder: t('sites.find.park.placeholder') }),
  };
  for (const [n, p] of Object.entries(pickers)) {
    const slot = form.querySelector('[data-slot=' + n + ']');
    slot.insertBefore(p.el, slot.firstElementChild);
  }
  const out = el('div', { class: 'za-sites-out' });
  form.querySelector('[data-park]').addEventListener('click', () => {
    const s = ZA.selected;
    if (s && (s.collection === 'industrial-parks' || s.collection === 'small-micro-parks')) pickers.park.setId(s.id);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = findQuery(form);
    ZA.permalink.set('sf', q.toString());
    find(q, out);
  });
  body.append(form, out);
  const saved = ZA.permalink.get('sf');
  if (saved) {
    fillForm(form, new URLSearchParams(saved), pickers);
    if (state.results.find) showFind(state.results.find, out, new URLSearchParams(saved));
    else find(new URLSearchParams(saved), out);
  }
}

const STATUS_NAMES = { available: ['可供应', 'available'], idle: ['闲置', 'idle'], approved_not_supplied: ['批而未供', 'approved, not supplied'],
  supplied_not_used: ['供而未用', 'supplied, not used'] };
function statusName(s) {
  const n = STATUS_NAMES[s];
  return n ? pick(n[0], n[1]) : s;
}

const CATEGORY_NAMES = { rail_station: ['铁路车站', 'rail station'], interchange: ['高速互通', 'interchange'], freight_yard: ['货运场站', 'freight yard'],
  land_port: ['陆港口岸', 'land port'], airport: ['机场', 'airport'], substation: ['变电站', 'substation'], water_plant: ['供水设施', 'water supply'] };
function categoryName(c) {
  const n = CATEGORY_NAMES[c];
  return n ? pick(n[0], n[1]) : c;
}

function find(q, out) {
  state.compare.clear();
  return run(out, async () => {
    const r = await ZA.api('/api/sites/find?' + q.toString());
    state.results.find = r;
    clearOverlay();
    for (const s of r.sites) {
      L.circleMarker([s.point[1], s.point[0]], { radius: 9, color: '#fff', weight: 2, fillColor: '#ff6d00', fillOpacity: 0.95, interactive: false })
        .bindTooltip(String(s.rank), { permanent: true, direction: 'center', className: 'za-sites-rank' }).addTo(overlay);
    }
    if (r.sites.length) fit(overlay);
    showFind(r, out, q);
  });
}

/** Investor figures of the query, to carry into card and compare links. */
function investorParams(q) {
  const p = new URLSearchParams();
  for (const k of ['invest_wan', 'invest_wan_per_mu', 'tax_wan', 'tax_wan_per_mu']) if (q.get(k)) p.set(k, q.get(k));
  const s = p.toString();
  return s ? '&' + s : '';
}

function showFind(r, out, q) {
  let h = '<p class="za-sites-status">' + esc(t('sites.find.result', { q: r.qualified, c: r.candidates })) + '</p>';
  const ex = r.excluded_reasons || [];
  if (ex.length) {
    h += '<details><summary>' + esc(t('sites.find.excluded')) + '</summary><ul class="za-excluded">' + ex.map((x) => '<li>' + esc(pick(x.zh, x.en)) + '</li>').join('')
      + '</ul></details>';
  }
  h += '<p class="za-sub za-ranking"><b>' + esc(t('sites.find.ranking.head')) + '</b>' + esc(pick(r.ranking_zh, r.ranking)) + '</p>';
  if (!r.sites.length) h += '<p>' + esc(t('sites.find.none')) + '</p>';
  h += '<button type="button" class="btn btn-small" data-compare disabled>' + esc(t('sites.find.compare')) + '</button><ol class="za-sites-found">';
  for (const s of r.sites) {
    h += '<li><div class="za-found-head"><label class="za-check"><input type="checkbox" data-cmp="' + esc(s.id) + '" aria-label="'
      + esc(t('sites.find.compare')) + '"></label><b>' + esc(pick(s.name_zh, s.name_en))
      + '</b> · ' + esc(landUseName(s.land_use_code, s.land_use_name, zh() ? 'zh' : 'en')) + ' · ' + esc(pick(s.status_zh, s.status_en)) + ' · '
      + num(s.area_mu, 1) + ' ' + esc(t('unit.mu'))
      + (s.score !== undefined && s.score !== null ? ' · ' + esc(t('sites.find.score')) + ' ' + num(s.score, 2) : '') + '</div><ul class="za-reasons">'
      + s.reasons.map((x) => '<li class="' + (x.ok ? 'ok' : 'no') + '">' + esc(pick(x.zh, x.en)) + '</li>').join('') + '</ul>'
      + '<div class="za-row"><a href="#" class="za-link" data-id="' + esc(s.id) + '">' + esc(t('sites.find.show')) + '</a> <a href="'
      + esc(s.card.replace(/^\//, '')) + '" target="_blank" rel="noopener">' + esc(t('sites.find.card')) + '</a></div></li>';
  }
  out.innerHTML = h + '</ol>';
  const cmpBtn = out.querySelector('[data-compare]');
  out.querySelectorAll('input[data-cmp]').forEach((c) => c.addEventListener('change', () => {
    if (c.checked) {
      if (state.compare.size >= 3) {
        c.checked = false;
        return;
      }
      state.compare.add(c.dataset.cmp);
    } else state.compare.delete(c.dataset.cmp);
    cmpBtn.disabled = state.compare.size < 2;
  }));
  cmpBtn.addEventListener('click', () => {
    window.open('site.html?compare=' + [...state.compare].map(encodeURIComponent).join(',') + investorParams(q), '_blank', 'noopener');
  });
  out.querySelectorAll('a[data-id]').forEach((a) => a.addEventListener('click', (ev) => {
    ev.preventDefault();
    ZA.selectFeature('parcels', a.dataset.id);
  }));
}

// ---- the panel --------------------------------------------------------------------------------

ZA.registerPanel({
  id: 'sites',
  titleZh: '选址与查询',
  titleEn: 'Sites',
  render(container) {
    root = container;
    root.classList.add('za-sites');
    render();
  },
  onLangChange() {
    render();
  },
});

// tests and other panels may drive the tools
ZA.sites = {
  here: (lon, lat) => {
    setSection('here');
    return here(L.latLng(lat, lon), 25, root.querySelector('.za-sites-out'));
  },
  inside: (shape) => {
    setSection('inside');
    state.lastShape = shape;
    return inside(shape);
  },
  showSection: setSection,
};
export {};
