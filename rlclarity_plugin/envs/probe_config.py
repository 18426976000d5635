"""What a probe set collects (no TensorFlow import)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ProbeConfig:
    """What to collect (the original's ``trajectories_kwargs`` and ``observations_kwargs``)."""

    traj_envs: int = 8
    traj_steps: int = 512
    obs_envs: int = 32
    obs_per_env: int = 128
    obs_every: int = 128
    greedy: bool = False
    seed: int = 0
    env_kwargs: dict = field(default_factory=dict)
    full_resolution: bool = False  # also keep human-scale frames (procgen: 512x512, WebP)

    def __post_init__(self):
        for name in ("traj_envs", "traj_steps", "obs_envs", "obs_per_env", "obs_every"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, got {getattr(self, name)}")
