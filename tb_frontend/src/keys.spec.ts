import { describe, expect, test, vi } from "vitest";
import { handleHotkey, hostKeyForUs, hotkeyOf, shouldRelease } from "./keys";
import { Playback } from "./state/playback.svelte";

const CHECKBOX = { tagName: "INPUT", type: "checkbox" };
const RADIO = { tagName: "INPUT", type: "radio" };
const BUTTON = { tagName: "BUTTON" };

describe("hotkeys", () => {
  test("arrows, space and escape", () => {
    expect(hotkeyOf("ArrowLeft", null)).toEqual({ arrow: -1 });
    expect(hotkeyOf("ArrowRight", { tagName: "DIV" })).toEqual({ arrow: 1 });
    expect(hotkeyOf(" ", { tagName: "BODY" })).toEqual({ toggle: true });
    expect(hotkeyOf("Escape", { tagName: "BODY" })).toEqual({ escape: true });
    expect(hotkeyOf("a", null)).toBeNull();
  });

  test("text boxes, selects, sliders and editable text keep their keys", () => {
    for (const t of [{ tagName: "INPUT", type: "number" }, { tagName: "INPUT", type: "range" },
                     { tagName: "INPUT", type: "text" }, { tagName: "SELECT" }, { tagName: "TEXTAREA" },
                     { tagName: "DIV", isContentEditable: true }]) {
      for (const key of ["ArrowLeft", "ArrowRight", " ", "Escape"]) expect(hotkeyOf(key, t)).toBeNull();
    }
  });

  test("a focused checkbox, radio or button keeps Space; the arrows step frames", () => {
    for (const t of [CHECKBOX, RADIO, BUTTON]) {
      expect(hotkeyOf(" ", t)).toBeNull();
      expect(hotkeyOf("ArrowLeft", t)).toEqual({ arrow: -1 });
    }
  });

  test("in the host page any form control keeps every key; the page body does not", () => {
    for (const t of [CHECKBOX, BUTTON, { tagName: "INPUT", type: "text" }, { tagName: "SELECT" },
                     { tagName: "DIV", isContentEditable: true }]) {
      expect(hotkeyOf("ArrowRight", t, true)).toBeNull();
      expect(hotkeyOf(" ", t, true)).toBeNull();
    }
    expect(hotkeyOf("ArrowRight", { tagName: "BODY" }, true)).toEqual({ arrow: 1 });
    expect(hotkeyOf(" ", { tagName: "DIV" }, true)).toEqual({ toggle: true });
    expect(hostKeyForUs(true, false, false)).toBe(true);
    expect(hostKeyForUs(false, false, false)).toBe(false); // another TensorBoard tab is shown
    expect(hostKeyForUs(true, true, false)).toBe(false);
    expect(hostKeyForUs(true, false, true)).toBe(false);
  });

  test("a control chosen with the pointer lets go of the focus, one chosen by key keeps it", () => {
    expect(shouldRelease({ tagName: "SELECT" }, false)).toBe(true);
    expect(shouldRelease(RADIO, false)).toBe(true);
    expect(shouldRelease(CHECKBOX, false)).toBe(true);
    expect(shouldRelease(BUTTON, false)).toBe(true);
    expect(shouldRelease({ tagName: "SELECT" }, true)).toBe(false);
    expect(shouldRelease(CHECKBOX, true)).toBe(false);
    expect(shouldRelease({ tagName: "INPUT", type: "number" }, false)).toBe(false);
    expect(shouldRelease({ tagName: "DIV" }, false)).toBe(false);
    expect(shouldRelease(null, false)).toBe(false);
  });
});

describe("handleHotkey", () => {
  const press = (key: string, target: object = { tagName: "BODY" }, mods = {}) => {
    const e = { key, target, preventDefault: vi.fn(), ctrlKey: false, metaKey: false, altKey: false, ...mods };
    return e as unknown as KeyboardEvent & { preventDefault: ReturnType<typeof vi.fn> };
  };

  test("arrows step, space plays, the default prevented", () => {
    const p = new Playback(() => 0);
    p.setLength(10);
    const e = press("ArrowRight");
    expect(handleHotkey(e, p)).toBe(true);
    expect(p.frame).toBe(1);
    expect(e.preventDefault).toHaveBeenCalled();
    expect(handleHotkey(press(" "), p)).toBe(true);
    expect(p.playing).toBe(1);
    p.dispose();
  });

  test("escape closes the popup only when one is open; modifiers and controls are left alone", () => {
    const p = new Playback(() => 0);
    p.setLength(10);
    let open = true;
    const close = () => { const was = open; open = false; return was; };
    const e = press("Escape");
    expect(handleHotkey(e, p, close)).toBe(true);
    expect(open).toBe(false);
    const again = press("Escape");
    expect(handleHotkey(again, p, close)).toBe(false);
    expect(again.preventDefault).not.toHaveBeenCalled();
    expect(handleHotkey(press("ArrowRight", { tagName: "BODY" }, { ctrlKey: true }), p)).toBe(false);
    const box = press(" ", CHECKBOX);
    expect(handleHotkey(box, p)).toBe(false);
    expect(box.preventDefault).not.toHaveBeenCalled();
    expect(p.playing).toBe(0);
    expect(p.frame).toBe(0);
    p.dispose();
  });
});
