"""Analyse checkpoints during training, off the training loop's critical path, and log the
results where the user tracks the run: the TensorBoard logdir (the tab shows every checkpoint)
and the active MLflow run (HTML export, images at the step, metrics, the config as params).

One :class:`CheckpointAnalyzer` per training run: it collects one probe set with the first
checkpoint and reuses it for all the others (so checkpoints are comparable), runs each analysis
as a low-priority child process (``rl-clarity analyze``, optionally under ``mpiexec``), and a
worker thread then exports and logs it. The queue is bounded: when analyses fall behind, a new
checkpoint is skipped with a warning. Nothing here raises into the training loop: failures (a
dead tracking server, a full disk, an analysis error) are logged and listed by :meth:`close`.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time

from rlclarity_plugin.store import files

log = logging.getLogger("rl_clarity.mlflow_hooks")


@dataclasses.dataclass
class HookReport:
    """What happened: analysed steps, skipped steps, and failures (step, stage, message)."""

    analysed: list = dataclasses.field(default_factory=list)
    skipped: list = dataclasses.field(default_factory=list)
    failures: list = dataclasses.field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures and not self.skipped


class CheckpointAnalyzer:
    """Background analysis of checkpoints of one training run.

    Args:
        logdir: TensorBoard logdir; analyses go to ``logdir/run`` at the checkpoint's step.
        run: run name in the logdir (default: the MLflow run name, else ``"agent"``).
        mlflow_run_id: the MLflow run to log to (default: the active run when created, if any;
            None and no active run: nothing is logged to MLflow).
        tracking_uri: MLflow tracking URI (default: MLflow's current one).
        analyze_args: extra ``rl-clarity analyze`` options (e.g. ``["--layers", "2b"]``); the
            probe-set options among them (``--traj-envs`` ...) also shape the probe set.
        max_pending: checkpoints that may wait; more are skipped (with a warning).
        export: log the standalone HTML export as an artifact.
        mpi_ranks: run each analysis under ``mpiexec -n N`` when N > 1.
        priority: CPU scheduling of the analysis processes: ``"idle"`` (Linux ``SCHED_IDLE``
            through ``chrt``: they only get CPU time the training loop leaves unused; falls back
            to ``nice -n 19`` where ``chrt`` is missing) or ``"nice"`` (``nice -n niceness``).
        niceness: the nice value for ``priority="nice"`` (higher = gentler).
        threads: TensorFlow intra-/inter-op threads of each analysis process (default 1, so an
            analysis never fans out over the cores the training loop uses; None: TF's default).
        key_frames: how many bookmarked frames to log as images.
        timeout: seconds after which one analysis is abandoned (and reported).
    """

    # options of `rl-clarity analyze` that `rl-clarity probe` takes too (each with one value):
    # the probe set's sizes, the agent's environment and the backend
    PROBE_OPTIONS = ("--traj-envs", "--traj-steps", "--obs-envs", "--obs-per-env", "--obs-every",
                     "--seed", "--env-kind", "--env", "--backend", "--device", "--start-level",
                     "--num-levels", "--env-option")

    def __init__(self, logdir: str, run: str | None = None, *, mlflow_run_id: str | None = None,
                 tracking_uri: str | None = None, analyze_args=(), max_pending: int = 2,
                 export: bool = True, mpi_ranks: int = 1, priority: str = "idle",
                 niceness: int = 19, threads: int | None = 1, key_frames: int = 4,
                 timeout: float = 3600):
        if priority not in ("idle", "nice"):
            raise ValueError(f"priority must be 'idle' or 'nice', not {priority!r}")
        self.logdir = files.normalize(logdir)  # a local folder or a URL (s3://...)
        self.analyze_args = [str(a) for a in analyze_args]
        self.export = export
        self.mpi_ranks = int(mpi_ranks)
        self.priority = priority
        self.niceness = int(niceness)
        self.threads = threads
        self.key_frames = int(key_frames)
        self.timeout = timeout
        self.report = HookReport()
        self._client = None
        self._tracking_uri = tracking_uri
        self.mlflow_run_id = mlflow_run_id
        mlflow_run_name = None
        try:
            import mlflow

            if self._tracking_uri is None:
                self._tracking_uri = mlflow.get_tracking_uri()
            active = mlflow.active_run()
            if self.mlflow_run_id is None and active is not None:
                self.mlflow_run_id = active.info.run_id
                mlflow_run_name = active.info.run_name
        except ImportError:
            log.warning("mlflow is not installed: analyses go to the TensorBoard logdir only")
        self.run = run or mlflow_run_name or "agent"
        from rlclarity_plugin.store import schema

        schema.check_run_name(self.run)
        self._scratch = tempfile.mkdtemp(prefix="rl_clarity_hook_")
        self.probe_set: str | None = None
        self._params_logged = False
        self._finished: set = set()
        self._queue: queue.Queue = queue.Queue(maxsize=max(1, int(max_pending)))
        self._worker = threading.Thread(target=self._work, name="rl-clarity-analyzer",
                                        daemon=True)
        self._worker.start()

    # -- the training side ------------------------------------------------------------------

    def submit(self, checkpoint, step: int) -> bool:
        """Queue ``checkpoint`` (a checkpoint path or an ``Agent``) for analysis at ``step``.

        Returns False (and logs a warning) when the queue is full; never raises.
        """
        step = int(step)
        try:
            if not isinstance(checkpoint, (str, os.PathLike)):
                from rlclarity_plugin.agents.checkpoint import save_checkpoint

                checkpoint = save_checkpoint(checkpoint, os.path.join(
                    self._scratch, f"ckpt-{step:012d}"))
            self._queue.put_nowait((str(checkpoint), step))
            return True
        except queue.Full:
            log.warning("rl-clarity: analyses are behind; skipping the checkpoint at step %d",
                        step)
            self.report.skipped.append(step)
        except Exception as e:  # never into the training loop
            self._fail(step, "submit", e)
        return False

    def close(self, timeout: float | None = None) -> HookReport:
        """Wait for the queued analyses (at most ``timeout`` s) and return the report."""
        self._queue.put(None)
        self._worker.join(timeout)
        if self.report.failures:
            log.warning("rl-clarity: %d analysis step(s) failed: %s", len(self.report.failures),
                        "; ".join(f"step {s} {stage}: {m}" for s, stage, m in
                                  self.report.failures))
        return self.report

    # -- the worker -------------------------------------------------------------------------

    def _fail(self, step, stage, error):
        message = f"{type(error).__name__}: {error}" if isinstance(error, BaseException) \
            else str(error)
        log.warning("rl-clarity: step %s, %s failed: %s", step, stage, message)
        self.report.failures.append((step, stage, message[-2000:]))

    def _work(self):
        while True:
            job = self._queue.get()
            if job is None:
                return
            checkpoint, step = job
            try:
                self._analyse(checkpoint, step)
                self.report.analysed.append(step)
                self._log(step)
            except Exception as e:
                self._fail(step, "analysis", e)
            finally:
                self._finished.add(step)

    def _command(self, *args, mpi: bool = True) -> list:
        cmd = [sys.executable, "-m", "rlclarity_plugin.cli", *args]
        if mpi and self.mpi_ranks > 1:
            mpiexec = os.path.join(os.path.dirname(sys.executable), "mpiexec")
            cmd = [mpiexec, "-n", str(self.mpi_ranks), *cmd]
        return cmd

    def _run(self, cmd, stage, step, ok_codes=(0,)):
        env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
        if self.threads:
            n = str(int(self.threads))
            env.update(TF_NUM_INTRAOP_THREADS=n, TF_NUM_INTEROP_THREADS=n, OMP_NUM_THREADS=n)
        # lower priority through chrt(1)/nice(1): a preexec_fn may deadlock in a threaded process
        if self.priority == "idle" and shutil.which("chrt"):
            cmd = ["chrt", "--idle", "0", *cmd]
        elif shutil.which("nice"):
            cmd = ["nice", "-n", str(self.niceness if self.priority == "nice" else 19), *cmd]
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=self.timeout)
        if done.returncode not in ok_codes:
            raise RuntimeError(f"{stage} exited with {done.returncode}: "
                               f"{(done.stderr or done.stdout).strip()[-1500:]}")
        return done

    def _analyse(self, checkpoint, step):
        if self.probe_set is None:
            path = files.join(self.logdir, self.run, "plugins/rl_clarity/probe_sets",
                              "hook_probe_set.npz")
            if not files.exists(path):
                probe_args = []
                args = self.analyze_args
                for i, a in enumerate(args):
                    if a in self.PROBE_OPTIONS and i + 1 < len(args):
                        probe_args += [a, args[i + 1]]
                self._run(self._command("probe", checkpoint, "-o", path, *probe_args,
                                        mpi=False), "probe set", step)
            self.probe_set = path
        self._run(self._command("analyze", checkpoint, "--logdir", self.logdir, "--run",
                                self.run, "--step", str(step), "--probe-set", self.probe_set,
                                "--no-progress", *self.analyze_args), "analysis", step)

    # -- MLflow -----------------------------------------------------------------------------

    def _mlflow(self):
        if self.mlflow_run_id is None:
            return None
        if self._client is None:
            from mlflow.tracking import MlflowClient

            self._client = MlflowClient(tracking_uri=self._tracking_uri)
        return self._client

    def _server_up(self) -> bool:
        """A quick health check of an HTTP tracking server (other stores: always True)."""
        uri = str(self._tracking_uri or "")
        if not uri.startswith(("http://", "https://")):
            return True
        import urllib.request

        try:
            with urllib.request.urlopen(uri.rstrip("/") + "/health", timeout=5) as r:
                return r.status == 200
        except OSError:
            return False

    def _log(self, step):
        """Everything of one analysis to MLflow; each part on its own (one failing loses no
        other)."""
        try:
            client = self._mlflow()
        except Exception as e:
            self._fail(step, "mlflow", e)
            return
        if client is None:
            return
        from rlclarity_plugin.store.reader import LogdirReader

        rid = self.mlflow_run_id
        try:  # the store's read API, as the tab and the export read it
            analysis = LogdirReader(self.logdir).analysis(self.run, step)
        except Exception as e:
            self._fail(step, "read analysis", e)
            return
        manifest = analysis.manifest
        stages = [("metrics", lambda: self._log_metrics(client, rid, analysis, step)),
                  ("images", lambda: self._log_images(client, rid, analysis, step))]
        if not self._params_logged:
            stages.insert(0, ("params", lambda: self._log_params(client, rid, manifest)))
        if self.export:
            stages.append(("html export",
                           lambda: self._log_export(client, rid, step, manifest)))
        for stage, fn in stages:
            if not self._server_up():  # MLflow's client would retry for minutes per call
                self._fail(step, f"mlflow {stage}", f"tracking server {self._tracking_uri} "
                           "does not answer")
                continue
            try:
                fn()
                if stage == "params":
                    self._params_logged = True
            except Exception as e:
                self._fail(step, f"mlflow {stage}", e)

    def _log_params(self, client, rid, manifest):
        from mlflow.entities import Param

        flat = {}

        def walk(prefix, obj):
            if isinstance(obj, dict):
                for k, v in obj.items():
                    walk(f"{prefix}.{k}", v)
            else:
                flat[prefix] = json.dumps(obj) if isinstance(obj, (list, tuple)) else str(obj)

        walk("rl_clarity", manifest.inputs.get("config", {}))
        flat["rl_clarity.probe_set"] = self.probe_set or ""
        flat["rl_clarity.logdir"] = self.logdir
        flat["rl_clarity.run"] = self.run
        params = [Param(k[:250], v[:6000]) for k, v in sorted(flat.items())]
        for i in range(0, len(params), 100):
            client.log_batch(rid, params=params[i:i + 100])

    def _log_metrics(self, client, rid, analysis, step):
        """Means of the per-frame series, the IG completeness and NMF errors of the
        manifest."""
        import numpy as np
        from mlflow.entities import Metric

        manifest, series = analysis.manifest, analysis.series()
        ts = int(time.time() * 1000)
        values = {
            "rl_clarity/value_mean": float(np.mean(series["values"])),
            "rl_clarity/abs_advantage_mean": float(np.mean(np.abs(series["advantages"]))),
        }
        if manifest.completeness is not None:
            c = manifest.completeness
            values["rl_clarity/ig_completeness_median"] = c.per_frame.median
            values["rl_clarity/ig_completeness_p95"] = c.per_frame.p95
            values["rl_clarity/ig_completeness_unit_scaled_median"] = c.unit_scaled.median
            values["rl_clarity/ig_completeness_unit_scaled_p95"] = c.unit_scaled.p95
        for layer in manifest.layers:
            if layer.nmf_reconstruction_error is not None:
                values[f"rl_clarity/nmf_error/{layer.name}"] = layer.nmf_reconstruction_error
        client.log_batch(rid, metrics=[Metric(k, float(v), ts, step) for k, v in values.items()])

    def _log_images(self, client, rid, analysis, step):
        """Each layer's feature thumbnails and a few bookmarked frames."""
        from PIL import Image

        from rlclarity_plugin.store import codec

        manifest = analysis.manifest
        for layer in manifest.layers:
            if not layer.features:
                continue
            thumbs = codec.decode_image(analysis.thumbnails_picture(layer.name), "RGBA")
            client.log_image(rid, Image.fromarray(thumbs),
                             key=f"rl_clarity/thumbnails/{layer.name}", step=step)
        marks = [("low", t, f) for t, f in manifest.bookmarks.low]
        marks += [("high", t, f) for t, f in manifest.bookmarks.high]
        marks = sorted(marks, key=lambda m: (m[0], m[1], m[2]))
        chosen = (marks[:1] + marks[-1:] + marks[1:-1])[:self.key_frames]
        for kind, t, f in chosen:
            client.log_image(rid, Image.fromarray(analysis.frames(t)[f]),
                             key=f"rl_clarity/bookmark_{kind}/traj{t}_frame{f}", step=step)

    def _log_export(self, client, rid, step, manifest):
        """The export runs in a child process too (it is CPU work that would hold the GIL)."""
        folder = os.path.join(self._scratch, f"step_{step}")
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, f"rl_clarity_step_{step}.html")
        args = ["export", "--logdir", self.logdir, "--run", self.run, "--step", str(step),
                "-o", path]
        done = self._run(self._command(*args, mpi=False), "html export", step, ok_codes=(0, 2))
        if done.returncode == 2:  # larger than MLflow's viewer takes
            layer = manifest.default_layer
            log.warning("rl-clarity: the HTML export of step %d is too large for MLflow's "
                        "viewer; exporting layer %s only. %s", step, layer,
                        done.stderr.strip()[-500:])
            self._run(self._command(*args, "--layers", layer, "--no-full-resolution", mpi=False),
                      "html export", step)
        client.log_artifact(rid, path, artifact_path="rl_clarity")


_DEFAULT: dict = {}


def analyze_checkpoint(agent_or_path, step: int, *, logdir: str | None = None,
                       probe_set: str | None = None, config=None, mlflow_run=None,
                       background: bool = True, run: str | None = None) -> bool:
    """Analyse one checkpoint of the current training run (one line in any training loop).

    Args:
        agent_or_path: an ``Agent`` or a checkpoint path (native folder or original joblib).
        step: the training step (the analysis is written and logged at it).
        logdir: TensorBoard logdir (default ``$RL_CLARITY_LOGDIR`` or ``./runs``).
        probe_set: a saved probe set to use instead of the one collected with the first call.
        config: extra ``rl-clarity analyze`` options as a list of strings.
        mlflow_run: an MLflow run (or its id) to log to (default: the active run).
        background: queue it (returns at once) or wait for it.
        run: the run name in the logdir (default: the MLflow run's name).

    Returns:
        True if queued (or, with ``background=False``, analysed and logged without failure).
        Call :func:`finish_analyses` at the end of training to wait and get the report.
    """
    logdir = logdir or os.environ.get("RL_CLARITY_LOGDIR", "runs")
    run_id = getattr(getattr(mlflow_run, "info", None), "run_id", mlflow_run)
    key = (files.normalize(logdir), run, run_id)
    analyzer = _DEFAULT.get(key)
    if analyzer is None:
        analyzer = CheckpointAnalyzer(logdir, run, mlflow_run_id=run_id,
                                      analyze_args=list(config or ()))
        if probe_set:
            analyzer.probe_set = probe_set
        _DEFAULT[key] = analyzer
    if background:
        return analyzer.submit(agent_or_path, step)
    failures = len(analyzer.report.failures)
    queued = analyzer.submit(agent_or_path, step)
    while queued and step not in analyzer._finished:
        time.sleep(0.2)
    return queued and len(analyzer.report.failures) == failures


def finish_analyses(timeout: float | None = None) -> list[HookReport]:
    """Wait for every queued analysis of :func:`analyze_checkpoint`; return the reports."""
    reports = [a.close(timeout) for a in _DEFAULT.values()]
    _DEFAULT.clear()
    return reports
