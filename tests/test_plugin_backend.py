"""The TensorBoard plugin backend over a logdir written by the real analysis job.

Every route is compared with what the store holds (read back independently through
``LogdirReader`` and the files), hostile parameters get 400/404 with a message and never read
outside the logdir, broken runs are reported while the others keep working; then the same routes
through a real ``tensorboard`` process with both data loaders.
"""

import gzip
import io
import json
import os
import shutil

import numpy as np
import pytest
from PIL import Image

from rlclarity_plugin.store import schema
from rlclarity_plugin.store.reader import LogdirReader
from tests.support import store
from tests.support.plugin import BASE, make_client, url
from tests.support.tb import TensorBoardProcess

WEIRD_RUN = "x<img src=x onerror=alert(1)>'\""


@pytest.fixture(scope="module")
def logdir(analysed_logdir, tmp_path_factory):
    """The shared analysed logdir plus a run whose name is hostile HTML."""
    root = tmp_path_factory.mktemp("backend") / "logs"
    shutil.copytree(analysed_logdir, root)
    shutil.copytree(root / "agentA", root / WEIRD_RUN)
    return str(root)


@pytest.fixture(scope="module")
def client(logdir):
    return make_client(logdir)


@pytest.fixture(scope="module")
def manifest(logdir):
    with open(os.path.join(logdir, "agentA/plugins/rl_clarity/1000/manifest.json")) as f:
        return json.load(f)


def get_json(client, route, **params):
    r = client.get(url(route, **params))
    assert r.status_code == 200, r.data
    assert r.headers["Content-Type"].startswith("application/json")
    return json.loads(r.data)


def test_tab_is_listed_and_module_served(client):
    listing = json.loads(client.get("/data/plugins_listing").data)
    entry = listing["rl_clarity"]
    assert entry["enabled"] and entry["tab_name"] == "RL Clarity"
    assert entry["loading_mechanism"]["module_path"].endswith("/data/plugin/rl_clarity/index.js")
    r = client.get(url("index.js"))
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/javascript")
    assert b"render" in r.data


def test_runs_lists_complete_analyses_and_problems(client):
    body = get_json(client, "runs")
    runs = {r["run"]: r["steps"] for r in body["runs"]}
    assert runs == {"agentA": [1000, 2000], "nested/agentB": [1000], WEIRD_RUN: [1000, 2000]}
    problems = {(p["run"], p["step"]): p["message"] for p in body["problems"]}
    assert ("broken", 7) in problems and "no manifest.json" in problems[("broken", 7)]
    assert {("corrupt", 1000), ("corrupt", 2000)} <= set(problems)
    assert "corrupt manifest" in problems[("corrupt", 1000)]


def test_json_routes_match_the_store(client, logdir, manifest):
    assert get_json(client, "manifest", run="agentA", step=1000) == manifest
    sums = store.series(logdir, "agentA", 1000)  # read with TensorBoard's own loader
    assert sorted(sums) == sorted(schema.SERIES)
    for traj in range(manifest["probe_set"]["trajectories"]):
        series = get_json(client, "series", run="agentA", step=1000, traj=traj)
        for name in schema.SERIES:
            np.testing.assert_allclose(series[name], sums[name][traj], rtol=1e-6)
    # the second checkpoint has other values: the step is honoured
    other = get_json(client, "series", run="agentA", step=2000, traj=0)
    assert not np.allclose(other["values"], sums["values"][0])
    unit = get_json(client, "unit", run="agentA", step=1000, layer="2b", traj=1, output="v")
    with open(os.path.join(logdir, "agentA/plugins/rl_clarity/1000",
                           schema.attribution_unit_asset("2b", 1, "v"))) as f:
        assert unit == json.load(f)


@pytest.mark.parametrize("layer,output", [("2b", "v"), ("4a", "group1"), ("input", "logit3")])
def test_attribution_bytes(client, logdir, layer, output):
    reader = LogdirReader(logdir)
    maps, _ = reader.attribution("agentA", 1000, layer, 1, output)
    unit = store.unit_json(logdir, "agentA", 1000, layer, 1, output)
    params = dict(run="agentA", step=1000, layer=layer, traj=1, output=output)
    plain = client.get(url("attribution", **params))
    assert plain.status_code == 200 and plain.headers["Content-Type"] == "application/octet-stream"
    assert "max-age" in plain.headers["Cache-Control"]
    np.testing.assert_array_equal(store.decode_maps(plain.data, unit["shape"], unit["steps"]),
                                  maps)
    zipped = client.get(url("attribution", **params), headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.data) == plain.data


def test_images_are_the_stored_assets(client, logdir, manifest):
    step_dir = os.path.join(logdir, "agentA/plugins/rl_clarity/1000")
    H, W, _ = manifest["probe_set"]["observation_shape"]
    T = manifest["probe_set"]["steps"]
    cases = [("frames", {"traj": 1}, schema.frames_asset(1)),
             ("scrub", {"traj": 0}, schema.scrub_asset(0)),
             ("observations", {"sheet": 0}, schema.observation_sheet_asset(0)),
             ("thumbnails", {"layer": "2b"}, schema.thumbnails_asset("2b")),
             ("feature", {"layer": "4a", "feature": 2, "subdiv": "0.5", "expand": "4"},
              schema.feature_asset("4a", 2, 0.5, 4))]
    for route, params, rel in cases:
        r = client.get(url(route, run="agentA", step=1000, **params))
        assert r.status_code == 200, (route, r.data)
        assert r.headers["Content-Type"] == "image/webp"
        with open(os.path.join(step_dir, rel), "rb") as f:
            assert r.data == f.read()
    frames = Image.open(io.BytesIO(client.get(url("frames", run="agentA", step=1000,
                                                  traj=0)).data))
    cols = manifest["assets"]["frame_columns"]
    assert frames.size == (W * min(cols, T), H * -(-T // cols))


def test_feature_grid_matches_the_picture(client, logdir, manifest):
    layer = next(entry for entry in manifest["layers"] if entry["name"] == "2b")
    for s in manifest["features"]["subdiv_mults"]:
        params = dict(run="agentA", step=1000, layer="2b", feature=1, subdiv=f"{s:g}",
                      expand="2")
        grid = get_json(client, "feature_grid", **params)
        stored = LogdirReader(logdir).array(
            "agentA", 1000, schema.feature_grid_asset("2b", 1, s, 2), np.int32,
            (grid["rows"] * grid["cols"],))
        assert grid["indices"] == stored.tolist()
        assert 0 <= min(grid["indices"]) and max(grid["indices"]) < \
            manifest["probe_set"]["observations"]
        # the picture divides into rows x cols equal cells
        image = Image.open(io.BytesIO(client.get(url("feature", **params)).data))
        assert image.size[0] % grid["cols"] == 0 and image.size[1] % grid["rows"] == 0
        assert image.size[0] // grid["cols"] == image.size[1] // grid["rows"]
        assert grid["rows"] < layer["shape"][0] * 2 + 2


HOSTILE = [
    # (route, params, status, words in the message)
    ("frames", {"run": "../agentA", "step": 1000, "traj": 0}, 400, "logdir"),
    ("frames", {"run": "agentA/../../..", "step": 1000, "traj": 0}, 400, "logdir"),
    ("frames", {"run": "/etc", "step": 1000, "traj": 0}, 400, "logdir"),
    ("frames", {"run": "nope", "step": 1000, "traj": 0}, 404, "no RL Clarity analysis"),
    ("frames", {"run": "<script>alert(1)</script>", "step": 1000, "traj": 0}, 404, "analysis"),
    ("frames", {"run": "agentA", "step": 999, "traj": 0}, 404, "step 999"),
    ("frames", {"run": "agentA", "step": "1e3", "traj": 0}, 400, "integer"),
    ("frames", {"run": "agentA", "step": 1000, "traj": -1}, 400, "integer"),
    ("frames", {"run": "agentA", "step": 1000, "traj": 2}, 404, "traj 2"),
    ("frames", {"run": "agentA", "step": 1000, "traj": 10**30}, 400, "traj"),
    ("frames", {"run": "agentA", "step": 1000}, 400, "missing parameter 'traj'"),
    ("frames", {"run": "a" * 5000, "step": 1000, "traj": 0}, 400, "longer than"),
    ("unit", {"run": "agentA", "step": 1000, "traj": 0, "layer": "../../2b", "output": "v"},
     404, "layer"),
    ("unit", {"run": "agentA", "step": 1000, "traj": 0, "layer": "2b",
              "output": "v/../../../manifest"}, 404, "output"),
    ("attribution", {"run": "agentA", "step": 1000, "traj": 0, "layer": "2b",
                     "output": "logit99"}, 404, "output"),
    ("feature", {"run": "agentA", "step": 1000, "layer": "2b", "feature": 4, "subdiv": 1,
                 "expand": 2}, 404, "feature 4"),
    ("feature", {"run": "agentA", "step": 1000, "layer": "input", "feature": 0, "subdiv": 1,
                 "expand": 2}, 404, "feature 0"),
    ("feature", {"run": "agentA", "step": 1000, "layer": "2b", "feature": 0, "subdiv": "1e5",
                 "expand": 2}, 400, "number"),
    ("feature", {"run": "agentA", "step": 1000, "layer": "2b", "feature": 0, "subdiv": "0.3",
                 "expand": 2}, 404, "not analysed"),
    ("observations", {"run": "agentA", "step": 1000, "sheet": 1}, 404, "sheet 1"),
    ("manifest", {"run": "broken", "step": 7}, 404, "no manifest.json"),
    ("match", {"run": "agentA", "step": 1000, "run_b": "../agentA", "step_b": 1000,
               "layer": "2b"}, 400, "logdir"),
    ("match", {"run": "agentA", "step": 1000, "run_b": "agentA", "step_b": 3,
               "layer": "2b"}, 404, "step 3"),
    ("match", {"run": "agentA", "step": 1000, "layer": "2b"}, 400, "'run_b'"),
    ("match", {"run": "agentA", "step": 1000, "run_b": "agentA", "step_b": 2000,
               "layer": "../2b"}, 404, "neither"),
    ("manifest", {"run": "corrupt", "step": 1000}, 404, "corrupt manifest"),
]


@pytest.mark.parametrize("route,params,status,words", HOSTILE)
def test_hostile_requests(client, route, params, status, words):
    r = client.get(url(route, **params))
    assert r.status_code == status, r.data
    assert r.headers["Content-Type"].startswith("text/plain")
    assert words in r.data.decode()


def test_match_route_is_the_matching_of_the_store(client, logdir):
    from rlclarity_plugin.analysis import matching

    reader = LogdirReader(logdir)
    a = ("agentA", 1000)
    for b in (("agentA", 2000), ("nested/agentB", 1000)):
        got = get_json(client, "match", run="agentA", step=1000, run_b=b[0], step_b=b[1],
                       layer="2b")
        want = matching.match(
            reader.manifest(*a), reader.manifest(*b), "2b",
            load_maps_a=lambda t, o: reader.attribution(*a, "2b", t, o)[0],
            load_maps_b=lambda t, o, b=b: reader.attribution(*b, "2b", t, o)[0])
        assert got == json.loads(json.dumps(want))
        assert got["method"] == "attribution" and got["shared_probe_set"]
    # the input layer has no features: answered, with the reason
    got = get_json(client, "match", run="agentA", step=1000, run_b="agentA", step_b=2000,
                   layer="input")
    assert got["method"] is None and "no NMF features" in got["reason"]


def test_repeated_parameter_is_rejected(client):
    r = client.get(BASE + "frames?run=agentA&step=1000&traj=0&traj=1")
    assert r.status_code == 400 and b"2 times" in r.data


def test_hostile_run_name_is_served_as_data(client):
    body = client.get(url("runs")).data.decode()
    assert WEIRD_RUN.replace('"', '\\"') in body  # JSON-escaped, only as a string value
    r = client.get(url("frames", run=WEIRD_RUN, step=1000, traj=0))
    assert r.status_code == 200 and r.headers["Content-Type"] == "image/webp"


def test_a_broken_analysis_does_not_break_the_others(tmp_path, analysed_logdir):
    logdir = tmp_path / "logs"
    shutil.copytree(analysed_logdir, logdir)
    client = make_client(str(logdir))
    assert client.get(url("frames", run="agentA", step=2000, traj=0)).status_code == 200
    # an asset disappears and another is truncated (a disk problem, a half-copied logdir)
    step_dir = logdir / "agentA/plugins/rl_clarity/1000"
    os.remove(step_dir / schema.frames_asset(0))
    att = step_dir / schema.attribution_asset("2b", 0, "v")
    att.write_bytes(att.read_bytes()[:50])
    r = client.get(url("frames", run="agentA", step=1000, traj=0))
    assert r.status_code == 404 and b"missing" in r.data
    r = client.get(url("attribution", run="agentA", step=1000, layer="2b", traj=0, output="v"))
    assert r.status_code == 404 and b"corrupt" in r.data
    # the manifest of one step goes: that step becomes a problem, the rest keeps working
    os.remove(step_dir / schema.MANIFEST_FILE)
    body = json.loads(client.get(url("runs", refresh=1)).data)
    assert {r["run"]: r["steps"] for r in body["runs"]}["agentA"] == [2000]
    assert any(p["run"] == "agentA" and p["step"] == 1000 for p in body["problems"])
    for run, step in (("agentA", 2000), ("nested/agentB", 1000)):
        assert client.get(url("frames", run=run, step=step, traj=1)).status_code == 200


@pytest.mark.parametrize("load_fast", ["true", "false"])
def test_real_tensorboard_serves_the_routes(real_analysed_logdir, load_fast):
    with TensorBoardProcess(real_analysed_logdir, load_fast=load_fast) as tb:
        listing = tb.listing
        assert listing["rl_clarity"]["enabled"]
        status, headers, body = tb.get(url("index.js"))
        assert status == 200 and headers["Content-Type"].startswith("text/javascript")
        status, _, body = tb.get(url("runs"))
        runs = {r["run"]: r["steps"] for r in json.loads(body)["runs"]}
        assert runs["agentA"] == [1000, 2000] and runs["nested/agentB"] == [1000]
        status, _, body = tb.get(url("manifest", run="nested/agentB", step=1000))
        assert status == 200 and json.loads(body)["run"] == "nested/agentB"
        sums = store.series(real_analysed_logdir, "agentA", 2000)
        status, _, body = tb.get(url("series", run="agentA", step=2000, traj=1))
        np.testing.assert_allclose(json.loads(body)["advantages"], sums["advantages"][1],
                                   rtol=1e-6)
        maps, unit = store.stored_maps(real_analysed_logdir, "agentA", 2000, "2b", 0, "v")
        status, headers, body = tb.get(url("attribution", run="agentA", step=2000, layer="2b",
                                           traj=0, output="v"),
                                       headers={"Accept-Encoding": "gzip"})
        assert status == 200 and headers["Content-Encoding"] == "gzip"
        np.testing.assert_array_equal(store.decode_maps(gzip.decompress(body), unit["shape"],
                                                        unit["steps"]), maps)
        status, _, body = tb.get(url("frames", run="../../etc", step=1, traj=0))
        assert status == 400
        status, _, body = tb.get(url("manifest", run="corrupt", step=1000))
        assert status == 404 and b"corrupt" in body
        status, _, _ = tb.get(url("thumbnails", run="agentA", step=1000, layer="4a"))
        assert status == 200
