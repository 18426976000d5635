"""Model editing: project feature directions out of a layer through the next layer's kernel.

The method of "Understanding RL Vision" (Hilton et al., Distill 2020, Appendix A): a feature is a
direction ``v`` in a layer's channel space (a row of the attribution NMF's ``components_``). To
blind the agent to it, project ``v`` out of the activations, ``a -> a P`` with
``P = I - v v^T / |v|^2``, not by changing the activations at run time but by left-multiplying
every ``c x d`` slice of the *next* linear layer's kernel by ``P``: for a convolution
``conv(a P, K) = conv(a, P K)`` because the convolution is linear in its input and ``P`` acts on
the channel axis only, pixel by pixel. The edited network is an ordinary network with one
changed kernel; it runs, saves and is analysed like any other.

This module is the pure numeric part (numpy only, no framework, no I/O); finding the next layer
of a network and writing edited checkpoints is the agent backends' job
(:mod:`rlclarity_plugin.agents.edit`).

Conventions used throughout:

* **Directions** are ``(C,)`` or ``(K, C)`` arrays: one direction per row, in the layer's
  channel space (``C`` channels), any scale (NMF components are non-negative and unnormalised;
  only the spanned subspace matters). Several directions are projected out together: ``P`` is the
  orthogonal projection onto the complement of their span.
* **Projections** ``P`` are float64 ``(C, C)``, symmetric and idempotent; activations are
  projected on their last (channel) axis: ``a @ P``.
* **Kernel layouts** (``layout=``):

  ======================  ==========================  ==========================================
  layout                  kernel shape                 used by
  ======================  ==========================  ==========================================
  ``keras_conv``          ``(kh, kw, c_in, c_out)``    Keras ``Conv2D``; ``P`` left-multiplies
                                                       each ``(c_in, c_out)`` slice
  ``torch_conv``          ``(c_out, c_in, kh, kw)``    torch ``nn.Conv2d``; each
                                                       ``W[:, :, i, j] <- W[:, :, i, j] P``
  ``keras_dense``         ``(c_in, c_out)``            Keras ``Dense``
  ``torch_dense``         ``(c_out, c_in)``            torch ``nn.Linear``
  ======================  ==========================  ==========================================

* A dense layer's ``c_in`` is ``S * C``: the layer reads ``S`` positions of ``C`` channels,
  flattened (``S = 1`` when the layer reads a ``(B, C)`` vector). ``flatten`` says in which order:
  ``"hwc"`` (channel fastest: Keras ``Flatten`` and every channel-last flatten) or ``"chw"``
  (position fastest: torch ``nn.Flatten`` of an ``NCHW`` map, Stable-Baselines3's NatureCNN). The
  projection then applies at every position.
* Biases are unchanged: ``(a P) K + b = a (P K) + b``.
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "FLATTEN_ORDERS",
    "KERNEL_LAYOUTS",
    "check_projection",
    "max_abs_error",
    "project_activations",
    "project_kernel",
    "projection",
]

KERNEL_LAYOUTS = ("keras_conv", "torch_conv", "keras_dense", "torch_dense")
FLATTEN_ORDERS = ("hwc", "chw")
#: Tolerance of :func:`check_projection` (float64 round-off of ``I - V V^+``).
PROJECTION_TOLERANCE = 1e-10


def projection(directions) -> np.ndarray:
    """The orthogonal projection that removes the span of one or more directions.

    Algorithm:
        1. ``V = directions^T``, float64 ``(C, K)`` (a single ``(C,)`` direction is ``K = 1``).
        2. ``P = I - V (V^T V)^+ V^T`` (the Moore-Penrose inverse, so directions that are
           linearly dependent are fine); for one direction this is ``I - v v^T / |v|^2``.
        3. :func:`check_projection`: ``P`` is symmetric and idempotent (to 1e-10).

    Args:
        directions: ``(C,)`` or ``(K, C)``, finite, each row non-zero (NMF ``components_`` rows
            of the layer; any sign and scale).

    Returns:
        float64 ``(C, C)``: ``v @ P = 0`` for every given direction, ``w @ P = w`` for every
        ``w`` orthogonal to all of them.
    """
    v = np.asarray(directions, dtype=np.float64)
    if v.ndim == 1:
        v = v[None, :]
    if v.ndim != 2 or v.shape[1] == 0 or v.shape[0] == 0:
        raise ValueError(f"directions must be (C,) or (K, C) with K, C >= 1, got shape "
                         f"{np.shape(directions)}")
    if not np.all(np.isfinite(v)):
        raise ValueError("directions hold NaN or infinity; pass finite NMF components")
    norms = np.linalg.norm(v, axis=1)
    if np.any(norms == 0):
        raise ValueError(f"direction(s) {np.flatnonzero(norms == 0).tolist()} are zero: a zero "
                         "vector names no feature; drop it")
    vt = v.T  # (C, K)
    p = np.eye(v.shape[1]) - vt @ np.linalg.pinv(v @ vt) @ v
    p = 0.5 * (p + p.T)  # exact symmetry; the difference is round-off
    check_projection(p)
    return p


def check_projection(p, tolerance: float = PROJECTION_TOLERANCE) -> None:
    """Raise ``ValueError`` unless ``p`` is a square, symmetric, idempotent matrix.

    Checks ``max |P - P^T| <= tolerance`` and ``max |P P - P| <= tolerance`` (absolute; the
    entries of an orthogonal projection lie in [-1, 1]).
    """
    p = np.asarray(p)
    if p.ndim != 2 or p.shape[0] != p.shape[1]:
        raise ValueError(f"a projection must be a square (C, C) matrix, got shape {p.shape}")
    asym = float(np.abs(p - p.T).max(initial=0.0))
    idem = float(np.abs(p @ p - p).max(initial=0.0))
    if asym > tolerance or idem > tolerance:
        raise ValueError(f"not an orthogonal projection: max |P - P^T| = {asym:.1e}, "
                         f"max |PP - P| = {idem:.1e} (tolerance {tolerance:.0e}); build it "
                         "with projection(directions)")


def _positions_channels(n_in: int, channels: int, flatten: str, what: str) -> int:
    if flatten not in FLATTEN_ORDERS:
        raise ValueError(f"unknown flatten order {flatten!r}; expected one of "
                         f"{', '.join(FLATTEN_ORDERS)}")
    if n_in % channels:
        raise ValueError(f"{what} has {n_in} inputs, not a multiple of the projection's "
                         f"{channels} channels: it does not read this layer's channels")
    return n_in // channels


def project_kernel(kernel, p, layout: str, flatten: str = "hwc") -> np.ndarray:
    """The next layer's kernel with ``P`` applied to its input channels.

    Algorithm (``C`` = ``P``'s size, the layer's channels = the kernel's input channels):
        1. In float64, view the kernel as ``(..., C, d)`` slices over its input channels:
           ``keras_conv`` ``(kh, kw, C, d)`` as is; ``torch_conv`` ``(d, C, kh, kw)`` moved to
           ``(kh, kw, C, d)``; ``keras_dense`` ``(S*C, d)`` as ``(S, C, d)`` (``hwc``) or
           ``(C, S, d)`` moved to ``(S, C, d)`` (``chw``); ``torch_dense`` ``(d, S*C)`` likewise
           after a transpose.
        2. Left-multiply every ``(C, d)`` slice by ``P`` (one ``einsum``, broadcast over the
           kernel positions ``kh, kw`` or the flattened positions ``S``).
        3. Move the axes back and cast to the kernel's dtype.

    Then ``layer(a @ P, kernel) == layer(a, project_kernel(kernel, P))`` for every input ``a``
    (``(B, h, w, C)`` for a convolution, ``(B, S*C)`` flattened as ``flatten`` for a dense
    layer), to float round-off.

    Args:
        kernel: the next layer's weight in ``layout`` (see the module docstring), float.
        p: ``(C, C)`` projection from :func:`projection`.
        layout: ``keras_conv``, ``torch_conv``, ``keras_dense`` or ``torch_dense``.
        flatten: ``hwc`` or ``chw``, for dense layouts only: how the ``S`` positions of ``C``
            channels were flattened into the layer's input.

    Returns:
        A new array, same shape and dtype as ``kernel``.
    """
    k = np.asarray(kernel)
    if not np.issubdtype(k.dtype, np.floating):
        raise ValueError(f"a kernel must be floating point, got {k.dtype}")
    p = np.asarray(p, dtype=np.float64)
    check_projection(p)
    c = p.shape[0]
    k64 = k.astype(np.float64)
    if layout in ("keras_conv", "torch_conv"):
        if k.ndim != 4:
            raise ValueError(f"a {layout} kernel is 4-D, got shape {k.shape}")
        cin = k.shape[2] if layout == "keras_conv" else k.shape[1]
        if cin != c:
            raise ValueError(f"the {layout} kernel {k.shape} has {cin} input channels; the "
                             f"projection is over {c}: it must be the kernel of the layer that "
                             "reads the edited layer's channels")
        if layout == "keras_conv":
            out = np.einsum("ce,hwed->hwcd", p, k64)
        else:
            out = np.einsum("ce,dehw->dchw", p, k64)
    elif layout in ("keras_dense", "torch_dense"):
        if k.ndim != 2:
            raise ValueError(f"a {layout} kernel is 2-D, got shape {k.shape}")
        kd = k64 if layout == "keras_dense" else k64.T  # (S*C, d)
        s = _positions_channels(kd.shape[0], c, flatten, f"the {layout} kernel {k.shape}")
        d = kd.shape[1]
        if flatten == "hwc":
            out = np.einsum("ce,sed->scd", p, kd.reshape(s, c, d)).reshape(s * c, d)
        else:
            out = np.einsum("ce,esd->csd", p, kd.reshape(c, s, d)).reshape(c * s, d)
        out = out if layout == "keras_dense" else out.T
    else:
        raise ValueError(f"unknown kernel layout {layout!r}; expected one of "
                         f"{', '.join(KERNEL_LAYOUTS)}")
    return np.ascontiguousarray(out.astype(k.dtype))


def project_activations(acts, p, flatten: str | None = None) -> np.ndarray:
    """The reference edit: activations with the directions projected out, ``a @ P``.

    Algorithm:
        1. In float64: channel-last activations ``(..., C)`` -> ``a @ P``. Flattened activations
           ``(N, S*C)`` (``flatten`` given) are viewed as ``(N, S, C)`` (``hwc``) or ``(N, C, S)``
           (``chw``, projected on axis 1) and flattened back.
        2. Cast to the input's float dtype (float32 activations stay float32).

    Args:
        acts: ``(N, H, W, C)``, ``(N, C)`` or, with ``flatten``, ``(N, S*C)``; float.
        p: ``(C, C)`` projection from :func:`projection`.
        flatten: None, ``hwc`` or ``chw``.

    Returns:
        Same shape and dtype as ``acts`` (float64 for integer input).
    """
    a = np.asarray(acts)
    p = np.asarray(p, dtype=np.float64)
    check_projection(p)
    c = p.shape[0]
    dtype = a.dtype if np.issubdtype(a.dtype, np.floating) else np.float64
    a64 = a.astype(np.float64)
    if flatten is None:
        if a.shape[-1] != c:
            raise ValueError(f"activations of shape {a.shape} have {a.shape[-1]} channels; the "
                             f"projection is over {c}")
        out = a64 @ p
    else:
        if a.ndim != 2:
            raise ValueError(f"flattened activations are (N, S*C), got shape {a.shape}")
        n = a.shape[0]
        s = _positions_channels(a.shape[1], c, flatten, f"activations of shape {a.shape}")
        if flatten == "hwc":
            out = (a64.reshape(n, s, c) @ p).reshape(n, s * c)
        else:
            out = np.einsum("ncs,ce->nes", a64.reshape(n, c, s), p).reshape(n, c * s)
    return out.astype(dtype)


def max_abs_error(actual, expected) -> float:
    """``max |actual - expected|`` in float64 (0.0 for empty arrays); shapes must agree."""
    a = np.asarray(actual, dtype=np.float64)
    b = np.asarray(expected, dtype=np.float64)
    if a.shape != b.shape:
        raise ValueError(f"shapes differ: {a.shape} vs {b.shape}")
    return float(np.abs(a - b).max(initial=0.0))
