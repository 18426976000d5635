"""Find the analysed checkpoints of MLflow runs and look at two of them side by side.

    from mlflow_hooks import list_analysed_checkpoints, compare_side_by_side
    found = list_analysed_checkpoints(experiment_names=["coinrun"])
    compare_side_by_side(found[0], found[-1], "compare.html", open_browser=True)

The runs are found with ``mlflow.search_runs`` (those with the hook's ``rl_clarity.*`` tags or
params); each logged ``rl_clarity/rl_clarity_step_S.html`` artifact is one analysed checkpoint.
When both analyses are still in a TensorBoard logdir this machine can read (the
``rl_clarity.logdir`` tag), the comparison is the interface's own compare view (one timeline
driving both panes when they share a probe set, see ``rl-clarity export --compare``); otherwise
it is one self-contained page holding the two downloaded exports next to each other.
"""

from __future__ import annotations

import dataclasses
import html
import os
import re
import tempfile

_ARTIFACT = re.compile(r"^rl_clarity/rl_clarity_step_(\d+)\.html$")
METRICS = ("rl_clarity/value_mean", "rl_clarity/abs_advantage_mean",
           "rl_clarity/ig_completeness_median")


@dataclasses.dataclass
class AnalysedCheckpoint:
    """One analysed checkpoint of an MLflow run."""

    run_id: str
    run_name: str
    experiment_id: str
    step: int
    artifact: str  # artifact path of the HTML export in the run
    logdir: str | None  # the TensorBoard logdir the analysis was written to
    run: str | None  # its run name there
    probe_set: str | None
    metrics: dict

    @property
    def ref(self) -> str:
        return f"{self.run_id}:{self.step}"

    @property
    def label(self) -> str:
        return f"{self.run_name} @ step {self.step}"


def _client(tracking_uri):
    try:
        from mlflow.tracking import MlflowClient
    except ImportError as e:
        from rlclarity_plugin import missing_extra

        raise missing_extra("mlflow", "mlflow", "comparing MLflow runs", e) from e

    return MlflowClient(tracking_uri=tracking_uri)


def _locators(run) -> dict:
    """The hook's ``rl_clarity.*`` run tags (logdir, run, probe set); runs logged before they
    were tags have them as params."""
    return {**run.data.params, **run.data.tags}


def _checkpoints_of(client, run) -> list[AnalysedCheckpoint]:
    params = _locators(run)
    steps = []
    for f in client.list_artifacts(run.info.run_id, "rl_clarity"):
        m = _ARTIFACT.match(f.path)
        if m:
            steps.append((int(m.group(1)), f.path))
    history = {}
    for key in METRICS if steps else ():
        if key in run.data.metrics:
            history[key] = {m.step: m.value for m in
                            client.get_metric_history(run.info.run_id, key)}
    return [AnalysedCheckpoint(
        run_id=run.info.run_id, run_name=run.info.run_name or run.info.run_id,
        experiment_id=run.info.experiment_id, step=step, artifact=path,
        logdir=params.get("rl_clarity.logdir"), run=params.get("rl_clarity.run"),
        probe_set=params.get("rl_clarity.probe_set"),
        metrics={k: v[step] for k, v in history.items() if step in v})
        for step, path in sorted(steps)]


def list_analysed_checkpoints(experiment_names=None, *, experiment_ids=None,
                              filter_string: str = "", run_ids=None, tracking_uri=None,
                              max_results: int = 1000) -> list[AnalysedCheckpoint]:
    """The analysed checkpoints of the runs ``mlflow.search_runs`` finds, by run then step.

    Args:
        experiment_names / experiment_ids: where to search (default: every experiment).
        filter_string: an MLflow search filter (e.g. ``"params.lr = '0.0005'"``).
        run_ids: only these runs.
        tracking_uri: the tracking server (default: MLflow's current one).
    """
    client = _client(tracking_uri)
    if run_ids:
        runs = [client.get_run(r) for r in run_ids]
    else:
        if experiment_ids is None:
            if experiment_names:
                experiment_ids = []
                for name in experiment_names:
                    exp = client.get_experiment_by_name(name)
                    if exp is None:
                        raise ValueError(f"no MLflow experiment named {name!r}")
                    experiment_ids.append(exp.experiment_id)
            else:
                experiment_ids = [e.experiment_id for e in client.search_experiments()]
        runs = client.search_runs(experiment_ids, filter_string=filter_string,
                                  max_results=max_results, order_by=["attributes.start_time"])
    out = []
    for run in runs:
        if any(k.startswith("rl_clarity.") for k in _locators(run)):
            out.extend(_checkpoints_of(client, run))
    return out


def _resolve(ref, client) -> AnalysedCheckpoint:
    if isinstance(ref, AnalysedCheckpoint):
        return ref
    run_id, _, step = str(ref).partition(":")
    found = _checkpoints_of(client, client.get_run(run_id))
    if not found:
        raise ValueError(f"MLflow run {run_id} has no rl-clarity analysis")
    if not step:
        return found[-1]
    for c in found:
        if c.step == int(step):
            return c
    raise ValueError(f"MLflow run {run_id} has no analysis at step {step}; it has "
                     f"{', '.join(str(c.step) for c in found)}")


def _local_analysis(c: AnalysedCheckpoint):
    """(logdir, run) when the TensorBoard copy of the analysis is readable here (its manifest
    reads through the store's read API), else None."""
    from rlclarity_plugin.store import files
    from rlclarity_plugin.store.reader import LogdirReader

    try:
        if not c.logdir or not c.run or not files.isdir(c.logdir):
            return None
        LogdirReader(c.logdir).analysis(c.run, c.step)
        return c.logdir, c.run
    except (OSError, ValueError, ImportError):  # StoreError is a ValueError
        return None


def side_by_side_page(left_html: str, right_html: str, left_label: str, right_label: str,
                      title: str = "rl-clarity: side by side") -> str:
    """One self-contained page showing two exported pages next to each other (each in an
    ``srcdoc`` iframe: no file or network access needed)."""
    e = html.escape
    return (
        "<!doctype html><html><head><meta charset=\"utf-8\">"
        f"<title>{e(title)}</title><style>"
        "html,body{margin:0;height:100%;font:13px system-ui,sans-serif}"
        "body{display:flex;flex-direction:column}"
        ".panes{flex:1;display:flex;min-height:0}"
        ".pane{flex:1;display:flex;flex-direction:column;min-width:0;border-left:1px solid #ccc}"
        ".pane h2{font-size:13px;margin:0;padding:4px 8px;background:#f3f3f3}"
        "iframe{flex:1;border:0;width:100%}</style></head><body><div class=\"panes\">"
        f"<div class=\"pane\"><h2 data-testid=\"left-label\">{e(left_label)}</h2>"
        f"<iframe data-testid=\"left\" title=\"{e(left_label)}\" "
        f"srcdoc=\"{e(left_html, quote=True)}\"></iframe></div>"
        f"<div class=\"pane\"><h2 data-testid=\"right-label\">{e(right_label)}</h2>"
        f"<iframe data-testid=\"right\" title=\"{e(right_label)}\" "
        f"srcdoc=\"{e(right_html, quote=True)}\"></iframe></div>"
        "</div></body></html>")


def compare_side_by_side(a, b, out: str, *, tracking_uri=None, prefer_logdir: bool = True,
                         open_browser: bool = False) -> str:
    """Write one HTML file comparing two analysed checkpoints (``AnalysedCheckpoint`` or
    ``"RUN_ID[:STEP]"``; no step: the run's latest analysis).

    With ``prefer_logdir`` and both analyses readable in their TensorBoard logdir, the file is
    the interface's compare view (``export_html(compare=...)``); otherwise the two HTML
    artifacts are downloaded and put next to each other. Returns the path written.
    """
    client = _client(tracking_uri)
    a, b = _resolve(a, client), _resolve(b, client)
    la, lb = (_local_analysis(a), _local_analysis(b)) if prefer_logdir else (None, None)
    out = os.path.abspath(out)
    if la and lb and la[0] == lb[0]:
        from rlclarity_plugin.export import export_html

        export_html(la[0], la[1], a.step, out, compare=(lb[1], b.step),
                    title=f"{a.label} vs {b.label}")
    else:
        with tempfile.TemporaryDirectory(prefix="rl_clarity_cmp_") as tmp:
            pages = []
            for i, c in enumerate((a, b)):
                path = client.download_artifacts(c.run_id, c.artifact, os.path.join(tmp, str(i)))
                with open(path, encoding="utf-8") as f:
                    pages.append(f.read())
        with open(out, "w", encoding="utf-8") as f:
            f.write(side_by_side_page(pages[0], pages[1], a.label, b.label,
                                      f"rl-clarity: {a.label} vs {b.label}"))
    if open_browser:
        import pathlib
        import webbrowser

        webbrowser.open(pathlib.Path(out).as_uri())
    return out
