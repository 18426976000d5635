"""Display advantages (GAE) over recorded trajectories and the interface's bookmarks.

Matches the original interface: GAE is computed inside the recorded window only (no bootstrap
beyond the last step, whose advantage is 0), and bookmarks mark, per episode, the step with the
largest (``high``) or most negative (``low``) advantage.
"""

from __future__ import annotations

import numpy as np

__all__ = ["bookmarks", "compute_gae", "dones_from_firsts", "high_low_bookmarks"]


def dones_from_firsts(firsts: np.ndarray) -> np.ndarray:
    """``(E, T)`` "episode starts at t" flags -> ``(E, T)`` "episode ended after t" flags.

    ``dones[:, t] = firsts[:, t + 1]`` and ``dones[:, T-1] = False`` (unknown inside the window).
    """
    firsts = np.asarray(firsts, dtype=bool)
    if firsts.ndim != 2:
        raise ValueError(f"firsts must be (E, T), got {firsts.shape}")
    return np.concatenate([firsts[:, 1:], np.zeros((firsts.shape[0], 1), bool)], axis=1)


def compute_gae(values: np.ndarray, rewards: np.ndarray, dones: np.ndarray,
                gamma: float = 0.999, lam: float = 0.95,
                last_values: np.ndarray | None = None) -> np.ndarray:
    """Generalised advantage estimates over a window of recorded steps: the one GAE of
    rl-clarity, for the interface (no bootstrap) and for PPO (bootstrapped).

    values, rewards, dones: ``(E, T)``; ``dones[:, t]`` true if the episode ended after step t
    (the action at step t ended it). ``last_values`` ``(E,)``: V of the observation after step
    T-1, to bootstrap from; None (the original interface): no bootstrap beyond the window, and
    ``A_{T-1} = 0``. For ``t = T-1 (bootstrapped) or T-2 .. 0``::

        delta_t = r_t + (1 - d_t) * gamma * V_{t+1} - V_t        (V_T = last_values)
        A_t     = delta_t + (1 - d_t) * gamma * lam * A_{t+1}    (A_T = 0)

    Returns ``(E, T)`` advantages (the returns PPO regresses on are ``advantages + values``),
    in ``float32`` unless the inputs are float64 (computed in float64).
    """
    values = np.asarray(values)
    rewards = np.asarray(rewards)
    dones = np.asarray(dones)
    if values.ndim != 2 or values.shape != rewards.shape or values.shape != dones.shape:
        raise ValueError(f"values, rewards, dones must share an (E, T) shape, got "
                         f"{values.shape}, {rewards.shape}, {dones.shape}")
    out_dtype = np.result_type(values.dtype, rewards.dtype, np.float32)
    E, T = values.shape
    v = np.zeros((E, T + 1))
    v[:, :T] = values
    if last_values is not None:
        last_values = np.asarray(last_values)
        if last_values.shape != (E,):
            raise ValueError(f"last_values must be ({E},), got {last_values.shape}")
        v[:, T] = last_values
    r = rewards.astype(np.float64)
    notdone = 1.0 - dones.astype(np.float64)
    adv = np.zeros((E, T + 1))
    for t in range(T - 1 if last_values is not None else T - 2, -1, -1):
        delta = r[:, t] + notdone[:, t] * gamma * v[:, t + 1] - v[:, t]
        adv[:, t] = delta + notdone[:, t] * gamma * lam * adv[:, t + 1]
    return adv[:, :T].astype(out_dtype)


def bookmarks(advantages: np.ndarray, dones: np.ndarray, sign: float,
              num: int = 16) -> tuple[list[tuple[int, int]], list[float]]:
    """At most one bookmark per episode: the step maximising ``sign * advantage``.

    advantages, dones: ``(E, T)``. The last step of every trajectory counts as done. Within each
    episode the first step with the largest strictly positive ``sign * advantage`` is the
    candidate (episodes with none get no bookmark). Candidates are sorted by score descending
    (ties: larger ``(traj, step)`` first, as sorting ``(score, (traj, step))`` tuples in reverse)
    and the first ``num`` kept.

    Returns ``(coords, scores)``: 0-based ``(traj, step)`` pairs and their ``sign * advantage``.
    """
    adv = np.asarray(advantages, dtype=np.float64)
    dones = np.array(dones, dtype=bool)  # copy: forced ends below must not leak to the caller
    if adv.ndim != 2 or adv.shape != dones.shape:
        raise ValueError(f"advantages and dones must share an (E, T) shape, got "
                         f"{adv.shape}, {dones.shape}")
    if num < 0:
        raise ValueError(f"num must be >= 0, got {num}")
    if adv.shape[1]:
        dones[:, -1] = True
    scores = sign * adv
    records: list[tuple[float, tuple[int, int]]] = []
    for traj in range(adv.shape[0]):
        best: tuple[float, int] | None = None
        for step in range(adv.shape[1]):
            s = float(scores[traj, step])
            if s > 0 and (best is None or s > best[0]):
                best = (s, step)
            if dones[traj, step]:
                if best is not None:
                    records.append((best[0], (traj, best[1])))
                best = None
    records.sort(reverse=True)
    records = records[:num]
    return [coord for _, coord in records], [score for score, _ in records]


def high_low_bookmarks(advantages: np.ndarray, dones: np.ndarray,
                       num: int = 16) -> dict[str, list[tuple[int, int]]]:
    """``{"high": ..., "low": ...}``: :func:`bookmarks` with sign +1 (unexpected successes) and
    sign -1 (unexpected failures); each a list of 0-based ``(traj, step)``."""
    return {"high": bookmarks(advantages, dones, +1.0, num)[0],
            "low": bookmarks(advantages, dones, -1.0, num)[0]}
