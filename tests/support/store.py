"""Independent readers of the store for tests: written from the format's description
(``rlclarity_plugin/store/schema.py`` and ``codec.py`` docstrings), not with the product's
reader or codec, so a test comparing the two can fail."""

import gzip
import json
import os

import numpy as np


def decode_maps(raw: bytes, shape, steps) -> np.ndarray:
    """Attribution maps from their bytes (gzip or already decompressed): two byte planes of
    zigzag-mapped int16, channel-planar (C, T, h, w), times the per-frame steps."""
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    T, h, w, C = shape
    n = T * h * w * C
    assert len(raw) == 2 * n, (len(raw), shape)
    b = np.frombuffer(raw, np.uint8).astype(np.int64)
    z = b[:n] + 256 * b[n:]
    q = np.where(z % 2 == 0, z // 2, -(z + 1) // 2)
    q = q.reshape(C, T, h, w).transpose(1, 2, 3, 0)
    return q.astype(np.float32) * np.asarray(steps, np.float32)[:, None, None, None]


def unit_json(logdir, run, step, layer, traj, output) -> dict:
    path = os.path.join(logdir, run, "plugins", "rl_clarity", str(step), "attribution", layer,
                        f"{traj}_{output}.json")
    with open(path) as f:
        return json.load(f)


def stored_maps(logdir, run, step, layer, traj, output) -> tuple:
    """``(maps (T, h, w, C) float, unit dict)`` read from the files."""
    unit = unit_json(logdir, run, step, layer, traj, output)
    path = os.path.join(logdir, run, "plugins", "rl_clarity", str(step), "attribution", layer,
                        f"{traj}_{output}.bin.gz")
    with open(path, "rb") as f:
        return decode_maps(f.read(), unit["shape"], unit["steps"]), unit


def event_series(logdir, run, step) -> dict:
    """Tag -> value of the ``rl_clarity`` summaries at ``step`` in the run's event files, read
    with TensorBoard's own event-file loader."""
    from tensorboard.backend.event_processing import event_file_loader
    from tensorboard.util import tensor_util

    run_dir = os.path.join(logdir, run)
    out = {}
    for name in sorted(os.listdir(run_dir)):
        if "tfevents" not in name:
            continue
        for event in event_file_loader.EventFileLoader(os.path.join(run_dir, name)).Load():
            if event.step != step or not event.HasField("summary"):
                continue
            for value in event.summary.value:
                if value.metadata.plugin_data.plugin_name == "rl_clarity":
                    out[value.tag] = tensor_util.make_ndarray(value.tensor)
    return out


def series(logdir, run, step) -> dict:
    """Name -> per-frame series (``rl_clarity/series/NAME``) at ``step``."""
    prefix = "rl_clarity/series/"
    return {tag[len(prefix):]: v for tag, v in event_series(logdir, run, step).items()
            if tag.startswith(prefix)}
