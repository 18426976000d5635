"""Store contract v2: the codec's both directions, the typed versioned manifest, version errors
in every reader (plugin, export, reader), steps analysed out of order and steps up to 2**53."""

import json
import os
import shutil
import subprocess
import sys

import numpy as np
import pytest

from rlclarity_plugin.store import codec, schema
from rlclarity_plugin.store.reader import LogdirReader, StoreError, StoreVersionError
from tests.conftest import run_analyze
from tests.support import store
from tests.support.plugin import make_client, url
from tests.support.tb import TensorBoardProcess

FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures")
BIG_STEP = 2**53 - 1
TINY = ["--traj-envs", "1", "--traj-steps", "8", "--obs-envs", "2", "--obs-per-env", "8",
        "--obs-every", "2", "--layers", "4a", "--nmf-features", "2", "--subdiv-mults", "1",
        "--expand-mults", "2", "--no-progress"]


# -- codec ---------------------------------------------------------------------------------------

def test_maps_codec_round_trip_and_error_bound(rng):
    # sparse, heavy-tailed maps like attribution, with an all-zero and a tiny frame
    maps = (rng.standard_normal((6, 9, 7, 5)) ** 3 * (rng.random((6, 9, 7, 5)) < 0.4))
    maps[2] = 0
    maps[3] *= 1e-30
    maps = maps.astype(np.float32)
    body, steps = codec.encode_maps(maps)
    assert len(steps) == 6 and all(float(str(np.float32(s))) == s for s in steps)  # exact
    back = codec.decode_maps(body, maps.shape, steps)
    np.testing.assert_array_equal(back, store.decode_maps(body, maps.shape, steps))
    for t in range(6):
        norm = np.linalg.norm(maps[t].astype(np.float64))
        err = np.linalg.norm(back[t].astype(np.float64) - maps[t])
        assert err <= codec.MAPS_ERROR * norm * 1.0001 + 1e-45, (t, err, norm)
    assert not back[2].any()
    # the largest value fits: nothing clips
    assert np.abs(back).max() == pytest.approx(np.abs(maps).max(), rel=codec.MAPS_ERROR)
    # deterministic bytes
    assert codec.encode_maps(maps)[0] == body
    with pytest.raises(codec.CodecError, match="expected shape"):
        codec.decode_maps(body, (6, 9, 7, 4), steps)
    with pytest.raises(codec.CodecError, match="gzip"):
        codec.decode_maps(b"not gzip", maps.shape, steps)
    with pytest.raises(ValueError, match="NaN"):
        codec.encode_maps(np.full((1, 2, 2, 1), np.nan, np.float32))


def test_event_records_use_tensorflows_checksum(rng):
    from tensorboard.compat.tensorflow_stub.pywrap_tensorflow import masked_crc32c

    for n in (0, 1, 7, 1000):
        data = rng.integers(0, 256, n, dtype=np.uint8).tobytes()
        assert codec.masked_crc32c(data) == masked_crc32c(data)
    import io

    records = [b"", b"abc", bytes(range(256)) * 3]
    body = codec.encode_records(records)
    assert list(codec.decode_records(io.BytesIO(body))) == records
    assert list(codec.decode_records(io.BytesIO(body[:-3]))) == records[:2]  # truncated tail
    broken = bytearray(body)
    broken[30] ^= 1
    with pytest.raises(codec.CodecError, match="checksum"):
        list(codec.decode_records(io.BytesIO(bytes(broken))))


def test_sprite_sheets_round_trip(rng):
    frames = rng.integers(0, 256, (37, 5, 4, 3), dtype=np.uint8)
    sheet = codec.sprite_sheet(frames, 8)
    assert sheet.shape == (5 * 5, 8 * 4, 3)
    np.testing.assert_array_equal(codec.split_sprite_sheet(sheet, 37, (5, 4), 8), frames)
    picture = codec.encode_picture(sheet)
    assert picture[:4] == b"RIFF" and picture[8:12] == b"WEBP"
    np.testing.assert_array_equal(codec.decode_image(picture), sheet)  # lossless
    rgba = rng.integers(0, 256, (7, 9, 4), dtype=np.uint8)
    np.testing.assert_array_equal(codec.decode_image(codec.encode_picture(rgba), "RGBA"), rgba)
    assert codec.encode_picture(rgba) == codec.encode_picture(rgba.copy())  # deterministic


# -- the manifest ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def logdir(tmp_path_factory, clear_agent):
    """One tiny agent analysed at steps 512, 256 and 128 of run ``heist`` (in that order, one
    probe set), and at step 2**53 - 1 of run ``big``."""
    from rlclarity_plugin.agents.checkpoint import save_checkpoint

    root = tmp_path_factory.mktemp("contract")
    ckpt = save_checkpoint(clear_agent, str(root / "ckpt"))
    logdir = root / "logs"
    run_analyze(ckpt, "--logdir", str(logdir), "--run", "heist", "--step", "512", *TINY)
    probe = next((logdir / "heist" / "plugins" / "rl_clarity" / "probe_sets").glob("*.npz"))
    for step in (256, 128):
        run_analyze(ckpt, "--logdir", str(logdir), "--run", "heist", "--step", str(step),
                    "--probe-set", str(probe), *TINY)
    run_analyze(ckpt, "--logdir", str(logdir), "--run", "big", "--step", str(BIG_STEP),
                "--probe-set", str(probe), *TINY)
    return str(logdir)


def test_manifest_round_trips_and_checks_fields(logdir):
    path = os.path.join(logdir, "heist", "plugins", "rl_clarity", "256", "manifest.json")
    with open(path) as f:
        raw = json.load(f)
    m = schema.Manifest.from_json(raw)
    assert m.to_json() == raw and m.step == 256 and m.schema_version == 2
    assert m.with_digest().digest == m.digest
    assert m.event_file == schema.event_file_name(256, schema.inputs_digest(m.inputs))
    bad = {**raw, "probe_set": {**raw["probe_set"], "steps": "many"}}
    with pytest.raises(StoreError, match=r"manifest\.probe_set\.steps should be an integer"):
        schema.Manifest.from_json(bad, "x")
    missing = {k: v for k, v in raw.items() if k != "layers"}
    with pytest.raises(StoreError, match="lacks 'layers'"):
        schema.Manifest.from_json(missing, "x")
    hostile = {**raw, "feature_colors": ["red;background:url(x)"] * 2}
    with pytest.raises(StoreError, match="not #rrggbb"):
        schema.Manifest.from_json(hostile, "x")
    escape = {**raw, "event_file": "../../etc/passwd"}
    with pytest.raises(StoreError, match="not an analysis event file"):
        schema.Manifest.from_json(escape, "x")
    with pytest.raises(StoreError, match="not an rl-clarity manifest"):
        schema.Manifest.from_json([1, 2], "x")


def _future(logdir, run, step):
    path = os.path.join(logdir, run, "plugins", "rl_clarity", str(step), "manifest.json")
    with open(path) as f:
        raw = json.load(f)
    raw["schema_version"] = 3
    raw["rl_clarity_version"] = "9.0.0"
    with open(path, "w") as f:
        json.dump(raw, f)


@pytest.fixture(scope="module")
def versions_logdir(logdir, tmp_path_factory):
    """The contract logdir plus the v1 fixture (run ``old_agent``) and a run ``future`` whose
    manifest says store version 3."""
    root = tmp_path_factory.mktemp("versions") / "logs"
    shutil.copytree(logdir, root)
    shutil.copytree(os.path.join(FIXTURES, "store_v1", "old_agent"), root / "old_agent")
    shutil.copytree(root / "heist", root / "future")
    _future(str(root), "future", 256)
    return str(root)


def test_reader_refuses_other_versions_with_one_line(versions_logdir):
    reader = LogdirReader(versions_logdir)
    assert reader.steps("old_agent") == [300]
    with pytest.raises(StoreVersionError) as e:
        reader.manifest("old_agent", 300)
    text = str(e.value)
    assert "rl-clarity 0.1.0 (store version 1)" in text and "\n" not in text
    assert "rl-clarity analyze CHECKPOINT --logdir LOGDIR --run old_agent --step 300" in text
    with pytest.raises(StoreVersionError) as e:
        reader.manifest("future", 256)
    assert "rl-clarity 9.0.0 (store version 3)" in str(e.value) and "upgrade" in str(e.value)
    # the others are read as usual
    assert reader.manifest("future", 512).step == 512


def test_plugin_answers_other_versions_with_a_4xx_and_the_text(versions_logdir):
    client = make_client(versions_logdir)
    body = json.loads(client.get(url("runs")).data)
    runs = {r["run"]: r["steps"] for r in body["runs"]}
    assert runs["heist"] == [128, 256, 512] and runs["future"] == [128, 512]
    assert "old_agent" not in runs
    problems = {(p["run"], p["step"]): p["message"] for p in body["problems"]}
    assert "store version 1" in problems[("old_agent", 300)]
    assert "upgrade" in problems[("future", 256)]
    for run, step, words in (("old_agent", 300, "rl-clarity analyze CHECKPOINT"),
                             ("future", 256, "store version 3")):
        for route, extra in (("manifest", {}), ("series", {"traj": 0}),
                             ("frames", {"traj": 0})):
            r = client.get(url(route, run=run, step=step, **extra))
            assert r.status_code == 404, (route, r.data)
            assert r.headers["Content-Type"].startswith("text/plain")
            assert words in r.data.decode()
    assert client.get(url("manifest", run="future", step=512)).status_code == 200


def test_export_refuses_other_versions_clearly(versions_logdir, tmp_path):
    for run, step, words in (("old_agent", 300, "store version 1"),
                             ("future", 256, "upgrade")):
        out = subprocess.run([sys.executable, "-m", "rlclarity_plugin.cli", "export",
                              "--logdir", versions_logdir, "--run", run, "--step", str(step),
                              "-o", str(tmp_path / "page.html")],
                             capture_output=True, text=True, timeout=300)
        assert out.returncode == 2 and words in out.stderr, out.stderr
        assert "Traceback" not in out.stderr
        assert len(out.stderr.strip().splitlines()) == 1
        assert not (tmp_path / "page.html").exists()


# -- steps --------------------------------------------------------------------------------------

@pytest.mark.parametrize("load_fast", ["true", "false"])
def test_steps_analysed_out_of_order_are_all_listed(logdir, load_fast):
    """512, then 256, then 128 of one run: TensorBoard's Rust data server drops the records of
    a time series at or above a step that arrives later; every step stays listed and served."""
    with TensorBoardProcess(logdir, load_fast=load_fast) as tb:
        assert tb.listing["rl_clarity"]["enabled"]
        status, _, body = tb.get(url("runs"))
        runs = {r["run"]: r["steps"] for r in json.loads(body)["runs"]}
        assert runs["heist"] == [128, 256, 512] and runs["big"] == [BIG_STEP]
        for step in (128, 256, 512):
            status, _, body = tb.get(url("series", run="heist", step=step, traj=0))
            assert status == 200
            np.testing.assert_allclose(json.loads(body)["values"],
                                       store.series(logdir, "heist", step)["values"][0],
                                       rtol=1e-6)
            status, _, body = tb.get(url("manifest", run="heist", step=step))
            assert status == 200 and json.loads(body)["step"] == step


def test_every_route_serves_a_step_beyond_2_to_the_31(logdir):
    client = make_client(logdir)
    body = json.loads(client.get(url("runs")).data)
    assert {r["run"]: r["steps"] for r in body["runs"]}["big"] == [BIG_STEP]
    s = dict(run="big", step=BIG_STEP)
    m = json.loads(client.get(url("manifest", **s)).data)
    assert m["step"] == BIG_STEP
    for route, params in (("series", {"traj": 0}), ("frames", {"traj": 0}),
                          ("scrub", {"traj": 0}), ("observations", {"sheet": 0}),
                          ("unit", {"layer": "4a", "traj": 0, "output": "v"}),
                          ("attribution", {"layer": "4a", "traj": 0, "output": "v"}),
                          ("thumbnails", {"layer": "4a"}),
                          ("feature", {"layer": "4a", "feature": 1, "subdiv": 1, "expand": 2}),
                          ("feature_grid", {"layer": "4a", "feature": 1, "subdiv": 1,
                                            "expand": 2}),
                          ("match", {"run_b": "heist", "step_b": 512, "layer": "4a"})):
        r = client.get(url(route, **s, **params))
        assert r.status_code == 200, (route, r.data)
    r = client.get(url("manifest", run="big", step=2**53))
    assert r.status_code == 400 and b"out of range" in r.data


def test_the_job_and_the_hooks_refuse_to_overwrite_a_newer_store(logdir, tmp_path,
                                                                 clear_agent):
    """An analysis of a newer store version at the step being analysed: the job refuses before
    writing anything (one line), and the MLflow hook reports that failure without raising."""
    from rlclarity_plugin.agents.checkpoint import save_checkpoint

    root = tmp_path / "logs"
    shutil.copytree(os.path.join(logdir, "heist"), root / "heist")
    _future(str(root), "heist", 512)
    ckpt = save_checkpoint(clear_agent, str(tmp_path / "ckpt"))
    before = sorted(os.walk(root))
    out = subprocess.run([sys.executable, "-m", "rlclarity_plugin.cli", "analyze", ckpt,
                          "--logdir", str(root), "--run", "heist", "--step", "512", *TINY],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "newer rl-clarity (9.0.0, store version 3)" in out.stderr and "upgrade" in out.stderr
    assert sorted(os.walk(root)) == before

    pytest.importorskip("mlflow")
    from mlflow_hooks import CheckpointAnalyzer

    hook = CheckpointAnalyzer(str(root), "heist", analyze_args=TINY, export=False,
                              priority="nice")
    hook.probe_set = next((root / "heist" / "plugins" / "rl_clarity" / "probe_sets")
                          .glob("*.npz")).as_posix()
    assert hook.submit(ckpt, 512)
    report = hook.close(timeout=600)
    assert report.analysed == [] and len(report.failures) == 1
    step, stage, message = report.failures[0]
    assert (step, stage) == (512, "analysis") and "store version 3" in message
    assert sorted(os.walk(root)) == before
