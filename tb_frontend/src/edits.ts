// Model editing as the interface shows it (rl-clarity edit / evaluate, Hilton et al. 2020: a
// feature's direction projected out of its layer, the edited agent evaluated against the
// original on the same levels): the legend's line per feature (its delta and the random
// control's), the tooltip, the bookmark lists of an edited agent's analysis and what the
// header says about an edited agent. Pure functions of the manifest; the numbers' format is
// checked again by tests/test_edit_ui.py, written independently.
import type { EditResult, Estimate, Manifest, Marks, Ref, RunInfo } from "./data";

const MINUS = "\u2212";

/** `x` at `digits` decimals with its sign: "+1.2", "−0.3"; no sign when it rounds to 0. */
export function signed(x: number, digits: number): string {
  const s = Math.abs(x).toFixed(digits);
  if (Number(s) === 0) return s;
  return (x < 0 ? MINUS : "+") + s;
}

/** The decimals that show a standard error with two significant digits, within 0-3 (2 for
 * an error of 0: one episode). */
export function decimalsFor(stderr: number): number {
  if (!(stderr > 0) || !isFinite(stderr)) return 2;
  return Math.min(Math.max(1 - Math.floor(Math.log10(stderr)), 0), 3);
}

export type Metric = "success" | "return";

/** What an edit is shown by: its success rate where the environment reports level
 * completion, else its return. */
export function metricOf(e: EditResult): Metric {
  return e.success_delta ? "success" : "return";
}

/** A paired difference: "−12.4 ± 1.1 pp" (success rate, in percentage points, one decimal)
 * or "−3.21 ± 0.40" (return, decimals from the standard error: decimalsFor). */
export function formatEstimate(d: Estimate, metric: Metric): string {
  if (metric === "success") return `${signed(d.mean * 100, 1)} ± ${(d.stderr * 100).toFixed(1)} pp`;
  const n = decimalsFor(d.stderr);
  return `${signed(d.mean, n)} ± ${d.stderr.toFixed(n)}`;
}

/** An edit's difference in `metric` (its own by default); null when it has none. */
export function formatDelta(e: EditResult, metric: Metric = metricOf(e)): string | null {
  const d = metric === "success" ? e.success_delta : e.return_delta;
  return d ? formatEstimate(d, metric) : null;
}

/** Of `edits`, the one that projects out feature `k` of `layer` alone: the one on the most
 * levels, the last recorded among equals; null when there is none. */
export function featureEdit(edits: EditResult[], layer: string, k: number): EditResult | null {
  let best: EditResult | null = null;
  for (const e of edits)
    if (e.kind === "features" && e.layer === layer && e.features.length === 1 && e.features[0] === k &&
        (!best || e.episodes >= best.episodes))
      best = e;
  return best;
}

/** The random control to show beside `edit`: a `random` edit of the same layer, preferably on
 * the same levels (the same episodes and seed), else on as many levels, else the one on the
 * most levels (the last recorded among equals); null when the layer has none. */
export function controlFor(edits: EditResult[], edit: EditResult): EditResult | null {
  const score = (c: EditResult) =>
    (c.episodes === edit.episodes ? 2 : 0) + (c.seed === edit.seed && c.episodes === edit.episodes ? 1 : 0);
  let best: EditResult | null = null;
  for (const c of edits) {
    if (c.kind !== "random" || c.layer !== edit.layer) continue;
    if (!best || score(c) > score(best) || (score(c) === score(best) && c.episodes >= best.episodes))
      best = c;
  }
  return best;
}

/** A rate as "91.0 %". */
function rate(x: number): string {
  return `${(x * 100).toFixed(1)} %`;
}

/** The tooltip of feature `k`'s editing result: both agents' success and return, failures by
 * cause, the control, the note. */
export function editTitle(edit: EditResult, control: EditResult | null, k: number): string {
  const lines = [`Feature ${k + 1} projected out of layer ${edit.layer} ("${edit.label}"), ` +
                 `${edit.episodes} levels (seed ${edit.seed}); Δ = edited − original, same levels:`];
  const so = edit.success_original, se = edit.success_edited;
  if (so && se && edit.success_delta)
    lines.push(`success ${rate(so.mean)} → ${rate(se.mean)}: Δ ${formatEstimate(edit.success_delta, "success")}`);
  const ro = edit.return_original, re = edit.return_edited;
  const n = decimalsFor(edit.return_delta.stderr);
  lines.push(`return ${ro.mean.toFixed(n)} → ${re.mean.toFixed(n)}: Δ ${formatEstimate(edit.return_delta, "return")}`);
  if (edit.failures?.length)
    lines.push("failures by cause (original → edited): " +
               edit.failures.map((f) => `${f.cause} ${f.original} → ${f.edited}`).join(", "));
  if (control) {
    const metric = metricOf(edit);
    lines.push(`random direction (control), ${control.episodes} levels: Δ ` +
               (formatDelta(control, metric) ?? formatDelta(control)));
  }
  if (edit.note) lines.push(edit.note);
  return lines.join("\n");
}

/** What the legend shows under feature k: its difference, the control's, the levels. */
export interface LegendEdit {
  edit: EditResult; control: EditResult | null; metric: Metric;
  delta: string; controlDelta: string | null; levels: number; title: string;
}

/** For each of the K features of `layer`, its editing result (null where it has none). */
export function legendEdits(m: Manifest | null, layer: string, K: number): (LegendEdit | null)[] {
  const edits = m?.edits ?? [];
  return Array.from({ length: K }, (_, k) => {
    const edit = featureEdit(edits, layer, k);
    if (!edit) return null;
    const metric = metricOf(edit);
    const control = controlFor(edits, edit);
    return { edit, control, metric, delta: formatDelta(edit, metric)!,
             controlDelta: control ? formatDelta(control, metric) ?? formatDelta(control) : null,
             levels: edit.episodes, title: editTitle(edit, control, k) };
  });
}

/** An edit of several features of a layer together, as the legend lists it under its items. */
export interface JointEdit {
  edit: EditResult; control: EditResult | null; metric: Metric; features: string;
  delta: string; controlDelta: string | null; levels: number; title: string;
}

/** The edits of `layer` that project out several features at once (`--features 1,3`): per set
 * of features the one on the most levels (the last recorded among equals), in the order first
 * recorded, each with its random control. */
export function jointEdits(m: Manifest | null, layer: string): JointEdit[] {
  const edits = m?.edits ?? [];
  const bySet = new Map<string, EditResult>();
  for (const e of edits) {
    if (e.kind !== "features" || e.layer !== layer || e.features.length < 2) continue;
    const key = [...e.features].sort((a, b) => a - b).join(",");
    const prev = bySet.get(key);
    if (!prev || e.episodes >= prev.episodes) bySet.set(key, e);
  }
  return [...bySet.values()].map((edit) => {
    const metric = metricOf(edit);
    const control = controlFor(edits, edit);
    const names = [...edit.features].sort((a, b) => a - b).map((f) => String(f + 1));
    const title = editTitle(edit, control, edit.features[0])
      .replace(/^Feature \d+ projected/, `Features ${names.join(" and ")} projected`);
    return { edit, control, metric, features: names.join(" + "), delta: formatDelta(edit, metric)!,
             controlDelta: control ? formatDelta(control, metric) ?? formatDelta(control) : null,
             levels: edit.episodes, title };
  });
}

// -- bookmarks -----------------------------------------------------------------------------------

export type BookmarkKind = "low" | "high" | "diverge" | "failed";
export const BOOKMARK_CAPTIONS: Record<BookmarkKind, string> = {
  low: "Lowest advantage episodes (unexpected failures):",
  high: "Highest advantage episodes (unexpected successes):",
  diverge: "Actions differ (first frame where the edited agent acts otherwise than the original):",
  failed: "Edited agent fails (levels the original completes):",
};

/** The bookmark lists to show: lowest and highest advantage always (as the original), then
 * those of an edited agent's analysis where it has any. */
export function bookmarkLists(b: Manifest["bookmarks"] | undefined):
    { kind: BookmarkKind; caption: string; marks: Marks }[] {
  const kinds: BookmarkKind[] = ["low", "high", "diverge", "failed"];
  return kinds.flatMap((kind) => {
    const marks = b?.[kind] ?? [];
    return kind === "low" || kind === "high" || marks.length
      ? [{ kind, caption: BOOKMARK_CAPTIONS[kind], marks }] : [];
  });
}

// -- an edited agent -----------------------------------------------------------------------------

/** One edit recorded in an edited checkpoint's metadata (`manifest.agent.edits`). */
export interface AgentEdit { layer: string | null; features: (number | string)[]; source: Ref | null }

const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === "object" && !Array.isArray(x);

/** The edits of an edited agent (`manifest.agent.edits`: each with its layer, at `layer` or
 * `site.layer`, its `features` and its `source`, the original's `{run, step}`), read
 * defensively: what is not of the expected type is left out. */
export function agentEdits(agent: unknown): AgentEdit[] {
  if (!isObject(agent) || !Array.isArray(agent.edits)) return [];
  return agent.edits.filter(isObject).map((r) => {
    const layer = typeof r.layer === "string" ? r.layer
      : isObject(r.site) && typeof r.site.layer === "string" ? r.site.layer : null;
    const features = Array.isArray(r.features)
      ? r.features.filter((f): f is number | string =>
        (typeof f === "number" && Number.isInteger(f) && f >= 0) || typeof f === "string") : [];
    const s = r.source;
    const source = isObject(s) && typeof s.run === "string" && typeof s.step === "number" &&
      Number.isSafeInteger(s.step) && s.step >= 0 ? { run: s.run, step: s.step } : null;
    return { layer, features, source };
  });
}

/** "layer 2b, features 1 and 3" (features 1-based, as the legend numbers them). */
export function describeEdit(e: AgentEdit): string {
  const names = e.features.map((f) => (typeof f === "number" ? String(f + 1) : f));
  const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}` : names[0];
  const parts = [e.layer ? `layer ${e.layer}` : "", list ? `feature${names.length > 1 ? "s" : ""} ${list}` : ""];
  return parts.filter(Boolean).join(", ") || "an edit";
}

/** The analysis of the original agent to compare with: the source of the first edit whose
 * source is analysed (in `runs`); null when there is none. */
export function originalOf(edits: AgentEdit[], runs: RunInfo[]): Ref | null {
  for (const e of edits)
    if (e.source && runs.some((r) => r.run === e.source!.run && r.steps.includes(e.source!.step)))
      return e.source;
  return null;
}
