"""Environments (procgen, Atari, SB3's Atari stack) behind one vectorised interface, and
probe-set collection."""

from __future__ import annotations

from .base import VectorEnv
from .procgen_env import PROCGEN_ENV_NAMES

ENV_KINDS = ("procgen", "atari", "sb3-atari")


def make_env(env_kind: str, env_name: str, num_envs: int, seed: int = 0,
             full_resolution: bool = False, **kwargs) -> VectorEnv:
    """Create ``num_envs`` environments of a kind (``procgen``, ``atari`` or ``sb3-atari``:
    Stable-Baselines3's own Atari wrappers, :mod:`.sb3_env`) and name.

    ``full_resolution``: also draw every state at human scale (``env.full_frames()``; procgen
    only, 512x512). Unknown kinds, names and options raise ``ValueError`` before anything starts.
    """
    if num_envs < 1:
        raise ValueError(f"num_envs must be at least 1, got {num_envs}")
    if env_kind == "procgen":
        from .procgen_env import ProcgenVectorEnv

        return ProcgenVectorEnv(env_name, num_envs, seed=seed, full_resolution=full_resolution,
                                **kwargs)
    if full_resolution:
        raise ValueError(f"full-resolution frames are available for procgen only, not "
                         f"{env_kind}")
    if env_kind == "atari":
        from .atari_env import AtariVectorEnv

        return AtariVectorEnv(env_name, num_envs, seed=seed, **kwargs)
    if env_kind == "sb3-atari":
        from .sb3_env import SB3AtariVectorEnv

        return SB3AtariVectorEnv(env_name, num_envs, seed=seed, **kwargs)
    raise ValueError(f"unknown environment kind {env_kind!r}; expected one of "
                     f"{', '.join(ENV_KINDS)}")


def check_agent_fits_env(agent, env: VectorEnv) -> None:
    """Raise ``ValueError`` unless the agent's observation shape and action count match ``env``."""
    meta = agent.metadata
    if tuple(meta.observation_shape) != tuple(env.observation_shape):
        raise ValueError(f"the agent expects observations of shape "
                         f"{tuple(meta.observation_shape)} but {env.env_kind}:{env.env_name} "
                         f"produces {tuple(env.observation_shape)}")
    if meta.num_actions != env.num_actions:
        raise ValueError(f"the agent has {meta.num_actions} actions but {env.env_kind}:"
                         f"{env.env_name} has {env.num_actions}")


__all__ = ["ENV_KINDS", "PROCGEN_ENV_NAMES", "VectorEnv", "check_agent_fits_env", "make_env"]
