"""Shared fixtures: tiny agents and environments so the suite fits in CI time on 2 cores."""

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np
import pytest


@pytest.fixture
def rng():
    return np.random.default_rng(1234)


@pytest.fixture(scope="session")
def clear_agent():
    """A randomly initialised ``clear`` agent for CoinRun-sized observations."""
    import keras

    from rlclarity_plugin.agents.agent import Agent, AgentMetadata

    keras.utils.set_random_seed(7)
    meta = AgentMetadata("clear", (64, 64, 3), 15, env_kind="procgen", env_name="coinrun",
                         env_kwargs={"distribution_mode": "easy"})
    return Agent.build(meta)


UI_ANALYSIS_ARGS = ["--traj-envs", "2", "--traj-steps", "40", "--obs-envs", "4",
                    "--obs-per-env", "8", "--obs-every", "4", "--layers", "2b", "4a",
                    "--include-input", "--attr-policy", "--nmf-features", "4",
                    "--subdiv-mults", "0.5", "1", "--expand-mults", "2", "4",
                    "--no-progress", "--seed", "3"]


def run_analyze(*args, timeout=900):
    """``rl-clarity analyze ARGS`` in a child process; raises with its output on failure."""
    import subprocess
    import sys

    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    done = subprocess.run([sys.executable, "-m", "rlclarity_plugin.cli", "analyze", *args],
                          capture_output=True, text=True, timeout=timeout, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"analyze failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done


@pytest.fixture(scope="session")
def analysed_logdir(tmp_path_factory, clear_agent):
    """A small logdir for the plugin and browser tests, written by the real analysis job.

    Runs: ``agentA`` at steps 1000 and 2000 (two checkpoints of the same tiny agent, the second
    with other weights), ``nested/agentB`` at step 1000; plus a run ``broken`` whose analysis
    directory has no manifest (a killed job) and a run ``corrupt`` whose manifest is garbage.
    Returns the logdir path (str).
    """
    import keras

    from rlclarity_plugin.agents.agent import Agent
    from rlclarity_plugin.agents.checkpoint import save_checkpoint
    from rlclarity_plugin.agents.original import PROCGEN_ACTION_COMBOS

    root = tmp_path_factory.mktemp("analysed")
    logdir = root / "logs"
    # procgen's 15 button combos, so that the action groups (RIGHT, LEFT, ...) exist too
    meta = clear_agent.metadata.replace(action_combos=tuple(PROCGEN_ACTION_COMBOS))
    keras.utils.set_random_seed(7)
    first = Agent.build(meta)
    first.set_weights(clear_agent.get_weights())
    ckpt1 = save_checkpoint(first, str(root / "ckpt-1000"))
    keras.utils.set_random_seed(11)
    other = Agent.build(meta)
    ckpt2 = save_checkpoint(other, str(root / "ckpt-2000"))
    run_analyze(ckpt1, "--logdir", str(logdir), "--run", "agentA", "--step", "1000",
                *UI_ANALYSIS_ARGS)
    probe = next((logdir / "agentA" / "plugins" / "rl_clarity" / "probe_sets").glob("*.npz"))
    run_analyze(ckpt2, "--logdir", str(logdir), "--run", "agentA", "--step", "2000",
                "--probe-set", str(probe), *UI_ANALYSIS_ARGS)
    run_analyze(ckpt1, "--logdir", str(logdir), "--run", "nested/agentB", "--step", "1000",
                "--probe-set", str(probe), *UI_ANALYSIS_ARGS)
    broken = logdir / "broken" / "plugins" / "rl_clarity" / "7"
    (broken / "trajectories").mkdir(parents=True)
    (broken / "trajectories" / "frames_0.png").write_bytes(b"\x89PNG half")
    import shutil

    shutil.copytree(logdir / "agentA", logdir / "corrupt")
    for m in (logdir / "corrupt").rglob("manifest.json"):
        m.write_text("{not json")
    return str(logdir)


@pytest.fixture(scope="session")
def compare_logdir(analysed_logdir, tmp_path_factory):
    """The shared analysed logdir plus ``agentC``: agentA's first checkpoint analysed on a probe
    set of its own (another seed), so that agentA and agentC do not share frames."""
    import shutil

    root = tmp_path_factory.mktemp("compare") / "logs"
    shutil.copytree(analysed_logdir, root)
    args = list(UI_ANALYSIS_ARGS)
    args[args.index("--seed") + 1] = "4"
    ckpt = os.path.join(os.path.dirname(analysed_logdir), "ckpt-1000")
    run_analyze(ckpt, "--logdir", str(root), "--run", "agentC", "--step", "1000", *args)
    return str(root)


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium through Playwright, one per test module (the sync API cannot nest, so
    tests that start their own never overlap with it)."""
    from playwright.sync_api import sync_playwright

    from tests.support.browser import launch_chromium

    with sync_playwright() as pw:
        b = launch_chromium(pw)
        yield b
        b.close()
