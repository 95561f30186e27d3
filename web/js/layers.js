// The map's layer groups: the plan layers (loaded whole, a few hundred features), infrastructure
// split by category, parcels drawn from the server's vector tiles at every zoom from 10
// (js/parceltiles.js), and enterprises loaded by viewport from zoom 14 (tens of thousands in all).
// Parcels are painted in a pane of their own under the plan outlines; every other vector shares
// one Leaflet canvas renderer above it, whose draw order is kept by re-stacking the groups above
// one that changed. Clicks inside a plan area go to the parcel under the pointer when parcels are
// shown. Two cases still load parcels as GeoJSON by viewport from zoom 14 onto a canvas of their
// own (js/parcelcanvas.js): the map as of an earlier instant (the tiles are of now) and an AMap
// basemap (GCJ-02: the tiles' Web Mercator grid is not the map's).

import { getLang, pick, t, value } from './i18n.js';
import { ParcelCanvas } from './parcelcanvas.js';
import { MIN_ZOOM as TILE_MIN_ZOOM, ParcelTiles } from './parceltiles.js';
import {
  ENTERPRISE_STYLE, INFRA_CATEGORIES, PLAN_STYLES, SELECTION_STYLES, STATUS_COLORS, infraCategory, infraStyle,
  landUseClassName, landUseColor, landUseKey, landUseLabel, parcelStyle,
} from './styles.js';

export const PLAN_COLLECTIONS = ['zones', 'core-boards', 'industrial-parks', 'small-micro-parks'];
export const INFRA_KEYS = INFRA_CATEGORIES.map((c) => c.key);
/** Bottom to top. */
export const ORDER = ['zones', 'core-boards', 'industrial-parks', 'small-micro-parks', 'parcels', ...INFRA_KEYS, 'enterprises'];
export const DEFAULT_VISIBLE = ['zones', 'core-boards', 'industrial-parks', 'small-micro-parks', ...INFRA_KEYS, 'parcels'];

const VIEWPORT = {
  parcels: { minZoom: 14, pageSize: 3000, max: 30000 },
  enterprises: { minZoom: 14, pageSize: 3000, max: 20000 },
};

// features created per animation frame when a viewport layer loads
const ADD_CHUNK = 1200;

// map data is not for Geoman to edit or snap to (and 50,000 parcels must not each get an editor)
const NOT_EDITABLE = { pmIgnore: true, snapIgnore: true };

// zoom ranges at which the names of areas are written on the map
const LABEL_ZOOMS = {
  zones: [0, 12],
  'core-boards': [11, 13],
  'industrial-parks': [14, 30],
  'small-micro-parks': [15, 30],
};

export class Layers {
  /**
   * @param opts.map the Leaflet map
   * @param opts.api the fetch helper
   * @param opts.onChange called when visibility, counts or status change (layer tree, legend, permalink)
   * @param opts.onFeatureClick called with (collection, id, feature) when a feature is clicked
   */
  constructor({ map, api, onChange, onFeatureClick, isBusy }) {
    this.map = map;
    this.api = api;
    this.onChange = onChange;
    this.onFeatureClick = onFeatureClick;
    this.isBusy = isBusy || (() => false);
    // the map's own canvas renderer, shared with the panels' overlays (see app.js)
    this.renderer = map.options.renderer || L.canvas({ padding: 0.4, tolerance: 4 });
    this.groups = new Map();
    this.index = new Map(); // "collection:id" -> {layer, feature, key}
    this.names = new Map(); // plan feature id -> feature (to name board/park ids)
    this.colorBy = 'land_use';
    this.firstDrawMs = null;
    this.loadLog = []; // viewport loads: how long each took, for tests and benchmarks
    this.overlays = [];
    // a panel's recolouring of the parcels (ZA.setParcelStyle), or null
    this.parcelOverride = null;
    this.selection = null;
    this.selected = null;
    // the instant the map shows (RFC 3339, UTC), or null for now: every load asks for the data as it stood then
    this.asOf = null;
    // bumped by reloadAll(): a plan load that started before answers into nothing
    this.planGen = 0;
    for (const key of ORDER) {
      const vp = VIEWPORT[key];
      this.groups.set(key, {
        key,
        layer: L.featureGroup(),
        visible: false,
        status: 'idle',
        count: 0,
        minZoom: vp ? vp.minZoom : 0,
        viewport: !!vp,
        byId: new Map(),
        truncated: false,
        ctrl: null,
      });
    }
    map.createPane('zaParcels');
    map.getPane('zaParcels').style.zIndex = 390; // above basemaps, below the plan outlines (overlayPane 400)
    map.getPane('zaParcels').style.pointerEvents = 'none';
    // marks panels put on parcels (ZA.parcelMarks: e.g. low-efficiency land outlined)
    this.parcelMarks = [];
    this.parcels = new ParcelCanvas({ pane: 'zaParcels', fillOf: (f) => this.parcelFill(f), outlineOf: (f) => this.parcelOutline(f) });
    this.tiles = new ParcelTiles({
      collection: 'parcels', pane: 'zaParcels', fillOf: (f) => this.parcelFill(f), outlineOf: (f) => this.parcelOutline(f),
    });
    this.tiles.layer.on('loading', () => this.tilesLoading());
    this.tiles.onLoad = () => this.tilesLoaded();
    // one layer in the tree; inside it the tiles, or the GeoJSON canvas (see tileMode)
    this.groups.get('parcels').layer = L.layerGroup();
    this.tileMode = null;
    this.checkParcelMode();
    map.on('viewreset', () => this.checkParcelMode());
    for (const g of this.groups.values()) {
      if (g.key !== 'parcels') this.wireHover(g);
    }
    this.wireParcelHover();
    this.debouncedViewport = debounce(() => this.refreshViewport(), 220);
    map.on('moveend', () => this.debouncedViewport());
    map.on('zoomend', () => {
      this.updateLabels();
      this.resizePoints();
      this.updatePlanFills();
    });
    this.updateLabels();
  }

  // ---- visibility -------------------------------------------------------------------------

  setVisible(key, on) {
    const g = this.groups.get(key) || this.overlays.find((o) => o.key === key);
    if (!g) return;
    on = !!on;
    if (g.visible === on) return;
    g.visible = on;
    if (on) {
      g.layer.addTo(this.map);
      this.restackAbove(key);
      if (g.viewport) this.loadViewport(g);
    } else {
      this.map.removeLayer(g.layer);
      if (g.ctrl) g.ctrl.abort();
    }
    this.updateLabels();
    if (key === 'parcels') this.updatePlanFills();
    this.onChange();
  }

  /** Whether parcels are drawn now (visible and close enough). */
  parcelsShown() {
    const g = this.groups.get('parcels');
    return g.visible && this.map.getZoom() >= g.minZoom;
  }

  /** Over parcels the plan areas are outlines only, so parcels keep their true land-use colours. */
  updatePlanFills() {
    const shown = this.parcelsShown();
    for (const coll of PLAN_COLLECTIONS) {
      const fillOpacity = shown ? 0 : PLAN_STYLES[coll].fillOpacity;
      const g = this.groups.get(coll);
      if (g.fillOpacity === fillOpacity) continue;
      g.fillOpacity = fillOpacity;
      g.layer.eachLayer((l) => l.setStyle({ fillOpacity }));
    }
  }

  isVisible(key) {
    const g = this.groups.get(key) || this.overlays.find((o) => o.key === key);
    return !!(g && g.visible);
  }

  visibleKeys() {
    return ORDER.filter((k) => this.groups.get(k).visible);
  }

  /** Brings every group drawn above {@code key} back to the front, so canvas order follows ORDER. */
  restackAbove(key) {
    const from = ORDER.indexOf(key);
    const above = from < 0 ? [] : ORDER.slice(from + 1);
    for (const k of above) {
      const g = this.groups.get(k);
      if (g.visible && g.layer.eachLayer) g.layer.eachLayer((l) => l.bringToFront && l.bringToFront());
    }
    for (const o of this.overlays) {
      if (o.visible && o.layer.bringToFront) o.layer.bringToFront();
    }
    if (this.selection) this.selection.eachLayer((l) => l.bringToFront());
  }

  // ---- plan layers ------------------------------------------------------------------------

  /** Loads one plan collection (or all infrastructure) and draws it. */
  async loadPlan(collection) {
    const keys = collection === 'infrastructure' ? INFRA_KEYS : [collection];
    keys.forEach((k) => (this.groups.get(k).status = 'loading'));
    this.onChange();
    const gen = this.planGen;
    let fc;
    try {
      fc = await this.api('/collections/' + collection + '/items?limit=10000' + this.asOfParam());
    } catch (e) {
      if (gen !== this.planGen) return;
      keys.forEach((k) => (this.groups.get(k).status = 'error'));
      this.onChange();
      console.warn('loading ' + collection + ' failed: ' + e.message);
      return;
    }
    if (gen !== this.planGen) return;
    for (const f of fc.features) this.addPlanFeature(collection, f);
    for (const k of keys) {
      const g = this.groups.get(k);
      g.status = 'ready';
      g.count = g.byId.size;
      if (g.visible) this.restackAbove(k);
    }
    // other layers name board and park ids by these features
    this.updateLabels();
    this.noteDrawn();
    this.onChange();
  }

  addPlanFeature(collection, f) {
    this.names.set(f.id, f);
    const key = collection === 'infrastructure' ? infraCategory(f.properties.kind).key : collection;
    const g = this.groups.get(key);
    const layer = this.makePlanLayer(collection, f);
    g.layer.addLayer(layer);
    g.byId.set(f.id, layer);
    this.index.set(collection + ':' + f.id, { layer, feature: f, key });
    return key;
  }

  /** '&datetime=…' while the map shows an earlier instant, else ''. */
  asOfParam() {
    return this.asOf ? '&datetime=' + encodeURIComponent(this.asOf) : '';
  }

  /**
   * Shows a write at once, without waiting for a reload: the features of {@code removed} (ids) leave
   * the map, {@code features} (as the server stored them) replace or join theirs. A viewport layer
   * is then loaded again around the view, which also brings what others changed meanwhile.
   */
  applyChange(collection, { removed = [], features = [] } = {}) {
    if (!removed.length && !features.length) {
      this.reloadLayer(collection);
      return;
    }
    const gone = new Set([...removed, ...features.map((f) => f.id)]);
    const fresh = features.filter((f) => f && f.geometry);
    if (collection === 'parcels' && this.tileMode) {
      // the server's tiles are made from the database: ask for them again
      this.tiles.reload();
    } else if (collection === 'parcels') {
      const g = this.groups.get('parcels');
      for (const id of this.parcels.removeWhere((it) => gone.has(it.id))) this.index.delete('parcels:' + id);
      this.parcels.add(fresh);
      for (const f of fresh) this.index.set('parcels:' + f.id, { layer: null, feature: f, key: 'parcels' });
      g.count = this.parcels.count();
      if (g.visible) this.loadViewport(g);
    } else if (collection === 'enterprises') {
      const g = this.groups.get('enterprises');
      for (const id of gone) {
        const layer = g.byId.get(id);
        if (layer) g.layer.removeLayer(layer);
        g.byId.delete(id);
        this.index.delete('enterprises:' + id);
      }
      for (const f of fresh) {
        const layer = this.makeEnterprise(f);
        g.layer.addLayer(layer);
        g.byId.set(f.id, layer);
        this.index.set('enterprises:' + f.id, { layer, feature: f, key: 'enterprises' });
      }
      g.count = g.byId.size;
      this.restackAbove('enterprises');
      if (g.visible) this.loadViewport(g);
    } else {
      const touched = new Set();
      for (const id of gone) {
        const ref = this.index.get(collection + ':' + id);
        if (!ref) continue;
        const g = this.groups.get(ref.key);
        g.layer.removeLayer(ref.layer);
        g.byId.delete(id);
        this.index.delete(collection + ':' + id);
        this.names.delete(id);
        touched.add(ref.key);
      }
      for (const f of fresh) touched.add(this.addPlanFeature(collection, f));
      for (const k of touched) {
        const g = this.groups.get(k);
        g.count = g.byId.size;
        if (g.visible) this.restackAbove(k);
      }
      this.updateLabels();
    }
    this.onChange();
  }

  /** Draws one collection afresh from the server (after a change of many features, e.g. an import). */
  reloadLayer(collection) {
    const keys = collection === 'infrastructure' ? INFRA_KEYS : [collection];
    if (keys.some((k) => !this.groups.has(k))) return;
    if (collection === 'parcels' && this.tileMode) {
      this.tiles.reload();
      this.onChange();
      return;
    }
    if (VIEWPORT[collection]) {
      const g = this.groups.get(collection);
      this.clearGroup(g);
      if (g.visible) this.loadViewport(g);
      this.onChange();
      return;
    }
    for (const k of keys) this.clearGroup(this.groups.get(k));
    for (const key of [...this.index.keys()]) {
      if (key.startsWith(collection + ':')) {
        this.names.delete(key.slice(collection.length + 1));
        this.index.delete(key);
      }
    }
    this.loadPlan(collection);
  }

  /** Loads every layer again (after the map's instant changed): plan layers whole, parcels and enterprises around the view. */
  async reloadAll() {
    this.planGen++;
    for (const g of this.groups.values()) {
      if (g.ctrl) g.ctrl.abort();
      g.ctrl = null;
      this.clearGroup(g);
      g.status = 'idle';
    }
    this.index.clear();
    this.names.clear();
    this.checkParcelMode();
    if (this.tileMode) this.tiles.reload();
    this.onChange();
    await Promise.all([...PLAN_COLLECTIONS, 'infrastructure'].map((c) => this.loadPlan(c)));
    this.refreshViewport();
  }

  makePlanLayer(collection, f) {
    const geomType = f.geometry ? f.geometry.type : '';
    let layer;
    if (collection === 'infrastructure') {
      const st = infraStyle(f.properties.kind, geomType);
      layer = L.geoJSON(f, {
        ...NOT_EDITABLE,
        renderer: this.renderer,
        style: () => st,
        pointToLayer: (pf, ll) => L.circleMarker(ll, {
          ...NOT_EDITABLE, renderer: this.renderer, radius: this.pointRadius(), color: '#ffffff', weight: 1.5, fillColor: st.color, fillOpacity: 1,
        }),
      });
    } else {
      const g = this.groups.get(collection);
      layer = L.geoJSON(f, {
        ...NOT_EDITABLE,
        renderer: this.renderer,
        style: () => (g.fillOpacity === undefined ? PLAN_STYLES[collection] : { ...PLAN_STYLES[collection], fillOpacity: g.fillOpacity }),
      });
    }
    const ref = { collection, id: f.id };
    layer.zaRef = ref;
    layer.eachLayer((l) => (l.zaRef = ref));
    layer.on('click', (e) => this.clicked(e, collection, f));
    const inner = layer.getLayers()[0];
    if (inner && LABEL_ZOOMS[collection] && geomType.indexOf('Polygon') >= 0) {
      inner.bindTooltip(this.labelText(f), {
        permanent: true, direction: 'center', interactive: false, className: 'za-label za-label-' + collection,
      });
    }
    return layer;
  }

  labelText(f) {
    return escapeHtml(pick(f.properties.name_zh, shortEn(f.properties.name_en)));
  }

  clicked(e, collection, f) {
    if (this.isBusy()) return;
    L.DomEvent.stop(e);
    // plan areas are drawn above the parcels but a click inside one means the parcel there
    const parcel = PLAN_COLLECTIONS.includes(collection) ? this.parcelAt(e.latlng) : null;
    if (parcel) this.onFeatureClick('parcels', parcel.id, parcel);
    else this.onFeatureClick(collection, f.id, f);
  }

  /**
   * The parcel drawn at a lat/lng (null when parcels are not shown or none is there): from the
   * tiles {type, id, properties, geometry: null} (the id, land use, status and park/zone ids only),
   * else the GeoJSON feature.
   */
  parcelAt(latlng) {
    if (!this.parcelsShown()) return null;
    if (this.tileMode) return this.tiles.hit(latlng);
    const it = this.parcels.hit(latlng);
    return it ? it.feature : null;
  }

  /**
   * Everything drawn under a point that a click could mean, most specific first: the parcel, then
   * the infrastructure areas, small-micro park, industrial park, core board and zone around it.
   * [{collection, id, feature}] (a parcel from the tiles has geometry null).
   */
  featuresAt(latlng) {
    const out = [];
    const parcel = this.parcelAt(latlng);
    if (parcel) out.push({ collection: 'parcels', id: parcel.id, feature: parcel });
    // infrastructure areas (a freight yard, a green space) are drawn above the parks they lie in
    const keys = [...INFRA_KEYS, 'small-micro-parks', 'industrial-parks', 'core-boards', 'zones'];
    for (const key of keys) {
      const g = this.groups.get(key);
      if (!g.visible) continue;
      const collection = INFRA_KEYS.includes(key) ? 'infrastructure' : key;
      for (const [id, layer] of g.byId) {
        const ref = this.index.get(collection + ':' + id);
        const geom = ref && ref.feature.geometry;
        if (!geom || geom.type.indexOf('Polygon') < 0) continue;
        if (layer.getBounds && !layer.getBounds().contains(latlng)) continue;
        if (polygonContains(geom, latlng.lng, latlng.lat)) out.push({ collection, id, feature: ref.feature });
      }
    }
    return out;
  }

  /** A short name of a feature for lists: its name, or for a parcel its number and land use. */
  shortName(collection, f) {
    const p = f.properties || {};
    if (collection === 'parcels') {
      // readers number parcels within their zone ("000123 号"), as the site card does; the id is internal
      const m = /(\d+)$/.exec(String(f.id));
      const no = m ? (getLang() === 'en' ? 'No. ' + m[1] : m[1] + ' 号') : f.id;
      return no + ' · ' + landUseLabel(p.land_use_code, p.land_use_name, getLang());
    }
    return pick(p.name_zh, p.name_en) || f.id;
  }

  // ---- parcels: tiles or GeoJSON ------------------------------------------------------------

  /**
   * Tiles unless the map shows an earlier instant (tiles are of now) or has the GCJ-02 CRS of an
   * AMap basemap (tiles are on the Web Mercator grid); then GeoJSON by viewport from zoom 14.
   */
  checkParcelMode() {
    const crs = this.map.options.crs;
    const tiles = !this.asOf && crs.code === 'EPSG:3857';
    if (tiles === this.tileMode) return;
    this.tileMode = tiles;
    const g = this.groups.get('parcels');
    if (g.ctrl) g.ctrl.abort();
    g.ctrl = null;
    this.clearGroup(g);
    g.layer.clearLayers();
    g.layer.addLayer(tiles ? this.tiles.layer : this.parcels);
    g.viewport = true;
    g.minZoom = tiles ? TILE_MIN_ZOOM : VIEWPORT.parcels.minZoom;
    g.status = 'idle';
    if (g.visible) this.loadViewport(g);
    this.updatePlanFills();
  }

  tilesLoading() {
    const g = this.groups.get('parcels');
    if (!this.tileMode || !g.visible) return;
    if (g.status !== 'loading') this.tilesT0 = performance.now();
    g.status = 'loading';
    this.onChange();
  }

  tilesLoaded() {
    const g = this.groups.get('parcels');
    if (!this.tileMode || !g.visible) return;
    g.status = this.map.getZoom() < g.minZoom ? 'zoom' : 'ready';
    g.count = this.tiles.properties().size;
    g.truncated = false;
    const t1 = performance.now();
    this.loadLog.push({
      key: 'parcels', tiles: true, ms: Math.round(t1 - (this.tilesT0 || t1)), at: Math.round(t1), features: g.count, drawn: g.count,
      requests: this.tiles.requests,
    });
    if (this.loadLog.length > 50) this.loadLog.shift();
    this.noteDrawn();
    this.onChange();
  }

  /** Properties of the parcels drawn now (by id), from the tiles or the GeoJSON. */
  parcelProperties() {
    if (this.tileMode) return this.tiles.properties();
    const out = new Map();
    for (const it of this.parcels.items()) out.set(it.id, it.feature.properties);
    return out;
  }

  /**
   * Marks parcels while the returned layer is on the map: style(feature) gives {color, weight, label}
   * (an outline, and words for the hover name) or null. For ZA.addOverlay, so the mark is listed and
   * can be switched off like any overlay.
   */
  markParcels(style) {
    const self = this;
    const mark = { style };
    const Mark = L.Layer.extend({
      onAdd() {
        self.parcelMarks.push(mark);
        self.restyleParcels();
      },
      onRemove() {
        self.parcelMarks = self.parcelMarks.filter((m) => m !== mark);
        self.restyleParcels();
      },
    });
    return new Mark();
  }

  restyleParcels() {
    this.parcels.restyle();
    this.tiles.restyle();
  }

  /** The first panel mark on a parcel, or null. */
  parcelOutline(f) {
    for (const m of this.parcelMarks) {
      const o = m.style(f);
      if (o) return o;
    }
    return null;
  }

  /** Shows the area names that suit the zoom (zones when far out, parks when close). */
  updateLabels() {
    const z = this.map.getZoom();
    const c = this.map.getContainer();
    for (const [coll, [lo, hi]] of Object.entries(LABEL_ZOOMS)) {
      c.classList.toggle('show-labels-' + coll, z >= lo && z <= hi);
    }
  }

  /** Infrastructure points: small when the whole region is in view, easy to hit when close. */
  pointRadius() {
    const z = this.map.getZoom();
    return z < 11 ? 3 : z < 13 ? 4.5 : 6.5;
  }

  resizePoints() {
    const r = this.pointRadius();
    for (const k of INFRA_KEYS) {
      this.groups.get(k).layer.eachLayer((gl) => gl.eachLayer((l) => l instanceof L.CircleMarker && l.setRadius(r)));
    }
  }

  relabel() {
    for (const coll of PLAN_COLLECTIONS) {
      const g = this.groups.get(coll);
      g.layer.eachLayer((l) => {
        const ref = this.index.get(coll + ':' + l.zaRef.id);
        const inner = l.getLayers ? l.getLayers()[0] : l;
        if (ref && inner && inner.getTooltip()) inner.setTooltipContent(this.labelText(ref.feature));
      });
    }
  }

  // ---- parcels and enterprises by viewport -----------------------------------------------

  refreshViewport() {
    for (const g of this.groups.values()) {
      if (g.viewport && g.visible) this.loadViewport(g);
    }
  }

  /**
   * Loads what lies in and around the view: features that left it are dropped at once (a bounds
   * test), each page is drawn as soon as it arrives while the next is fetched, about a thousand
   * features per animation frame so the page never freezes. A newer load aborts this one
   * (requests and drawing).
   */
  async loadViewport(g) {
    const opts = VIEWPORT[g.key];
    if (g.ctrl) g.ctrl.abort();
    if (g.key === 'parcels' && this.tileMode) {
      // the tile layer loads what the view needs by itself
      const far = this.map.getZoom() < g.minZoom;
      if (far) {
        g.status = 'zoom';
        g.count = 0;
      } else if (this.tiles.layer.isLoading && this.tiles.layer.isLoading()) {
        g.status = 'loading';
      } else {
        g.status = 'ready';
        g.count = this.tiles.properties().size;
      }
      this.onChange();
      return;
    }
    if (this.map.getZoom() < opts.minZoom) {
      this.clearGroup(g);
      g.status = 'zoom';
      this.onChange();
      return;
    }
    const ctrl = new AbortController();
    const signal = ctrl.signal;
    const t0 = performance.now();
    g.ctrl = ctrl;
    g.status = 'loading';
    this.onChange();
    const b = this.map.getBounds().pad(0.2);
    const west = Math.max(-180, b.getWest());
    const south = Math.max(-90, b.getSouth());
    const east = Math.min(180, b.getEast());
    const north = Math.min(90, b.getNorth());
    const area = L.latLngBounds([south, west], [north, east]);
    this.dropOutside(g, area);
    const bbox = [west, south, east, north].map((v) => v.toFixed(6)).join(',');
    const url = (offset) => '/collections/' + g.key + '/items?bbox=' + bbox + '&limit=' + opts.pageSize + '&offset=' + offset
      + this.asOfParam();
    const keep = new Set();
    let received = 0;
    let drawing = Promise.resolve(true);
    const draw = (page) => {
      page.features.forEach((f) => keep.add(f.id));
      received += page.features.length;
      drawing = drawing.then((ok) => ok && this.addFeatures(g, page.features, signal));
      return drawing;
    };
    let matched = 0;
    try {
      // one request at a time (the server's work is the slow part), drawing while the next is fetched
      for (let o = 0; o < opts.max; o += opts.pageSize) {
        const page = await this.api(url(o), { signal });
        matched = page.numberMatched;
        draw(page);
        if (page.features.length < opts.pageSize || o + opts.pageSize >= matched) break;
      }
    } catch (e) {
      if (e.name === 'AbortError' || signal.aborted) return;
      g.status = 'error';
      this.onChange();
      console.warn('loading ' + g.key + ' failed: ' + e.message);
      return;
    }
    if (!(await drawing) || signal.aborted) return;
    // inside the area but gone from the answer (changed data): drop too
    this.dropWhere(g, (id) => !keep.has(id));
    g.truncated = matched > received;
    if (g.key !== 'parcels') {
      g.count = g.byId.size;
      this.restackAbove(g.key);
    }
    g.ctrl = null;
    g.status = 'ready';
    const t1 = performance.now();
    this.loadLog.push({ key: g.key, ms: Math.round(t1 - t0), at: Math.round(t1), features: received, drawn: g.count });
    if (this.loadLog.length > 50) this.loadLog.shift();
    this.noteDrawn();
    this.onChange();
  }

  dropOutside(g, bounds) {
    if (g.key === 'parcels') {
      this.dropWhere(g, (id, it) => !this.parcels.meets(it, bounds));
      return;
    }
    this.dropWhere(g, (id, layer) => !(layer.getBounds ? layer.getBounds().intersects(bounds) : bounds.contains(layer.getLatLng())));
  }

  /** Removes the group's features for which test(id, layer or parcel item) holds, except the selected one. */
  dropWhere(g, test) {
    const selected = (id) => this.selected && this.selected.collection === g.key && this.selected.id === id;
    if (g.key === 'parcels') {
      for (const id of this.parcels.removeWhere((it) => !selected(it.id) && test(it.id, it))) {
        this.index.delete('parcels:' + id);
      }
      g.count = this.parcels.count();
      return;
    }
    for (const [id, layer] of g.byId) {
      if (this.selected && this.selected.collection === g.key && this.selected.id === id) continue;
      if (test(id, layer)) {
        g.layer.removeLayer(layer);
        g.byId.delete(id);
        this.index.delete(g.key + ':' + id);
      }
    }
    g.count = g.byId.size;
  }

  /** Adds the features not drawn yet, ADD_CHUNK per frame; false when a newer load took over. */
  async addFeatures(g, features, signal) {
    if (g.key === 'parcels') {
      // cheap: coordinates are projected once and painted in one pass on the next frame
      if (signal.aborted) return false;
      const fresh = features.filter((f) => f.geometry && !this.parcels.has(f.id));
      this.parcels.add(fresh);
      for (const f of fresh) this.index.set('parcels:' + f.id, { layer: null, feature: f, key: 'parcels' });
      g.count = this.parcels.count();
      this.noteDrawn();
      await nextFrame();
      return !signal.aborted;
    }
    const todo = features.filter((f) => f.geometry && !g.byId.has(f.id));
    for (let i = 0; i < todo.length; i += ADD_CHUNK) {
      if (signal.aborted) return false;
      for (const f of todo.slice(i, i + ADD_CHUNK)) {
        const layer = this.makeEnterprise(f);
        g.layer.addLayer(layer);
        g.byId.set(f.id, layer);
        this.index.set(g.key + ':' + f.id, { layer, feature: f, key: g.key });
      }
      g.count = g.byId.size;
      this.noteDrawn();
      await nextFrame();
    }
    if (todo.length) this.restackAbove(g.key);
    return !signal.aborted;
  }

  clearGroup(g) {
    if (g.key === 'parcels') {
      for (const id of this.parcels.ids()) this.index.delete('parcels:' + id);
      this.parcels.clearAll();
      g.count = 0;
      g.truncated = false;
      return;
    }
    for (const id of g.byId.keys()) this.index.delete(g.key + ':' + id);
    g.layer.clearLayers();
    g.byId.clear();
    g.count = 0;
    g.truncated = false;
  }

  makeEnterprise(f) {
    const c = f.geometry.coordinates;
    const layer = L.circleMarker([c[1], c[0]], { ...NOT_EDITABLE, renderer: this.renderer, ...ENTERPRISE_STYLE });
    layer.zaRef = { collection: 'enterprises', id: f.id };
    layer.on('click', (e) => this.clicked(e, 'enterprises', f));
    return layer;
  }

  setColorBy(mode) {
    this.colorBy = mode === 'status' ? 'status' : 'land_use';
    this.restyleParcels();
    this.onChange();
  }

  /** A parcel's style: a panel's override where it gives one (ZA.setParcelStyle), else the colour-by choice. */
  parcelStyleOf(f) {
    const base = parcelStyle(f.properties, this.colorBy);
    const o = this.parcelOverride ? this.parcelOverride.style(f) : null;
    return o ? Object.assign(base, o) : base;
  }

  /** {fill, alpha} of a parcel on the parcel canvas. */
  parcelFill(f) {
    const st = this.parcelStyleOf(f);
    return { fill: st.fillColor, alpha: st.fillOpacity === undefined ? 0.82 : st.fillOpacity, hatch: !!st.hatch };
  }

  /** {style(feature), title, legend} from a panel, or null to give the parcels their own colours back. */
  setParcelOverride(o) {
    this.parcelOverride = o;
    this.restyleParcels();
    this.onChange();
  }

  // ---- hover names ------------------------------------------------------------------------

  wireHover(g) {
    g.layer.on('mouseover', (e) => {
      const l = e.propagatedFrom || e.layer;
      if (!l || !l.zaRef || l.getTooltip()) return;
      const ref = this.index.get(l.zaRef.collection + ':' + l.zaRef.id);
      if (!ref) return;
      l.bindTooltip(() => this.hoverText(ref.feature, l.zaRef.collection), { sticky: true, className: 'za-hover' });
      l.openTooltip(e.latlng);
    });
  }

  /** Parcels have no Leaflet layers: the hover name follows the pointer by hit test, once a frame. */
  wireParcelHover() {
    const tip = L.tooltip({ className: 'za-hover', direction: 'top', offset: [0, -6] });
    const container = this.map.getContainer();
    let at = null;
    let frame = null;
    let shownId = null;
    const hide = () => {
      container.classList.remove('za-over-parcel');
      if (shownId !== null) this.map.closeTooltip(tip);
      shownId = null;
    };
    this.map.on('mousemove', (e) => {
      at = e.latlng;
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = null;
        const f = this.isBusy() ? null : this.parcelAt(at);
        if (!f) {
          hide();
          return;
        }
        container.classList.add('za-over-parcel');
        if (f.id !== shownId) {
          tip.setContent(this.hoverText(f, 'parcels'));
          shownId = f.id;
        }
        tip.setLatLng(at);
        if (!this.map.hasLayer(tip)) this.map.openTooltip(tip);
      });
    });
    this.map.on('mouseout movestart zoomstart', hide);
  }

  hoverText(f, collection) {
    const p = f.properties;
    if (collection === 'parcels') {
      // a tile's parcel carries no area; a panel's mark adds its words
      const parts = [f.id, landUseLabel(p.land_use_code, p.land_use_name, getLang())];
      if (p.area_mu !== undefined && p.area_mu !== null) parts.push(fmt(p.area_mu, 1) + ' ' + t('unit.mu'));
      const mark = this.parcelMarks.length ? this.parcelOutline(f) : null;
      if (mark && mark.label) parts.push(mark.label);
      return escapeHtml(parts.join(' · '));
    }
    return escapeHtml(pick(p.name_zh, p.name_en) || f.id);
  }

  // ---- lookup, selection, overlays -------------------------------------------------------

  find(collection, id) {
    return this.index.get(collection + ':' + id) || null;
  }

  /** The layer-tree key a feature belongs to. */
  groupKeyOf(collection, props) {
    if (collection === 'infrastructure') return infraCategory(props && props.kind).key;
    return this.groups.has(collection) ? collection : null;
  }

  planName(id) {
    const f = this.names.get(id);
    return f ? pick(f.properties.name_zh, f.properties.name_en) : null;
  }

  /** Outlines the selected feature above everything; null clears. */
  highlight(collection, feature) {
    if (this.selection) {
      this.map.removeLayer(this.selection);
      this.selection = null;
    }
    this.selected = feature ? { collection, id: feature.id } : null;
    if (!feature || !feature.geometry) return;
    this.selection = L.featureGroup();
    for (const st of SELECTION_STYLES) {
      L.geoJSON(feature, {
        ...NOT_EDITABLE,
        renderer: this.renderer,
        interactive: false,
        style: () => st,
        pointToLayer: (pf, ll) => L.circleMarker(ll, { ...NOT_EDITABLE, renderer: this.renderer, radius: 10, ...st }),
      }).eachLayer((l) => this.selection.addLayer(l));
    }
    this.selection.addTo(this.map);
  }

  addOverlay(name, layer, opts = {}) {
    const key = 'overlay:' + (opts.id || this.overlays.length + 1);
    const o = { key, name, layer, visible: false, legend: opts.legend || null };
    this.overlays.push(o);
    this.setVisible(key, opts.visible !== false);
    return o;
  }

  removeOverlay(layer) {
    const i = this.overlays.findIndex((o) => o.layer === layer);
    if (i < 0) return;
    const o = this.overlays[i];
    if (o.visible) this.map.removeLayer(o.layer);
    this.overlays.splice(i, 1);
    this.onChange();
  }

  // ---- what is drawn -----------------------------------------------------------------------

  /** Features drawn now per visible group (tests and the layer tree read this). */
  counts() {
    const out = {};
    for (const g of this.groups.values()) {
      if (g.visible) out[g.key] = g.count;
    }
    return out;
  }

  noteDrawn() {
    if (this.firstDrawMs !== null) return;
    const drawn = [...this.groups.values()].some((g) => g.visible && g.count > 0);
    if (!drawn) return;
    // the canvas paints on the next frame; count from navigation start to then
    requestAnimationFrame(() => {
      if (this.firstDrawMs === null) this.firstDrawMs = Math.round(performance.now());
    });
  }

  /**
   * Legend entries of what is drawn now, and only that: the active thematic legend first (a panel's
   * recolouring of the parcels, then the panels' overlays that hold something), then the parcels'
   * own colours, enterprises, areas, and every symbol the infrastructure layers draw (each kind
   * that has a style of its own, as point, line or area as it is drawn).
   */
  legend() {
    const lang = getLang();
    const out = [];
    const parcels = this.groups.get('parcels');
    const parcelsDrawn = this.parcelsShown() && parcels.count > 0;
    if (parcelsDrawn && this.parcelOverride && this.parcelOverride.legend) {
      out.push({ title: this.parcelOverride.title, items: this.parcelOverride.legend, thematic: true });
    }
    for (const o of this.overlays) {
      if (o.visible && o.legend && o.legend.length && drawsSomething(o.layer)) {
        out.push({ title: overlayName(o.name), items: o.legend, thematic: true });
      }
    }
    if (parcelsDrawn && !(this.parcelOverride && this.parcelOverride.legend)) {
      const items = this.parcelLegend(parcels, lang);
      if (items.length) out.push({ title: t('group.parcels') + ' · ' + t('layers.colorby.' + this.colorBy), items });
    }
    const ent = this.groups.get('enterprises');
    if (ent.visible && ent.count > 0) {
      out.push({ title: null, items: [{ swatch: 'point', color: ENTERPRISE_STYLE.fillColor, label: t('group.enterprises') }] });
    }
    const areas = [];
    for (const key of PLAN_COLLECTIONS) {
      const g = this.groups.get(key);
      if (!g.visible || g.count === 0) continue;
      const st = PLAN_STYLES[key];
      areas.push({ swatch: 'area', color: st.color, fill: st.fillColor, fillOpacity: g.fillOpacity === undefined ? st.fillOpacity : g.fillOpacity, dash: !!st.dashArray, label: t('group.' + key) });
    }
    if (areas.length) out.push({ title: null, items: areas });
    const infra = this.infraLegend();
    if (infra.length) out.push({ title: t('layers.infrastructure'), items: infra });
    return out;
  }

  /** One entry per symbol the visible infrastructure layers draw now. */
  infraLegend() {
    const entries = new Map();
    for (const key of INFRA_KEYS) {
      const g = this.groups.get(key);
      if (!g.visible || g.count === 0) continue;
      const cat = INFRA_CATEGORIES.find((c) => c.key === key);
      for (const id of g.byId.keys()) {
        const ref = this.index.get('infrastructure:' + id);
        if (!ref || !ref.feature.geometry) continue;
        const kind = ref.feature.properties.kind;
        const type = ref.feature.geometry.type;
        const swatch = type.indexOf('Point') >= 0 ? 'point' : type.indexOf('Polygon') >= 0 ? 'area' : 'line';
        const st = infraStyle(kind, type);
        // a kind drawn unlike the rest of its category gets its own name; the others share the category's
        const own = st.color !== cat.color || (swatch === 'line' && (st.dashArray || st.weight !== 3));
        const name = kind === 'green' && swatch === 'line' ? t('legend.green.line') : own ? value('kind', kind) : t('group.' + key);
        const sig = [swatch, name, st.color, swatch === 'point' ? '' : st.dashArray || '', swatch === 'line' ? st.weight : ''].join('|');
        if (!entries.has(sig)) {
          entries.set(sig, {
            swatch, color: st.color, fill: swatch === 'point' ? st.color : st.fillColor, fillOpacity: st.fillOpacity,
            dash: !!st.dashArray, weight: swatch === 'line' ? st.weight : undefined, name, order: INFRA_KEYS.indexOf(key),
          });
        }
      }
    }
    const list = [...entries.values()];
    // the same name drawn two ways (facility points and their sites as areas) says which is which
    const ways = new Map();
    for (const e of list) ways.set(e.name, (ways.get(e.name) || new Set()).add(e.swatch));
    const order = { point: 0, line: 1, area: 2 };
    return list.sort((a, b) => a.order - b.order || order[a.swatch] - order[b.swatch])
      .map((e) => ({ ...e, label: ways.get(e.name).size > 1 && e.swatch !== 'point' ? e.name + t('legend.as.' + e.swatch) : e.name }));
  }

  parcelLegend(g, lang) {
    if (this.colorBy === 'status') {
      return Object.entries(STATUS_COLORS).map(([s, c]) => ({ swatch: 'area', color: '#fff', fill: c, fillOpacity: 0.85, label: value('parcelStatus', s) }));
    }
    const seen = new Map();
    for (const p of this.parcelProperties().values()) {
      const k = landUseKey(p.land_use_code) || p.land_use_code;
      if (!seen.has(k)) seen.set(k, landUseClassName(k, lang) || landUseLabel(p.land_use_code, p.land_use_name, lang));
    }
    return [...seen.entries()].sort((a, b) => a[0].localeCompare(b[0]))
      .map(([k, name]) => ({ swatch: 'area', color: '#fff', fill: landUseColor(k), fillOpacity: 0.85, label: name, code: k }));
  }

  /** A point well inside a polygon feature, in map container pixels (tests click there). */
  interiorPoint(collection, id) {
    const ref = this.find(collection, id);
    const geometry = ref ? ref.feature.geometry : collection === 'parcels' && this.tileMode ? this.tiles.tileGeometry(id) : null;
    if (!geometry) return null;
    const ll = interiorLatLng(geometry);
    if (!ll) return null;
    const p = this.map.latLngToContainerPoint(ll);
    return { x: Math.round(p.x), y: Math.round(p.y), lat: ll.lat, lng: ll.lng };
  }
}

/** Midpoint of the widest span of the largest polygon along its middle latitude. */
export function interiorLatLng(geom) {
  if (!geom) return null;
  if (geom.type === 'Point') return L.latLng(geom.coordinates[1], geom.coordinates[0]);
  let polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.type === 'MultiPolygon' ? geom.coordinates : null;
  if (!polys) {
    const c = L.geoJSON(geom).getBounds().getCenter();
    return c;
  }
  let best = null;
  for (const rings of polys) {
    const ys = rings[0].map((c) => c[1]);
    const y = (Math.min(...ys) + Math.max(...ys)) / 2;
    const xs = [];
    for (const ring of rings) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const [x1, y1] = ring[i];
        const [x2, y2] = ring[i + 1];
        if ((y1 <= y && y2 > y) || (y2 <= y && y1 > y)) xs.push(x1 + ((y - y1) / (y2 - y1)) * (x2 - x1));
      }
    }
    xs.sort((a, b) => a - b);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const w = xs[i + 1] - xs[i];
      if (!best || w > best.w) best = { w, lat: y, lng: (xs[i] + xs[i + 1]) / 2 };
    }
  }
  return best ? L.latLng(best.lat, best.lng) : null;
}

/** Even-odd point in (multi)polygon, in lon/lat: enough for "what is under the click". */
export function polygonContains(geom, x, y) {
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.type === 'MultiPolygon' ? geom.coordinates : [];
  for (const rings of polys) {
    let inside = false;
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
    if (inside) return true;
  }
  return false;
}

/** Whether a panel's overlay holds anything to draw (a layer group with no layers draws nothing). */
function drawsSomething(layer) {
  if (!layer || typeof layer.getLayers !== 'function') return true;
  return layer.getLayers().some((l) => drawsSomething(l));
}

function overlayName(name) {
  if (name && typeof name === 'object') return pick(name.zh, name.en);
  return String(name);
}

export function escapeHtml(s) {
  return String(s === null || s === undefined ? '' : s)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** English names can be long ("... (2025 built-up area)"): labels drop the bracketed part. */
function shortEn(s) {
  return s ? s.replace(/\s*\(.*\)\s*$/, '') : s;
}

export function fmt(v, decimals) {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  return Number(v).toLocaleString(document.documentElement.lang === 'en' ? 'en-US' : 'zh-CN', {
    minimumFractionDigits: decimals, maximumFractionDigits: decimals,
  });
}

function nextFrame() {
  return new Promise((r) => requestAnimationFrame(() => r()));
}

function debounce(fn, ms) {
  let h = null;
  return () => {
    clearTimeout(h);
    h = setTimeout(fn, ms);
  };
}
