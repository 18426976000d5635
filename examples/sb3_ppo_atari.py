"""Recipe: Stable-Baselines3 PPO on an Atari game, its checkpoints analysed while it trains.

    python examples/sb3_ppo_atari.py --env PongNoFrameskip-v4 --total-steps 10000000 \
        --checkpoint-every 500000 [--logdir runs] [--tracking-uri http://127.0.0.1:5000]
    tensorboard --logdir runs        # PPO_1: SB3's scalars and the RL Clarity tab

SB3's own recipe (``make_atari_env`` + ``VecFrameStack(4)``, ``CnnPolicy``, the rl-zoo
hyperparameters for Atari as defaults) with two callbacks: SB3's ``CheckpointCallback`` saves
``rl_model_{N}_steps.zip`` every ``--checkpoint-every`` environment steps, and
``RLClaritySB3Callback`` queues each of those files (and, with ``--analyze-every``, a zip it
saves itself every that many steps) for ``rl-clarity analyze`` at step N. The analyses run in
low-priority child processes while training goes on; they land in SB3's TensorBoard run folder
(``LOGDIR/PPO_1``) and, with ``--tracking-uri``, in the MLflow run (metrics, images, the HTML
export). The probe environment is read from the training env (its gymnasium id). All
checkpoints are analysed on one probe set, collected with the first.
"""

import argparse
import sys
import time

sys.path.insert(0, __file__.rsplit("/examples/", 1)[0])

ANALYSIS = ["--layers", "cnn.3", "cnn.5", "--nmf-features", "4", "--subdiv-mults", "1",
            "--expand-mults", "2", "4"]


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--env", default="PongNoFrameskip-v4", help="gymnasium Atari id")
    p.add_argument("--total-steps", type=int, default=10_000_000, help="environment steps")
    p.add_argument("--n-envs", type=int, default=8)
    p.add_argument("--n-steps", type=int, default=128, help="steps per env per rollout")
    p.add_argument("--batch-size", type=int, default=256)
    p.add_argument("--n-epochs", type=int, default=4)
    p.add_argument("--learning-rate", type=float, default=2.5e-4)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--device", default="auto", help="torch device for training")
    p.add_argument("--checkpoint-every", type=int, default=500_000,
                   help="environment steps between CheckpointCallback saves (each analysed)")
    p.add_argument("--analyze-every", type=int, default=0,
                   help="also analyse every this many environment steps (0: checkpoints only)")
    p.add_argument("--save-dir", default="sb3_checkpoints", help="folder for the saved zips")
    p.add_argument("--logdir", default="runs", help="tensorboard_log of the model (analyses "
                   "go to its run folder, e.g. LOGDIR/PPO_1)")
    p.add_argument("--run", default="sb3_ppo_atari", help="MLflow run name")
    p.add_argument("--tracking-uri", default=None, help="MLflow tracking URI (default: none, "
                   "only the TensorBoard logdir gets the analyses)")
    p.add_argument("--wait-timeout", type=float, default=None,
                   help="seconds to wait for the analyses when training ends (default: all)")
    p.add_argument("--analysis", nargs=argparse.REMAINDER, default=ANALYSIS,
                   help="rl-clarity analyze options (the rest of the line)")
    return p.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    import ale_py
    import gymnasium
    from stable_baselines3 import PPO
    from stable_baselines3.common.callbacks import CheckpointCallback
    from stable_baselines3.common.env_util import make_atari_env
    from stable_baselines3.common.vec_env import VecFrameStack

    from mlflow_hooks import RLClaritySB3Callback

    gymnasium.register_envs(ale_py)
    env = VecFrameStack(make_atari_env(args.env, n_envs=args.n_envs, seed=args.seed), 4)
    model = PPO("CnnPolicy", env, n_steps=args.n_steps, batch_size=args.batch_size,
                n_epochs=args.n_epochs, learning_rate=args.learning_rate, clip_range=0.1,
                ent_coef=0.01, vf_coef=0.5, seed=args.seed, device=args.device,
                tensorboard_log=args.logdir)

    mlflow = None
    if args.tracking_uri:
        import mlflow

        mlflow.set_tracking_uri(args.tracking_uri)
        mlflow.start_run(run_name=args.run)
        mlflow.log_params({k: v for k, v in vars(args).items() if k != "analysis"})
    checkpoints = CheckpointCallback(save_freq=max(args.checkpoint_every // args.n_envs, 1),
                                     save_path=args.save_dir)
    analyses = RLClaritySB3Callback(on_checkpoint=checkpoints,                       # rl-clarity
                                    every_n_steps=args.analyze_every,
                                    save_path=args.save_dir, analyze_args=args.analysis,
                                    max_pending=4, wait_timeout=args.wait_timeout)
    start = time.perf_counter()
    model.learn(args.total_steps, callback=[checkpoints, analyses])  # waits for the analyses
    total = time.perf_counter() - start
    env.close()
    report = analyses.report
    print(f"trained {model.num_timesteps} steps in {total - analyses.wait_s:.1f} s; the "
          f"rl-clarity callback took {analyses.busy_s:.3f} s of it (longest call "
          f"{analyses.max_call_s * 1000:.0f} ms, setup {analyses.setup_s:.1f} s); waited "
          f"{analyses.wait_s:.1f} s for the analyses")
    print(f"analyses in {analyses.analyzer.logdir} run {analyses.analyzer.run}")
    print(f"analysed steps {sorted(report.analysed)}; skipped {report.skipped}; "
          f"failures {len(report.failures)}")
    for s, stage, message in report.failures:
        print(f"  step {s} {stage}: {message}")
    if mlflow is not None:
        mlflow.end_run()
    return 0 if not report.failures else 1


if __name__ == "__main__":
    sys.exit(main())
