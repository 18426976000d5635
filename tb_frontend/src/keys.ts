// The hotkeys of the original's navigator (reference section 2.8): arrows step (or turn the
// playback round), Space plays / pauses; Escape closes the feature popup. Keys inside form
// controls do what the control does: text boxes, selects and sliders keep all their keys, a
// focused checkbox, radio or button keeps Space (it toggles / presses it). Radios and checkboxes
// do not keep the arrows (as the original: after choosing a layer or a trajectory, the arrows
// still step the frames), and a control chosen with the pointer lets go of the focus
// (shouldRelease), so that the arrows step the frames again after a mouse choice in a dropdown.
// Pure: no DOM access beyond the fields of the targets passed in.
import type { Playback } from "./state/playback.svelte";

export type Hotkey = { arrow: -1 | 1 } | { toggle: true } | { escape: true };

/** What a key press is aimed at: the fields of an element that decide (an Element fits). */
export interface KeyTarget { tagName?: string; type?: string; isContentEditable?: boolean }

const TEXT_LIKE = new Set(["SELECT", "TEXTAREA"]);

function typing(t: KeyTarget | null): boolean {
  if (!t) return false;
  if (t.isContentEditable || TEXT_LIKE.has(t.tagName ?? "")) return true;
  return t.tagName === "INPUT" && !["radio", "checkbox", "button", "submit", "reset"].includes(t.type ?? "");
}

function pressable(t: KeyTarget | null): boolean {
  return t?.tagName === "BUTTON" || t?.tagName === "SUMMARY" ||
    (t?.tagName === "INPUT" && ["radio", "checkbox", "button", "submit", "reset"].includes(t.type ?? ""));
}

/** The hotkey a key press means, or null (not ours, or the focused control's own key).
 * host: the press happened in the page around the plugin's frame (TensorBoard), where any form
 * control keeps every key. */
export function hotkeyOf(key: string, target: KeyTarget | null, host = false): Hotkey | null {
  if (typing(target)) return null;
  if (host && (pressable(target) || target?.tagName === "INPUT")) return null;
  if (key === "Escape") return { escape: true };
  if (key === "ArrowLeft" || key === "ArrowRight") return { arrow: key === "ArrowLeft" ? -1 : 1 };
  if (key === " " && !pressable(target)) return { toggle: true };
  return null;
}

/** After a change or a click on `target`, whether to take the focus off it: a control chosen
 * with the pointer (no key pressed on it just before) would otherwise keep the arrows (a select)
 * or Space (a checkbox, a button). byKey: the last key press was on this control, just now. */
export function shouldRelease(target: KeyTarget | null, byKey: boolean): boolean {
  if (byKey || !target) return false;
  return target.tagName === "SELECT" || pressable(target);
}

/** Whether a key press in the host page is for us: the plugin's frame is shown and the page
 * has no other use for it (a dialog, a text box: see hotkeyOf). */
export function hostKeyForUs(frameShown: boolean, defaultPrevented: boolean, modifiers: boolean): boolean {
  return frameShown && !defaultPrevented && !modifiers;
}

/** Handle a keydown for a playback; true when it was a hotkey (its default is prevented).
 * onEscape: close what Escape closes (the feature popup); false when nothing was open. */
export function handleHotkey(e: KeyboardEvent, playback: Playback | null, onEscape: () => boolean = () => false,
                             host = false): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  const k = hotkeyOf(e.key, e.target as KeyTarget | null, host);
  if (!k) return false;
  if ("escape" in k) {
    if (!onEscape()) return false;
  } else if (!playback) {
    return false;
  } else if ("arrow" in k) {
    playback.arrow(k.arrow);
  } else {
    playback.toggle();
  }
  e.preventDefault();
  return true;
}
