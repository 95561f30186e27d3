// The page's state in its URL query, so a link sent over WeChat opens the same view: map centre
// and zoom, visible layers, basemap, selected feature, language, and whatever panels store.
// The query (not the #fragment) is used because some in-app browsers drop fragments when sharing.

/** Keys the map itself uses; panels pick other names. */
export const RESERVED = ['z', 'c', 'l', 'b', 's', 'lang', 'pc', 't'];

let params = new URLSearchParams(location.search);
let timer = null;

function encode(v) {
  // keep the link readable: commas, colons and slashes need no escaping in a query value
  return encodeURIComponent(v).replace(/%2C/gi, ',').replace(/%3A/gi, ':').replace(/%2F/gi, '/');
}

function query() {
  const parts = [];
  for (const [k, v] of params) parts.push(encode(k) + '=' + encode(v));
  return parts.join('&');
}

function write() {
  timer = null;
  const q = query();
  const url = location.pathname + (q ? '?' + q : '') + location.hash;
  if (url !== location.pathname + location.search + location.hash) history.replaceState(history.state, '', url);
}

function schedule() {
  if (timer) clearTimeout(timer);
  timer = setTimeout(write, 120);
}

function put(key, value) {
  if (value === null || value === undefined || value === '') params.delete(key);
  else params.set(key, String(value));
  schedule();
}

/** For the map's own keys. */
export function setInternal(key, value) {
  put(key, value);
}

export const permalink = {
  get(key) {
    return params.get(key);
  },
  /** Stores a value in the URL (null or '' removes it). The map's own keys are refused. */
  set(key, value) {
    if (RESERVED.includes(key)) {
      console.warn('ZA.permalink: "' + key + '" is used by the map itself; choose another key');
      return;
    }
    put(key, value);
  },
  /** The full link for the current state. */
  url() {
    const q = query();
    return location.origin + location.pathname + (q ? '?' + q : '');
  },
  /** Writes pending changes to the address bar now. */
  flush() {
    if (timer) {
      clearTimeout(timer);
      write();
    }
  },
};
