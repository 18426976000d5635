"""One self-contained HTML file with the whole interface and one analysis (or two) inlined.

The page is the same front end as the TensorBoard tab (``rlclarity_plugin/static/index.js``)
over the same routes: the export *records* the answers of the plugin's routes
(``rlclarity_plugin/views.py``, the functions the plugin itself answers with) for every request
the front end can make on the selection, under the key the front end forms for that request
(:func:`..views.route_key`; ``tb_frontend/src/routes.ts`` ``routeKey`` in the page), and the
page's embedded transport answers each request from this table instead of HTTP.

Page format 3 (``FORMAT_VERSION``)
----------------------------------
Two inert elements before the module script::

    <script type="application/json" id="rlc-index">{"format": 3,
      "analyses": [{"run": R, "step": S}, ...],      one, or A then B for the compare view
      "compare": {"a": {run, step}, "b": {run, step}} or null,
      "routes": {KEY: [ENCODING, START, END, *EXTRA], ...}}</script>
    <script type="text/plain" id="rlc-blobs">PARTS</script>

``KEY`` is ``ROUTE?QUERY``: the request's parameters without ``v`` / ``v_b``, sorted by name,
each ``name=value`` form-urlencoded as Python's ``urllib.parse.urlencode`` does (UTF-8, space
as ``+``, every byte but ``A-Z a-z 0-9 _ . - ~`` as ``%XX``), joined by ``&``; integers in
decimal, ``subdiv`` / ``expand`` as ``views.number`` writes them (``0.25``, ``1``).

``PARTS`` is the concatenation of every part, each turned into text on its own by ``text7``;
``START`` / ``END`` are character offsets of a part's text in it (every character is below
U+0400: one UTF-16 code unit in JavaScript, one code point in Python). ``text7``: the part's
bytes as a bit string (most significant bit first) cut into ``ceil(8 n / 7)`` groups of 7 bits
(the last padded with zero bits), each written as the character of its value, except the
values 0 (NUL: replaced by the HTML parser), 13 (CR: turned into LF) and 60 (``<``: markup),
``j`` their index in that list: such a group and the group after it are written as one
character U+0100 + ``j * 128`` + the next group's value; when it is the last group, as
U+0100 + ``(3 + j) * 128``. A decoder reads the groups back and keeps the first ``floor(7 g /
8)`` whole bytes. In UTF-8 that is 8/7 of the bytes (base64: 4/3), and the element can hold
no ``</script``.

Encodings (``ENCODING``: how the part's bytes give the response):

* ``bytes`` (``EXTRA``: the MIME type): the response body itself: pictures as stored
  (lossless WebP: frames, scrubs, observation sheets, thumbnails; feature pictures that cannot
  be recomposed) and human-scale frames (``/fullres``).
* ``planes-avg``: an ``/attribution`` body (``store/codec.py``: the unit's integers ``q``,
  channel-planar ``(C, T, h, w)``, zigzag-mapped, as two byte planes; the route sends the
  stored gzip of these bytes with ``Content-Encoding: gzip``, so a client sees them) with
  each ``(c, t)`` map of ``q`` replaced by its prediction residuals ``e[y][x] = q[y][x] -
  floor((q[y][x - 1] + q[y - 1][x]) / 2)`` (a neighbour outside the map counts 0), wrapped
  to int16 (``e mod 2**16``), zigzag-mapped (``(e << 1) ^ (e >> 15)``) and split into two
  byte planes as the body is, zlib-compressed. Decoding: ``q[y][x] = int16(e[y][x] +
  floor((q[y][x - 1] + q[y - 1][x]) / 2))`` in row-major order, then the body's own zigzag
  planes. About 7 % smaller than the stored gzip on real attribution.
* ``json``: the JSON text of the response (UTF-8), zlib-compressed (RFC 1950, as every
  compressed part here: ``DecompressionStream("deflate")`` reads it).
* ``json+arrays``: the JSON value with its long numeric arrays in binary, zlib-compressed:
  ``u32 LE n``, ``n`` bytes of UTF-8 skeleton JSON (space-padded so that ``4 + n`` is a
  multiple of 8), then the arrays, each padded to a multiple of 8 bytes. In the skeleton each
  extracted array is an object ``{"\\u0000a": [DTYPE, OFFSET, SHAPE]}``: ``DTYPE`` ``i32``,
  ``f32`` or ``f64`` (little-endian), ``OFFSET`` its first byte counted from the end of the
  skeleton, ``SHAPE`` its nested list lengths (row-major). Arrays of at least 16 numbers are
  extracted, each in the narrowest type that holds every value exactly (per-frame series are
  float32 numbers: ``f32``). Decoding gives the same JSON value, every number the same double,
  as the route's JSON. The export writes whichever of ``json`` / ``json+arrays`` is smaller.
* ``feature-alpha``: a ``/feature`` picture left out: the part is the zlib-compressed alpha of
  each cell (uint8, ``rows x cols`` row-major). The picture is recomposed from the page's own
  responses: ``feature_grid`` with the same parameters (``indices``, ``layout``), the
  ``manifest`` (observation shape ``H, W``, ``assets.sheet_size``, ``assets.sheet_columns``)
  and the ``observations`` sheets: pixel ``(y, x)`` of the picture lies in grid row ``i`` /
  column ``j`` (rows of height ``max(rows_hi - rows_lo, 0)`` stacked from the top, columns
  likewise) at padded coordinates ``r = rows_lo[i] + dy``, ``c = cols_lo[j] + dx``; its RGB
  is observation ``indices[i * cols + j]`` at ``(r - pad_rows, c - pad_cols)`` when that is
  inside ``H x W``, else the checkerboard ``(r + c) % 2 ? 255 : 191`` (all three channels);
  its alpha is the cell's. The export leaves a picture out only when this recomposition
  (``analysis.features.compose_feature_picture``) gives its stored pixels exactly; the page
  shows the recomposed pixels as a PNG.

What is recorded, for each analysis of the page and the selection (layers, trajectories, outputs,
feature variants, full resolution): ``runs`` (the page's analyses, no problems; a page has no
"reload runs" button), ``manifest``, and for each selected trajectory ``series``, ``frames``,
``scrub``, ``unit`` and ``attribution`` of every (layer, output), ``fullres`` of every frame;
``observations`` of every sheet and ``fullres`` of every observation; ``thumbnails`` of every layer
with features, ``synthetic`` of every layer with synthetic feature pictures (``feature_vis``),
``feature_grid`` and ``feature`` of every feature and variant; for the compare view
``match`` of every layer for (A, B), (B, A), (A, A) and (B, B). Every response is the route's
answer, with these differences where the selection is not everything: the manifest lists only the
selected layers (and the edit results of those layers), outputs and feature variants (its
defaults moved into the selection),
``full_resolution`` is null without the human-scale frames, and the selected trajectories are
renumbered from 0 (``probe_set.trajectories`` their count, ``probe_set.exported_trajectories`` the
original indices, bookmarks renumbered, and the responses under ``traj=i`` are the route's for
trajectory ``exported_trajectories[i]``). The trajectory numbers are renumbered because the
interface shows trajectories ``0 .. trajectories - 1``.

Safety: every string from the store goes into the page only inside the JSON element, where
``<``, ``>``, ``&`` and U+2028/9 are escaped, inside a part (``text7`` writes no ``<``), or
through ``html.escape`` in the title; the script bundle is checked to contain no
``</script``. The page runs from ``file://`` and inside MLflow's artifact viewer (an iframe
sandboxed to scripts only: no same-origin, storage or popups).
"""

from __future__ import annotations

import dataclasses
import errno
import gzip
import os

from .. import views
from ..analysis.features import feature_picture_alpha
from ..exit_codes import TooLargeError
from ..store import codec, files
from ..store.analysis import Analysis
from ..store.reader import LogdirReader, StoreError
from .encodings import deflate, encode_json, encode_planes_avg
from .page import Parts, page

MIB = 2**20
DEFAULT_MAX_SIZE = 50 * MIB  # MLflow's artifact viewer refuses larger HTML files
FORMAT_VERSION = 3

__all__ = ["DEFAULT_MAX_SIZE", "FORMAT_VERSION", "ExportResult", "ExportTooLarge",
           "export_html"]


class ExportTooLarge(TooLargeError):
    """The selection would not fit under ``max_size``; the message says what to drop.

    ``rl-clarity export`` exits with ``exit_codes.TOO_LARGE`` (3) on it; it is also a
    ``ValueError``."""


@dataclasses.dataclass(frozen=True)
class ExportResult:
    path: str | None
    size: int                     # bytes of the HTML file
    parts: dict                   # group -> bytes of the page its parts take (as text)
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
            included layer recorded. The selection applies to both.
        full_resolution: include the human-scale frames of an analysis made with
            ``--full-resolution`` (WebP as stored; they are the biggest part of such a page).

    Raises:
        StoreError: no such run / step, or the analysis is incomplete or corrupt.
        ValueError: an unknown layer, output, trajectory or feature variant was asked for.
        ExportTooLarge: see ``max_size``.
        OSError: ``out`` cannot be written (checked before any work; nothing is left at
            ``out`` when writing fails).
    """
    if out is not None:
        _check_output(out)
    reader = LogdirReader(logdir)
    choice = dict(layers=layers, trajectories=trajectories, outputs=outputs,
                  subdiv_mults=subdiv_mults, expand_mults=expand_mults,
                  full_resolution=full_resolution)
    a = reader.analysis(run, _resolve_step(reader, logdir, run, step))
    analyses = [a]
    if compare is not None:
        run_b, step_b = compare
        b = reader.analysis(run_b, _resolve_step(reader, logdir, run_b, step_b))
        if b.key[:2] != a.key[:2]:
            analyses.append(b)
    parts = Parts()
    selections = [_selection(x, **choice) for x in analyses]
    listing = {}
    for x in analyses:
        listing.setdefault(x.run, []).append(x.step)
    runs = views.route_key("runs", {})
    parts.add(runs, *encode_json(views.runs({r: sorted(s) for r, s in listing.items()}, [])),
              "analysis")
    for x, sel in zip(analyses, selections):
        _record_analysis(x, sel, parts)
    if compare is not None:
        _record_matches(analyses, selections[0]["layers"], parts)
        b = analyses[-1]
        ref = {"a": {"run": a.run, "step": a.step}, "b": {"run": b.run, "step": b.step}}
        default_title = f"RL Clarity: {a.run} at step {a.step} vs {b.run} at step {b.step}"
    else:
        ref = None
        default_title = f"RL Clarity: {a.run} at step {a.step}"
    index = {"format": FORMAT_VERSION,
             "analyses": [{"run": x.run, "step": x.step} for x in analyses],
             "compare": ref, "routes": parts.table}
    html = page(index, parts.text(), title or default_title)
    if max_size is not None and len(html) > max_size:
        raise ExportTooLarge(_too_large_message(len(html), max_size, parts))
    if out is None:
        return ExportResult(None, len(html), parts.by_group(), html)
    files.write_atomic(out, html)  # a local path or a URL (s3://...)
    return ExportResult(out, len(html), parts.by_group())


def _check_output(out: str) -> None:
    """Fail before any work when the page could not be written to local path ``out``: a
    folder there (``IsADirectoryError``), a file on the way (``NotADirectoryError``), a
    read-only file system or no permission (``OSError``). The page itself is written under a
    temporary name and renamed, so a failed write (no space left) leaves nothing at ``out``."""
    if files.is_url(out):
        return
    if files.isdir(out):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), out)
    files.check_local_writable(os.path.dirname(os.path.abspath(out)))


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


# -- recording ------------------------------------------------------------------------------------

def _record_analysis(a: Analysis, sel: dict, parts: Parts) -> None:
    """Record every response of analysis ``a`` the front end can ask for on the selection."""
    where = {"run": a.run, "step": a.step}

    def key(route, **params):
        return views.route_key(route, {**where, **params})

    def picture(route, response, group, **params):
        body, mime = response
        parts.add(key(route, **params), "bytes", body, group, mime)

    parts.add(key("manifest"), *encode_json(_manifest_view(a, sel)), "analysis")
    for new, old in enumerate(sel["trajectories"]):
        group = f"trajectory {old}"
        parts.add(key("series", traj=new), *encode_json(views.series(a, old)), group)
        picture("frames", views.frames(a, old), group, traj=new)
        picture("scrub", views.scrub(a, old), group, traj=new)
        if sel["full_resolution"]:
            for frame in range(a.steps):
                picture("fullres", views.full_frame(a, traj=old, frame=frame),
                        "full-resolution frames", traj=new, frame=frame)
        for layer in sel["layers"]:
            for output in sel["outputs"]:
                group = f"layer {layer}"
                params = dict(layer=layer, traj=new, output=output)
                unit = views.unit(a, layer, old, output)
                parts.add(key("unit", **params), *encode_json(unit), group)
                body, _ = views.attribution(a, layer, old, output)
                parts.add(key("attribution", **params), "planes-avg",
                          encode_planes_avg(gzip.decompress(body), unit["shape"]), group)
    for sheet in range(a.sheets):
        picture("observations", views.observations(a, sheet), "observations", sheet=sheet)
    if sel["full_resolution"]:
        for obs in range(a.observations):
            picture("fullres", views.full_frame(a, obs=obs), "full-resolution frames", obs=obs)
    for layer in sel["layers"]:
        if not a.layers[layer].features:
            continue
        group = f"layer {layer}"
        picture("thumbnails", views.thumbnails(a, layer), group, layer=layer)
        if a.layers[layer].feature_vis is not None:
            picture("synthetic", views.synthetic(a, layer), group, layer=layer)
        for s in sel["subdiv_mults"]:
            for e in sel["expand_mults"]:
                variant = f"subdiv {s:g}, expand {e:g}"
                for k in range(a.layers[layer].features):
                    params = dict(layer=layer, feature=k, subdiv=views.number(s),
                                  expand=views.number(e))
                    parts.add(key("feature_grid", **params),
                              *encode_json(views.feature_grid(a, layer, k, s, e)), group,
                              variant=variant)
                    body, mime = views.feature(a, layer, k, s, e)
                    alpha = _feature_alpha(a, layer, k, s, e, body)
                    if alpha is None:  # not the dataset-example layout: keep the picture
                        parts.add(key("feature", **params), "bytes", body, group, mime,
                                  variant=variant)
                    else:
                        parts.add(key("feature", **params), "feature-alpha",
                                  deflate(alpha.tobytes()), group, variant=variant)


def _feature_alpha(a: Analysis, layer: str, k: int, s: float, e: float, body: bytes):
    """The per-cell alpha of a feature picture, or None when recomposing it from the
    observations would not give its pixels exactly."""
    picture = codec.decode_image(body, "RGBA", "feature picture")
    return feature_picture_alpha(picture, a.feature_layout(layer, s, e), a.grid(layer, k, s, e),
                                 a.observation_pictures())


def _record_matches(analyses: list[Analysis], layers: list[str], parts: Parts) -> None:
    """``/match`` of every layer for every ordered pair of the page's analyses (the compare
    view asks for (A, B), (B, A) after a swap, and (A, A) when both sides show one analysis;
    the checkpoint strip asks for (current, other) within a run)."""
    for layer in layers:
        for x in analyses:
            for y in analyses:
                parts.add(views.route_key("match", {
                    "run": x.run, "step": x.step, "run_b": y.run, "step_b": y.step,
                    "layer": layer}), *encode_json(views.match(x, y, layer)), "analysis")


# -- selection ------------------------------------------------------------------------------------

def _pick(kind: str, wanted, available: list, key=lambda x: x):
    if wanted is None:
        return list(available)
    wanted = list(wanted)
    missing = [w for w in wanted if w not in [key(a) for a in available]]
    if missing:
        raise ValueError(f"unknown {kind} {missing}: the analysis has "
                         f"{[key(a) for a in available]}")
    return [a for a in available if key(a) in wanted]


def _selection(a: Analysis, layers, trajectories, outputs, subdiv_mults, expand_mults,
               full_resolution) -> dict:
    m = a.manifest
    sel = {
        "layers": _pick("layers", layers, [entry.name for entry in m.layers]),
        "trajectories": _pick("trajectories", None if trajectories is None
                              else [int(t) for t in trajectories], list(range(a.trajectories))),
        "outputs": _pick("outputs", outputs, [o.key for o in m.outputs]),
        "subdiv_mults": _pick("subdiv mults", None if subdiv_mults is None
                              else [float(x) for x in subdiv_mults], list(a.subdivs)),
        "expand_mults": _pick("expand mults", None if expand_mults is None
                              else [float(x) for x in expand_mults], list(a.expands)),
    }
    for kind, chosen in sel.items():
        if not chosen:
            raise ValueError(f"the export needs at least one of the {kind}")
    sel["full_resolution"] = bool(full_resolution and m.full_resolution)
    return sel


def _manifest_view(a: Analysis, sel) -> dict:
    """The ``/manifest`` response restricted to the selection (the route's own when the
    selection is everything)."""
    view = views.manifest(a)
    if [entry["name"] for entry in view["layers"]] != sel["layers"]:
        view["layers"] = [entry for entry in view["layers"] if entry["name"] in sel["layers"]]
        view["edits"] = [e for e in view["edits"] if e["layer"] in sel["layers"]]
        if view["default_layer"] not in sel["layers"]:
            view["default_layer"] = sel["layers"][len(sel["layers"]) // 2]
    if [o["key"] for o in view["outputs"]] != sel["outputs"]:
        view["outputs"] = [o for o in view["outputs"] if o["key"] in sel["outputs"]]
    if sel["trajectories"] != list(range(a.trajectories)):
        renumber = {old: new for new, old in enumerate(sel["trajectories"])}
        view["probe_set"] = {**view["probe_set"], "trajectories": len(sel["trajectories"]),
                             "exported_trajectories": sel["trajectories"]}
        view["bookmarks"] = {kind: [[renumber[t], frame] for t, frame in marks if t in renumber]
                             for kind, marks in view["bookmarks"].items()}
    f = view["features"]
    if list(f["subdiv_mults"]) != sel["subdiv_mults"] or \
            list(f["expand_mults"]) != sel["expand_mults"]:
        f["subdiv_mults"], f["expand_mults"] = sel["subdiv_mults"], sel["expand_mults"]
        if f["subdiv_default"] not in f["subdiv_mults"]:
            f["subdiv_default"] = f["subdiv_mults"][0]
        if f["expand_default"] not in f["expand_mults"]:
            f["expand_default"] = f["expand_mults"][-1]
    if not sel["full_resolution"]:
        view["full_resolution"] = None
    return view


def _too_large_message(size, max_size, parts) -> str:
    lines = [f"the export would be {size / MIB:.1f} MiB, over the limit of {max_size / MIB:.1f} "
             "MiB (MLflow shows HTML artifacts up to 50 MiB). Biggest parts:"]
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
