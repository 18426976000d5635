import { describe, expect, test } from "vitest";
import { actionLabel, blurKernel, splitButtons, fmt, hexToUnit, renderPixels, softmax, type MapInfo } from "./render";

// one 15x15 frame of 2 channels + residual, channel-planar (C, T, h, w), T = 2
function maps(values: { c: number; t: number; y: number; x: number; v: number }[]) {
  const [T, h, w, C] = [2, 15, 15, 3];
  const q = new Int16Array(C * T * h * w);
  for (const { c, t, y, x, v } of values) q[c * T * h * w + t * h * w + y * w + x] = v;
  const info: MapInfo = { shape: [T, h, w, C], residual: true,
                          colors: [hexToUnit("#ff0000"), hexToUnit("#00ff00")],
                          steps: [0.01, 0.02], scale: 1 };
  return { q, info };
}
const px = (d: Uint8ClampedArray, y: number, x: number) => Array.from(d.slice(4 * (y * 15 + x), 4 * (y * 15 + x) + 4));

describe("colour", () => {
  test("feature colours are unit-norm RGB", () => {
    expect(hexToUnit("#ff0000")).toEqual([1, 0, 0]);
    const v = hexToUnit("#a1ff00");
    expect(Math.hypot(...v)).toBeCloseTo(1, 12);
    expect(v[0] / v[1]).toBeCloseTo(0xa1 / 0xff, 12);
  });
});

describe("blur", () => {
  test("is the original's 15x15 disk exp(-|d|), taps >= exp(-7), unnormalised", () => {
    const taps = blurKernel();
    expect(taps.find((k) => k.dx === 0 && k.dy === 0)!.w).toBe(1);
    expect(taps.every((k) => Math.hypot(k.dx, k.dy) <= 7)).toBe(true);
    expect(taps.length).toBe(149); // the integer points of the radius-7 disk
    expect(taps.find((k) => k.dx === 3 && k.dy === 4)!.w).toBeCloseTo(Math.exp(-5), 12);
  });
});

describe("renderPixels", () => {
  test("an impulse is blurred by the kernel; brightness becomes opacity", () => {
    // value 0.5 (q 50 x step 0.01) of the red feature at the centre of frame 0
    const { q, info } = maps([{ c: 0, t: 0, y: 7, x: 7, v: 50 }]);
    const d = renderPixels(q, info, 0, "pos", "prin");
    expect(px(d, 7, 7)).toEqual([255, 0, 0, Math.round(0.5 * 255)]);
    expect(px(d, 7, 9)[3]).toBe(Math.round(0.5 * Math.exp(-2) * 255));
    expect(px(d, 0, 0)[3]).toBe(0); // 9.9 px away: outside the disk
  });

  test("opacity saturates at 1; colours add by feature", () => {
    const { q, info } = maps([{ c: 0, t: 1, y: 7, x: 7, v: 100 }, { c: 1, t: 1, y: 7, x: 7, v: 100 }]);
    const d = renderPixels(q, info, 1, "pos", "prin"); // values 2 and 2: |rgb| > 1
    expect(px(d, 7, 7)).toEqual([255, 255, 0, 255]);
  });

  test("directions and channel modes pick what is drawn", () => {
    const { q, info } = maps([{ c: 0, t: 0, y: 7, x: 7, v: -50 }, { c: 1, t: 0, y: 7, x: 7, v: 50 },
                              { c: 2, t: 0, y: 7, x: 7, v: 50 }]);
    expect(px(renderPixels(q, info, 0, "pos", "prin"), 7, 7).slice(0, 3)).toEqual([0, 255, 0]);
    expect(px(renderPixels(q, info, 0, "neg", "prin"), 7, 7).slice(0, 3)).toEqual([255, 0, 0]);
    const abs = px(renderPixels(q, info, 0, "abs", "prin"), 7, 7);
    expect(abs[0]).toBe(abs[1]);
    expect(px(renderPixels(q, info, 0, "pos", 0), 7, 7)[3]).toBe(0); // feature 1 only: negative
    // the residual adds to every channel (grey): rgb 0.5 each, |rgb| = 0.87
    const g = Math.round((0.5 / Math.sqrt(0.75)) * 255), a = Math.round(Math.sqrt(0.75) * 255);
    expect(px(renderPixels(q, info, 0, "pos", "res"), 7, 7)).toEqual([g, g, g, a]);
    const all = px(renderPixels(q, info, 0, "pos", "all"), 7, 7);
    expect(all[3]).toBe(255); // feature 2 and the residual
  });

  test("scales by the frame's quantisation step over the display scale", () => {
    const { q, info } = maps([{ c: 0, t: 1, y: 7, x: 7, v: 10 }]);
    expect(px(renderPixels(q, info, 1, "pos", "prin"), 7, 7)[3]).toBe(Math.round(0.2 * 255));
    expect(px(renderPixels(q, { ...info, scale: 0.4 }, 1, "pos", "prin"), 7, 7)[3])
      .toBe(Math.round(0.5 * 255));
  });
});

describe("labels and numbers", () => {
  test("softmax", () => {
    const p = softmax([1000, 1000, 1000 - Math.log(2)]);
    expect(p.map((x) => x.toFixed(3))).toEqual(["0.400", "0.400", "0.200"]);
  });

  test("action labels: arrows for directions, no-op for none", () => {
    expect(actionLabel([])).toBe("no-op");
    expect(actionLabel(["UP", "RIGHT"])).toBe("\u2197");
    expect(actionLabel(["LEFT", "D"])).toBe("\u2190+D");
  });

  test("Atari's meanings in the same style: arrows, combined ones too", () => {
    expect(actionLabel(["NOOP"])).toBe("no-op");
    expect(actionLabel(["FIRE"])).toBe("FIRE");
    expect(actionLabel(["RIGHT"])).toBe("\u2192");
    expect(actionLabel(["RIGHTFIRE"])).toBe("\u2192+FIRE");
    expect(actionLabel(["UPLEFT"])).toBe("\u2196");
    expect(actionLabel(["DOWNRIGHTFIRE"])).toBe("\u2198+FIRE");
    expect(splitButtons("RIGHTFIRE")).toEqual(["RIGHT", "FIRE"]);
    expect(splitButtons("NOOP")).toEqual([]);
    expect(splitButtons("SELECT")).toEqual(["SELECT"]); // not a join of directions and FIRE
  });

  test("three significant digits, exponents beyond", () => {
    expect(fmt(1.2345)).toBe("1.23");
    expect(fmt(0)).toBe("0");
    expect(fmt(0.00456)).toBe("4.56×10^-3");
    expect(fmt(undefined)).toBe("–");
  });
});
