"""An Atari agent with the default settings (4 stacked greyscale frames) analysed end to end:
trained for real by ``rl-clarity train``, analysed with the input layer and ``c2``, its
pictures made from the newest frame of each stack, served by the plugin and exported; the
exported page draws its attribution in Chromium."""

import glob
import io
import os
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

from tests.support.browser import needs_chromium

pytest.importorskip("ale_py")

from rlclarity_plugin.envs.rollouts import ProbeSet
from rlclarity_plugin.store import schema
from rlclarity_plugin.store.reader import LogdirReader
from tests.conftest import run_analyze


@pytest.fixture(scope="module")
def logdir(tmp_path_factory):
    root = tmp_path_factory.mktemp("atari")
    done = subprocess.run([sys.executable, "-m", "rlclarity_plugin.cli", "train", "--logdir",
                           str(root / "pong"), "--env-kind", "atari", "--env", "pong", "--arch",
                           "nature", "--timesteps", "256", "--num-envs", "4", "--num-steps",
                           "32", "--save-interval", "2", "--no-progress"],
                          capture_output=True, text=True, timeout=600,
                          env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"})
    assert done.returncode == 0, done.stderr[-3000:]
    ckpt = sorted(glob.glob(str(root / "pong" / "checkpoints" / "ckpt-*")))[-1]
    logs = root / "logs"
    run_analyze(ckpt, "--logdir", str(logs), "--run", "pong", "--traj-envs", "2",
                "--traj-steps", "24", "--obs-envs", "2", "--obs-per-env", "8", "--obs-every",
                "3", "--layers", "c2", "--include-input", "--nmf-features", "4",
                "--subdiv-mults", "1", "--expand-mults", "2", "--no-progress")
    return str(logs)


def test_pictures_are_the_newest_frame_of_each_stack(logdir):
    reader = LogdirReader(logdir)
    step = reader.steps("pong")[0]
    m = reader.manifest("pong", step)
    assert m.probe_set.observation_shape == (84, 84, 4)  # the default frame stack
    assert m.probe_set.display == "last_channel_grey"
    probe = ProbeSet.load(os.path.join(logdir, "pong", m.probe_set.path))
    sheet = np.asarray(Image.open(io.BytesIO(reader.asset_bytes(
        "pong", step, schema.frames_asset(1)))))
    assert sheet.ndim == 3 and sheet.shape[-1] == 3
    for t in (0, 5, 23):
        r, c = divmod(t, m.assets.frame_columns)
        pic = sheet[r * 84:(r + 1) * 84, c * 84:(c + 1) * 84]
        newest = probe.trajectories["observations"][1, t, :, :, -1]
        for ch in range(3):
            np.testing.assert_array_equal(pic[..., ch], newest)
    sheet = np.asarray(Image.open(io.BytesIO(reader.asset_bytes(
        "pong", step, schema.observation_sheet_asset(0)))))
    np.testing.assert_array_equal(sheet[:84, 84:168, 1], probe.observations[1, :, :, -1])
    # the input layer: one gradient map per stacked frame, each named and coloured
    layer = m.layer("input")
    assert layer.shape == (84, 84, 4) and len(layer.channels) == 4
    assert layer.channels[-1].label == "frame t (newest)"
    maps, unit = reader.attribution("pong", step, "input", 0, "v")
    assert maps.shape == (24, 84, 84, 4) and unit.totals is None
    for k in range(m.layer("c2").features):
        for rel in (schema.feature_asset("c2", k, 1, 2), schema.thumbnails_asset("c2")):
            image = Image.open(io.BytesIO(reader.asset_bytes("pong", step, rel)))
            assert image.mode == "RGBA"


@pytest.fixture(scope="module")
def exported(logdir, tmp_path_factory):
    out = tmp_path_factory.mktemp("page") / "pong.html"
    done = subprocess.run([sys.executable, "-m", "rlclarity_plugin.cli", "export", "--logdir",
                           logdir, "--run", "pong", "-o", str(out)], capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return out


def test_the_tab_routes(logdir):
    from tests.support.plugin import make_client, url

    reader = LogdirReader(logdir)
    step = reader.steps("pong")[0]
    client = make_client(logdir)
    s = dict(run="pong", step=step)
    for route, params in (("manifest", {}), ("series", {"traj": 1}), ("frames", {"traj": 1}),
                          ("thumbnails", {"layer": "c2"}),
                          ("unit", {"layer": "input", "traj": 0, "output": "v"}),
                          ("attribution", {"layer": "c2", "traj": 0, "output": "v"}),
                          ("feature", {"layer": "c2", "feature": 0, "subdiv": 1, "expand": 2}),
                          ("feature_grid", {"layer": "c2", "feature": 0, "subdiv": 1,
                                            "expand": 2})):
        r = client.get(url(route, **s, **params))
        assert r.status_code == 200, (route, r.data)


@needs_chromium
def test_the_export_draws_the_stacked_input(exported, browser):
    page = browser.new_page(viewport={"width": 1600, "height": 1200})
    problems = []
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(exported.as_uri() + "#layer=input")
    page.locator("body[data-first-frame-ms]").wait_for(timeout=60000)
    legend = page.locator('[data-testid="input-channels"]')
    assert legend.inner_text().count("frame t") == 4
    data = page.locator('[data-testid="attr-canvas-0-pos"]').evaluate(
        "c => Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data)")
    rgba = np.asarray(data).reshape(84, 84, 4)
    assert (rgba[..., :3].max(-1) - rgba[..., :3].min(-1) > 40).sum() > 20  # coloured
    assert problems == []
    page.close()
