// The DOM side of the keys and the links (the rules are pure, in keys.ts and urlstate.ts):
// the TensorBoard page's key presses while the plugin's frame is shown (so that the hotkeys work
// before any click into the frame), controls chosen with the pointer let go of the focus, and
// links followed when the hash changes in an open tab.
import { hostKeyForUs, shouldRelease, type KeyTarget } from "./keys";
import { hostLink, lastHostHash, parseHash, parseLink, type Link } from "./urlstate";

/** The host page (TensorBoard) when it is ours to read (same origin), else null. */
function host(): Window | null {
  try {
    if (window.parent === window) return null;
    void window.parent.document; // throws across origins
    return window.parent;
  } catch {
    return null;
  }
}

/** Whether the plugin's frame is on screen (TensorBoard keeps other tabs' frames, hidden). */
export function frameShown(): boolean {
  const el = window.frameElement as (HTMLElement & { checkVisibility?: () => boolean }) | null;
  if (!el) return true;
  if (!el.isConnected) return false;
  return el.checkVisibility ? el.checkVisibility() : el.getClientRects().length > 0;
}

/** Call onKey with the host page's key presses that are for us (see hostKeyForUs). */
export function listenToHostKeys(onKey: (e: KeyboardEvent) => void): () => void {
  const h = host();
  if (!h) return () => {};
  const handler = (e: KeyboardEvent) => {
    if (hostKeyForUs(frameShown(), e.defaultPrevented, e.ctrlKey || e.metaKey || e.altKey)) onKey(e);
  };
  h.addEventListener("keydown", handler);
  return () => h.removeEventListener("keydown", handler);
}

/** Take the focus off a select, checkbox, radio or button chosen with the pointer (not after a
 * key on it), so that the arrows and Space are the hotkeys again. */
export function releasePointerChoices(): () => void {
  let last: { target: EventTarget | null; at: number } = { target: null, at: -Infinity };
  const byKey = (t: EventTarget | null) => last.target === t && performance.now() - last.at < 1000;
  const key = (e: KeyboardEvent) => (last = { target: e.target, at: performance.now() });
  const change = (e: Event) => {
    const t = e.target as (HTMLElement & KeyTarget) | null;
    if (t && shouldRelease(t, byKey(t))) t.blur();
  };
  const click = (e: MouseEvent) => {
    const t = (e.target as HTMLElement | null)?.closest?.("button") as (HTMLElement & KeyTarget) | null;
    // a click made by a key (Space / Enter on a focused button) has detail 0
    if (t && shouldRelease(t, e.detail === 0 || byKey(t))) t.blur();
  };
  window.addEventListener("keydown", key, true);
  window.addEventListener("change", change, true);
  window.addEventListener("click", click, true);
  return () => {
    window.removeEventListener("keydown", key, true);
    window.removeEventListener("change", change, true);
    window.removeEventListener("click", click, true);
  };
}

/** Call onLink when a link is opened in this open page: the page's own hash changes (an
 * export), or the host page's (TensorBoard: only the part after "#" of its URL changes). The
 * host's hash as this page wrote it, or without our parameters (another tab), is no link.
 * withHost: false for a standalone export (its host, e.g. MLflow's artifact viewer, is not
 * TensorBoard). */
export function listenToLinks(onLink: (link: Link) => void, withHost = true): () => void {
  const own = () => {
    const link = parseLink(location.hash);
    if (Object.keys(link.view).length || link.invalid.length) onLink(link);
  };
  window.addEventListener("hashchange", own);
  const h = withHost ? host() : null;
  const theirs = () => {
    const link = h ? hostLink(h.location.hash) : null;
    if (!link) return;
    const written = parseHash("", lastHostHash());
    if (!link.invalid.length && JSON.stringify(link.view) === JSON.stringify(written)) return; // our own
    onLink(link);
  };
  h?.addEventListener("hashchange", theirs);
  return () => {
    window.removeEventListener("hashchange", own);
    h?.removeEventListener("hashchange", theirs);
  };
}
