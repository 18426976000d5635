import { describe, expect, test } from "vitest";
import { hotkeyOf } from "./keys";

describe("hotkeys", () => {
  test("arrows and space", () => {
    expect(hotkeyOf("ArrowLeft", null)).toEqual({ arrow: -1 });
    expect(hotkeyOf("ArrowRight", { tagName: "DIV" })).toEqual({ arrow: 1 });
    expect(hotkeyOf(" ", { tagName: "BUTTON" })).toEqual({ toggle: true });
    expect(hotkeyOf("a", null)).toBeNull();
  });

  test("text boxes, selects and sliders keep their keys; radios do not", () => {
    expect(hotkeyOf("ArrowLeft", { tagName: "INPUT", type: "number" })).toBeNull();
    expect(hotkeyOf("ArrowLeft", { tagName: "INPUT", type: "range" })).toBeNull();
    expect(hotkeyOf("ArrowLeft", { tagName: "SELECT" })).toBeNull();
    expect(hotkeyOf("ArrowLeft", { tagName: "INPUT", type: "radio" })).toEqual({ arrow: -1 });
  });
});
