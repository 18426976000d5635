"""PPO: GAE against a direct definition, learning on a task with a known optimum, resume."""

import glob

import numpy as np
import pytest
import tensorflow as tf

from rlclarity_plugin.analysis.advantages import compute_gae
from rlclarity_plugin.envs.base import VectorEnv
from rlclarity_plugin.training.config import PPOConfig
from rlclarity_plugin.training.ppo import PPOTrainer


class ColourEnv(VectorEnv):
    """One-step episodes: a red frame pays 1 for action 0, a green frame pays 1 for action 1."""

    env_kind, env_name = "custom", "colour"

    def __init__(self, num_envs, seed=0):
        self.num_envs, self.observation_shape, self.num_actions = num_envs, (16, 16, 3), 4
        self.env_kwargs = {}
        self.rng = np.random.default_rng(seed)
        self._new()
        self._reward = np.zeros(num_envs, np.float32)
        self._first = np.ones(num_envs, bool)

    def _new(self):
        self.colour = self.rng.integers(0, 2, self.num_envs)

    def observe(self):
        obs = np.zeros((self.num_envs, 16, 16, 3), np.uint8)
        obs[self.colour == 0, :, :, 0] = 255
        obs[self.colour == 1, :, :, 1] = 255
        return self._reward, obs, self._first

    def act(self, actions):
        self._reward = (np.asarray(actions) == self.colour).astype(np.float32)
        self._first = np.ones(self.num_envs, bool)
        self._new()


def test_gae_matches_direct_sum(rng):
    """PPO's GAE (the shared one, bootstrapped from the value after the rollout)."""
    T, E, gamma, lam = 7, 3, 0.9, 0.8
    rewards = rng.normal(size=(T, E)).astype(np.float32)
    values = rng.normal(size=(T, E)).astype(np.float32)
    dones = rng.random((T, E)) < 0.3
    last = rng.normal(size=E).astype(np.float32)
    adv = compute_gae(values.T, rewards.T, dones.T, gamma, lam, last_values=last).T
    assert adv.shape == (T, E) and adv.dtype == np.float32
    ret = adv + values
    v_next = np.concatenate([values[1:], last[None]])
    delta = rewards + gamma * v_next * (1 - dones) - values
    for e in range(E):
        for t in range(T):
            expected, weight = 0.0, 1.0
            for k in range(t, T):  # sum_k (gamma*lam)^(k-t) delta_k until the episode ends
                expected += weight * delta[k, e]
                if dones[k, e]:
                    break
                weight *= gamma * lam
            assert adv[t, e] == pytest.approx(expected, rel=1e-4, abs=1e-5)
    np.testing.assert_allclose(ret, adv + values, rtol=1e-6)


def test_ppo_learns_the_colour_task(tmp_path):
    config = PPOConfig(env_kind="custom", env_name="colour", env_kwargs={}, num_envs=16,
                       num_steps=16, num_minibatches=4, ppo_epochs=3, learning_rate=2e-3,
                       gamma=0.99, total_timesteps=16 * 16 * 24, save_interval=100, seed=0)
    trainer = PPOTrainer(config, str(tmp_path), resume=False, env=ColourEnv(16))
    history = []
    while trainer.step < config.total_timesteps:
        batch = trainer.collect()
        stats = trainer.update_policy(batch)
        history.append((batch["returns"].mean(), *stats))
    trainer.close()
    history = np.array(history)
    returns, entropy, value_loss = history[:, 0], history[:, 3], history[:, 2]
    # A random policy over 4 actions earns 0.25; the optimum is 1.
    assert returns[:2].mean() < 0.45
    assert returns[-2:].mean() > 0.85
    assert entropy[-1] < entropy[0] - 0.3
    assert value_loss[-3:].mean() < value_loss[:3].mean()
    assert np.isfinite(history).all()


def _scalars(logdir):
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

    acc = EventAccumulator(logdir, size_guidance={"tensors": 0})
    acc.Reload()
    return {tag: [(e.step, float(tf.make_ndarray(e.tensor_proto))) for e in acc.Tensors(tag)]
            for tag in acc.Tags()["tensors"]}


def test_coinrun_checkpoints_scalars_and_resume(tmp_path):
    config = PPOConfig(num_envs=4, num_steps=8, num_minibatches=2, ppo_epochs=1,
                       total_timesteps=64, save_interval=1, seed=2)
    logdir = str(tmp_path)
    first = PPOTrainer(config, logdir, resume=False)
    path = first.train(progress=False)
    first.close()
    assert path.endswith("ckpt-000000064")
    assert len(glob.glob(f"{logdir}/checkpoints/ckpt-*")) == 2
    scalars = _scalars(logdir)
    assert [s for s, _ in scalars["loss/value"]] == [32, 64]
    assert "perf/steps_per_second" in scalars

    resumed = PPOTrainer(PPOConfig(**{**config.__dict__, "total_timesteps": 96}), logdir)
    assert resumed.step == 64 and resumed.update == 2
    assert resumed.agent.metadata.training_step == 64
    assert resumed.agent.metadata.env_kwargs == {"distribution_mode": "easy"}
    for a, b in zip(first.optimizer.variables, resumed.optimizer.variables):
        np.testing.assert_array_equal(a.numpy(), b.numpy())
    for k, v in first.agent.get_weights().items():
        np.testing.assert_array_equal(resumed.agent.get_weights()[k], v)
    resumed.train(progress=False)
    resumed.close()
    assert resumed.step == 96
