"""One analysis as read back from the store: :class:`Analysis` (``LogdirReader.analysis``).

Every reader (the TensorBoard routes, the export, the notebook view, the MLflow hooks) goes
through this class: it holds the typed manifest and reads, checks and decodes each part on
demand. What it checks, once per part:

* names asked for (layer, output, trajectory, feature variant, sheet...) exist in the manifest:
  otherwise :class:`NotAnalysedError`;
* every part read agrees with the manifest: gzip integrity and decoded sizes of attribution
  maps, arrays and grids, picture sizes against the probe set, grid indices inside the
  observations, full-resolution indexes (offsets increasing, as many as frames, within the data
  file): otherwise :class:`CorruptPartError`.

Both are :class:`..schema.StoreError` (one line, naming the run, the step and the part). Parts
are read through a :class:`ByteSource` (local paths and fsspec URLs by default); the bytes of
small parts can be kept in a shared cache (any ``MutableMapping``, e.g. a ``cachetools``
``LRUCache`` sized in bytes) keyed by the analysis' manifest signature, so a re-analysis is
never served from stale bytes. Decoded parts are memoised on the object itself (an analysis
never changes under one signature).
"""

from __future__ import annotations

import gzip
import itertools
import posixpath
import threading
import zlib
from typing import Protocol

import numpy as np

from . import codec, files, schema
from .schema import StoreError

__all__ = ["Analysis", "ByteSource", "CorruptPartError", "FileSource", "NotAnalysedError"]

CACHED_PART_BYTES = 32 * 2**20  # parts above this size are never put in the shared cache
_CACHE_LOCK = threading.Lock()  # the shared part cache (cachetools caches are not thread-safe)


class NotAnalysedError(StoreError):
    """A name asked for that the analysis does not have (a client error: 404)."""


class CorruptPartError(StoreError):
    """A part of the analysis that is missing, unreadable or disagrees with its manifest:
    ``run 'R' step S: corrupt PART: what`` (or ``PART is missing ...``: ``missing``)."""

    def __init__(self, run: str, step: int, part: str, what: str, missing: bool = False):
        self.run, self.step, self.part, self.missing = run, step, part, missing
        where = f"{part} is missing" if missing else f"corrupt {part}"
        super().__init__(f"run {run!r} step {step}: {where}: {what}")


class ByteSource(Protocol):
    """Where the store's bytes come from: the few calls the readers make."""

    def read(self, path: str, start: int | None = None, length: int | None = None) -> bytes: ...
    def signature(self, path: str) -> tuple: ...
    def listdir(self, path: str) -> list[str]: ...
    def isdir(self, path: str) -> bool: ...
    def walk(self, path: str): ...
    def open_read(self, path: str): ...


class FileSource:
    """Local paths and URLs (``s3://``, ``gs://``...) through :mod:`.files`."""

    read = staticmethod(files.read)
    signature = staticmethod(files.signature)
    listdir = staticmethod(files.listdir)
    isdir = staticmethod(files.isdir)
    walk = staticmethod(files.walk)
    open_read = staticmethod(files.open_read)


def _memo(method):
    """Memoise a method's result per arguments on the instance (thread-safe enough: a race
    computes twice, the results are equal)."""
    name = method.__name__

    def wrapper(self, *args):
        key = (name, *args)
        try:
            return self._memo[key]
        except KeyError:
            pass
        value = method(self, *args)
        self._memo[key] = value
        return value

    wrapper.__name__, wrapper.__doc__ = name, method.__doc__
    return wrapper


class Analysis:
    """The analysis of ``run`` at ``step``: its typed ``manifest`` and its parts, checked.

    Made by :meth:`..reader.LogdirReader.analysis`; ``key`` identifies this version of it
    (run, step and the manifest's signature).
    """

    def __init__(self, run: str, step: int, step_dir: str, manifest: schema.Manifest,
                 key: tuple, source: ByteSource, cache=None, run_dir: str | None = None):
        self.run, self.step, self.step_dir, self.manifest, self.key = \
            run, step, step_dir, manifest, key
        self.run_dir = run_dir
        self.source = source
        self._cache = cache
        self._memo = {}
        self.layers = {layer.name: layer for layer in manifest.layers}
        self.outputs = {o.key: o for o in manifest.outputs}
        probe = manifest.probe_set
        self.trajectories, self.steps = probe.trajectories, probe.steps
        self.observations = probe.observations
        self.subdivs = tuple(manifest.features.subdiv_mults)
        self.expands = tuple(manifest.features.expand_mults)
        self.sheets = -(-probe.observations // manifest.assets.sheet_size)

    def __repr__(self) -> str:
        return f"Analysis(run={self.run!r}, step={self.step})"

    # -- errors and names ------------------------------------------------------------------------

    def corrupt(self, part: str, what: str) -> CorruptPartError:
        return CorruptPartError(self.run, self.step, part, what)

    def missing(self, part: str, what: str) -> CorruptPartError:
        return CorruptPartError(self.run, self.step, part, what, missing=True)

    def _absent(self, what: str) -> NotAnalysedError:
        return NotAnalysedError(f"run {self.run!r} step {self.step}: {what}")

    def layer(self, name: str) -> schema.LayerInfo:
        layer = self.layers.get(name)
        if layer is None:
            raise self._absent(f"layer {name!r} was not analysed (have {sorted(self.layers)})")
        return layer

    def feature_layer(self, name: str) -> schema.LayerInfo:
        layer = self.layer(name)
        if not layer.features:
            raise self._absent(f"layer {name!r} has no NMF features (the input layer)")
        return layer

    def output(self, key: str) -> schema.OutputInfo:
        out = self.outputs.get(key)
        if out is None:
            raise self._absent(f"output {key!r} was not analysed (have {sorted(self.outputs)})")
        return out

    def _index(self, kind: str, value: int, upper: int) -> int:
        if not 0 <= int(value) < upper:
            raise self._absent(f"{kind} {value} does not exist (0 <= {kind} < {upper})")
        return int(value)

    def traj(self, traj: int) -> int:
        return self._index("traj", traj, self.trajectories)

    def frame(self, frame: int) -> int:
        return self._index("frame", frame, self.steps)

    def sheet(self, sheet: int) -> int:
        return self._index("sheet", sheet, self.sheets)

    def obs(self, obs: int) -> int:
        return self._index("obs", obs, self.observations)

    def feature(self, layer: str, k: int) -> int:
        info = self.layer(layer)
        if not info.features:
            raise self._absent(f"feature {k} does not exist (layer {layer!r} has no NMF "
                               "features)")
        return self._index("feature", k, info.features)

    def variant(self, subdiv: float, expand: float) -> tuple[float, float]:
        """The analysed (subdiv, expand) pair equal to the numbers asked for."""
        out = []
        for name, value, allowed in (("subdiv", subdiv, self.subdivs),
                                     ("expand", expand, self.expands)):
            hit = [a for a in allowed if abs(a - float(value)) < 1e-9]
            if not hit:
                raise self._absent(f"{name} {float(value):g} was not analysed "
                                   f"(have {list(allowed)})")
            out.append(hit[0])
        return out[0], out[1]

    # -- raw parts --------------------------------------------------------------------------------

    def path(self, rel: str) -> str:
        return f"{self.step_dir}/{check_rel(rel)}"

    def part(self, rel: str) -> bytes:
        """The bytes of one asset (from the shared cache when it holds them)."""
        key = (self.key, rel)
        if self._cache is not None:
            with _CACHE_LOCK:
                hit = self._cache.get(key)
            if hit is not None:
                return hit
        body = read_part(self.source, self.step_dir, self.run, self.step, rel)
        if self._cache is not None and len(body) <= CACHED_PART_BYTES:
            with _CACHE_LOCK:
                try:
                    self._cache[key] = body
                except ValueError:  # larger than the whole cache
                    pass
        return body

    def part_json(self, rel: str):
        return decode_json_part(self.part(rel), self.run, self.step, rel)

    def _record(self, cls, rel: str):
        """A typed record (:class:`..schema.AttributionUnit`...) read from a JSON part."""
        try:
            return cls.from_json(self.part_json(rel), "it")
        except CorruptPartError:
            raise
        except StoreError as e:
            raise self.corrupt(rel, str(e).removeprefix("it: ")) from e

    # -- series -----------------------------------------------------------------------------------

    @_memo
    def series(self) -> dict:
        """Name -> per-frame series (``schema.SERIES``: ``(E, T)``, logits ``(E, T, A)``),
        read from the one event file the manifest names."""
        from google.protobuf.message import DecodeError
        from tensorboard.compat.proto import event_pb2
        from tensorboard.util import tensor_util

        m = self.manifest
        part = m.event_file
        wanted = {schema.series_tag(name): name for name in schema.SERIES}
        out = {}
        try:
            with self.source.open_read(files.join(self.run_dir, m.event_file)) as f:
                for record in codec.decode_records(f, m.event_file):
                    event = event_pb2.Event.FromString(record)
                    if event.step != m.step or not event.HasField("summary"):
                        continue
                    for value in event.summary.value:
                        if value.tag in wanted and \
                                value.metadata.plugin_data.plugin_name == schema.PLUGIN_NAME:
                            out[wanted[value.tag]] = tensor_util.make_ndarray(value.tensor)
        except FileNotFoundError as e:
            raise self.missing(part, "the event file was deleted or moved? (re-run the "
                                     "analysis)") from e
        except OSError as e:
            raise self.corrupt(part, f"cannot read: {e.strerror or e}") from e
        except (codec.CodecError, DecodeError, ValueError, TypeError) as e:
            raise self.corrupt(part, str(e) or type(e).__name__) from e
        E, T, A = self.trajectories, self.steps, len(m.action_combos)
        for name in schema.SERIES:
            shape = (E, T, A) if name == "logits" else (E, T)
            if name not in out:
                raise self.corrupt(part, f"series {name!r} is missing")
            if out[name].shape != shape:
                raise self.corrupt(part, f"series {name!r} has shape {out[name].shape}, "
                                         f"expected {shape}")
            if out[name].dtype.kind not in "biuf":
                raise self.corrupt(part, f"series {name!r} holds {out[name].dtype}, not numbers")
            out[name].flags.writeable = False  # shared by every reader of this analysis
        return out

    # -- attribution ------------------------------------------------------------------------------

    @_memo
    def unit(self, layer: str, traj: int, output: str) -> schema.AttributionUnit:
        """The attribution unit's record, checked against the layer and the probe set."""
        info, traj = self.layer(layer), self.traj(traj)
        self.output(output)
        rel = schema.attribution_unit_asset(layer, traj, output)
        unit = self._record(schema.AttributionUnit, rel)
        if unit.codec != codec.MAPS_CODEC:
            raise self.corrupt(rel, f"codec {unit.codec!r}, this rl-clarity reads "
                                    f"{codec.MAPS_CODEC!r}")
        channels = (len(info.channels) or info.shape[-1]) if info.kind == "input" else \
            info.features + 1
        expected = (self.steps, info.shape[0], info.shape[1], channels)
        if tuple(unit.shape) != expected:
            raise self.corrupt(rel, f"shape {list(unit.shape)}, expected {list(expected)}")
        if len(unit.steps) != self.steps:
            raise self.corrupt(rel, f"{len(unit.steps)} quantisation steps for {self.steps} "
                                    "frames")
        if unit.totals is not None and np.shape(unit.totals) != (self.steps, channels):
            raise self.corrupt(rel, f"totals of shape {list(np.shape(unit.totals))}, expected "
                                    f"{[self.steps, channels]}")
        if unit.delta is not None and len(unit.delta) != self.steps:
            raise self.corrupt(rel, f"{len(unit.delta)} F(a) - F(0) values for {self.steps} "
                                    "frames")
        return unit

    def attribution_bytes(self, layer: str, traj: int, output: str) -> bytes:
        """The unit's maps as stored (gzip), checked to inflate to the unit's size."""
        unit = self.unit(layer, traj, output)
        rel = schema.attribution_asset(layer, traj, output)
        body = self.part(rel)
        self._check_gzip(rel, body, 2 * int(np.prod(unit.shape)))
        return body

    def _check_gzip(self, rel: str, body: bytes, size: int) -> None:
        if ("gzip", rel) in self._memo:
            return
        try:
            n = len(gzip.decompress(body))
        except (OSError, EOFError, zlib.error) as e:
            raise self.corrupt(rel, f"not valid gzip data ({e})") from e
        if n != size:
            raise self.corrupt(rel, f"{n} bytes of data, expected {size}")
        self._memo[("gzip", rel)] = True

    def maps(self, layer: str, traj: int, output: str) -> np.ndarray:
        """Decoded maps float32 ``(T, h, w, C)``: NMF channels + residual (hidden layers) or
        the input gradients."""
        unit = self.unit(layer, traj, output)
        rel = schema.attribution_asset(layer, traj, output)
        try:
            return codec.decode_maps(self.part(rel), unit.shape, unit.steps, "it")
        except codec.CodecError as e:
            raise self.corrupt(rel, str(e)) from e

    @_memo
    def components(self, layer: str) -> np.ndarray:
        """The fitted NMF components ``(K, C)`` of ``layer`` (float64)."""
        info = self.feature_layer(layer)
        rel = schema.nmf_asset(layer)
        data = self.part_json(rel)
        try:
            comps = np.asarray(data["components"], np.float64)
        except (KeyError, TypeError, ValueError) as e:
            raise self.corrupt(rel, "holds no components") from e
        if comps.shape != (info.features, info.shape[-1]):
            raise self.corrupt(rel, f"components of shape {list(comps.shape)}, expected "
                                    f"{[info.features, info.shape[-1]]}")
        if not np.isfinite(comps).all():
            raise self.corrupt(rel, "components that are not finite numbers")
        comps.flags.writeable = False
        return comps

    # -- pictures ---------------------------------------------------------------------------------

    def picture_bytes(self, rel: str, shape: tuple | None, check=None) -> bytes:
        """A stored picture (lossless WebP), checked once to decode whole, to ``shape``
        (H, W) and to pass ``check(h, w)`` (a message saying what is wrong, or None)."""
        body = self.part(rel)
        if ("picture", rel) not in self._memo:
            self._checked_picture(rel, body, shape, check)
        return body

    def _checked_picture(self, rel: str, body: bytes, shape: tuple | None, check=None
                         ) -> np.ndarray:
        """``body`` decoded to RGBA ``(H, W, 4)`` and checked as :meth:`picture_bytes` says
        (the one decode of a picture that is also split into frames)."""
        rgba = self._decode(rel, body, "RGBA")
        h, w = rgba.shape[:2]
        if shape is not None and (h, w) != tuple(shape):
            raise self.corrupt(rel, f"a {h}x{w} picture, expected {shape[0]}x{shape[1]}")
        problem = check(h, w) if check is not None else None
        if problem:
            raise self.corrupt(rel, problem)
        self._memo[("picture", rel)] = True
        return rgba

    def _decode(self, rel: str, body: bytes, mode: str) -> np.ndarray:
        try:
            return codec.decode_image(body, mode, "it")
        except codec.CodecError as e:
            raise self.corrupt(rel, str(e)) from e

    def _sheet_shape(self, count: int, columns: int) -> tuple[int, int]:
        H, W = self.manifest.probe_set.observation_shape[:2]
        return -(-count // columns) * H, columns * W

    def frames_picture(self, traj: int) -> bytes:
        traj = self.traj(traj)
        return self.picture_bytes(schema.frames_asset(traj), self._frames_shape())

    def _frames_shape(self) -> tuple[int, int]:
        return self._sheet_shape(self.steps, self.manifest.assets.frame_columns)

    def scrub_picture(self, traj: int) -> bytes:
        from ..analysis.features import scrub_columns

        traj = self.traj(traj)
        H, W = self.manifest.probe_set.observation_shape[:2]
        start, stop = scrub_columns(W)
        return self.picture_bytes(schema.scrub_asset(traj), (H, self.steps * (stop - start)))

    def observation_sheet(self, sheet: int) -> bytes:
        sheet = self.sheet(sheet)
        return self.picture_bytes(schema.observation_sheet_asset(sheet),
                                  self._observation_sheet_shape(sheet))

    def _observation_sheet_shape(self, sheet: int) -> tuple[int, int]:
        per = self.manifest.assets.sheet_size
        count = min(per, self.observations - sheet * per)
        return self._sheet_shape(count, self.manifest.assets.sheet_columns)

    def thumbnails_picture(self, layer: str) -> bytes:
        """The K square thumbnails of the layer's features side by side."""
        K = self.feature_layer(layer).features
        return self.picture_bytes(schema.thumbnails_asset(layer), None, lambda h, w: (
            f"a {h}x{w} picture, not {K} squares side by side" if w != K * h else None))

    def feature_picture(self, layer: str, k: int, subdiv: float, expand: float) -> bytes:
        k = self.feature(layer, k)
        s, e = self.variant(subdiv, expand)
        layout = self.feature_layout(layer, s, e)
        shape = (int(np.maximum(layout["rows_hi"] - layout["rows_lo"], 0).sum()),
                 int(np.maximum(layout["cols_hi"] - layout["cols_lo"], 0).sum()))
        return self.picture_bytes(schema.feature_asset(layer, k, s, e), shape)

    @_memo
    def frames(self, traj: int) -> np.ndarray:
        """RGB frames ``(T, H, W, 3)`` of trajectory ``traj``."""
        rel = schema.frames_asset(self.traj(traj))
        sheet = self._checked_picture(rel, self.part(rel), self._frames_shape())[..., :3]
        try:
            frames = codec.split_sprite_sheet(sheet, self.steps,
                                              self.manifest.probe_set.observation_shape[:2],
                                              self.manifest.assets.frame_columns)
        except codec.CodecError as e:
            raise self.corrupt(rel, str(e)) from e
        frames.flags.writeable = False
        return frames

    @_memo
    def observation_pictures(self) -> np.ndarray:
        """The sampled observations as stored, RGB ``(N, H, W, 3)``."""
        per, out = self.manifest.assets.sheet_size, []
        for sheet in range(self.sheets):
            rel = schema.observation_sheet_asset(sheet)
            image = self._checked_picture(rel, self.part(rel),
                                          self._observation_sheet_shape(sheet))[..., :3]
            count = min(per, self.observations - sheet * per)
            try:
                out.append(codec.split_sprite_sheet(image, count,
                                                    self.manifest.probe_set.observation_shape[:2],
                                                    self.manifest.assets.sheet_columns))
            except codec.CodecError as e:
                raise self.corrupt(rel, str(e)) from e
        pictures = np.concatenate(out)
        pictures.flags.writeable = False
        return pictures

    @_memo
    def synthetic_pictures(self, layer: str) -> np.ndarray:
        """The synthetic feature pictures of ``layer`` (``--feature-vis synthetic``), RGB
        ``(O, J, H, W, 3)``: objective ``o`` (``feature_vis.objectives[o]``), picture ``j``
        (the NMF features, then the channels), cut from the sheet
        :func:`~.schema.synthetic_asset` (a row per objective, a column per picture)."""
        vis = self.layer(layer).feature_vis
        if vis is None:
            raise self._absent(f"layer {layer!r} has no synthetic feature pictures (analyse "
                               "with --feature-vis synthetic)")
        H, W = self.manifest.probe_set.observation_shape[:2]
        n_obj, J = len(vis.objectives), vis.features + vis.channels
        rel = schema.synthetic_asset(layer)
        sheet = self._checked_picture(rel, self.part(rel), (n_obj * H, J * W))[..., :3]
        pictures = np.ascontiguousarray(sheet.reshape(n_obj, H, J, W, 3).transpose(0, 2, 1, 3, 4))
        pictures.flags.writeable = False
        return pictures

    def synthetic_sheet(self, layer: str) -> bytes:
        """The stored sheet of :meth:`synthetic_pictures` (what the ``/synthetic`` route sends),
        once checked to decode to ``len(objectives) x H`` by ``(features + channels) x W``."""
        self.synthetic_pictures(layer)
        return self.part(schema.synthetic_asset(layer))

    def synthetic_picture(self, layer: str, objective, j: int) -> np.ndarray:
        """Picture ``j`` of ``objective`` (its name, e.g. ``"centre"``, or its row) of
        ``layer``, RGB ``(H, W, 3)`` uint8; see :meth:`synthetic_pictures`."""
        pictures = self.synthetic_pictures(layer)
        vis = self.layer(layer).feature_vis
        if isinstance(objective, str):
            if objective not in vis.objectives:
                raise self._absent(f"objective {objective!r} was not optimised (have "
                                   f"{list(vis.objectives)})")
            objective = vis.objectives.index(objective)
        o = self._index("objective", objective, pictures.shape[0])
        return pictures[o, self._index("picture", j, pictures.shape[1])]

    # -- feature grids ----------------------------------------------------------------------------

    @_memo
    def feature_layout(self, layer: str, subdiv: float, expand: float) -> dict:
        from ..analysis.features import feature_layout

        info = self.feature_layer(layer)
        s, e = self.variant(subdiv, expand)
        return feature_layout(info.shape[:2], self.manifest.probe_set.observation_shape[:2], s, e)

    @_memo
    def grid(self, layer: str, k: int, subdiv: float, expand: float) -> np.ndarray:
        """The observation shown in each cell of a feature picture, int32 ``(rows * cols,)``."""
        k = self.feature(layer, k)
        s, e = self.variant(subdiv, expand)
        info = self.feature_layer(layer)
        rows, cols = schema.feature_grid_shape(info.shape[0], info.shape[1], s)
        rel = schema.feature_grid_asset(layer, k, s, e)
        try:
            grid = codec.decode_array_gz(self.part(rel), "<i4", (rows * cols,), "it")
        except codec.CodecError as err:
            raise self.corrupt(rel, str(err)) from err
        if grid.size and (grid.min() < 0 or grid.max() >= self.observations):
            raise self.corrupt(rel, f"observation indices outside [0, {self.observations})")
        grid.flags.writeable = False
        return grid

    # -- human-scale frames -----------------------------------------------------------------------

    def _full_index(self, kind: str, traj: int | None) -> tuple[str, list]:
        if self.manifest.full_resolution is None:
            raise self._absent("no full-resolution frames (analyse with --full-resolution)")
        data_rel, index_rel = schema.full_frames_asset(kind, traj)
        key = ("full_index", index_rel)
        if key in self._memo:
            return data_rel, self._memo[key]
        count = self.observations if kind == "observations" else self.steps
        data = self.part_json(index_rel)
        offsets = data.get("offsets") if isinstance(data, dict) else None
        if not (isinstance(offsets, list) and len(offsets) == count + 1 and
                all(isinstance(o, int) and not isinstance(o, bool) for o in offsets) and
                offsets[0] == 0 and all(a < b for a, b in itertools.pairwise(offsets))):
            raise self.corrupt(index_rel, f"not {count + 1} increasing byte offsets from 0")
        try:
            size = self.source.signature(self.path(data_rel))[1]
        except FileNotFoundError as e:
            raise self.missing(data_rel, "re-run the analysis") from e
        except OSError as e:
            raise self.corrupt(data_rel, f"cannot read: {e.strerror or e}") from e
        if size != offsets[-1]:
            raise self.corrupt(data_rel, f"{size} bytes, its index says {offsets[-1]} "
                                         "(truncated? re-run the analysis)")
        self._memo[key] = offsets
        return data_rel, offsets

    def full_frame(self, traj: int | None = None, frame: int | None = None,
                   obs: int | None = None) -> tuple[bytes, str]:
        """``(bytes, MIME type)`` of one human-scale frame: ``traj`` + ``frame`` or ``obs``."""
        if obs is not None:
            i = self.obs(obs)
            data_rel, offsets = self._full_index("observations", None)
        else:
            traj, i = self.traj(traj), self.frame(frame)
            data_rel, offsets = self._full_index("trajectory", traj)
        try:
            body = self.source.read(self.path(data_rel), offsets[i], offsets[i + 1] - offsets[i])
        except OSError as e:
            raise self.corrupt(data_rel, f"cannot read: {e.strerror or e}") from e
        if len(body) != offsets[i + 1] - offsets[i]:
            raise self.corrupt(data_rel, "truncated (re-run the analysis)")
        kind = self.manifest.full_resolution.type
        if kind == "image/webp" and (body[:4] != b"RIFF" or body[8:12] != b"WEBP"):
            raise self.corrupt(data_rel, f"frame {i} is not a WebP picture")
        return body, kind if kind == "image/webp" else "application/octet-stream"


def read_part(source: ByteSource, step_dir: str, run: str, step: int, rel: str) -> bytes:
    """The bytes of the part ``rel`` of the analysis in ``step_dir``; a missing or unreadable
    part is a :class:`CorruptPartError` (the one place that says so, for every reader)."""
    try:
        return source.read(f"{step_dir}/{check_rel(rel)}")
    except IsADirectoryError as e:
        raise CorruptPartError(run, step, rel, "a folder, not a file") from e
    except (FileNotFoundError, NotADirectoryError) as e:
        raise CorruptPartError(run, step, rel, "analysis incomplete, or files deleted? (re-run "
                               "the analysis, it resumes)", missing=True) from e
    except OSError as e:
        raise CorruptPartError(run, step, rel, f"cannot read: {e.strerror or e}") from e


def decode_json_part(body: bytes, run: str, step: int, rel: str):
    """A JSON part decoded (:class:`CorruptPartError` when it is not JSON)."""
    try:
        return codec.decode_json(body, "it")
    except codec.CodecError as e:
        raise CorruptPartError(run, step, rel, str(e)) from e


def check_rel(rel: str) -> str:
    """An asset path relative to its analysis folder: never absolute, never ``..``."""
    norm = posixpath.normpath(rel)
    if not isinstance(rel, str) or rel.startswith("/") or norm.startswith("..") or \
            "\\" in rel or "\0" in rel or norm != rel:
        raise StoreError(f"bad asset path {str(rel)[:80]!r}")
    return norm

