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


@pytest.mark.parametrize("args,message", [
    (["analyze", "--subdiv-mults", "0"], "--subdiv-mults: subdiv_mults must be one or more "
                                         "positive numbers, got [0.0]"),
    (["analyze", "--subdiv-mults", "-1"], "--subdiv-mults: subdiv_mults must be"),
    (["analyze", "--subdiv-mults", "nan"], "--subdiv-mults: subdiv_mults must be"),
    (["analyze", "--expand-mults", "0"], "--expand-mults: expand_mults must be"),
    (["analyze", "--bookmarks", "-1"], "--bookmarks: bookmarks must be >= 0, got -1"),
    (["analyze", "--device", "gpu"], "--device: device must be auto, cpu, cuda or cuda:N"),
    (["probe", "--traj-steps", "0"], "--traj-steps: traj_steps must be at least 1, got 0"),
    (["evaluate", "--episodes", "0"], "--episodes: episodes must be at least 1, got 0"),
    (["train", "--analyze-every", "1", "--analyze-option=--bookmarks",
      "--analyze-option=-1"], "--analyze-option: --bookmarks: bookmarks must be >= 0, got -1"),
    (["train", "--num-envs", "3", "--num-steps", "3"],
     "--num-minibatches: num_minibatches must divide num_envs*num_steps (9)"),
])
def test_bad_options_fail_before_any_work(args, message, tmp_path, capsys, monkeypatch):
    """Refused when the configuration is built: no checkpoint loaded, nothing written."""
    from rlclarity_plugin import cli
    from rlclarity_plugin.agents import checkpoint

    def no_loading(*a, **k):
        raise AssertionError("the checkpoint was loaded before the options were checked")

    monkeypatch.setattr(checkpoint, "load_checkpoint", no_loading)
    logdir = tmp_path / "logs"
    command, *options = args
    where = {"analyze": ["demo:coinrun", "--logdir", str(logdir)],
             "probe": ["demo:coinrun", "-o", str(logdir / "p.npz")],
             "evaluate": ["demo:coinrun"], "train": ["--logdir", str(logdir)]}[command]
    code = cli.main([command, *where, *options])
    err = capsys.readouterr().err
    assert code == 2 and message in err, err
    assert "Traceback" not in err and not logdir.exists()


def test_probe_refuses_before_its_progress_bar(ckpt, tmp_path, capsys):
    from rlclarity_plugin import cli

    out = str(tmp_path / "p.npz")
    code = cli.main(["probe", ckpt, "-o", out, "--env-option", "distribution_mode=bogus"])
    err = capsys.readouterr().err
    assert code == 2 and "unknown distribution_mode 'bogus'" in err
    assert "probe set" not in err and "%" not in err and not os.path.exists(out)


NOISE = ["oneDNN", "absl::InitializeLog", "cpu_feature_guard", "Gym has been unmaintained",
         "gymnasium", "retracing", "DeprecationWarning", "Warning:"]


def test_analyze_is_quiet_by_default(ckpt, tmp_path):
    """No library notices (TensorFlow's oneDNN and absl lines, gym's banner, retracing
    warnings) in what a user sees, with no TF_CPP_MIN_LOG_LEVEL set."""
    env = {k: v for k, v in os.environ.items() if k != "TF_CPP_MIN_LOG_LEVEL"}
    out = subprocess.run(
        [sys.executable, "-m", "rlclarity_plugin.cli", "analyze", ckpt, "--logdir",
         str(tmp_path), "--traj-envs", "1", "--traj-steps", "6", "--obs-envs", "4",
         "--obs-per-env", "4", "--obs-every", "2", "--layers", "2b", "--nmf-features", "2",
         "--subdiv-mults", "1", "--expand-mults", "2", "--no-progress"],
        capture_output=True, text=True, timeout=300, env=env)
    assert out.returncode == 0, out.stderr
    assert "analysed" in out.stdout
    for noise in NOISE:
        assert noise not in out.stderr, out.stderr
    assert out.stderr.strip() == ""


def test_one_config_file_for_probe_and_analyze(ckpt, tmp_path, capsys):
    """What the MLflow hooks do: one AnalyzeConfig JSON for both children; the probe set made
    with it has what the analysis asks for (full-resolution frames included)."""
    from rlclarity_plugin import cli
    from rlclarity_plugin.store.reader import LogdirReader

    config = cli.analyze_config_from_argv(
        ["--traj-envs", "1", "--traj-steps", "4", "--obs-envs", "4", "--obs-per-env", "4",
         "--obs-every", "2", "--layers", "2b", "--nmf-features", "2", "--subdiv-mults", "1",
         "--expand-mults", "2", "--full-resolution", "--start-level", "7"])
    path = tmp_path / "config.json"
    path.write_text(json.dumps(config.to_json()))
    probe = str(tmp_path / "probe.npz")
    assert cli.main(["probe", ckpt, "-o", probe, "--config", str(path)]) == 0
    logdir = str(tmp_path / "logs")
    assert cli.main(["analyze", ckpt, "--logdir", logdir, "--run", "r", "--probe-set", probe,
                     "--no-progress", "--config", str(path)]) == 0, capsys.readouterr().err
    manifest = LogdirReader(logdir).manifest("r", 0)
    assert manifest.full_resolution is not None
    assert manifest.inputs["config"] == config.analysis.to_json()


@pytest.mark.parametrize("extra,mode", [([], "synthetic"), (["--no-feature-vis"], "off")])
def test_demo_makes_the_synthetic_pictures_unless_asked_not_to(extra, mode, tmp_path, capsys,
                                                               monkeypatch):
    """``rl-clarity demo`` asks the analysis for the synthetic feature pictures (the popup's
    toggle) on top of its sizes; ``--no-feature-vis`` leaves them out (the job making them on
    the demo agent: tests/test_featurevis.py)."""
    from rlclarity_plugin import cli
    from rlclarity_plugin.analysis import job
    from rlclarity_plugin.analysis.config import AnalysisConfig, FeatureVisConfig
    from rlclarity_plugin.analysis.layers import LayerConfig

    asked = []

    def run_analysis(checkpoint, logdir, run=None, config=None, **kw):
        asked.append((checkpoint, run, config))
        return {"asset_dir": os.path.join(logdir, run), "total_seconds": 0.0}
    monkeypatch.setattr(job, "run_analysis", run_analysis)
    for small in ([], ["--small"]):
        assert cli.main(["demo", "--logdir", str(tmp_path), "--no-tensorboard", *small,
                         *extra]) == 0
    assert "demo: analysed demo:coinrun" in capsys.readouterr().out
    (_, run, full), (_, _, small) = asked
    assert run == "demo_coinrun"
    assert full.feature_vis == small.feature_vis == FeatureVisConfig(mode=mode)
    # everything else as before: the original's sizes, or the small ones at layer 2b
    assert full.to_json() == AnalysisConfig(feature_vis=FeatureVisConfig(mode=mode)).to_json()
    assert small.layers == LayerConfig(name_contains_one_of=("2b",))
    assert small.probe.traj_steps == 128 and small.probe.obs_envs * small.probe.obs_per_env == 1024
