"""The examples run as a user would run them (tiny sizes)."""

import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_custom_ppo_loop_recipe_logs_its_checkpoints(tmp_path):
    mlflow = pytest.importorskip("mlflow")
    from mlflow.tracking import MlflowClient

    from rlclarity_plugin.store.reader import LogdirReader

    uri = f"sqlite:///{tmp_path}/mlflow.db"
    done = subprocess.run(
        [sys.executable, os.path.join(ROOT, "examples", "custom_ppo_loop.py"), "--updates", "2",
         "--num-envs", "4", "--num-steps", "16", "--analyze-every", "1", "--logdir",
         str(tmp_path / "tb"), "--tracking-uri", uri, "--analysis", "--traj-envs", "2",
         "--traj-steps", "16", "--obs-envs", "4", "--obs-per-env", "4", "--obs-every", "2",
         "--layers", "c2", "--nmf-features", "3", "--subdiv-mults", "1", "--expand-mults", "2"],
        capture_output=True, text=True, timeout=900, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "analysed steps [64, 128]; skipped []; failures 0" in done.stdout
    assert LogdirReader(str(tmp_path / "tb")).steps("custom_ppo") == [64, 128]
    client = MlflowClient(uri)
    run = client.search_runs([client.get_experiment_by_name("Default").experiment_id])[0]
    assert run.info.run_name == "custom_ppo"
    assert {f.path for f in client.list_artifacts(run.info.run_id, "rl_clarity")} == {
        "rl_clarity/rl_clarity_step_64.html", "rl_clarity/rl_clarity_step_128.html"}
    assert [m.step for m in client.get_metric_history(run.info.run_id,
                                                      "rl_clarity/nmf_error/c2")] == [64, 128]
    assert mlflow  # imported for the skip only


def test_end_to_end_example(tmp_path):
    """`rl-clarity example`: train a tiny agent, analyse it, write the page; the page renders."""
    import shutil
    import time

    from rlclarity_plugin.store.reader import LogdirReader

    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "rlclarity_plugin.cli", "example", "--workdir",
                           str(tmp_path / "ex"), "--no-open"],
                          capture_output=True, text=True, timeout=600)
    print(f"rl-clarity example took {time.perf_counter() - t0:.0f} s")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "next: tensorboard --logdir" in done.stdout
    reader = LogdirReader(str(tmp_path / "ex" / "logs"))
    assert reader.steps("example") == [512]
    html = tmp_path / "ex" / "example.html"
    assert html.stat().st_size > 0
    if shutil.which("chromium") is None:
        return
    from playwright.sync_api import sync_playwright

    from tests.support.browser import launch_chromium

    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        page = browser.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(html.as_uri())
        page.locator("body[data-first-frame-ms]").wait_for(timeout=60000)
        assert page.locator('[data-testid="legend-3"]').is_visible()  # 4 NMF features
        assert errors == []
        browser.close()
