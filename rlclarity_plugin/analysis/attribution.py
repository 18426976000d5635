"""Integrated gradients to a hidden layer (the original's ``get_attr``), batched and compiled.

For activations ``a = encoder(x)`` at a layer and a scalar output ``F`` of ``head``::

    IG(a) = a * integral_0^1 grad F(alpha * a) d alpha  ~=  a * sum_k w_k grad F(alpha_k * a)

with ``n`` path points. Rules:

* ``right``: ``alpha_k = k/n``, ``w_k = 1/n`` (the original's right Riemann sum);
* ``midpoint``: ``alpha_k = (k - 1/2)/n``, ``w_k = 1/n``;
* ``quadratic``: the midpoint rule after substituting ``alpha = u**2``, i.e. ``alpha_k = u_k**2``
  and ``w_k = 2 u_k / n`` with ``u_k = (k - 1/2)/n``. It puts more points near the baseline,
  where trained agents' heads change fastest (measured in ``benchmarks/ig_rules.py``).

Completeness says ``sum(IG(a)) ~= F(a) - F(0)``; its error is computed for every frame and
output. The input pseudo-layer gets plain gradients, as in the original.

This module is framework-free: the quadrature, the outputs, the multi-path plans and the chunking
loops live here, in numpy. An agent backend (:mod:`rlclarity_plugin.agents.keras_backend`,
:mod:`rlclarity_plugin.agents.torch_backend`) supplies only the batched kernels: all frames of a
chunk and all path points in one call (one forward pass over ``n * B`` scaled copies, then one
backward pass per output), the chunk size chosen so the pass stays inside a memory budget.

Multi-path attribution (the original's ``get_multi_path_attr``, :class:`MultiPathBase`)
averages path-integrated gradients over several non-straight paths from 0 to ``a`` that bring
NMF features in at different speeds; see that function. Unlike the original it is deterministic:
the paths are drawn from ``np.random.default_rng(seed)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import numpy as np

from .config import RULES, AttributionConfig


def path_points(steps: int, rule: str) -> tuple[np.ndarray, np.ndarray]:
    """Path points ``alpha_k`` in (0, 1] and quadrature weights ``w_k`` (summing to 1)."""
    if rule not in RULES:
        raise ValueError(f"unknown quadrature rule {rule!r}; expected one of {RULES}")
    k = np.arange(1, steps + 1, dtype=np.float64)
    if rule == "right":
        alphas, weights = k / steps, np.full(steps, 1.0 / steps)
    elif rule == "midpoint":
        alphas, weights = (k - 0.5) / steps, np.full(steps, 1.0 / steps)
    else:
        u = (k - 0.5) / steps
        alphas, weights = u * u, 2.0 * u / steps
    return alphas.astype(np.float32), weights.astype(np.float32)


@dataclass(frozen=True)
class Output:
    """A scalar output to attribute: ``v`` (value), ``logit`` (one action) or ``group``
    (the sum of several actions' logits)."""

    kind: str
    index: int = -1
    actions: tuple = ()

    @property
    def key(self) -> str:
        return {"v": "v", "logit": f"logit{self.index}", "group": f"group{self.index}"}[self.kind]

    def weights(self, num_actions: int) -> np.ndarray:
        """Row of a ``(num_actions + 1)`` matrix selecting the output from [logits, value]."""
        w = np.zeros(num_actions + 1, np.float32)
        if self.kind == "v":
            w[num_actions] = 1.0
        else:
            w[list(self.actions)] = 1.0
        return w


def value_output() -> Output:
    return Output("v")


def logit_output(action: int) -> Output:
    return Output("logit", action, (action,))


def group_output(index: int, actions) -> Output:
    return Output("group", index, tuple(int(a) for a in actions))


def selector_matrix(outputs, num_actions: int) -> np.ndarray:
    """``(A + 1, O)`` float32: ``concat([logits, value], 1) @ selector`` gives the outputs."""
    return np.stack([o.weights(num_actions) for o in outputs], 1).astype(np.float32)


class IntegratedGradientsBase:
    """IG of several outputs of a head w.r.t. its input (activations at a cut).

    A backend subclass sets ``act_shape``, ``outputs``, ``alphas``/``weights`` (from
    :func:`path_points`), ``batch_frames`` and implements ``_batch(acts) -> (O, B) + act_shape``
    (all path points of a chunk in one call) and ``_score(acts) -> (B, O)``. Everything else
    (chunking, completeness) is here, in numpy.
    """

    act_shape: tuple
    outputs: list
    batch_frames: int

    def _setup(self, act_shape, outputs, config: AttributionConfig, bytes_per_point: int,
               memory_budget: int | None = None):
        """``memory_budget``: bytes per call (default ``config.memory_budget``; a backend may
        use less where smaller calls are faster)."""
        self.act_shape = tuple(int(d) for d in act_shape)
        self.outputs = list(outputs)
        self.config = config
        self.alphas, self.weights = path_points(config.integrate_steps, config.rule)
        per_frame = int(bytes_per_point) * config.integrate_steps
        budget = config.memory_budget if memory_budget is None else memory_budget
        self.batch_frames = max(1, int(budget // max(per_frame, 1)))

    def _batch(self, acts: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def _score(self, acts: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def scores(self, acts: np.ndarray) -> np.ndarray:
        """Outputs ``(B, O)`` of the head at ``acts``."""
        acts = np.asarray(acts, np.float32)
        return np.concatenate([self._score(acts[i:i + 4096]) for i in range(0, len(acts), 4096)])

    def __call__(self, acts: np.ndarray, progress=None) -> np.ndarray:
        """IG ``(O, B) + act_shape`` float32 for activations ``(B,) + act_shape``."""
        acts = np.asarray(acts, np.float32)
        if acts.shape[1:] != self.act_shape:
            raise ValueError(f"expected activations (B,) + {self.act_shape}, got {acts.shape}")
        out = np.empty((len(self.outputs),) + acts.shape, np.float32)
        for start in range(0, len(acts), self.batch_frames):
            chunk = acts[start:start + self.batch_frames]
            out[:, start:start + len(chunk)] = self._batch(chunk)
            if progress is not None:
                progress.update(len(chunk))
        return out

    def delta(self, acts: np.ndarray) -> np.ndarray:
        """``F(a) - F(0)`` per output and frame ``(O, B)`` float64: what the IG of a frame
        should add up to (completeness)."""
        fa = self.scores(np.asarray(acts, np.float32))
        f0 = self.scores(np.zeros((1,) + self.act_shape, np.float32))
        return (fa - f0).T.astype(np.float64)

    def completeness_error(self, acts: np.ndarray, attrs: np.ndarray) -> np.ndarray:
        """``|sum(attr) - (F(a) - F(0))| / |F(a) - F(0)|`` per output and frame ``(O, B)``."""
        delta = self.delta(acts)
        total = attrs.reshape(attrs.shape[0], attrs.shape[1], -1).astype(np.float64).sum(-1)
        return (np.abs(total - delta) / np.maximum(np.abs(delta), 1e-12)).astype(np.float32)

def multi_path_splits(features: int) -> list[tuple[int, ...]]:
    """The original's feature splits: ``combinations(range(K), K // 2)``; for even ``K`` only
    those containing feature 0 (a split and its complement then give the same two paths)."""
    splits = list(combinations(range(features), features // 2))
    if features % 2 == 0:
        splits = [s for s in splits if 0 in s]
    return splits


def multi_path_plan(features: int, max_paths: int | None, seed) -> list[tuple[int, ...]]:
    """The paths of :class:`MultiPathBase`, each given by its set of *slow* features.

    ``min((max_paths + 1) // 2, #splits)`` splits are drawn without replacement by
    ``np.random.default_rng(seed)``; each split ``S`` gives the paths ``S`` slow and its complement
    slow. If ``max_paths`` is odd (and there are enough splits), the last drawn split gives only
    one path, oriented at random, so exactly ``max_paths`` paths are returned
    (``min(max_paths, 2 * #splits)`` in general). ``max_paths=None`` means every path, in split
    order.
    """
    if features < 1:
        raise ValueError(f"features must be at least 1, got {features}")
    if max_paths is not None and max_paths < 1:
        raise ValueError(f"max_paths must be at least 1, got {max_paths}")
    splits = multi_path_splits(features)
    everything = set(range(features))
    if max_paths is None:
        chosen = list(range(len(splits)))
        rng = None
    else:
        rng = np.random.default_rng(seed)
        count = min((max_paths + 1) // 2, len(splits))
        chosen = [int(i) for i in rng.choice(len(splits), size=count, replace=False)]
    paths = []
    for i in chosen:
        slow = tuple(splits[i])
        paths.append([slow, tuple(sorted(everything - set(slow)))])
    if max_paths is not None and 2 * len(paths) > max_paths:  # odd max_paths: half a split
        last = paths.pop()
        paths.append([last[int(rng.integers(2))]])
    return [p for pair in paths for p in pair]


def path_coefficients(plan, features: int, steps: int) -> tuple[np.ndarray, np.ndarray]:
    """NMF coefficient schedules ``(P, steps + 1, K)`` and residual schedule ``(steps + 1,)``
    at ``alpha = k / steps``: ``alpha**2`` for slow features, ``1 - (1 - alpha)**2`` for the
    others, ``alpha`` for the residual; row 0 is the baseline 0 and row ``steps`` is 1."""
    alphas = np.arange(steps + 1, dtype=np.float64) / steps
    slow_c, fast_c = alphas ** 2, 1.0 - (1.0 - alphas) ** 2
    coefs = np.empty((len(plan), steps + 1, features), np.float64)
    for p, slow in enumerate(plan):
        mask = np.zeros(features, bool)
        mask[list(slow)] = True
        coefs[p] = np.where(mask[None, :], slow_c[:, None], fast_c[:, None])
    return coefs, alphas


def decompose_activations(acts: np.ndarray, nmf) -> tuple[np.ndarray, np.ndarray]:
    """``(r, rho)`` float32 with ``a = inverse_transform(r) + rho`` and
    ``r = transform(max(a, 0))`` (see :class:`MultiPathBase`)."""
    a = np.asarray(acts, np.float64)
    r = nmf.transform(np.maximum(a, 0.0))
    rho = a - nmf.inverse_transform(r)
    return r.astype(np.float32), rho.astype(np.float32)


class MultiPathBase:
    """Multi-path attribution (the original's ``get_multi_path_attr``), deterministic.

    Activations ``a`` ``(B,) + act_shape`` are decomposed per position as
    ``a = inverse_transform(r) + rho`` with ``K`` NMF coefficients ``r = nmf.transform(max(a, 0))``
    and residual ``rho``. At the built-in layers (post-ReLU) ``a >= 0``; where activations can
    be negative (residual-stream layers) the negative part is left to ``rho``, so the
    decomposition stays exact. Paths come from :func:`multi_path_plan` (seeded by ``seed``): on a
    path with slow features ``S``, ``p(alpha) = inverse_transform(r * c(alpha)) + alpha * rho``
    with ``c_j(alpha) = alpha**2`` for ``j`` in ``S`` and ``1 - (1 - alpha)**2`` otherwise. With
    ``alpha_k = k / steps`` and ``p_0 = 0``, a path's attribution is
    ``sum_k (p_k - p_{k-1}) * grad F(p_k)``; the result is the mean over paths, float32
    ``(O, B) + act_shape``. Every path telescopes to ``a``, so completeness
    ``sum(attr) ~= F(a) - F(0)`` holds up to quadrature error for each path and the mean.

    All path points of several paths for a chunk of frames go through one compiled call; the
    chunk sizes keep a call inside ``memory_budget`` bytes (``batch_frames`` fixes the frames
    per call). ``progress.update(frames)`` is called per finished chunk of frames.

    A backend subclass calls :meth:`_setup` and implements
    ``_paths(r, rho, comps, coefs, alphas) -> (O, B) + act_shape``: the sum over the given paths
    of ``sum_k (p_k - p_{k-1}) * grad F(p_k)`` for one chunk of frames, all path points in one
    call (``coefs`` ``(P, steps + 1, K)``, ``alphas`` ``(steps + 1,)`` float32 numpy).
    """

    def _setup(self, act_shape, outputs, features: int, steps: int, memory_budget: int,
               bytes_per_point: int):
        if steps < 1:
            raise ValueError(f"steps must be at least 1, got {steps}")
        self.act_shape = tuple(int(d) for d in act_shape)
        self.outputs = list(outputs)
        self.features = int(features)
        self.steps = int(steps)
        self.memory_budget = int(memory_budget)
        self.bytes_per_path = int(bytes_per_point) * self.steps  # one frame

    def _paths(self, r, rho, comps, coefs, alphas) -> np.ndarray:
        raise NotImplementedError

    def chunking(self, frames: int, paths: int, batch_frames: int | None = None):
        """``(frames per call, paths per call)`` inside the memory budget."""
        if batch_frames is None:
            batch_frames = max(1, int(self.memory_budget // max(self.bytes_per_path, 1)))
        batch_frames = max(1, min(int(batch_frames), max(frames, 1)))
        per_call = self.bytes_per_path * batch_frames
        path_chunk = max(1, min(paths, int(self.memory_budget // max(per_call, 1))))
        return batch_frames, path_chunk

    def decompose(self, acts: np.ndarray, nmf) -> tuple[np.ndarray, np.ndarray]:
        return decompose_activations(acts, nmf)

    def __call__(self, acts: np.ndarray, nmf, max_paths: int | None, seed,
                 batch_frames: int | None = None, progress=None) -> np.ndarray:
        acts = np.asarray(acts, np.float32)
        if acts.shape[1:] != self.act_shape:
            raise ValueError(f"expected activations (B,) + {self.act_shape}, got {acts.shape}")
        comps = np.asarray(nmf.components_, np.float32)
        if comps.shape != (self.features, self.act_shape[-1]):
            raise ValueError(f"NMF components {comps.shape} do not fit "
                             f"{self.features} features of {self.act_shape[-1]} channels")
        plan = multi_path_plan(self.features, max_paths, seed)
        coefs, alphas = path_coefficients(plan, self.features, self.steps)
        coefs, alphas = coefs.astype(np.float32), alphas.astype(np.float32)
        frames, path_chunk = self.chunking(len(acts), len(plan), batch_frames)
        out = np.empty((len(self.outputs),) + acts.shape, np.float32)
        for start in range(0, len(acts), frames):
            r, rho = self.decompose(acts[start:start + frames], nmf)
            total = np.zeros((len(self.outputs),) + r.shape[:1] + self.act_shape, np.float64)
            for p in range(0, len(plan), path_chunk):
                total += self._paths(r, rho, comps, coefs[p:p + path_chunk], alphas)
            out[:, start:start + len(r)] = total / len(plan)
            if progress is not None:
                progress.update(len(r))
        return out

