"""RLClaritySB3Callback: a real PPO CnnPolicy trained on an Atari game by the recipe
(examples/sb3_ppo_atari.py, run as a user runs it, tiny) with SB3's CheckpointCallback, against a
real ``mlflow server`` (sqlite store). The checkpoints' analyses land in SB3's own TensorBoard
run folder and in the MLflow run at the checkpoints' steps, from the very zips saved, while the
training loop only saves and queues; and the callback's clear errors."""

import os
import re
import subprocess
import sys

import pytest

pytest.importorskip("mlflow")
pytest.importorskip("ale_py")
pytest.importorskip("cv2")
pytest.importorskip("stable_baselines3")

from tests.test_mlflow_hooks import MlflowServer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GAME = "BreakoutNoFrameskip-v4"
ANALYSIS = ["--traj-envs", "2", "--traj-steps", "12", "--obs-envs", "2", "--obs-per-env", "8",
            "--obs-every", "3", "--layers", "cnn.5", "--nmf-features", "2", "--subdiv-mults",
            "1", "--expand-mults", "2", "--seed", "1", "--device", "cpu"]


@pytest.fixture
def server(tmp_path):
    s = MlflowServer(tmp_path / "mlflow")
    yield s
    s.close()


def test_sb3_recipe_analyses_checkpoints_into_tensorboard_and_mlflow(server, tmp_path):
    from mlflow.tracking import MlflowClient

    from rlclarity_plugin.agents.checkpoint import load_checkpoint
    from rlclarity_plugin.store.reader import LogdirReader

    # 2 envs x 64 steps a rollout, 256 steps: the CheckpointCallback saves at 256, the callback
    # itself every 128 steps (at 128; at 256 the CheckpointCallback's zip is there already)
    done = subprocess.run(
        [sys.executable, os.path.join(ROOT, "examples", "sb3_ppo_atari.py"), "--env", GAME,
         "--total-steps", "256", "--n-envs", "2", "--n-steps", "64", "--batch-size", "64",
         "--n-epochs", "1", "--device", "cpu", "--checkpoint-every", "256",
         "--analyze-every", "128", "--logdir", "tb", "--save-dir", "ckpts", "--tracking-uri",
         server.url, "--run", "sb3", "--analysis", *ANALYSIS],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
        env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"})
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    assert "analysed steps [128, 256]; skipped []; failures 0" in done.stdout, done.stdout
    assert f"analyses in {tmp_path / 'tb'} run PPO_1" in done.stdout, done.stdout

    # training was not blocked: the callback only saved a zip and queued paths
    timing = re.search(r"trained 256 steps in ([\d.]+) s; the rl-clarity callback took "
                       r"([\d.]+) s of it \(longest call (\d+) ms", done.stdout)
    assert timing, done.stdout
    train_s, busy_s, longest_ms = float(timing[1]), float(timing[2]), int(timing[3])
    print(f"training {train_s} s, in the callback {busy_s} s, longest call {longest_ms} ms")
    assert busy_s < 0.1 * train_s and longest_ms < 1000

    # the logdir: SB3's own run folder (its scalars' event file and both analyses)
    saved = tmp_path / "ckpts"
    zips = {128: saved / "rl_clarity_model_128_steps.zip", 256: saved / "rl_model_256_steps.zip"}
    assert sorted(os.listdir(saved)) == sorted(p.name for p in zips.values())  # no duplicates
    run_dir = tmp_path / "tb" / "PPO_1"
    assert any(name.startswith("events.out.tfevents.") and not name.endswith(".rl_clarity")
               for name in os.listdir(run_dir))  # SB3's scalars
    reader = LogdirReader(str(tmp_path / "tb"))
    assert reader.runs() == ["PPO_1"] and reader.steps("PPO_1") == [128, 256]
    manifests = {step: reader.manifest("PPO_1", step) for step in zips}
    for step, path in zips.items():
        m = manifests[step]
        assert m.env == {"kind": "sb3-atari", "name": GAME}  # read from the training env
        assert [layer.name for layer in m.layers] == ["cnn.5"]
        agent = load_checkpoint(str(path), device="cpu", env_kind="sb3-atari", env_name=GAME)
        assert agent.metadata.training_step == step
        assert m.inputs["checkpoint"]["weights_sha256"] == agent.weights_digest()
    assert manifests[128].inputs["checkpoint"]["weights_sha256"] != \
        manifests[256].inputs["checkpoint"]["weights_sha256"]  # an update between them
    assert manifests[128].probe_set == manifests[256].probe_set  # one probe set

    # MLflow: the recipe's run holds the analyses at the training steps
    client = MlflowClient(server.url)
    (run,) = client.search_runs([client.get_experiment_by_name("Default").experiment_id])
    rid = run.info.run_id
    assert run.info.run_name == "sb3"
    assert {f.path for f in client.list_artifacts(rid, "rl_clarity")} == {
        "rl_clarity/rl_clarity_step_128.html", "rl_clarity/rl_clarity_step_256.html"}
    for name in ("rl_clarity/value_mean", "rl_clarity/abs_advantage_mean",
                 "rl_clarity/ig_completeness_median", "rl_clarity/nmf_error/cnn.5"):
        assert [m.step for m in client.get_metric_history(rid, name)] == [128, 256], name
    data = client.get_run(rid).data
    params = data.params
    assert data.tags["rl_clarity.run"] == "PPO_1"
    assert data.tags["rl_clarity.logdir"] == str(tmp_path / "tb")
    assert params["rl_clarity.nmf.features"] == "2" and params["total_steps"] == "256"
    images = {f.path for f in client.list_artifacts(rid, "images")}
    assert any("thumbnails" in p for p in images) and any("bookmark" in p for p in images)


# -------------------------------------------------------------------------------- errors
@pytest.fixture(scope="module")
def atari_env():
    import ale_py
    import gymnasium
    from stable_baselines3.common.env_util import make_atari_env
    from stable_baselines3.common.vec_env import VecFrameStack

    gymnasium.register_envs(ale_py)
    env = VecFrameStack(make_atari_env(GAME, n_envs=1, seed=0,
                                       env_kwargs={"repeat_action_probability": 0.25}), 2)
    yield env
    env.close()


def ppo(env, **kwargs):
    from stable_baselines3 import PPO

    return PPO("CnnPolicy", env, n_steps=8, batch_size=8, n_epochs=1, device="cpu", **kwargs)


def test_environment_read_from_the_training_env(atari_env):
    """The probe env options follow the training env: its id, its ALE settings that differ
    from the id's own, its frame stack; and the probe env made from them fits the model."""
    from mlflow_hooks import RLClaritySB3Callback
    from rlclarity_plugin.envs import make_env

    model = ppo(atari_env)
    callback = RLClaritySB3Callback(every_n_steps=8)
    callback.init_callback(model)
    args = callback._env_args()
    assert args == ["--env-kind", "sb3-atari", "--env", GAME,
                    "--env-option", "ale_repeat_action_probability=0.25",
                    "--env-option", "frame_stack=2"]
    options = dict(a.split("=") for a in args[5::2])
    with make_env("sb3-atari", GAME, 1, seed=0, **options) as env:
        assert env.observation_shape == (84, 84, 2)
    named = RLClaritySB3Callback(every_n_steps=8, env_name="ALE/Breakout-v5",
                                 env_kwargs={"frame_stack": 2})
    named.init_callback(model)
    assert named._env_args() == ["--env-kind", "sb3-atari", "--env", "ALE/Breakout-v5",
                                 "--env-option", "frame_stack=2"]


def test_clear_errors(atari_env, tmp_path):
    from mlflow_hooks import RLClaritySB3Callback

    with pytest.raises(ValueError, match="nothing to analyse"):
        RLClaritySB3Callback()
    with pytest.raises(ValueError, match="not both"):
        RLClaritySB3Callback(every_n_steps=8, env_name=GAME, analyze_args=["--env", GAME])
    # refused when learn() starts, before any step, thread or file
    with pytest.raises(ValueError, match="pass tensorboard_log= to the model or logdir="):
        ppo(atari_env).learn(8, callback=RLClaritySB3Callback(every_n_steps=8))
    with pytest.raises(ValueError, match="learn\\(\\) has no CheckpointCallback"):
        ppo(atari_env, tensorboard_log=str(tmp_path / "tb")).learn(
            8, callback=RLClaritySB3Callback(on_checkpoint=True))
    with pytest.raises(ValueError, match="pass env_name="):
        ppo(atari_env).learn(8, callback=RLClaritySB3Callback(
            every_n_steps=8, env_kind="procgen", logdir=str(tmp_path / "tb")))
    assert not (tmp_path / "tb").exists() or not any(
        os.path.isdir(tmp_path / "tb" / r / "plugins") for r in os.listdir(tmp_path / "tb"))
