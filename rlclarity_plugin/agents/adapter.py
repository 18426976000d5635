"""Wrap any Keras 3 model with an image input and policy-logits / value outputs as an Agent.

Example::

    from rlclarity_plugin.agents.adapter import wrap_keras_model

    # my_model: keras.Model, float32 (B, 64, 64, 3) in [0, 1] -> [logits (B, 15), value (B, 1)]
    agent = wrap_keras_model(my_model, env_kind="procgen", env_name="coinrun",
                             env_kwargs={"distribution_mode": "easy"})
    save_checkpoint(agent, "runs/mine/checkpoints/ckpt-000100000")   # saved as model.keras

The wrapped network feeds ``uint8 pixels * input_scale`` to the model (``input_scale=1/255``
for models that expect [0, 1], ``1.0`` for models that expect 0..255). The model must be a
functional (or Sequential) Keras model so its layers can be cut for hidden-layer attribution;
a layer is selectable only if every path from the input to the outputs passes through it (Keras
refuses to build the head otherwise, and so does :meth:`KerasModelNetwork.cut`).
"""

from __future__ import annotations

import keras
import tensorflow as tf

from .agent import Agent, AgentMetadata
from .keras_backend import KerasBackend

KERAS_ARCHITECTURE = "keras"


@keras.saving.register_keras_serializable(package="rlclarity")
class ScaleTo(keras.layers.Layer):
    """uint8 -> float32 times a constant."""

    def __init__(self, scale: float = 1.0 / 255.0, **kwargs):
        super().__init__(**kwargs)
        self.scale = float(scale)

    def call(self, x):
        return tf.cast(x, tf.float32) * self.scale

    def get_config(self):
        return {**super().get_config(), "scale": self.scale}


def _kind(layer) -> str:
    name = type(layer).__name__.lower()
    activation = getattr(getattr(layer, "activation", None), "__name__", "")
    if name == "relu" or activation == "relu":
        return "relu"
    if "pool" in name:
        return "pool"
    if "conv" in name:
        return "conv"
    if name == "flatten":
        return "flatten"
    return "dense" if len(layer.output.shape) == 2 else "other"


class KerasModelNetwork(KerasBackend):
    """The :class:`~.architectures.AgentNetwork` interface over a user's Keras model."""

    architecture = KERAS_ARCHITECTURE

    def __init__(self, model: keras.Model, input_scale: float = 1.0 / 255.0,
                 logits_index: int = 0, value_index: int = 1):
        if not isinstance(model, keras.Model) or not hasattr(model, "inputs") or not model.inputs:
            raise ValueError("wrap_keras_model needs a functional or Sequential keras.Model "
                             "(subclassed models cannot be cut at a layer)")
        if len(model.inputs) != 1 or len(model.inputs[0].shape) != 4:
            raise ValueError(f"the model must have one image input (B, H, W, C), got "
                             f"{[tuple(i.shape) for i in model.inputs]}")
        outputs = model.outputs
        if len(outputs) < 2:
            raise ValueError("the model must output [policy logits (B, A), value (B,) or (B, 1)]")
        self.user_model = model
        self.input_scale = float(input_scale)
        self.logits_index, self.value_index = int(logits_index), int(value_index)
        self.observation_shape = tuple(int(d) for d in model.inputs[0].shape[1:])
        self.num_actions = int(outputs[self.logits_index].shape[-1])
        self.arch_kwargs = {"input_scale": self.input_scale, "logits_index": self.logits_index,
                            "value_index": self.value_index}
        self.scale = ScaleTo(self.input_scale, name="input")
        self._layers = [layer for layer in model.layers
                        if not isinstance(layer, keras.layers.InputLayer)]
        obs = keras.Input(self.observation_shape, dtype="uint8", name="observation")
        self.model = keras.Model(obs, self._select(model(self.scale(obs))), name="wrapped_agent")
        self._cuts = {}

    def _select(self, outs):
        value = outs[self.value_index]
        if len(value.shape) == 1:
            value = keras.layers.Reshape((1,))(value)
        return [outs[self.logits_index], value]

    @property
    def layer_names(self) -> list[str]:
        return ["input"] + [layer.name for layer in self._layers]

    def _layer(self, name: str):
        for layer in self._layers:
            if layer.name == name:
                return layer
        raise KeyError(f"no layer {name!r} in the wrapped model; layers are: "
                       f"{', '.join(self.layer_names)}")

    def layer_kind(self, name: str) -> str:
        return "input" if name == "input" else _kind(self._layer(name))

    def layer_shape(self, name: str) -> tuple:
        if name == "input":
            return self.observation_shape
        return tuple(self._layer(name).output.shape[1:])

    def cut(self, name: str):
        """``encoder(obs uint8) -> acts`` and ``head(acts) -> [logits, value (B, 1)]``."""
        if name not in self._cuts:
            obs = keras.Input(self.observation_shape, dtype="uint8", name="observation")
            if name == "input":
                encoder = keras.Model(obs, self.scale(obs))
                head = keras.Model(self.user_model.inputs[0],
                                   self._select(self.user_model.outputs))
            else:
                layer = self._layer(name)
                inner = keras.Model(self.user_model.inputs[0], layer.output)
                encoder = keras.Model(obs, inner(self.scale(obs)))
                try:
                    head = keras.Model(layer.output, self._select(self.user_model.outputs))
                except ValueError as e:
                    raise ValueError(f"layer {name!r} cannot be cut: some path from the input to "
                                     f"the outputs bypasses it ({e})") from e
            self._cuts[name] = (encoder, head)
        return self._cuts[name]


def wrap_keras_model(model: keras.Model, *, env_kind: str = "procgen", env_name: str = "coinrun",
                     env_kwargs: dict | None = None, action_combos=None,
                     input_scale: float = 1.0 / 255.0, logits_index: int = 0,
                     value_index: int = 1, gamma: float = 0.999, lam: float = 0.95,
                     training_step: int = 0) -> Agent:
    """An :class:`Agent` around a user's Keras model (see the module docstring)."""
    net = KerasModelNetwork(model, input_scale, logits_index, value_index)
    meta = AgentMetadata(
        architecture=KERAS_ARCHITECTURE, observation_shape=net.observation_shape,
        num_actions=net.num_actions, env_kind=env_kind, env_name=env_name,
        env_kwargs=dict(env_kwargs or {}),
        action_combos=None if action_combos is None else tuple(tuple(c) for c in action_combos),
        gamma=gamma, lam=lam, training_step=training_step, arch_kwargs=net.arch_kwargs)
    return Agent(net, meta)
