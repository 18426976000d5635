import { describe, expect, test } from "vitest";
import { errorText, firstLine, LoadError, partNotice } from "./notices";

describe("notices", () => {
  test("name the part, the analysis and the server's one-line reason", () => {
    const e = new LoadError("frames", 404, "agentA step 1000: trajectories/frames_0.webp is missing");
    expect(partNotice("frames", "agentA", 1000, e))
      .toBe("could not load frames of agentA step 1000: agentA step 1000: trajectories/frames_0.webp is missing");
    expect(e.message).toBe("frames: 404 agentA step 1000: trajectories/frames_0.webp is missing");
  });

  test("any error in one line", () => {
    expect(errorText(new Error("a\nb"))).toBe("a");
    expect(errorText("plain")).toBe("plain");
    expect(errorText(new LoadError("thumbnails", 0, "the picture could not be decoded")))
      .toBe("the picture could not be decoded");
    expect(errorText(new LoadError("x", 500, ""))).toBe("x: 500");
    expect(firstLine("x".repeat(400)).length).toBe(300);
  });
});
