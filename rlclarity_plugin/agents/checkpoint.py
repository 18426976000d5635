"""Native checkpoints: a folder with ``metadata.json`` and ``weights.npz``.

Optional ``trainer_state.npz`` beside them holds what ``rl-clarity train --resume`` needs
(optimizer slots, counters, random state). Anything TensorFlow's file layer reads (local paths,
``gs://``, ``s3://`` with the matching extra) works as a location. The shipped demo agent is
addressed as ``demo:coinrun``; an original rl_clarity / Baselines joblib checkpoint (``*.jd``,
``*.joblib``, ``*.pkl``) is imported through :mod:`.original`.
"""

from __future__ import annotations

import io
import json
import os
import posixpath
import re

import numpy as np
import tensorflow as tf

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
    tmp = path + ".tmp"
    with tf.io.gfile.GFile(tmp, "wb") as f:
        f.write(data)
    tf.io.gfile.rename(tmp, path, overwrite=True)


def _npz_bytes(arrays: dict[str, np.ndarray]) -> bytes:
    buf = io.BytesIO()
    np.savez_compressed(buf, **arrays)
    return buf.getvalue()


def _read_npz(path: str) -> dict[str, np.ndarray]:
    with tf.io.gfile.GFile(path, "rb") as f:
        data = f.read()
    with np.load(io.BytesIO(data), allow_pickle=False) as z:
        return {k: z[k] for k in z.files}


def save_checkpoint(agent: Agent, path: str, trainer_state: dict | None = None) -> str:
    """Write ``agent`` to folder ``path`` (created); returns ``path``. Metadata is written last."""
    tf.io.gfile.makedirs(path)
    if agent.metadata.architecture == "keras":
        _save_keras_model(agent.network.user_model, _join(path, KERAS_MODEL_FILE))
    else:
        _write_bytes(_join(path, WEIGHTS_FILE), _npz_bytes(agent.get_weights()))
    if trainer_state is not None:
        _write_bytes(_join(path, TRAINER_STATE_FILE), _npz_bytes(trainer_state))
    _write_bytes(_join(path, METADATA_FILE),
                 json.dumps(agent.metadata.to_json(), indent=2, sort_keys=True).encode())
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


def load_checkpoint(path: str, **original_kwargs) -> Agent:
    """Load an agent from a native folder, ``demo:NAME`` or an original joblib checkpoint.

    Raises ``FileNotFoundError`` for a missing location and ``ValueError`` for anything that is
    not a valid checkpoint, naming the file and what was wrong.
    """
    agent = _load(resolve_checkpoint(str(path)), original_kwargs)
    agent.check_finite(f"checkpoint {str(path)!r}")
    return agent


def _load(path: str, original_kwargs: dict) -> Agent:
    if is_original_checkpoint(path):
        from .original import load_original_checkpoint

        return load_original_checkpoint(path, **original_kwargs)
    if not tf.io.gfile.exists(path):
        raise FileNotFoundError(f"no checkpoint at {path!r}")
    if not tf.io.gfile.isdir(path):
        size = tf.io.gfile.stat(path).length
        raise ValueError(f"{path!r} is not a checkpoint: expected a folder with {METADATA_FILE} "
                         f"and {WEIGHTS_FILE}, 'demo:coinrun', or an original joblib file "
                         f"({', '.join(ORIGINAL_SUFFIXES)}); found a file of {size} bytes")
    meta_path = _join(path, METADATA_FILE)
    if not tf.io.gfile.exists(meta_path):
        raise ValueError(f"{path!r} is not a checkpoint: {METADATA_FILE} is missing")
    try:
        with tf.io.gfile.GFile(meta_path, "r") as f:
            metadata = AgentMetadata.from_json(json.load(f))
    except (json.JSONDecodeError, TypeError, ValueError) as e:
        raise ValueError(f"bad checkpoint metadata in {meta_path!r}: {e}") from e
    if metadata.architecture == "keras":
        return _load_keras_agent(path, metadata)
    agent = Agent.build(metadata)
    weights_path = _join(path, WEIGHTS_FILE)
    if not tf.io.gfile.exists(weights_path):
        raise ValueError(f"{path!r} is not a checkpoint: {WEIGHTS_FILE} is missing")
    try:
        weights = _read_npz(weights_path)
    except Exception as e:  # zipfile, OSError, ValueError: all mean an unreadable file
        raise ValueError(f"cannot read weights {weights_path!r}: expected a NumPy .npz archive "
                         f"of arrays, found a file it cannot read ({type(e).__name__}: "
                         f"{_first_line(e)})") from e
    try:
        agent.set_weights(weights)
    except ValueError as e:
        raise ValueError(f"checkpoint {path!r}: {e}") from e
    return agent


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

    import keras

    from .adapter import KerasModelNetwork

    model_path = _join(path, KERAS_MODEL_FILE)
    if not tf.io.gfile.exists(model_path):
        raise ValueError(f"{path!r} is not a checkpoint: {KERAS_MODEL_FILE} is missing")
    with tempfile.TemporaryDirectory() as tmp:
        local = os.path.join(tmp, KERAS_MODEL_FILE)
        tf.io.gfile.copy(model_path, local)
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
    if not tf.io.gfile.exists(state_path):
        return None
    return _read_npz(state_path)


_CKPT_RE = re.compile(r"^ckpt-(\d+)$")


def list_checkpoints(directory: str) -> list[tuple[int, str]]:
    """``(step, path)`` of the complete ``ckpt-STEP`` folders in ``directory``, by step."""
    if not tf.io.gfile.isdir(directory):
        return []
    out = []
    for name in tf.io.gfile.listdir(directory):
        name = name.rstrip("/")
        m = _CKPT_RE.match(name)
        if m and tf.io.gfile.exists(_join(directory, name, METADATA_FILE)):
            out.append((int(m.group(1)), _join(directory, name)))
    return sorted(out)
