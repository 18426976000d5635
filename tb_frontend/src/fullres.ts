// Dataset-example pictures at human scale: the stored feature picture (patches of the model-input
// observations) redrawn with each patch cut from the same observation's full-resolution frame.
// The stored picture gives the layout's checkerboard margins and each cell's alpha; the grid
// says which observation each cell shows and where its patch lies (padded pixel bounds).
import type { FeatureGrid } from "./data";

export const MAX_FULL_OBSERVATIONS = 64; // frames fetched for one picture (each ~20 KB)

/** The picture at full scale as a data URL, or null when the layout is unknown or it would
 * need more than MAX_FULL_OBSERVATIONS frames (use fewer patches). */
export async function composeFullFeature(
  picture: HTMLImageElement, grid: FeatureGrid, obsShape: number[], fullShape: number[],
  frame: (obs: number) => Promise<HTMLImageElement>,
): Promise<string | null> {
  const lay = grid.layout;
  if (!lay) return null;
  const distinct = [...new Set(grid.indices)];
  if (distinct.length > MAX_FULL_OBSERVATIONS) return null;
  const [H, W] = obsShape;
  const sy = fullShape[0] / H, sx = fullShape[1] / W;
  const frames = new Map<number, HTMLImageElement>();
  await Promise.all(distinct.map(async (i) => frames.set(i, await frame(i))));

  // the stored picture's pixels: each cell's alpha
  const base = document.createElement("canvas");
  base.width = picture.naturalWidth;
  base.height = picture.naturalHeight;
  const bctx = base.getContext("2d", { willReadFrequently: true })!;
  bctx.drawImage(picture, 0, 0);
  const px = bctx.getImageData(0, 0, base.width, base.height).data;

  const out = document.createElement("canvas");
  out.width = Math.round(base.width * sx);
  out.height = Math.round(base.height * sy);
  const ctx = out.getContext("2d")!;
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(base, 0, 0, out.width, out.height); // margins (checkerboard) and alpha, scaled
  ctx.imageSmoothingEnabled = true;
  const rsz = lay.rows_lo.map((lo, i) => Math.max(lay.rows_hi[i] - lo, 0));
  const csz = lay.cols_lo.map((lo, j) => Math.max(lay.cols_hi[j] - lo, 0));
  let y = 0;
  for (let i = 0; i < rsz.length; i++) {
    let x = 0;
    for (let j = 0; j < csz.length; j++) {
      if (rsz[i] && csz[j]) {
        // the part of the patch inside the observation, in observation pixels
        const r0 = Math.max(lay.rows_lo[i] - lay.pad_rows, 0), r1 = Math.min(lay.rows_hi[i] - lay.pad_rows, H);
        const c0 = Math.max(lay.cols_lo[j] - lay.pad_cols, 0), c1 = Math.min(lay.cols_hi[j] - lay.pad_cols, W);
        if (r1 > r0 && c1 > c0) {
          const alpha = px[(y * base.width + x) * 4 + 3] / 255;
          const dy = y + (r0 - (lay.rows_lo[i] - lay.pad_rows)), dx = x + (c0 - (lay.cols_lo[j] - lay.pad_cols));
          const img = frames.get(grid.indices[i * csz.length + j])!;
          ctx.clearRect(dx * sx, dy * sy, (c1 - c0) * sx, (r1 - r0) * sy);
          ctx.globalAlpha = alpha;
          ctx.drawImage(img, c0 * sx, r0 * sy, (c1 - c0) * sx, (r1 - r0) * sy,
                        dx * sx, dy * sy, (c1 - c0) * sx, (r1 - r0) * sy);
          ctx.globalAlpha = 1;
        }
      }
      x += csz[j];
    }
    y += rsz[i];
  }
  return out.toDataURL("image/png");
}
