"""The Agent: a network plus what the analysis needs to know about it."""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field

import numpy as np

from .interface import AgentBackend

FORMAT_VERSION = 1


@dataclass(frozen=True)
class AgentMetadata:
    """Everything about an agent except its weights (stored as ``metadata.json``).

    ``action_combos`` names the buttons of each action (procgen's 15 combos); ``gamma`` and
    ``lam`` are the GAE parameters the agent was trained with; ``training_step`` is the number
    of environment steps seen, used as the TensorBoard step of its analyses. ``edits`` records
    the model edits applied to the weights, oldest first (one JSON object each, written by
    :func:`~.edit.edit_agent`: layer, consumer, weight, directions, features, source); it is
    left out of the JSON when empty, so unedited agents keep their metadata and digest.
    """

    architecture: str
    observation_shape: tuple
    num_actions: int
    env_kind: str = "procgen"
    env_name: str = "coinrun"
    env_kwargs: dict = field(default_factory=dict)
    action_combos: tuple | None = None
    gamma: float = 0.999
    lam: float = 0.95
    training_step: int = 0
    arch_kwargs: dict = field(default_factory=dict)
    format_version: int = FORMAT_VERSION
    edits: tuple = ()

    def to_json(self) -> dict:
        d = dataclasses.asdict(self)
        d["observation_shape"] = list(self.observation_shape)
        if self.action_combos is not None:
            d["action_combos"] = [list(c) for c in self.action_combos]
        if self.edits:
            d["edits"] = [dict(e) for e in self.edits]
        else:
            del d["edits"]
        return d

    @classmethod
    def from_json(cls, d: dict) -> AgentMetadata:
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(d) - known)
        if unknown:
            raise ValueError(f"unknown metadata keys {unknown}; expected a subset of "
                             f"{sorted(known)}")
        missing = [k for k in ("architecture", "observation_shape", "num_actions") if k not in d]
        if missing:
            raise ValueError(f"checkpoint metadata lacks required keys {missing}")
        version = int(d.get("format_version", FORMAT_VERSION))
        if version > FORMAT_VERSION:
            raise ValueError(f"checkpoint format version {version} is newer than this rl-clarity "
                             f"supports ({FORMAT_VERSION}); upgrade rl-clarity")
        d = dict(d)
        d["observation_shape"] = tuple(int(v) for v in d["observation_shape"])
        if d.get("action_combos") is not None:
            d["action_combos"] = tuple(tuple(str(b) for b in c) for c in d["action_combos"])
        if "edits" in d:
            edits = d["edits"]
            if not isinstance(edits, list) or not all(isinstance(e, dict) for e in edits):
                raise ValueError("checkpoint metadata 'edits' must be a list of JSON objects")
            d["edits"] = tuple(edits)
        return cls(**d)

    def replace(self, **changes) -> AgentMetadata:
        return dataclasses.replace(self, **changes)


class Agent:
    """A policy/value network (any backend of :mod:`.interface`) with its metadata.

    ``agent(obs)`` takes uint8 observations ``(B, H, W, C)`` and returns numpy
    ``(logits (B, A), values (B,))``. This module imports no deep-learning framework.
    """

    def __init__(self, network: AgentBackend, metadata: AgentMetadata):
        if tuple(network.observation_shape) != tuple(metadata.observation_shape):
            raise ValueError(f"network observation shape {network.observation_shape} differs from "
                             f"metadata {metadata.observation_shape}")
        if network.num_actions != metadata.num_actions:
            raise ValueError(f"network has {network.num_actions} actions, metadata says "
                             f"{metadata.num_actions}")
        self.network = network
        self.metadata = metadata

    @classmethod
    def build(cls, metadata: AgentMetadata) -> Agent:
        """A freshly initialised agent for ``metadata`` (a built-in Keras architecture)."""
        try:
            from .architectures import AgentNetwork
        except ImportError as e:
            from .. import missing_extra

            raise missing_extra(("tensorflow", "keras"), "keras", "the Keras backend", e,
                                "or load the checkpoint with --backend torch") from e

        net = AgentNetwork(metadata.architecture, metadata.observation_shape,
                          metadata.num_actions, metadata.arch_kwargs)
        return cls(net, metadata)

    @property
    def framework(self) -> str:
        return self.network.framework

    @property
    def model(self):
        """The backend's own model (a ``keras.Model`` or an ``nn.Module``)."""
        return self.network.model

    def forward(self, obs):
        """The backend's native forward (Keras: compiled, tensors ``(logits, value (B,))``)."""
        return self.network.forward_tensors(obs)

    def __call__(self, obs, batch_size: int = 512) -> tuple[np.ndarray, np.ndarray]:
        obs = np.asarray(obs)
        self.check_observations(obs)
        logits, values = [], []
        for start in range(0, max(len(obs), 1), batch_size):
            lo, va = self.network.forward(obs[start:start + batch_size])
            logits.append(np.asarray(lo, np.float32))
            values.append(np.asarray(va, np.float32))
        return np.concatenate(logits), np.concatenate(values)

    def check_observations(self, obs: np.ndarray) -> None:
        """Raise a clear error unless ``obs`` is uint8 ``(B,) + observation_shape``."""
        expected = tuple(self.metadata.observation_shape)
        if obs.ndim != 4 or tuple(obs.shape[1:]) != expected:
            raise ValueError(f"observations of shape {tuple(obs.shape)} do not fit this "
                             f"{self.metadata.architecture} agent, which expects (batch,) + "
                             f"{expected}")
        if obs.dtype != np.uint8:
            raise ValueError(f"observations must be uint8 pixels, got {obs.dtype}")

    def get_weights(self) -> dict[str, np.ndarray]:
        """Weights by name (Keras: ``1a/kernel``; torch: the state-dict key)."""
        return self.network.get_weights()

    def weights_digest(self) -> str:
        """SHA-256 over the weights (names, dtypes, shapes, bytes) and the metadata: two agents
        with the same digest compute the same function."""
        h = hashlib.sha256()
        for name, arr in sorted(self.get_weights().items()):
            a = np.ascontiguousarray(arr)
            h.update(f"{name}|{a.dtype.str}|{a.shape}|".encode())
            h.update(a.tobytes())
        h.update(repr(sorted(self.metadata.to_json().items())).encode())
        return h.hexdigest()

    def check_finite(self, source: str) -> None:
        """Raise ``ValueError`` naming every weight of ``source`` that holds NaN or infinity."""
        bad = []
        for name, arr in self.get_weights().items():
            a = np.asarray(arr)
            if np.issubdtype(a.dtype, np.floating) and not np.all(np.isfinite(a)):
                bad.append(f"{name} ({int(np.count_nonzero(~np.isfinite(a)))} of {a.size} "
                           "values)")
        if bad:
            raise ValueError(f"{source}: non-finite weights (NaN or infinity) in "
                             + ", ".join(bad) + "; a network with them computes nothing "
                             "meaningful (did training diverge?)")

    def set_weights(self, weights: dict[str, np.ndarray]) -> None:
        """Assign weights by name; every weight must be given exactly once with its shape."""
        self.network.set_weights(weights)
