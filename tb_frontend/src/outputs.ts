// A network output (value function, a logit, a sum of logits) in words and as a series.
import type { Manifest, Series } from "./data";

/** "value function", "→ logit", "[ ← | → ] logit sum (name)". labels: the actions' labels. */
export function outputTitle(m: Manifest | null, labels: string[], key: string): string {
  const o = m?.outputs.find((x) => x.key === key);
  if (!m || !o) return key;
  if (o.kind === "v") return "value function";
  if (o.kind === "logit") return `${labels[o.index] ?? o.index} logit`;
  const g = m.action_groups[o.index];
  return `[ ${o.actions.map((a) => labels[a] ?? a).join(" | ")} ] logit sum` + (g ? ` (${g.name})` : "");
}

/** The per-frame values of an output over a trajectory (a value, a logit, a sum of logits). */
export function outputSeries(m: Manifest | null, key: string, of: Series | null): number[] {
  const o = m?.outputs.find((x) => x.key === key);
  if (!o || !of) return [];
  if (o.kind === "v") return of.values;
  return of.logits.map((l) => o.actions.reduce((s, a) => s + l[a], 0));
}
