"""Which layers to analyse: the original's selection rule on a network's trunk.

A layer is a candidate when its activations are rank 4 ``(B, h, w, c)``, its kind is one of
``kinds`` (the original's op filter; ``relu`` for clear and nature, ``residual`` for the IMPALA
residual stream) and, with ``bottleneck_only``, every path from the input to the outputs passes
through it (true for every trunk link of the built-in networks; for wrapped Keras models the
cut is attempted and layers that some path bypasses are dropped). Then the name filter
(``name_contains_one_of``) and ``discard_first_n`` apply, in input -> output order. The input
pseudo-layer (plain gradients) can be added first.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..configs import Config, option

INPUT_LAYER = "input"


@dataclass(frozen=True)
class LayerConfig(Config):
    """The original's ``layer_kwargs`` plus ``include_input`` (``input_layer_include``)."""

    name_contains_one_of: tuple[str, ...] | None = option(
        None, flag="--layers", metavar="NAME",
        help="keep layers whose name contains one of these (e.g. 2b; default: all that fit)")
    kinds: tuple[str, ...] = option(("relu", "residual"), flag="--layer-kinds", metavar="KIND",
                                    help="layer kinds that are candidates")
    bottleneck_only: bool = option(True, help="only layers every path from the input to the "
                                              "outputs passes through")
    discard_first_n: int = option(0, help="drop this many of the first candidate layers")
    include_input: bool = option(False, help="also the input pseudo-layer (plain gradients)")

    def __post_init__(self):
        for name in ("name_contains_one_of", "kinds"):
            value = getattr(self, name)
            if isinstance(value, str):  # the original's bug 6.1.2, avoided
                value = (value,)
            if value is None and name == "name_contains_one_of":
                continue
            if not isinstance(value, (tuple, list)) or not value or not all(
                    isinstance(v, str) and v for v in value):
                self._fail(name, "must be one or more names", value)
            self._set(name, tuple(value))
        self._check_int("discard_first_n", 0)


def _is_bottleneck(network, name: str, outputs: tuple) -> bool:
    try:
        network.check_cut(name, outputs)
    except ValueError:
        return False
    return True


def select_layers(network, config: LayerConfig | None = None,
                  outputs: tuple = ("logits", "value")) -> list[str]:
    """Names of the layers to analyse, input -> output; raises ``ValueError`` if none fit.

    ``outputs``: what will be attributed (``"value"``, ``"logits"``); with ``bottleneck_only``
    a layer must lie on every path from the input to each of them (a network with a separate
    value trunk, such as SB3's ``share_features_extractor=False``, offers its value-trunk layers
    for the value and its policy-trunk layers for the logits)."""
    config = config or LayerConfig()
    outputs = tuple(outputs)
    candidates = [
        name for name in network.layer_names
        if name != INPUT_LAYER and len(network.layer_shape(name)) == 3
        and network.layer_kind(name) in config.kinds
        and (not config.bottleneck_only or _is_bottleneck(network, name, outputs))
    ]
    if config.name_contains_one_of is not None:
        candidates = [n for n in candidates if any(s in n for s in config.name_contains_one_of)]
    candidates = candidates[config.discard_first_n:]
    if config.include_input:
        candidates = [INPUT_LAYER, *candidates]
    if not candidates:
        raise ValueError(
            f"no layer of the {network.architecture} network fits the selection for the "
            f"{' and '.join(outputs)} "
            f"(kinds={list(config.kinds)}, name_contains_one_of="
            f"{None if config.name_contains_one_of is None else list(config.name_contains_one_of)}"
            f", discard_first_n={config.discard_first_n}); its layers are: "
            + ", ".join(f"{n} ({network.layer_kind(n)})" for n in network.layer_names))
    return candidates


def default_layer(layers: list[str]) -> str:
    """The interface's initial layer: the middle one (``2b`` for clear)."""
    return layers[len(layers) // 2]
