"""Non-negative matrix factorization of signed attributions (pure numpy + scikit-learn).

The interface explains a hidden layer with ``K`` (default 8) "features": non-negative directions in
the layer's ``C``-dimensional channel space, found by NMF of the value function's attributions to
that layer. Following the original (``LayerNMF`` + ``ChannelReducer``), a signed attribution array
``attr`` of shape ``(N, H, W, C)`` is split into its positive part and its negated negative part,
the two are stacked along the batch axis and flattened to a ``(2*N*H*W, C)`` non-negative matrix,
and ``NMF(n_components=K)`` is fitted to it. ``components_`` ``(K, C)`` are the feature directions.

Differences from the original, all deliberate:

* the fit is deterministic (fixed ``random_state``, deterministic row subsample when the matrix
  has more than ``max_rows`` rows), so every MPI rank / process gets bit-identical components;
* the default solver is chosen by measurement (see :class:`NMFConfig`);
* :meth:`AttributionNMF.transform` always solves the non-negative least-squares problem with
  coordinate descent against the fixed components (exact-ish per-row NNLS), independently of the
  solver used for the fit.
"""

from __future__ import annotations

import warnings
from dataclasses import asdict

import numpy as np

try:
    from sklearn.decomposition import NMF, non_negative_factorization
    from sklearn.exceptions import ConvergenceWarning
except ImportError as _e:  # the core install (the reading side) has no scikit-learn
    from .. import missing_extra

    raise missing_extra("sklearn", "analysis", "the analysis (its NMF)", _e,
                        "or any backend extra ([keras], [torch])") from _e

from .config import NMFConfig

__all__ = [
    "AttributionNMF",
    "NMFConfig",
    "decompose_attribution",
    "signed_rows",
    "totals",
]

JSON_FORMAT = "rlclarity.attribution_nmf"
JSON_VERSION = 1


def signed_rows(attr: np.ndarray, max_rows: int | None = None,
                random_state: int = 0) -> tuple[np.ndarray, int]:
    """The non-negative matrix NMF is fitted on.

    attr: ``(N, H, W, C)`` (any ``(..., C)``) signed attributions.
    Returns ``(X, total)`` where ``X`` is ``(R, C)`` float, the rows of
    ``concat([max(attr, 0), max(-attr, 0)], axis=0).reshape(-1, C)`` (``total = 2*N*H*W`` rows),
    or, when ``total > max_rows``, the ``max_rows`` rows at sorted indices drawn without
    replacement by ``np.random.default_rng(random_state)``. Float64 input stays float64,
    anything else becomes float32.
    """
    attr = np.asarray(attr)
    if attr.ndim < 2:
        raise ValueError(f"attr must have shape (..., C), got {attr.shape}")
    dtype = np.float64 if attr.dtype == np.float64 else np.float32
    flat = attr.reshape(-1, attr.shape[-1]).astype(dtype, copy=False)
    n = flat.shape[0]
    total = 2 * n
    if max_rows is None or total <= max_rows:
        return np.concatenate([np.maximum(flat, 0), np.maximum(-flat, 0)]), total
    idx = np.sort(np.random.default_rng(random_state).choice(total, size=max_rows, replace=False))
    split = np.searchsorted(idx, n)
    pos, neg = idx[:split], idx[split:] - n
    return np.concatenate([np.maximum(flat[pos], 0), np.maximum(-flat[neg], 0)]), total


class AttributionNMF:
    """NMF of signed attributions; ``components_`` ``(K, C)`` once fitted.

    Attributes after :meth:`fit` (or :meth:`from_json_dict`):
        components_: ``(K, C)`` float64, non-negative feature directions.
        reconstruction_error: ``||X - W @ components_||_F / ||X||_F`` on the fitted rows ``X``.
        n_rows_total: rows of the full stacked matrix (``2*N*H*W``).
        n_rows_fit: rows actually used (``min(n_rows_total, max_rows)``).
        n_iter: solver iterations.
    """

    def __init__(self, config: NMFConfig | None = None):
        self.config = config if config is not None else NMFConfig()
        self.components_: np.ndarray | None = None
        self.reconstruction_error: float | None = None
        self.n_rows_total: int | None = None
        self.n_rows_fit: int | None = None
        self.n_iter: int | None = None

    # ------------------------------------------------------------------ fitting
    def fit(self, attr: np.ndarray) -> AttributionNMF:
        """Fit on signed attributions ``attr`` ``(N, H, W, C)`` (any ``(..., C)``).

        Deterministic: the same input and config give bit-identical ``components_``.
        Raises ``ValueError`` if ``C < features`` or the attributions are all zero.
        """
        cfg = self.config
        attr = np.asarray(attr)
        if not np.all(np.isfinite(attr)):
            raise ValueError("attributions contain NaN or inf")
        channels = attr.shape[-1] if attr.ndim >= 2 else 0
        if channels < cfg.features:
            raise ValueError(f"cannot fit {cfg.features} NMF features to {channels} channels")
        X, total = signed_rows(attr, cfg.max_rows, cfg.random_state)
        norm = float(np.linalg.norm(X))
        if norm == 0.0:
            raise ValueError("attributions are all zero; NMF is undefined")
        if X.shape[0] < cfg.features:
            raise ValueError(f"need at least {cfg.features} rows, got {X.shape[0]}")
        model = NMF(n_components=cfg.features, init=cfg.init, solver=cfg.solver,
                    max_iter=cfg.max_iter, tol=cfg.tol, random_state=cfg.random_state)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            model.fit(X)
        self.components_ = np.asarray(model.components_, dtype=np.float64)
        self.reconstruction_error = float(model.reconstruction_err_) / norm
        self.n_rows_total = int(total)
        self.n_rows_fit = int(X.shape[0])
        self.n_iter = int(model.n_iter_)
        return self

    def _check_fitted(self) -> np.ndarray:
        if self.components_ is None:
            raise RuntimeError("AttributionNMF is not fitted")
        return self.components_

    @property
    def features(self) -> int:
        """``K``, the number of components."""
        return self._check_fitted().shape[0]

    @property
    def norms(self) -> np.ndarray:
        """``(K,)`` L1 norms of the components (``components_.sum(-1)``)."""
        return self._check_fitted().sum(-1)

    # ---------------------------------------------------------------- projection
    def transform(self, x: np.ndarray) -> np.ndarray:
        """Coefficients of non-negative ``x`` ``(..., C)`` on the components -> ``(..., K)``.

        Per row, the non-negative least-squares solution ``argmin_{w >= 0} ||x - w @ H||``
        (coordinate descent with the components ``H`` fixed, ``max_iter``/``tol`` from the
        config), vectorised over all leading axes. Float64 input gives float64 output, anything
        else float32. Raises ``ValueError`` on negative or non-finite input.
        """
        comps = self._check_fitted()
        x = np.asarray(x)
        if x.ndim < 1 or x.shape[-1] != comps.shape[1]:
            raise ValueError(f"expected (..., {comps.shape[1]}) input, got {x.shape}")
        dtype = np.float64 if x.dtype == np.float64 else np.float32
        lead = x.shape[:-1]
        flat = np.ascontiguousarray(x.reshape(-1, comps.shape[1]), dtype=dtype)
        if flat.shape[0] == 0:
            return np.zeros((*lead, comps.shape[0]), dtype)
        if not np.all(np.isfinite(flat)):
            raise ValueError("transform input contains NaN or inf")
        if flat.min() < 0:
            raise ValueError("transform input must be non-negative")
        out = np.zeros((flat.shape[0], comps.shape[0]), dtype)
        nonzero = np.flatnonzero(flat.any(axis=1))  # all-zero rows have coefficient 0
        if nonzero.size:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ConvergenceWarning)
                w, _, _ = non_negative_factorization(
                    flat[nonzero], H=comps.astype(dtype), n_components=comps.shape[0],
                    update_H=False, solver="cd", max_iter=self.config.max_iter,
                    tol=self.config.tol)
            out[nonzero] = w
        return out.reshape(*lead, comps.shape[0])

    def inverse_transform(self, w: np.ndarray) -> np.ndarray:
        """``w @ components_``: ``(..., K)`` coefficients -> ``(..., C)`` (float64)."""
        comps = self._check_fitted()
        w = np.asarray(w, dtype=np.float64)
        if w.ndim < 1 or w.shape[-1] != comps.shape[0]:
            raise ValueError(f"expected (..., {comps.shape[0]}) input, got {w.shape}")
        return w @ comps

    # ------------------------------------------------------------- serialization
    def to_json_dict(self) -> dict:
        """JSON-serialisable fitted state (plain Python types; floats round-trip exactly)."""
        comps = self._check_fitted()
        return {
            "format": JSON_FORMAT,
            "version": JSON_VERSION,
            "config": asdict(self.config),
            "components": comps.tolist(),
            "reconstruction_error": self.reconstruction_error,
            "n_rows_total": self.n_rows_total,
            "n_rows_fit": self.n_rows_fit,
            "n_iter": self.n_iter,
        }

    @classmethod
    def from_json_dict(cls, d: dict) -> AttributionNMF:
        """Inverse of :meth:`to_json_dict`."""
        if d.get("format") != JSON_FORMAT:
            raise ValueError(f"not an {JSON_FORMAT} dict (format={d.get('format')!r})")
        if d.get("version") != JSON_VERSION:
            raise ValueError(f"unsupported version {d.get('version')!r}")
        comps = np.asarray(d["components"], dtype=np.float64)
        if comps.ndim != 2 or comps.size == 0 or comps.min() < 0:
            raise ValueError("components must be a non-empty non-negative (K, C) matrix")
        nmf = cls(NMFConfig(**d["config"]))
        if comps.shape[0] != nmf.config.features:
            raise ValueError("components do not match config.features")
        nmf.components_ = comps
        err = d.get("reconstruction_error")
        nmf.reconstruction_error = None if err is None else float(err)
        for key in ("n_rows_total", "n_rows_fit", "n_iter"):
            value = d.get(key)
            setattr(nmf, key, None if value is None else int(value))
        return nmf


def decompose_attribution(attr: np.ndarray,
                          nmf: AttributionNMF) -> tuple[np.ndarray, np.ndarray]:
    """Split signed attributions into NMF feature channels plus a residual (display step 1-3).

    attr: ``(T, H, W, C)`` (any ``(..., C)``) signed attributions to the layer.
    Returns ``(channels, residual)``, float32, shapes ``(T, H, W, K)`` and ``(T, H, W)``:

    * ``attr_trans = transform(max(attr, 0)) - transform(max(-attr, 0))`` (signed coefficients);
    * ``channels = attr_trans * norms`` with ``norms = components_.sum(-1)``;
    * ``residual = sum_c attr - sum_c inverse_transform(attr_trans)``.

    Because ``inverse_transform`` is linear, ``channels.sum(-1) + residual == attr.sum(-1)``
    (computed in float64, exact up to the final cast to float32).
    """
    comps = nmf._check_fitted()
    a = np.asarray(attr, dtype=np.float64)
    if a.ndim < 1 or a.shape[-1] != comps.shape[1]:
        raise ValueError(f"expected (..., {comps.shape[1]}) attributions, got {a.shape}")
    trans = nmf.transform(np.maximum(a, 0.0)) - nmf.transform(np.maximum(-a, 0.0))
    channels = trans * comps.sum(-1)
    residual = a.sum(-1) - channels.sum(-1)  # == sum_c attr - sum_c (trans @ comps)
    return channels.astype(np.float32), residual.astype(np.float32)


def totals(channels: np.ndarray, residual: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per-frame sums over the spatial axes (display step 4).

    channels: ``(T, H, W, K)``; residual: ``(T, H, W)``.
    Returns ``(channel_totals (T, K), residual_totals (T,))``, float64 (summed in float64).
    """
    channels = np.asarray(channels)
    residual = np.asarray(residual)
    if channels.ndim != 4 or residual.shape != channels.shape[:3]:
        raise ValueError(f"expected (T,H,W,K) and (T,H,W), got {channels.shape}, {residual.shape}")
    return channels.sum(axis=(1, 2), dtype=np.float64), residual.sum(axis=(1, 2), dtype=np.float64)
