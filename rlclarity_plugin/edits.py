"""Model editing end to end (``rl-clarity edit``): edit an analysed agent, check, save, evaluate.

Given a checkpoint, its analysis (``LOGDIR/RUN`` at ``STEP``) and NMF features of one analysed
layer, :func:`edit_and_evaluate`:

1. reads the analysis' NMF components of the layer (``nmf/LAYER.json``) and its probe set,
   and checks that the checkpoint is the analysed agent (the weights digest the analysis
   recorded in its inputs);
2. makes one edited agent per feature set (:func:`~.agents.edit.edit_agent`: the features'
   directions projected out of the layer through the next linear layer's kernel) and checks
   each on the probe set's first ``CHECK_OBSERVATIONS`` sampled observations
   (:func:`~.agents.edit.check_edit`): an edit whose next-layer error exceeds
   ``MAX_RELATIVE_ERROR`` of the next layer's scale is refused;
3. writes each edited agent in its checkpoint's native format beside it
   (``<checkpoint>.edit-<layer>-f<i>[-f<j>...]``);
4. with ``evaluate = N``: plays N levels with the original and every edited agent on the same
   levels with the same action noise (:mod:`.evaluation`), compares each edit with the original
   pair by pair, and records one :class:`~.store.schema.EditResult` per edit in the analysis'
   manifest (results with the same label, layer, features, seed and episodes are replaced,
   others kept);
5. with ``controls``: also, per edit, a random non-negative direction set of the same norms
   (kind ``random``, label ``random(<edit label>)``) and every other feature of the layer alone.

Everything that can be refused (no analysis, layer, feature, probe set, checkpoint mismatch,
non-editable layer, inexact edit) is refused before anything is written. The original agent
is evaluated once per command and reused for every edit.
"""

from __future__ import annotations

import dataclasses
import os
import re
import zlib
from dataclasses import dataclass, field

import numpy as np

from .configs import EditConfig, feature_set_label
from .store import files, schema

#: An edit is written only when ``check_next_layer <= MAX_RELATIVE_ERROR * check_scale``.
MAX_RELATIVE_ERROR = 1e-3
#: The edit is checked on the probe set's first ``CHECK_OBSERVATIONS`` sampled observations
#: (all when there are fewer), ``CHECK_BATCH`` at a time.
CHECK_OBSERVATIONS = 1024
CHECK_BATCH = 256

__all__ = [
    "MAX_RELATIVE_ERROR",
    "EditReport",
    "PlannedEdit",
    "edit_and_evaluate",
    "edit_slug",
    "find_probe_set",
    "merge_edit_results",
    "random_directions",
]


@dataclass
class PlannedEdit:
    """One edited agent: ``kind`` ``features`` or ``random``; ``directions`` ``(K, C)``;
    ``control_for``: the label of the edit a control belongs to (None: asked for);
    ``checkpoint``: where it was written (asked-for edits only)."""

    label: str
    kind: str
    features: tuple
    directions: np.ndarray
    control_for: str | None = None
    slug: str | None = None
    agent: object = None
    check: dict = field(default_factory=dict)
    output: str | None = None
    checkpoint: str | None = None

    @property
    def relative_error(self) -> float:
        scale = self.check.get("next_layer_scale", 0.0)
        return self.check["next_layer"] / scale if scale > 0 else self.check["next_layer"]


@dataclass
class EditReport:
    """What :func:`edit_and_evaluate` did: the edits (asked for and controls), the original's
    and each edit's evaluation, the paired comparisons and the recorded results."""

    checkpoint: str
    logdir: str
    run: str
    step: int
    layer: str
    config: EditConfig
    edits: list = field(default_factory=list)
    original: object = None  # EvaluationResult
    evaluations: dict = field(default_factory=dict)  # label -> EvaluationResult
    comparisons: dict = field(default_factory=dict)  # label -> PairedComparison
    results: tuple = ()
    warnings: list = field(default_factory=list)
    note: str = ""
    recorded: bool = False

    def to_json(self) -> dict:
        return {"checkpoint": self.checkpoint, "logdir": self.logdir, "run": self.run,
                "step": self.step, "layer": self.layer, "warnings": list(self.warnings),
                "edits": [{"label": e.label, "kind": e.kind, "features": list(e.features),
                           "control_for": e.control_for, "checkpoint": e.checkpoint,
                           "check": dict(e.check)} for e in self.edits],
                "original": self.original.to_json() if self.original is not None else None,
                "results": [r.to_json() for r in self.results],
                "regressions": {k: list(c.regressions) for k, c in self.comparisons.items()},
                "note": self.note}


def edit_slug(layer: str, features) -> str:
    """``edit-2b-f1-f3``: names the edited checkpoint and the edited agent's run."""
    safe = re.sub(r"[^A-Za-z0-9_.-]", "-", layer)
    return f"edit-{safe}-" + "-".join(f"f{int(f)}" for f in features)


def random_directions(directions, seed) -> np.ndarray:
    """A random control for ``directions``: as many non-negative directions, each of the same
    norm as the direction it replaces.

    Algorithm: ``w = |z|`` with ``z ~ N(0, I)`` per row (a direction uniformly distributed over
    the non-negative orthant of the sphere), scaled to ``|v_k|``; the generator is
    ``default_rng(seed)`` (an int or a sequence of ints).
    """
    v = np.atleast_2d(np.asarray(directions, np.float64))
    rng = np.random.default_rng(seed)
    w = np.abs(rng.standard_normal(v.shape))
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    return w / np.linalg.norm(w, axis=1, keepdims=True) * norms


def _control_seed(seed: int, features) -> list[int]:
    """The random control's generator seed: the evaluation seed and the edited features."""
    return [int(seed), zlib.crc32(b"random-control"), *(int(f) for f in features)]


def merge_edit_results(existing, new) -> tuple:
    """``existing`` with the results of ``new`` replacing those with the same label, layer,
    features, seed and episodes (in place), the other new ones appended."""
    def key(r):
        return (r.label, r.layer, tuple(r.features), r.seed, r.episodes)

    fresh = {key(r): r for r in new}
    out = [fresh.pop(key(r), r) for r in existing]
    return tuple(out) + tuple(r for r in new if key(r) in fresh)


# -- inputs --------------------------------------------------------------------------------------

def _analysis(logdir: str, run: str, step: int | None):
    from .store.reader import LogdirReader

    reader = LogdirReader(logdir)
    if step is None:
        steps = reader.steps(run) if files.isdir(reader.run_dir(run)) else []
        if not steps:
            raise ValueError(f"no RL Clarity analysis in run {run!r} of {logdir} (analyse the "
                             "checkpoint first: rl-clarity analyze CHECKPOINT --logdir ... "
                             "--run ...)")
        step = steps[-1]
    return reader, reader.analysis(run, step)


def _layer_and_features(analysis, config: EditConfig):
    m = analysis.manifest
    editable = [x.name for x in m.layers if x.features > 0]
    if config.layer is None:
        raise ValueError(f"--layer: give the layer whose features to edit (analysed with NMF "
                         f"features: {', '.join(editable) or 'none'})")
    info = next((x for x in m.layers if x.name == config.layer), None)
    if info is None or info.features == 0:
        why = "has no NMF features (the input)" if info is not None else "was not analysed"
        raise ValueError(f"layer {config.layer!r} {why} in run {analysis.run!r} step "
                         f"{analysis.step}; layers with NMF features: "
                         f"{', '.join(editable) or 'none'}")
    k = info.features
    sets = list(config.feature_sets)
    if config.all_features:
        sets += [(f,) for f in range(k) if (f,) not in sets]
    if not sets:
        raise ValueError("--features: give the features to edit (e.g. --features 3, or "
                         f"--features 1,3 for two together), or --all-features; layer "
                         f"{config.layer} has {k} (0-{k - 1})")
    for s in sets:
        bad = [f for f in s if f >= k]
        if bad:
            raise ValueError(f"--features: feature {bad[0]} is not one of layer "
                             f"{config.layer}'s {k} NMF features (0-{k - 1})")
    return info, sets


def find_probe_set(reader, run: str, manifest):
    """``(path, ProbeSet)`` of the analysis' probe set (``reader``: a
    :class:`~.store.reader.LogdirReader` of its logdir): its recorded path (relative to the run
    folder, or as given to ``--probe-set``), else ``probe_sets/ID.npz`` of any run of the
    logdir; checked by content id. Editing checks the edit on its observations;
    :func:`~.edit_analysis.analyze_edit` analyses the edited agent on it."""
    from .envs.rollouts import ProbeSet

    info = manifest.probe_set
    run_dir = reader.run_dir(run)
    rel = f"plugins/{schema.PLUGIN_NAME}/probe_sets/{info.id}.npz"
    candidates = []
    if info.path:
        if files.is_url(info.path) or os.path.isabs(info.path):
            candidates.append(info.path)
        else:
            candidates += [files.join(run_dir, info.path), os.path.abspath(info.path)]
    candidates.append(files.join(run_dir, rel))
    candidates += [files.join(reader.run_dir(r), rel) for r in reader.runs()]
    for path in dict.fromkeys(candidates):
        if files.isfile(path):
            probe = ProbeSet.load(path)
            if probe.probe_id == info.id:
                return path, probe
    raise ValueError(f"the probe set {info.id} of run {run!r} step {manifest.step} is not at "
                     f"{info.path!r} nor in any run's {rel.rsplit('/', 1)[0]}: put it back "
                     "there")


def _probe_observations(reader, analysis) -> np.ndarray:
    """The sampled observations of the analysis' probe set (:func:`find_probe_set`)."""
    return find_probe_set(reader, analysis.run, analysis.manifest)[1].observations


def _check_checkpoint(agent, analysis, checkpoint: str) -> str | None:
    """None when ``agent`` is the analysed one; a warning when the analysis records no
    digest; ``ValueError`` when the digests differ."""
    recorded = (analysis.manifest.inputs or {}).get("checkpoint", {})
    recorded = recorded.get("weights_sha256") if isinstance(recorded, dict) else None
    if not recorded:
        return (f"warning: run {analysis.run!r} step {analysis.step} records no weights "
                f"digest: cannot check that {checkpoint} is the analysed agent")
    digest = agent.weights_digest()
    if digest != recorded:
        raise ValueError(f"{checkpoint} is not the agent analysed in run {analysis.run!r} "
                         f"step {analysis.step}: its weights digest {digest[:12]} differs from "
                         f"the recorded {recorded[:12]} (pass the analysed checkpoint, with "
                         "the same --backend as the analysis)")
    return None


def _check(original, edited, obs: np.ndarray) -> dict:
    """:func:`~.agents.edit.check_edit` over ``obs`` in batches: the largest errors."""
    from .agents.edit import check_edit

    out: dict[str, float] = {}
    for start in range(0, len(obs), CHECK_BATCH):
        part = check_edit(original, edited, obs[start:start + CHECK_BATCH])
        for k, v in part.items():
            out[k] = max(out.get(k, 0.0), float(v))
    return out


# -- where edited checkpoints go -------------------------------------------------------------

def _outputs(agent, checkpoint: str, edits, output: str | None) -> None:
    """Set ``output`` (path written) and ``checkpoint`` (how to load it) of the asked-for
    edits: beside the checkpoint (``demo:`` agents: the current folder), or ``output`` (one
    edit: its path; several: a folder holding them under their default names)."""
    from .agents.checkpoint import resolve_checkpoint

    asked = [e for e in edits if e.control_for is None]
    arch = agent.metadata.architecture
    prefix = ""
    path = checkpoint
    if checkpoint.startswith("cleanrl:"):
        _, arch_name, path = checkpoint.split(":", 2)
        prefix = f"cleanrl:{arch_name}:"
    elif checkpoint.startswith("sb3:"):
        prefix, path = "sb3:", checkpoint[4:]
    elif checkpoint.startswith("demo:"):
        path = "demo-" + checkpoint[5:]
    else:
        path = resolve_checkpoint(checkpoint)
    native_file = agent.framework == "torch" and (arch.startswith("cleanrl") or arch == "sb3")
    path = path.rstrip("/\\")
    stem, ext = os.path.splitext(path) if (native_file or not files.isdir(path)) else (path, "")
    if not native_file:
        ext = ""  # a native checkpoint folder (also for an original joblib file)
    for e in asked:
        name = f"{stem}.{e.slug}{ext}"
        if output is not None:
            name = output if len(asked) == 1 else files.join(output, os.path.basename(name))
        e.output = name
        e.checkpoint = prefix + name


def _save(edit, agent, checkpoint: str) -> None:
    from .agents.edit import save_edited

    source = None
    if agent.metadata.architecture == "sb3":
        source = checkpoint.removeprefix("sb3:")
    save_edited(edit.agent, edit.output, source_checkpoint=source)


# -- the whole thing -----------------------------------------------------------------------------

def edit_and_evaluate(checkpoint: str, logdir: str, run: str, step: int | None = None,
                      config: EditConfig | None = None, *, output: str | None = None,
                      analyze: bool = False, progress: bool = False, **options) -> EditReport:
    """Edit ``checkpoint``'s analysed layer, check and save the edits, optionally evaluate them.

    Args:
        checkpoint: the analysed checkpoint (any kind ``load_checkpoint`` reads).
        logdir, run, step: its analysis (default step: the run's latest).
        config: :class:`~.configs.EditConfig`; ``options`` override its fields, e.g.
            ``layer="2b", features=("3", "1,3"), evaluate=1000, controls=True``.
        output: where to write (one edit: its path; several: a folder); default beside the
            checkpoint.
        analyze: after the evaluation, analyse each edited agent
            (:func:`~.edit_analysis.analyze_edit`) with the levels it fails and the original
            completes, and record its run in the results.

    Returns:
        :class:`EditReport`; with ``evaluate`` its ``results`` are also recorded in the
        analysis' manifest. Raises ``ValueError`` (one line) on anything it refuses, before
        writing anything.
    """
    from .agents.checkpoint import load_checkpoint
    from .agents.edit import edit_agent, edit_site

    config = config or EditConfig()
    if options:
        config = config.replace(**options)
    if analyze and not config.evaluate:
        raise ValueError("--analyze needs --evaluate N: the edited agent is analysed on the "
                         "levels it fails and the original completes")
    reader, analysis = _analysis(logdir, run, step)
    step = analysis.step
    info, sets = _layer_and_features(analysis, config)
    layer = info.name
    components = analysis.components(layer)
    agent = load_checkpoint(checkpoint, **config.agent.load_options())
    report = EditReport(checkpoint, logdir, run, step, layer, config)
    warning = _check_checkpoint(agent, analysis, checkpoint)
    if warning:
        report.warnings.append(warning)
    edit_site(agent, layer)  # a layer that cannot be edited: refused before the probe set
    obs = _probe_observations(reader, analysis)[:CHECK_OBSERVATIONS]

    edits = [PlannedEdit(feature_set_label(s), "features", tuple(s), components[list(s)])
             for s in sets]
    if config.controls:
        asked = list(edits)
        for e in asked:
            edits.append(PlannedEdit(f"random({e.label})", "random", (),
                                     random_directions(e.directions,
                                                       _control_seed(config.seed, e.features)),
                                     control_for=e.label))
        singles = {e.features for e in asked}
        edits += [PlannedEdit(feature_set_label((f,)), "features", (f,), components[[f]],
                              control_for="other features")
                  for f in range(info.features) if (f,) not in singles]
    source = {"run": run, "step": step, "layer": layer,
              "probe_set": analysis.manifest.probe_set.id}
    for e in edits:
        e.slug = edit_slug(layer, e.features) if e.kind == "features" else None
        e.agent = edit_agent(agent, layer, e.directions,
                             features=list(e.features) if e.kind == "features" else None,
                             source={**source, "label": e.label})
        e.check = _check(agent, e.agent, obs)
        if e.relative_error > MAX_RELATIVE_ERROR:
            raise ValueError(f"edit {e.label} of layer {layer} is not exact on the probe set: "
                             f"next-layer error {e.check['next_layer']:.3g} is "
                             f"{e.relative_error:.2g} of its scale (limit "
                             f"{MAX_RELATIVE_ERROR:g}); nothing written")
    report.edits = edits
    _outputs(agent, checkpoint, edits, output)
    for e in edits:
        if e.output is not None:
            target = e.output if not files.is_url(e.output) else None
            if target is not None:
                files.check_local_writable(os.path.dirname(os.path.abspath(target)))
    for e in edits:
        if e.output is not None:
            _save(e, agent, checkpoint)
    if not config.evaluate:
        return report
    _evaluate(report, agent, progress)
    _record(report)
    if analyze:
        _analyze(report, progress)
        _record(report)
    return report


def _evaluate(report: EditReport, agent, progress: bool) -> None:
    from .evaluation import compare_paired, evaluate_agents

    c = report.config
    policies = {"original": agent, **{e.label: e.agent for e in report.edits}}
    runs = evaluate_agents(policies, c.evaluate, num_envs=c.num_envs, seed=c.seed,
                           greedy=c.greedy, env_kwargs=c.env_kwargs, progress=progress)
    report.original = runs.pop("original")
    report.evaluations = runs
    report.comparisons = {label: compare_paired(report.original, r)
                          for label, r in runs.items()}
    results = []
    for e in report.edits:
        p = report.comparisons[e.label]
        note = p.note + f"; actions {'greedy' if c.greedy else 'sampled'}"
        if e.kind == "random":
            note += (f"; control for {e.control_for}: random non-negative directions of the "
                     f"same norms (seed {c.seed})")
        elif e.control_for is not None:
            note += "; control: another feature of the layer"
        results.append(schema.EditResult(
            label=e.label, kind=e.kind, layer=report.layer, features=tuple(e.features),
            episodes=p.pairs, seed=c.seed, return_original=p.return_original,
            return_edited=p.return_edited, return_delta=p.return_delta,
            success_original=p.success_original, success_edited=p.success_edited,
            success_delta=p.success_delta,
            failures=tuple(schema.FailureCount(cause, o, n) for cause, o, n in p.failures),
            note=note, check_next_layer=e.check["next_layer"],
            check_scale=e.check["next_layer_scale"], checkpoint=e.checkpoint))
    report.results = tuple(results)
    report.note = report.comparisons[report.edits[0].label].note


def _record(report: EditReport) -> None:
    from .store.reader import LogdirReader
    from .store.writer import update_manifest

    manifest = LogdirReader(report.logdir).manifest(report.run, report.step)
    update_manifest(report.logdir, report.run, report.step,
                    edits=merge_edit_results(manifest.edits, report.results))
    report.recorded = True


def _analyze(report: EditReport, progress: bool) -> None:
    """Analyse each asked-for edited agent beside the original's analysis
    (:func:`~.edit_analysis.analyze_edit`, the original analysis' options), with the levels
    it fails and the original completes; record the run it was written to."""
    from .edit_analysis import analyze_edit

    results = list(report.results)
    for i, e in enumerate(report.edits):
        if e.checkpoint is None:
            continue
        failing = [s for s in report.comparisons[e.label].regressions if isinstance(s, int)]
        out = analyze_edit(report.checkpoint, e.checkpoint, report.logdir, report.run,
                           report.step, edited_run=None, failing_levels=failing, config=None,
                           progress=progress, load_options=report.config.agent.load_options())
        results[i] = dataclasses.replace(results[i], run=out["run"])
    report.results = tuple(results)


# -- the table ---------------------------------------------------------------------------------

def _pts(e, signed: bool = True) -> str:
    if e is None:
        return "-"
    sign = "+" if signed else ""
    return f"{100 * e.mean:{sign}.1f} ± {100 * e.stderr:.1f}"


def format_report(report: EditReport) -> str:
    """The edits, their checks and (after an evaluation) one table row per edit: success
    of the edited agent, paired success difference ± standard error (points), its random
    control's difference, failures by cause, return and paired return difference."""
    lines = [f"{report.checkpoint}: layer {report.layer} of run {report.run!r} step "
             f"{report.step}"]
    lines += report.warnings
    for e in report.edits:
        if e.checkpoint is not None:
            lines.append(f"  {e.label}: wrote {e.checkpoint} (check on the probe set: "
                         f"next-layer error {e.check['next_layer']:.2g}, scale "
                         f"{e.check['next_layer_scale']:.3g})")
    if report.original is None:
        return "\n".join(lines)
    o, c = report.original, report.config
    by_label = {r.label: r for r in report.results}
    known = ["died", "timed out"] if o.max_episode_steps else []
    causes = list(dict.fromkeys(known + [f.cause for r in report.results for f in r.failures]))
    success = o.reports_success
    lines.append(f"{report.results[0].episodes if report.results else 0} paired levels of "
                 f"{o.env} (seed {c.seed}, {'greedy' if c.greedy else 'sampled'} actions, "
                 f"{c.num_envs} envs)")
    head = ["edit", "role"]
    if success:
        head += ["success %", "Δ success (pts ± se)", "random control Δ"]
        head += causes
    head += ["return", "Δ return (± se)"]
    rows = [head]
    first = report.results[0] if report.results else None
    if first is not None:
        row = ["original", ""]
        if success:
            row += [f"{100 * first.success_original.mean:.1f}", "", ""]
            row += [str(next((f.original for f in first.failures if f.cause == k), 0))
                    for k in causes]
        row += [f"{first.return_original.mean:.2f}", ""]
        rows.append(row)
    for r in report.results:
        control = by_label.get(f"random({r.label})")
        row = [r.label, "random control" if r.kind == "random" else
               "other feature" if _is_control(report, r.label) else "edit"]
        if success:
            row += [f"{100 * r.success_edited.mean:.1f}", _pts(r.success_delta),
                    _pts(control.success_delta) if control is not None else ""]
            row += [str(next((f.edited for f in r.failures if f.cause == k), 0))
                    for k in causes]
        row += [f"{r.return_edited.mean:.2f}",
                f"{r.return_delta.mean:+.2f} ± {r.return_delta.stderr:.2f}"]
        rows.append(row)
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    for row in rows:
        lines.append("  ".join(v.ljust(w) if i < 2 else v.rjust(w)
                               for i, (v, w) in enumerate(zip(row, widths))).rstrip())
    lines.append("Δ: paired difference edited - original on the same levels, ± its standard "
                 "error (pts: percentage points)")
    lines.append(report.note)
    if report.recorded:
        lines.append(f"recorded {len(report.results)} result(s) in the analysis of run "
                     f"{report.run!r} step {report.step}")
    return "\n".join(lines)


def _is_control(report: EditReport, label: str) -> bool:
    return any(e.label == label and e.control_for is not None for e in report.edits)
