"""MLflow hooks against a real ``mlflow server`` (sqlite store, artifacts folder) on 127.0.0.1:
a short real PPO run with the hook logs the analyses at the checkpoints' steps; a server killed
mid-run does not stop training and loses nothing already logged."""

import os
import shutil
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.support.tb import free_port

mlflow = pytest.importorskip("mlflow")

TINY = ["--traj-envs", "2", "--traj-steps", "16", "--obs-envs", "4", "--obs-per-env", "4",
        "--obs-every", "2", "--layers", "2b", "--nmf-features", "3", "--subdiv-mults", "1",
        "--expand-mults", "2", "--seed", "2"]


class MlflowServer:
    def __init__(self, root, port=None):
        self.root = root
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.start()

    def start(self):
        """Start (or start again: the same port, store and artifacts)."""
        root = self.root
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mlflow", "server", "--backend-store-uri",
             f"sqlite:///{root}/mlflow.db", "--artifacts-destination", f"{root}/artifacts",
             "--host", "127.0.0.1", "--port", str(self.port), "--workers", "1"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.5)
        self.close()
        raise TimeoutError("mlflow server did not start")

    def close(self):
        import signal

        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait(timeout=30)


@pytest.fixture(autouse=True)
def no_mlflow_state_leaks():
    """Each test starts with no active MLflow run and the default tracking URI, whatever the
    test before left (a hook created with an active run logs to it: CI, stop 26, a failed test's
    run made the next test's hook log to that test's dead server)."""
    assert mlflow.active_run() is None, "an MLflow run was left active"
    uri = mlflow.get_tracking_uri()
    yield
    while mlflow.active_run() is not None:  # popped before its server is asked to end it
        with pytest.MonkeyPatch.context() as env:
            env.setenv("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "0")  # its server may be gone
            try:
                mlflow.end_run("FAILED")
            except Exception:
                pass
    mlflow.set_tracking_uri(uri)


@pytest.fixture
def server(tmp_path):
    s = MlflowServer(tmp_path)
    yield s
    s.close()


def ppo_config():
    from rlclarity_plugin.training.config import PPOConfig

    return PPOConfig(num_envs=4, num_steps=16, num_minibatches=2, ppo_epochs=1,
                     total_timesteps=4 * 16 * 2, save_interval=1, seed=3)


def test_training_with_the_hook_logs_every_checkpoint(server, tmp_path):
    from mlflow.tracking import MlflowClient

    from mlflow_hooks import CheckpointAnalyzer
    from rlclarity_plugin.store.reader import LogdirReader
    from rlclarity_plugin.training.ppo import train

    mlflow.set_tracking_uri(server.url)
    logdir = str(tmp_path / "tb")
    with mlflow.start_run(run_name="hooked") as run:
        hook = CheckpointAnalyzer(logdir, analyze_args=TINY, max_pending=4)
        t0 = time.perf_counter()
        train(ppo_config(), str(tmp_path / "train"), progress=False, on_checkpoint=hook.submit)
        train_s = time.perf_counter() - t0
        report = hook.close(timeout=600)
    assert report.failures == [] and report.skipped == [] and report.analysed == [64, 128]
    assert report.logged == [64, 128]
    assert LogdirReader(logdir).steps("hooked") == [64, 128]  # the tab shows both checkpoints
    client = MlflowClient(server.url)
    rid = run.info.run_id
    for name in ("rl_clarity/value_mean", "rl_clarity/ig_completeness_median",
                 "rl_clarity/nmf_error/2b", "rl_clarity/abs_advantage_mean"):
        assert [m.step for m in client.get_metric_history(rid, name)] == [64, 128], name
    data = client.get_run(rid).data
    assert data.tags["rl_clarity.probe_set"].endswith(".npz")
    # a few short key params (MLflow's image cards list them above each image: see
    # images_fit_their_mlflow_cards); the whole config is one artifact, where they are tags
    assert data.params == {"rl_clarity.layers": "2b", "rl_clarity.nmf.features": "3",
                           "rl_clarity.probe": "traj 2x16, obs 4x4 every 2"}
    assert "rl_clarity_config.json" in {f.path for f in client.list_artifacts(rid)}
    files = {f.path for f in client.list_artifacts(rid, "rl_clarity")}
    assert files == {"rl_clarity/rl_clarity_step_64.html", "rl_clarity/rl_clarity_step_128.html"}
    images = {f.path for f in client.list_artifacts(rid, "images")}
    assert any("thumbnails" in p for p in images) and any("bookmark" in p for p in images)
    local = client.download_artifacts(rid, "rl_clarity/rl_clarity_step_128.html", str(tmp_path))
    html = open(local, encoding="utf-8").read()
    assert 'id="rlc-index"' in html and '"step":128' in html
    assert train_s < 600

    # the comparison helper finds both checkpoints through search_runs, with their metrics
    from mlflow_hooks import compare_side_by_side, list_analysed_checkpoints

    found = list_analysed_checkpoints(["Default"], tracking_uri=server.url)
    assert [(c.run_id, c.step) for c in found] == [(rid, 64), (rid, 128)]
    for c in found:
        history = {m.step: m.value for m in
                   client.get_metric_history(rid, "rl_clarity/value_mean")}
        assert c.metrics["rl_clarity/value_mean"] == history[c.step]
        assert c.logdir == os.path.abspath(logdir) and c.run == "hooked"
    side = compare_side_by_side(found[0], f"{rid}:128", str(tmp_path / "side.html"),
                                tracking_uri=server.url, prefer_logdir=False)
    # both analyses are in a logdir readable here: the interface's compare view instead
    view = compare_side_by_side(found[0], f"{rid}:128", str(tmp_path / "view.html"),
                                tracking_uri=server.url)
    page = open(view, encoding="utf-8").read()
    assert '"format":3' in page and '"compare":{"a":' in page
    if shutil.which("chromium"):
        render_in_chromium(local, side, view, server.url,
                           f"{rid}/artifacts/rl_clarity/rl_clarity_step_128.html")


def coloured_pixels(frame, testid):
    return frame.locator(f'[data-testid="{testid}"]').evaluate(
        """c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                  let n = 0;
                  for (let i = 0; i < d.length; i += 4) {
                    const hi = Math.max(d[i], d[i + 1], d[i + 2]);
                    if (hi - Math.min(d[i], d[i + 1], d[i + 2]) > 40) n++;
                  }
                  return n; }""")


def images_fit_their_mlflow_cards(page, url):
    """MLflow's own UI (the experiment's chart view): each logged image lies inside the visible
    part of its card (the card and every clipping box between them), as the run's params are
    listed above it in the card."""
    page.goto(f"{url}/#/experiments/0/runs?compareRunsMode=CHART")
    card = '[data-testid="experiment-view-compare-runs-card"]'
    # the metric charts come first and the sections below render when scrolled to: leave out
    # the metric charts (no metric is named like this)
    page.get_by_placeholder("Search metric charts").fill("bookmark")
    image_cards = page.locator(card).filter(has=page.locator('input[type="number"]'))
    image_cards.first.wait_for(timeout=90000)
    for i in range(image_cards.count()):  # a card shows step 0 at first: go to the last step
        step = image_cards.nth(i).locator('input[type="number"]')
        if step.is_enabled():  # (disabled: one step only, shown)
            step.fill(step.get_attribute("max"))
            step.press("Enter")
    page.locator(f'{card} img[src*="get-artifact"]').first.wait_for(state="attached",
                                                                    timeout=60000)
    page.wait_for_function(f"""() => [...document.querySelectorAll('{card} img')]
        .every(i => i.complete)""", timeout=30000)
    boxes = page.evaluate(f"""() => [...document.querySelectorAll(
        '{card} img[src*="get-artifact"]')].map(img => {{
          const r = img.getBoundingClientRect();
          const card = img.closest('{card}');
          let v = card.getBoundingClientRect();
          v = {{top: v.top, bottom: v.bottom, left: v.left, right: v.right}};
          for (let a = img.parentElement; a && a !== card; a = a.parentElement) {{
            const s = getComputedStyle(a);
            if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
            const b = a.getBoundingClientRect();
            v = {{top: Math.max(v.top, b.top), bottom: Math.min(v.bottom, b.bottom),
                  left: Math.max(v.left, b.left), right: Math.min(v.right, b.right)}};
          }}
          return {{src: decodeURIComponent(img.src), img: [r.top, r.bottom, r.left, r.right],
                   visible: [v.top, v.bottom, v.left, v.right]}};
        }})""")
    assert any("rl_clarity" in b["src"] for b in boxes), boxes
    for b in boxes:
        (top, bottom, left, right), (vtop, vbottom, vleft, vright) = b["img"], b["visible"]
        assert bottom > top + 10 and right > left + 10, b
        assert vtop - 1 <= top and bottom <= vbottom + 1, b  # not pushed out of its card
        assert vleft - 1 <= left and right <= vright + 1, b


def export_fits_mlflows_artifact_viewer(page, url, artifact):
    """MLflow's own artifact viewer (a ``sandbox="allow-scripts"`` iframe about 500 px wide at
    1280x800): the export renders in it with no horizontal scroll, and every legend item and the
    attribution's last column lie inside the viewer once scrolled to."""
    page.goto(f"{url}/#/experiments/0/runs/{artifact}")
    viewer = page.locator('iframe[sandbox="allow-scripts"]')
    frame = page.frame_locator('iframe[sandbox="allow-scripts"]')
    frame.locator("body[data-first-frame-ms]").wait_for(timeout=60000)
    width, client = frame.locator("body").evaluate(
        "() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]")
    assert width <= client, f"horizontal scroll in MLflow's viewer: {width} px in {client} px"
    items = frame.locator('[data-testid^="legend-"]:not([data-testid^="legend-disc-"])')
    cells = frame.locator('[data-testid^="attr-canvas-0-"]')
    assert items.count() >= 3 and cells.count() >= 1
    for what, loc in [*((f"legend item {i}", items.nth(i)) for i in range(items.count())),
                      ("the attribution's last column", cells.nth(cells.count() - 1))]:
        loc.scroll_into_view_if_needed()
        box, view = loc.bounding_box(), viewer.bounding_box()
        assert view["x"] - 0.5 <= box["x"] and \
            box["x"] + box["width"] <= view["x"] + view["width"] + 0.5, (what, box, view)
        assert view["y"] - 0.5 <= box["y"] and \
            box["y"] + box["height"] <= view["y"] + view["height"] + 0.5, (what, box, view)


def render_in_chromium(artifact, side_by_side, compare_view, mlflow_url, logged):
    """The downloaded artifact renders from file:// (attribution drawn, step 128 shown), the
    side-by-side page shows both checkpoints, and so does the compare view (one timeline: the
    hook analysed both on one probe set); in MLflow's UI the logged images fit their cards and
    the logged export (``logged``: RUN_ID/artifacts/PATH) fits the artifact viewer."""
    import pathlib

    from playwright.sync_api import sync_playwright

    from tests.support.browser import launch_chromium

    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        problems = []
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.goto(pathlib.Path(artifact).as_uri())
        page.locator("body[data-first-frame-ms]").wait_for(timeout=60000)
        assert coloured_pixels(page.main_frame, "attr-canvas-0-pos") > 20
        assert page.locator('[data-testid="step-select"]').input_value() == "128"
        page.goto(pathlib.Path(side_by_side).as_uri())
        for side, step in (("left", "64"), ("right", "128")):
            frame = page.frame_locator(f'[data-testid="{side}"]')
            frame.locator("body[data-first-frame-ms]").wait_for(timeout=60000)
            assert frame.locator('[data-testid="step-select"]').input_value() == step
            assert page.locator(f'[data-testid="{side}-label"]').inner_text() == \
                f"hooked @ step {step}"
        for f in page.frames[1:]:
            assert coloured_pixels(f, "attr-canvas-0-pos") > 20
        page.goto(pathlib.Path(compare_view).as_uri())
        status = page.locator('[data-testid="compare-status"]')
        status.wait_for(timeout=60000)
        assert status.get_attribute("data-shared") == "1"
        for side, step in (("a", "64"), ("b", "128")):
            label = page.locator(f'[data-testid="pane-{side}"] [data-testid="pane-label"]')
            assert label.inner_text().endswith(f"step {step}")
        assert problems == []
        images_fit_their_mlflow_cards(page, mlflow_url)
        laptop = browser.new_page(viewport={"width": 1280, "height": 800})
        export_fits_mlflows_artifact_viewer(laptop, mlflow_url, logged)
        browser.close()


def test_an_mlflow_outage_delays_only_the_mlflow_side(server, tmp_path, monkeypatch):
    """The tracking server goes down before anything is logged and comes back after training:
    the training loop never waits (submit latency), every checkpoint is analysed into the logdir
    while MLflow is down (as with no outage), and the MLflow side catches up at close (MLflow's
    own retry settings scaled down: 1 retry, 3 s per request; a try every 3 s). A server that
    stays down: tests/test_hook_runtime.py."""
    from mlflow.tracking import MlflowClient

    from mlflow_hooks import CheckpointAnalyzer
    from rlclarity_plugin.store.reader import LogdirReader
    from rlclarity_plugin.training.ppo import train

    # the test's own MLflow calls must not retry for minutes either
    monkeypatch.setenv("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "0")
    monkeypatch.setenv("MLFLOW_HTTP_REQUEST_TIMEOUT", "5")
    mlflow.set_tracking_uri(server.url)
    logdir = str(tmp_path / "tb")
    # ended on any exit: a run left active is the next test's (its hook logs to it)
    with mlflow.start_run(run_name="outage") as run:
        rid = run.info.run_id
        hook = CheckpointAnalyzer(logdir, analyze_args=TINY, max_pending=4, mlflow_retry_interval=3,
                                  mlflow_catch_up=120,
                                  mlflow_env={"MLFLOW_HTTP_REQUEST_MAX_RETRIES": "1",
                                              "MLFLOW_HTTP_REQUEST_TIMEOUT": "3"})
        server.close()  # dies before anything is logged
        down = time.perf_counter()
        latencies = []

        def on_checkpoint(path, step):
            t = time.perf_counter()
            hook.submit(path, step)
            latencies.append(time.perf_counter() - t)

        train(ppo_config(), str(tmp_path / "train"), progress=False, on_checkpoint=on_checkpoint)
        for future in list(hook.futures.values()):
            future.result(timeout=600)  # the analyses end while MLflow is down
        outage_s = time.perf_counter() - down
        assert hook.report.analysed == [64, 128] and hook.report.logged == []
        assert LogdirReader(logdir).steps("outage") == [64, 128]
        server.start()  # back: the same port and store
        t0 = time.perf_counter()
        report = hook.close(timeout=600)
        print(f"outage {outage_s:.0f} s; caught up in {time.perf_counter() - t0:.1f} s after; "
              f"longest submit {max(latencies) * 1000:.1f} ms")
        assert max(latencies) < 0.5
        assert report.failures == [] and report.skipped == [] and report.logged == [64, 128]
        assert LogdirReader(logdir).steps("outage") == [64, 128]  # nothing lost by the logging
    client = MlflowClient(server.url)
    assert [m.step for m in client.get_metric_history(rid, "rl_clarity/value_mean")] == [64, 128]
    assert {f.path for f in client.list_artifacts(rid, "rl_clarity")} == {
        "rl_clarity/rl_clarity_step_64.html", "rl_clarity/rl_clarity_step_128.html"}
    assert client.get_run(rid).data.tags["rl_clarity.run"] == "outage"


def test_a_full_queue_skips_instead_of_growing(tmp_path, clear_agent):
    from mlflow_hooks import CheckpointAnalyzer

    hook = CheckpointAnalyzer(str(tmp_path / "tb"), run="q", analyze_args=TINY, max_pending=1,
                              export=False)
    accepted = [hook.submit(clear_agent, step) for step in (1, 2, 3, 4)]
    report = hook.close(timeout=600)
    assert accepted[0] and not all(accepted) and report.skipped
    assert sorted(report.analysed + report.skipped) == [1, 2, 3, 4]
    assert "(analyses behind: 1 waiting, max_pending=1)" in report.summary()  # and why
    assert shutil.which("true")  # nothing else to clean up


def test_keras_callback_analyses_the_model_being_fit(tmp_path):
    """model.fit with the callback: the model (wrapped as an Agent) is analysed each epoch."""
    import keras
    import numpy as np

    from mlflow_hooks import CheckpointAnalyzer, RLClarityCallback
    from rlclarity_plugin.store.reader import LogdirReader

    inp = keras.Input((64, 64, 3))
    x = keras.layers.Conv2D(8, 5, strides=2, padding="same", activation="relu", name="c1")(inp)
    x = keras.layers.Conv2D(8, 3, padding="same", activation="relu", name="c2")(x)
    h = keras.layers.Dense(16, activation="relu", name="h")(keras.layers.Flatten()(
        keras.layers.MaxPooling2D(4)(x)))
    model = keras.Model(inp, [keras.layers.Dense(15, name="pi")(h),
                              keras.layers.Dense(1, name="v")(h)])
    model.compile(optimizer="adam", loss=["mse", "mse"])
    rng = np.random.default_rng(0)
    obs = rng.random((16, 64, 64, 3)).astype("float32")
    targets = [rng.normal(size=(16, 15)), rng.normal(size=(16, 1))]
    hook = CheckpointAnalyzer(str(tmp_path / "tb"), run="fit", export=False, max_pending=4,
                              analyze_args=["--traj-envs", "2", "--traj-steps", "8",
                                            "--obs-envs", "4", "--obs-per-env", "4",
                                            "--obs-every", "2", "--layers", "c2",
                                            "--nmf-features", "2", "--subdiv-mults", "1",
                                            "--expand-mults", "2"])
    # analyses every 2nd epoch and whenever ModelCheckpoint writes (every 3rd batch; 2 per epoch)
    saver = keras.callbacks.ModelCheckpoint(str(tmp_path / "ckpt" / "m-{batch}.weights.h5"),
                                            save_weights_only=True, save_freq=3)
    model.fit(obs, targets, epochs=3, batch_size=8, verbose=0,
              callbacks=[saver, RLClarityCallback(hook, every_n_epochs=2,
                                                  on_model_checkpoint=saver,
                                                  step_fn=lambda epoch, batch: batch,
                                                  close_on_train_end=True, env_name="coinrun")])
    assert len(os.listdir(tmp_path / "ckpt")) == 2  # saved after batches 3 and 6
    assert hook.report.failures == [] and hook.report.analysed == [3, 4, 6]
    reader = LogdirReader(str(tmp_path / "tb"))
    assert reader.steps("fit") == [3, 4, 6]
    assert [entry.name for entry in reader.manifest("fit", 4).layers] == ["c2"]
