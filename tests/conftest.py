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
