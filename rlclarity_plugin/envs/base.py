"""The vectorised environment interface every environment kind implements (gym3 semantics)."""

from __future__ import annotations

import numpy as np


class VectorEnv:
    """``num_envs`` environments stepped in lock step, resetting automatically.

    Semantics are gym3's: :meth:`observe` returns ``(rewards (E,), obs uint8 (E, H, W, C),
    firsts (E,))`` where ``rewards`` is what the last :meth:`act` earned and ``firsts[i]`` is
    True when ``obs[i]`` starts a new episode (so the previous action ended one). Before the
    first :meth:`act`, rewards are zero and firsts are all True.
    """

    env_kind: str = "custom"
    env_name: str = "unknown"
    env_kwargs: dict = {}
    num_envs: int
    observation_shape: tuple
    num_actions: int
    action_combos: tuple | None = None

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
