"""Dataset-example feature visualisation, opacity, scrubs and feature colours."""

import math

import numpy as np
import pytest
from scipy import ndimage

from rlclarity_plugin.analysis.features import (
    MIN_OPACITY,
    argmax_nd,
    feature_grid,
    feature_hex_colors,
    feature_hues,
    feature_thumbnail,
    hue_to_rgb,
    pad_observations,
    rescale_opacity,
    scrub,
    scrub_columns,
    zoom_activations,
)

# ------------------------------------------------------------------------------------------
# Synthetic data: observation n, pixel (y, x) has colour (R, G, B) = (n, y, x), so every pixel
# of an image built from observations tells which observation and which pixel it came from.
# ------------------------------------------------------------------------------------------


def coded_observations(n, size):
    obs = np.zeros((n, size, size, 3), dtype=np.uint8)
    obs[..., 0] = np.arange(n)[:, None, None]
    obs[..., 1] = np.arange(size)[None, :, None]
    obs[..., 2] = np.arange(size)[None, None, :]
    return obs


def peak_activations(h, peaks, values, n=None):
    """(N, h, h) zeros except activation ``values[k]`` at cell ``peaks[k]`` of observation k."""
    n = len(peaks) if n is None else n
    acts = np.zeros((n, h, h))
    for k, ((r, c), v) in enumerate(zip(peaks, values)):
        acts[k, r, c] = v
    return acts


CHECKER = {191, 255}  # round(0.75 * 255), 255


# ------------------------------------------------------------------------------------------
# Padding and zoom
# ------------------------------------------------------------------------------------------


def test_pad_observations_checkerboard_and_interior():
    obs = coded_observations(2, 6)
    padded = pad_observations(obs, 3)
    assert padded.shape == (2, 12, 12, 3)
    assert padded.dtype == np.float32
    np.testing.assert_allclose(padded[:, 3:9, 3:9], obs / 255.0, atol=1e-7)
    r, c = np.indices((12, 12))
    border = np.ones((12, 12), bool)
    border[3:9, 3:9] = False
    expected = ((r + c) % 2) * 0.25 + 0.75
    for ch in range(3):
        np.testing.assert_array_equal(padded[0, ..., ch][border], expected[border])
    # float input is kept (clipped to [0, 1])
    np.testing.assert_allclose(pad_observations(obs / 255.0, 1)[:, 1:-1, 1:-1], obs / 255.0,
                               atol=1e-6)


GRID_SIZES = {  # h -> {s: h'} from the reference table
    64: {0.25: 15, 0.5: 32, 1: 64, 2: 129},
    32: {0.25: 7, 0.5: 16, 1: 32, 2: 65},
    16: {0.25: 3, 0.5: 8, 1: 16, 2: 33},
    8: {0.25: 1, 0.5: 4, 1: 8, 2: 17},
}


@pytest.mark.parametrize("h", sorted(GRID_SIZES))
def test_zoom_grid_sizes(h):
    acts = np.random.default_rng(h).random((2, h, h))
    for s, size in GRID_SIZES[h].items():
        zoomed, positions = zoom_activations(acts, s)
        assert zoomed.shape == (2, size, size)
        assert positions.shape == (size, size, 2)


def test_zoom_matches_scipy_pipeline_and_positions():
    rng = np.random.default_rng(0)
    acts = rng.random((3, 8, 6))
    for s in (0.25, 0.5, 1, 2, 3):
        zh, zw = s - (s - 1) / 10, s - (s - 1) / 8
        ref = np.pad(acts, [(0, 0), (1, 1), (1, 1)], mode="edge")
        ref = ndimage.zoom(ref, [1, zh, zw], order=1, mode="nearest")[:, 1:-1, 1:-1]
        zoomed, positions = zoom_activations(acts, s)
        np.testing.assert_allclose(zoomed, ref, rtol=1e-12, atol=1e-12)
        # samples are evenly spaced ~1/s cells apart (scipy's corner-aligned grid) and
        # symmetric about the layer centre
        step = np.diff(positions[:, 0, 0])
        np.testing.assert_allclose(step, 9 / (round(10 * zh) - 1))
        assert np.all(np.abs(step - 1 / s) <= 0.2 / s)
        np.testing.assert_allclose(positions[:, 0, 0] + positions[::-1, 0, 0], 8 - 1)
        np.testing.assert_allclose(positions[0, :, 1] + positions[0, ::-1, 1], 6 - 1)
    _, positions = zoom_activations(acts, 1)
    np.testing.assert_array_equal(positions[:, 0, 0], np.arange(8))
    np.testing.assert_array_equal(positions[0, :, 1], np.arange(6))
    # s = 2: every other sample is exactly a cell (value and position)
    zoomed, positions = zoom_activations(acts, 2)
    np.testing.assert_allclose(zoomed[:, 1::2, 1::2], acts, atol=1e-12)
    np.testing.assert_allclose(positions[1::2, 0, 0], np.arange(8))


def test_zoom_empty_grid_raises():
    with pytest.raises(ValueError):
        zoom_activations(np.ones((2, 2, 2)), 0.25)


# ------------------------------------------------------------------------------------------
# argmax_nd
# ------------------------------------------------------------------------------------------


def slow_argmax_nd(values, max_rep, strict):
    """Literal, cell-by-cell transcription of the rule in the reference (for comparison)."""
    n, g = values.shape
    ranking = np.argsort(-values, axis=0, kind="stable")
    result = ranking[0].copy()
    counts = np.bincount(result, minlength=n)
    for i in range(1, (n - 1 if strict else n) + 1):
        current = values[result, np.arange(g)]
        remaining = counts.copy()
        changed = False
        for cell in sorted(range(g), key=lambda c: (current[c], c)):
            pick = result[cell]
            if remaining[pick] > max_rep:
                result[cell] = ranking[i % n, cell]
                remaining[pick] -= 1
                counts[pick] -= 1
                counts[result[cell]] += 1
                changed = True
        if not changed:
            break
    return result


def test_argmax_nd_large_max_rep_is_argmax():
    values = np.random.default_rng(1).random((30, 50))
    np.testing.assert_array_equal(argmax_nd(values), values.argmax(axis=0))
    np.testing.assert_array_equal(argmax_nd(values, max_rep=50, strict=True),
                                  values.argmax(axis=0))


def test_argmax_nd_strict_respects_max_rep_and_prefers_strong_cells():
    rng = np.random.default_rng(2)
    # candidate 0 dominates every cell: only its max_rep strongest cells may keep it
    values = rng.random((20, 30))
    values[0] += 10
    for max_rep in (2, 3, 5):
        result = argmax_nd(values, max_rep=max_rep, strict=True)
        counts = np.bincount(result, minlength=20)
        assert counts.max() <= max_rep
        keep = np.flatnonzero(result == 0)
        assert set(keep) == set(np.argsort(values[0])[-max_rep:])


@pytest.mark.parametrize("strict", [False, True])
@pytest.mark.parametrize("max_rep", [1, 2, 4])
def test_argmax_nd_matches_literal_rule(strict, max_rep):
    rng = np.random.default_rng(10 * max_rep + strict)
    for values in (rng.random((12, 40)),                      # no ties
                   rng.integers(0, 3, (9, 30)).astype(float),  # many ties
                   np.zeros((5, 12))):                         # all tied
        np.testing.assert_array_equal(argmax_nd(values, max_rep, strict),
                                      slow_argmax_nd(values, max_rep, strict))


# ------------------------------------------------------------------------------------------
# Opacity
# ------------------------------------------------------------------------------------------


def test_rescale_opacity_top_fraction_opaque_and_floor():
    alpha = np.linspace(0, 1, 1001)
    images = np.concatenate([np.full((1001, 3), 0.5), alpha[:, None]], axis=1)
    out = rescale_opacity(images)
    new = out[:, 3]
    np.testing.assert_array_equal(out[:, :3], images[:, :3])
    assert new[0] == pytest.approx(MIN_OPACITY)
    assert np.all(new >= MIN_OPACITY - 1e-12) and np.all(new <= 1)
    opaque = np.mean(new >= 1 - 1e-12)
    assert 0.09 <= opaque <= 0.11
    assert np.all(np.diff(new) >= 0)
    # keep_zeros: transparent stays transparent; max_scale=1 -> only the maximum is opaque
    out = rescale_opacity(images, max_scale=1, keep_zeros=True)[:, 3]
    assert out[0] == 0 and out[-1] == 1 and out[-2] < 1
    np.testing.assert_allclose(out[1:], MIN_OPACITY + alpha[1:] * (1 - MIN_OPACITY))


def test_rescale_opacity_max_scale_caps_gain():
    alpha = np.zeros(100)
    alpha[:5] = [1.0, 0.5, 0.2, 0.1, 0.05]  # 90th percentile is 0 -> thr = max / 10
    out = rescale_opacity(np.stack([alpha, alpha], axis=1))[:, 1]
    np.testing.assert_allclose(out[:5], np.minimum(1, MIN_OPACITY + alpha[:5] * 10 * (240 / 255)))
    assert np.all(out[5:] == pytest.approx(MIN_OPACITY))
    # all-transparent input: floor everywhere, no division by zero
    np.testing.assert_allclose(rescale_opacity(np.zeros((4, 2)))[:, 1], MIN_OPACITY)


# ------------------------------------------------------------------------------------------
# Feature grid
# ------------------------------------------------------------------------------------------


H, SIZE, P = 8, 32, 4  # 8x8 activations on 32x32 observations: 4 pixels per cell
CELLS = [(r, c) for r in range(H) for c in range(H)]


def one_peak_per_cell():
    """64 observations, observation k = 8r + c peaks only at cell (r, c), value 1 + k/100."""
    values = 1 + np.arange(64) / 100
    return peak_activations(H, CELLS, values), coded_observations(64, SIZE), values


def test_feature_grid_patches_come_from_the_right_place():
    acts, obs, values = one_peak_per_cell()
    image, grid = feature_grid(acts, obs, subdiv_mult=1, expand_mult=1, patch_size=P)
    assert image.shape == (H * P, H * P, 4) and image.dtype == np.uint8
    assert grid.shape == (H, H) and grid.dtype == np.int32
    np.testing.assert_array_equal(grid, np.arange(64).reshape(H, H))
    for r, c in [(0, 0), (3, 5), (7, 7), (6, 1)]:
        patch = image[r * P:(r + 1) * P, c * P:(c + 1) * P]
        assert np.all(patch[..., 0] == 8 * r + c)                       # observation
        np.testing.assert_array_equal(patch[:, 0, 1], np.arange(r * P, (r + 1) * P))  # rows
        np.testing.assert_array_equal(patch[0, :, 2], np.arange(c * P, (c + 1) * P))  # cols
        assert len(np.unique(patch[..., 3])) == 1                       # constant alpha
    # opacity grows with the activation; the strongest ~10 % are opaque
    alpha = image[::P, ::P, 3].astype(int).ravel()
    assert np.all(np.diff(alpha) >= 0) and alpha[-1] == 255
    assert 0.05 <= np.mean(alpha == 255) <= 0.15
    assert alpha[0] > 15


def test_feature_grid_expanded_patches_match_padded_crops():
    acts, obs, _ = one_peak_per_cell()
    e = 2
    image, grid = feature_grid(acts, obs, subdiv_mult=1, expand_mult=e, patch_size=P)
    size = e * P
    assert image.shape == (H * size, H * size, 4)
    pad = math.ceil(P * e)
    padded = np.rint(pad_observations(obs, pad) * 255).astype(np.uint8)
    for r, c in [(0, 0), (0, 7), (4, 2), (7, 7)]:
        top, left = pad + round((r + 0.5 - e / 2) * P), pad + round((c + 0.5 - e / 2) * P)
        expected = padded[grid[r, c], top:top + size, left:left + size]
        got = image[r * size:(r + 1) * size, c * size:(c + 1) * size, :3]
        np.testing.assert_array_equal(got, expected)
    # the corner patch shows the screen edge: the checkerboard above and left of the frame
    corner = image[:size, :size, :3]
    assert set(np.unique(corner[:P // 2, :, 1])) <= CHECKER
    assert np.all(corner[P // 2:, P // 2:, 0] == 0)


def test_feature_grid_subdivided():
    acts, obs, _ = one_peak_per_cell()
    image, grid = feature_grid(acts, obs, subdiv_mult=2, expand_mult=1, patch_size=P)
    assert grid.shape == (17, 17) and image.shape == (17 * P, 17 * P, 4)
    # odd grid samples sit exactly on cells; their best observation is that cell's peak
    np.testing.assert_array_equal(grid[1::2, 1::2], np.arange(64).reshape(H, H))
    r, c = 3, 6
    patch = image[(2 * r + 1) * P:(2 * r + 2) * P, (2 * c + 1) * P:(2 * c + 2) * P]
    assert np.all(patch[..., 0] == 8 * r + c)
    np.testing.assert_array_equal(patch[:, 0, 1], np.arange(r * P, (r + 1) * P))
    # coarser grids: 4x4 samples, each from an observation peaking near it
    image, grid = feature_grid(acts, obs, subdiv_mult=0.5, expand_mult=4, patch_size=P)
    assert grid.shape == (4, 4) and image.shape == (4 * 16, 4 * 16, 4)


def test_feature_grid_max_rep():
    rng = np.random.default_rng(3)
    n = 20
    acts = rng.random((n, H, H))
    acts[0] += 5  # observation 0 would win everywhere
    _, grid = feature_grid(acts, coded_observations(n, SIZE), 1, 1, P, top_frac=0.5)
    max_rep = math.ceil(64 / (n * 0.5))
    assert np.bincount(grid.ravel(), minlength=n).max() <= max_rep
    with pytest.raises(ValueError):
        feature_grid(np.ones((3, 2, 2)), coded_observations(3, 8), 0.25, 1)


# ------------------------------------------------------------------------------------------
# Thumbnail
# ------------------------------------------------------------------------------------------


def test_feature_thumbnail_uses_strongest_observations():
    rng = np.random.default_rng(4)
    n = 40
    peaks = [tuple(rng.integers(0, H, 2)) for _ in range(n)]
    values = rng.permutation(n) + 1.0
    acts = peak_activations(H, peaks, values)
    thumb = feature_thumbnail(acts, coded_observations(n, SIZE), patch_size=P)
    tile = 4 * P
    assert thumb.shape == (4 * tile, 4 * tile, 4) and thumb.dtype == np.uint8
    strongest = set(np.argsort(-values)[:16])
    shown = []
    for i in range(4):
        for j in range(4):
            block = thumb[i * tile:(i + 1) * tile, j * tile:(j + 1) * tile]
            # the block centre is the observation's peak cell (pixel rows 4r..4r+3 at 6..9)
            mid = slice(tile // 2 - P // 2, tile // 2 + P // 2)
            centre = block[mid, mid]
            k = int(centre[0, 0, 0])
            r, c = peaks[k]
            np.testing.assert_array_equal(centre[:, 0, 1], np.arange(r * P, (r + 1) * P))
            np.testing.assert_array_equal(centre[0, :, 2], np.arange(c * P, (c + 1) * P))
            expected_alpha = MIN_OPACITY + values[k] / values.max() * (1 - MIN_OPACITY)
            assert block[0, 0, 3] == round(min(1, expected_alpha) * 255)
            shown.append((k, r, c))
    assert {k for k, _, _ in shown} == strongest
    # layout: rows sorted by (h, w), then each row by w
    rows = [[(r, c) for _, r, c in shown[4 * i:4 * i + 4]] for i in range(4)]
    for i in range(4):
        assert [c for _, c in rows[i]] == sorted(c for _, c in rows[i])
        if i < 3:
            assert max(r for r, _ in rows[i]) <= min(r for r, _ in rows[i + 1])


def test_feature_thumbnail_max_rep_and_size_check():
    # 20 observations all peaking at the same cell: strict max_rep=4 moves all but the 4
    # strongest to their second-best cell, so the thumbnail shows 16 distinct places at most 4x
    n = 20
    acts = np.zeros((n, H, H))
    acts[:, 2, 2] = 10 + np.arange(n)
    second = [(k // H, k % H) for k in range(30, 30 + n)]
    for k, (r, c) in enumerate(second):
        acts[k, r, c] = 1 + k
    thumb = feature_thumbnail(acts, coded_observations(n, SIZE), patch_size=P)
    tile = 4 * P
    centres = thumb[tile // 2::tile, tile // 2::tile]
    ks = centres[..., 0].ravel()
    rows, cols = centres[..., 1].ravel() // P, centres[..., 2].ravel() // P
    at_peak = [k for k, r, c in zip(ks, rows, cols) if (r, c) == (2, 2)]
    assert sorted(at_peak) == [16, 17, 18, 19]
    with pytest.raises(ValueError):
        feature_thumbnail(acts[:15], coded_observations(15, SIZE), patch_size=P)


# ------------------------------------------------------------------------------------------
# Scrubs and colours
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("width,cols", [(64, [42, 43]), (32, [21]), (16, [10]), (8, [5])])
def test_scrub_columns(width, cols):
    assert list(range(*scrub_columns(width))) == cols
    t = 5
    frames = np.zeros((t, 3, width, 3), dtype=np.uint8)
    frames[..., 0] = np.arange(t)[:, None, None]
    frames[..., 1] = np.arange(width)[None, None, :]
    strip = scrub(frames)
    assert strip.shape == (3, t * len(cols), 3) and strip.dtype == np.uint8
    np.testing.assert_array_equal(strip[0, :, 0], np.repeat(np.arange(t), len(cols)))
    np.testing.assert_array_equal(strip[0, :, 1], np.tile(cols, t))


def test_feature_colours():
    assert feature_hex_colors(8) == ["#ff0000", "#ffe400", "#a1ff00", "#00ff4e",
                                     "#00ffff", "#004eff", "#a100ff", "#ff00e4"]
    hues = feature_hues(8)
    assert hues.shape == (8, 3)
    np.testing.assert_allclose(np.linalg.norm(hues, axis=1), 1)
    # primaries and secondaries land on the unit vectors; 3 channels = input colours
    np.testing.assert_allclose(feature_hues(3), np.eye(3), atol=1e-12)
    np.testing.assert_allclose(hue_to_rgb(60), [2 ** -0.5, 2 ** -0.5, 0])
    np.testing.assert_allclose(hue_to_rgb(-120), hue_to_rgb(240))
    # the warp pushes colours away from the primaries towards the secondaries: more green at
    # 30 degrees (red -> yellow), more red at 90 degrees (yellow -> green)
    assert hue_to_rgb(30)[1] > hue_to_rgb(30, warp=False)[1]
    assert hue_to_rgb(90)[0] > hue_to_rgb(90, warp=False)[0]
