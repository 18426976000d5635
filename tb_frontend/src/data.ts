// Where the interface gets its data. TensorBoardSource fetches the plugin's routes (relative
// URLs, see rlclarity_plugin/tensorboard/http_api.md); an embedded source (standalone export)
// implements the same interface.
import { decodePlanes } from "./codec";

export interface RunInfo { run: string; steps: number[] }
export interface Problem { run: string; step: number | null; message: string }
export interface RunList { runs: RunInfo[]; problems: Problem[] }
/** An analysed layer; the input pseudo-layer lists its `channels` (label and colour of each
 * input channel: R, G, B, or the frames of a stack). */
export interface Layer {
  name: string; shape: number[]; kind: string; features: number;
  channels?: { label: string; color: string }[];
}
export interface Stats { median: number; p95: number }
export interface Output { key: string; kind: "v" | "logit" | "group"; index: number; actions: number[] }
export interface Manifest {
  run: string; step: number; digest: string;
  env: { kind: string; name: string };
  action_combos: string[][];
  action_groups: { name: string; actions: number[] }[];
  probe_set: { trajectories: number; steps: number; observations: number; observation_shape: number[];
               id?: string; display?: string };
  layers: Layer[];
  default_layer: string;
  outputs: Output[];
  bookmarks: { high: [number, number][]; low: [number, number][] };
  feature_colors: string[];
  features: { subdiv_mults: number[]; expand_mults: number[]; subdiv_default: number; expand_default: number };
  assets: { frame_columns: number; sheet_size: number; sheet_columns: number };
  /** IG completeness error over the hidden-layer units: per frame, and relative to each unit's
   * mean |F(a) - F(0)| (robust where F(a) ~ F(0)) */
  completeness: { per_frame: Stats; unit_scaled: Stats } | null;
  /** human-scale frames beside the model input (rl-clarity analyze --full-resolution) */
  full_resolution?: { type: string; shape: number[] } | null;
}
export interface Series {
  values: number[]; advantages: number[]; rewards: number[]; dones: number[];
  firsts: number[]; actions: number[]; logits: number[][];
}
/** One (layer, trajectory, output) of attribution (schema.AttributionUnit): maps of `shape`
 * [T, h, w, C] stored with `codec` and per-frame quantisation `steps`, shown as value / `scale`;
 * hidden layers also have per-frame channel `totals` (C) and `delta` = F(a) - F(0). */
export interface Unit {
  shape: number[]; codec: string; steps: number[]; scale: number;
  totals?: number[][] | null; delta?: number[] | null;
}
/** Where each cell of a feature picture comes from: padded-pixel bounds per grid row / column
 * (the observation sits at [pad, pad + H) x [pad, pad + W)). */
export interface FeatureLayout {
  rows_lo: number[]; rows_hi: number[]; cols_lo: number[]; cols_hi: number[];
  pad_rows: number; pad_cols: number;
}
export interface FeatureGrid { rows: number; cols: number; indices: number[]; layout?: FeatureLayout }
/** Shared navigation of the compare view: one timeline drives both panes. */
export interface Nav { traj: number; frame: number; layer: string }
/** Feature matching of one layer between analyses A and B (see the /match route). */
export interface Match {
  layer: string; shared_probe_set: boolean; method: "attribution" | "components" | null;
  reason: string; similarity: number[][]; pairs: [number, number, number][];
  colors_a: string[]; colors_b: string[]; unmatched_a: number[]; unmatched_b: number[];
}
export type ImageKind = "frames" | "scrub" | "observations" | "thumbnails" | "feature";
export type Params = Record<string, string | number>;

export interface DataSource {
  runs(refresh?: boolean): Promise<RunList>;
  manifest(run: string, step: number): Promise<Manifest>;
  series(run: string, step: number, traj: number): Promise<Series>;
  unit(run: string, step: number, layer: string, traj: number, output: string): Promise<Unit>;
  /** the unit's integer maps, channel-planar (C, T, h, w); value = q * unit.steps[t] */
  attribution(run: string, step: number, layer: string, traj: number, output: string): Promise<Int16Array>;
  featureGrid(run: string, step: number, layer: string, feature: number, subdiv: number,
              expand: number): Promise<FeatureGrid>;
  image(kind: ImageKind, run: string, step: number, params: Params): Promise<HTMLImageElement>;
  match(run: string, step: number, runB: string, stepB: number, layer: string): Promise<Match>;
  /** a human-scale frame: {traj, frame} of a trajectory or {obs} (only when the manifest has
   * full_resolution) */
  fullFrame(run: string, step: number, at: { traj: number; frame: number } | { obs: number }):
    Promise<HTMLImageElement>;
}

function query(params: Params): string {
  return new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
}

export function num(x: number): string {
  return String(Number(x)); // 1 -> "1", 0.25 -> "0.25": what the backend accepts
}

export class TensorBoardSource implements DataSource {
  private cache = new Map<string, Promise<unknown>>();
  private digests = new Map<string, string>();

  constructor(private base = "./") {}

  private async get(route: string, params: Params, kind: "json" | "bytes"): Promise<unknown> {
    const url = `${this.base}${route}?${query(params)}`;
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${route}: ${res.status} ${(await res.text()).slice(0, 300)}`);
    return kind === "json" ? res.json() : res.arrayBuffer();
  }

  private memo<T>(key: string, make: () => Promise<T>): Promise<T> {
    let p = this.cache.get(key) as Promise<T> | undefined;
    if (p) {
      this.cache.delete(key); // most recently used last
      this.cache.set(key, p);
      return p;
    }
    p = make();
    this.cache.set(key, p);
    p.catch(() => this.cache.delete(key));
    return p;
  }

  // Attribution arrays are the big items (a layer-1a unit of 512 frames is 38 MB): the least
  // recently used are dropped beyond this many bytes.
  static attributionBudget = 384 * 2 ** 20;
  private attributionBytes = new Map<string, number>();

  private trimAttributions(): void {
    let total = 0;
    for (const n of this.attributionBytes.values()) total += n;
    for (const key of this.cache.keys()) {
      if (total <= TensorBoardSource.attributionBudget) break;
      const n = this.attributionBytes.get(key);
      if (n === undefined) continue;
      this.cache.delete(key);
      this.attributionBytes.delete(key);
      total -= n;
    }
  }

  private params(run: string, step: number, extra: Params = {}): Params {
    const v = this.digests.get(`${run}\u0000${step}`);
    return { run, step, ...extra, ...(v ? { v } : {}) };
  }

  async runs(refresh = false): Promise<RunList> {
    return (await this.get("runs", refresh ? { refresh: 1 } : {}, "json")) as RunList;
  }

  manifest(run: string, step: number): Promise<Manifest> {
    return this.memo(`m/${run}/${step}`, async () => {
      const m = (await this.get("manifest", { run, step }, "json")) as Manifest;
      this.digests.set(`${run}\u0000${step}`, (m.digest || "").slice(0, 12));
      return m;
    });
  }

  series(run: string, step: number, traj: number): Promise<Series> {
    return this.memo(`s/${run}/${step}/${traj}`, () =>
      this.get("series", this.params(run, step, { traj }), "json") as Promise<Series>);
  }

  unit(run: string, step: number, layer: string, traj: number, output: string): Promise<Unit> {
    return this.memo(`u/${run}/${step}/${layer}/${traj}/${output}`, () =>
      this.get("unit", this.params(run, step, { layer, traj, output }), "json") as Promise<Unit>);
  }

  attribution(run: string, step: number, layer: string, traj: number, output: string): Promise<Int16Array> {
    const key = `a/${run}/${step}/${layer}/${traj}/${output}`;
    return this.memo(key, async () => {
      const [unit, body] = await Promise.all([
        this.unit(run, step, layer, traj, output),
        this.get("attribution", this.params(run, step, { layer, traj, output }), "bytes")]);
      const q = decodePlanes(new Uint8Array(body as ArrayBuffer), unit.shape, unit.codec);
      if (this.cache.has(key)) {
        this.attributionBytes.set(key, q.byteLength);
        this.trimAttributions();
      }
      return q;
    });
  }

  featureGrid(run: string, step: number, layer: string, feature: number, subdiv: number,
              expand: number): Promise<FeatureGrid> {
    return this.memo(`g/${run}/${step}/${layer}/${feature}/${subdiv}/${expand}`, () =>
      this.get("feature_grid", this.params(run, step, { layer, feature, subdiv: num(subdiv),
                                                        expand: num(expand) }), "json") as Promise<FeatureGrid>);
  }

  match(run: string, step: number, runB: string, stepB: number, layer: string): Promise<Match> {
    return this.memo(`x/${run}/${step}/${runB}/${stepB}/${layer}`, () =>
      this.get("match", { ...this.params(run, step), run_b: runB, step_b: stepB, layer,
                          v_b: this.digests.get(`${runB}\u0000${stepB}`) ?? "" },
               "json") as Promise<Match>);
  }

  // human-scale frames: one request each, the most recent kept (decoded they are ~1 MB each)
  private full = new Map<string, Promise<HTMLImageElement>>();
  fullFrame(run: string, step: number, at: { traj: number; frame: number } | { obs: number }):
      Promise<HTMLImageElement> {
    const url = `${this.base}fullres?${query(this.params(run, step, at as Params))}`;
    let p = this.full.get(url);
    if (p) {
      this.full.delete(url);
    } else {
      p = loadImage(url);
      p.catch(() => this.full.delete(url));
    }
    this.full.set(url, p);
    while (this.full.size > 96) this.full.delete(this.full.keys().next().value!);
    return p;
  }

  image(kind: ImageKind, run: string, step: number, params: Params): Promise<HTMLImageElement> {
    const url = `${this.base}${kind}?${query(this.params(run, step, params))}`;
    return this.memo(`i/${url}`, () => loadImage(url));
  }
}

export function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error(`could not load ${url.split("?")[0]}`));
    img.src = url;
  });
}
