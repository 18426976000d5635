import { describe, expect, test } from "vitest";
import type { EditResult, Manifest } from "./data";
import {
  agentEdits, bookmarkLists, controlFor, decimalsFor, describeEdit, editTitle, featureEdit, formatDelta,
  formatEstimate, jointEdits, legendEdits, originalOf, signed,
} from "./edits";
import { manifestOf } from "./testing/fake_source";

const est = (mean: number, stderr: number) => ({ mean, stderr });

function edit(over: Partial<EditResult>): EditResult {
  return { label: "x", kind: "features", layer: "2b", features: [0], episodes: 200, seed: 0,
           return_original: est(8, 0.2), return_edited: est(6.5, 0.3), return_delta: est(-1.5, 0.25),
           ...over };
}

describe("formatting a difference", () => {
  test("signs: a true minus, a plus, none for what rounds to zero", () => {
    expect(signed(-0.123, 1)).toBe("\u22120.1");
    expect(signed(2.25, 2)).toBe("+2.25");
    expect(signed(-0.04, 1)).toBe("0.0");
    expect(signed(0, 2)).toBe("0.00");
  });

  test("decimals give the standard error two significant digits, 0-3", () => {
    expect([0.4, 2.5, 0.04, 37, 0.0004, 0, NaN].map(decimalsFor)).toEqual([2, 1, 3, 0, 3, 2, 2]);
  });

  test("success in percentage points, return with the error's decimals", () => {
    expect(formatEstimate(est(-0.1236, 0.0112), "success")).toBe("\u221212.4 ± 1.1 pp");
    expect(formatEstimate(est(0.003, 0.004), "success")).toBe("+0.3 ± 0.4 pp");
    expect(formatEstimate(est(-3.2149, 0.4), "return")).toBe("\u22123.21 ± 0.40");
    expect(formatEstimate(est(12.34, 2.5), "return")).toBe("+12.3 ± 2.5");
  });

  test("an edit is shown by success where it has one, else by return", () => {
    expect(formatDelta(edit({ success_delta: est(-0.2, 0.02) }))).toBe("\u221220.0 ± 2.0 pp");
    expect(formatDelta(edit({ success_delta: null }))).toBe("\u22121.50 ± 0.25");
    expect(formatDelta(edit({}), "success")).toBeNull();
  });
});

describe("choosing what the legend shows", () => {
  const edits = [
    edit({ features: [1], episodes: 100, label: "a" }),
    edit({ features: [1], episodes: 400, label: "b" }),
    edit({ features: [1], episodes: 400, label: "c" }),
    edit({ features: [1, 2], label: "pair" }),
    edit({ features: [2], layer: "4a", label: "other layer" }),
    edit({ kind: "random", features: [], episodes: 50, seed: 0, label: "r50" }),
    edit({ kind: "random", features: [], episodes: 400, seed: 9, label: "r400 seed 9" }),
    edit({ kind: "random", features: [], episodes: 400, seed: 0, label: "r400" }),
    edit({ kind: "random", features: [], episodes: 1000, seed: 0, layer: "4a", label: "r 4a" }),
  ];

  test("a feature's own edit: alone, of its layer, on the most levels, the last among equals", () => {
    expect(featureEdit(edits, "2b", 1)?.label).toBe("c");
    expect(featureEdit(edits, "2b", 2)).toBeNull(); // only with another feature, or on 4a
    expect(featureEdit(edits, "4a", 2)?.label).toBe("other layer");
    expect(featureEdit(edits, "2b", 0)).toBeNull();
  });

  test("the control: same layer, same levels and seed first, else as many levels, else the most", () => {
    expect(controlFor(edits, edit({ episodes: 400, seed: 0 }))?.label).toBe("r400");
    expect(controlFor(edits, edit({ episodes: 400, seed: 5 }))?.label).toBe("r400");
    expect(controlFor(edits, edit({ episodes: 50, seed: 3 }))?.label).toBe("r50");
    expect(controlFor(edits, edit({ episodes: 77 }))?.label).toBe("r400");
    expect(controlFor(edits, edit({ layer: "4a", episodes: 3 }))?.label).toBe("r 4a");
    expect(controlFor(edits.slice(0, 5), edit({}))).toBeNull();
  });

  test("legend lines: the feature's delta and the control's in the feature's metric", () => {
    const m: Manifest = { ...manifestOf("agentA", 1000), edits: [
      edit({ features: [0], success_delta: est(-0.124, 0.011), success_original: est(0.9, 0.02),
             success_edited: est(0.776, 0.03), failures: [{ cause: "buzzsaw", original: 4, edited: 31 }],
             note: "causes from the end state" }),
      edit({ features: [2] }),
      edit({ kind: "random", features: [], return_delta: est(-0.1, 0.1), success_delta: est(0.002, 0.004) }),
    ] };
    const lines = legendEdits(m, "2b", 4);
    expect(lines.map((l) => l && [l.delta, l.controlDelta, l.levels])).toEqual([
      ["\u221212.4 ± 1.1 pp", "+0.2 ± 0.4 pp", 200], null, ["\u22121.50 ± 0.25", "\u22120.10 ± 0.10", 200], null]);
    expect(lines[0]!.title).toContain("failures by cause (original → edited): buzzsaw 4 → 31");
    expect(lines[0]!.title).toContain("success 90.0 % → 77.6 %");
    expect(lines[0]!.title.split("\n").at(-1)).toBe("causes from the end state");
    expect(legendEdits(m, "4a", 3)).toEqual([null, null, null]);
    expect(legendEdits(manifestOf("agentA", 1000), "2b", 2)).toEqual([null, null]); // an older store
  });

  test("edits of several features together: one line per set, the most levels, with the control", () => {
    const m: Manifest = { ...manifestOf("agentA", 1000), edits: [
      edit({ features: [2, 0], episodes: 100, label: "small", success_delta: est(-0.3, 0.04) }),
      edit({ features: [0], label: "alone" }),
      edit({ features: [1, 3], layer: "4a", label: "other layer" }),
      edit({ features: [0, 2], episodes: 300, label: "big", success_delta: est(-0.35, 0.03) }),
      edit({ features: [1, 2, 3], label: "three" }),
      edit({ kind: "random", features: [], episodes: 300, success_delta: est(-0.01, 0.01) }),
    ] };
    const lines = jointEdits(m, "2b");
    expect(lines.map((l) => [l.edit.label, l.features, l.delta, l.controlDelta, l.levels])).toEqual([
      ["big", "1 + 3", "\u221235.0 ± 3.0 pp", "\u22121.0 ± 1.0 pp", 300],
      ["three", "2 + 3 + 4", "\u22121.50 ± 0.25", "\u22121.50 ± 0.25", 200]]);
    expect(lines[0].title.split("\n")[0]).toMatch(/^Features 1 and 3 projected out of layer 2b/);
    expect(jointEdits(m, "4a").map((l) => l.edit.label)).toEqual(["other layer"]);
    expect(jointEdits(manifestOf("agentA", 1000), "2b")).toEqual([]);
  });

  test("a control without the feature's metric is shown by its own", () => {
    const e = edit({ success_delta: est(-0.1, 0.01) });
    const c = edit({ kind: "random", features: [], return_delta: est(0.2, 0.1) });
    expect(editTitle(e, c, 0)).toContain("random direction (control), 200 levels: Δ +0.20 ± 0.10");
  });
});

describe("bookmarks", () => {
  test("high and low always; diverge and failed where an edited agent's analysis has them", () => {
    expect(bookmarkLists({ high: [[1, 2]], low: [] }).map((x) => x.kind)).toEqual(["low", "high"]);
    const lists = bookmarkLists({ high: [], low: [[0, 3]], diverge: [[0, 5], [1, 9]], failed: [] });
    expect(lists.map((x) => [x.kind, x.marks.length])).toEqual([["low", 1], ["high", 0], ["diverge", 2]]);
    expect(lists[2].caption).toMatch(/^Actions differ/);
    expect(bookmarkLists({ high: [], low: [], failed: [[1, 30]] }).at(-1)!.caption).toMatch(/^Edited agent fails/);
  });
});

describe("an edited agent", () => {
  test("its edits read defensively from the checkpoint's metadata", () => {
    const agent = { edits: [
      { kind: "project_out", site: { layer: "2b" }, features: [0, 2, -1, 1.5, "buzzsaw"], source: { run: "agentA", step: 1000 } },
      { layer: "4a", features: null, source: { run: "x", step: -1 } },
      "garbage",
    ] };
    expect(agentEdits(agent)).toEqual([
      { layer: "2b", features: [0, 2, "buzzsaw"], source: { run: "agentA", step: 1000 } },
      { layer: "4a", features: [], source: null },
    ]);
    expect(agentEdits({})).toEqual([]);
    expect(agentEdits({ edits: "no" })).toEqual([]);
    expect(agentEdits(null)).toEqual([]);
  });

  test("described with features numbered as the legend does", () => {
    expect(describeEdit({ layer: "2b", features: [0, 2], source: null })).toBe("layer 2b, features 1 and 3");
    expect(describeEdit({ layer: "2b", features: [4], source: null })).toBe("layer 2b, feature 5");
    expect(describeEdit({ layer: null, features: [], source: null })).toBe("an edit");
  });

  test("the original to compare with is an analysed source", () => {
    const runs = [{ run: "agentA", steps: [1000] }];
    const edits = [{ layer: "2b", features: [0], source: { run: "gone", step: 1 } },
                   { layer: "2b", features: [1], source: { run: "agentA", step: 1000 } }];
    expect(originalOf(edits, runs)).toEqual({ run: "agentA", step: 1000 });
    expect(originalOf(edits.slice(0, 1), runs)).toBeNull();
  });
});
