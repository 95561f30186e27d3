// Talking to the ZoneAtlas server: every request carries the stored login token.

const TOKEN_KEY = 'za.token';

export function token() {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch (e) {
    return null;
  }
}

export function setToken(t) {
  try {
    if (t) localStorage.setItem(TOKEN_KEY, t);
    else localStorage.removeItem(TOKEN_KEY);
  } catch (e) {
    // private mode without storage: the token lives until the page closes
  }
}

/** An error from the server: message is its description, status the HTTP status, body the parsed JSON. */
export class ApiError extends Error {
  constructor(status, body, fallback) {
    super((body && (body.description || body.message)) || fallback || 'HTTP ' + status);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}

/**
 * fetch() with the token: opts as for fetch, except that a plain-object body is sent as JSON.
 * Resolves to the Response (any status).
 */
export function rawFetch(path, opts = {}) {
  const o = Object.assign({}, opts);
  const headers = new Headers(o.headers || {});
  const t = token();
  if (t && !headers.has('Authorization')) headers.set('Authorization', 'Bearer ' + t);
  if (o.body && typeof o.body === 'object' && !(o.body instanceof FormData) && !(o.body instanceof Blob)
      && !(o.body instanceof URLSearchParams) && !(o.body instanceof ArrayBuffer)) {
    o.body = JSON.stringify(o.body);
    if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  }
  if (!headers.has('Accept')) headers.set('Accept', 'application/json, application/geo+json');
  o.headers = headers;
  return fetch(path, o);
}

/**
 * The parsed JSON of a request (text for non-JSON answers, null for 204). Rejects with ApiError
 * for HTTP errors, and with the fetch error (AbortError, TypeError) when there is no answer.
 */
export async function api(path, opts = {}) {
  const res = await rawFetch(path, opts);
  const type = res.headers.get('Content-Type') || '';
  let body = null;
  if (res.status !== 204) {
    body = type.includes('json') ? await res.json().catch(() => null) : await res.text();
  }
  if (!res.ok) throw new ApiError(res.status, typeof body === 'object' ? body : null, typeof body === 'string' ? body : null);
  return body;
}

/** The file name the server gave a download (RFC 5987 filename*, in the reader's language; else filename). */
export function downloadName(res, fallback) {
  const cd = res.headers.get('Content-Disposition') || '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch (e) {
      // a malformed name: the plain one below
    }
  }
  const plain = /filename="([^"]+)"/i.exec(cd);
  return plain ? plain[1] : fallback;
}
