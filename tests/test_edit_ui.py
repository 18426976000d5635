"""Model editing and synthetic feature pictures in the interface (issue 19), in Debian's Chromium
through Playwright: against a real ``tensorboard --logdir`` and in the standalone export.

- the legend shows each edited feature's difference and the random control's, with the numbers
  of the manifest (formatted here again, independently), and nothing under a feature without;
- the feature popup's toggle shows the synthetic pictures: the pixels of each canvas are the
  sheet's cell (decoded here with PIL), with the activation reached and the dataset's maximum;
  the legend shows them on demand;
- an edited agent's analysis lists the new bookmarks (a click seeks to the frame) and says what
  was edited, with a button that opens the compare view beside the original;
- a manifest republished by ``writer.update_manifest`` shows after TensorBoard's reload;
- the export shows the same with no server and no request leaving the page, and fits MLflow's
  artifact viewer (514 px) with the edit lines in the legend.

The logdir is ``tests/test_synthetic_routes.py``'s ``edit_logdir``; the TensorBoard and
screenshot fixtures are tests/conftest.py's, the page fixture and the helpers
``tests/test_ui.py``'s.
"""

import io
import math
import os
import re
import shutil

import numpy as np
import pytest
from PIL import Image

from rlclarity_plugin.store import schema, writer
from tests import test_layout, test_synthetic_routes, test_ui
from tests.support.browser import needs_chromium
from tests.test_ui import manifest, open_frame, poll, poll_state, tid, view_state

pytestmark = needs_chromium
# the fixtures reused: test_ui's page; test_synthetic_routes' logdir with synthetic pictures,
# edits and an edited agent
page = test_ui.page
edit_logdir = test_synthetic_routes.edit_logdir
MINUS = "\u2212"


@pytest.fixture(scope="module")
def logdir(edit_logdir, tmp_path_factory):
    """A copy of ``edit_logdir`` (the last test republishes a manifest in it)."""
    root = tmp_path_factory.mktemp("edit-ui") / "logs"
    shutil.copytree(edit_logdir, root)
    return str(root)


@pytest.fixture(scope="module")
def tb_logdir(logdir):
    """The logdir of ``tb`` (tests/conftest.py)."""
    return logdir


# -- what the interface should show, computed again from the manifest --------------------------

def signed(x: float, digits: int) -> str:
    text = f"{abs(x):.{digits}f}"
    return text if float(text) == 0 else (MINUS if x < 0 else "+") + text


def delta_text(estimate: dict, metric: str) -> str:
    """Success in percentage points (1 decimal); return with the decimals that give its
    standard error two significant digits (0-3)."""
    mean, se = estimate["mean"], estimate["stderr"]
    if metric == "success":
        return f"{signed(mean * 100, 1)} ± {se * 100:.1f} pp"
    digits = 2 if se <= 0 else min(max(1 - math.floor(math.log10(se)), 0), 3)
    return f"{signed(mean, digits)} ± {se:.{digits}f}"


def expected_legend(m: dict, layer: str) -> dict:
    """feature -> (delta line, control line, levels line, the edit) of each edited feature."""
    K = next(x for x in m["layers"] if x["name"] == layer)["features"]
    edits = [e for e in m["edits"] if e["layer"] == layer]
    randoms = [e for e in edits if e["kind"] == "random"]
    out = {}
    for k in range(K):
        own = [e for e in edits if e["kind"] == "features" and e["features"] == [k]]
        if not own:
            continue
        edit = max(reversed(own), key=lambda e: e["episodes"])  # the last among equals
        metric = "success" if edit.get("success_delta") else "return"
        same = [c for c in randoms if (c["episodes"], c["seed"]) == (edit["episodes"],
                                                                   edit["seed"])]
        control = same[-1] if same else max(reversed(randoms), key=lambda c: (
            c["episodes"] == edit["episodes"], c["episodes"]))
        shown = metric if control.get(f"{metric}_delta") else \
            ("success" if control.get("success_delta") else "return")
        out[k] = (f"Δ {metric} {delta_text(edit[f'{metric}_delta'], metric)}",
                  f"random {delta_text(control[f'{shown}_delta'], shown)}",
                  f"{edit['episodes']} levels", edit)
    return out


def sheet_cells(server, run, layer, m):
    """The /synthetic sheet's pictures, (objective, picture) -> RGB (H, W, 3)."""
    status, _, body = server.get(f"data/plugin/rl_clarity/synthetic?run={run}&step=1000&"
                                 f"layer={layer}")
    assert status == 200
    sheet = np.asarray(Image.open(io.BytesIO(body)).convert("RGB"))
    H, W, _ = m["probe_set"]["observation_shape"]
    return lambda o, j: sheet[o * H:(o + 1) * H, j * W:(j + 1) * W]


# -- the checks, on the tab and on the export ---------------------------------------------------

def check_legend(frame, m):
    want = expected_legend(m, "2b")
    assert sorted(want) == [0, 1, 2]  # feature 4 has no edit
    tid(frame, "edit-0").wait_for()
    for k in range(4):
        if k not in want:
            assert tid(frame, f"edit-{k}").count() == 0
            continue
        delta, control, levels, edit = want[k]
        assert tid(frame, f"edit-delta-{k}").inner_text() == delta
        assert tid(frame, f"edit-control-{k}").inner_text() == control
        assert tid(frame, f"edit-levels-{k}").inner_text() == levels
        title = tid(frame, f"edit-{k}").get_attribute("title")
        for f in edit["failures"]:
            assert f"{f['cause']} {f['original']} → {f['edited']}" in title
        if edit["note"]:
            assert title.splitlines()[-1] == edit["note"]
    assert "return" in tid(frame, "edit-delta-2").inner_text()  # no success rate: return
    # features 1 and 3 projected out together: a line of its own under the items
    (joint,) = [e for e in m["edits"] if e["layer"] == "2b" and len(e["features"]) > 1]
    control = want[0][1]  # the same random control (same levels and seed)
    assert tid(frame, "joint-features-0").inner_text() == "features 1 + 3 together:"
    assert tid(frame, "joint-delta-0").inner_text() == \
        f"Δ success {delta_text(joint['success_delta'], 'success')}"
    assert tid(frame, "joint-control-0").inner_text() == control
    assert tid(frame, "joint-levels-0").inner_text() == "200 levels"
    assert tid(frame, "joint-edit-0").get_attribute("title").startswith(
        "Features 1 and 3 projected out of layer 2b")
    assert tid(frame, "joint-edit-1").count() == 0


def canvas_rgb(frame, name):
    c = tid(frame, name)
    w, h = c.evaluate("c => [c.width, c.height]")
    data = c.evaluate("c => Array.from(c.getContext('2d').getImageData(0, 0, c.width, "
                      "c.height).data)")
    return np.asarray(data, np.uint8).reshape(h, w, 4)


def check_synthetic_popup(p, frame, m, cell, k=1):
    vis = next(x for x in m["layers"] if x["name"] == "2b")["feature_vis"]
    tid(frame, f"legend-{k}").click()
    tid(frame, "popup-image").wait_for()
    tid(frame, "popup-mode-synthetic").click()
    for o, objective in enumerate(vis["objectives"]):
        name = f"synthetic-canvas-{objective}"
        tid(frame, name).wait_for()
        want = cell(o, k)
        poll(p, lambda: (canvas_rgb(frame, name)[..., :3] == want).all(),  # noqa: B023
             f"the {objective} picture to be drawn")
        assert (canvas_rgb(frame, name)[..., 3] == 255).all()
        caption = tid(frame, f"synthetic-caption-{objective}").inner_text()
        reached, best = (float(x) for x in re.findall(r"(?:reaches|max) ([0-9.]+)", caption))
        assert reached == pytest.approx(vis["activation"][o][k], rel=5e-3)
        assert best == pytest.approx(vis["dataset_max"][o][k], rel=5e-3)
        assert reached > best
    tid(frame, "popup-mode-dataset").click()
    tid(frame, "popup-image").wait_for()
    assert tid(frame, "synthetic-pictures").count() == 0
    tid(frame, "popup-close").click()
    # the legend's thumbnails on demand: the synthetic picture of the centre objective
    tid(frame, "synthetic-thumbs").check()
    thumbs = frame.locator('[data-testid^="legend-"] .thumb[data-kind="synthetic"]')
    poll(p, lambda: thumbs.count() == 4, "four synthetic thumbnails")
    columns = vis["features"] + vis["channels"]
    style = thumbs.nth(k).evaluate("e => [getComputedStyle(e).backgroundImage, "
                                   "getComputedStyle(e).backgroundPosition]")
    assert ("synthetic?" in style[0] or "data:image/webp" in style[0]) and \
        style[1] == f"{k / (columns - 1) * 100:g}% 0%", style
    tid(frame, "synthetic-thumbs").uncheck()
    poll(p, lambda: thumbs.count() == 0, "the dataset-example thumbnails back")


def check_bookmarks(p, frame, m):
    for kind, caption in (("diverge", "Actions differ"), ("failed", "Edited agent fails")):
        assert tid(frame, f"bookmarks-{kind}").inner_text().startswith(caption)
        for i, (t, f) in enumerate(m["bookmarks"][kind]):
            tid(frame, f"bookmark-{kind}-{i}").click()
            poll(p, lambda f=f: test_ui.frame_number(frame) == f + 1, f"{kind} {i} to seek")
            assert "selected" in tid(frame, f"traj-{t}").get_attribute("class")
    assert tid(frame, "bookmarks-low").count() == tid(frame, "bookmarks-high").count() == 1


# -- the tab ------------------------------------------------------------------------------------

def test_legend_shows_the_edit_results(page, tb, screens):
    frame = open_frame(page, tb, {"run": "agentA", "step": 1000, "layer": "2b"})
    check_legend(frame, manifest(tb))
    page.screenshot(path=str(screens / "edit-legend.png"))
    tid(frame, "layer-4a").click()
    tid(frame, "legend-0").wait_for()
    assert tid(frame, "edit-0").count() == tid(frame, "edit-caption").count() == \
        tid(frame, "joint-edits").count() == 0
    # an analysis without edits or synthetic pictures: none of their controls
    frame = open_frame(page, tb, {"run": "blind", "step": 1000, "layer": "2b"})
    tid(frame, "legend-1").click()
    tid(frame, "popup-image").wait_for()
    assert tid(frame, "popup-mode-synthetic").count() == tid(frame, "synthetic-thumbs").count() \
        == tid(frame, "edit-0").count() == 0
    assert page.errors == []


def test_popup_toggle_shows_the_synthetic_pictures(page, tb, screens):
    m = manifest(tb)
    frame = open_frame(page, tb, {"run": "agentA", "step": 1000, "layer": "2b"})
    check_synthetic_popup(page, frame, m, sheet_cells(tb, "agentA", "2b", m))
    assert page.errors == []


def test_edited_agent_bookmarks_and_compare_with_the_original(page, tb, screens):
    m = manifest(tb, "blind")
    frame = open_frame(page, tb, {"run": "blind", "step": 1000, "layer": "2b"})
    check_bookmarks(page, frame, m)
    header = tid(frame, "edited-agent").inner_text()
    assert "Edited agent: layer 2b, features 1 and 3 projected out" in header
    page.screenshot(path=str(screens / "edited-agent.png"))
    tid(frame, "compare-original").click()
    # the panes load side by side, either first: poll the whole view
    poll_state(page, frame, ("mode", "a", "b", "shared"),
               ("compare", {"run": "blind", "step": 1000}, {"run": "agentA", "step": 1000}, True),
               "the compare view of the edited agent and the original")
    pane = frame.locator('[data-testid="pane-a"]')
    t, f = m["bookmarks"]["failed"][0]
    pane.locator('[data-testid="bookmark-failed-0"]').click()
    poll(page, lambda: view_state(frame)["navA"]["frame"] == f and
         view_state(frame)["navB"]["frame"] == f, "both panes at the failure")
    page.screenshot(path=str(screens / "edited-compare.png"))
    assert page.errors == []


def test_the_export_shows_the_same_without_a_server(browser, tb, edit_logdir, tmp_path,
                                                    screens):
    from rlclarity_plugin import export_html

    m, blind = manifest(tb), manifest(tb, "blind")
    cell = sheet_cells(tb, "agentA", "2b", m)
    pages = {run: tmp_path / f"{run}.html" for run in ("agentA", "blind")}
    for run, path in pages.items():
        export_html(edit_logdir, run, 1000, str(path))
    p = browser.new_page(viewport={"width": 1280, "height": 900})
    p.errors, outside = [], []
    p.on("pageerror", lambda e: p.errors.append(str(e)))
    p.on("request", lambda r: None if r.url.split(":")[0] in ("file", "data", "blob")
         else outside.append(r.url))
    try:
        p.goto(pages["agentA"].as_uri() + "#layer=2b")
        p.locator("body[data-first-frame-ms]").wait_for(timeout=60000)
        check_legend(p.main_frame, m)
        check_synthetic_popup(p, p.main_frame, m, cell, k=2)
        p.screenshot(path=str(screens / "edit-export.png"), full_page=True)
        # as narrow as MLflow's artifact viewer: the legend with its edit lines still fits
        p.set_viewport_size({"width": 514, "height": 800})
        tid(p.main_frame, "synthetic-thumbs").check()
        p.wait_for_timeout(300)
        test_layout.no_horizontal_scroll(p, p.main_frame)
        for box in test_layout.legend_in_view(p, p.main_frame, scroll=True):
            assert box["width"] <= 514
        p.screenshot(path=str(screens / "edit-export-514.png"), full_page=True)
        p.goto(pages["blind"].as_uri() + "#layer=2b")
        p.locator("body[data-first-frame-ms]").wait_for(timeout=60000)
        check_bookmarks(p, p.main_frame, blind)
        # the original is not in this page: no button to a compare view it cannot show
        assert "features 1 and 3" in tid(p.main_frame, "edited-agent").inner_text()
        assert tid(p.main_frame, "compare-original").count() == 0
        assert p.errors == [] and outside == []
    finally:
        p.close()


def test_a_republished_manifest_shows_after_tensorboards_reload(page, tb, logdir):
    """``rl-clarity edit`` records a new result (``writer.update_manifest``) while the tab is
    open: TensorBoard's reload shows it, without restarting TensorBoard."""
    frame = open_frame(page, tb, {"run": "agentA", "step": 1000, "layer": "2b", "frame": 6})
    tid(frame, "edit-0").wait_for()
    assert tid(frame, "edit-3").count() == 0
    old = schema.Manifest.from_json(manifest(tb))
    new_edit = schema.EditResult(
        label="feature 4", kind="features", layer="2b", features=(3,), episodes=200, seed=0,
        return_original=schema.Estimate(8.0, 0.2), return_edited=schema.Estimate(5.0, 0.3),
        return_delta=schema.Estimate(-3.0, 0.31), success_original=schema.Estimate(0.9, 0.02),
        success_edited=schema.Estimate(0.55, 0.035), success_delta=schema.Estimate(-0.35, 0.04))
    writer.update_manifest(logdir, "agentA", 1000, edits=(*old.edits, new_edit))
    assert os.path.exists(os.path.join(logdir, "agentA/plugins/rl_clarity/1000/manifest.json"))
    want = expected_legend(manifest(tb), "2b")[3]
    for _ in range(40):
        page.locator("button.reload-button").click()
        page.wait_for_timeout(500)
        if tid(frame, "edit-3").count():
            break
    else:
        raise AssertionError("the new edit result did not show after reloading")
    assert tid(frame, "edit-delta-3").inner_text() == want[0] == f"Δ success {MINUS}35.0 ± 4.0 pp"
    assert tid(frame, "edit-control-3").inner_text() == want[1]
    assert test_ui.frame_number(frame) == 6  # the view was kept (frame 6 of the link)
    assert page.errors == []
