"""Options of the analysis as frozen dataclasses (no TensorFlow or scikit-learn import, so the
command line can build its help quickly). The defaults are the original's, except where a
measurement chose better (documented on the field)."""

from __future__ import annotations

import dataclasses
import json
import math
from dataclasses import dataclass, field

from ..envs.probe_config import ProbeConfig
from .layers import LayerConfig

RULES = ("right", "midpoint", "quadratic")


@dataclass(frozen=True)
class AttributionConfig:
    """IG options: path points, quadrature rule, memory budget per compiled call (bytes), and
    ``max_paths``: when set, hidden layers get :func:`multi_path_attribution` with that many
    paths (``integrate_steps`` points each, the original's right Riemann sum; ``rule`` is then
    not used) instead of straight-line IG.

    ``integrate_steps`` is 16 (the original: 10), chosen by measurement
    (``benchmarks/attribution_encoding.py``, demo agent, value and logits, per-frame relative L2
    to a 256-point reference of the stored NMF maps): with 10 points layer 1a is 1.2-1.3 %
    (median) off before its maps are even stored, which leaves the storage almost no room under
    the 1.5 % the store promises; with 16 it is 0.8 % (every layer <= 0.85 %), and the stored
    maps 0.85-1.1 %. It costs 1.6x the IG time."""

    integrate_steps: int = 16
    rule: str = "quadratic"
    memory_budget: int = 1 << 30
    max_paths: int | None = None  # multi-path attribution to hidden layers when set

    def __post_init__(self):
        if self.integrate_steps < 1:
            raise ValueError(f"integrate_steps must be at least 1, got {self.integrate_steps}")
        if self.max_paths is not None and self.max_paths < 1:
            raise ValueError(f"max_paths must be at least 1, got {self.max_paths}")
        if self.rule not in RULES:
            raise ValueError(f"unknown quadrature rule {self.rule!r}; expected one of {RULES}")


@dataclass(frozen=True)
class NMFConfig:
    """Settings of :class:`AttributionNMF`.

    features: number of NMF components ``K`` (colours in the interface).
    max_rows: fit on a deterministic random subsample of this many rows of the stacked
        ``(2*N*H*W, C)`` matrix when it has more rows (``transform`` still applies to all data).
    solver, init: scikit-learn ``NMF`` solver and initialisation. Default ``"cd"`` (coordinate
        descent, the original's solver) with ``"nndsvda"``. Measured on a loaded 2-core CPU,
        float32, K=8, 1,048,576 x 32 rows of IG attributions of a partly trained CoinRun agent
        (layer 2b): cd converged in 174 it, rel. error 0.130, 28 s; mu hit max_iter 200, rel.
        error 0.133, 22-29 s (float64: cd 39 s, mu 62 s). On synthetic planted data cd was
        2-2.5x faster at equal error. (Peers measured mu faster on raw activations.)
    max_iter, tol: as scikit-learn (also used by ``transform``).
    random_state: seeds both the row subsample and the NNDSVD initialisation.
    """

    features: int = 8
    max_rows: int = 1_000_000
    solver: str = "cd"
    init: str = "nndsvda"
    max_iter: int = 200
    tol: float = 1e-4
    random_state: int = 0

    def __post_init__(self):
        if self.features < 1:
            raise ValueError(f"features must be >= 1, got {self.features}")
        if self.max_rows < 1:
            raise ValueError(f"max_rows must be >= 1, got {self.max_rows}")
        if self.solver not in ("cd", "mu"):
            raise ValueError(f"solver must be 'cd' or 'mu', got {self.solver!r}")
        if self.init not in ("nndsvd", "nndsvda", "nndsvdar", "random"):
            raise ValueError(f"unsupported init {self.init!r}")
        if self.max_iter < 1 or not self.tol >= 0:
            raise ValueError("max_iter must be >= 1 and tol >= 0")


@dataclass(frozen=True)
class FeatureConfig:
    """Dataset-example feature visualisation (the original's ``vis_*`` options)."""

    subdiv_mults: tuple = (0.25, 0.5, 1.0, 2.0)
    expand_mults: tuple = (1.0, 2.0, 4.0, 8.0)
    subdiv_default: float = 1.0
    expand_default: float = 4.0
    thumbnail_num_mult: int = 4
    thumbnail_expand_mult: float = 4.0

    def __post_init__(self):
        for name in ("subdiv_mults", "expand_mults"):
            values = tuple(getattr(self, name))
            if not values or not all(isinstance(v, (int, float)) and math.isfinite(v) and v > 0
                                     for v in values):
                raise ValueError(f"{name} must be one or more positive numbers, got "
                                 f"{list(values)}")
        for name in ("subdiv_default", "expand_default", "thumbnail_expand_mult"):
            v = getattr(self, name)
            if not (isinstance(v, (int, float)) and math.isfinite(v) and v > 0):
                raise ValueError(f"{name} must be a positive number, got {v!r}")
        if self.thumbnail_num_mult < 1:
            raise ValueError(f"thumbnail_num_mult must be at least 1, got "
                             f"{self.thumbnail_num_mult}")


@dataclass(frozen=True)
class AnalysisConfig:
    """All options of an analysis, grouped as the original's keyword groups."""

    probe: ProbeConfig = field(default_factory=ProbeConfig)
    layers: LayerConfig = field(default_factory=LayerConfig)
    attribution: AttributionConfig = field(default_factory=AttributionConfig)
    nmf: NMFConfig = field(default_factory=NMFConfig)
    features: FeatureConfig = field(default_factory=FeatureConfig)
    attr_policy: bool = False
    bookmarks: int = 16

    def to_json(self) -> dict:
        return json.loads(json.dumps(dataclasses.asdict(self), default=list))
