"""Stable-Baselines3's own Atari stack behind :class:`VectorEnv` (env kind ``sb3-atari``).

An SB3 Atari agent is trained on ``VecFrameStack(make_atari_env(game_id, n_envs, seed), 4)``:
SB3's ``AtariWrapper`` (no-op reset, frame skip with max-pooling, episodic life, FIRE reset,
84x84 grey by OpenCV's area resize, reward clipping) and a frame stack that zero-fills after
every episode start. That differs from the ``atari`` kind (:mod:`.atari_env`), so this kind runs
SB3's stack itself: the frames a probe set holds are the frames the agent saw in training.

``env_name`` is a gymnasium Atari id (``PongNoFrameskip-v4``, ``ALE/Pong-v5``). Options
(:data:`SB3_ATARI_KWARGS`): ``frame_stack`` and the ``AtariWrapper`` options by SB3's names, plus
``ale_frameskip``, ``ale_repeat_action_probability`` and ``full_action_space``, passed to
``gymnasium.make`` when given (by default the id's own settings, as ``make_atari_env`` uses
them). Environment ``i`` is seeded with ``seed + i`` as ``make_atari_env`` does.

Gym3 semantics as every :class:`VectorEnv`: ``firsts`` are SB3's ``dones`` of the last step (with
``terminal_on_life_loss``, a lost life starts an episode, as it did for the agent in training),
``rewards`` what SB3 gives (clipped to -1, 0, 1 unless ``clip_reward=False``). Observations are
uint8 ``(E, screen_size, screen_size, frame_stack)``, oldest frame first. To measure game
scores rather than what the agent was trained on (lives as episodes, clipped rewards), pass
``terminal_on_life_loss=false`` and ``clip_reward=false``. Needs OpenCV
(``pip install opencv-python-headless``).
"""

from __future__ import annotations

import difflib

import numpy as np

from .base import VectorEnv, check_actions

# option -> (type, default); None: not set (the gymnasium id's own setting)
SB3_ATARI_KWARGS = {
    "frame_stack": (int, 4),
    "noop_max": (int, 30),
    "frame_skip": (int, 4),
    "screen_size": (int, 84),
    "terminal_on_life_loss": (bool, True),
    "clip_reward": (bool, True),
    "action_repeat_probability": (float, 0.0),
    "ale_frameskip": (int, None),
    "ale_repeat_action_probability": (float, None),
    "full_action_space": (bool, None),
}
_WRAPPER_KEYS = ("noop_max", "frame_skip", "screen_size", "terminal_on_life_loss", "clip_reward",
                 "action_repeat_probability")
_MAKE_KEYS = {"ale_frameskip": "frameskip",
              "ale_repeat_action_probability": "repeat_action_probability",
              "full_action_space": "full_action_space"}
_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")


def _import_sb3_atari():
    """gymnasium with the ALE ids registered, and SB3's Atari helpers; clear errors if absent."""
    try:
        import ale_py
        import gymnasium
    except ImportError as exc:  # pragma: no cover - depends on the installation
        from .. import missing_extra

        raise missing_extra(("ale_py", "gymnasium"), "atari", "sb3-atari environments",
                            exc) from exc
    try:
        import cv2  # noqa: F401  (SB3's WarpFrame resizes with OpenCV)
    except ImportError as exc:  # pragma: no cover - depends on the installation
        from .. import missing_extra

        raise missing_extra("cv2", "sb3", "sb3-atari environments (SB3's WarpFrame)",
                            exc) from exc
    gymnasium.register_envs(ale_py)
    return gymnasium


def sb3_atari_ids() -> tuple[str, ...]:
    """Every gymnasium id of an ALE game (``PongNoFrameskip-v4``, ``ALE/Pong-v5``, ...)."""
    gymnasium = _import_sb3_atari()
    return tuple(sorted(env_id for env_id, spec in gymnasium.registry.items()
                        if str(spec.entry_point).startswith("ale_py")))


def resolve_sb3_atari_id(env_name: str) -> str:
    """Return ``env_name`` if it is a gymnasium ALE id; else raise ``ValueError`` with
    suggestions (a bare game name such as ``pong`` gets ``PongNoFrameskip-v4``)."""
    ids = sb3_atari_ids()
    name = str(env_name).strip()
    if name in ids:
        return name
    key = name.lower().replace("_", "").replace("-", "").replace(" ", "")
    games = {}
    for env_id in ids:  # "ALE/Pong-v5", "PongNoFrameskip-v4" -> game "Pong"
        game = env_id.removeprefix("ALE/").split("-")[0].removesuffix("NoFrameskip")
        games.setdefault(game.lower(), game)
    if key in games:
        game = games[key]
        close = [i for i in (f"{game}NoFrameskip-v4", f"ALE/{game}-v5") if i in ids]
    else:
        close = difflib.get_close_matches(name, list(ids), n=3)
    hint = f"did you mean {' or '.join(close)}? " if close else ""
    raise ValueError(f"unknown sb3-atari environment {name!r}; {hint}expected the gymnasium "
                     f"Atari id the agent was trained on, e.g. PongNoFrameskip-v4 or "
                     f"ALE/Pong-v5 ({len(ids)} ids; list them with "
                     f"rlclarity_plugin.envs.sb3_env.sb3_atari_ids())")


def _parse(key: str, typ: type, value):
    """``value`` (a Python value or a command-line string) as ``typ``; ValueError if it is not."""
    if typ is bool:
        if isinstance(value, str):
            low = value.strip().lower()
            if low not in _TRUE + _FALSE:
                raise ValueError(f"sb3-atari option {key} must be true or false, got {value!r}")
            return low in _TRUE
        if isinstance(value, (bool, np.bool_)) or value in (0, 1):
            return bool(value)
        raise ValueError(f"sb3-atari option {key} must be true or false, got {value!r}")
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = None
    if isinstance(value, bool) or number is None or not np.isfinite(number):
        raise ValueError(f"sb3-atari option {key} must be "
                         f"{'an integer' if typ is int else 'a number'}, got {value!r}")
    if typ is int:
        if number != int(number):
            raise ValueError(f"sb3-atari option {key} must be an integer, got {value!r}")
        return int(number)
    return number


def check_sb3_atari_kwargs(kwargs: dict) -> dict:
    """Validate sb3-atari options; returns them with defaults filled in (unset gymnasium options
    left out), types normalised. Raises ``ValueError`` naming the bad option."""
    out = {}
    for key, value in kwargs.items():
        if key not in SB3_ATARI_KWARGS:
            raise ValueError(f"unknown sb3-atari option {key!r}; expected one of "
                             f"{', '.join(sorted(SB3_ATARI_KWARGS))}")
        if value is not None:
            out[key] = _parse(key, SB3_ATARI_KWARGS[key][0], value)
    for key, (_, default) in SB3_ATARI_KWARGS.items():
        if default is not None:
            out.setdefault(key, default)
    for key in ("frame_stack", "frame_skip", "screen_size"):
        if out[key] < 1:
            raise ValueError(f"sb3-atari option {key} must be at least 1, got {out[key]}")
    if out.get("ale_frameskip", 1) < 1:
        raise ValueError(f"sb3-atari option ale_frameskip must be at least 1, got "
                         f"{out['ale_frameskip']}")
    if out["noop_max"] < 0:
        raise ValueError(f"sb3-atari option noop_max must be at least 0, got {out['noop_max']}")
    for key in ("action_repeat_probability", "ale_repeat_action_probability"):
        if key in out and not 0.0 <= out[key] <= 1.0:
            raise ValueError(f"sb3-atari option {key} must lie in [0, 1], got {out[key]}")
    return out


def make_sb3_atari_stack(env_id: str, num_envs: int, seed: int, options: dict):
    """SB3's ``VecFrameStack(make_atari_env(env_id, num_envs, seed, ...), frame_stack)`` for
    checked ``options`` (see :func:`check_sb3_atari_kwargs`); observations ``(E, H, W, stack)``."""
    _import_sb3_atari()
    from stable_baselines3.common.env_util import make_atari_env
    from stable_baselines3.common.vec_env import DummyVecEnv, VecFrameStack

    wrapper_kwargs = {k: options[k] for k in _WRAPPER_KEYS}
    env_kwargs = {_MAKE_KEYS[k]: options[k] for k in _MAKE_KEYS if k in options}
    venv = make_atari_env(env_id, n_envs=num_envs, seed=seed, wrapper_kwargs=wrapper_kwargs,
                          env_kwargs=env_kwargs, vec_env_cls=DummyVecEnv)
    return VecFrameStack(venv, options["frame_stack"])


class SB3AtariVectorEnv(VectorEnv):
    """``num_envs`` Atari games through SB3's own wrappers and frame stack (gym3 semantics,
    automatic resets by SB3's ``DummyVecEnv``)."""

    env_kind = "sb3-atari"

    def __init__(self, env_name: str, num_envs: int, seed: int = 0, **kwargs):
        self.env_kwargs = check_sb3_atari_kwargs(kwargs)
        self.env_name = resolve_sb3_atari_id(env_name)
        if int(num_envs) < 1:
            raise ValueError(f"num_envs must be at least 1, got {num_envs}")
        self.num_envs = int(num_envs)
        self._venv = make_sb3_atari_stack(self.env_name, self.num_envs, int(seed) % 2**31,
                                          self.env_kwargs)
        try:
            self.observation_shape = tuple(int(d) for d in self._venv.observation_space.shape)
            self.num_actions = int(self._venv.action_space.n)
            meanings = self._venv.venv.envs[0].unwrapped.get_action_meanings()
            self.action_combos = tuple((str(m),) for m in meanings)
            self._obs = np.array(self._venv.reset(), dtype=np.uint8)
        except Exception:
            self.close()
            raise
        self._rewards = np.zeros(self.num_envs, np.float32)
        self._firsts = np.ones(self.num_envs, bool)

    def observe(self):
        """``(rewards (E,), obs uint8 (E, H, W, frame_stack), firsts (E,))``."""
        return self._rewards, self._obs, self._firsts

    def act(self, actions) -> None:
        """Step every game once with integer ``actions (E,)`` in ``[0, num_actions)``."""
        actions = check_actions(actions, self.num_envs, self.num_actions)
        obs, rewards, dones, _ = self._venv.step(actions)
        self._obs = np.array(obs, dtype=np.uint8)
        self._rewards = np.asarray(rewards, np.float32)
        self._firsts = np.asarray(dones, bool)

    def close(self) -> None:
        venv = getattr(self, "_venv", None)
        if venv is not None:
            venv.close()
        self._venv = None


__all__ = ["SB3_ATARI_KWARGS", "SB3AtariVectorEnv", "check_sb3_atari_kwargs",
           "make_sb3_atari_stack", "resolve_sb3_atari_id", "sb3_atari_ids"]
