// Attribution colouring, blur and opacity, done in the browser from the stored maps (codec.ts).
// Follows the original (reference section 1.9): values are divided by the unit's display scale
// (the original's: median over frames of the per-frame maximum of the signed channels); channel
// k gets the unit-norm RGB vector of its feature colour; rgb = sum_k x_k colour_k; blurred at the
// layer's resolution with the unnormalised 15x15 disk kernel exp(-|d|) (taps >= exp(-7));
// opacity = min(1, |rgb|), colour = rgb / opacity.

export type Direction = "pos" | "neg" | "abs";
export type ChannelMode = "prin" | "all" | "res" | number;

export interface MapInfo {
  shape: number[]; // [T, h, w, C]
  residual: boolean; // last channel is the residual
  colors: number[][]; // unit-norm RGB per non-residual channel
  steps: ArrayLike<number>; // per-frame quantisation steps (value = q * steps[t])
  scale: number; // display scale (shown: value / scale)
}

const KERNEL: { dy: number; dx: number; w: number }[] = (() => {
  const taps = [];
  for (let dy = -7; dy <= 7; dy++)
    for (let dx = -7; dx <= 7; dx++) {
      const w = Math.exp(-Math.sqrt(dy * dy + dx * dx));
      if (w >= Math.exp(-7)) taps.push({ dy, dx, w });
    }
  return taps;
})();
export const KERNEL_TAPS = KERNEL.length;

export function hexToUnit(hex: string): number[] {
  const v = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const n = Math.hypot(v[0], v[1], v[2]) || 1;
  return v.map((x) => x / n);
}

function dir(x: number, d: Direction): number {
  return d === "pos" ? (x > 0 ? x : 0) : d === "neg" ? (x < 0 ? -x : 0) : Math.abs(x);
}

/** The 15x15 disk kernel's taps (offsets and weights exp(-|d|), those >= exp(-7)). */
export function blurKernel(): readonly { dy: number; dx: number; w: number }[] {
  return KERNEL;
}

/** Frame t as an ImageData (see renderPixels). */
export function renderFrame(q: Int16Array, info: MapInfo, t: number, direction: Direction,
                            mode: ChannelMode): ImageData {
  const [, h, w] = info.shape;
  const img = new ImageData(w, h);
  img.data.set(renderPixels(q, info, t, direction, mode));
  return img;
}

/** RGBA pixels (h x w x 4, 0-255) of frame t: coloured, blurred, brightness turned into
 * opacity. q: the unit's integer maps, channel-planar (C, T, h, w). Pure: no DOM. */
export function renderPixels(q: Int16Array, info: MapInfo, t: number, direction: Direction,
                             mode: ChannelMode): Uint8ClampedArray {
  const [T, h, w, C] = info.shape;
  const K = info.residual ? C - 1 : C;
  const unit = info.steps[t] / info.scale; // shown value = q * step / scale
  const n = h * w;
  const plane = T * n;
  const base = t * n;
  const r = new Float32Array(n), g = new Float32Array(n), b = new Float32Array(n);
  for (let p = 0; p < n; p++) {
    const o = base + p;
    let R = 0, G = 0, B = 0;
    if (mode !== "res") {
      for (let k = 0; k < K; k++) {
        if (typeof mode === "number" && mode !== k) continue;
        const x = dir(q[o + k * plane] * unit, direction);
        if (x === 0) continue;
        const c = info.colors[k];
        R += x * c[0]; G += x * c[1]; B += x * c[2];
      }
    }
    if (info.residual && (mode === "all" || mode === "res")) {
      const x = dir(q[o + K * plane] * unit, direction);
      R += x; G += x; B += x;
    }
    r[p] = R; g[p] = G; b[p] = B;
  }
  // blur (SAME zero padding) at the layer's resolution
  const br = new Float32Array(n), bg = new Float32Array(n), bb = new Float32Array(n);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const p = y * w + x;
      const R = r[p], G = g[p], B = b[p];
      if (R === 0 && G === 0 && B === 0) continue;
      for (const { dy, dx, w: k } of KERNEL) {
        const yy = y + dy, xx = x + dx;
        if (yy < 0 || yy >= h || xx < 0 || xx >= w) continue;
        const pp = yy * w + xx;
        br[pp] += k * R; bg[pp] += k * G; bb[pp] += k * B;
      }
    }
  const d = new Uint8ClampedArray(4 * n);
  for (let p = 0; p < n; p++) {
    const R = br[p], G = bg[p], B = bb[p];
    const norm = Math.hypot(R, G, B);
    const a = Math.min(1, norm);
    const s = a > 0 ? 1 / a : 0;
    d[4 * p] = Math.min(1, R * s) * 255;
    d[4 * p + 1] = Math.min(1, G * s) * 255;
    d[4 * p + 2] = Math.min(1, B * s) * 255;
    d[4 * p + 3] = a * 255;
  }
  return d;
}

export function softmax(logits: number[]): number[] {
  const m = Math.max(...logits);
  const e = logits.map((x) => Math.exp(x - m));
  const s = e.reduce((a, x) => a + x, 0);
  return e.map((x) => x / s);
}

const ARROWS: Record<string, string> = {
  "RIGHT+UP": "\u2197", "LEFT+UP": "\u2196", "RIGHT+DOWN": "\u2198", "LEFT+DOWN": "\u2199",
  "RIGHT": "\u2192", "LEFT": "\u2190", "UP": "\u2191", "DOWN": "\u2193",
};

/** The buttons of one action name: Atari's meanings join them ("UPRIGHTFIRE", "NOOP"); a
 * name that is not such a join is one button. */
export function splitButtons(name: string): string[] {
  if (name === "NOOP") return [];
  const parts = name.match(/UP|DOWN|LEFT|RIGHT|FIRE/g);
  return parts && parts.join("") === name ? parts : [name];
}

/** A short label of an action from its buttons, the same style for every environment: arrows
 * for directions (combined: one diagonal arrow), other buttons by name after a "+", "no-op" for
 * none (procgen's combos and Atari's meanings alike: "RIGHTFIRE" is "→+FIRE"). */
export function actionLabel(combo: string[]): string {
  const buttons = combo.flatMap(splitButtons);
  if (!buttons.length) return "no-op";
  const dirs = ["LEFT", "RIGHT"].filter((x) => buttons.includes(x))
    .concat(["UP", "DOWN"].filter((x) => buttons.includes(x)));
  const key = [...dirs.filter((x) => x === "LEFT" || x === "RIGHT"),
               ...dirs.filter((x) => x === "UP" || x === "DOWN")].join("+");
  const others = buttons.filter((x) => !["LEFT", "RIGHT", "UP", "DOWN"].includes(x));
  const parts = [];
  if (key) parts.push(ARROWS[key] ?? key);
  parts.push(...others);
  return parts.join("+");
}

/** "1.23", "4.56×10^-3": three significant digits, as the original's graph labels. */
export function fmt(x: number | undefined): string {
  if (x === undefined || !isFinite(x)) return "–";
  if (x === 0) return "0";
  const e = Math.floor(Math.log10(Math.abs(x)));
  if (e >= -2 && e < 4) return x.toPrecision(3).replace(/\.?0+$/, (m) => (m.includes(".") ? "" : m));
  return `${(x / 10 ** e).toPrecision(3)}×10^${e}`;
}
