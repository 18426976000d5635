"""Options of the analysis as frozen dataclasses (no TensorFlow or scikit-learn import, so the
command line can build its help quickly). The defaults are the original's, except where a
measurement chose better (documented on the field)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..configs import AgentConfig, Config, ConfigError, about, option
from ..envs.probe_config import ProbeConfig
from .layers import LayerConfig

__all__ = ["AnalysisConfig", "AnalyzeConfig", "AttributionConfig", "ConfigError",
           "FeatureConfig", "FeatureVisConfig", "NMFConfig"]

RULES = ("right", "midpoint", "quadratic")
NMF_SOLVERS = ("cd", "mu")
NMF_INITS = ("nndsvd", "nndsvda", "nndsvdar", "random")
FEATURE_VIS_MODES = ("off", "synthetic")
FEATURE_VIS_OBJECTIVES = ("centre", "map")  # = schema.FEATURE_VIS_OBJECTIVES


@dataclass(frozen=True)
class AttributionConfig(Config):
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

    integrate_steps: int = option(16, help="IG path points")
    rule: str = option("quadratic", flag="--ig-rule", choices=RULES,
                       help="quadrature rule (the original used right)")
    memory_budget: int = option(1 << 30, flag="--memory-budget-mb", cli_unit=1 << 20,
                                metavar="MIB",
                                help="memory per IG call (bytes; the flag takes MiB)")
    max_paths: int | None = option(
        None, flag="--attr-max-paths", metavar="N",
        help="multi-path attribution to hidden layers: average N paths that bring NMF features "
             "in at different speeds (N * --integrate-steps gradients per frame; right Riemann "
             "sum, --ig-rule unused) instead of straight-line IG (default: off)")

    def __post_init__(self):
        self._check_int("integrate_steps", 1)
        self._check_int("max_paths", 1, optional=True)
        self._check_choice("rule", RULES)
        self._check_int("memory_budget", 1)


@dataclass(frozen=True)
class NMFConfig(Config):
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

    features: int = option(8, flag="--nmf-features", help="NMF components (colours)")
    max_rows: int = option(1_000_000, flag="--nmf-max-rows",
                           help="fit on a subsample of this many rows")
    solver: str = option("cd", flag="--nmf-solver", choices=NMF_SOLVERS,
                         help="scikit-learn NMF solver")
    init: str = option("nndsvda", flag="--nmf-init", choices=NMF_INITS,
                       help="scikit-learn NMF initialisation")
    max_iter: int = option(200, flag="--nmf-max-iter", help="NMF iterations at most")
    tol: float = option(1e-4, flag="--nmf-tol", help="NMF stopping tolerance")
    random_state: int = option(0, flag="--nmf-random-state",
                               help="seed of the row subsample and the initialisation")

    def __post_init__(self):
        self._check_int("features", 1)
        self._check_int("max_rows", 1)
        self._check_choice("solver", NMF_SOLVERS)
        self._check_choice("init", NMF_INITS)
        self._check_int("max_iter", 1)
        self._check_number("tol", low=0)
        self._check_int("random_state", 0)


@dataclass(frozen=True)
class FeatureConfig(Config):
    """Dataset-example feature visualisation (the original's ``vis_*`` options).

    ``subdiv_default`` and ``expand_default`` (the interface's initial variant) are derived
    when not given: 1.0 if among ``subdiv_mults``, else its first; 4.0 if among
    ``expand_mults``, else its last. Given, they must be among them."""

    subdiv_mults: tuple[float, ...] = option((0.25, 0.5, 1.0, 2.0), metavar="S",
                                             help="feature-picture patch counts")
    expand_mults: tuple[float, ...] = option((1.0, 2.0, 4.0, 8.0), metavar="E",
                                             help="feature-picture zooms")
    subdiv_default: float | None = option(None, derived_from="subdiv_mults",
                                          help="the patch count shown first (default: 1 if "
                                               "given, else the first)")
    expand_default: float | None = option(None, derived_from="expand_mults",
                                          help="the zoom shown first (default: 4 if given, "
                                               "else the last)")
    thumbnail_num_mult: int = option(4, help="thumbnail patches per side")
    thumbnail_expand_mult: float = option(4.0, help="thumbnail zoom")

    def __post_init__(self):
        for name in ("subdiv_mults", "expand_mults"):
            values = getattr(self, name)
            if isinstance(values, (int, float)):
                values = (values,)
            if not isinstance(values, (tuple, list)) or not values or not all(
                    _positive(v) for v in values):
                self._fail(name, "must be one or more positive numbers", values)
            self._set(name, tuple(float(v) for v in values))
        for name, mults, preferred, fallback in (("subdiv_default", self.subdiv_mults, 1.0, 0),
                                                 ("expand_default", self.expand_mults, 4.0,
                                                  -1)):
            v = getattr(self, name)
            if v is None:
                self._set(name, preferred if preferred in mults else mults[fallback])
            elif not _positive(v) or float(v) not in mults:
                self._fail(name, f"must be one of {list(mults)}")
            else:
                self._set(name, float(v))
        self._check_int("thumbnail_num_mult", 1)
        self._check_number("thumbnail_expand_mult", positive=True)


@dataclass(frozen=True)
class FeatureVisConfig(Config):
    """Synthetic (optimisation-based) feature pictures (:mod:`.featurevis`): with ``mode``
    ``synthetic``, for every analysed layer an input picture per NMF feature (and per channel
    of the first ``channels``) and objective that maximises the feature's direction there.

    ``steps`` 256: measured (``benchmarks/feature_vis.py``, demo agent, layer 2b, 8 features x
    2 objectives, 2 cores) at 12-52 s on Keras and 8-24 s on torch (README); the objectives have
    levelled off by then."""

    mode: str = option("off", flag="--feature-vis", choices=FEATURE_VIS_MODES,
                       help="synthetic: also optimise an input picture per NMF feature that "
                            "maximises it (Olah et al. 2017)")
    steps: int = option(256, flag="--feature-vis-steps", help="optimisation steps per picture")
    channels: int = option(0, flag="--feature-vis-channels", metavar="N",
                           help="also pictures of each layer's first N channels (0: none; at "
                                "most the layer's channels)")
    objectives: tuple[str, ...] = option(FEATURE_VIS_OBJECTIVES, flag="--feature-vis-objectives",
                                         choices=FEATURE_VIS_OBJECTIVES, metavar="OBJECTIVE",
                                         help="centre: the direction at the map's centre "
                                              "position; map: its mean over the map")
    learning_rate: float = option(0.05, flag="--feature-vis-lr", help="Adam learning rate")
    seed: int = option(0, flag="--feature-vis-seed", help="seed of the pictures")

    def __post_init__(self):
        self._check_choice("mode", FEATURE_VIS_MODES)
        self._check_int("steps", 1)
        self._check_int("channels", 0)
        values = self.objectives
        if isinstance(values, str):
            values = (values,)
        if not isinstance(values, (tuple, list)) or not values or len(set(values)) != len(
                values) or not all(v in FEATURE_VIS_OBJECTIVES for v in values):
            self._fail("objectives", f"must be distinct names among "
                       f"{list(FEATURE_VIS_OBJECTIVES)}", values)
        # stored in the canonical order (the sheet's rows)
        self._set("objectives", tuple(o for o in FEATURE_VIS_OBJECTIVES if o in values))
        self._check_number("learning_rate", positive=True)
        self._check_int("seed", 0)


def _positive(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) \
        and v > 0


@dataclass(frozen=True)
class AnalysisConfig(Config):
    """All options of an analysis, grouped as the original's keyword groups."""

    probe: ProbeConfig = field(
        default_factory=ProbeConfig,
        metadata=about(help="trajectories and observations (probe set)"))
    layers: LayerConfig = field(
        default_factory=LayerConfig, metadata=about(help="layers"))
    attribution: AttributionConfig = field(
        default_factory=AttributionConfig, metadata=about(help="attribution"))
    nmf: NMFConfig = field(
        default_factory=NMFConfig, metadata=about(help="nmf"))
    features: FeatureConfig = field(
        default_factory=FeatureConfig, metadata=about(help="features"))
    feature_vis: FeatureVisConfig = field(
        default_factory=FeatureVisConfig,
        metadata=about(help="synthetic feature pictures"))
    attr_policy: bool = option(False, help="also attribute every policy logit and action "
                                           "group (A more IG runs)")
    bookmarks: int = option(16, help="bookmarks per direction (high and low advantage)")

    def __post_init__(self):
        for name, cls in (("probe", ProbeConfig), ("layers", LayerConfig),
                          ("attribution", AttributionConfig), ("nmf", NMFConfig),
                          ("features", FeatureConfig), ("feature_vis", FeatureVisConfig)):
            if not isinstance(getattr(self, name), cls):
                raise ConfigError(f"{name} must be a {cls.__name__}, got "
                                  f"{type(getattr(self, name)).__name__}")
        self._check_int("bookmarks", 0)


@dataclass(frozen=True)
class AnalyzeConfig(Config):
    """One ``rl-clarity analyze`` (and ``rl-clarity probe``) invocation but for its checkpoint
    and where it writes (LOGDIR, --run, --step, --probe-set, --resume, --no-progress): how the
    agent is loaded and every option of the analysis. ``rl-clarity analyze --config FILE``
    reads it as JSON (``to_json``); command-line flags override the file."""

    agent: AgentConfig = field(
        default_factory=AgentConfig, metadata=about(help="agent"))
    analysis: AnalysisConfig = field(
        default_factory=AnalysisConfig, metadata=about(help="analysis"))

    def __post_init__(self):
        if not isinstance(self.agent, AgentConfig) or not isinstance(self.analysis,
                                                                     AnalysisConfig):
            raise ConfigError("AnalyzeConfig takes an AgentConfig and an AnalysisConfig")
