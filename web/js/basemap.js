// The basemaps the map can show under the plan layers, and the note in the map's corner that says
// what the basemap is (示意底图) and, when configured, the map's 审图号.
//
//   demo      the demo basemap this server serves (GET /basemap/demo.geojson): municipal
//             boundaries, built-up areas, rivers, main roads and place names of the zones' cities,
//             hand-drawn and schematic (geodata/basemap/README.md); drawn here on a canvas of its
//             own, below everything else. Shown when nothing else is configured.
//   package   an offline tile package (MBTiles or PMTiles) the server itself serves at
//             /basemap/tiles/{z}/{x}/{y}: raster as a tile layer, vector drawn by protomaps-leaflet
//   tianditu-vec / tianditu-img, wmts, osm, amap: online tile services named in the configuration
//
// Which one a map opens with: basemap.default when set, else the package, else Tianditu, else the
// configured WMTS, else the demo (online services other than these are offered, never forced).

import { add, getLang, pick, t } from './i18n.js';

add({
  zh: {
    'basemap.demo': '示意底图（离线）',
    'basemap.package': '离线瓦片底图',
    'basemap.wmts': '在线瓦片服务（WMTS）',
    'basemap.demo.note': '示意底图：行政界线、河流和道路依据规划文本摘要手工绘制，误差可达数公里，非测绘成果。',
    'basemap.demo.stamp': '示意底图，非测绘成果，不得用于出版',
    'basemap.review': '审图号：{n}',
    'basemap.online.note': '在线底图需要联网；无网络时请选择“示意底图（离线）”。',
  },
  en: {
    'basemap.demo': 'Schematic basemap (offline)',
    'basemap.package': 'Offline tiles',
    'basemap.wmts': 'Online tile service (WMTS)',
    'basemap.demo.note': 'Schematic basemap: boundaries, rivers and roads drawn by hand from the plan digest, off by up to a few kilometres; not surveyed.',
    'basemap.demo.stamp': 'Schematic basemap, not surveyed, not for publication',
    'basemap.review': 'Map review no. {n}',
    'basemap.online.note': 'Online basemaps need the internet; without it choose “Schematic basemap (offline)”.',
  },
});

/** [{id, label}] of the basemaps this server's configuration offers, in the order listed. */
export function basemapOptions(c) {
  const list = [{ id: 'none' }, { id: 'demo' }];
  if (c.package) list.push({ id: 'package', label: c.package.name || null });
  if (c.tiandituKey) list.push({ id: 'tianditu-vec' }, { id: 'tianditu-img' });
  if (c.wmtsUrl) list.push({ id: 'wmts', label: c.wmtsName || null });
  if (c.osmUrl) list.push({ id: 'osm' });
  if (c.amapUrl) list.push({ id: 'amap' });
  return list.map((o) => ({ id: o.id, label: o.label || t('basemap.' + o.id) }));
}

/** The basemap a map opens with when its link names none. */
export function defaultBasemap(c) {
  const ids = basemapOptions(c).map((o) => o.id);
  if (c.defaultBasemap && ids.includes(c.defaultBasemap)) return c.defaultBasemap;
  for (const id of ['package', 'tianditu-vec', 'wmts']) if (ids.includes(id)) return id;
  return 'demo';
}

/** An id from a link: links made before the demo basemap said "outline". */
export function normaliseBasemap(id) {
  return id === 'outline' ? 'demo' : id;
}

function tianditu(layer, key) {
  return L.tileLayer('https://t{s}.tianditu.gov.cn/' + layer + '_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER='
    + layer + '&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=' + encodeURIComponent(key), {
    subdomains: '01234567', maxZoom: 18, attribution: '© <a href="https://www.tianditu.gov.cn" target="_blank" rel="noopener">天地图</a>',
  });
}

/** A new Leaflet layer for a basemap id (null for none). */
export function basemapLayer(id, c, map) {
  switch (id) {
    case 'demo':
      return demoLayer(map);
    case 'package':
      return c.package ? packageLayer(c.package) : null;
    case 'tianditu-vec':
      return L.layerGroup([tianditu('vec', c.tiandituKey), tianditu('cva', c.tiandituKey)]);
    case 'tianditu-img':
      return L.layerGroup([tianditu('img', c.tiandituKey), tianditu('cia', c.tiandituKey)]);
    case 'wmts':
      return L.tileLayer(c.wmtsUrl, { maxZoom: 19, subdomains: '01234567', attribution: escapeHtml(c.wmtsName || '') });
    case 'osm':
      return L.tileLayer(c.osmUrl, { maxZoom: 19, subdomains: 'abc', attribution: '© <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">OpenStreetMap</a>' });
    case 'amap':
      return L.tileLayer(c.amapUrl, { maxZoom: 18, subdomains: '1234', attribution: '© 高德地图 AutoNavi (GCJ-02)' });
    default:
      return null;
  }
}

// ---- the offline package -------------------------------------------------------------------

// layer names of the Protomaps basemap schema, which protomaps-leaflet draws with its own style
const PROTOMAPS_LAYERS = ['earth', 'water', 'roads', 'landuse', 'places'];

function packageLayer(p) {
  const bounds = p.bounds ? L.latLngBounds([p.bounds[1], p.bounds[0]], [p.bounds[3], p.bounds[2]]) : undefined;
  const attribution = escapeHtml(p.attribution || '');
  if (!p.vector) {
    return L.tileLayer(p.url, {
      minZoom: 0, maxZoom: 19, minNativeZoom: p.minzoom, maxNativeZoom: p.maxzoom, bounds, attribution,
    });
  }
  const P = window.protomapsL;
  const layers = p.layers || [];
  const opts = { url: p.url, maxDataZoom: p.maxzoom, attribution, pane: 'tilePane', bounds };
  if (PROTOMAPS_LAYERS.some((l) => layers.includes(l))) {
    return P.leafletLayer(Object.assign(opts, { flavor: 'light', lang: getLang() === 'en' ? 'en' : 'zh-Hans' }));
  }
  // another schema (OpenMapTiles and the like): every layer drawn plainly, water blue
  const water = (l) => /water|river|lake|水/i.test(l);
  const paintRules = [];
  for (const l of layers) {
    paintRules.push({ dataLayer: l, symbolizer: new P.PolygonSymbolizer({ fill: water(l) ? '#b5d3ea' : '#e9e5dc', opacity: 0.9 }) });
    paintRules.push({ dataLayer: l, symbolizer: new P.LineSymbolizer({ color: water(l) ? '#7fb3d5' : '#a9a39a', width: 1 }) });
  }
  return P.leafletLayer(Object.assign(opts, { paintRules, labelRules: [], backgroundColor: '#f2efe9' }));
}

// ---- the demo basemap ----------------------------------------------------------------------

const DEMO = {
  boundary: { color: '#8a7ca8', weight: 1.6, dashArray: '10 4 2 4', fillColor: '#fbfaf6', fillOpacity: 1 },
  urban: { stroke: false, fillColor: '#ebe5da', fillOpacity: 1 },
  water: { color: '#7db4db', opacity: 1, lineCap: 'round', lineJoin: 'round' },
  expressway: { color: '#e8a33d', opacity: 1 },
  ring_road: { color: '#ffffff', opacity: 1 },
  trunk: { color: '#ffffff', opacity: 1 },
  main: { color: '#ffffff', opacity: 1 },
  casing: { color: '#bdb3a3', opacity: 1 },
  railway: { color: '#8d8d8d', opacity: 1, dashArray: '8 5' },
};

/** Line widths by zoom: the basemap stays quiet far out and legible close in. */
function width(kind, rank, z) {
  const grow = Math.max(0, z - 9);
  switch (kind) {
    case 'river':
      return rank === 1 ? Math.min(48, Math.max(3, 2.2 * 2 ** (z - 9))) : Math.min(10, 1.2 + grow * (rank === 2 ? 0.9 : 0.6));
    case 'canal':
      return Math.min(8, 1.4 + grow * 0.7);
    case 'expressway':
      return Math.min(9, 1.8 + grow * 0.9);
    case 'ring_road':
    case 'trunk':
      return Math.min(8, 1.4 + grow * 0.8);
    case 'main':
      return z < 11 ? 0 : Math.min(7, 1 + grow * 0.7);
    case 'railway':
      return Math.min(3, 1 + grow * 0.3);
    default:
      return 1;
  }
}

/** The zoom from which a name is written. */
function labelZoom(f) {
  const p = f.properties;
  if (p.layer === 'place') return p.kind === 'city' ? 6 : p.kind === 'county' ? 9 : 12;
  if (p.layer === 'water') return p.rank === 1 ? 8 : p.rank === 2 ? 11 : 13;
  return 99;
}

function demoLayer(map) {
  if (!map.getPane('zaBasemap')) {
    map.createPane('zaBasemap');
    map.getPane('zaBasemap').style.zIndex = 240;
    map.getPane('zaBasemap').style.pointerEvents = 'none';
    map.createPane('zaBasemapLabels');
    // above the basemap and under the parcels (390) and plan outlines (400)
    map.getPane('zaBasemapLabels').style.zIndex = 380;
    map.getPane('zaBasemapLabels').style.pointerEvents = 'none';
  }
  const renderer = L.canvas({ pane: 'zaBasemap', padding: 0.5 });
  const group = L.featureGroup([], { attribution: escapeHtml(t('basemap.demo.stamp')) });
  const lines = []; // [layer, kind, rank, casing?]
  const labels = []; // [marker, minZoom]
  const common = { pane: 'zaBasemap', renderer, interactive: false, pmIgnore: true, snapIgnore: true };
  const restyle = () => {
    if (!group._map) return;
    const z = group._map.getZoom();
    for (const [l, kind, rank, casing] of lines) {
      const w = width(kind, rank, z);
      l.setStyle({ weight: casing ? (w > 0 ? w + 1.6 : 0) : w, opacity: w > 0 ? 1 : 0 });
    }
    for (const [m, from] of labels) {
      const on = z >= from;
      if (on && !group.hasLayer(m)) group.addLayer(m);
      else if (!on && group.hasLayer(m)) group.removeLayer(m);
    }
  };
  const relabel = () => {
    for (const [m] of labels) {
      const p = m.zaFeature.properties;
      m.setIcon(labelIcon(p));
    }
  };
  group.on('add', () => {
    map.on('zoomend', restyle);
    group.zaRelabel = relabel;
    restyle();
  });
  group.on('remove', () => map.off('zoomend', restyle));
  fetch('/basemap/demo.geojson', { headers: { Accept: 'application/geo+json' } })
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error('HTTP ' + r.status))))
    .then((fc) => {
      group.zaSourceNote = pick(fc.source_note_zh, fc.source_note_en);
      const order = ['boundary', 'urban', 'water', 'rail', 'road'];
      const feats = fc.features.slice().sort((a, b) => order.indexOf(a.properties.layer) - order.indexOf(b.properties.layer)
        || roadRank(a) - roadRank(b));
      for (const f of feats) {
        const p = f.properties;
        if (p.layer === 'place') {
          labels.push([labelMarker(f, f.geometry.coordinates), labelZoom(f)]);
          continue;
        }
        if (p.layer === 'boundary' || p.layer === 'urban') {
          group.addLayer(L.geoJSON(f, { ...common, style: () => DEMO[p.layer] }));
          continue;
        }
        if (p.layer === 'road') {
          const casing = L.geoJSON(f, { ...common, style: () => ({ ...DEMO.casing, lineCap: 'round' }) });
          group.addLayer(casing);
          casing.eachLayer((l) => lines.push([l, p.kind, p.rank, true]));
        }
        const style = p.layer === 'water' ? DEMO.water : p.layer === 'rail' ? DEMO.railway : DEMO[p.kind] || DEMO.main;
        const layer = L.geoJSON(f, { ...common, style: () => ({ ...style, lineCap: 'round' }) });
        group.addLayer(layer);
        layer.eachLayer((l) => lines.push([l, p.layer === 'rail' ? 'railway' : p.kind, p.rank]));
        if (p.layer === 'water' && p.label_at) labels.push([labelMarker(f, p.label_at), labelZoom(f)]);
      }
      group.zaLoaded = true;
      restyle();
      group.fire('zaloaded');
    })
    .catch((e) => console.warn('the demo basemap could not be loaded: ' + e.message));
  return group;

  function labelMarker(f, at) {
    const m = L.marker([at[1], at[0]], {
      pane: 'zaBasemapLabels', interactive: false, keyboard: false, pmIgnore: true, snapIgnore: true, icon: labelIcon(f.properties),
    });
    m.zaFeature = f;
    return m;
  }
}

function roadRank(f) {
  return ['main', 'trunk', 'ring_road', 'expressway'].indexOf(f.properties.kind);
}

function labelIcon(p) {
  const cls = 'za-bm-label za-bm-' + p.layer + ' za-bm-' + p.kind;
  return L.divIcon({ className: cls, html: '<span>' + escapeHtml(pick(p.name_zh, p.name_en)) + '</span>', iconSize: null });
}

// ---- the note in the map's corner ----------------------------------------------------------

/**
 * A small box at the bottom left: "示意底图，非测绘成果" while the demo basemap shows, and the map's
 * 审图号 (map.review.number) whenever one is configured. update(basemapId) after a change.
 */
export function mapNote(map, c) {
  const Note = L.Control.extend({
    onAdd() {
      const el = L.DomUtil.create('div', 'za-mapnote');
      L.DomEvent.disableClickPropagation(el);
      return el;
    },
  });
  const note = new Note({ position: 'bottomleft' }).addTo(map);
  let shown = null;
  return {
    update(basemapId, sourceNote) {
      shown = basemapId;
      const el = note.getContainer();
      const parts = [];
      if (basemapId === 'demo') parts.push(`<span class="za-mapnote-demo" title="${escapeHtml(sourceNote || t('basemap.demo.note'))}">${escapeHtml(t('basemap.demo.stamp'))}</span>`);
      if (c.reviewNumber) parts.push(`<span class="za-mapnote-review">${escapeHtml(t('basemap.review', { n: c.reviewNumber }))}</span>`);
      el.innerHTML = parts.join('');
      el.hidden = parts.length === 0;
    },
    relabel(sourceNote) {
      if (shown !== null) this.update(shown, sourceNote);
    },
  };
}

function escapeHtml(s) {
  return String(s === null || s === undefined ? '' : s)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
