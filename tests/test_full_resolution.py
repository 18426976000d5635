"""Full-resolution frames (``--full-resolution``): procgen's 512x512 renderings stored beside the
64x64 model input, served lazily by the plugin, shown by the tab and the export."""

import base64
import glob
import io
import json
import os
import shutil
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

from rlclarity_plugin.envs.rollouts import ProbeSet
from rlclarity_plugin.store import schema
from rlclarity_plugin.store.reader import LogdirReader
from tests.conftest import UI_ANALYSIS_ARGS, run_analyze
from tests.support.browser import TB_FRAME, needs_chromium


@pytest.fixture(scope="module")
def full_logdir(real_analysed_logdir, tmp_path_factory):
    """agentA's first checkpoint analysed with --full-resolution (run ``hires``) next to a copy
    of the shared logdir (whose analyses have no full-resolution frames)."""
    root = tmp_path_factory.mktemp("fullres") / "logs"
    shutil.copytree(real_analysed_logdir, root)
    ckpt = os.path.join(os.path.dirname(real_analysed_logdir), "ckpt-1000")
    run_analyze(ckpt, "--logdir", str(root), "--run", "hires", "--step", "1000",
                *UI_ANALYSIS_ARGS, "--full-resolution")
    return str(root)


def decode(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))


def check_aligned(full_frames: list, observations: np.ndarray):
    """Each human-scale frame, box-downscaled to the model input's size, is closest to its own
    observation (not a neighbour's) and close to it."""
    H, W = observations.shape[1:3]
    small = np.stack([np.asarray(Image.fromarray(decode(b)).resize((W, H), Image.BOX),
                                 np.float32) for b in full_frames])
    obs = observations.astype(np.float32)
    dist = np.abs(small[:, None] - obs[None]).mean(axis=(2, 3, 4))
    own = np.diag(dist)
    assert np.median(own) < 8.0
    assert (own <= dist.min(axis=1) + 0.5).mean() >= 0.95  # ties: repeated frames
    # where the picture changes between neighbours, each frame is its own, not a neighbour's
    moved = [i for i in range(len(obs) - 1) if np.abs(obs[i] - obs[i + 1]).mean() > 4 * own[i]]
    assert all(dist[i, i] < dist[i, i + 1] and dist[i + 1, i + 1] < dist[i + 1, i]
               for i in moved)
    return len(moved)


def test_the_store_holds_aligned_human_scale_frames(full_logdir):
    reader = LogdirReader(full_logdir)
    manifest = reader.manifest("hires", 1000)
    assert manifest.full_resolution.shape == (512, 512, 3)
    assert reader.manifest("agentA", 1000).full_resolution is None
    probe = ProbeSet.load(glob.glob(f"{full_logdir}/hires/plugins/rl_clarity/probe_sets/*.npz")[0])
    E, T = probe.trajectories["observations"].shape[:2]
    moved = 0
    for e in range(E):
        data_rel, index_rel = schema.full_frames_asset("trajectory", e)
        data = reader.asset_bytes("hires", 1000, data_rel)
        offsets = json.loads(reader.asset_bytes("hires", 1000, index_rel))["offsets"]
        frames = [data[offsets[i]:offsets[i + 1]] for i in range(T)]
        assert frames == [probe.full["trajectories"].get(e * T + t) for t in range(T)]
        moved += check_aligned(frames, probe.trajectories["observations"][e])
    assert moved >= 5  # the check above had frames to tell apart
    data_rel, index_rel = schema.full_frames_asset("observations")
    data = reader.asset_bytes("hires", 1000, data_rel)
    offsets = json.loads(reader.asset_bytes("hires", 1000, index_rel))["offsets"]
    assert len(offsets) - 1 == len(probe.observations)
    check_aligned([data[offsets[i]:offsets[i + 1]] for i in range(0, len(offsets) - 1, 4)],
                  probe.observations[::4])
    # the probe set's content id ignores them: comparable with analyses without them
    assert manifest.probe_set.id != ""


def test_bad_requests_for_full_resolution(full_logdir, real_analysed_logdir, tmp_path):
    from rlclarity_plugin.envs import make_env

    with pytest.raises(ValueError, match="procgen only"):
        make_env("atari", "pong", 1, full_resolution=True)
    # a probe set without them cannot give them: refused before any work, clearly
    probe = glob.glob(f"{full_logdir}/agentA/plugins/rl_clarity/probe_sets/*.npz")[0]
    ckpt = os.path.join(os.path.dirname(real_analysed_logdir), "ckpt-1000")
    done = subprocess.run(
        [sys.executable, "-m", "rlclarity_plugin.cli", "analyze", ckpt, "--logdir",
         str(tmp_path), "--probe-set", probe, "--full-resolution", "--no-progress"],
        capture_output=True, text=True, timeout=300)
    assert done.returncode == 2 and "has no full-resolution frames" in done.stderr
    assert "Traceback" not in done.stderr


def test_plugin_serves_single_frames(full_logdir):
    from tests.test_plugin_backend import make_client, url

    client = make_client(full_logdir)
    reader = LogdirReader(full_logdir)
    data_rel, index_rel = schema.full_frames_asset("trajectory", 1)
    data = reader.asset_bytes("hires", 1000, data_rel)
    offsets = json.loads(reader.asset_bytes("hires", 1000, index_rel))["offsets"]
    r = client.get(url("fullres", run="hires", step=1000, traj=1, frame=7))
    assert r.status_code == 200 and r.headers["Content-Type"] == "image/webp"
    assert r.data == data[offsets[7]:offsets[8]]
    r = client.get(url("fullres", run="hires", step=1000, obs=3))
    assert r.status_code == 200 and decode(r.data).shape == (512, 512, 3)
    for params, status, words in [
        ({"run": "agentA", "step": 1000, "traj": 0, "frame": 0}, 404, "--full-resolution"),
        ({"run": "hires", "step": 1000, "traj": 0, "frame": 40}, 404, "frame 40"),
        ({"run": "hires", "step": 1000, "traj": 2, "frame": 0}, 404, "traj 2"),
        ({"run": "hires", "step": 1000, "obs": 32}, 404, "obs 32"),
        ({"run": "hires", "step": 1000, "obs": "-1"}, 400, "integer"),
        ({"run": "../hires", "step": 1000, "obs": 0}, 400, "logdir"),
    ]:
        r = client.get(url("fullres", **params))
        assert r.status_code == status and words in r.data.decode(), (params, r.data)




def canvas_state(frame, testid):
    return frame.locator(f'[data-testid="{testid}"]').evaluate(
        "c => [c.width, c.height, c.dataset.full]")


@needs_chromium
def test_tab_and_export_show_them(full_logdir, tmp_path, browser):
    from rlclarity_plugin.export import export_html
    from tests.support.tb import TensorBoardProcess

    out = tmp_path / "hires.html"
    page_size = export_html(full_logdir, "hires", 1000, str(out)).size
    without = export_html(full_logdir, "hires", 1000, None, full_resolution=False).size
    assert page_size > without  # the frames are in the page
    with TensorBoardProcess(full_logdir) as tb:
        page = browser.new_page(viewport={"width": 1600, "height": 1200})
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(tb.url + "#rl_clarity&p.rl_clarity.run=hires&p.rl_clarity.step=1000")
        frame = page.frame_locator(TB_FRAME)
        frame.locator("body[data-first-frame-ms]").wait_for(timeout=60000)
        for testid in ("obs-canvas", "attr-canvas-0-pos"):
            frame.locator(f'[data-testid="{testid}"][data-full="1"]').wait_for()
            assert canvas_state(frame, testid) == [512, 512, "1"]
        frame.locator('[data-testid="step-forward"]').click()
        frame.locator('[data-testid="frame-label"]:has-text("frame: 2")').wait_for()
        frame.locator('[data-testid="obs-canvas"][data-full="1"]').wait_for()
        # dataset examples cut from the full-resolution observations
        frame.locator('[data-testid="legend-1"]').click()
        frame.locator('[data-testid="patches-slider"]').fill("0")  # fewest patches
        img = frame.locator('[data-testid="popup-image"][data-full="1"]')
        img.wait_for(timeout=30000)
        src = img.get_attribute("src")
        got = np.asarray(Image.open(io.BytesIO(base64.b64decode(src.split(",", 1)[1]))))
        stored = np.asarray(Image.open(io.BytesIO(LogdirReader(full_logdir).asset_bytes(
            "hires", 1000, schema.feature_asset("2b", 1, 0.5, 4.0)))).convert("RGBA"))
        assert got.shape == (stored.shape[0] * 8, stored.shape[1] * 8, 4)
        small = got.reshape(stored.shape[0], 8, stored.shape[1], 8, 4).astype(float)
        small = small.mean(axis=(1, 3))
        assert np.abs(small[..., 3] - stored[..., 3]).max() <= 1  # the cells' alpha
        opaque = stored[..., 3] > 0
        assert np.abs(small[..., :3] - stored[..., :3])[opaque].mean() < 10
        note = frame.locator('[data-testid="popup-full-note"]').inner_text()
        assert "full-resolution" in note
        frame.locator('[data-testid="popup-close"]').click()
        frame.locator('[data-testid="toggle-hires"]').click()
        frame.locator('[data-testid="obs-canvas"][data-full="0"]').wait_for()
        assert canvas_state(frame, "obs-canvas") == [64, 64, "0"]
        # a run without them has no toggle and 64x64 cells
        frame.locator('[data-testid="run-select"]').select_option("agentA")
        frame.locator('[data-testid="toggle-hires"]').wait_for(state="detached")
        assert canvas_state(frame, "obs-canvas") == [64, 64, "0"]
        # the export, from file://
        page.goto(out.as_uri())
        page.locator('[data-testid="obs-canvas"][data-full="1"]').wait_for(timeout=60000)
        assert canvas_state(page.main_frame, "attr-canvas-0-pos")[:2] == [512, 512]
        assert errors == []
        page.close()
