"""The store: the one contract between the analysis job (writer) and every reader.

Store version 2 (``SCHEMA_VERSION``). An analysis of run ``RUN`` at training step ``STEP`` in
``LOGDIR``::

    LOGDIR/RUN/events.out.tfevents.STEP.DIGEST.rl_clarity   its event file (named in the manifest)
    LOGDIR/RUN/plugins/rl_clarity/STEP/        asset files, named by the functions below
        inputs.json                            written first: what the analysis is made from
        manifest.json                          written last: an analysis without it is incomplete
        trajectories/frames_T.webp             all frames of trajectory T, a sprite sheet (RGB)
        trajectories/scrub_T.webp              the trajectory's "barcode" scrub
        observations/sheet_S.webp              sampled observations, 256 per sprite sheet (RGB)
        attribution/LAYER/T_OUTPUT.bin.gz      NMF-channel maps + residual (``codec.encode_maps``)
        attribution/LAYER/T_OUTPUT.json        the unit (:class:`AttributionUnit`)
        features/LAYER/F_sS_eE.webp            dataset examples of feature F (RGBA)
        features/LAYER/F_sS_eE.grid.bin.gz     int32 observation index of every grid cell
        thumbnails/LAYER.webp                  the K feature thumbnails side by side (RGBA)
        fullres/trajectory_T.bin, .json        optional: human-scale frames (WebP back to back,
        fullres/observations.bin, .json        byte offsets in the JSON), see full_frames_asset
        nmf/LAYER.json                         the fitted NMF (components etc.)
        synthetic/LAYER.webp                   optional: synthetic feature pictures (RGB sheet,
                                               see FeatureVisInfo)

``LOGDIR`` is a local folder or a URL (``s3://``, ``gs://``, ...; see ``files.py``); every file
is published whole under its final name (temporary name, then rename), ``manifest.json`` last.
How each file is encoded, in both directions, is in :mod:`.codec` (pictures are lossless WebP).
Every value is stored once.

The event file holds, at ``STEP``, the per-frame series ``rl_clarity/series/NAME`` (float32
``(E, T)``, or ``(E, T, A)`` for ``logits``; names in ``SERIES``) and a marker
``rl_clarity/analysis`` (a string: the asset folder, relative to the run) through which
TensorBoard activates the tab. Each summary has ``plugin_data.plugin_name = "rl_clarity"``,
content ``{"version": SCHEMA_VERSION, "kind": ...}`` and data class TENSOR. Readers list
analyses from the asset folders (not from TensorBoard's loaders, which drop records of a higher
step when a lower step arrives later) and read the series from the one event file the manifest
names.

The manifest is read through :meth:`Manifest.from_json`, which checks the version: a store
written by a newer rl-clarity is refused with one "upgrade" message, and a version 1 store (its
attribution maps were int8 with 6-13 % error) with a message that says how to re-analyse it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import types
import typing
from dataclasses import dataclass, field

import numpy as np

PLUGIN_NAME = "rl_clarity"
SCHEMA_VERSION = 2
TAG_PREFIX = PLUGIN_NAME + "/"
ANALYSIS_TAG = TAG_PREFIX + "analysis"
LEGACY_MANIFEST_TAG = TAG_PREFIX + "manifest"  # store version 1
MANIFEST_FILE = "manifest.json"
INPUTS_FILE = "inputs.json"
SHEET_SIZE = 256           # observations per sprite sheet (16 x 16 frames)
SHEET_COLUMNS = 16
FRAME_COLUMNS = 32         # trajectory frames per sprite-sheet row
SERIES = ("values", "advantages", "rewards", "dones", "firsts", "actions", "logits")
DISPLAY_RULES = ("rgb", "last_channel_grey", "last_three_channels")

_NAME_RE = re.compile(r"[A-Za-z0-9_.\-]{1,64}")  # always fullmatch: "$" matches before "\n"
_HEX_RE = re.compile(r"#[0-9a-fA-F]{6}")
MAX_COUNT = 2**31          # trajectories, frames, observations, features: sanity bound
MAX_PIXELS = 2**16         # a picture's side, a layer's side and channel count
OUTPUT_KINDS = ("v", "logit", "group")


class StoreError(ValueError):
    """An analysis is missing, incomplete, corrupt or of an unreadable version."""


class StoreVersionError(StoreError):
    """The analysis was written by a store version this rl-clarity does not read."""


# -- names and paths ----------------------------------------------------------------------------

def check_name(kind: str, name: str) -> str:
    """Layer and output names end up in file names: letters, digits, ``_ . -`` only."""
    if not isinstance(name, str) or not _NAME_RE.fullmatch(name) or name in (".", ".."):
        raise ValueError(f"{kind} name {name!r} is not usable in the store: use 1-64 letters, "
                         "digits, '_', '.' or '-'")
    return name


def check_run_name(run: str) -> str:
    """Run names may be nested like TensorBoard's (``exp1/seed2``): each part a store name;
    ``"."`` is the logdir itself."""
    if run == ".":
        return run
    if not isinstance(run, str) or len(run) > 256 or not all(
            _NAME_RE.fullmatch(part) and part not in (".", "..") for part in run.split("/")):
        raise ValueError(f"run name {str(run)[:80]!r} is not usable in the store: use parts of "
                         "1-64 letters, digits, '_', '.' or '-' separated by '/' (no '..')")
    return run


def check_run_path(run: str) -> str:
    """A run name as a reader meets it (any folder name TensorBoard lists, nested with ``/``):
    refused only when it could leave the logdir (``..``, absolute, backslash, NUL)."""
    if run == ".":
        return run
    parts = run.split("/") if isinstance(run, str) else [""]
    if len(run) > 1024 or any(p in ("", ".", "..") for p in parts) or "\\" in run or \
            "\0" in run:
        raise ValueError(f"run {str(run)[:80]!r} is not a run name (paths outside the logdir "
                         "are never read)")
    return run


MAX_STEP = 2**53  # steps are exact in JavaScript below this


def check_step(step) -> int:
    """A training step: an integer ``0 <= step < 2**53``."""
    if isinstance(step, bool) or not isinstance(step, (int, np.integer)) or \
            not 0 <= int(step) < MAX_STEP:
        raise ValueError(f"step must be an integer in [0, 2**53), got {step!r}")
    return int(step)


def check_color(kind: str, color: str) -> str:
    """A display colour: ``#rrggbb`` exactly (it ends up in CSS and canvas styles)."""
    if not isinstance(color, str) or not _HEX_RE.fullmatch(color):
        raise ValueError(f"{kind} {str(color)[:40]!r} is not #rrggbb")
    return color


def _check_counts(**counts) -> None:
    """Each ``name=(value, lowest)``: an integer in ``[lowest, MAX_COUNT)``."""
    for name, (value, lowest) in counts.items():
        if not lowest <= value < MAX_COUNT:
            raise ValueError(f"{name} {value} is out of range [{lowest}, {MAX_COUNT})")


def _check_shape(name: str, shape, ndim: int) -> None:
    if len(shape) != ndim or not all(1 <= d < MAX_PIXELS for d in shape):
        raise ValueError(f"{name} {list(shape)} is not {ndim} sizes in [1, {MAX_PIXELS})")


def run_path(logdir: str, run: str) -> str:
    """The folder of ``run`` (``"."``: the logdir itself)."""
    check_run_path(run)
    base = logdir.rstrip("/") or "/"
    return base if run == "." else f"{base}/{run}"


def asset_dir(run_dir: str, step: int) -> str:
    return f"{run_dir.rstrip('/')}/plugins/{PLUGIN_NAME}/{int(step)}"


def event_file_name(step: int, inputs_digest: str) -> str:
    """The analysis' event file in the run folder: one per (step, inputs), so re-analysing a
    step with other inputs never leaves two files of that step."""
    return f"events.out.tfevents.{int(step):016d}.{inputs_digest[:16]}.{PLUGIN_NAME}"


def frames_asset(traj: int) -> str:
    return f"trajectories/frames_{traj}.webp"


def scrub_asset(traj: int) -> str:
    return f"trajectories/scrub_{traj}.webp"


def observation_sheet_asset(sheet: int) -> str:
    return f"observations/sheet_{sheet}.webp"


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
    return f"features/{layer}/{feature}_s{number_key(subdiv)}_e{number_key(expand)}.webp"


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
    return f"thumbnails/{layer}.webp"


def nmf_asset(layer: str) -> str:
    return f"nmf/{layer}.json"


def synthetic_asset(layer: str) -> str:
    """The synthetic (optimisation-based) feature pictures of ``layer``: one RGB sprite sheet,
    a row per objective, a column per picture (see :class:`FeatureVisInfo`)."""
    return f"synthetic/{layer}.webp"


def series_tag(name: str) -> str:
    return f"{TAG_PREFIX}series/{name}"


# -- typed records ------------------------------------------------------------------------------

class _Record:
    """JSON (de)serialisation of the frozen dataclasses below: tuples become lists, nested
    records dicts; :meth:`from_json` checks every field's type and names what is wrong."""

    def to_json(self) -> dict:
        return _to_json(self)

    @classmethod
    def from_json(cls, d, where: str = "the store"):
        return _from_json(cls, d, where, cls.__name__)


def _to_json(value):
    if dataclasses.is_dataclass(value):
        return {f.name: _to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _to_json(v) for k, v in value.items()}
    if isinstance(value, np.generic):
        return value.item()
    return value


def _convert(tp, value, where: str, path: str):
    """``value`` (parsed JSON) as type ``tp``, or :class:`StoreError` naming ``path``."""
    def bad(expected):
        shown = json.dumps(value)[:60] if _jsonable(value) else type(value).__name__
        return StoreError(f"{where}: {path} should be {expected}, got {shown}")

    origin = typing.get_origin(tp)
    if tp is typing.Any:
        return value
    if origin is typing.Union or origin is types.UnionType:
        args = typing.get_args(tp)
        if value is None:
            if type(None) in args:
                return None
            raise bad("a value")
        inner = [a for a in args if a is not type(None)]
        return _convert(inner[0], value, where, path)
    if dataclasses.is_dataclass(tp):
        return _from_json(tp, value, where, path)
    if origin is tuple:
        args = typing.get_args(tp)
        if not isinstance(value, list):
            raise bad("a list")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], v, where, f"{path}[{i}]") for i, v in enumerate(value))
        if len(value) != len(args):
            raise bad(f"a list of {len(args)}")
        return tuple(_convert(a, v, where, f"{path}[{i}]")
                     for i, (a, v) in enumerate(zip(args, value)))
    if origin is dict or tp is dict:
        if not isinstance(value, dict):
            raise bad("an object")
        return value
    if tp is bool:
        if not isinstance(value, bool):
            raise bad("true or false")
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise bad("an integer")
        return value
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or \
                not np.isfinite(value):
            raise bad("a finite number")
        return float(value)
    if tp is str:
        if not isinstance(value, str):
            raise bad("a string")
        return value
    raise TypeError(f"unsupported field type {tp!r}")  # a programming error, not bad data


def _jsonable(value) -> bool:
    try:
        json.dumps(value)
        return True
    except (TypeError, ValueError):
        return False


def _from_json(cls, d, where: str, path: str):
    if not isinstance(d, dict):
        raise StoreError(f"{where}: {path} should be an object, got {type(d).__name__}")
    hints = typing.get_type_hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name not in d:
            if f.default is not dataclasses.MISSING or \
                    f.default_factory is not dataclasses.MISSING:
                continue
            raise StoreError(f"{where}: {path} lacks {f.name!r}")
        kwargs[f.name] = _convert(hints[f.name], d[f.name], where, f"{path}.{f.name}")
    try:
        return cls(**kwargs)
    except ValueError as e:  # a record's own checks (__post_init__)
        raise StoreError(f"{where}: {path}: {e}") from e


@dataclass(frozen=True)
class Stats(_Record):
    median: float
    p95: float

    @classmethod
    def of(cls, values) -> Stats:
        v = np.asarray(values, np.float64)
        return cls(float(np.median(v)), float(np.percentile(v, 95)))


@dataclass(frozen=True)
class Completeness(_Record):
    """IG completeness error over every hidden-layer attribution unit, two ways:

    * ``per_frame``: ``|sum IG - (F(a) - F(0))| / |F(a) - F(0)|`` at each frame (the usual
      figure; it explodes on frames where ``F(a) ~ F(0)``, e.g. logits that barely move);
    * ``unit_scaled``: the same difference divided by the mean ``|F(a) - F(0)|`` over the
      frames of its unit (trajectory, output): robust to those frames.
    """

    per_frame: Stats
    unit_scaled: Stats


@dataclass(frozen=True)
class Channel(_Record):
    """One input channel of the input pseudo-layer: its label and display colour."""

    label: str
    color: str

    def __post_init__(self):
        check_color("channel colour", self.color)


FEATURE_VIS_OBJECTIVES = ("centre", "map")


@dataclass(frozen=True)
class FeatureVisInfo(_Record):
    """Synthetic feature pictures of a layer (``--feature-vis synthetic``): each picture is an
    input image optimised to maximise one direction at the layer (Olah et al. 2017: Fourier
    parameterisation, decorrelated colour, random jitter / scale / rotation each step).

    Asset :func:`synthetic_asset`: an RGB sheet of ``len(objectives)`` rows and ``features +
    channels`` columns (the NMF features first, then the layer's first ``channels`` channels
    when channel pictures were asked for), each cell the observation size (H, W).
    ``objectives``: ``centre`` (the direction's value at the centre position of the map) and
    ``map`` (its mean over the whole map). ``activation[o][j]``: objective ``o`` reached by
    picture ``j``; ``dataset_max[o][j]``: the highest value of the same objective over the
    sampled observations (the dataset examples' pool), to compare with.
    """

    objectives: tuple[str, ...]
    features: int
    channels: int
    steps: int
    seed: int
    activation: tuple[tuple[float, ...], ...]
    dataset_max: tuple[tuple[float, ...], ...]

    def __post_init__(self):
        if not self.objectives or any(o not in FEATURE_VIS_OBJECTIVES for o in self.objectives):
            raise ValueError(f"objectives {list(self.objectives)} are not among "
                             f"{FEATURE_VIS_OBJECTIVES}")
        _check_counts(features=(self.features, 0), channels=(self.channels, 0),
                      steps=(self.steps, 1))
        if self.features + self.channels < 1:
            raise ValueError("no synthetic pictures (0 features and 0 channels)")
        for name in ("activation", "dataset_max"):
            rows = getattr(self, name)
            if len(rows) != len(self.objectives) or any(
                    len(r) != self.features + self.channels for r in rows):
                raise ValueError(f"{name} is not {len(self.objectives)} x "
                                 f"{self.features + self.channels}")


@dataclass(frozen=True)
class LayerInfo(_Record):
    """An analysed layer: activations ``shape`` (h, w, c); ``kind`` ("input" for the input
    pseudo-layer, whose maps are plain gradients with one map per input ``channels`` entry and
    no residual); ``features`` K (0 for the input)."""

    name: str
    shape: tuple[int, ...]
    kind: str
    features: int
    nmf_reconstruction_error: float | None = None
    channels: tuple[Channel, ...] = ()
    feature_vis: FeatureVisInfo | None = None

    def __post_init__(self):
        _check_shape("shape", self.shape, 3)
        if self.feature_vis is not None and (
                self.feature_vis.features != self.features or
                self.feature_vis.channels > self.shape[-1]):
            raise ValueError("feature_vis does not fit the layer's features and channels")
        if not 0 <= self.features <= self.shape[-1]:
            raise ValueError(f"{self.features} features for {self.shape[-1]} channels")
        if self.kind == "input" and self.features:
            raise ValueError("the input layer has no NMF features")


@dataclass(frozen=True)
class OutputInfo(_Record):
    """An attributed output: ``v`` (value), ``logit`` (action ``index``) or ``group`` (the sum
    of the logits of ``actions``)."""

    key: str
    kind: str
    index: int
    actions: tuple[int, ...]

    def __post_init__(self):
        if self.kind not in OUTPUT_KINDS:
            raise ValueError(f"output kind {self.kind!r} is not one of {OUTPUT_KINDS}")


@dataclass(frozen=True)
class ActionGroup(_Record):
    name: str
    actions: tuple[int, ...]


@dataclass(frozen=True)
class ProbeSetInfo(_Record):
    """The frames analysed: ``trajectories`` E x ``steps`` T and ``observations`` N sampled
    ones, model input ``observation_shape`` (H, W, C). Stored pictures are RGB, made from the
    input by ``display``: ``rgb`` (C = 3), ``last_channel_grey`` (stacked greyscale frames:
    the newest one) or ``last_three_channels`` (stacked RGB frames: the newest one)."""

    id: str
    path: str | None
    trajectories: int
    steps: int
    observations: int
    observation_shape: tuple[int, ...]
    display: str = "rgb"

    def __post_init__(self):
        if self.display not in DISPLAY_RULES:
            raise ValueError(f"display {self.display!r} is not one of {DISPLAY_RULES}")
        _check_counts(trajectories=(self.trajectories, 1), steps=(self.steps, 1),
                      observations=(self.observations, 0))
        _check_shape("observation_shape", self.observation_shape, 3)


@dataclass(frozen=True)
class FullResolution(_Record):
    type: str
    shape: tuple[int, ...]

    def __post_init__(self):
        _check_shape("shape", self.shape, 3)


@dataclass(frozen=True)
class FeatureVariants(_Record):
    subdiv_mults: tuple[float, ...]
    expand_mults: tuple[float, ...]
    subdiv_default: float
    expand_default: float

    def __post_init__(self):
        for name in ("subdiv_mults", "expand_mults"):
            values = getattr(self, name)
            if not values or not all(0 < v < 1e6 for v in values):
                raise ValueError(f"{name} {list(values)} are not numbers in (0, 1e6)")


@dataclass(frozen=True)
class AssetLayout(_Record):
    frame_columns: int = FRAME_COLUMNS
    sheet_size: int = SHEET_SIZE
    sheet_columns: int = SHEET_COLUMNS

    def __post_init__(self):
        _check_counts(frame_columns=(self.frame_columns, 1), sheet_size=(self.sheet_size, 1),
                      sheet_columns=(self.sheet_columns, 1))


@dataclass(frozen=True)
class Bookmarks(_Record):
    """``(trajectory, frame)`` pairs, 0-based: highest and lowest advantage; in the analysis
    of an edited agent also ``diverge`` (per trajectory, the first frame where its greedy action
    differs from the original agent's on the same frame) and ``failed`` (the frame where it
    fails a level the original completes)."""

    high: tuple[tuple[int, int], ...] = ()
    low: tuple[tuple[int, int], ...] = ()
    diverge: tuple[tuple[int, int], ...] = ()
    failed: tuple[tuple[int, int], ...] = ()

    KINDS = ("high", "low", "diverge", "failed")


@dataclass(frozen=True)
class AttributionEncoding(_Record):
    """How the attribution maps are stored (``codec.MAPS_CODEC``) and displayed."""

    codec: str
    target_error: float
    layout: str
    display_scale: str = ("median over frames of the per-frame maximum of the signed NMF "
                          "channel maps (the original's rule)")


EDIT_KINDS = ("features", "random")


@dataclass(frozen=True)
class Estimate(_Record):
    """A mean over episodes and its standard error (0 when there is one episode)."""

    mean: float
    stderr: float

    def __post_init__(self):
        if self.stderr < 0:
            raise ValueError(f"stderr must not be negative, got {self.stderr}")


@dataclass(frozen=True)
class FailureCount(_Record):
    """Episodes that failed for ``cause``, of the original and of the edited agent."""

    cause: str
    original: int
    edited: int


@dataclass(frozen=True)
class EditResult(_Record):
    """An edited agent (directions projected out of ``layer``, Hilton et al. 2020) evaluated
    against the original on the same levels (paired episodes: same level seeds and action
    seed).

    ``kind``: ``features`` (the layer's NMF features ``features``) or ``random`` (the control:
    a random non-negative direction of the same norm; ``features`` empty). ``success_*`` where
    the environment reports level completion (else None, said in ``note``); ``*_delta``: the
    paired difference edited - original, mean and standard error over the pairs. ``failures``:
    failed episodes by cause where the environment tells the cause (``note`` says what it
    tells). ``check_next_layer``: max absolute error of the edit check on the probe set (the
    edited next layer against the original one on projected activations), of
    ``check_scale``. ``checkpoint``: where the edited checkpoint was written; ``run``: the run
    the edited agent was analysed into, if it was.
    """

    label: str
    kind: str
    layer: str
    features: tuple[int, ...]
    episodes: int
    seed: int
    return_original: Estimate
    return_edited: Estimate
    return_delta: Estimate
    success_original: Estimate | None = None
    success_edited: Estimate | None = None
    success_delta: Estimate | None = None
    failures: tuple[FailureCount, ...] = ()
    note: str = ""
    check_next_layer: float | None = None
    check_scale: float | None = None
    checkpoint: str | None = None
    run: str | None = None

    def __post_init__(self):
        if self.kind not in EDIT_KINDS:
            raise ValueError(f"edit kind {self.kind!r} is not one of {EDIT_KINDS}")
        if (self.kind == "random") != (not self.features):
            raise ValueError("a random control edits no feature; a features edit names some")
        _check_counts(episodes=(self.episodes, 1))
        if self.run is not None:
            check_run_name(self.run)


@dataclass(frozen=True)
class Manifest(_Record):
    """Everything about one analysis except its arrays; see the module docstring.

    ``agent`` is the checkpoint's metadata as stored; ``inputs`` what produced the analysis
    (checkpoint weights digest, probe set, every option: :func:`inputs_digest`); ``event_file``
    the name of its event file in the run folder; ``digest`` a SHA-256 of the rest.
    """

    run: str
    step: int
    agent: dict
    env: dict
    action_combos: tuple[tuple[str, ...], ...]
    action_groups: tuple[ActionGroup, ...]
    probe_set: ProbeSetInfo
    layers: tuple[LayerInfo, ...]
    default_layer: str
    outputs: tuple[OutputInfo, ...]
    bookmarks: Bookmarks
    feature_colors: tuple[str, ...]
    features: FeatureVariants
    attribution: AttributionEncoding
    event_file: str
    inputs: dict
    full_resolution: FullResolution | None = None
    completeness: Completeness | None = None
    edits: tuple[EditResult, ...] = ()
    assets: AssetLayout = field(default_factory=AssetLayout)
    schema_version: int = SCHEMA_VERSION
    rl_clarity_version: str = ""
    digest: str = ""

    def __post_init__(self):
        check_run_path(self.run)
        check_step(self.step)
        for layer in self.layers:
            check_name("layer", layer.name)
        for o in self.outputs:
            check_name("output", o.key)
        if self.default_layer not in {layer.name for layer in self.layers}:
            raise ValueError(f"default_layer {self.default_layer!r} is not an analysed layer")
        if "/" in self.event_file or "\\" in self.event_file or \
                not self.event_file.startswith("events.out.tfevents.") or \
                not self.event_file.endswith(PLUGIN_NAME):
            raise ValueError(f"event_file {self.event_file!r} is not an analysis event file")
        for color in self.feature_colors:
            check_color("feature colour", color)
        self._check_references()

    def _check_references(self) -> None:
        """Every index the manifest holds points inside what it describes (names unique,
        actions, bookmarks, a colour for every feature)."""
        for kind, names in (("layer", [x.name for x in self.layers]),
                            ("output", [o.key for o in self.outputs])):
            if len(set(names)) != len(names):
                raise ValueError(f"{kind} names are not unique: {names}")
        actions = len(self.action_combos)
        for o in (*self.outputs, *self.action_groups):
            if not all(0 <= a < actions for a in o.actions):
                raise ValueError(f"{o.name if isinstance(o, ActionGroup) else o.key}: actions "
                                 f"{list(o.actions)} outside the {actions} action combos")
        p = self.probe_set
        for kind in Bookmarks.KINDS:
            for traj, frame in getattr(self.bookmarks, kind):
                if not (0 <= traj < p.trajectories and 0 <= frame < p.steps):
                    raise ValueError(f"bookmark ({traj}, {frame}) is outside the "
                                     f"{p.trajectories} x {p.steps} frames")
        for e in self.edits:
            layer = next((x for x in self.layers if x.name == e.layer), None)
            if layer is None or not all(0 <= f < layer.features for f in e.features):
                raise ValueError(f"edit {e.label!r}: layer {e.layer!r} features "
                                 f"{list(e.features)} are not analysed NMF features")
        need = max((x.features for x in self.layers), default=0)
        if len(self.feature_colors) < need:
            raise ValueError(f"{len(self.feature_colors)} feature colours for {need} features")

    def layer(self, name: str) -> LayerInfo:
        for layer in self.layers:
            if layer.name == name:
                return layer
        raise KeyError(name)

    def output(self, key: str) -> OutputInfo:
        for o in self.outputs:
            if o.key == key:
                return o
        raise KeyError(key)

    def with_digest(self) -> Manifest:
        body = self.to_json()
        body.pop("digest")
        return dataclasses.replace(self, digest=hashlib.sha256(
            json.dumps(body, sort_keys=True).encode()).hexdigest())

    @classmethod
    def from_json(cls, d, where: str = "the manifest") -> Manifest:
        """Check the version, then every field (:class:`StoreVersionError` /
        :class:`StoreError` with one line saying what is wrong and what to do)."""
        if not isinstance(d, dict) or "schema_version" not in d:
            raise StoreError(f"{where}: not an rl-clarity manifest")
        version = d.get("schema_version")
        writer = d.get("rl_clarity_version", "?")
        if not isinstance(version, int) or isinstance(version, bool):
            raise StoreError(f"{where}: schema_version {version!r} is not a version number")
        if version > SCHEMA_VERSION:
            from .._version import __version__

            raise StoreVersionError(
                f"{where} was written by rl-clarity {writer} (store version {version}); this "
                f"rl-clarity {__version__} reads store version {SCHEMA_VERSION}: upgrade it "
                "(pip install -U rl-clarity)")
        if version < SCHEMA_VERSION:
            raise StoreVersionError(
                f"{where} was written by rl-clarity {writer} (store version {version}), which "
                f"this version no longer reads (its attribution maps were int8 with 6-13 % "
                f"error): analyse the checkpoint again, e.g. 'rl-clarity analyze CHECKPOINT "
                f"--logdir LOGDIR --run {d.get('run', 'RUN')} --step {d.get('step', 'STEP')}' "
                "(it replaces the old files)")
        return _from_json(cls, d, where, "manifest")


@dataclass(frozen=True)
class AttributionUnit(_Record):
    """One (layer, trajectory, output) of attribution: maps of ``shape`` (T, h, w, C) encoded
    with ``codec`` (see :func:`.codec.decode_maps`; ``steps``: the per-frame quantisation
    steps); ``scale``: the display scale (maps are shown as ``x / scale``). Hidden layers also
    have ``totals`` (T x C: per-frame sums of each NMF channel, then of the residual, unscaled;
    they add up to the frame's IG total) and ``delta`` (T: ``F(a) - F(0)``, what IG should add
    up to). The input pseudo-layer (plain gradients) has neither.
    """

    shape: tuple[int, int, int, int]
    codec: str
    steps: tuple[float, ...]
    scale: float
    totals: tuple[tuple[float, ...], ...] | None = None
    delta: tuple[float, ...] | None = None

    def __post_init__(self):
        _check_counts(**{f"shape[{i}]": (d, 1) for i, d in enumerate(self.shape)})
        if len(self.steps) != self.shape[0]:
            raise ValueError(f"{len(self.steps)} steps for {self.shape[0]} frames")
        if not all(s >= 0 for s in self.steps):
            raise ValueError("quantisation steps must not be negative")
        if not (self.scale > 0 and np.isfinite(self.scale)):
            raise ValueError(f"scale must be positive, got {self.scale}")
        if (self.totals is None) != (self.delta is None):
            raise ValueError("totals and delta come together")
        if self.totals is not None and (len(self.totals) != self.shape[0] or len(
                self.delta) != self.shape[0] or any(len(r) != self.shape[3]
                                                    for r in self.totals)):
            raise ValueError(f"totals / delta do not fit shape {self.shape}")

    def completeness(self) -> tuple[np.ndarray, np.ndarray] | None:
        """``(per_frame, unit_scaled)`` completeness errors ``(T,)`` (see
        :class:`Completeness`), or None for the input layer."""
        if self.totals is None:
            return None
        return completeness_errors(np.asarray(self.totals, np.float64).sum(-1),
                                   np.asarray(self.delta, np.float64))


def completeness_errors(ig_sums: np.ndarray, delta: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(per_frame, unit_scaled)``: ``|sum IG - delta|`` over ``|delta|`` per frame, and over
    the mean ``|delta|`` of the frames (arrays of the frames' IG sums and ``F(a) - F(0)``)."""
    diff = np.abs(np.asarray(ig_sums, np.float64) - np.asarray(delta, np.float64))
    size = np.abs(delta)
    per_frame = diff / np.maximum(size, 1e-12)
    unit_scaled = diff / max(float(size.mean()) if size.size else 0.0, 1e-12)
    return per_frame, unit_scaled


def inputs_digest(inputs: dict) -> str:
    """SHA-256 of an analysis' inputs record (canonical JSON)."""
    return hashlib.sha256(json.dumps(inputs, sort_keys=True, separators=(",", ":"))
                          .encode()).hexdigest()
