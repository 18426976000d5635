"""Corrupt stores, part by part: every route that reads a broken part answers 404 with one line
naming the run, the step and the part (never a 500, a traceback or broken bytes sent as good
ones); a broken manifest puts its analysis under ``/runs`` problems; everything else keeps
answering 200. Then the same stores through ``rl-clarity export`` (exit code 2, one line on
stderr naming the part, no page written).

One logdir holds every case: each case is a copy of a good run (``agentA``: steps 1000 and
2000; ``hires``: a ``--full-resolution`` analysis) named ``case-NAME`` whose step 1000 is
broken by one small mutation. The table runs through the plugin's WSGI app (every case, every
route) and through a real TensorBoard with both data loaders.
"""

from __future__ import annotations

import dataclasses
import gzip
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.support.plugin import make_client, url
from tests.support.tb import TensorBoardProcess

HIRES_ARGS = ["--traj-envs", "1", "--traj-steps", "6", "--obs-envs", "2", "--obs-per-env", "8",
              "--obs-every", "2", "--nmf-features", "2", "--subdiv-mults", "1",
              "--expand-mults", "2", "--full-resolution", "--no-progress", "--seed", "5"]
STEP = 1000  # the broken step of each case

# route name -> (route, parameters) for each kind of base run
UNIT = {"layer": "2b", "traj": 0, "output": "v"}
FEATURE = {"layer": "2b", "feature": 1, "subdiv": "0.5", "expand": "4"}
AGENT_ROUTES = {
    "manifest": ("manifest", {}), "series": ("series", {"traj": 0}), "unit": ("unit", UNIT),
    "attribution": ("attribution", UNIT), "attribution_gzip": ("attribution", UNIT),
    "frames": ("frames", {"traj": 0}), "scrub": ("scrub", {"traj": 0}),
    "observations": ("observations", {"sheet": 0}), "thumbnails": ("thumbnails", {"layer": "2b"}),
    "feature": ("feature", FEATURE), "feature_grid": ("feature_grid", FEATURE),
    "match": ("match", {"step_b": 2000, "layer": "2b"}),
}
HIRES_ROUTES = {
    "manifest": ("manifest", {}), "series": ("series", {"traj": 0}),
    "frames": ("frames", {"traj": 0}), "fullres": ("fullres", {"traj": 0, "frame": 5}),
    "fullres_first": ("fullres", {"traj": 0, "frame": 0}),
    "fullres_obs": ("fullres", {"obs": 3}),
}
BASES = {"agentA": AGENT_ROUTES, "hires": HIRES_ROUTES}


def request(run: str, base: str, name: str, step: int = STEP) -> tuple[str, dict]:
    """``(path, headers)`` of route ``name`` on ``run`` at ``step``."""
    route, params = BASES[base][name]
    params = {"run": run, "step": step, **params}
    if route == "match":
        params["run_b"] = run
    headers = {"Accept-Encoding": "gzip"} if name == "attribution_gzip" else {}
    return url(route, **params), headers


# -- mutations: each gets (run folder, analysis folder) ------------------------------------------
# (the case runs are hard-linked copies: a mutation replaces a file, never writes into it)

def replace(path: Path, body: bytes) -> None:
    path.unlink()
    path.write_bytes(body)


def edit_json(rel, fn):
    def mutate(run_dir: Path, step_dir: Path):
        path = step_dir / rel
        data = json.loads(path.read_text())
        fn(data)
        replace(path, json.dumps(data).encode())  # NaN written as NaN (allow_nan)
    return mutate


def setter(*path, value):
    def fn(data):
        for key in path[:-1]:
            data = data[key]
        data[path[-1]] = value
    return fn


def truncate(rel, keep=0.5):
    def mutate(run_dir, step_dir):
        path = step_dir / rel
        body = path.read_bytes()
        replace(path, body[:int(len(body) * keep)])
    return mutate


def write(rel, make):
    """Replace a part by ``make(old bytes)``."""
    def mutate(run_dir, step_dir):
        path = step_dir / rel
        replace(path, make(path.read_bytes()))
    return mutate


def remove(rel):
    return lambda run_dir, step_dir: (step_dir / rel).unlink()


def manifest_is_a_folder(run_dir, step_dir):
    (step_dir / "manifest.json").unlink()
    (step_dir / "manifest.json").mkdir()
    (step_dir / "manifest.json" / "x").write_text("{}")


def event_file(fn):
    """Mutate the analysis' event file (the one its manifest names)."""
    def mutate(run_dir, step_dir):
        name = json.loads((step_dir / "manifest.json").read_text())["event_file"]
        path = run_dir / name
        replace(path, fn(path.read_bytes()))
    return mutate


def remove_event_file(run_dir, step_dir):
    (run_dir / json.loads((step_dir / "manifest.json").read_text())["event_file"]).unlink()


def flip_byte(body: bytes) -> bytes:
    b = bytearray(body)
    b[len(b) // 2] ^= 0xFF
    return bytes(b)


def other_picture(size):
    def make(_old):
        buf = io.BytesIO()
        Image.new("RGBA", size, (9, 9, 9, 255)).save(buf, "WEBP", lossless=True)
        return buf.getvalue()
    return make


def gz_int32(values):
    return lambda old: gzip.compress(np.asarray(values, "<i4").tobytes())


def grid_values(value):
    def make(old):
        n = len(gzip.decompress(old)) // 4
        return gz_int32(np.full(n, value))(old)
    return make


def short_gzip(old):
    return gzip.compress(gzip.decompress(old)[:-2])


def zero_frame(rel_index, rel_data, frame):
    def mutate(run_dir, step_dir):
        offsets = json.loads((step_dir / rel_index).read_text())["offsets"]
        data = bytearray((step_dir / rel_data).read_bytes())
        data[offsets[frame]:offsets[frame + 1]] = bytes(offsets[frame + 1] - offsets[frame])
        replace(step_dir / rel_data, bytes(data))
    return mutate


@dataclasses.dataclass(frozen=True)
class Case:
    name: str
    base: str      # the good run it is a copy of
    mutate: object
    routes: tuple  # the routes that read the broken part (all of them for a manifest case)
    part: str      # what the answers must name

    @property
    def run(self) -> str:
        return f"case-{self.name}"

    @property
    def manifest(self) -> bool:
        return self.part == "manifest.json"


ATT = ("attribution", "attribution_gzip", "match")
U = "attribution/2b/0_v.json"
A = "attribution/2b/0_v.bin.gz"
G = "features/2b/1_s0.5_e4.grid.bin.gz"
P = "features/2b/1_s0.5_e4.webp"
FR, FRI = "fullres/trajectory_0.bin", "fullres/trajectory_0.json"
FO, FOI = "fullres/observations.bin", "fullres/observations.json"
EVENTS = "events.out.tfevents.0000000000001000."
M = "manifest.json"


def mf(name, fn):
    """A manifest case: every route of the analysis is refused and /runs lists it."""
    return Case(f"manifest-{name}", "agentA", edit_json(M, fn), tuple(AGENT_ROUTES), M)


CASES = [
    # the manifest: the whole analysis is a problem
    mf("assets-list", setter("assets", value=[])),
    mf("assets-zero-sheet", setter("assets", "sheet_size", value=0)),
    mf("layer-features-text", lambda m: m["layers"][1].__setitem__("features", "abc")),
    mf("layer-features-too-many", lambda m: m["layers"][1].__setitem__("features", 999)),
    mf("layer-shape-2d", lambda m: m["layers"][1].__setitem__("shape", [32, 32])),
    mf("observation-shape-null", setter("probe_set", "observation_shape", value=None)),
    mf("observation-shape-short", setter("probe_set", "observation_shape", value=[64])),
    mf("trajectories-negative", setter("probe_set", "trajectories", value=-1)),
    mf("trajectories-huge", setter("probe_set", "trajectories", value=10**30)),
    mf("layers-object", setter("layers", value={"a": 1})),
    mf("step-text", setter("step", value="1000")),
    mf("agent-list", setter("agent", value=[])),
    mf("bookmark-short", setter("bookmarks", "high", value=[[1]])),
    mf("bookmark-outside", setter("bookmarks", "low", value=[[7, 0]])),
    mf("output-action-outside", lambda m: m["outputs"][1].__setitem__("actions", [99])),
    mf("output-kind", lambda m: m["outputs"][0].__setitem__("kind", "x")),
    mf("duplicate-layer", lambda m: m["layers"].append(m["layers"][1])),
    mf("default-layer", setter("default_layer", value="zz")),
    mf("feature-colour-url", lambda m: m["feature_colors"].__setitem__(
        1, "url(http://127.0.0.1:7299/x)")),
    mf("feature-colour-newline", lambda m: m["feature_colors"].__setitem__(1, "#ff0000\n")),
    mf("feature-colours-too-few", lambda m: m["feature_colors"].pop()),
    mf("channel-colour", lambda m: m["layers"][0]["channels"][0].__setitem__(
        "color", "red;background:url(x)")),
    mf("nan", lambda m: m["layers"][1].__setitem__("nmf_reconstruction_error", float("nan"))),
    mf("subdiv-zero", setter("features", "subdiv_mults", value=[0, 1])),
    mf("event-file-escape", setter("event_file", value="../../etc/x.rl_clarity")),
    mf("not-an-object", lambda m: m.clear()),
    Case("manifest-truncated", "agentA", truncate(M), tuple(AGENT_ROUTES), M),
    Case("manifest-folder", "agentA", manifest_is_a_folder, tuple(AGENT_ROUTES), M),
    # attribution units and maps
    Case("unit-truncated", "agentA", truncate(U), ("unit", *ATT), U),
    Case("unit-shape", "agentA", edit_json(U, lambda u: u["shape"].__setitem__(1, 31)),
         ("unit", *ATT), U),
    Case("unit-steps-text", "agentA", edit_json(U, setter("steps", value="abc")),
         ("unit", *ATT), U),
    Case("unit-nan", "agentA", edit_json(U, lambda u: u["totals"][0].__setitem__(
        0, float("nan"))), ("unit", *ATT), U),
    Case("unit-codec", "agentA", edit_json(U, setter("codec", value="int8")),
         ("unit", *ATT), U),
    Case("attribution-truncated", "agentA", truncate(A), ATT, A),
    Case("attribution-short", "agentA", write(A, short_gzip), ATT, A),
    Case("attribution-missing", "agentA", remove(A), ATT, A),
    # pictures
    Case("frames-truncated", "agentA", truncate("trajectories/frames_0.webp"), ("frames",),
         "trajectories/frames_0.webp"),
    Case("frames-size", "agentA", write("trajectories/frames_0.webp", other_picture((64, 64))),
         ("frames",), "trajectories/frames_0.webp"),
    Case("scrub-truncated", "agentA", truncate("trajectories/scrub_0.webp"), ("scrub",),
         "trajectories/scrub_0.webp"),
    Case("scrub-size", "agentA", write("trajectories/scrub_0.webp", other_picture((7, 64))),
         ("scrub",), "trajectories/scrub_0.webp"),
    Case("sheet-truncated", "agentA", truncate("observations/sheet_0.webp"),
         ("observations",), "observations/sheet_0.webp"),
    Case("sheet-half-png", "agentA", write("observations/sheet_0.webp",
                                           lambda old: b"\x89PNG half"),
         ("observations",), "observations/sheet_0.webp"),
    Case("thumbnails-truncated", "agentA", truncate("thumbnails/2b.webp"), ("thumbnails",),
         "thumbnails/2b.webp"),
    Case("thumbnails-size", "agentA", write("thumbnails/2b.webp", other_picture((30, 20))),
         ("thumbnails",), "thumbnails/2b.webp"),
    Case("feature-truncated", "agentA", truncate(P), ("feature",), P),
    Case("feature-size", "agentA", write(P, other_picture((40, 40))), ("feature",), P),
    # feature grids
    Case("grid-truncated", "agentA", truncate(G), ("feature_grid",), G),
    Case("grid-short", "agentA", write(G, gz_int32([0, 1, 2])), ("feature_grid",), G),
    Case("grid-outside", "agentA", write(G, grid_values(10**6)), ("feature_grid",), G),
    Case("grid-negative", "agentA", write(G, grid_values(-1)), ("feature_grid",), G),
    # the event file (per-frame series)
    Case("events-truncated", "agentA", event_file(lambda b: b[:len(b) // 2]), ("series",),
         EVENTS),
    Case("events-flipped", "agentA", event_file(flip_byte), ("series",), EVENTS),
    Case("events-empty", "agentA", event_file(lambda b: b""), ("series",), EVENTS),
    Case("events-missing", "agentA", remove_event_file, ("series",), EVENTS),
    # human-scale frames
    Case("fullres-index-text", "hires", edit_json(FRI, lambda d: d["offsets"].__setitem__(
        3, "x")), ("fullres", "fullres_first"), FRI),
    Case("fullres-index-decreasing", "hires", edit_json(FRI, lambda d: d["offsets"].__setitem__(
        3, 1)), ("fullres", "fullres_first"), FRI),
    Case("fullres-index-short", "hires", edit_json(FRI, lambda d: d["offsets"].pop()),
         ("fullres", "fullres_first"), FRI),
    Case("fullres-index-not-json", "hires", truncate(FRI), ("fullres", "fullres_first"), FRI),
    Case("fullres-data-truncated", "hires", truncate(FR), ("fullres", "fullres_first"), FR),
    Case("fullres-data-missing", "hires", remove(FR), ("fullres", "fullres_first"), FR),
    Case("fullres-frame-zeroed", "hires", zero_frame(FRI, FR, 5), ("fullres",), FR),
    Case("fullres-observations-index", "hires", edit_json(FOI, setter("offsets", value=[0])),
         ("fullres_obs",), FOI),
    Case("fullres-observations-truncated", "hires", truncate(FO, 0.9), ("fullres_obs",), FO),
]
IDS = [c.name for c in CASES]


@pytest.fixture(scope="module")
def bad_logdir(analysed_logdir, tmp_path_factory):
    """The shared analysed logdir, a ``hires`` run, and one broken copy per case."""
    from tests.support.synthetic import analysis_config, write_analysis

    root = tmp_path_factory.mktemp("bad_stores") / "logs"
    shutil.copytree(analysed_logdir, root)
    write_analysis(str(root), "hires", STEP, analysis_config(*HIRES_ARGS))
    for case in CASES:
        run_dir = root / case.run
        shutil.copytree(root / case.base, run_dir, copy_function=os.link)
        case.mutate(run_dir, run_dir / "plugins" / "rl_clarity" / str(STEP))
    return str(root)


@pytest.fixture(scope="module")
def get(bad_logdir):
    """``get(path, headers) -> (status, headers, body)`` through the plugin's WSGI app."""
    client = make_client(bad_logdir)

    def get(path, headers=None):
        r = client.get(path, headers=headers or {})
        return r.status_code, dict(r.headers), r.data
    return get


def check_refused(case: Case, name: str, answer) -> None:
    status, headers, body = answer
    if headers.get("Content-Encoding") == "gzip":  # TensorBoard gzips text for gzip clients
        body = gzip.decompress(body)
    text = body.decode("utf-8", "replace")
    assert status == 404, (case.name, name, status, text[:300])
    assert headers["Content-Type"].startswith("text/plain"), (case.name, name)
    assert "\n" not in text.strip() and "Traceback" not in text, (case.name, name, text)
    assert f"run {case.run!r} step {STEP}" in text and case.part in text, (case.name, name, text)


def check_table(get, cases=CASES) -> None:
    """Every case's routes refused naming the part; the routes that do not read it answer."""
    for case in cases:
        for name in BASES[case.base]:
            answer = get(*request(case.run, case.base, name))
            if name in case.routes:
                check_refused(case, name, answer)
            else:
                assert answer[0] == 200, (case.name, name, answer[2][:300])


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_a_bad_part_is_refused_by_every_route_that_reads_it(get, case):
    check_table(get, [case])
    runs = json.loads(get(url("runs"))[2])
    listed = {r["run"]: r["steps"] for r in runs["runs"]}
    problems = [p for p in runs["problems"] if p["run"] == case.run]
    if case.manifest:  # the analysis is a problem (once), its other step is served
        assert [p["step"] for p in problems] == [STEP], problems
        assert case.part in problems[0]["message"] and "\n" not in problems[0]["message"]
        assert listed[case.run] == [2000]
    else:
        assert problems == [] and STEP in listed[case.run]


def test_every_other_analysis_keeps_answering(get, bad_logdir):
    runs = json.loads(get(url("runs"))[2])
    listed = {r["run"]: r["steps"] for r in runs["runs"]}
    assert listed["agentA"] == [1000, 2000] and listed["nested/agentB"] == [1000]
    assert listed["hires"] == [STEP]
    want = {(c.run, STEP) for c in CASES if c.manifest} | {
        ("broken", 7), ("corrupt", 1000), ("corrupt", 2000)}
    assert {(p["run"], p["step"]) for p in runs["problems"]} == want
    good = [("agentA", "agentA", 1000), ("agentA", "agentA", 2000),
            ("nested/agentB", "agentA", 1000), ("hires", "hires", STEP)]
    good += [(c.run, "agentA", 2000) for c in CASES if c.base == "agentA"]
    for run, base, step in good:
        for name in BASES[base]:
            path, headers = request(run, base, name, step)
            if name == "match":
                path = url("match", run=run, step=step, run_b="agentA", step_b=2000,
                           layer="2b")
            status, _, body = get(path, headers)
            assert status == 200, (run, step, name, body[:300])


@pytest.mark.slow
@pytest.mark.parametrize("load_fast", ["true", "false"])
def test_a_real_tensorboard_answers_the_table(bad_logdir, load_fast):
    # the routes answer whether or not the loader has activated the tab yet
    with TensorBoardProcess(bad_logdir, load_fast=load_fast) as tb:
        check_table(tb.get)
        runs = json.loads(tb.get(url("runs"))[2])
        assert {(p["run"], p["step"]) for p in runs["problems"]} >= {
            (c.run, STEP) for c in CASES if c.manifest}
        for name in AGENT_ROUTES:
            assert tb.get(*request("agentA", "agentA", name))[0] == 200, name


# -- the export ---------------------------------------------------------------------------------

@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_export_refuses_a_bad_store_in_one_line(bad_logdir, tmp_path, capsys, case):
    from rlclarity_plugin import cli

    out = tmp_path / "page.html"
    # the broken parts are all of layer 2b, trajectory 0, output v or of no layer: a page of
    # those alone reads them all
    only = ["--layers", "2b", "--trajectories", "0", "--outputs", "v"] \
        if case.base == "agentA" else []
    code = cli.main(["export", "--logdir", bad_logdir, "--run", case.run, "--step", str(STEP),
                     "-o", str(out), *only])
    err = capsys.readouterr().err.strip()
    assert code == 2, err
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    assert case.part in err, err
    assert not out.exists()


@pytest.mark.slow
def test_the_export_process_on_a_bad_store(bad_logdir, tmp_path):
    """The same through the ``rl-clarity`` process: exit code 2, one line, no traceback."""
    case = next(c for c in CASES if c.name == "attribution-truncated")
    out = tmp_path / "page.html"
    done = subprocess.run([sys.executable, "-m", "rlclarity_plugin.cli", "export", "--logdir",
                           bad_logdir, "--run", case.run, "--step", str(STEP), "-o", str(out)],
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"})
    assert done.returncode == 2, done.stderr[-2000:]
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and case.part in lines[0] and "Traceback" not in done.stderr
    assert not out.exists()
