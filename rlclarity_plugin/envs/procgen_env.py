"""Procgen games (``procgen-mirror`` wheel, import name ``procgen``) as a :class:`VectorEnv`."""

from __future__ import annotations

import numpy as np

from .base import EpisodeEnd, VectorEnv

PROCGEN_ENV_NAMES = (
    "bigfish", "bossfight", "caveflyer", "chaser", "climber", "coinrun", "dodgeball", "fruitbot",
    "heist", "jumper", "leaper", "maze", "miner", "ninja", "plunder", "starpilot",
)

# Public keyword arguments of ProcgenGym3Env (procgen 0.10.7), with their expected types.
PROCGEN_KWARGS = {
    "distribution_mode": str,
    "num_levels": int,
    "start_level": int,
    "paint_vel_info": bool,
    "use_generated_assets": bool,
    "center_agent": bool,
    "use_sequential_levels": bool,
    "use_backgrounds": bool,
    "restrict_themes": bool,
    "use_monochrome_assets": bool,
    "debug_mode": int,
    "num_threads": int,
}
DISTRIBUTION_MODES = ("easy", "hard", "extreme", "memory", "exploration")
# procgen cuts every episode after this many steps (its C++ ``Game::timeout``; the 1000th
# action of an episode that has not ended starts a new one)
PROCGEN_TIMEOUT = 1000


def check_procgen_kwargs(env_name: str, kwargs: dict) -> dict:
    """Validate procgen options; returns them with their types normalised."""
    if env_name not in PROCGEN_ENV_NAMES:
        raise ValueError(f"unknown procgen environment {env_name!r}; expected one of "
                         f"{', '.join(PROCGEN_ENV_NAMES)}")
    out = {}
    for key, value in kwargs.items():
        if key not in PROCGEN_KWARGS:
            raise ValueError(f"unknown procgen option {key!r}; expected one of "
                             f"{', '.join(sorted(PROCGEN_KWARGS))}")
        typ = PROCGEN_KWARGS[key]
        if typ is bool and isinstance(value, str):
            value = value.lower() in ("1", "true", "yes")
        out[key] = typ(value)
    mode = out.get("distribution_mode", "hard")
    if mode not in DISTRIBUTION_MODES:
        raise ValueError(f"unknown distribution_mode {mode!r}; expected one of "
                         f"{', '.join(DISTRIBUTION_MODES)}")
    return out


class ProcgenVectorEnv(VectorEnv):
    """``num_envs`` procgen games stepped together (gym3 semantics, automatic resets)."""

    env_kind = "procgen"
    max_episode_steps = PROCGEN_TIMEOUT

    def __init__(self, env_name: str, num_envs: int, seed: int = 0, full_resolution: bool = False,
                 **kwargs):
        self.env_kwargs = check_procgen_kwargs(env_name, kwargs)
        try:
            from procgen import ProcgenGym3Env
        except ImportError as e:
            from .. import missing_extra

            raise missing_extra("procgen", "procgen", f"the procgen environment {env_name!r}", e,
                                "or, to analyse, collect the probe set where procgen is "
                                "installed and pass --probe-set") from e
        self.env_name = env_name
        self.num_envs = int(num_envs)
        # render_mode="rgb_array": procgen also draws each state at 512x512 into info["rgb"]
        extra = {"render_mode": "rgb_array"} if full_resolution else {}
        self._env = ProcgenGym3Env(num=self.num_envs, env_name=env_name,
                                   rand_seed=int(seed) % (2**31), **self.env_kwargs, **extra)
        self.full_resolution = bool(full_resolution)
        self.observation_shape = tuple(self._env.ob_space["rgb"].shape)
        self.num_actions = int(self._env.ac_space.eltype.n)
        self.action_combos = tuple(tuple(c) for c in self._env.combos)

    def observe(self):
        reward, obs, first = self._env.observe()
        return (np.asarray(reward, np.float32), np.asarray(obs["rgb"], np.uint8),
                np.asarray(first, bool))

    def act(self, actions) -> None:
        self._env.act(np.asarray(actions, np.int32))

    def close(self) -> None:
        self._env.close()

    def full_frames(self) -> np.ndarray:
        """The current states drawn at human scale, ``(E, 512, 512, 3)`` uint8 (only with
        ``full_resolution=True``)."""
        if not self.full_resolution:
            raise ValueError("this environment was made without full_resolution=True")
        return np.stack([np.asarray(info["rgb"], np.uint8) for info in self._env.get_info()])

    def level_seeds(self) -> list[int]:
        """The level seed each env is playing now (procgen reports it in its info)."""
        return [int(info.get("level_seed", -1)) for info in self._env.get_info()]

    def episode_ends(self) -> list[EpisodeEnd]:
        """The ended episode's level (info ``prev_level_seed``) and whether the agent completed
        it (``prev_level_complete``); procgen does not say why a level was not completed."""
        return [EpisodeEnd(int(info.get("prev_level_seed", -1)),
                           bool(info.get("prev_level_complete", 0)))
                for info in self._env.get_info()]
