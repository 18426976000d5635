// Where the interface gets its data: one RouteSource (the payloads of the plugin's routes,
// rlclarity_plugin/tensorboard/http_api.md, decoded once here) over a transport that answers
// a route's request: HttpTransport fetches it (the TensorBoard tab, relative URLs), an exported
// page's EmbeddedTransport (embedded.ts) looks it up among the responses the export recorded.
import { decodePlanes } from "./codec";
import { firstLine, LoadError } from "./notices";
import { num, query, routeKey, type Params } from "./routes";

export { num, type Params } from "./routes";

export interface RunInfo { run: string; steps: number[] }
export interface Problem { run: string; step: number | null; message: string }
export interface RunList { runs: RunInfo[]; problems: Problem[] }
/** An analysed layer; the input pseudo-layer lists its `channels` (label and colour of each
 * input channel: R, G, B, or the frames of a stack). */
export interface Layer {
  name: string; shape: number[]; kind: string; features: number;
  channels?: { label: string; color: string }[];
  /** synthetic feature pictures (analyse --feature-vis synthetic): the /synthetic sheet */
  feature_vis?: FeatureVis | null;
}
/** Synthetic (optimisation-based) feature pictures of a layer (schema.FeatureVisInfo): the
 * /synthetic sheet has a row per objective and a column per picture (the `features` NMF
 * features, then `channels` channels), each the observation size; `activation[o][j]` is
 * objective o reached by picture j, `dataset_max[o][j]` its highest value over the sampled
 * observations. */
export interface FeatureVis {
  objectives: string[]; features: number; channels: number; steps: number; seed: number;
  activation: number[][]; dataset_max: number[][];
}
/** A mean over episodes and its standard error (schema.Estimate). */
export interface Estimate { mean: number; stderr: number }
/** An edited agent evaluated against the original on the same levels (schema.EditResult):
 * `kind` "features" (the layer's NMF `features` projected out) or "random" (the control);
 * deltas are paired, edited minus original; success where the environment reports it. */
export interface EditResult {
  label: string; kind: "features" | "random"; layer: string; features: number[];
  episodes: number; seed: number;
  return_original: Estimate; return_edited: Estimate; return_delta: Estimate;
  success_original?: Estimate | null; success_edited?: Estimate | null; success_delta?: Estimate | null;
  failures?: { cause: string; original: number; edited: number }[];
  note?: string; check_next_layer?: number | null; check_scale?: number | null;
  checkpoint?: string | null; run?: string | null;
}
/** (trajectory, frame) pairs, 0-based */
export type Marks = [number, number][];
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
  /** high / low advantage; diverge / failed only in an edited agent's analysis (store
   * version 2 manifests written before model editing lack them) */
  bookmarks: { high: Marks; low: Marks; diverge?: Marks; failed?: Marks };
  feature_colors: string[];
  features: { subdiv_mults: number[]; expand_mults: number[]; subdiv_default: number; expand_default: number };
  assets: { frame_columns: number; sheet_size: number; sheet_columns: number };
  /** IG completeness error over the hidden-layer units: per frame, and relative to each unit's
   * mean |F(a) - F(0)| (robust where F(a) ~ F(0)) */
  completeness: { per_frame: Stats; unit_scaled: Stats } | null;
  /** human-scale frames beside the model input (rl-clarity analyze --full-resolution) */
  full_resolution?: { type: string; shape: number[] } | null;
  /** model-editing results recorded for this analysis (rl-clarity edit / evaluate) */
  edits?: EditResult[];
  /** the checkpoint's metadata as stored (an edited agent's holds `edits`: see edits.ts) */
  agent?: Record<string, unknown>;
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
export type ImageKind = "frames" | "scrub" | "observations" | "thumbnails" | "synthetic" | "feature";
export type Ref = { run: string; step: number };
type At = { traj: number; frame: number } | { obs: number };

export interface DataSource {
  /** a standalone page (no TensorBoard host to follow) */
  readonly embedded: boolean;
  /** the two analyses a standalone compare page was exported for */
  readonly compare?: { a: Ref; b: Ref };
  runs(refresh?: boolean): Promise<RunList>;
  /** fresh: ask again (a republished manifest: new edit results or bookmarks) */
  manifest(run: string, step: number, fresh?: boolean): Promise<Manifest>;
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
  fullFrame(run: string, step: number, at: At): Promise<HTMLImageElement>;
}

/** How a route's request is answered. A response is the route's: `json` its JSON value,
 * `bytes` its body as a client receives it (after Content-Encoding), `image` its picture. */
export interface Transport {
  readonly embedded: boolean;
  readonly compare?: { a: Ref; b: Ref };
  json(route: string, params: Params): Promise<unknown>;
  bytes(route: string, params: Params): Promise<Uint8Array>;
  image(route: string, params: Params): Promise<HTMLImageElement>;
}

/** The interface's data source: requests of the routes through a transport, their payloads
 * decoded and kept (most recently used; attribution arrays within a byte budget, human-scale
 * frames the 96 most recent). Per-analysis requests carry `v`, the first 12 hex digits of
 * the manifest's digest, so that a re-analysed step is never served from a stale cache. */
export class RouteSource implements DataSource {
  // Attribution arrays are the big items (a layer-1a unit of 512 frames is 38 MB): the least
  // recently used are dropped beyond this many bytes.
  static attributionBudget = 384 * 2 ** 20;
  static fullFrames = 96;
  private cache = new Map<string, Promise<unknown>>();
  private attributionBytes = new Map<string, number>();
  private full = new Map<string, Promise<HTMLImageElement>>();
  private digests = new Map<string, string>();

  constructor(readonly transport: Transport) {}

  get embedded(): boolean { return this.transport.embedded; }
  get compare(): { a: Ref; b: Ref } | undefined { return this.transport.compare; }

  /** A per-analysis request's parameters: run, step, the route's, then v. */
  private params(run: string, step: number, extra: Params = {}): Params {
    const v = this.digests.get(`${run}\u0000${step}`);
    return { run, step, ...extra, ...(v ? { v } : {}) };
  }

  private memo<T>(route: string, params: Params, make: () => Promise<T>): Promise<T> {
    const key = `${routeKey(route, params)}#${params.v ?? ""}/${params.v_b ?? ""}`;
    let p = this.cache.get(key) as Promise<T> | undefined;
    if (p) {
      this.cache.delete(key); // most recently used last
      this.cache.set(key, p);
      return p;
    }
    p = make();
    this.cache.set(key, p);
    p.catch(() => this.cache.delete(key));
    if (route === "attribution") {
      p.then((q) => {
        if (this.cache.get(key) !== p) return;
        this.attributionBytes.set(key, (q as Int16Array).byteLength);
        this.trimAttributions();
      }, () => this.attributionBytes.delete(key));
    }
    return p;
  }

  private trimAttributions(): void {
    let total = 0;
    for (const n of this.attributionBytes.values()) total += n;
    for (const key of this.cache.keys()) {
      if (total <= RouteSource.attributionBudget) break;
      const n = this.attributionBytes.get(key);
      if (n === undefined) continue;
      this.cache.delete(key);
      this.attributionBytes.delete(key);
      total -= n;
    }
  }

  private json<T>(route: string, params: Params): Promise<T> {
    return this.memo(route, params, () => this.transport.json(route, params) as Promise<T>);
  }

  async runs(refresh = false): Promise<RunList> {
    return (await this.transport.json("runs", refresh ? { refresh: 1 } : {})) as RunList;
  }

  manifest(run: string, step: number, fresh = false): Promise<Manifest> {
    const params = { run, step };
    if (fresh) this.cache.delete(`${routeKey("manifest", params)}#/`);
    return this.memo("manifest", params, async () => {
      const m = (await this.transport.json("manifest", params)) as Manifest;
      this.digests.set(`${run}\u0000${step}`, (m.digest || "").slice(0, 12));
      return m;
    });
  }

  series(run: string, step: number, traj: number): Promise<Series> {
    return this.json("series", this.params(run, step, { traj }));
  }

  unit(run: string, step: number, layer: string, traj: number, output: string): Promise<Unit> {
    return this.json("unit", this.params(run, step, { layer, traj, output }));
  }

  attribution(run: string, step: number, layer: string, traj: number, output: string): Promise<Int16Array> {
    const params = this.params(run, step, { layer, traj, output });
    return this.memo("attribution", params, async () => {
      const [unit, body] = await Promise.all([this.unit(run, step, layer, traj, output),
                                              this.transport.bytes("attribution", params)]);
      return decodePlanes(body, unit.shape, unit.codec);
    });
  }

  featureGrid(run: string, step: number, layer: string, feature: number, subdiv: number,
              expand: number): Promise<FeatureGrid> {
    return this.json("feature_grid", this.params(run, step, { layer, feature, subdiv: num(subdiv),
                                                              expand: num(expand) }));
  }

  match(run: string, step: number, runB: string, stepB: number, layer: string): Promise<Match> {
    return this.json("match", { ...this.params(run, step), run_b: runB, step_b: stepB, layer,
                                v_b: this.digests.get(`${runB}\u0000${stepB}`) ?? "" });
  }

  image(kind: ImageKind, run: string, step: number, params: Params): Promise<HTMLImageElement> {
    const extra = kind === "feature"
      ? { ...params, subdiv: num(params.subdiv), expand: num(params.expand) } : params;
    const p = this.params(run, step, extra);
    return this.memo(kind, p, () => this.transport.image(kind, p));
  }

  // human-scale frames: one request each, the most recent kept (decoded they are ~1 MB each)
  fullFrame(run: string, step: number, at: At): Promise<HTMLImageElement> {
    const params = this.params(run, step, at as Params);
    const key = `${routeKey("fullres", params)}#${params.v ?? ""}`;
    let p = this.full.get(key);
    if (p) {
      this.full.delete(key);
    } else {
      p = this.transport.image("fullres", params);
      p.catch(() => this.full.delete(key));
    }
    this.full.set(key, p);
    while (this.full.size > RouteSource.fullFrames) this.full.delete(this.full.keys().next().value!);
    return p;
  }
}

/** The TensorBoard tab's transport: GET ./ROUTE?QUERY (the parameters in their order). */
export class HttpTransport implements Transport {
  readonly embedded = false;

  constructor(private base = "./") {}

  url(route: string, params: Params): string {
    return `${this.base}${route}?${query(params)}`;
  }

  private async get(route: string, params: Params): Promise<Response> {
    const res = await fetch(this.url(route, params));
    if (!res.ok) throw new LoadError(route, res.status, firstLine(await res.text()));
    return res;
  }

  async json(route: string, params: Params): Promise<unknown> {
    return (await this.get(route, params)).json();
  }

  async bytes(route: string, params: Params): Promise<Uint8Array> {
    return new Uint8Array(await (await this.get(route, params)).arrayBuffer());
  }

  image(route: string, params: Params): Promise<HTMLImageElement> {
    const url = this.url(route, params);
    // a picture that fails: ask again for the server's one-line reason (only then: pictures
    // load as <img> for speed)
    return loadImage(url).catch(async () => {
      let res: Response;
      try {
        res = await fetch(url);
      } catch (e) {
        throw new LoadError(route, 0, `no answer (${String(e)})`);
      }
      throw res.ok ? new LoadError(route, 0, "the picture could not be decoded")
        : new LoadError(route, res.status, firstLine(await res.text()));
    });
  }
}

export function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new LoadError("picture", 0, "the picture could not be decoded"));
    img.src = url;
  });
}
