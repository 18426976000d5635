// Drawing of the attribution table's cells, with a cache of rendered attribution frames so that
// playback, hovering a legend item or flipping a toggle costs at most one render per frame.
import { renderFrame, type ChannelMode, type Direction, type MapInfo } from "./render";

export interface CellSpec {
  sprite: HTMLImageElement;     // the trajectory's frames sprite sheet
  frameColumns: number;
  obsShape: number[];           // [H, W, C]
  t: number;
  kind: "obs" | Direction;
  overlay: boolean;
  q?: Int8Array;
  info?: MapInfo;
  mode?: ChannelMode;
  key?: string;                 // identifies q (run/step/layer/traj/output)
}

const CACHE_MAX = 1500;
const cache = new Map<string, HTMLCanvasElement>();
let firstFrameMarked = false;

function attributionCanvas(spec: CellSpec): HTMLCanvasElement {
  const key = `${spec.key}|${spec.t}|${spec.kind}|${spec.mode}`;
  let c = cache.get(key);
  if (c) {
    cache.delete(key);
    cache.set(key, c);
    return c;
  }
  const img = renderFrame(spec.q!, spec.info!, spec.t, spec.kind as Direction, spec.mode!);
  c = document.createElement("canvas");
  c.width = img.width;
  c.height = img.height;
  c.getContext("2d")!.putImageData(img, 0, 0);
  cache.set(key, c);
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
  return c;
}

export function renderCached(canvas: HTMLCanvasElement, spec: CellSpec): void {
  const [H, W] = spec.obsShape;
  const ctx = canvas.getContext("2d")!;
  ctx.imageSmoothingEnabled = false;
  ctx.globalAlpha = 1;
  ctx.filter = "none";
  ctx.fillStyle = "#000";
  ctx.fillRect(0, 0, W, H);
  const sx = (spec.t % spec.frameColumns) * W;
  const sy = Math.floor(spec.t / spec.frameColumns) * H;
  if (spec.kind === "obs") {
    ctx.drawImage(spec.sprite, sx, sy, W, H, 0, 0, W, H);
    return;
  }
  if (spec.overlay) {
    ctx.filter = "grayscale(1)";
    ctx.drawImage(spec.sprite, sx, sy, W, H, 0, 0, W, H);
    ctx.filter = "none";
  }
  if (!spec.q || !spec.info) return;
  const att = attributionCanvas(spec);
  ctx.globalAlpha = 0.9;
  ctx.drawImage(att, 0, 0, att.width, att.height, 0, 0, W, H);
  ctx.globalAlpha = 1;
  if (!firstFrameMarked) {
    firstFrameMarked = true;
    document.body.dataset.firstFrameMs = String(Math.round(performance.now()));
  }
}
