"""One data model: an exported page holds the TensorBoard plugin's responses.

For every request an exported page records (every route: runs, manifest, series, unit,
attribution, frames, scrub, observations, thumbnails, synthetic, feature, feature_grid, match,
fullres),
the response decoded as the page format says (``rlclarity_plugin/export/html.py``; the
decoders, ``tests/support/export_page.py``, are written from that description, not taken from
the export) equals the
plugin's response to the same request, served by the plugin inside TensorBoard's WSGI app:
the same bytes for pictures and attribution, the same JSON values (every number the same
double), the same pixels for a recomposed feature picture. The page records exactly the
requests the interface can make on its analyses; then the page's own embedded transport, in
Chromium, gives the same answers, and the keys it forms are the Python ones.
"""

import base64
import hashlib
import json
import shutil
import zlib
from pathlib import Path

import numpy as np
import pytest

from rlclarity_plugin import export_html, views
from tests.support.browser import needs_chromium
from tests.support.export_page import Page, decode, from_planes_avg, from_text7, split
from tests.support.plugin import BASE, make_client

FRONTEND = Path(__file__).parent.parent / "tb_frontend" / "src"
ROUTE_KEYS = FRONTEND / "route_keys.json"
PART_EXAMPLES = FRONTEND / "part_examples.json"
ROUTES = {"runs", "manifest", "series", "unit", "attribution", "frames", "scrub",
          "observations", "thumbnails", "synthetic", "feature", "feature_grid", "fullres"}
HIRES_ARGS = ["--traj-envs", "2", "--traj-steps", "12", "--obs-envs", "2", "--obs-per-env",
              "8", "--obs-every", "2", "--layers", "2b", "--include-input", "--attr-policy",
              "--nmf-features", "3", "--subdiv-mults", "0.5", "1", "--expand-mults", "2",
              "--full-resolution", "--no-progress", "--seed", "5"]


# -- fixtures ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def logdir(compare_logdir, tmp_path_factory):
    """The shared compare logdir (agentA at 1000 and 2000, agentC on another probe set, ...)
    plus ``hires``: an analysis with human-scale frames and synthetic feature pictures (both
    written by the synthetic store)."""
    from tests.support.synthetic import analysis_config, write_analysis

    root = tmp_path_factory.mktemp("onemodel") / "logs"
    shutil.copytree(compare_logdir, root)
    write_analysis(str(root), "hires", 1000, analysis_config(*HIRES_ARGS), feature_vis=True,
                   feature_vis_channels=2)
    return str(root)


@pytest.fixture(scope="module")
def client(logdir):
    return make_client(logdir)


@pytest.fixture(scope="module")
def pages(logdir):
    """The full default selection of: one analysis; one with human-scale frames; the compare
    view on a shared probe set (matching by attribution) and on two probe sets (components)."""
    made = {}
    for name, run, step, kw in [
            ("single", "agentA", 1000, {}),
            ("hires", "hires", 1000, {}),
            ("compare", "agentA", 1000, {"compare": ("agentA", 2000)}),
            ("compare-other-probe-set", "agentA", 1000, {"compare": ("agentC", 1000)})]:
        made[name] = Page(export_html(logdir, run, step, None, max_size=None, **kw).html)
    return made


def plugin(client, key: str):
    """The plugin's answer to the request of ``key`` (no Accept-Encoding: plain bodies)."""
    r = client.get(BASE + key)
    assert r.status_code == 200, (key, r.data[:300])
    return r


# -- the tests -----------------------------------------------------------------------------------

def test_route_keys_are_formed_as_the_front_end_forms_them():
    """The examples tb_frontend/src/routes.spec.ts checks routeKey against."""
    examples = json.loads(ROUTE_KEYS.read_text(encoding="utf-8"))["examples"]
    assert len(examples) >= 10
    for e in examples:
        assert views.route_key(e["route"], e["params"]) == e["key"]
        assert split(e["key"]) == (e["route"], {k: str(v) for k, v in e["params"].items()
                                                 if k not in ("v", "v_b")})


def test_the_part_examples_of_the_front_end_tests_are_the_encoders():
    """tb_frontend/src/parts.spec.ts decodes these parts; here they are what the encoders
    write (text7 exactly; the compressed parts decode to the same, as do fresh ones)."""
    from rlclarity_plugin.export import encodings

    examples = json.loads(PART_EXAMPLES.read_text(encoding="utf-8"))
    for e in examples["text7"]:
        data = bytes.fromhex(e["hex"])
        assert encodings.text7(data) == e["text"] and from_text7(e["text"]) == data
    rng = np.random.default_rng(3)
    for n in range(0, 300, 7):
        data = rng.choice(np.array([0, 0x0D, 0x3C, 0x41, 0xFF], np.uint8), n).tobytes()
        assert from_text7(encodings.text7(data)) == data
    for e in examples["planes_avg"]:
        body = bytes.fromhex(e["body_hex"])
        for part in (bytes.fromhex(e["part_hex"]), encodings.encode_planes_avg(body, e["shape"])):
            assert from_planes_avg(zlib.decompress(part), e["shape"]) == body
    for e in examples["json_arrays"]:
        for part in (bytes.fromhex(e["part_hex"]), encodings.encode_json_arrays(e["value"])):
            assert Page.decode_json("json+arrays", part) == e["value"]


@pytest.mark.parametrize("name", ["single", "hires", "compare", "compare-other-probe-set"])
def test_every_recorded_response_is_the_plugins(pages, client, name):
    page = pages[name]
    held = [(a["run"], a["step"]) for a in page.index["analyses"]]
    seen = set()
    for key, (encoding, *_rest) in page.routes.items():
        route, params = split(key)
        seen.add(route)
        r = plugin(client, key)
        if route == "runs":  # the page lists its own analyses, and no problems
            want = json.loads(r.data)
            mine = {(x["run"], s) for x in want["runs"] for s in x["steps"]} & set(held)
            got = page.json(key)
            assert got["problems"] == [] and {(x["run"], s) for x in got["runs"]
                                              for s in x["steps"]} == mine == set(held)
        elif encoding in ("json", "json+arrays"):
            assert r.headers["Content-Type"].startswith("application/json")
            assert page.json(key) == json.loads(r.data), key
        elif encoding == "feature-alpha":
            np.testing.assert_array_equal(page.feature_pixels(key), decode(r.data, "RGBA"),
                                          err_msg=key)
        else:
            assert page.body(key) == r.data, key
            if encoding == "bytes":
                assert r.headers["Content-Type"] == page.routes[key][3]
    expected = ROUTES | ({"match"} if name.startswith("compare") else set())
    if name != "hires":
        expected -= {"fullres", "synthetic"}
    assert seen == expected
    # feature pictures are left out (recomposed) wherever that is exact: here, all of them
    assert {e[0] for k, e in page.routes.items() if k.startswith("feature?")} == {"feature-alpha"}


@pytest.mark.parametrize("name", ["single", "hires", "compare"])
def test_the_page_records_every_request_the_interface_can_make(pages, client, name):
    """Enumerated from the manifests: nothing missing, nothing else."""
    page = pages[name]
    want = {views.route_key("runs", {})}
    analyses = [(a["run"], a["step"]) for a in page.index["analyses"]]
    for run, step in analyses:
        m = json.loads(plugin(client, views.route_key("manifest", {"run": run, "step": step}))
                       .data)
        at = {"run": run, "step": step}

        def key(route, **params):
            return views.route_key(route, {**at, **params})  # noqa: B023

        want.add(key("manifest"))
        E, T, N = (m["probe_set"][k] for k in ("trajectories", "steps", "observations"))
        per = m["assets"]["sheet_size"]
        for t in range(E):
            want |= {key("series", traj=t), key("frames", traj=t), key("scrub", traj=t)}
            for layer in m["layers"]:
                for o in m["outputs"]:
                    for route in ("unit", "attribution"):
                        want.add(key(route, layer=layer["name"], traj=t, output=o["key"]))
            if m["full_resolution"]:
                want |= {key("fullres", traj=t, frame=f) for f in range(T)}
        want |= {key("observations", sheet=s) for s in range(-(-N // per))}
        if m["full_resolution"]:
            want |= {key("fullres", obs=i) for i in range(N)}
        for layer in m["layers"]:
            if not layer["features"]:
                continue
            want.add(key("thumbnails", layer=layer["name"]))
            if layer.get("feature_vis"):
                want.add(key("synthetic", layer=layer["name"]))
            for s in m["features"]["subdiv_mults"]:
                for e in m["features"]["expand_mults"]:
                    for k in range(layer["features"]):
                        for route in ("feature", "feature_grid"):
                            want.add(key(route, layer=layer["name"], feature=k,
                                         subdiv=views.number(s), expand=views.number(e)))
    if len(analyses) == 2:
        for layer in json.loads(plugin(client, views.route_key(
                "manifest", {"run": analyses[0][0], "step": analyses[0][1]})).data)["layers"]:
            for x in analyses:
                for y in analyses:
                    want.add(views.route_key("match", {"run": x[0], "step": x[1], "run_b": y[0],
                                                       "step_b": y[1], "layer": layer["name"]}))
    assert set(page.routes) == want


def test_a_selection_records_the_routes_answers_for_the_chosen_trajectories(logdir, client):
    """Trajectories renumbered from 0: the page's traj=i is the route's exported[i]."""
    page = Page(export_html(logdir, "agentA", 1000, None, trajectories=[1], layers=["4a"],
                            outputs=["v"], subdiv_mults=[1], expand_mults=[2]).html)
    at = {"run": "agentA", "step": 1000}
    m = page.json(views.route_key("manifest", at))
    assert m["probe_set"]["trajectories"] == 1 and m["probe_set"]["exported_trajectories"] == [1]
    for route, extra in [("series", {}), ("unit", {"layer": "4a", "output": "v"}),
                         ("attribution", {"layer": "4a", "output": "v"}), ("frames", {}),
                         ("scrub", {})]:
        mine = views.route_key(route, {**at, **extra, "traj": 0})
        theirs = plugin(client, views.route_key(route, {**at, **extra, "traj": 1}))
        if route in ("series", "unit"):
            assert page.json(mine) == json.loads(theirs.data)
        else:
            assert page.body(mine) == theirs.data
    assert not any("traj=1" in k for k in page.routes)


# -- in the browser: the page's own transport ----------------------------------------------------



@needs_chromium
def test_the_pages_transport_answers_as_the_plugin(browser, pages, client, tmp_path):
    """In Chromium: rlClarity.source.transport (EmbeddedTransport) decodes every JSON response
    to the plugin's value, every body to the plugin's bytes, and shows every feature picture
    with the stored pixels (its PNG decoded here); the page renders."""
    page = pages["hires"]
    path = tmp_path / "hires.html"
    path.write_bytes(page.html)
    tab = browser.new_page(viewport={"width": 1400, "height": 1000})
    problems = []
    tab.on("pageerror", lambda e: problems.append(str(e)))
    tab.on("console", lambda m: m.type == "error" and problems.append(m.text))
    tab.goto(path.as_uri())
    tab.locator("body[data-first-frame-ms]").wait_for(timeout=60000)
    requests = [[k, *split(k), e[0]] for k, e in page.routes.items()]
    answers = tab.evaluate(
        """async (requests) => {
             const t = window.rlClarity.source.transport, out = {};
             const hex = (b) => Array.from(new Uint8Array(b),
                                           (x) => x.toString(16).padStart(2, "0")).join("");
             for (const [key, route, params, encoding] of requests) {
               if (encoding.startsWith("json"))
                 out[key] = JSON.stringify(await t.json(route, params));
               else if (encoding === "feature-alpha")
                 out[key] = (await t.image(route, params)).src;
               else if (route !== "fullres" || params.frame === "0") {
                 const body = await t.bytes(route, params);
                 out[key] = hex(await crypto.subtle.digest("SHA-256", body));
               }
             }
             return out;
           }""", requests)
    for key, value in answers.items():
        r = plugin(client, key)
        encoding = page.routes[key][0]
        if encoding.startswith("json") and not key.startswith("runs?"):
            assert json.loads(value) == json.loads(r.data), key
        elif encoding == "feature-alpha":
            assert value.startswith("data:image/png;base64,")
            np.testing.assert_array_equal(decode(base64.b64decode(value.split(",", 1)[1]), "RGBA"),
                                          decode(r.data, "RGBA"), err_msg=key)
        elif not encoding.startswith("json"):
            assert value == hashlib.sha256(r.data).hexdigest(), key
    assert tab.locator('[data-testid="reload"]').count() == 0  # no server: no "reload runs"
    assert problems == [] and tab.locator(".error").count() == 0
    tab.close()
