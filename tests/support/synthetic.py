"""Synthetic analyses: a complete, valid store in seconds, written by the store's own writer.

:func:`write_analysis` writes what ``rl-clarity analyze`` writes (``run_analysis`` in
``rlclarity_plugin/analysis/job.py``), file for file and field for field, with random numbers
where the job has a model's:

* the same files in the same order: ``inputs.json`` first, the probe set (``.npz``, when it is
  "collected"), ``nmf/LAYER.json``, the attribution units (maps, then their JSON), the feature
  pictures and grids, sprite sheets, scrubs and thumbnails, the optional full-resolution frames,
  the event file (``schema.event_file_name(step, inputs_digest)``, every series of
  ``schema.SERIES``) and ``manifest.json`` last;
* through the job's own writing functions wherever they take no model: ``AssetWriter`` and
  ``write_event_file`` (``store/writer.py``), ``job._write_unit`` (``codec.encode_maps``, the
  unit's steps, scale, totals and delta), ``job._feature_unit`` and ``job._images`` (feature
  pictures and grids by ``analysis.features.feature_grid``, thumbnails by ``feature_thumbnail``,
  scrubs by ``scrub``, sprite sheets by ``codec.sprite_sheet``), ``job._full_frames``,
  ``job.display_scale``, ``job._outputs`` / ``job.action_groups``, GAE and bookmarks from
  ``analysis.advantages``, the NMF state from ``AttributionNMF.to_json_dict``, the probe set
  from ``ProbeSet.save`` with ``content_hash`` as its id; the manifest and the inputs record are
  built as ``job._manifest`` and ``job._inputs`` build them (those two need a model object);
* the options are the job's own :class:`AnalysisConfig`, e.g. parsed from ``rl-clarity
  analyze`` arguments by :func:`analysis_config` (the CLI's parser), so ``inputs.json`` and the
  manifest's option fields are the real job's for the same arguments.

What is random (seeded, deterministic): the observations (coloured blocks scrolling over a
trajectory, 8x upscaled for the human-scale frames), the collecting agent's logits, values and
actions, one episode end with a reward, the attribution maps (smooth signed blobs; IG totals
add up to ``F(a) - F(0)`` within ~0.3 %), the NMF components and the non-negative feature
activations the dataset examples are chosen from. Because the feature pictures, grids and
thumbnails come from ``feature_grid`` / ``feature_thumbnail`` on those activations and the
stored observations, an export recomposes them exactly, as from a real analysis.

Two seeds say what the numbers depend on, as a checkpoint and a probe set do for the job:

* ``config.probe.seed`` makes the probe set (frames, observations, the collector's actions);
  ``probe_set=PATH`` reuses a saved one (``rl-clarity analyze --probe-set``), so that several
  analyses share their frames, which feature matching by attribution needs;
* ``checkpoint_seed`` stands for the weights: maps, values, logits, NMF components and feature
  activations. The same seed on the same probe set gives identical maps (the same checkpoint
  analysed twice); another seed gives other maps (another checkpoint); the same seed on
  another probe set keeps the NMF components (so matching by components pairs them up).

Example (the shared test logdir of ``tests/conftest.py``)::

    config = analysis_config(*UI_ANALYSIS_ARGS)
    first = write_analysis(logdir, "agentA", 1000, config)
    probe = first["probe_set_file"]
    write_analysis(logdir, "agentA", 2000, config, probe_set=probe, checkpoint_seed=1)
    write_analysis(logdir, "nested/agentB", 1000, config, probe_set=probe)

``tests/test_synthetic_store.py`` compares this against stores written by the real job.

Optional parts (keyword arguments of :func:`write_analysis`, all off by default, so that the
shared logdirs stay as the job writes them without the options):

* ``feature_vis=True`` (``--feature-vis synthetic``): ``synthetic/LAYER.webp`` and
  ``LayerInfo.feature_vis`` for every hidden layer: random smooth colour pictures (objectives
  ``centre`` and ``map``; ``feature_vis_channels`` channel pictures after the K features) with
  random activations above random dataset maxima;
* ``edits=True`` (``rl-clarity edit`` / ``evaluate`` recorded into the analysis):
  ``Manifest.edits`` on the first hidden layer, see :func:`synthetic_edits`;
* ``edited_from=(run, step)`` (the analysis of an edited agent): the agent metadata's
  ``edits`` record (layer, features, ``source`` the original's run and step) and the
  ``diverge`` / ``failed`` bookmarks, see :func:`edited_agent_record`.

Cost (2 cores): an analysis like ``UI_ANALYSIS_ARGS`` (2 x 40 frames, 32 observations, input +
2b + 4a, 21 outputs, 4 features x 4 variants) is 23 MB, as the real job's; it takes about 2-3 s,
most of it ``codec.encode_maps`` compressing maps of the real size (units are encoded on two
threads), against about 25 s for the job. An analysis of the same inputs as the previous one
(same checkpoint seed, frames, layers and outputs: e.g. ``nested/agentB`` after ``agentA``)
reuses the previous one's unit bytes (about 1 s).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import time
import zlib
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from rlclarity_plugin.agents.agent import AgentMetadata
from rlclarity_plugin.analysis import job
from rlclarity_plugin.analysis.config import AnalysisConfig
from rlclarity_plugin.envs.display import display_rule, input_channels, to_display
from rlclarity_plugin.store import codec, files, schema
from rlclarity_plugin.store.writer import AssetWriter, write_event_file

__all__ = ["CLEAR_LAYERS", "EDITED_FEATURES", "PROCGEN_ACTION_COMBOS", "Layer",
           "analysis_config", "clear_agent_metadata", "edited_agent_record", "synthetic_edits",
           "synthetic_probe_set", "write_analysis"]

# procgen's 15 button combos (rlclarity_plugin.agents.original.PROCGEN_ACTION_COMBOS; that
# module imports TensorFlow, which this one must not: tests/test_synthetic_store.py checks the
# copy)
PROCGEN_ACTION_COMBOS = (
    ("LEFT", "DOWN"), ("LEFT",), ("LEFT", "UP"), ("DOWN",), (), ("UP",),
    ("RIGHT", "DOWN"), ("RIGHT",), ("RIGHT", "UP"), ("D",), ("A",), ("W",), ("S",), ("Q",),
    ("E",),
)
FULL_SCALE = 8  # human-scale frames: the observation upscaled 8x (procgen: 64 -> 512)


@dataclasses.dataclass(frozen=True)
class Layer:
    """A hidden layer of the synthetic agent: its name, activations shape (h, w, c) and kind
    (``network.layer_kind``)."""

    name: str
    shape: tuple[int, int, int]
    kind: str = "relu"


# the layers 2b and 4a of the "clear" architecture on 64x64x3 inputs (what the real job records)
CLEAR_LAYERS = (Layer("2b", (32, 32, 32)), Layer("4a", (8, 8, 32)))


def clear_agent_metadata(**changes) -> AgentMetadata:
    """The metadata of the tests' tiny CoinRun agent (``clear``, 64x64x3, procgen's 15
    combos), as ``tests/conftest.py`` builds it for the real job; ``changes`` replace fields."""
    meta = AgentMetadata("clear", (64, 64, 3), 15, env_kind="procgen", env_name="coinrun",
                         env_kwargs={"distribution_mode": "easy"},
                         action_combos=PROCGEN_ACTION_COMBOS)
    return meta.replace(**changes)


def analysis_config(*args: str) -> AnalysisConfig:
    """The :class:`AnalysisConfig` that ``rl-clarity analyze CKPT --logdir L ARGS`` runs with
    (parsed by the CLI's own parser), e.g. ``analysis_config(*UI_ANALYSIS_ARGS)``."""
    from rlclarity_plugin import cli

    parsed = cli.build_parser().parse_args(["analyze", "synthetic", "--logdir", ".", *args])
    return cli._analysis_config(parsed)


# -- random numbers ----------------------------------------------------------------------------

def _rng(*keys) -> np.random.Generator:
    """A generator seeded by ``keys`` (ints and strings), independent of call order."""
    return np.random.default_rng([zlib.crc32(str(k).encode()) for k in keys])


def _smooth(rng, shape, sigma) -> np.ndarray:
    """Gaussian-filtered standard normal noise of ``shape``, rescaled to unit peak."""
    from scipy import ndimage

    x = ndimage.gaussian_filter(rng.standard_normal(shape), sigma, mode="wrap")
    return (x / max(float(np.abs(x).max()), 1e-12)).astype(np.float32)


def _frames(rng, count: int, steps: int, hw, channels: int) -> np.ndarray:
    """uint8 ``(count, steps, H, W, C)``: per sequence, a field of 8x8-pixel coloured blocks
    that scrolls left one pixel per step, with a bright square moving across it."""
    H, W = hw
    blocks = rng.integers(0, 256, (count, -(-H // 8), -(-(W + steps) // 8), channels), np.uint8)
    field = np.repeat(np.repeat(blocks, 8, 1), 8, 2)[:, :H]
    out = np.empty((count, steps, H, W, channels), np.uint8)
    for t in range(steps):
        out[:, t] = field[:, :, t:t + W]
    for i in range(count):
        r0, c0 = rng.integers(0, max(H - 8, 1)), rng.integers(0, max(W - 8, 1))
        for t in range(steps):
            r, c = (r0 + t) % max(H - 8, 1), (c0 + 2 * t) % max(W - 8, 1)
            out[i, t, r:r + 8, c:c + 8] = 255
    return out


def _policy(checkpoint_seed, frames: np.ndarray, num_actions: int):
    """The "agent's" logits ``(E, T, A)`` and values ``(E, T)`` on trajectory frames: a
    function of the checkpoint and the frames only."""
    rng = _rng("policy", checkpoint_seed, zlib.crc32(frames.tobytes()))
    E, T = frames.shape[:2]
    logits = rng.normal(0, 1, (E, T, num_actions)).astype(np.float32)
    values = (np.cumsum(rng.normal(0, 0.3, (E, T)), 1) + rng.normal(5, 1, (E, 1))
              ).astype(np.float32)
    return logits, values


def _unit_maps(checkpoint_seed, frames_key, name, e, T, shape, K, keys):
    """``(output key, make)`` of the units of layer ``name`` (activations ``shape``; the
    input's: the observation shape), trajectory ``e``, where ``make()`` gives the arguments of
    ``job._write_unit`` after ``writer, layer, trajectory, key``: smooth signed blobs that each
    output weighs with its own gains and signs, plus a shifted copy of a second field; hidden
    layers get K NMF channels and a residual, with totals and ``F(a) - F(0)`` within ~0.3 % of
    their sum (IG's completeness), the input one gradient map per channel. The random draws
    happen here, in order; ``make`` (arithmetic only) may run on another thread."""
    rng = _rng("maps", checkpoint_seed, frames_key, name, e)
    if name == "input":
        H, W, C = shape
        base = _smooth(rng, (T, H, W, C), (1, 3, 3, 0)) * 1e-4
        other = _smooth(rng, (T, H, W, C), (0, 2, 2, 0)) * 3e-5
        for i, key in enumerate(keys):
            gain = rng.normal(0, 1, C).astype(np.float32)
            yield key, functools.partial(_input_unit, base, other, gain, 3 * i)
        return
    h, w, _ = shape
    sigma = (1, max(h / 10, 0.7), max(w / 10, 0.7), 0)
    base = _smooth(rng, (T, h, w, K), sigma) * 1e-3
    other = _smooth(rng, (T, h, w, K + 1), sigma) * 3e-4
    for i, key in enumerate(keys):
        gain = (rng.uniform(0.3, 1.5, K) * rng.choice([-1.0, 1.0], K, p=[0.3, 0.7])
                ).astype(np.float32)
        error = (rng.normal(0, 0.003, T), rng.normal(0, 1e-5, T))
        yield key, functools.partial(_hidden_unit, base, other, gain, (i, 2 * i), error)


def _input_unit(base, other, gain, shift):
    g = base * gain + np.roll(other, shift, axis=2)
    return g, job.display_scale(g)


def _hidden_unit(base, other, gain, shift, error):
    K = base.shape[-1]
    shifted = np.roll(other, shift, axis=(1, 2))
    channels = base * gain + shifted[..., :K]
    residual = shifted[..., K] * 0.7
    maps = np.concatenate([channels, residual[..., None]], axis=-1)
    ch_tot = channels.sum(axis=(1, 2), dtype=np.float64)  # as nmf.totals
    res_tot = residual.sum(axis=(1, 2), dtype=np.float64)
    delta = (ch_tot.sum(-1) + res_tot) * (1 + error[0]) + error[1]
    return (maps, job.display_scale(channels), np.concatenate([ch_tot, res_tot[:, None]], 1),
            delta)


# the units of the last analysis: (layer, trajectory, output) -> (maps bytes, unit JSON bytes),
# and under "inputs" what they were made from
_UNITS: dict = {}


def _write_unit(writer, name, e, key, make):
    """``job._write_unit``, then the two files' bytes kept for an analysis of the same inputs."""
    job._write_unit(writer, name, e, key, *make())
    _UNITS[(name, e, key)] = tuple(files.read(writer.path(rel)) for rel in (
        schema.attribution_asset(name, e, key), schema.attribution_unit_asset(name, e, key)))


# -- the probe set -----------------------------------------------------------------------------

def synthetic_probe_set(config: AnalysisConfig, meta: AgentMetadata, checkpoint_seed=0):
    """A :class:`~rlclarity_plugin.envs.rollouts.ProbeSet` as ``collect_probe_set`` makes it
    for ``config.probe`` (shapes, metadata, content-hash id, full-resolution frames), its frames
    made from ``config.probe.seed`` and its logits / values / actions by the checkpoint of
    ``checkpoint_seed``. One trajectory (the second, or the only one) ends an episode with a
    reward of 10 two thirds of the way."""
    from rlclarity_plugin.envs.rollouts import (
        FULL_QUALITY,
        FULL_TYPE,
        PROBE_FORMAT_VERSION,
        FullFrames,
        ProbeSet,
        choose_actions,
        content_hash,
        encode_full_frame,
    )

    p = config.probe
    E, T = p.traj_envs, p.traj_steps
    H, W, C = meta.observation_shape
    rng = _rng("probe", p.seed)
    traj_obs = _frames(rng, E, T, (H, W), C)
    rounds = _frames(rng, p.obs_envs, p.obs_per_env, (H, W), C)  # (envs, rounds, ...)
    observations = np.ascontiguousarray(rounds.transpose(1, 0, 2, 3, 4)).reshape(
        p.obs_envs * p.obs_per_env, H, W, C)  # index round * envs + env
    logits, values = _policy(checkpoint_seed, traj_obs, meta.num_actions)
    actions = choose_actions(logits, rng, p.greedy)
    rewards = np.zeros((E, T), np.float32)
    dones = np.zeros((E, T), bool)
    firsts = np.zeros((E, T), bool)
    firsts[:, 0] = True
    if T >= 3:
        end = (2 * T) // 3
        rewards[E - 1, end] = 10.0
        dones[E - 1, end] = True
        firsts[E - 1, end + 1] = True
    trajectories = {"observations": traj_obs, "actions": actions, "rewards": rewards,
                    "firsts": firsts, "dones": dones, "logits": logits, "values": values}
    env_kwargs = {**meta.env_kwargs, **p.env_kwargs}
    metadata = {
        "format_version": PROBE_FORMAT_VERSION,
        "probe_id": content_hash(trajectories, observations),
        "env_kind": meta.env_kind, "env_name": meta.env_name, "env_kwargs": env_kwargs,
        "config": {k: v for k, v in dataclasses.asdict(p).items() if k != "env_kwargs"},
        "collected_by": {"architecture": meta.architecture,
                         "training_step": meta.training_step},
    }
    full = None
    if p.full_resolution:
        pictures = to_display(traj_obs.reshape(E * T, H, W, C),
                              display_rule(meta.env_kind, meta.observation_shape))
        big = lambda x: np.repeat(np.repeat(x, FULL_SCALE, 0), FULL_SCALE, 1)
        full = {"trajectories": FullFrames.from_list([encode_full_frame(big(f))
                                                      for f in pictures]),
                "observations": FullFrames.from_list([encode_full_frame(big(f)) for f in
                                                      to_display(observations, display_rule(
                                                          meta.env_kind,
                                                          meta.observation_shape))])}
        metadata["full_resolution"] = {"type": FULL_TYPE, "quality": FULL_QUALITY,
                                       "bytes": int(sum(f.data.size for f in full.values()))}
    return ProbeSet(trajectories, observations, metadata, full)


# -- the analysis ------------------------------------------------------------------------------

def write_analysis(logdir: str, run: str, step: int, config: AnalysisConfig | None = None, *,
                   probe_set: str | None = None, checkpoint_seed=0,
                   layers: tuple[Layer, ...] = CLEAR_LAYERS,
                   meta: AgentMetadata | None = None, feature_vis: bool = False,
                   feature_vis_channels: int = 0, edits: bool = False,
                   edited_from: tuple[str, int] | None = None) -> dict:
    """Write a synthetic analysis of ``run`` at ``step`` into ``logdir`` (see the module
    docstring); returns a summary like ``run_analysis``'s, plus ``probe_set_file`` (the probe
    set's path, to pass as ``probe_set`` to another analysis on the same frames).

    Args:
        config: the analysis options (default: the job's defaults); what the job reads from
            it is honoured: trajectories x steps and observations (``config.probe``;
            ``full_resolution`` adds human-scale frames and their offsets index),
            ``layers.include_input`` (the input pseudo-layer, one gradient map per channel),
            ``attr_policy`` (outputs ``v`` plus every logit and action group, else ``v``),
            ``nmf.features`` K, the feature variants (``features.subdiv_mults`` x
            ``expand_mults``), ``bookmarks``.
        probe_set: a saved probe set to reuse (``--probe-set``; recorded as given) instead of
            "collecting" one from ``config.probe.seed`` into the run's ``probe_sets`` folder.
        checkpoint_seed: the "weights" (see the module docstring).
        layers: the hidden layers analysed (``config.layers.name_contains_one_of`` is only
            recorded), input to output.
        meta: the agent's metadata (default :func:`clear_agent_metadata`).
        feature_vis, feature_vis_channels, edits, edited_from: the optional parts (see the
            module docstring); off by default.

    Raises ``ValueError`` before writing anything, as the job does, when a layer has fewer
    channels than K, there are fewer observations than a thumbnail needs, the probe set does
    not fit the agent or lacks the full-resolution frames asked for, or the analysis folder
    exists.
    """
    from rlclarity_plugin import __version__
    from rlclarity_plugin.analysis.advantages import compute_gae, high_low_bookmarks
    from rlclarity_plugin.analysis.features import feature_hex_colors
    from rlclarity_plugin.analysis.nmf import AttributionNMF
    from rlclarity_plugin.envs.rollouts import ProbeSet

    t_start = time.perf_counter()
    config = config or AnalysisConfig()
    meta = meta or clear_agent_metadata()
    if edited_from is not None:
        meta = meta.replace(edits=(edited_agent_record(layers[0].name, edited_from),))
    schema.check_run_name(run)
    step = schema.check_step(step)
    names = (["input"] if config.layers.include_input else []) + [x.name for x in layers]
    for name in names:
        schema.check_name("layer", name)
    hidden = {x.name: x for x in layers}
    outputs = job._outputs(meta, config.attr_policy)
    run_dir = schema.run_path(logdir, run)
    writer = AssetWriter(run_dir, step)
    if files.isdir(writer.root):
        raise ValueError(f"{writer.root} exists: a synthetic analysis is written once")

    # checks before anything is written (job: _check_probe_fits, _check_sizes) -------------
    probe = None
    if probe_set is not None:
        probe = ProbeSet.load(probe_set)
        shape = tuple(probe.trajectories["observations"].shape[2:])
        if shape != tuple(meta.observation_shape) or \
                probe.trajectories["logits"].shape[-1] != meta.num_actions:
            raise ValueError(f"the probe set's frames are {shape}, the agent expects "
                             f"{tuple(meta.observation_shape)}")
        if config.probe.full_resolution and not probe.full:
            raise ValueError(f"the probe set {probe_set!r} has no full-resolution frames: "
                             "collect it with 'rl-clarity probe --full-resolution'")
    K = config.nmf.features
    for layer in layers:
        if layer.shape[-1] < K:
            raise ValueError(f"layer {layer.name} has {layer.shape[-1]} channels, fewer than "
                             f"the {K} NMF features asked for (--nmf-features)")
    n_obs = len(probe.observations) if probe is not None else \
        config.probe.obs_envs * config.probe.obs_per_env
    need = config.features.thumbnail_num_mult ** 2
    if layers and n_obs < need:
        raise ValueError(f"the feature thumbnails need at least {need} sampled observations, "
                         f"the probe set has {n_obs} (raise --obs-envs / --obs-per-env)")
    weights_sha256 = hashlib.sha256(f"synthetic checkpoint {checkpoint_seed}".encode()
                                    ).hexdigest()
    inputs = {"schema_version": schema.SCHEMA_VERSION, "rl_clarity_version": __version__,
              "checkpoint": {"weights_sha256": weights_sha256,
                             "training_step": int(meta.training_step)},
              "probe_set": {"id": probe.probe_id} if probe is not None else {"collect": True},
              "config": config.to_json(), "layers": list(names),
              "outputs": [o.key for o in outputs]}
    digest = schema.inputs_digest(inputs)
    writer.write_json(schema.INPUTS_FILE, inputs)

    # 1. probe set ---------------------------------------------------------------------------
    if probe is not None:
        probe_path = probe_set
    else:
        probe = synthetic_probe_set(config, meta, checkpoint_seed)
        probe_path = f"plugins/{schema.PLUGIN_NAME}/probe_sets/{probe.probe_id}.npz"
        full_path = files.join(run_dir, probe_path)
        if not files.exists(full_path):
            probe.save(full_path)
    traj = probe.trajectories
    E, T = traj["observations"].shape[:2]
    display = display_rule(meta.env_kind, meta.observation_shape)
    frames_key = zlib.crc32(traj["observations"].tobytes())
    obs_key = zlib.crc32(probe.observations.tobytes())

    # 2. series (job._series) ------------------------------------------------------------------
    logits, values = _policy(checkpoint_seed, traj["observations"], meta.num_actions)
    advantages = compute_gae(values, traj["rewards"], traj["dones"], meta.gamma, meta.lam)
    series = {"values": values, "logits": logits, "advantages": advantages,
              "rewards": traj["rewards"], "dones": traj["dones"], "firsts": traj["firsts"],
              "actions": traj["actions"]}
    marks = high_low_bookmarks(advantages, traj["dones"], config.bookmarks)
    bookmarks = {k: [[int(a), int(b)] for a, b in v] for k, v in marks.items()}

    # 3. NMF per layer (components: a function of the checkpoint and the layer) --------------
    nmfs = {}
    for layer in layers:
        h, w, c = layer.shape
        rng = _rng("nmf", checkpoint_seed, layer.name)
        comps = rng.random((K, c)) * (rng.random((K, c)) < 0.5)
        comps[np.arange(K), rng.permutation(c)[:K]] += 1.0  # no all-zero component
        nmf = AttributionNMF(config.nmf)
        nmf.components_ = comps
        nmf.reconstruction_error = float(rng.uniform(0.3, 0.7))
        nmf.n_rows_total = 2 * n_obs * h * w
        nmf.n_rows_fit = min(nmf.n_rows_total, config.nmf.max_rows)
        nmf.n_iter = int(rng.integers(20, config.nmf.max_iter + 1))
        writer.write_json(schema.nmf_asset(layer.name), nmf.to_json_dict())
        nmfs[layer.name] = nmf

    # 4. attribution units, encoded and written on two threads (gzip and numpy release the
    # GIL); the same checkpoint on the same frames again (an analysis of the same inputs under
    # another run name) reuses the bytes of the previous analysis' units ----------------------
    with ThreadPoolExecutor(2, thread_name_prefix="synthetic") as pool:
        done = []
        same = (checkpoint_seed, frames_key, tuple(names), tuple(o.key for o in outputs), K,
                tuple(layers), tuple(meta.observation_shape))
        if _UNITS.get("inputs") != same:
            _UNITS.clear()
            _UNITS["inputs"] = same
        for name in names:
            shape = tuple(meta.observation_shape) if name == "input" else hidden[name].shape
            for e in range(E):
                if all((name, e, o.key) in _UNITS for o in outputs):
                    for o in outputs:
                        body, unit = _UNITS[(name, e, o.key)]
                        writer.write(schema.attribution_asset(name, e, o.key), body)
                        writer.write(schema.attribution_unit_asset(name, e, o.key), unit)
                    continue
                for key, make in _unit_maps(checkpoint_seed, frames_key, name, e, T, shape, K,
                                            [o.key for o in outputs]):
                    done.append(pool.submit(_write_unit, writer, name, e, key, make))

        # 5. feature units: dataset examples of non-negative activations ------------------------
        pictures = to_display(probe.observations, display)
        reduced = {}
        for layer in layers:
            h, w, _ = layer.shape
            rng = _rng("activations", checkpoint_seed, obs_key, layer.name)
            acts = _smooth(rng, (n_obs, h, w, K), (0, max(h / 12, 0.5), max(w / 12, 0.5), 0))
            reduced[layer.name] = np.maximum(acts, 0) * rng.uniform(0.5, 2.0, K).astype(np.float32)
            for k in range(K):
                done.append(pool.submit(job._feature_unit, layer.name, k, reduced[layer.name],
                                        pictures, config, writer))
        for future in done:  # every unit written (or its error raised) before the images
            future.result()

    # 6-7. images, event file, manifest (last) ----------------------------------------------
    job._images(probe, pictures, display, nmfs, None, config, writer, reduced)
    if probe.full:
        job._full_frames(probe, writer)
    vis = {layer.name: _write_feature_vis(writer, layer, K, feature_vis_channels,
                                          meta.observation_shape, checkpoint_seed)
           for layer in layers} if feature_vis else {}
    if edited_from is not None:
        bookmarks = {**bookmarks, **_edited_bookmarks(checkpoint_seed, E, T)}
    event_file = schema.event_file_name(step, digest)
    event_path = write_event_file(run_dir, event_file, step, series,
                                  f"plugins/{schema.PLUGIN_NAME}/{step}")
    manifest = _manifest(meta, run, step, names, hidden, outputs, probe, probe_path, display,
                         nmfs, bookmarks, config, inputs, event_file, writer,
                         feature_hex_colors(K), __version__)
    if vis or edits:
        manifest = dataclasses.replace(
            manifest, layers=tuple(dataclasses.replace(x, feature_vis=vis.get(x.name))
                                   for x in manifest.layers),
            edits=synthetic_edits(layers[0].name, K, checkpoint_seed) if edits else ()
        ).with_digest()
    writer.write_json(schema.MANIFEST_FILE, manifest)
    return {"run": run, "step": step, "logdir": logdir, "asset_dir": writer.root,
            "layers": names, "probe_set": probe_path,
            "probe_set_file": probe_path if probe_set is not None
            else files.join(run_dir, probe_path),
            "event_file": event_path, "bytes_written": writer.bytes_written,
            "total_seconds": round(time.perf_counter() - t_start, 2)}


# -- optional parts: synthetic feature pictures, edit results, an edited agent ----------------

#: the features an edited agent's analysis (``edited_from``) records as projected out
EDITED_FEATURES = (0, 2)


def _write_feature_vis(writer, layer: Layer, K: int, channels: int, observation_shape,
                       checkpoint_seed) -> schema.FeatureVisInfo:
    """``synthetic/LAYER.webp`` (objectives ``centre`` and ``map`` x K + ``channels``
    pictures of the observation size: smooth random colour fields) and its record, each
    picture's activation above the dataset's maximum."""
    H, W = observation_shape[:2]
    objectives = ("centre", "map")
    J = K + channels
    rng = _rng("feature_vis", checkpoint_seed, layer.name)
    cells = _smooth(rng, (len(objectives), J, H, W, 3), (0, 0, 3, 3, 0))
    pictures = np.clip((cells * 0.5 + 0.5) * 255, 0, 255).astype(np.uint8)
    sheet = pictures.transpose(0, 2, 1, 3, 4).reshape(len(objectives) * H, J * W, 3)
    writer.write_picture(schema.synthetic_asset(layer.name), sheet)
    dataset_max = rng.uniform(0.5, 2.0, (len(objectives), J))
    activation = dataset_max * rng.uniform(1.5, 4.0, (len(objectives), J))
    rows = lambda a: tuple(tuple(float(x) for x in r) for r in a)
    return schema.FeatureVisInfo(objectives=objectives, features=K, channels=channels,
                                 steps=256, seed=int(checkpoint_seed) % 2**31,
                                 activation=rows(activation), dataset_max=rows(dataset_max))


def _estimate(mean, stderr) -> schema.Estimate:
    return schema.Estimate(float(mean), float(stderr))


def synthetic_edits(layer: str, K: int, checkpoint_seed=0) -> tuple[schema.EditResult, ...]:
    """Edit results on ``layer`` as ``rl-clarity evaluate`` records them: feature 0 with
    success rates and failures by cause, feature 1 with success rates, feature 2 with returns
    only (success None, said in the note), feature 3 and later none; a random control on the
    same 200 levels and another on 50 (the one to pick for the features is the first); then
    features 0 and 2 together on the 200 levels (from 3 features on)."""
    rng = _rng("edits", checkpoint_seed, layer)
    out = []
    for k in range(min(K, 3)):
        n = 200
        r0 = _estimate(rng.uniform(7, 9), rng.uniform(0.1, 0.3))
        r1 = _estimate(r0.mean - rng.uniform(0.5, 3), rng.uniform(0.1, 0.4))
        rd = _estimate(r1.mean - r0.mean, rng.uniform(0.05, 0.4))
        extra = {}
        if k < 2:
            s0 = rng.uniform(0.85, 0.95)
            s1 = s0 - rng.uniform(0.02, 0.3)
            se = lambda p, n=n: float(np.sqrt(p * (1 - p) / n))
            extra = dict(success_original=_estimate(s0, se(s0)),
                         success_edited=_estimate(s1, se(s1)),
                         success_delta=_estimate(s1 - s0, rng.uniform(0.005, 0.03)))
        if k == 0:
            extra["failures"] = (schema.FailureCount("buzzsaw", 4, 31),
                                 schema.FailureCount("enemy moving left", 2, 3))
            extra["note"] = "failure causes from the level's end state (synthetic)"
        if k == 2:
            extra["note"] = "the environment reports no level completion: returns only"
        out.append(schema.EditResult(
            label=f"feature {k + 1}", kind="features", layer=layer, features=(k,),
            episodes=n, seed=0, return_original=r0, return_edited=r1, return_delta=rd,
            check_next_layer=1e-6, check_scale=3.0, checkpoint=f"edited/{layer}_f{k}",
            **extra))
    for n, seed in ((200, 0), (50, 1)):
        r0 = _estimate(rng.uniform(7, 9), rng.uniform(0.1, 0.3))
        out.append(schema.EditResult(
            label=f"random direction ({n} levels)", kind="random", layer=layer, features=(),
            episodes=n, seed=seed, return_original=r0,
            return_edited=_estimate(r0.mean - 0.1, r0.stderr),
            return_delta=_estimate(rng.uniform(-0.3, 0.1), rng.uniform(0.05, 0.2)),
            success_original=_estimate(0.9, 0.02), success_edited=_estimate(0.897, 0.02),
            success_delta=_estimate(rng.uniform(-0.01, 0.005), rng.uniform(0.002, 0.008))))
    if K >= 3:  # features 1 and 3 together (`--features 0,2`), on the same 200 levels
        s0, s1 = 0.9, 0.9 - rng.uniform(0.2, 0.4)
        r0 = _estimate(rng.uniform(7, 9), rng.uniform(0.1, 0.3))
        out.append(schema.EditResult(
            label="features 1+3", kind="features", layer=layer, features=(0, 2), episodes=200,
            seed=0, return_original=r0, return_edited=_estimate(r0.mean - 3, 0.3),
            return_delta=_estimate(-3 + rng.uniform(-0.5, 0.5), rng.uniform(0.1, 0.4)),
            success_original=_estimate(s0, 0.02), success_edited=_estimate(s1, 0.03),
            success_delta=_estimate(s1 - s0, rng.uniform(0.01, 0.04)),
            check_next_layer=1e-6, check_scale=3.0, checkpoint=f"edited/{layer}_f0+f2"))
    return tuple(out)


def edited_agent_record(layer: str, source: tuple[str, int]) -> dict:
    """The ``metadata.edits`` record of an agent with :data:`EDITED_FEATURES` of ``layer``
    projected out (``agents.edit.edit_agent``'s form), made from the analysis ``source``
    (run, step)."""
    return {"kind": "project_out",
            "site": {"layer": layer, "consumer": "3a", "weight": "3a/kernel", "layout": "hwio",
                     "channels": 32, "flatten": None, "between": []},
            "directions": [[0.0] * 32 for _ in EDITED_FEATURES],
            "features": list(EDITED_FEATURES),
            "source": {"run": source[0], "step": int(source[1])}}


def _edited_bookmarks(checkpoint_seed, E: int, T: int) -> dict:
    """``diverge``: a frame per trajectory; ``failed``: one frame of the last trajectory."""
    rng = _rng("edited bookmarks", checkpoint_seed)
    diverge = [[e, int(rng.integers(1, max(T // 2, 2)))] for e in range(E)]
    return {"diverge": diverge, "failed": [[E - 1, int(rng.integers(T // 2, T))]]}


def _manifest(meta, run, step, names, hidden, outputs, probe, probe_path, display, nmfs,
              bookmarks, config, inputs, event_file, writer, colors, version) -> schema.Manifest:
    """The manifest as ``job._manifest`` builds it (layer shapes and kinds from ``hidden``
    instead of a network)."""
    E, T = probe.trajectories["observations"].shape[:2]
    per_frame, unit_scaled = [], []
    for name in names:
        if name == "input":
            continue
        for o in outputs:
            for e in range(E):
                unit = schema.AttributionUnit.from_json(writer.read_json(
                    schema.attribution_unit_asset(name, e, o.key)))
                a, b = unit.completeness()
                per_frame.append(a)
                unit_scaled.append(b)
    completeness = schema.Completeness(schema.Stats.of(np.concatenate(per_frame)),
                                       schema.Stats.of(np.concatenate(unit_scaled))) \
        if per_frame else None

    def layer_info(name):
        if name == "input":
            shape = tuple(int(d) for d in meta.observation_shape)
            channels = tuple(schema.Channel(label, color) for label, color in
                             input_channels(display, shape[-1]))
            return schema.LayerInfo(name, shape, "input", 0, channels=channels)
        return schema.LayerInfo(name, tuple(hidden[name].shape), hidden[name].kind,
                                nmfs[name].features, float(nmfs[name].reconstruction_error))

    combos = [list(c) for c in meta.action_combos] if meta.action_combos else \
        [[str(i)] for i in range(meta.num_actions)]
    f = config.features
    full_shape = None
    if probe.full:
        full_shape = job._full_shape(probe)
    return schema.Manifest(
        run=run, step=step, agent=meta.to_json(),
        env={"kind": meta.env_kind, "name": meta.env_name},
        action_combos=tuple(tuple(c) for c in combos),
        action_groups=tuple(schema.ActionGroup(g["name"], tuple(g["actions"]))
                            for g in job.action_groups(meta.action_combos)),
        probe_set=schema.ProbeSetInfo(
            id=probe.probe_id, path=probe_path, trajectories=E, steps=T,
            observations=len(probe.observations),
            observation_shape=tuple(int(d) for d in probe.observations.shape[1:]),
            display=display),
        full_resolution=schema.FullResolution("image/webp", tuple(full_shape))
        if full_shape else None,
        layers=tuple(layer_info(name) for name in names),
        default_layer=names[len(names) // 2],
        outputs=tuple(schema.OutputInfo(o.key, o.kind, o.index, tuple(o.actions))
                      for o in outputs),
        bookmarks=schema.Bookmarks(**{k: tuple(tuple(x) for x in v)
                                      for k, v in bookmarks.items()}),
        feature_colors=tuple(colors),
        features=schema.FeatureVariants(tuple(f.subdiv_mults), tuple(f.expand_mults),
                                        f.subdiv_default, f.expand_default),
        attribution=schema.AttributionEncoding(codec.MAPS_CODEC, codec.MAPS_ERROR,
                                               codec.MAPS_LAYOUT),
        completeness=completeness, event_file=event_file, inputs=inputs,
        rl_clarity_version=version).with_digest()

