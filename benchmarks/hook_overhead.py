"""Training throughput with and without background analysis of the checkpoints (mlflow_hooks).

    python benchmarks/hook_overhead.py [--timesteps 49152] [--num-envs 32] [--num-steps 128]
        [--save-interval 4] [--repeats 1]

Runs the same PPO training (CoinRun, ``clear``) twice in this process, in one run: without the
hook, then with a :class:`mlflow_hooks.CheckpointAnalyzer` submitting every checkpoint (small
analysis: 2 x 64 trajectory steps, 256 observations, layer 2b; at the hook's default idle CPU
priority with one TF thread; no MLflow run, so only the
analysis processes compete with training). Reports env steps/s of both and the slowdown
(target: <= 5 % with background analysis). The training loop's time excludes ``close()`` (the
wait for the last analyses after training ends).
"""

import argparse
import json
import sys
import tempfile
import time

sys.path.insert(0, __file__.rsplit("/benchmarks/", 1)[0])

ANALYSIS = ["--traj-envs", "2", "--traj-steps", "64", "--obs-envs", "16", "--obs-per-env", "16",
            "--obs-every", "4", "--layers", "2b", "--nmf-features", "8", "--subdiv-mults", "1",
            "--expand-mults", "4"]


def run(config, with_hook: bool):
    from mlflow_hooks import CheckpointAnalyzer
    from rlclarity_plugin.training.ppo import train

    with tempfile.TemporaryDirectory() as tmp:
        hook = CheckpointAnalyzer(f"{tmp}/tb", run="bench", analyze_args=ANALYSIS,
                                  export=False, max_pending=2) if with_hook else None
        t0 = time.perf_counter()
        train(config, f"{tmp}/train", progress=False,
              on_checkpoint=hook.submit if hook else None)
        seconds = time.perf_counter() - t0
        report = hook.close() if hook else None
    return seconds, report


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--timesteps", type=int, default=32 * 128 * 12)
    p.add_argument("--num-envs", type=int, default=32)
    p.add_argument("--num-steps", type=int, default=128)
    p.add_argument("--save-interval", type=int, default=4)
    p.add_argument("--repeats", type=int, default=1)
    args = p.parse_args(argv)
    from rlclarity_plugin.training.config import PPOConfig

    config = PPOConfig(num_envs=args.num_envs, num_steps=args.num_steps, num_minibatches=4,
                       total_timesteps=args.timesteps, save_interval=args.save_interval, seed=1)
    out = {"timesteps": args.timesteps, "runs": []}
    for _ in range(args.repeats):
        base, _ = run(config, False)
        hooked, report = run(config, True)
        out["runs"].append({
            "without_hook_steps_per_s": round(args.timesteps / base, 1),
            "with_hook_steps_per_s": round(args.timesteps / hooked, 1),
            "slowdown": round(hooked / base - 1, 3),
            "analysed": report.analysed, "skipped": report.skipped,
            "failures": len(report.failures)})
    out["target_slowdown"] = 0.05
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
