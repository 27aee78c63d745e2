// Talking to the ftfwatch API on the same origin. Errors arrive as
// {"error": {"status", "code", "message"}}; ApiError carries them.
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function parse(res) {
  const text = await res.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(res.status, 'bad_json', `HTTP ${res.status}: not JSON`);
  }
  if (!res.ok) {
    const e = body && body.error ? body.error : {};
    throw new ApiError(res.status, e.code || 'error', e.message || `HTTP ${res.status}`);
  }
  return body;
}

const cache = new Map();

// Forgets every cached answer: after a write (a review decision) the data has changed.
export function clearCache() { cache.clear(); }

// GET /api/<path> with query params (arrays become comma lists; empty values are dropped).
export async function get(path, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    q.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const url = `api/${path}${q.toString() ? '?' + q : ''}`;
  if (cache.has(url)) return cache.get(url);
  const p = fetch(url, { headers: { Accept: 'application/json' } }).then(parse);
  cache.set(url, p);
  p.catch(() => cache.delete(url));
  return p;
}

export async function post(path, body, contentType = 'application/json') {
  const res = await fetch(`api/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': contentType, Accept: 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return parse(res);
}

// Every page of /api/claims for `params` (pagesize 1000), concatenated.
export async function allClaims(params = {}) {
  const out = [];
  let page = 1;
  for (;;) {
    const r = await get('claims', { ...params, page, pagesize: 1000 });
    out.push(...r.claims);
    if (!r.next_page) return out;
    page = r.next_page;
  }
}

// The value, or null when the endpoint answers 501 (a stage not built into this server).
export async function optional(promise) {
  try {
    return await promise;
  } catch (e) {
    if (e instanceof ApiError && e.status === 501) return null;
    throw e;
  }
}
