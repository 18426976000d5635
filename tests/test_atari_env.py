"""Tests of the Atari environments (gymnasium + ale-py) behind VectorEnv."""

import numpy as np
import pytest

pytest.importorskip("ale_py")
pytest.importorskip("gymnasium")

from rlclarity_plugin.envs import make_env
from rlclarity_plugin.envs.atari_env import (
    AtariVectorEnv,
    _AreaResize,
    atari_game_names,
    check_atari_kwargs,
)


def _rollout(env, steps, seed):
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(steps):
        env.act(rng.integers(0, env.num_actions, env.num_envs))
        rewards, obs, firsts = env.observe()
        out.append((rewards.copy(), obs.copy(), firsts.copy()))
    return out


def test_shapes_dtypes_and_metadata():
    with make_env("atari", "breakout", 2, seed=0) as env:
        assert isinstance(env, AtariVectorEnv)
        assert env.env_kind == "atari" and env.env_name == "breakout" and env.num_envs == 2
        assert env.observation_shape == (84, 84, 4)
        assert env.num_actions == 4
        assert env.action_combos == (("NOOP",), ("FIRE",), ("RIGHT",), ("LEFT",))
        assert env.env_kwargs == {"frame_stack": 4, "noop_max": 30, "frame_skip": 4,
                                  "sticky_actions": False}
        rewards, obs, firsts = env.observe()
        assert rewards.dtype == np.float32 and rewards.shape == (2,)
        assert obs.dtype == np.uint8 and obs.shape == (2, 84, 84, 4)
        assert firsts.dtype == bool and firsts.all()
        assert not rewards.any()
        # a fresh stack holds copies of the first frame, and the frame is not blank
        assert (obs == obs[..., :1]).all() and obs.max() > 0


def test_options_and_string_values():
    with AtariVectorEnv("pong", 1, seed=3, frame_stack="2", noop_max=0, frame_skip=2,
                        sticky_actions="true") as env:
        assert env.observation_shape == (84, 84, 2)
        assert env.env_kwargs == {"frame_stack": 2, "noop_max": 0, "frame_skip": 2,
                                  "sticky_actions": True}
        assert env.action_combos[:2] == (("NOOP",), ("FIRE",))
        env.act(np.array([0]))
        assert env.observe()[1].shape == (1, 84, 84, 2)
    # the normalised options rebuild the same environment
    assert check_atari_kwargs(env.env_kwargs) == env.env_kwargs


def test_same_seed_same_observations():
    with make_env("atari", "breakout", 2, seed=7) as a, make_env("atari", "breakout", 2,
                                                                 seed=7) as b:
        np.testing.assert_array_equal(a.observe()[1], b.observe()[1])
        run_a, run_b = _rollout(a, 250, 1), _rollout(b, 250, 1)
        for (ra, oa, fa), (rb, ob, fb) in zip(run_a, run_b, strict=True):
            np.testing.assert_array_equal(oa, ob)
            np.testing.assert_array_equal(ra, rb)
            np.testing.assert_array_equal(fa, fb)
        # the rollout crossed at least one reset (random no-ops included)
        assert any(f.any() for _, _, f in run_a)


def test_rollout_firsts_and_frame_stack():
    """A random policy loses Breakout in a few hundred steps; check gym3 reset semantics."""
    with make_env("atari", "breakout", 1, seed=0) as env:
        prev = env.observe()[1]
        rng = np.random.default_rng(0)
        episodes = 0
        for _ in range(600):
            env.act(rng.integers(0, 4, 1))
            rewards, obs, firsts = env.observe()
            assert rewards.dtype == np.float32 and np.isfinite(rewards).all()
            assert rewards[0] >= 0 and obs.shape == (1, 84, 84, 4)
            if firsts[0]:
                episodes += 1
                assert (obs == obs[..., :1]).all()  # new episode: a stack of its first frame
            else:
                np.testing.assert_array_equal(obs[..., :-1], prev[..., 1:])
            prev = obs
        assert episodes >= 1


class _FakeGame:
    """A stand-in for one gymnasium Atari env: episodes end with reward 5 after ``length``
    frames; frame values count the frames since the reset."""

    def __init__(self, length):
        self.length, self.t, self.episodes = length, 0, 0

    def _frame(self):
        return np.full((210, 160), min(self.t, 255), np.uint8)

    def reset(self, seed=None):
        self.t = 0
        self.episodes += 1
        return self._frame(), {}

    def step(self, action):
        self.t += 1
        done = self.t >= self.length
        return self._frame(), (5.0 if done else 1.0), done, False, {}

    def close(self):
        pass


def test_terminal_reward_shown_with_first_observation_of_next_episode():
    with AtariVectorEnv("breakout", 1, seed=0, noop_max=0, frame_skip=2) as env:
        fake = _FakeGame(length=12)
        env._envs[0] = fake
        env._obs[0] = env._reset_one(0)[:, :, None]
        # reset: FIRE then action 2, 2 frames each -> frame counter 4
        assert env._obs[0, 0, 0, -1] == 4
        firsts_seen = []
        for _ in range(6):
            env.act(np.array([0]))
            rewards, obs, firsts = env.observe()
            firsts_seen.append(bool(firsts[0]))
            if firsts[0]:
                # the last step's reward (1 + 5), then the new episode's first frame (after FIRE)
                assert rewards[0] == 6.0
                assert (obs[0] == 4).all()
            else:
                assert rewards[0] == 2.0
        assert firsts_seen == [False, False, False, True, False, False]
        assert fake.episodes == 2


def test_area_resize_averages():
    resize = _AreaResize(210, 160, 84, 84)
    flat = np.full((210, 160), 77, np.uint8)
    assert (resize(flat) == 77).all()
    y, x = np.mgrid[0:210, 0:160]
    out = resize((2 * y + 3 * x).astype(np.uint8))
    assert out.shape == (84, 84) and out.dtype == np.uint8
    # output pixel (0, 0) covers rows [0, 2.5) and columns [0, 160/84): rows 0, 1 and half of
    # row 2, columns 0 and 0.905 of column 1
    w = 160 / 84
    assert out[0, 0] == round(2 * (0 + 1 + 0.5 * 2) / 2.5 + 3 * (w - 1) / w)


def test_unknown_names_and_options():
    with pytest.raises(ValueError, match="breakout"):
        make_env("atari", "not_a_game", 1)
    with pytest.raises(ValueError, match="unknown Atari option"):
        make_env("atari", "breakout", 1, distribution_mode="easy")
    with pytest.raises(ValueError, match="integer"):
        make_env("atari", "breakout", 1, frame_stack="four")
    with pytest.raises(ValueError, match="frame_skip"):
        make_env("atari", "breakout", 1, frame_skip=0)
    with pytest.raises(ValueError, match="true or false"):
        make_env("atari", "breakout", 1, sticky_actions="maybe")
    assert "pong" in atari_game_names() and "space_invaders" in atari_game_names()
    with AtariVectorEnv("SpaceInvaders", 1) as env:
        assert env.env_name == "space_invaders"


def test_bad_actions():
    with make_env("atari", "breakout", 2) as env:
        with pytest.raises(ValueError):
            env.act(np.array([0]))
        with pytest.raises(ValueError):
            env.act(np.array([0, 4]))
