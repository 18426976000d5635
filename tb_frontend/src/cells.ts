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
  q?: Int16Array;
  info?: MapInfo;
  mode?: ChannelMode;
  key?: string;                 // identifies q (run/step/layer/traj/output)
  fullShape?: number[] | null;  // the analysis has human-scale frames of this [H, W, C]
  full?: HTMLImageElement | null; // this frame at human scale, once loaded
}

/** [height, width] of a cell's canvas: the human-scale frame's when the analysis has them. */
export function cellSize(spec: CellSpec): [number, number] {
  const s = spec.fullShape ?? spec.obsShape;
  return [s[0], s[1]];
}

const CACHE_MAX = 1500;
const cache = new Map<string, HTMLCanvasElement>();
let firstFrameMarked = false;

function attributionCanvas(spec: CellSpec): HTMLCanvasElement {
  const key = `${spec.key}|${spec.t}|${spec.kind}|${spec.mode}|${spec.info!.colors.join(";")}`;
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
  const [CH, CW] = cellSize(spec);
  const ctx = canvas.getContext("2d")!;
  ctx.imageSmoothingEnabled = false;
  ctx.globalAlpha = 1;
  ctx.filter = "none";
  ctx.fillStyle = "#000";
  ctx.fillRect(0, 0, CW, CH);
  const sx = (spec.t % spec.frameColumns) * W;
  const sy = Math.floor(spec.t / spec.frameColumns) * H;
  // the background: the human-scale frame when there is one, else the model input (scaled)
  const background = () => {
    if (spec.full) ctx.drawImage(spec.full, 0, 0, CW, CH);
    else ctx.drawImage(spec.sprite, sx, sy, W, H, 0, 0, CW, CH);
  };
  if (spec.kind === "obs") {
    background();
    return;
  }
  if (spec.overlay) {
    ctx.filter = "grayscale(1)";
    background();
    ctx.filter = "none";
  }
  if (!spec.q || !spec.info) return;
  const att = attributionCanvas(spec);
  // the original's stacked opacities (weights [overlay ? 0.1 : 0, 0.9]): the attribution at
  // 0.9 over the greyscale observation, or alone on black at 1; every layer stays pixelated,
  // also when drawn over a human-scale frame
  ctx.globalAlpha = spec.overlay ? 0.9 : 1;
  ctx.drawImage(att, 0, 0, att.width, att.height, 0, 0, CW, CH);
  ctx.globalAlpha = 1;
  if (!firstFrameMarked) {
    firstFrameMarked = true;
    document.body.dataset.firstFrameMs = String(Math.round(performance.now()));
  }
}
