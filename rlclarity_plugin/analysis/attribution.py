"""Integrated gradients to a hidden layer (the original's ``get_attr``), batched and compiled.

For activations ``a = encoder(x)`` at a layer and a scalar output ``F`` of ``head``::

    IG(a) = a * integral_0^1 grad F(alpha * a) d alpha  ~=  a * sum_k w_k grad F(alpha_k * a)

with ``n`` path points. Rules:

* ``right``: ``alpha_k = k/n``, ``w_k = 1/n`` (the original's right Riemann sum);
* ``midpoint``: ``alpha_k = (k - 1/2)/n``, ``w_k = 1/n``;
* ``quadratic``: the midpoint rule after substituting ``alpha = u**2``, i.e. ``alpha_k = u_k**2``
  and ``w_k = 2 u_k / n`` with ``u_k = (k - 1/2)/n``. It puts more points near the baseline,
  where trained agents' heads change fastest (measured in ``benchmarks/ig_rules.py``).

Completeness says ``sum(IG(a)) ~= F(a) - F(0)``; its error is computed for every frame and
output. The input pseudo-layer gets plain gradients, as in the original.

All frames of a batch and all path points run in one call of a compiled ``tf.function`` (one
forward pass over ``n * B`` scaled copies, then one backward pass per output with a persistent
tape), and the batch size is chosen so the pass stays inside a memory budget.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import tensorflow as tf

RULES = ("right", "midpoint", "quadratic")


@dataclass(frozen=True)
class AttributionConfig:
    """IG options: path points, quadrature rule, memory budget per compiled call (bytes)."""

    integrate_steps: int = 10
    rule: str = "quadratic"
    memory_budget: int = 1 << 30

    def __post_init__(self):
        if self.integrate_steps < 1:
            raise ValueError(f"integrate_steps must be at least 1, got {self.integrate_steps}")
        if self.rule not in RULES:
            raise ValueError(f"unknown quadrature rule {self.rule!r}; expected one of {RULES}")


def path_points(steps: int, rule: str) -> tuple[np.ndarray, np.ndarray]:
    """Path points ``alpha_k`` in (0, 1] and quadrature weights ``w_k`` (summing to 1)."""
    if rule not in RULES:
        raise ValueError(f"unknown quadrature rule {rule!r}; expected one of {RULES}")
    k = np.arange(1, steps + 1, dtype=np.float64)
    if rule == "right":
        alphas, weights = k / steps, np.full(steps, 1.0 / steps)
    elif rule == "midpoint":
        alphas, weights = (k - 0.5) / steps, np.full(steps, 1.0 / steps)
    else:
        u = (k - 0.5) / steps
        alphas, weights = u * u, 2.0 * u / steps
    return alphas.astype(np.float32), weights.astype(np.float32)


@dataclass(frozen=True)
class Output:
    """A scalar output to attribute: ``v`` (value), ``logit`` (one action) or ``group``
    (the sum of several actions' logits)."""

    kind: str
    index: int = -1
    actions: tuple = ()

    @property
    def key(self) -> str:
        return {"v": "v", "logit": f"logit{self.index}", "group": f"group{self.index}"}[self.kind]

    def weights(self, num_actions: int) -> np.ndarray:
        """Row of a ``(num_actions + 1)`` matrix selecting the output from [logits, value]."""
        w = np.zeros(num_actions + 1, np.float32)
        if self.kind == "v":
            w[num_actions] = 1.0
        else:
            w[list(self.actions)] = 1.0
        return w


def value_output() -> Output:
    return Output("v")


def logit_output(action: int) -> Output:
    return Output("logit", action, (action,))


def group_output(index: int, actions) -> Output:
    return Output("group", index, tuple(int(a) for a in actions))


def _bytes_per_point(head, act_shape) -> int:
    """Rough float32 bytes one (frame, path point) needs in forward + backward through ``head``."""
    total = int(np.prod(act_shape))
    for layer in head.layers:
        for out in tf.nest.flatten(getattr(layer, "output", [])):
            shape = getattr(out, "shape", None)
            if shape is not None and len(shape) > 1 and None not in shape[1:]:
                total += int(np.prod(shape[1:]))
    return 4 * total * 3


class IntegratedGradients:
    """IG of several outputs of ``head`` w.r.t. its input, compiled once per (layer, outputs)."""

    def __init__(self, head, act_shape, num_actions: int, outputs, config: AttributionConfig):
        self.head = head
        self.act_shape = tuple(int(d) for d in act_shape)
        self.outputs = list(outputs)
        self.config = config
        self.alphas, self.weights = path_points(config.integrate_steps, config.rule)
        self.selector = tf.constant(np.stack([o.weights(num_actions) for o in self.outputs], 1))
        per_frame = _bytes_per_point(head, self.act_shape) * config.integrate_steps
        self.batch_frames = max(1, int(config.memory_budget // max(per_frame, 1)))
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

    def scores(self, acts: np.ndarray) -> np.ndarray:
        """Outputs ``(B, O)`` of the head at ``acts``."""
        return np.concatenate([self._scores(acts[i:i + 4096]).numpy()
                               for i in range(0, len(acts), 4096)])

    def __call__(self, acts: np.ndarray, progress=None) -> np.ndarray:
        """IG ``(O, B) + act_shape`` float32 for activations ``(B,) + act_shape``."""
        acts = np.asarray(acts, np.float32)
        out = np.empty((len(self.outputs),) + acts.shape, np.float32)
        for start in range(0, len(acts), self.batch_frames):
            chunk = acts[start:start + self.batch_frames]
            out[:, start:start + len(chunk)] = self._ig(chunk).numpy()
            if progress is not None:
                progress.update(len(chunk))
        return out

    def completeness_error(self, acts: np.ndarray, attrs: np.ndarray) -> np.ndarray:
        """``|sum(attr) - (F(a) - F(0))| / |F(a) - F(0)|`` per output and frame ``(O, B)``."""
        fa = self.scores(np.asarray(acts, np.float32))
        f0 = self.scores(np.zeros((1,) + self.act_shape, np.float32))
        delta = (fa - f0).T.astype(np.float64)
        total = attrs.reshape(attrs.shape[0], attrs.shape[1], -1).astype(np.float64).sum(-1)
        return (np.abs(total - delta) / np.maximum(np.abs(delta), 1e-12)).astype(np.float32)


def input_gradients(network, observations: np.ndarray, num_actions: int, outputs,
                    batch_size: int = 256) -> np.ndarray:
    """Plain gradients w.r.t. the [0, 1] observation (the original's input pseudo-layer):
    ``(O, B, H, W, C)`` float32."""
    _, head = network.cut("input")
    selector = tf.constant(np.stack([o.weights(num_actions) for o in outputs], 1))

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
