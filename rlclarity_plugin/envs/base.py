"""The vectorised environment interface every environment kind implements (gym3 semantics)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class EpisodeEnd:
    """How an episode ended, as far as the environment tells: the seed of the level it played
    and whether the level was completed (None where the environment does not report it)."""

    level_seed: int | None = None
    level_complete: bool | None = None


class VectorEnv:
    """``num_envs`` environments stepped in lock step, resetting automatically.

    Semantics are gym3's: :meth:`observe` returns ``(rewards (E,), obs uint8 (E, H, W, C),
    firsts (E,))`` where ``rewards`` is what the last :meth:`act` earned and ``firsts[i]`` is
    True when ``obs[i]`` starts a new episode (so the previous action ended one). Before the
    first :meth:`act`, rewards are zero and firsts are all True.

    Environments with levels also tell which level each env plays (:meth:`level_seeds`) and
    how the episode that just ended went (:meth:`episode_ends`: level seed, level completed);
    ``max_episode_steps`` is the step limit after which the environment cuts an episode (a
    "timed out" episode), None where there is none or it is not known.
    """

    env_kind: str = "custom"
    env_name: str = "unknown"
    env_kwargs: dict = {}
    num_envs: int
    observation_shape: tuple
    num_actions: int
    action_combos: tuple | None = None
    max_episode_steps: int | None = None

    def observe(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        raise NotImplementedError

    def act(self, actions: np.ndarray) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass

    full_resolution: bool = False

    def full_frames(self) -> np.ndarray:
        """The current states at human scale ``(E, H', W', 3)`` uint8, for environments made with
        ``full_resolution=True`` that support it."""
        raise ValueError(f"{self.env_kind} environments have no full-resolution frames")

    def level_seeds(self) -> list[int] | None:
        """The level seed each env is playing now (None: the environment has no level seeds)."""
        return None

    def episode_ends(self) -> list[EpisodeEnd]:
        """After an :meth:`observe` whose ``firsts[i]`` is True: entry ``i`` tells how env
        ``i``'s episode that just ended went (entries of the other envs mean nothing). The
        default reports nothing: ``EpisodeEnd(None, None)`` for every env."""
        return [EpisodeEnd()] * self.num_envs

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def check_actions(actions, num_envs: int, num_actions: int) -> np.ndarray:
    """``actions`` as int64 ``(num_envs,)``; ``ValueError`` unless they are whole numbers in
    ``[0, num_actions)``, one per environment."""
    actions = np.asarray(actions)
    if actions.shape != (num_envs,):
        raise ValueError(f"expected {num_envs} actions, got shape {actions.shape}")
    if not np.issubdtype(actions.dtype, np.integer):
        if not np.all(np.equal(np.mod(actions, 1), 0)):
            raise ValueError(f"actions must be integers, got {actions}")
    actions = actions.astype(np.int64)
    if np.any(actions < 0) or np.any(actions >= num_actions):
        raise ValueError(f"actions must lie in [0, {num_actions}), got {actions}")
    return actions
