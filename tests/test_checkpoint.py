"""Native checkpoints: exact round trips, clear errors, demo addressing, wrapped Keras models."""

import json
import os

import keras
import numpy as np
import pytest

from rlclarity_plugin.agents.adapter import wrap_keras_model
from rlclarity_plugin.agents.agent import Agent, AgentMetadata
from rlclarity_plugin.agents.checkpoint import (
    list_checkpoints,
    load_checkpoint,
    resolve_checkpoint,
    save_checkpoint,
)


@pytest.mark.parametrize("arch,shape", [("clear", (64, 64, 3)), ("impala", (64, 64, 3)),
                                        ("nature", (84, 84, 4))])
def test_round_trip_is_exact(tmp_path, arch, shape, rng):
    meta = AgentMetadata(arch, shape, 9, env_kind="atari" if arch == "nature" else "procgen",
                         env_name="breakout" if arch == "nature" else "coinrun",
                         action_combos=tuple((f"a{i}",) for i in range(9)), gamma=0.99,
                         lam=0.9, training_step=12345)
    agent = Agent.build(meta)
    path = save_checkpoint(agent, str(tmp_path / "ckpt-000012345"))
    loaded = load_checkpoint(path)
    assert loaded.metadata == meta
    for k, v in agent.get_weights().items():
        np.testing.assert_array_equal(loaded.get_weights()[k], v)
    x = rng.integers(0, 256, (2,) + shape, dtype=np.uint8)
    for a, b in zip(agent(x), loaded(x)):
        np.testing.assert_array_equal(a, b)
    assert list_checkpoints(str(tmp_path)) == [(12345, path)]


def test_errors_name_the_problem(tmp_path, clear_agent):
    with pytest.raises(FileNotFoundError, match="no checkpoint"):
        load_checkpoint(str(tmp_path / "missing"))
    (tmp_path / "empty").mkdir()
    with pytest.raises(ValueError, match=r"metadata\.json is missing"):
        load_checkpoint(str(tmp_path / "empty"))
    path = save_checkpoint(clear_agent, str(tmp_path / "good"))
    with open(os.path.join(path, "weights.npz"), "wb") as f:
        f.write(b"not a zip")
    with pytest.raises(ValueError, match="cannot read weights"):
        load_checkpoint(path)
    path = save_checkpoint(clear_agent, str(tmp_path / "wrong"))
    meta = json.load(open(os.path.join(path, "metadata.json")))
    meta["num_actions"] = 7
    json.dump(meta, open(os.path.join(path, "metadata.json"), "w"))
    with pytest.raises(ValueError, match="wrong shape: policy_logits/kernel"):
        load_checkpoint(path)
    meta["format_version"] = 99
    json.dump(meta, open(os.path.join(path, "metadata.json"), "w"))
    with pytest.raises(ValueError, match="newer"):
        load_checkpoint(path)
    with pytest.raises(ValueError, match="unknown demo agent"):
        resolve_checkpoint("demo:pong")


def test_set_weights_lists_every_mismatch(clear_agent):
    weights = clear_agent.get_weights()
    weights.pop("1a/kernel")
    weights["extra/kernel"] = np.zeros(3)
    weights["2a/bias"] = np.zeros(5)
    with pytest.raises(ValueError) as e:
        clear_agent.set_weights(weights)
    msg = str(e.value)
    assert "missing: 1a/kernel" in msg and "unexpected: extra/kernel" in msg
    assert "wrong shape: 2a/bias" in msg


def _user_model():
    inp = keras.Input((32, 32, 3))
    x = keras.layers.Conv2D(8, 3, padding="same", activation="relu", name="conv_a")(inp)
    y = keras.layers.Conv2D(8, 3, padding="same", activation="relu", name="conv_b")(x)
    z = keras.layers.Add(name="skip")([x, y])
    f = keras.layers.Flatten(name="flat")(keras.layers.MaxPooling2D(4, name="pool")(z))
    h = keras.layers.Dense(16, activation="relu", name="hidden")(f)
    outputs = [keras.layers.Dense(5, name="pi")(h), keras.layers.Dense(1, name="v")(h)]
    return keras.Model(inp, outputs)


def test_wrapped_keras_model(tmp_path, rng):
    agent = wrap_keras_model(_user_model(), env_name="coinrun")
    x = rng.integers(0, 256, (3, 32, 32, 3), dtype=np.uint8)
    logits, values = agent(x)
    user_logits, user_values = agent.network.user_model(x.astype(np.float32) / 255.0)
    np.testing.assert_allclose(logits, user_logits.numpy(), atol=1e-6)
    np.testing.assert_allclose(values, user_values.numpy()[:, 0], atol=1e-6)
    for name in ("input", "conv_a", "skip", "pool", "hidden"):
        encoder, head = agent.network.cut(name)
        lo, va = head(encoder(x))
        np.testing.assert_allclose(lo.numpy(), logits, atol=1e-5, err_msg=name)
    with pytest.raises(ValueError, match="bypasses"):
        agent.network.cut("conv_b")
    path = save_checkpoint(agent, str(tmp_path / "wrapped"))
    loaded = load_checkpoint(path)
    np.testing.assert_array_equal(loaded(x)[0], logits)
    assert loaded.metadata == agent.metadata
