// The maths of the interface's small charts, as pure functions (no DOM): the per-frame series
// graphs of the timeline, the channel-totals bars under the observation, the policy bar's
// greys. Components only lay the results out.

/** Lowest and highest value of a graph: its own series, and the other analysis' series of the
 * same frames when it has one of the same length (both are drawn on one scale). */
export function graphRange(values: number[], other: number[] | null = null): [number, number] {
  const both = other && other.length === values.length ? [...values, ...other] : values;
  let lo = Infinity, hi = -Infinity;
  for (const v of both) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** The y coordinate (0-100, top 0) of a value on a graph of range [lo, hi]: min-max normalised
 * into [5, 95], the middle for a constant series. */
export function graphY(v: number, lo: number, hi: number): number {
  return (hi > lo ? 1 - (v - lo) / (hi - lo) : 0.5) * 90 + 5;
}

/** SVG polyline point lists of a series, x = t + 0.5: one per episode (the segment from t to
 * t + 1 is left out where dones[t], as the original). */
export function graphLines(values: number[], dones: number[], lo: number, hi: number): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  values.forEach((v, t) => {
    cur.push(`${t + 0.5},${graphY(v, lo, hi).toFixed(2)}`);
    if (dones[t] || t === values.length - 1) {
      out.push(cur.join(" "));
      cur = [];
    }
  });
  return out;
}

/** x positions of the episode boundaries (a light line between t and t + 1 where dones[t]). */
export function episodeBoundaries(dones: number[]): number[] {
  return dones.map((d, t) => (d ? t + 1 : -1)).filter((t) => t > 0);
}

/** The scrub tape: its width and left offset (percent of the scrubber) for the current frame in
 * the middle, `visible` frames across. */
export function tape(T: number, frame: number, visible: number): { width: number; left: number } {
  return { width: (T / visible) * 100, left: (0.5 - (frame + 0.5) / visible) * 100 };
}

/** The frame a drag of the tape leads to: dragging left by the scrubber's width moves forward
 * by `visible` frames (like pulling a tape). */
export function dragFrame(startFrame: number, startX: number, x: number, width: number,
                          visible: number): number {
  return startFrame + ((startX - x) / width) * visible;
}

/** The frame under the pointer on the scrub tape or a graph (click-to-seek): both show
 * `visible` frames across, the current one's cell [frame, frame + 1) in the middle; p is the
 * pointer's position as a fraction of the width (0 left, 1 right). Clamped to 0..T-1. */
export function frameAt(p: number, frame: number, visible: number, T: number): number {
  const t = Math.floor(frame + 0.5 + (p - 0.5) * visible);
  return Math.min(Math.max(t, 0), Math.max(T - 1, 0));
}

/** The pointer's position as a fraction of an element's width (see frameAt). */
export function fractionAt(clientX: number, left: number, width: number): number {
  return width > 0 ? (clientX - left) / width : 0.5;
}

/** A press that moved less than this (px) before its release is a click, not a drag. */
export const CLICK_SLOP_PX = 4;

export interface TotalsRange { upper: number; lower: number }

function quantile(xs: number[], p: number): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))];
}

/** The y range of a trajectory's channel-totals bars (the original's chart.svelte): upper =
 * max(0, q90 of the per-frame maxima, overall max / 5), lower = min(0, q10 of the per-frame
 * minima, overall min / 5). totals: (T, C), the residual last. */
export function totalsRange(totals: number[][]): TotalsRange {
  const maxs = totals.map((r) => Math.max(...r)), mins = totals.map((r) => Math.min(...r));
  return { upper: Math.max(0, quantile(maxs, 0.9), Math.max(...maxs) / 5),
           lower: Math.min(0, quantile(mins, 0.1), Math.min(...mins) / 5) };
}

export interface Bar { k: number; top: number; height: number; residual: boolean }

/** One frame's bars (percent of the chart's height), clipped to the range, and the zero line's
 * position; the last channel is the residual. */
export function totalsBars(row: number[], range: TotalsRange): { bars: Bar[]; zero: number } {
  const { upper, lower } = range;
  const span = upper - lower || 1;
  const bars = row.map((v, k) => {
    const c = Math.max(lower, Math.min(upper, v));
    return { k, top: ((upper - Math.max(c, 0)) / span) * 100, height: (Math.abs(c) / span) * 100,
             residual: k === row.length - 1 };
  });
  return { bars, zero: (upper / span) * 100 };
}

/** The original's action colours: linspace(0, 1, A) greys mixed 25% with 0.75 grey (0-255). */
export function actionGrey(a: number, n: number): number {
  return Math.round((0.75 * (n > 1 ? a / (n - 1) : 0) + 0.25 * 0.75) * 255);
}

/** A fraction as a percentage with two decimals; "–" when there is none. */
export function pct(x: number | undefined | null): string {
  return x === undefined || x === null || !isFinite(x) ? "–" : `${(x * 100).toFixed(2)}%`;
}
