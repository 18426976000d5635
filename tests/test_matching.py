"""Feature matching between two analyses (rlclarity_plugin/analysis/matching.py), checked against
independent references (scikit-learn's cosine similarity, numpy's corrcoef, brute-force
assignment) and on analyses written by the real job."""

import dataclasses
import itertools
import json

import numpy as np
import pytest

from rlclarity_plugin.analysis import matching
from rlclarity_plugin.store import schema
from rlclarity_plugin.store.reader import LogdirReader


def test_similarities_agree_with_independent_references():
    from sklearn.metrics.pairwise import cosine_similarity

    rng = np.random.default_rng(0)
    a, b = rng.random((5, 12)), rng.random((7, 12))
    np.testing.assert_allclose(matching.component_similarity(a, b), cosine_similarity(a, b),
                               rtol=1e-12)
    x, y = rng.normal(size=(300, 4)), rng.normal(size=(300, 3))
    reference = np.corrcoef(x.T, y.T)[:4, 4:]
    np.testing.assert_allclose(matching.map_correlation(x, y), reference, rtol=1e-10)


def test_assignment_is_optimal_and_recovers_a_permutation():
    rng = np.random.default_rng(1)
    comps = rng.random((6, 20))
    perm = rng.permutation(6)
    noisy = comps[perm] + 0.01 * rng.random((6, 20))
    pairs = matching.assign(matching.component_similarity(comps, noisy), 0.5)
    assert [(i, j) for i, j, _ in pairs] == [(i, int(np.where(perm == i)[0][0])) for i in range(6)]
    # optimal against brute force on a random 5 x 5 problem
    sim = rng.random((5, 5))
    best = max(itertools.permutations(range(5)), key=lambda p: sum(sim[i, p[i]] for i in range(5)))
    got = matching.assign(sim, min_similarity=-1)
    assert [j for _, j, _ in got] == list(best)
    # below the threshold: unmatched
    assert matching.assign(np.array([[0.2, 0.1], [0.1, 0.9]]), 0.5) == [(1, 1, 0.9)]


def test_colours_follow_matches_and_unmatched_ones_are_distinct():
    palette = ["#a", "#b", "#c", "#d", "#e", "#f"]
    ca, cb = matching.colours([(0, 2, 0.9), (3, 0, 0.8)], 4, 5, palette)
    assert ca == palette[:4]
    assert cb[2] == "#a" and cb[0] == "#d"
    unmatched = [cb[j] for j in (1, 3, 4)]
    # a colour of A on a B feature always means a match
    assert len(set(unmatched)) == 3 and not set(unmatched) & set(ca)
    assert unmatched[:2] == ["#e", "#f"]  # the palette's unused colours first, then extras


@pytest.fixture(scope="module")
def logdir(compare_logdir):
    return compare_logdir


def store_match(reader, a, b, layer):
    return matching.match(
        reader.manifest(*a), reader.manifest(*b), layer,
        load_maps_a=lambda t, o: reader.attribution(*a, layer, t, o)[0],
        load_maps_b=lambda t, o: reader.attribution(*b, layer, t, o)[0],
        components_a=lambda: np.asarray(json.loads(reader.asset_bytes(
            *a, schema.nmf_asset(layer)))["components"]),
        components_b=lambda: np.asarray(json.loads(reader.asset_bytes(
            *b, schema.nmf_asset(layer)))["components"]))


def test_same_agent_on_the_same_probe_set_matches_itself(logdir):
    reader = LogdirReader(logdir)
    m = store_match(reader, ("agentA", 1000), ("nested/agentB", 1000), "2b")
    assert m["shared_probe_set"] and m["method"] == "attribution"
    K = features(reader.manifest("agentA", 1000))
    assert [(i, j) for i, j, _ in m["pairs"]] == [(k, k) for k in range(K)]
    assert min(s for _, _, s in m["pairs"]) > 0.999
    assert m["colors_a"] == m["colors_b"] and m["unmatched_b"] == []


def features(manifest, layer="2b"):
    return manifest.layer(layer).features


def test_a_permuted_nmf_is_matched_back(logdir):
    """B = A with its features' maps reordered: the matching finds the permutation, and B's
    colours follow it."""
    reader = LogdirReader(logdir)
    K = features(reader.manifest("agentA", 1000))
    perm = np.roll(np.arange(K), 1)  # B's feature j is A's feature perm[j]
    a = ("agentA", 1000)
    base = matching.match(reader.manifest(*a), reader.manifest(*a), "2b",
                          load_maps_a=lambda t, o: reader.attribution(*a, "2b", t, o)[0],
                          load_maps_b=lambda t, o: reader.attribution(*a, "2b", t, o)[0][
                              ..., list(perm) + [K]])
    assert sorted((i, j) for i, j, _ in base["pairs"]) == sorted(
        (int(perm[j]), j) for j in range(K))
    for i, j, _ in base["pairs"]:
        assert base["colors_b"][j] == base["colors_a"][i]


def test_different_probe_sets_fall_back_to_components(logdir):
    reader = LogdirReader(logdir)
    ma, mc = reader.manifest("agentA", 1000), reader.manifest("agentC", 1000)
    assert ma.probe_set.id != mc.probe_set.id
    m = store_match(reader, ("agentA", 1000), ("agentC", 1000), "2b")
    assert not m["shared_probe_set"] and m["method"] == "components"
    assert "probe sets differ" in m["reason"]
    sim = np.asarray(m["similarity"])
    ref = matching.component_similarity(
        json.loads(reader.asset_bytes("agentA", 1000, schema.nmf_asset("2b")))["components"],
        json.loads(reader.asset_bytes("agentC", 1000, schema.nmf_asset("2b")))["components"])
    np.testing.assert_allclose(sim, ref, atol=1e-4)
    # a layer only one side has: no matching, and the reason says so
    none = matching.match(ma, dataclasses.replace(
        mc, layers=tuple(x for x in mc.layers if x.name != "4a"), default_layer="2b"), "4a")
    assert none["method"] is None and "not analysed in B" in none["reason"]
