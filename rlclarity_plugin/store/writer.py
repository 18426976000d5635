"""Writing an analysis into a logdir: atomic asset files and the event-file summaries.

Every asset (and the event file) is written whole to a temporary name and renamed into place
through :mod:`.files`, locally or on an object store, so a reader never sees half a file; the
manifest is published last. Every encoding is deterministic (PNG through Pillow without
metadata, gzip with a zero timestamp), so the same analysis gives the same bytes whatever the
number of MPI ranks.
"""

from __future__ import annotations

import gzip
import io
import itertools
import json
import os
import socket
import time
import uuid

import numpy as np
from PIL import Image

from . import files, schema


def encode_png(image: np.ndarray) -> bytes:
    """uint8 ``(H, W)``, ``(H, W, 3)`` or ``(H, W, 4)`` -> PNG bytes (deterministic)."""
    image = np.asarray(image)
    if image.dtype != np.uint8:
        raise ValueError(f"PNG images must be uint8, got {image.dtype}")
    if image.ndim == 3 and image.shape[-1] == 1:
        image = image[..., 0]
    buf = io.BytesIO()
    Image.fromarray(image).save(buf, format="PNG", optimize=False, compress_level=6)
    return buf.getvalue()


def encode_array_gz(array: np.ndarray) -> bytes:
    """Raw little-endian bytes of ``array`` (C order), gzip with mtime 0."""
    arr = np.ascontiguousarray(array)
    if arr.dtype.byteorder == ">":
        arr = arr.astype(arr.dtype.newbyteorder("<"))
    return gzip.compress(arr.tobytes(), compresslevel=6, mtime=0)


def encode_json(obj) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), allow_nan=False).encode()


def sprite_sheet(frames: np.ndarray, columns: int) -> np.ndarray:
    """``(N, H, W, C)`` -> one image of ``ceil(N / columns)`` rows of ``columns`` frames."""
    n, h, w, c = frames.shape
    rows = -(-n // columns)
    padded = np.zeros((rows * columns, h, w, c), frames.dtype)
    padded[:n] = frames
    return padded.reshape(rows, columns, h, w, c).transpose(0, 2, 1, 3, 4).reshape(
        rows * h, columns * w, c)


class AssetWriter:
    """Atomic writes of the asset files of one analysis (``run_dir``, ``step``)."""

    def __init__(self, run_dir: str, step: int):
        self.root = schema.asset_dir(run_dir, step)
        files.makedirs(self.root)
        self.bytes_written = 0

    def path(self, rel: str) -> str:
        return f"{self.root}/{rel}"

    def exists(self, rel: str) -> bool:
        return files.exists(self.path(rel))

    def write(self, rel: str, data: bytes) -> None:
        files.write_atomic(self.path(rel), data)
        self.bytes_written += len(data)

    def write_json(self, rel: str, obj) -> None:
        self.write(rel, encode_json(obj))

    def write_png(self, rel: str, image: np.ndarray) -> None:
        self.write(rel, encode_png(image))

    def write_array_gz(self, rel: str, array: np.ndarray) -> None:
        self.write(rel, encode_array_gz(array))

    def read_json(self, rel: str):
        return json.loads(files.read(self.path(rel)))


def _metadata(kind: str):
    from tensorboard.compat.proto import summary_pb2

    return summary_pb2.SummaryMetadata(
        plugin_data=summary_pb2.SummaryMetadata.PluginData(
            plugin_name=schema.PLUGIN_NAME,
            content=encode_json({"version": schema.SCHEMA_VERSION, "kind": kind})),
        data_class=summary_pb2.DATA_CLASS_TENSOR)


_EVENT_FILES = itertools.count()


def _summary_event(step: int, wall_time: float, tag: str, value, kind: str):
    from tensorboard.compat.proto import event_pb2, summary_pb2
    from tensorboard.util import tensor_util

    return event_pb2.Event(wall_time=wall_time, step=int(step), summary=summary_pb2.Summary(
        value=[summary_pb2.Summary.Value(tag=tag, tensor=tensor_util.make_tensor_proto(value),
                                         metadata=_metadata(kind))]))


def write_summaries(run_dir: str, step: int, manifest: dict, series: dict, totals: dict,
                    completeness: dict, nmf_components: dict) -> str:
    """Write the analysis' summaries as a new event file of ``run_dir`` (manifest tag last),
    published whole (temporary name, then rename); returns its path.

    ``series``: name -> array; ``totals`` / ``completeness``: (layer, output) -> array;
    ``nmf_components``: layer -> ``(K, C)``. The records are TensorFlow's event-file format
    (TensorBoard's ``RecordWriter``), so TensorBoard reads them locally or from an object store.
    """
    from tensorboard.compat.proto import event_pb2
    from tensorboard.summary.writer.record_writer import RecordWriter

    now = time.time()
    values = [(schema.series_tag(name), np.asarray(arr, np.float32), "series")
              for name, arr in series.items()]
    values += [(schema.totals_tag(layer, output), np.asarray(arr, np.float32), "totals")
               for (layer, output), arr in totals.items()]
    values += [(schema.completeness_tag(layer, output), np.asarray(arr, np.float32),
                "completeness") for (layer, output), arr in completeness.items()]
    values += [(schema.nmf_tag(layer), np.asarray(arr, np.float32), "nmf")
               for layer, arr in nmf_components.items()]
    values.append((schema.MANIFEST_TAG, np.array(encode_json(manifest), dtype=object),
                   "manifest"))
    buf = io.BytesIO()
    records = RecordWriter(buf)
    records.write(event_pb2.Event(wall_time=now, file_version="brain.Event:2")
                  .SerializeToString())
    for tag, value, kind in values:
        records.write(_summary_event(step, now, tag, value, kind).SerializeToString())
    name = (f"events.out.tfevents.{int(now)}.{socket.gethostname()}.{os.getpid()}."
            f"{next(_EVENT_FILES)}{uuid.uuid4().hex[:6]}.rl_clarity")
    path = files.join(run_dir, name)
    files.write_atomic(path, buf.getvalue())
    return path
