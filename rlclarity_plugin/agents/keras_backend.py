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

import keras
import numpy as np
import tensorflow as tf

from ..analysis.attribution import (
    IntegratedGradientsBase,
    MultiPathBase,
    selector_matrix,
)
from ..analysis.config import AttributionConfig
from ..analysis.featurevis import FOURIER_DIVISOR
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


def warp_images(images, transforms):
    """Bilinear warp of ``images (B, H, W, C)`` by ``transforms (B, 2, 3)`` (pixel-index
    coordinates, borders clamped): :func:`~rlclarity_plugin.analysis.featurevis.warp` in
    TensorFlow (differentiable w.r.t. the images)."""
    shape = tf.shape(images)
    b, h, w = shape[0], shape[1], shape[2]
    ys, xs = tf.meshgrid(tf.range(h, dtype=tf.float32), tf.range(w, dtype=tf.float32),
                         indexing="ij")
    grid = tf.stack([xs, ys, tf.ones_like(xs)], -1)  # (h, w, 3)
    src = tf.einsum("bij,yxj->byxi", transforms, grid)
    wm1, hm1 = tf.cast(w - 1, tf.float32), tf.cast(h - 1, tf.float32)
    x = tf.clip_by_value(src[..., 0], 0.0, wm1)
    y = tf.clip_by_value(src[..., 1], 0.0, hm1)
    x0, y0 = tf.floor(x), tf.floor(y)
    wx, wy = (x - x0)[..., None], (y - y0)[..., None]
    x0, y0 = tf.cast(x0, tf.int32), tf.cast(y0, tf.int32)
    x1, y1 = tf.minimum(x0 + 1, w - 1), tf.minimum(y0 + 1, h - 1)
    flat = tf.reshape(images, tf.stack([-1, shape[3]]))
    base = (tf.range(b) * h * w)[:, None, None]

    def at(yy, xx):
        return tf.gather(flat, base + yy * w + xx)

    return ((1 - wy) * ((1 - wx) * at(y0, x0) + wx * at(y0, x1))
            + wy * ((1 - wx) * at(y1, x0) + wx * at(y1, x1)))


class FeatureVisualisation:
    """The compiled optimisation step of synthetic feature pictures at one layer (built once
    per layer, reused for every batch): ``encode(x) -> (acts, pre)`` maps float pixels 0..255
    ``(B, H, W, C)`` to the layer's activations and the input of its final ReLU (``acts``
    itself where there is none)."""

    def __init__(self, encode):
        self.encode = encode
        self._step = tf.function(self._step_fn, reduce_retracing=True)

    @staticmethod
    def _pixels(spec, scale, colour_t, offset, h, w):
        z = tf.complex(spec[..., 0], spec[..., 1]) * tf.complex(scale, tf.zeros_like(scale))
        lin = tf.signal.irfft2d(z, fft_length=[h, w]) / FOURIER_DIVISOR  # (B, C, H, W)
        return tf.sigmoid(tf.tensordot(tf.transpose(lin, [0, 2, 3, 1]), colour_t, 1) + offset)

    def _step_fn(self, spec, m, v, t, transforms, ramp, c, h, w):
        """One Adam step; ``c``: the plan's constant tensors (a dict); ``h, w``: the picture
        size (Python ints)."""
        with tf.GradientTape() as tape:
            tape.watch(spec)
            x = self._pixels(spec, c["scale"], c["colour_t"], c["offset"], h, w)
            acts, pre = self.encode(warp_images(x, transforms) * 255.0)
            surrogate = acts + ramp * (pre - tf.stop_gradient(pre))  # value: acts
            objective = tf.reduce_sum(surrogate * c["weights"] * c["directions"], axis=[1, 2, 3])
            loss = -tf.reduce_sum(objective) + c["diversity"] * _gram_diversity(acts, c["pairs"])
        g = tape.gradient(loss, spec)
        b1, b2 = c["beta1"], c["beta2"]
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        m_hat = m / (1 - tf.pow(b1, t))
        v_hat = v / (1 - tf.pow(b2, t))
        return spec - c["lr"] * m_hat / (tf.sqrt(v_hat) + c["eps"]), m, v

    def __call__(self, plan, progress=None) -> tuple[np.ndarray, np.ndarray]:
        """Optimise the pictures of ``plan`` (:class:`~rlclarity_plugin.analysis.featurevis.
        FeatureVisPlan`), as :mod:`rlclarity_plugin.analysis.featurevis` describes: Fourier
        spectrum -> decorrelated colour -> sigmoid -> the step's warp -> the layer ->
        objectives (the warm-up's pre-activation gradient added with the step's ramp; plus the
        diversity term); Adam on the spectrum. Returns ``(pictures (B, H, W, C) float32 in
        [0, 1], objectives (B,))``, the objectives of the final pictures without transforms.
        ``progress(n)`` is called after each step."""
        f32 = tf.float32
        c = {"scale": tf.constant(plan.scale), "colour_t": tf.constant(plan.colour.T.copy()),
             "offset": tf.constant(plan.offset),
             "directions": tf.constant(plan.directions)[:, None, None, :],
             "weights": tf.constant(plan.weights)[..., None], "pairs": tf.constant(plan.pairs),
             "diversity": tf.constant(plan.diversity, f32),
             "lr": tf.constant(plan.learning_rate, f32),
             "beta1": tf.constant(plan.beta1, f32), "beta2": tf.constant(plan.beta2, f32),
             "eps": tf.constant(plan.eps, f32)}
        h, w, _ = (int(d) for d in plan.image_shape)
        spec = tf.constant(plan.spectrum)
        m, v = tf.zeros_like(spec), tf.zeros_like(spec)
        for s in range(plan.steps):
            spec, m, v = self._step(spec, m, v, tf.constant(s + 1, f32),
                                    tf.constant(plan.transforms[s]),
                                    tf.constant(plan.ramp[s]), c, h, w)
            if progress is not None:
                progress(1)
        x = self._pixels(spec, c["scale"], c["colour_t"], c["offset"], h, w)
        acts, _ = self.encode(x * 255.0)
        values = tf.reduce_sum(acts * c["weights"] * c["directions"], axis=[1, 2, 3])
        return x.numpy(), values.numpy()


def _gram_diversity(acts, pairs):
    """:func:`~rlclarity_plugin.analysis.featurevis.gram_diversity` in TensorFlow."""
    shape = tf.shape(acts)
    a = tf.reshape(acts, tf.stack([shape[0], -1, shape[-1]]))
    gram = tf.reshape(tf.einsum("bpc,bpd->bcd", a, a), tf.stack([shape[0], -1]))
    gram = gram / tf.maximum(tf.norm(gram, axis=1, keepdims=True), 1e-12)
    return tf.reduce_sum(pairs * tf.matmul(gram, gram, transpose_b=True))


def _pre_relu(layer, x):
    """The input of ``layer``'s ReLU for input ``x``, for a ``Conv2D`` or ``Dense`` layer
    with a ReLU activation (the built-in architectures' layers); None for any other layer."""
    if getattr(layer, "activation", None) is not keras.activations.relu:
        return None
    if isinstance(layer, keras.layers.Conv2D) and layer.data_format == "channels_last":
        out = layer.convolution_op(x, layer.kernel)
    elif isinstance(layer, keras.layers.Dense):
        out = tf.matmul(x, layer.kernel)
    else:
        return None
    return out + layer.bias if layer.use_bias else out


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

    def pixel_encoder(self, name: str):
        """``encode(x) -> (acts, pre)``: float pixels 0..255 ``(B, H, W, C)`` -> activations
        at ``name`` and the input of the layer's ReLU (``acts`` where it has none, see
        :func:`_pre_relu`), differentiable w.r.t. ``x``: the encoder of :meth:`cut` with its
        uint8 input left out (its layers run in order, the scaling layer first). Checked once
        on 4 seeded random frames against the encoder (1e-5 relative); ``ValueError`` (one
        line) if the encoder is not such a chain."""
        cache = self.__dict__.setdefault("_pixel_encoders", {})
        if name not in cache:
            encoder, _ = self.cut(name)
            chain = [layer for layer in encoder.layers
                     if type(layer).__name__ != "InputLayer"]

            def encode(x):
                for layer in chain[:-1]:
                    x = layer(x)
                pre = _pre_relu(chain[-1], x) if chain else None
                if pre is None:
                    acts = chain[-1](x) if chain else x
                    return acts, acts
                return tf.nn.relu(pre), pre

            frames = np.random.default_rng(0).integers(
                0, 256, (4,) + tuple(self.observation_shape), dtype=np.uint8)
            want = np.asarray(encoder(frames))
            try:
                got = np.asarray(encode(tf.constant(frames, tf.float32))[0])
            except Exception as e:  # any failure: the layers do not chain
                raise ValueError(f"layer {name!r}: synthetic feature pictures need the "
                                 f"{self.architecture} network's layers up to it to run one "
                                 f"after the other on float pixels ({type(e).__name__})") from e
            err = float(np.abs(got - want).max()) / max(float(np.abs(want).max()), 1e-6) \
                if got.shape == want.shape else np.inf
            if err > 1e-5:
                raise ValueError(f"layer {name!r}: the {self.architecture} network's layers "
                                 "up to it are not a chain that takes float pixels, so "
                                 "synthetic feature pictures cannot be optimised there")
            cache[name] = encode
        return cache[name]

    def feature_vis(self, name: str, plan, progress=None) -> tuple[np.ndarray, np.ndarray]:
        """Optimised pictures for ``plan`` at layer ``name`` (see
        :class:`FeatureVisualisation`, compiled once per layer): ``(pictures (B, H, W, C) in
        [0, 1], objectives (B,))``."""
        cache = self.__dict__.setdefault("_feature_vis", {})
        if name not in cache:
            cache[name] = FeatureVisualisation(self.pixel_encoder(name))
        return cache[name](plan, progress)

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
