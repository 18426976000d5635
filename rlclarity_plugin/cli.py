"""The ``rl-clarity`` command line."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys

import numpy as np

DESCRIPTION = """rl-clarity: see what a vision-based RL agent looks at, and why.

Checkpoints are native folders (metadata.json + weights.npz), original rl_clarity / Baselines
joblib files (*.jd, *.joblib, *.pkl), the shipped demo agent 'demo:coinrun', Stable-Baselines3
PPO / A2C .zip files ('sb3:PATH' or detected by content) or CleanRL state dicts
('cleanrl:ARCH:PATH'). PyTorch agents run on CPU or CUDA (--device); native checkpoints run on
either backend (--backend keras|torch)."""

CHECKPOINT_HELP = ("checkpoint folder, original joblib file, demo:coinrun, SB3 .zip (sb3:PATH) "
                   "or cleanrl:ARCH:PATH")


def _env_kwargs(pairs: list[str] | None) -> dict:
    out = {}
    for pair in pairs or []:
        if "=" not in pair:
            raise SystemExit(f"rl-clarity: --env-option expects KEY=VALUE, got {pair!r}")
        k, v = pair.split("=", 1)
        out[k.strip()] = v.strip()
    return out


def _add_train(sub):
    from .training.config import PPOConfig

    d = PPOConfig()
    p = sub.add_parser(
        "train", help="train an agent with PPO (original defaults); checkpoints + TB scalars",
        description="Train an agent with PPO into LOGDIR: TensorBoard scalars (episode return, "
                    "losses) in LOGDIR and native checkpoints in LOGDIR/checkpoints/ckpt-STEP. "
                    "Defaults are the original rl_clarity / procgen PPO settings.")
    p.add_argument("--logdir", required=True, help="run folder for scalars and checkpoints")
    p.add_argument("--env", default=d.env_name, help="environment name (default %(default)s)")
    p.add_argument("--env-kind", default=d.env_kind, choices=["procgen", "atari"],
                   help="environment kind (default %(default)s)")
    p.add_argument("--distribution-mode", default="easy",
                   help="procgen distribution_mode (default %(default)s; ignored for atari)")
    p.add_argument("--num-levels", type=int, default=None, help="procgen num_levels (0: unlimited)")
    p.add_argument("--start-level", type=int, default=None, help="procgen start_level")
    p.add_argument("--env-option", action="append", metavar="KEY=VALUE",
                   help="any other environment option, repeatable")
    p.add_argument("--arch", default=d.architecture, choices=["clear", "impala", "nature"],
                   help="network architecture (default %(default)s)")
    p.add_argument("--timesteps", type=int, default=d.total_timesteps,
                   help="total environment steps (default %(default)s)")
    p.add_argument("--num-envs", type=int, default=d.num_envs, help="parallel envs (%(default)s)")
    p.add_argument("--num-steps", type=int, default=d.num_steps,
                   help="steps per rollout (%(default)s)")
    p.add_argument("--num-minibatches", type=int, default=d.num_minibatches,
                   help="minibatches per epoch (%(default)s)")
    p.add_argument("--ppo-epochs", type=int, default=d.ppo_epochs,
                   help="epochs per update (%(default)s)")
    p.add_argument("--learning-rate", type=float, default=d.learning_rate,
                   help="Adam lr (%(default)s)")
    p.add_argument("--entropy-coeff", type=float, default=d.entropy_coeff, help="(%(default)s)")
    p.add_argument("--clip-range", type=float, default=d.clip_range, help="(%(default)s)")
    p.add_argument("--gamma", type=float, default=d.gamma, help="discount (%(default)s)")
    p.add_argument("--lam", type=float, default=d.lam, help="GAE lambda (%(default)s)")
    p.add_argument("--save-interval", type=int, default=d.save_interval,
                   help="updates between checkpoints (%(default)s)")
    p.add_argument("--seed", type=int, default=d.seed, help="random seed (%(default)s)")
    p.add_argument("--resume", action=argparse.BooleanOptionalAction, default=True,
                   help="continue from the last checkpoint in LOGDIR, optimizer included "
                        "(default on)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    hook = p.add_argument_group("analysis during training (mlflow_hooks)")
    hook.add_argument("--analyze-every", type=int, default=0, metavar="N",
                      help="analyse every N-th checkpoint in the background, into LOGDIR (run "
                           "'analysis', shown by TensorBoard at the checkpoint's step) and, with "
                           "an MLflow run active or MLFLOW_RUN_ID set, into MLflow (0: off)")
    hook.add_argument("--analyze-option", action="append", default=[], metavar="OPTION",
                      help="an 'rl-clarity analyze' option for those analyses, repeatable "
                           "(e.g. --analyze-option=--layers --analyze-option=2b)")
    p.set_defaults(func=_cmd_train)


def _cmd_train(args) -> int:
    from .training.config import PPOConfig
    try:
        from .training.ppo import train
    except ImportError as e:
        from . import missing_extra

        raise missing_extra(("tensorflow", "keras"), "keras", "training (the PPO trainer)",
                            e) from e

    env_kwargs = _env_kwargs(args.env_option)
    if args.env_kind == "procgen":
        env_kwargs.setdefault("distribution_mode", args.distribution_mode)
        if args.num_levels is not None:
            env_kwargs["num_levels"] = args.num_levels
        if args.start_level is not None:
            env_kwargs["start_level"] = args.start_level
    config = PPOConfig(
        env_kind=args.env_kind, env_name=args.env, env_kwargs=env_kwargs, architecture=args.arch,
        num_envs=args.num_envs, num_steps=args.num_steps, num_minibatches=args.num_minibatches,
        ppo_epochs=args.ppo_epochs, learning_rate=args.learning_rate,
        entropy_coeff=args.entropy_coeff, clip_range=args.clip_range, gamma=args.gamma,
        lam=args.lam, total_timesteps=args.timesteps, save_interval=args.save_interval,
        seed=args.seed)
    hook, on_checkpoint = None, None
    if args.analyze_every > 0:
        from mlflow_hooks import CheckpointAnalyzer

        hook = CheckpointAnalyzer(args.logdir, run="analysis", analyze_args=args.analyze_option,
                                  mlflow_run_id=os.environ.get("MLFLOW_RUN_ID"))
        seen = [0]

        def on_checkpoint(path, step):
            seen[0] += 1
            if seen[0] % args.analyze_every == 0:
                hook.submit(path, step)
    path = train(config, args.logdir, resume=args.resume, progress=not args.no_progress,
                 on_checkpoint=on_checkpoint)
    print(f"last checkpoint: {path}")
    if hook is not None:
        report = hook.close()
        print(f"analysed steps {report.analysed}" + (f"; skipped {report.skipped}"
              if report.skipped else "") + (f"; {len(report.failures)} failure(s)"
                                            if report.failures else ""))
    return 0


def _add_agent_options(p):
    g = p.add_argument_group("agent")
    g.add_argument("--backend", choices=["auto", "keras", "torch"], default="auto",
                   help="framework to run the agent on (default %(default)s: the checkpoint's "
                        "own; native checkpoints also run on torch)")
    g.add_argument("--device", default="auto",
                   help="torch device: auto, cpu, cuda or cuda:N (default %(default)s)")
    g.add_argument("--env-kind", default=None, choices=["procgen", "atari", "sb3-atari"],
                   help="environment kind to collect probes from (default: the checkpoint's; "
                        "needed for SB3 and CleanRL files, which do not record it)")
    g.add_argument("--env", default=None, help="environment name (default: the checkpoint's)")


def _load_options(args) -> dict:
    return {"backend": args.backend, "device": args.device, "env_kind": args.env_kind,
            "env_name": args.env}


def _load_agent(args):
    from .agents.checkpoint import load_checkpoint

    return load_checkpoint(args.checkpoint, **_load_options(args))


def _add_env_override(p):
    p.add_argument("--start-level", type=int, default=None,
                   help="procgen start_level (default: the agent's training levels)")
    p.add_argument("--num-levels", type=int, default=None, help="procgen num_levels")
    p.add_argument("--env-option", action="append", metavar="KEY=VALUE",
                   help="override an environment option, repeatable")


def _env_override(args) -> dict:
    kwargs = _env_kwargs(args.env_option)
    if args.start_level is not None:
        kwargs["start_level"] = args.start_level
    if args.num_levels is not None:
        kwargs["num_levels"] = args.num_levels
    return kwargs


def _add_evaluate(sub):
    p = sub.add_parser(
        "evaluate", help="mean episode return of a checkpoint (and of a random policy)",
        description="Run CHECKPOINT for N complete episodes and print the mean return with its "
                    "standard error. With --baseline random, a uniformly random policy plays the "
                    "same levels (same environment seed) in the same run.")
    p.add_argument("checkpoint", help=CHECKPOINT_HELP)
    _add_agent_options(p)
    p.add_argument("--episodes", type=int, default=200, help="episodes (default %(default)s)")
    p.add_argument("--num-envs", type=int, default=64, help="parallel envs (default %(default)s)")
    p.add_argument("--seed", type=int, default=0, help="environment and sampling seed")
    p.add_argument("--greedy", action="store_true", help="argmax actions instead of sampling")
    p.add_argument("--baseline", choices=["random"], default=None,
                   help="also evaluate a random policy on the same levels")
    _add_env_override(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_evaluate)


def _cmd_evaluate(args) -> int:
    from .evaluation import evaluate

    agent = _load_agent(args)
    results = evaluate(agent, episodes=args.episodes, num_envs=args.num_envs, seed=args.seed,
                       greedy=args.greedy, baseline=args.baseline, env_kwargs=_env_override(args),
                       progress=not args.no_progress and not args.json)
    meta = agent.metadata
    env = {**meta.env_kwargs, **_env_override(args)}
    if args.json:
        print(json.dumps({"checkpoint": args.checkpoint, "env_kind": meta.env_kind,
                          "env_name": meta.env_name, "env_kwargs": env,
                          "results": [r.to_json() for r in results]}, indent=2))
    else:
        print(f"{meta.env_kind}:{meta.env_name} {env}")
        for r in results:
            print(f"{r.policy:>7}: mean return {r.mean:.3f} +- {r.stderr:.3f} (standard error) "
                  f"over {len(r.returns)} episodes, mean length {np.mean(r.lengths):.0f}")
    return 0


def _add_probe(sub):
    p = sub.add_parser(
        "probe", help="collect a probe set (trajectories + sampled observations) to reuse",
        description="Roll out CHECKPOINT and save the frames an analysis runs on, so several "
                    "checkpoints or agents can be analysed on exactly the same frames.")
    p.add_argument("checkpoint", help=CHECKPOINT_HELP)
    _add_agent_options(p)
    p.add_argument("-o", "--output", required=True, help="output .npz path")
    _add_probe_options(p)
    p.set_defaults(func=_cmd_probe)


def _add_probe_options(p):
    from .envs.probe_config import ProbeConfig

    d = ProbeConfig()
    p.add_argument("--traj-envs", type=int, default=d.traj_envs,
                   help="trajectories (%(default)s)")
    p.add_argument("--traj-steps", type=int, default=d.traj_steps,
                   help="steps per trajectory (%(default)s)")
    p.add_argument("--obs-envs", type=int, default=d.obs_envs,
                   help="envs for sampled observations (%(default)s)")
    p.add_argument("--obs-per-env", type=int, default=d.obs_per_env,
                   help="observations kept per env (%(default)s)")
    p.add_argument("--obs-every", type=int, default=d.obs_every,
                   help="steps between kept observations (%(default)s)")
    p.add_argument("--greedy", action="store_true", help="argmax actions instead of sampling")
    p.add_argument("--seed", type=int, default=d.seed, help="seed (%(default)s)")
    p.add_argument("--full-resolution", action="store_true",
                   help="also keep every frame drawn at human scale (procgen: 512x512, WebP "
                        "quality 85), shown by the tab and the export; attribution is still "
                        "computed on the model input")
    _add_env_override(p)


def _probe_config(args):
    from .envs.probe_config import ProbeConfig

    return ProbeConfig(traj_envs=args.traj_envs, traj_steps=args.traj_steps,
                       obs_envs=args.obs_envs, obs_per_env=args.obs_per_env,
                       obs_every=args.obs_every, greedy=args.greedy, seed=args.seed,
                       env_kwargs=_env_override(args), full_resolution=args.full_resolution)


def _cmd_probe(args) -> int:
    from .envs.rollouts import collect_probe_set

    agent = _load_agent(args)
    probe = collect_probe_set(agent, _probe_config(args), progress=True)
    probe.save(args.output)
    print(f"probe set {probe.probe_id}: {probe.num_trajectories} x {probe.num_steps} trajectory "
          f"steps, {len(probe.observations)} observations -> {args.output}")
    return 0


def _add_analyze(sub):
    from .analysis.config import AttributionConfig, FeatureConfig, NMFConfig

    p = sub.add_parser(
        "analyze", help="analyse a checkpoint into a TensorBoard logdir (MPI-aware)",
        description="Attribution (integrated gradients to hidden layers), NMF features, dataset "
                    "examples, advantages and bookmarks of CHECKPOINT, written to LOGDIR/RUN at "
                    "the checkpoint's training step. Run it under 'mpirun -n N' to spread the "
                    "work; the output does not depend on N. An interrupted job resumes.")
    p.add_argument("checkpoint", help=CHECKPOINT_HELP)
    _add_agent_options(p)
    p.add_argument("--logdir", required=True, help="TensorBoard logdir")
    p.add_argument("--run", default=None, help="run name (default: from the checkpoint path)")
    p.add_argument("--step", type=int, default=None,
                   help="TensorBoard step (default: the checkpoint's training step)")
    p.add_argument("--probe-set", default=None,
                   help="reuse a saved probe set (rl-clarity probe) instead of collecting one")
    p.add_argument("--resume", action=argparse.BooleanOptionalAction, default=True,
                   help="keep finished units of an interrupted run (default on)")
    p.add_argument("--no-progress", action="store_true", help="no progress bars")
    _add_probe_options(p.add_argument_group("trajectories and observations (probe set)"))
    g = p.add_argument_group("layers")
    g.add_argument("--layers", nargs="+", default=None, metavar="NAME",
                   help="keep layers whose name contains one of these (e.g. 2b)")
    g.add_argument("--discard-first-n", type=int, default=0, help="(%(default)s)")
    g.add_argument("--include-input", action="store_true",
                   help="also the input pseudo-layer (plain gradients)")
    a = AttributionConfig()
    g = p.add_argument_group("attribution")
    g.add_argument("--attr-policy", action="store_true",
                   help="also attribute every policy logit and action group (A more IG runs)")
    g.add_argument("--integrate-steps", type=int, default=a.integrate_steps,
                   help="IG path points (%(default)s)")
    g.add_argument("--ig-rule", choices=["right", "midpoint", "quadratic"], default=a.rule,
                   help="quadrature rule (%(default)s; the original used right)")
    g.add_argument("--memory-budget-mb", type=int, default=a.memory_budget >> 20,
                   help="memory per IG call in MiB (%(default)s)")
    g.add_argument("--attr-max-paths", type=int, default=None, metavar="N",
                   help="multi-path attribution to hidden layers: average N paths that bring NMF "
                        "features in at different speeds (N * --integrate-steps gradients per "
                        "frame; right Riemann sum, --ig-rule unused) instead of straight-line IG "
                        "(default: off)")
    n = NMFConfig()
    g = p.add_argument_group("nmf")
    g.add_argument("--nmf-features", type=int, default=n.features, help="(%(default)s)")
    g.add_argument("--nmf-max-rows", type=int, default=n.max_rows, help="(%(default)s)")
    f = FeatureConfig()
    g = p.add_argument_group("features")
    g.add_argument("--subdiv-mults", type=float, nargs="+", default=list(f.subdiv_mults),
                   help="(%(default)s)")
    g.add_argument("--expand-mults", type=float, nargs="+", default=list(f.expand_mults),
                   help="(%(default)s)")
    g.add_argument("--bookmarks", type=int, default=16, help="per direction (%(default)s)")
    p.set_defaults(func=_cmd_analyze)


def _analysis_config(args):
    from .analysis.config import AnalysisConfig, AttributionConfig, FeatureConfig, NMFConfig
    from .analysis.layers import LayerConfig

    subdiv, expand = tuple(args.subdiv_mults), tuple(args.expand_mults)
    return AnalysisConfig(
        probe=_probe_config(args),
        layers=LayerConfig(name_contains_one_of=tuple(args.layers) if args.layers else None,
                           discard_first_n=args.discard_first_n,
                           include_input=args.include_input),
        attribution=AttributionConfig(args.integrate_steps, args.ig_rule,
                                      args.memory_budget_mb << 20, args.attr_max_paths),
        nmf=NMFConfig(features=args.nmf_features, max_rows=args.nmf_max_rows),
        features=FeatureConfig(subdiv_mults=subdiv, expand_mults=expand,
                               subdiv_default=1.0 if 1.0 in subdiv else subdiv[0],
                               expand_default=4.0 if 4.0 in expand else expand[-1]),
        attr_policy=args.attr_policy, bookmarks=args.bookmarks)


def _cmd_analyze(args) -> int:
    from .analysis.job import main_guarded, run_analysis, world_comm

    comm = world_comm()
    config = _analysis_config(args)
    summary = main_guarded(lambda: run_analysis(
        args.checkpoint, args.logdir, run=args.run, step=args.step, probe_set=args.probe_set,
        config=config, resume=args.resume, progress=not args.no_progress, comm=comm,
        load_options=_load_options(args)), comm)
    if comm.rank == 0 and summary.get("unchanged"):
        print(f"already analysed: {summary['run']} at step {summary['step']} in "
              f"{summary['asset_dir']} (identical inputs; --no-resume redoes it)")
    elif comm.rank == 0:
        secs = ", ".join(f"{k} {v:.1f}s" for k, v in summary["seconds"].items())
        print(f"analysed {summary['run']} at step {summary['step']} on {summary['ranks']} "
              f"rank(s) in {summary['total_seconds']:.1f}s ({secs}); "
              f"{summary['bytes_written'] / 2**20:.1f} MiB ({summary['bytes_written']} bytes) "
              f"written to {summary['asset_dir']}")
        full = summary.get("full_resolution")
        if full:
            print(f"full-resolution frames: {full['frames']} frames, "
                  f"{full['bytes'] / 2**20:.1f} MiB in the analysis "
                  f"({100 * full['bytes'] / max(summary['bytes_written'], 1):.0f}% of it); "
                  + (f"the probe set ({full['probe_seconds']:.1f}s) waited "
                     f"{full['encode_seconds']:.1f}s for their encoding"
                     if full.get("probe_seconds") else
                     "taken from the probe set given"))
    return 0


def _add_demo(sub):
    p = sub.add_parser(
        "demo", help="the main job: analyse the shipped demo agent and open TensorBoard on it",
        description="Analyse the shipped agent (demo:coinrun by default, the original's default "
                    "sizes) into LOGDIR, copy its training curve beside it, and start TensorBoard "
                    "on LOGDIR. An interrupted demo resumes where it stopped.")
    p.add_argument("--checkpoint", default="demo:coinrun", help="agent (default %(default)s)")
    p.add_argument("--logdir", default="runs/demo", help="TensorBoard logdir (%(default)s)")
    p.add_argument("--run", default="demo_coinrun", help="run name (%(default)s)")
    p.add_argument("--port", type=int, default=6006, help="TensorBoard port (%(default)s)")
    p.add_argument("--host", default="127.0.0.1", help="TensorBoard host (%(default)s)")
    p.add_argument("--small", action="store_true",
                   help="a quick look: 2 x 128 trajectory steps, 1024 observations, layer 2b")
    p.add_argument("--no-tensorboard", action="store_true", help="stop after writing LOGDIR")
    p.set_defaults(func=_cmd_demo)


def _cmd_demo(args) -> int:
    import shutil

    from .agents.checkpoint import resolve_checkpoint
    from .analysis.config import AnalysisConfig
    from .analysis.job import run_analysis
    from .analysis.layers import LayerConfig
    from .envs.probe_config import ProbeConfig

    config = AnalysisConfig()
    if args.small:
        config = AnalysisConfig(probe=ProbeConfig(traj_envs=2, traj_steps=128, obs_envs=32,
                                                  obs_per_env=32, obs_every=32),
                                layers=LayerConfig(name_contains_one_of=("2b",)))
    from .store import files

    files.check_usable(args.logdir)
    curve = os.path.join(resolve_checkpoint(args.checkpoint), "train")
    if os.path.isdir(curve) and not files.is_url(args.logdir):
        shutil.copytree(curve, os.path.join(args.logdir, args.run + "_training"),
                        dirs_exist_ok=True)
    elif os.path.isdir(curve):
        for name in sorted(os.listdir(curve)):
            with open(os.path.join(curve, name), "rb") as f:
                files.write_atomic(files.join(args.logdir, args.run + "_training", name),
                                   f.read())
    summary = run_analysis(args.checkpoint, args.logdir, run=args.run, config=config)
    print(f"demo: analysed {args.checkpoint} into {summary['asset_dir']} in "
          f"{summary['total_seconds']:.0f}s. Open http://{args.host}:{args.port}/#rl_clarity "
          "(the RL Clarity tab; the training curve is under Scalars).")
    if args.no_tensorboard:
        return 0
    return _run_tensorboard(args.logdir, args.host, args.port)


def _run_tensorboard(logdir: str, host: str, port: int) -> int:
    import subprocess

    cmd = [sys.executable, "-m", "rlclarity_plugin.tensorboard.launch", "--logdir", logdir,
           "--host", host, "--port", str(port)]
    print("starting:", " ".join(cmd))
    try:
        return subprocess.call(cmd)
    except KeyboardInterrupt:
        return 0


def _add_export(sub):
    p = sub.add_parser(
        "export", help="write one self-contained HTML file of an analysis",
        description="Write the whole interface and one analysis of LOGDIR/RUN into one HTML file "
                    "that opens from file:// with no server and no network, and inside MLflow's "
                    "artifact viewer (a script-only sandboxed iframe, files up to 50 MiB). When "
                    "the selection would exceed --max-size, nothing is written and the message "
                    "says what to drop.")
    p.add_argument("--logdir", required=True, help="TensorBoard logdir holding the analysis")
    p.add_argument("--run", help="run name (as TensorBoard shows it)")
    p.add_argument("--step", type=int, default=None, help="analysis step (default: latest)")
    p.add_argument("--compare", nargs=2, metavar=("RUN_A[:STEP]", "RUN_B[:STEP]"),
                   help="a page of the compare view: two analyses side by side (one timeline "
                        "when they share a probe set), features matched; instead of --run")
    p.add_argument("-o", "--output", required=True, help="HTML file to write")
    p.add_argument("--layers", nargs="+", metavar="NAME", help="layers to include (default all)")
    p.add_argument("--trajectories", nargs="+", type=int, metavar="I",
                   help="0-based trajectories to include (default all)")
    p.add_argument("--outputs", nargs="+", metavar="KEY",
                   help="outputs to include: v, logitN, groupN (default all analysed)")
    p.add_argument("--subdiv-mults", nargs="+", type=float, metavar="S",
                   help="feature-picture patch counts to include (default all)")
    p.add_argument("--expand-mults", nargs="+", type=float, metavar="E",
                   help="feature-picture zooms to include (default all)")
    p.add_argument("--max-size", type=float, default=50.0,
                   help="refuse files larger than this many MiB (%(default)s; 0: no limit)")
    p.add_argument("--title", default=None, help="page title")
    p.add_argument("--no-full-resolution", action="store_true",
                   help="leave out the human-scale frames of a --full-resolution analysis")
    p.set_defaults(func=_cmd_export)


def _run_step(ref: str):
    run, sep, step = ref.rpartition(":")
    if not sep:
        return ref, None
    if not step.isdigit():
        raise ValueError(f"{ref!r} is not RUN or RUN:STEP")
    return run, int(step)


def _cmd_export(args) -> int:
    from .export import export_html

    if args.compare:
        if args.run or args.step is not None:
            raise ValueError("give either --run [--step] or --compare RUN_A[:STEP] RUN_B[:STEP]")
        (run, step), compare = _run_step(args.compare[0]), _run_step(args.compare[1])
    elif args.run:
        run, step, compare = args.run, args.step, None
    else:
        raise ValueError("--run or --compare is required")
    result = export_html(args.logdir, run, step, args.output, compare=compare,
                         layers=args.layers,
                         trajectories=args.trajectories, outputs=args.outputs,
                         subdiv_mults=args.subdiv_mults, expand_mults=args.expand_mults,
                         max_size=int(args.max_size * 2**20) if args.max_size > 0 else None,
                         title=args.title, full_resolution=not args.no_full_resolution)
    print(f"wrote {result.path}: {result.size / 2**20:.1f} MiB")
    return 0


def _add_mlflow(sub):
    p = sub.add_parser(
        "mlflow-list", help="list the analysed checkpoints of MLflow runs",
        description="List the checkpoints the MLflow hooks analysed (runs found with "
                    "mlflow.search_runs), one line each: RUN_ID:STEP, run name, metrics.")
    p.add_argument("--experiment", nargs="+", metavar="NAME", help="experiment names "
                   "(default: all)")
    p.add_argument("--filter", default="", help="MLflow search filter string")
    p.add_argument("--tracking-uri", default=None, help="default: MLflow's current one")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=_cmd_mlflow_list)
    p = sub.add_parser(
        "mlflow-compare", help="put two analysed checkpoints of MLflow runs side by side",
        description="Write one HTML file with two analysed checkpoints side by side. A and B are "
                    "RUN_ID[:STEP] as mlflow-list prints them (no step: the latest analysis).")
    p.add_argument("a", metavar="A")
    p.add_argument("b", metavar="B")
    p.add_argument("-o", "--output", required=True, help="HTML file to write")
    p.add_argument("--tracking-uri", default=None, help="default: MLflow's current one")
    p.add_argument("--from-artifacts", action="store_true",
                   help="always use the logged HTML artifacts, even when the TensorBoard "
                        "logdir of both analyses is readable here")
    p.add_argument("--open", action="store_true", help="open the file in a web browser")
    p.set_defaults(func=_cmd_mlflow_compare)


def _cmd_mlflow_list(args) -> int:
    from mlflow_hooks.compare import list_analysed_checkpoints

    found = list_analysed_checkpoints(args.experiment, filter_string=args.filter,
                                      tracking_uri=args.tracking_uri)
    if args.json:
        print(json.dumps([{**vars(c), "ref": c.ref} for c in found], indent=1))
        return 0
    for c in found:
        metrics = "  ".join(f"{k.split('/', 1)[1]}={v:.4g}" for k, v in sorted(c.metrics.items()))
        print(f"{c.ref}\t{c.run_name}\t{metrics}")
    if not found:
        print("no analysed checkpoints found", file=sys.stderr)
    return 0


def _cmd_mlflow_compare(args) -> int:
    from mlflow_hooks.compare import compare_side_by_side

    out = compare_side_by_side(args.a, args.b, args.output, tracking_uri=args.tracking_uri,
                               prefer_logdir=not args.from_artifacts, open_browser=args.open)
    print(f"wrote {out}")
    return 0


def _add_example(sub):
    p = sub.add_parser(
        "example", help="train a tiny agent, analyse it and open the standalone page (~1 min)",
        description="The end-to-end example (rlclarity_plugin/example.py): train a tiny CoinRun "
                    "agent for a few hundred steps, analyse it on tiny sizes into "
                    "WORKDIR/logs, write WORKDIR/example.html and open it.")
    from .example import add_arguments

    add_arguments(p)
    p.set_defaults(func=_cmd_example)


def _cmd_example(args) -> int:
    from .example import run_from_args

    return run_from_args(args)


def _add_tensorboard(sub):
    sub.add_parser(
        "tensorboard", add_help=False,
        help="TensorBoard on LOGDIR, also for s3:// and other URLs plain TensorBoard cannot read "
             "with TensorFlow installed (every argument goes to TensorBoard)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rl-clarity", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    _add_train(sub)
    _add_evaluate(sub)
    _add_probe(sub)
    _add_analyze(sub)
    _add_demo(sub)
    _add_export(sub)
    _add_mlflow(sub)
    _add_example(sub)
    _add_tensorboard(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["tensorboard"]:  # TensorBoard parses its own flags
        from .tensorboard import launch

        try:
            return launch.main(argv[1:])
        except ValueError as e:
            print(f"rl-clarity tensorboard: error: {e}", file=sys.stderr)
            return 2
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.func(args) or 0)
    except (ValueError, FileNotFoundError) as e:
        print(f"rl-clarity {args.command}: error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
