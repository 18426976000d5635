"""NMF of signed attributions: recovery, determinism, subsampling, exact decomposition."""

import json

import numpy as np
import pytest
from scipy.optimize import linear_sum_assignment

from rlclarity_plugin.analysis.nmf import (
    AttributionNMF,
    NMFConfig,
    decompose_attribution,
    signed_rows,
    totals,
)

K, C = 4, 12


def planted(seed=0, n=24, h=8, w=8):
    """Signed attributions whose |value| rows are non-negative mixes of near-one-hot directions.

    Returns ``(attr (n,h,w,C), H (K,C))``. Each position has one sign, so the stacked matrix's
    rows are either ``coef @ H`` or zero.
    """
    rng = np.random.default_rng(seed)
    H = 0.02 * rng.random((K, C))
    H[np.arange(K), rng.choice(C, K, replace=False)] += 1.0
    coef = rng.exponential(1.0, (n * h * w, K)) * (rng.random((n * h * w, K)) < 0.5)
    sign = np.where(rng.random((n * h * w, 1)) < 0.6, 1.0, -1.0)
    return (sign * (coef @ H)).reshape(n, h, w, C).astype(np.float32), H


@pytest.fixture(scope="module")
def fitted():
    attr, H = planted()
    return AttributionNMF(NMFConfig(features=K)).fit(attr), attr, H


def unit(m):
    return m / np.linalg.norm(m, axis=-1, keepdims=True)


def test_recovers_planted_components(fitted):
    nmf, _, H = fitted
    comps = nmf.components_
    assert comps.shape == (K, C) and comps.min() >= 0
    cos = unit(comps) @ unit(H).T
    rows, cols = linear_sum_assignment(-cos)
    assert cos[rows, cols].min() > 0.99
    assert nmf.reconstruction_error < 0.02
    assert nmf.n_rows_total == nmf.n_rows_fit == 2 * 24 * 8 * 8


def test_fit_is_bit_deterministic_and_json_round_trips(fitted):
    nmf, attr, _ = fitted
    again = AttributionNMF(NMFConfig(features=K)).fit(attr.copy())
    assert np.array_equal(nmf.components_, again.components_)
    assert nmf.reconstruction_error == again.reconstruction_error
    restored = AttributionNMF.from_json_dict(json.loads(json.dumps(nmf.to_json_dict())))
    assert np.array_equal(restored.components_, nmf.components_)
    assert restored.config == nmf.config
    assert restored.reconstruction_error == nmf.reconstruction_error
    x = np.abs(attr[:2])
    assert np.array_equal(restored.transform(x), nmf.transform(x))
    with pytest.raises(ValueError):
        AttributionNMF.from_json_dict({**nmf.to_json_dict(), "format": "other"})


def test_subsampling_path_is_deterministic_subset():
    attr, H = planted(seed=1, n=16)
    total = 2 * attr[..., 0].size
    max_rows = total // 3
    X, tot = signed_rows(attr, max_rows=max_rows, random_state=5)
    full = np.concatenate([np.maximum(attr, 0), np.maximum(-attr, 0)]).reshape(-1, C)
    idx = np.sort(np.random.default_rng(5).choice(total, size=max_rows, replace=False))
    assert tot == total and np.array_equal(X, full[idx])
    cfg = NMFConfig(features=K, max_rows=max_rows, random_state=5)
    a, b = AttributionNMF(cfg).fit(attr), AttributionNMF(cfg).fit(attr)
    assert (a.n_rows_fit, a.n_rows_total) == (max_rows, total)
    assert np.array_equal(a.components_, b.components_)
    cos = unit(a.components_) @ unit(H).T
    assert cos[linear_sum_assignment(-cos)].min() > 0.99


def test_transform_returns_coefficients_of_a_combination(fitted, rng):
    nmf, _, _ = fitted
    coef = rng.exponential(1.0, (3, 5, 7, K)) * (rng.random((3, 5, 7, K)) < 0.7)
    x = coef @ nmf.components_
    got = nmf.transform(x)
    assert got.shape == (3, 5, 7, K) and got.dtype == np.float64 and got.min() >= 0
    np.testing.assert_allclose(got, coef, atol=1e-3 * coef.max())
    np.testing.assert_allclose(nmf.inverse_transform(got), x, atol=1e-3 * x.max())
    assert nmf.transform(x.astype(np.float32)).dtype == np.float32
    single = nmf.transform(x[0, 0, 0])
    assert single.shape == (K,)
    np.testing.assert_allclose(single, coef[0, 0, 0], atol=1e-3 * coef.max())
    assert np.all(nmf.transform(np.zeros((2, C))) == 0)
    with pytest.raises(ValueError):
        nmf.transform(-x)


def test_decomposition_is_exact_on_random_signed_data(fitted, rng):
    nmf, _, _ = fitted
    attr = (rng.standard_normal((6, 5, 4, C)) * rng.exponential(1.0, (6, 5, 4, 1))).astype(
        np.float32)
    channels, residual = decompose_attribution(attr, nmf)
    assert channels.shape == (6, 5, 4, K) and residual.shape == (6, 5, 4)
    assert channels.dtype == residual.dtype == np.float32
    a = attr.astype(np.float64)
    recon = channels.astype(np.float64).sum(-1) + residual
    assert np.all(np.abs(recon - a.sum(-1)) <= 1e-5 * np.abs(a).sum(-1))
    ch_tot, res_tot = totals(channels, residual)
    assert ch_tot.shape == (6, K) and res_tot.shape == (6,)
    frame = a.sum((1, 2, 3))
    assert np.all(np.abs(ch_tot.sum(-1) + res_tot - frame) <= 1e-5 * np.abs(a).sum((1, 2, 3)))
    # the signed coefficients follow the definition (transform of +/- parts, scaled by L1 norms)
    trans = nmf.transform(np.maximum(a, 0)) - nmf.transform(np.maximum(-a, 0))
    np.testing.assert_allclose(channels, trans * nmf.components_.sum(-1), rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(residual, a.sum(-1) - nmf.inverse_transform(trans).sum(-1),
                               rtol=1e-5, atol=1e-5)


def test_decomposition_of_component_mixture_has_no_residual(fitted, rng):
    nmf, _, _ = fitted
    coef = rng.exponential(1.0, (2, 3, 3, K))
    sign = np.where(rng.random((2, 3, 3, 1)) < 0.5, 1.0, -1.0)
    channels, residual = decompose_attribution(sign * (coef @ nmf.components_), nmf)
    np.testing.assert_allclose(channels, sign * coef * nmf.norms, rtol=1e-3, atol=1e-3)
    assert np.abs(residual).max() < 1e-3 * np.abs(channels).max()


def test_invalid_inputs():
    with pytest.raises(ValueError):
        AttributionNMF(NMFConfig(features=8)).fit(np.ones((2, 3, 3, 4)))
    with pytest.raises(ValueError):
        AttributionNMF(NMFConfig(features=2)).fit(np.zeros((2, 3, 3, 4)))
    with pytest.raises(ValueError):
        NMFConfig(solver="lbfgs")
    with pytest.raises(RuntimeError):
        AttributionNMF().transform(np.ones((1, 8)))
