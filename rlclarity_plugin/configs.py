"""Options as frozen dataclasses: one base for every configuration of rl-clarity.

A configuration class is a frozen dataclass deriving from :class:`Config` whose fields are made
with :func:`option`: each has help text, a default and (where it differs from ``--field-name``)
the command-line flag that sets it. ``__post_init__`` validates every field and fills derived
values, so an object that exists is a valid one, and an invalid option is refused when the
object is built, before any work. Its error names the command-line flag and the field::

    --subdiv-mults: subdiv_mults must be one or more positive numbers, got [0.0]

``to_json()`` gives plain JSON (nested configurations as objects, tuples as lists) and
``from_json()`` reads it back exactly (``from_json(c.to_json()) == c``); keys left out take their
defaults, unknown keys are refused by name. The command line (:mod:`.cli_options`) is generated
from these fields, and the MLflow hooks hand a configuration to their child processes as a JSON
file (``rl-clarity analyze --config FILE``). No TensorFlow or scikit-learn import here.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
import types
import typing
from dataclasses import MISSING, dataclass, field

__all__ = ["AgentConfig", "Config", "ConfigError", "EditConfig", "EvaluationConfig", "about",
           "feature_set_label", "flag_of", "option"]


class ConfigError(ValueError):
    """An option has a value it cannot take; the message names the flag and the field."""


def option(default=MISSING, *, help: str, flag: str | None = None, default_factory=MISSING,
           choices: tuple | None = None, cli: bool = True, metavar: str | None = None,
           derived_from: str | None = None, cli_unit: int | None = None,
           shortcuts: dict | None = None) -> dataclasses.Field:
    """A configuration field (for a mutable default, ``field(default_factory=...,
    metadata=about(...))`` with the same keywords).

    help: one line for ``--help``. flag: the command-line flag (default ``--field-name``).
    choices: the values the command line offers (``__post_init__`` checks what it must).
    cli: False keeps the field off the command line (still in JSON). derived_from: the field
    whose value this one's default is derived from (a command-line value for that field
    re-derives this one unless it is given too). cli_unit: the command line takes the value in
    units of this many (``--memory-budget-mb``: 2**20). shortcuts: for a ``dict`` field, extra
    flags that set one key each, ``{key: (flag, type, help)}``; the field's own flag takes
    ``KEY=VALUE`` pairs.
    """
    metadata = about(help=help, flag=flag, choices=choices, cli=cli, metavar=metavar,
                     derived_from=derived_from, cli_unit=cli_unit, shortcuts=shortcuts)
    if default_factory is not MISSING:
        return field(default_factory=default_factory, metadata=metadata)
    return field(default=default, metadata=metadata)


def about(*, help: str, flag: str | None = None, choices: tuple | None = None, cli: bool = True,
          metavar: str | None = None, derived_from: str | None = None,
          cli_unit: int | None = None, shortcuts: dict | None = None) -> dict:
    """The metadata of a configuration field (see :func:`option`)."""
    return {"help": help, "flag": flag, "choices": choices, "cli": cli, "metavar": metavar,
            "derived_from": derived_from, "cli_unit": cli_unit, "shortcuts": shortcuts or {}}


def flag_of(cls, name: str) -> str:
    """The command-line flag of field ``name`` of a configuration class (or object)."""
    f = {f.name: f for f in dataclasses.fields(cls)}[name]
    return f.metadata.get("flag") or "--" + name.replace("_", "-")


def _resolved_types(cls) -> dict:
    return typing.get_type_hints(cls)


def _strip_optional(tp):
    """``(inner, optional)`` for ``X | None`` / ``Optional[X]``."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return tp, False


class Config:
    """Base of every configuration dataclass: validation helpers and JSON both ways."""

    # -- validation (for __post_init__) -----------------------------------------------------
    def _fail(self, name: str, requirement: str, value=MISSING):
        value = getattr(self, name) if value is MISSING else value
        shown = list(value) if isinstance(value, tuple) else value
        raise ConfigError(f"{flag_of(self, name)}: {name} {requirement}, got {shown!r}")

    def _check_int(self, name: str, minimum: int | None = None, optional: bool = False):
        v = getattr(self, name)
        if v is None and optional:
            return
        if isinstance(v, bool) or not isinstance(v, int):
            self._fail(name, "must be an integer")
        if minimum is not None and v < minimum:
            self._fail(name, f"must be at least {minimum}" if minimum else "must be >= 0")

    def _check_number(self, name: str, low: float | None = None, high: float | None = None,
                      positive: bool = False):
        v = getattr(self, name)
        ok = isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
        if ok and positive and not v > 0:
            ok = False
        if ok and ((low is not None and v < low) or (high is not None and v > high)):
            ok = False
        if not ok:
            if positive:
                self._fail(name, "must be a positive number")
            self._fail(name, f"must be a number in [{low}, {high}]" if high is not None
                       else f"must be a number >= {low}" if low is not None
                       else "must be a finite number")

    def _check_choice(self, name: str, choices):
        if getattr(self, name) not in choices:
            self._fail(name, f"must be one of {list(choices)}")

    def _set(self, name: str, value):
        """Set a (derived or normalised) field of this frozen object in ``__post_init__``."""
        object.__setattr__(self, name, value)

    # -- JSON -------------------------------------------------------------------------------
    def to_json(self) -> dict:
        """Plain JSON: nested configurations as objects, tuples as lists."""
        return json.loads(json.dumps(dataclasses.asdict(self), default=list))

    @classmethod
    def from_json(cls, data: dict, where: str = ""):
        """The configuration ``data`` describes (``to_json``'s output, or part of it: keys left
        out take their defaults); raises :class:`ConfigError` naming an unknown key or a value
        of the wrong type, and any option ``__post_init__`` refuses."""
        if not isinstance(data, dict):
            raise ConfigError(f"{where.rstrip('.') or 'the configuration'}: expected a JSON "
                              f"object, got {type(data).__name__}")
        fields = {f.name: f for f in dataclasses.fields(cls)}
        unknown = sorted(set(data) - set(fields), key=str)
        if unknown:
            raise ConfigError(f"unknown option '{where}{unknown[0]}' in the configuration of "
                              f"{cls.__name__}; known: {', '.join(sorted(fields))}")
        hints = _resolved_types(cls)
        kwargs = {name: _from_json_value(hints[name], value, f"{where}{name}",
                                         flag_of(cls, name))
                  for name, value in data.items()}
        return cls(**kwargs)

    def replace(self, **changes):
        """A copy with ``changes`` (validated again)."""
        return dataclasses.replace(self, **changes)


def _from_json_value(tp, value, path: str, flag: str):
    inner, optional = _strip_optional(tp)
    if value is None:
        if optional:
            return None
        raise ConfigError(f"{flag}: {path} cannot be null")
    if isinstance(inner, type) and issubclass(inner, Config):
        return inner.from_json(value, path + ".")
    origin = typing.get_origin(inner) or inner
    if origin is tuple:
        if not isinstance(value, (list, tuple)):
            raise ConfigError(f"{flag}: {path} must be a list, got {value!r}")
        return tuple(value)
    if origin is dict:
        if not isinstance(value, dict):
            raise ConfigError(f"{flag}: {path} must be an object, got {value!r}")
        return dict(value)
    expected = {bool: (bool,), int: (int,), float: (int, float), str: (str,)}.get(origin)
    if expected and (not isinstance(value, expected)
                     or (origin is not bool and isinstance(value, bool))):
        raise ConfigError(f"{flag}: {path} must be {origin.__name__}, got {value!r}")
    return value


# -- the configurations that belong to no one module ------------------------------------------

BACKENDS = ("auto", "keras", "torch")
AGENT_ENV_KINDS = ("procgen", "atari", "sb3-atari")


@dataclass(frozen=True)
class AgentConfig(Config):
    """How a checkpoint is loaded: backend, torch device and, for files that do not record it
    (SB3, CleanRL), its environment (the keyword arguments of ``load_checkpoint``)."""

    backend: str = option("auto", choices=BACKENDS,
                          help="framework to run the agent on (auto: the checkpoint's own; "
                               "native checkpoints also run on torch)")
    device: str = option("auto", help="torch device: auto, cpu, cuda or cuda:N")
    env_kind: str | None = option(None, choices=AGENT_ENV_KINDS,
                                  help="environment kind to collect probes from (default: the "
                                       "checkpoint's; needed for SB3 and CleanRL files, which "
                                       "do not record it)")
    env_name: str | None = option(None, flag="--env",
                                  help="environment name (default: the checkpoint's)")

    def __post_init__(self):
        self._check_choice("backend", BACKENDS)
        if not isinstance(self.device, str) or not re.fullmatch(r"auto|cpu|cuda(:\d+)?",
                                                                self.device):
            self._fail("device", "must be auto, cpu, cuda or cuda:N")
        if self.env_kind is not None:
            self._check_choice("env_kind", AGENT_ENV_KINDS)
        if self.env_name is not None and not (isinstance(self.env_name, str) and self.env_name):
            self._fail("env_name", "must be a non-empty name")

    def load_options(self) -> dict:
        """The keyword arguments of :func:`~.agents.checkpoint.load_checkpoint`."""
        return dataclasses.asdict(self)


def env_option_shortcuts(*keys: str) -> dict:
    """Flags that set one environment option each (``--start-level`` ...)."""
    known = {"start_level": ("--start-level", int, "procgen start_level"),
             "num_levels": ("--num-levels", int, "procgen num_levels (0: unlimited)"),
             "distribution_mode": ("--distribution-mode", str,
                                   "procgen distribution_mode (easy when not given)")}
    return {k: known[k] for k in keys}


def check_env_kwargs(config: Config, name: str = "env_kwargs") -> None:
    value = getattr(config, name)
    if not isinstance(value, dict) or not all(isinstance(k, str) and k for k in value):
        config._fail(name, "must map option names to values")


@dataclass(frozen=True)
class EvaluationConfig(Config):
    """What ``rl-clarity evaluate`` plays: episodes, parallel envs, seed, greedy or sampled
    actions, an optional random-policy baseline and environment overrides."""

    agent: AgentConfig = field(
        default_factory=AgentConfig, metadata=about(help="how to load the checkpoint"))
    episodes: int = option(200, help="complete episodes to play")
    num_envs: int = option(64, help="parallel envs")
    seed: int = option(0, help="environment and sampling seed")
    greedy: bool = option(False, help="argmax actions instead of sampling")
    baseline: str | None = option(None, choices=("random",),
                                  help="also evaluate a random policy on the same levels")
    env_kwargs: dict = field(default_factory=dict, metadata=about(
        flag="--env-option", metavar="KEY=VALUE",
        shortcuts=env_option_shortcuts("start_level", "num_levels"),
        help="override an environment option, repeatable"))

    def __post_init__(self):
        self._check_int("episodes", 1)
        self._check_int("num_envs", 1)
        self._check_int("seed", 0)
        if self.baseline is not None:
            self._check_choice("baseline", ("random",))
        check_env_kwargs(self)


def feature_set_label(features) -> str:
    """``"f3"``, ``"f1+f3"``: the label of an edit of NMF features ``features``."""
    return "+".join(f"f{int(f)}" for f in features)


def _feature_set(value) -> tuple[int, ...] | None:
    """``3``, ``"3"``, ``"1,3"``, ``"f1+f3"`` or ``[1, 3]`` as sorted feature indices; None when
    it is none of these."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        items = [value]
    elif isinstance(value, (list, tuple)):
        items = list(value)
    elif isinstance(value, str):
        items = [p.strip().removeprefix("f") for p in re.split(r"[,+]", value)]
    else:
        return None
    out = []
    for item in items:
        if isinstance(item, str) and re.fullmatch(r"\d{1,6}", item):
            item = int(item)
        if isinstance(item, bool) or not isinstance(item, int) or item < 0:
            return None
        out.append(item)
    if not out or len(set(out)) != len(out):
        return None
    return tuple(sorted(out))


@dataclass(frozen=True)
class EditConfig(Config):
    """What ``rl-clarity edit`` does: which NMF features of which layer to project out of the
    agent (one edit per ``features`` value), and how to evaluate the edited agents against the
    original (paired levels, controls)."""

    agent: AgentConfig = field(
        default_factory=AgentConfig, metadata=about(help="how to load the checkpoint"))
    layer: str | None = option(None, help="the analysed layer whose NMF features are edited "
                                          "(e.g. 2b)")
    features: tuple[str, ...] = option(
        (), metavar="F[,F...]",
        help="features to project out, one edit per value: '3' edits feature 3, '1,3' "
             "features 1 and 3 together (e.g. --features 3 1,3: two edits)")
    all_features: bool = option(False, help="also edit every feature of the layer, one at a "
                                            "time")
    evaluate: int = option(0, metavar="N",
                           help="play N levels with the original and each edited agent, paired "
                                "(the same levels and action noise), and record the results in "
                                "the analysis (0: no evaluation; 1000 gives a standard error "
                                "of about 1 point on a success rate near 90%%)")
    controls: bool = option(False, help="with --evaluate: also evaluate, per edit, a random "
                                        "non-negative direction of the same norm, and every "
                                        "other feature of the layer alone")
    num_envs: int = option(64, help="parallel envs of the evaluation")
    seed: int = option(0, help="evaluation seed: the levels (environment seed), the action "
                               "noise and the random controls' directions")
    greedy: bool = option(False, help="argmax actions instead of sampling")
    env_kwargs: dict = field(default_factory=dict, metadata=about(
        flag="--env-option", metavar="KEY=VALUE",
        shortcuts=env_option_shortcuts("start_level", "num_levels"),
        help="override an environment option of the evaluation, repeatable"))

    def __post_init__(self):
        if self.layer is not None and not (isinstance(self.layer, str) and self.layer):
            self._fail("layer", "must be a layer name")
        if isinstance(self.features, (str, int)):
            self._set("features", (self.features,))
        sets = []
        for value in self.features:
            parsed = _feature_set(value)
            if parsed is None:
                self._fail("features", "must be feature indices such as 3 or 1,3 (whole "
                                       "numbers >= 0, each once per edit)", value)
            if parsed not in sets:
                sets.append(parsed)
        self._set("features", tuple(",".join(map(str, s)) for s in sets))
        self._check_int("evaluate", 0)
        self._check_int("num_envs", 1)
        self._check_int("seed", 0)
        check_env_kwargs(self)

    @property
    def feature_sets(self) -> tuple[tuple[int, ...], ...]:
        """The ``features`` values as sorted index tuples, in the order given."""
        return tuple(tuple(int(f) for f in s.split(",")) for s in self.features)
