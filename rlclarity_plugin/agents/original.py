"""Import an original rl_clarity / OpenAI Baselines checkpoint (reference sections 3.1-3.3).

The original file is a joblib dump of ``{"params": {tf_var_name: ndarray}, "args": {...}}``
(usually with ``"extra"`` and ``"time"`` too, which are ignored). The original rebuilt the TF1
graph under the same variable scopes and matched names implicitly, silently skipping anything
that did not match; Keras 3 layer names are flat, so here every TF1 variable name is mapped to a
Keras weight path by an explicit table (:func:`name_table`) and any missing, unexpected or
mis-shaped parameter is reported in one ``ValueError``.

What is taken from ``args``:

- ``cnn``: ``clear`` (default), ``impala`` or ``nature``; ``use_lstm`` must be falsy.
- ``env_kind``: ``procgen`` (default) or ``atari``; the environment name is ``env_name``
  (procgen) or ``env_id`` (atari).
- ``gamma`` and ``lambda`` (GAE; defaults 0.999 and 0.95).
- ``stack_channels`` (``"16_32_32"``) and ``emb_size`` for IMPALA. Public Baselines ignores
  ``emb_size`` (always 256), so the embedding size actually stored in the params wins over
  ``args["emb_size"]``.
- ``frame_stack`` (default 1) for the Atari observation shape ``(84, 84, frame_stack)``; procgen
  observations are ``(64, 64, 3)``.
- procgen options among the public ``PROCGEN_KWARGS`` become ``env_kwargs``; all other args
  (``num_envs`` included, which may be absent) are ignored.

``env_name == "coinrun_old"`` (the internal CoinRun of the paper) has no environment today. It is
accepted and kept as given in the metadata, so the network can be analysed on saved observations,
but making its environment will fail; pass ``env_kind=``/``env_name=`` to point such an agent at
an available game instead. Its action labels are the original's hard-coded 9-action list.
"""

from __future__ import annotations

import numpy as np
import tensorflow as tf

from ..envs.procgen_env import PROCGEN_KWARGS
from .agent import Agent, AgentMetadata
from .architectures import ARCHITECTURES

PROCGEN_ACTION_COMBOS = (
    ("LEFT", "DOWN"), ("LEFT",), ("LEFT", "UP"), ("DOWN",), (), ("UP",),
    ("RIGHT", "DOWN"), ("RIGHT",), ("RIGHT", "UP"), ("D",), ("A",), ("W",), ("S",), ("Q",),
    ("E",),
)
COINRUN_OLD_ACTION_COMBOS = (
    (), ("RIGHT",), ("LEFT",), ("UP",), ("RIGHT", "UP"), ("LEFT", "UP"), ("DOWN",), ("A",), ("B",),
)
ENV_KINDS = ("procgen", "atari")
PROCGEN_OBSERVATION_SHAPE = (64, 64, 3)
ATARI_FRAME_SIZE = (84, 84)
DEFAULT_GAMMA = 0.999
DEFAULT_LAMBDA = 0.95
IGNORED_PARAM_MARKERS = ("optimizer", "kbuf", "vbuf")

_PREFIX = "ppo2_model/pi/"
POLICY_BIAS = "ppo2_model/pi/b:0"


def _head_table() -> dict[str, str]:
    """Baselines' policy and value heads: ``fc(latent, "pi", A)`` and ``fc(latent, "vf", 1)``."""
    return {
        "ppo2_model/pi/w:0": "policy_logits/kernel",
        "ppo2_model/pi/b:0": "policy_logits/bias",
        "ppo2_model/vf/w:0": "value/kernel",
        "ppo2_model/vf/b:0": "value/bias",
    }


def clear_name_table() -> dict[str, str]:
    """TF1 variable name -> Keras weight path for lucid's ``clear_cnn``."""
    table = {}
    for conv in ("1a", "2a", "2b", "3a", "4a"):
        table[f"{_PREFIX}{conv}/conv2d/kernel:0"] = f"{conv}/kernel"
        table[f"{_PREFIX}{conv}/conv2d/bias:0"] = f"{conv}/bias"
    for dense in ("dense", "dense_1"):
        table[f"{_PREFIX}{dense}/kernel:0"] = f"{dense}/kernel"
        table[f"{_PREFIX}{dense}/bias:0"] = f"{dense}/bias"
    table.update(_head_table())
    return table


def impala_name_table(num_stacks: int = 3) -> dict[str, str]:
    """TF1 variable name -> Keras weight path for Baselines' ``build_impala_cnn``.

    Baselines numbers its layers ``layer_0, layer_1, ...`` in creation order: per conv stack
    the stack's conv, then conv0/conv1 of the first and of the second residual block (5 layers
    per stack); the final dense comes last.
    """
    table = {}
    ours = ("conv", "res1/conv0", "res1/conv1", "res2/conv0", "res2/conv1")
    for i in range(1, num_stacks + 1):
        for j, name in enumerate(ours):
            layer = f"b{i}_{name}"
            tf_layer = f"{_PREFIX}layer_{5 * (i - 1) + j}"
            table[f"{tf_layer}/kernel:0"] = f"{layer}/kernel"
            table[f"{tf_layer}/bias:0"] = f"{layer}/bias"
    table[f"{_PREFIX}layer_{5 * num_stacks}/kernel:0"] = "dense/kernel"
    table[f"{_PREFIX}layer_{5 * num_stacks}/bias:0"] = "dense/bias"
    table.update(_head_table())
    return table


def nature_name_table() -> dict[str, str]:
    """TF1 variable name -> Keras weight path for Baselines' ``nature_cnn``.

    Conv biases are stored with shape ``(1, nf, 1, 1)``; the import reshapes them to ``(nf,)``.
    """
    table = {}
    for layer in ("c1", "c2", "c3", "fc1"):
        table[f"{_PREFIX}{layer}/w:0"] = f"{layer}/kernel"
        table[f"{_PREFIX}{layer}/b:0"] = f"{layer}/bias"
    table.update(_head_table())
    return table


def name_table(architecture: str, arch_kwargs: dict | None = None) -> dict[str, str]:
    """The TF1 -> Keras name table of ``architecture``."""
    if architecture == "clear":
        return clear_name_table()
    if architecture == "impala":
        depths = (arch_kwargs or {}).get("depths", (16, 32, 32))
        return impala_name_table(len(depths))
    if architecture == "nature":
        return nature_name_table()
    raise ValueError(f"unknown architecture {architecture!r}; expected one of "
                     f"{', '.join(ARCHITECTURES)}")


def _is_ignored(name: str) -> bool:
    return any(marker in name for marker in IGNORED_PARAM_MARKERS)


def _read(path: str) -> dict:
    import joblib

    if not tf.io.gfile.exists(path):
        raise FileNotFoundError(f"no checkpoint at {path!r}")
    with tf.io.gfile.GFile(path, "rb") as f:
        head = f.read(8)
    try:
        with tf.io.gfile.GFile(path, "rb") as f:
            data = joblib.load(f)
    except Exception as e:  # unpickling can fail in many ways; all mean "not a checkpoint"
        raise ValueError(f"cannot read original checkpoint {path!r}: expected a joblib (pickle) "
                         f"file of {{'params': ..., 'args': ...}}, found {_describe(head, e)}"
                         ) from e
    # ValueError, not TypeError: load_checkpoint promises ValueError for any invalid checkpoint.
    if not isinstance(data, dict) or not isinstance(data.get("params"), dict):
        found = (f"a dict with keys {sorted(map(str, data))[:6]}" if isinstance(data, dict)
                 else f"a pickled {type(data).__name__}")
        raise ValueError(
            f"{path!r} is not an original rl_clarity checkpoint: expected a joblib "
            f"dict with 'params' (and 'args'), found {found}")
    args = data.get("args") or {}
    if not isinstance(args, dict):
        raise ValueError(
            f"{path!r}: 'args' must be a dict, got {type(args).__name__}")
    return data


def _describe(head: bytes, error: Exception) -> str:
    """What a file that did not unpickle looks like, in a few words."""
    if not head:
        return "an empty file"
    pickle_like = head[:1] == b"\x80" or head[:2] in (b"x\x9c", b"x\x01", b"x\xda", b"\x1f\x8b") \
        or head[:3] == b"BZh" or head[:6] == b"\xfd7zXZ\x00" or head[:4] == b"ZF\x00\x00"
    if not pickle_like:
        return f"bytes that are not a pickle (they start with {head.hex(' ')})"
    text = str(error).splitlines()[0] if str(error) else ""
    return f"a damaged or truncated pickle ({type(error).__name__}{': ' + text if text else ''})"


def _arg(args: dict, key: str, default):
    value = args.get(key)
    return default if value is None else value


def _parse_depths(value) -> list[int]:
    if isinstance(value, str):
        parts = [p for p in value.replace(",", "_").split("_") if p.strip()]
    else:
        parts = list(value)
    try:
        depths = [int(p) for p in parts]
    except (TypeError, ValueError):
        depths = []
    if not depths or min(depths) < 1:
        raise ValueError(f"bad stack_channels {value!r}; expected e.g. '16_32_32'")
    return depths


def _procgen_env_kwargs(args: dict) -> dict:
    out = {}
    for key, typ in PROCGEN_KWARGS.items():
        value = args.get(key)
        if value is None:
            continue
        if typ is bool and isinstance(value, str):
            value = value.lower() in ("1", "true", "yes")
        out[key] = typ(value)
    return out


def _action_combos(env_kind: str, env_name: str, num_actions: int):
    if env_kind != "procgen":
        return None
    if env_name == "coinrun_old":
        return COINRUN_OLD_ACTION_COMBOS[:num_actions] if num_actions <= 9 else None
    return PROCGEN_ACTION_COMBOS if num_actions == len(PROCGEN_ACTION_COMBOS) else None


def metadata_from_args(args: dict, params: dict, *, env_kind=None, env_name=None,
                       observation_shape=None, num_actions=None) -> AgentMetadata:
    """The :class:`AgentMetadata` of an original checkpoint (keyword arguments override)."""
    if args.get("use_lstm"):
        raise ValueError("recurrent (use_lstm) checkpoints are not supported: the original "
                         "rl_clarity rejected them too")
    if str(_arg(args, "library", "baselines")) != "baselines":
        raise ValueError(f"checkpoint library {args['library']!r} is not supported; only "
                         f"'baselines' checkpoints can be imported")
    architecture = str(_arg(args, "cnn", "clear"))
    if architecture not in ARCHITECTURES:
        raise ValueError(f"unknown architecture cnn={architecture!r} in the checkpoint args; "
                         f"expected one of {', '.join(ARCHITECTURES)}")
    kind = env_kind if env_kind is not None else str(_arg(args, "env_kind", "procgen"))
    if kind not in ENV_KINDS:
        raise ValueError(f"unknown environment kind {kind!r}; expected one of "
                         f"{', '.join(ENV_KINDS)}")
    if env_name is not None:
        name = str(env_name)
    elif kind == "atari":
        name = args.get("env_id") or args.get("env_name")
        if name is None:
            raise ValueError("Atari checkpoint args lack 'env_id'; pass env_name=")
        name = str(name)
    else:
        name = str(_arg(args, "env_name", "coinrun"))

    if observation_shape is not None:
        shape = tuple(int(d) for d in observation_shape)
    elif kind == "atari":
        shape = ATARI_FRAME_SIZE + (int(_arg(args, "frame_stack", 1)),)
    else:
        shape = PROCGEN_OBSERVATION_SHAPE

    if num_actions is None:
        if POLICY_BIAS in params:
            num_actions = int(np.shape(params[POLICY_BIAS])[-1])
        elif "ppo2_model/pi/w:0" in params:
            num_actions = int(np.shape(params["ppo2_model/pi/w:0"])[-1])
        else:
            raise ValueError(f"the checkpoint has no policy head ({POLICY_BIAS}), so the number "
                             f"of actions is unknown; pass num_actions=")

    arch_kwargs = {}
    if architecture == "impala":
        depths = _parse_depths(_arg(args, "stack_channels", "16_32_32"))
        emb_size = int(_arg(args, "emb_size", 256))
        dense_bias = params.get(f"{_PREFIX}layer_{5 * len(depths)}/bias:0")
        if dense_bias is not None and np.ndim(dense_bias) == 1:
            emb_size = int(np.shape(dense_bias)[0])  # public Baselines ignores args emb_size
        arch_kwargs = {"depths": depths, "emb_size": emb_size}

    return AgentMetadata(
        architecture=architecture,
        observation_shape=shape,
        num_actions=int(num_actions),
        env_kind=kind,
        env_name=name,
        env_kwargs=_procgen_env_kwargs(args) if kind == "procgen" else {},
        action_combos=_action_combos(kind, name, int(num_actions)),
        gamma=float(_arg(args, "gamma", DEFAULT_GAMMA)),
        lam=float(_arg(args, "lambda", DEFAULT_LAMBDA)),
        arch_kwargs=arch_kwargs,
    )


def _convert(architecture: str, keras_path: str, value, expected: tuple):
    """``value`` as a float32 array of shape ``expected``, or None if its shape does not fit."""
    array = np.asarray(value)
    if tuple(array.shape) == expected:
        return array.astype(np.float32)
    if (architecture == "nature" and len(expected) == 1 and array.ndim == 4
            and tuple(array.shape) == (1, expected[0], 1, 1)
            and keras_path in ("c1/bias", "c2/bias", "c3/bias")):
        return array.reshape(expected).astype(np.float32)
    return None


def params_to_weights(agent: Agent, params: dict) -> dict[str, np.ndarray]:
    """Map a TF1 params dict onto ``agent``'s Keras weight paths.

    Names containing ``optimizer``, ``kbuf`` or ``vbuf`` are ignored; everything else must match
    the table exactly. All problems are raised together in one ``ValueError``.
    """
    meta = agent.metadata
    table = name_table(meta.architecture, meta.arch_kwargs)
    expected_shapes = {k: tuple(v.shape) for k, v in agent.get_weights().items()}
    unmapped = sorted(set(expected_shapes) - set(table.values()))
    if unmapped:  # a bug in the table, not in the checkpoint
        raise RuntimeError(f"name table for {meta.architecture} misses Keras weights {unmapped}")
    weights, problems = {}, []
    for tf_name in sorted(table):
        if tf_name not in params:
            problems.append(f"  missing: {tf_name}")
            continue
        keras_path = table[tf_name]
        expected = expected_shapes[keras_path]
        converted = _convert(meta.architecture, keras_path, params[tf_name], expected)
        if converted is None:
            problems.append(f"  wrong shape: {tf_name}: got {tuple(np.shape(params[tf_name]))}, "
                            f"expected {expected} (Keras {keras_path})")
        else:
            weights[keras_path] = converted
    for tf_name in sorted(params):
        if tf_name not in table and not _is_ignored(tf_name):
            problems.append(f"  unexpected: {tf_name}")
    if problems:
        raise ValueError(f"parameters do not match the {meta.architecture} network "
                         f"(observation shape {meta.observation_shape}, {meta.num_actions} "
                         f"actions):\n" + "\n".join(problems))
    return weights


def load_original_checkpoint(path: str, *, env_kind: str | None = None,
                             env_name: str | None = None, observation_shape=None,
                             num_actions: int | None = None) -> Agent:
    """Import an original rl_clarity / Baselines joblib checkpoint as an :class:`Agent`.

    ``env_kind``, ``env_name``, ``observation_shape`` and ``num_actions`` override what the
    checkpoint's args and params imply. Raises ``FileNotFoundError`` for a missing file and
    ``ValueError`` (naming the file) for anything that cannot be imported.
    """
    path = str(path)
    data = _read(path)
    params = {str(k): v for k, v in data["params"].items()}
    args = dict(data.get("args") or {})
    try:
        metadata = metadata_from_args(args, params, env_kind=env_kind, env_name=env_name,
                                      observation_shape=observation_shape,
                                      num_actions=num_actions)
        agent = Agent.build(metadata)
        agent.set_weights(params_to_weights(agent, params))
    except ValueError as e:
        raise ValueError(f"original checkpoint {path!r}: {e}") from e
    return agent
