// Where a viewer is on its tape, and the playback that moves it: the trajectory shown, the
// frame, and play / pause / step as the original's navigator (reference section 2.4), with
// the ticks on a fixed schedule so that the time spent drawing does not slow playback down.
// The compare view gives both viewers one Playback when their analyses share a probe set:
// one timeline drives both panes.

export type Direction = -1 | 1;

/** Frames per second of the fps box: a number in [0, 100] (0 or nonsense: one frame a second). */
export function periodMs(fps: unknown): number {
  const speed = Math.max(Math.min(Number(fps) || 0, 100), 0);
  return speed > 0 ? 1000 / speed : 1000;
}

export class Playback {
  /** the trajectory (0-based) */
  traj = $state(0);
  /** the frame (0-based), always in [0, length - 1] once the length is known */
  frame = $state(0);
  /** frames of a trajectory (the probe set's T); 0 until an analysis is shown */
  length = $state(0);
  /** -1 playing backwards, 1 forwards, 0 paused */
  playing = $state<-1 | 0 | 1>(0);
  /** the fps box (bound to a number input: may hold anything the user types) */
  fps = $state<number | null>(12);
  /** the direction of the last step or play: Space plays this way, as the original */
  lastDir: Direction = 1;

  private timer: ReturnType<typeof setTimeout> | null = null;
  private due = 0; // when the next frame is due (clock ms); 0: playback (re)starts now

  constructor(private clock: () => number = () => performance.now()) {}

  /** Go to frame `to` (rounded, clamped to the trajectory) without pausing; returns the frame. */
  seek(to: number): number {
    const last = Math.max(this.length - 1, 0);
    const f = Math.min(Math.max(Math.round(Number.isFinite(to) ? to : 0), 0), last);
    if (f !== this.frame) this.frame = f;
    return f;
  }

  /** A new trajectory length (another analysis): the frame stays where it was if it can. */
  setLength(T: number): void {
    this.length = Math.max(0, Math.floor(T));
    this.seek(this.frame);
    if (this.traj < 0) this.traj = 0;
  }

  /** Pause and move one frame (the arrow buttons). */
  step(d: Direction): void {
    this.pause();
    this.lastDir = d;
    this.seek(this.frame + d);
  }

  /** Pause and go to the first or the last frame. */
  first(): void {
    this.pause();
    this.seek(0);
  }
  last(): void {
    this.pause();
    this.seek(this.length - 1);
  }

  play(d: Direction): void {
    this.lastDir = d;
    this.playing = d;
    this.due = 0;
    this.schedule();
  }

  pause(): void {
    if (this.playing) this.playing = 0;
    this.cancel();
  }

  /** Space: pause if playing, else play in the last direction. */
  toggle(): void {
    if (this.playing) this.pause();
    else this.play(this.lastDir);
  }

  /** An arrow key: while playing, play that way; paused, step (as the original). */
  arrow(d: Direction): void {
    if (this.playing) this.play(d);
    else this.step(d);
  }

  /** Stop the timer (the owner goes away). */
  dispose(): void {
    this.pause();
  }

  private cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    this.cancel();
    const period = periodMs(this.fps);
    const now = this.clock();
    // on schedule: the next tick a period after the last one, unless that is already past
    this.due = this.due && now - this.due < period ? this.due + period : now + period;
    this.timer = setTimeout(() => this.tick(), Math.max(0, this.due - now));
  }

  private tick(): void {
    this.timer = null;
    if (!this.playing) return;
    const next = this.frame + this.playing; // read now: a seek while playing continues from there
    if (next < 0 || next >= this.length) {
      this.playing = 0; // no loop: stops at the ends
      return;
    }
    this.frame = next;
    this.schedule();
  }
}
