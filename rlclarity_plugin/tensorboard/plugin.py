"""The RL Clarity TensorBoard plugin: read-only routes over the store (see ``http_api.md``).

Everything is read from the store through :class:`..store.reader.LogdirReader` and
:mod:`..store.codec`: analyses are listed from their asset folders (so every analysed step is
listed, in whatever order the steps were analysed, with the Rust data server and with
``--load_fast=false`` alike: TensorBoard's loaders drop a time series' records of higher steps
when a lower step arrives later), manifests through the versioned :class:`Manifest` reader,
series from the one event file each manifest names. TensorBoard itself only activates the tab
(our event files' plugin data); ``context.multiplexer`` and the data provider are not used. A
request names a run, a step and names from that analysis' manifest; every one is checked
against what exists before any path is built, so nothing outside the logdir is read.

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
from tensorboard import errors
from tensorboard.backend import http_util, json_util
from tensorboard.plugins import base_plugin
from werkzeug import wrappers

from ..store import codec, files, schema
from ..store.reader import LogdirReader, StoreError

log = logging.getLogger(__name__)

JSON_CACHE_ITEMS = 2048    # encoded JSON responses kept (series, units, grids, manifests)
STATIC_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "static")
MAX_PARAM_LEN = 512
RUNS_TTL_S = 2.0          # the run list is recomputed at most this often
SCAN_TTL_S = 30.0         # object stores: the run list (a walk: a listing per folder)
REMOTE_CACHE_BYTES = 256 * 2**20  # object stores: asset bytes kept in memory (a GET each)
IMMUTABLE_S = 86400       # cache lifetime of per-analysis data
_INT_RE = re.compile(r"^[0-9]{1,16}$")
_NUMBER_RE = re.compile(r"^[0-9]{1,6}(\.[0-9]{1,6})?$")


class _Analysis:
    """What one (run, step) holds: its typed manifest and derived lookups (immutable once
    read)."""

    def __init__(self, run: str, step: int, step_dir: str, manifest: schema.Manifest, key):
        self.run, self.step, self.step_dir, self.manifest, self.key = \
            run, step, step_dir, manifest, key
        self.layers = {layer.name: layer for layer in manifest.layers}
        self.outputs = {o.key: o for o in manifest.outputs}
        probe = manifest.probe_set
        self.trajectories, self.steps = probe.trajectories, probe.steps
        self.observations = probe.observations
        self.subdivs = list(manifest.features.subdiv_mults)
        self.expands = list(manifest.features.expand_mults)
        self.sheet_size = manifest.assets.sheet_size
        self.manifest_json = codec.encode_json(manifest.to_json())
        self.series = None  # filled lazily from the event file
        self.full_index = {}  # data asset -> byte offsets of its human-scale frames


class RLClarityPlugin(base_plugin.TBPlugin):
    """Serves the RL Clarity tab: the front-end module and the data routes."""

    plugin_name = schema.PLUGIN_NAME

    def __init__(self, context):
        logdir = context.logdir or ""
        self._logdir = files.normalize(logdir) if logdir else ""
        self._reader, self._reader_error = None, "RL Clarity needs --logdir (not --logdir_spec) " \
            "to find its analyses"
        if logdir:
            try:  # e.g. gs:// without gcsfs: the tab says so, TensorBoard keeps running
                self._reader, self._reader_error = LogdirReader(self._logdir), None
            except (OSError, ValueError) as e:
                self._reader_error = f"cannot read the logdir: {e}"
        self._remote = files.is_url(self._logdir)
        self._signatures = {}     # (run, step) -> (time, manifest signature), remote logdirs
        self._bytes = collections.OrderedDict()  # (analysis key, asset) -> bytes, remote
        self._bytes_size = 0
        self._lock = threading.Lock()
        self._runs_cache = None   # (time, runs dict run -> [steps], problems)
        self._manifests = {}      # (run, step) -> (signature, Manifest or problem message)
        self._analyses = {}       # (run, step, signature) -> _Analysis
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
        if value >= schema.MAX_STEP:
            raise errors.InvalidArgumentError(f"parameter {name!r} is out of range: {raw} "
                                              "(at most 2**53 - 1)")
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

    def _runs(self, refresh: bool = False):
        """``(runs {run: [steps]}, problems [...])``, recomputed at most every ``RUNS_TTL_S``
        (``SCAN_TTL_S`` on object stores, where a walk is a listing per folder) unless
        ``refresh``."""
        now = time.monotonic()
        with self._lock:
            cached = self._runs_cache
        ttl = SCAN_TTL_S if self._remote else RUNS_TTL_S
        if cached and not refresh and now - cached[0] < ttl:
            return cached[1], cached[2]
        runs, problems = self._list_runs()
        with self._lock:
            self._runs_cache = (now, runs, problems)
        return runs, problems

    def _list_runs(self):
        """Every analysis folder of the logdir: the steps whose manifest reads, and a problem
        for each other one (incomplete, corrupt, another store version)."""
        if self._reader is None:
            return {}, [{"run": ".", "step": None, "message": self._reader_error}]
        try:
            scan = self._reader.scan()
        except (OSError, ValueError) as e:  # e.g. s3:// without s3fs, or no permission
            return {}, [{"run": ".", "step": None, "message": f"cannot read the logdir: {e}"}]
        runs, problems = {}, []
        for run, steps in scan.complete.items():
            for step in steps:
                found = self._manifest(run, step)
                if isinstance(found, str):
                    problems.append({"run": run, "step": step, "message": found})
                else:
                    runs.setdefault(run, []).append(step)
        problems += [{"run": i.run, "step": i.step, "message": i.message}
                     for i in scan.incomplete]
        return runs, problems

    def _manifest(self, run: str, step: int):
        """``(signature, Manifest)`` of an analysis, or the message saying why it cannot be
        served; read again only when the file changes."""
        path = files.join(schema.asset_dir(self._reader.run_dir(run), step),
                          schema.MANIFEST_FILE)
        try:
            sig = self._signature(run, step, path)
        except OSError as e:
            return f"cannot read {schema.MANIFEST_FILE}: {e.strerror or e}"
        with self._lock:
            hit = self._manifests.get((run, step))
        if hit is None or hit[0] != sig:
            try:
                result = self._reader.manifest(run, step)
            except StoreError as e:
                result = str(e)
            hit = (sig, result)
            with self._lock:
                self._manifests[(run, step)] = hit
        return hit[1] if isinstance(hit[1], str) else hit

    def _analysis(self, request, suffix: str = "") -> _Analysis:
        """The analysis named by ``run`` / ``step`` (``run_b`` / ``step_b`` with suffix
        ``_b``)."""
        run = self._param(request, "run" + suffix)
        parts = run.replace("\\", "/").split("/")
        if run.startswith(("/", "\\")) or ".." in parts or "\0" in run:
            raise errors.InvalidArgumentError(f"run {run[:80]!r} is not a run name (paths "
                                              "outside the logdir are never read)")
        step = self._int(request, "step" + suffix)
        runs, problems = self._runs()
        if step not in runs.get(run, ()):
            runs, problems = self._runs(refresh=True)
        if run not in runs:
            for p in problems:
                if p["run"] == run and p["step"] in (step, None):
                    raise errors.NotFoundError(f"run {run!r} step {step}: {p['message']}")
            raise errors.NotFoundError(f"no RL Clarity analysis in run {run!r}")
        if step not in runs[run]:
            for p in problems:
                if p["run"] == run and p["step"] == step:
                    raise errors.NotFoundError(f"run {run!r} step {step}: {p['message']}")
            raise errors.NotFoundError(f"run {run!r} has no analysis at step {step} "
                                       f"(steps: {runs[run]})")
        found = self._manifest(run, step)
        if isinstance(found, str):
            raise errors.NotFoundError(f"run {run!r} step {step}: {found}")
        sig, manifest = found
        key = (run, step, *sig)
        with self._lock:
            hit = self._analyses.get(key)
        if hit is not None:
            return hit
        analysis = _Analysis(run, step, self._reader.step_dir(run, step), manifest, key)
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

    def _layer(self, request, analysis: _Analysis) -> schema.LayerInfo:
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
        runs, problems = self._runs(refresh=request.args.get("refresh") == "1")
        return http_util.Respond(request, {
            "runs": [{"run": run, "steps": steps} for run, steps in sorted(runs.items())],
            "problems": problems}, "application/json")

    @wrappers.Request.application
    def _serve_manifest(self, request):
        analysis = self._analysis(request)
        return self._respond_json(request, ("manifest", analysis.key),
                                  lambda: analysis.manifest_json)

    @wrappers.Request.application
    def _serve_series(self, request):
        analysis = self._analysis(request)
        traj = self._int(request, "traj", analysis.trajectories)
        return self._respond_json(request, ("series", analysis.key, traj),
                                  lambda: self._series_json(analysis, traj))

    def _series_json(self, analysis, traj):
        if analysis.series is None:
            try:
                analysis.series = self._reader.series(analysis.run, analysis.step,
                                                      analysis.manifest)
            except StoreError as e:
                raise errors.NotFoundError(str(e)) from e
        out = {}
        for name, arr in analysis.series.items():
            values = arr[traj]
            out[name] = values.astype(np.int64 if name == "actions" else np.float64).tolist()
        return out

    def _unit_params(self, request):
        """``(analysis, layer name, traj, output)`` of an attribution unit request."""
        analysis = self._analysis(request)
        layer = self._layer(request, analysis)
        traj = self._int(request, "traj", analysis.trajectories)
        return analysis, layer.name, traj, self._output(request, analysis)

    def _unit(self, analysis, layer, traj, output) -> tuple[bytes, schema.AttributionUnit]:
        """The unit's JSON bytes as stored, once checked to be a valid unit."""
        rel = schema.attribution_unit_asset(layer, traj, output)
        body = self._asset(analysis, rel)
        try:
            unit = schema.AttributionUnit.from_json(codec.decode_json(body, rel),
                                                    f"run {analysis.run!r} step "
                                                    f"{analysis.step}: {rel}")
        except (StoreError, codec.CodecError) as e:
            raise errors.NotFoundError(str(e)) from e
        return body, unit

    @wrappers.Request.application
    def _serve_unit(self, request):
        analysis, layer, traj, output = self._unit_params(request)
        return self._respond_json(request, ("unit", analysis.key, layer, traj, output),
                                  lambda: self._unit(analysis, layer, traj, output)[0])

    @wrappers.Request.application
    def _serve_attribution(self, request):
        analysis, layer, traj, output = self._unit_params(request)
        body = self._asset(analysis, schema.attribution_asset(layer, traj, output))
        if "gzip" in request.headers.get("Accept-Encoding", ""):
            return http_util.Respond(request, body, "application/octet-stream",
                                     expires=IMMUTABLE_S, content_encoding="gzip")
        try:
            raw = gzip.decompress(body)
        except (OSError, EOFError) as e:
            raise errors.NotFoundError(f"corrupt attribution asset: {e}") from e
        return http_util.Respond(request, raw, "application/octet-stream", expires=IMMUTABLE_S)

    def _picture(self, request, analysis, rel):
        return http_util.Respond(request, self._asset(analysis, rel), codec.PICTURE_TYPE,
                                 expires=IMMUTABLE_S)

    @wrappers.Request.application
    def _serve_frames(self, request):
        analysis = self._analysis(request)
        traj = self._int(request, "traj", analysis.trajectories)
        return self._picture(request, analysis, schema.frames_asset(traj))

    @wrappers.Request.application
    def _serve_scrub(self, request):
        analysis = self._analysis(request)
        traj = self._int(request, "traj", analysis.trajectories)
        return self._picture(request, analysis, schema.scrub_asset(traj))

    @wrappers.Request.application
    def _serve_observations(self, request):
        analysis = self._analysis(request)
        sheets = -(-analysis.observations // analysis.sheet_size)
        sheet = self._int(request, "sheet", sheets)
        return self._picture(request, analysis, schema.observation_sheet_asset(sheet))

    @wrappers.Request.application
    def _serve_thumbnails(self, request):
        analysis = self._analysis(request)
        layer = self._layer(request, analysis)
        return self._picture(request, analysis, schema.thumbnails_asset(layer.name))

    def _feature_params(self, request):
        analysis = self._analysis(request)
        layer = self._layer(request, analysis)
        feature = self._int(request, "feature", layer.features)
        subdiv = self._number(request, "subdiv", analysis.subdivs)
        expand = self._number(request, "expand", analysis.expands)
        return analysis, layer, feature, subdiv, expand

    @wrappers.Request.application
    def _serve_feature(self, request):
        analysis, layer, k, s, e = self._feature_params(request)
        return self._picture(request, analysis, schema.feature_asset(layer.name, k, s, e))

    @wrappers.Request.application
    def _serve_feature_grid(self, request):
        analysis, layer, k, s, e = self._feature_params(request)
        return self._respond_json(request, ("grid", analysis.key, layer.name, k, s, e),
                                  lambda: self._grid(analysis, layer, k, s, e))

    def _grid(self, analysis, layer, k, s, e):
        body = self._asset(analysis, schema.feature_grid_asset(layer.name, k, s, e))
        rows, cols = schema.feature_grid_shape(layer.shape[0], layer.shape[1], s)
        try:
            grid = codec.decode_array_gz(body, "<i4", (rows * cols,), "feature grid")
        except codec.CodecError as err:
            raise errors.NotFoundError(str(err)) from err
        from ..export.html import feature_layout

        obs_hw = analysis.manifest.probe_set.observation_shape[:2]
        layout = {k: v.tolist() if hasattr(v, "tolist") else v
                  for k, v in feature_layout(layer.shape[:2], obs_hw, s, e).items()}
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
        _, unit = self._unit(analysis, layer, traj, output)
        rel = schema.attribution_asset(layer, traj, output)
        try:
            return codec.decode_maps(self._asset(analysis, rel), unit.shape, unit.steps, rel)
        except codec.CodecError as e:
            raise errors.NotFoundError(f"run {analysis.run!r} step {analysis.step}: {e}") from e

    def _components(self, analysis, layer):
        try:
            return self._reader.components(analysis.run, analysis.step, layer)
        except StoreError as e:
            raise errors.NotFoundError(str(e)) from e

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
        if analysis.manifest.full_resolution is None:
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
        kind = analysis.manifest.full_resolution.type
        return http_util.Respond(request, body, kind if kind == "image/webp" else
                                 "application/octet-stream", expires=IMMUTABLE_S)

