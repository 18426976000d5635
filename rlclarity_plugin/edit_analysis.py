"""An edited agent analysed beside the original, with bookmarks where the two part ways.

Model editing (:mod:`.agents.edit`) makes an agent blind to some NMF features; the paired
evaluation says how much worse it does. This module shows *where*, in the compare view
(``?run=ORIGINAL&run_b=EDITED``), by three analyses written with the original analysis' options:

1. **The edited agent on the original probe set**, run ``EDITED_RUN`` (default
   ``RUN.edit-LAYER-fFEATURES``) at the same step: the same frames (the original's rollouts),
   so the two analyses share one timeline frame for frame. Bookmarks ``diverge``: per
   trajectory, the first frame where the edited agent's greedy action (argmax of its logits)
   differs from the original's on that frame.
2. **Failures of the edited agent** (procgen only: levels are seeds there). For each of up to
   four levels the paired evaluation found the edited agent failing (``failing_levels``), the
   edited agent plays the level alone (``start_level=L, num_levels=1``) until its first failure
   plus a margin: an episode whose last reward is not positive (procgen pays a level's
   completion on the episode's last step, CoinRun 10 for the coin; a death or a timeout pays
   0). The levels it failed make a second probe set, one trajectory each: a window of the
   original probe set's length ``T`` that ends ``margin`` frames after the failure (or the
   first ``T`` frames when the failure comes earlier), with the original probe set's sampled
   observations (so NMF is fitted on the same observations as the original analysis). Both
   agents are analysed on it: runs ``EDITED_RUN.failures/original`` and
   ``EDITED_RUN.failures/edited``; the edited one gets ``failed`` (the failure frame) and
   ``diverge`` bookmarks.
3. Bookmarks are written into the manifests with :func:`.store.writer.update_manifest` (the
   high/low advantage bookmarks stay).

Every input is checked before anything is written (the original analysis exists; the original
checkpoint is the one it was made from; the edited checkpoint records an edit and has the
original's architecture, observations and weights' names and shapes). Under ``mpirun`` the
analyses are split over the ranks as ``rl-clarity analyze`` does; rank 0 collects the failure
probe set and writes the bookmarks.
"""

from __future__ import annotations

import re

import numpy as np

from .analysis.config import AnalysisConfig
from .store import files, schema

__all__ = ["FAILURE_MARGIN", "FAILURE_MAX_LEVELS", "FAILURE_MAX_STEPS", "analyze_edit",
           "collect_failure_probe_set", "edited_run_name", "failure_window",
           "first_divergence", "first_failures"]

#: Levels of ``failing_levels`` rolled out at most (the first ones given).
FAILURE_MAX_LEVELS = 4
#: Frames kept after a failure (the agent's next episode starting).
FAILURE_MARGIN = 8
#: Steps a failing level is played at most, looking for the first failure (procgen's
#: episode limit: CoinRun times out after 1000 steps).
FAILURE_MAX_STEPS = 1000
_CHUNK = 64  # steps collected between two looks for a failure
_BAD_NAME_CHARS = re.compile(r"[^A-Za-z0-9_.\-]")


# -- pure parts ---------------------------------------------------------------------------------

def first_divergence(logits_a, logits_b) -> list[tuple[int, int]]:
    """Per trajectory, the first frame where the greedy actions of two agents differ.

    Algorithm: ``a = argmax(logits_a, -1)``, ``b = argmax(logits_b, -1)`` (ties: the lowest
    action, numpy's rule, the same for both); for each trajectory ``e`` with some ``t`` where
    ``a[e, t] != b[e, t]``, the pair ``(e, first such t)``.

    Args:
        logits_a, logits_b: ``(E, T, A)`` logits of two agents on the same frames.

    Returns:
        ``[(e, t), ...]`` in trajectory order; trajectories where they always agree are left out.
    """
    a, b = np.asarray(logits_a), np.asarray(logits_b)
    if a.shape != b.shape or a.ndim != 3:
        raise ValueError(f"logits of shapes {a.shape} and {b.shape}: expected two equal "
                         "(E, T, A) arrays (the same probe set)")
    differ = np.argmax(a, axis=-1) != np.argmax(b, axis=-1)
    return [(int(e), int(np.argmax(row))) for e, row in enumerate(differ) if row.any()]


def first_failures(rewards, dones) -> list[tuple[int, int]]:
    """Per trajectory, the first frame whose action ended an episode without completing it.

    Algorithm: frame ``t`` of trajectory ``e`` is a failure when ``dones[e, t]`` (the action
    taken there ended the episode) and ``rewards[e, t] <= 0`` (procgen pays completion on the
    last step; a death or a timeout pays nothing); the first such ``t`` of each trajectory.

    Args:
        rewards, dones: ``(E, T)`` as in a probe set (:mod:`.envs.rollouts`).

    Returns:
        ``[(e, t), ...]`` in trajectory order; trajectories without a failure are left out.
    """
    r, d = np.asarray(rewards), np.asarray(dones, bool)
    if r.shape != d.shape or r.ndim != 2:
        raise ValueError(f"rewards {r.shape} and dones {d.shape}: expected two equal (E, T)")
    failed = d & (r <= 0)
    return [(int(e), int(np.argmax(row))) for e, row in enumerate(failed) if row.any()]


def failure_window(failed_at: int, collected: int, window: int,
                   margin: int = FAILURE_MARGIN) -> tuple[int, int]:
    """``(start, end)``: ``window`` frames of a rollout of ``collected`` frames that show the
    failure at frame ``failed_at`` and ``margin`` frames after it (fewer when the rollout ends
    sooner), ending as early as possible: ``end = min(max(failed_at + 1 + margin, window),
    collected)``, ``start = end - window``. Needs ``window <= collected`` and
    ``failed_at < collected``."""
    if not 0 <= failed_at < collected or not 1 <= window <= collected or margin < 0:
        raise ValueError(f"no window of {window} frames around frame {failed_at} of "
                         f"{collected} (margin {margin})")
    end = min(max(failed_at + 1 + margin, window), collected)
    return end - window, end


def edited_run_name(run: str, edits) -> str:
    """The default run of an edited agent's analysis: ``RUN`` + ``.edit-LAYER-fF1+F2`` per
    recorded edit (``dK`` for ``K`` unlabelled directions), with every character a run name
    cannot hold (``+`` included) replaced by ``_``; ``RUN``'s last part is shortened so that it
    stays within 64 characters."""
    suffix = ""
    for edit in edits:
        layer = str((edit.get("site") or {}).get("layer") or "layer")
        features = edit.get("features")
        if features is None:
            label = f"d{len(edit.get('directions') or ())}"
        else:
            features = features if isinstance(features, (list, tuple)) else [features]
            label = "f" + "+".join(str(f) for f in features)
        suffix += f".edit-{layer}-{label}"
    head, _, last = ("" if run == "." else run).rpartition("/")
    suffix = _BAD_NAME_CHARS.sub("_", suffix)[:63]
    last = (last[:64 - len(suffix)] + suffix).strip(".") or "edited"
    return schema.check_run_name(f"{head}/{last}" if head else last)


# -- inputs -------------------------------------------------------------------------------------

def _load(checkpoint, load_options):
    from .agents.agent import Agent
    from .agents.checkpoint import load_checkpoint

    if isinstance(checkpoint, Agent):
        return checkpoint
    return load_checkpoint(checkpoint, **(load_options or {}))


def _edits_of(agent, checkpoint) -> tuple:
    """The edits an edited checkpoint records: in its metadata (native), else beside or inside
    it (CleanRL sidecar, SB3 zip member)."""
    from .agents.edit import read_edits

    if agent.metadata.edits:
        return tuple(agent.metadata.edits)
    return read_edits(checkpoint) if isinstance(checkpoint, str) else ()


def _check_pair(original, edited, manifest, where: str, edited_name: str) -> None:
    """The edited agent must be the original's network with other weights; the original must
    be the checkpoint the analysis was made from."""
    a, b = manifest.agent, edited.metadata
    for key, value in (("architecture", b.architecture),
                       ("observation_shape", list(b.observation_shape)),
                       ("num_actions", b.num_actions), ("arch_kwargs", b.arch_kwargs)):
        if a.get(key) != value:
            raise ValueError(f"the edited checkpoint {edited_name} does not fit {where}: its "
                             f"{key} is {value!r}, the analysed agent's {a.get(key)!r}")
    wa = {k: np.shape(v) for k, v in original.get_weights().items()}
    wb = {k: np.shape(v) for k, v in edited.get_weights().items()}
    if wa != wb:
        diff = sorted(set(wa.items()) ^ set(wb.items()))[:2]
        raise ValueError(f"the edited checkpoint {edited_name} is not an edit of the original "
                         f"network: its weights differ in names or shapes ({diff})")
    want = (manifest.inputs.get("checkpoint") or {}).get("weights_sha256")
    if want and original.weights_digest() != want:
        raise ValueError(f"the original checkpoint is not the one {where} was made from (its "
                         "weights differ): pass that checkpoint, or the run and step of its "
                         "own analysis")


def _levels(failing_levels) -> tuple[list[int], list[int]]:
    """``(levels to roll out, levels left out)``: distinct non-negative integers, the first
    :data:`FAILURE_MAX_LEVELS`."""
    levels = []
    for level in failing_levels or ():
        if isinstance(level, bool) or not isinstance(level, (int, np.integer)) or level < 0:
            raise ValueError(f"failing level {level!r} is not a level seed (an integer >= 0)")
        if int(level) not in levels:
            levels.append(int(level))
    return levels[:FAILURE_MAX_LEVELS], levels[FAILURE_MAX_LEVELS:]


# -- the failure probe set --------------------------------------------------------------------

def _rollout_until_failure(agent, env, window, margin, max_steps, rng, greedy, full):
    """Collect from ``env`` (one env) in chunks until the first failure plus ``margin`` frames
    and at least ``window`` frames are in, or ``max_steps``; ``(trajectories, failed_at)``."""
    from .envs.rollouts import collect_trajectories

    parts, failed_at, n = [], None, 0
    while n < max_steps:
        part = collect_trajectories(agent, env, min(_CHUNK, max_steps - n), rng, greedy,
                                    full=full)
        parts.append(part)
        if failed_at is None:
            found = first_failures(part["rewards"], part["dones"])
            failed_at = n + found[0][1] if found else None
        n += part["actions"].shape[1]
        if failed_at is not None and n >= max(failed_at + 1 + margin, window):
            break
    return {k: np.concatenate([p[k] for p in parts], axis=1) for k in parts[0]}, failed_at


def collect_failure_probe_set(agent, levels, like, *, margin: int = FAILURE_MARGIN,
                              max_steps: int = FAILURE_MAX_STEPS):
    """A probe set of ``agent``'s failures on procgen ``levels``, shaped like probe set
    ``like`` (see the module docstring, point 2).

    Algorithm, for each level ``L`` (in order):
        1. A procgen env of one game on ``L`` only (``like``'s env options plus
           ``start_level=L, num_levels=1``, seeded with ``like``'s seed; full-resolution
           frames when ``like`` has them); actions sampled (or greedy, as ``like`` was
           collected) with ``numpy.random.default_rng([seed, L])``.
        2. Play until the first failure (:func:`first_failures`) plus ``margin`` frames, at
           least ``T`` (``like``'s steps) and at most ``max(max_steps, T)`` steps.
        3. A level with a failure gives one trajectory: :func:`failure_window` of ``T`` frames.
    The observations (and their full-resolution frames) are ``like``'s.

    Returns:
        ``(probe, report)``: the :class:`~.envs.rollouts.ProbeSet` (None when no level
        failed) and ``{"levels": [{"level", "failed_at", "steps", "trajectory", "frame"}]}``
        (``failed_at``: step of the rollout, None when the level was not failed;
        ``trajectory``, ``frame``: where the failure is in the probe set).
    """
    from .envs import check_agent_fits_env, make_env
    from .envs.rollouts import (
        PROBE_FORMAT_VERSION,
        FullCollector,
        FullFrames,
        ProbeSet,
        content_hash,
    )

    meta = agent.metadata
    if meta.env_kind != "procgen":
        raise ValueError(f"failing levels are procgen level seeds; {meta.env_kind} has none")
    config = like.metadata.get("config") or {}
    seed, greedy = int(config.get("seed", 0)), bool(config.get("greedy", False))
    base = _level_env_kwargs(agent, like)
    window = like.num_steps
    hi = like.full is not None
    kept, full_kept, report = [], [], []
    for level in levels:
        full = FullCollector() if hi else None
        with make_env(meta.env_kind, meta.env_name, 1, seed=seed, full_resolution=hi,
                      **base, start_level=level, num_levels=1) as env:
            check_agent_fits_env(agent, env)
            traj, failed_at = _rollout_until_failure(
                agent, env, window, margin, max(max_steps, window),
                np.random.default_rng([seed, level]), greedy, full)
        frames = full.result() if hi else None
        entry = {"level": level, "failed_at": failed_at, "steps": int(traj["actions"].shape[1]),
                 "trajectory": None, "frame": None}
        if failed_at is not None:
            start, end = failure_window(failed_at, entry["steps"], window, margin)
            kept.append({k: v[:, start:end] for k, v in traj.items()})
            if hi:
                full_kept += frames[start:end]
            entry.update(trajectory=len(kept) - 1, frame=failed_at - start)
        report.append(entry)
    if not kept:
        return None, {"levels": report}
    trajectories = {k: np.concatenate([t[k] for t in kept]) for k in kept[0]}
    metadata = {
        "format_version": PROBE_FORMAT_VERSION,
        "probe_id": content_hash(trajectories, like.observations),
        "env_kind": meta.env_kind, "env_name": meta.env_name, "env_kwargs": base,
        "config": {"failures_of_levels": [e["level"] for e in report
                                          if e["trajectory"] is not None],
                   "seed": seed, "greedy": greedy, "traj_steps": window, "margin": margin,
                   "max_steps": max_steps},
        "collected_by": {"architecture": meta.architecture,
                         "training_step": meta.training_step, "edited": bool(meta.edits)},
        "observations_from": like.probe_id,
    }
    full = None
    if hi:
        full = {"trajectories": FullFrames.from_list(full_kept),
                "observations": like.full["observations"]}
        metadata["full_resolution"] = {
            **(like.metadata.get("full_resolution") or {}),
            "bytes": int(sum(f.data.size for f in full.values()))}
    return ProbeSet(trajectories, like.observations, metadata, full), {"levels": report}


# -- the job ------------------------------------------------------------------------------------

def _set_bookmarks(logdir, run, step, **kinds) -> schema.Manifest:
    import dataclasses

    from .store.reader import LogdirReader
    from .store.writer import update_manifest

    manifest = LogdirReader(logdir).manifest(run, step)
    marks = dataclasses.replace(manifest.bookmarks, **{
        k: tuple((int(e), int(t)) for e, t in v) for k, v in kinds.items()})
    return update_manifest(logdir, run, step, bookmarks=marks)


def _series(logdir, run, step) -> dict:
    from .store.reader import LogdirReader

    return LogdirReader(logdir).series(run, step)


def analyze_edit(original_checkpoint, edited_checkpoint, logdir: str, run: str, step: int,
                 edited_run: str | None = None, failing_levels: list[int] | None = None,
                 config: AnalysisConfig | None = None, progress: bool = False, *,
                 load_options: dict | None = None, comm=None) -> dict:
    """Analyse an edited checkpoint beside the analysis of its original at ``(run, step)``.

    See the module docstring for what is written. ``original_checkpoint`` /
    ``edited_checkpoint``: paths (any checkpoint kind, loaded with ``load_options``) or
    agents; the edited one as :func:`~.agents.edit.save_edited` wrote it. ``config``: the
    analysis options (default: the original analysis' own, from its manifest's ``inputs``).
    ``failing_levels``: procgen level seeds the paired evaluation found the edited agent
    failing (and the original completing); the first :data:`FAILURE_MAX_LEVELS` are rolled
    out. Raises ``ValueError`` (one line) before anything is written when an input is wrong.

    Returns (rank 0; ``{}`` on other ranks):
        ``run`` (the edited analysis), ``step``, ``probe_set`` (its id), ``diverge``
        (``[[trajectory, frame]]``), ``failure_run`` (the edited agent on its failures, None
        when there is none), ``failure_original_run``, ``failed`` and ``failure_diverge``
        (bookmarks of ``failure_run``), ``failures`` (per level: where it failed, or why the
        part was skipped), ``edits`` (the edit records' layer and features), ``seconds``.
    """
    import time

    from .analysis.job import SerialComm, run_analysis
    from .edits import find_probe_set
    from .store.reader import LogdirReader

    if config is not None and not isinstance(config, AnalysisConfig):
        raise TypeError(f"config must be an AnalysisConfig (or None: the original analysis' "
                        f"options), not {type(config).__name__}")
    t0 = time.perf_counter()
    comm = comm or SerialComm()
    step = schema.check_step(step)
    reader = LogdirReader(logdir)
    manifest = reader.analysis(run, step).manifest  # one line when there is none
    where = f"the analysis of run {run!r} at step {step}"
    edited_name = edited_checkpoint if isinstance(edited_checkpoint, str) else "given"
    original = _load(original_checkpoint, load_options)
    edited = _load(edited_checkpoint, load_options)
    edits = _edits_of(edited, edited_checkpoint)
    if not edits:
        raise ValueError(f"the edited checkpoint {edited_name} records no edit (no "
                         "metadata.edits, sidecar or zip member): write it with "
                         "'rl-clarity edit' or save_edited")
    from .agents.agent import Agent, AgentMetadata

    # the environment the analysis used (overrides included); agents given are not changed
    analysed = AgentMetadata.from_json(manifest.agent)
    original = Agent(original.network, analysed)
    _check_pair(original, edited, manifest, where, edited_name)
    edited = Agent(edited.network, edited.metadata.replace(
        env_kind=analysed.env_kind, env_name=analysed.env_name,
        env_kwargs=dict(analysed.env_kwargs), action_combos=analysed.action_combos,
        edits=tuple(edits)))
    edited_run = schema.check_run_name(edited_run or edited_run_name(run, edits))
    fail_edited, fail_original = f"{edited_run}.failures/edited", \
        f"{edited_run}.failures/original"
    for name in (edited_run, fail_edited, fail_original):
        if name == run or schema.check_run_name(name).startswith(run + "/"):
            raise ValueError(f"the edited agent's run {name!r} would write into the original "
                             f"run {run!r}: give --edited-run another name")
    if config is None:
        config = AnalysisConfig.from_json(manifest.inputs.get("config") or {},
                                          "the original analysis' config: ")
    probe_path, probe = find_probe_set(reader, run, manifest)
    levels, left_out = _levels(failing_levels)
    if levels and edited.metadata.env_kind == "procgen":
        _check_level_env(edited, probe, levels[0])

    # 1. the edited agent on the original probe set
    summary = run_analysis(edited, logdir, run=edited_run, step=step, probe_set=probe_path,
                           config=config, progress=progress, comm=comm)
    out = {"run": edited_run, "step": step, "probe_set": probe.probe_id, "diverge": [],
           "failure_run": None, "failure_original_run": None, "failed": [],
           "failure_diverge": [], "failures": {}, "unchanged": bool(summary.get("unchanged")),
           "edits": [{"layer": (e.get("site") or {}).get("layer"),
                      "features": e.get("features")} for e in edits]}
    if comm.rank == 0:
        diverge = first_divergence(_series(logdir, run, step)["logits"],
                                   _series(logdir, edited_run, step)["logits"])
        _set_bookmarks(logdir, edited_run, step, diverge=diverge)
        out["diverge"] = [list(x) for x in diverge]

    # 2. its failures on the levels the original completes
    out["failures"], fail_probe = _failure_probe(edited, levels, left_out, probe, logdir,
                                                 fail_original, comm)
    if fail_probe is not None:
        run_analysis(original, logdir, run=fail_original, step=step, probe_set=fail_probe,
                     config=config, progress=progress, comm=comm)
        run_analysis(edited, logdir, run=fail_edited, step=step, probe_set=fail_probe,
                     config=config, progress=progress, comm=comm)
        if comm.rank == 0:
            s = _series(logdir, fail_edited, step)
            failed = first_failures(s["rewards"], s["dones"])
            diverge = first_divergence(_series(logdir, fail_original, step)["logits"],
                                       s["logits"])
            _set_bookmarks(logdir, fail_edited, step, diverge=diverge, failed=failed)
            out.update(failure_run=fail_edited, failure_original_run=fail_original,
                       failed=[list(x) for x in failed],
                       failure_diverge=[list(x) for x in diverge])
    comm.barrier()
    if comm.rank != 0:
        return {}
    out["seconds"] = round(time.perf_counter() - t0, 2)
    return out


def _level_env_kwargs(agent, like) -> dict:
    """The env options ``like`` was collected with (else the agent's), without a level
    range."""
    kwargs = like.metadata.get("env_kwargs") or agent.metadata.env_kwargs
    return {k: v for k, v in kwargs.items() if k not in ("start_level", "num_levels")}


def _check_level_env(agent, like, level: int) -> None:
    """Make (and close) the env of one failing level: its options and the agent must fit."""
    from .envs import check_agent_fits_env, make_env

    meta = agent.metadata
    with make_env(meta.env_kind, meta.env_name, 1, **_level_env_kwargs(agent, like),
                  start_level=level, num_levels=1) as env:
        check_agent_fits_env(agent, env)


def _failure_probe(edited, levels, left_out, probe, logdir, fail_original, comm):
    """``(report, path or None)``: the failure probe set collected (rank 0), saved into the
    run ``fail_original``'s probe-set folder; the report says what was done or skipped."""
    if not levels:
        return {"skipped": "no failing levels given"}, None
    if edited.metadata.env_kind != "procgen":
        return {"skipped": f"{edited.metadata.env_kind} environments have no level seeds: "
                           "failures are shown for procgen only"}, None
    report, path = None, None
    if comm.rank == 0:
        fail_probe, report = collect_failure_probe_set(edited, levels, probe)
        report["left_out"] = left_out
        if fail_probe is None:
            report["skipped"] = (f"the edited agent completed or survived every level given "
                                 f"({levels}) in this rollout")
        else:
            path = files.join(schema.run_path(logdir, fail_original),
                              f"plugins/{schema.PLUGIN_NAME}/probe_sets/"
                              f"{fail_probe.probe_id}.npz")
            if not files.exists(path):
                fail_probe.save(path)
    return comm.bcast(report, root=0), comm.bcast(path, root=0)
