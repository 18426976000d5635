"""The framework-neutral agent interface: what the analysis job, probe-set collection and
evaluation ask of a network. Numbers cross it as numpy arrays.

Two backends implement it: :class:`~.keras_backend.KerasBackend` (the built-in architectures,
wrapped Keras models, the original's checkpoints) and :class:`~.torch_backend.TorchNetwork`
(Stable-Baselines3, CleanRL and any ``nn.Module`` with a :class:`~.torch_backend.TorchSpec`).
Nothing that imports this module imports a deep-learning framework.

Conventions: observations are uint8 ``(B, H, W, C)`` as the environment gives them (a backend
converts to its model's layout and scaling); activations are channel-last ``(B, h, w, c)`` for
convolutional cut points and ``(B, d)`` for dense ones, whatever the framework's own layout;
``outputs`` are :class:`~rlclarity_plugin.analysis.attribution.Output` s.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np


@runtime_checkable
class AgentBackend(Protocol):
    """A policy/value network cut into ``trunk`` (observation -> activations at a named layer)
    and ``head`` (activations -> logits and value), exactly: ``head(trunk(x))`` is the network's
    output."""

    framework: str                     # "keras" or "torch"
    architecture: str                  # "clear", "impala", "nature", "keras", "sb3", ...
    observation_shape: tuple           # (H, W, C) uint8, as the environment gives it
    num_actions: int

    @property
    def layer_names(self) -> list[str]:
        """Cut points in input -> output order (``input`` first: the scaled observation)."""

    def layer_kind(self, name: str) -> str:
        """``input``, ``relu``, ``residual``, ``pool``, ``conv``, ``flatten``, ``dense``,
        ``other``."""

    def layer_shape(self, name: str) -> tuple:
        """Activation shape without the batch axis, channel-last."""

    def check_cut(self, name: str, outputs=("logits", "value")) -> None:
        """Raise ``ValueError`` (saying why) unless every path from the input to each of
        ``outputs`` (``"logits"``, ``"value"``) passes through ``name``."""

    def forward(self, obs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """uint8 ``(B, H, W, C)`` -> ``(logits (B, A), values (B,))`` float32."""

    def activations(self, name: str, obs: np.ndarray) -> np.ndarray:
        """Activations at ``name`` for uint8 observations, float32 channel-last."""

    def integrated_gradients(self, name: str, outputs, config):
        """An :class:`~rlclarity_plugin.analysis.attribution.IntegratedGradientsBase` for the
        head after ``name``: ``ig(acts) -> (O, B) + shape``, ``ig.delta(acts) -> (O, B)``."""

    def multi_path(self, name: str, outputs, features: int, steps: int, memory_budget: int):
        """A :class:`~rlclarity_plugin.analysis.attribution.MultiPathBase` for the head after
        ``name``."""

    def input_gradients(self, obs: np.ndarray, outputs) -> np.ndarray:
        """Gradients of the outputs w.r.t. the [0, 1] observation ``(O, B, H, W, C)``."""

    def feature_vis(self, name: str, plan, progress=None) -> tuple[np.ndarray, np.ndarray]:
        """Synthetic feature pictures at ``name``: run the optimisation a
        :class:`~rlclarity_plugin.analysis.featurevis.FeatureVisPlan` describes (Fourier
        spectrum, decorrelated colour, per-step warps, objectives, Adam) in the framework;
        ``(pictures (B, H, W, C) float32 in [0, 1], objectives of the final pictures (B,))``.
        ``progress(n)``: called after each step."""

    def get_weights(self) -> dict[str, np.ndarray]:
        """Every parameter (and buffer) by name, as numpy."""

    def set_weights(self, weights: dict[str, np.ndarray]) -> None:
        """Assign every parameter by name; raise ``ValueError`` listing mismatches."""


def check_weights(expected: Mapping[str, tuple], weights: Mapping[str, np.ndarray]) -> None:
    """Raise ``ValueError`` listing every weight of ``expected`` (name -> shape) that
    ``weights`` lacks, every name it has in excess and every shape that differs."""
    missing = sorted(set(expected) - set(weights))
    unexpected = sorted(set(weights) - set(expected))
    misshaped = sorted(f"{k}: got {tuple(np.shape(weights[k]))}, expected {tuple(shape)}"
                       for k, shape in expected.items()
                       if k in weights and tuple(np.shape(weights[k])) != tuple(shape))
    if missing or unexpected or misshaped:
        raise ValueError("weights do not match the network:\n" + "\n".join(
            [f"  missing: {k}" for k in missing] + [f"  unexpected: {k}" for k in unexpected]
            + [f"  wrong shape: {k}" for k in misshaped]))


@dataclass(frozen=True)
class EditSite:
    """Where a model edit at a layer acts (:mod:`rlclarity_plugin.analysis.editing`).

    The directions of layer ``layer`` are projected out of the input of ``consumer``, the one
    linear layer (convolution or dense) that reads the layer's activations, by projecting its
    kernel ``weight`` (a name of ``get_weights()``, in ``layout``; ``flatten`` is the order in
    which a dense consumer's input was flattened, ``hwc`` or ``chw``). ``between`` names the
    channel-wise layers that run between the two (pooling, ReLU, flatten): the edit is exact
    for the consumer's input, ``x -> x P``, which is ``layer``'s activations passed through them
    (the article's "next convolution" after a pooled layer). ``channels`` is ``C``, the size of
    ``P``.
    """

    layer: str
    consumer: str
    weight: str
    layout: str
    channels: int
    flatten: str | None = None
    between: tuple = ()

    def to_json(self) -> dict:
        return {"layer": self.layer, "consumer": self.consumer, "weight": self.weight,
                "layout": self.layout, "channels": int(self.channels),
                "flatten": self.flatten, "between": list(self.between)}

    @classmethod
    def from_json(cls, d: Mapping) -> EditSite:
        return cls(str(d["layer"]), str(d["consumer"]), str(d["weight"]), str(d["layout"]),
                   int(d["channels"]), d.get("flatten"), tuple(d.get("between", ())))
