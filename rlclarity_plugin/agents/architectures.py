"""Keras 3 builders for the three architectures of the original (reference section 3.3).

Every network is a *chain* of named trunk layers followed by two heads (``policy_logits`` and
``value``). Because the trunk is a chain of layers each of which reads only the previous layer's
output, cutting the network after any trunk layer gives an encoder and a head whose composition is
exactly the whole network. For IMPALA the residual blocks are single layers, so every cut point
lies on the residual stream and attribution there is complete (the original cut inside blocks,
where the skip connection bypasses the chosen ReLU).

Observations enter as uint8 ``(B, H, W, C)`` and are scaled to [0, 1] by the first trunk layer,
named ``input``; its output is the pseudo-layer used for plain input gradients.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import keras
import tensorflow as tf
from keras import layers

from .interface import EditSite
from .keras_backend import KerasBackend

ARCHITECTURES = ("clear", "impala", "nature")


@keras.saving.register_keras_serializable(package="rlclarity")
class ScaleObservation(layers.Layer):
    """uint8 pixels ``(B, H, W, C)`` -> float32 in [0, 1]."""

    def call(self, x):
        return tf.cast(x, tf.float32) / 255.0


@keras.saving.register_keras_serializable(package="rlclarity")
class L2Pool2D(layers.Layer):
    """L2 pooling: ``sqrt(avg_pool(x**2, size, stride=size, SAME) + 1e-8)`` (clear CNN).

    TensorFlow's SAME average pooling leaves padding out of the divisor, as the original did.
    """

    def __init__(self, pool_size: int = 2, **kwargs):
        super().__init__(**kwargs)
        self.pool_size = int(pool_size)

    def call(self, x):
        s = self.pool_size
        return tf.sqrt(tf.nn.avg_pool2d(tf.square(x), s, s, "SAME") + 1e-8)

    def get_config(self):
        return {**super().get_config(), "pool_size": self.pool_size}


@keras.saving.register_keras_serializable(package="rlclarity")
class ResidualBlock(layers.Layer):
    """IMPALA residual block ``x + conv1(relu(conv0(relu(x))))`` with 3x3 SAME convolutions."""

    def __init__(self, depth: int, **kwargs):
        super().__init__(**kwargs)
        self.depth = int(depth)
        self.conv0 = layers.Conv2D(self.depth, 3, padding="same", name="conv0")
        self.conv1 = layers.Conv2D(self.depth, 3, padding="same", name="conv1")

    def build(self, input_shape):
        self.conv0.build(input_shape)
        self.conv1.build(tuple(input_shape[:-1]) + (self.depth,))
        super().build(input_shape)

    def call(self, x):
        out = self.conv0(tf.nn.relu(x))
        out = self.conv1(tf.nn.relu(out))
        return x + out

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "depth": self.depth}


@dataclass(frozen=True)
class TrunkLayer:
    """One link of the trunk chain.

    ``kind`` tells layer selection what the output is: ``input`` (scaled observation), ``relu``
    (a ReLU output, the original's selectable op), ``residual`` (IMPALA residual stream),
    ``pool``, ``conv`` (pre-activation), ``flatten`` or ``dense``.
    """

    name: str
    kind: str
    layer: layers.Layer = field(compare=False, repr=False)


def _clear_trunk() -> list[TrunkLayer]:
    def conv(name, filters, size):
        return TrunkLayer(name, "relu", layers.Conv2D(filters, size, padding="same",
                                                      activation="relu", name=name))

    def pool(name):
        return TrunkLayer(name, "pool", L2Pool2D(2, name=name))

    return [
        TrunkLayer("input", "input", ScaleObservation(name="input")),
        conv("1a", 16, 7), pool("1a_pool"),
        conv("2a", 32, 5), conv("2b", 32, 5), pool("2b_pool"),
        conv("3a", 32, 5), pool("3a_pool"),
        conv("4a", 32, 5), pool("4a_pool"),
        TrunkLayer("flatten", "flatten", layers.Flatten(name="flatten")),
        TrunkLayer("dense", "dense", layers.Dense(256, activation="relu", name="dense")),
        TrunkLayer("dense_1", "dense", layers.Dense(512, activation="relu", name="dense_1")),
    ]


def _impala_trunk(depths=(16, 32, 32), emb_size=256) -> list[TrunkLayer]:
    trunk = [TrunkLayer("input", "input", ScaleObservation(name="input"))]
    for i, depth in enumerate(depths, start=1):
        trunk += [
            TrunkLayer(f"b{i}_conv", "conv",
                       layers.Conv2D(depth, 3, padding="same", name=f"b{i}_conv")),
            TrunkLayer(f"b{i}_pool", "pool",
                       layers.MaxPooling2D(3, 2, padding="same", name=f"b{i}_pool")),
            TrunkLayer(f"b{i}_res1", "residual", ResidualBlock(depth, name=f"b{i}_res1")),
            TrunkLayer(f"b{i}_res2", "residual", ResidualBlock(depth, name=f"b{i}_res2")),
        ]
    trunk += [
        TrunkLayer("flatten", "flatten", layers.Flatten(name="flatten")),
        TrunkLayer("flatten_relu", "dense", layers.ReLU(name="flatten_relu")),
        TrunkLayer("dense", "dense", layers.Dense(emb_size, activation="relu", name="dense")),
    ]
    return trunk


def _nature_trunk() -> list[TrunkLayer]:
    def conv(name, filters, size, stride):
        return TrunkLayer(name, "relu", layers.Conv2D(filters, size, strides=stride,
                                                      padding="valid", activation="relu",
                                                      name=name))

    return [
        TrunkLayer("input", "input", ScaleObservation(name="input")),
        conv("c1", 32, 8, 4), conv("c2", 64, 4, 2), conv("c3", 64, 3, 1),
        TrunkLayer("flatten", "flatten", layers.Flatten(name="flatten")),
        TrunkLayer("fc1", "dense", layers.Dense(512, activation="relu", name="fc1")),
    ]


class AgentNetwork(KerasBackend):
    """A policy/value network as a chain of named trunk layers plus two heads.

    ``model(obs_uint8) -> [logits (B, A), value (B, 1)]`` is a functional Keras model; the
    ``encoder``/``head`` pairs from :meth:`cut` reuse the very same layer objects (and weights).
    """

    def __init__(self, architecture: str, observation_shape, num_actions: int,
                 arch_kwargs: dict | None = None):
        if architecture not in ARCHITECTURES:
            raise ValueError(f"unknown architecture {architecture!r}; expected one of "
                             f"{', '.join(ARCHITECTURES)}")
        self.architecture = architecture
        self.observation_shape = tuple(int(d) for d in observation_shape)
        self.num_actions = int(num_actions)
        self.arch_kwargs = dict(arch_kwargs or {})
        if len(self.observation_shape) != 3:
            raise ValueError(f"observation shape must be (H, W, C), got {self.observation_shape}")
        if architecture == "clear":
            self.trunk = _clear_trunk()
        elif architecture == "impala":
            self.trunk = _impala_trunk(tuple(self.arch_kwargs.get("depths", (16, 32, 32))),
                                       int(self.arch_kwargs.get("emb_size", 256)))
        else:
            self.trunk = _nature_trunk()
        self.policy_head = layers.Dense(
            self.num_actions, name="policy_logits",
            kernel_initializer=keras.initializers.Orthogonal(0.01))
        self.value_head = layers.Dense(
            1, name="value", kernel_initializer=keras.initializers.Orthogonal(1.0))
        obs = keras.Input(self.observation_shape, dtype="uint8", name="observation")
        x = obs
        self._shapes = {}
        for link in self.trunk:
            x = link.layer(x)
            self._shapes[link.name] = tuple(x.shape[1:])
        self.model = keras.Model(obs, [self.policy_head(x), self.value_head(x)],
                                 name=f"{architecture}_agent")
        self._cuts: dict[str, tuple[keras.Model, keras.Model]] = {}

    @property
    def layer_names(self) -> list[str]:
        """Trunk layer names in input -> output order."""
        return [link.name for link in self.trunk]

    def layer_kind(self, name: str) -> str:
        return self._link(name).kind

    def layer_shape(self, name: str) -> tuple:
        """Activation shape of a trunk layer without the batch axis."""
        self._link(name)
        return self._shapes[name]

    def _link(self, name: str) -> TrunkLayer:
        for link in self.trunk:
            if link.name == name:
                return link
        raise KeyError(f"no layer {name!r} in the {self.architecture} network; "
                       f"layers are: {', '.join(self.layer_names)}")

    def cut(self, name: str) -> tuple[keras.Model, keras.Model]:
        """Split after trunk layer ``name`` into ``encoder(obs) -> acts`` and
        ``head(acts) -> [logits, value]``.

        ``head(encoder(x))`` runs exactly the ops of ``model(x)``.
        """
        if name not in self._cuts:
            index = self.layer_names.index(self._link(name).name)
            obs = keras.Input(self.observation_shape, dtype="uint8", name="observation")
            x = obs
            for link in self.trunk[: index + 1]:
                x = link.layer(x)
            encoder = keras.Model(obs, x, name=f"encoder_{name}")
            acts = keras.Input(self._shapes[name], dtype="float32", name=f"acts_{name}")
            y = acts
            for link in self.trunk[index + 1:]:
                y = link.layer(y)
            head = keras.Model(acts, [self.policy_head(y), self.value_head(y)],
                               name=f"head_{name}")
            self._cuts[name] = (encoder, head)
        return self._cuts[name]

    # ------------------------------------------------------------------ model editing
    def edit_site(self, name: str) -> EditSite:
        """Where projecting directions out of layer ``name`` acts: the first convolution or
        dense layer after it, through channel-wise layers only (pooling, flatten, ReLU).

        Raises ``ValueError`` (one line) for the input, for a layer read by an IMPALA residual
        block (the skip connection reads it too, so projecting the block's convolution would
        not blind the agent), for one read by the two heads, and for any other layer that is
        neither linear in its input nor channel-wise.
        """
        link = self._link(name)
        if link.kind == "input":
            raise ValueError("the input cannot be edited: pick a hidden layer")
        index = self.layer_names.index(name)
        channels = int(self._shapes[name][-1])
        between: list[str] = []
        for nxt in self.trunk[index + 1:]:
            layer = nxt.layer
            if isinstance(layer, (layers.Conv2D, layers.Dense)):
                dense = isinstance(layer, layers.Dense)
                return EditSite(name, nxt.name, layer.kernel.path,
                                "keras_dense" if dense else "keras_conv", channels,
                                "hwc" if dense else None, tuple(between))
            if isinstance(layer, ResidualBlock):
                through = f" through {', '.join(between)}" if between else ""
                raise ValueError(
                    f"layer {name!r} cannot be edited: its activations reach more than one "
                    f"consumer ({nxt.name!r} is a residual block: its convolutions and its skip "
                    f"connection both read them{through}), so projecting one kernel would not "
                    "blind the agent; pick a layer whose next layer is a convolution or dense "
                    "layer")
            if isinstance(layer, (L2Pool2D, layers.MaxPooling2D, layers.AveragePooling2D,
                                  layers.Flatten, layers.ReLU)):
                between.append(nxt.name)
                continue
            raise ValueError(f"layer {name!r} cannot be edited: it is read by {nxt.name!r} "
                             f"({type(layer).__name__}), which is neither linear in its input "
                             "nor channel-wise")
        raise ValueError(f"layer {name!r} cannot be edited: it is read by two consumers, the "
                         "heads policy_logits and value; pick an earlier layer")

    def _consumer_layer(self, site: EditSite):
        return self._link(site.consumer).layer

    def _consumer_reads(self, site: EditSite) -> str:
        return self.layer_names[self.layer_names.index(self._link(site.consumer).name) - 1]

    def with_weights(self, changes: dict) -> AgentNetwork:
        """A new network of the same architecture with these weights, ``changes`` (name ->
        array, names of :meth:`get_weights`) replacing the named ones."""
        unknown = sorted(set(changes) - set(self.get_weights()))
        if unknown:
            raise ValueError(f"no weights named {unknown} in the {self.architecture} network")
        net = AgentNetwork(self.architecture, self.observation_shape, self.num_actions,
                           self.arch_kwargs)
        net.set_weights({**self.get_weights(), **changes})
        return net
