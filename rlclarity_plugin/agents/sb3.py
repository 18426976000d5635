"""Stable-Baselines3 ``PPO`` / ``A2C`` models on the torch backend (:mod:`.torch_backend`).

* :func:`sb3_agent`: an in-memory model (or its ``ActorCriticPolicy``) as an :class:`~.agent.Agent`.
  The agent holds a copy of the policy, so later training does not change it and analysing it
  does not disturb training.
* :func:`load_sb3`: a ``.zip`` written by ``model.save`` (``sb3:PATH``, or found by content by
  :func:`is_sb3_checkpoint`). The algorithm is read from the file's ``data`` before anything is
  unpickled: PPO and A2C load, anything else (DQN, SAC, sb3-contrib, a corrupt file) is refused
  with one line naming the file.

How the policy runs: observations reach the interface as uint8 ``(B, H, W, C)``; an SB3 CNN
policy takes them channel-first (SB3 wraps image envs in ``VecTransposeImage``) as floats
0..255 and divides by 255 itself in ``preprocess_obs`` when ``normalize_images`` holds (not
otherwise), so the spec gives it 0..255 (``input_scale=1``) in its own layout. Outputs: features
(``extract_features``) -> ``mlp_extractor`` -> ``action_net`` (the logits, unnormalised, of a
categorical distribution: ``softmax`` of them is the policy) and ``value_net``. With
``share_features_extractor=False`` the actor and the critic have their own extractors.

Cut points are the modules inside the features extractor(s), named by their path in it:
``cnn.1``, ``cnn.3``, ``cnn.5`` (NatureCNN's ReLUs, channel-last ``(h, w, c)``), ``linear.1``...;
with separate extractors ``pi_cnn.1`` (reaches the logits only) and ``vf_cnn.1`` (the value
only): attributing the other output there is refused, saying why.

SB3 files do not record their environment: pass ``env_kind`` / ``env_name`` (``--env-kind`` /
``--env``); an Atari agent trained on ``make_atari_env`` + ``VecFrameStack`` wants env kind
``sb3-atari`` (:mod:`rlclarity_plugin.envs.sb3_env`) with its gymnasium id.
"""

from __future__ import annotations

import io
import json
import zipfile

from ..store import files

SB3_MEMBERS = ("data", "policy.pth")
SB3_ALGORITHMS = ("PPO", "A2C")
DEFAULT_ENV_KIND = "sb3-atari"
# SB3's defaults, for a bare policy that does not say what it was trained with
DEFAULT_GAMMA = 0.99
DEFAULT_GAE_LAMBDA = 0.95


def is_sb3_checkpoint(path: str) -> bool:
    """True for a zip archive holding SB3's ``data`` and ``policy.pth`` (read by content, not
    by name); False for anything else, including missing files."""
    try:
        if not files.isfile(path):
            return False
        head = files.read(path, 0, 4)
        if head != b"PK\x03\x04":
            return False
        with zipfile.ZipFile(io.BytesIO(files.read(path))) as z:
            names = set(z.namelist())
    except (OSError, ValueError, zipfile.BadZipFile):
        return False
    return all(m in names for m in SB3_MEMBERS)


# ---------------------------------------------------------------------------------- the file
def _not_sb3(path: str, why: str) -> ValueError:
    return ValueError(f"{path!r} is not a Stable-Baselines3 PPO/A2C model: {why}; expected a "
                      ".zip written by model.save()")


def read_sb3_zip(path: str) -> tuple[bytes, dict]:
    """The file's bytes and its ``data`` JSON; ``ValueError`` naming the file if it is not an
    SB3 zip (``FileNotFoundError`` if it does not exist)."""
    if not files.exists(path):
        raise FileNotFoundError(f"no checkpoint at {path!r}")
    if not files.isfile(path):
        raise _not_sb3(path, "it is a folder")
    raw = files.read(path)
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            names = set(z.namelist())
            missing = [m for m in SB3_MEMBERS if m not in names]
            if missing:
                raise _not_sb3(path, f"the zip lacks {' and '.join(missing)}")
            data = json.loads(z.read("data"))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as e:
        raise _not_sb3(path, f"it is not a readable zip archive ({type(e).__name__}: "
                             f"{_first_line(e)})") from e
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise _not_sb3(path, f"its 'data' is not JSON ({type(e).__name__})") from e
    if not isinstance(data, dict):
        raise _not_sb3(path, "its 'data' is not a JSON object")
    return raw, data


def sb3_algorithm(data: dict, path: str = "the file") -> str:
    """``PPO`` or ``A2C`` from a saved model's ``data`` (its hyper-parameters); ``ValueError``
    naming the algorithm for anything else."""
    policy_module = str((data.get("policy_class") or {}).get("__module__", ""))
    if policy_module.startswith("sb3_contrib"):
        raise ValueError(f"{path!r} holds an sb3-contrib model (policy from {policy_module}); "
                         f"rl-clarity reads Stable-Baselines3 {' and '.join(SB3_ALGORITHMS)} "
                         "models only")
    if "buffer_size" in data or "replay_buffer_class" in data:
        parts = policy_module.split(".")
        algo = parts[1].upper() if len(parts) > 2 and parts[0] == "stable_baselines3" else ""
        raise ValueError(f"{path!r} holds a Stable-Baselines3 {algo or 'off-policy'} model, an "
                         f"off-policy agent with no policy/value network (Q-values or a "
                         f"continuous actor); rl-clarity reads {' and '.join(SB3_ALGORITHMS)} "
                         "models only")
    if "clip_range" in data and "n_epochs" in data:
        return "PPO"
    if "n_steps" in data and "gae_lambda" in data:
        return "A2C"
    raise ValueError(f"{path!r}: cannot tell which Stable-Baselines3 algorithm saved it (its "
                     f"data has none of PPO's or A2C's settings); rl-clarity reads "
                     f"{' and '.join(SB3_ALGORITHMS)} models only")


def load_sb3(path: str, *, device: str = "auto", env_kind=None, env_name=None, env_kwargs=None):
    """An :class:`~.agent.Agent` from an SB3 ``PPO`` / ``A2C`` zip (local or remote path).

    ``env_kind`` (default ``sb3-atari``), ``env_name`` (required: the files do not record it)
    and ``env_kwargs``: the environment to collect probe sets from (made once here, which
    checks its kind, name and options and gives the action names; whether its observations fit
    the model is checked where it is used). Raises ``ValueError`` (one line, naming the file)
    for anything that is not a readable PPO/A2C zip or an unusable environment.
    """
    from .torch_backend import resolve_device

    raw, data = read_sb3_zip(path)
    algorithm = sb3_algorithm(data, path)
    torch_device = resolve_device(device)
    _require_env(env_name)
    _check_env_kind(env_kind or DEFAULT_ENV_KIND)
    model = _load_model(algorithm, raw, torch_device, path)
    try:
        return _agent(model.policy, model, env_kind, env_name, env_kwargs, torch_device,
                      None)
    except ValueError as e:
        raise ValueError(f"{path!r}: {e}") from e


def _load_model(algorithm: str, raw: bytes, device, path: str):
    try:
        from stable_baselines3 import A2C, PPO
    except ImportError as e:
        from .. import missing_extra

        raise missing_extra("stable_baselines3", "sb3", "Stable-Baselines3 checkpoints", e) from e

    cls = {"PPO": PPO, "A2C": A2C}[algorithm]
    try:
        return cls.load(io.BytesIO(raw), device=device)
    except Exception as e:  # torch, pickle and zip errors alike mean an unreadable model
        raise ValueError(f"cannot load {algorithm} model {path!r} with Stable-Baselines3: "
                         f"{type(e).__name__}: {_first_line(e)}") from e


# ---------------------------------------------------------------------------------- the agent
def sb3_agent(model_or_policy, *, env_kind=None, env_name=None, env_kwargs=None,
              device: str = "auto", training_step: int | None = None):
    """An in-memory SB3 ``PPO`` / ``A2C`` (or its ``ActorCriticPolicy``) as an
    :class:`~.agent.Agent` on the torch backend (a copy of the policy; see the module docstring).

    ``env_name`` is required (``env_kind`` defaults to ``sb3-atari``); the environment is made
    once to check its kind, name and options. ``training_step`` defaults to
    ``model.num_timesteps`` (0 for a bare policy, whose gamma and GAE lambda are then SB3's
    defaults, 0.99 and 0.95).
    """
    from .torch_backend import resolve_device

    policy, model = _policy_and_model(model_or_policy)
    _require_env(env_name)
    torch_device = resolve_device(device)
    return _agent(_copy_policy(policy, torch_device), model, env_kind, env_name, env_kwargs,
                  torch_device, training_step)


def _copy_policy(policy, device):
    """A copy of an SB3 policy built as SB3's own ``BasePolicy.load`` builds one (its class
    with its constructor parameters, then its weights): nothing is pickled, so extractors
    defined in a notebook or a function copy too, and ``copy.deepcopy`` would fail on the
    distribution a policy keeps from its last forward pass."""
    clone = type(policy)(**policy._get_constructor_parameters())
    clone.load_state_dict(policy.state_dict())
    return clone.to(device)


def _policy_and_model(obj):
    """``(policy, model or None)`` of a PPO/A2C model or an ``ActorCriticPolicy``."""
    from stable_baselines3.common.base_class import BaseAlgorithm
    from stable_baselines3.common.policies import ActorCriticPolicy

    if isinstance(obj, BaseAlgorithm):
        if not isinstance(obj.policy, ActorCriticPolicy):
            raise ValueError(f"a {type(obj).__name__} model has a {type(obj.policy).__name__}, "
                             f"not an actor-critic policy; rl-clarity reads "
                             f"{' and '.join(SB3_ALGORITHMS)} models only")
        return obj.policy, obj
    if isinstance(obj, ActorCriticPolicy):
        return obj, None
    raise ValueError(f"expected a Stable-Baselines3 PPO or A2C model or its ActorCriticPolicy, "
                     f"got {type(obj).__module__}.{type(obj).__name__}")


def _require_env(env_name) -> None:
    if env_name is None:
        raise ValueError("Stable-Baselines3 models do not record their environment: pass "
                         "--env-kind and --env (env_kind=, env_name=), e.g. --env-kind sb3-atari "
                         "--env PongNoFrameskip-v4 for an agent trained on make_atari_env")


def _check_categorical(policy) -> int:
    """The number of actions of a policy with a categorical action distribution."""
    from stable_baselines3.common.distributions import CategoricalDistribution

    if not isinstance(policy.action_dist, CategoricalDistribution):
        raise ValueError(f"the policy's actions follow a {type(policy.action_dist).__name__} "
                         f"(action space {policy.action_space}); rl-clarity attributes the "
                         "logits of a categorical distribution (a Discrete action space) only")
    return int(policy.action_space.n)


def _image_layout(policy) -> tuple[tuple, bool, float]:
    """``(observation_shape (H, W, C), channels_first, input_scale)`` of the policy's input."""
    import numpy as np
    from gymnasium import spaces
    from stable_baselines3.common.preprocessing import is_image_space_channels_first

    space = policy.observation_space
    if not isinstance(space, spaces.Box) or len(space.shape) != 3:
        raise ValueError(f"the policy takes observations from {space}; rl-clarity reads image "
                         "observations only: a Box of shape (C, H, W) or (H, W, C)")
    first = is_image_space_channels_first(space)
    c, h, w = space.shape if first else (space.shape[2], *space.shape[:2])
    # uint8 pixels reach the policy as floats 0..255 (it divides by 255 itself when it
    # normalises images); a float space bounded by 1 was scaled to [0, 1] by the env
    unit = np.issubdtype(space.dtype, np.floating) and float(np.max(space.high)) <= 1.0
    return (int(h), int(w), int(c)), bool(first), (1.0 / 255.0 if unit else 1.0)


def _extractor_layers(policy) -> dict:
    """Cut-point name -> module path: every module inside the features extractor(s)."""
    roots = ({"": "features_extractor"} if policy.share_features_extractor
             else {"pi_": "pi_features_extractor", "vf_": "vf_features_extractor"})
    layers = {}
    for prefix, root in roots.items():
        for path, _ in policy.get_submodule(root).named_modules():
            if path:
                layers[prefix + path] = f"{root}.{path}"
    return layers


def policy_outputs(policy, x):
    """``(logits (B, A), value (B, 1))`` of an SB3 actor-critic policy for its input ``x``
    (float, the policy's own layout, 0..255 for uint8 image spaces)."""
    features = policy.extract_features(x)
    if policy.share_features_extractor:
        latent_pi, latent_vf = policy.mlp_extractor(features)
    else:
        pi_features, vf_features = features
        latent_pi = policy.mlp_extractor.forward_actor(pi_features)
        latent_vf = policy.mlp_extractor.forward_critic(vf_features)
    return policy.action_net(latent_pi), policy.value_net(latent_vf)


def _spec(policy):
    from .torch_backend import TorchSpec

    _, channels_first, input_scale = _image_layout(policy)
    return TorchSpec(outputs=policy_outputs, channels_first=channels_first,
                     input_scale=input_scale, layers=_extractor_layers(policy))


def _check_env_kind(env_kind) -> None:
    from ..envs import ENV_KINDS

    if env_kind not in ENV_KINDS:
        raise ValueError(f"unknown environment kind {env_kind!r}; expected one of "
                         f"{', '.join(ENV_KINDS)}")


def _action_combos(env_kind, env_name, env_kwargs, num_actions):
    """Make the environment once (unknown kinds, names and options fail here, clearly) and
    return its action names when it has the model's number of actions. Whether its
    observations fit the model is checked where it is used (probe sets, evaluation), after
    the options given there (``--env-option``) apply."""
    from ..envs import make_env

    _check_env_kind(env_kind)
    with make_env(env_kind, env_name, 1, seed=0, **dict(env_kwargs or {})) as env:
        if int(env.num_actions) != num_actions or env.action_combos is None:
            return None
        return tuple(tuple(c) for c in env.action_combos)


def _agent(policy, model, env_kind, env_name, env_kwargs, device, training_step):
    from .torch_backend import torch_agent

    num_actions = _check_categorical(policy)
    observation_shape, _, _ = _image_layout(policy)
    env_kind = env_kind or DEFAULT_ENV_KIND
    combos = _action_combos(env_kind, env_name, env_kwargs, num_actions)
    if training_step is None:
        training_step = int(model.num_timesteps) if model is not None else 0
    arch_kwargs = {
        "algorithm": type(model).__name__ if model is not None else None,
        "policy": type(policy).__name__,
        "features_extractor": type(policy.pi_features_extractor).__name__,
        "share_features_extractor": bool(policy.share_features_extractor),
        "normalize_images": bool(policy.normalize_images),
    }
    return torch_agent(
        policy, _spec(policy), observation_shape=observation_shape, num_actions=num_actions,
        env_kind=env_kind, env_name=str(env_name), env_kwargs=dict(env_kwargs or {}),
        action_combos=combos, gamma=float(getattr(model, "gamma", DEFAULT_GAMMA)),
        lam=float(getattr(model, "gae_lambda", DEFAULT_GAE_LAMBDA)),
        training_step=int(training_step), architecture="sb3", device=device,
        arch_kwargs=arch_kwargs)


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0][:200] if lines else "no details"


__all__ = ["is_sb3_checkpoint", "load_sb3", "policy_outputs", "read_sb3_zip", "sb3_agent",
           "sb3_algorithm"]
