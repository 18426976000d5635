"""Importing original rl_clarity / Baselines joblib checkpoints (agents/original.py).

Each architecture gets a hand-built params dict under the TF1 variable names; the imported agent
is compared with an independent numpy forward pass of the original networks.
"""

from __future__ import annotations

import joblib
import numpy as np
import pytest
from numpy.lib.stride_tricks import sliding_window_view

from rlclarity_plugin.agents.checkpoint import load_checkpoint
from rlclarity_plugin.agents.original import (
    PROCGEN_ACTION_COMBOS,
    load_original_checkpoint,
    metadata_from_args,
)

P = "ppo2_model/pi/"


# ----------------------------------------------------------------------------------------------
# Independent numpy reference (float64, NHWC)


def _same_pads(n: int, k: int, s: int) -> tuple[int, int]:
    """TensorFlow SAME padding: output ceil(n / s), extra padding goes after."""
    out = -(-n // s)
    total = max((out - 1) * s + k - n, 0)
    return total // 2, total - total // 2


def conv2d(x, kernel, bias, stride=1, padding="SAME"):
    kh, kw = kernel.shape[:2]
    if padding == "SAME":
        ph, pw = _same_pads(x.shape[1], kh, stride), _same_pads(x.shape[2], kw, stride)
        x = np.pad(x, ((0, 0), ph, pw, (0, 0)))
    win = sliding_window_view(x, (kh, kw), axis=(1, 2))[:, ::stride, ::stride]
    return np.einsum("bhwcij,ijco->bhwo", win, kernel) + bias


def relu(x):
    return np.maximum(x, 0.0)


def l2_pool(x, s=2):
    """sqrt(avg_pool(x^2, s, stride s, SAME) + 1e-8), padding excluded from the average."""
    ph, pw = _same_pads(x.shape[1], s, s), _same_pads(x.shape[2], s, s)
    sq = np.pad(x * x, ((0, 0), ph, pw, (0, 0)))
    ones = np.pad(np.ones((1,) + x.shape[1:3] + (1,)), ((0, 0), ph, pw, (0, 0)))
    total = sliding_window_view(sq, (s, s), axis=(1, 2))[:, ::s, ::s].sum(axis=(-2, -1))
    count = sliding_window_view(ones, (s, s), axis=(1, 2))[:, ::s, ::s].sum(axis=(-2, -1))
    return np.sqrt(total / count + 1e-8)


def max_pool_3x3_s2_same(x):
    ph, pw = _same_pads(x.shape[1], 3, 2), _same_pads(x.shape[2], 3, 2)
    x = np.pad(x, ((0, 0), ph, pw, (0, 0)), constant_values=-np.inf)
    return sliding_window_view(x, (3, 3), axis=(1, 2))[:, ::2, ::2].max(axis=(-2, -1))


def flatten(x):
    return x.reshape(len(x), -1)  # NHWC order, as tf.layers.flatten / Keras Flatten


def heads(latent, p):
    logits = latent @ p["ppo2_model/pi/w:0"] + p["ppo2_model/pi/b:0"]
    value = (latent @ p["ppo2_model/vf/w:0"] + p["ppo2_model/vf/b:0"])[:, 0]
    return logits, value


def clear_forward(obs, p):
    x = obs.astype(np.float64) / 255.0

    def conv(x, name):
        return relu(conv2d(x, p[f"{P}{name}/conv2d/kernel:0"], p[f"{P}{name}/conv2d/bias:0"]))

    x = l2_pool(conv(x, "1a"))
    x = l2_pool(conv(conv(x, "2a"), "2b"))
    x = l2_pool(conv(x, "3a"))
    x = l2_pool(conv(x, "4a"))
    x = flatten(x)
    x = relu(x @ p[f"{P}dense/kernel:0"] + p[f"{P}dense/bias:0"])
    x = relu(x @ p[f"{P}dense_1/kernel:0"] + p[f"{P}dense_1/bias:0"])
    return heads(x, p)


def impala_forward(obs, p, num_stacks=3):
    x = obs.astype(np.float64) / 255.0
    n = 0

    def conv(x):
        nonlocal n
        out = conv2d(x, p[f"{P}layer_{n}/kernel:0"], p[f"{P}layer_{n}/bias:0"])
        n += 1
        return out

    def residual(x):
        return x + conv(relu(conv(relu(x))))

    for _ in range(num_stacks):
        x = max_pool_3x3_s2_same(conv(x))
        x = residual(residual(x))
    x = relu(flatten(x))
    x = relu(x @ p[f"{P}layer_{n}/kernel:0"] + p[f"{P}layer_{n}/bias:0"])
    return heads(x, p)


def nature_forward(obs, p):
    x = obs.astype(np.float64) / 255.0
    for name, stride in (("c1", 4), ("c2", 2), ("c3", 1)):
        bias = p[f"{P}{name}/b:0"].reshape(-1)  # stored (1, nf, 1, 1)
        x = relu(conv2d(x, p[f"{P}{name}/w:0"], bias, stride, "VALID"))
    x = relu(flatten(x) @ p[f"{P}fc1/w:0"] + p[f"{P}fc1/b:0"])
    return heads(x, p)


# ----------------------------------------------------------------------------------------------
# Hand-built TF1 params


def _conv_shapes(rng, shapes):
    """He-scaled random kernels and small random biases, keyed by TF1 name."""
    out = {}
    for name, shape in shapes.items():
        if len(shape) >= 2:
            fan_in = int(np.prod(shape[:-1]))
            out[name] = rng.normal(0.0, np.sqrt(2.0 / fan_in), shape).astype(np.float32)
        else:
            out[name] = rng.normal(0.0, 0.1, shape).astype(np.float32)
    return out


def _head_shapes(latent, num_actions):
    return {"ppo2_model/pi/w:0": (latent, num_actions), "ppo2_model/pi/b:0": (num_actions,),
            "ppo2_model/vf/w:0": (latent, 1), "ppo2_model/vf/b:0": (1,)}


def clear_params(rng, num_actions=15):
    shapes = {}
    for name, (k, cin, cout) in {"1a": (7, 3, 16), "2a": (5, 16, 32), "2b": (5, 32, 32),
                                 "3a": (5, 32, 32), "4a": (5, 32, 32)}.items():
        shapes[f"{P}{name}/conv2d/kernel:0"] = (k, k, cin, cout)
        shapes[f"{P}{name}/conv2d/bias:0"] = (cout,)
    shapes.update({f"{P}dense/kernel:0": (512, 256), f"{P}dense/bias:0": (256,),
                   f"{P}dense_1/kernel:0": (256, 512), f"{P}dense_1/bias:0": (512,)})
    shapes.update(_head_shapes(512, num_actions))
    return _conv_shapes(rng, shapes)


def impala_params(rng, num_actions=15, depths=(16, 32, 32), emb_size=256):
    shapes, n, cin = {}, 0, 3
    for depth in depths:
        for c in (cin,) + (depth,) * 4:
            shapes[f"{P}layer_{n}/kernel:0"] = (3, 3, c, depth)
            shapes[f"{P}layer_{n}/bias:0"] = (depth,)
            n += 1
        cin = depth
    shapes[f"{P}layer_{n}/kernel:0"] = (8 * 8 * depths[-1], emb_size)
    shapes[f"{P}layer_{n}/bias:0"] = (emb_size,)
    shapes.update(_head_shapes(emb_size, num_actions))
    return _conv_shapes(rng, shapes)


def nature_params(rng, num_actions=4, channels=4):
    shapes = {}
    for name, (k, cin, cout) in {"c1": (8, channels, 32), "c2": (4, 32, 64),
                                 "c3": (3, 64, 64)}.items():
        shapes[f"{P}{name}/w:0"] = (k, k, cin, cout)
        shapes[f"{P}{name}/b:0"] = (1, cout, 1, 1)
    shapes.update({f"{P}fc1/w:0": (7 * 7 * 64, 512), f"{P}fc1/b:0": (512,)})
    shapes.update(_head_shapes(512, num_actions))
    return _conv_shapes(rng, shapes)


def _dump(tmp_path, params, args, name="checkpoint.jd"):
    path = str(tmp_path / name)
    joblib.dump({"args": args, "params": params, "extra": {}, "time": 0.0}, path)
    return path


def _check_outputs(agent, params, forward, obs):
    logits, values = agent(obs)
    ref_logits, ref_values = forward(obs, params)
    assert logits.shape == ref_logits.shape and values.shape == ref_values.shape
    for ours, ref in ((logits, ref_logits), (values, ref_values)):
        scale = float(np.max(np.abs(ref)))
        assert scale > 1e-3  # the random network is not degenerate
        np.testing.assert_allclose(ours, ref, rtol=1e-4, atol=1e-4 * scale)


def _obs(rng, n, shape):
    return rng.integers(0, 256, (n,) + tuple(shape), dtype=np.uint8)


# ----------------------------------------------------------------------------------------------
# Tests


def test_clear_procgen_import_matches_reference(tmp_path):
    rng = np.random.default_rng(0)
    params = clear_params(rng)
    stored = dict(params)
    stored["ppo2_model/optimizer/beta1_power:0"] = np.float32(0.9)  # ignored names
    stored["ppo2_model/kbuf:0"] = np.zeros(3, np.float32)
    stored["ppo2_model/vbuf:0"] = np.zeros(3, np.float32)
    args = {"env_name": "coinrun", "num_envs": 64, "cnn": "clear", "gamma": 0.99,
            "lambda": 0.9, "distribution_mode": "easy", "num_levels": 500,
            "learning_rate": 5e-4, "use_lstm": 0, "library": "baselines"}
    path = _dump(tmp_path, stored, args)
    agent = load_checkpoint(path)  # dispatches *.jd to the original importer
    meta = agent.metadata
    assert meta.architecture == "clear"
    assert meta.observation_shape == (64, 64, 3) and meta.num_actions == 15
    assert meta.env_kind == "procgen" and meta.env_name == "coinrun"
    assert meta.env_kwargs == {"distribution_mode": "easy", "num_levels": 500}
    assert meta.action_combos == PROCGEN_ACTION_COMBOS
    assert meta.gamma == pytest.approx(0.99) and meta.lam == pytest.approx(0.9)
    _check_outputs(agent, params, clear_forward, _obs(rng, 3, (64, 64, 3)))


def test_impala_import_without_num_envs_matches_reference(tmp_path):
    rng = np.random.default_rng(1)
    params = impala_params(rng)
    args = {"cnn": "impala", "env_name": "starpilot", "stack_channels": "16_32_32",
            "emb_size": 256}  # no num_envs, gamma or lambda: the original crashed here
    agent = load_original_checkpoint(_dump(tmp_path, params, args, "impala.joblib"))
    meta = agent.metadata
    assert meta.architecture == "impala"
    assert meta.arch_kwargs == {"depths": [16, 32, 32], "emb_size": 256}
    assert meta.env_name == "starpilot" and meta.gamma == 0.999 and meta.lam == 0.95
    _check_outputs(agent, params, impala_forward, _obs(rng, 2, (64, 64, 3)))


def test_nature_atari_import_matches_reference(tmp_path):
    rng = np.random.default_rng(2)
    params = nature_params(rng, num_actions=4, channels=4)
    args = {"cnn": "nature", "env_kind": "atari", "env_id": "breakout", "frame_stack": 4,
            "num_envs": 8}
    agent = load_original_checkpoint(_dump(tmp_path, params, args, "nature.pkl"))
    meta = agent.metadata
    assert meta.architecture == "nature" and meta.env_kind == "atari"
    assert meta.env_name == "breakout" and meta.env_kwargs == {}
    assert meta.observation_shape == (84, 84, 4) and meta.num_actions == 4
    assert meta.action_combos is None
    _check_outputs(agent, params, nature_forward, _obs(rng, 2, (84, 84, 4)))


def test_bad_params_are_all_reported_at_once(tmp_path):
    params = clear_params(np.random.default_rng(3))
    del params[f"{P}2b/conv2d/bias:0"]
    params[f"{P}5a/conv2d/kernel:0"] = np.zeros((3, 3, 32, 32), np.float32)
    params[f"{P}dense/kernel:0"] = np.zeros((512, 128), np.float32)
    path = _dump(tmp_path, params, {"cnn": "clear", "env_name": "coinrun"})
    with pytest.raises(ValueError) as info:
        load_original_checkpoint(path)
    message = str(info.value)
    assert "missing: ppo2_model/pi/2b/conv2d/bias:0" in message
    assert "unexpected: ppo2_model/pi/5a/conv2d/kernel:0" in message
    assert "wrong shape: ppo2_model/pi/dense/kernel:0" in message
    assert path in message


def test_recurrent_checkpoint_is_rejected(tmp_path):
    path = _dump(tmp_path, {}, {"cnn": "clear", "use_lstm": 1})
    with pytest.raises(ValueError, match="recurrent"):
        load_original_checkpoint(path)


def test_missing_file_and_non_checkpoint(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_original_checkpoint(str(tmp_path / "absent.jd"))
    path = str(tmp_path / "list.jd")
    joblib.dump([1, 2, 3], path)
    with pytest.raises(ValueError, match="not an original rl_clarity checkpoint"):
        load_original_checkpoint(path)


def test_metadata_overrides_and_coinrun_old():
    params = {"ppo2_model/pi/b:0": np.zeros(9, np.float32)}
    meta = metadata_from_args({"env_name": "coinrun_old"}, params)
    assert meta.env_name == "coinrun_old" and meta.num_actions == 9
    assert meta.action_combos[:2] == ((), ("RIGHT",)) and len(meta.action_combos) == 9
    meta = metadata_from_args({"env_name": "coinrun_old", "frame_stack": 2}, params,
                              env_kind="atari", env_name="pong", num_actions=6)
    assert (meta.env_kind, meta.env_name, meta.num_actions) == ("atari", "pong", 6)
    assert meta.observation_shape == (84, 84, 2)
    meta = metadata_from_args({}, params, observation_shape=(32, 32, 3))
    assert meta.observation_shape == (32, 32, 3) and meta.env_name == "coinrun"
    with pytest.raises(ValueError, match="unknown architecture"):
        metadata_from_args({"cnn": "resnet"}, params)
