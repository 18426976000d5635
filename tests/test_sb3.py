"""Stable-Baselines3 PPO / A2C agents, trained here for a few hundred steps, read by rl-clarity:
outputs equal SB3's own on real frames, probe frames equal SB3's own env stack frame for frame,
separate and custom feature extractors, a real analysis (API and command line), clear errors.

Every reference is computed here with SB3's own API (its env stack, ``get_distribution``,
``predict_values``, the policy's modules), never with the code under test.
"""

import os
import subprocess
import sys

import numpy as np
import pytest

pytest.importorskip("ale_py")
pytest.importorskip("cv2")
pytest.importorskip("stable_baselines3")

import torch
from stable_baselines3 import A2C, DQN, PPO
from stable_baselines3.common.env_util import make_atari_env
from stable_baselines3.common.torch_layers import BaseFeaturesExtractor
from stable_baselines3.common.vec_env import VecFrameStack
from torch import nn

from rlclarity_plugin.agents.checkpoint import load_checkpoint
from rlclarity_plugin.agents.sb3 import sb3_agent
from rlclarity_plugin.analysis.attribution import logit_output, value_output
from rlclarity_plugin.analysis.config import (
    AnalysisConfig,
    AttributionConfig,
    FeatureConfig,
    NMFConfig,
)
from rlclarity_plugin.analysis.layers import LayerConfig, select_layers
from rlclarity_plugin.envs.probe_config import ProbeConfig
from rlclarity_plugin.envs.rollouts import ProbeSet, collect_probe_set
from rlclarity_plugin.store.reader import LogdirReader

GAME = "BreakoutNoFrameskip-v4"  # FIRE reset and lives: SB3's wrappers all take part
ENV = {"env_kind": "sb3-atari", "env_name": GAME}
TOL = 1e-5


def sb3_env(n_envs: int, seed: int):
    """The env stack SB3 Atari agents are trained on, written with SB3's API."""
    import ale_py
    import gymnasium

    gymnasium.register_envs(ale_py)
    return VecFrameStack(make_atari_env(GAME, n_envs=n_envs, seed=seed), 4)


def train(algo, tmp_path_factory, name: str, steps: int, **kwargs):
    """``algo`` trained for real on ``steps`` steps of SB3's Atari stack, saved with
    ``model.save``; returns ``(model, path)``."""
    torch.manual_seed(0)
    env = sb3_env(2, seed=0)
    model = algo("CnnPolicy", env, seed=0, device="cpu", **kwargs)
    model.learn(steps)
    path = str(tmp_path_factory.mktemp(name) / f"{name}.zip")
    model.save(path)
    env.close()
    return model, path


def real_frames(steps: int = 24, seed: int = 11) -> np.ndarray:
    """uint8 (2 * steps, 84, 84, 4) frames from SB3's own env stack under random actions."""
    env = sb3_env(2, seed)
    rng = np.random.default_rng(seed)
    frames = [env.reset()]
    for _ in range(steps - 1):
        frames.append(env.step(rng.integers(0, env.action_space.n, 2))[0])
    env.close()
    return np.concatenate(frames)


def sb3_outputs(policy, obs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """SB3's own ``(log-probabilities (B, A), values (B,))`` for (B, H, W, C) frames (the
    policy takes them channel-first, as VecTransposeImage gives them)."""
    x = torch.as_tensor(np.ascontiguousarray(obs.transpose(0, 3, 1, 2)))
    policy.set_training_mode(False)
    with torch.no_grad():
        log_probs = policy.get_distribution(x).distribution.logits
        values = policy.predict_values(x)[:, 0]
    return log_probs.numpy(), values.numpy()


def assert_matches_sb3(agent, policy, obs):
    """The agent's outputs equal SB3's: SB3's categorical keeps normalised logits (log-
    probabilities), so ours are compared after a log-softmax (the same policy)."""
    logits, values = agent(obs)
    ref_log_probs, ref_values = sb3_outputs(policy, obs)
    log_probs = torch.log_softmax(torch.as_tensor(logits, dtype=torch.float64), -1).numpy()
    np.testing.assert_allclose(log_probs, ref_log_probs, atol=TOL, rtol=0)
    np.testing.assert_allclose(values, ref_values, atol=TOL, rtol=0)


class SmallCNN(BaseFeaturesExtractor):
    """A user's own features extractor: two convolutions and a dense layer."""

    def __init__(self, observation_space, features_dim: int = 64):
        super().__init__(observation_space, features_dim)
        self.conv1 = nn.Conv2d(observation_space.shape[0], 8, 8, stride=4)
        self.act1 = nn.ReLU()
        self.conv2 = nn.Conv2d(8, 16, 4, stride=2)
        self.act2 = nn.ReLU()
        self.flat = nn.Flatten()
        self.fc = nn.Linear(16 * 9 * 9, features_dim)
        self.act3 = nn.ReLU()

    def forward(self, x):
        hidden = self.act2(self.conv2(self.act1(self.conv1(x))))
        return self.act3(self.fc(self.flat(hidden)))


# -------------------------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def ppo(tmp_path_factory):
    return train(PPO, tmp_path_factory, "ppo", 256, n_steps=64, batch_size=64, n_epochs=2)


@pytest.fixture(scope="module")
def ppo_separate(tmp_path_factory):
    return train(PPO, tmp_path_factory, "ppo_separate", 128, n_steps=64, batch_size=64,
                 n_epochs=1, policy_kwargs=dict(share_features_extractor=False))


@pytest.fixture(scope="module")
def ppo_agent(ppo):
    return load_checkpoint(ppo[1], **ENV)


@pytest.fixture(scope="module")
def frames():
    return real_frames()


# -------------------------------------------------------------------------------- PPO
def test_ppo_checkpoint_matches_sb3_on_real_frames(ppo, ppo_agent, frames):
    model, path = ppo
    by_content = ppo_agent
    by_prefix = load_checkpoint("sb3:" + path, **ENV)
    in_memory = sb3_agent(model, **ENV)
    for agent in (by_content, by_prefix, in_memory):
        assert agent.framework == "torch"
        assert_matches_sb3(agent, model.policy, frames)
    # the agent holds a copy: the model still trains (no frozen parameters, training mode kept)
    assert all(p.requires_grad for p in model.policy.parameters())

    meta = by_content.metadata
    assert meta.architecture == "sb3" and meta.observation_shape == (84, 84, 4)
    assert meta.num_actions == 4 and meta.training_step == model.num_timesteps == 256
    assert (meta.gamma, meta.lam) == (model.gamma, model.gae_lambda)
    assert (meta.env_kind, meta.env_name) == ("sb3-atari", GAME)
    env = sb3_env(1, 0)
    meanings = env.venv.envs[0].unwrapped.get_action_meanings()
    env.close()
    assert meta.action_combos == tuple((m,) for m in meanings)
    assert meta.arch_kwargs["algorithm"] == "PPO"
    assert meta.arch_kwargs["features_extractor"] == "NatureCNN"


def test_ppo_layers_are_naturecnn_modules(ppo, ppo_agent, frames):
    model, _ = ppo
    net = ppo_agent.network
    assert net.layer_names == ["input", "cnn.0", "cnn.1", "cnn.2", "cnn.3", "cnn.4", "cnn.5",
                               "cnn.6", "linear.0", "linear.1"]
    assert select_layers(net) == ["cnn.1", "cnn.3", "cnn.5"]  # NatureCNN's convolution ReLUs
    # activations at cnn.3 are NatureCNN's own, channel-last
    cnn = model.policy.features_extractor.cnn
    with torch.no_grad():
        ref = cnn[:4](torch.as_tensor(frames.transpose(0, 3, 1, 2)).float() / 255.0)
    np.testing.assert_allclose(net.activations("cnn.3", frames), ref.permute(0, 2, 3, 1),
                               atol=TOL, rtol=0)
    assert net.layer_shape("cnn.5") == (7, 7, 64)


def test_probe_frames_equal_sb3_env_stack(ppo, ppo_agent):
    """Our sb3-atari probe set, frame for frame, against SB3's own stack replayed with the same
    seed and the probe's actions (with the zero-filled stack after lost lives)."""
    model, _ = ppo
    agent = ppo_agent
    config = ProbeConfig(traj_envs=2, traj_steps=100, obs_envs=1, obs_per_env=1, obs_every=1,
                         seed=7)
    traj = collect_probe_set(agent, config).trajectories
    env = sb3_env(2, seed=7)
    obs = env.reset()
    for t in range(config.traj_steps):
        np.testing.assert_array_equal(traj["observations"][:, t], obs, err_msg=f"step {t}")
        obs, rewards, dones, _ = env.step(traj["actions"][:, t])
        np.testing.assert_array_equal(traj["rewards"][:, t], rewards)
        np.testing.assert_array_equal(traj["dones"][:, t], dones)
    env.close()
    assert traj["firsts"][:, 0].all() and traj["dones"].any()  # an episode boundary was crossed
    restarted = traj["observations"][:, 1:][traj["firsts"][:, 1:]]
    assert restarted.size and not restarted[..., :3].any()  # SB3's stack zero-fills
    assert_matches_sb3(agent, model.policy, traj["observations"].reshape(-1, 84, 84, 4))


# -------------------------------------------------------------------------------- extractors
@pytest.fixture(scope="module")
def separate_agent(ppo_separate):
    return load_checkpoint(ppo_separate[1], **ENV)


def test_separate_extractors_cut_per_output(ppo_separate, separate_agent, frames):
    model, _ = ppo_separate
    assert_matches_sb3(separate_agent, model.policy, frames)
    net = separate_agent.network
    assert "pi_cnn.5" in net.layer_names and "vf_cnn.5" in net.layer_names
    assert not any(name.startswith("cnn.") for name in net.layer_names)
    net.check_cut("vf_cnn.5", ("value",))
    net.check_cut("pi_cnn.5", ("logits",))
    with pytest.raises(ValueError, match=r"'vf_cnn\.5' cannot be attributed for the logits"):
        net.check_cut("vf_cnn.5", ("logits",))
    with pytest.raises(ValueError, match=r"'pi_cnn\.3' cannot be attributed for the value"):
        net.integrated_gradients("pi_cnn.3", [value_output()], AttributionConfig())
    # the default selection offers the value trunk's layers for the value, both for both
    from rlclarity_plugin.analysis.layers import select_layers

    assert select_layers(net, outputs=("value",)) == ["vf_cnn.1", "vf_cnn.3", "vf_cnn.5"]
    assert select_layers(net, outputs=("logits",)) == ["pi_cnn.1", "pi_cnn.3", "pi_cnn.5"]
    with pytest.raises(ValueError, match=r"no layer .* fits the selection for the logits and"):
        select_layers(net, outputs=("logits", "value"))
    # activations at vf_cnn.5 are the critic's own extractor's, not the actor's
    with torch.no_grad():
        x = torch.as_tensor(frames.transpose(0, 3, 1, 2)).float() / 255.0
        ref = model.policy.vf_features_extractor.cnn[:6](x).permute(0, 2, 3, 1)
    np.testing.assert_allclose(net.activations("vf_cnn.5", frames), ref, atol=TOL, rtol=0)


def test_separate_extractors_integrated_gradients(ppo_separate, separate_agent, frames):
    """IG at vf_cnn.5 (value) and pi_cnn.5 (a logit) adds up to the change of SB3's own head
    from zero activations to the frame's (completeness)."""
    model, _ = ppo_separate
    policy, net, obs = model.policy, separate_agent.network, frames[::6]

    def head(extractor, acts):
        x = torch.as_tensor(acts).permute(0, 3, 1, 2)
        return extractor.linear(extractor.cnn[6](x))

    def value_head(acts):
        latent = policy.mlp_extractor.forward_critic(head(policy.vf_features_extractor, acts))
        return policy.value_net(latent)[:, 0].numpy()

    def logit_head(acts):
        latent = policy.mlp_extractor.forward_actor(head(policy.pi_features_extractor, acts))
        return policy.action_net(latent)[:, 2].numpy()

    for layer, output, f in (("vf_cnn.5", value_output(), value_head),
                             ("pi_cnn.5", logit_output(2), logit_head)):
        acts = net.activations(layer, obs)
        with torch.no_grad():
            change = f(acts) - f(np.zeros_like(acts))
        ig = net.integrated_gradients(layer, [output], AttributionConfig(integrate_steps=64))
        sums = ig(acts)[0].reshape(len(acts), -1).sum(1)
        np.testing.assert_allclose(sums, change, atol=1e-3 * np.abs(change).max() + 1e-6,
                                   rtol=0)


def test_custom_features_extractor(tmp_path_factory, frames):
    model, path = train(PPO, tmp_path_factory, "ppo_custom", 128, n_steps=64, batch_size=64,
                        n_epochs=1, policy_kwargs=dict(features_extractor_class=SmallCNN))
    agent = load_checkpoint(path, **ENV)
    assert_matches_sb3(agent, model.policy, frames)
    net = agent.network
    assert net.layer_names == ["input", "conv1", "act1", "conv2", "act2", "flat", "fc", "act3"]
    assert select_layers(net) == ["act1", "act2"]
    assert agent.metadata.arch_kwargs["features_extractor"] == "SmallCNN"
    fe = model.policy.features_extractor
    with torch.no_grad():
        x = torch.as_tensor(frames.transpose(0, 3, 1, 2)).float() / 255.0
        ref = fe.act2(fe.conv2(fe.act1(fe.conv1(x)))).permute(0, 2, 3, 1)
    np.testing.assert_allclose(net.activations("act2", frames), ref, atol=TOL, rtol=0)


def test_a2c(tmp_path_factory, frames):
    model, path = train(A2C, tmp_path_factory, "a2c", 128, n_steps=16)
    agent = load_checkpoint("sb3:" + path, **ENV)
    assert_matches_sb3(agent, model.policy, frames)
    meta = agent.metadata
    assert meta.arch_kwargs["algorithm"] == "A2C"
    assert (meta.gamma, meta.lam, meta.training_step) == (model.gamma, model.gae_lambda, 128)


# -------------------------------------------------------------------------------- analysis
SMALL = AnalysisConfig(
    probe=ProbeConfig(traj_envs=2, traj_steps=16, obs_envs=2, obs_per_env=8, obs_every=3,
                      seed=1),
    layers=LayerConfig(name_contains_one_of=("cnn.5",)), nmf=NMFConfig(features=3),
    features=FeatureConfig(subdiv_mults=(1.0,), expand_mults=(2.0,), expand_default=2.0))
CLI_ARGS = ["--traj-envs", "2", "--traj-steps", "12", "--obs-envs", "2", "--obs-per-env", "8",
            "--obs-every", "3", "--layers", "cnn.5", "--nmf-features", "3", "--subdiv-mults",
            "1", "--expand-mults", "2", "--no-progress", "--seed", "1", "--device", "cpu"]


def test_analysis_of_an_sb3_model(ppo, tmp_path):
    from rlclarity_plugin.analysis.job import run_analysis

    model, path = ppo
    logdir = str(tmp_path / "logs")
    run_analysis(path, logdir, run="ppo", config=SMALL, progress=False, load_options=ENV)
    reader = LogdirReader(logdir)
    assert reader.runs() == ["ppo"] and reader.steps("ppo") == [256]
    m = reader.manifest("ppo", 256)
    assert [layer.name for layer in m.layers] == ["cnn.5"]
    assert m.layer("cnn.5").shape == (7, 7, 64)
    assert m.probe_set.observation_shape == (84, 84, 4)
    assert m.probe_set.display == "last_channel_grey"
    maps, _ = reader.attribution("ppo", 256, "cnn.5", 0, "v")
    assert maps.shape[:3] == (16, 7, 7) and np.isfinite(maps).all()
    # the stored series are SB3's values of the stored frames
    probe = ProbeSet.load(os.path.join(logdir, "ppo", m.probe_set.path))
    obs = probe.trajectories["observations"]
    _, ref_values = sb3_outputs(model.policy, obs.reshape(-1, 84, 84, 4))
    series = reader.series("ppo", 256)
    np.testing.assert_allclose(series["values"], ref_values.reshape(obs.shape[:2]), atol=TOL)


def cli(*args, timeout=600):
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    return subprocess.run([sys.executable, "-m", "rlclarity_plugin.cli", "analyze", *args],
                          capture_output=True, text=True, timeout=timeout, env=env)


def test_cli_analyzes_an_sb3_zip(ppo, tmp_path):
    _, path = ppo
    logdir = str(tmp_path / "logs")
    out = cli("sb3:" + path, "--env-kind", "sb3-atari", "--env", GAME, "--logdir", logdir,
              "--run", "cli", *CLI_ARGS)
    assert out.returncode == 0, out.stderr[-3000:]
    reader = LogdirReader(logdir)
    assert reader.steps("cli") == [256]
    assert [layer.name for layer in reader.manifest("cli", 256).layers] == ["cnn.5"]


# -------------------------------------------------------------------------------- bad input
@pytest.fixture(scope="module")
def bad_files(ppo, tmp_path_factory):
    """A real DQN zip and a corrupt copy of the PPO zip."""
    root = tmp_path_factory.mktemp("bad")
    env = sb3_env(1, seed=0)
    dqn = DQN("CnnPolicy", env, buffer_size=64, learning_starts=16, batch_size=8, seed=0,
              device="cpu")
    dqn.learn(32)
    dqn.save(str(root / "dqn.zip"))
    env.close()
    with open(ppo[1], "rb") as f:
        data = f.read()
    (root / "corrupt.zip").write_bytes(data[:len(data) // 2])
    return {"dqn": str(root / "dqn.zip"), "corrupt": str(root / "corrupt.zip")}


def test_bad_input_via_the_api(ppo, bad_files, tmp_path):
    from rlclarity_plugin.analysis.job import run_analysis

    with pytest.raises(ValueError, match="DQN model, an off-policy agent") as e:
        load_checkpoint(bad_files["dqn"], **ENV)  # found by content
    assert "dqn.zip" in str(e.value) and "\n" not in str(e.value)
    with pytest.raises(ValueError, match="is not a Stable-Baselines3 PPO/A2C model: it is not "
                                         "a readable zip") as e:
        load_checkpoint("sb3:" + bad_files["corrupt"], **ENV)
    assert "\n" not in str(e.value)
    with pytest.raises(ValueError, match="is not a checkpoint"):  # not recognisable by content
        load_checkpoint(bad_files["corrupt"], **ENV)
    with pytest.raises(ValueError, match="pass --env-kind and --env"):
        load_checkpoint(ppo[1])
    # the wrong environment: caught before any frame is collected or file written
    logdir = str(tmp_path / "logs")
    for options in ({"env_kind": "procgen", "env_name": "coinrun"},):
        with pytest.raises(ValueError, match=r"expects observations of shape \(84, 84, 4\) but "
                                             r"procgen:coinrun produces \(64, 64, 3\)"):
            run_analysis(ppo[1], logdir, config=SMALL, progress=False, load_options=options)
    stacked2 = AnalysisConfig(probe=ProbeConfig(traj_envs=1, traj_steps=4, obs_envs=1,
                                                obs_per_env=1, obs_every=1,
                                                env_kwargs={"frame_stack": 2}),
                              layers=SMALL.layers)
    with pytest.raises(ValueError, match=r"produces \(84, 84, 2\)"):
        run_analysis(ppo[1], logdir, config=stacked2, progress=False, load_options=ENV)
    assert not os.path.exists(logdir) or not os.listdir(logdir)


def test_non_categorical_policy_is_refused():
    from gymnasium import spaces
    from stable_baselines3.common.policies import ActorCriticCnnPolicy

    policy = ActorCriticCnnPolicy(spaces.Box(0, 255, (4, 84, 84), np.uint8),
                                  spaces.Box(-1.0, 1.0, (2,), np.float32), lambda _: 1e-3)
    with pytest.raises(ValueError, match=r"DiagGaussianDistribution.*categorical"):
        sb3_agent(policy, **ENV)


def _error_line(out) -> str:
    assert out.returncode != 0
    assert "Traceback" not in out.stderr, out.stderr[-3000:]
    lines = [line for line in out.stderr.splitlines() if line.startswith("rl-clarity analyze:")]
    assert len(lines) == 1, out.stderr[-3000:]
    return lines[0]


def test_bad_input_via_the_cli(ppo, bad_files, tmp_path):
    logdir = str(tmp_path / "logs")
    line = _error_line(cli("sb3:" + bad_files["dqn"], "--env-kind", "sb3-atari", "--env", GAME,
                           "--logdir", logdir, *CLI_ARGS))
    assert "DQN model, an off-policy agent" in line and "dqn.zip" in line
    line = _error_line(cli("sb3:" + bad_files["corrupt"], "--env-kind", "sb3-atari", "--env",
                           GAME, "--logdir", logdir, *CLI_ARGS))
    assert "is not a Stable-Baselines3 PPO/A2C model" in line
    line = _error_line(cli("sb3:" + ppo[1], "--env-kind", "sb3-atari", "--env", GAME,
                           "--env-option", "frame_stack=2", "--logdir", logdir, *CLI_ARGS))
    assert "expects observations of shape (84, 84, 4)" in line and "(84, 84, 2)" in line
