// ZoneAtlas map page: layers, details, search, basemaps, permalink, login, measuring.
//
// Other capabilities add panels without editing this file, through window.ZA (ready before any
// later <script type="module"> runs):
//   ZA.map                          the Leaflet map
//   ZA.api(path, opts)              fetch with the login token; resolves to parsed JSON, rejects with
//                                   an Error (status, body) on HTTP errors; a plain-object body is sent as JSON
//   ZA.fetch(path, opts)            the same, resolving to the raw Response
//   ZA.t(key, vars), ZA.lang        labels in the current language ('zh' or 'en');
//   ZA.i18n.add({zh:{}, en:{}})     add labels; ZA.i18n.pick(zh, en), ZA.i18n.value(vocab, code)
//   ZA.registerPanel({id, titleZh, titleEn, render(containerEl), onLangChange?(lang)})
//                                   a sidebar tab; render is called once now and again after a
//                                   language switch unless onLangChange is given; ZA.showPanel(id)
//   ZA.selectFeature(collection, id, {fit})  select and show a feature (Promise of the GeoJSON feature)
//   ZA.clearSelection(), ZA.selected ({collection, id} or null)
//   ZA.onSelect(cb)                 cb({collection, id, feature}) on every selection, cb(null) when cleared
//   ZA.onLangChange(cb), ZA.onAuthChange(cb)  cb(lang) / cb({username, role, seesConfidential})
//   ZA.addOverlay(name, layer, {id, legend:[{color, fill, label}], visible})  an extra map layer
//                                   listed under "other layers"; name is a string or {zh, en};
//                                   ZA.removeOverlay(layer)
//   ZA.permalink.set(key, value) / get(key) / url()   state kept in the page URL (map keys reserved)
//   ZA.setParcelStyle(style, {title, legend})  recolour the parcels the map draws: style(feature) gives
//                                   Leaflet path options (or null: the map's own colour); the legend
//                                   replaces the parcels' legend entry; ZA.setParcelStyle(null) undoes it
//   ZA.user                         {username, role, seesConfidential}
//   ZA.ready                        Promise resolved once the plan layers are drawn and the URL state restored
//   ZA.setBusy(bool)                while true, clicks on features do not select (use while drawing);
//   ZA.busy                         true while a shape is being drawn: leave clicks alone then (the
//                                   map's canvas already hands them to the drawing, not to features)
//   ZA.addCardSection({id, render(el, sel), top})  a section of the detail card: render is called with
//                                   a fresh <section> each time the card is drawn (selection, language,
//                                   login, after a write) and sel = {collection, id, feature, asOf};
//                                   top: placed under the card's buttons instead of at its end. Also
//                                   called under "not found" with feature null (a deleted feature's history)
//   ZA.refreshFeatures(collection, {removed: [ids], features: [GeoJSON]})  shows a write on the map at
//                                   once (features as the server stored them replace theirs); parcels and
//                                   enterprises are then loaded again around the view. With neither
//                                   (ZA.refreshFeatures('parcels', {})) the whole layer is drawn afresh
//   ZA.parcelAt(latlng)             the parcel drawn there or null; parcels are painted from vector tiles,
//                                   not Leaflet layers, so the feature has id and properties (land use,
//                                   status, park/zone ids) but geometry null: fetch the item for its shape
//                                   (as of an earlier instant or under AMap: the GeoJSON feature, zoom 14+)
//   ZA.parcelMarks(style)           a layer for ZA.addOverlay that, while shown, outlines the parcels
//                                   style(feature) gives {color, weight, label} for (label: hover words)
//   ZA.setPanelVisible(id, bool)    hides or shows a registered panel's tab (e.g. one only for some roles)
//   ZA.planFeatures(collection)     [{id, name_zh, name_en, zone}] of a plan layer as drawn (to pick a board or park)
//   ZA.parcelMinZoom                the zoom from which parcels are drawn (for a panel's "zoom in" hint)
//   ZA.withheldFill()               a hatched fill for Leaflet paths: figures withheld (fewer than 3 firms),
//                                   never to look like 无数据; setParcelStyle's style may return {hatch: true}
//   ZA.asOf, ZA.setAsOf(instant|null), ZA.onAsOfChange(cb)  the instant the map shows (RFC 3339 UTC
//                                   string; null = now): every layer and the detail card are loaded as
//                                   they stood then (datetime=); kept in the link as t=; setAsOf returns
//                                   a Promise resolved once the plan layers are drawn again

import { api, ApiError, rawFetch, setToken, token } from './api.js';
import { basemapLayer as makeBasemapLayer, basemapOptions as configuredBasemaps, defaultBasemap, mapNote, normaliseBasemap } from './basemap.js';
import { gcjToWgs, gcjWebMercator, wgsToGcj } from './gcj02.js';
import * as i18n from './i18n.js';
import { renderDetails, renderMessage } from './details.js';
import {
  DEFAULT_VISIBLE, escapeHtml, INFRA_KEYS, Layers, ORDER, PLAN_COLLECTIONS,
} from './layers.js';
import { initMeasure } from './measure.js';
import { hatchCanvas } from './styles.js';
import { permalink, setInternal } from './permalink.js';
import { initSearch } from './search.js';

const { t } = i18n;
const $ = (sel) => document.querySelector(sel);

i18n.add({
  zh: {
    'details.notfound.asof': '所查看的时点还没有这个要素（或已不存在）',
    'legend.as.line': '（线）',
    'legend.as.area': '（范围）',
    'legend.green.line': '生态廊道、绿带',
    'legend.toggle.open': '展开图例',
    'here.title': '此处有：',
    'legend.toggle.close': '收起图例',
  },
  en: {
    'details.notfound.asof': 'This feature did not exist at the moment shown',
    'legend.as.line': ' (line)',
    'legend.as.area': ' (area)',
    'legend.green.line': 'Green corridors and belts',
    'legend.toggle.open': 'Show the legend',
    'here.title': 'Here:',
    'legend.toggle.close': 'Hide the legend',
  },
});

// ---- language -----------------------------------------------------------------------------

function initialLang() {
  const fromUrl = permalink.get('lang');
  if (fromUrl === 'en' || fromUrl === 'zh') return fromUrl;
  try {
    const stored = localStorage.getItem('za.lang');
    if (stored === 'en' || stored === 'zh') return stored;
  } catch (e) {
    // no storage: Chinese
  }
  return 'zh';
}
i18n.setLang(initialLang());

// ---- map ----------------------------------------------------------------------------------

const WEB_MERCATOR = L.CRS.EPSG3857;
let gcjCrs = null;

// One canvas for every vector of the overlay pane, the panels' overlays included: with a second
// canvas on top, Leaflet would deliver no clicks to the layers of the one below.
const vectorRenderer = L.canvas({ padding: 0.4, tolerance: 4 });
// While a shape is being drawn (measuring, spatial queries) a click belongs to the drawing, not to
// the feature under it: the canvas then passes clicks straight to the map, where Geoman takes them.
// (Patched before the canvas exists: Leaflet binds the handler when it creates the element.)
// And a click inside an area of the plan (a park, a board, a zone) goes to the map, whose handler
// lists everything under it (the parcel first) and offers a chooser when there is more than one;
// inside a panel's area overlay where a parcel is painted it means the parcel.
const canvasClick = vectorRenderer._onClick;
vectorRenderer._onClick = function onClick(e) {
  if (drawingNow()) {
    this._fireEvent(false, e);
    return;
  }
  if (e.type === 'click') {
    const point = this._map.mouseEventToLayerPoint(e);
    let top = null;
    for (let o = this._drawFirst; o; o = o.next) {
      if (o.layer.options.interactive && o.layer._containsPoint(point)) top = o.layer;
    }
    const planArea = top instanceof L.Polygon && top.zaRef
      && (PLAN_COLLECTIONS.includes(top.zaRef.collection) || top.zaRef.collection === 'infrastructure');
    if (planArea || (top instanceof L.Polygon && layers.parcelsShown() && layers.parcelAt(this._map.layerPointToLatLng(point)))) {
      this._fireEvent(false, e);
      return;
    }
  }
  canvasClick.call(this, e);
};
function drawingNow() {
  return busy || !!(map.pm && map.pm.globalDrawModeEnabled());
}

// One notch of a mouse wheel is one zoom level, whatever the browser reports as its delta (Leaflet
// maps the delta through a curve: a notch of 100 px came out as 1.5 levels, of 120 px as 1.7), and
// a burst of wheel events (a notch that repeats, a trackpad swipe) is one level per moment, not a
// leap. The map lands on whole zoom levels, where tiles are drawn sharpest.
L.Map.ScrollWheelZoom.include({
  _performZoom() {
    const m = this._map;
    const dir = Math.sign(this._delta);
    this._delta = 0;
    this._startTime = null;
    const now = Date.now();
    if (!dir || now - (this._zaLast || 0) < 200) return;
    this._zaLast = now;
    m._stop();
    const zoom = m.getZoom();
    const target = m._limitZoom(dir > 0 ? Math.floor(zoom + 1e-6) + 1 : Math.ceil(zoom - 1e-6) - 1);
    if (target !== zoom) m.setZoomAround(this._lastMousePos, target);
  },
});

const map = L.map('map', {
  renderer: vectorRenderer,
  preferCanvas: true,
  zoomControl: false,
  minZoom: 4,
  maxZoom: 19,
  zoomSnap: 0.5,
  // see the wheel handler above: one notch, one level
  wheelDebounceTime: 60,
  wheelPxPerZoomLevel: 120,
  worldCopyJump: false,
  attributionControl: true,
});
map.attributionControl.setPrefix('<a href="https://leafletjs.com" target="_blank" rel="noopener">Leaflet</a>');
L.control.zoom({ position: 'topleft' }).addTo(map);
L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(map);

let busy = false;
const listeners = { select: [], lang: [], auth: [], asof: [] };
function emit(kind, arg) {
  for (const cb of listeners[kind]) {
    try {
      cb(arg);
    } catch (e) {
      console.warn('ZA ' + kind + ' listener failed', e);
    }
  }
}

const state = {
  config: {},
  collections: {},
  selected: null,
  user: { username: null, role: 'anonymous', seesConfidential: false },
  basemap: 'demo',
  hadView: false,
};

const layers = new Layers({
  map,
  api,
  onChange: () => scheduleUi(),
  onFeatureClick: (collection, id) => select(collection, id, { fromMap: true }),
  isBusy: drawingNow,
});

let uiTimer = null;
function scheduleUi() {
  if (uiTimer) return;
  uiTimer = requestAnimationFrame(() => {
    uiTimer = null;
    updateTree();
    renderLegend();
    updateZoomHint();
    writeLayerState();
  });
}

// ---- sidebar: tabs and panels -------------------------------------------------------------

const panels = new Map();

function addTab(id, title, builtin) {
  const btn = document.createElement('button');
  btn.type = 'button';
  btn.className = 'tab';
  btn.id = 'tab-btn-' + id;
  btn.dataset.tab = id;
  btn.setAttribute('role', 'tab');
  btn.textContent = title;
  btn.addEventListener('click', () => showTab(id, true));
  $('#tabs').appendChild(btn);
  const body = document.createElement('section');
  body.className = 'tab-body' + (builtin ? ' builtin' : ' panel');
  body.id = builtin ? 'tab-' + id : 'panel-' + id;
  body.dataset.tab = id;
  body.setAttribute('role', 'tabpanel');
  body.hidden = true;
  $('#tab-bodies').appendChild(body);
  return body;
}

function showTab(id, fromUser) {
  for (const b of document.querySelectorAll('#tabs .tab')) {
    const on = b.dataset.tab === id;
    b.classList.toggle('active', on);
    b.setAttribute('aria-selected', String(on));
  }
  for (const s of document.querySelectorAll('#tab-bodies .tab-body')) s.hidden = s.dataset.tab !== id;
  if (fromUser || id === 'details') openSheet(true);
}

function openSheet(open) {
  $('#sidebar').classList.toggle('collapsed-narrow', !open);
  // the map area changes on phones when the sheet opens or closes
  setTimeout(() => map.invalidateSize({ pan: false }), 260);
}

const layersBody = addTab('layers', t('tab.layers'), true);
const detailsBody = addTab('details', t('tab.details'), true);
renderMessage(detailsBody, t('details.empty'));
showTab('layers', false);
$('#sidebar-toggle').addEventListener('click', () => openSheet($('#sidebar').classList.contains('collapsed-narrow')));
$('#sheet-handle').addEventListener('click', () => openSheet($('#sidebar').classList.contains('collapsed-narrow')));

function registerPanel(p) {
  if (!p || !p.id || typeof p.render !== 'function') throw new Error('registerPanel needs {id, titleZh, titleEn, render(el)}');
  if (panels.has(p.id)) throw new Error('panel "' + p.id + '" is already registered');
  const body = addTab(p.id, i18n.pick(p.titleZh, p.titleEn), false);
  const entry = { p, body };
  panels.set(p.id, entry);
  try {
    p.render(body);
  } catch (e) {
    console.warn('panel ' + p.id + ' failed to render', e);
  }
  return body;
}

// ---- layer tree ---------------------------------------------------------------------------

function treeRow(key, cls) {
  return `<li class="tree-row ${cls || ''}" data-key="${key}">
    <label><input type="checkbox" data-key="${key}"><span class="tree-swatch sw-${key}"></span><span class="tree-name">${escapeHtml(t('group.' + key))}</span></label>
    <span class="tree-status" data-status="${key}"></span></li>`;
}

function basemapOptions() {
  return configuredBasemaps(state.config);
}

function buildTree() {
  const bm = basemapOptions().map((o) => `<label class="bm-option"><input type="radio" name="basemap" value="${o.id}"> ${escapeHtml(o.label)}</label>`).join('');
  layersBody.innerHTML = `
    <h3 class="za-h3">${escapeHtml(t('basemap.title'))}</h3>
    <div class="basemaps">${bm}</div>
    <p class="bm-note za-muted" hidden></p>
    <h3 class="za-h3">${escapeHtml(t('layers.title'))}</h3>
    <ul class="tree">
      ${PLAN_COLLECTIONS.map((k) => treeRow(k)).join('')}
      <li class="tree-row tree-parent" data-key="infrastructure">
        <label><input type="checkbox" data-group="infrastructure"><span class="tree-name">${escapeHtml(t('layers.infrastructure'))}</span></label>
        <ul class="tree tree-children">${INFRA_KEYS.map((k) => treeRow(k, 'child')).join('')}</ul>
      </li>
      ${treeRow('parcels')}
      <li class="tree-extra" data-for="parcels">
        <span>${escapeHtml(t('layers.colorby'))}</span>
        <label><input type="radio" name="colorby" value="land_use"> ${escapeHtml(t('layers.colorby.land_use'))}</label>
        <label><input type="radio" name="colorby" value="status"> ${escapeHtml(t('layers.colorby.status'))}</label>
      </li>
      ${treeRow('enterprises')}
    </ul>
    <div class="overlays-block" hidden>
      <h3 class="za-h3">${escapeHtml(t('layers.other'))}</h3>
      <ul class="tree overlays"></ul>
    </div>`;
  layersBody.querySelectorAll('input[data-key]').forEach((cb) => cb.addEventListener('change', () => layers.setVisible(cb.dataset.key, cb.checked)));
  layersBody.querySelector('input[data-group=infrastructure]').addEventListener('change', (e) => {
    INFRA_KEYS.forEach((k) => layers.setVisible(k, e.target.checked));
  });
  layersBody.querySelectorAll('input[name=basemap]').forEach((r) => r.addEventListener('change', () => setBasemap(r.value)));
  layersBody.querySelectorAll('input[name=colorby]').forEach((r) => r.addEventListener('change', () => {
    layers.setColorBy(r.value);
    setInternal('pc', r.value === 'status' ? 'status' : null);
  }));
  updateTree();
}

function updateTree() {
  for (const cb of layersBody.querySelectorAll('input[data-key]')) cb.checked = layers.isVisible(cb.dataset.key);
  const infra = layersBody.querySelector('input[data-group=infrastructure]');
  if (infra) {
    const on = INFRA_KEYS.filter((k) => layers.isVisible(k)).length;
    infra.checked = on === INFRA_KEYS.length;
    infra.indeterminate = on > 0 && on < INFRA_KEYS.length;
  }
  for (const el of layersBody.querySelectorAll('[data-status]')) {
    const g = layers.groups.get(el.dataset.status);
    let text = '';
    let cls = '';
    if (g.status === 'loading') text = t('layers.loading');
    else if (g.status === 'error') {
      text = t('layers.error');
      cls = 'err';
    } else if (g.viewport && g.visible && map.getZoom() < g.minZoom) {
      text = t('layers.zoomhint', { z: g.minZoom });
      cls = 'hint';
    } else if (g.status === 'ready') text = t('layers.count', { n: g.count.toLocaleString() });
    el.textContent = text;
    el.className = 'tree-status ' + cls;
  }
  for (const r of layersBody.querySelectorAll('input[name=basemap]')) r.checked = r.value === state.basemap;
  for (const r of layersBody.querySelectorAll('input[name=colorby]')) r.checked = r.value === layers.colorBy;
  const extra = layersBody.querySelector('.tree-extra[data-for=parcels]');
  if (extra) extra.hidden = !layers.isVisible('parcels');
  const note = layersBody.querySelector('.bm-note');
  if (note) {
    const n = state.basemap === 'amap' ? t('basemap.amap.note')
      : state.basemap.startsWith('tianditu') ? t('basemap.tianditu.note') + ' ' + t('basemap.online.note')
        : state.basemap === 'osm' || state.basemap === 'wmts' ? t('basemap.online.note')
          : state.basemap === 'demo' ? t('basemap.demo.note') : '';
    note.textContent = n;
    note.hidden = !n;
    note.classList.toggle('warn', state.basemap === 'amap');
  }
  const ovBlock = layersBody.querySelector('.overlays-block');
  if (ovBlock) {
    ovBlock.hidden = layers.overlays.length === 0;
    const ul = ovBlock.querySelector('.overlays');
    const want = layers.overlays.map((o) => o.key).join('|');
    if (ul.dataset.keys !== want) {
      ul.dataset.keys = want;
      ul.innerHTML = layers.overlays.map((o) => `<li class="tree-row"><label><input type="checkbox" data-overlay="${escapeHtml(o.key)}">
        <span class="tree-name">${escapeHtml(typeof o.name === 'object' ? i18n.pick(o.name.zh, o.name.en) : o.name)}</span></label></li>`).join('');
      ul.querySelectorAll('input').forEach((cb) => cb.addEventListener('change', () => layers.setVisible(cb.dataset.overlay, cb.checked)));
    }
    ul.querySelectorAll('input').forEach((cb) => (cb.checked = layers.isVisible(cb.dataset.overlay)));
  }
}

// ---- legend -------------------------------------------------------------------------------

const Legend = L.Control.extend({
  onAdd() {
    const el = L.DomUtil.create('div', 'za-legend');
    el.innerHTML = '<button type="button" class="za-legend-head"></button><div class="za-legend-body"></div>';
    L.DomEvent.disableClickPropagation(el);
    L.DomEvent.disableScrollPropagation(el);
    const head = el.querySelector('.za-legend-head');
    head.addEventListener('click', () => {
      el.classList.toggle('collapsed');
      head.setAttribute('aria-expanded', String(!el.classList.contains('collapsed')));
      head.title = t(el.classList.contains('collapsed') ? 'legend.toggle.open' : 'legend.toggle.close');
      try {
        localStorage.setItem('za.legend', el.classList.contains('collapsed') ? 'closed' : 'open');
      } catch (e) {
        // not kept
      }
    });
    // open on a desktop, closed on a phone (it would cover half the map) unless the user chose
    let kept = null;
    try {
      kept = localStorage.getItem('za.legend');
    } catch (e) {
      // no storage
    }
    const small = window.matchMedia('(max-width: 700px), (max-height: 560px)').matches;
    if (kept === 'closed' || (kept !== 'open' && small)) el.classList.add('collapsed');
    head.setAttribute('aria-expanded', String(!el.classList.contains('collapsed')));
    return el;
  },
});
const legend = new Legend({ position: 'bottomright' }).addTo(map);

function swatchHtml(it) {
  if (it.swatch === 'line') {
    const w = it.weight ? Math.max(2, Math.min(6, Math.round(it.weight))) : 3;
    return `<span class="lg-line${it.dash ? ' dash' : ''}" style="border-color:${it.color};border-top-width:${w}px"></span>`;
  }
  if (it.swatch === 'point') return `<span class="lg-point" style="background:${it.color}"></span>`;
  const bg = it.fill || it.color;
  const op = it.fillOpacity === undefined ? 1 : Math.max(0.25, it.fillOpacity);
  // hatched: withheld figures, which must not read as "no data" (a plain grey)
  return `<span class="lg-area${it.dash ? ' dash' : ''}${it.pattern === 'hatch' ? ' hatch' : ''}" style="border-color:${it.color};background-color:${hexA(bg, op)}"></span>`;
}

/** A legend label: text, or {zh, en} from a panel's overlay. */
function labelText(l) {
  return l && typeof l === 'object' ? i18n.pick(l.zh, l.en) : String(l === undefined || l === null ? '' : l);
}

function hexA(hex, a) {
  if (!/^#[0-9a-f]{6}$/i.test(hex)) return hex;
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${a})`;
}

function renderLegend() {
  const el = legend.getContainer();
  const head = el.querySelector('.za-legend-head');
  head.textContent = t('legend.title');
  head.title = t(el.classList.contains('collapsed') ? 'legend.toggle.open' : 'legend.toggle.close');
  const entries = layers.legend();
  // nothing drawn: no legend box at all
  el.hidden = entries.length === 0;
  el.querySelector('.za-legend-body').innerHTML = entries.length
    ? entries.map((e) => `<div class="lg-group${e.thematic ? ' lg-thematic' : ''}">${e.title ? `<div class="lg-title">${escapeHtml(e.title)}</div>` : ''}
        ${e.items.map((it) => `<div class="lg-item">${swatchHtml(it)}<span>${escapeHtml(labelText(it.label))}</span></div>`).join('')}</div>`).join('')
    : `<div class="za-muted">${escapeHtml(t('legend.empty'))}</div>`;
}

// ---- zoom hint for viewport layers ----------------------------------------------------------

const hint = L.DomUtil.create('button', 'za-zoomhint', map.getContainer());
hint.type = 'button';
hint.hidden = true;
L.DomEvent.disableClickPropagation(hint);
hint.addEventListener('click', () => map.setZoom(hintZoom()));

/** The zoom from which every viewport layer switched on is drawn (parcels from tiles: 10; else 14). */
function hintZoom() {
  const zs = ['parcels', 'enterprises'].filter((k) => layers.isVisible(k) && map.getZoom() < layers.groups.get(k).minZoom)
    .map((k) => layers.groups.get(k).minZoom);
  return zs.length ? Math.max(...zs) : 14;
}

function updateZoomHint() {
  const keys = ['parcels', 'enterprises'].filter((k) => layers.isVisible(k) && map.getZoom() < layers.groups.get(k).minZoom);
  const truncated = layers.isVisible('parcels') && layers.groups.get('parcels').truncated;
  if (keys.length) {
    hint.textContent = keys.map((k) => t('group.' + k)).join(t('sep.list')) + t('sep.colon') + t('layers.zoomhint', { z: hintZoom() });
    hint.hidden = false;
  } else if (truncated) {
    hint.textContent = t('layers.parcels.truncated', { n: layers.groups.get('parcels').count.toLocaleString() });
    hint.hidden = false;
  } else {
    hint.hidden = true;
  }
}
map.on('zoomend', () => scheduleUi());

// ---- basemaps -----------------------------------------------------------------------------

let basemapLayer = null;
// the note in the map's corner: 示意底图 while the demo basemap shows, the 审图号 when configured
let note = null;

function setCrs(crs) {
  if (map.options.crs === crs) return;
  const center = map.getCenter();
  const zoom = map.getZoom();
  map.options.crs = crs;
  // Leaflet has no public CRS switch; resetting the view re-projects every layer
  map._resetView(center, zoom);
}

function setBasemap(id) {
  id = normaliseBasemap(id);
  if (!basemapOptions().some((o) => o.id === id)) id = defaultBasemap(state.config);
  if (basemapLayer) map.removeLayer(basemapLayer);
  basemapLayer = null;
  state.basemap = id;
  if (id === 'amap') {
    if (!gcjCrs) gcjCrs = gcjWebMercator(L);
    setCrs(gcjCrs);
  } else {
    setCrs(WEB_MERCATOR);
  }
  basemapLayer = makeBasemapLayer(id, state.config, map);
  if (basemapLayer) basemapLayer.addTo(map);
  map.getContainer().dataset.basemap = id;
  if (!note) note = mapNote(map, state.config);
  note.update(id, basemapLayer && basemapLayer.zaSourceNote);
  if (basemapLayer && id === 'demo') basemapLayer.on('zaloaded', () => note.update(state.basemap, basemapLayer.zaSourceNote));
  setInternal('b', id === defaultBasemap(state.config) ? null : id);
  scheduleUi();
}

// ---- selection and details ----------------------------------------------------------------

let selToken = 0;

function featureBounds(feature) {
  return L.geoJSON(feature).getBounds();
}

function zoomTo(collection, feature) {
  const b = featureBounds(feature);
  if (!b.isValid()) return;
  const isPoint = feature.geometry && feature.geometry.type === 'Point';
  const maxZoom = isPoint || collection === 'parcels' || collection === 'enterprises' ? 17 : 16;
  // on a phone the open bottom sheet covers the lower half of the map: fit into the part above it
  const narrow = window.matchMedia('(max-width: 700px)').matches;
  const sheet = narrow ? Math.round($('#main').clientHeight * 0.52) : 0;
  if (isPoint) {
    map.setView(b.getCenter(), Math.max(map.getZoom(), 16));
    if (sheet) map.panBy([0, sheet / 2], { animate: false });
  } else {
    map.fitBounds(b, { paddingTopLeft: [30, 30], paddingBottomRight: [30, 30 + sheet], maxZoom });
  }
}

function detailsCtx(collection, feature) {
  return {
    schema: state.collections[collection],
    planName: (id) => layers.planName(id),
    api,
    asOf: layers.asOf,
    onZoom: () => zoomTo(collection, feature),
    shareUrl: () => {
      permalink.flush();
      return permalink.url();
    },
  };
}

async function select(collection, id, opts = {}) {
  const my = ++selToken;
  state.selected = { collection, id };
  setInternal('s', collection + ':' + id);
  showTab('details');
  const ref = layers.find(collection, id);
  let feature = ref ? ref.feature : null;
  if (!feature) {
    renderMessage(detailsBody, t('details.loading'));
    try {
      feature = await api('/collections/' + encodeURIComponent(collection) + '/items/' + encodeURIComponent(id)
        + (layers.asOf ? '?datetime=' + encodeURIComponent(layers.asOf) : ''));
    } catch (e) {
      if (my !== selToken) return null;
      const missing = e instanceof ApiError && e.status === 404;
      renderMessage(detailsBody, missing ? t(layers.asOf ? 'details.notfound.asof' : 'details.notfound') : e.message);
      layers.highlight(null, null);
      // a deleted feature still has its history (and a way back) for those who may see it
      if (missing) renderCardSections({ collection, id, feature: null, asOf: layers.asOf });
      return null;
    }
  }
  if (my !== selToken) return null;
  const key = layers.groupKeyOf(collection, feature.properties);
  if (key && !layers.isVisible(key)) layers.setVisible(key, true);
  layers.highlight(collection, feature);
  if (opts.fit) zoomTo(collection, feature);
  renderDetails(detailsBody, collection, feature, detailsCtx(collection, feature));
  renderCardSections({ collection, id, feature, asOf: layers.asOf });
  emit('select', { collection, id, feature });
  return feature;
}

// Sections other modules add to the detail card (ZA.addCardSection), drawn afresh with the card.
const cardSections = [];

function renderCardSections(sel) {
  const card = detailsBody.querySelector('.za-card') || detailsBody;
  const anchor = card.querySelector('.za-share') || card.querySelector('.za-actions');
  for (const s of cardSections) {
    const el = document.createElement('section');
    el.className = 'za-card-ext';
    el.dataset.ext = s.id;
    if (s.top && anchor) anchor.after(el);
    else card.appendChild(el);
    try {
      s.render(el, Object.assign({}, sel));
    } catch (e) {
      console.warn('card section ' + s.id + ' failed to render', e);
    }
  }
}

function addCardSection(s) {
  if (!s || !s.id || typeof s.render !== 'function') throw new Error('addCardSection needs {id, render(el, sel)}');
  cardSections.push(s);
}

function setPanelVisible(id, visible) {
  const btn = $('#tab-btn-' + CSS.escape(id));
  if (!btn) return;
  btn.hidden = !visible;
  if (!visible && btn.classList.contains('active')) showTab('layers', false);
}

// ---- the map as it stood at an earlier instant ---------------------------------------------

/** An RFC 3339 instant in UTC without fractions, or null for an empty or unreadable value. */
function normaliseInstant(v) {
  if (!v) return null;
  const ms = Date.parse(v);
  if (!Number.isFinite(ms)) return null;
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

async function setAsOf(instant) {
  const v = normaliseInstant(instant);
  if (v === layers.asOf) return;
  layers.asOf = v;
  setInternal('t', v);
  emit('asof', v);
  await layers.reloadAll();
  // the selected feature as it stood then (or a "not found" if it did not exist yet)
  if (state.selected) await select(state.selected.collection, state.selected.id);
}

function clearSelection() {
  selToken++;
  state.selected = null;
  setInternal('s', null);
  layers.highlight(null, null);
  renderMessage(detailsBody, t('details.empty'));
  emit('select', null);
}

map.on('click', (e) => {
  if (drawingNow()) return;
  // parcels are painted on a canvas of their own, areas hold one another: the most specific thing
  // under the click is selected, and when there is more than one a chooser lists them all
  const here = layers.featuresAt(e.latlng);
  if (!here.length) {
    if (state.selected) clearSelection();
    return;
  }
  select(here[0].collection, here[0].id, { fromMap: true });
  if (here.length > 1) openChooser(e.latlng, here);
});

/** "此处有：" a short list of what lies under a click, to select another of them. */
function openChooser(latlng, here) {
  const items = here.slice(0, 8);
  const el = L.DomUtil.create('div', 'za-here');
  const title = L.DomUtil.create('div', 'za-here-title', el);
  title.textContent = t('here.title');
  const ul = L.DomUtil.create('ul', 'za-here-list', el);
  const mark = () => ul.querySelectorAll('button').forEach((b, i) => {
    const on = !!state.selected && state.selected.collection === items[i].collection && state.selected.id === items[i].id;
    b.classList.toggle('active', on);
    b.setAttribute('aria-pressed', String(on));
  });
  items.forEach((it, i) => {
    const li = L.DomUtil.create('li', '', ul);
    const b = L.DomUtil.create('button', 'za-here-item', li);
    b.type = 'button';
    b.dataset.collection = it.collection;
    b.dataset.id = it.id;
    const kind = it.collection === 'infrastructure' ? i18n.value('kind', it.feature.properties.kind) : t('coll.' + it.collection);
    b.innerHTML = `<span class="za-here-kind">${escapeHtml(kind)}</span> <span class="za-here-name">${escapeHtml(layers.shortName(it.collection, it.feature))}</span>`;
    L.DomEvent.on(b, 'click', (ev) => {
      L.DomEvent.stop(ev);
      select(it.collection, it.id, { fromMap: true }).then(mark);
      mark();
    });
  });
  mark();
  L.DomEvent.disableClickPropagation(el);
  const popup = L.popup({ className: 'za-here-popup', maxWidth: 320, minWidth: 180, autoPanPaddingTopLeft: [10, 60], closeButton: true })
    .setLatLng(latlng).setContent(el).openOn(map);
  // on a phone the card's sheet has just opened over the lower half of the map: bring the chooser
  // back into the part still in view, clear of the controls along the bottom
  setTimeout(() => {
    if (!map.hasLayer(popup)) return;
    const sheetOpen = window.matchMedia('(max-width: 700px)').matches && !$('#sidebar').classList.contains('collapsed-narrow');
    const covered = sheetOpen ? Math.round($('#main').clientHeight * 0.52) : 0;
    map.panInside(latlng, { paddingTopLeft: [20, Math.min(220, el.offsetHeight + 50)], paddingBottomRight: [20, covered + 60] });
  }, 320);
}

// ---- permalink: view and layers -----------------------------------------------------------

function writeView() {
  const c = map.getCenter();
  setInternal('c', c.lat.toFixed(5) + ',' + c.lng.toFixed(5));
  setInternal('z', String(Math.round(map.getZoom() * 2) / 2));
}
map.on('moveend', writeView);

let restoring = true;
function writeLayerState() {
  if (restoring) return;
  const vis = layers.visibleKeys();
  const same = vis.length === DEFAULT_VISIBLE.length && DEFAULT_VISIBLE.every((k) => vis.includes(k));
  setInternal('l', same ? null : vis.length ? vis.join(',') : 'none');
}

function restoreLayers() {
  const l = permalink.get('l');
  let keys = DEFAULT_VISIBLE;
  if (l === 'none') keys = [];
  else if (l) keys = l.split(',').filter((k) => ORDER.includes(k));
  for (const k of ORDER) layers.setVisible(k, keys.includes(k));
  if (permalink.get('pc') === 'status') layers.setColorBy('status');
}

function restoreView() {
  const c = (permalink.get('c') || '').split(',').map(Number);
  const z = Number(permalink.get('z'));
  if (c.length === 2 && c.every((v) => Number.isFinite(v)) && Math.abs(c[0]) <= 90 && Math.abs(c[1]) <= 180 && Number.isFinite(z) && z > 0) {
    map.setView([c[0], c[1]], Math.min(19, Math.max(4, z)), { animate: false });
    return true;
  }
  return false;
}

function fitAll() {
  const z = state.collections.zones;
  const bbox = z && z.extent && z.extent.spatial && z.extent.spatial.bbox && z.extent.spatial.bbox[0];
  if (bbox) map.fitBounds([[bbox[1], bbox[0]], [bbox[3], bbox[2]]], { padding: [10, 10], animate: false });
  else map.setView([34.75, 113.75], 10, { animate: false });
}

// ---- login --------------------------------------------------------------------------------

function renderAuth() {
  const el = $('#auth');
  const u = state.user;
  if (u.username) {
    el.innerHTML = `<span class="who" title="${escapeHtml(t('auth.role'))}"><b>${escapeHtml(u.username)}</b> <span class="role">${escapeHtml(t('role.' + u.role))}</span></span>
      ${u.role === 'admin' ? `<a class="btn" id="audit-link" href="audit.html${i18n.getLang() === 'en' ? '?lang=en' : ''}">${escapeHtml(t('audit.link'))}</a>` : ''}
      <button type="button" class="btn" id="logout-btn">${escapeHtml(t('auth.logout'))}</button>`;
    el.querySelector('#logout-btn').addEventListener('click', logout);
  } else {
    el.innerHTML = `<button type="button" class="btn" id="login-btn">${escapeHtml(t('auth.login'))}</button>
      <form id="login-form" class="popover" hidden>
        <label>${escapeHtml(t('auth.username'))}<input name="username" autocomplete="username" required></label>
        <label>${escapeHtml(t('auth.password'))}<input name="password" type="password" autocomplete="current-password" required></label>
        <div class="login-error" role="alert"></div>
        <div class="login-actions"><button type="submit" class="btn btn-primary">${escapeHtml(t('auth.submit'))}</button>
        <button type="button" class="btn" data-act="cancel">${escapeHtml(t('auth.cancel'))}</button></div>
      </form>`;
    const form = el.querySelector('#login-form');
    el.querySelector('#login-btn').addEventListener('click', () => {
      form.hidden = !form.hidden;
      if (!form.hidden) form.username.focus();
    });
    form.querySelector('[data-act=cancel]').addEventListener('click', () => (form.hidden = true));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const err = form.querySelector('.login-error');
      err.textContent = '';
      try {
        const r = await api('/api/login', { method: 'POST', body: { username: form.username.value.trim(), password: form.password.value } });
        setToken(r.token);
        await refreshUser();
      } catch (ex) {
        err.textContent = ex instanceof ApiError && ex.status === 401 ? t('auth.failed') : t('auth.error') + ': ' + ex.message;
      }
    });
  }
}

async function refreshUser() {
  let me = { username: null, role: 'anonymous', seesConfidential: false };
  try {
    me = await api('/api/me');
  } catch (e) {
    console.warn('cannot read the login state: ' + e.message);
  }
  if (!me.username && token()) setToken(null);
  const changed = me.username !== state.user.username || me.role !== state.user.role;
  state.user = { username: me.username, role: me.role, seesConfidential: !!me.seesConfidential };
  renderAuth();
  if (changed) {
    emit('auth', state.user);
    // what a role may see differs: show the selected feature again as this user
    if (state.selected) select(state.selected.collection, state.selected.id);
  }
}

async function logout() {
  try {
    await api('/api/logout', { method: 'POST' });
  } catch (e) {
    // the token is dropped anyway
  }
  setToken(null);
  await refreshUser();
}

// ---- language switch ----------------------------------------------------------------------

let measure = null;
let search = null;

function relabel() {
  document.title = t('app.title');
  $('#brand-text').textContent = t('app.short');
  $('#brand').title = t('app.title');
  const lt = $('#lang-toggle');
  lt.textContent = t('lang.switch');
  lt.title = t('lang.switch.title');
  $('#sidebar-toggle').textContent = t('sidebar.toggle');
  $('#tab-btn-layers').textContent = t('tab.layers');
  $('#tab-btn-details').textContent = t('tab.details');
  for (const { p } of panels.values()) $('#tab-btn-' + CSS.escape(p.id)).textContent = i18n.pick(p.titleZh, p.titleEn);
  if (search) search.relabel();
  if (measure) measure.relabel();
  if (map.pm) map.pm.setLang(i18n.getLang() === 'en' ? 'en' : 'zh');
  buildTree();
  renderLegend();
  updateZoomHint();
  renderAuth();
  layers.relabel();
  if (basemapLayer && basemapLayer.zaRelabel) basemapLayer.zaRelabel();
  if (note) note.relabel(basemapLayer && basemapLayer.zaSourceNote);
}

function setLanguage(l) {
  i18n.setLang(l);
  try {
    localStorage.setItem('za.lang', i18n.getLang());
  } catch (e) {
    // not kept
  }
  setInternal('lang', i18n.getLang() === 'en' ? 'en' : null);
  relabel();
  if (state.selected) select(state.selected.collection, state.selected.id);
  else renderMessage(detailsBody, t('details.empty'));
  for (const { p, body } of panels.values()) {
    try {
      if (typeof p.onLangChange === 'function') p.onLangChange(i18n.getLang());
      else {
        body.innerHTML = '';
        p.render(body);
      }
    } catch (e) {
      console.warn('panel ' + p.id + ' failed to switch language', e);
    }
  }
  emit('lang', i18n.getLang());
}
$('#lang-toggle').addEventListener('click', () => setLanguage(i18n.getLang() === 'en' ? 'zh' : 'en'));

// ---- the ZA object ------------------------------------------------------------------------

let resolveReady;
const ready = new Promise((r) => (resolveReady = r));
let withheldPattern = null;

const ZA = {
  map,
  api,
  fetch: rawFetch,
  t,
  get lang() {
    return i18n.getLang();
  },
  i18n: { add: i18n.add, pick: i18n.pick, value: i18n.value, formatTime: i18n.formatTime, unitWords: i18n.unitWords, parcelName: i18n.parcelName, setLang: setLanguage },
  registerPanel,
  showPanel: (id) => showTab(id, true),
  selectFeature: (collection, id, opts) => select(collection, id, Object.assign({ fit: true }, opts)),
  clearSelection,
  addCardSection,
  refreshFeatures: (collection, change) => layers.applyChange(collection, change),
  parcelAt: (latlng) => layers.parcelAt(L.latLng(latlng)),
  parcelMarks: (style) => layers.markParcels(style),
  setPanelVisible,
  /** The zoom from which parcels are drawn (10 from vector tiles; 14 as GeoJSON: an earlier instant, AMap). */
  get parcelMinZoom() {
    return layers.groups.get('parcels').minZoom;
  },
  /** A hatched fill (a CanvasPattern) for Leaflet paths on the map's canvas: withheld figures, not 无数据. */
  withheldFill: () => {
    if (!withheldPattern) withheldPattern = document.createElement('canvas').getContext('2d').createPattern(hatchCanvas(), 'repeat');
    return withheldPattern;
  },
  planFeatures: (collection) => [...layers.index.entries()]
    .filter(([k]) => k.startsWith(collection + ':'))
    .map(([, ref]) => ({ id: ref.feature.id, name_zh: ref.feature.properties.name_zh, name_en: ref.feature.properties.name_en, zone: ref.feature.properties.zone })),
  get asOf() {
    return layers.asOf;
  },
  setAsOf,
  onAsOfChange: (cb) => listeners.asof.push(cb),
  get selected() {
    return state.selected ? Object.assign({}, state.selected) : null;
  },
  onSelect: (cb) => listeners.select.push(cb),
  onLangChange: (cb) => listeners.lang.push(cb),
  onAuthChange: (cb) => listeners.auth.push(cb),
  addOverlay: (name, layer, opts) => {
    layers.addOverlay(name, layer, opts);
    return layer;
  },
  removeOverlay: (layer) => layers.removeOverlay(layer),
  setParcelStyle: (style, opts = {}) => layers.setParcelOverride(typeof style === 'function'
    ? { style, title: opts.title || null, legend: opts.legend || null } : null),
  permalink,
  get user() {
    return Object.assign({}, state.user);
  },
  setBusy: (b) => (busy = !!b),
  /** True while a shape is being drawn: panels' click handlers should then leave the click alone. */
  get busy() {
    return drawingNow();
  },
  ready,
  // for the browser tests: what is drawn, and where to click
  test: {
    ready: false,
    counts: () => layers.counts(),
    get firstDrawMs() {
      return layers.firstDrawMs;
    },
    interiorPoint: (collection, id) => layers.interiorPoint(collection, id),
    loading: () => [...layers.groups.values()].some((g) => g.visible && g.status === 'loading'),
    visible: () => layers.visibleKeys(),
    basemap: () => state.basemap,
    crs: () => map.options.crs.code,
    gcj: { wgsToGcj, gcjToWgs },
    loadLog: () => layers.loadLog.slice(),
    measured: () => measure.shapes(),
    parcelIds: () => [...layers.parcelProperties().keys()],
    /** How many drawn parcels have each fill colour. */
    parcelFills: () => {
      const out = {};
      for (const [id, p] of layers.parcelProperties()) {
        const fill = layers.parcelFill({ type: 'Feature', id, properties: p }).fill;
        out[fill] = (out[fill] || 0) + 1;
      }
      return out;
    },
    /** Parcels from vector tiles: {mode, requests, failures, tiles: decoded tiles of this zoom, features}. */
    parcelTiles: () => ({
      mode: layers.tileMode ? 'tiles' : 'geojson',
      requests: layers.tiles.requests,
      failures: layers.tiles.failures,
      tiles: layers.tiles.tiles().length,
      features: layers.tileMode ? layers.tiles.properties().size : 0,
    }),
  },
};
window.ZA = ZA;

// ---- start --------------------------------------------------------------------------------

search = initSearch({
  input: $('#search-input'),
  list: $('#search-results'),
  api,
  onPick: (h) => select(h.collection, h.id, { fit: true }),
});
measure = initMeasure(map, (b) => (busy = b));
relabel();

async function start() {
  const [cfg, cols] = await Promise.all([
    api('/api/client-config').catch(() => ({})),
    api('/collections').catch(() => ({ collections: [] })),
    refreshUser(),
  ]);
  state.config = cfg || {};
  for (const c of cols.collections || []) state.collections[c.id] = c;
  state.hadView = restoreView();
  if (!state.hadView) fitAll();
  // a shared link to the map as it stood at an instant: every layer loads as of then
  layers.asOf = normaliseInstant(permalink.get('t'));
  layers.checkParcelMode();
  if (layers.asOf) emit('asof', layers.asOf);
  buildTree();
  restoreLayers();
  setBasemap(permalink.get('b') || defaultBasemap(state.config));
  await Promise.all([...PLAN_COLLECTIONS, 'infrastructure'].map((c) => layers.loadPlan(c)));
  const s = permalink.get('s');
  if (s && s.indexOf(':') > 0) {
    const i = s.indexOf(':');
    await select(s.slice(0, i), s.slice(i + 1), { fit: !state.hadView });
  }
  restoring = false;
  writeLayerState();
  writeView();
  scheduleUi();
  ZA.test.ready = true;
  resolveReady(ZA);
}

start().catch((e) => {
  console.warn('ZoneAtlas could not start: ' + e.message);
  ZA.test.ready = true;
  resolveReady(ZA);
});
