"""The RL Clarity TensorBoard plugin: read-only routes over the store (see ``http_api.md``).

Shaped like TensorBoard's scalar plugin (``*_route`` answering with an ``*_impl``): a route
parses its query (:mod:`.params`, pure: 400 for a malformed one), gets the analysis from
:meth:`..store.reader.LogdirReader.analysis`, calls its view in :mod:`..views` (pure: the
payloads the export records too) and responds. Every :class:`..store.schema.StoreError` (a name
the analysis lacks, a missing or corrupt part, another store version) is a 404 with its one
line: a broken analysis never answers 500 and never stops the others. Analyses are listed from
their asset folders (``LogdirReader.list_analyses``), so the Rust data server and
``--load_fast=false`` serve the same; TensorBoard's loaders only activate the tab.

Caches (``cachetools``): encoded JSON responses (LRU, keyed by the analysis' key, which holds
its manifest's signature, and the parameters), the run list (TTL), and on object stores part
bytes (LRU sized in bytes) and manifest signatures (``signature_ttl``). No TensorFlow here.
"""

from __future__ import annotations

import functools
import gzip
import json
import math
import os
import threading
import time

import cachetools
from tensorboard import errors
from tensorboard.backend import http_util, json_util
from tensorboard.plugins import base_plugin
from werkzeug import wrappers

from .. import views
from ..store import files, schema
from ..store.reader import LogdirReader, StoreError
from . import params

JSON_CACHE_ITEMS = 2048   # encoded JSON responses kept (series, units, grids, manifests)
STATIC_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "static")
RUNS_TTL_S = 2.0          # the run list is walked again at most this often
SCAN_TTL_S = 30.0         # object stores: the run list (a walk: a listing per folder)
REFRESH_MIN_S = 1.0       # /runs?refresh=1 walks again at most this often...
SCAN_REFRESH_MIN_S = 5.0  # ... and on object stores
REMOTE_CACHE_BYTES = 256 * 2**20  # object stores: part bytes kept in memory (a GET each)
IMMUTABLE_S = 86400       # cache lifetime of per-analysis data
JSON, OCTETS = "application/json", "application/octet-stream"


def _route(handler):
    """A route whose parameter and store errors become TensorBoard's 400 / 404 (one
    ``text/plain`` line)."""
    @wrappers.Request.application
    @functools.wraps(handler)
    def serve(self, request):
        try:
            return handler(self, request)
        except params.ParamError as e:
            raise errors.InvalidArgumentError(str(e)) from None
        except StoreError as e:
            raise errors.NotFoundError(str(e)) from None
    return serve


def _accepts_gzip(request) -> bool:
    return "gzip" in request.headers.get("Accept-Encoding", "")


class RunList:
    """``walk()`` (the run list), walked again once older than ``ttl`` s; ``get(refresh=True)``
    (``/runs?refresh=1``) walks now, but at most once every ``min_refresh`` s: no client can
    make the server walk the logdir at will. Requests during a walk wait and share it."""

    def __init__(self, walk, ttl: float, min_refresh: float, timer=time.monotonic):
        self._walk, self._min_refresh, self._timer = walk, min_refresh, timer
        self._cache = cachetools.TTLCache(maxsize=1, ttl=ttl, timer=timer)
        self._walked = -math.inf
        self._lock = threading.Lock()

    def get(self, refresh: bool = False):
        with self._lock:
            found = self._cache.get("runs")
            if found is None or (refresh and self._timer() - self._walked >= self._min_refresh):
                found = self._cache["runs"] = self._walk()
                self._walked = self._timer()
            return found


class RLClarityPlugin(base_plugin.TBPlugin):
    """Serves the RL Clarity tab: the front-end module and the data routes."""

    plugin_name = schema.PLUGIN_NAME

    def __init__(self, context):
        logdir, self._reader = context.logdir or "", None
        remote = files.is_url(logdir)
        self._reader_error = "RL Clarity needs --logdir (not --logdir_spec) to find its analyses"
        try:  # e.g. gs:// without gcsfs: the tab says so, TensorBoard keeps running
            if logdir:
                cache = cachetools.LRUCache(REMOTE_CACHE_BYTES, getsizeof=len) if remote else None
                self._reader = LogdirReader(logdir, cache=cache,
                                            signature_ttl=RUNS_TTL_S if remote else 0.0)
        except (OSError, ValueError) as e:
            self._reader_error = f"cannot read the logdir: {e}"
        self._runs = RunList(self._list, SCAN_TTL_S if remote else RUNS_TTL_S,
                             SCAN_REFRESH_MIN_S if remote else REFRESH_MIN_S)
        self._json = cachetools.LRUCache(JSON_CACHE_ITEMS)
        self._json_lock = threading.Lock()

    # -- TensorBoard hooks ----------------------------------------------------------------------

    def get_plugin_apps(self):
        return {"/index.js": self._serve_index, "/runs": self._serve_runs,
                "/manifest": self._serve_manifest, "/series": self._serve_series,
                "/unit": self._serve_unit, "/attribution": self._serve_attribution,
                "/frames": self._serve_frames, "/scrub": self._serve_scrub,
                "/observations": self._serve_observations,
                "/thumbnails": self._serve_thumbnails, "/synthetic": self._serve_synthetic,
                "/feature": self._serve_feature,
                "/feature_grid": self._serve_feature_grid, "/match": self._serve_match,
                "/fullres": self._serve_fullres}

    def is_active(self):
        return False  # activation comes from our summaries (data_plugin_names)

    def frontend_metadata(self):
        return base_plugin.FrontendMetadata(es_module_path="/index.js", tab_name="RL Clarity")

    # -- the read side --------------------------------------------------------------------------

    def _list(self):
        if self._reader is None:
            return {}, [{"run": ".", "step": None, "message": self._reader_error}]
        return self._reader.list_analyses()

    def _analysis(self, args, suffix: str = ""):
        """The analysis named by ``run`` / ``step`` (``run_b`` / ``step_b``: ``suffix``)."""
        run, step = params.analysis(args, suffix)
        if self._reader is None:
            raise errors.NotFoundError(self._reader_error)
        return self._reader.analysis(run, step)

    def _respond_json(self, request, key, build, expires: int = IMMUTABLE_S):
        """``build()`` as JSON, encoded and gzipped once per ``key`` (``Respond`` would cleanse
        and gzip on every call: most of a per-frame series request's time); ``expires``: the
        browser's cache lifetime (0: ask again every time)."""
        with self._json_lock:
            hit = self._json.get(key)
        if hit is None:
            value = build()
            try:  # C encoder; NaN / infinity (never written by the job) need Cleanse
                raw = json.dumps(value, separators=(",", ":"), allow_nan=False).encode()
            except ValueError:
                raw = json.dumps(json_util.Cleanse(value), separators=(",", ":")).encode()
            hit = (raw, gzip.compress(raw, compresslevel=6, mtime=0))
            with self._json_lock:
                self._json[key] = hit
        if _accepts_gzip(request):
            return http_util.Respond(request, hit[1], JSON, expires=expires,
                                     content_encoding="gzip")
        return http_util.Respond(request, hit[0], JSON, expires=expires)

    def _json_view(self, request, view, parse=lambda args: (), expires: int = IMMUTABLE_S):
        """Answer with ``view(analysis, *parse(query))`` as cached JSON."""
        args, a = parse(request.args), self._analysis(request.args)
        return self._respond_json(request, (view.__name__, a.key, *args), lambda: view(a, *args),
                                  expires)

    def _blob_view(self, request, view, parse):
        """Answer with the ``(bytes, MIME type)`` of ``view(analysis, *parse(query))``."""
        args = parse(request.args)
        body, mime = view(self._analysis(request.args), *args)
        return http_util.Respond(request, body, mime, expires=IMMUTABLE_S)

    # -- routes ---------------------------------------------------------------------------------

    @wrappers.Request.application
    def _serve_index(self, request):
        try:
            with open(os.path.join(STATIC_DIR, "index.js"), "rb") as f:
                body = f.read()
        except OSError:
            body = (b"export function render() { document.body.textContent = "
                    b"'RL Clarity: the front end is not built (see README: npm run build).'; }\n")
        return http_util.Respond(request, body, "text/javascript")

    @_route
    def _serve_runs(self, request):
        found, problems = self._runs.get(refresh=params.flag(request.args, "refresh"))
        return http_util.Respond(request, views.runs(found, problems), JSON)

    @_route
    def _serve_manifest(self, request):
        """Not cached by the browser: ``writer.update_manifest`` republishes a manifest in
        place (edit results, bookmarks of an edited agent), and a reload must show them. The
        answer is cached here under the manifest's signature like every JSON answer."""
        return self._json_view(request, views.manifest, expires=0)

    @_route
    def _serve_series(self, request):
        return self._json_view(request, views.series, params.trajectory)

    @_route
    def _serve_unit(self, request):
        return self._json_view(request, views.unit, params.unit)

    @_route
    def _serve_attribution(self, request):
        """The stored gzip bytes, sent as they are when the client takes gzip."""
        args = params.unit(request.args)
        body, _ = views.attribution(self._analysis(request.args), *args)
        if _accepts_gzip(request):
            return http_util.Respond(request, body, OCTETS, expires=IMMUTABLE_S,
                                     content_encoding="gzip")
        return http_util.Respond(request, gzip.decompress(body), OCTETS, expires=IMMUTABLE_S)

    @_route
    def _serve_frames(self, request):
        return self._blob_view(request, views.frames, params.trajectory)

    @_route
    def _serve_scrub(self, request):
        return self._blob_view(request, views.scrub, params.trajectory)

    @_route
    def _serve_observations(self, request):
        return self._blob_view(request, views.observations, params.sheet)

    @_route
    def _serve_thumbnails(self, request):
        return self._blob_view(request, views.thumbnails, params.layer)

    @_route
    def _serve_synthetic(self, request):
        return self._blob_view(request, views.synthetic, params.layer)

    @_route
    def _serve_feature(self, request):
        return self._blob_view(request, views.feature, params.feature)

    @_route
    def _serve_feature_grid(self, request):
        return self._json_view(request, views.feature_grid, params.feature)

    @_route
    def _serve_match(self, request):
        """Feature matching of one layer between analysis A (run, step) and B (run_b,
        step_b)."""
        (layer,) = params.layer(request.args)
        a, b = self._analysis(request.args), self._analysis(request.args, "_b")
        return self._respond_json(request, ("match", a.key, b.key, layer),
                                  lambda: views.match(a, b, layer))

    @_route
    def _serve_fullres(self, request):
        """One human-scale frame: ``traj`` + ``frame``, or ``obs``."""
        which = params.full_frame(request.args)
        body, mime = views.full_frame(self._analysis(request.args), **which)
        return http_util.Respond(request, body, mime, expires=IMMUTABLE_S)
