"""The RL Clarity tab in a real browser: Debian's Chromium driven by Playwright against a real
``tensorboard --logdir`` on a logdir written by the analysis job.

Screenshots of the main states go to ``$RLC_SCREENS/test_ui`` (default: a temporary folder,
printed with ``-s``; the ``screens`` fixture of tests/conftest.py).
"""

import hashlib
import json
import math
import shutil
import urllib.parse

import numpy as np
import pytest

from tests.support.browser import TB_FRAME, needs_chromium

pytestmark = needs_chromium

WEIRD_RUN = "x<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def logdir(analysed_logdir, tmp_path_factory):
    root = tmp_path_factory.mktemp("ui") / "logs"
    shutil.copytree(analysed_logdir, root)
    shutil.copytree(root / "agentA", root / WEIRD_RUN)
    # "holes": agentA with step 1000's frames and layer 2b's thumbnails removed (2000 intact)
    shutil.copytree(root / "agentA", root / "holes")
    step = root / "holes" / "plugins" / "rl_clarity" / "1000"
    gone = [*(step / "trajectories").glob("frames_*"), *(step / "thumbnails").glob("2b.*")]
    assert len(gone) >= 2
    for f in gone:
        f.unlink()
    return str(root)


@pytest.fixture(scope="module")
def tb_logdir(logdir):
    """The logdir of ``tb`` (tests/conftest.py)."""
    return logdir


@pytest.fixture
def page(browser):
    p = browser.new_page(viewport={"width": 1600, "height": 1200})
    dialogs = []
    p.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    p.dialogs = dialogs
    p.errors = []
    p.on("pageerror", lambda e: p.errors.append(str(e)))
    yield p
    p.close()


def manifest(tb, run="agentA", step=1000):
    status, _, body = tb.get(f"data/plugin/rl_clarity/manifest?run={run}&step={step}")
    assert status == 200
    return json.loads(body)


def open_tab(page, tb, view=""):
    extra = "".join(f"&p.rl_clarity.{kv}" for kv in view.split("&") if kv)
    page.goto(tb.url + "#rl_clarity" + extra)
    frame = page.frame_locator(TB_FRAME)
    frame.locator("body[data-first-frame-ms]").wait_for(timeout=60000)
    return frame


def tid(frame, name):
    return frame.locator(f'[data-testid="{name}"]')


def frame_number(frame) -> int:
    return int(tid(frame, "frame-label").inner_text().split(":")[1])


def pixels(frame, name="attr-canvas-0-pos"):
    """(digest of the canvas' RGBA, number of coloured pixels) of a canvas of the page."""
    data = tid(frame, name).evaluate(
        "c => Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data)")
    coloured = sum(1 for i in range(0, len(data), 4)
                   if max(data[i:i + 3]) - min(data[i:i + 3]) > 40)
    return hashlib.sha256(bytes(data)).hexdigest(), coloured


def wait_change(page, frame, before, name="attr-canvas-0-pos", timeout=10, until=None):
    """The canvas' first state other than ``before`` (and, with ``until``, one that satisfies
    it: a view that is still loading may show a blank canvas on its way to the new picture)."""
    for _ in range(int(timeout / 0.1)):
        now = pixels(frame, name)
        if now[0] != before[0] and (until is None or until(now)):
            return now
        page.wait_for_timeout(100)
    raise AssertionError(f"{name} did not change" + (" as expected" if until else "")
                         + f" in {timeout} s")


def test_tab_renders_a_frame_with_attribution(page, tb, screens):
    frame = open_tab(page, tb, "run=agentA&step=1000&layer=2b")
    assert page.locator("text=RL Clarity").first.is_visible()
    assert frame_number(frame) == 1
    digest, coloured = pixels(frame)
    assert coloured > 50  # the overlay holds coloured attribution over a greyscale observation
    _, obs_coloured = pixels(frame, "obs-canvas")
    assert obs_coloured > 0 or tid(frame, "obs-canvas").is_visible()
    assert "%" in tid(frame, "completeness").first.inner_text()
    page.screenshot(path=str(screens / "main.png"))


def test_play_pause_keys_and_steps(page, tb):
    frame = open_tab(page, tb, "run=agentA&step=1000")
    tid(frame, "fps").fill("30")
    tid(frame, "play").click()
    page.wait_for_timeout(700)
    tid(frame, "pause").click()
    moved = frame_number(frame)
    assert moved > 3
    page.wait_for_timeout(300)
    assert frame_number(frame) == moved  # paused
    tid(frame, "step-forward").click()
    assert frame_number(frame) == moved + 1
    tid(frame, "step-back").click()
    tid(frame, "step-back").click()
    assert frame_number(frame) == moved - 1
    tid(frame, "frame-label").click()  # focus inside the iframe for the hotkeys
    page.keyboard.press("ArrowRight")
    assert frame_number(frame) == moved
    page.keyboard.press("ArrowLeft")
    assert frame_number(frame) == moved - 1
    page.keyboard.press(" ")  # plays in the last direction (backwards), as the original
    page.wait_for_timeout(300)
    page.keyboard.press(" ")
    back = frame_number(frame)
    assert back < moved - 1
    page.keyboard.press("ArrowRight")
    page.keyboard.press(" ")
    page.wait_for_timeout(500)
    page.keyboard.press(" ")
    assert frame_number(frame) > back + 2
    tid(frame, "last").click()
    assert frame_number(frame) == manifest(tb)["probe_set"]["steps"]
    tid(frame, "first").click()
    assert frame_number(frame) == 1


def test_bookmark_jumps(page, tb):
    m = manifest(tb)
    frame = open_tab(page, tb, "run=agentA&step=1000")
    for kind in ("low", "high"):
        t, f = m["bookmarks"][kind][0]
        tid(frame, f"bookmark-{kind}-0").click()
        assert frame_number(frame) == f + 1
        assert "selected" in tid(frame, f"traj-{t}").get_attribute("class")


def test_layer_change_and_legend_hover_change_the_overlay(page, tb, screens):
    frame = open_tab(page, tb, "run=agentA&step=1000&layer=2b&frame=5")
    before = pixels(frame)
    tid(frame, "legend-0").hover()
    isolated = wait_change(page, frame, before)
    page.screenshot(path=str(screens / "legend-hover.png"))
    page.mouse.move(5, 5)
    assert wait_change(page, frame, isolated)[0] == before[0]  # back to all features
    tid(frame, "layer-4a").click()
    after = wait_change(page, frame, before, until=lambda now: now[1] > 0)  # 4a's overlay
    assert after[1] > 0
    tid(frame, "layer-input").click()
    wait_change(page, frame, after)
    headings = frame.locator("h3").all_inner_texts()
    assert "Gradients" in headings and "Gradients legend" in headings
    assert "Attribution" not in headings
    page.screenshot(path=str(screens / "input-layer.png"))


def test_toggles_and_rows(page, tb):
    frame = open_tab(page, tb, "run=agentA&step=1000&layer=2b&frame=9")
    before = pixels(frame)
    tid(frame, "toggle-overlay").click()
    wait_change(page, frame, before)
    tid(frame, "toggle-abs").click()
    tid(frame, "attr-canvas-0-abs").wait_for()
    assert tid(frame, "attr-canvas-0-neg").count() == 0
    tid(frame, "toggle-abs").click()
    tid(frame, "add-row").click()
    tid(frame, "row-output-1").select_option("group0")
    tid(frame, "graph-group0").wait_for()
    # the narrow dropdown cuts a sum of many actions: its whole name is under it and its title
    label = tid(frame, "row-label-1")
    assert " | " in label.inner_text() and "logit sum" in label.inner_text()
    assert label.evaluate("e => e.scrollWidth <= e.clientWidth")
    assert tid(frame, "row-output-1").get_attribute("title") == label.inner_text()
    tid(frame, "attr-canvas-1-pos").wait_for()
    wait_change(page, frame, ("", 0), "attr-canvas-1-pos")
    tid(frame, "remove-row-1").click()
    assert tid(frame, "attr-canvas-1-pos").count() == 0


def test_feature_popup_and_press_to_see_the_example(page, tb, screens):
    frame = open_tab(page, tb, "run=agentA&step=1000&layer=2b")
    tid(frame, "legend-1").click()
    popup = tid(frame, "feature-popup")
    popup.wait_for()
    image = tid(frame, "popup-image")
    image.wait_for()
    assert image.evaluate("img => img.naturalWidth") > 0
    src = image.get_attribute("src")
    tid(frame, "zoom-slider").fill("0")
    frame.locator(f'[data-testid="popup-image"]:not([src="{src}"])').wait_for()
    page.screenshot(path=str(screens / "popup.png"))
    box = image.bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.4, box["y"] + box["height"] * 0.6)
    page.mouse.down()
    obs = tid(frame, "popup-observation")
    obs.wait_for()
    for _ in range(50):
        if pixels(frame, "popup-observation")[0] != pixels(frame, "popup-observation")[0] or \
                obs.evaluate("c => c.getContext('2d').getImageData(0, 0, c.width, c.height)"
                             ".data.some((v, i) => i % 4 !== 3 && v > 0)"):
            break
        page.wait_for_timeout(100)
    else:
        raise AssertionError("the pressed example was not drawn")
    page.screenshot(path=str(screens / "popup-pressed.png"))
    page.mouse.up()
    tid(frame, "popup-image").wait_for()
    tid(frame, "popup-close").click()
    assert tid(frame, "feature-popup").count() == 0


def test_url_restores_the_view_and_step_change_keeps_the_frame(page, tb, browser):
    frame = open_tab(page, tb, "run=agentA&step=1000&layer=4a&traj=2&frame=7")
    assert frame_number(frame) == 7
    assert tid(frame, "layer-4a").locator("input").is_checked()
    assert "selected" in tid(frame, "traj-1").get_attribute("class")
    # the view is written back to the host URL (TensorBoard's p.<plugin>.<key> deep links)
    tid(frame, "step-forward").click()
    page.wait_for_function("() => location.hash.includes('p.rl_clarity.frame=8')")
    shared = page.url
    other = browser.new_page(viewport={"width": 1600, "height": 1200})
    try:
        other.goto(shared)
        f2 = other.frame_locator(TB_FRAME)
        f2.locator("body[data-first-frame-ms]").wait_for(timeout=60000)
        assert frame_number(f2) == 8
        assert f2.locator('[data-testid="layer-4a"] input').is_checked()
    finally:
        other.close()
    before = pixels(frame)
    tid(frame, "step-select").select_option("2000")
    wait_change(page, frame, before)  # other checkpoint, other attribution
    assert frame_number(frame) == 8
    assert tid(frame, "layer-4a").locator("input").is_checked()


def test_problems_and_hostile_run_names(page, tb, screens):
    frame = open_tab(page, tb, "run=agentA&step=1000")
    problems = tid(frame, "problems")
    problems.locator("summary").click()
    text = problems.inner_text()
    assert "broken" in text and "corrupt" in text
    options = tid(frame, "run-select").locator("option").all_inner_texts()
    assert WEIRD_RUN in options and "nested/agentB" in options
    tid(frame, "run-select").select_option(WEIRD_RUN)
    page.wait_for_timeout(1000)
    assert frame.locator("img[src='x']").count() == 0
    assert page.dialogs == []
    page.screenshot(path=str(screens / "problems.png"))


def test_tensorboard_reload_refreshes_the_run_list(page, tb, logdir):
    """A run analysed while the tab is open appears after TensorBoard's reload (DataReloaded)."""
    frame = open_tab(page, tb, "run=agentA&step=1000")
    assert "late_run" not in tid(frame, "run-select").locator("option").all_inner_texts()
    shutil.copytree(f"{logdir}/nested/agentB", f"{logdir}/late_run")
    for _ in range(40):
        page.locator("button.reload-button").click()
        page.wait_for_timeout(500)
        if "late_run" in tid(frame, "run-select").locator("option").all_inner_texts():
            break
    else:
        raise AssertionError("the new run did not appear after reloading")
    assert int(frame.locator(".app").get_attribute("data-reloads")) >= 1
    assert frame_number(frame) == 1  # the view was kept


def test_arrows_after_a_radio_and_a_quick_click_in_the_popup(page, tb):
    """Arrows still step frames after choosing a layer (a focused radio), as the original; a
    click on the feature image released before its grid arrived leaves no example stuck."""
    frame = open_tab(page, tb, "run=agentA&step=1000&layer=2b&frame=5")
    tid(frame, "layer-4a").click()
    page.keyboard.press("ArrowRight")
    assert frame_number(frame) == 6
    assert tid(frame, "layer-4a").locator("input").is_checked()
    tid(frame, "legend-0").click()
    image = tid(frame, "popup-image")
    image.wait_for()
    box = image.bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.3)
    page.wait_for_timeout(700)
    assert tid(frame, "popup-observation").count() == 0
    assert tid(frame, "popup-image").count() == 1


def original_rendering(maps, scale, colours, direction):
    """The original's display pipeline in numpy (reference section 1.9), for one frame of
    channel maps ``(h, w, K)`` (residual not shown): value / scale, the direction, colours
    summed, the unnormalised 15x15 disk blur exp(-|d|) (taps >= exp(-7), zero padding) at the
    layer's resolution, brightness turned into opacity. Returns RGB (colour / opacity) and
    opacity, floats in [0, 1]."""
    from scipy.signal import convolve2d

    x = maps / scale
    x = np.maximum(x, 0) if direction == "pos" else np.maximum(-x, 0)
    rgb = x @ colours  # (h, w, 3)
    r = np.arange(15) - 7
    d = np.sqrt(r[:, None] ** 2 + r[None, :] ** 2)
    kernel = np.where(np.exp(-d) >= np.exp(-7), np.exp(-d), 0.0)
    rgb = np.stack([convolve2d(rgb[..., c], kernel, mode="same") for c in range(3)], -1)
    b = np.minimum(1.0, np.linalg.norm(rgb, axis=-1))
    colour = np.clip(np.divide(rgb, b[..., None], out=np.zeros_like(rgb),
                               where=b[..., None] > 0), 0, 1)
    return colour, b


def canvas_rgb(frame, name):
    data = tid(frame, name).evaluate(
        "c => Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data)")
    return np.asarray(data, np.float64).reshape(64, 64, 4)[..., :3] / 255


@pytest.mark.parametrize("overlay", ["0", "1"])
def test_overlay_pixels_are_the_originals_pipeline(page, tb, logdir, overlay):
    """The drawn attribution cells equal a numpy rendering of the original's pipeline from the
    stored maps, with the original's display scale and opacities (0.9 over the greyscale
    observation, 1 alone on black), pixelated: within 3/255 on average."""
    import io

    from numpy.testing import assert_allclose
    from PIL import Image

    from tests.support import store

    m = manifest(tb)
    colours = np.asarray([[int(h[i:i + 2], 16) / 255 for i in (1, 3, 5)]
                          for h in m["feature_colors"]])
    colours /= np.linalg.norm(colours, axis=1, keepdims=True)
    maps, unit = store.stored_maps(logdir, "agentA", 1000, "2b", 1, "v")
    channels = maps[..., :-1].astype(np.float64)
    scale = float(np.median(channels.reshape(len(channels), -1).max(1)))  # the original's rule
    assert_allclose(unit["scale"], scale, rtol=0.01)
    status, _, body = tb.get("data/plugin/rl_clarity/frames?run=agentA&step=1000&traj=1")
    sheet = np.asarray(Image.open(io.BytesIO(body)).convert("RGB"), np.float64) / 255
    checked = 0
    frame = open_tab(page, tb, "run=agentA&step=1000&layer=2b&traj=2&frame=1&rows=v&abs=0"
                               f"&residual=0&overlay={overlay}")
    for t in (0, 6, 23):
        before = pixels(frame, "attr-canvas-0-pos")
        tid(frame, "frame-label").evaluate("(e, n) => window.rlClarity.setFrame(n)", t)
        assert frame_number(frame) == t + 1
        if t:
            wait_change(page, frame, before)
        row, col = divmod(t, m["assets"]["frame_columns"])
        obs = sheet[row * 64:(row + 1) * 64, col * 64:(col + 1) * 64]
        grey = (obs @ np.array([0.2126, 0.7152, 0.0722]))[..., None]  # CSS grayscale(1)
        for direction in ("pos", "neg"):
            colour, b = original_rendering(channels[t], scale, colours, direction)
            colour = np.repeat(np.repeat(colour, 2, 0), 2, 1)  # 32x32 drawn pixelated on 64x64
            b = np.repeat(np.repeat(b, 2, 0), 2, 1)[..., None]
            alpha = 0.9 * b if overlay == "1" else b
            want = colour * alpha + (grey if overlay == "1" else 0) * (1 - alpha)
            got = canvas_rgb(frame, f"attr-canvas-0-{direction}")
            err = np.abs(got - want)
            assert err.mean() <= 3 / 255, (t, direction, err.mean() * 255)
            strong = b[..., 0] > 0.05
            if strong.any():
                assert err[strong].mean() <= 3 / 255, (t, direction, err[strong].mean() * 255)
                checked += int(strong.sum())
    assert checked > 500  # the frames hold attribution to compare


# -- issue 17 part B: keyboard, links, click-to-seek, missing parts, the frame's own URL --------
# (here, not in a module of their own: they share this module's TensorBoard and browser)

T = 40  # frames per trajectory of the shared analysed logdir


def link(view: dict) -> str:
    return "#rl_clarity" + "".join(f"&p.rl_clarity.{k}={urllib.parse.quote(str(v), safe=',')}"
                                   for k, v in view.items())


def open_frame(page, tb, view: dict, wait_frame=True):
    """The tab opened on a view (a dict), and its frame (a Playwright Frame: evaluate works)."""
    page.goto(tb.url + link(view))
    page.frame_locator(TB_FRAME).locator("body" + ("[data-first-frame-ms]" if wait_frame else "")
                                      ).wait_for(timeout=60000)
    frame = page.locator(TB_FRAME).element_handle().content_frame()
    frame.locator('[data-testid="frame-label"], [data-testid="error"]').first.wait_for()
    return frame


def view_state(frame) -> dict:
    return frame.evaluate("() => window.rlClarity.state()")


def poll(page, fn, what, timeout=10):
    for _ in range(int(timeout / 0.05)):
        value = fn()
        if value:
            return value
        page.wait_for_timeout(50)
    raise AssertionError(f"timed out waiting for {what}")


def poll_state(page, frame, keys: tuple, want: tuple, what: str, timeout=10) -> None:
    """Poll the debug handle's state until its ``keys`` read ``want`` (a view shows its parts
    as they load); on timeout, the assertion shows what was there instead."""
    seen = []

    def shown():
        s = view_state(frame)
        seen[:] = [tuple(s.get(k) for k in keys)]
        return seen[0] == want
    try:
        poll(page, shown, what, timeout)
    except AssertionError:
        assert seen[0] == want, what


def test_hotkeys_before_any_click_escape_and_form_controls(page, tb):
    frame = open_frame(page, tb, {"run": "agentA", "step": 1000, "layer": "2b", "frame": 5})
    # the focus is in TensorBoard's page, not in the plugin's frame
    assert page.evaluate("() => document.activeElement.tagName") != "IFRAME"
    page.keyboard.press("ArrowRight")
    poll(page, lambda: frame_number(frame) == 6, "ArrowRight in the host page to step")
    page.keyboard.press("ArrowLeft")
    poll(page, lambda: frame_number(frame) == 5, "ArrowLeft in the host page to step back")
    page.keyboard.press(" ")
    poll(page, lambda: view_state(frame)["playing"] != 0, "Space in the host page to play")
    page.keyboard.press(" ")
    poll(page, lambda: view_state(frame)["playing"] == 0, "Space to pause")
    at = frame_number(frame)
    # Escape closes the feature popup
    tid(frame, "legend-1").click()
    tid(frame, "feature-popup").wait_for()
    page.keyboard.press("Escape")
    tid(frame, "feature-popup").wait_for(state="detached", timeout=5000)
    # Space on a focused checkbox toggles it and does not play
    box = tid(frame, "toggle-residual")
    box.focus()
    before = box.is_checked()
    page.keyboard.press(" ")
    poll(page, lambda: box.is_checked() != before, "Space to toggle the focused checkbox")
    page.wait_for_timeout(200)
    assert view_state(frame)["playing"] == 0 and frame_number(frame) == at
    # a dropdown chosen without a key lets go of the focus: the arrows step the frames again
    select = tid(frame, "row-output-0")
    select.focus()
    select.select_option("logit0")
    poll(page, lambda: frame.evaluate("() => document.activeElement.tagName") != "SELECT",
         "the dropdown to let go of the focus")
    page.keyboard.press("ArrowRight")
    poll(page, lambda: frame_number(frame) == at + 1, "ArrowRight after a pointer choice")
    # ... a dropdown used by keyboard keeps its keys
    select.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(200)
    assert frame_number(frame) == at + 1
    assert frame.evaluate("() => document.activeElement.tagName") == "SELECT"
    assert page.errors == []


def test_links_in_an_open_tab_are_followed_and_reported(page, tb):
    frame = open_frame(page, tb, {"run": "agentA", "step": 1000, "layer": "2b", "frame": 3})
    assert tid(frame, "link-status").count() == 0
    # only the part after "#" of TensorBoard's URL changes
    page.evaluate("h => { location.hash = h; }",
                  link({"run": "agentA", "step": 2000, "layer": "4a", "frame": 9, "traj": 2}))
    poll(page, lambda: (lambda s: (s["step"], s["layer"], s["frame"], s["traj"]) ==
                        (2000, "4a", 8, 1))(view_state(frame)), "the view to follow the new link")
    tid(frame, "step-forward").click()
    poll(page, lambda: "p.rl_clarity.frame=10" in page.evaluate("() => location.hash"),
         "the host URL to hold the stepped frame")
    hash_now = page.evaluate("() => location.hash")
    assert "p.rl_clarity.step=2000" in hash_now and "p.rl_clarity.layer=4a" in hash_now
    # values that are not here: reported, with what is shown instead
    page.evaluate("h => { location.hash = h; }",
                  link({"run": "nope", "step": 1000, "frame": 9999, "rows": "v,zz9"}))
    status = tid(frame, "link-status")
    status.wait_for()
    text = status.inner_text()
    assert 'run "nope"' in text and "frame 9999" in text and '"zz9"' in text, text
    assert f"showing {T}" in text  # the last frame instead
    assert frame_number(frame) == T
    tid(frame, "link-status-dismiss").click()
    assert status.count() == 0
    page.evaluate("h => { location.hash = h; }",
                  link({"run": "agentA", "step": 1000, "layer": "zz"}))
    status.wait_for()
    assert 'layer "zz"' in status.inner_text()
    # the next link without problems clears it
    page.evaluate("h => { location.hash = h; }", link({"run": "agentA", "step": 1000, "frame": 4}))
    status.wait_for(state="detached", timeout=5000)
    poll(page, lambda: frame_number(frame) == 4, "the good link's frame")
    assert page.errors == []


def test_compare_to_single_keeps_the_view(page, tb):
    status, _, body = tb.get("data/plugin/rl_clarity/manifest?run=agentA&step=2000")
    logit = next(o["key"] for o in json.loads(body)["outputs"] if o["kind"] == "logit")
    frame = open_frame(page, tb, {"run": "agentA", "step": 2000, "run_b": "agentA", "step_b": 1000,
                                "layer": "4a", "rows": f"v,{logit}", "abs": 1, "frame": 7})
    tid(frame, "compare-status").wait_for()
    tid(frame, "single").click()
    # the mode flips at once; the single view's analysis loads after (poll the whole view)
    poll_state(page, frame, ("mode", "run", "step", "layer", "rows", "frame"),
               ("single", "agentA", 2000, "4a", ["v", logit], 6), "pane A's view, single")
    assert tid(frame, "toggle-abs").is_checked()
    tid(frame, "attr-canvas-1-abs").wait_for()
    poll(page, lambda: f"p.rl_clarity.rows=v%2C{logit}" in page.evaluate("() => location.hash")
         and "run_b" not in page.evaluate("() => location.hash"), "the single view's link")


def expected_seek(p: float, frame: int, visible: int = T) -> int:
    """charts.ts frameAt, written again."""
    return min(max(math.floor(frame + 0.5 + (p - 0.5) * visible), 0), T - 1)


def test_click_to_seek_on_the_scrubber_and_the_graphs(page, tb):
    frame = open_frame(page, tb, {"run": "agentA", "step": 1000, "frame": 20})
    tid(frame, "graph-advantage").wait_for()
    scrub = tid(frame, "scrubber").bounding_box()
    page.mouse.click(scrub["x"] + scrub["width"] * 0.8, scrub["y"] + scrub["height"] / 2)
    want = expected_seek(0.8, 19) + 1
    assert want != 20
    poll(page, lambda: frame_number(frame) == want, "a click on the scrubber to seek")
    graph = tid(frame, "graph-advantage").locator("svg").bounding_box()
    page.mouse.click(graph["x"] + graph["width"] * 0.2, graph["y"] + graph["height"] / 2)
    want2 = expected_seek(0.2, want - 1) + 1
    poll(page, lambda: frame_number(frame) == want2, "a click on a graph to seek")
    # a drag still pulls the tape: left moves forward
    x, y = scrub["x"] + scrub["width"] / 2, scrub["y"] + scrub["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x - scrub["width"] * 0.25, y, steps=5)
    page.mouse.up()
    poll(page, lambda: frame_number(frame) == want2 + 10, "a drag to pull the tape")


def test_missing_parts_are_noticed_until_a_good_analysis(page, tb):
    frame = open_frame(page, tb, {"run": "holes", "step": 1000, "layer": "2b"}, wait_frame=False)
    notice = tid(frame, "error")
    poll(page, lambda: "could not load frames of holes step 1000: " in notice.inner_text()
         and "could not load thumbnails of layer 2b of holes step 1000: " in notice.inner_text(),
         "the notices of the missing frames and thumbnails")
    lines = tid(frame, "notice").all_inner_texts()
    frames_line = next(x for x in lines if "frames of" in x)
    assert "frames_0" in frames_line  # the server's one-line reason names the file
    legend_missing = frame.locator('[data-testid^="legend-"] [data-testid="thumb-missing"]')
    assert legend_missing.count() == 4  # marked, not silent grey boxes
    tid(frame, "step-select").select_option("2000")
    notice.wait_for(state="detached", timeout=10000)
    legend_missing.first.wait_for(state="detached", timeout=10000)
    frame.locator("body[data-first-frame-ms]").wait_for()


def test_the_plugin_frame_reloads_by_itself(page, tb):
    frame = open_frame(page, tb, {"run": "agentA", "step": 1000, "frame": 3})
    tid(frame, "step-forward").click()
    poll(page, lambda: "frame=4" in frame.evaluate("() => location.hash"), "the frame's own hash")
    href = frame.evaluate("() => location.href")
    assert "/data/plugin_entry.html?name=rl_clarity#" in href, href
    status, _, _ = tb.get(urllib.parse.urlsplit(href)._replace(scheme="", netloc="",
                                                               fragment="").geturl())
    assert status == 200
    frame.evaluate("() => location.reload()")
    page.frame_locator(TB_FRAME).locator("body[data-first-frame-ms]").wait_for(timeout=60000)
    frame = page.locator(TB_FRAME).element_handle().content_frame()
    poll(page, lambda: tid(frame, "frame-label").count() and frame_number(frame) == 4,
         "the reloaded frame to show its own link's frame")
