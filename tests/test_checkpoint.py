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


def _bad_checkpoints(root, agent, rng):
    """(path, words the message must hold) for each way a checkpoint can be unreadable."""
    import pickle

    import joblib

    cases = []
    noise = rng.integers(0, 256, 4096, dtype=np.uint8).tobytes()
    (root / "noise.jd").write_bytes(noise)
    cases.append((root / "noise.jd", ["expected a joblib (pickle) file", "not a pickle"]))
    (root / "empty.pkl").write_bytes(b"")
    cases.append((root / "empty.pkl", ["an empty file"]))
    good = root / "good.pkl"
    joblib.dump({"params": {}, "args": {}}, good)
    (root / "truncated.pkl").write_bytes(good.read_bytes()[:20])
    cases.append((root / "truncated.pkl", ["damaged or truncated pickle"]))
    with open(root / "list.pkl", "wb") as f:
        pickle.dump([1, 2, 3], f)
    cases.append((root / "list.pkl", ["expected a joblib dict with 'params'",
                                      "found a pickled list"]))
    (root / "model.zip").write_bytes(noise)
    cases.append((root / "model.zip", ["is not a checkpoint", "found a file of 4096 bytes"]))
    folder = save_checkpoint(agent, str(root / "noise_weights"))
    with open(os.path.join(folder, "weights.npz"), "wb") as f:
        f.write(noise)
    cases.append((folder, ["cannot read weights", "weights.npz", "expected a NumPy .npz"]))
    folder = save_checkpoint(agent, str(root / "truncated_weights"))
    data = open(os.path.join(folder, "weights.npz"), "rb").read()
    with open(os.path.join(folder, "weights.npz"), "wb") as f:
        f.write(data[:len(data) // 2])
    cases.append((folder, ["cannot read weights", "expected a NumPy .npz"]))
    folder = save_checkpoint(agent, str(root / "bad_metadata"))
    with open(os.path.join(folder, "metadata.json"), "w") as f:
        f.write("{not json")
    cases.append((folder, ["bad checkpoint metadata", "metadata.json"]))
    folder = save_checkpoint(agent, str(root / "nan_weights"))
    weights = agent.get_weights()
    weights["2b/kernel"] = weights["2b/kernel"].copy()
    weights["2b/kernel"][0, 0, 0, :3] = np.nan
    weights["dense/bias"] = np.full_like(weights["dense/bias"], np.inf)
    np.savez_compressed(os.path.join(folder, "weights.npz"), **weights)
    cases.append((folder, ["non-finite weights", "2b/kernel (3 of", "dense/bias", "nan_weights"]))
    return cases


def test_every_unreadable_checkpoint_gets_one_clear_message(tmp_path, clear_agent, rng):
    """Through the command line: exit 2, one line naming the file, what was expected and what
    was found; nothing written to the logdir."""
    import subprocess
    import sys

    root = tmp_path / "ckpts"
    root.mkdir()
    logdir = tmp_path / "logs"
    cases = _bad_checkpoints(root, clear_agent, rng)
    for path, words in cases:
        with pytest.raises(ValueError) as e:
            load_checkpoint(str(path))
        text = str(e.value)
        assert os.path.basename(str(path)) in text and "\n" not in text, text
        for w in words:
            assert w in text, (path, text)
    # the command line says the same in one line and writes nothing
    for path, words in (cases[0], cases[-1]):
        out = subprocess.run([sys.executable, "-m", "rlclarity_plugin.cli", "analyze",
                              str(path), "--logdir", str(logdir), "--run", "x",
                              "--no-progress"], capture_output=True, text=True, timeout=300,
                             env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"})
        assert out.returncode == 2 and "Traceback" not in out.stderr
        lines = [line for line in out.stderr.splitlines() if line.startswith("rl-clarity")]
        assert len(lines) == 1 and all(w in lines[0] for w in words), out.stderr
        assert not logdir.exists()


def test_original_checkpoint_with_nan_is_refused(tmp_path):
    import joblib

    from rlclarity_plugin.agents.original import clear_name_table

    meta = AgentMetadata("clear", (64, 64, 3), 15)
    agent = Agent.build(meta)
    weights = agent.get_weights()
    params = {tf1: weights[keras] for tf1, keras in clear_name_table().items()}
    params["ppo2_model/pi/3a/conv2d/kernel:0"] = np.full_like(
        params["ppo2_model/pi/3a/conv2d/kernel:0"], np.nan)
    path = tmp_path / "nan.jd"
    joblib.dump({"params": params, "args": {"env_name": "coinrun"}}, path)
    with pytest.raises(ValueError, match=r"non-finite weights .* in 3a/kernel"):
        load_checkpoint(str(path))
