"""Checkpoints of every kind, loaded into an :class:`~.agent.Agent` on a chosen backend.

* Native: a folder with ``metadata.json`` and ``weights.npz`` (Keras-named weights; optional
  ``trainer_state.npz`` beside them holds what ``rl-clarity train --resume`` needs). Loaded on
  the Keras backend, or with ``backend="torch"`` on the torch port of its architecture
  (:mod:`.torch_architectures`) without TensorFlow. The shipped demo agent is ``demo:coinrun``.
* An original rl_clarity / Baselines joblib checkpoint (``*.jd``, ``*.joblib``, ``*.pkl``):
  :mod:`.original` (Keras).
* Stable-Baselines3 ``PPO`` / ``A2C`` ``.zip`` files (``sb3:PATH`` or detected by content):
  :mod:`.sb3` (torch).
* CleanRL agents saved as a ``state_dict`` (``cleanrl:ARCH:PATH``): :mod:`.cleanrl` (torch).

Locations go through the store's file layer (local paths, ``s3://``, ``gs://`` with the
matching extra). This module imports no deep-learning framework until a checkpoint needs one.
"""

from __future__ import annotations

import io
import json
import os
import posixpath
import re

import numpy as np

from .. import MissingExtraError, missing_extra
from ..store import files
from .agent import Agent, AgentMetadata

METADATA_FILE = "metadata.json"
WEIGHTS_FILE = "weights.npz"
KERAS_MODEL_FILE = "model.keras"
TRAINER_STATE_FILE = "trainer_state.npz"
DEMO_AGENTS = {"coinrun": "coinrun"}
ORIGINAL_SUFFIXES = (".jd", ".joblib", ".pkl")


def _join(*parts: str) -> str:
    if "://" in parts[0]:
        return posixpath.join(*parts)
    return os.path.join(*parts)


def _write_bytes(path: str, data: bytes) -> None:
    """Write atomically: a temporary name first, then a rename."""
    files.write_atomic(path, data)


def _npz_bytes(arrays: dict[str, np.ndarray]) -> bytes:
    buf = io.BytesIO()
    np.savez_compressed(buf, **arrays)
    return buf.getvalue()


def _read_npz(path: str) -> dict[str, np.ndarray]:
    data = files.read(path)
    with np.load(io.BytesIO(data), allow_pickle=False) as z:
        return {k: z[k] for k in z.files}


def save_checkpoint(agent: Agent, path: str, trainer_state: dict | None = None) -> str:
    """Write ``agent`` to folder ``path`` (created); returns ``path``. Metadata is written last."""
    if agent.framework != "keras":
        raise ValueError(f"save_checkpoint writes native (Keras) checkpoints; this agent runs on "
                         f"{agent.framework}: save it with its own library (SB3: model.save)")
    files.makedirs(path)
    if agent.metadata.architecture == "keras":
        _save_keras_model(agent.network.user_model, _join(path, KERAS_MODEL_FILE))
    else:
        _write_bytes(_join(path, WEIGHTS_FILE), _npz_bytes(agent.get_weights()))
    if trainer_state is not None:
        _write_bytes(_join(path, TRAINER_STATE_FILE), _npz_bytes(trainer_state))
    _write_bytes(_join(path, METADATA_FILE),
                 json.dumps(agent.metadata.to_json(), indent=2, sort_keys=True).encode())
    return path


def save_native_weights(metadata: AgentMetadata, weights: dict[str, np.ndarray],
                        path: str) -> str:
    """Write a native checkpoint folder from metadata and Keras-named weights (a built-in
    architecture), without TensorFlow: what the torch port of a native agent saves (an edited
    one, :func:`~.edit.save_edited`). Metadata is written last; returns ``path``."""
    if metadata.architecture not in ("clear", "impala", "nature"):
        raise ValueError(f"native weights.npz checkpoints hold the built-in architectures "
                         f"(clear, impala, nature), not {metadata.architecture!r}")
    files.makedirs(path)
    _write_bytes(_join(path, WEIGHTS_FILE), _npz_bytes(dict(weights)))
    _write_bytes(_join(path, METADATA_FILE),
                 json.dumps(metadata.to_json(), indent=2, sort_keys=True).encode())
    return path


def demo_checkpoint_path(name: str = "coinrun") -> str:
    """Folder of a shipped demo agent (``demo:NAME``)."""
    if name not in DEMO_AGENTS:
        raise ValueError(f"unknown demo agent 'demo:{name}'; available: "
                         + ", ".join(f"demo:{k}" for k in DEMO_AGENTS))
    package = os.path.dirname(os.path.dirname(__file__))
    return os.path.join(package, "demo_agents", DEMO_AGENTS[name])


def resolve_checkpoint(path: str) -> str:
    """Map ``demo:NAME`` to the shipped folder; other paths pass through."""
    if path.startswith("demo:"):
        return demo_checkpoint_path(path[len("demo:"):])
    return path


def is_original_checkpoint(path: str) -> bool:
    return path.lower().endswith(ORIGINAL_SUFFIXES)


BACKENDS = ("auto", "keras", "torch")


def load_checkpoint(path: str, *, backend: str = "auto", device: str = "auto",
                    env_kind: str | None = None, env_name: str | None = None,
                    env_kwargs: dict | None = None, **original_kwargs) -> Agent:
    """Load an agent from any checkpoint kind (see the module docstring).

    ``backend``: ``auto`` (a checkpoint's own framework: Keras for native and original ones,
    torch for SB3 and CleanRL), ``keras`` or ``torch``. ``device`` (torch): ``auto``, ``cpu``,
    ``cuda[:N]``. ``env_kind`` / ``env_name`` / ``env_kwargs``: the environment to collect probe
    sets from, for checkpoints that do not record it (SB3, CleanRL) or to override it.
    Raises ``FileNotFoundError`` for a missing location and ``ValueError`` for anything that is
    not a valid checkpoint, naming the file and what was wrong.
    """
    if backend not in BACKENDS:
        raise ValueError(f"unknown backend {backend!r}; expected one of {', '.join(BACKENDS)}")
    env = {"env_kind": env_kind, "env_name": env_name, "env_kwargs": env_kwargs}
    agent = _load(resolve_checkpoint(str(path)), backend, device, env, original_kwargs)
    agent.check_finite(f"checkpoint {str(path)!r}")
    return agent


def _with_env(agent: Agent, env: dict) -> Agent:
    changes = {k: v for k, v in env.items() if v is not None}
    if changes:
        agent.metadata = agent.metadata.replace(**changes)
    return agent


def _load(path: str, backend: str, device: str, env: dict, original_kwargs: dict) -> Agent:
    from . import sb3

    if path.startswith("cleanrl:"):
        from .cleanrl import load_cleanrl_checkpoint

        _torch_only(backend, "CleanRL")
        return load_cleanrl_checkpoint(path[len("cleanrl:"):], device=device, **env)
    if path.startswith("sb3:") or sb3.is_sb3_checkpoint(path):
        _torch_only(backend, "Stable-Baselines3")
        return sb3.load_sb3(path.removeprefix("sb3:"), device=device, **env)
    if is_original_checkpoint(path):
        try:
            from .original import load_original_checkpoint
        except ImportError as e:
            raise missing_extra(("tensorflow", "keras"), "keras", "original rl_clarity "
                                "checkpoints", e) from e

        if backend == "torch":
            raise ValueError(f"{path!r}: original joblib checkpoints load on the Keras backend "
                             "only; drop --backend torch")
        for key in ("env_kind", "env_name"):
            if env[key] is not None:
                original_kwargs.setdefault(key, env[key])
        return _with_env(load_original_checkpoint(path, **original_kwargs),
                         {"env_kwargs": env["env_kwargs"]})
    if not files.exists(path):
        raise FileNotFoundError(f"no checkpoint at {path!r}")
    if not files.isdir(path):
        size = files.signature(path)[1]
        raise ValueError(f"{path!r} is not a checkpoint: expected a folder with {METADATA_FILE} "
                         f"and {WEIGHTS_FILE}, 'demo:coinrun', an original joblib file "
                         f"({', '.join(ORIGINAL_SUFFIXES)}), a Stable-Baselines3 .zip or "
                         f"'cleanrl:ARCH:PATH'; found a file of {size} bytes")
    meta_path = _join(path, METADATA_FILE)
    if not files.exists(meta_path):
        raise ValueError(f"{path!r} is not a checkpoint: {METADATA_FILE} is missing")
    try:
        metadata = AgentMetadata.from_json(json.loads(files.read(meta_path)))
    except (json.JSONDecodeError, UnicodeDecodeError, TypeError, ValueError) as e:
        raise ValueError(f"bad checkpoint metadata in {meta_path!r}: {e}") from e
    if metadata.architecture == "keras":
        if backend == "torch":
            raise ValueError(f"{path!r} holds a user's Keras model (model.keras): it loads on "
                             "the Keras backend only; drop --backend torch")
        return _with_env(_load_keras_agent(path, metadata), env)
    weights_path = _join(path, WEIGHTS_FILE)
    if not files.exists(weights_path):
        raise ValueError(f"{path!r} is not a checkpoint: {WEIGHTS_FILE} is missing")
    try:
        weights = _read_npz(weights_path)
    except Exception as e:  # zipfile, OSError, ValueError: all mean an unreadable file
        raise ValueError(f"cannot read weights {weights_path!r}: expected a NumPy .npz archive "
                         f"of arrays, found a file it cannot read ({type(e).__name__}: "
                         f"{_first_line(e)})") from e
    try:
        if backend == "torch":
            try:
                from .torch_architectures import torch_agent_from_weights
            except ImportError as e:
                raise missing_extra("torch", "torch", "the torch backend", e,
                                    "or drop --backend torch") from e
            agent = torch_agent_from_weights(metadata, weights, device=device)
        else:
            agent = Agent.build(metadata)
            agent.set_weights(weights)
    except MissingExtraError:
        raise
    except ValueError as e:
        raise ValueError(f"checkpoint {path!r}: {e}") from e
    return _with_env(agent, env)


def _torch_only(backend: str, what: str) -> None:
    if backend == "keras":
        raise ValueError(f"{what} checkpoints are PyTorch models: they load on the torch "
                         "backend only; drop --backend keras")


def _first_line(error: Exception) -> str:
    lines = str(error).strip().splitlines()
    return lines[0][:200] if lines else "no details"


def _save_keras_model(model, path: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        local = os.path.join(tmp, KERAS_MODEL_FILE)
        model.save(local)
        with open(local, "rb") as f:
            _write_bytes(path, f.read())


def _load_keras_agent(path: str, metadata: AgentMetadata) -> Agent:
    import tempfile

    try:
        import keras

        from .adapter import KerasModelNetwork
    except ImportError as e:
        raise missing_extra(("tensorflow", "keras"), "keras", "Keras model checkpoints", e) from e

    model_path = _join(path, KERAS_MODEL_FILE)
    if not files.exists(model_path):
        raise ValueError(f"{path!r} is not a checkpoint: {KERAS_MODEL_FILE} is missing")
    with tempfile.TemporaryDirectory() as tmp:
        local = os.path.join(tmp, KERAS_MODEL_FILE)
        with open(local, "wb") as f:
            f.write(files.read(model_path))
        try:
            model = keras.models.load_model(local)
        except Exception as e:
            raise ValueError(f"cannot load Keras model {model_path!r}: expected a Keras 3 "
                             f".keras file, found one it cannot read ({type(e).__name__}: "
                             f"{_first_line(e)})") from e
    kw = metadata.arch_kwargs
    net = KerasModelNetwork(model, kw.get("input_scale", 1.0 / 255.0), kw.get("logits_index", 0),
                            kw.get("value_index", 1))
    return Agent(net, metadata)


def load_trainer_state(path: str) -> dict[str, np.ndarray] | None:
    """The trainer state saved beside a checkpoint, or None."""
    state_path = _join(resolve_checkpoint(path), TRAINER_STATE_FILE)
    if not files.exists(state_path):
        return None
    return _read_npz(state_path)


_CKPT_RE = re.compile(r"^ckpt-(\d+)$")


def list_checkpoints(directory: str) -> list[tuple[int, str]]:
    """``(step, path)`` of the complete ``ckpt-STEP`` folders in ``directory``, by step."""
    if not files.isdir(directory):
        return []
    out = []
    for name in files.listdir(directory):
        name = name.rstrip("/")
        m = _CKPT_RE.match(name)
        if m and files.exists(_join(directory, name, METADATA_FILE)):
            out.append((int(m.group(1)), _join(directory, name)))
    return sorted(out)
