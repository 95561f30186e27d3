// 数据导入 (administrators only): parcels from the user's own file, checked and previewed on the
// map before anything is written. The browser keeps the chosen File and the choices made; the
// server keeps no state: every change (column mapping, coordinate system, encoding, layer, mode)
// sends the file again as a dry run (POST /api/imports/parcels, dry_run=true), whose answer holds
// the preview (GeoJSON in CRS84 with each feature's problems), the columns and the mappable
// fields. 导入 sends the same request without dry_run and with the reason (X-Change-Reason); the
// import is one change of the history. Afterwards the map's parcel layer is loaded again
// (ZA.refreshFeatures). Runs after js/app.js, so window.ZA is ready.

const ZA = window.ZA;
const PANEL = 'import';
const URL_IMPORT = '/api/imports/parcels';

ZA.i18n.add({
  zh: {
    'imp.title': '数据导入',
    'imp.intro': '上传宗地数据（Shapefile 压缩包、GeoPackage、GeoJSON、CSV 或 Excel）。系统先试导入，在地图上预览每个地块及其问题；确认无误后再正式导入。文件中只要有一处错误，就不会写入任何数据。',
    'imp.file': '选择文件',
    'imp.file.none': '尚未选择文件',
    'imp.file.info': '{name}（{size}，{format}）',
    'imp.checking': '正在检查文件…',
    'imp.importing': '正在导入…',
    'imp.summary': '共 {n} 个要素：可导入 {ok} 个，有警告 {warn} 个，有错误 {err} 个',
    'imp.summary.ok': '检查通过：可导入 {n} 宗地块，面积 {mu} 亩（新增 {ins} 宗，更新 {upd} 宗，删除 {del} 宗）',
    'imp.summary.err': '发现 {n} 处错误，改正后才能导入（错误的地块以红色显示）',
    'imp.capped': '地图上只预览了 {shown} 个要素（共 {total} 个），有问题的要素优先显示',
    'imp.srs': '坐标系',
    'imp.srs.used': '坐标系：{srs}（{from}）',
    'imp.srs.missing': '文件未声明坐标系，请选择坐标所用的坐标系：',
    'imp.srs.auto': '按文件自动识别',
    'imp.srs.other': '其他（输入 EPSG 代码）',
    'imp.srs.other.ph': '例如 EPSG:4547',
    'imp.srs.apply': '应用',
    'imp.srs.change': '更改坐标系',
    'imp.srs.group.geo': '经纬度',
    'imp.srs.group.gk': 'CGCS2000 高斯-克吕格 3 度带（横坐标不带带号）',
    'imp.srs.group.gkz': 'CGCS2000 高斯-克吕格 3 度带（横坐标带带号）',
    'imp.srs.4490': 'CGCS2000 经纬度',
    'imp.srs.4326': 'WGS 84 经纬度（按 CGCS2000 处理）',
    'imp.srs.gk': 'CGCS2000 3 度带 中央经线 {cm}°E',
    'imp.srs.gkz': 'CGCS2000 3 度带 第 {zone} 带（中央经线 {cm}°E）',
    'imp.encoding': '字符编码',
    'imp.encoding.auto': '自动识别',
    'imp.layer': '图层 / 工作表',
    'imp.layer.ph': '图层或工作表名称',
    'imp.mapping': '字段对应',
    'imp.mapping.hint': '为每个地块字段选择文件中的列，带 * 的为必填；修改后会自动重新检查。',
    'imp.mapping.none': '（不导入）',
    'imp.mapping.guessed': '自动识别',
    'imp.mapping.missing': '未对应',
    'imp.mapping.columns': '文件的列：',
    'imp.mapping.geometry': '图形列（CSV / Excel）',
    'imp.mode': '导入方式',
    'imp.mode.append': '追加：新增地块（宗地编号不得与库中重复）',
    'imp.mode.replace': '整区替换：文件即为所选开发区的全部地块',
    'imp.zone': '开发区',
    'imp.zone.choose': '请选择开发区',
    'imp.reason': '变更原因（必填）',
    'imp.reason.ph': '例如：2024 年度宗地调查成果入库',
    'imp.reason.required': '请填写变更原因',
    'imp.recheck': '重新检查',
    'imp.commit': '导入',
    'imp.commit.blocked': '请先改正全部错误，并检查通过后再导入',
    'imp.problems': '问题清单',
    'imp.problems.none': '没有发现问题。',
    'imp.problems.hint': '点击一行，在地图上定位该地块。',
    'imp.col.index': '序号',
    'imp.col.id': '宗地编号',
    'imp.col.field': '字段',
    'imp.col.problem': '问题',
    'imp.level.error': '错误',
    'imp.level.warning': '警告',
    'imp.nogeom': '该要素没有可在地图上显示的图形',
    'imp.more': '另有 {n} 条未列出',
    'imp.notes': '说明',
    'imp.row': '第 {row} 行',
    'imp.feature': '第 {index} 个要素',
    'imp.done': '导入完成：新增 {ins} 宗，更新 {upd} 宗，删除 {del} 宗，面积 {mu} 亩。变更编号 {change}。',
    'imp.done.view': '在地图上查看',
    'imp.new': '导入其他文件',
    'imp.failed': '文件无法导入：',
    'imp.forbidden': '只有管理员可以导入数据，请以管理员身份登录',
    'imp.field.geometry': '图形',
    'imp.unknown': '（无）',
  },
  en: {
    'imp.title': 'Import',
    'imp.intro': 'Upload parcel data (zipped Shapefile, GeoPackage, GeoJSON, CSV or Excel). The file is checked first and each parcel is previewed on the map with its problems; import once it is right. A file with any error writes nothing.',
    'imp.file': 'Choose a file',
    'imp.file.none': 'No file chosen',
    'imp.file.info': '{name} ({size}, {format})',
    'imp.checking': 'Checking the file…',
    'imp.importing': 'Importing…',
    'imp.summary': '{n} features: {ok} ready, {warn} with warnings, {err} with errors',
    'imp.summary.ok': 'Check passed: {n} parcels, {mu} mu ready ({ins} new, {upd} updated, {del} removed)',
    'imp.summary.err': '{n} error(s) found; fix them before importing (parcels in red)',
    'imp.capped': 'The map previews {shown} of {total} features, those with problems first',
    'imp.srs': 'Coordinate system',
    'imp.srs.used': 'Coordinate system: {srs} ({from})',
    'imp.srs.missing': 'The file names no coordinate system; choose the one its coordinates are in:',
    'imp.srs.auto': 'From the file (automatic)',
    'imp.srs.other': 'Other (EPSG code)',
    'imp.srs.other.ph': 'e.g. EPSG:4547',
    'imp.srs.apply': 'Apply',
    'imp.srs.change': 'Change coordinate system',
    'imp.srs.group.geo': 'Longitude/latitude',
    'imp.srs.group.gk': 'CGCS2000 Gauss-Kruger 3° zones (no zone prefix)',
    'imp.srs.group.gkz': 'CGCS2000 Gauss-Kruger 3° zones (zone prefix in eastings)',
    'imp.srs.4490': 'CGCS2000 lon/lat',
    'imp.srs.4326': 'WGS 84 lon/lat (taken as CGCS2000)',
    'imp.srs.gk': 'CGCS2000 3° GK, CM {cm}°E',
    'imp.srs.gkz': 'CGCS2000 3° GK zone {zone} (CM {cm}°E)',
    'imp.encoding': 'Encoding',
    'imp.encoding.auto': 'Automatic',
    'imp.layer': 'Layer / sheet',
    'imp.layer.ph': 'layer or sheet name',
    'imp.mapping': 'Column mapping',
    'imp.mapping.hint': 'Choose the file column for each parcel field (* = required); the file is checked again after each change.',
    'imp.mapping.none': '(not imported)',
    'imp.mapping.guessed': 'guessed',
    'imp.mapping.missing': 'not mapped',
    'imp.mapping.columns': 'Columns of the file: ',
    'imp.mapping.geometry': 'Geometry columns (CSV / Excel)',
    'imp.mode': 'Mode',
    'imp.mode.append': 'Append: new parcels (ids must not exist yet)',
    'imp.mode.replace': 'Replace zone: the file becomes all parcels of the zone',
    'imp.zone': 'Zone',
    'imp.zone.choose': 'Choose a zone',
    'imp.reason': 'Reason for the change (required)',
    'imp.reason.ph': 'e.g. 2024 parcel survey',
    'imp.reason.required': 'Give a reason for the change',
    'imp.recheck': 'Check again',
    'imp.commit': 'Import',
    'imp.commit.blocked': 'Fix every error and pass the check first',
    'imp.problems': 'Problems',
    'imp.problems.none': 'No problems found.',
    'imp.problems.hint': 'Click a row to find the parcel on the map.',
    'imp.col.index': 'No.',
    'imp.col.id': 'Parcel id',
    'imp.col.field': 'Field',
    'imp.col.problem': 'Problem',
    'imp.level.error': 'Error',
    'imp.level.warning': 'Warning',
    'imp.nogeom': 'This feature has no geometry that can be shown',
    'imp.more': '{n} more not listed',
    'imp.notes': 'Notes',
    'imp.row': 'row {row}',
    'imp.feature': 'feature {index}',
    'imp.done': 'Imported: {ins} new, {upd} updated, {del} removed, {mu} mu. Change {change}.',
    'imp.done.view': 'Show on the map',
    'imp.new': 'Import another file',
    'imp.failed': 'The file cannot be imported: ',
    'imp.forbidden': 'Only administrators import data: sign in as one',
    'imp.field.geometry': 'Geometry',
    'imp.unknown': '(none)',
  },
});

const t = (k, v) => ZA.t(k, v);
const zh = () => ZA.lang !== 'en';

function esc(s) {
  return String(s === null || s === undefined ? '' : s).replace(/[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

function num(v, d = 2) {
  return Number(v || 0).toLocaleString(zh() ? 'zh-CN' : 'en', { maximumFractionDigits: d });
}

const COLORS = {
  ok: { color: '#2e7d32', fillColor: '#66bb6a' },
  warning: { color: '#e65100', fillColor: '#ffb74d' },
  error: { color: '#c62828', fillColor: '#ef5350' },
};

const FORMATS = { 'shp-zip': 'Shapefile (zip)', gpkg: 'GeoPackage', geojson: 'GeoJSON', csv: 'CSV', xlsx: 'Excel' };

/** The coordinate systems offered: CGCS2000 lon/lat, 3-degree GK zones with and without prefix. */
function crsChoices() {
  const geo = [{ code: 'EPSG:4490', label: t('imp.srs.4490') }, { code: 'EPSG:4326', label: t('imp.srs.4326') }];
  const gk = [];
  for (let cm = 75; cm <= 135; cm += 3) gk.push({ code: 'EPSG:' + (4534 + (cm - 75) / 3), label: t('imp.srs.gk', { cm }) });
  const gkz = [];
  for (let zone = 25; zone <= 45; zone++) gkz.push({ code: 'EPSG:' + (4513 + zone - 25), label: t('imp.srs.gkz', { zone, cm: zone * 3 }) });
  return [{ group: t('imp.srs.group.geo'), items: geo }, { group: t('imp.srs.group.gk'), items: gk }, { group: t('imp.srs.group.gkz'), items: gkz }];
}

function crsLabel(code) {
  for (const g of crsChoices()) {
    const hit = g.items.find((i) => i.code === code);
    if (hit) return hit.label;
  }
  return '';
}

// ---- state -------------------------------------------------------------------------------------

const state = {
  file: null,
  // the choices sent with every request
  srs: '',
  encoding: '',
  layer: '',
  mapping: {}, // field → column ('' turns a guess off)
  mode: 'append',
  zone: '',
  reason: '',
  // the last answer
  phase: 'idle', // idle | checking | checked | importing | done
  report: null, // body of the last dry run (200 or 400 InvalidImport)
  failure: null, // body of a 400 for the whole file, or {description_zh, description} of another error
  result: null, // body of the import
  showSrs: false,
  zones: null,
};

let root = null;
let overlay = null;
const layerByIndex = new Map();
let highlighted = null;
let popup = null;
const fitted = { file: null, bounds: null };
let runSeq = 0;
let ctrl = null;

function isAdmin() {
  return ZA.user && ZA.user.role === 'admin';
}

// ---- talking to the server ---------------------------------------------------------------------

function formData(dry) {
  const fd = new FormData();
  if (dry) fd.append('dry_run', 'true');
  if (state.srs) fd.append('srs', state.srs);
  if (state.encoding) fd.append('encoding', state.encoding);
  if (state.layer) fd.append('layer', state.layer);
  fd.append('mode', state.mode);
  if (state.mode === 'replace-zone' && state.zone) fd.append('target_zone', state.zone);
  for (const [field, column] of Object.entries(state.mapping)) fd.append(field, column);
  fd.append('file', state.file, state.file.name);
  return fd;
}

async function send(dry) {
  if (ctrl) ctrl.abort();
  ctrl = new AbortController();
  const opts = { method: 'POST', body: formData(dry), signal: ctrl.signal };
  if (!dry) opts.headers = { 'X-Change-Reason': encodeURIComponent(state.reason.trim()) };
  const res = await ZA.fetch(URL_IMPORT, opts);
  let body = null;
  try {
    body = await res.json();
  } catch (e) {
    body = null;
  }
  return { status: res.status, body: body || {} };
}

/** Checks the file as it is now configured (a dry run) and shows the answer on the map and in the panel. */
async function check() {
  if (!state.file || !isAdmin()) return;
  const my = ++runSeq;
  state.phase = 'checking';
  state.result = null;
  render();
  let r;
  try {
    r = await send(true);
  } catch (e) {
    if (e.name === 'AbortError' || my !== runSeq) return;
    state.phase = 'checked';
    state.report = null;
    state.failure = networkFailure(e);
    clearOverlay();
    render();
    return;
  }
  if (my !== runSeq) return;
  state.phase = 'checked';
  const b = r.body;
  if (r.status === 200 || (r.status === 400 && b.code === 'InvalidImport' && b.preview)) {
    state.report = b;
    state.failure = null;
  } else {
    state.report = null;
    state.failure = failureOf(r);
  }
  const facts = state.report || state.failure;
  // a file naming no coordinate system: offer the choice (also after the server guessed one)
  if ((state.failure && state.failure.parameter === 'srs') || (facts && (facts.srs_source === 'detected' || facts.srs_source === 'default'))) {
    state.showSrs = true;
  }
  drawPreview(state.report && state.report.preview);
  render();
}

/** A refusal of the whole file: description_zh and description are shown by language. */
function failureOf(r) {
  const b = r.body || {};
  if (r.status === 401 || r.status === 403) {
    return { description_zh: '只有管理员可以导入数据，请以管理员身份登录', description: 'Only administrators import data: sign in as one' };
  }
  if (r.status === 413) {
    return { description_zh: '文件超过导入大小上限', description: b.description || 'The file is larger than the import limit' };
  }
  return Object.assign({}, b, {
    description_zh: b.description_zh || '服务器无法处理该文件（HTTP ' + r.status + '）',
    description: b.description || 'HTTP ' + r.status,
  });
}

function networkFailure(e) {
  return { description_zh: '无法连接服务器，请稍后重试', description: 'Cannot reach the server: ' + e.message };
}

async function commit() {
  if (!canCommit()) return;
  const my = ++runSeq;
  state.phase = 'importing';
  render();
  let r;
  try {
    r = await send(false);
  } catch (e) {
    if (e.name === 'AbortError' || my !== runSeq) return;
    state.phase = 'checked';
    state.failure = networkFailure(e);
    render();
    return;
  }
  if (my !== runSeq) return;
  const b = r.body;
  if (r.status === 200 && b.written) {
    state.phase = 'done';
    state.result = b;
    state.failure = null;
    clearOverlay();
    refreshMap(b);
  } else if (r.status === 400 && b.code === 'InvalidImport' && b.preview) {
    // something changed in the store since the check (another import): show why
    state.phase = 'checked';
    state.report = b;
    state.failure = null;
    drawPreview(b.preview);
  } else {
    state.phase = 'checked';
    state.failure = failureOf(r);
  }
  render();
}

/** The map's parcels (and the enterprises that may have lost a link) are loaded again. */
function refreshMap(result) {
  if (typeof ZA.refreshFeatures === 'function') {
    ZA.refreshFeatures('parcels', {});
    if (result.land_uses_deleted) ZA.refreshFeatures('enterprises', {});
  }
}

function canCommit() {
  const r = state.report;
  return !!(state.file && r && r.ok && state.phase === 'checked' && state.reason.trim() && isAdmin());
}

async function loadZones() {
  if (state.zones) return;
  try {
    const fc = await ZA.api('/collections/zones/items?limit=1000');
    const codes = new Set();
    for (const f of fc.features || []) if (f.properties && f.properties.zone) codes.add(f.properties.zone);
    state.zones = [...codes].sort();
  } catch (e) {
    state.zones = [];
  }
  render();
}

// ---- the map -----------------------------------------------------------------------------------

function clearOverlay() {
  if (overlay) ZA.removeOverlay(overlay);
  if (popup) ZA.map.closePopup(popup);
  popup = null;
  overlay = null;
  highlighted = null;
  layerByIndex.clear();
}

function styleOf(f, strong) {
  const c = COLORS[f.properties.level] || COLORS.ok;
  return { color: c.color, fillColor: c.fillColor, weight: strong ? 4 : 2, opacity: 1, fillOpacity: strong ? 0.5 : 0.3 };
}

function popupHtml(p) {
  const lines = (p.problems || []).map((q) => `<li class="imp-${esc(q.level)}">${esc(zh() ? q.reason_zh : q.reason)}</li>`).join('');
  const status = p.status ? ZA.i18n.value('parcelStatus', p.status) : '';
  return `<div class="imp-popup"><b>${esc(p.id || t('imp.unknown'))}</b>
    <div class="za-muted">${esc(t('imp.feature', { index: p.index }))}${p.row ? ' · ' + esc(t('imp.row', { row: p.row })) : ''}</div>
    <div>${esc(p.land_use_code || '')} ${esc(p.land_use_name || '')}${status ? ' · ' + esc(status) : ''}${p.area_mu !== null && p.area_mu !== undefined ? ' · ' + esc(num(p.area_mu)) + (zh() ? ' 亩' : ' mu') : ''}</div>
    ${lines ? `<ul>${lines}</ul>` : ''}</div>`;
}

function drawPreview(fc) {
  clearOverlay();
  if (!fc || !fc.features || !fc.features.some((f) => f.geometry)) return;
  const layer = L.geoJSON(fc, {
    filter: (f) => !!f.geometry,
    style: (f) => styleOf(f, false),
    pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 6 }),
    onEachFeature: (f, l) => {
      layerByIndex.set(f.properties.index, l);
      l.on('click', (e) => {
        if (ZA.busy) return;
        L.DomEvent.stopPropagation(e);
        focusFeature(f.properties.index, false);
      });
    },
  });
  overlay = ZA.addOverlay({ zh: '导入预览', en: 'Import preview' }, layer, {
    id: 'import-preview',
    legend: ['ok', 'warning', 'error'].map((k) => ({
      color: COLORS[k].color,
      fill: COLORS[k].fillColor,
      label: LEGEND[k],
    })),
  });
  // fitted once per file (and when a change moved the features): a re-check keeps the view the user chose
  const b = layer.getBounds();
  if (b.isValid() && (fitted.file !== state.file || !fitted.bounds || !fitted.bounds.intersects(b))) {
    ZA.map.fitBounds(b, { padding: [40, 40], maxZoom: 17 });
    fitted.file = state.file;
    fitted.bounds = b;
  }
}

const LEGEND = {
  ok: { zh: '可导入', en: 'Ready' },
  warning: { zh: '有警告', en: 'Warning' },
  error: { zh: '有错误', en: 'Error' },
};

/** Zooms to a previewed feature, marks it and opens its problems; zoom false: only mark (a click on the map). */
function focusFeature(index, zoom = true) {
  const l = layerByIndex.get(index);
  const feature = previewFeature(index);
  if (highlighted && highlighted !== l && highlighted.feature) highlighted.setStyle(styleOf(highlighted.feature, false));
  highlighted = l || null;
  markRow(index);
  if (!l) {
    const msg = root && root.querySelector('.imp-focus-msg');
    if (msg) msg.textContent = t('imp.nogeom');
    return;
  }
  l.setStyle(styleOf(l.feature, true));
  if (l.bringToFront) l.bringToFront();
  if (zoom) {
    const b = l.getBounds ? l.getBounds() : L.latLngBounds([l.getLatLng(), l.getLatLng()]);
    ZA.map.fitBounds(b, { padding: [60, 60], maxZoom: 18 });
  }
  if (feature) {
    const at = l.getBounds ? l.getBounds().getCenter() : l.getLatLng();
    popup = L.popup({ maxWidth: 320 }).setLatLng(at).setContent(popupHtml(feature.properties)).openOn(ZA.map);
  }
}

function previewFeature(index) {
  const fc = state.report && state.report.preview;
  return fc ? fc.features.find((f) => f.properties.index === index) : null;
}

function markRow(index) {
  if (!root) return;
  root.querySelectorAll('.imp-problems tr[data-index]').forEach((tr) => tr.classList.toggle('active', Number(tr.dataset.index) === index));
  const msg = root.querySelector('.imp-focus-msg');
  if (msg) msg.textContent = '';
}

// ---- the panel ---------------------------------------------------------------------------------

function fieldTitle(field, facts) {
  if (field === 'geometry') return t('imp.field.geometry');
  const f = facts && (facts.fields || []).find((x) => x.field === field);
  if (f) return zh() ? f.title_zh : f.title_en;
  return field;
}

function size(bytes) {
  if (bytes < 1024) return bytes + ' B';
  if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(1) + ' KB';
  return (bytes / 1024 / 1024).toFixed(1) + ' MB';
}

/** The EPSG code of the server's CRS description ("EPSG:4547 (CGCS2000 / ...), central meridian 114°E"). */
function srsCode(s) {
  const m = /^(EPSG:\d+)/.exec(s || '');
  return m ? m[1] : s || '';
}

function render() {
  if (!root) return;
  if (!isAdmin()) {
    root.innerHTML = `<p class="za-muted">${esc(t('imp.forbidden'))}</p>`;
    return;
  }
  const facts = state.report || state.failure;
  const busy = state.phase === 'checking' || state.phase === 'importing';
  root.innerHTML = `
    <p class="imp-intro">${esc(t('imp.intro'))}</p>
    <div class="imp-file">
      <label class="btn btn-primary imp-choose">${esc(t('imp.file'))}
        <input type="file" name="file" accept=".zip,.gpkg,.geojson,.json,.csv,.txt,.xlsx,.xls" hidden></label>
      <span class="imp-filename">${state.file ? esc(t('imp.file.info', {
    name: state.file.name, size: size(state.file.size), format: facts && facts.format ? FORMATS[facts.format] || facts.format : '…',
  })) : esc(t('imp.file.none'))}</span>
    </div>
    ${state.file ? body(facts, busy) : ''}`;
  const input = root.querySelector('input[type=file]');
  input.addEventListener('change', () => {
    if (!input.files || !input.files[0]) return;
    chooseFile(input.files[0]);
  });
  if (state.file) wire();
}

function chooseFile(file) {
  state.file = file;
  state.srs = '';
  state.encoding = '';
  state.layer = '';
  state.mapping = {};
  state.report = null;
  state.failure = null;
  state.result = null;
  state.showSrs = false;
  check();
}

function body(facts, busy) {
  if (state.phase === 'done' && state.result) return done(state.result);
  const parts = [];
  if (busy) parts.push(`<p class="imp-status busy">${esc(t(state.phase === 'importing' ? 'imp.importing' : 'imp.checking'))}</p>`);
  if (state.failure) {
    parts.push(`<div class="imp-status error" role="alert">${esc(t('imp.failed'))}${esc(zh() ? state.failure.description_zh : state.failure.description)}</div>`);
  }
  if (state.report) parts.push(summary(state.report));
  parts.push(srsBlock(facts));
  parts.push(readBlock(facts));
  if (facts && facts.fields && facts.fields.length) parts.push(mappingBlock(facts));
  if (state.report) parts.push(problemsBlock(state.report));
  parts.push(commitBlock(busy));
  return parts.join('');
}

function summary(r) {
  const fc = r.preview;
  const counts = { ok: 0, warning: 0, error: 0 };
  if (fc) for (const f of fc.features) counts[f.properties.level] = (counts[f.properties.level] || 0) + 1;
  const lines = [];
  lines.push(`<p class="imp-counts">${esc(t('imp.summary', { n: r.features, ok: counts.ok, warn: counts.warning, err: counts.error }))}</p>`);
  if (r.ok) {
    lines.push(`<p class="imp-status ok">${esc(t('imp.summary.ok', { n: r.parcels, mu: num(r.area_mu), ins: r.inserted, upd: r.updated, del: r.deleted }))}</p>`);
  } else {
    lines.push(`<p class="imp-status error">${esc(t('imp.summary.err', { n: r.error_count }))}</p>`);
  }
  if (fc && fc.capped) lines.push(`<p class="za-muted">${esc(t('imp.capped', { shown: fc.features.length, total: fc.total }))}</p>`);
  const notes = zh() ? r.notes_zh : r.notes;
  if (notes && notes.length) {
    lines.push(`<div class="imp-notes"><b>${esc(t('imp.notes'))}</b><ul>${notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul></div>`);
  }
  return lines.join('');
}

function srsBlock(facts) {
  const missing = state.failure && state.failure.parameter === 'srs';
  const used = facts && facts.srs;
  const code = srsCode(used);
  const label = crsLabel(code);
  const head = used && !missing
    ? `<p class="imp-srs-used">${esc(t('imp.srs.used', { srs: code + (label ? ' · ' + label : ''), from: zh() ? facts.srs_source_zh || '' : facts.srs_source || '' }))}
        ${state.showSrs ? '' : `<button type="button" class="btn imp-srs-show">${esc(t('imp.srs.change'))}</button>`}</p>`
    : '';
  if (!state.showSrs && !missing) return head;
  const chosen = state.srs;
  const known = crsChoices().some((g) => g.items.some((i) => i.code === chosen));
  const options = crsChoices().map((g) => `<optgroup label="${esc(g.group)}">${g.items.map((i) => `<option value="${esc(i.code)}"${i.code === chosen ? ' selected' : ''}>${esc(i.code + ' · ' + i.label)}</option>`).join('')}</optgroup>`).join('');
  return `${head}<div class="imp-srs${missing ? ' imp-attention' : ''}">
    <label>${esc(missing ? t('imp.srs.missing') : t('imp.srs'))}
      <select name="srs" class="za-select">
        <option value=""${chosen ? '' : ' selected'}>${esc(t('imp.srs.auto'))}</option>
        ${options}
        <option value="other"${chosen && !known ? ' selected' : ''}>${esc(t('imp.srs.other'))}</option>
      </select></label>
    <span class="imp-srs-other"${chosen && !known ? '' : ' hidden'}>
      <input name="srs-other" class="za-text" placeholder="${esc(t('imp.srs.other.ph'))}" value="${esc(known ? '' : chosen)}">
      <button type="button" class="btn imp-srs-apply">${esc(t('imp.srs.apply'))}</button></span>
  </div>`;
}

/** Encoding (shapefiles, CSV) and layer (several layers or sheets), when they matter. */
function readBlock(facts) {
  const format = facts && facts.format;
  const param = state.failure && state.failure.parameter;
  const parts = [];
  if (format === 'shp-zip' || format === 'csv' || param === 'encoding' || state.encoding) {
    const opts = [['', t('imp.encoding.auto')], ['UTF-8', 'UTF-8'], ['GBK', 'GBK']]
      .map(([v, l]) => `<option value="${esc(v)}"${state.encoding === v ? ' selected' : ''}>${esc(l)}</option>`).join('');
    parts.push(`<label class="imp-inline${param === 'encoding' ? ' imp-attention' : ''}">${esc(t('imp.encoding'))}
      <select name="encoding" class="za-select">${opts}</select></label>`);
  }
  if (param === 'layer' || state.layer) {
    parts.push(`<label class="imp-inline imp-attention">${esc(t('imp.layer'))}
      <input name="layer" class="za-text" value="${esc(state.layer)}" placeholder="${esc(t('imp.layer.ph'))}"></label>`);
  }
  return parts.length ? `<div class="imp-read">${parts.join('')}</div>` : '';
}

function mappingBlock(facts) {
  const param = state.failure && state.failure.parameter;
  const columns = facts.columns || [];
  const fields = facts.fields;
  const missingRequired = fields.some((f) => f.required && !f.column);
  const open = missingRequired || fields.some((f) => f.field === param) || Object.keys(state.mapping).length > 0;
  const row = (f) => {
    const current = f.field in state.mapping ? state.mapping[f.field] : f.column || '';
    const opts = [`<option value=""${current ? '' : ' selected'}>${esc(t('imp.mapping.none'))}</option>`]
      .concat(columns.map((c) => `<option value="${esc(c)}"${c === current ? ' selected' : ''}>${esc(c)}</option>`)).join('');
    const flag = f.required && !f.column ? `<span class="imp-tag error">${esc(t('imp.mapping.missing'))}</span>`
      : f.guessed && !(f.field in state.mapping) ? `<span class="imp-tag">${esc(t('imp.mapping.guessed'))}</span>` : '';
    return `<tr class="${f.field === param ? 'imp-attention' : ''}"><td>${esc(zh() ? f.title_zh : f.title_en)}${f.required ? ' *' : ''}</td>
      <td><select class="za-select" data-field="${esc(f.field)}">${opts}</select></td><td>${flag}</td></tr>`;
  };
  const attr = fields.filter((f) => !f.geometry);
  const geom = fields.filter((f) => f.geometry);
  attr.sort((a, b) => Number(b.required) - Number(a.required));
  return `<details class="imp-mapping"${open ? ' open' : ''}><summary>${esc(t('imp.mapping'))}</summary>
    <p class="za-muted">${esc(t('imp.mapping.hint'))}</p>
    <table class="za-table imp-map-table"><tbody>${attr.map(row).join('')}
    ${geom.length ? `<tr><th colspan="3">${esc(t('imp.mapping.geometry'))}</th></tr>${geom.map(row).join('')}` : ''}</tbody></table>
    <p class="za-muted">${esc(t('imp.mapping.columns'))}${esc(columns.join(zh() ? '、' : ', '))}</p>
  </details>`;
}

const MAX_ROWS = 300;

function problemsBlock(r) {
  const fc = r.preview;
  const rows = [];
  if (fc) {
    for (const f of fc.features) {
      for (const q of f.properties.problems || []) rows.push({ p: f.properties, q, geom: !!f.geometry });
    }
  }
  rows.sort((a, b) => (a.q.level === b.q.level ? a.p.index - b.p.index : a.q.level === 'error' ? -1 : 1));
  if (!rows.length) return `<h4 class="imp-h">${esc(t('imp.problems'))}</h4><p class="za-muted">${esc(t('imp.problems.none'))}</p>`;
  const shown = rows.slice(0, MAX_ROWS);
  return `<h4 class="imp-h">${esc(t('imp.problems'))}</h4>
    <p class="za-muted">${esc(t('imp.problems.hint'))} <span class="imp-focus-msg" role="status"></span></p>
    <div class="imp-problems-wrap"><table class="za-table imp-problems"><thead><tr>
      <th>${esc(t('imp.col.index'))}</th><th>${esc(t('imp.col.id'))}</th><th>${esc(t('imp.col.field'))}</th><th>${esc(t('imp.col.problem'))}</th></tr></thead>
      <tbody>${shown.map(({ p, q, geom }) => `<tr data-index="${esc(p.index)}" class="imp-${esc(q.level)}${geom ? '' : ' nogeom'}" tabindex="0">
        <td>${esc(p.index)}${p.row ? `<div class="za-muted">${esc(t('imp.row', { row: p.row }))}</div>` : ''}</td>
        <td>${esc(p.id || t('imp.unknown'))}</td>
        <td>${esc(fieldTitle(q.field, r))}</td>
        <td><span class="imp-level">${esc(t('imp.level.' + q.level))}</span> ${esc(zh() ? q.reason_zh : q.reason)}</td></tr>`).join('')}</tbody></table></div>
    ${rows.length > MAX_ROWS ? `<p class="za-muted">${esc(t('imp.more', { n: rows.length - MAX_ROWS }))}</p>` : ''}`;
}

function commitBlock(busy) {
  const zones = state.zones || [];
  const zoneOpts = [`<option value="">${esc(t('imp.zone.choose'))}</option>`]
    .concat(zones.map((z) => `<option value="${esc(z)}"${z === state.zone ? ' selected' : ''}>${esc(ZA.i18n.value('zone', z))}${zh() ? '（' : ' ('}${esc(z)}${zh() ? '）' : ')'}</option>`)).join('');
  const blocked = !(state.report && state.report.ok);
  const needZone = state.failure && state.failure.parameter === 'target_zone';
  return `<div class="imp-commit">
    <fieldset class="imp-mode"><legend>${esc(t('imp.mode'))}</legend>
      <label><input type="radio" name="mode" value="append"${state.mode === 'append' ? ' checked' : ''}> ${esc(t('imp.mode.append'))}</label>
      <label><input type="radio" name="mode" value="replace-zone"${state.mode === 'replace-zone' ? ' checked' : ''}> ${esc(t('imp.mode.replace'))}</label>
      <label class="imp-inline${needZone ? ' imp-attention' : ''}"${state.mode === 'replace-zone' ? '' : ' hidden'}>${esc(t('imp.zone'))}
        <select name="zone" class="za-select">${zoneOpts}</select></label>
    </fieldset>
    <label class="imp-reason">${esc(t('imp.reason'))}
      <textarea name="reason" rows="2" maxlength="500" placeholder="${esc(t('imp.reason.ph'))}">${esc(state.reason)}</textarea></label>
    <div class="imp-actions">
      <button type="button" class="btn imp-recheck"${busy ? ' disabled' : ''}>${esc(t('imp.recheck'))}</button>
      <button type="button" class="btn btn-primary imp-go"${canCommit() ? '' : ' disabled'}>${esc(t('imp.commit'))}</button>
      <span class="imp-why za-muted">${esc(busy ? '' : blocked ? t('imp.commit.blocked') : state.reason.trim() ? '' : t('imp.reason.required'))}</span>
    </div>
  </div>`;
}

function done(r) {
  return `<div class="imp-status ok imp-done" role="status">${esc(t('imp.done', {
    ins: r.inserted, upd: r.updated, del: r.deleted, mu: num(r.area_mu), change: r.change_id === null || r.change_id === undefined ? '' : '#' + r.change_id,
  }))}</div>
    <div class="imp-actions">
      ${r.items && r.items.length ? `<button type="button" class="btn btn-primary imp-view" data-id="${esc(r.items[0].id)}">${esc(t('imp.done.view'))}</button>` : ''}
      <button type="button" class="btn imp-new">${esc(t('imp.new'))}</button>
    </div>`;
}

function wire() {
  const q = (s) => root.querySelector(s);
  const on = (sel, ev, fn) => root.querySelectorAll(sel).forEach((el) => el.addEventListener(ev, fn));
  on('.imp-srs-show', 'click', () => {
    state.showSrs = true;
    render();
  });
  on('select[name=srs]', 'change', (e) => {
    const v = e.target.value;
    if (v === 'other') {
      q('.imp-srs-other').hidden = false;
      q('input[name=srs-other]').focus();
      return;
    }
    state.srs = v;
    check();
  });
  const applyOther = () => {
    const v = q('input[name=srs-other]').value.trim();
    if (!v) return;
    state.srs = /^\d+$/.test(v) ? 'EPSG:' + v : v;
    check();
  };
  on('.imp-srs-apply', 'click', applyOther);
  on('input[name=srs-other]', 'keydown', (e) => {
    if (e.key === 'Enter') applyOther();
  });
  on('select[name=encoding]', 'change', (e) => {
    state.encoding = e.target.value;
    check();
  });
  on('input[name=layer]', 'change', (e) => {
    state.layer = e.target.value.trim();
    check();
  });
  on('select[data-field]', 'change', (e) => {
    state.mapping[e.target.dataset.field] = e.target.value;
    check();
  });
  on('input[name=mode]', 'change', (e) => {
    state.mode = e.target.value;
    if (state.mode === 'replace-zone') loadZones();
    if (state.mode === 'append' || state.zone) check();
    else render();
  });
  on('select[name=zone]', 'change', (e) => {
    state.zone = e.target.value;
    if (state.zone) check();
  });
  on('textarea[name=reason]', 'input', (e) => {
    state.reason = e.target.value;
    // only the button and its hint change: the textarea keeps focus
    const go = q('.imp-go');
    if (go) go.disabled = !canCommit();
    const why = q('.imp-why');
    if (why && state.phase === 'checked') {
      why.textContent = !(state.report && state.report.ok) ? t('imp.commit.blocked') : state.reason.trim() ? '' : t('imp.reason.required');
    }
  });
  on('.imp-recheck', 'click', () => check());
  on('.imp-go', 'click', () => commit());
  on('.imp-problems tr[data-index]', 'click', (e) => focusFeature(Number(e.currentTarget.dataset.index)));
  on('.imp-problems tr[data-index]', 'keydown', (e) => {
    if (e.key === 'Enter') focusFeature(Number(e.currentTarget.dataset.index));
  });
  on('.imp-view', 'click', (e) => ZA.selectFeature('parcels', e.currentTarget.dataset.id));
  on('.imp-new', 'click', () => reset());
}

function reset() {
  runSeq++;
  if (ctrl) ctrl.abort();
  clearOverlay();
  state.file = null;
  state.report = null;
  state.failure = null;
  state.result = null;
  state.mapping = {};
  state.srs = '';
  state.encoding = '';
  state.layer = '';
  state.showSrs = false;
  state.phase = 'idle';
  render();
}

// ---- registration --------------------------------------------------------------------------------

ZA.registerPanel({
  id: PANEL,
  titleZh: '数据导入',
  titleEn: 'Import',
  render(el) {
    root = el;
    root.classList.add('za-import');
    render();
  },
  onLangChange() {
    render();
  },
});

/** The tab only for administrators; logging out drops the file and the preview. */
function applyRole() {
  const admin = isAdmin();
  if (typeof ZA.setPanelVisible === 'function') ZA.setPanelVisible(PANEL, admin);
  else {
    const btn = document.getElementById('tab-btn-' + PANEL);
    if (btn) btn.hidden = !admin;
  }
  if (!admin && state.file) reset();
  else render();
}

applyRole();
ZA.onAuthChange(applyRole);
ZA.ready.then(applyRole);

// for the browser tests
ZA.imports = { state, check, commit, focus: focusFeature };
