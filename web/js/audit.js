// The audit trail page (audit.html): the change records of GET /api/audit, for administrators.
// Filters (user, layer, operation, China-time dates, feature id) and the page offset live in the URL
// query, so a filtered view can be bookmarked or sent; each change opens to show the features it
// touched, each linking to the map with that feature selected; the export buttons download the
// current filter as CSV or Excel. The server words coded values (op, role, layer, summary) in the
// language asked for, so the screen and the export say the same; labels come from i18n.js.

import { api, rawFetch, setToken, ApiError } from './api.js';
import * as i18n from './i18n.js';

const { t } = i18n;
const PAGE = 50;
const OPS = ['create', 'replace', 'update', 'delete', 'revert', 'split', 'merge', 'import', 'import-figures', 'load',
  'evaluation-notice', 'evaluation-objection', 'evaluation-decision', 'evaluation-publish', 'evaluation-revise',
  'evaluation-item', 'evaluation-item-remove'];
const LAYERS = ['zones', 'core-boards', 'industrial-parks', 'small-micro-parks', 'infrastructure', 'parcels', 'enterprises'];
const FILTERS = ['user', 'collection', 'op', 'from', 'to', 'feature'];

i18n.add({
  zh: {
    'audit.title': '变更记录',
    'audit.back': '← 返回地图',
    'audit.f.user': '用户',
    'audit.f.user.ph': '用户名',
    'audit.f.collection': '图层',
    'audit.f.op': '操作',
    'audit.f.from': '开始日期',
    'audit.f.to': '结束日期',
    'audit.f.feature': '要素编号',
    'audit.f.all': '全部',
    'audit.f.star': '全部图层（初始数据）',
    'audit.search': '查询',
    'audit.reset': '重置',
    'audit.export.csv': '导出 CSV',
    'audit.export.xlsx': '导出 Excel',
    'audit.export.busy': '正在导出…',
    'audit.export.error': '导出失败：{m}',
    'audit.count': '共 {n} 条变更',
    'audit.range': '第 {a}–{b} 条，共 {n} 条变更',
    'audit.prev': '上一页',
    'audit.next': '下一页',
    'audit.page': '第 {p} / {n} 页',
    'audit.col.time': '时间（北京时间）',
    'audit.col.user': '用户',
    'audit.col.role': '角色',
    'audit.col.op': '操作',
    'audit.col.layer': '图层',
    'audit.col.features': '要素数',
    'audit.col.reason': '原因',
    'audit.col.summary': '修改内容',
    'audit.expand': '展开详情',
    'audit.collapse': '收起详情',
    'audit.d.id': '变更编号',
    'audit.d.time': '时间（北京时间）',
    'audit.d.request': '请求编号',
    'audit.d.ifmatch': '是否带版本校验',
    'audit.d.client': '客户端',
    'audit.d.summary': '修改内容',
    'audit.d.reason': '原因',
    'audit.d.features': '涉及的要素',
    'audit.d.noFeatures': '此变更不涉及单个要素（如导入经济数据、初始数据）。',
    'audit.d.more': '仅列出前 {k} 个，共 {n} 个；完整清单请导出。',
    'audit.d.layer': '图层',
    'audit.d.fid': '要素',
    'audit.d.fop': '变化',
    'audit.d.versions': '版本变化',
    'audit.d.onMap': '在地图上查看',
    'audit.d.before': '（删除前）',
    'audit.noReason': '未填写',
    'audit.none': '没有符合条件的变更。',
    'audit.loading': '加载中…',
    'audit.error': '加载失败：{m}',
    'audit.http': '服务器返回错误（{s}）',
    'audit.bad': '“{p}”填写有误，请检查后重试。',
    'audit.needAdmin': '请以管理员身份登录',
    'audit.notAdmin': '当前用户“{u}”（{r}）无权查看变更记录。请以管理员身份登录。',
    'audit.op.create': '新建',
    'audit.op.replace': '替换',
    'audit.op.update': '修改',
    'audit.op.delete': '删除',
    'audit.op.revert': '恢复',
    'audit.op.split': '分割',
    'audit.op.merge': '合并',
    'audit.op.import': '导入地块',
    'audit.op.import-figures': '导入经济数据',
    'audit.op.load': '初始数据',
    'audit.op.evaluation-notice': '亩均评价公示',
    'audit.op.evaluation-objection': '登记异议',
    'audit.op.evaluation-decision': '异议处理',
    'audit.op.evaluation-publish': '亩均评价公布',
    'audit.op.evaluation-revise': '公布名单修订',
    'audit.op.evaluation-item': '登记评价事项',
    'audit.op.evaluation-item-remove': '撤销评价事项',
  },
  en: {
    'audit.title': 'Audit trail',
    'audit.back': '← Back to the map',
    'audit.f.user': 'User',
    'audit.f.user.ph': 'user name',
    'audit.f.collection': 'Layer',
    'audit.f.op': 'Operation',
    'audit.f.from': 'From',
    'audit.f.to': 'To',
    'audit.f.feature': 'Feature ID',
    'audit.f.all': 'all',
    'audit.f.star': 'all layers (initial data)',
    'audit.search': 'Search',
    'audit.reset': 'Reset',
    'audit.export.csv': 'Export CSV',
    'audit.export.xlsx': 'Export Excel',
    'audit.export.busy': 'Exporting…',
    'audit.export.error': 'Export failed: {m}',
    'audit.count': '{n} changes',
    'audit.range': '{a}–{b} of {n} changes',
    'audit.prev': 'Previous',
    'audit.next': 'Next',
    'audit.page': 'page {p} of {n}',
    'audit.col.time': 'Time (Beijing)',
    'audit.col.user': 'User',
    'audit.col.role': 'Role',
    'audit.col.op': 'Operation',
    'audit.col.layer': 'Layer',
    'audit.col.features': 'Features',
    'audit.col.reason': 'Reason',
    'audit.col.summary': 'What changed',
    'audit.expand': 'Show details',
    'audit.collapse': 'Hide details',
    'audit.d.id': 'Change no.',
    'audit.d.time': 'Time (Beijing)',
    'audit.d.request': 'Request ID',
    'audit.d.ifmatch': 'Version check (If-Match)',
    'audit.d.client': 'Client',
    'audit.d.summary': 'What changed',
    'audit.d.reason': 'Reason',
    'audit.d.features': 'Features touched',
    'audit.d.noFeatures': 'This change touched no single feature (a figures import, the initial data).',
    'audit.d.more': 'Only the first {k} of {n} are listed; export for all of them.',
    'audit.d.layer': 'Layer',
    'audit.d.fid': 'Feature',
    'audit.d.fop': 'Change',
    'audit.d.versions': 'Versions',
    'audit.d.onMap': 'Show on the map',
    'audit.d.before': '(before deletion)',
    'audit.noReason': 'none given',
    'audit.none': 'No change matches.',
    'audit.loading': 'Loading…',
    'audit.error': 'Could not load: {m}',
    'audit.http': 'server error ({s})',
    'audit.bad': '“{p}” is not valid; check it and try again.',
    'audit.needAdmin': 'Please sign in as an administrator',
    'audit.notAdmin': 'User “{u}” ({r}) may not see the audit trail. Please sign in as an administrator.',
    'audit.op.create': 'create',
    'audit.op.replace': 'replace',
    'audit.op.update': 'edit',
    'audit.op.delete': 'delete',
    'audit.op.revert': 'revert',
    'audit.op.split': 'split',
    'audit.op.merge': 'merge',
    'audit.op.import': 'parcel import',
    'audit.op.import-figures': 'figures import',
    'audit.op.evaluation-notice': 'evaluation notice',
    'audit.op.evaluation-objection': 'objection recorded',
    'audit.op.evaluation-decision': 'objection decided',
    'audit.op.evaluation-publish': 'evaluation published',
    'audit.op.evaluation-revise': 'published list revised',
    'audit.op.evaluation-item': 'evaluation item recorded',
    'audit.op.evaluation-item-remove': 'evaluation item removed',
    'audit.op.load': 'initial data',
  },
});

const $ = (sel) => document.querySelector(sel);

function esc(s) {
  return String(s === null || s === undefined ? '' : s).replace(/[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

// ---- state ----------------------------------------------------------------------------------

const url = new URLSearchParams(location.search);
const state = {
  user: { username: null, role: 'anonymous' },
  filters: Object.fromEntries(FILTERS.map((k) => [k, url.get(k) || ''])),
  offset: Math.max(0, parseInt(url.get('offset'), 10) || 0),
  page: null,
  open: new Set(),
  busy: false,
  ready: false,
  error: null,
};
// for the browser tests
window.AUDIT = state;

function initialLang() {
  const l = url.get('lang');
  if (l === 'en' || l === 'zh') return l;
  try {
    const stored = localStorage.getItem('za.lang');
    if (stored === 'en' || stored === 'zh') return stored;
  } catch (e) {
    // no storage: Chinese
  }
  return 'zh';
}
i18n.setLang(initialLang());

function lang() {
  return i18n.getLang() === 'en' ? 'en' : 'zh';
}

/** The API query of the current filter (values as typed, empty ones left out). */
function filterQuery() {
  const q = new URLSearchParams();
  for (const k of FILTERS) {
    const v = (state.filters[k] || '').trim();
    if (v) q.set(k, v);
  }
  return q;
}

function writeUrl() {
  const q = filterQuery();
  if (state.offset) q.set('offset', String(state.offset));
  if (url.get('lang') || lang() === 'en') q.set('lang', lang());
  const s = q.toString();
  history.replaceState(null, '', location.pathname + (s ? '?' + s : ''));
}

// ---- header, login --------------------------------------------------------------------------

function relabel() {
  document.title = t('audit.title') + ' · ' + t('app.short');
  $('#title').textContent = t('audit.title');
  $('#back').textContent = t('audit.back');
  $('#back').href = lang() === 'en' ? '/?lang=en' : '/';
  const lt = $('#lang-toggle');
  lt.textContent = t('lang.switch');
  lt.title = t('lang.switch.title');
  $('#export-csv').textContent = t('audit.export.csv');
  $('#export-xlsx').textContent = t('audit.export.xlsx');
  renderAuth();
}

function renderAuth() {
  const el = $('#auth');
  const u = state.user;
  if (!u.username) {
    el.innerHTML = '';
    return;
  }
  el.innerHTML = `<span class="who"><b>${esc(u.username)}</b> <span class="role">${esc(t('role.' + u.role))}</span></span>
    <button type="button" class="btn" id="logout-btn">${esc(t('auth.logout'))}</button>`;
  el.querySelector('#logout-btn').addEventListener('click', async () => {
    try {
      await api('/api/logout', { method: 'POST' });
    } catch (e) {
      // the token is dropped anyway
    }
    setToken(null);
    await start();
  });
}

function renderGate() {
  const u = state.user;
  const gate = $('#gate');
  const msg = u.username ? t('audit.notAdmin', { u: u.username, r: t('role.' + u.role) }) : t('audit.needAdmin');
  gate.innerHTML = `<p class="need">${esc(msg)}</p>
    <form id="login-form">
      <label>${esc(t('auth.username'))}<input name="username" autocomplete="username" required></label>
      <label>${esc(t('auth.password'))}<input name="password" type="password" autocomplete="current-password" required></label>
      <div class="error" role="alert"></div>
      <button type="submit" class="btn btn-primary">${esc(t('auth.submit'))}</button>
    </form>`;
  const form = gate.querySelector('#login-form');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const err = form.querySelector('.error');
    err.textContent = '';
    try {
      const r = await api('/api/login', { method: 'POST', body: { username: form.username.value.trim(), password: form.password.value } });
      setToken(r.token);
      await start();
    } catch (ex) {
      err.textContent = ex instanceof ApiError && ex.status === 401 ? t('auth.failed') : t('auth.error');
    }
  });
  gate.hidden = false;
  $('#audit').hidden = true;
}

// ---- filters --------------------------------------------------------------------------------

function renderFilters() {
  const f = state.filters;
  const opt = (v, label, cur) => `<option value="${esc(v)}"${v === cur ? ' selected' : ''}>${esc(label)}</option>`;
  const layerOpts = [opt('', t('audit.f.all'), f.collection)]
    .concat(LAYERS.map((id) => opt(id, t('coll.' + id), f.collection)))
    .concat([opt('*', t('audit.f.star'), f.collection)]);
  const opOpts = [opt('', t('audit.f.all'), f.op)].concat(OPS.map((o) => opt(o, t('audit.op.' + o), f.op)));
  $('#filters').innerHTML = `
    <label>${esc(t('audit.f.user'))}<input name="user" value="${esc(f.user)}" placeholder="${esc(t('audit.f.user.ph'))}" maxlength="200"></label>
    <label>${esc(t('audit.f.collection'))}<select name="collection">${layerOpts.join('')}</select></label>
    <label>${esc(t('audit.f.op'))}<select name="op">${opOpts.join('')}</select></label>
    <label>${esc(t('audit.f.from'))}<input name="from" type="date" value="${esc(f.from)}"></label>
    <label>${esc(t('audit.f.to'))}<input name="to" type="date" value="${esc(f.to)}"></label>
    <label>${esc(t('audit.f.feature'))}<input name="feature" value="${esc(f.feature)}" maxlength="200"></label>
    <div class="actions">
      <button type="submit" class="btn btn-primary">${esc(t('audit.search'))}</button>
      <button type="button" class="btn" data-act="reset">${esc(t('audit.reset'))}</button>
    </div>`;
}

function readFilters() {
  const form = $('#filters');
  for (const k of FILTERS) state.filters[k] = form.elements[k] ? form.elements[k].value.trim() : '';
}

$('#filters').addEventListener('submit', (e) => {
  e.preventDefault();
  readFilters();
  state.offset = 0;
  state.open.clear();
  load();
});
$('#filters').addEventListener('click', (e) => {
  if (e.target.closest('[data-act=reset]')) {
    for (const k of FILTERS) state.filters[k] = '';
    state.offset = 0;
    state.open.clear();
    renderFilters();
    load();
  }
});
$('#filters').addEventListener('change', (e) => {
  // a choice from a list applies at once; typed text waits for the search button or Enter
  if (e.target.tagName === 'SELECT' || e.target.type === 'date') {
    readFilters();
    state.offset = 0;
    state.open.clear();
    load();
  }
});

// ---- the table ------------------------------------------------------------------------------

function message(text, error) {
  const m = $('#message');
  m.textContent = text || '';
  m.className = 'message' + (error ? ' error' : '');
  m.hidden = !text;
}

/** A server error in words for this screen: its Chinese description, or the filter it names. */
function errorText(e) {
  const b = e && e.body;
  if (b && b.parameter) {
    const key = { collection: 'audit.f.collection' }[b.parameter] || 'audit.f.' + b.parameter;
    const label = t(key) === key ? b.parameter : t(key);
    return t('audit.bad', { p: label });
  }
  if (!(e instanceof ApiError)) return t('error.network');
  if (lang() === 'zh') return (b && b.description_zh) || t('audit.http', { s: e.status });
  return (b && b.description) || t('audit.http', { s: e.status });
}

async function load() {
  writeUrl();
  const q = filterQuery();
  q.set('limit', String(PAGE));
  if (state.offset) q.set('offset', String(state.offset));
  q.set('lang', lang());
  state.busy = true;
  state.error = null;
  message(t('audit.loading'));
  try {
    state.page = await api('/api/audit?' + q.toString());
    message(null);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
      state.busy = false;
      await start();
      return;
    }
    state.page = null;
    state.error = t('audit.error', { m: errorText(e) });
    message(state.error, true);
  } finally {
    state.busy = false;
  }
  renderTable();
}

function opBadge(op, text) {
  return `<span class="op op-${esc(op)}">${esc(text || op)}</span>`;
}

function renderTable() {
  const head = $('#changes thead');
  head.innerHTML = `<tr><th></th><th>${esc(t('audit.col.time'))}</th><th>${esc(t('audit.col.user'))}</th>
    <th>${esc(t('audit.col.role'))}</th><th>${esc(t('audit.col.op'))}</th><th>${esc(t('audit.col.layer'))}</th>
    <th>${esc(t('audit.col.features'))}</th><th>${esc(t('audit.col.reason'))}</th><th>${esc(t('audit.col.summary'))}</th></tr>`;
  const body = $('#changes tbody');
  const p = state.page;
  if (!p) {
    body.innerHTML = '';
    $('#count').textContent = '';
    $('#pager').innerHTML = '';
    return;
  }
  if (!p.changes.length) {
    body.innerHTML = '';
    message(t('audit.none'));
  }
  body.innerHTML = p.changes.map((c) => {
    const open = state.open.has(c.id);
    const tx = c.text || {};
    return `<tr class="change${open ? ' open' : ''}" data-id="${esc(c.id)}">
      <td><button type="button" class="expand" aria-expanded="${open}" title="${esc(t(open ? 'audit.collapse' : 'audit.expand'))}"
        aria-label="${esc(t(open ? 'audit.collapse' : 'audit.expand'))}">${open ? '▾' : '▸'}</button></td>
      <td class="time">${esc(c.at_local)}</td>
      <td class="user">${esc(tx.username || c.username)}</td>
      <td>${esc(tx.role || c.role)}</td>
      <td>${opBadge(c.op, tx.op)}</td>
      <td>${esc(tx.collection || c.collection)}</td>
      <td class="num">${esc(c.feature_count)}</td>
      <td class="reason">${tx.reason ? esc(tx.reason) : `<span class="none">${esc(t('audit.noReason'))}</span>`}</td>
      <td class="summary">${esc(tx.summary || '')}</td>
    </tr>${open ? detailRow(c) : ''}`;
  }).join('');
  const n = p.numberMatched;
  $('#count').textContent = n ? t('audit.range', { a: state.offset + 1, b: state.offset + p.numberReturned, n }) : t('audit.count', { n: 0 });
  const pages = Math.max(1, Math.ceil(n / PAGE));
  const cur = Math.floor(state.offset / PAGE) + 1;
  $('#pager').innerHTML = n <= PAGE && !state.offset ? ''
    : `<button type="button" class="btn" data-page="prev"${state.offset > 0 ? '' : ' disabled'}>${esc(t('audit.prev'))}</button>
      <span class="muted">${esc(t('audit.page', { p: cur, n: pages }))}</span>
      <button type="button" class="btn" data-page="next"${state.offset + p.numberReturned < n ? '' : ' disabled'}>${esc(t('audit.next'))}</button>`;
}

/** The map link of a feature; one the change deleted opens the map as it stood a moment before. */
function mapLink(c, f) {
  let href = '/?s=' + encodeURIComponent(f.collection) + ':' + encodeURIComponent(f.feature_id);
  if (f.version_after === null || f.version_after === undefined) {
    const before = new Date(Date.parse(c.at) - 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    href += '&t=' + encodeURIComponent(before);
  }
  if (lang() === 'en') href += '&lang=en';
  return href;
}

function detailRow(c) {
  const tx = c.text || {};
  const dl = [
    ['audit.d.id', c.id],
    ['audit.d.time', c.at_local],
    ['audit.d.reason', tx.reason || t('audit.noReason')],
    ['audit.d.summary', tx.summary || ''],
    ['audit.d.request', c.request_id],
    ['audit.d.ifmatch', tx.if_match],
    ['audit.d.client', tx.client || ''],
  ].map(([k, v]) => `<dt>${esc(t(k))}</dt><dd>${esc(v)}</dd>`).join('');
  let features;
  if (!c.features.length) {
    features = `<p class="muted">${esc(t('audit.d.noFeatures'))}</p>`;
  } else {
    const rows = c.features.map((f) => {
      const ft = f.text || {};
      const deleted = f.version_after === null || f.version_after === undefined;
      return `<tr><td>${esc(ft.collection || f.collection)}</td>
        <td><a href="${esc(mapLink(c, f))}" title="${esc(t('audit.d.onMap'))}">${esc(ft.feature || f.feature_id)}</a>${deleted ? ` <span class="muted">${esc(t('audit.d.before'))}</span>` : ''}</td>
        <td>${esc(ft.op || f.op)}</td><td>${esc(ft.versions || '')}</td></tr>`;
    }).join('');
    features = `<table class="features"><thead><tr><th>${esc(t('audit.d.layer'))}</th><th>${esc(t('audit.d.fid'))}</th>
      <th>${esc(t('audit.d.fop'))}</th><th>${esc(t('audit.d.versions'))}</th></tr></thead><tbody>${rows}</tbody></table>`
      + (c.feature_count > c.features.length
        ? `<p class="muted">${esc(t('audit.d.more', { k: c.features.length, n: c.feature_count }))}</p>` : '');
  }
  return `<tr class="detail" data-for="${esc(c.id)}"><td colspan="9"><dl>${dl}</dl>
    <h3>${esc(t('audit.d.features'))}</h3>${features}</td></tr>`;
}

$('#changes').addEventListener('click', (e) => {
  const btn = e.target.closest('button.expand');
  if (!btn) return;
  const id = Number(btn.closest('tr').dataset.id);
  if (state.open.has(id)) state.open.delete(id);
  else state.open.add(id);
  renderTable();
});

$('#pager').addEventListener('click', (e) => {
  const b = e.target.closest('button[data-page]');
  if (!b || b.disabled) return;
  state.offset = b.dataset.page === 'next' ? state.offset + PAGE : Math.max(0, state.offset - PAGE);
  state.open.clear();
  load().then(() => window.scrollTo(0, 0));
});

// ---- exports --------------------------------------------------------------------------------

/** The file name the server gave (RFC 5987 filename*, else filename). */
function fileName(res, fallback) {
  const cd = res.headers.get('Content-Disposition') || '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch (e) {
      // fall through
    }
  }
  const plain = /filename="([^"]+)"/i.exec(cd);
  return plain ? plain[1] : fallback;
}

async function download(format) {
  readFilters();
  writeUrl();
  const q = filterQuery();
  q.set('format', format);
  q.set('lang', lang());
  const status = $('#export-status');
  status.textContent = t('audit.export.busy');
  for (const b of document.querySelectorAll('#export-csv, #export-xlsx')) b.disabled = true;
  try {
    const res = await rawFetch('/api/audit?' + q.toString(), { headers: { Accept: '*/*' } });
    if (!res.ok) {
      const body = await res.json().catch(() => null);
      throw new ApiError(res.status, body);
    }
    const blob = await res.blob();
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = fileName(res, 'audit.' + format);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    status.textContent = '';
  } catch (e) {
    status.textContent = t('audit.export.error', { m: errorText(e) });
  } finally {
    for (const b of document.querySelectorAll('#export-csv, #export-xlsx')) b.disabled = false;
  }
}
$('#export-csv').addEventListener('click', () => download('csv'));
$('#export-xlsx').addEventListener('click', () => download('xlsx'));

// ---- language, start ------------------------------------------------------------------------

$('#lang-toggle').addEventListener('click', () => {
  i18n.setLang(lang() === 'en' ? 'zh' : 'en');
  try {
    localStorage.setItem('za.lang', lang());
  } catch (e) {
    // not kept
  }
  if (url.get('lang')) url.set('lang', lang());
  relabel();
  if (state.user.role === 'admin') {
    readFilters();
    renderFilters();
    load();
  } else {
    renderGate();
  }
});

async function start() {
  state.ready = false;
  let me = { username: null, role: 'anonymous' };
  try {
    me = await api('/api/me');
  } catch (e) {
    // shown as not signed in
  }
  if (!me.username) setToken(null);
  state.user = { username: me.username || null, role: me.role || 'anonymous' };
  relabel();
  if (state.user.role !== 'admin') {
    renderGate();
    state.ready = true;
    return;
  }
  $('#gate').hidden = true;
  $('#audit').hidden = false;
  renderFilters();
  await load();
  state.ready = true;
}

start();
