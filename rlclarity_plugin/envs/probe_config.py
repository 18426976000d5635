"""What a probe set collects (no TensorFlow import)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..configs import Config, about, check_env_kwargs, env_option_shortcuts, option


@dataclass(frozen=True)
class ProbeConfig(Config):
    """What to collect (the original's ``trajectories_kwargs`` and ``observations_kwargs``)."""

    traj_envs: int = option(8, help="trajectories")
    traj_steps: int = option(512, help="steps per trajectory")
    obs_envs: int = option(32, help="envs for sampled observations")
    obs_per_env: int = option(128, help="observations kept per env")
    obs_every: int = option(128, help="steps between kept observations")
    greedy: bool = option(False, help="argmax actions instead of sampling")
    seed: int = option(0, help="seed of the environments and of the sampled actions")
    env_kwargs: dict = field(default_factory=dict, metadata=about(
        flag="--env-option", metavar="KEY=VALUE",
        shortcuts=env_option_shortcuts("start_level", "num_levels"),
        help="override an environment option of the agent's, repeatable"))
    full_resolution: bool = option(
        False, help="also keep every frame drawn at human scale (procgen: 512x512, WebP "
                    "quality 85), shown by the tab and the export; attribution is still "
                    "computed on the model input")

    def __post_init__(self):
        for name in ("traj_envs", "traj_steps", "obs_envs", "obs_per_env", "obs_every"):
            self._check_int(name, 1)
        self._check_int("seed", 0)
        check_env_kwargs(self)
