"""Writing an analysis into a logdir: atomic asset files and its event file.

Every asset (and the event file) is written whole to a temporary name and renamed into place
through :mod:`.files`, locally or on an object store, so a reader never sees half a file; the
manifest is published last. Encodings are :mod:`.codec`'s (deterministic), so the same
analysis gives the same bytes whatever the number of MPI ranks. Nothing is created before the
first write.
"""

from __future__ import annotations

import time

import numpy as np

from . import codec, files, schema


class AssetWriter:
    """Atomic writes of the asset files of one analysis (``run_dir``, ``step``)."""

    def __init__(self, run_dir: str, step: int):
        self.root = schema.asset_dir(run_dir, step)
        self.bytes_written = 0

    def path(self, rel: str) -> str:
        return f"{self.root}/{rel}"

    def exists(self, rel: str) -> bool:
        return files.exists(self.path(rel))

    def write(self, rel: str, data: bytes) -> None:
        files.write_atomic(self.path(rel), data)
        self.bytes_written += len(data)

    def write_json(self, rel: str, obj) -> None:
        self.write(rel, codec.encode_json(obj.to_json() if hasattr(obj, "to_json") else obj))

    def write_picture(self, rel: str, image: np.ndarray) -> None:
        self.write(rel, codec.encode_picture(image))

    def write_array_gz(self, rel: str, array: np.ndarray) -> None:
        self.write(rel, codec.encode_array_gz(array))

    def read_json(self, rel: str):
        return codec.decode_json(files.read(self.path(rel)), rel)


def _metadata(kind: str):
    from tensorboard.compat.proto import summary_pb2

    return summary_pb2.SummaryMetadata(
        plugin_data=summary_pb2.SummaryMetadata.PluginData(
            plugin_name=schema.PLUGIN_NAME,
            content=codec.encode_json({"version": schema.SCHEMA_VERSION, "kind": kind})),
        data_class=summary_pb2.DATA_CLASS_TENSOR)


def encode_event_file(step: int, series: dict, marker: str, wall_time: float | None = None
                      ) -> bytes:
    """The analysis' event file: the per-frame ``series`` (name -> array, float32) at ``step``
    and the marker summary ``rl_clarity/analysis`` (the asset folder relative to the run), in
    TensorFlow's event-file format, so TensorBoard reads it locally or from an object store."""
    from tensorboard.compat.proto import event_pb2, summary_pb2
    from tensorboard.util import tensor_util

    now = time.time() if wall_time is None else wall_time
    values = [(schema.series_tag(name), np.asarray(series[name], np.float32), "series")
              for name in schema.SERIES]
    values.append((schema.ANALYSIS_TAG, np.array(marker.encode(), dtype=object), "analysis"))
    records = [event_pb2.Event(wall_time=now, file_version="brain.Event:2").SerializeToString()]
    for tag, value, kind in values:
        records.append(event_pb2.Event(wall_time=now, step=int(step), summary=summary_pb2.Summary(
            value=[summary_pb2.Summary.Value(tag=tag, tensor=tensor_util.make_tensor_proto(value),
                                             metadata=_metadata(kind))])).SerializeToString())
    return codec.encode_records(records)


def write_event_file(run_dir: str, name: str, step: int, series: dict, marker: str) -> str:
    """Publish the event file ``name`` of ``run_dir`` whole (temporary name, then rename);
    returns its path."""
    path = files.join(run_dir, name)
    files.write_atomic(path, encode_event_file(step, series, marker))
    return path


def update_manifest(logdir: str, run: str, step: int, **changes) -> schema.Manifest:
    """Replace fields of a complete analysis' manifest (e.g. ``edits=...``, ``bookmarks=...``)
    and publish it again, atomically, with a new digest; returns the new manifest.

    Only fields that describe results added after the analysis may change (``edits``,
    ``bookmarks``); what the analysis is made from (inputs, layers, probe set) never does.
    ``StoreError`` if the analysis has no readable manifest.
    """
    allowed = {"edits", "bookmarks"}
    if not set(changes) <= allowed:
        raise ValueError(f"update_manifest changes only {sorted(allowed)}, not "
                         f"{sorted(set(changes) - allowed)}")
    import dataclasses

    writer = AssetWriter(schema.run_path(logdir, run), step)
    try:
        raw = writer.read_json(schema.MANIFEST_FILE)
    except FileNotFoundError as e:
        raise schema.StoreError(f"run {run!r} step {step}: no complete analysis "
                                f"({schema.MANIFEST_FILE} is missing)") from e
    manifest = schema.Manifest.from_json(raw, f"run {run!r} step {step} manifest")
    manifest = dataclasses.replace(manifest, **changes).with_digest()
    writer.write_json(schema.MANIFEST_FILE, manifest)
    return manifest
