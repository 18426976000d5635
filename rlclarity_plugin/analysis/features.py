"""Feature visualisation by dataset examples, scrubs and feature colours (pure numpy / scipy).

Re-implements, from the behaviour described in the seed inventory (sections 1.7, 1.9.7, 1.10,
1.11), the dataset-example views of an NMF feature:

* :func:`feature_grid` - the "spatial" visualisation shown in the feature-viewer popup: the
  activation map of one feature over the whole observation set is resampled on a grid whose
  spacing is ``1 / subdiv_mult`` activation cells; every grid cell shows the patch of the
  observation that excites the feature most at that position (each observation used a bounded
  number of times), with opacity proportional to that activation.
* :func:`feature_thumbnail` - the small ``num_mult x num_mult`` mosaic used in the legend.
* :func:`scrub` - the "barcode" of a strip of frames.
* :func:`hue_to_rgb` / :func:`feature_hues` / :func:`feature_hex_colors` - the feature colours.

Conventions used throughout:

* Observations are ``(N, H, W, C)``, either ``uint8`` in ``[0, 255]`` or float in ``[0, 1]``.
* Activations of one feature (one column of ``acts_reduced``, the layer activations projected on
  the NMF basis) are ``(N, h, w)``, non-negative, arbitrary units.
* ``patch_size`` is the number of observation pixels per activation cell (``H / h``; e.g.
  ``64 / 32 = 2``). It may be a scalar or an ``(rows, cols)`` pair and need not be an integer.
* Positions are continuous **cell indices**: cell ``i`` covers the pixels
  ``[i * patch_size, (i + 1) * patch_size)`` and position ``p`` is centred on the pixel coordinate
  ``(p + 0.5) * patch_size``; position ``i`` is exactly the centre of cell ``i``.
* Padding around an observation is a 1-pixel checkerboard of 0.75 / 1.0 grey ("the edge of the
  screen"), value ``((r + c) % 2) * 0.25 + 0.75`` at padded pixel ``(r, c)``.

Everything is vectorised (whole-array numpy, BLAS matrix products, fancy indexing); the only
Python loop is over the rounds of the :func:`argmax_nd` reassignment.
"""

from __future__ import annotations

import math

import numpy as np
from scipy import ndimage

__all__ = [
    "MIN_OPACITY",
    "SCRUB_RANGE",
    "argmax_nd",
    "compose_feature_picture",
    "feature_grid",
    "feature_hex_colors",
    "feature_hues",
    "feature_layout",
    "feature_picture_alpha",
    "feature_thumbnail",
    "hue_to_rgb",
    "pad_observations",
    "rescale_opacity",
    "scrub",
    "scrub_columns",
    "zoom_activations",
]

#: Opacity floor of the feature images (weak patches stay faintly visible).
MIN_OPACITY = 15 / 255
#: Horizontal fraction of a frame kept by :func:`scrub`.
SCRUB_RANGE = (42 / 64, 44 / 64)


# --------------------------------------------------------------------------------------------
# Padding
# --------------------------------------------------------------------------------------------

def _checkerboard(rows, cols):
    """Checkerboard value ``((r + c) % 2) * 0.25 + 0.75`` for broadcastable padded pixel indices."""
    return ((np.add(rows, cols) % 2) * 0.25 + 0.75).astype(np.float32)


def _as_unit_float(obs):
    """Observations (any shape) as float32 in [0, 1]: uint8 is divided by 255, floats clipped."""
    obs = np.asarray(obs)
    if obs.dtype == np.uint8:
        return obs.astype(np.float32) / 255.0
    return np.clip(obs.astype(np.float32, copy=False), 0.0, 1.0)


def _to_uint8(image):
    """Float image in [0, 1] -> uint8 (clipped, x255, rounded to nearest)."""
    return np.rint(np.clip(image, 0.0, 1.0) * 255.0).astype(np.uint8)


def pad_observations(obs, pad):
    """Pad observations with a 1-pixel grey/white checkerboard on every side.

    Args:
        obs: ``(N, H, W, C)`` observations, ``uint8`` in [0, 255] or float in [0, 1].
        pad: int, padding in pixels on each side (or an ``(pad_rows, pad_cols)`` pair).

    Returns:
        float32 array ``(N, H + 2*pad_rows, W + 2*pad_cols, C)`` in [0, 1]; the border pixel at
        padded coordinates ``(r, c)`` is ``((r + c) % 2) * 0.25 + 0.75`` (0.75 or 1.0) in every
        channel, the interior is the observation (uint8 divided by 255).
    """
    obs = _as_unit_float(obs)
    if obs.ndim != 4:
        raise ValueError(f"observations must be (N, H, W, C), got shape {obs.shape}")
    pad_h, pad_w = (int(pad), int(pad)) if np.ndim(pad) == 0 else (int(pad[0]), int(pad[1]))
    if pad_h < 0 or pad_w < 0:
        raise ValueError("pad must be non-negative")
    n, h, w, c = obs.shape
    board = _checkerboard(np.arange(h + 2 * pad_h)[:, None], np.arange(w + 2 * pad_w)[None, :])
    out = np.empty((n, h + 2 * pad_h, w + 2 * pad_w, c), dtype=np.float32)
    out[...] = board[None, :, :, None]
    out[:, pad_h:pad_h + h, pad_w:pad_w + w] = obs
    return out


def _gather_padded(obs, obs_index, rows, cols, pad_h, pad_w):
    """Pixels of the *virtually* padded observations, without building the padded copy.

    ``obs`` is ``(N, H, W, C)``; ``obs_index``, ``rows`` and ``cols`` are broadcastable integer
    arrays (rows / cols in padded pixel coordinates). Returns float32 ``broadcast_shape + (C,)``:
    the observation pixel where ``(rows - pad_h, cols - pad_w)`` falls inside the frame, the
    checkerboard value of ``pad_observations`` otherwise (also beyond ``pad``).
    """
    _, height, width, _ = obs.shape
    r = np.asarray(rows) - pad_h
    c = np.asarray(cols) - pad_w
    inside = (r >= 0) & (r < height) & (c >= 0) & (c < width)
    pixels = obs[obs_index, np.clip(r, 0, height - 1), np.clip(c, 0, width - 1)]
    pixels = _as_unit_float(pixels)
    board = _checkerboard(rows, cols)
    return np.where(inside[..., None], pixels, board[..., None])


# --------------------------------------------------------------------------------------------
# Resampling of the activation maps
# --------------------------------------------------------------------------------------------

def _zoom_matrix(size, subdiv_mult):
    """Linear map of the original's edge-pad + zoom + crop along one axis.

    Returns ``(matrix, positions)``: ``matrix`` is ``(size', size)`` such that
    ``matrix @ a`` reproduces, for a length-``size`` signal ``a``, edge padding by one sample,
    ``scipy.ndimage.zoom(order=1, mode="nearest")`` by ``z = s - (s - 1) / (size + 2)`` and
    cropping one output sample at each end; ``positions`` ``(size',)`` are the matching sample
    positions in cell-index units (the zoomed padded index minus one).
    """
    s = float(subdiv_mult)
    if not s > 0:
        raise ValueError(f"subdiv_mult must be positive, got {subdiv_mult}")
    z = s - (s - 1.0) / (size + 2)
    # scipy's interpolation is separable: the zoom of the identity is its weight matrix (exact).
    zoom = ndimage.zoom(np.eye(size + 2), (z, 1.0), order=1, mode="nearest")[1:-1]
    positions = zoom @ np.arange(size + 2, dtype=np.float64) - 1.0
    edge = np.zeros((size + 2, size))
    edge[np.arange(1, size + 1), np.arange(size)] = 1.0
    edge[0, 0] = edge[-1, -1] = 1.0
    return zoom @ edge, positions


def _zoom_cells_last(acts, subdiv_mult):
    """Zoomed activations laid out ``(h', w', N)`` (cells first) plus 1-D positions."""
    acts = np.asarray(acts, dtype=np.float64)
    n, h, w = acts.shape
    mat_h, pos_h = _zoom_matrix(h, subdiv_mult)
    mat_w, pos_w = _zoom_matrix(w, subdiv_mult)
    hz, wz = mat_h.shape[0], mat_w.shape[0]
    if hz == 0 or wz == 0 or n == 0:
        raise ValueError(f"subdiv_mult={subdiv_mult} leaves no grid cells for a {h}x{w} layer "
                         f"({n} observations)")
    cells = acts.transpose(1, 2, 0).reshape(h, w * n)
    cells = (mat_h @ cells).reshape(hz, w, n)
    cells = np.matmul(mat_w[None], cells)  # (h', w', N)
    return cells, pos_h, pos_w


def zoom_activations(acts, subdiv_mult):
    """Resample activation maps on a grid spaced ``1 / subdiv_mult`` activation cells.

    Same numbers as the original: edge-pad by one cell, bilinear
    ``scipy.ndimage.zoom(order=1, mode="nearest")`` by ``z = s - (s - 1) / (h + 2)``, crop one
    sample on each side. scipy's samples are corner-aligned, ``(h + 1) / (n - 1)`` cells apart
    with ``n = round((h + 2) * z)``: exactly ``1/s`` when ``s * (h + 1)`` is an integer (e.g.
    ``s = 2``), otherwise within rounding of it (``h = 8, s = 0.5``: 1.8 cells).
    Grid sizes for ``h = 64/32/16/8``: ``s=0.25 -> 15/7/3/1``, ``s=0.5 -> 32/16/8/4``,
    ``s=1 -> h``, ``s=2 -> 129/65/33/17``.

    Args:
        acts: ``(N, h, w)`` activations (any real units).
        subdiv_mult: ``s > 0``, grid samples per activation cell.

    Returns:
        ``(zoomed, positions)``: ``zoomed`` float64 ``(N, h', w')`` interpolated activations;
        ``positions`` float64 ``(h', w', 2)`` the (row, col) position of every grid sample in
        cell-index units (for ``s = 1`` exactly ``0..h-1`` / ``0..w-1``; a sample at position ``p``
        is centred on observation pixel ``(p + 0.5) * patch_size``). The original stores the
        same grid as ``p + 0.5`` (its "indices minus 0.5").

    Raises:
        ValueError: if the grid is empty (``s`` too small for the layer).
    """
    acts = np.asarray(acts)
    if acts.ndim != 3:
        raise ValueError(f"acts must be (N, h, w), got shape {acts.shape}")
    cells, pos_h, pos_w = _zoom_cells_last(acts, subdiv_mult)
    positions = np.stack(np.broadcast_arrays(pos_h[:, None], pos_w[None, :]), axis=-1)
    return np.ascontiguousarray(cells.transpose(2, 0, 1)), positions


# --------------------------------------------------------------------------------------------
# Assignment of candidates to cells
# --------------------------------------------------------------------------------------------

def _argmax_cells(values, max_rep, strict):
    """:func:`argmax_nd` on ``values`` laid out ``(G cells, N candidates)`` (contiguous rows)."""
    values = np.asarray(values)
    num_cells, num_cand = values.shape
    if num_cand == 0:
        raise ValueError("argmax_nd needs at least one candidate")
    if not max_rep > 0:
        raise ValueError(f"max_rep must be positive, got {max_rep}")
    result = values.argmax(axis=1)  # rank 0 (first index among ties, like a stable sort)
    counts = np.bincount(result, minlength=num_cand)
    if num_cells == 0 or counts.max() <= max_rep:
        return result
    cell_ids = np.arange(num_cells)
    ranking = None  # lazily filled rows of the per-cell ranking (descending, stable)
    ranked = np.zeros(num_cells, dtype=bool)
    last_round = num_cand - 1 if strict else num_cand
    for round_i in range(1, last_round + 1):
        current = values[cell_ids, result]
        # Cells grouped by their pick, weakest first: the first (count - max_rep) of a group move.
        order = np.lexsort((current, result))
        picks = result[order]
        rank_in_group = cell_ids - np.searchsorted(picks, picks, side="left")
        move = rank_in_group < counts[picks] - max_rep
        if not move.any():
            break
        moved = order[move]
        todo = moved[~ranked[moved]]
        if todo.size:
            if ranking is None:
                ranking = np.empty((num_cells, num_cand), dtype=np.int32)
            ranking[todo] = np.argsort(-values[todo], axis=1, kind="stable")
            ranked[todo] = True
        result[moved] = ranking[moved, round_i % num_cand]
        counts = np.bincount(result, minlength=num_cand)
    return result


def argmax_nd(values, max_rep=np.inf, strict=False):
    """Per cell, the best candidate, with each candidate used at most ``max_rep`` times.

    Start from the argmax of every cell. Then in round ``i = 1, 2, ...`` the cells are visited in
    ascending order of the value of their current pick and, while a candidate is used more than
    ``max_rep`` times (counts taken at the start of the round, decreased as cells leave), its
    weakest cells are reassigned to their rank-``i`` candidate (rank 0 = largest value; ties go
    to the lower index). Stop when a round changes nothing, after ``N - 1`` rounds when
    ``strict`` or ``N`` rounds otherwise (the last non-strict round wraps round to rank 0, so
    the constraint may end up violated; strict never goes back to rank 0 but can also run out of
    rounds when capacity is tight).

    Args:
        values: ``(N, G)`` scores of ``N`` candidates for ``G`` cells.
        max_rep: maximum number of cells per candidate (``np.inf`` = plain argmax).
        strict: see above.

    Returns:
        int64 ``(G,)`` chosen candidate index per cell.
    """
    values = np.asarray(values)
    if values.ndim != 2:
        raise ValueError(f"values must be (N candidates, G cells), got shape {values.shape}")
    return _argmax_cells(np.ascontiguousarray(values.T), max_rep, strict)


# --------------------------------------------------------------------------------------------
# Opacity
# --------------------------------------------------------------------------------------------

def rescale_opacity(images, min_opacity=MIN_OPACITY, opaque_frac=0.1, max_scale=10,
                    keep_zeros=False):
    """Stretch the alpha channel so that roughly the top ``opaque_frac`` of pixels are opaque.

    ``thr = max(percentile(alpha, 100 * (1 - opaque_frac)), max(alpha) / max_scale)`` over all
    pixels of ``images``; ``alpha' = min(1, min_opacity + alpha * (1 - min_opacity) / thr)``
    (``alpha' = min_opacity`` everywhere if all alpha are 0). With ``keep_zeros`` pixels whose
    alpha is exactly 0 stay 0.

    Args:
        images: float array ``(..., C + 1)`` with alpha in the last channel, in [0, 1].
        min_opacity: opacity floor (default 15/255).
        opaque_frac: fraction of pixels meant to become fully opaque.
        max_scale: the alpha gain ``1 / thr`` never exceeds ``max_scale / max(alpha)``.
        keep_zeros: keep fully transparent pixels transparent.

    Returns:
        float64 copy of ``images`` with the rescaled alpha (colour channels unchanged).
    """
    images = np.array(images, dtype=np.float64)
    alpha = images[..., -1]
    if alpha.size == 0:
        return images
    thr = max(float(np.percentile(alpha, 100.0 * (1.0 - opaque_frac))),
              float(alpha.max()) / max_scale)
    scaled = alpha * ((1.0 - min_opacity) / thr) if thr > 0 else np.zeros_like(alpha)
    new_alpha = np.minimum(1.0, min_opacity + scaled)
    if keep_zeros:
        new_alpha = np.where(alpha == 0, 0.0, new_alpha)
    images[..., -1] = new_alpha
    return images


# --------------------------------------------------------------------------------------------
# Dataset-example images
# --------------------------------------------------------------------------------------------

def _pair(x):
    return (float(x), float(x)) if np.ndim(x) == 0 else (float(x[0]), float(x[1]))


def _patch_bounds(centres, expand_mult, patch, pad):
    """Rounded ``[lo, hi)`` padded-pixel bounds of patches centred at ``centres`` (pixel units
    = ``centres * patch``), ``expand_mult`` cells wide; numpy round = round-half-even."""
    lo = np.round(pad + (centres - 0.5 * expand_mult) * patch).astype(np.int64)
    hi = np.round(pad + (centres + 0.5 * expand_mult) * patch).astype(np.int64)
    return lo, hi


def _concat_ranges(lo, hi):
    """``concatenate([arange(l, h) for l, h in zip(lo, hi)])`` and the owning index, vectorised."""
    sizes = np.maximum(hi - lo, 0)
    owner = np.repeat(np.arange(len(sizes)), sizes)
    starts = np.cumsum(sizes) - sizes
    return lo[owner] + (np.arange(owner.size) - starts[owner]), owner


def _check_inputs(acts_feature, observations, patch_size):
    acts = np.asarray(acts_feature)
    obs = np.asarray(observations)
    if acts.ndim != 3:
        raise ValueError(f"acts_feature must be (N, h, w), got shape {acts.shape}")
    if obs.ndim != 4 or obs.shape[0] != acts.shape[0]:
        raise ValueError(f"observations must be (N, H, W, C) with N={acts.shape[0]}, "
                         f"got shape {obs.shape}")
    if patch_size is None:
        patch_size = (obs.shape[1] / acts.shape[1], obs.shape[2] / acts.shape[2])
    return acts, obs, _pair(patch_size)


def feature_layout(layer_hw, obs_hw, subdiv_mult, expand_mult, patch_size=None) -> dict:
    """Where every cell of a :func:`feature_grid` picture comes from (its geometry, used by
    :func:`feature_grid` itself).

    Args:
        layer_hw: the activation map's (h, w).
        obs_hw: the observations' (H, W) (patch size ``H / h``, ``W / w``); ignored when
            ``patch_size`` is given.

    Returns a dict: ``rows_lo`` / ``rows_hi`` (int64, one per grid row) and ``cols_lo`` /
    ``cols_hi`` (per grid column): the padded-pixel bounds ``[lo, hi)`` of the patch shown in
    that row / column; ``pad_rows`` / ``pad_cols``: the observation sits at ``[pad, pad + H)``
    in padded coordinates, the checkerboard ``(r + c) % 2 ? 255 : 191`` around it. The picture
    is these patches tiled row-major (see :func:`compose_feature_picture`).
    """
    h, w = int(layer_hw[0]), int(layer_hw[1])
    if patch_size is None:
        patch_size = (obs_hw[0] / h, obs_hw[1] / w)
    out = {}
    for axis, size, patch in (("rows", h, _pair(patch_size)[0]), ("cols", w, _pair(patch_size)[1])):
        pad = math.ceil(patch * expand_mult)
        _, positions = _zoom_matrix(size, subdiv_mult)
        lo, hi = _patch_bounds(positions + 0.5, expand_mult, patch, pad)
        out[f"{axis}_lo"], out[f"{axis}_hi"], out[f"pad_{axis}"] = lo, hi, pad
    return out


def _layout_pixels(layout):
    """Per picture row / column: its padded-pixel coordinate and owning grid row / column."""
    r, r_owner = _concat_ranges(np.asarray(layout["rows_lo"]), np.asarray(layout["rows_hi"]))
    c, c_owner = _concat_ranges(np.asarray(layout["cols_lo"]), np.asarray(layout["cols_hi"]))
    return r, r_owner, c, c_owner


def compose_feature_picture(layout: dict, grid, alpha, observations) -> np.ndarray:
    """A feature picture (uint8 RGBA) from its ``layout`` (:func:`feature_layout`), the
    observation of each cell ``grid`` and the alpha of each cell ``alpha`` (both row-major
    ``(rows * cols,)`` or ``(rows, cols)``), and the observations uint8 ``(N, H, W, 3)``.

    Gives exactly the picture :func:`feature_grid` made (RGB of uint8 observations, the
    checkerboard outside them, one alpha per cell); :func:`feature_picture_alpha` is its
    inverse. The exported page does the same in JavaScript.
    """
    r, r_owner, c, c_owner = _layout_pixels(layout)
    R, C = len(layout["rows_lo"]), len(layout["cols_lo"])
    grid = np.asarray(grid).reshape(R, C)
    alpha = np.asarray(alpha).reshape(R, C)
    N, H, W, _ = observations.shape
    rr, cc = r[:, None] - layout["pad_rows"], c[None, :] - layout["pad_cols"]
    inside = (rr >= 0) & (rr < H) & (cc >= 0) & (cc < W)
    which = grid[r_owner[:, None], c_owner[None, :]]
    rgb = observations[which, np.clip(rr, 0, H - 1), np.clip(cc, 0, W - 1), :3]
    board = np.where((r[:, None] + c[None, :]) % 2 == 1, 255, 191).astype(np.uint8)
    rgb = np.where(inside[..., None], rgb, board[..., None])
    a = alpha[r_owner[:, None], c_owner[None, :]]
    return np.concatenate([rgb, a[..., None]], axis=-1).astype(np.uint8)


def feature_picture_alpha(picture, layout: dict, grid, observations) -> np.ndarray | None:
    """The inverse of :func:`compose_feature_picture`: the per-cell alpha (uint8, row-major)
    of ``picture`` (uint8 RGBA), or None when the picture is not exactly the composition of
    its cells (another layout, grid or observations)."""
    picture = np.asarray(picture)
    r, r_owner, c, c_owner = _layout_pixels(layout)
    R, C = len(layout["rows_lo"]), len(layout["cols_lo"])
    if np.size(grid) != R * C or picture.ndim != 3 or picture.shape[2] != 4 or \
            picture.shape[:2] != (r.size, c.size):
        return None
    rsz = np.bincount(r_owner, minlength=R)
    csz = np.bincount(c_owner, minlength=C)
    r0 = np.minimum(np.cumsum(rsz) - rsz, max(r.size - 1, 0))
    c0 = np.minimum(np.cumsum(csz) - csz, max(c.size - 1, 0))
    alpha = np.ascontiguousarray(picture[r0[:, None], c0[None, :], 3].astype(np.uint8))
    if not np.array_equal(compose_feature_picture(layout, grid, alpha, observations), picture):
        return None
    return alpha.reshape(-1)


def feature_grid(acts_feature, observations, subdiv_mult=1, expand_mult=4, patch_size=None,
                 top_frac=0.1):
    """Dataset examples of one feature by spatial position (the feature-viewer image).

    1. :func:`zoom_activations` resamples the activations on an ``(h', w')`` grid spaced
       ``1 / subdiv_mult`` cells.
    2. Each grid cell gets an observation with :func:`argmax_nd` (non-strict), each observation
       used at most ``max_rep = ceil(h' * w' / (N * top_frac))`` times.
    3. Each cell shows the square patch of its observation centred on its position,
       ``expand_mult`` cells wide: padded-pixel rows
       ``[round(pad + (p + 0.5 - e/2) * patch), round(pad + (p + 0.5 + e/2) * patch))`` with
       ``pad = ceil(patch * e)``, the checkerboard outside the frame; patches tiled row-major.
    4. Alpha of a patch (constant) = its interpolated activation / the maximum over the grid,
       then :func:`rescale_opacity` with the interface defaults (top ~10 % opaque, floor 15/255).

    Args:
        acts_feature: ``(N, h, w)`` activations of one feature (``acts_reduced[..., k]``).
        observations: ``(N, H, W, C)`` uint8 or float in [0, 1] (C = 3 gives RGBA output).
        subdiv_mult: grid samples per activation cell (0.25, 0.5, 1, 2 in the interface).
        expand_mult: patch width in activation cells (1, 2, 4, 8 in the interface).
        patch_size: observation pixels per activation cell (scalar or (rows, cols));
            default ``(H / h, W / w)``.
        top_frac: fraction of the observations meant to be used (sets ``max_rep``).

    Returns:
        ``(image, obs_indices)``: ``image`` uint8 ``(sum of row heights, sum of column widths,
        C + 1)``, i.e. ``(h' * round(e * patch), w' * round(e * patch), C + 1)`` whenever the
        rounded bounds give equal sizes (always for integer ``e * patch`` and half-cell
        positions); ``obs_indices`` int32 ``(h', w')``, the observation shown in each cell (the
        "overlay grid").

    Raises:
        ValueError: if the grid is empty or the inputs are inconsistent.
    """
    acts, obs, (patch_h, patch_w) = _check_inputs(acts_feature, observations, patch_size)
    num_obs = acts.shape[0]
    cells, pos_h, pos_w = _zoom_cells_last(acts, subdiv_mult)
    grid_h, grid_w = cells.shape[:2]
    num_cells = grid_h * grid_w
    cells = cells.reshape(num_cells, num_obs)
    max_rep = math.ceil(num_cells / (num_obs * top_frac))
    chosen = _argmax_cells(cells, max_rep, strict=False)
    obs_indices = chosen.reshape(grid_h, grid_w).astype(np.int32)
    acts_chosen = cells[np.arange(num_cells), chosen].reshape(grid_h, grid_w)
    acts_max = acts_chosen.max()
    alpha = acts_chosen / (acts_max if acts_max != 0 else 1.0)

    layout = feature_layout((acts.shape[1], acts.shape[2]), None, subdiv_mult, expand_mult,
                            patch_size=(patch_h, patch_w))
    pad_h, pad_w = layout["pad_rows"], layout["pad_cols"]
    rows, row_cell = _concat_ranges(layout["rows_lo"], layout["rows_hi"])
    cols, col_cell = _concat_ranges(layout["cols_lo"], layout["cols_hi"])
    which = obs_indices[row_cell[:, None], col_cell[None, :]]
    rgb = _gather_padded(obs, which, rows[:, None], cols[None, :], pad_h, pad_w)
    a = alpha[row_cell[:, None], col_cell[None, :]]
    image = rescale_opacity(np.concatenate([rgb, a[..., None]], axis=-1))
    return _to_uint8(image), obs_indices


def feature_thumbnail(acts_feature, observations, patch_size=None, num_mult=4, expand_mult=4):
    """Small ``num_mult x num_mult`` mosaic of a feature's strongest dataset examples.

    1. Per observation, its argmax spatial cell via :func:`argmax_nd` over the ``h * w``
       positions with ``max_rep = num_mult``, strict (at most ``num_mult`` observations per cell).
    2. The ``num_mult**2`` observations with the largest activation at their cell are sorted by
       (row, col) of that cell, cut into ``num_mult`` rows, each row sorted by col (rough
       spatial layout).
    3. Each shows the patch centred on its cell (centre ``pos + 0.5`` cells, ``expand_mult``
       cells wide, checkerboard outside the frame), all cropped (top-left kept) to the smallest
       patch size; alpha = activation / the largest of the shown activations, then
       :func:`rescale_opacity` with ``max_scale=1, keep_zeros=True``.

    Args:
        acts_feature: ``(N, h, w)`` activations of one feature, ``N >= num_mult**2``.
        observations: ``(N, H, W, C)`` uint8 or float in [0, 1].
        patch_size: observation pixels per activation cell; default ``(H / h, W / w)``.
        num_mult: examples per side.
        expand_mult: patch width in activation cells.

    Returns:
        uint8 ``(num_mult * p_h, num_mult * p_w, C + 1)`` with ``p ~ round(expand_mult *
        patch_size)`` the smallest patch size.

    Raises:
        ValueError: if ``N < num_mult**2``.
    """
    acts, obs, (patch_h, patch_w) = _check_inputs(acts_feature, observations, patch_size)
    num_obs, h, w = acts.shape
    k = int(num_mult)
    if num_obs < k * k:
        raise ValueError(f"a {k}x{k} thumbnail needs at least {k * k} observations, got {num_obs}")
    flat = np.ascontiguousarray(acts.reshape(num_obs, h * w), dtype=np.float64)
    pos = _argmax_cells(flat, max_rep=k, strict=True)  # cells = observations
    act = flat[np.arange(num_obs), pos]
    top = np.argsort(-act, kind="stable")[:k * k]
    pos_r, pos_c = np.divmod(pos[top], w)
    order = np.lexsort((pos_c, pos_r)).reshape(k, k)
    order = np.take_along_axis(order, np.argsort(pos_c[order], axis=1, kind="stable"), axis=1)
    chosen = top[order]  # (k, k) observation indices
    cen_r, cen_c = np.divmod(pos[chosen], w)

    pad_h, pad_w = math.ceil(patch_h * expand_mult), math.ceil(patch_w * expand_mult)
    lo_r, hi_r = _patch_bounds(cen_r + 0.5, expand_mult, patch_h, pad_h)
    lo_c, hi_c = _patch_bounds(cen_c + 0.5, expand_mult, patch_w, pad_w)
    size_r, size_c = int((hi_r - lo_r).min()), int((hi_c - lo_c).min())
    rows = lo_r[:, :, None, None] + np.arange(size_r)[:, None]  # (k, k, p_h, 1)
    cols = lo_c[:, :, None, None] + np.arange(size_c)[None, :]  # (k, k, 1, p_w)
    rgb = _gather_padded(obs, chosen[:, :, None, None], rows, cols, pad_h, pad_w)
    shown = act[chosen]
    shown_max = shown.max()
    alpha = np.broadcast_to((shown / (shown_max if shown_max != 0 else 1.0))[:, :, None, None],
                            rgb.shape[:-1])
    tiles = np.concatenate([rgb, alpha[..., None]], axis=-1)  # (k, k, p_h, p_w, C + 1)
    image = tiles.transpose(0, 2, 1, 3, 4).reshape(k * size_r, k * size_c, -1)
    return _to_uint8(rescale_opacity(image, max_scale=1, keep_zeros=True))


# --------------------------------------------------------------------------------------------
# Scrubs
# --------------------------------------------------------------------------------------------

def scrub_columns(width, scrub_range=SCRUB_RANGE):
    """Columns ``[a, b)`` kept by :func:`scrub` for frames ``width`` pixels wide.

    ``a = round(lo * width)``, ``b = max(round(hi * width), a + 1)`` with numpy's
    round-half-even; e.g. 64 -> (42, 44), 32 -> (21, 22), 16 -> (10, 11), 8 -> (5, 6).
    """
    start = int(np.round(scrub_range[0] * width))
    stop = max(int(np.round(scrub_range[1] * width)), start + 1)
    return start, stop


def scrub(frames, scrub_range=SCRUB_RANGE):
    """Barcode strip: a thin vertical slice of every frame, concatenated over time.

    Args:
        frames: ``(T, H, W, ...)`` frames (any dtype; trailing channel axes optional).
        scrub_range: horizontal fractions ``(lo, hi)`` of the slice, see :func:`scrub_columns`.

    Returns:
        ``(H, T * k, ...)`` with ``k = b - a`` columns per frame (frame ``t`` occupies columns
        ``t*k .. t*k + k - 1``), same dtype as ``frames``.
    """
    frames = np.asarray(frames)
    if frames.ndim < 3:
        raise ValueError(f"frames must be (T, H, W, ...), got shape {frames.shape}")
    start, stop = scrub_columns(frames.shape[2], scrub_range)
    strip = frames[:, :, start:stop]
    t, h, k = strip.shape[:3]
    return np.ascontiguousarray(strip.swapaxes(0, 1)).reshape(h, t * k, *strip.shape[3:])


# --------------------------------------------------------------------------------------------
# Colours
# --------------------------------------------------------------------------------------------

_HUE_CORNERS = np.array([[1, 0, 0], [1, 1, 0], [0, 1, 0], [0, 1, 1], [0, 0, 1], [1, 0, 1]],
                        dtype=np.float64)
_HUE_CORNERS /= np.linalg.norm(_HUE_CORNERS, axis=1, keepdims=True)


def hue_to_rgb(angle, warp=True):
    """Unit-norm RGB vector(s) for hue angle(s) in degrees.

    The hue circle is cut into six 60-degree sectors between the unit vectors of R (0), Y (60),
    G (120), C (180), B (240), M (300). Within sector ``n`` the fraction ``f = (angle mod 60) /
    60`` is, with ``warp``, pushed away from the primaries: ``f' = sin(f * pi / 2)`` in the
    sectors starting at a primary (n even) and ``f' = 1 - sin((1 - f) * pi / 2)`` in those
    ending at one (n odd); the colour is ``(1 - f') * corner[n] + f' * corner[n + 1]``,
    renormalised to unit length.

    Args:
        angle: scalar or array of hues in degrees (any real; taken mod 360).
        warp: apply the sine warp (otherwise plain linear interpolation).

    Returns:
        float64 ``angle.shape + (3,)``, unit L2 norm, non-negative.
    """
    a = np.mod(np.asarray(angle, dtype=np.float64), 360.0) / 60.0
    sector = np.floor(a)
    f = a - sector
    sector = sector.astype(np.int64) % 6
    if warp:
        f = np.where(sector % 2 == 0, np.sin(f * np.pi / 2), 1.0 - np.sin((1.0 - f) * np.pi / 2))
    v = (1.0 - f)[..., None] * _HUE_CORNERS[sector] + f[..., None] * _HUE_CORNERS[(sector + 1) % 6]
    return v / np.linalg.norm(v, axis=-1, keepdims=True)


def feature_hues(num_features):
    """``(K, 3)`` unit-norm RGB colours of the K NMF features: ``hue_to_rgb(360 * k / K)``."""
    return hue_to_rgb(360.0 * np.arange(num_features) / num_features, warp=True)


def feature_hex_colors(num_features):
    """CSS colours ``"#rrggbb"`` of the K features: :func:`feature_hues` scaled so the largest
    component is 1, x255, rounded. K=8: ``#ff0000 #ffe400 #a1ff00 #00ff4e #00ffff #004eff
    #a100ff #ff00e4``."""
    hues = feature_hues(num_features)
    rgb = np.rint(hues / hues.max(axis=1, keepdims=True) * 255).astype(int)
    return ["#{:02x}{:02x}{:02x}".format(*c) for c in rgb]
