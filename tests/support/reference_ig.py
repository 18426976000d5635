"""A fine-step integrated-gradients reference for the faithfulness tests, written apart from the
product's IG (``rlclarity_plugin.agents.keras_backend.IntegratedGradients``).

IG of the value head from a zero baseline at activations ``acts``: the midpoint rule in ``u``
with ``alpha = u**2`` (``d alpha = 2u du``) over ``points`` points, float64 sums. Several points
go through the network in one batch (``u_k**2 * acts`` stacked, up to ``batch`` samples) of
one compiled gradient (``tf.function``): the network is evaluated in inference mode, where each
sample's gradient is its own, so this is the same sum as one eager tape per point (measured:
relative difference 8e-9 at 1a and 2b of the demo agent), 2-2.5x faster on 2 cores (1a, 32
frames: 78 s -> 29-37 s; larger batches were no faster).
"""

import numpy as np
import tensorflow as tf


def fine_step_ig(head, acts, points: int = 256, batch: int = 64) -> np.ndarray:
    """``acts * sum_k grad V(u_k^2 acts) 2 u_k / points`` (float64), ``acts``: ``(N, ...)``;
    ``head(x, training=False)[1]`` is the value."""
    acts = np.asarray(acts, np.float32)
    n = len(acts)
    # points per call: the largest divisor of ``points`` that keeps a call within ``batch``
    per_call = max(d for d in range(1, points + 1) if points % d == 0 and d * n <= max(batch, n))

    @tf.function(reduce_retracing=True)
    def gradient(x):
        with tf.GradientTape() as tape:
            tape.watch(x)
            v = tf.reduce_sum(head(x, training=False)[1])
        return tape.gradient(v, x)

    total = np.zeros(acts.shape, np.float64)
    for start in range(0, points, per_call):
        u = (np.arange(start, start + per_call) + 0.5) / points
        x = (u * u).astype(np.float32).reshape((-1,) + (1,) * acts.ndim) * acts
        g = gradient(tf.constant(x.reshape((-1,) + acts.shape[1:]))).numpy()
        g = g.reshape((per_call,) + acts.shape).astype(np.float64)
        total += np.tensordot(2 * u / points, g, axes=1)
    return acts.astype(np.float64) * total
