"""Analyse checkpoints during training, off the training loop's critical path, and log the
results where the user tracks the run: the TensorBoard logdir (the tab shows every checkpoint)
and the active MLflow run (HTML export, images at the step, metrics, a few key params and the
whole configuration as one JSON artifact).

One :class:`CheckpointAnalyzer` per training run: it collects one probe set with the first
checkpoint and reuses it for all the others (so checkpoints are comparable). Two standard
executors do the work, each running low-priority child processes:

- **analysis** (``rl-clarity analyze``, optionally under ``mpiexec``) into the logdir: one
  :class:`~concurrent.futures.Future` per submitted checkpoint, at most ``max_pending`` waiting
  (more are skipped with a warning: the training loop never waits for an analysis);
- **MLflow** (the HTML export, then :mod:`mlflow_hooks.mlflow_child` with MLflow's own
  retry/timeout settings) for each analysed step. An unreachable tracking store only delays this
  side: the steps not logged yet are retried every ``mlflow_retry_interval`` seconds and once
  more when :meth:`close` is called, for up to ``mlflow_catch_up`` seconds; whatever is still not
  logged then is reported, part by part, with the reason.

Every child runs in its own process group (``start_new_session``) and is stopped with every
process under it (SIGTERM, then SIGKILL; :mod:`mlflow_hooks.processes`) when it runs past
``timeout`` or the analyzer is closed before it ends, so no ``mpiexec`` rank outlives it.
Nothing here raises into the training loop: failures (a dead tracking server, a full disk, an
analysis error) are logged and listed by :meth:`close`.
"""

from __future__ import annotations

import concurrent.futures as cf
import dataclasses
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

from rlclarity_plugin.store import files

from .processes import stop_tree
from .reasons import exception_reason, output_reason

log = logging.getLogger("rl_clarity.mlflow_hooks")

# MLflow's own client settings in the logging child (the environment's own values win)
MLFLOW_ENV_DEFAULTS = {"MLFLOW_HTTP_REQUEST_MAX_RETRIES": "2",
                       "MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR": "1",
                       "MLFLOW_HTTP_REQUEST_BACKOFF_JITTER": "0.5",
                       "MLFLOW_HTTP_REQUEST_TIMEOUT": "30"}
# how long a child may take to end after SIGTERM before its group gets SIGKILL
KILL_GRACE_S = 5.0


def export_too_large(returncode: int) -> bool:
    """Whether the exit status of ``rl-clarity export`` means "the page is larger than asked"
    (``exit_codes.TOO_LARGE``; the export is then retried with the default layer only)."""
    from rlclarity_plugin import exit_codes

    return returncode == exit_codes.TOO_LARGE


@dataclasses.dataclass
class HookReport:
    """What happened: analysed steps, steps logged to MLflow, skipped steps (and why), and
    failures as ``(step, stage, one-line reason)``."""

    analysed: list = dataclasses.field(default_factory=list)
    skipped: list = dataclasses.field(default_factory=list)
    failures: list = dataclasses.field(default_factory=list)
    skip_reasons: dict = dataclasses.field(default_factory=dict)  # step -> why
    logged: list = dataclasses.field(default_factory=list)  # steps fully logged to MLflow

    @property
    def ok(self) -> bool:
        return not self.failures and not self.skipped

    def summary(self) -> str:
        """One line: what was analysed and logged, what was skipped and why, how many
        failures."""
        parts = [f"analysed steps {sorted(self.analysed)}"]
        if self.logged:
            parts.append(f"logged to MLflow {sorted(self.logged)}")
        if self.skipped:
            why: dict = {}
            for step in sorted(self.skipped):
                why.setdefault(self.skip_reasons.get(step, "unknown"), []).append(step)
            parts.append("skipped " + "; ".join(f"{steps} ({reason})"
                                                for reason, steps in why.items()))
        else:
            parts.append("skipped []")
        parts.append(f"failures {len(self.failures)}")
        return "; ".join(parts)


class _Stopped(RuntimeError):
    """A child stopped by the analyzer (timeout or close)."""


class CheckpointAnalyzer:
    """Background analysis of checkpoints of one training run.

    Args:
        logdir: TensorBoard logdir; analyses go to ``logdir/run`` at the checkpoint's step.
        run: run name in the logdir (default: the MLflow run name, else ``"agent"``).
        mlflow_run_id: the MLflow run to log to (default: the active run when created, if any;
            None and no active run: nothing is logged to MLflow).
        tracking_uri: MLflow tracking URI (default: MLflow's current one); any URI MLflow takes
            (an HTTP server, ``sqlite:///...``, a folder).
        config: the analyses' options: an ``AnalyzeConfig`` (how the agent is loaded and the
            analysis, ``rlclarity_plugin.analysis.config``) or an ``AnalysisConfig`` (default:
            the defaults). Checked when the analyzer is built; each child process gets it as
            JSON (``rl-clarity probe|analyze --config FILE``), so the probe set is collected
            with the same probe options as the analyses use (``full_resolution`` included).
        analyze_args: deprecated: ``rl-clarity analyze`` options as strings (e.g.
            ``["--layers", "2b", "--full-resolution"]``), applied on top of ``config``
            (``rlclarity_plugin.cli.analyze_config_from_argv``; an unknown or invalid option
            raises ``ValueError`` here, naming it).
        max_pending: checkpoints that may wait for their analysis; more are skipped (with a
            warning).
        export: log the standalone HTML export as an artifact.
        mpi_ranks: run each analysis under ``mpiexec -n N`` when N > 1.
        priority: CPU scheduling of the child processes: ``"idle"`` (Linux ``SCHED_IDLE``
            through ``chrt``: they only get CPU time the training loop leaves unused; falls back
            to ``nice -n 19`` where ``chrt`` is missing) or ``"nice"`` (``nice -n niceness``).
        niceness: the nice value for ``priority="nice"`` (higher = gentler).
        threads: TensorFlow intra-/inter-op threads of each analysis process (default 1, so an
            analysis never fans out over the cores the training loop uses; None: TF's default).
        key_frames: how many bookmarked frames to log as images.
        timeout: seconds after which one child process (probe set, analysis, export, MLflow
            logging) is stopped, its whole process group (and reported).
        mlflow_retry_interval: seconds between two tries to log steps MLflow could not take
            (tracking store unreachable).
        mlflow_catch_up: seconds :meth:`close` keeps retrying such steps (0: one last try).
        mlflow_env: MLflow client settings for the logging child, e.g.
            ``{"MLFLOW_HTTP_REQUEST_TIMEOUT": "10"}``; by default those of the environment,
            else :data:`MLFLOW_ENV_DEFAULTS` (2 retries with backoff, 30 s per request).
    """

    def __init__(self, logdir: str, run: str | None = None, *, mlflow_run_id: str | None = None,
                 tracking_uri: str | None = None, config=None, analyze_args=(),
                 max_pending: int = 2,
                 export: bool = True, mpi_ranks: int = 1, priority: str = "idle",
                 niceness: int = 19, threads: int | None = 1, key_frames: int = 4,
                 timeout: float = 3600, mlflow_retry_interval: float = 30,
                 mlflow_catch_up: float = 60, mlflow_env: dict | None = None):
        if priority not in ("idle", "nice"):
            raise ValueError(f"priority must be 'idle' or 'nice', not {priority!r}")
        self.logdir = files.normalize(logdir)  # a local folder or a URL (s3://...)
        self.config = analyze_config(config, analyze_args)
        self.export = export
        self.mpi_ranks = int(mpi_ranks)
        self.priority = priority
        self.niceness = int(niceness)
        self.threads = threads
        self.key_frames = int(key_frames)
        self.timeout = timeout
        self.max_pending = max(1, int(max_pending))
        self.mlflow_retry_interval = float(mlflow_retry_interval)
        self.mlflow_catch_up = float(mlflow_catch_up)
        self.mlflow_env = {k: str(v) for k, v in (mlflow_env or {}).items()}
        self.report = HookReport()
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
        self.futures: dict = {}  # step -> Future of its analysis (result: the step)
        self._lock = threading.RLock()
        self._waiting = 0  # analyses submitted, not started
        self._closing = False
        self._closed = False
        self._deadline: float | None = None  # close's
        self._children: set = set()  # running child processes
        self._analyses = cf.ThreadPoolExecutor(1, thread_name_prefix="rl-clarity-analysis")
        self._logging = cf.ThreadPoolExecutor(1, thread_name_prefix="rl-clarity-mlflow")
        # the MLflow side: steps analysed and not fully logged yet
        self._unlogged: dict = {}  # step -> {"done": set of items, "html": path, "ts": ms}
        self._params_done = False
        self._mlflow_down: str | None = None  # why the last try could not reach it
        self._last_try = 0.0
        self._round: cf.Future | None = None  # the logging round queued or running
        self._timer: threading.Timer | None = None

    # -- the training side ------------------------------------------------------------------

    def submit(self, checkpoint, step: int) -> bool:
        """Queue ``checkpoint`` (a checkpoint path or an ``Agent``) for analysis at ``step``.

        Returns False (and logs a warning) when ``max_pending`` analyses wait already or the
        analyzer is closed; never raises. The analysis' future is ``self.futures[step]``.
        """
        step = int(step)
        try:
            with self._lock:
                if self._closing:
                    self._skip(step, "submitted after close")
                    return False
                if self._waiting >= self.max_pending:
                    log.warning("rl-clarity: analyses are behind (%d waiting); skipping the "
                                "checkpoint at step %d", self._waiting, step)
                    self._skip(step, f"analyses behind: {self._waiting} waiting, "
                                     f"max_pending={self.max_pending}")
                    return False
                self._waiting += 1
            try:
                if not isinstance(checkpoint, (str, os.PathLike)):
                    from rlclarity_plugin.agents.checkpoint import save_checkpoint

                    checkpoint = save_checkpoint(checkpoint, os.path.join(
                        self._scratch, f"ckpt-{step:012d}"))
                future = self._analyses.submit(self._analysis_task, str(checkpoint), step)
            except BaseException:
                with self._lock:
                    self._waiting -= 1
                raise
            with self._lock:
                self.futures[step] = future
            return True
        except Exception as e:  # never into the training loop
            self._fail(step, "submit", e)
        return False

    def close(self, timeout: float | None = None) -> HookReport:
        """Wait for the submitted analyses (at most ``timeout`` s in all), give the MLflow side
        up to ``mlflow_catch_up`` s more (within ``timeout``) to log what it could not yet,
        stop what still runs (process groups) and return the report."""
        if self._closed:
            return self.report
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._lock:
            futures = list(self.futures.values())
        _, late = cf.wait(futures, timeout=_left(deadline))
        with self._lock:
            self._closing = True
            self._deadline = deadline
            if self._timer is not None:
                self._timer.cancel()
        if late:
            for step, future in list(self.futures.items()):
                if future.cancel():
                    self._skip(step, "closed before its analysis started")
            self._stop_children()
            cf.wait(late)
        self._analyses.shutdown(wait=True)
        if self.mlflow_run_id is not None:
            self._catch_up(deadline)
        self._logging.shutdown(wait=True)
        self._stop_children()
        shutil.rmtree(self._scratch, ignore_errors=True)
        self._closed = True
        if self.report.failures:
            log.warning("rl-clarity: %d step(s) failed: %s", len(self.report.failures),
                        "; ".join(f"step {s} {stage}: {m}" for s, stage, m in
                                  self.report.failures))
        (log.warning if self.report.skipped or self.report.failures else log.info)(
            "rl-clarity: %s", self.report.summary())
        return self.report

    # -- bookkeeping ------------------------------------------------------------------------

    def _fail(self, step, stage, error):
        message = exception_reason(error) if isinstance(error, BaseException) else str(error)
        log.warning("rl-clarity: step %s, %s failed: %s", step, stage, message)
        with self._lock:
            self.report.failures.append((step, stage, message))

    def _skip(self, step, why):
        with self._lock:
            self.report.skipped.append(step)
            self.report.skip_reasons[step] = why

    # -- child processes --------------------------------------------------------------------

    def _command(self, *args, mpi: bool = True) -> list:
        cmd = [sys.executable, "-m", "rlclarity_plugin.cli", *args]
        if mpi and self.mpi_ranks > 1:
            mpiexec = os.path.join(os.path.dirname(sys.executable), "mpiexec")
            cmd = [mpiexec, "-n", str(self.mpi_ranks), *cmd]
        return cmd

    def _run(self, cmd, stage, env=None):
        """Run ``cmd`` at low priority in its own process group; return (returncode, output).
        Past ``timeout`` or at close, the whole group is stopped and :class:`_Stopped`
        raised."""
        env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", **(env or {})}
        if self.threads:
            n = str(int(self.threads))
            env.update(TF_NUM_INTRAOP_THREADS=n, TF_NUM_INTEROP_THREADS=n, OMP_NUM_THREADS=n)
        # lower priority through chrt(1)/nice(1): a preexec_fn may deadlock in a threaded process
        if self.priority == "idle" and shutil.which("chrt"):
            cmd = ["chrt", "--idle", "0", *cmd]
        elif shutil.which("nice"):
            cmd = ["nice", "-n", str(self.niceness if self.priority == "nice" else 19), *cmd]
        timeout = self.timeout
        with self._lock:
            if self._closing:  # analyses no more; the rest within close's timeout
                left = _left(self._deadline)
                if stage in ("probe set", "analysis") or left == 0:
                    raise _Stopped(f"{stage} not started: the analyzer was closed")
                timeout = timeout if left is None else min(timeout, left)
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL, text=True, env=env,
                                    start_new_session=True)
            self._children.add(proc)
        try:
            output, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            stop_tree([proc], KILL_GRACE_S)
            output, _ = proc.communicate()
            raise _Stopped(f"{stage} did not end within {timeout:g} s: stopped (with every "
                           "process under it)") from None
        finally:
            with self._lock:
                self._children.discard(proc)
        if getattr(proc, "stopped_at_close", False):
            raise _Stopped(f"{stage} stopped at close (with every process under it)")
        return proc.returncode, output or ""

    def _stop_children(self):
        with self._lock:
            children = list(self._children)
            for proc in children:
                proc.stopped_at_close = True
        stop_tree(children, KILL_GRACE_S)

    def _check(self, cmd, stage):
        code, output = self._run(cmd, stage)
        if code != 0:
            raise RuntimeError(output_reason(output))
        return output

    # -- the analysis side ------------------------------------------------------------------

    def _analysis_task(self, checkpoint, step):
        with self._lock:
            self._waiting -= 1
        try:
            self._analyse(checkpoint, step)
        except _Stopped as e:
            self._fail(step, "analysis", str(e))
            raise
        except Exception as e:
            self._fail(step, "analysis", str(e) if isinstance(e, RuntimeError) else e)
            raise
        with self._lock:
            self.report.analysed.append(step)
        self._queue_mlflow(step)
        return step

    def log_step(self, step: int) -> bool:
        """Log the analysis at ``step`` that is in the logdir already (written by
        ``rl-clarity analyze``, or by an earlier analyzer) to the MLflow run, as an analysed
        checkpoint is: export, params, metrics, images. Returns False (nothing to do) without
        an MLflow run or once closed; never raises."""
        with self._lock:
            if self._closing:
                return False
        return self._queue_mlflow(int(step))

    def _queue_mlflow(self, step) -> bool:
        if self.mlflow_run_id is None:
            return False
        with self._lock:
            self._unlogged[step] = {"done": set(), "html": None, "export": self.export,
                                    "ts": int(time.time() * 1000)}
        return self._schedule_logging() is not None

    def _config_file(self) -> str:
        """:attr:`config` as JSON in a file for ``--config`` (written again when replaced)."""
        text = json.dumps(self.config.to_json(), sort_keys=True)
        path = os.path.join(self._scratch, "analyze_config.json")
        if getattr(self, "_config_text", None) != text:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            self._config_text = text
        return path

    def _analyse(self, checkpoint, step):
        config = self._config_file()
        if self.probe_set is None:
            path = files.join(self.logdir, self.run, "plugins/rl_clarity/probe_sets",
                              "hook_probe_set.npz")
            if not files.exists(path):
                self._check(self._command("probe", checkpoint, "-o", path, "--config", config,
                                          mpi=False), "probe set")
            self.probe_set = path
        self._check(self._command("analyze", checkpoint, "--logdir", self.logdir, "--run",
                                  self.run, "--step", str(step), "--probe-set", self.probe_set,
                                  "--no-progress", "--config", config), "analysis")

    # -- the MLflow side --------------------------------------------------------------------

    def _schedule_logging(self, force: bool = False) -> cf.Future | None:
        """Queue one logging round unless one waits already."""
        with self._lock:
            if self._round is not None and not self._round.running() and \
                    not self._round.done():
                return self._round
            try:
                self._round = self._logging.submit(self._logging_round, force)
            except RuntimeError:  # shut down
                return None
            return self._round

    def _retry_later(self):
        with self._lock:
            if self._closing or (self._timer is not None and self._timer.is_alive()):
                return
            self._timer = threading.Timer(self.mlflow_retry_interval,
                                          lambda: self._schedule_logging(force=True))
            self._timer.daemon = True
            self._timer.start()

    def _logging_round(self, force: bool = False):
        """Export the analysed steps not exported yet, then log every step not fully logged
        in one logging child (never raises)."""
        try:
            with self._lock:
                steps = sorted(self._unlogged)
            for step in steps:
                entry = self._unlogged[step]
                if entry["export"] and entry["html"] is None:
                    entry["export"] = False
                    try:
                        entry["html"] = self._export(step)
                    except Exception as e:
                        self._fail(step, "html export", str(e) if isinstance(
                            e, (RuntimeError, _Stopped)) else e)
            if self._mlflow_down and not force and \
                    time.monotonic() - self._last_try < self.mlflow_retry_interval:
                return  # the timer tries again
            self._log_to_mlflow(steps)
        except Exception as e:  # never lose the worker to a bug
            self._fail(None, "mlflow", e)

    def _export(self, step) -> str:
        """The export runs in a child process too (it is CPU work that would hold the GIL)."""
        folder = os.path.join(self._scratch, f"step_{step}")
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, f"rl_clarity_step_{step}.html")
        args = ["export", "--logdir", self.logdir, "--run", self.run, "--step", str(step),
                "-o", path]
        code, output = self._run(self._command(*args, mpi=False), "html export")
        if code != 0 and export_too_large(code):  # larger than MLflow's viewer takes
            from rlclarity_plugin.store.reader import LogdirReader

            layer = LogdirReader(self.logdir).manifest(self.run, step).default_layer
            log.warning("rl-clarity: the HTML export of step %d is too large for MLflow's "
                        "viewer; exporting layer %s only. %s", step, layer,
                        output_reason(output))
            code, output = self._run(self._command(*args, "--layers", layer,
                                                   "--no-full-resolution", mpi=False),
                                     "html export")
        if code != 0:
            raise RuntimeError(output_reason(output))
        return path

    def _log_to_mlflow(self, steps):
        with self._lock:
            entries = [(s, self._unlogged[s]) for s in steps if s in self._unlogged]
        if not entries:
            return
        spec = {"tracking_uri": self._tracking_uri, "run_id": self.mlflow_run_id,
                "logdir": self.logdir, "run": self.run, "probe_set": self.probe_set,
                "key_frames": self.key_frames, "params": not self._params_done,
                "steps": [{"step": s, "ts": e["ts"], "done": sorted(e["done"]),
                           "html": e["html"]} for s, e in entries]}
        folder = tempfile.mkdtemp(prefix="mlflow_", dir=self._scratch)
        spec_path, result_path = (os.path.join(folder, n) for n in ("spec.json", "result.json"))
        with open(spec_path, "w", encoding="utf-8") as f:
            json.dump(spec, f)
        env = {k: os.environ.get(k, v) for k, v in MLFLOW_ENV_DEFAULTS.items()}
        env.update(self.mlflow_env)
        self._last_try = time.monotonic()
        try:
            code, output = self._run([sys.executable, "-m", "mlflow_hooks.mlflow_child",
                                      spec_path, result_path], "mlflow", env=env)
        except _Stopped as e:  # a hung tracking store: try again later
            self._down(str(e))
            return
        if code != 0 or not os.path.exists(result_path):
            reason = output_reason(output)
            for step, _ in entries:
                self._fail(step, "mlflow", f"the logging process exited with {code}: {reason}")
                with self._lock:
                    self._unlogged.pop(step, None)
            return
        with open(result_path, encoding="utf-8") as f:
            result = json.load(f)
        shutil.rmtree(folder, ignore_errors=True)
        self._merge(result)

    def _merge(self, result):
        params = result.get("params")
        if params == "done":
            self._params_done = True
        elif isinstance(params, dict):
            self._params_done = True  # not retried: the same params would fail again
            first = min(self._unlogged) if self._unlogged else None
            self._fail(first, "mlflow params", params.get("failed"))
        for key, outcome in result.get("steps", {}).items():
            step = int(key)
            entry = self._unlogged.get(step)
            if entry is None:
                continue
            entry["done"].update(outcome.get("done", ()))
            for item, reason in outcome.get("failed", {}).items():
                self._fail(step, _stage(item), reason)
                entry["done"].add(item)  # reported, not retried
            if "read" in outcome.get("failed", {}) or not outcome.get("pending"):
                with self._lock:
                    self._unlogged.pop(step)
                    if not outcome.get("failed"):
                        self.report.logged.append(step)
                self._remove_export(entry)
        if result.get("unreachable"):
            self._down(result["unreachable"])
        elif self._mlflow_down:
            log.warning("rl-clarity: MLflow can be reached again; steps logged: %s",
                        sorted(self.report.logged))
            self._mlflow_down = None

    def _down(self, reason):
        if not self._mlflow_down:
            log.warning("rl-clarity: MLflow cannot be reached (%s); the analyses go on into the "
                        "logdir and are logged to MLflow when it is back", reason)
        self._mlflow_down = reason
        self._retry_later()

    @staticmethod
    def _remove_export(entry):
        if entry.get("html"):
            shutil.rmtree(os.path.dirname(entry["html"]), ignore_errors=True)

    def _catch_up(self, deadline):
        """At close: log what is not logged yet, retrying for up to ``mlflow_catch_up`` s (and
        within ``deadline``); report what is left, part by part, with the reason."""
        end = time.monotonic() + self.mlflow_catch_up
        if deadline is not None:
            end = min(end, deadline)
        first = True
        while True:
            with self._lock:
                todo = bool(self._unlogged) or (self._round is not None and
                                                not self._round.done())
            if not todo:
                break
            if not first and time.monotonic() + self.mlflow_retry_interval > end:
                break
            if not first:
                time.sleep(self.mlflow_retry_interval)  # between two tries of a dead store
            first = False
            round_ = self._schedule_logging(force=True)
            if round_ is None:
                break
            done, _ = cf.wait([round_], timeout=_left(deadline))
            if not done:  # out of time: stop the logging child
                self._stop_children()
                cf.wait([round_])
                break
        with self._lock:
            left = dict(self._unlogged)
            self._unlogged.clear()
        why = self._mlflow_down or "the analyzer was closed before it was logged"
        for step, entry in sorted(left.items()):
            self._fail(step, "mlflow", f"not logged to MLflow ({_missing(entry)}): {why}")
            self._remove_export(entry)
        if not self._params_done and left:
            self._fail(min(left), "mlflow params", f"not logged to MLflow: {why}")


# per-invocation options of `rl-clarity analyze` that the hook sets for each child
_HOOK_OPTIONS = ("--logdir", "--run", "--step", "--probe-set", "--config")


def analyze_config(config=None, analyze_args=()):
    """The ``AnalyzeConfig`` of ``config`` (an ``AnalyzeConfig``, an ``AnalysisConfig``, their
    JSON, or None: the defaults) with the ``rl-clarity analyze`` options ``analyze_args`` (a
    list of strings, the deprecated way) on top; ``ValueError`` naming a bad option."""
    from rlclarity_plugin.analysis.config import AnalysisConfig, AnalyzeConfig

    if config is None:
        config = AnalyzeConfig()
    elif isinstance(config, AnalysisConfig):
        config = AnalyzeConfig(analysis=config)
    elif isinstance(config, dict):
        config = AnalyzeConfig.from_json(config)
    elif not isinstance(config, AnalyzeConfig):
        raise TypeError(f"config must be an AnalyzeConfig or an AnalysisConfig, not "
                        f"{type(config).__name__} (rl-clarity analyze options as strings go "
                        "to analyze_args)")
    # the hook passes --no-progress itself (an option list written for the command line may
    # have it too); where the analyses go (--logdir ...) is the hook's own
    args = [str(a) for a in analyze_args or () if str(a) != "--no-progress"]
    own = [a for a in args if a.split("=")[0] in _HOOK_OPTIONS]
    if own:
        raise ValueError(f"analyze_args: {', '.join(own)} is the hook's to set (its logdir, run, "
                         "the checkpoint's step and the probe set it collects or is given)")
    if args:
        from rlclarity_plugin.cli import analyze_config_from_argv

        config = analyze_config_from_argv(args, base=config)
    return config


def _stage(item: str) -> str:
    if item.startswith("image "):
        return "mlflow images"
    return {"html": "mlflow html export", "read": "read analysis"}.get(item, f"mlflow {item}")


def _missing(entry) -> str:
    """The parts of a step not logged yet, in words."""
    done = entry["done"]
    missing = [] if "metrics" in done else ["metrics"]
    if not any(d.startswith("image ") for d in done):
        missing.append("images")
    if entry.get("html") and "html" not in done:
        missing.append("html export")
    return ", ".join(missing) or "some images"


def _left(deadline):
    return None if deadline is None else max(0.0, deadline - time.monotonic())


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
        config: the analyses' options: an ``AnalyzeConfig`` or ``AnalysisConfig``, or (the
            deprecated way) ``rl-clarity analyze`` options as a list of strings.
        mlflow_run: an MLflow run (or its id) to log to (default: the active run).
        background: queue it (returns at once) or wait for its analysis and its first try to
            log it to MLflow.
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
        as_args = isinstance(config, (list, tuple))
        analyzer = CheckpointAnalyzer(logdir, run, mlflow_run_id=run_id,
                                      config=None if as_args else config,
                                      analyze_args=config if as_args else ())
        if probe_set:
            analyzer.probe_set = probe_set
        _DEFAULT[key] = analyzer
    if background:
        return analyzer.submit(agent_or_path, step)
    failures = len(analyzer.report.failures)
    if not analyzer.submit(agent_or_path, step):
        return False
    try:
        analyzer.futures[int(step)].result()
    except Exception:
        return False
    with analyzer._lock:
        round_ = analyzer._round
    if round_ is not None:
        cf.wait([round_])
    return len(analyzer.report.failures) == failures and int(step) not in analyzer._unlogged


def finish_analyses(timeout: float | None = None) -> list[HookReport]:
    """Wait for every queued analysis of :func:`analyze_checkpoint`; return the reports."""
    reports = [a.close(timeout) for a in _DEFAULT.values()]
    _DEFAULT.clear()
    return reports
