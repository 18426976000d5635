import { describe, expect, test } from "vitest";
import { encodeState, hostHashOf, hostLink, ownUrl, parseHash, parseLink, type ViewState } from "./urlstate";

const view: ViewState = { run: "nested/agent B&c", step: 901120, layer: "2b", traj: 3, frame: 0,
                          rows: ["v", "logit3", "group0"], abs: true, overlay: false,
                          residual: true };

describe("URL state", () => {
  test("round-trips through the iframe's own hash", () => {
    expect(parseHash("#" + encodeState(view))).toEqual(view);
  });

  test("round-trips the compare view (B and B's own position)", () => {
    const both = { ...view, run_b: "agentC", step_b: 1000, traj_b: 1, frame_b: 39 };
    expect(parseHash(encodeState(both))).toEqual(both);
  });

  test("is 1-based in the URL for trajectories and frames, as the original", () => {
    const q = new URLSearchParams(encodeState(view));
    expect([q.get("traj"), q.get("frame")]).toEqual(["4", "1"]);
  });

  test("round-trips through TensorBoard's deep link, keeping the host's other parameters", () => {
    const host = hostHashOf("#rl_clarity&tagFilter=loss&p.rl_clarity.frame=9", view);
    expect(host.startsWith("#rl_clarity&tagFilter=loss&")).toBe(true);
    expect(host).not.toContain("frame=9");
    expect(parseHash("", host)).toEqual(view);
    expect(hostHashOf("", view).startsWith("#rl_clarity&")).toBe(true);
  });

  test("prefers the iframe's own hash over the host's", () => {
    expect(parseHash("#frame=3", "#rl_clarity&p.rl_clarity.frame=9")).toEqual({ frame: 2 });
  });

  test("leaves out values that do not parse", () => {
    expect(parseHash("#step=abc&frame=-2&traj=x&layer=4a&abs=1")).toEqual({ layer: "4a", abs: true });
  });

  test("lists what does not parse, for the status line", () => {
    expect(parseLink("#frame=abc&run=x").invalid).toEqual(['frame "abc" is not a number: left out']);
    expect(parseLink("#frame=3").invalid).toEqual([]);
  });

  test("a host hash holds a link only with our parameters (another tab: none)", () => {
    expect(hostLink("#scalars")).toBeNull();
    expect(hostLink("#rl_clarity")).toBeNull();
    expect(hostLink("#rl_clarity&tagFilter=x")).toBeNull();
    expect(hostLink("#rl_clarity&p.rl_clarity.run=agentA&p.rl_clarity.frame=4")?.view)
      .toEqual({ run: "agentA", frame: 3 });
    expect(hostLink("#rl_clarity&p.rl_clarity.frame=x")?.invalid.length).toBe(1);
  });

  test("the page's own URL keeps its path and query (not its base URL's)", () => {
    const url = ownUrl("http://h:6006/data/plugin_entry.html?name=rl_clarity#run=old", view);
    expect(url.startsWith("http://h:6006/data/plugin_entry.html?name=rl_clarity#run=")).toBe(true);
    expect(parseHash(url.slice(url.indexOf("#")))).toEqual(view);
  });
});
