// The parcels drawn from the server's vector tiles (GET /collections/{id}/tiles/WebMercatorQuad/{z}/{y}/{x},
// one MVT layer named by the collection, features carrying id, land_use_code, status and park/zone
// ids) at every zoom from MIN_ZOOM up, so the whole zone's land use shows when it is all in view.
// protomaps-leaflet (vendored, web/vendor/protomaps-leaflet/) decodes and paints the tiles on one
// canvas per tile; this module gives it the map's colours, fetches the tiles itself (an object in
// place of a PMTiles archive: its answer checked and counted; after a write all are asked for again), and
// finds the parcel under a point in the decoded tiles. Nothing here holds a parcel's full geometry:
// whoever needs it (the selection outline, editing) fetches the one feature by id.

import { hatchCanvas } from './styles.js';

const P = window.protomapsL;

/** Tiles are drawn (and asked for) from this zoom up; the zone's land use is legible from 11. */
export const MIN_ZOOM = 10;
// beyond this zoom the tiles of this zoom are drawn larger (an MVT holds 4096 units a side)
const MAX_DATA_ZOOM = 16;

export class ParcelTiles {
  /**
   * @param opts.collection the collection (and MVT layer) id
   * @param opts.pane the map pane the tile canvases go into
   * @param opts.fillOf (feature) -> {fill, alpha}, feature = {id, properties} from the tile
   * @param opts.outlineOf (feature) -> {color, weight, dash} or null: a mark drawn over the fill
   */
  constructor({ collection, pane, fillOf, outlineOf }) {
    this.collection = collection;
    this.pane = pane;
    this.fillOf = fillOf;
    this.outlineOf = outlineOf;
    this.styles = new Map(); // parcel id -> {fill, alpha, outline}, until restyle()
    this.requests = 0; // tile requests sent (tests and the load log read this)
    this.failures = 0;
    this.inflight = 0;
    this.onLoad = null;
    this.layer = this.makeLayer();
  }

  makeLayer() {
    const styleOf = (f) => this.styleOf(f);
    const layer = P.leafletLayer({
      pane: this.pane,
      attribution: '',
      minZoom: MIN_ZOOM,
      // tiles at the map's own zoom, 256 px each (protomaps' default asks one zoom less at 512 px)
      levelDiff: 0,
      maxDataZoom: MAX_DATA_ZOOM,
      url: { getZxy: (z, x, y, signal) => this.fetchTile(z, x, y, signal) },
      paintRules: [
        {
          dataLayer: this.collection,
          symbolizer: new P.PolygonSymbolizer({
            fill: (z, f) => styleOf(f).fill,
            opacity: (z, f) => styleOf(f).alpha,
            stroke: '#ffffff',
            // the white edges between parcels only where parcels are large enough to read them
            width: (z) => (z >= 15 ? 0.7 : z >= 13 ? 0.4 : 0),
            perFeature: true,
          }),
        },
        {
          // withheld figures: hatched over their fill (see styles.js hatchCanvas)
          dataLayer: this.collection,
          filter: (z, f) => styleOf(f).hatch,
          symbolizer: new P.PolygonSymbolizer({ pattern: hatchCanvas(), opacity: 1 }),
        },
        {
          dataLayer: this.collection,
          filter: (z, f) => !!styleOf(f).outline,
          symbolizer: new P.LineSymbolizer({
            color: (z, f) => styleOf(f).outline.color,
            width: (z, f) => styleOf(f).outline.weight || 2,
            opacity: 1,
            perFeature: true,
          }),
        },
      ],
      labelRules: [],
    });
    layer.on('load', () => this.onLoad && this.onLoad());
    return layer;
  }

  /** The tile's bytes, or nothing (an empty tile) when the server has none there; throws on an error answer. */
  async fetchTile(z, x, y, signal) {
    const url = '/collections/' + encodeURIComponent(this.collection) + '/tiles/WebMercatorQuad/' + z + '/' + y + '/' + x;
    this.requests++;
    this.inflight++;
    try {
      // the server tags each tile with the data version and has caches ask again every time (a 304 when unchanged)
      const r = await fetch(url, { signal, headers: { Accept: 'application/vnd.mapbox-vector-tile' } });
      if (r.status === 204 || r.status === 404) return undefined;
      if (!r.ok) {
        this.failures++;
        throw new Error('tile ' + z + '/' + y + '/' + x + ': HTTP ' + r.status);
      }
      const data = await r.arrayBuffer();
      return data.byteLength ? { data } : undefined;
    } finally {
      this.inflight--;
    }
  }

  /** {fill, alpha, outline} of a tile feature, worked out once per parcel until restyle(). */
  styleOf(f) {
    const id = f.props.id;
    let st = this.styles.get(id);
    if (!st) {
      const feature = asFeature(f);
      const fill = this.fillOf(feature);
      st = { fill: fill.fill, alpha: fill.alpha, hatch: !!fill.hatch, outline: this.outlineOf ? this.outlineOf(feature) : null };
      this.styles.set(id, st);
    }
    return st;
  }

  /** Paints every tile again with the current colours (no request). */
  restyle() {
    this.styles.clear();
    if (this.layer._map) this.layer.rerenderTiles();
  }

  /** Drops every decoded tile and asks the server again (after a write). */
  reload() {
    this.styles.clear();
    for (const view of this.layer.views.values()) view.tileCache.cache.clear();
    if (this.layer._map) this.layer.redraw();
  }

  /** The parcel painted at a lat/lng as {type, id, properties, geometry: null}, or null. */
  hit(latlng) {
    const map = this.layer._map;
    if (!map || map.getZoom() < MIN_ZOOM) return null;
    const found = this.layer.queryTileFeaturesDebug(latlng.lng, latlng.lat, 0);
    let top = null;
    for (const picks of found.values()) {
      for (const p of picks) {
        if (p.layerName === this.collection && p.feature.props && p.feature.props.id !== undefined) top = p.feature;
      }
    }
    return top ? asFeature(top) : null;
  }

  /** The decoded tiles of the current zoom: [{z, x, y, features}]. */
  tiles() {
    const map = this.layer._map;
    const out = [];
    if (!map) return out;
    const z = Math.min(Math.round(map.getZoom()), MAX_DATA_ZOOM);
    for (const view of this.layer.views.values()) {
      for (const [key, entry] of view.tileCache.cache) {
        const [x, y, tz] = key.split(':').map(Number);
        if (tz !== z) continue;
        out.push({ z: tz, x, y, features: entry.data.get(this.collection) || [] });
      }
    }
    return out;
  }

  /** Properties of the parcels in the decoded tiles of the current zoom, once per id. */
  properties() {
    const seen = new Map();
    for (const tile of this.tiles()) {
      for (const f of tile.features) if (!seen.has(f.props.id)) seen.set(f.props.id, f.props);
    }
    return seen;
  }

  /**
   * A parcel's shape as decoded from one tile (clipped to it; lng/lat GeoJSON), the piece with the
   * most vertices: enough to find a point inside it, not to edit it.
   */
  tileGeometry(id) {
    let best = null;
    for (const tile of this.tiles()) {
      for (const f of tile.features) {
        if (f.props.id !== id || f.geomType !== 3 || (best && best.n >= f.numVertices)) continue;
        const size = 256; // levelDiff 0: one tile is 256 units of protomaps' geometry
        const rings = f.geom.map((ring) => ring.map((pt) => {
          const ll = L.CRS.EPSG3857.pointToLatLng(L.point(tile.x * size + pt.x, tile.y * size + pt.y), tile.z);
          return [ll.lng, ll.lat];
        }));
        best = { n: f.numVertices, geometry: { type: 'Polygon', coordinates: rings } };
      }
    }
    return best ? best.geometry : null;
  }
}

function asFeature(f) {
  return { type: 'Feature', id: f.props.id, properties: f.props, geometry: null };
}
