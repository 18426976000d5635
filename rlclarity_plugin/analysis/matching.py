"""Match the NMF features of two analyses, so corresponding features get the same colour.

Two ways to measure how alike feature ``i`` of A and feature ``j`` of B are:

* ``attribution`` (when both analyses used the same probe set and the layer has the same spatial
  size): the Pearson correlation of their attribution maps over the shared frames (a sample of at
  most ``max_frames`` frames spread over the trajectories). It works for any two agents, since it
  compares what the features respond to, not the channels they are made of.
* ``components`` (otherwise, when the layer has the same number of channels in both): the cosine
  similarity of the NMF components. Only meaningful when the channels correspond, i.e. for
  checkpoints of one training run (or a fine-tuned agent), not for independently trained agents.

The one-to-one assignment maximising total similarity is found with the Hungarian algorithm
(``scipy.optimize.linear_sum_assignment``); pairs below ``min_similarity`` count as unmatched.
No TensorFlow here: the TensorBoard plugin imports this module.
"""

from __future__ import annotations

import numpy as np

# colours for B's unmatched features once A's palette is used up (distinct from the NMF palette)
EXTRA_COLORS = ("#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#9467bd", "#ff7f0e",
                "#2ca02c", "#d62728", "#1f77b4")
DEFAULT_MIN_SIMILARITY = 0.5


def component_similarity(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cosine similarity ``(Ka, Kb)`` of NMF components ``a (Ka, C)`` and ``b (Kb, C)``."""
    a = np.asarray(a, np.float64)
    b = np.asarray(b, np.float64)
    if a.shape[1] != b.shape[1]:
        raise ValueError(f"components have {a.shape[1]} and {b.shape[1]} channels")
    na = np.linalg.norm(a, axis=1, keepdims=True)
    nb = np.linalg.norm(b, axis=1, keepdims=True)
    return (a / np.maximum(na, 1e-12)) @ (b / np.maximum(nb, 1e-12)).T


def map_correlation(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Pearson correlation ``(Ka, Kb)`` between the columns of ``a (N, Ka)`` and ``b (N, Kb)``
    (the feature maps of the same N positions)."""
    a = np.asarray(a, np.float64)
    b = np.asarray(b, np.float64)
    if a.shape[0] != b.shape[0]:
        raise ValueError(f"maps cover {a.shape[0]} and {b.shape[0]} positions")
    a = a - a.mean(0)
    b = b - b.mean(0)
    na = np.sqrt((a * a).sum(0))
    nb = np.sqrt((b * b).sum(0))
    return (a.T @ b) / np.maximum(np.outer(na, nb), 1e-12)


def assign(similarity: np.ndarray, min_similarity: float = DEFAULT_MIN_SIMILARITY) -> list:
    """``[(i, j, s)]``: the one-to-one pairs maximising total similarity with ``s >=
    min_similarity``, sorted by ``i``."""
    from scipy.optimize import linear_sum_assignment

    sim = np.nan_to_num(np.asarray(similarity, np.float64), nan=-1.0)
    if sim.size == 0:
        return []
    rows, cols = linear_sum_assignment(sim, maximize=True)
    return sorted((int(i), int(j), float(sim[i, j])) for i, j in zip(rows, cols)
                  if sim[i, j] >= min_similarity)


def colours(pairs: list, ka: int, kb: int, palette: list) -> tuple[list, list]:
    """A keeps its palette; each B feature takes the colour of its A partner; unmatched B
    features get colours A does not show at all, so a shared colour always means a match.

    Returns ``(colours_a, colours_b)`` as hex strings.
    """
    col_a = [palette[i] if i < len(palette) else
             EXTRA_COLORS[(i - len(palette)) % len(EXTRA_COLORS)] for i in range(ka)]
    col_b: list = [None] * kb
    for i, j, _ in pairs:
        col_b[j] = col_a[i]
    spare = [c for c in dict.fromkeys(list(palette) + list(EXTRA_COLORS)) if c not in col_a]
    n = 0
    for j in range(kb):
        if col_b[j] is None:
            col_b[j] = spare[n % len(spare)] if spare else "#808080"
            n += 1
    return col_a, col_b


def sample_frames(trajectories: int, steps: int, max_frames: int) -> list:
    """``[(traj, [frame, ...])]``: at most ``max_frames`` frames spread evenly over all."""
    total = trajectories * steps
    if total <= max_frames:
        return [(t, list(range(steps))) for t in range(trajectories)]
    flat = np.unique(np.linspace(0, total - 1, max_frames).round().astype(int))
    out = []
    for t in range(trajectories):
        frames = [int(f - t * steps) for f in flat if t * steps <= f < (t + 1) * steps]
        if frames:
            out.append((t, frames))
    return out


def match(manifest_a, manifest_b, layer: str, *, load_maps_a=None, load_maps_b=None,
          components_a=None, components_b=None, output: str | None = None,
          min_similarity: float = DEFAULT_MIN_SIMILARITY, max_frames: int = 256) -> dict:
    """Match the features of ``layer`` in analysis A and B.

    Args:
        manifest_a / manifest_b: the two :class:`..store.schema.Manifest`.
        load_maps_a / load_maps_b: ``load(traj, output) -> float maps (T, h, w, K + 1)``.
        components_a / components_b: ``() -> (K, C)`` NMF components.
        output: the attributed output to correlate (default ``v`` when both have it).

    Returns a JSON-able dict: ``method`` (``attribution``, ``components`` or None), ``reason``
    (why this method, or why none), ``similarity`` (Ka x Kb), ``pairs`` [[i, j, s]],
    ``colors_a`` / ``colors_b``, ``unmatched_a`` / ``unmatched_b``, ``shared_probe_set``.
    """
    la = {x.name: x for x in manifest_a.layers}.get(layer)
    lb = {x.name: x for x in manifest_b.layers}.get(layer)
    palette = list(manifest_a.feature_colors or EXTRA_COLORS)
    shared = manifest_a.probe_set.id == manifest_b.probe_set.id
    out = {"layer": layer, "shared_probe_set": shared, "min_similarity": min_similarity}
    if la is None or lb is None or la.kind == "input" or not la.features or not lb.features:
        missing = "A" if la is None else "B" if lb is None else None
        reason = (f"layer {layer} was not analysed in {missing}" if missing else
                  f"layer {layer} has no NMF features to match")
        ka = la.features if la else 0
        kb = lb.features if lb else 0
        return _result(out, ka, kb, palette, reason=reason)
    ka, kb = la.features, lb.features
    keys_a = {o.key for o in manifest_a.outputs}
    keys_b = {o.key for o in manifest_b.outputs}
    if output is None:
        common = [o.key for o in manifest_a.outputs if o.key in keys_b]
        output = "v" if "v" in common else (common[0] if common else None)
    same_space = tuple(la.shape[:2]) == tuple(lb.shape[:2])
    sim = None
    if shared and same_space and output in keys_a and output in keys_b and load_maps_a \
            and load_maps_b:
        probe = manifest_a.probe_set
        cols_a, cols_b = [], []
        for t, frames in sample_frames(probe.trajectories, probe.steps, max_frames):
            cols_a.append(np.asarray(load_maps_a(t, output))[frames, ..., :ka].reshape(-1, ka))
            cols_b.append(np.asarray(load_maps_b(t, output))[frames, ..., :kb].reshape(-1, kb))
        sim = map_correlation(np.concatenate(cols_a), np.concatenate(cols_b))
        method = "attribution"
        reason = (f"correlation of the {output} attribution maps of each feature over "
                  f"{min(max_frames, probe.trajectories * probe.steps)} frames "
                  "of the shared probe set")
    elif la.shape[-1] == lb.shape[-1] and components_a and components_b:
        sim = component_similarity(components_a(), components_b())
        method = "components"
        reason = ("cosine similarity of the NMF components (meaningful when the channels "
                  "correspond, e.g. checkpoints of one run); "
                  + ("the probe sets differ" if not shared else
                     "the attribution maps are not comparable"))
    if sim is None:
        return _result(out, ka, kb, palette,
                       reason="the probe sets differ and the layer's channels differ "
                              f"({la.shape[-1]} vs {lb.shape[-1]}): no way to match")
    return _result(out, ka, kb, palette, method=method, reason=reason, sim=sim,
                   pairs=assign(sim, min_similarity), output=output)


def _result(base: dict, ka: int, kb: int, palette: list, *, reason: str, method=None, sim=None,
            pairs=(), **extra) -> dict:
    """The JSON-able answer of :func:`match` (no method: nothing matched, every feature
    unmatched)."""
    ca, cb = colours(list(pairs), ka, kb, palette)
    return {**base, "method": method, "reason": reason, **extra,
            "similarity": [] if sim is None else np.round(sim, 4).tolist(),
            "pairs": [[i, j, round(s, 4)] for i, j, s in pairs], "colors_a": ca, "colors_b": cb,
            "unmatched_a": sorted(set(range(ka)) - {i for i, _, _ in pairs}),
            "unmatched_b": sorted(set(range(kb)) - {j for _, j, _ in pairs})}
