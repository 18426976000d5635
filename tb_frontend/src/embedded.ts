// The transport of the standalone HTML export (rl-clarity export): each request is answered
// from the responses the export recorded in the page, under the request's key (routeKey),
// decoded back to what the route sends (parts.ts); no request leaves the page (it must work
// from file:// and inside MLflow's sandboxed artifact iframe). The page format (3) and its
// encodings are in rlclarity_plugin/export/html.py.
import { loadImage, type FeatureGrid, type Manifest, type Params, type Ref, type Transport } from "./data";
import { fromJsonArrays, fromPlanesAvg, fromText7, inflate } from "./parts";
import { dataUrl, encodePng } from "./png";
import { routeKey } from "./routes";

export const FORMAT = 3;
type Entry = [encoding: string, start: number, end: number, ...extra: string[]];
interface Index {
  format: number;
  analyses: Ref[];
  compare: { a: Ref; b: Ref } | null;
  routes: Record<string, Entry>;
}

export class EmbeddedTransport implements Transport {
  readonly embedded = true;
  readonly compare: { a: Ref; b: Ref } | undefined;
  readonly analyses: Ref[];
  private routes: Record<string, Entry>;
  private text: string;
  private sheets = new Map<string, Promise<ImageData>>();

  constructor(indexElement: HTMLElement, blobElement: HTMLElement) {
    const index = JSON.parse(indexElement.textContent || "{}") as Index;
    if (index.format !== FORMAT)
      throw new Error(`this page is in export format ${index.format}, this interface reads format ` +
                      `${FORMAT}: export it again with this version of rl-clarity`);
    this.routes = index.routes;
    this.text = blobElement.textContent || "";
    this.analyses = index.analyses;
    this.compare = index.compare ?? undefined;
  }

  private entry(route: string, params: Params): Entry {
    const e = this.routes[routeKey(route, params)];
    if (!e) {
      const held = this.analyses.map((x) => `${x.run} at step ${x.step}`).join(" and ");
      throw new Error(`this page does not hold ${route} of ${JSON.stringify(params)} ` +
                      `(it holds ${held}, as exported)`);
    }
    return e;
  }

  private raw([, start, end]: Entry): Uint8Array {
    return fromText7(this.text.slice(start, end));
  }

  async json(route: string, params: Params): Promise<unknown> {
    const e = this.entry(route, params);
    if (e[0] === "json") return JSON.parse(new TextDecoder().decode(await inflate(this.raw(e))));
    if (e[0] === "json+arrays") return fromJsonArrays(await inflate(this.raw(e)));
    throw new Error(`${route} is recorded as ${e[0]}, not JSON`);
  }

  async bytes(route: string, params: Params): Promise<Uint8Array> {
    const e = this.entry(route, params);
    if (e[0] === "planes-avg") {
      const unit = (await this.json("unit", params)) as { shape: number[] };
      return fromPlanesAvg(await inflate(this.raw(e)), unit.shape);
    }
    if (e[0] === "bytes") return this.raw(e);
    throw new Error(`${route} is recorded as ${e[0]}, not bytes`);
  }

  async image(route: string, params: Params): Promise<HTMLImageElement> {
    const e = this.entry(route, params);
    if (e[0] === "bytes") return loadImage(dataUrl(e[3], this.raw(e)));
    if (e[0] === "feature-alpha") {
      const px = await this.featurePixels(params);
      return loadImage(dataUrl("image/png", await encodePng(px.width, px.height, px.data)));
    }
    throw new Error(`${route} is recorded as ${e[0]}, not a picture`);
  }

  private sheetPixels(params: Params, sheet: number): Promise<ImageData> {
    const at = { run: params.run, step: params.step, sheet };
    const key = routeKey("observations", at);
    let p = this.sheets.get(key);
    if (!p) {
      p = this.image("observations", at).then((img) => {
        const c = document.createElement("canvas");
        c.width = img.naturalWidth;
        c.height = img.naturalHeight;
        const ctx = c.getContext("2d", { willReadFrequently: true })!;
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, c.width, c.height);
      });
      this.sheets.set(key, p);
    }
    return p;
  }

  /** The pixels of a `feature-alpha` picture: recomposed from the recorded feature grid,
   * manifest and observation sheets and the part's alpha of each cell. */
  async featurePixels(params: Params): Promise<ImageData> {
    const where = { run: params.run, step: params.step };
    const [m, grid, alpha] = await Promise.all([
      this.json("manifest", where) as Promise<Manifest>,
      this.json("feature_grid", params) as Promise<FeatureGrid>,
      inflate(this.raw(this.entry("feature", params)))]);
    const lay = grid.layout!;
    const [H, W] = m.probe_set.observation_shape;
    const { sheet_size: per, sheet_columns: cols } = m.assets;
    const sheets = new Map<number, ImageData>();
    for (const i of new Set(grid.indices)) {
      const s = Math.floor(i / per);
      if (!sheets.has(s)) sheets.set(s, await this.sheetPixels(params, s));
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
