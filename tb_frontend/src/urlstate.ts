// The view in the URL, so that it can be shared: the iframe's own hash, and TensorBoard's
// deep-link form "#rl_clarity&p.rl_clarity.KEY=VALUE" in the host page (read at start, kept up
// to date when the host allows it). Trajectory and frame are 1-based in the URL, as the original.

export interface ViewState {
  run: string; step: number; layer: string; traj: number; frame: number; rows: string[];
  abs: boolean; overlay: boolean; residual: boolean;
  // the compare view: analysis B, and B's own position when the panes navigate independently
  run_b?: string; step_b?: number; traj_b?: number; frame_b?: number;
}

const PREFIX = "p.rl_clarity.";

const NUMBERS = new Set(["step", "traj", "frame", "step_b", "traj_b", "frame_b"]);
const KNOWN = new Set([...NUMBERS, "run", "layer", "rows", "abs", "overlay", "residual", "run_b"]);

function parse(pairs: [string, string][], invalid: string[] = []): Partial<ViewState> {
  const s: Partial<ViewState> = {};
  for (const [k, v] of pairs) {
    if (NUMBERS.has(k) && !/^\d+$/.test(v)) {
      invalid.push(`${k} "${v}" is not a number: left out`);
      continue;
    }
    if (k === "run") s.run = v;
    else if (k === "step") s.step = Number(v);
    else if (k === "layer") s.layer = v;
    else if (k === "traj") s.traj = Number(v) - 1;
    else if (k === "frame") s.frame = Number(v) - 1;
    else if (k === "rows") s.rows = v.split(",").filter(Boolean);
    else if (k === "abs" || k === "overlay" || k === "residual") s[k] = v === "1";
    else if (k === "run_b") s.run_b = v;
    else if (k === "step_b") s.step_b = Number(v);
    else if (k === "traj_b") s.traj_b = Number(v) - 1;
    else if (k === "frame_b") s.frame_b = Number(v) - 1;
  }
  return s;
}

function hostHash(): string {
  try {
    return window.parent !== window ? window.parent.location.hash : "";
  } catch {
    return "";
  }
}

/** A link: the view it asks for, and what of it could not be read (one sentence each). */
export interface Link { view: Partial<ViewState>; invalid: string[] }

function pairsOf(own: string, host: string): [string, string][] {
  const mine = new URLSearchParams(own.replace(/^#/, ""));
  if ([...mine.keys()].some((k) => KNOWN.has(k))) return [...mine.entries()];
  const theirs = new URLSearchParams(host.replace(/^#/, "").replace(/^[^&=]*&?/, ""));
  return [...theirs.entries()].filter(([k]) => k.startsWith(PREFIX))
    .map(([k, v]) => [k.slice(PREFIX.length), v]);
}

/** The link of a hash: the iframe's own ("#run=..&frame=..") or, when that has none, the
 * TensorBoard host page's ("#rl_clarity&p.rl_clarity.run=.."). Values that do not parse (a
 * frame that is not a number) are left out and listed in `invalid`. */
export function parseLink(own: string, host = ""): Link {
  const invalid: string[] = [];
  return { view: parse(pairsOf(own, host), invalid), invalid };
}

/** The view of a hash (see parseLink). */
export function parseHash(own: string, host = ""): Partial<ViewState> {
  return parseLink(own, host).view;
}

/** The link in the host page's hash (TensorBoard's "#rl_clarity&p.rl_clarity.KEY=VALUE"), or
 * null when it holds none of ours (another tab, or the tab without a view). */
export function hostLink(host: string): Link | null {
  const link = parseLink("", host);
  return Object.keys(link.view).length || link.invalid.length ? link : null;
}

/** The page's URL with the view in its hash: absolute, so that a page whose base URL is not
 * its own (TensorBoard's plugin frame has <base href="plugin/NAME/">) keeps its address. */
export function ownUrl(href: string, s: ViewState): string {
  return href.split("#")[0] + "#" + encodeState(s);
}

export function readLink(): Link {
  return parseLink(location.hash, hostHash());
}

/** The iframe's own hash of a view (without "#"). */
export function encodeState(s: ViewState): string {
  return new URLSearchParams(encode(s)).toString();
}

/** The host page's hash with the view in TensorBoard's deep-link form: the tab and the other
 * parameters kept, ours (p.rl_clarity.*) replaced. */
export function hostHashOf(hostHash: string, s: ViewState): string {
  const parts = hostHash.replace(/^#/, "").split("&");
  const tab = parts[0] || "rl_clarity";
  const rest = new URLSearchParams(parts.slice(1).join("&"));
  for (const k of [...rest.keys()]) if (k.startsWith(PREFIX)) rest.delete(k);
  for (const [k, v] of encode(s)) rest.set(PREFIX + k, v);
  return `#${tab}&${rest.toString()}`;
}

function encode(s: ViewState): [string, string][] {
  const out: [string, string][] = [["run", s.run], ["step", String(s.step)], ["layer", s.layer],
    ["traj", String(s.traj + 1)], ["frame", String(s.frame + 1)], ["rows", s.rows.join(",")],
    ["abs", s.abs ? "1" : "0"], ["overlay", s.overlay ? "1" : "0"],
    ["residual", s.residual ? "1" : "0"]];
  if (s.run_b !== undefined && s.step_b !== undefined) {
    out.push(["run_b", s.run_b], ["step_b", String(s.step_b)]);
    if (s.traj_b !== undefined) out.push(["traj_b", String(s.traj_b + 1)]);
    if (s.frame_b !== undefined) out.push(["frame_b", String(s.frame_b + 1)]);
  }
  return out;
}

let hostSync = true;

/** Stop mirroring the view into the host page's URL (a standalone export is not in TensorBoard). */
export function disableHostSync(): void {
  hostSync = false;
}

let timer: ReturnType<typeof setTimeout> | null = null;
let pending: ViewState | null = null;
let lastHost = "";

/** The host page's hash as this page last wrote it (a hashchange to it is our own echo). */
export function lastHostHash(): string {
  return lastHost;
}

/** Drop a write not yet done (a new link is being followed: the old view must not overwrite it). */
export function cancelWrite(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  pending = null;
}

/** Write the view to the URLs, at most every 300 ms (replaceState: no history entries). */
export function writeState(s: ViewState): void {
  pending = { ...s, rows: [...s.rows] };
  if (timer) return;
  timer = setTimeout(() => {
    timer = null;
    const st = pending;
    pending = null;
    if (!st) return;
    try {
      history.replaceState(history.state, "", ownUrl(location.href, st));
    } catch { /* a sandboxed page may not change its URL */ }
    try {
      if (hostSync && window.parent !== window) {
        const next = hostHashOf(window.parent.location.hash, st);
        lastHost = next;
        window.parent.history.replaceState(window.parent.history.state, "", next);
      }
    } catch { /* the host is not ours to change */ }
  }, 300);
}
