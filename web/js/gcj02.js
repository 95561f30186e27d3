// GCJ-02 ("Mars coordinates"), the offset datum Chinese commercial maps (AMap, Tencent) must use.
// Our data is CGCS2000/WGS84; drawn unchanged on an AMap basemap it would sit a few hundred metres
// off. Instead of shifting the tiles, the map switches to a CRS whose projection first moves each
// lon/lat into GCJ-02 and then applies Web Mercator, so every layer lands where AMap draws the place.
// The offset formula is the published one used by every open converter; outside China it is zero.

const A = 6378245.0; // Krasovsky semi-major axis, as the offset formula defines it
const EE = 0.00669342162296594323;

function outsideChina(lng, lat) {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function offsetLat(x, y) {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return r;
}

function offsetLng(x, y) {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return r;
}

/** [lng, lat] in GCJ-02 for a WGS84/CGCS2000 point. */
export function wgsToGcj(lng, lat) {
  if (outsideChina(lng, lat)) return [lng, lat];
  let dLat = offsetLat(lng - 105.0, lat - 35.0);
  let dLng = offsetLng(lng - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  dLng = (dLng * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lng + dLng, lat + dLat];
}

/** The inverse, by fixed-point iteration (converges to well under a millimetre in a few steps). */
export function gcjToWgs(lng, lat) {
  if (outsideChina(lng, lat)) return [lng, lat];
  let x = lng;
  let y = lat;
  for (let i = 0; i < 20; i++) {
    const [gx, gy] = wgsToGcj(x, y);
    const dx = gx - lng;
    const dy = gy - lat;
    x -= dx;
    y -= dy;
    if (Math.abs(dx) < 1e-10 && Math.abs(dy) < 1e-10) break;
  }
  return [x, y];
}

/** A Leaflet CRS: Web Mercator of the GCJ-02-shifted position; lat/lngs stay WGS84/CGCS2000. */
export function gcjWebMercator(L) {
  const merc = L.Projection.SphericalMercator;
  const projection = {
    bounds: merc.bounds,
    project(latlng) {
      const [x, y] = wgsToGcj(latlng.lng, latlng.lat);
      return merc.project(L.latLng(y, x));
    },
    unproject(point) {
      const ll = merc.unproject(point);
      const [x, y] = gcjToWgs(ll.lng, ll.lat);
      return L.latLng(y, x);
    },
  };
  return L.extend({}, L.CRS.EPSG3857, { code: 'GCJ02:3857', projection });
}
