"""PPO options (no TensorFlow import, so the CLI can show them quickly)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..configs import Config, about, check_env_kwargs, env_option_shortcuts, option

ARCHITECTURES = ("clear", "impala", "nature")


@dataclass(frozen=True)
class PPOConfig(Config):
    """PPO options (the original's defaults). For procgen, ``env_kwargs`` gets
    ``distribution_mode="easy"`` unless it names one."""

    env_kind: str = option("procgen", choices=("procgen", "atari"), help="environment kind")
    env_name: str = option("coinrun", flag="--env", help="environment name")
    env_kwargs: dict = field(default_factory=dict, metadata=about(
        flag="--env-option", metavar="KEY=VALUE",
        shortcuts=env_option_shortcuts("distribution_mode", "num_levels", "start_level"),
        help="any other environment option, repeatable"))
    architecture: str = option("clear", flag="--arch", choices=ARCHITECTURES,
                               help="network architecture")
    num_envs: int = option(64, help="parallel envs")
    num_steps: int = option(256, help="steps per rollout")
    num_minibatches: int = option(8, help="minibatches per epoch")
    ppo_epochs: int = option(3, help="epochs per update")
    learning_rate: float = option(5e-4, help="Adam learning rate")
    entropy_coeff: float = option(0.01, help="entropy bonus coefficient")
    vf_coeff: float = option(0.5, help="value loss coefficient")
    clip_range: float = option(0.2, help="PPO clip range (policy ratio and value)")
    max_grad_norm: float = option(0.5, help="gradient norm clip")
    gamma: float = option(0.999, help="discount")
    lam: float = option(0.95, help="GAE lambda")
    total_timesteps: int = option(2_000_000, flag="--timesteps", help="total environment steps")
    save_interval: int = option(10, help="updates between checkpoints")
    seed: int = option(0, help="random seed")

    def __post_init__(self):
        check_env_kwargs(self)
        if self.env_kind == "procgen" and "distribution_mode" not in self.env_kwargs:
            self._set("env_kwargs", {"distribution_mode": "easy", **self.env_kwargs})
        self._check_choice("architecture", ARCHITECTURES)
        for name in ("num_envs", "num_steps", "num_minibatches", "ppo_epochs", "save_interval",
                     "total_timesteps"):
            self._check_int(name, 1)
        self._check_int("seed", 0)
        if self.num_envs * self.num_steps % self.num_minibatches:
            self._fail("num_minibatches", f"must divide num_envs*num_steps "
                                          f"({self.num_envs * self.num_steps})")
        self._check_number("learning_rate", positive=True)
        self._check_number("clip_range", positive=True)
        self._check_number("max_grad_norm", positive=True)
        for name in ("entropy_coeff", "vf_coeff"):
            self._check_number(name, low=0)
        for name in ("gamma", "lam"):
            self._check_number(name, low=0, high=1)

    @property
    def batch_size(self) -> int:
        return self.num_envs * self.num_steps
