// The compare view: two viewers, A and B, of any two (run, step) analyses. When both used the
// same probe set they share one Playback (one timeline drives both panes: same trajectory and
// frame) and the graphs overlay the other side's series; otherwise each navigates on its own.
// The layer is always the same on both sides (the features of that layer are matched: the
// /match route; B's matched features take A's colours, unmatched ones are marked).
import { untrack } from "svelte";
import type { DataSource, Manifest, Match, Ref, RunInfo } from "../data";
import { errorText } from "../notices";
import type { ViewState } from "../urlstate";
import { Playback } from "./playback.svelte";
import { Viewer } from "./viewer.svelte";

export type Side = "a" | "b";

/** Two analyses show the same frames: the same probe set (known on both sides). */
export function sameProbeSet(a: Manifest | null, b: Manifest | null): boolean {
  return !!a && !!b && a.probe_set.id !== undefined && a.probe_set.id === b.probe_set.id;
}

/** The analysis to put beside `ref` when none is asked for: the run's previous checkpoint (its
 * next when `ref` is the first), else another run's latest, else `ref` itself. */
export function pickOther(ref: Ref, runs: RunInfo[]): Ref {
  const steps = runs.find((r) => r.run === ref.run)?.steps ?? [];
  const i = steps.indexOf(ref.step);
  if (steps.length > 1) return { run: ref.run, step: steps[i > 0 ? i - 1 : 1] };
  const other = runs.find((r) => r.run !== ref.run);
  return other ? { run: other.run, step: other.steps[other.steps.length - 1] } : { ...ref };
}

export class Compare {
  a: Viewer = $state.raw(null!);
  b: Viewer = $state.raw(null!);
  runs: RunInfo[] = $state.raw([]);
  match: Match | null = $state.raw(null);
  /** the pane the arrow keys move when the panes navigate independently */
  active: Side = $state("a");
  error = $state("");

  readonly shared = $derived(sameProbeSet(this.a.manifest, this.b.manifest));
  readonly ready = $derived(!!this.a.manifest && !!this.b.manifest);
  /** the playback the keys move: the shared one, or the active pane's */
  readonly playback: Playback = $derived(this.shared || this.active === "a"
    ? this.a.playback : this.b.playback);

  constructor(readonly source: DataSource) {
    this.a = new Viewer(source);
    this.b = new Viewer(source);
  }

  label(side: Side): string {
    const v = side === "a" ? this.a : this.b;
    return v.manifest ? `${side.toUpperCase()}: ${v.run} @ step ${v.step}` : side.toUpperCase();
  }

  stepsOf(run: string | undefined): number[] {
    return this.runs.find((r) => r.run === run)?.steps ?? [];
  }

  private has(ref: Ref): boolean {
    return !!ref && this.stepsOf(ref.run).includes(ref.step);
  }

  /** Open the view `want` (a link's, or the single view's with run_b / step_b): A is (run,
   * step), B is (run_b, step_b) or `preset` (a compare export's pair); a missing B is the
   * analysis beside A (pickOther). Returns what was asked and could not be shown. */
  async open(want: Partial<ViewState>, preset: { a: Ref; b: Ref } | null = null): Promise<string[]> {
    const problems: string[] = [];
    try {
      this.runs = (await this.source.runs(false)).runs;
    } catch (e) {
      this.error = `could not load the list of runs: ${errorText(e)}`;
      return problems;
    }
    if (!this.runs.length) return problems;
    this.a.runs = this.b.runs = this.runs;
    const asked = (run?: string, step?: number) =>
      run !== undefined && step !== undefined ? { run, step } : null;
    const latest = this.runs[0];
    let first = preset?.a ?? asked(want.run, want.step) ?? { run: latest.run, step: latest.steps[latest.steps.length - 1] };
    if (!this.has(first)) {
      const instead = { run: latest.run, step: latest.steps[latest.steps.length - 1] };
      problems.push(`A: no analysis of "${first.run}" at step ${first.step}: showing ${instead.run} @ step ${instead.step}`);
      first = instead;
    }
    let second = preset?.b ?? asked(want.run_b, want.step_b);
    if (second && !this.has(second)) {
      const instead = pickOther(first, this.runs);
      problems.push(`B: no analysis of "${second.run}" at step ${second.step}: showing ${instead.run} @ step ${instead.step}`);
      second = instead;
    }
    second ??= pickOther(first, this.runs);
    const view = { layer: want.layer, rows: want.rows, abs: want.abs, overlay: want.overlay,
                   residual: want.residual };
    const [pa, pb] = await Promise.all([
      this.a.apply({ ...first, ...view, traj: want.traj, frame: want.frame }),
      this.b.apply({ ...second, ...view, traj: want.traj_b ?? want.traj, frame: want.frame_b ?? want.frame })]);
    return problems.concat(pa.map((p) => `A: ${p}`), pb.map((p) => `B: ${p}`));
  }

  /** Show another run (its step if analysed, else the current step if it has it, else its
   * latest) on one side. */
  async choose(side: Side, run: string, step?: number): Promise<void> {
    const v = side === "a" ? this.a : this.b;
    const steps = this.stepsOf(run);
    const s = step !== undefined && steps.includes(step) ? step
      : steps.includes(v.step) ? v.step : steps[steps.length - 1];
    if (s !== undefined) await v.load(run, s);
  }

  swap(): void {
    [this.a, this.b] = [this.b, this.a];
  }

  /** The compare view as a link holds it (A's rows and toggles; B's position when it has one
   * of its own). */
  urlState(): ViewState {
    const b = this.b;
    return { ...this.a.urlState(), run_b: b.run, step_b: b.step,
             ...(this.shared ? {} : { traj_b: b.traj, frame_b: b.frame }) };
  }

  /** Debug view of the state (the tests read it). */
  state() {
    const nav = (v: Viewer) => ({ traj: v.traj, frame: v.frame, layer: v.layer });
    const ref = (v: Viewer) => (v.manifest ? { run: v.run, step: v.step } : null);
    return { mode: "compare", a: ref(this.a), b: ref(this.b), shared: this.shared,
             navA: nav(this.a), navB: nav(this.b), match: this.match };
  }

  /** Run both viewers and keep the sides together (until the returned function is called):
   * one playback when shared, one layer, the features matched and coloured. */
  start(): () => void {
    const stops = [this.a.start(), this.b.start()]; // each viewer loads its own data (a swap too)
    const stop = $effect.root(() => {
      // one timeline when shared: B shows A's trajectory and frame; apart again: B's own
      $effect(() => {
        const [a, b, shared] = [this.a, this.b, this.shared];
        untrack(() => {
          if (shared && b.playback !== a.playback) {
            b.playback.dispose();
            b.playback = a.playback;
          } else if (!shared && b.manifest && b.playback === a.playback) {
            const own = new Playback();
            own.traj = Math.min(a.traj, Math.max(b.E - 1, 0));
            own.setLength(b.T);
            own.seek(a.frame);
            b.playback = own;
          }
        });
      });

      // one layer on both sides (for the matching)
      $effect(() => {
        const l = this.a.layer;
        untrack(() => { if (l && this.b.layer !== l) this.b.setLayer(l); });
      });
      $effect(() => {
        const l = this.b.layer;
        untrack(() => { if (l && this.a.layer !== l) this.a.setLayer(l); });
      });

      // the features of the shown layer matched between A and B
      $effect(() => {
        const [a, b] = [this.a, this.b];
        if (!a.manifest || !b.manifest || !a.layer) return;
        const key = [a.run, a.step, b.run, b.step, a.layer] as const;
        this.match = null;
        this.source.match(...key)
          .then((m) => {
            if (a === this.a && b === this.b &&
                [a.run, a.step, b.run, b.step, a.layer].every((x, i) => x === key[i])) {
              this.match = m;
              this.error = "";
            }
          })
          .catch((e) => {
            this.error = `could not load the feature matching of layer ${key[4]} between ` +
              `${key[0]} step ${key[1]} and ${key[2]} step ${key[3]}: ${errorText(e)}`;
          });
      });
      $effect(() => {
        const m = this.match;
        const [a, b] = [this.a, this.b];
        untrack(() => {
          a.featureColors = m?.colors_a ?? null;
          b.featureColors = m?.colors_b ?? null;
          a.unmatched = m?.method ? m.unmatched_a : [];
          b.unmatched = m?.method ? m.unmatched_b : [];
        });
      });
    });
    return () => {
      stop();
      for (const s of stops) s();
      this.a.playback.dispose();
      this.b.playback.dispose();
    };
  }
}
