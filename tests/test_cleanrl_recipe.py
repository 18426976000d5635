"""The CleanRL recipe (examples/cleanrl_ppo_procgen.py) run as a user runs it, tiny, against a
real ``mlflow server`` (sqlite store): each saved state dict reaches ``rl-clarity analyze`` as
``cleanrl:ppo_procgen:PATH`` and its analysis lands in the logdir and in the MLflow run."""

import os
import subprocess
import sys

import pytest

pytest.importorskip("mlflow")

from tests.test_mlflow_hooks import MlflowServer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LAYER = "network.1.res_block1"


@pytest.fixture
def server(tmp_path):
    s = MlflowServer(tmp_path / "mlflow")
    yield s
    s.close()


def test_cleanrl_recipe_analyses_its_state_dicts_into_mlflow(server, tmp_path):
    from mlflow.tracking import MlflowClient

    from rlclarity_plugin.agents.checkpoint import load_checkpoint
    from rlclarity_plugin.store.reader import LogdirReader

    logdir, saved = tmp_path / "tb", tmp_path / "ckpts"
    done = subprocess.run(
        [sys.executable, os.path.join(ROOT, "examples", "cleanrl_ppo_procgen.py"),
         "--total-steps", "256", "--num-envs", "4", "--num-steps", "32", "--num-minibatches",
         "2", "--update-epochs", "1", "--analyze-every", "1", "--logdir", str(logdir),
         "--save-dir", str(saved), "--tracking-uri", server.url, "--run", "clean",
         "--probe-steps", "16", "--analysis", "--layers", LAYER, "--nmf-features", "3",
         "--subdiv-mults", "1", "--expand-mults", "2"],
        capture_output=True, text=True, timeout=900, cwd=tmp_path,
        env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"})
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    assert "analysed steps [128, 256]; skipped []; failures 0" in done.stdout, done.stdout

    # the logdir: both checkpoints, on one probe set, from the very files the loop saved
    reader = LogdirReader(str(logdir))
    assert reader.steps("clean") == [128, 256]
    for step in (128, 256):
        manifest = reader.manifest("clean", step)
        assert [layer.name for layer in manifest.layers] == [LAYER]
        assert manifest.probe_set.path == str(saved / "probe_set.npz")
        agent = load_checkpoint(f"cleanrl:ppo_procgen:{saved}/agent_{step}.pt", device="cpu",
                                env_kind="procgen", env_name="coinrun")
        assert manifest.inputs["checkpoint"]["weights_sha256"] == agent.weights_digest()
    assert reader.manifest("clean", 128).inputs["checkpoint"] != \
        reader.manifest("clean", 256).inputs["checkpoint"]  # training moved the weights

    # MLflow: the run the recipe started holds the analyses at the training steps
    client = MlflowClient(server.url)
    experiment = client.get_experiment_by_name("Default").experiment_id
    (run,) = client.search_runs([experiment])
    rid = run.info.run_id
    assert run.info.run_name == "clean"
    assert {f.path for f in client.list_artifacts(rid, "rl_clarity")} == {
        "rl_clarity/rl_clarity_step_128.html", "rl_clarity/rl_clarity_step_256.html"}
    for name in (f"rl_clarity/nmf_error/{LAYER}", "rl_clarity/value_mean",
                 "rl_clarity/ig_completeness_median", "losses/value_loss"):
        assert [m.step for m in client.get_metric_history(rid, name)] == [128, 256], name
    data = client.get_run(rid).data
    params = data.params
    assert data.tags["rl_clarity.probe_set"] == str(saved / "probe_set.npz")
    assert params["rl_clarity.nmf.features"] == "3" and params["total_steps"] == "256"
    images = {f.path for f in client.list_artifacts(rid, "images")}
    assert any("thumbnails" in p for p in images)
