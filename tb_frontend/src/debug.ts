// One debug handle for the tests and the benchmarks, window.rlClarity:
//   source          the DataSource (an export's: .transport is its EmbeddedTransport)
//   mode            "single" or "compare"
//   state()         single: {mode, run, step, layer, traj, frame, rows, playing};
//                   compare: {mode, a, b, shared, navA, navB, match}
//   setFrame(n)     move to frame n (compare: the shared timeline, or pane A) and draw now
import type { DataSource } from "./data";

export interface DebugHandle {
  readonly source: DataSource;
  readonly mode: "single" | "compare";
  state(): Record<string, unknown>;
  setFrame(n: number): number;
}

export function installDebugHandle(handle: DebugHandle): void {
  (window as unknown as { rlClarity: DebugHandle }).rlClarity = handle;
}
