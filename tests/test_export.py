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

from rlclarity_plugin import export_html
from rlclarity_plugin.export import ExportTooLarge
from rlclarity_plugin.store import schema

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


def index_of(html: str) -> dict:
    return json.loads(re.search(r'id="rlc-index">(.*?)</script>', html, re.S).group(1))


def test_self_contained_and_escaped(exported):
    html = exported.read_text(encoding="utf-8")
    assert html.count("<script") == 3 and html.lower().count("</script") == 3
    urls = set(re.findall(r"https?://[^\s\"'`)]+", html))
    # only XML namespaces and the documentation links of Svelte's error messages; the browser
    # tests check that nothing is requested
    assert all("w3.org/" in u or u.startswith("https://svelte.dev/e/") for u in urls), urls
    assert "<img src=x" not in html and "<b onmouseover" not in html
    assert "<title>t&lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt;</title>" in html
    index = index_of(html)  # the JSON element parses back to the hostile strings
    assert index["manifest"]["env"]["name"] == HOSTILE_ENV
    assert index["manifest"]["action_combos"][4] == [HOSTILE_BUTTON]


def test_binary_parts_round_trip(exported, logdir):
    """Attribution, series and totals in the page equal the store's (decoded here in Python)."""
    from rlclarity_plugin.store.reader import LogdirReader
    from tests.support import store

    html = exported.read_text(encoding="utf-8")
    index = index_of(html)
    blobs = re.search(r'id="rlc-blobs">(.*?)</script>', html, re.S).group(1)

    def part(key):
        start, end, _ = index["blobs"][key]
        return base64.b64decode(blobs[start:end])

    reader = LogdirReader(logdir)
    maps, _ = reader.attribution("agentA", 1000, "2b", 1, "v")
    unit = store.unit_json(logdir, "agentA", 1000, "2b", 1, "v")
    steps = np.frombuffer(part("steps/2b/1/v"), np.float32)
    np.testing.assert_array_equal(steps, np.asarray(unit["steps"], np.float32))
    np.testing.assert_array_equal(store.decode_maps(part("attribution/2b/1/v"), unit["shape"],
                                                    steps), maps)
    assert index["units"]["2b/1/v"] == {k: unit[k] for k in ("shape", "codec", "scale")}
    np.testing.assert_array_equal(np.frombuffer(part("totals/2b/1/v"), np.float32).reshape(
        len(unit["totals"]), -1), np.asarray(unit["totals"], np.float32))
    np.testing.assert_array_equal(np.frombuffer(part("delta/2b/1/v"), np.float32),
                                  np.asarray(unit["delta"], np.float32))
    sums = store.series(logdir, "agentA", 1000)
    series = np.frombuffer(part("series/0"), np.float32).reshape(unit["shape"][0], -1)
    np.testing.assert_array_equal(series[:, 1], sums["advantages"][0])
    np.testing.assert_array_equal(series[:, 6:], sums["logits"][0])
    frames = Image.open(io.BytesIO(part("frames/1")))  # lossless WebP: same pixels
    stored = Image.open(io.BytesIO(reader.asset_bytes("agentA", 1000, schema.frames_asset(1))))
    np.testing.assert_array_equal(np.asarray(frames.convert("RGB")),
                                  np.asarray(stored.convert("RGB")))
    # no feature picture is shipped: all are recomposed in the page from the observations
    assert not any(k.startswith("feature/") for k in index["blobs"])
    assert any(k.startswith("alpha/") for k in index["blobs"])


def test_selection_and_clear_errors(logdir, tmp_path):
    result = export_html(logdir, "agentA", 1000, None, layers=["4a"], trajectories=[1],
                         outputs=["v", "group0"], subdiv_mults=[1], expand_mults=[2])
    index = index_of(result.html.decode())
    m = index["manifest"]
    assert [entry["name"] for entry in m["layers"]] == ["4a"]
    assert m["probe_set"]["trajectories"] == 1 and m["probe_set"]["exported_trajectories"] == [1]
    assert all(t == 0 for marks in m["bookmarks"].values() for t, _ in marks)
    assert sorted(index["units"]) == ["4a/0/group0", "4a/0/v"]
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
    assert done.returncode == 2 and "Drop some with --layers" in done.stderr
    assert "Traceback" not in done.stderr and not out.exists()


def test_compare_export_holds_both_analyses_and_their_matching(analysed_logdir):
    """Format 2: A's and B's parts under their prefixes equal their own single exports' parts;
    the matching of every layer is the plugin's; a bad --compare is refused clearly."""
    from rlclarity_plugin.analysis import matching
    from rlclarity_plugin.store.reader import LogdirReader

    kw = dict(layers=["2b"], trajectories=[0], outputs=["v"], subdiv_mults=[1],
              expand_mults=[2])
    page = export_html(analysed_logdir, "agentA", 1000, None, compare=("agentA", 2000), **kw)
    html = page.html.decode()
    index = index_of(html)
    blobs = re.search(r'id="rlc-blobs">(.*?)</script>', html, re.S).group(1)
    assert index["format"] == 2 and index["compare"] == {
        "a": {"run": "agentA", "step": 1000}, "b": {"run": "agentA", "step": 2000}}
    for i, step in enumerate((1000, 2000)):
        single = export_html(analysed_logdir, "agentA", step, None, **kw).html.decode()
        s_index = index_of(single)
        s_blobs = re.search(r'id="rlc-blobs">(.*?)</script>', single, re.S).group(1)
        assert index["analyses"][i]["manifest"] == s_index["manifest"]
        for key, (start, end, kind) in s_index["blobs"].items():
            a, b, k2 = index["blobs"][f"{i}:{key}"]
            assert blobs[a:b] == s_blobs[start:end] and k2 == kind, key
    reader = LogdirReader(analysed_logdir)
    a, b = ("agentA", 1000), ("agentA", 2000)
    want = matching.match(reader.manifest(*a), reader.manifest(*b), "2b",
                          load_maps_a=lambda t, o: reader.attribution(*a, "2b", t, o)[0],
                          load_maps_b=lambda t, o: reader.attribution(*b, "2b", t, o)[0])
    assert index["matches"]["2b"] == json.loads(json.dumps(want))
    done = subprocess.run([sys.executable, "-m", "rlclarity_plugin.cli", "export", "--logdir",
                           analysed_logdir, "--compare", "agentA:1000", "agentA:77", "-o",
                           "/dev/null"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 2 and "no analysis at step 77" in done.stderr


# -- in the browser ---------------------------------------------------------------------------

pytest_browser = pytest.mark.skipif(shutil.which("chromium") is None,
                                    reason="Debian's chromium is not installed")


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


@pytest_browser
def test_opens_from_file_url(browser, exported, logdir):
    from rlclarity_plugin.store.reader import LogdirReader

    page = watched_page(browser)
    page.goto(exported.as_uri())
    exercise(page, page.main_frame)
    # the feature pictures recomposed in the page are the stored ones, pixel for pixel
    reader = LogdirReader(logdir)
    for layer, k, s, e in [("2b", 0, 1.0, 4.0), ("2b", 3, 0.5, 2.0), ("4a", 1, 1.0, 2.0)]:
        raw = page.evaluate(
            """async ([layer, k, s, e]) => {
                 const src = window.rlClaritySource;
                 const key = `${layer}/${k}/${Number(s)}/${Number(e)}`;
                 const params = {layer, feature: k, subdiv: s, expand: e};
                 const img = await src.featurePixels(key, params);
                 let bin = ""; for (const v of img.data) bin += String.fromCharCode(v);
                 return [img.width, img.height, btoa(bin)];
               }""", [layer, k, s, e])
        stored = np.asarray(Image.open(io.BytesIO(reader.asset_bytes(
            "agentA", 1000, schema.feature_asset(layer, k, s, e)))).convert("RGBA"))
        got = np.frombuffer(base64.b64decode(raw[2]), np.uint8).reshape(raw[1], raw[0], 4)
        np.testing.assert_array_equal(got, stored)
    assert page.problems == []
    assert [u for u in page.requests if not u.startswith(("file:", "data:", "blob:"))] == []
    page.close()


@pytest_browser
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
