import { afterEach, describe, expect, test } from "vitest";
import { FakeSource, RUNS, manifestOf, settle } from "../testing/fake_source";
import { Compare, pickOther, sameProbeSet } from "./compare.svelte";

const stops: (() => void)[] = [];
afterEach(() => {
  while (stops.length) stops.pop()!();
});

async function compare(want: Parameters<Compare["open"]>[0], source = new FakeSource()) {
  const c = new Compare(source);
  stops.push(c.start());
  const problems = await c.open(want);
  await settle();
  return { c, problems, source };
}

describe("pairs", () => {
  test("the same probe set when both name the same one", () => {
    expect(sameProbeSet(manifestOf("agentA", 1000), manifestOf("agentA", 2000))).toBe(true);
    expect(sameProbeSet(manifestOf("agentA", 1000), manifestOf("agentC", 1000))).toBe(false);
    const unknown = manifestOf("agentA", 1000);
    delete unknown.probe_set.id;
    expect(sameProbeSet(unknown, unknown)).toBe(false);
    expect(sameProbeSet(null, unknown)).toBe(false);
  });

  test("beside an analysis: the previous checkpoint, the next, another run, itself", () => {
    expect(pickOther({ run: "agentA", step: 2000 }, RUNS.runs)).toEqual({ run: "agentA", step: 1000 });
    expect(pickOther({ run: "agentA", step: 1000 }, RUNS.runs)).toEqual({ run: "agentA", step: 2000 });
    expect(pickOther({ run: "agentC", step: 1000 }, RUNS.runs)).toEqual({ run: "agentA", step: 2000 });
    expect(pickOther({ run: "x", step: 1 }, [{ run: "x", steps: [1] }])).toEqual({ run: "x", step: 1 });
  });
});

describe("one probe set: one timeline", () => {
  test("both panes share a playback; either moves both", async () => {
    const { c, problems } = await compare({ run: "agentA", step: 1000, run_b: "agentA", step_b: 2000,
                                            layer: "4a", traj: 1, frame: 4 });
    expect(problems).toEqual([]);
    expect(c.shared).toBe(true);
    expect(c.b.playback).toBe(c.a.playback);
    expect(c.state().navB).toEqual({ traj: 1, frame: 4, layer: "4a" });
    c.b.playback.step(1);
    expect([c.a.frame, c.b.frame]).toEqual([5, 5]);
    c.a.setTraj(0);
    expect(c.b.traj).toBe(0);
    expect(c.playback).toBe(c.a.playback);
    expect(c.urlState()).toEqual({ run: "agentA", step: 1000, layer: "4a", traj: 0, frame: 5, rows: ["v"],
                                   abs: false, overlay: true, residual: false, run_b: "agentA", step_b: 2000 });
  });

  test("the layer is the same on both sides and the features are matched", async () => {
    const { c, source } = await compare({ run: "agentA", step: 1000, run_b: "agentA", step_b: 2000 });
    expect(c.match?.layer).toBe("2b");
    expect(c.a.palette).toEqual(c.match!.colors_a);
    expect(c.b.palette).toEqual(c.match!.colors_b);
    expect(c.b.unmatched).toEqual([2]);
    c.b.setLayer("4a");
    await settle();
    expect(c.a.layer).toBe("4a");
    expect(c.match?.layer).toBe("4a");
    expect(source.requests.filter((r) => r.startsWith("match"))).toEqual(
      ["match agentA@1000 agentA@2000 2b", "match agentA@1000 agentA@2000 4a"]);
  });

  test("swap exchanges the sides and matches again", async () => {
    const { c } = await compare({ run: "agentA", step: 1000, run_b: "agentA", step_b: 2000 });
    const [a, b] = [c.a, c.b];
    c.swap();
    await settle();
    expect([c.a, c.b]).toEqual([b, a]);
    expect(c.label("a")).toBe("A: agentA @ step 2000");
    expect(c.match).not.toBeNull();
  });
});

describe("different probe sets: apart", () => {
  test("each pane has its own playback; the keys move the active one", async () => {
    const { c } = await compare({ run: "agentA", step: 1000, run_b: "agentC", step_b: 1000,
                                  frame: 2, frame_b: 9, traj_b: 1 });
    expect(c.shared).toBe(false);
    expect(c.b.playback).not.toBe(c.a.playback);
    expect([c.a.frame, c.b.frame, c.b.traj]).toEqual([2, 9, 1]);
    expect(c.playback).toBe(c.a.playback);
    c.active = "b";
    c.playback.step(1);
    expect([c.a.frame, c.b.frame]).toEqual([2, 10]);
    expect(c.urlState()).toMatchObject({ run_b: "agentC", step_b: 1000, traj_b: 1, frame_b: 10 });
  });

  test("choosing a run of another probe set splits a shared timeline", async () => {
    const { c } = await compare({ run: "agentA", step: 1000, run_b: "agentA", step_b: 2000, frame: 7 });
    expect(c.shared).toBe(true);
    await c.choose("b", "agentC");
    await settle();
    expect(c.shared).toBe(false);
    expect(c.b.playback).not.toBe(c.a.playback);
    expect(c.b.frame).toBe(7); // where it was
    c.a.playback.step(1);
    expect(c.b.frame).toBe(7);
  });
});

describe("open (a link)", () => {
  test("a missing B is the analysis beside A", async () => {
    const { c, problems } = await compare({ run: "agentA", step: 2000 });
    expect(problems).toEqual([]);
    expect([c.label("a"), c.label("b")]).toEqual(["A: agentA @ step 2000", "B: agentA @ step 1000"]);
  });

  test("reports analyses that do not exist and shows others", async () => {
    const { c, problems } = await compare({ run: "agentA", step: 1000, run_b: "agentZ", step_b: 5,
                                            frame: 999 });
    expect(problems).toEqual([
      'B: no analysis of "agentZ" at step 5: showing agentA @ step 2000',
      "A: frame 1000 does not exist (1-40): showing 40",
      "B: frame 1000 does not exist (1-40): showing 40",
    ]);
    expect(c.label("b")).toBe("B: agentA @ step 2000");
  });

  test("a compare export's pair comes first", async () => {
    const c = new Compare(new FakeSource());
    stops.push(c.start());
    await c.open({ run: "agentA", step: 1000 }, { a: { run: "agentC", step: 1000 }, b: { run: "agentA", step: 2000 } });
    expect([c.a.run, c.b.run]).toEqual(["agentC", "agentA"]);
  });
});
