"""Rollouts and probe sets: the frames an analysis is computed on.

A probe set holds

* **trajectories**: ``E`` envs x ``T`` consecutive steps: ``observations`` uint8 ``(E, T, H, W, C)``
  (the observation *before* acting), ``actions`` ``(E, T)``, ``rewards`` ``(E, T)`` (earned by
  that action), ``firsts`` ``(E, T)`` (the observation starts an episode), ``dones`` ``(E, T)``
  (that action ended the episode), ``logits`` ``(E, T, A)`` and ``values`` ``(E, T)`` of the
  collecting agent;
* **observations**: ``n`` envs, one frame every ``k`` steps, ``(rounds * n, H, W, C)`` with index
  ``round * n + env``: diverse frames for NMF fitting and dataset examples.

Defaults are the original's: 8 x 512 trajectories and 32 envs x 128 observations every 128 steps.
A probe set is seeded and reproducible, saved as one compressed ``.npz`` and reusable for other
checkpoints, which is what makes analyses comparable side by side. Its ``probe_id`` is a hash of
its content.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
from dataclasses import dataclass

import numpy as np
import tensorflow as tf

from . import check_agent_fits_env, make_env
from .probe_config import ProbeConfig

PROBE_FORMAT_VERSION = 1
TRAJECTORY_KEYS = ("observations", "actions", "rewards", "firsts", "dones", "logits", "values")


@dataclass
class ProbeSet:
    """Trajectories and extra observations plus where they came from (see module docstring)."""

    trajectories: dict
    observations: np.ndarray
    metadata: dict

    @property
    def probe_id(self) -> str:
        return self.metadata["probe_id"]

    @property
    def num_trajectories(self) -> int:
        return int(self.trajectories["observations"].shape[0])

    @property
    def num_steps(self) -> int:
        return int(self.trajectories["observations"].shape[1])

    def save(self, path: str) -> str:
        """Write as one compressed ``.npz`` (atomic: temporary name, then rename)."""
        arrays = {f"traj_{k}": v for k, v in self.trajectories.items()}
        arrays["observations"] = self.observations
        arrays["metadata"] = np.frombuffer(json.dumps(self.metadata, sort_keys=True).encode(),
                                           np.uint8)
        buf = io.BytesIO()
        np.savez_compressed(buf, **arrays)
        tmp = path + ".tmp"
        with tf.io.gfile.GFile(tmp, "wb") as f:
            f.write(buf.getvalue())
        tf.io.gfile.rename(tmp, path, overwrite=True)
        return path

    @classmethod
    def load(cls, path: str) -> ProbeSet:
        if not tf.io.gfile.exists(path):
            raise FileNotFoundError(f"no probe set at {path!r}")
        try:
            with tf.io.gfile.GFile(path, "rb") as f:
                data = f.read()
            with np.load(io.BytesIO(data), allow_pickle=False) as z:
                arrays = {k: z[k] for k in z.files}
            metadata = json.loads(bytes(arrays.pop("metadata")).decode())
            observations = arrays.pop("observations")
            trajectories = {k[len("traj_"):]: v for k, v in arrays.items()}
        except Exception as e:
            raise ValueError(f"{path!r} is not a readable probe set: {e}") from e
        missing = [k for k in TRAJECTORY_KEYS if k not in trajectories]
        if missing:
            raise ValueError(f"probe set {path!r} lacks trajectory arrays {missing}")
        if int(metadata.get("format_version", 0)) > PROBE_FORMAT_VERSION:
            raise ValueError(f"probe set {path!r} has a newer format than this rl-clarity reads")
        return cls(trajectories, observations, metadata)


def content_hash(trajectories: dict, observations: np.ndarray) -> str:
    """A short sha256 of the probe set's arrays (order, dtype and shape included)."""
    h = hashlib.sha256()
    for key in sorted(trajectories):
        arr = np.ascontiguousarray(trajectories[key])
        h.update(f"{key}:{arr.dtype.str}:{arr.shape}".encode())
        h.update(arr.tobytes())
    h.update(f"obs:{observations.dtype.str}:{observations.shape}".encode())
    h.update(np.ascontiguousarray(observations).tobytes())
    return h.hexdigest()[:16]


def choose_actions(logits: np.ndarray, rng: np.random.Generator, greedy: bool) -> np.ndarray:
    """Argmax, or a sample from softmax(logits) by the Gumbel-max trick."""
    if greedy:
        return np.argmax(logits, axis=-1).astype(np.int32)
    gumbel = -np.log(-np.log(rng.uniform(1e-12, 1.0, size=logits.shape)))
    return np.argmax(logits + gumbel, axis=-1).astype(np.int32)


def collect_trajectories(agent, env, num_steps: int, rng: np.random.Generator,
                         greedy: bool = False, progress=None) -> dict:
    """Step ``env`` ``num_steps`` times with ``agent``; arrays as in the module docstring."""
    E = env.num_envs
    out = {
        "observations": np.zeros((E, num_steps) + tuple(env.observation_shape), np.uint8),
        "actions": np.zeros((E, num_steps), np.int32),
        "rewards": np.zeros((E, num_steps), np.float32),
        "firsts": np.zeros((E, num_steps), bool),
        "dones": np.zeros((E, num_steps), bool),
        "logits": np.zeros((E, num_steps, env.num_actions), np.float32),
        "values": np.zeros((E, num_steps), np.float32),
    }
    _, obs, first = env.observe()
    for t in range(num_steps):
        logits, values = agent(obs)
        actions = choose_actions(logits, rng, greedy)
        out["observations"][:, t] = obs
        out["firsts"][:, t] = first
        out["actions"][:, t] = actions
        out["logits"][:, t] = logits
        out["values"][:, t] = values
        env.act(actions)
        reward, obs, first = env.observe()
        out["rewards"][:, t] = reward
        out["dones"][:, t] = first
        if progress is not None:
            progress.update(E)
    return out


def collect_observations(agent, env, num_rounds: int, every: int, rng: np.random.Generator,
                         greedy: bool = False, progress=None) -> np.ndarray:
    """Every ``every`` steps keep the frame of each env: ``(num_rounds * E, H, W, C)``."""
    E = env.num_envs
    frames = np.zeros((num_rounds * E,) + tuple(env.observation_shape), np.uint8)
    for r in range(num_rounds):
        for _ in range(every):
            _, obs, _ = env.observe()
            logits, _ = agent(obs)
            env.act(choose_actions(logits, rng, greedy))
            if progress is not None:
                progress.update(E)
        _, obs, _ = env.observe()
        frames[r * E:(r + 1) * E] = obs
    return frames


def collect_probe_set(agent, config: ProbeConfig | None = None,
                      progress: bool = False) -> ProbeSet:
    """Roll out ``agent`` in its own environment (options overridable) and build a probe set.

    Raises ``ValueError`` before any stepping if the environment and the agent do not fit.
    """
    from tqdm import tqdm

    config = config or ProbeConfig()
    meta = agent.metadata
    env_kwargs = {**meta.env_kwargs, **config.env_kwargs}
    rng = np.random.default_rng(config.seed)
    total = (config.traj_envs * config.traj_steps
             + config.obs_envs * config.obs_per_env * config.obs_every)
    with tqdm(total=total, unit="step", desc="probe set", disable=not progress) as bar:
        with make_env(meta.env_kind, meta.env_name, config.traj_envs, seed=config.seed,
                      **env_kwargs) as env:
            check_agent_fits_env(agent, env)
            trajectories = collect_trajectories(agent, env, config.traj_steps, rng,
                                                config.greedy, bar)
            env_kwargs = dict(env.env_kwargs)
        with make_env(meta.env_kind, meta.env_name, config.obs_envs, seed=config.seed + 1,
                      **env_kwargs) as env:
            observations = collect_observations(agent, env, config.obs_per_env,
                                                config.obs_every, rng, config.greedy, bar)
    metadata = {
        "format_version": PROBE_FORMAT_VERSION,
        "probe_id": content_hash(trajectories, observations),
        "env_kind": meta.env_kind,
        "env_name": meta.env_name,
        "env_kwargs": env_kwargs,
        "config": {k: v for k, v in dataclasses.asdict(config).items() if k != "env_kwargs"},
        "collected_by": {"architecture": meta.architecture, "training_step": meta.training_step},
    }
    return ProbeSet(trajectories, observations, metadata)
