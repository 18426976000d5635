"""PPO options (no TensorFlow import, so the CLI can show them quickly)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PPOConfig:
    """PPO options (the original's defaults)."""

    env_kind: str = "procgen"
    env_name: str = "coinrun"
    env_kwargs: dict = field(default_factory=lambda: {"distribution_mode": "easy"})
    architecture: str = "clear"
    num_envs: int = 64
    num_steps: int = 256
    num_minibatches: int = 8
    ppo_epochs: int = 3
    learning_rate: float = 5e-4
    entropy_coeff: float = 0.01
    vf_coeff: float = 0.5
    clip_range: float = 0.2
    max_grad_norm: float = 0.5
    gamma: float = 0.999
    lam: float = 0.95
    total_timesteps: int = 2_000_000
    save_interval: int = 10
    seed: int = 0

    def __post_init__(self):
        if self.num_envs * self.num_steps % self.num_minibatches:
            raise ValueError(f"num_envs*num_steps ({self.num_envs * self.num_steps}) must be "
                             f"divisible by num_minibatches ({self.num_minibatches})")
        for name in ("num_envs", "num_steps", "num_minibatches", "ppo_epochs", "save_interval"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, got {getattr(self, name)}")

    @property
    def batch_size(self) -> int:
        return self.num_envs * self.num_steps
