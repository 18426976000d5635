"""Pictures of model inputs: the RGB frames the interface shows for any observation layout.

Procgen observations are RGB ``(64, 64, 3)``. Atari observations are greyscale frames stacked on
the channel axis, oldest first (``(84, 84, 4)`` by default), and a policy may also stack RGB
frames (``(H, W, 3k)``). The store keeps one RGB picture per observation (sprite sheets, feature
pictures, thumbnails), made by a rule recorded in the manifest (``probe_set.display``):

* ``rgb``: the observation itself (3 channels, not a greyscale stack);
* ``last_channel_grey``: the newest frame of a greyscale stack, as grey RGB;
* ``last_three_channels``: the newest frame of an RGB stack.

Attribution is computed on the model input, all channels; the input pseudo-layer's gradients
keep one map per input channel (:func:`input_channels` names and colours them).
"""

from __future__ import annotations

import numpy as np

RGB_COLORS = ("#ff0000", "#00ff00", "#0000ff")


def display_rule(env_kind: str, observation_shape) -> str:
    """The rule for observations of ``observation_shape`` (H, W, C) from ``env_kind``."""
    channels = int(observation_shape[-1]) if len(observation_shape) == 3 else 1
    if env_kind in ("atari", "sb3-atari") or channels % 3 != 0:  # greyscale frame stacks
        return "last_channel_grey"
    return "rgb" if channels == 3 else "last_three_channels"


def to_display(observations: np.ndarray, rule: str) -> np.ndarray:
    """uint8 ``(..., H, W, C)`` observations -> uint8 ``(..., H, W, 3)`` pictures."""
    obs = np.asarray(observations)
    if obs.ndim < 3:
        raise ValueError(f"observations must be (..., H, W, C), got {obs.shape}")
    if rule == "rgb":
        if obs.shape[-1] != 3:
            raise ValueError(f"rule 'rgb' needs 3 channels, got {obs.shape[-1]}")
        return obs
    if rule == "last_channel_grey":
        return np.repeat(obs[..., -1:], 3, axis=-1)
    if rule == "last_three_channels":
        return obs[..., -3:]
    raise ValueError(f"unknown display rule {rule!r}")


def input_channels(rule: str, channels: int) -> list[tuple[str, str]]:
    """``(label, colour)`` of each input channel, for the input pseudo-layer's legend."""
    from ..analysis.features import feature_hex_colors

    if rule == "rgb":
        return list(zip(("red", "green", "blue"), RGB_COLORS))
    if rule == "last_three_channels":
        frames = channels // 3
        return [(f"{'RGB'[c % 3]} of frame t-{frames - 1 - c // 3}", RGB_COLORS[c % 3])
                for c in range(channels)]
    if channels == 1:
        return [("grey", "#ffffff")]
    return [(f"frame t-{channels - 1 - c}" if c < channels - 1 else "frame t (newest)", color)
            for c, color in enumerate(feature_hex_colors(channels))]
