"""Remote logdirs: the analysis job, the TensorBoard tab and the export on ``s3://``.

A real S3-compatible server (moto's, from PyPI) is started on 127.0.0.1 by the tests; every
component talks to it over HTTP through its own client (s3fs for the store, boto3 inside
TensorBoard, boto3 here for the checks). The bucket keeps object versions, so the tests see
every object ever written, temporary names included.
"""

import json
import os
import signal
import subprocess
import sys
import time

import numpy as np
import pytest

from rlclarity_plugin.store import schema
from tests.conftest import UI_ANALYSIS_ARGS, run_analyze
from tests.support.browser import TB_FRAME, needs_chromium
from tests.support.s3 import MotoServer
from tests.support.tb import TensorBoardProcess, free_port

boto3 = pytest.importorskip("boto3")
pytest.importorskip("s3fs")
pytest.importorskip("moto")

BUCKET = "rlc-test"
# the UI tests' sizes, one layer and the value output only (4 analyses here)
ARGS = [a for a in UI_ANALYSIS_ARGS if a not in ("4a", "--include-input", "--attr-policy")]


@pytest.fixture(scope="module")
def s3(tmp_path_factory):
    """A moto S3 server on 127.0.0.1, the environment pointing every client at it, and a
    boto3 client; the bucket keeps object versions."""
    server = MotoServer(str(tmp_path_factory.mktemp("moto") / "server.log"))
    saved = {k: os.environ.get(k) for k in server.env}
    os.environ.update(server.env)
    client = server.client()
    client.create_bucket(Bucket=BUCKET)
    client.put_bucket_versioning(Bucket=BUCKET, VersioningConfiguration={"Status": "Enabled"})
    yield client
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v
    server.close()


@pytest.fixture(scope="module")
def logdirs(s3, clear_agent, tmp_path_factory):
    """The same two analyses written to ``s3://BUCKET/logs`` and to a local logdir:
    ``agentA`` at step 1000 (its probe set stored in the run, in S3) and at step 2000 on that
    probe set, read back from S3."""
    from rlclarity_plugin.agents.checkpoint import save_checkpoint

    root = tmp_path_factory.mktemp("remote")
    ckpt = save_checkpoint(clear_agent, str(root / "ckpt"))
    local = root / "logs"
    remote = f"s3://{BUCKET}/logs"
    for logdir in (remote, str(local)):
        run_analyze(ckpt, "--logdir", logdir, "--run", "agentA", "--step", "1000",
                    *ARGS)
    keys = [o["Key"] for o in s3.list_objects_v2(Bucket=BUCKET, Prefix="logs/agentA/plugins/"
                                                 "rl_clarity/probe_sets/")["Contents"]]
    assert len(keys) == 1 and keys[0].endswith(".npz")
    probe = f"s3://{BUCKET}/{keys[0]}"
    for logdir in (remote, str(local)):
        run_analyze(ckpt, "--logdir", logdir, "--run", "agentA", "--step", "2000",
                    "--probe-set", probe, *ARGS)
    return remote, str(local), ckpt


def _objects(s3, prefix):
    out = {}
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix=prefix):
        for o in page.get("Contents", []):
            out[o["Key"]] = o
    return out


def test_the_store_in_s3_is_byte_identical_to_the_local_one(s3, logdirs):
    from rlclarity_plugin.store.reader import LogdirReader

    remote, local, _ = logdirs
    for step in (1000, 2000):
        prefix = f"logs/agentA/plugins/rl_clarity/{step}/"
        objects = _objects(s3, prefix)
        local_dir = os.path.join(local, "agentA", "plugins", "rl_clarity", str(step))
        local_files = {os.path.relpath(os.path.join(d, f), local_dir).replace(os.sep, "/")
                       for d, _, names in os.walk(local_dir) for f in names}
        assert {k[len(prefix):] for k in objects} == local_files
        for key in objects:
            body = s3.get_object(Bucket=BUCKET, Key=key)["Body"].read()
            with open(os.path.join(local_dir, key[len(prefix):]), "rb") as f:
                assert body == f.read(), key
    a, b = LogdirReader(remote), LogdirReader(local)
    assert a.runs() == b.runs() == ["agentA"]
    assert a.steps("agentA") == b.steps("agentA") == [1000, 2000]
    for step in (1000, 2000):
        assert a.manifest("agentA", step) == b.manifest("agentA", step)
        sa, sb = a.series("agentA", step), b.series("agentA", step)
        assert sorted(sa) == sorted(sb) == sorted(schema.SERIES)
        for name in sa:
            np.testing.assert_array_equal(sa[name], sb[name])
    # the second step read its probe set back from S3: same observations in both stores
    assert a.manifest("agentA", 2000).probe_set.id == b.manifest("agentA", 1000).probe_set.id


def test_every_object_is_published_by_rename_and_the_manifest_last(s3, logdirs):
    """Object versions show the history: each final object was first written whole under a
    temporary name in its folder and then renamed (copied, the temporary deleted); no
    temporary is left; ``manifest.json`` appears after every asset of its analysis; the event
    file too is published whole."""
    versions, markers = [], []
    for page in s3.get_paginator("list_object_versions").paginate(Bucket=BUCKET,
                                                                   Prefix="logs/agentA/"):
        versions += page.get("Versions", [])
        markers += page.get("DeleteMarkers", [])
    live = {v["Key"]: v for v in versions if v["IsLatest"]}
    deleted = {m["Key"] for m in markers if m["IsLatest"]}
    temporaries = {v["Key"] for v in versions if ".tmp-" in v["Key"]}
    assert temporaries and temporaries <= deleted       # all written, all gone
    assert not any(".tmp-" in k for k in live)
    for key in live:
        folder, name = key.rsplit("/", 1)
        tmp = [t for t in temporaries if t.startswith(f"{folder}/.{name[:40]}".replace(
            "tfevents", "tfev") + ".tmp-")]
        assert tmp, f"{key} was not written under a temporary name first"
    events = [k for k in live if "/events.out.tfevents." in k]
    assert len(events) == 2 and all(k.endswith(".rl_clarity") for k in events)
    assert not any("tfevents" in t for t in temporaries)  # TensorBoard never reads a temporary
    for step in (1000, 2000):
        prefix = f"logs/agentA/plugins/rl_clarity/{step}/"
        mine = {k: v for k, v in live.items() if k.startswith(prefix)}
        manifest = mine.pop(prefix + "manifest.json")
        assert mine and all(v["LastModified"] <= manifest["LastModified"] for v in mine.values())


def test_a_killed_job_on_s3_stays_invisible_and_resumes(s3, logdirs):
    from rlclarity_plugin.store.reader import LogdirReader

    remote, _, ckpt = logdirs
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    args = [sys.executable, "-m", "rlclarity_plugin.cli", "analyze", ckpt, "--logdir", remote,
            "--run", "killed", "--step", "5", *ARGS]
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    prefix = "logs/killed/plugins/rl_clarity/5/attribution/"
    try:
        deadline = time.time() + 300
        while not _objects(s3, prefix):
            assert proc.poll() is None, "the job ended before it could be killed"
            assert time.time() < deadline
            time.sleep(0.05)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert "logs/killed/plugins/rl_clarity/5/manifest.json" not in _objects(s3, "logs/killed/")
    reader = LogdirReader(remote)
    assert reader.steps("killed") == []
    assert reader.runs() == ["agentA"]
    written = set(_objects(s3, prefix))
    run_analyze(ckpt, "--logdir", remote, "--run", "killed", "--step", "5", *ARGS)
    assert reader.steps("killed") == [5]
    assert written <= set(_objects(s3, prefix))
    assert reader.runs() == ["agentA", "killed"]


def _tab_pixels(page, tb, step):
    page.goto(tb.url + f"#rl_clarity&p.rl_clarity.run=agentA&p.rl_clarity.step={step}"
              "&p.rl_clarity.layer=2b")
    frame = page.frame_locator(TB_FRAME)
    frame.locator("body[data-first-frame-ms]").wait_for(timeout=90000)
    frame.locator('[data-testid="frame-label"]:has-text("frame: 1")').wait_for()
    return [frame.locator(f'[data-testid="{name}"]').evaluate(
        "c => Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data)")
        for name in ("obs-canvas", "attr-canvas-0-pos")]


@needs_chromium
def test_tensorboard_tab_on_s3(s3, logdirs, browser, tmp_path):
    """``rl-clarity tensorboard --logdir s3://...``: a real TensorBoard reading the bucket (its
    Python loader, boto3) serves the same data and draws the same pixels as TensorBoard on the
    local copy; a bad request is refused; plain ``tensorboard`` says what to use instead."""
    remote, local, _ = logdirs
    a = TensorBoardProcess(remote, load_fast="false", launcher=True)
    b = TensorBoardProcess(local)
    try:
        a.wait()
        b.wait()
        deadline = time.time() + 60
        while True:
            runs = json.loads(a.get("data/plugin/rl_clarity/runs")[2])
            if any(r["run"] == "agentA" and r["steps"] == [1000, 2000] for r in runs["runs"]):
                break
            assert time.time() < deadline, runs
            time.sleep(0.5)
        for route in ("manifest?run=agentA&step=2000",
                      "series?run=agentA&step=1000&traj=1",
                      "frames?run=agentA&step=1000&traj=0",
                      "attribution?run=agentA&step=2000&layer=2b&traj=1&output=v",
                      "feature?run=agentA&step=1000&layer=2b&feature=1&subdiv=1&expand=2",
                      "match?run=agentA&step=1000&run_b=agentA&step_b=2000&layer=2b"):
            sa, _, body_a = a.get("data/plugin/rl_clarity/" + route)
            sb, _, body_b = b.get("data/plugin/rl_clarity/" + route)
            assert sa == sb == 200, (route, body_a[:200])
            assert body_a == body_b, route
        status, _, body = a.get("data/plugin/rl_clarity/frames?run=../agentA&step=1000&traj=0")
        assert status == 400 and b"outside the logdir" in body
        page = browser.new_page(viewport={"width": 1600, "height": 1200})
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        for step in (1000, 2000):
            remote_pixels = _tab_pixels(page, a, step)
            assert remote_pixels == _tab_pixels(page, b, step)
            assert any(remote_pixels[1])  # attribution drawn
        page.screenshot(path=str(tmp_path / "s3-tab.png"))
        assert errors == []
        page.close()
    finally:
        a.close()
        b.close()
    # plain TensorBoard (TensorFlow's file layer) cannot read s3:// and is told what to run
    plain = subprocess.run([sys.executable, "-m", "tensorboard.main", "--logdir", remote,
                            "--port", str(free_port())], capture_output=True, text=True,
                           timeout=120, env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"})
    assert plain.returncode != 0
    assert f"rl-clarity tensorboard --logdir {remote}" in plain.stderr


def test_export_from_and_to_s3(s3, logdirs, tmp_path):
    """The export reads the analysis from S3 (and can write the page there): the page equals
    the one made from the local copy, byte for byte."""
    remote, local, _ = logdirs
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    for logdir, out in ((remote, str(tmp_path / "remote.html")),
                        (local, str(tmp_path / "local.html")),
                        (remote, f"s3://{BUCKET}/pages/agentA.html")):
        done = subprocess.run([sys.executable, "-m", "rlclarity_plugin.cli", "export",
                               "--logdir", logdir, "--run", "agentA", "--step", "2000",
                               "-o", out], capture_output=True, text=True, env=env, timeout=300)
        assert done.returncode == 0, done.stderr
    page = (tmp_path / "local.html").read_bytes()
    assert (tmp_path / "remote.html").read_bytes() == page
    assert s3.get_object(Bucket=BUCKET, Key="pages/agentA.html")["Body"].read() == page


def test_bad_remote_logdirs_fail_clearly(s3, logdirs, tmp_path):
    from rlclarity_plugin.store.files import FileLayerError
    from rlclarity_plugin.store.reader import LogdirReader

    remote, _, ckpt = logdirs
    with pytest.raises(FileLayerError, match="nosuchscheme://"):
        LogdirReader("nosuchscheme://bucket/logs")
    assert LogdirReader(f"s3://{BUCKET}/nothing-here").runs() == []
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    cases = [
        (["analyze", ckpt, "--logdir", "nosuchscheme://x/logs", *ARGS],
         "no file system for the scheme nosuchscheme://"),
        (["analyze", ckpt, "--logdir", "s3://no-such-bucket-rlc/logs", *ARGS],
         "no-such-bucket-rlc"),
        (["export", "--logdir", remote, "--run", "absent", "-o", str(tmp_path / "x.html")],
         "no complete analysis in run 'absent'"),
        (["tensorboard", "--logdir", "nosuchscheme://x/logs"],
         "no file system for the scheme nosuchscheme://"),
    ]
    for args, message in cases:
        done = subprocess.run([sys.executable, "-m", "rlclarity_plugin.cli", *args],
                              capture_output=True, text=True, env=env, timeout=300)
        assert done.returncode == 2, (args, done.stderr[-2000:])
        assert message in done.stderr, (args, done.stderr[-2000:])
        assert "Traceback" not in done.stderr
    assert not (tmp_path / "x.html").exists()


def test_mlflow_hook_analyses_into_s3(s3, logdirs):
    """The training-time hook with an ``s3://`` logdir (no MLflow run active: the logdir only):
    its probe set and every analysis land in the bucket, readable by the reader."""
    from mlflow_hooks import CheckpointAnalyzer
    from rlclarity_plugin.store.reader import LogdirReader

    remote, _, ckpt = logdirs
    hook = CheckpointAnalyzer(remote, "hooked", analyze_args=ARGS, export=False)
    assert hook.submit(ckpt, 10)
    report = hook.close()
    assert report.failures == [] and report.analysed == [10]
    assert LogdirReader(remote).steps("hooked") == [10]
    assert "logs/hooked/plugins/rl_clarity/probe_sets/hook_probe_set.npz" in _objects(
        s3, "logs/hooked/")


def test_a_scheme_without_its_package_names_the_extra():
    """``gs://`` needs gcsfs, which the test environment does not install: every entry point
    says which extra to install instead of failing somewhere deep."""
    import importlib.util

    from rlclarity_plugin.store import files
    from rlclarity_plugin.store.reader import LogdirReader

    if importlib.util.find_spec("gcsfs") is not None:
        pytest.skip("gcsfs is installed here")
    with pytest.raises(files.FileLayerError, match=r"pip install 'rl-clarity\[gcs\]'"):
        LogdirReader("gs://some-bucket/logs")
    with pytest.raises(files.FileLayerError, match="gcsfs"):
        files.write_atomic("gs://some-bucket/logs/x.json", b"{}")
    done = subprocess.run([sys.executable, "-m", "rlclarity_plugin.cli", "export", "--logdir",
                           "gs://some-bucket/logs", "--run", "a", "-o", "/dev/null"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "rl-clarity[gcs]" in done.stderr
