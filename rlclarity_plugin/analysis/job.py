"""The analysis job: checkpoint + probe set -> store (see :mod:`..store.schema`).

Stages (rank 0 alone where marked; everything else split across MPI ranks by unit):

1. probe set: collected or loaded (rank 0), broadcast;
2. series: the agent's logits and values on the trajectories, GAE advantages, bookmarks (rank 0);
3. NMF per layer: IG of the value function on the sampled observations in fixed chunks spread
   over ranks and gathered in order, then one NMF fit (rank 0), broadcast;
4. attribution units (layer x trajectory x output): IG (or multi-path attribution), NMF
   decomposition, quantised maps;
5. feature units (layer x feature): dataset examples for every (subdiv, expand) variant;
6. images (rank 0): trajectory sprite sheets and scrubs, observation sheets, thumbnails;
7. summaries and the manifest, last (rank 0).

Units are files written atomically, and a unit whose files exist is skipped on ``resume``; the
work of a unit never depends on which rank or how many ranks do it, so the store's bytes do not
depend on the rank count.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import sys
import time
import zlib

import numpy as np

from ..store import files, schema
from .config import AnalysisConfig, AttributionConfig, FeatureConfig, NMFConfig  # noqa: F401
from .layers import LayerConfig  # noqa: F401

log = logging.getLogger(__name__)

ACTION_GROUPS = (("RIGHT", lambda c: "RIGHT" in c), ("LEFT", lambda c: "LEFT" in c),
                 ("UP", lambda c: "UP" in c), ("DOWN", lambda c: "DOWN" in c),
                 ("none", lambda c: not {"RIGHT", "LEFT", "UP", "DOWN"} & set(c)))
CHUNK = 256  # observations per NMF-attribution chunk (fixed: independent of the rank count)


class SerialComm:
    """The subset of an mpi4py communicator the job uses, for one process."""

    rank, size = 0, 1

    def bcast(self, obj, root=0):
        return obj

    def gather(self, obj, root=0):
        return [obj]

    def allgather(self, obj):
        return [obj]

    def barrier(self):
        pass

    def Abort(self, code=1):
        os._exit(code)


def world_comm():
    """mpi4py's COMM_WORLD when started by mpirun with several ranks, else :class:`SerialComm`."""
    if any(k in os.environ for k in ("PMI_SIZE", "OMPI_COMM_WORLD_SIZE", "PMIX_RANK")):
        from mpi4py import MPI

        if MPI.COMM_WORLD.Get_size() > 1:
            return MPI.COMM_WORLD
    return SerialComm()


def action_groups(action_combos) -> list[dict]:
    """The original's five arrow groups, keeping those with more than one action."""
    if action_combos is None:
        return []
    groups = []
    for name, test in ACTION_GROUPS:
        actions = [i for i, combo in enumerate(action_combos) if test(tuple(combo))]
        if len(actions) > 1:
            groups.append({"name": name, "actions": actions})
    return groups


def _outputs(meta, attr_policy: bool):
    from .attribution import group_output, logit_output, value_output

    outputs = [value_output()]
    if attr_policy:
        outputs += [logit_output(a) for a in range(meta.num_actions)]
        outputs += [group_output(i, g["actions"])
                    for i, g in enumerate(action_groups(meta.action_combos))]
    return outputs


def _chunks(n: int, size: int) -> list[tuple[int, int]]:
    return [(s, min(s + size, n)) for s in range(0, n, size)]


def _mine(units: list, comm) -> list:
    return [u for i, u in enumerate(units) if i % comm.size == comm.rank]


def quantise(x: np.ndarray, scale: float) -> np.ndarray:
    """``round(clip(x / scale, -1, 1) * 127)`` as int8."""
    q = np.clip(np.asarray(x, np.float64) / scale, -1.0, 1.0) * schema.QUANT_MAX
    return np.round(q).astype(np.int8)


def display_scale(maps: np.ndarray) -> float:
    """The original's brightness scale: median over frames of the per-frame maximum of
    ``|x|``, falling back to the overall maximum, then 1."""
    per_frame = np.abs(maps).reshape(len(maps), -1).max(axis=1) if maps.size else np.zeros(1)
    for s in (float(np.median(per_frame)), float(per_frame.max())):
        if s > 0 and np.isfinite(s):
            return s
    return 1.0


class _Progress:
    def __init__(self, comm, enabled: bool):
        self.enabled = enabled and comm.rank == 0
        self.times: dict[str, float] = {}

    def bar(self, total, desc, unit="frame"):
        from tqdm import tqdm

        return tqdm(total=total, desc=desc, unit=unit, disable=not self.enabled,
                    dynamic_ncols=True, leave=False)


def run_analysis(checkpoint, logdir: str, run: str | None = None, step: int | None = None,
                 probe_set: str | None = None, config: AnalysisConfig | None = None,
                 resume: bool = True, progress: bool = True, comm=None) -> dict:
    """Analyse ``checkpoint`` (a path, ``demo:NAME`` or an :class:`Agent`) into ``logdir``.

    Returns a summary dict (rank 0; other ranks get ``{}``): run, step, paths, seconds per
    stage, bytes written. Raises ``ValueError`` on bad input before any heavy work.
    """

    from ..agents.agent import Agent
    from ..agents.checkpoint import load_checkpoint
    from ..envs.rollouts import ProbeSet, collect_probe_set
    from ..store.writer import AssetWriter
    from .layers import select_layers

    config = config or AnalysisConfig()
    comm = comm or world_comm()
    files.check_usable(logdir)
    if comm.rank == 0:
        files.check_writable(logdir)
    prog = _Progress(comm, progress)
    t_start = time.perf_counter()
    if comm.size > 1:  # so that MPI's report of a dead process (by pid) names its rank
        pids = comm.allgather(os.getpid())
        if comm.rank == 0:
            print("rl-clarity analyze: ranks " + ", ".join(f"{r}=pid {p}" for r, p in
                                                           enumerate(pids)),
                  file=sys.stderr, flush=True)
    agent = checkpoint if isinstance(checkpoint, Agent) else load_checkpoint(checkpoint)
    meta = agent.metadata
    run = run or _default_run_name(checkpoint)
    schema.check_run_name(run)
    step = int(meta.training_step if step is None else step)
    if step < 0:
        raise ValueError(f"step must be >= 0, got {step}")
    layers = select_layers(agent.network, config.layers)
    for layer in layers:
        schema.check_name("layer", layer)
    outputs = _outputs(meta, config.attr_policy)
    run_dir = files.join(logdir, run)
    writer = AssetWriter(run_dir, step)
    if not resume and comm.rank == 0 and writer.exists(schema.MANIFEST_FILE):
        files.rmtree(writer.root)
        writer = AssetWriter(run_dir, step)
    comm.barrier()

    # 1. probe set ---------------------------------------------------------------------------
    t0 = time.perf_counter()
    probe_path = None
    if comm.rank == 0:
        if probe_set is not None:
            probe = ProbeSet.load(probe_set)
            probe_path = probe_set
            _check_probe_fits(probe, agent)
            if config.probe.full_resolution and not probe.full:
                raise ValueError(f"the probe set {probe_set!r} has no full-resolution frames: "
                                 "collect it with 'rl-clarity probe --full-resolution'")
        else:
            probe = collect_probe_set(agent, config.probe, progress=prog.enabled)
            # stored relative to the run folder, so the manifest does not depend on the logdir
            probe_path = f"plugins/{schema.PLUGIN_NAME}/probe_sets/{probe.probe_id}.npz"
            full = files.join(run_dir, probe_path)
            if not files.exists(full):
                probe.save(full)
    else:
        probe = None
    probe = comm.bcast(probe, root=0)
    probe_path = comm.bcast(probe_path, root=0)
    prog.times["probe_set"] = time.perf_counter() - t0
    traj = probe.trajectories
    E, T = traj["observations"].shape[:2]

    # 2. series ------------------------------------------------------------------------------
    t0 = time.perf_counter()
    series = bookmarks = None
    if comm.rank == 0:
        series, bookmarks = _series(agent, probe, config)
    prog.times["series"] = time.perf_counter() - t0

    # 3. NMF per layer -----------------------------------------------------------------------
    t0 = time.perf_counter()
    nmfs = {}
    for layer in layers:
        if layer == "input":
            continue
        nmfs[layer] = _fit_layer_nmf(agent, layer, probe.observations, config, writer, comm,
                                     prog)
    prog.times["nmf"] = time.perf_counter() - t0

    # 4. attribution units -------------------------------------------------------------------
    t0 = time.perf_counter()
    units = [(layer, e, o) for layer in layers for e in range(E) for o in outputs]
    todo = [u for u in _mine(units, comm)
            if not (resume and writer.exists(schema.attribution_unit_asset(u[0], u[1], u[2].key)))]
    with prog.bar(len(todo) * T, "attribution") as bar:
        by_layer_traj: dict = {}
        for layer, e, o in todo:
            by_layer_traj.setdefault((layer, e), []).append(o)
        for (layer, e), outs in by_layer_traj.items():
            _attribution_units(agent, layer, e, traj["observations"][e], outs, nmfs.get(layer),
                               config, writer, bar)
    comm.barrier()
    prog.times["attribution"] = time.perf_counter() - t0

    # 5. feature units -----------------------------------------------------------------------
    t0 = time.perf_counter()
    feature_units = [(layer, k) for layer in nmfs for k in range(nmfs[layer].features)]
    todo = [u for u in _mine(feature_units, comm) if not (resume and _feature_done(writer, u,
                                                                                   config))]
    reduced_cache: dict = {}
    with prog.bar(len(todo), "features", unit="feature") as bar:
        for layer, k in todo:
            if layer not in reduced_cache:
                reduced_cache.clear()
                reduced_cache[layer] = _reduced_acts(agent, layer, probe.observations,
                                                     nmfs[layer])
            _feature_unit(layer, k, reduced_cache[layer], probe.observations, config, writer)
            bar.update(1)
    comm.barrier()
    prog.times["features"] = time.perf_counter() - t0

    # 6-7. images, summaries, manifest (rank 0) ------------------------------------------------
    bytes_written = comm.gather(writer.bytes_written, root=0)
    if comm.rank != 0:
        return {}
    t0 = time.perf_counter()
    _images(probe, nmfs, agent, config, writer, reduced_cache)
    full_bytes = _full_frames(probe, writer) if probe.full else 0
    prog.times["images"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    manifest, totals, completeness = _manifest(agent, run, step, layers, outputs, probe,
                                               probe_path, nmfs, bookmarks, config, writer)
    from ..store.writer import write_summaries

    write_summaries(run_dir, step, manifest, series, totals, completeness,
                    {layer: nmf.components_ for layer, nmf in nmfs.items()})
    writer.write_json(schema.MANIFEST_FILE, manifest)
    prog.times["summaries"] = time.perf_counter() - t0
    # rank 0's count so far is in the gathered list already: add only what it wrote since
    total_bytes = int(sum(bytes_written)) + writer.bytes_written - bytes_written[0]
    summary = {"run": run, "step": step, "logdir": logdir, "asset_dir": writer.root,
               "probe_set": probe_path, "ranks": comm.size, "layers": layers,
               "seconds": {k: round(v, 2) for k, v in prog.times.items()},
               "total_seconds": round(time.perf_counter() - t_start, 2),
               "bytes_written": total_bytes}
    if probe.full:
        summary["full_resolution"] = {
            "frames": sum(len(f) for f in probe.full.values()), "bytes": full_bytes,
            "encode_seconds": round(getattr(probe, "full_seconds", 0.0), 2),
            "probe_seconds": round(getattr(probe, "seconds", 0.0), 2)
            if probe_set is None else None}
    return summary


def _full_frames(probe, writer) -> int:
    """The human-scale frames into the store (one data file per trajectory + the sampled
    observations'); returns the bytes written."""
    from ..envs.rollouts import FULL_TYPE

    before = writer.bytes_written
    T = probe.trajectories["observations"].shape[1]
    shape = list(_full_shape(probe))
    parts = [(schema.full_frames_asset("trajectory", e),
              probe.full["trajectories"].slice(e * T, (e + 1) * T))
             for e in range(probe.trajectories["observations"].shape[0])]
    parts.append((schema.full_frames_asset("observations"), probe.full["observations"]))
    for (data_rel, index_rel), frames in parts:
        writer.write(data_rel, frames.data.tobytes())
        writer.write_json(index_rel, {"offsets": frames.offsets.tolist(), "type": FULL_TYPE,
                                      "shape": shape})
    return writer.bytes_written - before


def _full_shape(probe) -> tuple:
    from PIL import Image

    img = Image.open(io.BytesIO(probe.full["trajectories"].get(0)))
    return (img.height, img.width, 3)


def _default_run_name(checkpoint) -> str:
    if isinstance(checkpoint, str):
        if checkpoint.startswith("demo:"):
            return "demo_" + checkpoint[5:]
        parts = [p for p in checkpoint.replace("\\", "/").split("/") if p]
        # runs/agentA/checkpoints/ckpt-N -> agentA
        if len(parts) >= 3 and parts[-2] == "checkpoints":
            return _safe(parts[-3])
        if parts:
            return _safe(os.path.splitext(parts[-1])[0])
    return "agent"


def _safe(name: str) -> str:
    cleaned = "".join(c if c.isalnum() or c in "_.-" else "_" for c in name)[:64].strip(".")
    return cleaned or "agent"


def _check_probe_fits(probe, agent) -> None:
    shape = tuple(probe.trajectories["observations"].shape[2:])
    if shape != tuple(agent.metadata.observation_shape):
        raise ValueError(f"the probe set's frames are {shape}, the agent expects "
                         f"{tuple(agent.metadata.observation_shape)}")
    if probe.trajectories["logits"].shape[-1] != agent.metadata.num_actions:
        actions = probe.trajectories["logits"].shape[-1]
        raise ValueError(f"the probe set was collected with {actions} actions, the agent has "
                         f"{agent.metadata.num_actions}")


def _series(agent, probe, config):
    from .advantages import compute_gae, high_low_bookmarks

    traj = probe.trajectories
    E, T = traj["observations"].shape[:2]
    logits, values = agent(traj["observations"].reshape((E * T,) + traj["observations"].shape[2:]))
    logits = logits.reshape(E, T, -1)
    values = values.reshape(E, T)
    meta = agent.metadata
    advantages = compute_gae(values, traj["rewards"], traj["dones"], meta.gamma, meta.lam)
    series = {"values": values, "logits": logits, "advantages": advantages,
              "rewards": traj["rewards"], "dones": traj["dones"], "firsts": traj["firsts"],
              "actions": traj["actions"]}
    marks = high_low_bookmarks(advantages, traj["dones"], config.bookmarks)
    return series, {k: [[int(a), int(b)] for a, b in v] for k, v in marks.items()}


def _fit_layer_nmf(agent, layer, observations, config, writer, comm, prog):
    """IG of the value on the sampled observations (chunks over ranks), NMF fit on rank 0."""
    from .attribution import IntegratedGradients, value_output
    from .nmf import AttributionNMF

    rel = schema.nmf_asset(layer)
    nmf_state = None
    if comm.rank == 0 and writer.exists(rel):
        nmf_state = writer.read_json(rel)
    nmf_state = comm.bcast(nmf_state, root=0)
    if nmf_state is None:
        encoder, head = agent.network.cut(layer)
        ig = IntegratedGradients(head, agent.network.layer_shape(layer),
                                 agent.metadata.num_actions, [value_output()], config.attribution)
        chunks = _chunks(len(observations), CHUNK)
        mine = _mine(list(enumerate(chunks)), comm)
        parts = {}
        with prog.bar(sum(b - a for _, (a, b) in mine), f"NMF attribution {layer}") as bar:
            for i, (a, b) in mine:
                acts = encoder(observations[a:b]).numpy()
                parts[i] = ig(acts, bar)[0]
        gathered = comm.gather(parts, root=0)
        if comm.rank == 0:
            merged = {}
            for p in gathered:
                merged.update(p)
            attr = np.concatenate([merged[i] for i in range(len(chunks))])
            nmf = AttributionNMF(config.nmf).fit(attr)
            nmf_state = nmf.to_json_dict()
            writer.write_json(rel, nmf_state)
        nmf_state = comm.bcast(nmf_state, root=0)
    return AttributionNMF.from_json_dict(nmf_state)


def _attribution_units(agent, layer, e, frames, outputs, nmf, config, writer, bar):
    """IG of ``outputs`` on one trajectory at ``layer``; one unit (bin + json) per output.

    With ``config.attribution.max_paths`` set, hidden layers get multi-path attribution instead,
    its paths seeded by ``crc32("<layer>/<trajectory>")`` so that the result does not depend on
    which rank or how many ranks do the unit."""
    from .attribution import IntegratedGradients, input_gradients, multi_path_attribution
    from .nmf import decompose_attribution, totals

    if layer == "input":
        grads = input_gradients(agent.network, frames, agent.metadata.num_actions, outputs)
        bar.update(len(frames) * len(outputs))
        for o, g in zip(outputs, grads):
            scale = display_scale(g)
            writer.write_array_gz(schema.attribution_asset(layer, e, o.key),
                                  quantise(g, 4 * scale))
            writer.write_json(schema.attribution_unit_asset(layer, e, o.key),
                              {"scale": scale, "quant_range": 4 * scale,
                               "shape": list(g.shape), "dtype": "int8"})
        return
    encoder, head = agent.network.cut(layer)
    acts = encoder(frames).numpy()
    ig = IntegratedGradients(head, acts.shape[1:], agent.metadata.num_actions, outputs,
                             config.attribution)
    if config.attribution.max_paths is not None:
        attrs = multi_path_attribution(
            head, acts, agent.metadata.num_actions, outputs, nmf, config.attribution.max_paths,
            config.attribution.integrate_steps, zlib.crc32(f"{layer}/{e}".encode()),
            memory_budget=config.attribution.memory_budget)
    else:
        attrs = ig(acts)
    bar.update(len(frames) * len(outputs))
    errors = ig.completeness_error(acts, attrs)
    for o, attr, err in zip(outputs, attrs, errors):
        channels, residual = decompose_attribution(attr, nmf)
        maps = np.concatenate([channels, residual[..., None]], axis=-1)  # (T, h, w, K+1)
        ch_tot, res_tot = totals(channels, residual)
        scale = display_scale(channels)
        writer.write_array_gz(schema.attribution_asset(layer, e, o.key), quantise(maps, 4 * scale))
        writer.write_json(schema.attribution_unit_asset(layer, e, o.key), {
            "scale": scale, "quant_range": 4 * scale, "shape": list(maps.shape), "dtype": "int8",
            "totals": np.concatenate([ch_tot, res_tot[:, None]], 1).astype(np.float32).tolist(),
            "completeness": err.astype(np.float32).tolist(),
        })


def _feature_done(writer, unit, config) -> bool:
    layer, k = unit
    f = config.features
    return all(writer.exists(schema.feature_grid_asset(layer, k, s, e))
               for s in f.subdiv_mults for e in f.expand_mults)


def _reduced_acts(agent, layer, observations, nmf) -> np.ndarray:
    encoder, _ = agent.network.cut(layer)
    acts = np.concatenate([encoder(observations[a:b]).numpy()
                           for a, b in _chunks(len(observations), CHUNK)])
    return nmf.transform(np.maximum(acts, 0))  # (N, h, w, K)


def _feature_unit(layer, k, reduced, observations, config, writer):
    from .features import feature_grid

    f = config.features
    for s in f.subdiv_mults:
        for e in f.expand_mults:
            image, grid = feature_grid(reduced[..., k], observations, s, e)
            writer.write_png(schema.feature_asset(layer, k, s, e), image)
            writer.write_array_gz(schema.feature_grid_asset(layer, k, s, e),
                                  grid.astype(np.int32))


def _images(probe, nmfs, agent, config, writer, reduced_cache):
    from ..store.writer import sprite_sheet
    from .features import feature_thumbnail, scrub

    traj = probe.trajectories["observations"]
    for e in range(traj.shape[0]):
        writer.write_png(schema.frames_asset(e), sprite_sheet(traj[e], schema.FRAME_COLUMNS))
        writer.write_png(schema.scrub_asset(e), scrub(traj[e]))
    obs = probe.observations
    for sheet, (a, b) in enumerate(_chunks(len(obs), schema.SHEET_SIZE)):
        writer.write_png(schema.observation_sheet_asset(sheet),
                         sprite_sheet(obs[a:b], schema.SHEET_COLUMNS))
    f = config.features
    for layer, nmf in nmfs.items():
        reduced = reduced_cache.get(layer)
        if reduced is None:
            reduced = _reduced_acts(agent, layer, obs, nmf)
        thumbs = [feature_thumbnail(reduced[..., k], obs, num_mult=f.thumbnail_num_mult,
                                    expand_mult=f.thumbnail_expand_mult)
                  for k in range(nmf.features)]
        size = min(t.shape[0] for t in thumbs)
        writer.write_png(schema.thumbnails_asset(layer),
                         np.concatenate([t[:size, :size] for t in thumbs], axis=1))


def _manifest(agent, run, step, layers, outputs, probe, probe_path, nmfs, bookmarks, config,
              writer):
    from .. import __version__
    from .features import feature_hex_colors

    meta = agent.metadata
    E, T = probe.trajectories["observations"].shape[:2]
    totals, completeness, units = {}, {}, {}
    for layer in layers:
        for o in outputs:
            tot, comp, scales = [], [], []
            for e in range(E):
                unit = writer.read_json(schema.attribution_unit_asset(layer, e, o.key))
                scales.append(unit["scale"])
                if "totals" in unit:
                    tot.append(unit["totals"])
                    comp.append(unit["completeness"])
            units[f"{layer}/{o.key}"] = {"scales": scales}
            if tot:
                totals[(layer, o.key)] = np.asarray(tot, np.float32)
                completeness[(layer, o.key)] = np.asarray(comp, np.float32)
    comp_all = np.concatenate([c.ravel() for c in completeness.values()]) if completeness else None
    manifest = {
        "schema_version": schema.SCHEMA_VERSION,
        "rl_clarity_version": __version__,
        "run": run, "step": step,
        "agent": meta.to_json(),
        "env": {"kind": meta.env_kind, "name": meta.env_name},
        "action_combos": [list(c) for c in meta.action_combos] if meta.action_combos else
        [[str(i)] for i in range(meta.num_actions)],
        "action_groups": action_groups(meta.action_combos),
        "probe_set": {"id": probe.probe_id, "path": probe_path,
                      "trajectories": E, "steps": T,
                      "observations": len(probe.observations),
                      "observation_shape": list(probe.observations.shape[1:])},
        "full_resolution": {"type": "image/webp", "shape": list(_full_shape(probe))}
        if probe.full else None,
        "layers": [{"name": layer, "shape": list(agent.network.layer_shape(layer)),
                    "kind": agent.network.layer_kind(layer),
                    "features": nmfs[layer].features if layer in nmfs else 0,
                    "nmf_reconstruction_error": float(nmfs[layer].reconstruction_error)
                    if layer in nmfs else None} for layer in layers],
        "default_layer": layers[len(layers) // 2],
        "outputs": [{"key": o.key, "kind": o.kind, "index": o.index, "actions": list(o.actions)}
                    for o in outputs],
        "units": units,
        "bookmarks": bookmarks,
        "feature_colors": feature_hex_colors(config.nmf.features),
        "features": {"subdiv_mults": list(config.features.subdiv_mults),
                     "expand_mults": list(config.features.expand_mults),
                     "subdiv_default": config.features.subdiv_default,
                     "expand_default": config.features.expand_default},
        "assets": {"frame_columns": schema.FRAME_COLUMNS, "sheet_size": schema.SHEET_SIZE,
                   "sheet_columns": schema.SHEET_COLUMNS, "quant_max": schema.QUANT_MAX},
        "completeness": None if comp_all is None else {
            "median": float(np.median(comp_all)), "p95": float(np.percentile(comp_all, 95))},
        "config": config.to_json(),
    }
    manifest["digest"] = hashlib.sha256(json.dumps(manifest, sort_keys=True).encode()).hexdigest()
    return manifest, totals, completeness


def main_guarded(fn, comm):
    """Run ``fn()``; on an exception print which rank failed and abort every rank."""
    try:
        return fn()
    except Exception as e:  # any failure must end all ranks, never hang
        if comm.size > 1:
            print(f"rl-clarity analyze: rank {comm.rank} of {comm.size} failed: "
                  f"{type(e).__name__}: {e}", file=sys.stderr, flush=True)
            comm.Abort(1)
        raise
