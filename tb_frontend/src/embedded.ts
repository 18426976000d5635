// The data source of the standalone HTML export (rl-clarity export): everything comes from two
// elements of the page, no request is made (the page must work from file:// and inside MLflow's
// sandboxed artifact iframe). See rlclarity_plugin/export/html.py for the format.
import { decodePlanes, gunzip } from "./codec";
import { loadImage, type DataSource, type FeatureGrid, type ImageKind, type Manifest,
         type Match, type Params, type RunList, type Series, type Unit } from "./data";

interface AnalysisIndex {
  run: string;
  step: number;
  manifest: Manifest;
  /** per unit its shape, codec and display scale; steps, totals and delta are f32 blobs */
  units: Record<string, { shape: number[]; codec: string; scale: number }>;
  feature_layouts: Record<string, Layout>;
}
type Ref = { run: string; step: number };
/** Format 1: one analysis (its fields at the top). Format 2: the compare view's two analyses,
 * their blob keys prefixed "0:" and "1:", and the feature matching of every layer. */
interface Index extends Partial<AnalysisIndex> {
  format: number;
  blobs: Record<string, [number, number, string]>;
  analyses?: AnalysisIndex[];
  compare?: { a: Ref; b: Ref };
  matches?: Record<string, Match>;
}
interface Held { idx: AnalysisIndex; prefix: string }
interface Layout {
  rows_lo: number[]; rows_hi: number[]; cols_lo: number[]; cols_hi: number[];
  pad_rows: number; pad_cols: number;
}

const SERIES = ["values", "advantages", "rewards", "dones", "firsts", "actions"] as const;

function numKey(x: number | string): string {
  return String(Number(x));
}

export class EmbeddedSource implements DataSource {
  readonly embedded = true;
  readonly compare: { a: Ref; b: Ref } | undefined;
  private index: Index;
  private blobs: string;
  private held: Held[];
  private cache = new Map<string, Promise<unknown>>();

  constructor(indexElement: HTMLElement, blobElement: HTMLElement) {
    this.index = JSON.parse(indexElement.textContent || "{}");
    this.blobs = blobElement.textContent || "";
    if (this.index.format === 1) this.held = [{ idx: this.index as AnalysisIndex, prefix: "" }];
    else if (this.index.format === 2 && this.index.analyses)
      this.held = this.index.analyses.map((idx, i) => ({ idx, prefix: `${i}:` }));
    else throw new Error(`unsupported export format ${this.index.format}`);
    this.compare = this.index.compare;
  }

  private memo<T>(key: string, make: () => Promise<T>): Promise<T> {
    let p = this.cache.get(key) as Promise<T> | undefined;
    if (!p) {
      p = make();
      this.cache.set(key, p);
    }
    return p;
  }

  private entry(key: string): [number, number, string] {
    const e = this.index.blobs[key];
    if (!e) throw new Error(`the export does not hold ${key}`);
    return e;
  }

  private bytes(key: string): Uint8Array {
    const [start, end] = this.entry(key);
    const text = atob(this.blobs.slice(start, end));
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
    return out;
  }

  private async inflate(key: string): Promise<Uint8Array> {
    const stream = new Blob([this.bytes(key) as BlobPart]).stream()
      .pipeThrough(new DecompressionStream("deflate"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  private floats(key: string): Float32Array {
    const b = this.bytes(key);
    return new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4);
  }

  private check(run: string, step: number): Held {
    const h = this.held.find((x) => x.idx.run === run && x.idx.step === step);
    if (!h) throw new Error(`this page holds ${this.held.map((x) => `${x.idx.run} at step ${x.idx.step}`)
      .join(" and ")} only`);
    return h;
  }

  async runs(): Promise<RunList> {
    const runs: { run: string; steps: number[] }[] = [];
    for (const { idx } of this.held) {
      const r = runs.find((x) => x.run === idx.run);
      if (!r) runs.push({ run: idx.run, steps: [idx.step] });
      else if (!r.steps.includes(idx.step)) r.steps = [...r.steps, idx.step].sort((a, b) => a - b);
    }
    return { runs, problems: [] };
  }

  async manifest(run: string, step: number): Promise<Manifest> {
    return this.check(run, step).idx.manifest;
  }

  async match(run: string, step: number, runB: string, stepB: number, layer: string): Promise<Match> {
    this.check(run, step);
    this.check(runB, stepB);
    const c = this.compare, m = this.index.matches?.[layer];
    const is = (r: Ref, x: string, y: number) => r.run === x && r.step === y;
    if (c && m && is(c.a, run, step) && is(c.b, runB, stepB)) return m;
    if (c && m && is(c.b, run, step) && is(c.a, runB, stepB))
      return { ...m, similarity: m.similarity.length ? m.similarity[0].map((_, j) => m.similarity.map((r) => r[j])) : [],
               pairs: m.pairs.map(([i, j, v]) => [j, i, v]), colors_a: m.colors_b, colors_b: m.colors_a,
               unmatched_a: m.unmatched_b, unmatched_b: m.unmatched_a };
    const man = this.check(run, step).idx.manifest;
    const K = man.layers.find((l) => l.name === layer)?.features ?? 0;
    if (run === runB && step === stepB)
      return { layer, shared_probe_set: true, method: "attribution", reason: "the same analysis",
               similarity: [], pairs: Array.from({ length: K }, (_, k) => [k, k, 1] as [number, number, number]),
               colors_a: man.feature_colors, colors_b: man.feature_colors, unmatched_a: [], unmatched_b: [] };
    throw new Error(`this page holds no matching of layer ${layer}`);
  }

  series(run: string, step: number, traj: number): Promise<Series> {
    const { idx, prefix } = this.check(run, step);
    return this.memo(`${prefix}s/${traj}`, async () => {
      const T = idx.manifest.probe_set.steps;
      const x = this.floats(`${prefix}series/${traj}`);
      const width = x.length / T;
      const col = (j: number) => Array.from({ length: T }, (_, t) => x[t * width + j]);
      const out: Record<string, unknown> = {};
      SERIES.forEach((name, j) => (out[name] = col(j)));
      out.logits = Array.from({ length: T }, (_, t) => Array.from(x.subarray(t * width + 6, (t + 1) * width)));
      return out as unknown as Series;
    });
  }

  unit(run: string, step: number, layer: string, traj: number, output: string): Promise<Unit> {
    const { idx, prefix } = this.check(run, step);
    const key = `${layer}/${traj}/${output}`;
    return this.memo(`${prefix}u/${key}`, async () => {
      const u = idx.units[key];
      if (!u) throw new Error(`the export does not hold attribution ${key}`);
      const out: Unit = { ...u, steps: Array.from(this.floats(`${prefix}steps/${key}`)) };
      if (this.index.blobs[`${prefix}totals/${key}`]) {
        const tot = this.floats(`${prefix}totals/${key}`);
        const w = u.shape[3];
        out.totals = Array.from({ length: u.shape[0] }, (_, t) => Array.from(tot.subarray(t * w, (t + 1) * w)));
        out.delta = Array.from(this.floats(`${prefix}delta/${key}`));
      }
      return out;
    });
  }

  attribution(run: string, step: number, layer: string, traj: number, output: string): Promise<Int16Array> {
    const { idx, prefix } = this.check(run, step);
    const key = `${layer}/${traj}/${output}`;
    return this.memo(`${prefix}a/${key}`, async () => {
      const u = idx.units[key];
      if (!u) throw new Error(`the export does not hold attribution ${key}`);
      return decodePlanes(await gunzip(this.bytes(`${prefix}attribution/${key}`)), u.shape, u.codec);
    });
  }

  featureGrid(run: string, step: number, layer: string, feature: number, subdiv: number,
              expand: number): Promise<FeatureGrid> {
    const { idx, prefix } = this.check(run, step);
    const key = `${layer}/${feature}/${numKey(subdiv)}/${numKey(expand)}`;
    return this.memo(`${prefix}g/${key}`, async () => {
      const raw = await this.inflate(`${prefix}grid/${key}`);
      const indices = Array.from(new Int32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4));
      const lay = idx.feature_layouts[`${layer}/${numKey(subdiv)}/${numKey(expand)}`];
      return { rows: lay.rows_lo.length, cols: lay.cols_lo.length, indices, layout: lay };
    });
  }

  image(kind: ImageKind, run: string, step: number, params: Params): Promise<HTMLImageElement> {
    const held = this.check(run, step);
    const prefix = held.prefix;
    let key: string;
    if (kind === "frames" || kind === "scrub") key = `${kind}/${params.traj}`;
    else if (kind === "observations") key = `observations/${params.sheet}`;
    else if (kind === "thumbnails") key = `thumbnails/${params.layer}`;
    else key = `${params.layer}/${params.feature}/${numKey(params.subdiv)}/${numKey(params.expand)}`;
    if (kind === "feature" && !this.index.blobs[`${prefix}feature/${key}`])
      return this.memo(`${prefix}f/${key}`, () => this.composeFeature(key, params, held));
    const blobKey = prefix + (kind === "feature" ? `feature/${key}` : key);
    return this.memo(`i/${blobKey}`, () => {
      const [start, end, type] = this.entry(blobKey);
      return loadImage(`data:${type};base64,${this.blobs.slice(start, end)}`);
    });
  }

  fullFrame(run: string, step: number, at: { traj: number; frame: number } | { obs: number }):
      Promise<HTMLImageElement> {
    const { prefix } = this.check(run, step);
    const key = prefix + ("obs" in at ? `full/obs/${at.obs}` : `full/traj/${at.traj}/${at.frame}`);
    if (!this.index.blobs[key]) return Promise.reject(new Error("this page holds no full-resolution frames"));
    return this.memo(`i/${key}`, () => {
      const [start, end, type] = this.entry(key);
      return loadImage(`data:${type};base64,${this.blobs.slice(start, end)}`);
    });
  }

  private observationPixels = new Map<string, Promise<ImageData>>();

  private sheetPixels(held: Held, sheet: number): Promise<ImageData> {
    let p = this.observationPixels.get(held.prefix + sheet);
    if (!p) {
      p = this.image("observations", held.idx.run, held.idx.step, { sheet }).then((img) => {
        const c = document.createElement("canvas");
        c.width = img.naturalWidth;
        c.height = img.naturalHeight;
        const ctx = c.getContext("2d", { willReadFrequently: true })!;
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, c.width, c.height);
      });
      this.observationPixels.set(held.prefix + sheet, p);
    }
    return p;
  }

  /** The dataset-example picture, tiled from the observations as the analysis did it. */
  private async composeFeature(key: string, params: Params, held: Held): Promise<HTMLImageElement> {
    const img = await this.featurePixels(key, params, held);
    const c = document.createElement("canvas");
    c.width = img.width;
    c.height = img.height;
    c.getContext("2d")!.putImageData(img, 0, 0);
    return loadImage(c.toDataURL("image/png"));
  }

  async featurePixels(key: string, params: Params, held: Held = this.held[0]): Promise<ImageData> {
    const m = held.idx.manifest;
    const lay = held.idx.feature_layouts[`${params.layer}/${numKey(params.subdiv)}/${numKey(params.expand)}`];
    const grid = await this.featureGrid(held.idx.run, held.idx.step, String(params.layer),
      Number(params.feature), Number(params.subdiv), Number(params.expand));
    const alpha = await this.inflate(`${held.prefix}alpha/${key}`);
    const [H, W] = m.probe_set.observation_shape;
    const { sheet_size: per, sheet_columns: cols } = m.assets;
    const sheets = new Map<number, ImageData>();
    for (const i of new Set(grid.indices)) {
      const s = Math.floor(i / per);
      if (!sheets.has(s)) sheets.set(s, await this.sheetPixels(held, s));
    }
    const rsz = lay.rows_lo.map((lo, i) => Math.max(lay.rows_hi[i] - lo, 0));
    const csz = lay.cols_lo.map((lo, j) => Math.max(lay.cols_hi[j] - lo, 0));
    const height = rsz.reduce((a, b) => a + b, 0), width = csz.reduce((a, b) => a + b, 0);
    const out = new ImageData(width, height);
    const d = out.data;
    let y = 0;
    for (let i = 0; i < rsz.length; i++) {
      let x = 0;
      for (let j = 0; j < csz.length; j++) {
        const obs = grid.indices[i * csz.length + j];
        const a = alpha[i * csz.length + j];
        const sheet = sheets.get(Math.floor(obs / per))!;
        const cell = obs % per;
        const ox = (cell % cols) * W, oy = Math.floor(cell / cols) * H;
        for (let dy = 0; dy < rsz[i]; dy++) {
          const r = lay.rows_lo[i] + dy, rr = r - lay.pad_rows;
          for (let dx = 0; dx < csz[j]; dx++) {
            const c = lay.cols_lo[j] + dx, cc = c - lay.pad_cols;
            const o = ((y + dy) * width + x + dx) * 4;
            if (rr >= 0 && rr < H && cc >= 0 && cc < W) {
              const s = ((oy + rr) * sheet.width + ox + cc) * 4;
              d[o] = sheet.data[s]; d[o + 1] = sheet.data[s + 1]; d[o + 2] = sheet.data[s + 2];
            } else {
              const v = (r + c) % 2 ? 255 : 191;
              d[o] = v; d[o + 1] = v; d[o + 2] = v;
            }
            d[o + 3] = a;
          }
        }
        x += csz[j];
      }
      y += rsz[i];
    }
    return out;
  }
}
