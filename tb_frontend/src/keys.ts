// The hotkeys of the original's navigator (reference section 2.8): arrows step (or turn the
// playback round), Space plays / pauses. Text boxes, selects and sliders keep their keys;
// radios and checkboxes do not (as the original: after choosing a layer or a trajectory, the
// arrows still step the frames).
import type { Playback } from "./state/playback.svelte";

export type Hotkey = { arrow: -1 | 1 } | { toggle: true };

/** The hotkey a key press means, or null (not ours, or the focused control's own key). */
export function hotkeyOf(key: string, target: { tagName?: string; type?: string } | null): Hotkey | null {
  const typing = target?.tagName === "SELECT" || target?.tagName === "TEXTAREA" ||
    (target?.tagName === "INPUT" && !["radio", "checkbox"].includes(target.type ?? ""));
  if (typing) return null;
  if (key === "ArrowLeft" || key === "ArrowRight") return { arrow: key === "ArrowLeft" ? -1 : 1 };
  if (key === " ") return { toggle: true };
  return null;
}

/** Handle a keydown for a playback; true when it was a hotkey (its default is prevented). */
export function handleHotkey(e: KeyboardEvent, playback: Playback | null): boolean {
  if (!playback) return false;
  const k = hotkeyOf(e.key, e.target as HTMLInputElement | null);
  if (!k) return false;
  if ("arrow" in k) playback.arrow(k.arrow);
  else playback.toggle();
  e.preventDefault();
  return true;
}
