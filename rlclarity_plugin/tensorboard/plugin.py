"""The RL Clarity TensorBoard plugin: read-only routes over the store (see ``http_api.md``).

Summaries (the manifest tag, per-frame series) come through TensorBoard's data provider, so the
plugin works with the Rust data server and with ``--load_fast=false``; it never touches
``context.multiplexer``. Large arrays are asset files under ``LOGDIR/RUN/plugins/rl_clarity/STEP``
read lazily. A request names a run, a step and names from that analysis' manifest; every one is
checked against what exists before any path is built, so nothing outside the logdir is read.

No TensorFlow import here: the plugin only needs numpy, werkzeug and TensorBoard itself.
"""

from __future__ import annotations

import collections
import gzip
import json
import logging
import os
import posixpath
import re
import threading
import time

import numpy as np
from tensorboard import errors, plugin_util
from tensorboard.backend import http_util, json_util
from tensorboard.data import provider
from tensorboard.plugins import base_plugin
from werkzeug import wrappers

from ..store import files, schema
from ..store.reader import StoreError, dequantize

log = logging.getLogger(__name__)

JSON_CACHE_ITEMS = 2048    # encoded JSON responses kept (series, units, grids, manifests)
STATIC_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "static")
MAX_PARAM_LEN = 512
RUNS_TTL_S = 2.0          # the run list is recomputed at most this often
SCAN_TTL_S = 30.0         # object stores: the scan for killed analyses (a listing per folder)
REMOTE_CACHE_BYTES = 256 * 2**20  # object stores: asset bytes kept in memory (a GET each)
IMMUTABLE_S = 86400       # cache lifetime of per-analysis data
_INT_RE = re.compile(r"^[0-9]{1,15}$")
_NUMBER_RE = re.compile(r"^[0-9]{1,6}(\.[0-9]{1,6})?$")


class _Analysis:
    """What one (run, step) holds: its manifest and derived lookups (immutable once read)."""

    def __init__(self, run: str, step: int, step_dir: str, manifest: dict):
        self.run, self.step, self.step_dir, self.manifest = run, step, step_dir, manifest
        try:
            self.layers = {layer["name"]: layer for layer in manifest["layers"]}
            self.outputs = {o["key"]: o for o in manifest["outputs"]}
            probe = manifest["probe_set"]
            self.trajectories = int(probe["trajectories"])
            self.steps = int(probe["steps"])
            self.observations = int(probe["observations"])
            feats = manifest["features"]
            self.subdivs = [float(x) for x in feats["subdiv_mults"]]
            self.expands = [float(x) for x in feats["expand_mults"]]
            self.sheet_size = int(manifest.get("assets", {}).get("sheet_size", schema.SHEET_SIZE))
        except (KeyError, TypeError, ValueError) as e:
            raise errors.NotFoundError(
                f"run {run!r} step {step}: manifest lacks {e} (written by another version?)"
            ) from e
        self.series = None  # filled lazily from the data provider
        self.full_index = {}  # data asset -> byte offsets of its human-scale frames


class RLClarityPlugin(base_plugin.TBPlugin):
    """Serves the RL Clarity tab: the front-end module and the data routes."""

    plugin_name = schema.PLUGIN_NAME

    def __init__(self, context):
        self._provider = context.data_provider
        logdir = context.logdir or ""
        self._logdir = files.normalize(logdir) if logdir else ""
        self._remote = files.is_url(self._logdir)
        self._signatures = {}     # (run, step) -> (time, manifest signature), remote logdirs
        self._scan_cache = None   # (time, incomplete analyses), remote logdirs
        self._bytes = collections.OrderedDict()  # (analysis key, asset) -> bytes, remote
        self._bytes_size = 0
        self._lock = threading.Lock()
        self._runs_cache = None   # (time, runs dict run -> [steps], problems)
        self._analyses = {}       # (run, step, manifest digest) -> _Analysis
        self._json = collections.OrderedDict()  # response key -> (json bytes, gzip bytes)

    # -- TensorBoard hooks ----------------------------------------------------------------------

    def get_plugin_apps(self):
        return {
            "/index.js": self._serve_index,
            "/runs": self._serve_runs,
            "/manifest": self._serve_manifest,
            "/series": self._serve_series,
            "/unit": self._serve_unit,
            "/attribution": self._serve_attribution,
            "/frames": self._serve_frames,
            "/scrub": self._serve_scrub,
            "/observations": self._serve_observations,
            "/thumbnails": self._serve_thumbnails,
            "/feature": self._serve_feature,
            "/feature_grid": self._serve_feature_grid,
            "/match": self._serve_match,
            "/fullres": self._serve_fullres,
        }

    def is_active(self):
        return False  # activation comes from our summaries (data_plugin_names)

    def frontend_metadata(self):
        return base_plugin.FrontendMetadata(es_module_path="/index.js", tab_name="RL Clarity")

    # -- parameters -----------------------------------------------------------------------------

    @staticmethod
    def _param(request, name: str) -> str:
        values = request.args.getlist(name)
        if not values:
            raise errors.InvalidArgumentError(f"missing parameter {name!r}")
        if len(values) > 1:
            raise errors.InvalidArgumentError(f"parameter {name!r} given {len(values)} times")
        value = values[0]
        if len(value) > MAX_PARAM_LEN:
            raise errors.InvalidArgumentError(f"parameter {name!r} is longer than "
                                              f"{MAX_PARAM_LEN} characters")
        return value

    def _int(self, request, name: str, upper: int | None = None) -> int:
        raw = self._param(request, name)
        if not _INT_RE.match(raw):
            raise errors.InvalidArgumentError(f"parameter {name!r} must be a non-negative "
                                              f"integer, got {raw[:40]!r}")
        value = int(raw)
        if value >= 2**31:
            raise errors.InvalidArgumentError(f"parameter {name!r} is out of range: {raw}")
        if upper is not None and value >= upper:
            raise errors.NotFoundError(f"{name} {value} does not exist (0 <= {name} < {upper})")
        return value

    def _number(self, request, name: str, allowed: list[float]) -> float:
        raw = self._param(request, name)
        if not _NUMBER_RE.match(raw):
            raise errors.InvalidArgumentError(f"parameter {name!r} must be a number like 0.5, "
                                              f"got {raw[:40]!r}")
        value = float(raw)
        for a in allowed:
            if abs(a - value) < 1e-9:
                return a
        raise errors.NotFoundError(f"{name} {raw} was not analysed (have {allowed})")

    # -- runs and analyses ----------------------------------------------------------------------

    def _runs(self, request, refresh: bool = False):
        """``(runs {run: [steps]}, problems [...])``, cached for ``RUNS_TTL_S``."""
        now = time.monotonic()
        with self._lock:
            cached = self._runs_cache
        if cached and not refresh and now - cached[0] < RUNS_TTL_S:
            return cached[1], cached[2]
        runs, problems = self._list_runs(request)
        with self._lock:
            self._runs_cache = (now, runs, problems)
        return runs, problems

    def _list_runs(self, request):
        ctx, eid = _context(request)
        runs, problems = {}, []
        listing = self._provider.list_tensors(ctx, experiment_id=eid,
                                              plugin_name=schema.PLUGIN_NAME)
        names = sorted(run for run, tags in listing.items() if schema.MANIFEST_TAG in tags)
        if names:
            data = self._provider.read_tensors(
                ctx, experiment_id=eid, plugin_name=schema.PLUGIN_NAME, downsample=10**9,
                run_tag_filter=provider.RunTagFilter(runs=names, tags=[schema.MANIFEST_TAG]))
        else:
            data = {}
        for run in names:
            steps = []
            for datum in data.get(run, {}).get(schema.MANIFEST_TAG, []):
                problem = self._check_step(run, datum.step)
                if problem:
                    problems.append({"run": run, "step": datum.step, "message": problem})
                else:
                    steps.append(datum.step)
            if steps:
                runs[run] = sorted(set(steps))
        problems.extend(self._incomplete_scan(set(names)))
        return runs, problems

    def _run_dir(self, run: str) -> str:
        if not self._logdir:
            raise errors.NotFoundError("RL Clarity needs --logdir (not --logdir_spec) to find "
                                       "its asset files")
        if run == ".":
            return self._logdir
        parts = run.replace("\\", "/").split("/")
        if any(p in ("", ".", "..") for p in parts) or "\0" in run:
            raise errors.InvalidArgumentError(f"run {run!r} is outside the logdir")
        return files.join(self._logdir, *parts)

    def _check_step(self, run: str, step: int) -> str | None:
        """A message if the analysis at (run, step) cannot be served, else None."""
        try:
            step_dir = schema.asset_dir(self._run_dir(run), step)
        except errors.PublicError as e:
            return str(e)
        path = files.join(step_dir, schema.MANIFEST_FILE)
        try:
            present = files.isfile(path)
        except (OSError, ValueError) as e:  # e.g. s3:// without s3fs installed
            return f"cannot read {step_dir}: {e}"
        if not present:
            return ("incomplete analysis: the summaries exist but manifest.json is missing "
                    f"(was {step_dir} deleted or moved, or the job killed while writing?)")
        try:
            manifest = json.loads(files.read(path))
            if not isinstance(manifest, dict) or "layers" not in manifest:
                return "corrupt manifest.json: not an analysis manifest"
        except (OSError, ValueError) as e:
            return f"corrupt manifest.json: {e}"
        return None

    def _incomplete_scan(self, known: set) -> list:
        """``_incomplete_on_disk``, at most every ``SCAN_TTL_S`` on object stores."""
        if not self._remote:
            return self._incomplete_on_disk(known)
        now = time.monotonic()
        with self._lock:
            hit = self._scan_cache
        if hit is None or now - hit[0] >= SCAN_TTL_S:
            hit = (now, self._incomplete_on_disk(known))
            with self._lock:
                self._scan_cache = hit
        return hit[1]

    def _incomplete_on_disk(self, known: set) -> list:
        """Analyses started on disk but never finished (no manifest.json): killed jobs."""
        out = []
        if not self._logdir or not files.isdir(self._logdir):
            return out
        root = self._logdir.replace(os.sep, "/").rstrip("/") + "/"
        for dirpath, dirnames, _ in files.walk(self._logdir):
            dirpath = dirpath.replace(os.sep, "/")
            if dirpath.count("/") - root.count("/") > 5:
                dirnames[:] = []
                continue
            if posixpath.basename(dirpath) != schema.PLUGIN_NAME or \
                    posixpath.basename(posixpath.dirname(dirpath)) != "plugins":
                continue
            dirnames[:] = [d for d in dirnames if d.isdigit()]
            run = posixpath.dirname(posixpath.dirname(dirpath))[len(root):] or "."
            for name in sorted(dirnames):
                if not files.isfile(files.join(dirpath, name, schema.MANIFEST_FILE)):
                    out.append({"run": run, "step": int(name),
                                "message": "incomplete analysis: no manifest.json (job still "
                                           "running, or killed: re-run it, it resumes)"})
            dirnames[:] = []
        return out

    def _analysis(self, request, suffix: str = "") -> _Analysis:
        """The analysis named by ``run`` / ``step`` (``run_b`` / ``step_b`` with suffix
        ``_b``)."""
        run = self._param(request, "run" + suffix)
        parts = run.replace("\\", "/").split("/")
        if run.startswith(("/", "\\")) or ".." in parts or "\0" in run:
            raise errors.InvalidArgumentError(f"run {run[:80]!r} is not a run name (paths "
                                              "outside the logdir are never read)")
        runs, problems = self._runs(request)
        if run not in runs:
            runs, problems = self._runs(request, refresh=True)
        if run not in runs:
            for p in problems:
                if p["run"] == run:
                    raise errors.NotFoundError(f"run {run!r}: {p['message']}")
            raise errors.NotFoundError(f"no RL Clarity analysis in run {run!r}")
        step = self._int(request, "step" + suffix)
        if step not in runs[run]:
            raise errors.NotFoundError(f"run {run!r} has no analysis at step {step} "
                                       f"(steps: {runs[run]})")
        step_dir = schema.asset_dir(self._run_dir(run), step)
        path = files.join(step_dir, schema.MANIFEST_FILE)
        try:
            key = (run, step, *self._signature(run, step, path))
        except OSError as e:
            raise errors.NotFoundError(f"run {run!r} step {step}: {e.strerror or e}") from e
        with self._lock:
            hit = self._analyses.get(key)
        if hit is not None:
            return hit
        try:
            manifest = json.loads(files.read(path))
        except (OSError, ValueError) as e:
            raise errors.NotFoundError(f"run {run!r} step {step}: corrupt manifest: {e}") from e
        analysis = _Analysis(run, step, step_dir, manifest)
        analysis.key = key
        with self._lock:
            self._analyses = {k: v for k, v in self._analyses.items() if k[:2] != (run, step)}
            self._analyses[key] = analysis
        return analysis

    def _signature(self, run: str, step: int, path: str) -> tuple:
        """The manifest's (mtime or ETag, size): per request locally; on object stores (a
        request each) at most every ``RUNS_TTL_S``."""
        if not self._remote:
            return files.signature(path)
        now = time.monotonic()
        with self._lock:
            hit = self._signatures.get((run, step))
        if hit and now - hit[0] < RUNS_TTL_S:
            return hit[1]
        sig = files.signature(path)
        with self._lock:
            self._signatures[(run, step)] = (now, sig)
        return sig

    def _asset(self, analysis: _Analysis, rel: str) -> bytes:
        norm = posixpath.normpath(rel)
        if norm != rel or norm.startswith("..") or rel.startswith("/"):
            raise errors.InvalidArgumentError(f"bad asset path {rel!r}")
        path = files.join(analysis.step_dir, norm)
        key = (analysis.key, norm)
        if self._remote:
            with self._lock:
                hit = self._bytes.get(key)
                if hit is not None:
                    self._bytes.move_to_end(key)
                    return hit
        try:
            body = files.read(path)
        except FileNotFoundError as e:
            raise errors.NotFoundError(f"run {analysis.run!r} step {analysis.step}: asset {rel} "
                                       "is missing (analysis incomplete?)") from e
        except OSError as e:
            raise errors.NotFoundError(f"run {analysis.run!r} step {analysis.step}: cannot read "
                                       f"{rel}: {e.strerror}") from e
        if self._remote and len(body) <= REMOTE_CACHE_BYTES // 8:
            # an analysis' objects never change under one manifest signature (the key)
            with self._lock:
                if key not in self._bytes:
                    self._bytes[key] = body
                    self._bytes_size += len(body)
                while self._bytes_size > REMOTE_CACHE_BYTES:
                    self._bytes_size -= len(self._bytes.popitem(last=False)[1])
        return body

    def _layer(self, request, analysis: _Analysis) -> dict:
        name = self._param(request, "layer")
        layer = analysis.layers.get(name)
        if layer is None:
            raise errors.NotFoundError(f"layer {name!r} was not analysed "
                                       f"(have {sorted(analysis.layers)})")
        return layer

    def _output(self, request, analysis: _Analysis) -> str:
        key = self._param(request, "output")
        if key not in analysis.outputs:
            raise errors.NotFoundError(f"output {key!r} was not analysed "
                                       f"(have {sorted(analysis.outputs)})")
        return key

    def _respond_json(self, request, key, build, expires=IMMUTABLE_S):
        """Respond with ``build()`` (an object, or JSON bytes) as JSON, encoded and gzipped once
        per ``key``.

        TensorBoard's ``Respond`` walks every value of a dict to cleanse NaNs and gzips on each
        call; for per-frame series that is most of a request's time, so the bytes are cached.
        """
        with self._lock:
            hit = self._json.get(key)
            if hit is not None:
                self._json.move_to_end(key)
        if hit is None:
            raw = build()
            if not isinstance(raw, bytes):
                try:  # C encoder; NaN / infinity (never written by the job) need Cleanse
                    raw = json.dumps(raw, separators=(",", ":"), allow_nan=False).encode()
                except ValueError:
                    raw = json.dumps(json_util.Cleanse(raw), separators=(",", ":")).encode()
            hit = (raw, gzip.compress(raw, compresslevel=6, mtime=0))
            with self._lock:
                self._json[key] = hit
                while len(self._json) > JSON_CACHE_ITEMS:
                    self._json.popitem(last=False)
        if "gzip" in request.headers.get("Accept-Encoding", ""):
            return http_util.Respond(request, hit[1], "application/json", expires=expires,
                                     content_encoding="gzip")
        return http_util.Respond(request, hit[0], "application/json", expires=expires)

    # -- routes ---------------------------------------------------------------------------------

    @wrappers.Request.application
    def _serve_index(self, request):
        path = os.path.join(STATIC_DIR, "index.js")
        try:
            with open(path, "rb") as f:
                body = f.read()
        except OSError:
            body = (b"export function render() { document.body.textContent = "
                    b"'RL Clarity: the front end is not built (see README: npm run build).'; }\n")
        return http_util.Respond(request, body, "text/javascript")

    @wrappers.Request.application
    def _serve_runs(self, request):
        runs, problems = self._runs(request, refresh=request.args.get("refresh") == "1")
        return http_util.Respond(request, {
            "runs": [{"run": run, "steps": steps} for run, steps in sorted(runs.items())],
            "problems": problems}, "application/json")

    @wrappers.Request.application
    def _serve_manifest(self, request):
        analysis = self._analysis(request)
        return self._respond_json(request, ("manifest", analysis.key), lambda: analysis.manifest)

    @wrappers.Request.application
    def _serve_series(self, request):
        analysis = self._analysis(request)
        traj = self._int(request, "traj", analysis.trajectories)
        return self._respond_json(request, ("series", analysis.key, traj),
                                  lambda: self._series_json(request, analysis, traj))

    def _series_json(self, request, analysis, traj):
        series = self._series(request, analysis)
        out = {}
        for name, arr in series.items():
            if arr.shape[0] != analysis.trajectories:
                raise errors.NotFoundError(f"series {name} has {arr.shape[0]} trajectories, "
                                           f"manifest says {analysis.trajectories}")
            values = arr[traj]
            if name == "actions":
                values = values.astype(np.int64)
            out[name] = values.tolist()
        return out

    def _series(self, request, analysis: _Analysis) -> dict:
        if analysis.series is not None:
            return analysis.series
        ctx, eid = _context(request)
        tags = [schema.series_tag(name) for name in schema.SERIES]
        data = self._provider.read_tensors(
            ctx, experiment_id=eid, plugin_name=schema.PLUGIN_NAME, downsample=10**9,
            run_tag_filter=provider.RunTagFilter(runs=[analysis.run], tags=tags))
        series = {}
        for name, tag in zip(schema.SERIES, tags):
            found = [d for d in data.get(analysis.run, {}).get(tag, []) if d.step == analysis.step]
            if not found:
                raise errors.NotFoundError(f"run {analysis.run!r} step {analysis.step}: "
                                           f"summary {tag} is missing")
            series[name] = np.asarray(found[-1].numpy, dtype=np.float64)
        analysis.series = series
        return series

    def _unit_params(self, request):
        """``(analysis, layer, traj, output)`` of an attribution unit request, validated."""
        analysis = self._analysis(request)
        layer = self._layer(request, analysis)
        traj = self._int(request, "traj", analysis.trajectories)
        return analysis, layer, traj, self._output(request, analysis)

    @wrappers.Request.application
    def _serve_unit(self, request):
        analysis, layer, traj, output = self._unit_params(request)

        def build():  # the unit's JSON file as it is, once checked to parse
            rel = schema.attribution_unit_asset(layer["name"], traj, output)
            body = self._asset(analysis, rel)
            try:
                json.loads(body)
                return body
            except ValueError as e:
                raise errors.NotFoundError(f"corrupt attribution unit {layer['name']}/{traj}/"
                                           f"{output}: {e}") from e
        return self._respond_json(request, ("unit", analysis.key, layer["name"], traj, output),
                                  build)

    @wrappers.Request.application
    def _serve_attribution(self, request):
        analysis, layer, traj, output = self._unit_params(request)
        body = self._asset(analysis, schema.attribution_asset(layer["name"], traj, output))
        if "gzip" in request.headers.get("Accept-Encoding", ""):
            return http_util.Respond(request, body, "application/octet-stream",
                                     expires=IMMUTABLE_S, content_encoding="gzip")
        try:
            raw = gzip.decompress(body)
        except (OSError, EOFError) as e:
            raise errors.NotFoundError(f"corrupt attribution asset: {e}") from e
        return http_util.Respond(request, raw, "application/octet-stream", expires=IMMUTABLE_S)

    def _png(self, request, analysis, rel):
        return http_util.Respond(request, self._asset(analysis, rel), "image/png",
                                 expires=IMMUTABLE_S)

    @wrappers.Request.application
    def _serve_frames(self, request):
        analysis = self._analysis(request)
        traj = self._int(request, "traj", analysis.trajectories)
        return self._png(request, analysis, schema.frames_asset(traj))

    @wrappers.Request.application
    def _serve_scrub(self, request):
        analysis = self._analysis(request)
        traj = self._int(request, "traj", analysis.trajectories)
        return self._png(request, analysis, schema.scrub_asset(traj))

    @wrappers.Request.application
    def _serve_observations(self, request):
        analysis = self._analysis(request)
        sheets = -(-analysis.observations // analysis.sheet_size)
        sheet = self._int(request, "sheet", sheets)
        return self._png(request, analysis, schema.observation_sheet_asset(sheet))

    @wrappers.Request.application
    def _serve_thumbnails(self, request):
        analysis = self._analysis(request)
        layer = self._layer(request, analysis)
        return self._png(request, analysis, schema.thumbnails_asset(layer["name"]))

    def _feature_params(self, request):
        analysis = self._analysis(request)
        layer = self._layer(request, analysis)
        feature = self._int(request, "feature", int(layer.get("features") or 0))
        subdiv = self._number(request, "subdiv", analysis.subdivs)
        expand = self._number(request, "expand", analysis.expands)
        return analysis, layer, feature, subdiv, expand

    @wrappers.Request.application
    def _serve_feature(self, request):
        analysis, layer, k, s, e = self._feature_params(request)
        return self._png(request, analysis, schema.feature_asset(layer["name"], k, s, e))

    @wrappers.Request.application
    def _serve_feature_grid(self, request):
        analysis, layer, k, s, e = self._feature_params(request)
        return self._respond_json(request, ("grid", analysis.key, layer["name"], k, s, e),
                                  lambda: self._grid(analysis, layer, k, s, e))

    def _grid(self, analysis, layer, k, s, e):
        body = self._asset(analysis, schema.feature_grid_asset(layer["name"], k, s, e))
        try:
            grid = np.frombuffer(gzip.decompress(body), dtype="<i4")
        except (OSError, EOFError, ValueError) as err:
            raise errors.NotFoundError(f"corrupt feature grid: {err}") from err
        rows, cols = schema.feature_grid_shape(layer["shape"][0], layer["shape"][1], s)
        if rows * cols != grid.size:
            raise errors.NotFoundError(f"feature grid holds {grid.size} cells, expected "
                                       f"{rows} x {cols}")
        from ..export.html import feature_layout

        obs_hw = analysis.manifest["probe_set"]["observation_shape"][:2]
        layout = {k: v.tolist() if hasattr(v, "tolist") else v
                  for k, v in feature_layout(layer["shape"][:2], obs_hw, s, e).items()}
        return {"rows": rows, "cols": cols, "indices": grid.tolist(), "layout": layout}


    @wrappers.Request.application
    def _serve_match(self, request):
        """Feature matching of one layer between analysis A (run, step) and B (run_b, step_b)."""
        a = self._analysis(request)
        b = self._analysis(request, "_b")
        name = self._param(request, "layer")
        if name not in a.layers and name not in b.layers:
            raise errors.NotFoundError(f"layer {name!r} was analysed in neither")
        return self._respond_json(request, ("match", a.key, b.key, name),
                                  lambda: self._match(a, b, name))

    def _maps(self, analysis, layer, traj, output):
        unit = json.loads(self._asset(analysis, schema.attribution_unit_asset(layer, traj,
                                                                              output)))
        body = self._asset(analysis, schema.attribution_asset(layer, traj, output))
        try:
            return dequantize(unit, body)
        except (StoreError, OSError, EOFError, ValueError) as e:
            raise errors.NotFoundError(f"corrupt attribution asset {layer}/{traj}/{output}: "
                                       f"{e}") from e

    def _components(self, analysis, layer):
        try:
            return np.asarray(json.loads(self._asset(analysis, schema.nmf_asset(layer)))[
                "components"], np.float64)
        except (ValueError, KeyError, TypeError) as e:
            raise errors.NotFoundError(f"corrupt NMF of layer {layer}: {e}") from e

    def _match(self, a, b, layer):
        from ..analysis.matching import match

        return match(a.manifest, b.manifest, layer,
                     load_maps_a=lambda t, o: self._maps(a, layer, t, o),
                     load_maps_b=lambda t, o: self._maps(b, layer, t, o),
                     components_a=lambda: self._components(a, layer),
                     components_b=lambda: self._components(b, layer))


    @wrappers.Request.application
    def _serve_fullres(self, request):
        """One human-scale frame: ``traj`` + ``frame`` of a trajectory, or ``obs`` (a sampled
        observation), read from its byte range only."""
        analysis = self._analysis(request)
        if not analysis.manifest.get("full_resolution"):
            raise errors.NotFoundError(f"run {analysis.run!r} step {analysis.step} has no "
                                       "full-resolution frames (analyse with --full-resolution)")
        if "obs" in request.args:
            i = self._int(request, "obs", analysis.observations)
            data_rel, index_rel = schema.full_frames_asset("observations")
        else:
            traj = self._int(request, "traj", analysis.trajectories)
            i = self._int(request, "frame", analysis.steps)
            data_rel, index_rel = schema.full_frames_asset("trajectory", traj)
        offsets = analysis.full_index.get(index_rel)
        if offsets is None:
            try:
                offsets = json.loads(self._asset(analysis, index_rel))["offsets"]
            except (ValueError, KeyError, TypeError) as e:
                raise errors.NotFoundError(f"corrupt full-resolution index {index_rel}: "
                                           f"{e}") from e
            analysis.full_index[index_rel] = offsets
        if i + 1 >= len(offsets):
            raise errors.NotFoundError(f"full-resolution frame {i} is not in {index_rel}")
        path = files.join(analysis.step_dir, data_rel)
        try:
            body = files.read(path, offsets[i], offsets[i + 1] - offsets[i])
        except OSError as e:
            raise errors.NotFoundError(f"cannot read {data_rel}: {e.strerror or e}") from e
        kind = analysis.manifest["full_resolution"].get("type", "image/webp")
        return http_util.Respond(request, body, kind if kind == "image/webp" else
                                 "application/octet-stream", expires=IMMUTABLE_S)


def _context(request):
    """TensorBoard's request context and experiment id (``""`` locally)."""
    return plugin_util.context(request.environ), plugin_util.experiment_id(request.environ)
