"""The command line: help everywhere, evaluate, probe, clear errors."""

import json
import os
import subprocess
import sys

import pytest

from rlclarity_plugin.agents.checkpoint import save_checkpoint
from rlclarity_plugin.evaluation import evaluate

SUBCOMMANDS = ["train", "evaluate", "probe", "demo"]


def run_cli(*args, timeout=300):
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    return subprocess.run([sys.executable, "-m", "rlclarity_plugin.cli", *args],
                          capture_output=True, text=True, timeout=timeout, env=env)


def test_help_on_every_subcommand():
    top = run_cli("--help")
    assert top.returncode == 0
    for name in SUBCOMMANDS:
        assert name in top.stdout
        sub = run_cli(name, "--help")
        assert sub.returncode == 0, sub.stderr
        assert sub.stdout.startswith(f"usage: rl-clarity {name}")


def test_console_script_is_installed():
    script = os.path.join(os.path.dirname(sys.executable), "rl-clarity")
    out = subprocess.run([script, "--help"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and "evaluate" in out.stdout


@pytest.fixture(scope="module")
def ckpt(tmp_path_factory, clear_agent):
    return save_checkpoint(clear_agent, str(tmp_path_factory.mktemp("ck") / "ckpt-000000000"))


def test_evaluate_json_with_random_baseline(ckpt):
    out = run_cli("evaluate", ckpt, "--episodes", "2", "--num-envs", "2", "--baseline", "random",
                  "--json", "--start-level", "1000", "--num-levels", "20")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["env_kwargs"]["start_level"] == 1000
    policies = [r["policy"] for r in report["results"]]
    assert policies == ["agent", "random"]
    for r in report["results"]:
        assert r["episodes"] == 2 and 0 <= r["mean_return"] <= 10


def test_agent_and_random_play_the_same_levels(clear_agent):
    results = evaluate(clear_agent, episodes=4, num_envs=2, seed=5, baseline="random",
                       env_kwargs={"start_level": 500, "num_levels": 50})
    agent, rand = results
    assert len(agent.returns) == len(rand.returns) == 4
    assert sorted(agent.level_seeds) == sorted(rand.level_seeds)
    assert all(500 <= s < 550 for s in agent.level_seeds)


def test_probe_command(ckpt, tmp_path):
    out_path = str(tmp_path / "p.npz")
    out = run_cli("probe", ckpt, "-o", out_path, "--traj-envs", "1", "--traj-steps", "4",
                  "--obs-envs", "2", "--obs-per-env", "1", "--obs-every", "2")
    assert out.returncode == 0, out.stderr
    assert os.path.exists(out_path) and "probe set" in out.stdout


@pytest.mark.parametrize("args,message", [
    (["evaluate", "/nonexistent/ckpt"], "no checkpoint at '/nonexistent/ckpt'"),
    (["evaluate", "demo:pong"], "unknown demo agent"),
    (["train", "--logdir", "x", "--env", "coinrunn", "--timesteps", "1"],
     "unknown procgen environment 'coinrunn'"),
])
def test_errors_are_clear(args, message):
    out = run_cli(*args)
    assert out.returncode == 2
    assert message in out.stderr
    assert "Traceback" not in out.stderr
