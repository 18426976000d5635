"""Command-line options generated from configuration dataclasses (:mod:`.configs`).

Every field of a configuration becomes one option: the flag is the field's ``flag`` (default
``--field-name``), the type comes from the annotation (``int``, ``float``, ``str``; ``bool`` as
``--x`` / ``--no-x``; ``tuple[T, ...]`` as one or more values; ``dict`` as repeatable
``KEY=VALUE`` plus one flag per ``shortcuts`` key; ``X | None`` as X), the help text and the
shown default from the field. A nested configuration becomes an option group. Adding an option
is adding a field.

Options not given on the command line are absent from the parsed namespace, so
:func:`config_from_args` builds the configuration from a base (a ``--config`` JSON file, or
nothing: the defaults) with exactly the flags that were given on top of it, and validates it
then, before any work.
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import json
import os
import typing

from .configs import Config, ConfigError, _strip_optional

PREFIX = "cfg."  # dest prefix of generated options in the argparse namespace

__all__ = ["add_config_arguments", "add_config_file_argument", "config_from_args",
           "load_config_file"]


def _leaves(cls, path: str = ""):
    """``(path, field, type, owner class)`` of every non-configuration field, depth first, and
    ``(path, field, None, class)`` entries for nested configurations (before their fields)."""
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        tp, _ = _strip_optional(hints[f.name])
        p = f"{path}{f.name}"
        if isinstance(tp, type) and issubclass(tp, Config):
            yield p, f, None, tp
            yield from _leaves(tp, p + ".")
        else:
            yield p, f, tp, cls


def _selected(path: str, include) -> bool:
    return include is None or any(path == p or path.startswith(p + ".") or p.startswith(path + ".")
                                  for p in include)


def _key_value(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"expects KEY=VALUE, got {text!r}")
    return key.strip(), value.strip()


def _shown(value, unit) -> str:
    if isinstance(value, (tuple, list)):
        return " ".join(str(v) for v in value)
    if value is None:
        return "none"
    if isinstance(value, dict):
        return " ".join(f"{k}={v}" for k, v in value.items()) or "none"
    if unit and isinstance(value, int):
        return str(value // unit)
    return str(value)


def _default(f):
    if f.default is not dataclasses.MISSING:
        return f.default
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    return None


def add_config_arguments(parser: argparse.ArgumentParser, cls, include=None,
                         titles: dict | None = None) -> None:
    """Add an option for every field of configuration class ``cls`` to ``parser``.

    include: paths of the fields (or nested configurations) to offer, e.g.
    ``("agent", "analysis.probe")`` (default: all). titles: option-group titles by path of a
    nested configuration (default: the path); fields of ``cls`` itself go into the parser."""
    groups = {"": parser}
    for path, f, tp, _owner in _leaves(cls):
        if not _selected(path, include) or not f.metadata.get("cli", True):
            continue
        parent = path.rpartition(".")[0]
        if tp is None:  # a nested configuration: its option group
            title = (titles or {}).get(path, f.metadata.get("help") or path)
            groups[path] = parser.add_argument_group(title)
            continue
        _add_leaf(groups.get(parent, parser), path, f, tp)


def _add_leaf(group, path: str, f, tp) -> None:
    meta = f.metadata
    flag = meta.get("flag") or "--" + f.name.replace("_", "-")
    unit = meta.get("cli_unit")
    default = _default(f)
    help_text = meta.get("help", "")
    if meta.get("derived_from"):
        pass  # the help says how it is derived
    elif tp is bool:
        help_text += f" (default: {'on' if default else 'off'})"
    elif default is not None and default != {} and default != ():
        help_text += f" (default: {_shown(default, unit)})"
    kwargs = {"dest": PREFIX + path, "default": argparse.SUPPRESS, "help": help_text,
              "metavar": meta.get("metavar") or flag.lstrip("-").replace("-", "_").upper()}
    origin = typing.get_origin(tp) or tp
    if tp is bool:
        del kwargs["metavar"]
        group.add_argument(flag, action=argparse.BooleanOptionalAction, **kwargs)
        return
    if origin is dict:
        group.add_argument(flag, action="append", type=_key_value, **kwargs)
        for key, (short, short_type, short_help) in meta.get("shortcuts", {}).items():
            group.add_argument(short, dest=f"{PREFIX}{path}#{key}", type=short_type,
                               default=argparse.SUPPRESS, help=short_help, metavar=key.upper())
        return
    if origin is tuple:
        item = (typing.get_args(tp) or (str,))[0]
        kwargs.update(nargs="+", type=item)
    else:
        kwargs["type"] = origin
    if meta.get("choices"):
        kwargs["choices"] = list(meta["choices"])
        if not meta.get("metavar"):
            del kwargs["metavar"]
    group.add_argument(flag, **kwargs)


def add_config_file_argument(parser, what: str) -> None:
    parser.add_argument("--config", metavar="FILE", default=None,
                        help=f"a JSON file of {what} (as written by its to_json(); keys left "
                             "out take their defaults); options given on the command line "
                             "override it")


def load_config_file(path: str | None) -> dict:
    """The JSON object in ``path`` (``{}`` for None); a one-line error when it is not one."""
    if path is None:
        return {}
    try:
        with open(os.path.expanduser(path), encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as e:
        raise ConfigError(f"--config {path}: cannot read it ({e.strerror or e})") from e
    except ValueError as e:
        raise ConfigError(f"--config {path}: not valid JSON ({e})") from e
    if not isinstance(data, dict):
        raise ConfigError(f"--config {path}: expected a JSON object, got "
                          f"{type(data).__name__}")
    return data


def _node(data: dict, path: str) -> tuple[dict, str]:
    """The dict holding the last key of ``path`` inside ``data`` (created as needed)."""
    *parents, key = path.split(".")
    for p in parents:
        nxt = data.get(p)
        if not isinstance(nxt, dict):
            nxt = data[p] = {}
        data = nxt
    return data, key


def config_from_args(cls, args: argparse.Namespace, base: dict | None = None):
    """The configuration of class ``cls``: ``base`` (JSON, e.g. from ``--config``) with the
    options given on the command line on top, validated (``ConfigError`` naming the flag)."""
    data = copy.deepcopy(base or {})
    given = {k[len(PREFIX):]: v for k, v in vars(args).items() if k.startswith(PREFIX)}
    fields = {path: (f, tp) for path, f, tp, _ in _leaves(cls) if tp is not None}
    for path in sorted(given, key=lambda p: "#" in p):  # whole dicts first, then their keys
        value = given[path]
        if "#" in path:
            path, key = path.split("#", 1)
            holder, name = _node(data, path)
            if not isinstance(holder.get(name), dict):
                holder[name] = {}
            holder[name][key] = value
            continue
        f, tp = fields[path]
        holder, name = _node(data, path)
        if (typing.get_origin(tp) or tp) is dict:
            merged = dict(holder.get(name) or {}) if isinstance(holder.get(name), dict) else {}
            merged.update(dict(value))
            value = merged
        elif f.metadata.get("cli_unit"):
            value = value * f.metadata["cli_unit"]
        holder[name] = list(value) if isinstance(value, tuple) else value
    # a derived field follows the field it is derived from when only that one was given
    for path, (f, _) in fields.items():
        source = f.metadata.get("derived_from")
        if source and path not in given:
            sibling = path.rpartition(".")[0]
            source_path = f"{sibling}.{source}" if sibling else source
            if source_path in given:
                holder, name = _node(data, path)
                holder.pop(name, None)
    return cls.from_json(data)
