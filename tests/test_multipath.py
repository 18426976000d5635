"""Multi-path attribution (the original's ``get_multi_path_attr``), made deterministic: path
plans, agreement with a per-point loop, completeness, seeding, chunking, and the analysis job."""

import json
import os
import subprocess
import sys
import zlib

import numpy as np
import pytest
import tensorflow as tf

from rlclarity_plugin.agents.keras_backend import IntegratedGradients, multi_path_attribution
from rlclarity_plugin.analysis.attribution import (
    AttributionConfig,
    logit_output,
    multi_path_plan,
    multi_path_splits,
    path_coefficients,
    value_output,
)
from rlclarity_plugin.analysis.nmf import AttributionNMF, NMFConfig

K = 4


@pytest.fixture(scope="module")
def setup(clear_agent):
    """Layer 4a of the tiny agent, 3 frames to attribute and a K=4 NMF fitted on the value IG of
    16 random frames."""
    rng = np.random.default_rng(5)
    encoder, head = clear_agent.network.cut("4a")
    acts = encoder(rng.integers(0, 256, (16, 64, 64, 3), dtype=np.uint8)).numpy()
    ig = IntegratedGradients(head, acts.shape[1:], 15, [value_output()], AttributionConfig(8))
    nmf = AttributionNMF(NMFConfig(features=K)).fit(ig(acts)[0])
    return head, acts[:3], nmf, ig


def test_splits_and_plans():
    assert len(multi_path_splits(8)) == 35 and all(0 in s for s in multi_path_splits(8))
    assert multi_path_splits(4) == [(0, 1), (0, 2), (0, 3)]
    assert len(multi_path_splits(3)) == 3 and len(multi_path_splits(5)) == 10
    for features in (1, 2, 3, 4, 5, 8):
        every = multi_path_plan(features, None, 0)
        assert len(every) == 2 * len(multi_path_splits(features))
        assert len(set(every)) == len(every)  # no path twice
        for max_paths in range(1, len(every) + 3):
            plan = multi_path_plan(features, max_paths, 11)
            assert len(plan) == min(max_paths, len(every))
            assert len(set(plan)) == len(plan) and set(plan) <= set(every)
            assert plan == multi_path_plan(features, max_paths, 11)  # seeded
    # paths come in (S slow, complement slow) pairs; an odd count leaves one half pair
    plan = multi_path_plan(8, 7, 3)
    for a, b in zip(plan[0:6:2], plan[1:6:2]):
        assert set(a) | set(b) == set(range(8)) and not set(a) & set(b)
    assert len({tuple(multi_path_plan(8, 5, s)) for s in range(6)}) > 1
    with pytest.raises(ValueError, match="max_paths"):
        multi_path_plan(4, 0, 0)
    with pytest.raises(ValueError, match="max_paths"):
        AttributionConfig(max_paths=0)


def test_path_coefficients():
    coefs, alphas = path_coefficients([(0, 2)], 4, 4)
    assert coefs.shape == (1, 5, 4) and np.all(coefs[:, 0] == 0) and np.all(coefs[:, -1] == 1)
    np.testing.assert_allclose(coefs[0, 2], [0.25, 0.75, 0.25, 0.75])  # alpha = 1/2
    np.testing.assert_allclose(alphas, [0, 0.25, 0.5, 0.75, 1])


def loop_multi_path(head, acts, nmf, plan, steps, select):
    """Written independently: one tape per path point, float64 accumulation."""
    a = acts.astype(np.float64)
    r = nmf.transform(np.maximum(a, 0))
    rho = a - nmf.inverse_transform(r)
    total = np.zeros(a.shape, np.float64)
    for slow in plan:
        prev = np.zeros(a.shape)
        for k in range(1, steps + 1):
            alpha = k / steps
            c = np.full(nmf.features, 1 - (1 - alpha) ** 2)
            c[list(slow)] = alpha ** 2
            point = nmf.inverse_transform(r * c) + alpha * rho
            x = tf.constant(point, tf.float32)
            with tf.GradientTape() as tape:
                tape.watch(x)
                logits, value = head(x)
                score = tf.reduce_sum(select(logits, value))
            total += (point - prev) * tape.gradient(score, x).numpy()
            prev = point
    return total / len(plan)


def test_equals_a_per_point_loop(setup):
    head, acts, nmf, _ = setup
    outputs = [value_output(), logit_output(3)]
    got = multi_path_attribution(head, acts, 15, outputs, nmf, 3, 5, seed=2)
    assert got.shape == (2,) + acts.shape and got.dtype == np.float32
    plan = multi_path_plan(K, 3, 2)
    for o, select in enumerate([lambda lo, v: v[:, 0], lambda lo, v: lo[:, 3]]):
        expected = loop_multi_path(head, acts, nmf, plan, 5, select)
        np.testing.assert_allclose(got[o], expected, rtol=1e-3,
                                   atol=1e-5 * np.abs(expected).max())


def test_completeness(setup):
    head, acts, nmf, ig = setup
    errors = []
    for steps in (4, 64):
        attrs = multi_path_attribution(head, acts, 15, [value_output()], nmf, 3, steps, seed=0)
        errors.append(np.median(ig.completeness_error(acts, attrs)))
    assert errors[1] < 0.02 and errors[1] < errors[0]


def test_determinism_and_chunking(setup):
    head, acts, nmf, _ = setup
    out = [value_output()]
    a = multi_path_attribution(head, acts, 15, out, nmf, 3, 6, seed=1)
    np.testing.assert_array_equal(a, multi_path_attribution(head, acts, 15, out, nmf, 3, 6,
                                                            seed=1))
    # memory-bounded chunks (1 frame, 1 path per call) give the same numbers
    small = multi_path_attribution(head, acts, 15, out, nmf, 3, 6, seed=1, batch_frames=1,
                                   memory_budget=1)
    np.testing.assert_allclose(small, a, rtol=1e-5, atol=1e-6 * np.abs(a).max())
    other = next(s for s in range(2, 50) if multi_path_plan(K, 3, s) != multi_path_plan(K, 3, 1))
    b = multi_path_attribution(head, acts, 15, out, nmf, 3, 6, seed=other)
    assert np.abs(a - b).max() > 1e-3 * np.abs(a).max()
    # with every path taken the seed only changes the order of the paths
    c = multi_path_attribution(head, acts, 15, out, nmf, 6, 6, seed=1)
    d = multi_path_attribution(head, acts, 15, out, nmf, 100, 6, seed=9)
    np.testing.assert_allclose(c, d, rtol=1e-4, atol=1e-6 * np.abs(c).max())


def _analyze(*args):
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    return subprocess.run([sys.executable, "-m", "rlclarity_plugin.cli", "analyze", *args],
                          capture_output=True, text=True, timeout=600, env=env)


def test_analyze_with_multi_path(clear_agent, tmp_path):
    """``rl-clarity analyze --attr-max-paths 3``: the stored totals are the layer's multi-path
    attribution with the unit's seed, computed here."""
    from rlclarity_plugin.agents.checkpoint import save_checkpoint
    from rlclarity_plugin.envs.rollouts import ProbeSet
    from rlclarity_plugin.store import schema
    from rlclarity_plugin.store.reader import LogdirReader

    ckpt = save_checkpoint(clear_agent, str(tmp_path / "agent" / "ckpt"))
    logdir = str(tmp_path / "logs")
    out = _analyze(ckpt, "--logdir", logdir, "--run", "mp", "--step", "1", "--traj-envs", "2",
                   "--traj-steps", "6", "--obs-envs", "4", "--obs-per-env", "4", "--obs-every",
                   "2", "--layers", "4a", "--nmf-features", "3", "--subdiv-mults", "1",
                   "--expand-mults", "4", "--no-progress", "--seed", "1",
                   "--integrate-steps", "8", "--attr-max-paths", "3")
    assert out.returncode == 0, out.stderr
    reader = LogdirReader(logdir)
    m = reader.manifest("mp", 1)
    assert m.inputs["config"]["attribution"]["max_paths"] == 3
    assert m.completeness.per_frame.median < 0.2
    nmf = AttributionNMF.from_json_dict(json.loads(reader.asset_bytes("mp", 1,
                                                                      schema.nmf_asset("4a"))))
    probe = ProbeSet.load(os.path.join(logdir, "mp", m.probe_set.path))
    totals = np.asarray([json.loads(reader.asset_bytes(
        "mp", 1, schema.attribution_unit_asset("4a", e, "v")))["totals"] for e in range(2)])
    encoder, head = clear_agent.network.cut("4a")
    for e in range(2):
        acts = encoder(probe.trajectories["observations"][e]).numpy()
        attr = multi_path_attribution(head, acts, 15, [value_output()], nmf, 3, 8,
                                      seed=zlib.crc32(f"4a/{e}".encode()))[0]
        total = attr.reshape(len(acts), -1).sum(1)
        np.testing.assert_allclose(totals[e].sum(-1), total, rtol=1e-5,
                                   atol=1e-5 * np.abs(total).max())
