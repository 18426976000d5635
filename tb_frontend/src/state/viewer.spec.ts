import { afterEach, describe, expect, test } from "vitest";
import { outputSeries, outputTitle } from "../outputs";
import { FakeSource, settle } from "../testing/fake_source";
import { NO_ANALYSIS, Viewer } from "./viewer.svelte";

const stops: (() => void)[] = [];
afterEach(() => {
  while (stops.length) stops.pop()!();
});

async function viewer(source = new FakeSource()) {
  const v = new Viewer(source);
  stops.push(v.start());
  await v.loadRuns();
  return v;
}

describe("apply (a link)", () => {
  test("shows the view asked for, with no problems", async () => {
    const v = await viewer();
    const problems = await v.apply({ run: "agentA", step: 1000, layer: "4a", traj: 1, frame: 6,
                                     rows: ["v", "logit2"], abs: true, overlay: false, residual: true });
    expect(problems).toEqual([]);
    expect(v.urlState()).toEqual({ run: "agentA", step: 1000, layer: "4a", traj: 1, frame: 6,
                                   rows: ["v", "logit2"], abs: true, overlay: false, residual: true });
  });

  test("without a run or step: the first run's latest step, its default layer", async () => {
    const v = await viewer();
    expect(await v.apply({})).toEqual([]);
    expect([v.run, v.step, v.layer, v.traj, v.frame]).toEqual(["agentA", 2000, "2b", 0, 0]);
  });

  test("reports each value that does not exist and shows the nearest that does", async () => {
    const v = await viewer();
    const problems = await v.apply({ run: "nope", step: 77, layer: "9z", traj: 5, frame: 9998,
                                     rows: ["v", "logit9"] });
    expect(problems).toEqual([
      'run "nope" is not analysed here: showing "agentA"',
      'step 77 of "agentA" is not analysed: showing step 2000',
      'layer "9z" is not analysed in agentA @ step 2000: showing layer 2b',
      'output "logit9" not analysed in agentA @ step 2000: left out',
      "trajectory 6 does not exist (1-2): showing 2",
      "frame 9999 does not exist (1-40): showing 40",
    ]);
    expect(v.urlState()).toMatchObject({ run: "agentA", step: 2000, layer: "2b", traj: 1, frame: 39,
                                         rows: ["v"] });
  });

  test("round-trips its own link", async () => {
    const v = await viewer();
    await v.apply({ run: "agentC", step: 1000, layer: "input", frame: 12, rows: ["group0"] });
    const w = await viewer();
    expect(await w.apply(v.urlState())).toEqual([]);
    expect(w.urlState()).toEqual(v.urlState());
  });

  test("an empty logdir says what to do", async () => {
    const source = new FakeSource();
    source.runs = async () => ({ runs: [], problems: [] });
    const v = await viewer(source);
    expect(v.error).toBe(NO_ANALYSIS);
    expect(await v.apply({ run: "agentA" })).toHaveLength(1);
  });
});

describe("load (another checkpoint)", () => {
  test("keeps the layer, rows, trajectory and frame", async () => {
    const v = await viewer();
    await v.apply({ run: "agentA", step: 1000, layer: "4a", traj: 1, frame: 8, rows: ["v", "group0"] });
    await v.load("agentA", 2000);
    expect(v.urlState()).toMatchObject({ step: 2000, layer: "4a", traj: 1, frame: 8, rows: ["v", "group0"] });
  });

  test("an older load that answers late is dropped", async () => {
    const source = new FakeSource();
    source.delays["agentA@1000"] = 30;
    const v = await viewer(source);
    const slow = v.load("agentA", 1000);
    await v.load("agentC", 1000);
    expect(await slow).toBe(false);
    expect([v.run, v.step]).toEqual(["agentC", 1000]);
  });

  test("a failed load says why and keeps what was shown", async () => {
    const v = await viewer();
    await v.apply({ run: "agentA", step: 1000 });
    expect(await v.load("agentA", 3000)).toBe(false);
    expect(v.error).toContain("404");
    expect([v.run, v.step]).toEqual(["agentA", 1000]);
  });
});

describe("loading what is shown", () => {
  test("a part that cannot be loaded is noticed (part, analysis, reason) until a good analysis", async () => {
    const source = new FakeSource();
    source.broken.add("frames agentA@1000");
    const v = await viewer(source);
    await v.apply({ run: "agentA", step: 1000 });
    await settle();
    expect(v.notices).toEqual(["could not load frames of agentA step 1000: agentA step 1000: frames is missing"]);
    expect(v.data.sprite).toBeNull();
    await v.apply({ run: "agentA", step: 2000 });
    await settle();
    expect(v.notices).toEqual([]);
    expect(v.data.sprite?.src).toBe("frames:agentA@2000");
    // a late failure of an analysis no longer shown is not noticed; a part that loads clears its own
    v.fail("frames", "agentA", 1000, new Error("late"));
    expect(v.notices).toEqual([]);
    v.fail("thumbnails of layer 2b", "agentA", 2000, new Error("x"));
    expect(v.notices).toEqual(["could not load thumbnails of layer 2b of agentA step 2000: x"]);
    v.loaded("thumbnails of layer 2b", "agentA", 2000);
    expect(v.notices).toEqual([]);
  });

  test("a manifest that cannot be loaded names the analysis", async () => {
    const v = await viewer();
    await v.apply({ run: "agentA", step: 1000 });
    await v.load("agentA", 3000);
    expect(v.error).toBe("could not load the analysis (manifest) of agentA step 3000: manifest: 404 no analysis of agentA at 3000");
  });

  test("the trajectory's series and frames, one unit per row", async () => {
    const source = new FakeSource();
    const v = await viewer(source);
    await v.apply({ run: "agentA", step: 1000, layer: "2b", rows: ["v", "logit0"] });
    await settle();
    expect(v.data.series?.values[0]).toBe(0);
    expect(v.data.sprite?.src).toBe("frames:agentA@1000");
    expect(Object.keys(v.data.units).map((k) => k.split("\u0000").join(" "))).toEqual(
      ["agentA 1000 2b 0 v", "agentA 1000 2b 0 logit0"]);
    v.setTraj(1);
    await settle();
    expect(v.data.series?.values[0]).toBe(1);
    expect(Object.keys(v.data.units).every((k) => k.includes("\u00001\u0000"))).toBe(true);
    v.removeRow(1);
    await settle();
    expect(Object.keys(v.data.units)).toHaveLength(1);
  });

  test("cells: the observation, then attribution with the legend's channel mode", async () => {
    const v = await viewer();
    await v.apply({ run: "agentA", step: 1000, layer: "2b" });
    expect(v.data.cell("v", "pos")).toBeNull(); // no frames yet
    await settle();
    const spec = v.data.cell("v", "pos")!;
    expect(spec.q).toBeInstanceOf(Int16Array);
    expect(spec.info!.colors).toHaveLength(4);
    expect(spec.mode).toBe("prin");
    v.hover = 2;
    expect(v.data.cell("v", "pos")!.mode).toBe(2);
    v.hover = null;
    v.residual = true;
    expect(v.data.cell("v", "neg")!.mode).toBe("all");
    v.playback.seek(7);
    expect(v.data.cell(null, "obs")!.t).toBe(7);
  });
});

describe("the table and the popup", () => {
  test("rows: add copies the last, remove keeps one, set takes known outputs only", async () => {
    const v = await viewer();
    await v.apply({ run: "agentA", step: 1000, rows: ["logit1"] });
    v.addRow();
    expect(v.rows).toEqual(["logit1", "logit1"]);
    v.setRow(1, "group0");
    v.setRow(1, "nonsense");
    v.removeRow(0);
    expect(v.activeRows).toEqual([{ key: "group0", i: 1 }]);
    v.removeRow(1);
    expect(v.activeRows).toHaveLength(1);
  });

  test("outputs in words and as series", async () => {
    const v = await viewer();
    await v.apply({ run: "agentA", step: 1000 });
    await settle();
    const m = v.manifest;
    expect(outputTitle(m, v.labels, "v")).toBe("value function");
    expect(outputTitle(m, v.labels, "logit2")).toBe("\u2192 logit");
    expect(outputTitle(m, v.labels, "group0")).toBe("[ \u2190 | \u2192 ] logit sum (move)");
    expect(outputTitle(m, v.labels, "nope")).toBe("nope");
    expect(outputSeries(m, "group0", v.data.series)[5]).toBe(0);
    expect(outputSeries(m, "logit0", v.data.series)[5]).toBe(5);
    expect(outputSeries(m, "v", null)).toEqual([]);
  });

  test("the feature popup opens on hidden layers only; the wheel zooms within range", async () => {
    const v = await viewer();
    await v.apply({ run: "agentA", step: 1000, layer: "2b" });
    expect(v.expandIdx).toBe(1);
    v.openFeature(3);
    expect(v.feature).toBe(3);
    v.zoom(5);
    expect(v.expandIdx).toBe(1);
    v.zoom(-5);
    expect(v.expandIdx).toBe(0);
    expect(v.closeFeature()).toBe(true); // Escape: it was open
    expect(v.closeFeature()).toBe(false);
    v.openFeature(4);
    expect(v.feature).toBeNull();
    v.setLayer("input");
    v.openFeature(0);
    expect(v.feature).toBeNull();
  });

  test("compare colours replace the manifest's", async () => {
    const v = await viewer();
    await v.apply({ run: "agentA", step: 1000 });
    expect(v.palette[0]).toBe("#ff0000");
    v.featureColors = ["#123456"];
    expect(v.palette).toEqual(["#123456"]);
  });
});

describe("a manifest republished in place (new edit results)", () => {
  test("refresh asks again and shows the new one, the view kept; the same digest changes nothing", async () => {
    const source = new FakeSource();
    const v = await viewer(source);
    await v.apply({ run: "agentA", step: 1000, layer: "4a", frame: 7 });
    const shown = v.manifest;
    await v.refresh();
    expect(v.manifest).toBe(shown); // same digest: the shown object stays
    expect(source.requests.filter((r) => r === "manifest agentA@1000").length).toBe(2);
    const base = source.manifest.bind(source);
    source.manifest = async (run, step) => ({ ...(await base(run, step)), digest: "new",
      edits: [{ label: "f1", kind: "features", layer: "4a", features: [0], episodes: 10, seed: 0,
                return_original: { mean: 1, stderr: 0 }, return_edited: { mean: 0, stderr: 0 },
                return_delta: { mean: -1, stderr: 0.1 } }] });
    await v.reload();
    expect(v.manifest?.digest).toBe("new");
    expect(v.manifest?.edits?.length).toBe(1);
    expect([v.run, v.step, v.layer, v.frame]).toEqual(["agentA", 1000, "4a", 7]);
  });

  test("a refresh that answers after another analysis was shown is dropped", async () => {
    const source = new FakeSource();
    const v = await viewer(source);
    await v.apply({ run: "agentA", step: 1000 });
    const base = source.manifest.bind(source);
    source.manifest = async (run, step) => ({ ...(await base(run, step)), digest: "late" });
    source.delays["agentA@1000"] = 30; // answers after the load of 2000
    const late = v.refresh();
    await v.load("agentA", 2000);
    await late;
    expect([v.step, v.manifest?.digest]).toEqual([2000, "late"]); // 2000's own answer, not 1000's
    expect(v.manifest?.step).toBe(2000);
  });
});
