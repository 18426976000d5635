"""The Keras / TensorFlow backend of the agent interface (:mod:`.interface`).

The quadrature, the outputs, the multi-path plans and the chunking loops are framework-free
(:mod:`rlclarity_plugin.analysis.attribution`); this module supplies the compiled kernels:

* :class:`IntegratedGradients`: all frames of a chunk and all path points in one call of a
  ``tf.function`` (one forward pass over ``n * B`` scaled copies, then one backward pass per
  output with a persistent tape);
* :class:`MultiPathAttribution`: all path points of several paths for a chunk of frames in one
  call;
* :func:`input_gradients`: plain gradients w.r.t. the [0, 1] observation.

:class:`KerasBackend` gives a Keras network (the built-in architectures and wrapped user models,
anything with ``model`` and ``cut(name) -> (encoder, head)``) the interface's methods.
"""

from __future__ import annotations

import numpy as np
import tensorflow as tf

from ..analysis.attribution import (
    IntegratedGradientsBase,
    MultiPathBase,
    selector_matrix,
)
from ..analysis.config import AttributionConfig
from .interface import EditSite, check_weights


def _bytes_per_point(head, act_shape) -> int:
    """Rough float32 bytes one (frame, path point) needs in forward + backward through ``head``."""
    total = int(np.prod(act_shape))
    for layer in head.layers:
        for out in tf.nest.flatten(getattr(layer, "output", [])):
            shape = getattr(out, "shape", None)
            if shape is not None and len(shape) > 1 and None not in shape[1:]:
                total += int(np.prod(shape[1:]))
    return 4 * total * 3


class IntegratedGradients(IntegratedGradientsBase):
    """IG of several outputs of a Keras ``head`` w.r.t. its input, compiled once per (layer,
    outputs). See :mod:`rlclarity_plugin.analysis.attribution` for the method."""

    def __init__(self, head, act_shape, num_actions: int, outputs, config: AttributionConfig):
        self.head = head
        self._setup(act_shape, outputs, config, _bytes_per_point(head, act_shape))
        self.selector = tf.constant(selector_matrix(self.outputs, num_actions))
        spec = tf.TensorSpec((None,) + self.act_shape, tf.float32)
        self._ig = tf.function(self._ig_batch, input_signature=[spec], reduce_retracing=True)
        self._scores = tf.function(self._score_batch, input_signature=[spec])

    def _score_batch(self, acts):
        logits, value = self.head(acts, training=False)
        return tf.matmul(tf.concat([logits, value], axis=1), self.selector)  # (B, O)

    def _ig_batch(self, acts):
        n = len(self.alphas)
        alphas = tf.constant(self.alphas)
        weights = tf.constant(self.weights)
        batch = tf.shape(acts)[0]
        scaled = tf.reshape(alphas, (n, 1) + (1,) * len(self.act_shape)) * acts[None]
        scaled = tf.reshape(scaled, tf.concat([[n * batch], tf.shape(acts)[1:]], 0))
        with tf.GradientTape(persistent=True) as tape:
            tape.watch(scaled)
            scores = self._score_batch(scaled)  # (n*B, O)
            summed = [tf.reduce_sum(scores[:, o]) for o in range(len(self.outputs))]
        attrs = []
        for o in range(len(self.outputs)):
            grad = tape.gradient(summed[o], scaled)
            grad = tf.reshape(grad, tf.concat([[n, batch], tf.shape(acts)[1:]], 0))
            attrs.append(acts * tf.tensordot(weights, grad, axes=1))
        del tape
        return tf.stack(attrs, axis=0)  # (O, B, ...)

    def _batch(self, acts):
        return self._ig(acts).numpy()

    def _score(self, acts):
        return self._scores(acts).numpy()


class MultiPathAttribution(MultiPathBase):
    """Multi-path attribution of several outputs of a Keras ``head``, compiled once per (layer,
    outputs, steps, K). See :class:`~rlclarity_plugin.analysis.attribution.MultiPathBase`."""

    def __init__(self, head, act_shape, num_actions: int, outputs, features: int, steps: int,
                 memory_budget: int = 1 << 30):
        self.head = head
        self._setup(act_shape, outputs, features, steps, memory_budget,
                    _bytes_per_point(head, act_shape))
        self.selector = tf.constant(selector_matrix(self.outputs, num_actions))
        lead = (None,) + self.act_shape[:-1]
        specs = [tf.TensorSpec(lead + (self.features,), tf.float32),        # r
                 tf.TensorSpec(lead + (self.act_shape[-1],), tf.float32),   # rho
                 tf.TensorSpec((self.features, self.act_shape[-1]), tf.float32),  # components
                 tf.TensorSpec((None, self.steps + 1, self.features), tf.float32),  # coefs
                 tf.TensorSpec((self.steps + 1,), tf.float32)]              # residual schedule
        self._attr = tf.function(self._attr_batch, input_signature=specs, reduce_retracing=True)

    def _attr_batch(self, r, rho, comps, coefs, alphas):
        """Sum over the given paths of ``sum_k (p_k - p_{k-1}) * grad F(p_k)``: ``(O, B, ...)``."""
        n = self.steps
        ones = (1,) * (len(self.act_shape) - 1)
        paths = tf.shape(coefs)[0]
        batch = tf.shape(r)[0]
        grid = tf.concat([[paths, n, batch], tf.shape(rho)[1:]], 0)

        def points(c, a):  # c: (P, n, K), a: (n,) -> (P, n, B, ...)
            c = tf.reshape(c, tf.stack([paths, n, 1, *ones, self.features]))
            a = tf.reshape(a, (1, n, 1, *ones, 1))
            return tf.tensordot(r[None, None] * c, comps, axes=1) + a * rho[None, None]

        # the steps themselves from the schedules' differences (exact telescoping in float32)
        deltas = points(coefs[:, 1:] - coefs[:, :-1], alphas[1:] - alphas[:-1])
        flat = tf.reshape(points(coefs[:, 1:], alphas[1:]),
                          tf.concat([[paths * n * batch], tf.shape(rho)[1:]], 0))
        with tf.GradientTape(persistent=True) as tape:
            tape.watch(flat)
            logits, value = self.head(flat, training=False)
            scores = tf.matmul(tf.concat([logits, value], axis=1), self.selector)
            summed = [tf.reduce_sum(scores[:, o]) for o in range(len(self.outputs))]
        attrs = []
        for o in range(len(self.outputs)):
            grad = tf.reshape(tape.gradient(summed[o], flat), grid)
            attrs.append(tf.reduce_sum(deltas * grad, axis=[0, 1]))
        del tape
        return tf.stack(attrs, axis=0)

    def _paths(self, r, rho, comps, coefs, alphas):
        return self._attr(r, rho, comps, coefs, alphas).numpy()


def multi_path_attribution(head, acts, num_actions: int, outputs, nmf, max_paths: int | None,
                           steps: int, seed, batch_frames: int | None = None, *,
                           memory_budget: int = 1 << 30, progress=None) -> np.ndarray:
    """Multi-path attribution through a Keras ``head`` (see
    :class:`~rlclarity_plugin.analysis.attribution.MultiPathBase`): float32
    ``(O, B) + act_shape``."""
    comps = getattr(nmf, "components_", None)
    if comps is None:
        raise RuntimeError("the NMF is not fitted")
    acts = np.asarray(acts, np.float32)
    mpa = MultiPathAttribution(head, acts.shape[1:], num_actions, outputs, comps.shape[0], steps,
                               memory_budget)
    return mpa(acts, nmf, max_paths, seed, batch_frames, progress)


def input_gradients(network, observations: np.ndarray, num_actions: int, outputs,
                    batch_size: int = 256) -> np.ndarray:
    """Plain gradients w.r.t. the [0, 1] observation (the original's input pseudo-layer):
    ``(O, B, H, W, C)`` float32."""
    _, head = network.cut("input")
    selector = tf.constant(selector_matrix(outputs, num_actions))

    @tf.function(reduce_retracing=True)
    def grads(x):
        with tf.GradientTape(persistent=True) as tape:
            tape.watch(x)
            logits, value = head(x, training=False)
            scores = tf.matmul(tf.concat([logits, value], axis=1), selector)
            summed = [tf.reduce_sum(scores[:, o]) for o in range(len(outputs))]
        out = tf.stack([tape.gradient(s, x) for s in summed])
        del tape
        return out

    obs = np.asarray(observations)
    parts = [grads(tf.cast(obs[i:i + batch_size], tf.float32) / 255.0).numpy()
             for i in range(0, len(obs), batch_size)]
    return np.concatenate(parts, axis=1)


class KerasBackend:
    """The agent interface (:class:`~.interface.AgentBackend`) over a Keras network that has
    ``model(obs uint8) -> [logits (B, A), value (B, 1)]`` and ``cut(name) -> (encoder, head)``.
    """

    framework = "keras"
    model = None
    num_actions: int

    def cut(self, name: str):  # pragma: no cover - provided by the network class
        raise NotImplementedError

    def check_cut(self, name: str, outputs=("logits", "value")) -> None:
        """Raise ``ValueError`` unless the network can be cut at ``name`` (both outputs pass
        through every cut of a Keras network that can be built)."""
        self.cut(name)

    def forward_tensors(self, obs):
        """Compiled forward: uint8 ``(B, H, W, C)`` -> ``(logits (B, A), value (B,))`` tensors."""
        if getattr(self, "_forward", None) is None:
            model = self.model

            @tf.function(reduce_retracing=True)
            def _fwd(x):
                logits, value = model(x, training=False)
                return logits, value[:, 0]

            self._forward = _fwd
        return self._forward(tf.convert_to_tensor(obs))

    def forward(self, obs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        logits, value = self.forward_tensors(obs)
        return logits.numpy(), value.numpy()

    def activations(self, name: str, obs: np.ndarray) -> np.ndarray:
        return np.asarray(self.cut(name)[0](obs))

    def integrated_gradients(self, name: str, outputs, config: AttributionConfig):
        return IntegratedGradients(self.cut(name)[1], self.layer_shape(name), self.num_actions,
                                   outputs, config)

    def multi_path(self, name: str, outputs, features: int, steps: int, memory_budget: int):
        return MultiPathAttribution(self.cut(name)[1], self.layer_shape(name), self.num_actions,
                                    outputs, features, steps, memory_budget)

    def input_gradients(self, obs: np.ndarray, outputs) -> np.ndarray:
        return input_gradients(self, obs, self.num_actions, outputs)

    def get_weights(self) -> dict[str, np.ndarray]:
        """Weights keyed by their Keras path (e.g. ``1a/kernel``)."""
        out = {}
        for v in self.model.weights:
            if v.path in out:
                raise RuntimeError(f"duplicate weight path {v.path}")
            out[v.path] = np.asarray(v.numpy())
        return out

    def set_weights(self, weights: dict[str, np.ndarray]) -> None:
        """Assign weights by path; every weight must be given exactly once with its shape."""
        variables = {v.path: v for v in self.model.weights}
        check_weights({k: tuple(v.shape) for k, v in variables.items()}, weights)
        for k, v in variables.items():
            v.assign(np.asarray(weights[k], dtype=v.dtype))

    # ------------------------------------------------------------------ model editing
    # A network that supports editing implements ``edit_site(name) -> EditSite``,
    # ``_consumer_layer(site)`` (the consumer's Keras layer) and ``_consumer_reads(site)`` (the
    # cut point whose output the consumer reads) and ``with_weights``.

    def edit_site(self, name: str) -> EditSite:
        raise ValueError(f"model editing is not supported for {self.architecture} networks "
                         "yet: only the built-in architectures (clear, impala, nature) on Keras")

    def consumer_input(self, site: EditSite, obs: np.ndarray) -> np.ndarray:
        """The consumer's input for uint8 observations: channel-last ``(B, h, w, C)``, or
        ``(B, S*C)`` for a dense consumer (flattened as ``site.flatten``), float32."""
        return self.activations(self._consumer_reads(site), obs)

    def apply_consumer(self, site: EditSite, x: np.ndarray) -> np.ndarray:
        """The consumer layer (with its activation) on input ``x`` as :meth:`consumer_input`
        gives it: float32 channel-last."""
        return np.asarray(self._consumer_layer(site)(tf.constant(np.asarray(x, np.float32))))

    def consumer_output(self, site: EditSite, obs: np.ndarray) -> np.ndarray:
        """The consumer layer's output for uint8 observations (float32 channel-last)."""
        return self.activations(site.consumer, obs)

    def outputs_from_consumer_input(self, site: EditSite, obs: np.ndarray,
                                    x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``(logits (B, A), values (B,))`` of this network with the consumer's input replaced
        by ``x`` (``obs`` gives everything else; unused here, as every path passes through
        the consumer)."""
        _, head = self.cut(self._consumer_reads(site))
        logits, value = head(tf.constant(np.asarray(x, np.float32)), training=False)
        return np.asarray(logits, np.float32), np.asarray(value, np.float32)[:, 0]
