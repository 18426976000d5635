// Requests as the plugin's routes name them (rlclarity_plugin/tensorboard/http_api.md): the URL
// query of a request and its key, the name an exported page records its response under.
// routeKey must give exactly what rlclarity_plugin/views.py route_key gives (Python's
// urllib.parse.urlencode of the parameters sorted by name); route_keys.json holds examples
// that routes.spec.ts and tests/test_one_data_model.py both check.

export type Params = Record<string, string | number>;

/** The cache-busting parameters: not part of a request's key. */
const UNKEYED = new Set(["v", "v_b"]);

/** A query string in the parameters' order (what the HTTP transport sends). */
export function query(params: Params): string {
  return new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
}

/** A feature variant (subdiv, expand) as the routes take it: 1 -> "1", 0.25 -> "0.25". */
export function num(x: number | string): string {
  return String(Number(x));
}

const SAFE = /[A-Za-z0-9_.~-]/;
const utf8 = new TextEncoder();

/** One value as Python's urllib.parse.quote_plus writes it: UTF-8, space as "+", every byte
 * but A-Z a-z 0-9 _ . - ~ as %XX (upper-case hex). */
export function quotePlus(s: string): string {
  let out = "";
  for (const b of utf8.encode(s)) {
    const c = String.fromCharCode(b);
    if (b < 128 && SAFE.test(c)) out += c;
    else if (b === 32) out += "+";
    else out += "%" + b.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}

/** The key of a request: ROUTE?name=value&... sorted by name (code units, as Python sorts
 * strings of the Basic Multilingual Plane), v / v_b left out. */
export function routeKey(route: string, params: Params): string {
  const items = Object.entries(params)
    .filter(([k]) => !UNKEYED.has(k))
    .map(([k, v]) => [k, String(v)] as const)
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  return `${route}?${items.map(([k, v]) => `${quotePlus(k)}=${quotePlus(v)}`).join("&")}`;
}
