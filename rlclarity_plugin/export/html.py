"""One self-contained HTML file with the whole interface and one analysis inlined.

The page is the same front end as the TensorBoard tab (``rlclarity_plugin/static/index.js``),
reading its data from two elements instead of HTTP routes:

* ``<script type="application/json" id="rlc-index">``: the manifest (restricted to the chosen
  layers, trajectories, outputs and feature variants) and a table ``blobs`` naming every binary
  part: ``key -> [start, end, type]``, character offsets into the next element;
* ``<script type="text/plain" id="rlc-blobs">``: the parts, each base64-encoded on its own and
  concatenated (an image is then a ``data:`` URL of its slice, with no decoding in JavaScript).

Parts (all binary, none as JSON numbers): per trajectory its series as float32 ``(T, 6 + A)``
(values, advantages, rewards, dones, firsts, actions, logits...), frames and scrub images; per
(layer, trajectory, output) the attribution maps exactly as stored (``codec.encode_maps``, gzip),
their quantisation steps, and for hidden layers the totals and ``F(a) - F(0)`` as float32 (the
unit's shape, codec and display scale are in the index); frames, observation sheets and
thumbnails as stored (lossless WebP); feature grids as zlib-compressed int32, and instead of
the feature pictures the alpha of each cell (the page recomposes them from the observations).

Safety: every string from the store goes into the page only inside the JSON element, where
``<``, ``>``, ``&`` and U+2028/9 are escaped, or through ``html.escape`` in the title; the script
bundle is checked to contain no ``</script``. The page runs from ``file://`` and inside MLflow's
artifact viewer (an iframe sandboxed to scripts only: no same-origin, storage or popups).
"""

from __future__ import annotations

import base64
import dataclasses
import html
import io
import json
import os
import zlib

import numpy as np

from ..store import codec, files, schema
from ..store.reader import LogdirReader, StoreError
from ..store.schema import Manifest

MIB = 2**20
DEFAULT_MAX_SIZE = 50 * MIB  # MLflow's artifact viewer refuses larger HTML files
BUNDLE = os.path.join(os.path.dirname(os.path.dirname(__file__)), "static", "index.js")
FORMAT_VERSION = 1


class ExportTooLarge(ValueError):
    """The selection would not fit under ``max_size``; the message says what to drop."""


@dataclasses.dataclass(frozen=True)
class ExportResult:
    path: str | None
    size: int                     # bytes of the HTML file
    parts: dict                   # group -> bytes (before base64), for the size report
    html: bytes | None = None     # the page, when no path was given


def export_html(logdir: str, run: str, step: int | None = None, out: str | None = None, *,
                layers=None, trajectories=None, outputs=None, subdiv_mults=None,
                expand_mults=None, max_size: int | None = DEFAULT_MAX_SIZE,
                title: str | None = None, compare: tuple | None = None,
                full_resolution: bool = True) -> ExportResult:
    """Write (or return) the standalone page of the analysis of ``run`` at ``step``.

    Args:
        logdir, run: where the analysis is (``rl-clarity analyze --logdir --run``).
        step: the analysis step (default: the latest of the run).
        out: the HTML path to write; None returns the bytes in ``ExportResult.html``.
        layers, trajectories, outputs, subdiv_mults, expand_mults: what to include (default:
            everything analysed); trajectories are 0-based indices and are renumbered.
        max_size: refuse (``ExportTooLarge``, listing what to drop) above this many bytes;
            None for no limit.
        title: the page title (default ``"RL Clarity: RUN at step STEP"``).
        compare: ``(run_b, step_b)`` (step None: the latest): a page of the compare view with
            analysis A (``run``, ``step``) and B side by side, the feature matching of every
            included layer precomputed (format 2: both analyses, blob keys prefixed ``0:`` and
            ``1:``). The selection applies to both.
        full_resolution: include the human-scale frames of an analysis made with
            ``--full-resolution`` (WebP as stored; they are the biggest part of such a page).

    Raises:
        StoreError: no such run / step, or the analysis is incomplete or corrupt.
        ValueError: an unknown layer, output, trajectory or feature variant was asked for.
        ExportTooLarge: see ``max_size``.
    """
    reader = LogdirReader(logdir)
    step = _resolve_step(reader, logdir, run, step)
    choice = (layers, trajectories, outputs, subdiv_mults, expand_mults, full_resolution)
    parts = _Parts()
    if compare is None:
        index = {"format": FORMAT_VERSION, **_add_analysis(reader, run, step, choice, parts, "")}
        default_title = f"RL Clarity: {run} at step {step}"
    else:
        run_b, step_b = compare
        step_b = _resolve_step(reader, logdir, run_b, step_b)
        first = _add_analysis(reader, run, step, choice, parts, "0:")
        second = _add_analysis(reader, run_b, step_b, choice, parts, "1:")
        index = {"format": 2, "analyses": [first, second],
                 "compare": {"a": {"run": run, "step": step}, "b": {"run": run_b, "step": step_b}},
                 "matches": _matches(reader, (run, step), (run_b, step_b), first)}
        default_title = f"RL Clarity: {run} at step {step} vs {run_b} at step {step_b}"
    index["blobs"] = parts.table
    page = _page(index, parts.text(), title or default_title)
    if max_size is not None and len(page) > max_size:
        raise ExportTooLarge(_too_large_message(len(page), max_size, parts))
    if out is None:
        return ExportResult(None, len(page), parts.by_group(), page)
    files.write_atomic(out, page)  # a local path or a URL (s3://...)
    return ExportResult(out, len(page), parts.by_group())


def _add_full_frames(parts, prefix: str, data: bytes, index: dict) -> None:
    offsets = index["offsets"]
    kind = index.get("type", "image/webp")
    for i in range(len(offsets) - 1):
        parts.add(f"{prefix}{i}", data[offsets[i]:offsets[i + 1]], kind,
                  group="full-resolution frames")


def _resolve_step(reader, logdir, run, step) -> int:
    steps = reader.steps(run)
    if not steps:
        known = reader.runs()
        raise StoreError(f"no complete analysis in run {run!r} under {logdir!r} "
                         f"(runs with one: {known or 'none'})")
    step = steps[-1] if step is None else int(step)
    if step not in steps:
        raise StoreError(f"run {run!r} has no analysis at step {step} (steps: {steps})")
    return step


def _matches(reader, a, b, first) -> dict:
    """The feature matching of every layer both pages hold (as the plugin's /match route)."""
    from ..analysis.matching import match

    ma, mb = reader.manifest(*a), reader.manifest(*b)
    out = {}
    for layer in [entry["name"] for entry in first["manifest"]["layers"]]:
        out[layer] = match(
            ma, mb, layer,
            load_maps_a=lambda t, o, layer=layer: reader.attribution(*a, layer, t, o)[0],
            load_maps_b=lambda t, o, layer=layer: reader.attribution(*b, layer, t, o)[0],
            components_a=lambda layer=layer: reader.components(*a, layer),
            components_b=lambda layer=layer: reader.components(*b, layer))
    return out


def _add_analysis(reader, run, step, choice, parts, prefix: str) -> dict:
    """Add the parts of one analysis (blob keys prefixed by ``prefix``); return its index."""
    manifest = reader.manifest(run, step)
    sel = _selection(manifest, *choice[:5])
    sel["full_resolution"] = bool(choice[5] and manifest.full_resolution)
    sums = reader.series(run, step, manifest)
    view = _manifest_view(manifest, sel)
    units = {}
    T = manifest.probe_set.steps
    for new, old in enumerate(sel["trajectories"]):
        cols = [np.asarray(sums[name][old], np.float32).reshape(T, -1) for name in schema.SERIES]
        parts.add(f"{prefix}series/{new}", np.concatenate(cols, axis=1).tobytes(), "f32",
                  group=f"trajectory {old}")
        parts.add(f"{prefix}frames/{new}",
                  reader.asset_bytes(run, step, schema.frames_asset(old)),
                  codec.PICTURE_TYPE, group=f"trajectory {old}")
        parts.add(f"{prefix}scrub/{new}", reader.asset_bytes(run, step, schema.scrub_asset(old)),
                  codec.PICTURE_TYPE, group=f"trajectory {old}")
        if sel["full_resolution"]:
            data_rel, index_rel = schema.full_frames_asset("trajectory", old)
            _add_full_frames(parts, f"{prefix}full/traj/{new}/",
                             reader.asset_bytes(run, step, data_rel),
                             reader.json(run, step, index_rel))
        for layer in sel["layers"]:
            for output in sel["outputs"]:
                unit = reader.unit(run, step, layer, old, output)
                key = f"{layer}/{new}/{output}"
                group = f"layer {layer}"
                parts.add(f"{prefix}attribution/{key}", reader.asset_bytes(
                    run, step, schema.attribution_asset(layer, old, output)), "gzip",
                    group=group)
                parts.add(f"{prefix}steps/{key}", _f32(unit.steps), "f32", group=group)
                if unit.totals is not None:
                    parts.add(f"{prefix}totals/{key}", _f32(unit.totals), "f32", group=group)
                    parts.add(f"{prefix}delta/{key}", _f32(unit.delta), "f32", group=group)
                units[key] = {"shape": list(unit.shape), "codec": unit.codec,
                              "scale": unit.scale}
    for sheet in range(-(-manifest.probe_set.observations // manifest.assets.sheet_size)):
        parts.add(f"{prefix}observations/{sheet}", reader.asset_bytes(
            run, step, schema.observation_sheet_asset(sheet)), codec.PICTURE_TYPE,
            group="observations")
    if sel["full_resolution"]:
        data_rel, index_rel = schema.full_frames_asset("observations")
        _add_full_frames(parts, f"{prefix}full/obs/", reader.asset_bytes(run, step, data_rel),
                         reader.json(run, step, index_rel))
    observations = None  # decoded only if a feature picture has to be checked
    layouts = {}
    for layer in sel["layers"]:
        info = manifest.layer(layer)
        if not info.features:
            continue
        parts.add(f"{prefix}thumbnails/{layer}", reader.asset_bytes(
            run, step, schema.thumbnails_asset(layer)), codec.PICTURE_TYPE,
            group=f"layer {layer}")
        for s in sel["subdiv_mults"]:
            for e in sel["expand_mults"]:
                lkey = f"{layer}/{schema.number_key(s)}/{schema.number_key(e)}"
                layout = feature_layout(info.shape[:2], manifest.probe_set.observation_shape[:2],
                                        s, e)
                layouts[lkey] = {k: v.tolist() if hasattr(v, "tolist") else v
                                 for k, v in layout.items()}
                for k in range(info.features):
                    key = f"{layer}/{k}/{schema.number_key(s)}/{schema.number_key(e)}"
                    variant = f"subdiv {s:g}, expand {e:g}"
                    cells = len(layout["rows_lo"]) * len(layout["cols_lo"])
                    grid = reader.array(run, step, schema.feature_grid_asset(layer, k, s, e),
                                        "<i4", (cells,))
                    png = reader.asset_bytes(run, step, schema.feature_asset(layer, k, s, e))
                    if observations is None:
                        observations = reader.observations(run, step, manifest)
                    alpha = _feature_alpha(png, layout, grid, observations)
                    parts.add(f"{prefix}grid/{key}", zlib.compress(grid.astype("<i4").tobytes(), 9),
                              "zlib", group=f"layer {layer}", variant=variant)
                    if alpha is None:  # not the dataset-example layout: ship the picture
                        parts.add(f"{prefix}feature/{key}", png, codec.PICTURE_TYPE,
                                  group=f"layer {layer}", variant=variant)
                    else:
                        parts.add(f"{prefix}alpha/{key}", zlib.compress(alpha.tobytes(), 9), "zlib",
                                  group=f"layer {layer}", variant=variant)

    return {"run": run, "step": step, "manifest": view, "units": units,
            "feature_layouts": layouts}


def _f32(values) -> bytes:
    return np.asarray(values, "<f4").tobytes()


# -- parts ------------------------------------------------------------------------------------

class _Parts:
    """Binary parts, base64-encoded one by one; the table maps key -> [start, end, type]."""

    def __init__(self):
        self.chunks, self.table, self.groups, self.variants = [], {}, {}, {}
        self.pos = 0

    def add(self, key, data: bytes, kind: str, group: str, variant: str | None = None):
        text = base64.b64encode(data).decode("ascii")
        self.table[key] = [self.pos, self.pos + len(text), kind]
        self.chunks.append(text)
        self.pos += len(text)
        self.groups[group] = self.groups.get(group, 0) + len(text)
        if variant:
            self.variants[variant] = self.variants.get(variant, 0) + len(text)

    def text(self) -> str:
        return "".join(self.chunks)

    def by_group(self) -> dict:
        return dict(sorted(self.groups.items(), key=lambda kv: -kv[1]))


def feature_layout(layer_hw, obs_hw, subdiv: float, expand: float) -> dict:
    """Where every cell of a feature picture comes from (``analysis.features.feature_grid``).

    Returns ``rows_lo``/``rows_hi`` (one per grid row) and ``cols_lo``/``cols_hi`` (per grid
    column): padded-pixel bounds of the patch shown in that row / column, and ``pad`` (rows,
    cols): the observation sits at ``[pad, pad + H)`` in padded coordinates, the checkerboard
    ``(r + c) % 2 ? 255 : 191`` around it. The picture is these patches tiled row-major.
    """
    import math

    from ..analysis.features import _patch_bounds, _zoom_matrix

    out = {}
    for axis, size, pixels in (("rows", layer_hw[0], obs_hw[0]), ("cols", layer_hw[1], obs_hw[1])):
        patch = pixels / size
        pad = math.ceil(patch * expand)
        _, positions = _zoom_matrix(int(size), subdiv)
        lo, hi = _patch_bounds(positions + 0.5, expand, patch, pad)
        out[f"{axis}_lo"], out[f"{axis}_hi"] = lo.astype(np.int64), hi.astype(np.int64)
        out[f"pad_{axis}"] = pad
    return out


def compose_feature(layout: dict, grid: np.ndarray, alpha: np.ndarray,
                    observations: np.ndarray) -> np.ndarray:
    """The feature picture (uint8 RGBA) from its layout, cell observations and cell alphas.

    What the exported page does in JavaScript; used here to check that it gives the stored
    picture exactly before the picture is left out of the file.
    """
    rows_lo, rows_hi = np.asarray(layout["rows_lo"]), np.asarray(layout["rows_hi"])
    cols_lo, cols_hi = np.asarray(layout["cols_lo"]), np.asarray(layout["cols_hi"])
    R, C = len(rows_lo), len(cols_lo)
    grid = np.asarray(grid).reshape(R, C)
    alpha = np.asarray(alpha).reshape(R, C)
    rsz, csz = np.maximum(rows_hi - rows_lo, 0), np.maximum(cols_hi - cols_lo, 0)
    r_owner = np.repeat(np.arange(R), rsz)
    c_owner = np.repeat(np.arange(C), csz)
    r = rows_lo[r_owner] + np.arange(r_owner.size) - np.repeat(np.cumsum(rsz) - rsz, rsz)
    c = cols_lo[c_owner] + np.arange(c_owner.size) - np.repeat(np.cumsum(csz) - csz, csz)
    N, H, W, _ = observations.shape
    rr, cc = r[:, None] - layout["pad_rows"], c[None, :] - layout["pad_cols"]
    inside = (rr >= 0) & (rr < H) & (cc >= 0) & (cc < W)
    which = grid[r_owner[:, None], c_owner[None, :]]
    rgb = observations[which, np.clip(rr, 0, H - 1), np.clip(cc, 0, W - 1), :3]
    board = np.where((r[:, None] + c[None, :]) % 2 == 1, 255, 191).astype(np.uint8)
    rgb = np.where(inside[..., None], rgb, board[..., None])
    a = alpha[r_owner[:, None], c_owner[None, :]]
    return np.concatenate([rgb, a[..., None]], axis=-1).astype(np.uint8)


def _feature_alpha(png: bytes, layout: dict, grid: np.ndarray, observations) -> np.ndarray | None:
    """Per-cell alpha (uint8, row-major) of a stored feature picture, or None if recomposing it
    from the layout does not give the stored pixels exactly."""
    from PIL import Image

    image = np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))
    rows_lo, rows_hi = np.asarray(layout["rows_lo"]), np.asarray(layout["rows_hi"])
    cols_lo, cols_hi = np.asarray(layout["cols_lo"]), np.asarray(layout["cols_hi"])
    rsz, csz = np.maximum(rows_hi - rows_lo, 0), np.maximum(cols_hi - cols_lo, 0)
    if grid.size != len(rsz) * len(csz) or image.shape[:2] != (rsz.sum(), csz.sum()):
        return None
    r0 = np.minimum(np.cumsum(rsz) - rsz, image.shape[0] - 1)
    c0 = np.minimum(np.cumsum(csz) - csz, image.shape[1] - 1)
    alpha = image[r0[:, None], c0[None, :], 3].astype(np.uint8)
    if not np.array_equal(compose_feature(layout, grid, alpha, observations), image):
        return None
    return np.ascontiguousarray(alpha)


# -- selection --------------------------------------------------------------------------------

def _pick(kind: str, wanted, available: list, key=lambda x: x):
    if wanted is None:
        return list(available)
    wanted = list(wanted)
    missing = [w for w in wanted if w not in [key(a) for a in available]]
    if missing:
        raise ValueError(f"unknown {kind} {missing}: the analysis has "
                         f"{[key(a) for a in available]}")
    return [a for a in available if key(a) in wanted]


def _selection(manifest: Manifest, layers, trajectories, outputs, subdiv_mults,
               expand_mults) -> dict:
    f = manifest.features
    sel = {
        "layers": _pick("layers", layers, [entry.name for entry in manifest.layers]),
        "trajectories": _pick("trajectories", None if trajectories is None
                              else [int(t) for t in trajectories],
                              list(range(manifest.probe_set.trajectories))),
        "outputs": _pick("outputs", outputs, [o.key for o in manifest.outputs]),
        "subdiv_mults": _pick("subdiv mults", None if subdiv_mults is None
                              else [float(x) for x in subdiv_mults], list(f.subdiv_mults)),
        "expand_mults": _pick("expand mults", None if expand_mults is None
                              else [float(x) for x in expand_mults], list(f.expand_mults)),
    }
    for kind, chosen in sel.items():
        if not chosen:
            raise ValueError(f"the export needs at least one of the {kind}")
    return sel


def _manifest_view(manifest: Manifest, sel) -> dict:
    """The manifest's JSON restricted to the selection, trajectories renumbered from 0."""
    view = manifest.to_json()
    view.pop("inputs", None)
    renumber = {old: new for new, old in enumerate(sel["trajectories"])}
    view["layers"] = [entry for entry in view["layers"] if entry["name"] in sel["layers"]]
    if manifest.default_layer not in sel["layers"]:
        view["default_layer"] = sel["layers"][len(sel["layers"]) // 2]
    view["outputs"] = [o for o in view["outputs"] if o["key"] in sel["outputs"]]
    view["probe_set"] = {**view["probe_set"], "trajectories": len(sel["trajectories"]),
                         "exported_trajectories": sel["trajectories"]}
    view["bookmarks"] = {kind: [[renumber[t], frame] for t, frame in marks if t in renumber]
                         for kind, marks in view["bookmarks"].items()}
    f = view["features"]
    f["subdiv_mults"], f["expand_mults"] = sel["subdiv_mults"], sel["expand_mults"]
    if f["subdiv_default"] not in f["subdiv_mults"]:
        f["subdiv_default"] = f["subdiv_mults"][0]
    if f["expand_default"] not in f["expand_mults"]:
        f["expand_default"] = f["expand_mults"][-1]
    if not sel.get("full_resolution"):
        view["full_resolution"] = None
    return view


def _too_large_message(size, max_size, parts) -> str:
    lines = [f"the export would be {size / MIB:.1f} MiB, over the limit of {max_size / MIB:.1f} "
             "MiB (MLflow shows HTML artifacts up to 50 MiB). Biggest parts (base64):"]
    for group, n in list(parts.by_group().items())[:8]:
        lines.append(f"  {group}: {n / MIB:.1f} MiB")
    if parts.variants:
        lines.append("  feature variants: " + ", ".join(
            f"{v} {n / MIB:.1f} MiB" for v, n in sorted(parts.variants.items(),
                                                        key=lambda kv: -kv[1])[:4]))
    lines.append("Drop some with --layers NAME..., --trajectories I..., --outputs KEY..., "
                 "--subdiv-mults / --expand-mults"
                 + (", --no-full-resolution" if "full-resolution frames" in parts.groups
                    else "") + ", or raise --max-size.")
    return "\n".join(lines)


# -- the page ---------------------------------------------------------------------------------

def _json_for_script(obj) -> str:
    """JSON that cannot end the script element or start markup."""
    text = json.dumps(obj, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _page(index: dict, blobs: str, title: str) -> bytes:
    with open(BUNDLE, encoding="utf-8") as f:
        bundle = f.read()
    if "</script" in bundle.lower():
        # valid inside JS strings / regexes / templates alike
        bundle = bundle.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")
    return "".join([
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        f"<title>{html.escape(title)}</title>\n",
        "<meta name=\"generator\" content=\"rl-clarity export\">\n</head><body>\n",
        "<script type=\"application/json\" id=\"rlc-index\">", _json_for_script(index),
        "</script>\n<script type=\"text/plain\" id=\"rlc-blobs\">", blobs, "</script>\n",
        "<script type=\"module\">\n", bundle, "\n</script>\n</body></html>\n",
    ]).encode("utf-8")
