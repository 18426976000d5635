"""A Stable-Baselines3 callback that hands checkpoints of the model being trained to a
:class:`~mlflow_hooks.hook.CheckpointAnalyzer` (background analyses, logged to MLflow and to the
TensorBoard logdir SB3 writes).

    checkpoints = CheckpointCallback(save_freq=100_000 // n_envs, save_path="ckpts")
    model = PPO("CnnPolicy", env, tensorboard_log="runs")
    with mlflow.start_run():
        model.learn(10_000_000, callback=[checkpoints,
                                          RLClaritySB3Callback(on_checkpoint=checkpoints)])

Each ``rl_model_{N}_steps.zip`` the ``CheckpointCallback`` writes (and, with ``every_n_steps``,
a zip this callback saves itself every N environment steps) is queued for
``rl-clarity analyze`` at step N; the training loop only saves a zip and queues its path, the
analysis runs in a low-priority child process. By default the analyses go to SB3's own
TensorBoard run folder (``runs/PPO_1``: the RL Clarity tab next to SB3's scalars) and to the
active MLflow run.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
import time

from stable_baselines3.common.callbacks import BaseCallback, CheckpointCallback

from .hook import CheckpointAnalyzer, HookReport, analyze_config

log = logging.getLogger("rl_clarity.mlflow_hooks")

# sb3-atari options that gymnasium.make takes: the EnvSpec kwargs they come from
_SPEC_OPTIONS = {"frameskip": "ale_frameskip",
                 "repeat_action_probability": "ale_repeat_action_probability",
                 "full_action_space": "full_action_space"}


class RLClaritySB3Callback(BaseCallback):
    """Analyse an SB3 ``PPO`` / ``A2C`` model at regular points while it trains, in the
    background (see the module docstring).

    Args:
        every_n_steps: save the model (``model.save``) and analyse it every N environment steps
            (``model.num_timesteps``; 0: never).
        on_checkpoint: analyse every zip a ``CheckpointCallback`` saves: the
            ``CheckpointCallback`` itself, its ``save_path`` (files ``{checkpoint_prefix}_{N}
            _steps.zip``), or True for every ``CheckpointCallback`` among ``learn()``'s
            callbacks. Put this callback after it in the list. Files already there when
            training starts are left alone (unless rewritten).
        checkpoint_prefix: the ``name_prefix`` of a ``CheckpointCallback`` given by its folder.
        env_kind: environment kind of the probe sets (default ``sb3-atari``: SB3's own Atari
            stack, ``make_atari_env`` + ``VecFrameStack``).
        env_name: the environment's name; for ``sb3-atari`` by default the gymnasium id of the
            training env (its ``spec``), with ``frame_stack`` / ``screen_size`` read from the
            model's observation space and ALE settings that differ from the id's own from the
            spec. Non-default ``AtariWrapper`` options (``noop_max``, ``terminal_on_life_loss``
            ...) cannot be read back: pass them in ``env_kwargs``.
        env_kwargs: environment options (``--env-option``; they override the derived ones).
        logdir: TensorBoard logdir of the analyses (default: the parent of the folder SB3's
            logger writes TensorBoard events to, i.e. ``tensorboard_log``; required when the
            model does not log to TensorBoard).
        run: run name in the logdir (default: SB3's run folder, e.g. ``PPO_1``, when the logdir
            is SB3's; else the analyzer's default, the MLflow run name).
        config: the analyses' options (an ``AnalyzeConfig`` or ``AnalysisConfig``: layers, NMF
            features, probe sizes, the device ...); the environment options above are added
            unless it names an environment (``agent.env_kind`` / ``agent.env_name``).
        analyze_args: deprecated: the same as ``rl-clarity analyze`` options (strings), on top
            of ``config``.
        analyzer: a ready :class:`CheckpointAnalyzer` to use instead of building one (its
            ``config`` gets the environment options unless it names an environment).
        save_path: folder for the zips of ``every_n_steps`` (default: a temporary folder, each
            file removed once analysed); they are named ``{save_prefix}_{N}_steps.zip``.
        wait_on_training_end: wait for the queued analyses when ``learn()`` ends (and close
            the analyzer; a later ``learn()`` builds a new one that reuses the probe set).
        wait_timeout: seconds to wait then (None: until all are done).
        tracking_uri, mlflow_run_id, max_pending, export: passed to the analyzer;
            ``analyzer_kwargs``: its other options (``priority``, ``threads``, ``timeout`` ...).

    After training, :attr:`report` holds the analyzer's :class:`HookReport` and
    :attr:`busy_s` / :attr:`max_call_s` the time the training thread spent in this callback
    during training (saving zips, queueing them; all of it and the longest call),
    :attr:`setup_s` at training start (building the analyzer) and :attr:`wait_s` waiting for
    the analyses at the end.
    """

    def __init__(self, *, every_n_steps: int = 0, on_checkpoint=None,
                 checkpoint_prefix: str = "rl_model", env_kind: str = "sb3-atari",
                 env_name: str | None = None, env_kwargs: dict | None = None,
                 logdir: str | None = None, run: str | None = None, config=None,
                 analyze_args=(),
                 analyzer: CheckpointAnalyzer | None = None, save_path: str | None = None,
                 save_prefix: str = "rl_clarity_model", wait_on_training_end: bool = True,
                 wait_timeout: float | None = None, tracking_uri: str | None = None,
                 mlflow_run_id: str | None = None, max_pending: int = 2, export: bool = True,
                 analyzer_kwargs: dict | None = None, verbose: int = 0):
        super().__init__(verbose)
        self.every_n_steps = int(every_n_steps or 0)
        if self.every_n_steps < 0:
            raise ValueError(f"every_n_steps must be 0 or more, got {every_n_steps}")
        if on_checkpoint is not None and not isinstance(
                on_checkpoint, (bool, str, os.PathLike, CheckpointCallback)):
            raise TypeError("on_checkpoint must be True, a CheckpointCallback or its save_path, "
                            f"not {type(on_checkpoint).__name__}")
        if not self.every_n_steps and not on_checkpoint:
            raise ValueError("nothing to analyse: pass every_n_steps=N and/or on_checkpoint "
                             "(True, a CheckpointCallback or its save_path)")
        self.on_checkpoint = on_checkpoint
        self.checkpoint_prefix = checkpoint_prefix
        self.env_kind = env_kind
        self.env_name = env_name
        self.env_kwargs = dict(env_kwargs or {})
        self.logdir = logdir
        self.run = run
        self.config = analyze_config(config, analyze_args)  # checked now, before training
        if env_name is not None and _names_env(self.config):
            raise ValueError("pass the environment either as env_name= or in config / "
                             "analyze_args (env_kind, env_name), not both")
        self.analyzer = analyzer
        self._own_analyzer = analyzer is None
        self.save_path = save_path
        self.save_prefix = save_prefix
        self.wait_on_training_end = wait_on_training_end
        self.wait_timeout = wait_timeout
        self.analyzer_options = dict(tracking_uri=tracking_uri, mlflow_run_id=mlflow_run_id,
                                     max_pending=max_pending, export=export,
                                     **dict(analyzer_kwargs or {}))
        self.report: HookReport | None = None
        self.setup_s = 0.0  # time spent at training start (building the analyzer)
        self.busy_s = 0.0  # time the training thread spent in this callback during training
        self.max_call_s = 0.0
        self.wait_s = 0.0  # time spent waiting for the analyses (finish)
        self._closed = False
        self._watched: list = []  # [(folder, compiled file name pattern)]
        self._handled: set = set()  # checkpoint files seen (queued or not)
        self._stale: dict = {}  # files there when training started: {path: mtime_ns}
        self._submitted: set = set()  # steps queued for analysis
        self._own_files: dict = {}  # step -> zip this callback saved
        self._tmp_save_path: str | None = None
        self._next_due = 0
        self._last_scan = 0.0

    # -- training start: where the analyses go, which env, which files --------------------

    def _on_training_start(self) -> None:
        t0 = time.perf_counter()
        # every check that can refuse comes before an analyzer (a worker thread) is started
        if self._closed and not self._own_analyzer:
            raise RuntimeError("the CheckpointAnalyzer given to RLClaritySB3Callback was closed "
                               "when the previous learn() ended (wait_on_training_end=True); "
                               "give a new one or let the callback build its own")
        self._watch_checkpoints()
        build = self.analyzer is None or self._closed  # (own analyzer: built per learn())
        config = self.config if build else self.analyzer.config
        if not _names_env(config):  # the training env's; options given in config win
            given = config.analysis.probe.env_kwargs
            config = analyze_config(config, self._env_args(skip=given))
        if build:
            self.analyzer = self._build_analyzer(config)
        else:
            self.analyzer.config = config
        self._closed = False
        self.report = None
        self._submitted = set()
        if self.every_n_steps:
            if self.save_path is None and self._tmp_save_path is None:
                self._tmp_save_path = tempfile.mkdtemp(prefix="rl_clarity_sb3_")
            os.makedirs(self._save_folder(), exist_ok=True)
            self._next_due = (self.model.num_timesteps // self.every_n_steps + 1) \
                * self.every_n_steps
        log.info("rl-clarity: analyses of %s go to %s run %s%s", type(self.model).__name__,
                 self.analyzer.logdir, self.analyzer.run,
                 f" and MLflow run {self.analyzer.mlflow_run_id}"
                 if self.analyzer.mlflow_run_id else "")
        self.setup_s += time.perf_counter() - t0

    def _tensorboard_folder(self) -> str | None:
        """The folder SB3's logger writes TensorBoard events to (``tensorboard_log/PPO_1``), or
        None when it does not write TensorBoard."""
        from stable_baselines3.common.logger import TensorBoardOutputFormat

        logger = self.model.logger
        for fmt in getattr(logger, "output_formats", ()):
            if isinstance(fmt, TensorBoardOutputFormat):
                folder = getattr(getattr(fmt, "writer", None), "log_dir", None) or logger.dir
                if folder:
                    return os.path.abspath(folder)
        return None

    def _logdir_and_run(self) -> tuple[str, str | None]:
        tb_folder = self._tensorboard_folder()
        logdir, run = self.logdir, self.run
        if logdir is None:
            if tb_folder is None:
                raise ValueError(
                    f"RLClaritySB3Callback: the {type(self.model).__name__} model does not log "
                    "to TensorBoard (no tensorboard_log=), so there is no logdir to put the "
                    "analyses in: pass tensorboard_log= to the model or logdir= to the callback")
            logdir = os.path.dirname(tb_folder)
        if run is None and tb_folder is not None and \
                os.path.abspath(str(logdir)) == os.path.dirname(tb_folder):
            run = os.path.basename(tb_folder)  # SB3's run folder: PPO_1
        return str(logdir), run

    def _build_analyzer(self, config) -> CheckpointAnalyzer:
        logdir, run = self._logdir_and_run()
        return CheckpointAnalyzer(logdir, run, config=config, **self.analyzer_options)

    def _env_args(self, skip=()) -> list:
        """``--env-kind KIND --env NAME --env-option K=V ...`` for the probe sets (without the
        options named in ``skip``)."""
        name, derived = self.env_name, {}
        if name is None:
            if self.env_kind != "sb3-atari":
                raise ValueError(f"RLClaritySB3Callback: pass env_name= (the {self.env_kind} "
                                 "environment the model trains on): SB3 models do not record "
                                 "their environment")
            name, derived = self._atari_env_of_training()
        options = {**derived, **self.env_kwargs}
        args = ["--env-kind", self.env_kind, "--env", str(name)]
        for key, value in options.items():
            if key in skip:
                continue
            value = str(value).lower() if isinstance(value, bool) else str(value)
            args += ["--env-option", f"{key}={value}"]
        return args

    def _atari_env_of_training(self) -> tuple[str, dict]:
        """The gymnasium id of the training env (all its sub-envs agree on it and it is an ALE
        id) and the sb3-atari options that can be read back from it; ValueError otherwise."""
        from rlclarity_plugin.envs.sb3_env import _import_sb3_atari

        why = None
        env = self.model.get_env()
        specs = []
        if env is None:
            why = "the model has no env"
        else:
            try:
                specs = list(env.get_attr("spec"))
            except Exception as e:  # an env that cannot say
                why = f"its spec cannot be read ({type(e).__name__})"
        ids = {getattr(s, "id", None) for s in specs}
        if why is None and (len(ids) != 1 or None in ids):
            why = f"its sub-envs have the specs {sorted(map(str, ids))}"
        if why is None:
            gymnasium = _import_sb3_atari()
            (env_id,) = ids
            registered = gymnasium.registry.get(env_id)
            if registered is None or not str(registered.entry_point).startswith("ale_py"):
                why = f"{env_id!r} is not an Atari (ale_py) id"
        if why is not None:
            raise ValueError("RLClaritySB3Callback: cannot tell the Atari game the model trains "
                             f"on ({why}): pass env_name= (e.g. 'PongNoFrameskip-v4') and "
                             "env_kwargs= for non-default options")
        derived = {}
        spec_kwargs = dict(getattr(specs[0], "kwargs", None) or {})
        for key, option in _SPEC_OPTIONS.items():
            if key in spec_kwargs and spec_kwargs[key] != registered.kwargs.get(key):
                derived[option] = spec_kwargs[key]
        space = self.model.observation_space
        shape = tuple(getattr(space, "shape", ()) or ())
        if len(shape) == 3:  # (stack, H, W) behind VecTransposeImage, or (H, W, stack)
            from stable_baselines3.common.preprocessing import is_image_space_channels_first

            first = is_image_space_channels_first(space)
            stack, size = (shape[0], shape[1]) if first else (shape[2], shape[0])
            if stack != 4:
                derived["frame_stack"] = int(stack)
            if size != 84:
                derived["screen_size"] = int(size)
        return env_id, derived

    def _watch_checkpoints(self) -> None:
        """The folders and file names of the CheckpointCallback(s) to watch."""
        targets = []
        if self.on_checkpoint is True:
            targets = [cb for cb in _all_callbacks(self.locals.get("callback"))
                       if isinstance(cb, CheckpointCallback)]
            if not targets:
                raise ValueError("RLClaritySB3Callback(on_checkpoint=True): learn() has no "
                                 "CheckpointCallback; pass callback=[CheckpointCallback(...), "
                                 "this callback], or on_checkpoint=the CheckpointCallback or "
                                 "its save_path")
        elif isinstance(self.on_checkpoint, CheckpointCallback):
            targets = [self.on_checkpoint]
        elif self.on_checkpoint:  # a folder
            targets = [(os.fspath(self.on_checkpoint), self.checkpoint_prefix)]
        self._watched = []
        for target in targets:
            folder, prefix = ((target.save_path, target.name_prefix)
                              if isinstance(target, CheckpointCallback) else target)
            if folder is None:
                continue
            pattern = re.compile(rf"^{re.escape(str(prefix))}_(\d+)_steps\.zip$")
            self._watched.append((os.path.abspath(os.fspath(folder)), pattern))
        self._stale = {}
        for path, _ in self._checkpoint_files():
            try:
                self._stale[path] = os.stat(path).st_mtime_ns
            except OSError:
                pass
        self._handled = set()

    # -- during training ----------------------------------------------------------------------

    def _checkpoint_files(self):
        for folder, pattern in self._watched:
            try:
                names = os.listdir(folder)
            except OSError:
                continue
            for name in names:
                m = pattern.match(name)
                if m:
                    yield os.path.join(folder, name), int(m.group(1))

    def _scan(self) -> None:
        """Queue the checkpoint files written since the last look (oldest step first)."""
        self._last_scan = time.monotonic()
        new = []
        for path, step in self._checkpoint_files():
            if path in self._handled:
                continue
            if path in self._stale:
                try:
                    if os.stat(path).st_mtime_ns == self._stale[path]:
                        continue
                except OSError:
                    continue
            new.append((step, path))
        for step, path in sorted(new):
            self._handled.add(path)
            if step not in self._submitted and self.analyzer.submit(path, step):
                self._submitted.add(step)

    def _save_folder(self) -> str:
        return os.path.abspath(self.save_path or self._tmp_save_path)

    def _save_and_submit(self, step: int) -> None:
        path = os.path.join(self._save_folder(), f"{self.save_prefix}_{step}_steps.zip")
        try:
            self.model.save(path)
        except Exception as e:  # a full disk does not stop training
            self.analyzer._fail(step, "sb3 callback save", e)
            return
        if self.analyzer.submit(path, step):
            self._submitted.add(step)
            self._own_files[step] = path
        elif self.save_path is None:
            _remove(path)

    def _on_step(self) -> bool:
        t0 = time.perf_counter()
        try:
            due = self.every_n_steps and self.model.num_timesteps >= self._next_due
            if self._watched and (due or time.monotonic() - self._last_scan >= 1.0):
                self._scan()
            if due:
                step = int(self.model.num_timesteps)
                self._next_due = (step // self.every_n_steps + 1) * self.every_n_steps
                if step not in self._submitted:
                    self._save_and_submit(step)
        except Exception as e:  # training never fails because of the hook
            self.analyzer._fail(self.model.num_timesteps, "sb3 callback", e)
        self._time(t0)
        return True

    def _on_rollout_end(self) -> None:
        t0 = time.perf_counter()
        if self._watched:
            try:
                self._scan()
            except Exception as e:
                self.analyzer._fail(self.model.num_timesteps, "sb3 callback", e)
        self._time(t0)

    def _time(self, t0: float) -> None:
        spent = time.perf_counter() - t0
        self.busy_s += spent
        self.max_call_s = max(self.max_call_s, spent)

    # -- the end ------------------------------------------------------------------------------

    def _on_training_end(self) -> None:
        t0 = time.perf_counter()
        if self._watched:
            try:
                self._scan()  # a checkpoint saved at the very last step
            except Exception as e:
                self.analyzer._fail(self.model.num_timesteps, "sb3 callback", e)
        self._time(t0)
        if self.wait_on_training_end:
            self.finish(self.wait_timeout)

    def finish(self, timeout: float | None = None) -> HookReport:
        """Wait for the queued analyses (at most ``timeout`` s), close the analyzer and return
        its report (also kept as :attr:`report`)."""
        if self.analyzer is None:
            return HookReport()
        if not self._closed:
            t0 = time.perf_counter()
            self.report = self.analyzer.close(timeout)
            self.wait_s += time.perf_counter() - t0
            self._closed = True
            self._clean_up()
        return self.report if self.report is not None else self.analyzer.report

    def _clean_up(self) -> None:
        """Remove the temporary zips whose analysis is over."""
        if self.save_path is not None:
            return
        report = self.analyzer.report
        over = set(report.analysed) | {s for s, stage, _ in report.failures
                                       if stage == "analysis"}
        for step in [s for s in self._own_files if s in over]:
            _remove(self._own_files.pop(step))
        if self._tmp_save_path and not self._own_files:
            shutil.rmtree(self._tmp_save_path, ignore_errors=True)
            self._tmp_save_path = None


def _names_env(config) -> bool:
    """Whether an ``AnalyzeConfig`` names the environment of the probe sets."""
    return config.agent.env_kind is not None or config.agent.env_name is not None


def _all_callbacks(callback):
    """``callback`` and every callback inside it (CallbackList, EventCallback children)."""
    if callback is None:
        return
    yield callback
    for child in getattr(callback, "callbacks", None) or ():
        yield from _all_callbacks(child)
    for attr in ("callback", "callback_on_new_best", "callback_after_eval"):
        child = getattr(callback, attr, None)
        if isinstance(child, BaseCallback):
            yield from _all_callbacks(child)


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass


__all__ = ["RLClaritySB3Callback"]
