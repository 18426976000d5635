"""Optimisation-based feature visualisation: the recipe's numbers (pure numpy).

An input picture is optimised to maximise one direction at a layer, with the recipe of the
feature-visualisation literature (Olah, Mordvintsev and Schubert, "Feature Visualization",
Distill 2017; the original rl_clarity code called lucid's ``vis_traditional`` for it but never
showed the result). This module computes everything of the recipe that is not a gradient, once,
in numpy, as a :class:`FeatureVisPlan`; a backend (``feature_vis`` of the Keras and torch
backends) runs the optimisation loop on it in its framework, so both run the same recipe from
the same numbers:

1. **Fourier parameterisation.** Each picture is a spectrum ``(C, H, W//2+1)`` of complex
   coefficients (stored as ``(..., 2)``: real, imaginary), drawn N(0, ``init_sd``). The linear
   image is ``irfft2(spectrum * scale) / FOURIER_DIVISOR`` with ``scale = sqrt(H W) /
   max(|f|, 1/max(H, W)) ** decay_power`` (:func:`frequency_scale`; ``|f|`` the frequency in
   cycles per pixel): equal steps on every coefficient give the 1/f spectrum of natural
   pictures, without the high-frequency noise plain pixel optimisation produces.
2. **Decorrelated colour.** Channel values are ``sigmoid(lin @ M.T + offset)``: ``M`` is the
   square root of the channel covariance of the probe set's observations
   (:func:`colour_decorrelation`, ``M M^T`` proportional to the covariance), so the optimiser
   steps in decorrelated colour space; ``offset`` (logit of the observations' mean colour)
   makes the starting picture the mean colour. Computing ``M`` from the observations (rather
   than the ImageNet matrix of the literature) fits game pictures and any channel count
   (greyscale frame stacks).
3. **Transformation robustness.** At every step each picture is warped by its own affine
   transform (:func:`transform_schedule`: integer jitter, scale, rotation about the centre,
   drawn up front from the picture's seeded RNG) with bilinear sampling and clamped borders
   (:func:`warp`), before the network sees it.
4. **Objective.** ``sum_{y,x,c} weights[y, x] * acts[y, x, c] * direction[c]``
   (:func:`objective_values`): ``centre`` weighs the centre position of the layer's map
   ``(h // 2, w // 2)``, ``map`` all positions by ``1 / (h w)`` (:func:`objective_weights`).
   Directions are rows of the layer's NMF ``components_`` ``(K, C)`` and, optionally, unit
   channel vectors (:func:`feature_directions`).
   **Warm-up.** A ReLU unit that is off on the starting picture passes no gradient, so an
   objective whose units all start off would never move (at the centre of the demo agent's
   layer 2b, 2 of 8 features and most channels). Where the layer ends in a ReLU whose input
   the backend can reach (the built-in architectures on both backends, torch ``nn.ReLU``
   modules), the gradient of step ``s`` is that of ``acts + ramp[s] * pre`` (``pre``: the
   ReLU's input) while its value stays ``acts``: the units are pushed on whether they are on
   or not. ``ramp`` falls linearly from 1 to 0 over the first ``warmup`` fraction of the
   steps (:func:`warmup_schedule`); the rest of the steps optimise the objective itself.
   (Lucid's redirected ReLU gradient does a similar job for every ReLU of the network.)
5. **Diversity (optional).** ``diversity * sum_{i<j, same group} cos(G_i, G_j)`` added to the
   loss, ``G`` the Gram matrix of a picture's activations over positions
   (:func:`gram_diversity`): pictures of one group (the same direction and objective) are
   pushed apart. The analysis job makes one picture per group, so it does not use it.
6. **Optimiser.** Adam (``learning_rate`` 0.05, betas 0.9 / 0.999, eps 1e-8) on the spectrum,
   maximising ``sum_b objective_b`` (each picture's gradient depends on that picture only,
   diversity aside), ``steps`` steps (default 256).

Pictures are seeded one by one (:func:`picture_seed`, from the layer, the column and the
objective), never by rank or batch, so an analysis split across MPI ranks gives the same
pictures. Images are channel-last ``(B, H, W, C)`` in ``[0, 1]`` (the network sees ``255 x``,
as it sees uint8 observations); activations ``(B, h, w, c)``.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np

__all__ = [
    "FOURIER_DIVISOR",
    "OBJECTIVES",
    "FeatureVisPlan",
    "FeatureVisRecipe",
    "colour_decorrelation",
    "dataset_objective_max",
    "feature_directions",
    "frequency_scale",
    "gram_diversity",
    "init_spectrum",
    "make_plan",
    "objective_values",
    "objective_weights",
    "picture_seed",
    "pictures_sheet",
    "quantise",
    "spectrum_to_image",
    "to_pixels",
    "transform_schedule",
    "warmup_schedule",
    "warp",
]

#: ``centre``: the direction at the centre position of the map; ``map``: its mean over the map.
OBJECTIVES = ("centre", "map")
#: The linear image is divided by this, so that N(0, 0.01) spectra start near the mean colour
#: (the value of the literature's reference implementation).
FOURIER_DIVISOR = 4.0


@dataclass(frozen=True)
class FeatureVisRecipe:
    """The recipe's settings (see the module docstring). ``jitter``: largest shift in pixels;
    ``scales`` and ``angles`` (degrees): the values a step's scale and rotation are drawn
    from, uniformly; ``diversity``: weight of the diversity term (0: off); ``warmup``: the
    fraction of the steps with the pre-activation warm-up."""

    steps: int = 256
    learning_rate: float = 0.05
    beta1: float = 0.9
    beta2: float = 0.999
    eps: float = 1e-8
    init_sd: float = 0.01
    decay_power: float = 1.0
    jitter: int = 2
    scales: tuple = (0.95, 0.975, 1.0, 1.025, 1.05)
    angles: tuple = (-5.0, -2.5, 0.0, 2.5, 5.0)
    diversity: float = 0.0
    warmup: float = 0.5


@dataclass(frozen=True)
class FeatureVisPlan:
    """Everything a backend needs to optimise ``B`` pictures (float32 arrays).

    spectrum ``(B, C, H, W//2+1, 2)``: the starting spectra; scale ``(H, W//2+1)``;
    colour ``(C, C)`` and offset ``(C,)``: ``pixels = sigmoid(lin @ colour.T + offset)``;
    transforms ``(steps, B, 2, 3)``: step ``s`` samples picture ``b`` at source pixel
    ``transforms[s, b] @ (x, y, 1)`` for output pixel ``(x, y)`` (pixel-index coordinates);
    directions ``(B, c)`` and weights ``(B, h, w)``: the objectives; ramp ``(steps,)``: the
    warm-up coefficient of each step; pairs ``(B, B)``: 1 where
    the diversity term compares two pictures (``i < j``, same group); image_shape
    ``(H, W, C)``.
    """

    spectrum: np.ndarray
    scale: np.ndarray
    colour: np.ndarray
    offset: np.ndarray
    transforms: np.ndarray
    directions: np.ndarray
    weights: np.ndarray
    ramp: np.ndarray
    pairs: np.ndarray
    image_shape: tuple
    steps: int
    learning_rate: float
    beta1: float
    beta2: float
    eps: float
    diversity: float

    @property
    def batch(self) -> int:
        return int(self.spectrum.shape[0])


def frequency_scale(h: int, w: int, decay_power: float = 1.0) -> np.ndarray:
    """``(h, w//2+1)`` float32: ``sqrt(h w) / max(|f|, 1/max(h, w)) ** decay_power`` with
    ``|f| = sqrt(fy^2 + fx^2)`` the frequency of each coefficient of a real 2-D FFT in cycles
    per pixel (rows: ``fftfreq(h)``, columns: ``rfftfreq(w)``)."""
    fy = np.fft.fftfreq(h)[:, None]
    fx = np.fft.rfftfreq(w)[None, :]
    freq = np.sqrt(fy * fy + fx * fx)
    return (np.sqrt(h * w) / np.maximum(freq, 1.0 / max(h, w)) ** decay_power).astype(
        np.float32)


def init_spectrum(rng: np.random.Generator, channels: int, h: int, w: int,
                  sd: float = 0.01) -> np.ndarray:
    """One picture's starting spectrum ``(channels, h, w//2+1, 2)`` float32, N(0, sd)."""
    return (sd * rng.standard_normal((channels, h, w // 2 + 1, 2))).astype(np.float32)


def spectrum_to_image(spectrum: np.ndarray, scale: np.ndarray, w: int | None = None
                      ) -> np.ndarray:
    """Linear images ``(B, H, W, C)`` float32 from spectra ``(B, C, H, Wf, 2)``:
    ``irfft2((re + i im) * scale, (H, W)) / FOURIER_DIVISOR`` (numpy's normalisation: the
    inverse divides by ``H W``), channels moved last. ``w`` defaults to ``2 (Wf - 1)``."""
    spectrum = np.asarray(spectrum, np.float64)
    h, wf = spectrum.shape[2:4]
    w = 2 * (wf - 1) if w is None else int(w)
    z = (spectrum[..., 0] + 1j * spectrum[..., 1]) * np.asarray(scale, np.float64)
    lin = np.fft.irfft2(z, s=(h, w), axes=(-2, -1)) / FOURIER_DIVISOR
    return np.moveaxis(lin, 1, -1).astype(np.float32)


def colour_decorrelation(observations: np.ndarray, max_pixels: int = 1 << 20
                         ) -> tuple[np.ndarray, np.ndarray]:
    """``(colour (C, C), offset (C,))`` float32 from uint8 observations ``(N, H, W, C)``.

    1. ``S``: the covariance of the channel values (in [0, 1]) over the observations'
       pixels (a deterministic stride subsample of at most ``max_pixels`` pixels);
    2. ``S = U diag(s) U^T`` (SVD); ``R = U diag(sqrt(s))``, so ``R R^T = S``;
    3. ``colour = R / max_j |R[:, j]|`` (largest column norm 1, so a unit step in
       decorrelated space is at most a unit step in colour); the identity where the pixels
       do not vary;
    4. ``offset = logit(mean colour)``, the mean clipped to [0.02, 0.98].
    """
    obs = np.asarray(observations)
    channels = obs.shape[-1]
    flat = obs.reshape(-1, channels)
    stride = max(1, -(-len(flat) // max_pixels))
    pixels = flat[::stride].astype(np.float64) / 255.0
    mean = pixels.mean(axis=0)
    cov = np.cov(pixels, rowvar=False).reshape(channels, channels) if len(pixels) > 1 \
        else np.zeros((channels, channels))
    u, s, _ = np.linalg.svd(cov)
    root = u * np.sqrt(np.maximum(s, 0.0))[None, :]
    norm = float(np.linalg.norm(root, axis=0).max()) if root.size else 0.0
    colour = root / norm if norm > 1e-6 else np.eye(channels)
    m = np.clip(mean, 0.02, 0.98)
    return colour.astype(np.float32), np.log(m / (1 - m)).astype(np.float32)


def to_pixels(linear: np.ndarray, colour: np.ndarray, offset: np.ndarray) -> np.ndarray:
    """``sigmoid(linear @ colour.T + offset)``: linear images ``(B, H, W, C)`` -> [0, 1]."""
    z = np.asarray(linear, np.float64) @ np.asarray(colour, np.float64).T + offset
    return (1.0 / (1.0 + np.exp(-z))).astype(np.float32)


def transform_schedule(rng: np.random.Generator, steps: int, h: int, w: int,
                       recipe: FeatureVisRecipe = FeatureVisRecipe()) -> np.ndarray:
    """One picture's transforms ``(steps, 2, 3)`` float32 in pixel-index coordinates.

    Per step, drawn in this order from ``rng``: shifts ``dx, dy`` (integers in
    ``[-jitter, jitter]``), scale ``s`` (from ``scales``), angle ``a`` (from ``angles``). The
    network sees the picture scaled by ``s`` and rotated by ``a`` about its centre
    ``c = ((w-1)/2, (h-1)/2)`` and shifted by ``(dx, dy)``: output pixel ``p`` samples source
    pixel ``c + R(-a) (p - c - d) / s``, i.e. ``[A | c - A (c + d)]`` with ``A = R(-a) / s``.
    """
    j = int(recipe.jitter)
    shifts = rng.integers(-j, j + 1, size=(steps, 2))
    scales = np.asarray(recipe.scales, np.float64)[rng.integers(0, len(recipe.scales), steps)]
    angles = np.deg2rad(np.asarray(recipe.angles, np.float64)[
        rng.integers(0, len(recipe.angles), steps)])
    cos, sin = np.cos(angles) / scales, np.sin(angles) / scales
    a = np.stack([np.stack([cos, sin], -1), np.stack([-sin, cos], -1)], -2)  # R(-a) / s
    centre = np.array([(w - 1) / 2.0, (h - 1) / 2.0])
    t = centre[None] - np.einsum("sij,sj->si", a, centre[None] + shifts)
    return np.concatenate([a, t[..., None]], -1).astype(np.float32)


def warp(images: np.ndarray, transforms: np.ndarray) -> np.ndarray:
    """Reference bilinear warp: ``images (B, H, W, C)``, ``transforms (B, 2, 3)`` as
    :func:`transform_schedule` gives them; source coordinates clamped to the picture
    (``[0, W-1] x [0, H-1]``: border pixels repeat). The backends implement the same."""
    images = np.asarray(images, np.float64)
    b, h, w, _ = images.shape
    ys, xs = np.meshgrid(np.arange(h, dtype=np.float64), np.arange(w, dtype=np.float64),
                         indexing="ij")
    grid = np.stack([xs, ys, np.ones_like(xs)], -1)  # (h, w, 3)
    src = np.einsum("bij,yxj->byxi", np.asarray(transforms, np.float64), grid)
    x = np.clip(src[..., 0], 0, w - 1)
    y = np.clip(src[..., 1], 0, h - 1)
    x0, y0 = np.floor(x).astype(int), np.floor(y).astype(int)
    x1, y1 = np.minimum(x0 + 1, w - 1), np.minimum(y0 + 1, h - 1)
    wx, wy = (x - x0)[..., None], (y - y0)[..., None]
    bi = np.arange(b)[:, None, None]
    out = ((1 - wy) * ((1 - wx) * images[bi, y0, x0] + wx * images[bi, y0, x1])
           + wy * ((1 - wx) * images[bi, y1, x0] + wx * images[bi, y1, x1]))
    return out.astype(np.float32)


def objective_weights(objectives, h: int, w: int) -> np.ndarray:
    """``(len(objectives), h, w)`` float32 spatial weights: ``centre`` 1 at ``(h // 2,
    w // 2)``, ``map`` ``1 / (h w)`` everywhere."""
    out = np.zeros((len(objectives), h, w), np.float32)
    for i, name in enumerate(objectives):
        if name == "centre":
            out[i, h // 2, w // 2] = 1.0
        elif name == "map":
            out[i] = 1.0 / (h * w)
        else:
            raise ValueError(f"unknown objective {name!r}; expected one of {OBJECTIVES}")
    return out


def warmup_schedule(steps: int, fraction: float) -> np.ndarray:
    """``(steps,)`` float32: ``max(0, 1 - s / (fraction * steps))`` at step ``s`` (all 0 when
    ``fraction`` is 0)."""
    if fraction <= 0:
        return np.zeros(steps, np.float32)
    return np.maximum(0.0, 1.0 - np.arange(steps) / (fraction * steps)).astype(np.float32)


def objective_values(acts: np.ndarray, directions: np.ndarray, weights: np.ndarray
                     ) -> np.ndarray:
    """``(B,)``: ``sum_{y,x,c} weights[b, y, x] acts[b, y, x, c] directions[b, c]``."""
    acts = np.asarray(acts, np.float64)
    return np.einsum("byxc,byx,bc->b", acts, np.asarray(weights, np.float64),
                     np.asarray(directions, np.float64))


def dataset_objective_max(acts: np.ndarray, directions: np.ndarray, weights: np.ndarray,
                          initial: np.ndarray | None = None) -> np.ndarray:
    """The best value of each objective over a set of observations: ``(O, J)`` with
    ``[o, j] = max_n sum_{y,x} weights[o, y, x] (acts[n, y, x] . directions[j])`` for
    activations ``(N, h, w, c)``, directions ``(J, c)``, weights ``(O, h, w)``; ``initial``
    (``(O, J)``, a running maximum of earlier chunks) joins the maximum."""
    proj = np.asarray(acts, np.float64) @ np.asarray(directions, np.float64).T  # (N, h, w, J)
    vals = np.einsum("nyxj,oyx->noj", proj, np.asarray(weights, np.float64)).max(axis=0)
    return vals if initial is None else np.maximum(vals, initial)


def gram_diversity(acts: np.ndarray, pairs: np.ndarray) -> float:
    """``sum_{i,j} pairs[i, j] cos(G_i, G_j)``, ``G_b = A_b^T A_b`` (``A_b``: picture ``b``'s
    activations ``(h w, c)``), the cosine over the flattened Gram matrices."""
    a = np.asarray(acts, np.float64)
    a = a.reshape(len(a), -1, a.shape[-1])
    gram = np.einsum("bpc,bpd->bcd", a, a).reshape(len(a), -1)
    gram /= np.maximum(np.linalg.norm(gram, axis=1, keepdims=True), 1e-12)
    return float((np.asarray(pairs, np.float64) * (gram @ gram.T)).sum())


def feature_directions(components: np.ndarray, channels: int = 0) -> np.ndarray:
    """The directions pictured at a layer, ``(K + channels, C)`` float32: the NMF components
    ``(K, C)`` then unit vectors of the first ``channels`` channels."""
    comps = np.asarray(components, np.float32)
    return np.concatenate([comps, np.eye(comps.shape[1], dtype=np.float32)[:channels]])


def picture_seed(seed: int, layer: str, column: int, objective: str) -> np.random.SeedSequence:
    """The seed of one picture: from the analysis' seed, the layer's name, the picture's
    column (direction) and its objective; never from a rank or a batch."""
    return np.random.SeedSequence([int(seed), zlib.crc32(layer.encode()), int(column),
                                   OBJECTIVES.index(objective)])


def make_plan(directions: np.ndarray, objectives, seeds, image_shape, layer_hw,
              colour: np.ndarray, offset: np.ndarray,
              recipe: FeatureVisRecipe = FeatureVisRecipe()) -> FeatureVisPlan:
    """The plan for ``B`` pictures: picture ``b`` maximises objective ``objectives[b]`` of
    direction ``directions[b]`` (``(B, c)``), from seed ``seeds[b]`` (a
    :class:`numpy.random.SeedSequence` or int: its starting spectrum, then its transforms).
    Pictures with the same direction and objective form one diversity group.
    ``image_shape``: ``(H, W, C)``; ``layer_hw``: ``(h, w)`` of the layer's map."""
    h_img, w_img, channels = (int(d) for d in image_shape)
    directions = np.asarray(directions, np.float32)
    batch = len(directions)
    if len(objectives) != batch or len(seeds) != batch:
        raise ValueError(f"{batch} directions, {len(objectives)} objectives, {len(seeds)} "
                         "seeds: one of each per picture")
    spectra, transforms = [], []
    for s in seeds:
        rng = np.random.default_rng(s)
        spectra.append(init_spectrum(rng, channels, h_img, w_img, recipe.init_sd))
        transforms.append(transform_schedule(rng, recipe.steps, h_img, w_img, recipe))
    weights = objective_weights(objectives, *layer_hw)
    keys = [(tuple(d.tolist()), o) for d, o in zip(directions, objectives)]
    pairs = np.array([[1.0 if i < j and keys[i] == keys[j] else 0.0 for j in range(batch)]
                      for i in range(batch)], np.float32).reshape(batch, batch)
    return FeatureVisPlan(
        spectrum=np.stack(spectra), scale=frequency_scale(h_img, w_img, recipe.decay_power),
        colour=np.asarray(colour, np.float32), offset=np.asarray(offset, np.float32),
        transforms=np.stack(transforms, axis=1), directions=directions, weights=weights,
        ramp=warmup_schedule(recipe.steps, recipe.warmup), pairs=pairs,
        image_shape=(h_img, w_img, channels), steps=int(recipe.steps),
        learning_rate=float(recipe.learning_rate),
        beta1=float(recipe.beta1), beta2=float(recipe.beta2), eps=float(recipe.eps),
        diversity=float(recipe.diversity))


def quantise(images: np.ndarray) -> np.ndarray:
    """[0, 1] float pictures -> uint8 (rounded half to even, clipped), as observations are."""
    return np.clip(np.rint(np.asarray(images, np.float64) * 255.0), 0, 255).astype(np.uint8)


def pictures_sheet(pictures: np.ndarray) -> np.ndarray:
    """``(O, J, H, W, 3)`` pictures -> one ``(O H, J W, 3)`` sheet: row ``o`` holds objective
    ``o``'s pictures, column ``j`` picture ``j``."""
    o, j, h, w, c = pictures.shape
    return np.ascontiguousarray(pictures.transpose(0, 2, 1, 3, 4).reshape(o * h, j * w, c))
