"""Writing an analysis into a logdir: atomic asset files and the event-file summaries.

Every asset is written to a temporary name and renamed into place, so a reader never sees half
a file, and every encoding is deterministic (PNG through Pillow without metadata, gzip with a
zero timestamp), so the same analysis gives the same bytes whatever the number of MPI ranks.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import uuid

import numpy as np
import tensorflow as tf
from PIL import Image

from . import schema


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
        tf.io.gfile.makedirs(self.root)
        self.bytes_written = 0

    def path(self, rel: str) -> str:
        return f"{self.root}/{rel}"

    def exists(self, rel: str) -> bool:
        return tf.io.gfile.exists(self.path(rel))

    def write(self, rel: str, data: bytes) -> None:
        path = self.path(rel)
        tf.io.gfile.makedirs(os.path.dirname(path))
        tmp = f"{path}.tmp-{uuid.uuid4().hex[:8]}"
        with tf.io.gfile.GFile(tmp, "wb") as f:
            f.write(data)
        tf.io.gfile.rename(tmp, path, overwrite=True)
        self.bytes_written += len(data)

    def write_json(self, rel: str, obj) -> None:
        self.write(rel, encode_json(obj))

    def write_png(self, rel: str, image: np.ndarray) -> None:
        self.write(rel, encode_png(image))

    def write_array_gz(self, rel: str, array: np.ndarray) -> None:
        self.write(rel, encode_array_gz(array))

    def read_json(self, rel: str):
        with tf.io.gfile.GFile(self.path(rel), "rb") as f:
            return json.loads(f.read())


def _metadata(kind: str) -> bytes:
    from tensorboard.compat.proto import summary_pb2

    md = summary_pb2.SummaryMetadata(
        plugin_data=summary_pb2.SummaryMetadata.PluginData(
            plugin_name=schema.PLUGIN_NAME,
            content=encode_json({"version": schema.SCHEMA_VERSION, "kind": kind})),
        data_class=summary_pb2.DATA_CLASS_TENSOR)
    return md.SerializeToString()


def write_summaries(run_dir: str, step: int, manifest: dict, series: dict, totals: dict,
                    completeness: dict, nmf_components: dict) -> None:
    """Write the analysis' summaries into a new event file of ``run_dir``, manifest last.

    ``series``: name -> array; ``totals`` / ``completeness``: (layer, output) -> array;
    ``nmf_components``: layer -> ``(K, C)``.
    """
    writer = tf.summary.create_file_writer(run_dir, filename_suffix=".rl_clarity")
    with writer.as_default(step=int(step)):
        for name, arr in series.items():
            tf.summary.write(schema.series_tag(name), tf.constant(np.asarray(arr, np.float32)),
                             metadata=_metadata("series"))
        for (layer, output), arr in totals.items():
            tf.summary.write(schema.totals_tag(layer, output), np.asarray(arr, np.float32),
                             metadata=_metadata("totals"))
        for (layer, output), arr in completeness.items():
            tf.summary.write(schema.completeness_tag(layer, output), np.asarray(arr, np.float32),
                             metadata=_metadata("completeness"))
        for layer, arr in nmf_components.items():
            tf.summary.write(schema.nmf_tag(layer), np.asarray(arr, np.float32),
                             metadata=_metadata("nmf"))
        tf.summary.write(schema.MANIFEST_TAG, tf.constant(encode_json(manifest).decode()),
                         metadata=_metadata("manifest"))
    writer.flush()
    writer.close()
