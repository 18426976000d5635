// The data of what a viewer shows, loaded as the view changes: the trajectory's series and
// frames, the attribution units of the table's rows, the human-scale frame (and the next
// three); and what each cell of the table draws from them.
import { untrack } from "svelte";
import type { CellSpec } from "../cells";
import type { Series, Unit } from "../data";
import type { MapInfo } from "../render";
import type { Viewer } from "./viewer.svelte";

export type CellKind = "obs" | "pos" | "neg" | "abs";
/** An attribution unit and its integer maps, once both are loaded. */
export interface LoadedUnit { unit: Unit; q: Int16Array }

export class Shown {
  series: Series | null = $state.raw(null);
  sprite: HTMLImageElement | null = $state.raw(null);
  /** the rows' units by unitKey: only those on screen (the source keeps recently used ones) */
  units: Record<string, LoadedUnit> = $state.raw({});
  full: { key: string; img: HTMLImageElement } | null = $state.raw(null);

  constructor(private v: Viewer) {}

  /** the human-scale frame shown: run, step, trajectory and frame */
  readonly fullKey = $derived.by(() => [this.v.run, this.v.step, this.v.traj, this.v.frame].join("\u0000"));

  /** The key of an attribution unit of the shown run, step, layer and trajectory. */
  unitKey(output: string): string {
    const v = this.v;
    return `${v.run}\u0000${v.step}\u0000${v.layer}\u0000${v.traj}\u0000${output}`;
  }

  unit(output: string): LoadedUnit | undefined {
    return this.units[this.unitKey(output)];
  }

  /** Another analysis: nothing of the old one's units is shown any more. */
  clear(): void {
    this.units = {};
  }

  /** What one cell of the table draws (null until the frames are loaded). */
  cell(key: string | null, kind: CellKind): CellSpec | null {
    const v = this.v, m = v.manifest;
    if (!m || !this.sprite) return null;
    const spec: CellSpec = { sprite: this.sprite, frameColumns: m.assets.frame_columns,
      obsShape: m.probe_set.observation_shape, t: v.frame, kind, overlay: v.overlay,
      fullShape: v.useFull ? m.full_resolution!.shape : null,
      full: v.useFull && this.full?.key === this.fullKey ? this.full.img : null };
    if (kind === "obs" || key === null) return spec;
    const d = this.unit(key);
    if (!d) return spec;
    const info: MapInfo = { shape: d.unit.shape, residual: !v.isInput, colors: v.colors,
                            steps: d.unit.steps, scale: d.unit.scale };
    return { ...spec, q: d.q, info, mode: v.mode, key: this.unitKey(key) };
  }

  /** Load what is shown as it changes, until the returned function is called. */
  start(): () => void {
    const v = this.v, source = v.source;
    return $effect.root(() => {
      // the trajectory's series and frames
      $effect(() => {
        if (!v.manifest) return;
        const [r, s, t] = [v.run, v.step, v.traj];
        const now = () => r === v.run && s === v.step && t === v.traj;
        source.series(r, s, t).then((ser) => {
          if (!now()) return;
          this.series = ser;
          v.loaded("series", r, s);
        }, (e) => {
          if (now()) this.series = null;
          v.fail("series", r, s, e);
        });
        source.image("frames", r, s, { traj: t }).then((img) => {
          if (!now()) return;
          this.sprite = img;
          v.loaded("frames", r, s);
        }, (e) => {
          if (now()) this.sprite = null; // not the previous trajectory's frames
          v.fail("frames", r, s, e);
        });
      });

      // one unit per row; those no longer shown are let go
      $effect(() => {
        if (!v.manifest || !v.layer) return;
        const keys = [...new Set(v.activeRows.map(({ key }) => key))];
        const [r, s, l, t] = [v.run, v.step, v.layer, v.traj];
        untrack(() => {
          const wanted = new Set(keys.map((k) => this.unitKey(k)));
          const kept = Object.entries(this.units).filter(([k]) => wanted.has(k));
          if (kept.length !== Object.keys(this.units).length) this.units = Object.fromEntries(kept);
          for (const key of keys) {
            const k = this.unitKey(key);
            if (this.units[k]) continue;
            const part = `attribution (layer ${l}, output ${key})`;
            Promise.all([source.unit(r, s, l, t, key), source.attribution(r, s, l, t, key)])
              .then(([unit, q]) => {
                if (this.unitKey(key) === k) this.units = { ...this.units, [k]: { unit, q } };
                v.loaded(part, r, s);
              })
              .catch((e) => v.fail(part, r, s, e));
          }
        });
      });

      // human-scale frames (analyses made with --full-resolution): this one, prefetching ahead
      $effect(() => {
        if (!v.useFull) return;
        const [r, s, t, f, k, T] = [v.run, v.step, v.traj, v.frame, this.fullKey, v.T];
        source.fullFrame(r, s, { traj: t, frame: f })
          .then((img) => {
            if (this.fullKey === k) this.full = { key: k, img };
            v.loaded("full-resolution frames", r, s);
          })
          .catch((e) => v.fail("full-resolution frames", r, s, e));
        for (let d = 1; d <= 3; d++)
          if (f + d < T) source.fullFrame(r, s, { traj: t, frame: f + d }).catch(() => {});
      });
    });
  }
}
