"""The compare view in a real browser (Debian's Chromium via Playwright) against a real
``tensorboard --logdir``, and in the standalone export of two analyses.

The logdir: ``agentA`` at steps 1000 and 2000 (two checkpoints on one probe set),
``nested/agentB`` at 1000 (the same weights as agentA@1000, same probe set) and ``agentC`` at
1000 (agentA's first checkpoint on a probe set of its own).
"""

import json
import subprocess
import sys
import urllib.parse

import pytest

from tests.support.browser import TB_FRAME, needs_chromium

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def tb_logdir(compare_logdir):
    """The logdir of ``tb`` (tests/conftest.py)."""
    return compare_logdir


@pytest.fixture
def page(browser):
    p = browser.new_page(viewport={"width": 1900, "height": 1200})
    p.errors = []
    p.on("pageerror", lambda e: p.errors.append(str(e)))
    yield p
    p.close()


def open_compare(page, tb, view):
    extra = "".join(f"&p.rl_clarity.{k}={urllib.parse.quote(str(v), safe='')}"
                    for k, v in view.items())
    page.goto(tb.url + "#rl_clarity" + extra)
    frame = page.frame_locator(TB_FRAME)
    frame.locator('[data-testid="compare-status"]').wait_for(timeout=60000)
    for side in "ab":
        pane(frame, side).locator('[data-testid="attr-canvas-0-pos"]').wait_for()
        pane(frame, side).locator('[data-testid="frame-label"]').wait_for()
    return frame


def pane(frame, side):
    return frame.locator(f'[data-testid="pane-{side}"]')


def tid(scope, name):
    return scope.locator(f'[data-testid="{name}"]')


def frame_of(frame, side) -> int:
    return int(tid(pane(frame, side), "frame-label").inner_text().split(":")[1])


def legend_colours(frame, side) -> list:
    discs = pane(frame, side).locator('[data-testid^="legend-disc-"]')
    return [discs.nth(i).get_attribute("data-color") for i in range(discs.count())]


def wait_for(page, fn, timeout=10):
    for _ in range(int(timeout / 0.1)):
        if fn():
            return
        page.wait_for_timeout(100)
    assert fn()


def compare_state(page):
    body = page.frame_locator(TB_FRAME).locator("body")
    return body.evaluate("() => JSON.parse(JSON.stringify(window.rlClarity.state()))")


def same_observation(frame) -> bool:
    """Both panes show the same observation (pixel for pixel): the same frame of the probe set."""
    a, b = (tid(pane(frame, side), "obs-canvas").evaluate("c => c.toDataURL()") for side in "ab")
    return a == b


def check_synchronised(page, frame, state):
    """One timeline: arrows, buttons and the trajectory and layer of the first pane move both."""
    assert frame_of(frame, "a") == frame_of(frame, "b") == 1
    assert same_observation(frame)
    frame.locator("body").click(position={"x": 5, "y": 5})
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    wait_for(page, lambda: frame_of(frame, "a") == 4)
    assert frame_of(frame, "b") == 4
    tid(pane(frame, "b"), "step-forward").click()
    wait_for(page, lambda: frame_of(frame, "a") == 5)
    assert frame_of(frame, "b") == 5
    tid(pane(frame, "a"), "last").click()
    wait_for(page, lambda: frame_of(frame, "b") == 40)
    # the second pane has no trajectory / layer columns: the first pane's drive both
    assert tid(pane(frame, "b"), "traj-1").count() == 0
    assert tid(pane(frame, "b"), "layer-4a").count() == 0
    before = tid(pane(frame, "b"), "obs-canvas").evaluate("c => c.toDataURL()")
    tid(pane(frame, "a"), "traj-1").click()
    # both panes move to the new trajectory's frame (each draws when its data arrive)
    wait_for(page, lambda: state()["navA"]["traj"] == 1 and tid(pane(frame, "b"), "obs-canvas")
             .evaluate("c => c.toDataURL()") != before and same_observation(frame))
    tid(pane(frame, "a"), "layer-4a").click()
    wait_for(page, lambda: "layer 4a" in tid(frame, "match-status").inner_text())
    tid(pane(frame, "a"), "layer-2b").click()
    wait_for(page, lambda: "layer 2b" in tid(frame, "match-status").inner_text())
    # the graphs overlay the other side's series
    for side in "ab":
        assert tid(pane(frame, side), "graph-advantage-other").is_visible()


def check_colours(frame, match):
    ca, cb = legend_colours(frame, "a"), legend_colours(frame, "b")
    assert ca == match["colors_a"] and cb == match["colors_b"]
    for i, j, _ in match["pairs"]:
        assert ca[i] == cb[j]
    for j in match["unmatched_b"]:
        assert tid(pane(frame, "b"), f"unmatched-{j}").is_visible()
        assert cb[j] not in ca  # a colour of A on a B feature always means a match


def test_two_checkpoints_on_one_probe_set_share_a_timeline(page, tb, screens, browser):
    frame = open_compare(page, tb, {"run": "agentA", "step": 1000, "run_b": "agentA",
                                    "step_b": 2000, "layer": "2b"})
    assert tid(frame, "compare-status").get_attribute("data-shared") == "1"
    assert "one timeline" in tid(frame, "compare-status").inner_text()
    assert tid(pane(frame, "a"), "pane-label").inner_text() == "A: agentA @ step 1000"
    assert tid(pane(frame, "b"), "pane-label").inner_text() == "B: agentA @ step 2000"
    check_synchronised(page, frame, lambda: compare_state(page))
    wait_for(page, lambda: compare_state(page)["match"] is not None)
    state = compare_state(page)
    assert state["shared"] and state["match"]["method"] == "attribution"
    check_colours(frame, state["match"])
    page.screenshot(path=str(screens / "compare-shared.png"))
    # the view is in TensorBoard's URL: a new page restores it
    wait_for(page, lambda: "p.rl_clarity.run_b=agentA" in page.url)
    assert "p.rl_clarity.step_b=2000" in page.url and "p.rl_clarity.traj=2" in page.url
    again = browser.new_page(viewport={"width": 1900, "height": 1200})
    again.goto(page.url)
    frame2 = again.frame_locator(TB_FRAME)
    tid(frame2, "compare-status").wait_for(timeout=60000)
    tid(pane(frame2, "b"), "frame-label").wait_for()
    wait_for(again, lambda: frame_of(frame2, "b") == 40)
    assert frame_of(frame2, "a") == 40 and same_observation(frame2)
    assert "selected" in tid(pane(frame2, "a"), "traj-1").get_attribute("class")
    again.close()
    assert page.errors == []


def test_the_same_agent_matches_every_feature_with_the_same_colour(page, tb):
    frame = open_compare(page, tb, {"run": "agentA", "step": 1000, "run_b": "nested/agentB",
                                    "step_b": 1000, "layer": "2b"})
    wait_for(page, lambda: compare_state(page)["match"] is not None)
    match = compare_state(page)["match"]
    K = len(match["colors_a"])
    assert [(i, j) for i, j, _ in match["pairs"]] == [(k, k) for k in range(K)]
    check_colours(frame, match)
    assert legend_colours(frame, "a") == legend_colours(frame, "b")
    assert f"{K} matched" in tid(frame, "match-status").inner_text()
    # same weights, same frames: the two overlays are the same pixels
    a = tid(pane(frame, "a"), "attr-canvas-0-pos").evaluate("c => c.toDataURL()")
    b = tid(pane(frame, "b"), "attr-canvas-0-pos").evaluate("c => c.toDataURL()")
    assert a == b


def test_different_probe_sets_navigate_independently_and_say_why(page, tb, screens):
    frame = open_compare(page, tb, {"run": "agentA", "step": 1000, "run_b": "agentC",
                                    "step_b": 1000, "layer": "2b"})
    status = tid(frame, "compare-status")
    assert status.get_attribute("data-shared") == "0"
    assert "Different probe sets" in status.inner_text()
    pane(frame, "b").locator("h3").first.click()  # B becomes the pane the keys move
    for _ in range(2):
        page.keyboard.press("ArrowRight")
    wait_for(page, lambda: frame_of(frame, "b") == 3)
    assert frame_of(frame, "a") == 1
    tid(pane(frame, "a"), "step-forward").click()
    wait_for(page, lambda: frame_of(frame, "a") == 2)
    assert frame_of(frame, "b") == 3
    assert tid(pane(frame, "a"), "graph-advantage-other").count() == 0
    wait_for(page, lambda: compare_state(page)["match"] is not None)
    match = compare_state(page)["match"]
    assert match["method"] == "components"
    check_colours(frame, match)
    page.screenshot(path=str(screens / "compare-independent.png"))
    assert page.errors == []


def test_compare_button_and_the_strip_of_checkpoints(page, tb):
    page.goto(tb.url + "#rl_clarity&p.rl_clarity.run=agentA&p.rl_clarity.step=2000"
              "&p.rl_clarity.layer=2b&p.rl_clarity.frame=7")
    frame = page.frame_locator(TB_FRAME)
    frame.locator("body[data-first-frame-ms]").wait_for(timeout=60000)
    # the strip: one row per step of the run, features coloured by their match to this step
    tid(frame, "evo-row-1000").wait_for()
    tid(frame, "evo-chart").wait_for()
    assert tid(frame, "evo-row-2000").inner_text().startswith("step 2000 (current)")
    status, _, body = tb.get("data/plugin/rl_clarity/manifest?run=agentA&step=2000")
    palette = json.loads(body)["feature_colors"]
    K = 4
    assert [tid(frame, f"evo-2000-{k}").get_attribute("data-color") for k in range(K)] == \
        palette[:K]
    status, _, body = tb.get("data/plugin/rl_clarity/match?run=agentA&step=2000"
                             "&run_b=agentA&step_b=1000&layer=2b")
    match = json.loads(body)
    older = [tid(frame, f"evo-1000-{k}").get_attribute("data-color") for k in range(K)]
    assert older == match["colors_b"]
    for i, j, _ in match["pairs"]:
        assert older[j] == palette[i]
    tid(frame, "compare").click()
    tid(frame, "compare-status").wait_for()
    assert tid(pane(frame, "a"), "pane-label").inner_text() == "A: agentA @ step 2000"
    assert tid(pane(frame, "b"), "pane-label").inner_text() == "B: agentA @ step 1000"
    tid(pane(frame, "b"), "frame-label").wait_for()
    assert frame_of(frame, "a") == frame_of(frame, "b") == 7
    tid(frame, "single").click()
    frame.locator('[data-testid="run-select"]').wait_for()


def test_export_of_two_analyses(compare_logdir, tmp_path, browser):
    out = tmp_path / "compare.html"
    done = subprocess.run(
        [sys.executable, "-m", "rlclarity_plugin.cli", "export", "--logdir", compare_logdir,
         "--compare", "agentA:1000", "agentA:2000", "-o", str(out),
         # every layer, the input's 3x64x64 gradients and 21 outputs of two analyses: 57 MiB of
         # faithful maps (store v2), over MLflow's 50 MiB, which the export refuses by default
         "--max-size", "100"],
        capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    page = browser.new_page(viewport={"width": 1900, "height": 1200})
    errors, requests = [], []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(out.as_uri())
    frame = page.main_frame
    tid(frame, "compare-status").wait_for(timeout=60000)
    for side in "ab":
        tid(pane(frame, side), "frame-label").wait_for()
    check_synchronised(page, frame, lambda: frame.evaluate(
        "() => JSON.parse(JSON.stringify(window.rlClarity.state()))"))
    wait_for(page, lambda: frame.evaluate("() => window.rlClarity.state().match")
             is not None)
    state = frame.evaluate("() => window.rlClarity.state()")
    check_colours(frame, state["match"])
    assert errors == []
    assert [u for u in requests if not u.startswith(("file:", "data:", "blob:"))] == []
    page.close()
