"""Results added to an analysis after it was written (issue 19): the typed records of editing
results and synthetic feature pictures, and ``writer.update_manifest`` republishing a manifest
with them (atomic, new digest, what the analysis is made from unchanged)."""

import dataclasses
import hashlib
import json
import os
import shutil

import pytest

from rlclarity_plugin.store import schema
from rlclarity_plugin.store.reader import LogdirReader
from rlclarity_plugin.store.writer import update_manifest
from tests.conftest import UI_ANALYSIS_ARGS
from tests.support.synthetic import analysis_config, write_analysis


def estimate(mean, se):
    return schema.Estimate(mean, se)


def result(**changes):
    base = dict(label="feature 1", kind="features", layer="2b", features=(1,), episodes=100,
                seed=0, return_original=estimate(6.0, 0.4), return_edited=estimate(4.0, 0.5),
                return_delta=estimate(-2.0, 0.3), success_original=estimate(0.6, 0.05),
                success_edited=estimate(0.4, 0.05), success_delta=estimate(-0.2, 0.03),
                failures=(schema.FailureCount("died", 30, 50),
                          schema.FailureCount("timed out", 10, 10)),
                note="procgen does not report why an episode failed")
    return schema.EditResult(**{**base, **changes})


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """One synthetic analysis (the UI tests' small options), written once for the module."""
    root = tmp_path_factory.mktemp("manifest_update")
    write_analysis(str(root), "agentA", 1000, analysis_config(*UI_ANALYSIS_ARGS))
    return str(root)


@pytest.fixture
def logdir(written, tmp_path):
    """A private copy of it (the tests republish its manifest)."""
    shutil.copytree(written, tmp_path / "logs")
    return str(tmp_path / "logs")


def manifest_path(logdir):
    return os.path.join(logdir, "agentA", "plugins", "rl_clarity", "1000", "manifest.json")


def test_update_manifest_records_edits_and_bookmarks(logdir):
    before = json.loads(open(manifest_path(logdir)).read())
    control = result(label="random direction", kind="random", features=())
    new = update_manifest(logdir, "agentA", 1000, edits=(result(), control))
    after = json.loads(open(manifest_path(logdir)).read())
    # only the edits changed; the digest is the SHA-256 of the rest (computed here)
    changed = {k for k in after if after[k] != before.get(k)}
    assert changed == {"edits", "digest"}
    body = {k: v for k, v in after.items() if k != "digest"}
    assert after["digest"] == hashlib.sha256(json.dumps(body, sort_keys=True).encode()
                                             ).hexdigest()
    assert after["edits"][0]["success_delta"] == {"mean": -0.2, "stderr": 0.03}
    assert after["edits"][1]["features"] == [] and after["edits"][1]["kind"] == "random"
    # a fresh reader sees the typed records
    m = LogdirReader(logdir).analysis("agentA", 1000).manifest
    assert m.edits == new.edits and m.edits[0].failures[0] == schema.FailureCount("died", 30, 50)
    # bookmarks of an edited agent's analysis, high/low kept
    marks = dataclasses.replace(m.bookmarks, diverge=((0, 3),), failed=((1, 7),))
    update_manifest(logdir, "agentA", 1000, bookmarks=marks)
    again = LogdirReader(logdir).analysis("agentA", 1000).manifest
    assert again.bookmarks.diverge == ((0, 3),) and again.bookmarks.high == m.bookmarks.high
    assert again.edits == m.edits


def test_update_manifest_refuses_what_it_must_not_change(logdir):
    before = open(manifest_path(logdir), "rb").read()
    with pytest.raises(ValueError, match="changes only"):
        update_manifest(logdir, "agentA", 1000, layers=())
    with pytest.raises(ValueError, match="not analysed NMF features"):
        update_manifest(logdir, "agentA", 1000, edits=(result(features=(99,)),))
    with pytest.raises(ValueError, match="not analysed NMF features"):
        update_manifest(logdir, "agentA", 1000, edits=(result(layer="nope"),))
    m = LogdirReader(logdir).analysis("agentA", 1000).manifest
    p = m.probe_set
    with pytest.raises(ValueError, match="outside"):
        update_manifest(logdir, "agentA", 1000, bookmarks=schema.Bookmarks(
            diverge=((p.trajectories, 0),)))
    with pytest.raises(schema.StoreError, match="no complete analysis"):
        update_manifest(logdir, "agentA", 999, edits=())
    assert open(manifest_path(logdir), "rb").read() == before  # nothing written


def test_edit_result_and_feature_vis_records_check_themselves():
    with pytest.raises(ValueError, match="random control"):
        result(kind="random")                      # a control names no feature
    with pytest.raises(ValueError, match="random control"):
        result(features=())
    with pytest.raises(ValueError, match="edit kind"):
        result(kind="blind")
    with pytest.raises(ValueError, match="negative"):
        estimate(0.1, -0.01)
    with pytest.raises(ValueError, match="run name"):
        result(run="../elsewhere")
    raw = result().to_json()
    raw["return_delta"]["stderr"] = float("nan")   # JSON from elsewhere: refused by name
    with pytest.raises(schema.StoreError, match=r"return_delta\.stderr"):
        schema.EditResult.from_json(raw)
    good = dict(objectives=("centre", "map"), features=2, channels=1, steps=64, seed=0,
                activation=((1.0, 2.0, 3.0), (1.0, 2.0, 3.0)),
                dataset_max=((0.5, 0.5, 0.5), (0.5, 0.5, 0.5)))
    assert schema.FeatureVisInfo.from_json(schema.FeatureVisInfo(**good).to_json()) == \
        schema.FeatureVisInfo(**good)
    with pytest.raises(ValueError, match="objectives"):
        schema.FeatureVisInfo(**{**good, "objectives": ("corner",)})
    with pytest.raises(ValueError, match="2 x 3"):
        schema.FeatureVisInfo(**{**good, "activation": ((1.0, 2.0),) * 2})
    info = schema.FeatureVisInfo(**good)
    with pytest.raises(ValueError, match="feature_vis"):
        schema.LayerInfo("2b", (8, 8, 4), "hidden", 3, feature_vis=info)  # 3 features, not 2
    assert schema.LayerInfo("2b", (8, 8, 4), "hidden", 2, feature_vis=info).feature_vis == info
