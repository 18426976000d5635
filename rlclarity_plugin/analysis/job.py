"""The analysis job: checkpoint + probe set -> store (see :mod:`..store.schema`).

Stages (rank 0 alone where marked; everything else split across MPI ranks by unit):

1. probe set: collected or loaded (rank 0), broadcast;
2. series: the agent's logits and values on the trajectories, GAE advantages, bookmarks (rank 0);
3. NMF per layer: IG of the value function on the sampled observations in fixed chunks spread
   over ranks and gathered in order, then one NMF fit (rank 0), broadcast;
4. attribution units (layer x trajectory x output): IG (or multi-path attribution), NMF
   decomposition, quantised maps;
5. feature units (layer x feature): dataset examples for every (subdiv, expand) variant;
   with ``--feature-vis synthetic``, synthetic pictures (layer x fixed chunk of pictures, each
   picture seeded on its own), gathered; rank 0 writes each layer's sheet;
6. images (rank 0): trajectory sprite sheets and scrubs, observation sheets, thumbnails;
7. the event file (series) and the manifest, last (rank 0).

Before anything is written, every option and input is checked (checkpoint, probe set or the
environment it would be collected from, layers, names), so a refused analysis leaves the logdir
as it was. The analysis folder then records its inputs first (``inputs.json``: checkpoint
weights digest, probe set, every option, rl-clarity version). Units are files written
atomically; on ``resume`` the finished units of an unfinished analysis are kept only when its
recorded inputs are identical, and a complete analysis with identical inputs is left as it is.
An analysis folder made from other inputs is replaced whole (with its event file), never mixed.
The work of a unit never depends on which rank or how many ranks do it, so the store's bytes do
not depend on the rank count.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import sys
import time
import zlib

import numpy as np

from ..envs.display import display_rule, input_channels, to_display
from ..store import codec, files, schema
from .config import AnalysisConfig, AttributionConfig, FeatureConfig, NMFConfig  # noqa: F401
from .layers import LayerConfig  # noqa: F401

log = logging.getLogger(__name__)

ACTION_GROUPS = (("RIGHT", lambda c: "RIGHT" in c), ("LEFT", lambda c: "LEFT" in c),
                 ("UP", lambda c: "UP" in c), ("DOWN", lambda c: "DOWN" in c),
                 ("none", lambda c: not {"RIGHT", "LEFT", "UP", "DOWN"} & set(c)))
CHUNK = 256  # observations per NMF-attribution chunk (fixed: independent of the rank count)
FEATURE_VIS_COLUMNS = 4  # directions per synthetic-picture unit (fixed, as CHUNK)


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
        try:
            from mpi4py import MPI
        except ImportError as e:
            # one rank by the launcher's word (a scheduler's environment): serial, no MPI needed
            if "1" in (os.environ.get("PMI_SIZE"), os.environ.get("OMPI_COMM_WORLD_SIZE")):
                return SerialComm()
            from .. import missing_extra

            raise missing_extra("mpi4py", "mpi", "an analysis started by mpirun", e,
                                "or run it without mpirun") from e
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


def display_scale(maps: np.ndarray) -> float:
    """The original's display scale (``save_attr``): the median over frames of the per-frame
    maximum of the signed maps ``(T, ...)`` (NMF channels, without the residual; input
    gradients); if that is not positive, the overall maximum; where that is not positive
    either (every value negative: the original would divide by a negative or zero scale), the
    median over frames of the per-frame maximum of ``|x|`` (this project's guard); then 1."""
    if not maps.size:
        return 1.0
    flat = np.asarray(maps, np.float64).reshape(len(maps), -1)
    per_frame = flat.max(axis=1)
    for s in (float(np.median(per_frame)), float(per_frame.max()),
              float(np.median(np.abs(flat).max(axis=1))), float(np.abs(flat).max())):
        if s > 0 and np.isfinite(s):
            return _f32([s])[0]
    return 1.0


def _f32(values) -> list:
    """Float32 values as the shortest decimals that read back to them (compact JSON)."""
    return [float(str(v)) for v in np.asarray(values, np.float32).ravel()]


class _Progress:
    """Progress bars (rank 0, when enabled) and the seconds each stage took."""

    def __init__(self, comm, enabled: bool):
        self.enabled = enabled and comm.rank == 0
        self.times: dict[str, float] = {}

    def bar(self, total, desc, unit="frame"):
        from tqdm import tqdm

        return tqdm(total=total, desc=desc, unit=unit, disable=not self.enabled,
                    dynamic_ncols=True, leave=False)

    @contextlib.contextmanager
    def stage(self, name: str):
        """Time the ``with`` body as stage ``name`` (seconds in the summary)."""
        t0 = time.perf_counter()
        yield
        self.times[name] = time.perf_counter() - t0


def run_analysis(checkpoint, logdir: str, run: str | None = None, step: int | None = None,
                 probe_set: str | None = None, config: AnalysisConfig | None = None,
                 resume: bool = True, progress: bool = True, comm=None,
                 load_options: dict | None = None) -> dict:
    """Analyse ``checkpoint`` (a path, ``demo:NAME`` or an :class:`Agent`) into ``logdir``.

    ``load_options``: keyword arguments of :func:`~rlclarity_plugin.agents.checkpoint.
    load_checkpoint` (``backend``, ``device``, ``env_kind``, ``env_name``) for a path.

    Returns a summary dict (rank 0; other ranks get ``{}``): run, step, paths, seconds per
    stage, bytes written; ``unchanged`` is True when a complete analysis of identical inputs
    was already there (nothing is redone unless ``resume`` is False). Raises ``ValueError`` on
    bad input before anything is written.
    """
    from ..agents.agent import Agent
    from ..agents.checkpoint import load_checkpoint
    from ..store.writer import AssetWriter

    config = config or AnalysisConfig()
    comm = comm or world_comm()
    files.check_usable(logdir)
    if comm.rank == 0:
        files.check_writable(logdir)
    prog = _Progress(comm, progress)
    t_start = time.perf_counter()
    _announce_ranks(comm)
    agent = (checkpoint if isinstance(checkpoint, Agent)
             else load_checkpoint(checkpoint, **(load_options or {})))
    run = run or _default_run_name(checkpoint)
    schema.check_run_name(run)
    step = schema.check_step(agent.metadata.training_step if step is None else step)
    layers, outputs = _layers_and_outputs(agent, config)
    run_dir = schema.run_path(logdir, run)

    # checks and what to do with the step's folder (rank 0), before anything is written
    plan = _plan(agent, config, layers, outputs, run_dir, step, probe_set, resume) \
        if comm.rank == 0 else None
    inputs, state, _ = comm.bcast(plan[:3] if plan else None, root=0)
    probe = plan[3] if plan else None
    writer = AssetWriter(run_dir, step)
    summary = {"run": run, "step": step, "logdir": logdir, "asset_dir": writer.root,
               "ranks": comm.size, "layers": layers}
    if state == "done":
        if comm.rank != 0:
            return {}
        return {**summary, "unchanged": True, "probe_set": None, "seconds": {},
                "total_seconds": round(time.perf_counter() - t_start, 2), "bytes_written": 0}
    if comm.rank == 0 and state == "fresh":
        writer.write_json(schema.INPUTS_FILE, inputs)
    comm.barrier()

    job = _Job(agent, config, layers, outputs, writer, comm, prog, resume=state == "resume")
    with prog.stage("probe_set"):  # 1
        probe, probe_path = job.probe_set(probe, probe_set, run_dir)
    with prog.stage("series"):  # 2
        series, bookmarks = _series(agent, probe, config) if comm.rank == 0 else (None, None)
    with prog.stage("nmf"):  # 3
        nmfs = job.nmfs(probe)
    with prog.stage("attribution"):  # 4
        job.attribution(probe, nmfs)
    with prog.stage("features"):  # 5
        pictures, reduced_cache = job.features(probe, nmfs)
    if config.feature_vis.mode == "synthetic":
        with prog.stage("feature_vis"):  # 5, synthetic pictures
            job.feature_vis(probe, nmfs)
    bytes_written = comm.gather(writer.bytes_written, root=0)
    if comm.rank != 0:
        return {}
    with prog.stage("images"):  # 6 (rank 0)
        _images(probe, pictures, job.display, nmfs, job.functions, config, writer,
                reduced_cache)
        full_bytes = _full_frames(probe, writer) if probe.full else 0
    with prog.stage("summaries"):  # 7 (rank 0): the event file, then the manifest
        event_path = job.summaries(run, step, run_dir, probe, probe_path, nmfs, series,
                                   bookmarks, inputs)
    # rank 0's count so far is in the gathered list already: add only what it wrote since
    total_bytes = int(sum(bytes_written)) + writer.bytes_written - bytes_written[0]
    summary.update({"probe_set": probe_path, "event_file": event_path,
                    "seconds": {k: round(v, 2) for k, v in prog.times.items()},
                    "total_seconds": round(time.perf_counter() - t_start, 2),
                    "bytes_written": total_bytes})
    if probe.full:
        summary["full_resolution"] = _full_resolution_summary(probe, full_bytes, probe_set)
    return summary


def _announce_ranks(comm) -> None:
    """With several ranks, print each rank's pid (rank 0) and watch the ranks, so that a rank
    that dies is named by its rank number (:mod:`.ranks`)."""
    from .ranks import watch_ranks

    watch_ranks(comm)


def _layers_and_outputs(agent, config) -> tuple[list[str], list]:
    """The layers to analyse (names checked) and the outputs to attribute."""
    from .layers import select_layers

    layers = select_layers(agent.network, config.layers,
                           ("value", "logits") if config.attr_policy else ("value",))
    for layer in layers:
        schema.check_name("layer", layer)
    return layers, _outputs(agent.metadata, config.attr_policy)


def _full_resolution_summary(probe, full_bytes: int, probe_set) -> dict:
    return {"frames": sum(len(f) for f in probe.full.values()), "bytes": full_bytes,
            "encode_seconds": round(getattr(probe, "full_seconds", 0.0), 2),
            "probe_seconds": round(getattr(probe, "seconds", 0.0), 2)
            if probe_set is None else None}


def _plan(agent, config, layers, outputs, run_dir, step, probe_set, resume):
    """Rank 0's checks before anything is written: ``(inputs, state, message, probe)`` with
    the probe set loaded when one is given (``state``: see :func:`_prepare_step`)."""
    from ..envs.rollouts import ProbeSet, check_probe_config

    probe = None
    if probe_set is not None:
        probe = ProbeSet.load(probe_set)
        _check_probe_fits(probe, agent)
        if config.probe.full_resolution and not probe.full:
            raise ValueError(f"the probe set {probe_set!r} has no full-resolution frames: "
                             "collect it with 'rl-clarity probe --full-resolution'")
    else:
        check_probe_config(agent, config.probe)
    _check_sizes(agent, layers, config, len(probe.observations) if probe is not None
                 else config.probe.obs_envs * config.probe.obs_per_env)
    inputs = _inputs(agent, probe, config, layers, outputs)
    state, message = _prepare_step(run_dir, step, inputs, resume)
    if message:
        print(f"rl-clarity analyze: {message}", file=sys.stderr, flush=True)
    return inputs, state, message, probe


class _Job:
    """The stages of one analysis after the checks: each splits its units over the ranks
    (``_mine``) and skips, on resume, the units already written."""

    def __init__(self, agent, config, layers, outputs, writer, comm, prog, resume: bool):
        self.agent, self.config, self.layers, self.outputs = agent, config, layers, outputs
        self.writer, self.comm, self.prog, self.resume = writer, comm, prog, resume
        self.meta = agent.metadata
        self.functions = _Functions(agent, config)
        self.display = None
        self.synthetic: dict = {}  # layer -> schema.FeatureVisInfo (rank 0)

    def probe_set(self, probe, probe_set, run_dir):
        """1. The probe set: the one given, or collected and saved (rank 0); broadcast."""
        from ..envs.rollouts import collect_probe_set

        comm, probe_path = self.comm, None
        if comm.rank == 0:
            if probe is not None:
                probe_path = probe_set
            else:
                probe = collect_probe_set(self.agent, self.config.probe,
                                          progress=self.prog.enabled)
                # stored relative to the run folder: the manifest does not depend on the logdir
                probe_path = f"plugins/{schema.PLUGIN_NAME}/probe_sets/{probe.probe_id}.npz"
                full = files.join(run_dir, probe_path)
                if not files.exists(full):
                    probe.save(full)
        probe = comm.bcast(probe, root=0)
        probe_path = comm.bcast(probe_path, root=0)
        self.display = display_rule(self.meta.env_kind, self.meta.observation_shape)
        return probe, probe_path

    def nmfs(self, probe) -> dict:
        """3. One NMF per hidden layer, fitted on IG of the value on the sampled observations."""
        return {layer: _fit_layer_nmf(self.functions, layer, probe.observations, self.config,
                                      self.writer, self.comm, self.prog)
                for layer in self.layers if layer != "input"}

    def attribution(self, probe, nmfs) -> None:
        """4. Attribution units (layer x trajectory x output)."""
        traj = probe.trajectories["observations"]
        E, T = traj.shape[:2]
        units = [(layer, e, o) for layer in self.layers for e in range(E) for o in self.outputs]
        todo = [u for u in _mine(units, self.comm)
                if not (self.resume and self.writer.exists(
                    schema.attribution_unit_asset(u[0], u[1], u[2].key)))]
        with self.prog.bar(len(todo) * T, "attribution") as bar:
            by_layer_traj: dict = {}
            for layer, e, o in todo:
                by_layer_traj.setdefault((layer, e), []).append(o)
            for (layer, e), outs in by_layer_traj.items():
                _attribution_units(self.functions, layer, e, traj[e], outs, nmfs.get(layer),
                                   self.config, self.writer, bar)
        self.comm.barrier()

    def features(self, probe, nmfs):
        """5. Feature units (layer x feature); returns the display pictures and the reduced
        activations of the last layer done (reused by the images)."""
        pictures = to_display(probe.observations, self.display)
        units = [(layer, k) for layer in nmfs for k in range(nmfs[layer].features)]
        todo = [u for u in _mine(units, self.comm)
                if not (self.resume and _feature_done(self.writer, u, self.config))]
        reduced_cache: dict = {}
        with self.prog.bar(len(todo), "features", unit="feature") as bar:
            for layer, k in todo:
                if layer not in reduced_cache:
                    reduced_cache.clear()
                    reduced_cache[layer] = _reduced_acts(self.functions, layer,
                                                         probe.observations, nmfs[layer])
                _feature_unit(layer, k, reduced_cache[layer], pictures, self.config,
                              self.writer)
                bar.update(1)
        self.comm.barrier()
        return pictures, reduced_cache

    def feature_vis(self, probe, nmfs) -> None:
        """5. Synthetic feature pictures (:mod:`.featurevis`): for every layer, a picture per
        (objective, direction), directions the NMF features then the first ``channels``
        channels. Units are fixed chunks of :data:`FEATURE_VIS_COLUMNS` directions (every
        objective of a direction in one batch), split over the ranks and gathered; rank 0
        writes each layer's sheet and records, in ``self.synthetic``, what each picture
        reaches and the best of the sampled observations. On resume, a layer whose sheet is
        there is not optimised again (RGB observations: the sheet holds the pictures)."""
        from .featurevis import colour_decorrelation

        fv = self.config.feature_vis
        obs = probe.observations
        directions = {layer: _vis_directions(self.agent, layer, nmfs[layer], fv)
                      for layer in nmfs}
        done = {layer for layer in nmfs
                if self.resume and self.display == "rgb" and self.writer.exists(
                    schema.synthetic_asset(layer))}
        units = [(layer, a, b) for layer in nmfs if layer not in done
                 for a, b in _chunks(len(directions[layer]), FEATURE_VIS_COLUMNS)]
        mine = _mine(units, self.comm)
        colour, offset = colour_decorrelation(obs)
        results = {}
        with self.prog.bar(len(mine) * fv.steps, "feature pictures", unit="step") as bar:
            for layer, a, b in mine:
                results[(layer, a)] = _vis_unit(self.agent.network, layer, directions[layer],
                                                a, b, colour, offset, obs.shape[1:], fv,
                                                bar.update)
        gathered = self.comm.gather(results, root=0)
        if self.comm.rank == 0:
            merged = {}
            for part in gathered:
                merged.update(part)
            for layer in nmfs:
                self.synthetic[layer] = _vis_layer(
                    self.functions, layer, directions[layer], nmfs[layer].features, merged,
                    obs, fv, self.display, self.writer, layer in done)
        self.comm.barrier()

    def summaries(self, run, step, run_dir, probe, probe_path, nmfs, series, bookmarks,
                  inputs) -> str:
        """7. The event file (series) and, last, the manifest; returns the event file's path."""
        from ..store.writer import write_event_file

        event_file = schema.event_file_name(step, schema.inputs_digest(inputs))
        event_path = write_event_file(run_dir, event_file, step, series,
                                      f"plugins/{schema.PLUGIN_NAME}/{step}")
        manifest = _manifest(self.agent, run, step, self.layers, self.outputs, probe,
                             probe_path, self.display, nmfs, bookmarks, self.config, inputs,
                             event_file, self.writer, self.synthetic)
        self.writer.write_json(schema.MANIFEST_FILE, manifest)
        return event_path


def _check_sizes(agent, layers, config, observations: int) -> None:
    """What the later stages need, checked before anything is written."""
    k = config.nmf.features
    for layer in layers:
        channels = agent.network.layer_shape(layer)[-1]
        if layer != "input" and channels < k:
            raise ValueError(f"layer {layer} has {channels} channels, fewer than the "
                             f"{k} NMF features asked for (--nmf-features)")
    if config.feature_vis.mode == "synthetic":
        check = getattr(agent.network, "pixel_encoder", None)  # Keras: a chain of layers
        for layer in layers:
            if layer != "input" and check is not None:
                check(layer)
    need = config.features.thumbnail_num_mult ** 2
    if any(layer != "input" for layer in layers) and observations < need:
        raise ValueError(f"the feature thumbnails need at least {need} sampled observations, "
                         f"the probe set has {observations} (raise --obs-envs / --obs-per-env)")


def _inputs(agent, probe, config, layers, outputs) -> dict:
    """What an analysis is made from: a unit is reused only for identical inputs."""
    from .._version import __version__

    return {"schema_version": schema.SCHEMA_VERSION, "rl_clarity_version": __version__,
            "checkpoint": {"weights_sha256": agent.weights_digest(),
                           "training_step": int(agent.metadata.training_step)},
            "probe_set": {"id": probe.probe_id} if probe is not None else {"collect": True},
            "config": config.to_json(), "layers": list(layers),
            "outputs": [o.key for o in outputs]}


def _prepare_step(run_dir: str, step: int, inputs: dict, resume: bool
                  ) -> tuple[str, str | None]:
    """``(state, message)`` for the analysis folder of ``step``: ``"fresh"`` (nothing there,
    or what was there, with its event file, has been removed), ``"resume"`` (an unfinished
    analysis of identical inputs: its finished units are kept) or ``"done"`` (a complete
    analysis of identical inputs, left as it is)."""
    root = schema.asset_dir(run_dir, step)
    if not files.isdir(root):
        return "fresh", None
    old_manifest = _json_or_none(files.join(root, schema.MANIFEST_FILE))
    old_inputs = _json_or_none(files.join(root, schema.INPUTS_FILE))
    if isinstance(old_manifest, dict) and "inputs" in old_manifest:
        old_inputs = old_manifest["inputs"]
    where = f"the analysis of {run_dir} at step {step}"
    newer = isinstance(old_manifest, dict) and isinstance(old_manifest.get("schema_version"),
                                                           int) and \
        old_manifest["schema_version"] > schema.SCHEMA_VERSION
    if resume and newer:
        raise ValueError(f"{where} was written by a newer rl-clarity "
                         f"({old_manifest.get('rl_clarity_version', '?')}, store version "
                         f"{old_manifest['schema_version']}); refusing to replace it: upgrade "
                         "rl-clarity (pip install -U rl-clarity), or pass --no-resume to "
                         "replace it")
    if resume and old_inputs == inputs:
        if old_manifest is not None:
            return "done", (f"{where} is complete and made from identical inputs: nothing to "
                            "do (--no-resume redoes it)")
        return "resume", f"resuming {where} (identical inputs)"
    if not resume:
        reason = "--no-resume"
    elif isinstance(old_inputs, dict):
        reason = "it was made from other inputs (" + "; ".join(
            _differences(old_inputs, inputs)[:4]) + ")"
    else:
        reason = "it was written by another rl-clarity version, or its record is missing"
    names = set()
    if isinstance(old_manifest, dict):
        names.add(old_manifest.get("event_file"))
    if isinstance(old_inputs, dict):
        names.add(schema.event_file_name(step, schema.inputs_digest(old_inputs)))
    for name in names:  # only the analysis' own event file, whatever the old record says
        if isinstance(name, str) and "/" not in name and "\\" not in name and \
                name.startswith("events.out.tfevents.") and name.endswith(schema.PLUGIN_NAME):
            files.remove(files.join(run_dir, name))
    files.rmtree(root)
    return "fresh", f"replacing {where}: {reason}"


def _json_or_none(path: str):
    try:
        return codec.decode_json(files.read(path))
    except (OSError, ValueError):
        return None


def _differences(old, new, path: str = "") -> list[str]:
    """``"a.b: x -> y"`` for each leaf where two JSON values differ."""
    if isinstance(old, dict) and isinstance(new, dict):
        out = []
        for key in sorted(set(old) | set(new), key=str):
            out += _differences(old.get(key), new.get(key), f"{path}.{key}" if path else key)
        return out
    if old == new:
        return []
    return [f"{path}: {_short(old)} -> {_short(new)}"]


def _short(value) -> str:
    text = codec.encode_json(value).decode() if value is not None else "none"
    return text if len(text) <= 40 else text[:37] + "..."


class _Functions:
    """The functions of one analysis from the agent's backend (Keras or torch), built once per
    (layer, outputs) and reused for every trajectory and chunk: activations, integrated
    gradients, multi-path attribution. Only numpy arrays cross this boundary."""

    def __init__(self, agent, config):
        self.agent, self.config = agent, config
        self.network = agent.network
        self._ig, self._mpa = {}, {}

    def activations(self, layer, frames) -> np.ndarray:
        return np.concatenate([self.network.activations(layer, frames[a:b])
                               for a, b in _chunks(len(frames), CHUNK)])

    def ig(self, layer, outputs):
        key = (layer, tuple(outputs))
        if key not in self._ig:
            self._ig[key] = self.network.integrated_gradients(layer, outputs,
                                                              self.config.attribution)
        return self._ig[key]

    def multi_path(self, layer, outputs, features):
        key = (layer, tuple(outputs))
        if key not in self._mpa:
            a = self.config.attribution
            self._mpa[key] = self.network.multi_path(layer, outputs, features,
                                                     a.integrate_steps, a.memory_budget)
        return self._mpa[key]


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


def _fit_layer_nmf(functions, layer, observations, config, writer, comm, prog):
    """IG of the value on the sampled observations (chunks over ranks), NMF fit on rank 0."""
    from .attribution import value_output
    from .nmf import AttributionNMF

    rel = schema.nmf_asset(layer)
    nmf_state = None
    if comm.rank == 0 and writer.exists(rel):
        nmf_state = writer.read_json(rel)
    nmf_state = comm.bcast(nmf_state, root=0)
    if nmf_state is None:
        ig = functions.ig(layer, [value_output()])
        chunks = _chunks(len(observations), CHUNK)
        mine = _mine(list(enumerate(chunks)), comm)
        parts = {}
        with prog.bar(sum(b - a for _, (a, b) in mine), f"NMF attribution {layer}") as bar:
            for i, (a, b) in mine:
                parts[i] = ig(functions.activations(layer, observations[a:b]), bar)[0]
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


def _attribution_units(functions, layer, e, frames, outputs, nmf, config, writer, bar):
    """IG of ``outputs`` on one trajectory at ``layer``; one unit (maps + JSON) per output.

    With ``config.attribution.max_paths`` set, hidden layers get multi-path attribution instead,
    its paths seeded by ``crc32("<layer>/<trajectory>")`` so that the result does not depend on
    which rank or how many ranks do the unit."""
    from .nmf import decompose_attribution, totals

    agent = functions.agent
    if layer == "input":
        grads = agent.network.input_gradients(frames, outputs)
        bar.update(len(frames) * len(outputs))
        for o, g in zip(outputs, grads):
            _write_unit(writer, layer, e, o.key, g, display_scale(g))
        return
    acts = functions.activations(layer, frames)
    ig = functions.ig(layer, outputs)
    if config.attribution.max_paths is not None:
        attrs = functions.multi_path(layer, outputs, nmf.features)(
            acts, nmf, config.attribution.max_paths, zlib.crc32(f"{layer}/{e}".encode()))
    else:
        attrs = ig(acts)
    bar.update(len(frames) * len(outputs))
    deltas = ig.delta(acts)
    for o, attr, delta in zip(outputs, attrs, deltas):
        channels, residual = decompose_attribution(attr, nmf)
        maps = np.concatenate([channels, residual[..., None]], axis=-1)  # (T, h, w, K+1)
        ch_tot, res_tot = totals(channels, residual)
        _write_unit(writer, layer, e, o.key, maps, display_scale(channels),
                    np.concatenate([ch_tot, res_tot[:, None]], 1), delta)


def _write_unit(writer, layer, e, key, maps, scale, unit_totals=None, delta=None):
    """The maps (first) and the unit's JSON (last: its presence marks the unit done)."""
    body, steps = codec.encode_maps(maps)
    writer.write(schema.attribution_asset(layer, e, key), body)
    T, C = maps.shape[0], maps.shape[-1]
    unit = schema.AttributionUnit(
        shape=tuple(int(d) for d in maps.shape), codec=codec.MAPS_CODEC, steps=tuple(steps),
        scale=scale,
        totals=None if unit_totals is None else tuple(
            tuple(row) for row in np.asarray(_f32(unit_totals)).reshape(T, C).tolist()),
        delta=None if delta is None else tuple(_f32(delta)))
    writer.write_json(schema.attribution_unit_asset(layer, e, key), unit)


def _feature_done(writer, unit, config) -> bool:
    layer, k = unit
    f = config.features
    return all(writer.exists(schema.feature_grid_asset(layer, k, s, e))
               for s in f.subdiv_mults for e in f.expand_mults)


def _reduced_acts(functions, layer, observations, nmf) -> np.ndarray:
    acts = functions.activations(layer, observations)
    return nmf.transform(np.maximum(acts, 0))  # (N, h, w, K)


def _feature_unit(layer, k, reduced, pictures, config, writer):
    from .features import feature_grid

    f = config.features
    for s in f.subdiv_mults:
        for e in f.expand_mults:
            image, grid = feature_grid(reduced[..., k], pictures, s, e)
            writer.write_picture(schema.feature_asset(layer, k, s, e), image)
            writer.write_array_gz(schema.feature_grid_asset(layer, k, s, e),
                                  grid.astype(np.int32))


def _vis_directions(agent, layer, nmf, fv) -> np.ndarray:
    """The directions pictured at ``layer``: NMF components, then ``fv.channels`` channels
    (at most the layer's)."""
    from .featurevis import feature_directions

    channels = min(fv.channels, int(agent.network.layer_shape(layer)[-1]))
    return feature_directions(nmf.components_, channels)


def _vis_unit(network, layer, directions, a, b, colour, offset, image_shape, fv, progress):
    """Pictures of directions ``a:b`` of ``layer`` for every objective, uint8
    ``(b - a, O, H, W, C)``; each picture seeded by (seed, layer, direction, objective) only."""
    from .featurevis import FeatureVisRecipe, make_plan, picture_seed, quantise

    objectives = list(fv.objectives)
    cols = [j for j in range(a, b) for _ in objectives]
    objs = [o for _ in range(a, b) for o in objectives]
    plan = make_plan(directions[cols], objs,
                     [picture_seed(fv.seed, layer, j, o) for j, o in zip(cols, objs)],
                     image_shape, network.layer_shape(layer)[:2], colour, offset,
                     FeatureVisRecipe(steps=fv.steps, learning_rate=fv.learning_rate))
    images, _ = network.feature_vis(layer, plan, progress)
    return quantise(images).reshape((b - a, len(objectives)) + tuple(image_shape))


def _vis_layer(functions, layer, directions, features, results, observations, fv, display,
               writer, done) -> schema.FeatureVisInfo:
    """Rank 0: the layer's sheet (written unless ``done``) and its record: the objective each
    stored (uint8) picture reaches and the best value over the sampled observations."""
    from .featurevis import (
        dataset_objective_max,
        objective_values,
        objective_weights,
        pictures_sheet,
    )

    J, n_obj = len(directions), len(fv.objectives)
    H, W, C = observations.shape[1:]
    if done:  # RGB observations: the stored sheet is the pictures
        sheet = codec.decode_image(files.read(writer.path(schema.synthetic_asset(layer))),
                                   "RGB")
        pictures = sheet.reshape(n_obj, H, J, W, C).transpose(0, 2, 1, 3, 4)
    else:
        pictures = np.concatenate([results[(layer, a)] for a, _ in
                                   _chunks(J, FEATURE_VIS_COLUMNS)]).transpose(1, 0, 2, 3, 4)
        writer.write_picture(schema.synthetic_asset(layer),
                             pictures_sheet(to_display(pictures, display)))
    h, w = functions.network.layer_shape(layer)[:2]
    weights = objective_weights(fv.objectives, h, w)
    flat = pictures.reshape((n_obj * J, H, W, C))
    reached = objective_values(functions.activations(layer, flat),
                               np.tile(directions, (n_obj, 1)), np.repeat(weights, J, axis=0))
    best = None
    for a, b in _chunks(len(observations), CHUNK):
        best = dataset_objective_max(functions.network.activations(layer, observations[a:b]),
                                     directions, weights, best)

    def rows(values):
        return tuple(tuple(r) for r in np.asarray(_f32(values)).reshape(n_obj, J).tolist())

    return schema.FeatureVisInfo(objectives=tuple(fv.objectives), features=int(features),
                                 channels=J - int(features), steps=fv.steps, seed=fv.seed,
                                 activation=rows(reached), dataset_max=rows(best))


def _images(probe, pictures, display, nmfs, functions, config, writer, reduced_cache):
    from .features import feature_thumbnail, scrub

    traj = probe.trajectories["observations"]
    for e in range(traj.shape[0]):
        frames = to_display(traj[e], display)
        writer.write_picture(schema.frames_asset(e),
                         codec.sprite_sheet(frames, schema.FRAME_COLUMNS))
        writer.write_picture(schema.scrub_asset(e), scrub(frames))
    for sheet, (a, b) in enumerate(_chunks(len(pictures), schema.SHEET_SIZE)):
        writer.write_picture(schema.observation_sheet_asset(sheet),
                         codec.sprite_sheet(pictures[a:b], schema.SHEET_COLUMNS))
    f = config.features
    for layer, nmf in nmfs.items():
        reduced = reduced_cache.get(layer)
        if reduced is None:
            reduced = _reduced_acts(functions, layer, probe.observations, nmf)
        thumbs = [feature_thumbnail(reduced[..., k], pictures, num_mult=f.thumbnail_num_mult,
                                    expand_mult=f.thumbnail_expand_mult)
                  for k in range(nmf.features)]
        size = min(t.shape[0] for t in thumbs)
        writer.write_picture(schema.thumbnails_asset(layer),
                         np.concatenate([t[:size, :size] for t in thumbs], axis=1))


def _manifest(agent, run, step, layers, outputs, probe, probe_path, display, nmfs, bookmarks,
              config, inputs, event_file, writer, synthetic=None) -> schema.Manifest:
    from .._version import __version__
    from .features import feature_hex_colors

    meta = agent.metadata
    E, T = probe.trajectories["observations"].shape[:2]
    per_frame, unit_scaled = [], []
    for layer in layers:
        if layer == "input":
            continue
        for o in outputs:
            for e in range(E):
                unit = schema.AttributionUnit.from_json(writer.read_json(
                    schema.attribution_unit_asset(layer, e, o.key)))
                a, b = unit.completeness()
                per_frame.append(a)
                unit_scaled.append(b)
    completeness = schema.Completeness(schema.Stats.of(np.concatenate(per_frame)),
                                       schema.Stats.of(np.concatenate(unit_scaled))) \
        if per_frame else None

    def layer_info(name):
        shape = tuple(int(d) for d in agent.network.layer_shape(name))
        if name == "input":
            channels = tuple(schema.Channel(label, color) for label, color in
                             input_channels(display, shape[-1]))
            return schema.LayerInfo(name, shape, agent.network.layer_kind(name), 0,
                                    channels=channels)
        return schema.LayerInfo(name, shape, agent.network.layer_kind(name),
                                nmfs[name].features, float(nmfs[name].reconstruction_error),
                                feature_vis=(synthetic or {}).get(name))

    combos = [list(c) for c in meta.action_combos] if meta.action_combos else \
        [[str(i)] for i in range(meta.num_actions)]
    f = config.features
    return schema.Manifest(
        run=run, step=step, agent=meta.to_json(),
        env={"kind": meta.env_kind, "name": meta.env_name},
        action_combos=tuple(tuple(c) for c in combos),
        action_groups=tuple(schema.ActionGroup(g["name"], tuple(g["actions"]))
                            for g in action_groups(meta.action_combos)),
        probe_set=schema.ProbeSetInfo(
            id=probe.probe_id, path=probe_path, trajectories=E, steps=T,
            observations=len(probe.observations),
            observation_shape=tuple(int(d) for d in probe.observations.shape[1:]),
            display=display),
        full_resolution=schema.FullResolution("image/webp", tuple(_full_shape(probe)))
        if probe.full else None,
        layers=tuple(layer_info(name) for name in layers),
        default_layer=layers[len(layers) // 2],
        outputs=tuple(schema.OutputInfo(o.key, o.kind, o.index, tuple(o.actions))
                      for o in outputs),
        bookmarks=schema.Bookmarks(**{k: tuple(tuple(x) for x in v)
                                      for k, v in bookmarks.items()}),
        feature_colors=tuple(feature_hex_colors(config.nmf.features)),
        features=schema.FeatureVariants(tuple(f.subdiv_mults), tuple(f.expand_mults),
                                        f.subdiv_default, f.expand_default),
        attribution=schema.AttributionEncoding(codec.MAPS_CODEC, codec.MAPS_ERROR,
                                               codec.MAPS_LAYOUT),
        completeness=completeness, event_file=event_file, inputs=inputs,
        rl_clarity_version=__version__).with_digest()


def main_guarded(fn, comm, command: str = "analyze", verbose: bool = False):
    """Run ``fn()``. One process: an exception goes on to the command's handler. Several
    ranks: the failing rank prints one line, ``rl-clarity COMMAND: rank R of N failed: ``
    and the command's own message (:func:`rlclarity_plugin.exit_codes.describe`; with
    ``verbose``, an internal error's traceback before it), waits until MPI's launcher has read
    it, aborts every rank and ends."""
    try:
        return fn()
    except Exception as e:  # any failure must end all ranks, never hang
        if comm.size > 1:
            from .. import exit_codes
            from .ranks import report_failure

            if verbose and exit_codes.code_for(e) == exit_codes.INTERNAL_ERROR:
                import traceback

                traceback.print_exc()
            # read by the launcher before the abort (which ends every rank at once)
            report_failure(f"rl-clarity {command}: rank {comm.rank} of {comm.size} failed: "
                           f"{exit_codes.describe(e)}")
            comm.Abort(1)
            # MPICH's Abort returns, and its launcher ends the ranks a moment later: this one
            # ends now, its report said (not a second line from the command's handler)
            with contextlib.suppress(Exception):
                sys.stdout.flush()
            os._exit(1)
        raise
