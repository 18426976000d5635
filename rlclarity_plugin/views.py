"""The payloads the interface reads, as pure functions of :class:`.store.analysis.Analysis`.

One function per route of ``tensorboard/http_api.md``; the TensorBoard plugin answers each
route with one of these, the export records their answers under the keys the front end
requests (:func:`route_key`), the notebook view embeds the export. Each returns either a
JSON-able value (``dict``) or ``(bytes, MIME type)``; every error is a
:class:`.store.schema.StoreError` (``NotAnalysedError`` for a name the analysis does not
have, ``CorruptPartError`` for a broken part), one line naming the run, step and part.

No TensorFlow, Keras, torch or scikit-learn here (``import-linter`` contract).
"""

from __future__ import annotations

from urllib.parse import urlencode

import numpy as np

from .store import codec, schema
from .store.analysis import Analysis

JSON = "application/json"
GZIP = "application/gzip"  # the attribution route's body: gzip, sent with Content-Encoding


def runs(runs_found: dict, problems: list) -> dict:
    """``/runs``: ``{"runs": [{run, steps}], "problems": [{run, step, message}]}``."""
    return {"runs": [{"run": run, "steps": list(steps)}
                     for run, steps in sorted(runs_found.items())],
            "problems": list(problems)}


def manifest(a: Analysis) -> dict:
    """``/manifest``: the typed manifest as JSON."""
    return a.manifest.to_json()


def series(a: Analysis, traj: int) -> dict:
    """``/series``: name -> per-frame list (actions as integers, logits ``(T, A)``)."""
    traj = a.traj(traj)
    out = {}
    for name, arr in a.series().items():
        values = arr[traj]
        out[name] = values.astype(np.int64 if name == "actions" else np.float64).tolist()
    return out


def unit(a: Analysis, layer: str, traj: int, output: str) -> dict:
    """``/unit``: the attribution unit's record (shape, codec, steps, scale, totals, delta)."""
    return a.unit(layer, traj, output).to_json()


def attribution(a: Analysis, layer: str, traj: int, output: str) -> tuple[bytes, str]:
    """``/attribution``: the unit's maps as stored (gzip of the int16 planes)."""
    return a.attribution_bytes(layer, traj, output), GZIP


def frames(a: Analysis, traj: int) -> tuple[bytes, str]:
    """``/frames``: the trajectory's sprite sheet."""
    return a.frames_picture(traj), codec.PICTURE_TYPE


def scrub(a: Analysis, traj: int) -> tuple[bytes, str]:
    """``/scrub``: the trajectory's scrub strip."""
    return a.scrub_picture(traj), codec.PICTURE_TYPE


def observations(a: Analysis, sheet: int) -> tuple[bytes, str]:
    """``/observations``: one sprite sheet of the sampled observations."""
    return a.observation_sheet(sheet), codec.PICTURE_TYPE


def thumbnails(a: Analysis, layer: str) -> tuple[bytes, str]:
    """``/thumbnails``: the legend thumbnails of the layer's features."""
    return a.thumbnails_picture(layer), codec.PICTURE_TYPE


def synthetic(a: Analysis, layer: str) -> tuple[bytes, str]:
    """``/synthetic``: the synthetic feature pictures of the layer (one RGB sheet: a row per
    objective, a column per picture; ``manifest.layers[].feature_vis``)."""
    return a.synthetic_sheet(layer), codec.PICTURE_TYPE


def feature(a: Analysis, layer: str, k: int, subdiv: float, expand: float) -> tuple[bytes, str]:
    """``/feature``: the dataset-example picture of feature ``k``."""
    return a.feature_picture(layer, k, subdiv, expand), codec.PICTURE_TYPE


def feature_grid(a: Analysis, layer: str, k: int, subdiv: float, expand: float) -> dict:
    """``/feature_grid``: the observation of each cell and the picture's layout."""
    layout = a.feature_layout(layer, subdiv, expand)
    grid = a.grid(layer, k, subdiv, expand)
    rows, cols = len(layout["rows_lo"]), len(layout["cols_lo"])
    return {"rows": rows, "cols": cols, "indices": grid.tolist(),
            "layout": {key: value.tolist() if hasattr(value, "tolist") else value
                       for key, value in layout.items()}}


def match(a: Analysis, b: Analysis, layer: str) -> dict:
    """``/match``: the feature matching of ``layer`` between A and B
    (:func:`.analysis.matching.match`)."""
    from .analysis.matching import match as match_features

    if layer not in a.layers and layer not in b.layers:
        from .store.analysis import NotAnalysedError

        raise NotAnalysedError(f"layer {layer!r} was analysed in neither")
    return match_features(a.manifest, b.manifest, layer,
                          load_maps_a=lambda t, o: a.maps(layer, t, o),
                          load_maps_b=lambda t, o: b.maps(layer, t, o),
                          components_a=lambda: a.components(layer),
                          components_b=lambda: b.components(layer))


def full_frame(a: Analysis, traj: int | None = None, frame: int | None = None,
               obs: int | None = None) -> tuple[bytes, str]:
    """``/fullres``: one human-scale frame (``traj`` + ``frame``, or ``obs``)."""
    return a.full_frame(traj=traj, frame=frame, obs=obs)


def evolution(analyses: list[Analysis], ref: Analysis, layer: str, traj: int,
              output: str) -> dict:
    """A layer's features across checkpoints: for each analysis (ascending steps), the
    matching of its features to ``ref``'s and the mean |attribution| of each feature over
    the trajectory (``None`` where the analysis lacks the layer or the output)."""
    out = []
    for other in analyses:
        entry = {"run": other.run, "step": other.step, "match": None, "totals": None}
        if layer in other.layers and output in other.outputs and \
                other.layers[layer].features:
            if other.key != ref.key:
                entry["match"] = match(ref, other, layer)
            if 0 <= traj < other.trajectories:
                totals = other.unit(layer, traj, output).totals
                if totals is not None:
                    entry["totals"] = np.abs(np.asarray(totals, np.float64)).mean(0).tolist()
        out.append(entry)
    return {"layer": layer, "traj": traj, "output": output, "ref": {"run": ref.run,
                                                                     "step": ref.step},
            "analyses": out}


# -- route keys -----------------------------------------------------------------------------------

ROUTES = ("runs", "manifest", "series", "unit", "attribution", "frames", "scrub",
          "observations", "thumbnails", "synthetic", "feature", "feature_grid", "match",
          "fullres")


def number(x: float) -> str:
    """A feature variant as the front end writes it in a query (1 -> "1", 0.25 -> "0.25")."""
    return schema.number_key(float(x))


def route_key(route: str, params: dict) -> str:
    """The key of one request, as the front end forms it: ``ROUTE?`` + the parameters
    sorted by name (cache-busting ``v`` / ``v_b`` left out)."""
    items = sorted((k, str(v)) for k, v in params.items() if k not in ("v", "v_b"))
    return f"{route}?{urlencode(items)}"
