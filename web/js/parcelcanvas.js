// The parcels layer's own canvas. Leaflet draws each vector as a separate object (projection,
// clipping, a path per polygon, on every pan), which with tens of thousands of parcels costs
// hundreds of milliseconds per move. Here parcels are kept as flat arrays of coordinates
// projected once (at zoom 0), and a redraw builds one path per fill colour: thousands of parcels
// paint in a few milliseconds. It extends Leaflet's canvas renderer for sizing, panning and the
// zoom animation; clicks and hovers are found with a bounding-box test and even-odd
// point-in-polygon, since the canvas itself takes no pointer events (layers drawn above it do).

import { hatchCanvas } from './styles.js';

export const ParcelCanvas = L.Canvas.extend({
  options: { padding: 0.3, stroke: '#ffffff', strokeWidth: 0.7 },

  /**
   * @param options.fillOf (feature) -> {fill: CSS colour, alpha: fill opacity}
   * @param options.outlineOf (feature) -> {color, weight} of a mark over the fill, or null
   */
  initialize(options) {
    L.Canvas.prototype.initialize.call(this, options);
    this._items = new Map(); // id -> {id, feature, rings: [Float64Array], box: [minx, miny, maxx, maxy], fill}
    this._crs = null;
  },

  onAdd(map) {
    L.Canvas.prototype.onAdd.call(this, map);
    this._container.style.pointerEvents = 'none';
    this._checkCrs();
  },

  // no Leaflet paths to update: a move or zoom is just a repaint
  _updatePaths() {
    if (this._postponeUpdatePaths) return;
    this._redrawBounds = null;
    this._redraw();
  },

  _reset() {
    this._checkCrs();
    L.Canvas.prototype._reset.call(this);
  },

  /** The map switched CRS (GCJ-02 basemap): project every parcel again. */
  _checkCrs() {
    if (!this._map || this._map.options.crs === this._crs) return;
    this._crs = this._map.options.crs;
    for (const it of this._items.values()) this._project(it);
  },

  _project(it) {
    const crs = this._map ? this._map.options.crs : L.CRS.EPSG3857;
    const g = it.feature.geometry;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    const box = [Infinity, Infinity, -Infinity, -Infinity];
    it.rings = [];
    for (const poly of polys) {
      for (const ring of poly) {
        const a = new Float64Array(ring.length * 2);
        for (let i = 0; i < ring.length; i++) {
          const p = crs.latLngToPoint(L.latLng(ring[i][1], ring[i][0]), 0);
          a[2 * i] = p.x;
          a[2 * i + 1] = p.y;
          if (p.x < box[0]) box[0] = p.x;
          if (p.y < box[1]) box[1] = p.y;
          if (p.x > box[2]) box[2] = p.x;
          if (p.y > box[3]) box[3] = p.y;
        }
        it.rings.push(a);
      }
    }
    it.box = box;
  },

  _style(it) {
    const st = this.options.fillOf(it.feature);
    it.fill = st.fill;
    it.alpha = st.alpha;
    it.hatch = !!st.hatch;
    it.paint = st.fill + '|' + st.alpha + '|' + it.hatch;
    it.outline = this.options.outlineOf ? this.options.outlineOf(it.feature) : null;
  },

  _repaintSoon() {
    this._redrawBounds = null;
    if (this._map && !this._redrawRequest) this._redrawRequest = L.Util.requestAnimFrame(this._redraw, this);
  },

  _draw() {
    const map = this._map;
    if (!map || !this._bounds || !this._items.size) return;
    const ctx = this._ctx;
    const s = map.getZoomScale(map.getZoom(), 0);
    const o = map.getPixelOrigin();
    const b = this._bounds;
    const view = [(b.min.x + o.x) / s, (b.min.y + o.y) / s, (b.max.x + o.x) / s, (b.max.y + o.y) / s];
    const byFill = new Map();
    for (const it of this._items.values()) {
      const x = it.box;
      if (x[2] < view[0] || x[0] > view[2] || x[3] < view[1] || x[1] > view[3]) continue;
      let list = byFill.get(it.paint);
      if (!list) byFill.set(it.paint, (list = []));
      list.push(it);
    }
    ctx.save();
    ctx.lineWidth = this.options.strokeWidth;
    ctx.strokeStyle = this.options.stroke;
    ctx.lineJoin = 'round';
    for (const list of byFill.values()) {
      ctx.beginPath();
      for (const it of list) {
        for (const r of it.rings) {
          ctx.moveTo(r[0] * s - o.x, r[1] * s - o.y);
          for (let i = 2; i < r.length; i += 2) ctx.lineTo(r[i] * s - o.x, r[i + 1] * s - o.y);
          ctx.closePath();
        }
      }
      ctx.globalAlpha = list[0].alpha;
      ctx.fillStyle = list[0].fill;
      ctx.fill('evenodd');
      if (list[0].hatch) {
        ctx.globalAlpha = 1;
        ctx.fillStyle = ctx.createPattern(hatchCanvas(), 'repeat');
        ctx.fill('evenodd');
      }
      ctx.globalAlpha = 0.9;
      ctx.stroke();
    }
    // panels' marks (options.outlineOf) over the fills
    ctx.globalAlpha = 1;
    for (const list of byFill.values()) {
      for (const it of list) {
        if (!it.outline) continue;
        ctx.beginPath();
        for (const r of it.rings) {
          ctx.moveTo(r[0] * s - o.x, r[1] * s - o.y);
          for (let i = 2; i < r.length; i += 2) ctx.lineTo(r[i] * s - o.x, r[i + 1] * s - o.y);
          ctx.closePath();
        }
        ctx.lineWidth = it.outline.weight || 2;
        ctx.strokeStyle = it.outline.color;
        ctx.stroke();
      }
    }
    ctx.restore();
  },

  // ---- the parcels ----------------------------------------------------------------------

  has(id) {
    return this._items.has(id);
  },

  // (a method, not a getter: L.Class.extend copies members by value)
  count() {
    return this._items.size;
  },

  ids() {
    return this._items.keys();
  },

  items() {
    return this._items.values();
  },

  /** Adds parcels (GeoJSON features) not present yet; returns how many were added. */
  add(features) {
    let n = 0;
    for (const f of features) {
      if (!f.geometry || this._items.has(f.id)) continue;
      const it = { id: f.id, feature: f };
      this._style(it);
      this._project(it);
      this._items.set(f.id, it);
      n++;
    }
    if (n) this._repaintSoon();
    return n;
  },

  /** Removes the parcels for which test(item) holds; returns their ids. */
  removeWhere(test) {
    const gone = [];
    for (const [id, it] of this._items) {
      if (test(it)) {
        this._items.delete(id);
        gone.push(id);
      }
    }
    if (gone.length) this._repaintSoon();
    return gone;
  },

  /** Whether a parcel's extent meets lat/lng bounds. */
  meets(it, bounds) {
    const crs = this._map ? this._map.options.crs : L.CRS.EPSG3857;
    const a = crs.latLngToPoint(bounds.getSouthWest(), 0);
    const c = crs.latLngToPoint(bounds.getNorthEast(), 0);
    const x = it.box;
    return !(x[2] < Math.min(a.x, c.x) || x[0] > Math.max(a.x, c.x) || x[3] < Math.min(a.y, c.y) || x[1] > Math.max(a.y, c.y));
  },

  clearAll() {
    this._items.clear();
    this._repaintSoon();
  },

  /** Recomputes every fill (colour by land use or by status). */
  restyle() {
    for (const it of this._items.values()) this._style(it);
    this._repaintSoon();
  },

  /** The parcel under a lat/lng, or null. */
  hit(latlng) {
    if (!this._map) return null;
    const p = this._map.options.crs.latLngToPoint(latlng, 0);
    let found = null;
    for (const it of this._items.values()) {
      const x = it.box;
      if (p.x < x[0] || p.x > x[2] || p.y < x[1] || p.y > x[3]) continue;
      let inside = false;
      for (const r of it.rings) {
        for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) {
          const yi = r[i + 1];
          const yj = r[j + 1];
          if ((yi > p.y) !== (yj > p.y) && p.x < ((r[j] - r[i]) * (p.y - yi)) / (yj - yi) + r[i]) inside = !inside;
        }
      }
      if (inside) found = it;
    }
    return found;
  },
});
