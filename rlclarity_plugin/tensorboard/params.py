"""The query parameters of the plugin's routes (``http_api.md``), parsed by pure functions.

No TensorBoard here: each function takes the query as a mapping of name -> list of values
(werkzeug's ``request.args``, or ``urllib.parse.parse_qs``'s dict) and returns typed values or
raises :class:`ParamError` (HTTP 400). Every value must be given exactly once and be at most
``MAX_PARAM_LEN`` characters; integers are 1-16 ASCII digits below ``2**53`` (exact in
JavaScript), numbers (feature variants) up to 6 digits with up to 6 decimals, the whole value
matched (no sign, exponent, space or trailing newline). Whether a value names something the
analysis has (a run, a step, a layer, a trajectory in range...) is not decided here: the
reader and :class:`..store.analysis.Analysis` answer that (``NotAnalysedError``: 404).

The route functions at the end give each route's parameters in the order its view in
:mod:`..views` takes them, after ``(run, step)``.
"""

from __future__ import annotations

import re

from ..store import schema

MAX_PARAM_LEN = 512
_INT = re.compile(r"[0-9]{1,16}")
_NUMBER = re.compile(r"[0-9]{1,6}(?:\.[0-9]{1,6})?")


class ParamError(ValueError):
    """A parameter is missing, repeated, too long or malformed (answered with 400)."""


def _values(args, name: str) -> list:
    return list(args.getlist(name)) if hasattr(args, "getlist") else list(args.get(name, ()))


def text(args, name: str) -> str:
    """The one value of ``name``."""
    values = _values(args, name)
    if not values:
        raise ParamError(f"missing parameter {name!r}")
    if len(values) > 1:
        raise ParamError(f"parameter {name!r} given {len(values)} times")
    value = values[0]
    if not isinstance(value, str):
        raise ParamError(f"parameter {name!r} is not text")
    if len(value) > MAX_PARAM_LEN:
        raise ParamError(f"parameter {name!r} is longer than {MAX_PARAM_LEN} characters")
    return value


def integer(args, name: str) -> int:
    """A non-negative decimal integer below ``2**53``."""
    raw = text(args, name)
    if not _INT.fullmatch(raw):
        raise ParamError(f"parameter {name!r} must be a non-negative integer, got {raw[:40]!r}")
    value = int(raw)
    if value >= schema.MAX_STEP:
        raise ParamError(f"parameter {name!r} is out of range: {raw} (at most 2**53 - 1)")
    return value


def number(args, name: str) -> float:
    """A non-negative decimal number like ``0.5`` (a feature variant)."""
    raw = text(args, name)
    if not _NUMBER.fullmatch(raw):
        raise ParamError(f"parameter {name!r} must be a number like 0.5, got {raw[:40]!r}")
    return float(raw)


def run(args, name: str = "run") -> str:
    """A run name that stays inside the logdir (:func:`..store.schema.check_run_path`)."""
    value = text(args, name)
    try:
        return schema.check_run_path(value)
    except ValueError as e:
        raise ParamError(str(e)) from None


def flag(args, name: str) -> bool:
    """An optional ``name=1`` (anything else, or absent: False)."""
    return _values(args, name)[:1] == ["1"]


def analysis(args, suffix: str = "") -> tuple[str, int]:
    """``(run, step)`` of an analysis (``run_b`` / ``step_b`` with ``suffix="_b"``)."""
    return run(args, "run" + suffix), integer(args, "step" + suffix)


# -- each route's parameters, in the order its view takes them -------------------------------

def trajectory(args) -> tuple[int]:
    """``/series``, ``/frames``, ``/scrub``."""
    return (integer(args, "traj"),)


def sheet(args) -> tuple[int]:
    """``/observations``."""
    return (integer(args, "sheet"),)


def layer(args) -> tuple[str]:
    """``/thumbnails``, ``/synthetic``, ``/match`` (after analysis B)."""
    return (text(args, "layer"),)


def unit(args) -> tuple[str, int, str]:
    """``/unit``, ``/attribution``: ``(layer, traj, output)``."""
    return text(args, "layer"), integer(args, "traj"), text(args, "output")


def feature(args) -> tuple[str, int, float, float]:
    """``/feature``, ``/feature_grid``: ``(layer, feature, subdiv, expand)``."""
    return (text(args, "layer"), integer(args, "feature"), number(args, "subdiv"),
            number(args, "expand"))


def full_frame(args) -> dict:
    """``/fullres``: ``{"obs": i}`` when ``obs`` is given, else ``{"traj": t, "frame": f}``."""
    if _values(args, "obs"):
        return {"obs": integer(args, "obs")}
    return {"traj": integer(args, "traj"), "frame": integer(args, "frame")}
