"""The interface fits the screen (issue 17): in Debian's Chromium via Playwright, at a laptop's
1280x800 and a desktop's 1600x1000, in the TensorBoard tab and in the standalone export (also as
narrow as MLflow's artifact viewer, 579-1,021 px):

- no horizontal scroll, in the page and in the plugin's frame;
- every legend item lies inside the viewport (for the single view at 1280 px and wider, as the
  page opens; where the page is narrower or holds two panes, once the legend is scrolled to:
  the whole legend at once), and the attribution table's last column too;
- the legend stays where it is when "combine positive and negative" is toggled;
- the compare view's feature popup names its pane and leaves pane A's legend uncovered.

Screenshots of every case go to ``$RLC_SCREENS/test_layout`` (default: a temporary folder,
printed with ``-s``; the ``screens`` fixture of tests/conftest.py).
"""

import urllib.parse

import pytest

from tests.support.browser import TB_FRAME, needs_chromium

pytestmark = needs_chromium

LAPTOP, DESKTOP = (1280, 800), (1600, 1000)
LEGEND_ITEMS = '[data-testid^="legend-"]:not([data-testid^="legend-disc-"])'


@pytest.fixture(scope="module")
def tb_logdir(compare_logdir):
    """The logdir of ``tb`` (tests/conftest.py)."""
    return compare_logdir


@pytest.fixture(scope="module")
def exports(compare_logdir, tmp_path_factory):
    from rlclarity_plugin import export_html

    root = tmp_path_factory.mktemp("layout-exports")
    single, compare = root / "single.html", root / "compare.html"
    export_html(compare_logdir, "agentA", 2000, str(single))
    # two analyses on different probe sets: both panes with every column
    export_html(compare_logdir, "agentA", 1000, str(compare), compare=("agentC", 1000),
                layers=["2b", "4a"], max_size=None)
    return {"single": single, "compare": compare}


def new_page(browser, size):
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    return page


def open_tab(page, tb, view: dict):
    extra = "".join(f"&p.rl_clarity.{k}={urllib.parse.quote(str(v), safe='')}"
                    for k, v in view.items())
    page.goto(tb.url + "#rl_clarity" + extra)
    page.frame_locator(TB_FRAME).locator("body[data-first-frame-ms]").wait_for(timeout=60000)
    return page.locator(TB_FRAME).element_handle().content_frame()


def settle(page, frame, compare=False):
    """Wait until the attribution (both panes') and the legend thumbnails are drawn."""
    if compare:
        frame.locator('[data-testid="compare-status"]').wait_for(timeout=60000)
        for side in "ab":
            frame.locator(f'[data-testid="pane-{side}"] [data-testid="attr-canvas-0-pos"]'
                          ).wait_for()
    frame.locator('[data-testid="legend-0"]').first.wait_for()
    page.wait_for_timeout(300)


def no_horizontal_scroll(page, frame):
    for doc in (page, frame) if frame is not page.main_frame else (page,):
        width, client = doc.evaluate(
            "() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]")
        assert width <= client, f"horizontal scroll: {width} px wide in {client} px"


def inside(page, box, what):
    vw, vh = page.viewport_size["width"], page.viewport_size["height"]
    assert box is not None, f"{what} is not shown"
    assert box["x"] >= -0.5 and box["x"] + box["width"] <= vw + 0.5, (what, box, vw)
    assert box["y"] >= -0.5 and box["y"] + box["height"] <= vh + 0.5, (what, box, vh)


def legend_in_view(page, scope, scroll: bool):
    """Every legend item of ``scope`` lies inside the viewport (after scrolling the legend into
    view when ``scroll``); returns their boxes."""
    items = scope.locator(LEGEND_ITEMS)
    n = items.count()
    assert n >= 5  # 4 features and the residual
    if scroll:
        items.nth(n - 1).scroll_into_view_if_needed()
        items.nth(0).scroll_into_view_if_needed()
    boxes = [items.nth(i).bounding_box() for i in range(n)]
    for i, box in enumerate(boxes):
        inside(page, box, f"legend item {i}")
    return boxes


def columns_in_view(page, scope):
    """The attribution table's last column and the first column's trajectories are within the
    viewport's width."""
    vw = page.viewport_size["width"]
    cells = scope.locator('[data-testid^="attr-canvas-0-"]')
    last = cells.nth(cells.count() - 1).bounding_box()
    assert last["x"] + last["width"] <= vw + 0.5, ("attribution cut", last, vw)
    traj = scope.locator('[data-testid="traj-0"]')
    if traj.count():
        assert traj.bounding_box()["x"] >= 0


@pytest.mark.parametrize("size", [LAPTOP, DESKTOP], ids=["1280x800", "1600x1000"])
def test_single_view_fits(browser, tb, screens, size):
    """agentA at 2000: two checkpoints, so the strip "Across checkpoints" (the caption that
    made the page 1,660 px wide) is shown."""
    page = new_page(browser, size)
    frame = open_tab(page, tb, {"run": "agentA", "step": 2000, "layer": "2b"})
    settle(page, frame)
    frame.locator('[data-testid="evo-row-1000"]').wait_for()
    page.screenshot(path=str(screens / f"single-{size[0]}x{size[1]}.png"))
    no_horizontal_scroll(page, frame)
    boxes = legend_in_view(page, frame, scroll=False)
    columns_in_view(page, frame)
    # the legend does not move when the table loses a column
    frame.locator('[data-testid="toggle-abs"]').click()
    frame.locator('[data-testid="attr-canvas-0-abs"]').wait_for()
    after = legend_in_view(page, frame, scroll=False)
    assert [round(b["x"]) for b in after] == [round(b["x"]) for b in boxes]
    no_horizontal_scroll(page, frame)
    # hovering a legend item moves nothing sideways
    frame.locator('[data-testid="legend-1"]').hover()
    assert frame.evaluate("() => document.scrollingElement.scrollLeft") == 0
    assert frame.locator('[data-testid="traj-0"]').bounding_box()["x"] >= 0
    assert page.errors == []
    page.close()


@pytest.mark.parametrize("size", [LAPTOP, DESKTOP], ids=["1280x800", "1600x1000"])
@pytest.mark.parametrize("pair", [("agentA", 2000, "agentA", 1000),
                                  ("agentA", 1000, "agentC", 1000)],
                         ids=["one-probe-set", "two-probe-sets"])
def test_compare_view_fits(browser, tb, screens, size, pair):
    page = new_page(browser, size)
    run, step, run_b, step_b = pair
    frame = open_tab(page, tb, {"run": run, "step": step, "run_b": run_b, "step_b": step_b,
                                "layer": "2b"})
    settle(page, frame, compare=True)
    name = f"compare-{'shared' if run_b == run else 'apart'}-{size[0]}x{size[1]}"
    page.screenshot(path=str(screens / f"{name}.png"))
    no_horizontal_scroll(page, frame)
    for side in "ab":
        pane = frame.locator(f'[data-testid="pane-{side}"]')
        legend_in_view(page, pane, scroll=True)
        columns_in_view(page, pane)
    # side by side at 1600 px: both legends in view at once, as the page opens
    if size == DESKTOP:
        frame.evaluate("() => document.scrollingElement.scrollTo(0, 0)")
        for side in "ab":
            legend_in_view(page, frame.locator(f'[data-testid="pane-{side}"]'), scroll=False)
    # the feature popup of each pane names it and does not cover pane A's legend
    for side in "ab":
        pane = frame.locator(f'[data-testid="pane-{side}"]')
        pane.locator('[data-testid="legend-0"]').click()
        popup = frame.locator('[data-testid="feature-popup"]')
        popup.wait_for()
        label = pane.locator('[data-testid="pane-label"]').inner_text()
        assert popup.locator('[data-testid="popup-pane"]').inner_text() == label
        frame.locator('[data-testid="popup-image"]').wait_for()
        page.screenshot(path=str(screens / f"{name}-popup-{side}.png"))
        p = popup.bounding_box()
        legend_a = frame.locator('[data-testid="pane-a"]').locator(LEGEND_ITEMS)
        for i in range(legend_a.count()):
            b = legend_a.nth(i).bounding_box()
            apart = (b["x"] >= p["x"] + p["width"] or b["x"] + b["width"] <= p["x"] or
                     b["y"] >= p["y"] + p["height"] or b["y"] + b["height"] <= p["y"])
            assert apart, f"the popup of pane {side} covers pane A's legend item {i}"
        if side == "a":
            popup.locator('[data-testid="popup-close"]').click()
        else:
            page.keyboard.press("Escape")  # Escape closes a pane's popup too
        popup.wait_for(state="detached", timeout=5000)
    assert page.errors == []
    page.close()


@pytest.mark.parametrize("size", [LAPTOP, DESKTOP, (1021, 800), (800, 1000), (579, 900)],
                         ids=["1280x800", "1600x1000", "1021x800", "800x1000", "579x900"])
def test_export_fits(browser, exports, screens, size):
    """The single export, down to the widths of MLflow's artifact viewer (579-1,021 px): the
    narrower arrangements keep the legend and the attribution in view without horizontal
    scrolling."""
    page = new_page(browser, size)
    page.goto(exports["single"].as_uri())
    frame = page.main_frame
    frame.locator("body[data-first-frame-ms]").wait_for(timeout=60000)
    settle(page, frame)
    page.screenshot(path=str(screens / f"export-{size[0]}x{size[1]}.png"), full_page=True)
    no_horizontal_scroll(page, frame)
    boxes = legend_in_view(page, frame, scroll=size[0] < LAPTOP[0])
    columns_in_view(page, frame)
    if size == LAPTOP:
        export_controls(frame)
        export_links(page, frame)
        # the legend does not move sideways when "combine positive and negative" is toggled
        frame.locator('[data-testid="toggle-abs"]').click()
        frame.locator('[data-testid="attr-canvas-0-abs"]').wait_for()
        after = legend_in_view(page, frame, scroll=False)
        assert [round(b["x"]) for b in after] == [round(b["x"]) for b in boxes]
    assert page.errors == []
    page.close()


def export_links(page, frame):
    """A link opened in the open export (only its hash changes) is followed; a frame that does
    not exist is reported in the status line."""
    page.evaluate("() => { location.hash = '#frame=5'; }")
    frame.wait_for_function("() => window.rlClarity.state().frame === 4", timeout=10000)
    page.evaluate("() => { location.hash = '#frame=999'; }")
    status = frame.locator('[data-testid="link-status"]')
    status.wait_for(timeout=10000)
    assert "frame 999 does not exist" in status.inner_text()
    status.locator('[data-testid="link-status-dismiss"]').click()
    assert status.count() == 0


def export_controls(frame):
    """An export has no server-only controls: no "reload runs"; a picker with one option is
    text (a disabled select drawn as text), not a dropdown."""
    assert frame.locator('[data-testid="reload"]').count() == 0
    run = frame.locator('[data-testid="run-select"]')
    assert run.locator("option").count() == 1
    assert run.is_disabled()
    assert run.evaluate("e => getComputedStyle(e).appearance") == "none"
    step = frame.locator('[data-testid="step-select"]')
    assert step.is_disabled() == (step.locator("option").count() == 1)


@pytest.mark.parametrize("size", [LAPTOP, DESKTOP, (800, 1000)],
                         ids=["1280x800", "1600x1000", "800x1000"])
def test_compare_export_fits(browser, exports, screens, size):
    page = new_page(browser, size)
    page.goto(exports["compare"].as_uri())
    frame = page.main_frame
    settle(page, frame, compare=True)
    page.screenshot(path=str(screens / f"export-compare-{size[0]}x{size[1]}.png"), full_page=True)
    no_horizontal_scroll(page, frame)
    for side in "ab":
        pane = frame.locator(f'[data-testid="pane-{side}"]')
        legend_in_view(page, pane, scroll=True)
        columns_in_view(page, pane)
    assert page.errors == []
    page.close()
