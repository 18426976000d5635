"""Reading analyses back from a logdir (used by the export, the MLflow hooks and the tests).

The TensorBoard plugin reads the same data through TensorBoard's data provider; this reader goes
to the files directly, through :mod:`.files` (local paths or URLs such as ``s3://``; no
TensorFlow import). Every asset path is checked against the
manifest's directory: nothing outside ``LOGDIR/RUN/plugins/rl_clarity/STEP/`` is ever read.
"""

from __future__ import annotations

import gzip
import json
import posixpath
import struct

import numpy as np

from . import files, schema


class StoreError(ValueError):
    """An analysis is missing, incomplete or corrupt."""


def dequantize(unit: dict, body: bytes) -> np.ndarray:
    """An attribution asset (gzip of int8 ``unit["shape"]``) as float32 maps (see schema)."""
    q = np.frombuffer(gzip.decompress(body), np.int8)
    if q.size != int(np.prod(unit["shape"])):
        raise StoreError(f"attribution asset holds {q.size} values, expected shape "
                         f"{unit['shape']}")
    return q.reshape(unit["shape"]).astype(np.float32) * (float(unit["quant_range"])
                                                          / schema.QUANT_MAX)


class LogdirReader:
    """Analyses under ``logdir``: ``runs()``, ``steps(run)``, ``manifest``, assets, summaries."""

    def __init__(self, logdir: str):
        files.check_usable(logdir)
        self.logdir = files.normalize(logdir)

    def _run_dir(self, run: str) -> str:
        schema.check_run_name(run)
        return f"{self.logdir}/{run}"

    def runs(self) -> list[str]:
        """Runs that hold at least one complete analysis."""
        if not files.isdir(self.logdir):
            return []
        out = []
        root = self.logdir.replace("\\", "/").rstrip("/") + "/"
        for dirpath, dirnames, _ in files.walk(self.logdir):
            dirnames.sort()
            dirpath = dirpath.replace("\\", "/")
            if posixpath.basename(dirpath) == "plugins":
                dirnames[:] = []
                run = posixpath.dirname(dirpath)[len(root):] or "."
                try:
                    if self.steps(run):
                        out.append(run)
                except ValueError:
                    continue
        return sorted(out)

    def steps(self, run: str) -> list[int]:
        """Steps of ``run`` with a complete analysis (manifest written), ascending."""
        root = f"{self._run_dir(run)}/plugins/{schema.PLUGIN_NAME}"
        steps = []
        for name in files.listdir(root):
            if name.isdigit() and files.isfile(f"{root}/{name}/{schema.MANIFEST_FILE}"):
                steps.append(int(name))
        return sorted(steps)

    def asset_path(self, run: str, step: int, rel: str) -> str:
        norm = posixpath.normpath(rel)
        if rel.startswith("/") or norm.startswith("..") or "\\" in rel or norm != rel:
            raise StoreError(f"bad asset path {rel!r}")
        return f"{schema.asset_dir(self._run_dir(run), int(step))}/{norm}"

    def asset_bytes(self, run: str, step: int, rel: str) -> bytes:
        path = self.asset_path(run, step, rel)
        try:
            return files.read(path)
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError) as e:
            raise StoreError(f"no asset {rel!r} in run {run!r} at step {step}") from e

    def manifest(self, run: str, step: int) -> dict:
        try:
            return json.loads(self.asset_bytes(run, step, schema.MANIFEST_FILE))
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            raise StoreError(f"corrupt manifest in run {run!r} at step {step}: {e}") from e

    def array(self, run: str, step: int, rel: str, dtype, shape) -> np.ndarray:
        """A gzip-compressed raw array asset."""
        data = gzip.decompress(self.asset_bytes(run, step, rel))
        arr = np.frombuffer(data, dtype=np.dtype(dtype).newbyteorder("<"))
        if arr.size != int(np.prod(shape)):
            raise StoreError(f"asset {rel!r} holds {arr.size} values, expected shape {shape}")
        return arr.reshape(shape)

    def attribution(self, run: str, step: int, layer: str, traj: int, output: str) -> tuple:
        """``(maps float32 (T, h, w, K+1), unit dict)``: dequantised channels + residual."""
        unit = json.loads(self.asset_bytes(run, step,
                                           schema.attribution_unit_asset(layer, traj, output)))
        body = self.asset_bytes(run, step, schema.attribution_asset(layer, traj, output))
        return dequantize(unit, body), unit

    def components(self, run: str, step: int, layer: str) -> np.ndarray:
        """The fitted NMF components ``(K, C)`` of ``layer`` (float64)."""
        return np.asarray(json.loads(self.asset_bytes(run, step, schema.nmf_asset(layer)))[
            "components"], np.float64)

    def summaries(self, run: str, step: int) -> dict[str, np.ndarray]:
        """Tag -> value of this plugin's summaries at ``step`` (the last written wins)."""
        from tensorboard.compat.proto import event_pb2
        from tensorboard.util import tensor_util

        run_dir = self._run_dir(run)
        out = {}
        # the job's own event files (its summaries are never in other programs' files)
        names = [n for n in files.listdir(run_dir)
                 if n.startswith("events.out.tfevents.") and n.endswith(".rl_clarity")]
        for name in names:
            with files.open_read(f"{run_dir}/{name}") as f:
                for record in _records(f):
                    event = event_pb2.Event.FromString(record)
                    if event.step != step or not event.HasField("summary"):
                        continue
                    for value in event.summary.value:
                        if value.metadata.plugin_data.plugin_name != schema.PLUGIN_NAME:
                            continue
                        out[value.tag] = tensor_util.make_ndarray(value.tensor)
        return out


def _records(f):
    """The records of an event file (TFRecord framing: u64 length, u32 masked CRC of it, data,
    u32 masked CRC of the data). Read from any file object, so local files and object-store
    files go the same way; a truncated last record (a file still being written by another
    program) ends the iteration, a checksum mismatch is an error."""
    from tensorboard.compat.tensorflow_stub.pywrap_tensorflow import masked_crc32c

    while True:
        header = f.read(12)
        if len(header) < 12:
            return
        length, crc = struct.unpack("<QI", header)
        if masked_crc32c(header[:8]) != crc:
            raise StoreError("corrupt event file: bad record-length checksum")
        data = f.read(length)
        footer = f.read(4)
        if len(data) < length or len(footer) < 4:
            return
        if masked_crc32c(data) != struct.unpack("<I", footer)[0]:
            raise StoreError("corrupt event file: bad record checksum")
        yield data
