// A DataSource over made-up analyses, for the state classes' specs: runs agentA (steps 1000 and
// 2000, probe set "p1") and agentC (step 1000, probe set "p2"); layers 2b (4 features) and 4a
// (3 features) and the input; outputs v, logit0..2 and group0. It records the requests.
import { LoadError } from "../notices";
import type { DataSource, FeatureGrid, Manifest, Match, RunList, Series, Unit } from "../data";

export const RUNS: RunList = {
  runs: [{ run: "agentA", steps: [1000, 2000] }, { run: "agentC", steps: [1000] }],
  problems: [],
};

export function manifestOf(run: string, step: number): Manifest {
  return {
    run, step, digest: `${run}${step}`, env: { kind: "procgen", name: "coinrun" },
    action_combos: [["LEFT"], [], ["RIGHT"]], action_groups: [{ name: "move", actions: [0, 2] }],
    probe_set: { trajectories: 2, steps: 40, observations: 32, observation_shape: [64, 64, 3],
                 id: run === "agentC" ? "p2" : "p1" },
    layers: [{ name: "input", shape: [64, 64, 3], kind: "input", features: 3 },
             { name: "2b", shape: [16, 16, 32], kind: "hidden", features: 4 },
             { name: "4a", shape: [8, 8, 32], kind: "hidden", features: 3 }],
    default_layer: "2b",
    outputs: [{ key: "v", kind: "v", index: 0, actions: [] },
              ...[0, 1, 2].map((a) => ({ key: `logit${a}`, kind: "logit" as const, index: a, actions: [a] })),
              { key: "group0", kind: "group", index: 0, actions: [0, 2] }],
    bookmarks: { high: [[1, 30]], low: [[0, 3]] },
    feature_colors: ["#ff0000", "#00ff00", "#0000ff", "#ffff00"],
    features: { subdiv_mults: [0.5, 1], expand_mults: [2, 4], subdiv_default: 1, expand_default: 4 },
    assets: { frame_columns: 8, sheet_size: 64, sheet_columns: 8 },
    completeness: null,
  };
}

const later = <T>(x: T, ms = 0): Promise<T> => new Promise((r) => setTimeout(() => r(x), ms));

export class FakeSource implements DataSource {
  readonly embedded = true;
  requests: string[] = [];
  /** per "run@step": how long the manifest takes (ms) */
  delays: Record<string, number> = {};
  /** "KIND run@step" of the pictures that fail (a 404 with a one-line message) */
  broken = new Set<string>();

  async runs(): Promise<RunList> {
    this.requests.push("runs");
    return later(RUNS);
  }
  manifest(run: string, step: number): Promise<Manifest> {
    this.requests.push(`manifest ${run}@${step}`);
    if (!RUNS.runs.some((r) => r.run === run && r.steps.includes(step)))
      return Promise.reject(new Error(`manifest: 404 no analysis of ${run} at ${step}`));
    return later(manifestOf(run, step), this.delays[`${run}@${step}`] ?? 0);
  }
  series(run: string, step: number, traj: number): Promise<Series> {
    this.requests.push(`series ${run}@${step} ${traj}`);
    const n = 40;
    return later({ values: Array.from({ length: n }, (_, t) => t + traj), advantages: Array(n).fill(0),
                   rewards: Array(n).fill(0), dones: Array(n).fill(0), firsts: Array(n).fill(0),
                   actions: Array(n).fill(2), logits: Array.from({ length: n }, (_, t) => [t, 0, -t]) });
  }
  unit(run: string, step: number, layer: string, traj: number, output: string): Promise<Unit> {
    this.requests.push(`unit ${run}@${step} ${layer} ${traj} ${output}`);
    return later({ shape: [40, 4, 4, 5], codec: "f16", steps: Array(40).fill(0.01), scale: 1,
                   totals: Array.from({ length: 40 }, () => [1, 2, 3, 4, 0.5]), delta: Array(40).fill(10) });
  }
  attribution(): Promise<Int16Array> {
    return later(new Int16Array(5 * 40 * 16));
  }
  featureGrid(): Promise<FeatureGrid> {
    return later({ rows: 1, cols: 1, indices: [0] });
  }
  image(kind: string, run: string, step: number): Promise<HTMLImageElement> {
    if (this.broken.has(`${kind} ${run}@${step}`))
      return Promise.reject(new LoadError(kind, 404, `${run} step ${step}: ${kind} is missing`));
    return later({ src: `${kind}:${run}@${step}` } as unknown as HTMLImageElement);
  }
  match(run: string, step: number, runB: string, stepB: number, layer: string): Promise<Match> {
    this.requests.push(`match ${run}@${step} ${runB}@${stepB} ${layer}`);
    const K = layer === "4a" ? 3 : 4;
    const colours = ["#ff0000", "#00ff00", "#0000ff", "#ffff00"].slice(0, K);
    return later({ layer, shared_probe_set: runB !== "agentC", method: "attribution", reason: "test",
                   similarity: [], pairs: [[0, 1, 0.9]], colors_a: colours,
                   colors_b: [colours[1], colours[0], "#999999", "#888888"].slice(0, K),
                   unmatched_a: [], unmatched_b: [2] });
  }
  fullFrame(): Promise<HTMLImageElement> {
    return later({ src: "full" } as unknown as HTMLImageElement);
  }
}

/** Let the effects run and the fake requests answer. */
export async function settle(rounds = 6): Promise<void> {
  const { flushSync } = await import("svelte");
  for (let i = 0; i < rounds; i++) {
    flushSync();
    await new Promise((r) => setTimeout(r, 1));
  }
  flushSync();
}
