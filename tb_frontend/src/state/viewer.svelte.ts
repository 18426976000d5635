// One analysis on screen: which run and checkpoint, layer, attribution rows and toggles, the
// legend's hover and the feature popup. Where on the tape it is lives in its Playback (shared by
// both panes of a compare view on one probe set); the data loaded for it in its Shown.
// Components render a Viewer and call its methods; nothing here touches the DOM, so that the
// specs run it on a fake DataSource.
import type { DataSource, Manifest, Problem, RunInfo } from "../data";
import { errorText, partNotice } from "../notices";
import { actionLabel, hexToUnit, type ChannelMode } from "../render";
import type { ViewState } from "../urlstate";
import { Playback } from "./playback.svelte";
import { Shown } from "./shown.svelte";

export type Hover = null | number | "res";

/** The input pseudo-layer's colours when the manifest names none: R, G, B. */
const RGB = [{ label: "red", color: "#ff0000" }, { label: "green", color: "#00ff00" },
             { label: "blue", color: "#0000ff" }];

export const NO_ANALYSIS = "No RL Clarity analysis in this logdir yet: run " +
  "'rl-clarity analyze CHECKPOINT --logdir LOGDIR'.";

export class Viewer {
  /** where the trajectory and frame are (replaced by a shared one in a compare view) */
  playback: Playback = $state.raw(new Playback());
  /** the analysed runs (and the problems of those that could not be read) */
  runs: RunInfo[] = $state.raw([]);
  problems: Problem[] = $state.raw([]);
  run = $state("");
  step = $state(-1);
  manifest: Manifest | null = $state.raw(null);
  layer = $state("");
  /** the attribution table's outputs, one per row; null: a removed row (indices stay stable) */
  rows: (string | null)[] = $state(["v"]);
  abs = $state(false);
  overlay = $state(true);
  residual = $state(false);
  hires = $state(true);
  /** the legend item under the pointer: that feature alone (or the residual) is drawn */
  hover: Hover = $state(null);
  /** the feature shown in the popup (0-based), and the popup's slider positions */
  feature: number | null = $state(null);
  expandIdx = $state(0);
  subdivIdx = $state(0);
  /** the popup shows the synthetic pictures instead of the dataset examples; the legend's
   * thumbnails are synthetic pictures (both where the layer has them) */
  popupSynthetic = $state(false);
  legendSynthetic = $state(false);
  error = $state("");
  /** the parts of the shown analysis that could not be loaded: part -> notice (partNotice);
   * emptied when another analysis is shown, a part's own dropped when it loads after all */
  failures: Record<string, string> = $state.raw({});
  readonly notices: string[] = $derived(Object.values(this.failures));
  /** the data loaded for what is shown (series, frames, attribution units) */
  readonly data: Shown = new Shown(this);
  /** the compare view's colours of the features (matched to the other pane) and the
   * features without a match */
  featureColors: string[] | null = $state.raw(null);
  unmatched: number[] = $state.raw([]);

  readonly T = $derived(this.manifest?.probe_set.steps ?? 0);
  readonly E = $derived(this.manifest?.probe_set.trajectories ?? 0);
  readonly layerInfo = $derived(this.manifest?.layers.find((l) => l.name === this.layer));
  readonly isInput = $derived(this.layerInfo?.kind === "input");
  /** the shown layer's synthetic feature pictures, where it has some for its features */
  readonly featureVis = $derived(this.layerInfo?.feature_vis?.features ? this.layerInfo.feature_vis : null);
  /** the input pseudo-layer's channels (R, G, B, or the frames of a stack) */
  readonly inputChannels = $derived(this.layerInfo?.channels?.length ? this.layerInfo.channels : RGB);
  readonly K = $derived(!this.layerInfo ? 0
    : this.isInput ? this.inputChannels.length : this.layerInfo.features);
  readonly palette: string[] = $derived(this.featureColors ?? this.manifest?.feature_colors ?? []);
  readonly colors = $derived(this.isInput ? this.inputChannels.map((c) => hexToUnit(c.color))
    : this.palette.map(hexToUnit));
  readonly mode: ChannelMode = $derived(this.hover ?? (this.residual && !this.isInput ? "all" : "prin"));
  readonly directions: ("abs" | "pos" | "neg")[] = $derived(this.abs ? ["abs"] : ["pos", "neg"]);
  readonly labels = $derived((this.manifest?.action_combos ?? []).map(actionLabel));
  readonly activeRows: { key: string; i: number }[] = $derived(
    this.rows.flatMap((r, i) => (r === null ? [] : [{ key: r, i }])));
  readonly stepsOfRun = $derived(this.runs.find((r) => r.run === this.run)?.steps ?? []);
  readonly hasFull = $derived(!!this.manifest?.full_resolution);
  readonly useFull = $derived(this.hasFull && this.hires);

  private seq = 0; // the latest load(): an older one that answers late is dropped

  constructor(readonly source: DataSource) {}

  get traj(): number { return this.playback.traj; }
  get frame(): number { return this.playback.frame; }
  get playing(): number { return this.playback.playing; }

  // -- what is shown ----------------------------------------------------------------------------

  /** Fetch the run list (refresh: ask the server to look at the logdir again). */
  async loadRuns(refresh = false): Promise<boolean> {
    try {
      const list = await this.source.runs(refresh);
      this.runs = list.runs;
      this.problems = list.problems;
      this.error = list.runs.length || list.problems.length ? "" : NO_ANALYSIS;
      return true;
    } catch (e) {
      this.error = `could not load the list of runs: ${errorText(e)}`;
      return false;
    }
  }

  /** Show another analysis; the layer, rows, trajectory and frame stay where they can. */
  async load(run: string, step: number): Promise<boolean> {
    const seq = ++this.seq;
    this.playback.pause();
    this.error = "";
    let m: Manifest;
    try {
      m = await this.source.manifest(run, step);
    } catch (e) {
      if (seq === this.seq) this.error = partNotice("the analysis (manifest)", run, step, e);
      return false;
    }
    if (seq !== this.seq) return false;
    this.failures = {};
    this.run = run;
    this.step = step;
    this.manifest = m;
    this.data.clear();
    this.feature = null;
    if (!m.layers.some((l) => l.name === this.layer)) this.layer = m.default_layer;
    const keys = m.outputs.map((o) => o.key);
    const rows = this.rows.filter((r) => r === null || keys.includes(r));
    this.rows = rows.some((r) => r !== null) ? rows : ["v"];
    this.playback.setLength(m.probe_set.steps);
    if (this.traj >= m.probe_set.trajectories) this.playback.traj = m.probe_set.trajectories - 1;
    this.expandIdx = Math.max(0, m.features.expand_mults.indexOf(m.features.expand_default));
    this.subdivIdx = Math.max(0, m.features.subdiv_mults.indexOf(m.features.subdiv_default));
    return true;
  }

  /** Ask for the shown analysis' manifest again (TensorBoard reloaded, or "reload runs"):
   * a manifest republished with new edit results or bookmarks (another digest) replaces the
   * shown one; the view stays as it is. */
  async refresh(): Promise<void> {
    const [run, step, seq] = [this.run, this.step, this.seq];
    if (!this.manifest) return;
    let m: Manifest;
    try {
      m = await this.source.manifest(run, step, true);
    } catch {
      return; // the run list says what is wrong with it
    }
    if (seq === this.seq && run === this.run && step === this.step && m.digest !== this.manifest?.digest)
      this.manifest = m;
  }

  /** "reload runs" and TensorBoard's reload: the run list, the view, the shown manifest. */
  async reload(): Promise<void> {
    if (!(await this.loadRuns(true))) return;
    await this.apply({});
    await this.refresh();
  }

  /** Show the view `want` (a link's): the analysis first, then the rest. Values that do not
   * exist are replaced by the nearest that do; returns one sentence for each (what was asked,
   * what is shown instead), empty when everything was as asked. Needs the run list. */
  async apply(want: Partial<ViewState>): Promise<string[]> {
    const problems: string[] = [];
    if (!this.runs.length) {
      if (want.run !== undefined) problems.push(`run "${want.run}" is not analysed: there are no analyses`);
      return problems;
    }
    let info = want.run !== undefined ? this.runs.find((r) => r.run === want.run) : undefined;
    const fallback = this.runs.find((r) => r.run === this.run) ?? this.runs[0];
    if (want.run !== undefined && !info)
      problems.push(`run "${want.run}" is not analysed here: showing "${fallback.run}"`);
    info ??= fallback;
    const latest = info.steps[info.steps.length - 1];
    let step = want.step ?? (info.run === this.run ? this.step : latest);
    if (want.step !== undefined && !info.steps.includes(want.step))
      problems.push(`step ${want.step} of "${info.run}" is not analysed: showing step ${latest}`);
    if (!info.steps.includes(step)) step = latest;
    if ((info.run !== this.run || step !== this.step || !this.manifest) && !(await this.load(info.run, step)))
      return problems;
    return problems.concat(this.applyView(want));
  }

  /** The parts of a view within the shown analysis: layer, rows, toggles, trajectory, frame
   * (see apply). */
  applyView(want: Partial<ViewState>): string[] {
    const m = this.manifest;
    if (!m) return [];
    const problems: string[] = [];
    const where = `${this.run} @ step ${this.step}`;
    if (want.layer !== undefined) {
      if (m.layers.some((l) => l.name === want.layer)) this.layer = want.layer;
      else problems.push(`layer "${want.layer}" is not analysed in ${where}: showing layer ${this.layer}`);
    }
    if (want.rows !== undefined) {
      const keys = m.outputs.map((o) => o.key);
      const bad = want.rows.filter((r) => !keys.includes(r));
      const good = want.rows.filter((r) => keys.includes(r));
      if (bad.length) problems.push(`output${bad.length > 1 ? "s" : ""} ${bad.map((r) => `"${r}"`).join(", ")} ` +
                                    `not analysed in ${where}: left out`);
      this.rows = good.length ? good : ["v"];
    }
    if (want.abs !== undefined) this.abs = want.abs;
    if (want.overlay !== undefined) this.overlay = want.overlay;
    if (want.residual !== undefined) this.residual = want.residual;
    const E = m.probe_set.trajectories, T = m.probe_set.steps;
    if (want.traj !== undefined) {
      const t = Math.min(Math.max(want.traj, 0), E - 1);
      if (t !== want.traj) problems.push(`trajectory ${want.traj + 1} does not exist (1-${E}): showing ${t + 1}`);
      this.playback.traj = t;
    }
    if (want.frame !== undefined) {
      const f = this.playback.seek(want.frame);
      if (f !== want.frame) problems.push(`frame ${want.frame + 1} does not exist (1-${T}): showing ${f + 1}`);
    }
    return problems;
  }

  /** The view as a link holds it. */
  urlState(): ViewState {
    return { run: this.run, step: this.step, layer: this.layer, traj: this.traj, frame: this.frame,
             rows: this.activeRows.map((r) => r.key), abs: this.abs, overlay: this.overlay,
             residual: this.residual };
  }

  setLayer(name: string): void {
    if (this.manifest?.layers.some((l) => l.name === name)) this.layer = name;
  }

  setTraj(t: number): void {
    if (t >= 0 && t < this.E) this.playback.traj = t;
  }

  /** A bookmark: pause, that trajectory and frame. */
  jump(traj: number, frame: number): void {
    this.playback.pause();
    this.setTraj(traj);
    this.playback.seek(frame);
  }

  /** A part of analysis (run, step) could not be loaded: noticed while that analysis is shown.
   * part: what it is, in words ("frames", "thumbnails of layer 2b"). */
  fail(part: string, run: string, step: number, e: unknown): void {
    if (run !== this.run || step !== this.step) return; // no longer shown
    const text = partNotice(part, run, step, e);
    if (this.failures[part] !== text) this.failures = { ...this.failures, [part]: text };
  }

  /** A part of (run, step) loaded: its notice, if any, goes. */
  loaded(part: string, run: string, step: number): void {
    if (run !== this.run || step !== this.step || !(part in this.failures)) return;
    const { [part]: _, ...rest } = this.failures;
    this.failures = rest;
  }

  // -- the attribution table --------------------------------------------------------------------

  addRow(): void {
    const last = [...this.rows].reverse().find((r) => r !== null) ?? "v";
    this.rows = [...this.rows, last];
  }

  removeRow(i: number): void {
    if (this.activeRows.length > 1) this.rows = this.rows.map((r, j) => (j === i ? null : r));
  }

  setRow(i: number, key: string): void {
    if (this.manifest?.outputs.some((o) => o.key === key)) this.rows[i] = key;
  }

  // -- the feature popup --------------------------------------------------------------------------

  openFeature(k: number): void {
    if (k >= 0 && k < this.K && !this.isInput) this.feature = k;
  }

  /** Close the feature popup; false when none was open. */
  closeFeature(): boolean {
    const open = this.feature !== null;
    this.feature = null;
    return open;
  }

  /** The zoom slider moved by a wheel notch (sign of deltaY), within its range. */
  zoom(by: number): void {
    const n = this.manifest?.features.expand_mults.length ?? 1;
    this.expandIdx = Math.min(Math.max(this.expandIdx + Math.sign(by), 0), n - 1);
  }

  /** Load what is shown as it changes, until the returned function is called. */
  start(): () => void {
    return this.data.start();
  }
}
