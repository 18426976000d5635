"""The store: the one contract between the analysis job (writer) and every reader.

Layout of an analysis of run ``RUN`` at training step ``STEP`` in ``LOGDIR``::

    LOGDIR/RUN/events.out.tfevents.*           summaries of plugin ``rl_clarity`` at STEP
    LOGDIR/RUN/plugins/rl_clarity/STEP/        asset files (large arrays), named in the manifest
        manifest.json                          written last: an analysis without it is incomplete
        trajectories/frames_T.png              all frames of trajectory T, a sprite sheet
        trajectories/scrub_T.png               the trajectory's "barcode" scrub
        observations/sheet_S.png               sampled observations, 256 per sprite sheet
        attribution/LAYER/T_OUTPUT.bin.gz      quantised NMF-channel maps (see below)
        attribution/LAYER/T_OUTPUT.json        the unit's totals, completeness and scale
        features/LAYER/F_sS_eE.png             dataset examples of feature F (RGBA)
        features/LAYER/F_sS_eE.grid.bin.gz     int32 observation index of every grid cell
        thumbnails/LAYER.png                   the K feature thumbnails side by side (RGBA)
        fullres/trajectory_T.bin, .json        optional: human-scale frames (WebP back to back,
        fullres/observations.bin, .json        byte offsets in the JSON), see full_frames_asset
        nmf/LAYER.json                         the fitted NMF (components etc.)

``LOGDIR`` is a local folder or a URL (``s3://``, ``gs://``, ...; see ``files.py``); every file
is published whole under its final name (temporary name, then rename), ``manifest.json`` last.

Summaries (tag -> tensor), each with ``plugin_data.plugin_name = "rl_clarity"``, the JSON
content ``{"version": SCHEMA_VERSION, "kind": ...}`` and ``data_class`` TENSOR:

* ``rl_clarity/manifest``: string scalar, the manifest JSON (same as ``manifest.json``);
* ``rl_clarity/series/NAME``: float32 ``(E, T)`` (or ``(E, T, A)``) per-frame series:
  values, advantages, rewards, dones, firsts, actions, logits;
* ``rl_clarity/totals/LAYER/OUTPUT``: float32 ``(E, T, K + 1)`` channel totals + residual;
* ``rl_clarity/completeness/LAYER/OUTPUT``: float32 ``(E, T)`` IG completeness error;
* ``rl_clarity/nmf/LAYER``: float32 ``(K, C)`` NMF components.

Attribution maps: ``int8`` array ``(T, h, w, K + 1)`` (K signed NMF channels, then the signed
residual) equal to ``round(clip(x / scale, -1, 1) * 127)`` with the unit's ``scale`` from its JSON,
gzip-compressed with a zero timestamp so the bytes are reproducible.
"""

from __future__ import annotations

import re

PLUGIN_NAME = "rl_clarity"
SCHEMA_VERSION = 1
TAG_PREFIX = PLUGIN_NAME + "/"
MANIFEST_TAG = TAG_PREFIX + "manifest"
MANIFEST_FILE = "manifest.json"
SHEET_SIZE = 256           # observations per sprite sheet (16 x 16 frames)
SHEET_COLUMNS = 16
FRAME_COLUMNS = 32         # trajectory frames per sprite-sheet row
QUANT_MAX = 127
SERIES = ("values", "advantages", "rewards", "dones", "firsts", "actions", "logits")

_NAME_RE = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")


def check_name(kind: str, name: str) -> str:
    """Layer and output names end up in file names: letters, digits, ``_ . -`` only."""
    if not _NAME_RE.match(name) or name in (".", ".."):
        raise ValueError(f"{kind} name {name!r} is not usable in the store: use 1-64 letters, "
                         "digits, '_', '.' or '-'")
    return name


def check_run_name(run: str) -> str:
    """Run names may be nested like TensorBoard's (``exp1/seed2``): each part a store name."""
    if not isinstance(run, str) or len(run) > 256 or not all(
            _NAME_RE.match(part) and part not in (".", "..") for part in run.split("/")):
        raise ValueError(f"run name {run!r} is not usable in the store: use parts of 1-64 "
                         "letters, digits, '_', '.' or '-' separated by '/' (no '..')")
    return run


def asset_dir(run_dir: str, step: int) -> str:
    return f"{run_dir.rstrip('/')}/plugins/{PLUGIN_NAME}/{int(step)}"


def frames_asset(traj: int) -> str:
    return f"trajectories/frames_{traj}.png"


def scrub_asset(traj: int) -> str:
    return f"trajectories/scrub_{traj}.png"


def observation_sheet_asset(sheet: int) -> str:
    return f"observations/sheet_{sheet}.png"


def attribution_asset(layer: str, traj: int, output: str) -> str:
    return f"attribution/{layer}/{traj}_{output}.bin.gz"


def attribution_unit_asset(layer: str, traj: int, output: str) -> str:
    return f"attribution/{layer}/{traj}_{output}.json"


def number_key(x: float) -> str:
    """``0.25 -> '0.25'``, ``1.0 -> '1'`` (the original dropped the '.', so 1.5 met 15)."""
    return f"{float(x):g}"


def full_frames_asset(kind: str, index: int | None = None) -> tuple[str, str]:
    """``(data, index)`` asset names of human-scale frames: a trajectory's (``kind``
    ``"trajectory"``, ``index`` T) or the sampled observations' (``"observations"``). The data
    file holds the encoded frames back to back; the JSON holds ``offsets`` (n + 1 byte offsets),
    ``type`` and ``shape``."""
    base = f"fullres/trajectory_{int(index)}" if kind == "trajectory" else "fullres/observations"
    return base + ".bin", base + ".json"


def feature_asset(layer: str, feature: int, subdiv: float, expand: float) -> str:
    return f"features/{layer}/{feature}_s{number_key(subdiv)}_e{number_key(expand)}.png"


def feature_grid_asset(layer: str, feature: int, subdiv: float, expand: float) -> str:
    return f"features/{layer}/{feature}_s{number_key(subdiv)}_e{number_key(expand)}.grid.bin.gz"


def feature_grid_shape(height: int, width: int, subdiv: float) -> tuple[int, int]:
    """``(rows, cols)`` of the overlay grid of a feature picture (the size
    ``analysis.features.zoom_activations`` gives: scipy's ``round((n + 2) * z) - 2``)."""
    def size(n):
        s = float(subdiv)
        z = s - (s - 1.0) / (n + 2)
        return max(round((n + 2) * z) - 2, 0)
    return size(int(height)), size(int(width))


def thumbnails_asset(layer: str) -> str:
    return f"thumbnails/{layer}.png"


def nmf_asset(layer: str) -> str:
    return f"nmf/{layer}.json"


def series_tag(name: str) -> str:
    return f"{TAG_PREFIX}series/{name}"


def totals_tag(layer: str, output: str) -> str:
    return f"{TAG_PREFIX}totals/{layer}/{output}"


def completeness_tag(layer: str, output: str) -> str:
    return f"{TAG_PREFIX}completeness/{layer}/{output}"


def nmf_tag(layer: str) -> str:
    return f"{TAG_PREFIX}nmf/{layer}"
