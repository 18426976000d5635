"""The ``rl-clarity`` command line."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys

import numpy as np

from .cli_options import (
    add_config_arguments,
    add_config_file_argument,
    config_from_args,
    load_config_file,
)
from .configs import ConfigError

DESCRIPTION = """rl-clarity: see what a vision-based RL agent looks at, and why.

Checkpoints are native folders (metadata.json + weights.npz), original rl_clarity / Baselines
joblib files (*.jd, *.joblib, *.pkl), the shipped demo agent 'demo:coinrun', Stable-Baselines3
PPO / A2C .zip files ('sb3:PATH' or detected by content) or CleanRL state dicts
('cleanrl:ARCH:PATH'). PyTorch agents run on CPU or CUDA (--device); native checkpoints run on
either backend (--backend keras|torch)."""

CHECKPOINT_HELP = ("checkpoint folder, original joblib file, demo:coinrun, SB3 .zip (sb3:PATH) "
                   "or cleanrl:ARCH:PATH")


def _add_train(sub):
    from .training.config import PPOConfig

    p = sub.add_parser(
        "train", help="train an agent with PPO (original defaults); checkpoints + TB scalars",
        description="Train an agent with PPO into LOGDIR: TensorBoard scalars (episode return, "
                    "losses) in LOGDIR and native checkpoints in LOGDIR/checkpoints/ckpt-STEP. "
                    "Defaults are the original rl_clarity / procgen PPO settings.")
    p.add_argument("--logdir", required=True, help="run folder for scalars and checkpoints")
    add_config_file_argument(p, "PPO options (PPOConfig)")
    add_config_arguments(p, PPOConfig)
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


def _train_config(args):
    from .training.config import PPOConfig

    return config_from_args(PPOConfig, args, load_config_file(args.config))


def _cmd_train(args) -> int:
    config = _train_config(args)
    if args.analyze_every < 0:
        raise ConfigError(f"--analyze-every: must be >= 0, got {args.analyze_every}")
    analysis = None
    if args.analyze_every > 0:  # checked before training, not at the first checkpoint
        from mlflow_hooks.hook import analyze_config

        try:
            analysis = analyze_config(analyze_args=args.analyze_option)
        except ValueError as e:
            raise ConfigError(f"--analyze-option: {e}") from e
    from .store import files

    files.check_writable(args.logdir)  # before TensorFlow: a file or a read-only folder there
    try:
        from .training.ppo import train
    except ImportError as e:
        from . import missing_extra

        raise missing_extra(("tensorflow", "keras"), "keras", "training (the PPO trainer)",
                            e) from e

    hook, on_checkpoint = None, None
    if args.analyze_every > 0:
        from mlflow_hooks import CheckpointAnalyzer

        hook = CheckpointAnalyzer(args.logdir, run="analysis", config=analysis,
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


def _load_agent(checkpoint: str, agent_config):
    from .agents.checkpoint import load_checkpoint

    return load_checkpoint(checkpoint, **agent_config.load_options())


def _add_evaluate(sub):
    from .configs import EvaluationConfig

    p = sub.add_parser(
        "evaluate", help="mean episode return of a checkpoint (and of a random policy)",
        description="Run CHECKPOINT for N complete episodes and print the mean return with its "
                    "standard error. With --baseline random, a uniformly random policy plays the "
                    "same levels (same environment seed) in the same run.")
    p.add_argument("checkpoint", help=CHECKPOINT_HELP)
    add_config_arguments(p, EvaluationConfig)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_evaluate)


def _cmd_evaluate(args) -> int:
    from .configs import EvaluationConfig
    from .evaluation import estimate, evaluate

    config = config_from_args(EvaluationConfig, args)
    agent = _load_agent(args.checkpoint, config.agent)
    results = evaluate(agent, episodes=config.episodes, num_envs=config.num_envs,
                       seed=config.seed, greedy=config.greedy, baseline=config.baseline,
                       env_kwargs=config.env_kwargs,
                       progress=not args.no_progress and not args.json)
    meta = agent.metadata
    env = {**meta.env_kwargs, **config.env_kwargs}
    if args.json:
        print(json.dumps({"checkpoint": args.checkpoint, "env_kind": meta.env_kind,
                          "env_name": meta.env_name, "env_kwargs": env,
                          "results": [r.to_json() for r in results]}, indent=2))
    else:
        print(f"{meta.env_kind}:{meta.env_name} {env}")
        for r in results:
            rate = r.success_rate
            success = "" if rate is None else (
                f", levels completed {100 * rate:.1f}% +- "
                f"{100 * estimate(r.successes()).stderr:.1f}")
            print(f"{r.policy:>7}: mean return {r.mean:.3f} +- {r.stderr:.3f} (standard error) "
                  f"over {len(r.returns)} episodes, mean length {np.mean(r.lengths):.0f}"
                  + success)
    return 0


def _add_edit(sub):
    from .configs import EditConfig

    p = sub.add_parser(
        "edit", help="blind an agent to NMF features of an analysed layer; evaluate the edit",
        description="Project NMF features of an analysed layer out of CHECKPOINT (Hilton et al. "
                    "2020: each slice of the next linear layer's kernel left-multiplied by "
                    "P = I - V V+), check on the analysis' probe set that the edited next layer "
                    "equals the original one on projected activations, and write the edited "
                    "checkpoint in its native format beside CHECKPOINT "
                    "(CHECKPOINT.edit-LAYER-fI). With --evaluate N, play N levels with the "
                    "original and each edited agent on the same levels with the same action "
                    "noise, print success, failures by cause and return with the paired "
                    "difference and its standard error, and record the results in the "
                    "analysis (the RL Clarity tab shows them beside each feature).")
    p.add_argument("checkpoint", help="the analysed " + CHECKPOINT_HELP)
    p.add_argument("--logdir", required=True, help="TensorBoard logdir holding the analysis")
    p.add_argument("--run", required=True, help="run of the analysis")
    p.add_argument("--step", type=int, default=None,
                   help="step of the analysis (default: the run's latest)")
    p.add_argument("-o", "--output", default=None,
                   help="edited checkpoint to write (several edits: a folder for them; "
                        "default: beside CHECKPOINT)")
    p.add_argument("--analyze", action="store_true",
                   help="with --evaluate: analyse each edited agent on the same probe set "
                        "(run RUN.edit-LAYER-fI) with bookmarks where it parts from the "
                        "original and at the levels it fails and the original completes, for "
                        "the compare view")
    add_config_file_argument(p, "an edit (EditConfig)")
    add_config_arguments(p, EditConfig)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--no-progress", action="store_true", help="no progress bars")
    p.set_defaults(func=_cmd_edit)


def _cmd_edit(args) -> int:
    from .configs import EditConfig
    from .edits import edit_and_evaluate, format_report

    config = config_from_args(EditConfig, args, load_config_file(args.config))
    report = edit_and_evaluate(args.checkpoint, args.logdir, args.run, args.step, config,
                               output=args.output, analyze=args.analyze,
                               progress=not args.no_progress and not args.json)
    if args.json:
        print(json.dumps(report.to_json(), indent=2))
    else:
        print(format_report(report))
    return 0


# the parts of an AnalyzeConfig that `rl-clarity probe` takes
PROBE_PARTS = ("agent", "analysis.probe")
GROUP_TITLES = {"agent": "agent", "analysis": "analysis",
                "analysis.probe": "trajectories and observations (probe set)"}


def _add_probe(sub):
    from .analysis.config import AnalyzeConfig

    p = sub.add_parser(
        "probe", help="collect a probe set (trajectories + sampled observations) to reuse",
        description="Roll out CHECKPOINT and save the frames an analysis runs on, so several "
                    "checkpoints or agents can be analysed on exactly the same frames.")
    p.add_argument("checkpoint", help=CHECKPOINT_HELP)
    p.add_argument("-o", "--output", required=True, help="output .npz path")
    add_config_file_argument(p, "an analysis (AnalyzeConfig: its agent and analysis.probe "
                                "parts are used)")
    add_config_arguments(p, AnalyzeConfig, include=PROBE_PARTS, titles=GROUP_TITLES)
    p.set_defaults(func=_cmd_probe)


def _analyze_config(args):
    """The :class:`AnalyzeConfig` of an ``analyze`` or ``probe`` command line."""
    from .analysis.config import AnalyzeConfig

    return config_from_args(AnalyzeConfig, args, load_config_file(getattr(args, "config", None)))


def _probe_config(args):
    return _analyze_config(args).analysis.probe


def _cmd_probe(args) -> int:
    from .envs.rollouts import check_probe_config, collect_probe_set
    from .store import files

    config = _analyze_config(args)
    if files.is_url(args.output):
        files.check_usable(args.output)
    else:  # before the work: where it will be written can be written
        files.check_writable(os.path.dirname(os.path.abspath(args.output)))
    agent = _load_agent(args.checkpoint, config.agent)
    check_probe_config(agent, config.analysis.probe)  # before the progress bar
    probe = collect_probe_set(agent, config.analysis.probe, progress=True)
    probe.save(args.output)
    print(f"probe set {probe.probe_id}: {probe.num_trajectories} x {probe.num_steps} trajectory "
          f"steps, {len(probe.observations)} observations -> {args.output}")
    return 0


def _add_analyze(sub):
    from .analysis.config import AnalyzeConfig

    p = sub.add_parser(
        "analyze", help="analyse a checkpoint into a TensorBoard logdir (MPI-aware)",
        description="Attribution (integrated gradients to hidden layers), NMF features, dataset "
                    "examples, advantages and bookmarks of CHECKPOINT, written to LOGDIR/RUN at "
                    "the checkpoint's training step. Run it under 'mpirun -n N' to spread the "
                    "work; the output does not depend on N. An interrupted job resumes. Every "
                    "option below is a field of AnalyzeConfig; --config FILE reads them from "
                    "JSON and the options given here override it.")
    p.add_argument("checkpoint", help=CHECKPOINT_HELP)
    p.add_argument("--logdir", required=True, help="TensorBoard logdir")
    p.add_argument("--run", default=None, help="run name (default: from the checkpoint path)")
    p.add_argument("--step", type=int, default=None,
                   help="TensorBoard step (default: the checkpoint's training step)")
    p.add_argument("--probe-set", default=None,
                   help="reuse a saved probe set (rl-clarity probe) instead of collecting one")
    p.add_argument("--resume", action=argparse.BooleanOptionalAction, default=True,
                   help="keep finished units of an interrupted run (default on)")
    p.add_argument("--no-progress", action="store_true", help="no progress bars")
    add_config_file_argument(p, "an analysis (AnalyzeConfig)")
    add_config_arguments(p, AnalyzeConfig, titles=GROUP_TITLES)
    p.set_defaults(func=_cmd_analyze)


def _analysis_config(args):
    """The :class:`AnalysisConfig` of an ``analyze`` command line."""
    return _analyze_config(args).analysis


class _RaisingParser(argparse.ArgumentParser):
    def error(self, message):
        raise ConfigError(message)


def analyze_config_from_argv(argv, base=None):
    """The :class:`~.analysis.config.AnalyzeConfig` that ``rl-clarity analyze`` options (a list
    of strings such as ``["--layers", "2b", "--full-resolution"]``; no checkpoint, logdir or
    other per-invocation option) describe, on top of ``base`` (an ``AnalyzeConfig`` or its
    JSON; default: the defaults). Raises :class:`ConfigError` (a ``ValueError``) naming the
    option on anything wrong: for code that takes option lists (the MLflow hooks'
    ``analyze_args``) and checks them at once."""
    from .analysis.config import AnalyzeConfig

    parser = _RaisingParser(prog="rl-clarity analyze", add_help=False)
    add_config_arguments(parser, AnalyzeConfig)
    args = parser.parse_args([str(a) for a in argv])
    if base is not None and not isinstance(base, dict):
        base = base.to_json()
    return config_from_args(AnalyzeConfig, args, base)


def _cmd_analyze(args) -> int:
    from .analysis.job import main_guarded, run_analysis, world_comm

    config = _analyze_config(args)
    comm = world_comm()
    summary = main_guarded(lambda: run_analysis(
        args.checkpoint, args.logdir, run=args.run, step=args.step, probe_set=args.probe_set,
        config=config.analysis, resume=args.resume, progress=not args.no_progress, comm=comm,
        load_options=config.agent.load_options()), comm, "analyze", args.verbose)
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


def _add_edit_analyze(sub):
    p = sub.add_parser(
        "edit-analyze", help="analyse an edited agent beside the original, for the compare view",
        description="Analyse EDITED (an edited checkpoint, as 'rl-clarity edit' writes it) on the "
                    "probe set and with the options of the analysis of ORIGINAL at RUN / STEP, "
                    "into run EDITED_RUN at the same step, with bookmarks at the first frame of "
                    "each trajectory where the two agents' greedy actions differ. With "
                    "--failing-levels (procgen level seeds where the edited agent fails and the "
                    "original completes, from 'rl-clarity edit --evaluate'), the edited agent "
                    "plays up to 4 of them until it fails, and both agents are analysed on those "
                    "frames (runs EDITED_RUN.failures/original and EDITED_RUN.failures/edited, "
                    "bookmarks at the failures). Open the compare view on RUN and EDITED_RUN.")
    p.add_argument("original", metavar="ORIGINAL", help="the analysed " + CHECKPOINT_HELP)
    p.add_argument("edited", metavar="EDITED", help="the edited checkpoint")
    p.add_argument("--logdir", required=True, help="TensorBoard logdir holding the analysis")
    p.add_argument("--run", required=True, help="run of the original's analysis")
    p.add_argument("--step", type=int, required=True, help="step of the original's analysis")
    p.add_argument("--edited-run", default=None,
                   help="run of the edited agent's analysis (default: RUN.edit-LAYER-fFEATURES)")
    p.add_argument("--failing-levels", default=None, metavar="L1,L2,...",
                   help="procgen level seeds the edited agent fails (comma-separated)")
    p.add_argument("--no-progress", action="store_true", help="no progress bars")
    p.set_defaults(func=_cmd_edit_analyze)


def _cmd_edit_analyze(args) -> int:
    from .analysis.job import main_guarded, world_comm
    from .edit_analysis import analyze_edit

    levels = None
    if args.failing_levels is not None:
        try:
            levels = [int(x) for x in args.failing_levels.split(",") if x.strip()]
        except ValueError:
            raise ConfigError(f"--failing-levels: expected integers separated by commas, got "
                              f"{args.failing_levels!r}") from None
    comm = world_comm()
    out = main_guarded(lambda: analyze_edit(
        args.original, args.edited, args.logdir, args.run, args.step,
        edited_run=args.edited_run, failing_levels=levels, progress=not args.no_progress,
        comm=comm), comm, "edit-analyze", args.verbose)
    if comm.rank != 0:
        return 0
    print(f"analysed the edited agent into run {out['run']!r} at step {out['step']} (probe set "
          f"{out['probe_set']}); actions first differ at (trajectory, frame) "
          f"{[tuple(x) for x in out['diverge']] or 'nowhere'}")
    failures = out["failures"]
    if out["failure_run"]:
        failed = [e["level"] for e in failures["levels"] if e["frame"] is not None]
        print(f"failures: levels {failed} in runs {out['failure_original_run']!r} / "
              f"{out['failure_run']!r}, failed at (trajectory, frame) "
              f"{[tuple(x) for x in out['failed']]}")
    elif failures.get("skipped"):
        print(f"failures: none shown ({failures['skipped']})")
    print(f"compare view: ?run={args.run}&run_b={out['run']} (the RL Clarity tab's compare "
          "button)")
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
    p.add_argument("--no-feature-vis", action="store_true",
                   help="no synthetic feature pictures (made by default: --feature-vis synthetic "
                        "of rl-clarity analyze, under a minute per layer)")
    p.add_argument("--no-tensorboard", action="store_true", help="stop after writing LOGDIR")
    p.set_defaults(func=_cmd_demo)


def _cmd_demo(args) -> int:
    import shutil

    from .agents.checkpoint import resolve_checkpoint
    from .analysis.config import AnalysisConfig, FeatureVisConfig
    from .analysis.job import run_analysis
    from .analysis.layers import LayerConfig
    from .envs.probe_config import ProbeConfig

    # the synthetic feature pictures too (the feature popup's toggle), unless asked not to
    parts = {"feature_vis": FeatureVisConfig(mode="off" if args.no_feature_vis else "synthetic")}
    if args.small:
        parts.update(probe=ProbeConfig(traj_envs=2, traj_steps=128, obs_envs=32,
                                       obs_per_env=32, obs_every=32),
                     layers=LayerConfig(name_contains_one_of=("2b",)))
    config = AnalysisConfig(**parts)
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
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="log more, and leave the libraries' notices and warnings "
                             "(TensorFlow, gym) as they are")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    _add_train(sub)
    _add_evaluate(sub)
    _add_edit(sub)
    _add_edit_analyze(sub)
    _add_probe(sub)
    _add_analyze(sub)
    _add_demo(sub)
    _add_export(sub)
    _add_mlflow(sub)
    _add_example(sub)
    _add_tensorboard(sub)
    for name, sub_parser in sub.choices.items():
        if name != "tensorboard":  # also after the command: rl-clarity analyze ... --verbose
            sub_parser.add_argument("-v", "--verbose", action="store_true",
                                    default=argparse.SUPPRESS, help="as rl-clarity --verbose")
    return parser


# Libraries that print at import time what a user of rl-clarity cannot act on: TensorFlow's
# oneDNN and CPU-feature notices (C++ logging, written to file descriptor 2 whatever
# TF_CPP_MIN_LOG_LEVEL says) and gym's deprecation banner (procgen imports gym).
QUIET_IMPORTS = ("tensorflow", "gym")
# Python loggers whose warnings (tf.function retracing, absl notes) are for developers
QUIET_LOGGERS = ("tensorflow", "absl", "h5py", "matplotlib")


class _QuietLoader:
    """Wraps a module's loader: runs the module with stdout/stderr (Python's and the file
    descriptors') captured; what was captured is dropped unless the import fails."""

    def __init__(self, loader):
        self._loader = loader

    def __getattr__(self, name):
        return getattr(self._loader, name)

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        import contextlib
        import io
        import tempfile

        with tempfile.TemporaryFile() as captured:
            saved_fds = []
            for stream in (sys.stdout, sys.stderr):
                stream.flush()
            try:
                for fd in (1, 2):
                    saved_fds.append((fd, os.dup(fd)))
                    os.dup2(captured.fileno(), fd)
            except OSError:  # no usable descriptors (an embedding host): capture Python only
                pass
            text = io.StringIO()
            try:
                with contextlib.redirect_stdout(text), contextlib.redirect_stderr(text):
                    self._loader.exec_module(module)
            except BaseException:
                _restore(saved_fds)
                captured.seek(0)
                sys.stderr.write(captured.read().decode(errors="replace") + text.getvalue())
                raise
            _restore(saved_fds)
        for name in QUIET_LOGGERS:
            logging.getLogger(name).setLevel(logging.ERROR)


def _restore(saved_fds):
    for fd, saved in saved_fds:
        os.dup2(saved, fd)
        os.close(saved)
    saved_fds.clear()


class _QuietImports:
    """A ``sys.meta_path`` finder that gives :data:`QUIET_IMPORTS` a :class:`_QuietLoader`."""

    def __init__(self):
        self._finding = False

    def find_spec(self, fullname, path=None, target=None):
        if fullname not in QUIET_IMPORTS or self._finding:
            return None
        import importlib.util

        self._finding = True
        try:
            spec = importlib.util.find_spec(fullname)
        finally:
            self._finding = False
        if spec is not None and spec.loader is not None:
            spec.loader = _QuietLoader(spec.loader)
        return spec


def quiet_libraries() -> None:
    """Quiet by default (``--verbose`` leaves everything as the libraries have it): no import
    notices of TensorFlow and gym, no warnings of TensorFlow's loggers (retracing), no
    deprecation warnings of libraries."""
    import warnings

    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.ERROR)
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    warnings.filterwarnings("ignore", category=FutureWarning)
    if not any(isinstance(f, _QuietImports) for f in sys.meta_path):
        sys.meta_path.insert(0, _QuietImports())


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["tensorboard"]:  # TensorBoard parses its own flags
        from .tensorboard import launch

        return run_command("tensorboard", lambda: launch.main(argv[1:]), verbose=False)
    from . import exit_codes

    parser = build_parser()
    parser.epilog = exit_codes.HELP  # what each exit code means, at the end of --help
    args = parser.parse_args(argv)
    if args.verbose:
        os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "0")
    else:
        quiet_libraries()
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    return run_command(args.command, lambda: args.func(args), verbose=args.verbose)


def run_command(command: str, run, verbose: bool) -> int:
    """Run one command; map what ends it to one exit code (``rlclarity_plugin.exit_codes``:
    bad input, too large, file-system error, interrupted, internal error) and one message on
    stderr, never a traceback (``--verbose`` prints an internal error's). SIGTERM is handled
    like Ctrl-C while the command runs."""
    import signal

    from . import exit_codes

    def on_sigterm(signum, frame):
        raise exit_codes.Interrupted()

    try:
        previous = signal.signal(signal.SIGTERM, on_sigterm)
    except ValueError:  # not the main thread (main() called from a thread): leave it alone
        previous = None
    try:
        return int(run() or 0)
    except SystemExit as e:  # e.g. SystemExit("rl-clarity: ...") of an option check
        if isinstance(e.code, str):
            print(e.code, file=sys.stderr)
            return exit_codes.BAD_INPUT
        raise
    except (Exception, KeyboardInterrupt) as e:
        code = exit_codes.code_for(e)
        if verbose and code == exit_codes.INTERNAL_ERROR:
            import traceback

            traceback.print_exc()
        print(f"rl-clarity {command}: {exit_codes.describe(e)}", file=sys.stderr, flush=True)
        return code
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
