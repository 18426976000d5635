"""The end-to-end example (``rl-clarity example`` or ``python examples/end_to_end.py``), like the
original's ``example.py``: train a tiny CoinRun agent for a few hundred steps, analyse it on tiny
sizes, write the standalone page and open it. About a minute on a 2-core CPU.

Every step is the public API a user would call; read it top to bottom:

1. ``train(PPOConfig(...), WORKDIR/train)``: PPO, checkpoints in ``WORKDIR/train/checkpoints``;
2. ``run_analysis(checkpoint, WORKDIR/logs, run="example", config=AnalysisConfig(...))``: the
   analysis into a TensorBoard logdir (``tensorboard --logdir WORKDIR/logs`` shows the tab);
3. ``export_html(WORKDIR/logs, "example", out=WORKDIR/example.html)``: one self-contained page;
4. open it in the default web browser.
"""

from __future__ import annotations

import argparse
import os
import sys
import time


def run_example(workdir: str, *, timesteps: int = 512, open_browser: bool = True,
                progress: bool = True) -> dict:
    """Train, analyse, export (and open); returns the paths and the seconds of each part."""
    from .analysis.config import AnalysisConfig, FeatureConfig, NMFConfig
    from .analysis.job import run_analysis
    from .analysis.layers import LayerConfig
    from .envs.probe_config import ProbeConfig
    from .export import export_html
    from .training.config import PPOConfig
    try:
        from .training.ppo import train
    except ImportError as e:
        from . import missing_extra

        raise missing_extra(("tensorflow", "keras"), "keras", "training (the PPO trainer)",
                            e) from e

    os.makedirs(workdir, exist_ok=True)
    seconds = {}

    # 1. a tiny agent: 8 environments x 32 steps per update, a few updates
    t0 = time.perf_counter()
    config = PPOConfig(num_envs=8, num_steps=32, num_minibatches=2, ppo_epochs=2,
                       total_timesteps=timesteps, save_interval=1, seed=0)
    checkpoint = train(config, os.path.join(workdir, "train"), progress=progress)
    seconds["train"] = time.perf_counter() - t0

    # 2. a tiny analysis: 2 trajectories of 64 steps, 256 sampled observations, layer 2b,
    #    value function and policy attribution, 4 NMF features
    t0 = time.perf_counter()
    logdir = os.path.join(workdir, "logs")
    analysis = AnalysisConfig(
        probe=ProbeConfig(traj_envs=2, traj_steps=64, obs_envs=16, obs_per_env=16, obs_every=4),
        layers=LayerConfig(name_contains_one_of=("2b",)),
        attr_policy=True, nmf=NMFConfig(features=4),
        features=FeatureConfig(subdiv_mults=(0.5, 1.0), expand_mults=(2.0, 4.0),
                               subdiv_default=1.0, expand_default=2.0))
    summary = run_analysis(checkpoint, logdir, run="example", config=analysis, progress=progress)
    seconds["analyze"] = time.perf_counter() - t0

    # 3. the standalone page
    t0 = time.perf_counter()
    page = export_html(logdir, "example", out=os.path.join(workdir, "example.html"))
    seconds["export"] = time.perf_counter() - t0

    # 4. open it
    if open_browser:
        import pathlib
        import webbrowser

        webbrowser.open(pathlib.Path(page.path).as_uri())
    return {"checkpoint": checkpoint, "logdir": logdir, "html": page.path,
            "step": summary.get("step"), "seconds": seconds}


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The example's options (also ``rl-clarity example``'s)."""
    p.add_argument("--workdir", default="rl_clarity_example", help="where everything goes")
    p.add_argument("--timesteps", type=int, default=512, help="training steps (%(default)s)")
    p.add_argument("--no-open", action="store_true", help="do not open the page")


def run_from_args(args) -> int:
    out = run_example(args.workdir, timesteps=args.timesteps, open_browser=not args.no_open)
    s = out["seconds"]
    print(f"trained {args.timesteps} steps in {s['train']:.0f}s: {out['checkpoint']}")
    print(f"analysed in {s['analyze']:.0f}s into {out['logdir']} (run 'example')")
    print(f"wrote {out['html']} in {s['export']:.1f}s")
    print(f"next: tensorboard --logdir {out['logdir']}   (the RL Clarity tab)")
    return 0


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="rl-clarity example", description=__doc__.split("\n\n")[0])
    add_arguments(p)
    return run_from_args(p.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
