"""What the store holds is faithful: the stored attribution maps of the demo agent against
references computed here, independently of the product's IG, NMF projection and codec.

* a 256-point IG per layer (``tests.support.reference_ig``, float64 sums), decomposed on the
  stored NMF components by exact non-negative least squares (``scipy.optimize.nnls``) into
  channels and residual as the original does; the stored maps (decoded by
  ``tests.support.store``) must be within 1.5 % (median) and 3 % (p95) relative L2 of it,
  frame by frame, at every layer;
* the stored totals against the decoded maps and against ``F(a) - F(0)`` computed here;
* the display scale is the original's rule (median over frames of the per-frame signed
  maximum of the channels).
"""

import json
import os

import numpy as np
import pytest
import tensorflow as tf
from scipy.optimize import nnls

from rlclarity_plugin.agents.checkpoint import load_checkpoint
from tests.conftest import run_analyze
from tests.support import store
from tests.support.reference_ig import fine_step_ig

LAYERS = ["1a", "2a", "2b", "3a", "4a"]
POINTS = 256


@pytest.fixture(scope="module")
def demo():
    return load_checkpoint("demo:coinrun")


@pytest.fixture(scope="module")
def analysis(tmp_path_factory):
    logdir = tmp_path_factory.mktemp("faithful")
    run_analyze("demo:coinrun", "--logdir", str(logdir), "--run", "demo", "--step", "1",
                "--traj-envs", "2", "--traj-steps", "16", "--obs-envs", "8", "--obs-per-env",
                "16", "--obs-every", "8", "--include-input", "--subdiv-mults", "1",
                "--expand-mults", "2", "--no-progress", "--seed", "5", timeout=1800)
    return str(logdir)


def _frames(logdir):
    from rlclarity_plugin.envs.rollouts import ProbeSet

    with open(os.path.join(logdir, "demo", "plugins", "rl_clarity", "1", "manifest.json")) as f:
        m = json.load(f)
    probe = ProbeSet.load(os.path.join(logdir, "demo", m["probe_set"]["path"]))
    return probe.trajectories["observations"]  # (E, T, 64, 64, 3) uint8


def decompose(attr, comps):
    """The original's display decomposition, with exact NNLS per position: channels
    ``(transform(max(a, 0)) - transform(max(-a, 0))) * L1 norms``, residual ``sum_c a - sum_k
    channels``."""
    flat = attr.reshape(-1, attr.shape[-1])
    coef = np.zeros((len(flat), len(comps)))
    for i, row in enumerate(flat):
        for sign in (1, -1):
            part = np.maximum(sign * row, 0)
            if part.any():
                coef[i] += sign * nnls(comps.T, part)[0]
    channels = coef * comps.sum(-1)
    residual = flat.sum(-1) - channels.sum(-1)
    return np.concatenate([channels, residual[:, None]], -1).reshape(attr.shape[:-1] + (-1,))


def rel_l2(a, b):
    a, b = a.reshape(len(a), -1), b.reshape(len(b), -1)
    return np.linalg.norm(a - b, axis=1) / np.linalg.norm(b, axis=1)


@pytest.mark.parametrize("layer", LAYERS)
def test_stored_maps_are_within_bounds_of_a_fine_step_ig(demo, analysis, layer):
    frames = _frames(analysis)
    step_dir = os.path.join(analysis, "demo", "plugins", "rl_clarity", "1")
    with open(os.path.join(step_dir, "nmf", f"{layer}.json")) as f:
        comps = np.asarray(json.load(f)["components"], np.float64)
    encoder, head = demo.network.cut(layer)
    errors, sums_vs_totals = [], []
    for e in range(frames.shape[0]):
        acts = encoder(frames[e]).numpy()
        ref = decompose(fine_step_ig(head, acts, POINTS), comps)
        maps, unit = store.stored_maps(analysis, "demo", 1, layer, e, "v")
        assert maps.shape == ref.shape
        errors.append(rel_l2(maps.astype(np.float64), ref))
        # F(a) - F(0), computed here
        delta = (head(acts, training=False)[1].numpy()[:, 0]
                 - head(np.zeros_like(acts), training=False)[1].numpy()[:, 0])
        np.testing.assert_allclose(unit["delta"], delta, rtol=2e-4, atol=1e-5)
        # the stored totals are the sums of the maps (the decoded ones: the encoding's share)
        totals = np.asarray(unit["totals"], np.float64)
        np.testing.assert_allclose(totals.sum(-1), ref.sum((1, 2, 3)),
                                   atol=0.03 * np.abs(delta).max())
        decoded = maps.astype(np.float64).sum((1, 2, 3))
        sums_vs_totals.append(np.abs(decoded - totals.sum(-1)) / np.abs(delta))
        # the original's display scale
        channels = maps[..., :-1].reshape(len(maps), -1)
        assert unit["scale"] == pytest.approx(float(np.median(channels.max(1))), rel=0.01)
    errors = np.concatenate(errors)
    print(f"\n{layer}: stored maps vs 256-point IG, relative L2 median "
          f"{np.median(errors):.4f} p95 {np.percentile(errors, 95):.4f}; sum vs totals median "
          f"{np.median(np.concatenate(sums_vs_totals)):.5f} of |F(a) - F(0)|")
    assert np.median(errors) <= 0.015, (layer, np.median(errors))
    assert np.percentile(errors, 95) <= 0.03, (layer, np.percentile(errors, 95))
    assert np.median(np.concatenate(sums_vs_totals)) <= 0.005


def test_input_gradients_are_faithful(demo, analysis):
    frames = _frames(analysis)
    _, head = demo.network.cut("input")
    for e in range(frames.shape[0]):
        x = tf.constant(frames[e].astype(np.float32) / 255.0)
        with tf.GradientTape() as tape:
            tape.watch(x)
            v = tf.reduce_sum(head(x, training=False)[1])
        ref = tape.gradient(v, x).numpy().astype(np.float64)
        maps, unit = store.stored_maps(analysis, "demo", 1, "input", e, "v")
        errors = rel_l2(maps.astype(np.float64), ref)
        assert np.median(errors) <= 0.0076 and errors.max() <= 0.0076
        flat = maps.reshape(len(maps), -1)
        assert unit["scale"] == pytest.approx(float(np.median(flat.max(1))), rel=0.01)
        assert "totals" not in unit or unit["totals"] is None
