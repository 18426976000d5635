"""GAE and bookmarks against independent definitions (original interface semantics)."""

import numpy as np
import pytest

from rlclarity_plugin.analysis.advantages import (
    bookmarks,
    compute_gae,
    dones_from_firsts,
    high_low_bookmarks,
)


def reference_gae(values, rewards, dones, gamma, lam):
    """Forward discounted sums of TD errors, per episode, truncated at the window.

    A_t = sum_{j=t}^{stop} (gamma*lam)^(j-t) delta_j, where stop is the episode's last step
    (done) or T-2, whichever comes first; A_{T-1} = 0; a done step's TD error has no bootstrap.
    """
    E, T = values.shape
    out = np.zeros((E, T))
    for e in range(E):
        for t in range(T - 1):
            total, discount = 0.0, 1.0
            for j in range(t, T - 1):
                boot = 0.0 if dones[e, j] else gamma * values[e, j + 1]
                total += discount * (rewards[e, j] + boot - values[e, j])
                if dones[e, j]:
                    break
                discount *= gamma * lam
            out[e, t] = total
    return out


def test_gae_matches_discounted_sum_definition(rng):
    E, T = 5, 40
    values = rng.normal(size=(E, T))
    rewards = rng.normal(size=(E, T)) * (rng.random((E, T)) < 0.3)
    dones = rng.random((E, T)) < 0.08
    for gamma, lam in [(0.999, 0.95), (0.9, 0.5), (1.0, 1.0)]:
        adv = compute_gae(values, rewards, dones, gamma, lam)
        assert adv.shape == (E, T) and adv.dtype == np.float64
        np.testing.assert_allclose(adv, reference_gae(values, rewards, dones, gamma, lam),
                                   rtol=1e-12, atol=1e-12)
        assert np.all(adv[:, -1] == 0)


def test_gae_hand_example():
    # one episode ending after step 1, then a new one; gamma=0.5, lam=0.5
    values = np.array([[1.0, 2.0, 4.0, 8.0]])
    rewards = np.array([[1.0, 1.0, 1.0, 1.0]])
    dones = np.array([[False, True, False, False]])
    adv = compute_gae(values, rewards, dones, gamma=0.5, lam=0.5)
    d0 = 1 + 0.5 * 2 - 1  # 1.0
    d1 = 1 - 2  # -1.0 (done: no bootstrap)
    d2 = 1 + 0.5 * 8 - 4  # 1.0
    np.testing.assert_allclose(adv, [[d0 + 0.25 * d1, d1, d2, 0.0]])


def test_gae_float32_in_float32_out_and_shape_checks():
    v = np.zeros((2, 3), np.float32)
    assert compute_gae(v, v, np.zeros((2, 3), bool)).dtype == np.float32
    with pytest.raises(ValueError):
        compute_gae(v, v[:, :2], np.zeros((2, 3), bool))


def test_dones_from_firsts():
    firsts = np.array([[1, 0, 0, 1, 0], [0, 1, 0, 0, 0]], bool)
    np.testing.assert_array_equal(dones_from_firsts(firsts),
                                  [[0, 0, 1, 0, 0], [1, 0, 0, 0, 0]])


def episode_ids(dones):
    """Per trajectory, the episode index of each step, with the last step forced done."""
    d = np.array(dones, bool)
    d[:, -1] = True
    return np.concatenate([np.zeros((d.shape[0], 1), int), np.cumsum(d, 1)[:, :-1]], 1)


def test_bookmark_rules(rng):
    E, T = 6, 60
    adv = rng.normal(size=(E, T))
    dones = rng.random((E, T)) < 0.1
    dones_before = dones.copy()
    ep = episode_ids(dones)
    for sign in (1.0, -1.0):
        coords, scores = bookmarks(adv, dones, sign, num=10_000)
        np.testing.assert_array_equal(dones, dones_before)  # input not modified
        # expected: one candidate per episode with a strictly positive score, its first argmax
        expected = {}
        for e in range(E):
            for k in np.unique(ep[e]):
                steps = np.flatnonzero(ep[e] == k)
                s = sign * adv[e, steps]
                if s.max() > 0:
                    expected[(e, k)] = (int(steps[np.argmax(s)]), float(s.max()))
        assert len(coords) == len(expected)
        keys = [(t, ep[t, s]) for t, s in coords]
        assert len(set(keys)) == len(keys)  # at most one per episode
        for (t, s), score, key in zip(coords, scores, keys):
            assert expected[key] == (s, score)
            assert score > 0 and score == sign * adv[t, s]
        assert scores == sorted(scores, reverse=True)
        # truncation keeps the top num
        top, top_scores = bookmarks(adv, dones, sign, num=5)
        assert top == coords[:5] and top_scores == scores[:5]


def test_bookmarks_last_step_forced_done_and_strictly_positive():
    adv = np.array([[1.0, 3.0, 2.0], [0.0, 0.0, 0.0], [-1.0, 2.0, -5.0]])
    dones = np.zeros((3, 3), bool)  # no episode ends inside the window
    assert bookmarks(adv, dones, +1) == ([(0, 1), (2, 1)], [3.0, 2.0])
    assert bookmarks(adv, dones, -1) == ([(2, 2)], [5.0])  # zeros never bookmarked
    # an episode boundary after step 0 splits trajectory 0 into two episodes
    dones[0, 0] = True
    assert bookmarks(adv, dones, +1)[0] == [(0, 1), (2, 1), (0, 0)]
    assert high_low_bookmarks(adv, dones, num=2) == {"high": [(0, 1), (2, 1)], "low": [(2, 2)]}
    assert bookmarks(adv, dones, +1, num=0) == ([], [])


def test_bookmark_ties_within_an_episode_keep_the_first_step():
    adv = np.array([[2.0, 2.0, 1.0]])
    assert bookmarks(adv, np.zeros((1, 3), bool), +1) == ([(0, 0)], [2.0])


def test_bootstrapped_gae_is_the_window_gae_one_step_longer(rng):
    """PPO's GAE (bootstrapped from ``last_values``) equals the reference over a window one
    step longer whose last value is ``last_values``."""
    E, T, gamma, lam = 4, 30, 0.99, 0.9
    values = rng.normal(size=(E, T))
    rewards = rng.normal(size=(E, T))
    dones = rng.random((E, T)) < 0.1
    last = rng.normal(size=E)
    adv = compute_gae(values, rewards, dones, gamma, lam, last_values=last)
    longer = reference_gae(np.concatenate([values, last[:, None]], 1),
                           np.concatenate([rewards, np.zeros((E, 1))], 1),
                           np.concatenate([dones, np.zeros((E, 1), bool)], 1), gamma, lam)
    np.testing.assert_allclose(adv, longer[:, :T], rtol=1e-12, atol=1e-12)
    with pytest.raises(ValueError, match="last_values"):
        compute_gae(values, rewards, dones, last_values=last[:2])
