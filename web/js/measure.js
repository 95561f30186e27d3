// Measuring distance and area on the map with Geoman's drawing. Figures are geodesic on the
// WGS84 ellipsoid (GeographicLib, the same algorithm as the server; CGCS2000 differs by far less
// than a parcel's rounding), never in degrees; areas in mu and hectares.

import { t } from './i18n.js';
import { fmt } from './layers.js';

const M2_PER_MU = 10000 / 15;
const STYLE = { color: '#d500f9', weight: 3, fillColor: '#d500f9', fillOpacity: 0.12, dashArray: '6 4' };

function geod() {
  return window.geodesic && window.geodesic.Geodesic.WGS84;
}

export function lengthM(latlngs) {
  const g = geod();
  let s = 0;
  for (let i = 1; i < latlngs.length; i++) {
    s += g.Inverse(latlngs[i - 1].lat, latlngs[i - 1].lng, latlngs[i].lat, latlngs[i].lng).s12;
  }
  return s;
}

export function areaM2(latlngs) {
  const p = geod().Polygon(false);
  for (const ll of latlngs) p.AddPoint(ll.lat, ll.lng);
  const r = p.Compute(false, true);
  return { area: Math.abs(r.area), perimeter: r.perimeter };
}

export function formatLength(m) {
  return m >= 1000 ? fmt(m / 1000, 2) + ' ' + t('unit.km') : fmt(m, 0) + ' ' + t('unit.m');
}

export function formatArea(m2) {
  return fmt(m2 / M2_PER_MU, m2 / M2_PER_MU < 100 ? 2 : 1) + ' ' + t('unit.mu') + ' · ' + fmt(m2 / 10000, 2) + ' ' + t('unit.ha');
}

function flat(latlngs) {
  let a = latlngs;
  while (Array.isArray(a[0])) a = a[0];
  return a;
}

function describe(shape, layer) {
  const ll = flat(layer.getLatLngs());
  if (shape === 'Line') return t('measure.length') + ' ' + formatLength(lengthM(ll));
  const r = areaM2(ll);
  return formatArea(r.area) + '<br>' + t('measure.perimeter') + ' ' + formatLength(r.perimeter);
}

/**
 * A control with Distance / Area / Clear buttons.
 * @param setBusy called with true while a shape is being drawn (feature clicks are ignored then)
 */
export function initMeasure(map, setBusy) {
  const measured = [];
  let mode = null;
  let liveLayer = null;
  const box = L.DomUtil.create('div', 'leaflet-bar za-measure');
  const readout = L.DomUtil.create('div', 'za-measure-readout');
  readout.hidden = true;
  const buttons = {};
  for (const key of ['distance', 'area', 'clear']) {
    const b = L.DomUtil.create('a', 'za-measure-' + key, box);
    b.href = '#';
    b.setAttribute('role', 'button');
    b.dataset.key = key;
    buttons[key] = b;
    L.DomEvent.on(b, 'click', (e) => {
      L.DomEvent.stop(e);
      if (key === 'clear') clear();
      else start(key === 'distance' ? 'Line' : 'Polygon');
    });
  }
  L.DomEvent.disableClickPropagation(box);

  const Control = L.Control.extend({
    onAdd() {
      const wrap = L.DomUtil.create('div', 'za-measure-wrap');
      wrap.appendChild(box);
      wrap.appendChild(readout);
      return wrap;
    },
  });
  new Control({ position: 'topleft' }).addTo(map);

  function start(shape) {
    if (mode === shape) {
      stop();
      return;
    }
    if (map.pm.globalDrawModeEnabled()) map.pm.disableDraw();
    mode = shape;
    setBusy(true);
    buttons.distance.classList.toggle('active', shape === 'Line');
    buttons.area.classList.toggle('active', shape === 'Polygon');
    readout.hidden = false;
    readout.textContent = t('measure.hint');
    map.pm.enableDraw(shape, {
      snappable: false,
      continueDrawing: false,
      templineStyle: STYLE,
      hintlineStyle: Object.assign({}, STYLE, { dashArray: '2 6' }),
      pathOptions: STYLE,
      tooltips: true,
      finishOn: null,
    });
  }

  function stop() {
    mode = null;
    setBusy(false);
    buttons.distance.classList.remove('active');
    buttons.area.classList.remove('active');
    if (map.pm.globalDrawModeEnabled()) map.pm.disableDraw();
  }

  function clear() {
    stop();
    measured.splice(0).forEach((l) => map.removeLayer(l));
    readout.hidden = true;
  }

  map.on('pm:drawstart', (e) => {
    if (!mode) return;
    liveLayer = e.workingLayer;
    liveLayer.on('pm:vertexadded', () => {
      const ll = liveLayer.getLatLngs();
      if (ll.length < 2) return;
      readout.innerHTML = mode === 'Line' ? describe('Line', liveLayer)
        : ll.length >= 3 ? formatArea(areaM2(ll).area) : formatLength(lengthM(ll));
    });
  });

  map.on('pm:create', (e) => {
    if (!mode || (e.shape !== 'Line' && e.shape !== 'Polygon')) return;
    const text = describe(e.shape, e.layer);
    e.layer.setStyle(STYLE);
    e.layer.options.zaMeasure = true;
    e.layer.bindTooltip(text, { permanent: true, direction: 'center', className: 'za-measure-label' }).openTooltip();
    measured.push(e.layer);
    readout.innerHTML = text;
    stop();
  });

  map.on('pm:drawend', () => {
    if (mode) stop();
  });

  return {
    /** The vertices of every measured shape, [[{lat, lng}, ...], ...] (tests compare the figures). */
    shapes() {
      return measured.map((l) => flat(l.getLatLngs()).map((ll) => ({ lat: ll.lat, lng: ll.lng })));
    },
    relabel() {
      buttons.distance.textContent = t('measure.distance');
      buttons.area.textContent = t('measure.area');
      buttons.clear.textContent = t('measure.clear');
      buttons.distance.title = t('measure.distance');
      buttons.area.title = t('measure.area');
      buttons.clear.title = t('measure.clear');
      measured.forEach((l) => {
        const shape = l instanceof L.Polygon ? 'Polygon' : 'Line';
        l.setTooltipContent(describe(shape, l));
      });
    },
  };
}
