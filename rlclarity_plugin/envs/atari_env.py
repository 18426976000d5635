"""Atari games (gymnasium + ale-py) behind :class:`VectorEnv`, with DeepMind-style preprocessing.

Each game runs the ALE with no frame skipping of its own and no sticky actions (the
``NoFrameskip-v4`` behaviour) unless ``sticky_actions=True``; this module then applies the usual
DeepMind / Baselines preprocessing, written in numpy so that OpenCV is not needed:

* up to ``noop_max`` (30) no-op frames after every reset, their number drawn at random;
* FIRE (then action 2) after every reset in games whose action 1 is FIRE, as Baselines'
  ``FireResetEnv`` does;
* every action repeated ``frame_skip`` (4) frames, rewards summed, the observation the
  pixel-wise maximum of the last two frames;
* ALE grayscale, resized from 210x160 to 84x84 by area averaging;
* the last ``frame_stack`` (4) frames stacked on the channel axis, giving uint8
  observations of shape ``(84, 84, frame_stack)``; after a reset the stack holds copies
  of the first frame.

Episodes end when the game does (no "episodic life"); rewards are the raw game scores,
not clipped.
"""

from __future__ import annotations

import difflib

import numpy as np

from .base import VectorEnv, check_actions

OBS_SIZE = 84
# Frames the ALE allows per episode before truncating it (108k frames = 30 minutes at 60 Hz).
MAX_EPISODE_FRAMES = 108_000

# Options of AtariVectorEnv, with their types and defaults.
ATARI_KWARGS = {
    "frame_stack": (int, 4),
    "noop_max": (int, 30),
    "frame_skip": (int, 4),
    "sticky_actions": (bool, False),
}
STICKY_ACTION_PROBABILITY = 0.25

_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")


def _import_ale():
    try:
        import ale_py
        import gymnasium
    except ImportError as exc:  # pragma: no cover - depends on the installation
        from .. import missing_extra

        raise missing_extra(("ale_py", "gymnasium"), "atari", "Atari environments", exc) from exc
    gymnasium.register_envs(ale_py)
    return gymnasium, ale_py


def _game_ids() -> dict[str, str]:
    """Map each ALE game id (``breakout``, ``space_invaders``) to its gymnasium id."""
    gymnasium, _ = _import_ale()
    out = {}
    for env_id, spec in gymnasium.registry.items():
        if env_id.startswith("ALE/") and env_id.endswith("-v5"):
            game = (spec.kwargs or {}).get("game")
            if isinstance(game, str):
                out[game] = env_id
    return out


def atari_game_names() -> tuple[str, ...]:
    """The ALE game ids accepted as ``env_name`` (e.g. ``breakout``, ``pong``)."""
    return tuple(sorted(_game_ids()))


def resolve_atari_name(env_name: str) -> tuple[str, str]:
    """Return ``(game id, gymnasium id)`` for a game name; raise ``ValueError`` if unknown.

    Names are case-insensitive and underscores are optional (``spaceinvaders`` and
    ``space_invaders`` both name Space Invaders).
    """
    ids = _game_ids()
    key = str(env_name).strip().lower().replace("-", "_")
    if key in ids:
        return key, ids[key]
    squashed = {game.replace("_", ""): game for game in ids}
    if key.replace("_", "") in squashed:
        game = squashed[key.replace("_", "")]
        return game, ids[game]
    close = difflib.get_close_matches(key, list(ids), n=3)
    hint = f"did you mean {', '.join(close)}? " if close else ""
    examples = ", ".join(g for g in ("breakout", "pong", "space_invaders", "seaquest",
                                     "ms_pacman", "qbert") if g in ids)
    raise ValueError(f"unknown Atari game {env_name!r}; {hint}expected an ALE game id such as "
                     f"{examples} ({len(ids)} games; list them with "
                     f"rlclarity_plugin.envs.atari_env.atari_game_names())")


def check_atari_kwargs(kwargs: dict) -> dict:
    """Validate Atari options; returns all of them, defaults filled in, types normalised."""
    out = {}
    for key, value in kwargs.items():
        if key not in ATARI_KWARGS:
            raise ValueError(f"unknown Atari option {key!r}; expected one of "
                             f"{', '.join(sorted(ATARI_KWARGS))}")
        typ = ATARI_KWARGS[key][0]
        if typ is bool:
            if isinstance(value, str):
                low = value.strip().lower()
                if low not in _TRUE + _FALSE:
                    raise ValueError(f"Atari option {key} must be true or false, got {value!r}")
                value = low in _TRUE
            out[key] = bool(value)
        else:
            try:
                number = int(value)
                exact = isinstance(value, str) or float(value) == number
            except (TypeError, ValueError):
                exact = False
            if not exact or isinstance(value, bool):
                raise ValueError(f"Atari option {key} must be an integer, got {value!r}")
            out[key] = number
    for key, (_, default) in ATARI_KWARGS.items():
        out.setdefault(key, default)
    if out["frame_stack"] < 1:
        raise ValueError(f"frame_stack must be at least 1, got {out['frame_stack']}")
    if out["frame_skip"] < 1:
        raise ValueError(f"frame_skip must be at least 1, got {out['frame_skip']}")
    if out["noop_max"] < 0:
        raise ValueError(f"noop_max must be at least 0, got {out['noop_max']}")
    return out


def _area_matrix(n_in: int, n_out: int) -> np.ndarray:
    """``(n_out, n_in)`` weights averaging the input cells each output cell covers."""
    scale = n_in / n_out
    edges = np.arange(n_out + 1) * scale
    lo, hi = edges[:-1, None], edges[1:, None]
    cells = np.arange(n_in)[None, :]
    overlap = np.clip(np.minimum(hi, cells + 1) - np.maximum(lo, cells), 0.0, None)
    return (overlap / scale).astype(np.float32)


class _AreaResize:
    """Resize 2-D uint8 images to ``(h_out, w_out)`` by area averaging (like cv2.INTER_AREA)."""

    def __init__(self, h_in: int, w_in: int, h_out: int, w_out: int):
        self.rows = _area_matrix(h_in, h_out)      # (h_out, h_in)
        self.cols = _area_matrix(w_in, w_out).T    # (w_in, w_out)

    def __call__(self, image: np.ndarray) -> np.ndarray:
        out = self.rows @ image.astype(np.float32) @ self.cols
        return np.clip(np.rint(out), 0, 255).astype(np.uint8)


class AtariVectorEnv(VectorEnv):
    """``num_envs`` Atari games stepped in a Python loop (gym3 semantics, automatic resets).

    Environment ``i`` is seeded with ``seed + i`` (the ALE and the no-op draws), so two
    instances made with the same seed give identical observations for identical actions.
    """

    env_kind = "atari"

    def __init__(self, env_name: str, num_envs: int, seed: int = 0, **kwargs):
        self.env_kwargs = check_atari_kwargs(kwargs)
        game, gym_id = resolve_atari_name(env_name)
        if int(num_envs) < 1:
            raise ValueError(f"num_envs must be at least 1, got {num_envs}")
        gymnasium, _ = _import_ale()
        self.env_name = game
        self.num_envs = int(num_envs)
        self._frame_stack = self.env_kwargs["frame_stack"]
        self._frame_skip = self.env_kwargs["frame_skip"]
        self._noop_max = self.env_kwargs["noop_max"]
        sticky = STICKY_ACTION_PROBABILITY if self.env_kwargs["sticky_actions"] else 0.0

        self._envs = []
        try:
            for _ in range(self.num_envs):
                self._envs.append(gymnasium.make(
                    gym_id, obs_type="grayscale", frameskip=1,
                    repeat_action_probability=sticky, full_action_space=False,
                    max_num_frames_per_episode=MAX_EPISODE_FRAMES, disable_env_checker=True))
        except Exception:
            self.close()
            raise
        meanings = tuple(self._envs[0].unwrapped.get_action_meanings())
        if meanings[0] != "NOOP":  # every ALE minimal action set starts with NOOP
            self.close()
            raise ValueError(f"Atari game {game!r} has no NOOP action 0: {meanings}")
        self.num_actions = len(meanings)
        self.action_combos = tuple((m,) for m in meanings)
        self._fire_reset = len(meanings) >= 3 and meanings[1] == "FIRE"

        h, w = self._envs[0].observation_space.shape[:2]
        self._resize = _AreaResize(h, w, OBS_SIZE, OBS_SIZE)
        self.observation_shape = (OBS_SIZE, OBS_SIZE, self._frame_stack)

        seeds = [(int(seed) + i) % (2**31) for i in range(self.num_envs)]
        self._rngs = [np.random.default_rng(s) for s in seeds]
        stack = np.empty((self.num_envs, *self.observation_shape), np.uint8)
        for i, s in enumerate(seeds):
            stack[i] = self._reset_one(i, seed=s)[:, :, None]
        self._obs = stack
        self._rewards = np.zeros(self.num_envs, np.float32)
        self._firsts = np.ones(self.num_envs, bool)

    # -- single environments -------------------------------------------------------------------

    def _skip_step(self, i: int, action: int) -> tuple[np.ndarray | None, float, bool]:
        """Repeat ``action`` for ``frame_skip`` frames: (max of the last 2 frames, reward, done)."""
        env = self._envs[i]
        total = 0.0
        last = prev = None
        for _ in range(self._frame_skip):
            frame, reward, terminated, truncated, _ = env.step(action)
            total += float(reward)
            prev, last = last, frame
            if terminated or truncated:
                return None, total, True
        pooled = last if prev is None else np.maximum(prev, last)
        return self._resize(pooled), total, False

    def _reset_one(self, i: int, seed: int | None = None) -> np.ndarray:
        """Reset env ``i`` (no-ops, FIRE) and return its first preprocessed 84x84 frame."""
        env = self._envs[i]
        while True:
            frame, _ = env.reset(seed=seed)
            seed = None
            done = False
            noops = int(self._rngs[i].integers(1, self._noop_max + 1)) if self._noop_max else 0
            for _ in range(noops):
                frame, _, terminated, truncated, _ = env.step(0)
                if terminated or truncated:
                    done = True
                    break
            if done:
                continue
            out = self._resize(frame)
            if self._fire_reset:
                for action in (1, 2):
                    out, _, done = self._skip_step(i, action)
                    if done:
                        break
            if not done:
                return out

    # -- VectorEnv -----------------------------------------------------------------------------

    def observe(self):
        return self._rewards, self._obs, self._firsts

    def act(self, actions) -> None:
        actions = check_actions(actions, self.num_envs, self.num_actions)
        rewards = np.zeros(self.num_envs, np.float32)
        firsts = np.zeros(self.num_envs, bool)
        obs = np.empty_like(self._obs)
        for i, action in enumerate(actions.tolist()):
            frame, rewards[i], done = self._skip_step(i, int(action))
            if done:
                obs[i] = self._reset_one(i)[:, :, None]
                firsts[i] = True
            else:
                obs[i, :, :, :-1] = self._obs[i, :, :, 1:]
                obs[i, :, :, -1] = frame
        self._rewards, self._obs, self._firsts = rewards, obs, firsts

    def close(self) -> None:
        for env in getattr(self, "_envs", []):
            env.close()
        self._envs = []
