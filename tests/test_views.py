"""The views (``rlclarity_plugin/views.py``) on analyses read through ``LogdirReader``, against
independent decoding of the files (``tests/support/store.py``: written from the format's
description, not with the product's codec); and the feature-picture geometry as properties:
``feature_picture_alpha`` inverts ``compose_feature_picture``, and every picture
``feature_grid`` makes is recomposed exactly from ``feature_layout``."""

import gzip
import io
import json
import os

import numpy as np
import pytest
from PIL import Image

from rlclarity_plugin import views
from rlclarity_plugin.analysis import features as F
from rlclarity_plugin.analysis import matching
from rlclarity_plugin.store import schema
from rlclarity_plugin.store.analysis import CorruptPartError, NotAnalysedError
from rlclarity_plugin.store.reader import LogdirReader
from tests.support import store

HIRES_ARGS = ["--traj-envs", "1", "--traj-steps", "6", "--obs-envs", "2", "--obs-per-env", "8",
              "--obs-every", "2", "--nmf-features", "2", "--subdiv-mults", "1",
              "--expand-mults", "2", "--full-resolution", "--no-progress", "--seed", "5"]


@pytest.fixture(scope="module")
def reader(analysed_logdir):
    return LogdirReader(analysed_logdir)


@pytest.fixture(scope="module")
def a(reader):
    return reader.analysis("agentA", 1000)


@pytest.fixture(scope="module")
def hires(tmp_path_factory):
    """A synthetic analysis with human-scale frames (``--full-resolution``)."""
    from tests.support.synthetic import analysis_config, write_analysis

    logdir = str(tmp_path_factory.mktemp("views_hires") / "logs")
    write_analysis(logdir, "hires", 1000, analysis_config(*HIRES_ARGS))
    return LogdirReader(logdir).analysis("hires", 1000)


def asset(logdir, run, step, rel) -> bytes:
    with open(os.path.join(logdir, run, "plugins", "rl_clarity", str(step), rel), "rb") as f:
        return f.read()


def test_runs_and_manifest(reader, a, analysed_logdir):
    found, problems = reader.list_analyses()
    body = views.runs(found, problems)
    assert {r["run"]: r["steps"] for r in body["runs"]} == {
        "agentA": [1000, 2000], "nested/agentB": [1000]}
    assert [r["run"] for r in body["runs"]] == sorted(r["run"] for r in body["runs"])
    assert {(p["run"], p["step"]) for p in body["problems"]} == {
        ("broken", 7), ("corrupt", 1000), ("corrupt", 2000)}
    assert views.manifest(a) == json.loads(asset(analysed_logdir, "agentA", 1000,
                                                 schema.MANIFEST_FILE))


def test_series_are_the_event_files(a, analysed_logdir):
    sums = store.series(analysed_logdir, "agentA", 1000)  # TensorBoard's own loader
    for traj in range(a.trajectories):
        got = views.series(a, traj)
        assert sorted(got) == sorted(schema.SERIES)
        for name in schema.SERIES:
            np.testing.assert_allclose(got[name], sums[name][traj], rtol=1e-6)
        assert all(isinstance(x, int) for x in got["actions"])
        assert json.loads(json.dumps(got)) == got


@pytest.mark.parametrize("layer,output", [("2b", "v"), ("4a", "group1"), ("input", "logit3")])
def test_unit_and_attribution(a, analysed_logdir, layer, output):
    stored = store.unit_json(analysed_logdir, "agentA", 1000, layer, 1, output)
    unit = views.unit(a, layer, 1, output)
    assert unit == stored
    body, mime = views.attribution(a, layer, 1, output)
    rel = schema.attribution_asset(layer, 1, output)
    assert body == asset(analysed_logdir, "agentA", 1000, rel) and mime == views.GZIP
    independent = store.decode_maps(gzip.decompress(body), stored["shape"], stored["steps"])
    np.testing.assert_array_equal(a.maps(layer, 1, output), independent)


def test_pictures_are_the_stored_files(a, analysed_logdir):
    cases = [(views.frames(a, 1), schema.frames_asset(1)),
             (views.scrub(a, 0), schema.scrub_asset(0)),
             (views.observations(a, 0), schema.observation_sheet_asset(0)),
             (views.thumbnails(a, "4a"), schema.thumbnails_asset("4a")),
             (views.feature(a, "2b", 3, 0.5, 4), schema.feature_asset("2b", 3, 0.5, 4))]
    for (body, mime), rel in cases:
        assert mime == "image/webp"
        assert body == asset(analysed_logdir, "agentA", 1000, rel), rel
    # the decoded frames are the sprite sheet cut independently
    sheet = np.asarray(Image.open(io.BytesIO(views.frames(a, 1)[0])).convert("RGB"))
    H, W = a.manifest.probe_set.observation_shape[:2]
    cols = a.manifest.assets.frame_columns
    for t in (0, 5, a.steps - 1):
        np.testing.assert_array_equal(a.frames(1)[t], sheet[(t // cols) * H:(t // cols + 1) * H,
                                                            (t % cols) * W:(t % cols + 1) * W])


@pytest.mark.parametrize("subdiv,expand", [(0.5, 2), (0.5, 4), (1, 2), (1, 4)])
def test_feature_grid_recomposes_the_stored_picture(a, analysed_logdir, subdiv, expand):
    grid = views.feature_grid(a, "2b", 1, subdiv, expand)
    rows, cols = grid["rows"], grid["cols"]
    raw = gzip.decompress(asset(analysed_logdir, "agentA", 1000,
                                schema.feature_grid_asset("2b", 1, subdiv, expand)))
    assert grid["indices"] == np.frombuffer(raw, "<i4").tolist()
    assert len(grid["indices"]) == rows * cols
    assert (rows, cols) == schema.feature_grid_shape(32, 32, subdiv)
    layout = {k: np.asarray(v) if isinstance(v, list) else v for k, v in grid["layout"].items()}
    picture = np.asarray(Image.open(io.BytesIO(views.feature(a, "2b", 1, subdiv, expand)[0])))
    alpha = F.feature_picture_alpha(picture, layout, grid["indices"], a.observation_pictures())
    assert alpha is not None  # the picture is exactly its cells, drawn from the layout
    np.testing.assert_array_equal(
        F.compose_feature_picture(layout, grid["indices"], alpha, a.observation_pictures()),
        picture)


def test_match_is_the_matching_of_independent_maps(reader, a, analysed_logdir):
    for run, step in (("agentA", 2000), ("nested/agentB", 1000)):
        b = reader.analysis(run, step)
        got = views.match(a, b, "2b")

        def maps(r, s):
            return lambda t, o: store.stored_maps(analysed_logdir, r, s, "2b", t, o)[0]

        want = matching.match(a.manifest, b.manifest, "2b", load_maps_a=maps("agentA", 1000),
                              load_maps_b=maps(run, step))
        assert got == want and got["method"] == "attribution"
    same = views.match(a, reader.analysis("nested/agentB", 1000), "2b")
    assert [p[:2] for p in same["pairs"]] == [[k, k] for k in range(4)]  # the same maps
    with pytest.raises(NotAnalysedError, match="analysed in neither"):
        views.match(a, a, "nope")


def test_full_frames_are_the_indexed_byte_ranges(hires):
    for kind, count, call in (("trajectory", hires.steps,
                               lambda i: views.full_frame(hires, traj=0, frame=i)),
                              ("observations", hires.observations,
                               lambda i: views.full_frame(hires, obs=i))):
        data_rel, index_rel = schema.full_frames_asset(kind, 0)
        base = hires.step_dir
        with open(f"{base}/{index_rel}") as f:
            offsets = json.load(f)["offsets"]
        with open(f"{base}/{data_rel}", "rb") as f:
            data = f.read()
        assert len(offsets) == count + 1
        for i in (0, count - 1):
            body, mime = call(i)
            assert mime == "image/webp" and body == data[offsets[i]:offsets[i + 1]]
            H, W, _ = hires.manifest.full_resolution.shape
            assert Image.open(io.BytesIO(body)).size == (W, H)
    with pytest.raises(NotAnalysedError, match="frame 6 does not exist"):
        views.full_frame(hires, traj=0, frame=6)


def test_evolution(reader, a):
    chain = [reader.analysis("agentA", 1000), reader.analysis("agentA", 2000)]
    got = views.evolution(chain, a, "2b", 0, "v")
    assert [e["step"] for e in got["analyses"]] == [1000, 2000]
    assert got["analyses"][0]["match"] is None
    assert got["analyses"][1]["match"] == views.match(a, chain[1], "2b")
    totals = np.abs(np.asarray(a.unit("2b", 0, "v").totals)).mean(0)
    np.testing.assert_allclose(got["analyses"][0]["totals"], totals)


def test_names_the_analysis_lacks_are_not_analysed_errors(a):
    for call, words in ((lambda: views.series(a, 2), "traj 2 does not exist"),
                        (lambda: views.unit(a, "zz", 0, "v"), "layer 'zz' was not analysed"),
                        (lambda: views.unit(a, "2b", 0, "logit99"), "output 'logit99'"),
                        (lambda: views.feature(a, "2b", 4, 1, 2), "feature 4 does not exist"),
                        (lambda: views.feature(a, "input", 0, 1, 2), "feature 0"),
                        (lambda: views.feature(a, "2b", 0, 0.3, 2), "subdiv 0.3 was not"),
                        (lambda: views.observations(a, 1), "sheet 1 does not exist"),
                        (lambda: views.thumbnails(a, "input"), "no NMF features"),
                        (lambda: views.full_frame(a, traj=0, frame=0), "full-resolution")):
        with pytest.raises(NotAnalysedError, match=words) as e:
            call()
        assert str(e.value).startswith("run 'agentA' step 1000: ")
        assert not isinstance(e.value, CorruptPartError)


def test_route_keys():
    assert views.route_key("feature", {"run": "a/b", "step": 1, "subdiv": views.number(0.5),
                                       "v": "abc"}) == "feature?run=a%2Fb&step=1&subdiv=0.5"
    assert views.number(1.0) == "1" and views.number(0.25) == "0.25"


# -- the feature-picture geometry as properties ---------------------------------------------------

def random_layout(rng):
    h, w = (int(x) for x in rng.integers(1, 12, 2))
    obs_hw = (int(h * rng.integers(1, 6)), int(w * rng.integers(1, 6)))
    subdiv = float(rng.choice([0.25, 0.5, 1, 2]))
    expand = float(rng.choice([1, 2, 4, 8]))
    return (h, w), obs_hw, subdiv, expand


def test_picture_alpha_inverts_compose_for_random_layouts():
    rng = np.random.default_rng(11)
    for _ in range(60):
        layer_hw, obs_hw, subdiv, expand = random_layout(rng)
        layout = F.feature_layout(layer_hw, obs_hw, subdiv, expand)
        R, C = len(layout["rows_lo"]), len(layout["cols_lo"])
        N = int(rng.integers(1, 9))
        obs = rng.integers(0, 256, (N, *obs_hw, 3), dtype=np.uint8)
        grid = rng.integers(0, N, R * C)
        alpha = rng.integers(0, 256, R * C).astype(np.uint8)
        picture = F.compose_feature_picture(layout, grid, alpha, obs)
        assert picture.dtype == np.uint8 and picture.shape[2] == 4
        visible = np.outer(layout["rows_hi"] > layout["rows_lo"],
                           layout["cols_hi"] > layout["cols_lo"]).reshape(-1)
        back = F.feature_picture_alpha(picture, layout, grid, obs)
        assert back is not None, (layer_hw, obs_hw, subdiv, expand)
        np.testing.assert_array_equal(back[visible], alpha[visible])
        # another grid or other observations do not compose to this picture
        if N > 1 and visible.any() and np.ptp(obs) > 0:
            other = obs[::-1].copy() if N > 1 else obs
            if not np.array_equal(F.compose_feature_picture(layout, grid, alpha, other),
                                  picture):
                assert F.feature_picture_alpha(picture, layout, grid, other) is None


@pytest.mark.parametrize("subdiv", [0.25, 0.5, 1, 2])
@pytest.mark.parametrize("expand", [1, 2, 4])
def test_feature_grid_pictures_recompose_from_the_layout(subdiv, expand):
    rng = np.random.default_rng([int(subdiv * 4), expand])
    for _ in range(3):
        lowest = 8 if subdiv < 1 else 2  # a coarser grid than the layer needs a few cells
        h, w = (int(x) for x in rng.integers(lowest, lowest + 8, 2))
        scale = int(rng.integers(2, 5))
        N = int(rng.integers(4, 20))
        obs = rng.integers(0, 256, (N, h * scale, w * scale, 3), dtype=np.uint8)
        acts = np.maximum(rng.normal(size=(N, h, w)), 0).astype(np.float32)
        picture, grid = F.feature_grid(acts, obs, subdiv, expand)
        layout = F.feature_layout((h, w), obs.shape[1:3], subdiv, expand)
        assert grid.shape == (len(layout["rows_lo"]), len(layout["cols_lo"]))
        assert grid.shape == schema.feature_grid_shape(h, w, subdiv)
        alpha = F.feature_picture_alpha(picture, layout, grid.reshape(-1), obs)
        assert alpha is not None, (h, w, scale, subdiv, expand)
        np.testing.assert_array_equal(F.compose_feature_picture(layout, grid, alpha, obs),
                                      picture)
