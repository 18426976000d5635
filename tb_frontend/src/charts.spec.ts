import { describe, expect, test } from "vitest";
import { actionGrey, dragFrame, episodeBoundaries, fractionAt, frameAt, graphLines, graphRange, graphY, pct,
         tape, totalsBars, totalsRange } from "./charts";

describe("graphs", () => {
  test("normalise min-max into [5, 95], top down; a constant series in the middle", () => {
    expect(graphY(2, 2, 4)).toBe(95);
    expect(graphY(4, 2, 4)).toBe(5);
    expect(graphY(3, 2, 4)).toBe(50);
    expect(graphY(7, 7, 7)).toBe(50);
  });

  test("share one scale with the other analysis' series of the same frames", () => {
    expect(graphRange([1, 2, 3], [0, 5, 1])).toEqual([0, 5]);
    expect(graphRange([1, 2, 3], [0, 5])).toEqual([1, 3]); // other frames: not on this graph
  });

  test("break the line at episode ends", () => {
    const lines = graphLines([0, 1, 2, 3], [0, 1, 0, 0], 0, 3);
    expect(lines).toEqual(["0.5,95.00 1.5,65.00", "2.5,35.00 3.5,5.00"]);
    expect(episodeBoundaries([0, 1, 0, 1])).toEqual([2, 4]);
  });

  test("scroll the tape so that the current frame is in the middle", () => {
    expect(tape(512, 0, 256)).toEqual({ width: 200, left: (0.5 - 0.5 / 256) * 100 });
    const { width, left } = tape(512, 300, 256);
    // the middle of the scrubber is frame 300's centre
    expect(-left / 100 * 256 + 128).toBeCloseTo(300.5, 9);
    expect(width).toBe(200);
  });

  test("drag left moves forward, one scrubber width = the visible frames", () => {
    expect(dragFrame(10, 500, 400, 400, 256)).toBe(10 + 64);
    expect(dragFrame(10, 500, 600, 400, 256)).toBe(10 - 64);
  });
});

describe("click-to-seek", () => {
  test("the middle is the current frame; a cell per visible frame either side", () => {
    expect(frameAt(0.5, 100, 256, 512)).toBe(100);
    // the current frame's cell spans [0.5 - 0.5/256, 0.5 + 0.5/256) of the width
    expect(frameAt(0.5 + 0.49 / 256, 100, 256, 512)).toBe(100);
    expect(frameAt(0.5 + 0.51 / 256, 100, 256, 512)).toBe(101);
    expect(frameAt(0.5 - 0.51 / 256, 100, 256, 512)).toBe(99);
    expect(frameAt(1, 100, 256, 512)).toBe(228);
    expect(frameAt(0, 100, 256, 512)).toBe(0);
    expect(frameAt(0.25, 100, 256, 512)).toBe(36);
  });

  test("agrees with the tape's layout: the frame drawn under a point is the frame sought", () => {
    const [T, frame, visible] = [40, 7, 40];
    const { width, left } = tape(T, frame, visible);
    for (const t of [0, 3, 7, 20, 39]) {
      const centre = (left + ((t + 0.5) / T) * width) / 100; // the middle of frame t's cell
      expect(frameAt(centre, frame, visible, T)).toBe(t);
    }
  });

  test("clamps to the trajectory; the pointer as a fraction of the width", () => {
    expect(frameAt(0.99, 30, 40, 32)).toBe(31);
    expect(frameAt(0.01, 0, 40, 32)).toBe(0);
    expect(frameAt(0.5, 0, 1, 0)).toBe(0);
    expect(fractionAt(150, 100, 200)).toBe(0.25);
    expect(fractionAt(150, 100, 0)).toBe(0.5);
  });
});

describe("totals chart", () => {
  const totals = Array.from({ length: 11 }, (_, t) => [t, -t / 2, 1]);

  test("ranges over the trajectory as the original (q90 / q10, a fifth of the extremes)", () => {
    const r = totalsRange(totals);
    expect(r.upper).toBe(9); // q90 of the maxima 1..10 -> the 10th of 11 sorted
    expect(r.lower).toBe(-4.5); // q10 of the minima 0..-5
    expect(totalsRange([[0.1, 0], [0.2, 0]]).lower).toBe(0);
  });

  test("draws one frame's bars clipped to the range, the residual last", () => {
    const { bars, zero } = totalsBars([12, -2, 1], { upper: 9, lower: -3 });
    expect(zero).toBe(75);
    expect(bars[0]).toEqual({ k: 0, top: 0, height: 75, residual: false }); // clipped at 9
    expect(bars[1]).toEqual({ k: 1, top: 75, height: (2 / 12) * 100, residual: false });
    expect(bars[2].residual).toBe(true);
  });
});

describe("small things", () => {
  test("action greys are the original's", () => {
    expect(actionGrey(0, 15)).toBe(Math.round(0.1875 * 255));
    expect(actionGrey(14, 15)).toBe(Math.round(0.9375 * 255));
    expect(actionGrey(0, 1)).toBe(Math.round(0.1875 * 255));
  });

  test("percentages", () => {
    expect(pct(0.01234)).toBe("1.23%");
    expect(pct(null)).toBe("–");
    expect(pct(NaN)).toBe("–");
  });
});
