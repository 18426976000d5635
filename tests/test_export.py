"""The standalone HTML export: self-contained, escaped, size-bounded, and working from file://
and inside an iframe sandboxed to scripts only, loaded from a blob URL (as MLflow shows HTML)."""

import base64
import functools
import http.server
import io
import json
import re
import shutil
import subprocess
import sys
import threading

import numpy as np
import pytest
from PIL import Image

from rlclarity_plugin import exit_codes, export_html, views
from rlclarity_plugin.export import ExportTooLarge
from rlclarity_plugin.store import schema
from tests.support.browser import needs_chromium
from tests.support.export_page import Page, split

HOSTILE_ENV = "</script><img src=x onerror=alert(1)>"
HOSTILE_BUTTON = "<b onmouseover=alert(2)>X</b>"
HOSTILE_TITLE = "t</title><script>alert(3)</script>"


@pytest.fixture(scope="module")
def logdir(analysed_logdir, tmp_path_factory):
    """agentA at step 1000 with hostile text in its manifest (env name, an action's button)."""
    root = tmp_path_factory.mktemp("export") / "logs"
    shutil.copytree(f"{analysed_logdir}/agentA", root / "agentA")
    path = root / "agentA/plugins/rl_clarity/1000/manifest.json"
    manifest = json.loads(path.read_text())
    manifest["env"]["name"] = HOSTILE_ENV
    manifest["action_combos"][4] = [HOSTILE_BUTTON]
    path.write_text(json.dumps(manifest))
    return str(root)


@pytest.fixture(scope="module")
def exported(logdir, tmp_path_factory):
    out = tmp_path_factory.mktemp("html") / "agentA.html"
    result = export_html(logdir, "agentA", 1000, str(out), title=HOSTILE_TITLE)
    assert result.path == str(out) and result.size == out.stat().st_size
    return out


def key(route, run="agentA", step=1000, **params):
    return views.route_key(route, {"run": run, "step": step, **params})


def test_self_contained_and_escaped(exported):
    html = exported.read_text(encoding="utf-8")
    assert html.count("<script") == 3 and html.lower().count("</script") == 3
    urls = set(re.findall(r"https?://[^\s\"'`)]+", html))
    # only XML namespaces and the documentation links of Svelte's error messages; the browser
    # tests check that nothing is requested
    assert all("w3.org/" in u or u.startswith("https://svelte.dev/e/") for u in urls), urls
    assert "<img src=x" not in html and "<b onmouseover" not in html
    assert "<title>t&lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt;</title>" in html
    page = Page(exported.read_bytes())
    assert page.index["format"] == 3 and page.index["analyses"] == [
        {"run": "agentA", "step": 1000}] and page.index["compare"] is None
    manifest = page.json(key("manifest"))  # the recorded manifest holds the hostile strings
    assert manifest["env"]["name"] == HOSTILE_ENV
    assert manifest["action_combos"][4] == [HOSTILE_BUTTON]


def test_parts_round_trip(exported, logdir):
    """Attribution, units, series and pictures in the page equal the store's (decoded here in
    Python, independently of the export and of the product's reader)."""
    from rlclarity_plugin.store.reader import LogdirReader
    from tests.support import store

    page = Page(exported.read_bytes())
    reader = LogdirReader(logdir)
    maps, _ = reader.attribution("agentA", 1000, "2b", 1, "v")
    unit = store.unit_json(logdir, "agentA", 1000, "2b", 1, "v")
    at = dict(layer="2b", traj=1, output="v")
    assert page.json(key("unit", **at)) == unit
    np.testing.assert_array_equal(
        store.decode_maps(page.body(key("attribution", **at)), unit["shape"], unit["steps"]),
        maps)
    sums = store.series(logdir, "agentA", 1000)
    series = page.json(key("series", traj=0))
    np.testing.assert_array_equal(np.asarray(series["advantages"], np.float32),
                                  sums["advantages"][0])
    np.testing.assert_array_equal(np.asarray(series["logits"], np.float32), sums["logits"][0])
    assert series["actions"] == sums["actions"][0].astype(int).tolist()
    frames = Image.open(io.BytesIO(page.body(key("frames", traj=1))))  # as stored
    assert page.body(key("frames", traj=1)) == reader.asset_bytes(
        "agentA", 1000, schema.frames_asset(1))
    assert frames.format == "WEBP"
    # no feature picture is shipped: all are recomposed in the page from the observations
    features = {e[0] for k, e in page.routes.items() if k.startswith("feature?")}
    assert features == {"feature-alpha"}
    for k in [k for k in page.routes if k.startswith("feature?")][:6]:
        _, params = split(k)
        stored = reader.asset_bytes("agentA", 1000, schema.feature_asset(
            params["layer"], int(params["feature"]), float(params["subdiv"]),
            float(params["expand"])))
        np.testing.assert_array_equal(page.feature_pixels(k), np.asarray(
            Image.open(io.BytesIO(stored)).convert("RGBA")))


def test_selection_and_clear_errors(logdir, tmp_path):
    result = export_html(logdir, "agentA", 1000, None, layers=["4a"], trajectories=[1],
                         outputs=["v", "group0"], subdiv_mults=[1], expand_mults=[2])
    page = Page(result.html)
    m = page.json(key("manifest"))
    assert [entry["name"] for entry in m["layers"]] == ["4a"]
    assert m["probe_set"]["trajectories"] == 1 and m["probe_set"]["exported_trajectories"] == [1]
    assert all(t == 0 for marks in m["bookmarks"].values() for t, _ in marks)
    assert m["features"]["subdiv_mults"] == [1] and m["features"]["expand_mults"] == [2]
    assert sorted(k for k in page.routes if k.startswith("unit?")) == [
        key("unit", layer="4a", traj=0, output="group0"), key("unit", layer="4a", traj=0,
                                                               output="v")]
    assert sorted(k for k in page.routes if k.startswith("feature_grid?")) == [
        key("feature_grid", layer="4a", feature=k, subdiv="1", expand="2") for k in range(4)]
    with pytest.raises(ValueError, match=r"unknown layers \['9z'\]"):
        export_html(logdir, "agentA", 1000, None, layers=["9z"])
    with pytest.raises(ValueError, match="at step 5"):
        export_html(logdir, "agentA", 5, None)
    out = tmp_path / "big.html"
    with pytest.raises(ExportTooLarge, match=r"(?s)layer 2b.*--layers") as err:
        export_html(logdir, "agentA", 1000, str(out), max_size=100_000)
    assert "over the limit of 0.1 MiB" in str(err.value)
    assert not out.exists()
    done = subprocess.run([sys.executable, "-m", "rlclarity_plugin.cli", "export", "--logdir",
                           logdir, "--run", "agentA", "-o", str(out), "--max-size", "0.1"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == exit_codes.TOO_LARGE and "Drop some with --layers" in done.stderr
    assert "Traceback" not in done.stderr and not out.exists()


def test_compare_export_holds_both_analyses_and_their_matching(real_analysed_logdir):
    """A's and B's responses equal their own single exports'; the matching of every layer,
    both ways, is the plugin's; a bad --compare is refused clearly."""
    from rlclarity_plugin.analysis import matching
    from rlclarity_plugin.store.reader import LogdirReader

    kw = dict(layers=["2b"], trajectories=[0], outputs=["v"], subdiv_mults=[1],
              expand_mults=[2])
    page = Page(export_html(real_analysed_logdir, "agentA", 1000, None, compare=("agentA", 2000),
                            **kw).html)
    assert page.index["format"] == 3 and page.index["compare"] == {
        "a": {"run": "agentA", "step": 1000}, "b": {"run": "agentA", "step": 2000}}
    assert page.json("runs?") == {"runs": [{"run": "agentA", "steps": [1000, 2000]}],
                                  "problems": []}
    for step in (1000, 2000):
        single = Page(export_html(real_analysed_logdir, "agentA", step, None, **kw).html)
        for k, (encoding, *_) in single.routes.items():
            if k.startswith("runs?"):  # the page's own analyses
                continue
            assert page.routes[k][0] == encoding, k
            if encoding.startswith("json"):
                assert page.json(k) == single.json(k), k
            else:
                assert page.raw(k) == single.raw(k), k
    reader = LogdirReader(real_analysed_logdir)
    a, b = reader.analysis("agentA", 1000), reader.analysis("agentA", 2000)
    for x, y in [(a, b), (b, a), (a, a), (b, b)]:
        want = matching.match(x.manifest, y.manifest, "2b",
                              load_maps_a=lambda t, o, x=x: x.maps("2b", t, o),
                              load_maps_b=lambda t, o, y=y: y.maps("2b", t, o))
        got = page.json(views.route_key("match", {"run": "agentA", "step": x.step,
                                                  "run_b": "agentA", "step_b": y.step,
                                                  "layer": "2b"}))
        assert got == json.loads(json.dumps(want))
    done = subprocess.run([sys.executable, "-m", "rlclarity_plugin.cli", "export", "--logdir",
                           real_analysed_logdir, "--compare", "agentA:1000", "agentA:77", "-o",
                           "/dev/null"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 2 and "no analysis at step 77" in done.stderr


# -- in the browser ---------------------------------------------------------------------------

def watched_page(browser):
    page = browser.new_page(viewport={"width": 1600, "height": 1200})
    page.problems = []
    page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    page.on("dialog", lambda d: (page.problems.append("dialog " + d.message), d.dismiss()))
    page.requests = []
    page.on("request", lambda r: page.requests.append(r.url))
    return page


def coloured(locator) -> int:
    data = locator.evaluate(
        "c => Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data)")
    return sum(1 for i in range(0, len(data), 4) if max(data[i:i + 3]) - min(data[i:i + 3]) > 40)


def exercise(page, frame):
    """A frame renders with attribution; play, legend hover and the feature popup work."""
    frame.locator("body[data-first-frame-ms]").wait_for(timeout=60000)
    tid = lambda name: frame.locator(f'[data-testid="{name}"]')
    canvas = tid("attr-canvas-0-pos")
    assert coloured(canvas) > 50
    assert HOSTILE_ENV in frame.locator(".meta").inner_text()  # shown as text
    tid("fps").fill("30")
    tid("play").click()
    page.wait_for_timeout(600)
    tid("pause").click()
    assert int(tid("frame-label").inner_text().split(":")[1]) > 3
    before = canvas.evaluate("c => c.toDataURL()")
    tid("legend-0").hover()
    frame.wait_for_function(
        "b => document.querySelector('[data-testid=attr-canvas-0-pos]').toDataURL() !== b",
        arg=before)
    tid("legend-0").click()
    tid("popup-image").wait_for()
    assert tid("popup-image").evaluate("img => img.naturalWidth") > 0
    box = tid("popup-image").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    tid("popup-observation").wait_for()
    page.mouse.up()
    tid("popup-close").click()


@needs_chromium
def test_opens_from_file_url(browser, exported, logdir):
    from rlclarity_plugin.store.reader import LogdirReader

    page = watched_page(browser)
    page.goto(exported.as_uri())
    exercise(page, page.main_frame)
    # the feature pictures the page shows (recomposed PNGs) are the stored ones, pixel for pixel
    reader = LogdirReader(logdir)
    for layer, k, s, e in [("2b", 0, 1.0, 4.0), ("2b", 3, 0.5, 2.0), ("4a", 1, 1.0, 2.0)]:
        src = page.evaluate(
            """async ([layer, k, s, e]) => (await window.rlClarity.source.image(
                 "feature", "agentA", 1000, {layer, feature: k, subdiv: s, expand: e})).src""",
            [layer, k, s, e])
        assert src.startswith("data:image/png;base64,")
        got = np.asarray(Image.open(io.BytesIO(base64.b64decode(src.split(",", 1)[1])))
                         .convert("RGBA"))
        stored = np.asarray(Image.open(io.BytesIO(reader.asset_bytes(
            "agentA", 1000, schema.feature_asset(layer, k, s, e)))).convert("RGBA"))
        np.testing.assert_array_equal(got, stored)
    assert page.problems == []
    assert [u for u in page.requests if not u.startswith(("file:", "data:", "blob:"))] == []
    page.close()


@needs_chromium
def test_works_in_a_script_only_sandboxed_iframe(browser, exported, tmp_path):
    """MLflow's viewer: fetch the file, make a blob URL, <iframe sandbox="allow-scripts">."""
    shutil.copy(exported, tmp_path / "artifact.html")
    (tmp_path / "viewer.html").write_text(
        "<!DOCTYPE html><html><head><link rel=icon href='data:,'></head>"
        "<body style='margin:0'>"
        "<iframe id=v sandbox='allow-scripts' style='width:1580px;height:1180px;border:0'>"
        "</iframe><script src='viewer.js'></script></body></html>")
    (tmp_path / "viewer.js").write_text(
        "fetch('artifact.html').then(r => r.text()).then(t => {"
        " document.getElementById('v').src = URL.createObjectURL("
        "new Blob([t], {type: 'text/html'})); });")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = watched_page(browser)
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/viewer.html")
        page.frame_locator("#v").locator("body[data-first-frame-ms]").wait_for(timeout=60000)
        frame = next(f for f in page.frames if f.url.startswith("blob:"))
        exercise(page, frame)
        assert page.problems == []
        local = f"http://127.0.0.1:{server.server_address[1]}/"
        assert [u for u in page.requests
                if not u.startswith(("data:", "blob:")) and "favicon" not in u] == [
            local + "viewer.html", local + "viewer.js", local + "artifact.html"]
        page.close()
    finally:
        server.shutdown()
