"""Model editing + paired evaluation of the demo agent: wall time of ``rl-clarity edit``'s work.

    python benchmarks/edit_evaluate.py [--checkpoint demo:coinrun] [--levels 1000]
        [--num-envs 64] [--feature 0] [--backend auto] [--logdir /tmp/rlc-bench-edit]
        [--run NAME]

1. Analyses the checkpoint at layer 2b into LOGDIR (a small probe set: 2 x 128 trajectory steps,
   1024 observations; reused when already there). Not timed: it is the analysis the edit
   starts from. ``--run NAME``: use that run's analysis in LOGDIR instead (the checkpoint's
   step; e.g. the one the README's table was made from, so feature numbers match).
2. Times :func:`rlclarity_plugin.edits.edit_and_evaluate` with one edited feature and
   ``evaluate=LEVELS``: reading the analysis and its probe set, loading the checkpoint, the edit,
   its check on the probe set, writing the edited checkpoint, playing LEVELS levels with the
   original and with the edited agent (the same levels and action noise), the paired comparison
   and recording the result in the manifest. Prints the split (the evaluation is timed from
   inside through the policies' forward passes and the environment steps) and the result.

The issue asks for the time on 2 cores; the figures depend on what else the machine runs.
"""

import argparse
import os
import time

import numpy as np


def _analyse(checkpoint: str, logdir: str, run: str) -> int:
    from rlclarity_plugin.agents.checkpoint import load_checkpoint
    from rlclarity_plugin.analysis.config import AnalysisConfig
    from rlclarity_plugin.analysis.job import run_analysis
    from rlclarity_plugin.analysis.layers import LayerConfig
    from rlclarity_plugin.envs.probe_config import ProbeConfig

    step = load_checkpoint(checkpoint).metadata.training_step
    config = AnalysisConfig(probe=ProbeConfig(traj_envs=2, traj_steps=128, obs_envs=32,
                                              obs_per_env=32, obs_every=32),
                            layers=LayerConfig(name_contains_one_of=("2b",)))
    t = time.perf_counter()
    summary = run_analysis(checkpoint, logdir, run=run, config=config, progress=False)
    print(f"analysis (not timed below): {time.perf_counter() - t:.1f}s "
          f"({'already there' if summary.get('unchanged') else 'written'})")
    return step


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--checkpoint", default="demo:coinrun")
    ap.add_argument("--levels", type=int, default=1000)
    ap.add_argument("--num-envs", type=int, default=64)
    ap.add_argument("--feature", type=int, default=0)
    ap.add_argument("--backend", default="auto")
    ap.add_argument("--logdir", default="/tmp/rlc-bench-edit")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--run", default=None,
                    help="an existing analysis in LOGDIR to edit (default: analyse into 'demo')")
    args = ap.parse_args()

    from rlclarity_plugin import evaluation
    from rlclarity_plugin.configs import AgentConfig, EditConfig
    from rlclarity_plugin.edits import edit_and_evaluate, format_report

    if args.run is None:
        run = "demo"
        step = _analyse(args.checkpoint, args.logdir, run)
    else:
        from rlclarity_plugin.agents.checkpoint import load_checkpoint

        run, step = args.run, load_checkpoint(args.checkpoint).metadata.training_step

    # time the policies' forward passes and the environment steps inside the evaluation
    spent = {"forward": 0.0, "forward_batches": 0, "env": 0.0}
    play = evaluation.play_episodes

    def timed_play(env, logits_fn, *a, **k):
        def timed_logits(obs):
            t = time.perf_counter()
            out = logits_fn(obs)
            spent["forward"] += time.perf_counter() - t
            spent["forward_batches"] += 1
            return out

        act, observe = env.act, env.observe

        def timed_act(actions):
            t = time.perf_counter()
            act(actions)
            spent["env"] += time.perf_counter() - t

        def timed_observe():
            t = time.perf_counter()
            out = observe()
            spent["env"] += time.perf_counter() - t
            return out

        env.act, env.observe = timed_act, timed_observe
        return play(env, timed_logits, *a, **k)

    evaluation.play_episodes = timed_play
    config = EditConfig(agent=AgentConfig(backend=args.backend), layer="2b",
                        features=(str(args.feature),), evaluate=args.levels,
                        num_envs=args.num_envs, seed=args.seed)
    output = os.path.join(args.logdir, "edited")
    t = time.perf_counter()
    report = edit_and_evaluate(args.checkpoint, args.logdir, run, step, config, output=output)
    total = time.perf_counter() - t
    evaluation.play_episodes = play
    steps = sum((r.lengths and sum(r.lengths)) or 0 for r in
                [report.original, *report.evaluations.values()])
    print(format_report(report))
    print(f"\nedit + check + save + paired evaluation of {args.levels} levels (original + 1 "
          f"edit), {args.num_envs} envs, backend {report.edits[0].agent.framework}, "
          f"{os.cpu_count()} cores: {total:.1f}s")
    print(f"  policy forward passes: {spent['forward']:.1f}s in {spent['forward_batches']} "
          f"batches; environment steps: {spent['env']:.1f}s; the rest (load, edit, check, "
          f"save, record): {total - spent['forward'] - spent['env']:.1f}s")
    print(f"  {steps} agent steps in complete episodes "
          f"({steps / max(spent['forward'], 1e-9):.0f} per second of forward passes); "
          f"mean episode length original {np.mean(report.original.lengths):.0f}")


if __name__ == "__main__":
    main()
