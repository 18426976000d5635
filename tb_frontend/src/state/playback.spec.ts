import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { Playback, periodMs } from "./playback.svelte";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
});
afterEach(() => {
  vi.useRealTimers();
});

function tape(T = 40, fps = 10) {
  const p = new Playback();
  p.setLength(T);
  p.fps = fps;
  return p;
}

describe("seek and step", () => {
  test("seek rounds and clamps to the trajectory without pausing", () => {
    const p = tape();
    expect(p.seek(7.4)).toBe(7);
    expect(p.seek(99)).toBe(39);
    expect(p.seek(-3)).toBe(0);
    expect(p.seek(NaN)).toBe(0);
    p.play(1);
    p.seek(5);
    expect(p.playing).toBe(1);
  });

  test("step pauses and remembers the direction; first and last pause", () => {
    const p = tape();
    p.seek(10);
    p.play(1);
    p.step(-1);
    expect([p.frame, p.playing, p.lastDir]).toEqual([9, 0, -1]);
    p.step(1);
    p.last();
    expect(p.frame).toBe(39);
    p.play(-1);
    p.first();
    expect([p.frame, p.playing]).toEqual([0, 0]);
  });

  test("a new length keeps the frame where it can", () => {
    const p = tape(40);
    p.seek(30);
    p.setLength(512);
    expect(p.frame).toBe(30);
    p.setLength(20);
    expect(p.frame).toBe(19);
  });
});

describe("playback timing", () => {
  test("moves one frame per period at the fps", () => {
    const p = tape(40, 10);
    p.play(1);
    vi.advanceTimersByTime(99);
    expect(p.frame).toBe(0);
    vi.advanceTimersByTime(1);
    expect(p.frame).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(p.frame).toBe(11);
  });

  test("keeps a fixed schedule: time spent between ticks does not slow it down", () => {
    const p = tape(40, 10);
    p.play(1);
    vi.advanceTimersByTime(100);
    expect(p.frame).toBe(1);
    // drawing took 60 ms after the tick: the next one is still due at 200 ms
    vi.advanceTimersByTime(60);
    vi.advanceTimersByTime(40);
    expect(p.frame).toBe(2);
  });

  test("plays backwards and stops at either end (no loop)", () => {
    const p = tape(5, 100);
    p.seek(2);
    p.play(-1);
    vi.advanceTimersByTime(1000);
    expect([p.frame, p.playing]).toEqual([0, 0]);
    p.play(1);
    vi.advanceTimersByTime(1000);
    expect([p.frame, p.playing]).toEqual([4, 0]);
  });

  test("pause stops the ticks; toggle plays in the last direction", () => {
    const p = tape(40, 10);
    p.seek(20);
    p.step(-1); // 19, last direction backwards
    p.toggle();
    expect(p.playing).toBe(-1);
    vi.advanceTimersByTime(300);
    expect(p.frame).toBe(16);
    p.toggle();
    vi.advanceTimersByTime(1000);
    expect([p.frame, p.playing]).toEqual([16, 0]);
  });

  test("arrows while playing turn the direction round; paused, they step", () => {
    const p = tape(40, 10);
    p.seek(10);
    p.arrow(1);
    expect([p.frame, p.playing]).toEqual([11, 0]);
    p.play(1);
    p.arrow(-1);
    expect(p.playing).toBe(-1);
    vi.advanceTimersByTime(200);
    expect(p.frame).toBe(9);
  });

  test("a seek while playing continues from there", () => {
    const p = tape(40, 10);
    p.play(1);
    vi.advanceTimersByTime(100);
    p.seek(30);
    vi.advanceTimersByTime(100);
    expect(p.frame).toBe(31);
  });

  test("fps: at most 100, 0 or nonsense is one frame a second", () => {
    expect(periodMs(10)).toBe(100);
    expect(periodMs(1000)).toBe(10);
    expect(periodMs(0)).toBe(1000);
    expect(periodMs(null)).toBe(1000);
    const p = tape(40, 0);
    p.play(1);
    vi.advanceTimersByTime(999);
    expect(p.frame).toBe(0);
    vi.advanceTimersByTime(1);
    expect(p.frame).toBe(1);
  });

  test("dispose stops the timer", () => {
    const p = tape(40, 10);
    p.play(1);
    p.dispose();
    vi.advanceTimersByTime(1000);
    expect([p.frame, p.playing]).toEqual([0, 0]);
  });
});
