"""Rollouts and probe sets: the frames an analysis is computed on.

A probe set holds

* **trajectories**: ``E`` envs x ``T`` consecutive steps: ``observations`` uint8 ``(E, T, H, W, C)``
  (the observation *before* acting), ``actions`` ``(E, T)``, ``rewards`` ``(E, T)`` (earned by
  that action), ``firsts`` ``(E, T)`` (the observation starts an episode), ``dones`` ``(E, T)``
  (that action ended the episode), ``logits`` ``(E, T, A)`` and ``values`` ``(E, T)`` of the
  collecting agent;
* **observations**: ``n`` envs, one frame every ``k`` steps, ``(rounds * n, H, W, C)`` with index
  ``round * n + env``: diverse frames for NMF fitting and dataset examples;
* optionally (``full_resolution``, procgen) the same frames drawn at human scale (512x512), each
  WebP-encoded (quality 85) as it is collected: ``full["trajectories"]`` in ``e * T + t`` order
  and ``full["observations"]``, each a :class:`FullFrames` (bytes + offsets). They are not part
  of the content hash: an analysis with and one without them attribute the same frames.

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
import time
from dataclasses import dataclass

import numpy as np

from ..store import files
from . import check_agent_fits_env, make_env
from .probe_config import ProbeConfig

PROBE_FORMAT_VERSION = 1
TRAJECTORY_KEYS = ("observations", "actions", "rewards", "firsts", "dones", "logits", "values")
FULL_TYPE = "image/webp"
FULL_QUALITY = 85  # lossy WebP: 18 KiB and ~10 ms per 512x512 CoinRun frame (PNG: 95 KiB)


def encode_full_frame(frame: np.ndarray) -> bytes:
    """One human-scale frame as WebP (quality FULL_QUALITY; deterministic for given pixels)."""
    from ..store.codec import encode_webp

    return encode_webp(frame, quality=FULL_QUALITY, method=2)


class FullCollector:
    """Receives the human-scale frames during collection and encodes them on two threads (Pillow
    releases the GIL while encoding: 2x faster than inline on 2 cores), at most MAX_PENDING
    frames waiting, so memory stays bounded. ``seconds``: time the collection waited for it."""

    MAX_PENDING = 256

    def __init__(self):
        from concurrent.futures import ThreadPoolExecutor

        self.frames: list = []  # futures, then bytes after result()
        self.seconds = 0.0
        self._pool = ThreadPoolExecutor(2, thread_name_prefix="full-res")
        self._pending: list = []

    def encode(self, env) -> list:
        t0 = time.perf_counter()
        futures = [self._pool.submit(encode_full_frame, f) for f in env.full_frames()]
        self._pending.extend(futures)
        while len(self._pending) > self.MAX_PENDING:
            self._pending.pop(0).result()
        self.seconds += time.perf_counter() - t0
        return futures

    def result(self) -> list:
        """The encoded frames, in order (waits for the last ones; shuts the threads down)."""
        t0 = time.perf_counter()
        out = [f.result() for f in self.frames]
        self._pool.shutdown()
        self.seconds += time.perf_counter() - t0
        return out


@dataclass
class FullFrames:
    """Encoded frames back to back: frame ``i`` is ``data[offsets[i]:offsets[i + 1]]``."""

    data: np.ndarray     # uint8 (total bytes,)
    offsets: np.ndarray  # int64 (n + 1,)

    @classmethod
    def from_list(cls, frames: list) -> FullFrames:
        offsets = np.zeros(len(frames) + 1, np.int64)
        offsets[1:] = np.cumsum([len(b) for b in frames])
        return cls(np.frombuffer(b"".join(frames), np.uint8).copy(), offsets)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def get(self, i: int) -> bytes:
        return self.data[self.offsets[i]:self.offsets[i + 1]].tobytes()

    def slice(self, a: int, b: int) -> FullFrames:
        """Frames ``a..b-1`` as their own FullFrames."""
        return FullFrames(self.data[self.offsets[a]:self.offsets[b]].copy(),
                          self.offsets[a:b + 1] - self.offsets[a])


@dataclass
class ProbeSet:
    """Trajectories and extra observations plus where they came from (see module docstring)."""

    trajectories: dict
    observations: np.ndarray
    metadata: dict
    full: dict | None = None  # {"trajectories": FullFrames, "observations": FullFrames}

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
        for kind, frames in (self.full or {}).items():
            arrays[f"full_{kind}_data"] = frames.data
            arrays[f"full_{kind}_offsets"] = frames.offsets
        arrays["metadata"] = np.frombuffer(json.dumps(self.metadata, sort_keys=True).encode(),
                                           np.uint8)
        buf = io.BytesIO()
        np.savez_compressed(buf, **arrays)
        files.write_atomic(path, buf.getvalue())
        return path

    @classmethod
    def load(cls, path: str) -> ProbeSet:
        if not files.exists(path):
            raise FileNotFoundError(f"no probe set at {path!r}")
        try:
            data = files.read(path)
            with np.load(io.BytesIO(data), allow_pickle=False) as z:
                arrays = {k: z[k] for k in z.files}
            metadata = json.loads(bytes(arrays.pop("metadata")).decode())
            observations = arrays.pop("observations")
            full = {}
            for kind in ("trajectories", "observations"):
                if f"full_{kind}_data" in arrays:
                    full[kind] = FullFrames(arrays.pop(f"full_{kind}_data"),
                                            arrays.pop(f"full_{kind}_offsets"))
            trajectories = {k[len("traj_"):]: v for k, v in arrays.items()
                            if k.startswith("traj_")}
        except Exception as e:
            raise ValueError(f"{path!r} is not a readable probe set: {e}") from e
        missing = [k for k in TRAJECTORY_KEYS if k not in trajectories]
        if missing:
            raise ValueError(f"probe set {path!r} lacks trajectory arrays {missing}")
        if int(metadata.get("format_version", 0)) > PROBE_FORMAT_VERSION:
            raise ValueError(f"probe set {path!r} has a newer format than this rl-clarity reads")
        return cls(trajectories, observations, metadata, full or None)


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
                         greedy: bool = False, progress=None,
                         full: FullCollector | None = None) -> dict:
    """Step ``env`` ``num_steps`` times with ``agent``; arrays as in the module docstring.

    ``full``: receives the encoded human-scale frames in ``e * T + t`` order (the environment
    must have been made with ``full_resolution=True``).
    """
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
    by_env = [[] for _ in range(E)]
    for t in range(num_steps):
        logits, values = agent(obs)
        actions = choose_actions(logits, rng, greedy)
        if full is not None:
            for e, b in enumerate(full.encode(env)):
                by_env[e].append(b)
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
    if full is not None:
        full.frames.extend(b for frames in by_env for b in frames)
    return out


def collect_observations(agent, env, num_rounds: int, every: int, rng: np.random.Generator,
                         greedy: bool = False, progress=None,
                         full: FullCollector | None = None) -> np.ndarray:
    """Every ``every`` steps keep the frame of each env: ``(num_rounds * E, H, W, C)``
    (``full``: receives the encoded human-scale frames in the same order)."""
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
        if full is not None:
            full.frames.extend(full.encode(env))
    return frames


def check_probe_config(agent, config: ProbeConfig) -> None:
    """Raise ``ValueError`` unless the agent's environment can be made with ``config``'s options
    and fits the agent: one environment is made and closed, nothing is collected."""
    meta = agent.metadata
    with make_env(meta.env_kind, meta.env_name, 1, seed=config.seed,
                  full_resolution=config.full_resolution,
                  **{**meta.env_kwargs, **config.env_kwargs}) as env:
        check_agent_fits_env(agent, env)


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
    hi = config.full_resolution
    full_traj, full_obs = (FullCollector(), FullCollector()) if hi else (None, None)
    t0 = time.perf_counter()
    with tqdm(total=total, unit="step", desc="probe set", disable=not progress) as bar:
        with make_env(meta.env_kind, meta.env_name, config.traj_envs, seed=config.seed,
                      full_resolution=hi, **env_kwargs) as env:
            check_agent_fits_env(agent, env)
            trajectories = collect_trajectories(agent, env, config.traj_steps, rng,
                                                config.greedy, bar, full=full_traj)
            env_kwargs = dict(env.env_kwargs)
        with make_env(meta.env_kind, meta.env_name, config.obs_envs, seed=config.seed + 1,
                      full_resolution=hi, **env_kwargs) as env:
            observations = collect_observations(agent, env, config.obs_per_env,
                                                config.obs_every, rng, config.greedy, bar,
                                                full=full_obs)
    metadata = {
        "format_version": PROBE_FORMAT_VERSION,
        "probe_id": content_hash(trajectories, observations),
        "env_kind": meta.env_kind,
        "env_name": meta.env_name,
        "env_kwargs": env_kwargs,
        "config": {k: v for k, v in dataclasses.asdict(config).items() if k != "env_kwargs"},
        "collected_by": {"architecture": meta.architecture, "training_step": meta.training_step},
    }
    full = None
    if hi:
        full = {"trajectories": FullFrames.from_list(full_traj.result()),
                "observations": FullFrames.from_list(full_obs.result())}
        metadata["full_resolution"] = {"type": FULL_TYPE, "quality": FULL_QUALITY,
                                       "bytes": int(sum(f.data.size for f in full.values()))}
    probe = ProbeSet(trajectories, observations, metadata, full)
    probe.seconds = time.perf_counter() - t0  # collection time (not saved)
    probe.full_seconds = (full_traj.seconds + full_obs.seconds) if hi else 0.0
    return probe
