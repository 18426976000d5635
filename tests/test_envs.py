"""Procgen creation and errors, probe sets: reproducibility, semantics, save/load."""

import numpy as np
import pytest

from rlclarity_plugin.agents.agent import Agent, AgentMetadata
from rlclarity_plugin.envs import PROCGEN_ENV_NAMES, check_agent_fits_env, make_env
from rlclarity_plugin.envs.probe_config import ProbeConfig
from rlclarity_plugin.envs.rollouts import ProbeSet, collect_probe_set

TINY = ProbeConfig(traj_envs=2, traj_steps=24, obs_envs=3, obs_per_env=2, obs_every=5, seed=3)


def test_all_sixteen_procgen_games():
    assert len(PROCGEN_ENV_NAMES) == 16
    for name in PROCGEN_ENV_NAMES:
        with make_env("procgen", name, 1, distribution_mode="easy") as env:
            _, obs, first = env.observe()
            assert obs.shape == (1, 64, 64, 3) and obs.dtype == np.uint8 and first.all()
            assert env.num_actions == 15 and len(env.action_combos) == 15


def test_procgen_options_and_combos():
    with make_env("procgen", "coinrun", 2, seed=1, distribution_mode="easy", num_levels="10",
                  start_level=5, use_backgrounds="false") as env:
        assert env.env_kwargs == {"distribution_mode": "easy", "num_levels": 10,
                                  "start_level": 5, "use_backgrounds": False}
        assert env.action_combos[7] == ("RIGHT",) and env.action_combos[4] == ()
        assert all(5 <= s < 15 for s in env.level_seeds())


@pytest.mark.parametrize("kind,name,kwargs,message", [
    ("procgen", "coinrunn", {}, "unknown procgen environment 'coinrunn'"),
    ("procgen", "coinrun", {"distribution_mode": "medium"}, "unknown distribution_mode"),
    ("procgen", "coinrun", {"num_lvls": 3}, "unknown procgen option 'num_lvls'"),
    ("gym", "coinrun", {}, "unknown environment kind 'gym'"),
])
def test_bad_environment_requests(kind, name, kwargs, message):
    with pytest.raises(ValueError, match=message):
        make_env(kind, name, 1, **kwargs)


def test_agent_env_mismatch_is_caught_before_work(clear_agent):
    nature = Agent.build(AgentMetadata("nature", (84, 84, 4), 15, env_name="coinrun"))
    with make_env("procgen", "coinrun", 1) as env:
        check_agent_fits_env(clear_agent, env)
        with pytest.raises(ValueError, match=r"expects observations of shape \(84, 84, 4\)"):
            check_agent_fits_env(nature, env)
    few = Agent.build(AgentMetadata("clear", (64, 64, 3), 9, env_name="coinrun"))
    with pytest.raises(ValueError, match="has 9 actions but procgen:coinrun has 15"):
        collect_probe_set(few, TINY)


def test_probe_set_is_reproducible_and_consistent(clear_agent, tmp_path):
    a = collect_probe_set(clear_agent, TINY)
    b = collect_probe_set(clear_agent, TINY)
    assert a.probe_id == b.probe_id
    for k, v in a.trajectories.items():
        np.testing.assert_array_equal(v, b.trajectories[k], err_msg=k)
    np.testing.assert_array_equal(a.observations, b.observations)
    c = collect_probe_set(clear_agent, ProbeConfig(**{**TINY.__dict__, "seed": 4}))
    assert c.probe_id != a.probe_id

    t = a.trajectories
    assert t["observations"].shape == (2, 24, 64, 64, 3)
    assert a.observations.shape == (6, 64, 64, 3)
    assert t["firsts"][:, 0].all()
    # dones[t] (the action ended the episode) is firsts[t+1] (the next frame starts one).
    np.testing.assert_array_equal(t["dones"][:, :-1], t["firsts"][:, 1:])
    # stored logits/values are the agent's on the stored frames; actions are valid.
    logits, values = clear_agent(t["observations"][0])
    np.testing.assert_allclose(logits, t["logits"][0], atol=1e-5)
    np.testing.assert_allclose(values, t["values"][0], atol=1e-5)
    assert t["actions"].min() >= 0 and t["actions"].max() < 15

    path = a.save(str(tmp_path / "probe.npz"))
    loaded = ProbeSet.load(path)
    assert loaded.metadata == a.metadata and loaded.probe_id == a.probe_id
    for k, v in a.trajectories.items():
        np.testing.assert_array_equal(loaded.trajectories[k], v)


def test_greedy_probe_takes_argmax(clear_agent):
    greedy = collect_probe_set(clear_agent, ProbeConfig(**{**TINY.__dict__, "greedy": True}))
    t = greedy.trajectories
    np.testing.assert_array_equal(t["actions"], t["logits"].argmax(-1))


def test_bad_probe_file(tmp_path):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"garbage")
    with pytest.raises(ValueError, match="not a readable probe set"):
        ProbeSet.load(str(bad))
    with pytest.raises(FileNotFoundError):
        ProbeSet.load(str(tmp_path / "none.npz"))
