"""Synthetic feature pictures and model-editing results on the read side (issue 19): the
``/synthetic`` route, the manifest's edits and an edited agent's bookmarks as served, the
manifest republished by ``writer.update_manifest`` picked up without a restart, and the
standalone export holding the same.

The logdir (``edit_logdir``, written in seconds by ``tests/support/synthetic.py`` with its
optional parts): ``agentA`` at 1000 with synthetic pictures (4 features + 2 channels, objectives
``centre`` and ``map``) and edit results on layer 2b; ``blind``, the analysis of an agent with
features 1 and 3 of 2b projected out, made from agentA at 1000, on its probe set, with the
``diverge`` / ``failed`` bookmarks and no synthetic pictures.
"""

import io
import json
import os
import shutil

import numpy as np
import pytest
from PIL import Image

from rlclarity_plugin.store import schema, writer
from rlclarity_plugin.store.reader import LogdirReader
from tests.support.export_page import Page
from tests.support.plugin import make_client, url

EDIT_ARGS = ["--traj-envs", "2", "--traj-steps", "40", "--obs-envs", "4", "--obs-per-env", "8",
             "--obs-every", "4", "--layers", "2b", "4a", "--nmf-features", "4",
             "--subdiv-mults", "1", "--expand-mults", "2", "4", "--no-progress", "--seed", "3"]
CHANNELS = 2  # channel pictures after the features


@pytest.fixture(scope="module")
def edit_logdir(tmp_path_factory):
    """See the module docstring; returns the logdir path (str)."""
    from tests.support.synthetic import analysis_config, write_analysis

    logdir = str(tmp_path_factory.mktemp("edits") / "logs")
    config = analysis_config(*EDIT_ARGS)
    first = write_analysis(logdir, "agentA", 1000, config, checkpoint_seed=1000,
                           feature_vis=True, feature_vis_channels=CHANNELS, edits=True)
    write_analysis(logdir, "blind", 1000, config, probe_set=first["probe_set_file"],
                   checkpoint_seed=1001, edited_from=("agentA", 1000))
    return logdir


@pytest.fixture
def logdir(edit_logdir, tmp_path):
    """A copy the test may change."""
    root = tmp_path / "logs"
    shutil.copytree(edit_logdir, root)
    return str(root)


@pytest.fixture(scope="module")
def client(edit_logdir):
    return make_client(edit_logdir)


def step_dir(logdir, run="agentA"):
    return os.path.join(logdir, run, "plugins", "rl_clarity", "1000")


def stored_manifest(logdir, run="agentA"):
    with open(os.path.join(step_dir(logdir, run), "manifest.json")) as f:
        return json.load(f)


def test_synthetic_sheet_is_served_as_stored(client, edit_logdir):
    r = client.get(url("synthetic", run="agentA", step=1000, layer="2b"))
    assert r.status_code == 200 and r.headers["Content-Type"] == "image/webp"
    assert "max-age" in r.headers["Cache-Control"]
    with open(os.path.join(step_dir(edit_logdir), "synthetic", "2b.webp"), "rb") as f:
        assert r.data == f.read()
    m = stored_manifest(edit_logdir)
    vis = next(x for x in m["layers"] if x["name"] == "2b")["feature_vis"]
    H, W, _ = m["probe_set"]["observation_shape"]
    sheet = np.asarray(Image.open(io.BytesIO(r.data)).convert("RGB"))
    assert sheet.shape == (len(vis["objectives"]) * H, (vis["features"] + vis["channels"]) * W, 3)
    # the reader's decoded pictures: cell (o, j) of the sheet
    pictures = LogdirReader(edit_logdir).analysis("agentA", 1000).synthetic_pictures("4a")
    sheet_4a = np.asarray(Image.open(os.path.join(step_dir(edit_logdir), "synthetic",
                                                  "4a.webp")).convert("RGB"))
    assert pictures.shape == (2, 4 + CHANNELS, H, W, 3)
    for o, j in [(0, 0), (1, 3), (1, 5)]:
        np.testing.assert_array_equal(pictures[o, j],
                                      sheet_4a[o * H:(o + 1) * H, j * W:(j + 1) * W])


@pytest.mark.parametrize("run,layer,says", [
    ("blind", "2b", "layer '2b' has no synthetic feature pictures (analyse with --feature-vis "
                    "synthetic)"),
    ("agentA", "9z", "layer '9z' was not analysed"),
    ("nope", "2b", "no RL Clarity analysis in run 'nope'"),
])
def test_no_synthetic_pictures_is_a_404_with_one_line(client, run, layer, says):
    r = client.get(url("synthetic", run=run, step=1000, layer=layer))
    assert r.status_code == 404
    text = r.data.decode()
    assert says in text and "\n" not in text.strip(), text


@pytest.mark.parametrize("query", [
    "run=..%2Fx&step=1000&layer=2b", "run=%2Fetc&step=1000&layer=2b",
    "run=agentA&step=1000&layer=2b&layer=4a", "run=agentA&step=1000",
    "run=agentA&step=-1&layer=2b", "run=agentA&step=1e3&layer=2b",
    "run=agentA&step=1000&layer=" + "x" * 600, "run=agentA&step=9007199254740992&layer=2b",
])
def test_hostile_parameters_are_4xx(client, query):
    r = client.get("/data/plugin/rl_clarity/synthetic?" + query)
    assert r.status_code == 400, (query, r.status_code, r.data[:200])


def test_layer_names_never_reach_the_file_system(client):
    for layer in ("../2b", "2b/../../x", "%2e%2e"):
        assert client.get(url("synthetic", run="agentA", step=1000, layer=layer)
                          ).status_code == 404


def test_a_sheet_of_the_wrong_size_or_missing_is_a_404_and_the_rest_is_served(logdir):
    sheet = os.path.join(step_dir(logdir), "synthetic", "2b.webp")
    Image.new("RGB", (64, 64)).save(sheet, lossless=True)
    os.remove(os.path.join(step_dir(logdir), "synthetic", "4a.webp"))
    client = make_client(logdir)
    r = client.get(url("synthetic", run="agentA", step=1000, layer="2b"))
    assert r.status_code == 404 and "corrupt synthetic/2b.webp: a 64x64 picture, expected " \
        "128x384" in r.data.decode(), r.data
    r = client.get(url("synthetic", run="agentA", step=1000, layer="4a"))
    assert r.status_code == 404 and "synthetic/4a.webp is missing" in r.data.decode()
    assert client.get(url("thumbnails", run="agentA", step=1000, layer="2b")).status_code == 200


def test_edits_and_edited_bookmarks_are_in_the_served_manifest(client, edit_logdir):
    m = json.loads(client.get(url("manifest", run="agentA", step=1000)).data)
    assert m == stored_manifest(edit_logdir)
    kinds = [(e["kind"], e["features"]) for e in m["edits"]]
    assert kinds == [("features", [0]), ("features", [1]), ("features", [2]), ("random", []),
                     ("random", []), ("features", [0, 2])]
    assert m["edits"][2]["success_delta"] is None and m["edits"][0]["failures"]
    blind = json.loads(client.get(url("manifest", run="blind", step=1000)).data)
    assert blind["edits"] == [] and blind["bookmarks"]["diverge"] and blind["bookmarks"]["failed"]
    (edit,) = blind["agent"]["edits"]
    assert edit["site"]["layer"] == "2b" and edit["features"] == [0, 2]
    assert edit["source"] == {"run": "agentA", "step": 1000}
    assert m["bookmarks"]["diverge"] == m["bookmarks"]["failed"] == []


def test_a_republished_manifest_is_served_at_once(logdir):
    """``writer.update_manifest`` (rl-clarity edit recording its results) replaces the manifest
    in place: the plugin, already serving it, answers with the new one (new digest, new edits)
    and the browser is told not to keep it; the other answers stay."""
    client = make_client(logdir)
    params = dict(run="agentA", step=1000)
    before = client.get(url("manifest", **params))
    assert before.headers["Cache-Control"].startswith("no-cache")
    before = json.loads(before.data)
    series = client.get(url("series", traj=0, **params)).data
    old = schema.Manifest.from_json(before)
    new = writer.update_manifest(logdir, "agentA", 1000, edits=old.edits[:1])
    after = json.loads(client.get(url("manifest", **params)).data)
    assert after["digest"] == new.digest != before["digest"]
    assert [e["label"] for e in after["edits"]] == [before["edits"][0]["label"]]
    assert client.get(url("series", traj=0, **params)).data == series
    # and again, with bookmarks only (same edits)
    marks = schema.Bookmarks(high=old.bookmarks.high, low=old.bookmarks.low,
                             diverge=((0, 4),), failed=((1, 30),))
    again = writer.update_manifest(logdir, "agentA", 1000, bookmarks=marks)
    served = json.loads(client.get(url("manifest", **params)).data)
    assert served["digest"] == again.digest and served["bookmarks"]["diverge"] == [[0, 4]]


def test_the_export_holds_the_synthetic_sheets_and_the_edits(client, edit_logdir):
    from rlclarity_plugin import export_html, views

    page = Page(export_html(edit_logdir, "agentA", 1000).html)
    for layer in ("2b", "4a"):
        key = views.route_key("synthetic", {"run": "agentA", "step": 1000, "layer": layer})
        assert page.routes[key][0] == "bytes" and page.routes[key][3] == "image/webp"
        assert page.body(key) == client.get(url("synthetic", run="agentA", step=1000,
                                                layer=layer)).data
    assert not [k for k in page.routes if k.startswith("synthetic?") and "layer=input" in k]
    m = page.json(views.route_key("manifest", {"run": "agentA", "step": 1000}))
    assert m == json.loads(client.get(url("manifest", run="agentA", step=1000)).data)
    # a selection: the edits of the layers left out go too, the bookmarks are renumbered
    page = Page(export_html(edit_logdir, "agentA", 1000, layers=["4a"]).html)
    m = page.json(views.route_key("manifest", {"run": "agentA", "step": 1000}))
    assert m["edits"] == [] and [x["name"] for x in m["layers"]] == ["4a"]
    assert not [k for k in page.routes if "layer=2b" in k]
    blind = Page(export_html(edit_logdir, "blind", 1000, trajectories=[1]).html)
    m = blind.json(views.route_key("manifest", {"run": "blind", "step": 1000}))
    stored = stored_manifest(edit_logdir, "blind")["bookmarks"]
    for kind in ("diverge", "failed"):
        assert m["bookmarks"][kind] == [[0, f] for t, f in stored[kind] if t == 1]
    assert not [k for k in blind.routes if k.startswith("synthetic?")]
