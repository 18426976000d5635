"""Reading analyses back from a logdir (the TensorBoard plugin, the export, the MLflow hooks,
the tests).

Everything goes to the files directly, through :mod:`.files` (local paths or URLs such as
``s3://``; no TensorFlow import) and :mod:`.codec`. Analyses are found from their asset folders,
so every analysed step is listed whatever order the steps were analysed in. Every asset path is
checked to stay inside its analysis folder ``LOGDIR/RUN/plugins/rl_clarity/STEP/``, and every
problem is a :class:`StoreError` (one line: what is wrong, and what to do where there is
something to do).
"""

from __future__ import annotations

import dataclasses
import posixpath
import threading
import time

import numpy as np

from . import codec, files, schema
from .analysis import (
    Analysis,
    ByteSource,
    CorruptPartError,
    FileSource,
    NotAnalysedError,
    decode_json_part,
    read_part,
)
from .schema import StoreError, StoreVersionError

__all__ = ["Analysis", "CorruptPartError", "Incomplete", "LogdirReader", "NotAnalysedError",
           "Scan", "StoreError", "StoreVersionError"]

MAX_RUN_DEPTH = 6  # folders below the logdir searched for runs


@dataclasses.dataclass(frozen=True)
class Incomplete:
    """An analysis folder without a manifest: a job still running, killed, or failed."""

    run: str
    step: int
    started: bool  # the job got as far as recording its inputs

    @property
    def message(self) -> str:
        if self.started:
            return ("incomplete analysis: no manifest.json (job still running, or killed: "
                    "re-run it, it resumes)")
        return ("incomplete analysis: no manifest.json and no record of its inputs (a job "
                "of another version, or files deleted: re-run the analysis)")


@dataclasses.dataclass(frozen=True)
class Scan:
    """One walk of a logdir: ``complete`` run -> steps with a manifest (ascending), and the
    ``incomplete`` analysis folders."""

    complete: dict
    incomplete: tuple


class LogdirReader:
    """Analyses under ``logdir``: listing (:meth:`list_analyses`), each one as an
    :class:`Analysis` (:meth:`analysis`), and raw assets.

    ``source``: where bytes come from (default: local paths and fsspec URLs). ``cache``: a
    mapping shared by the analyses for the bytes of their parts (e.g. a ``cachetools.LRUCache``
    with ``getsizeof=len``), keyed by the manifest's signature. ``signature_ttl``: seconds a
    manifest's signature is trusted before it is asked again (object stores: a request each).
    """

    def __init__(self, logdir: str, source: ByteSource | None = None, cache=None,
                 signature_ttl: float = 0.0):
        files.check_usable(logdir)
        self.logdir = files.normalize(logdir)
        self.source = source or FileSource()
        self.cache = cache
        self.signature_ttl = signature_ttl
        self._lock = threading.Lock()
        self._signatures = {}  # (run, step) -> (time, signature)
        self._analyses = {}    # (run, step) -> (key, Analysis or the message why not, version?)

    # -- listing -----------------------------------------------------------------------------

    def run_dir(self, run: str) -> str:
        return schema.run_path(self.logdir, run)

    def step_dir(self, run: str, step: int) -> str:
        return schema.asset_dir(self.run_dir(run), schema.check_step(step))

    def scan(self) -> Scan:
        """Every analysis folder under the logdir (runs nested up to ``MAX_RUN_DEPTH``)."""
        complete, incomplete = {}, []
        if not self.source.isdir(self.logdir):
            return Scan({}, ())
        root = self.logdir.replace("\\", "/").rstrip("/") + "/"
        for dirpath, dirnames, _ in self.source.walk(self.logdir):
            dirpath = dirpath.replace("\\", "/")
            if (dirpath.rstrip("/") + "/").count("/") - root.count("/") > MAX_RUN_DEPTH:
                dirnames[:] = []
                continue
            dirnames.sort()
            if posixpath.basename(dirpath) != "plugins":
                continue
            dirnames[:] = []
            run = posixpath.dirname(dirpath)[len(root):] or "."
            try:
                schema.check_run_path(run)
            except ValueError:
                continue
            for step, state in self._steps(run):
                if state == "complete":
                    complete.setdefault(run, []).append(step)
                else:
                    incomplete.append(Incomplete(run, step, state == "started"))
        return Scan({run: sorted(steps) for run, steps in sorted(complete.items())},
                    tuple(incomplete))

    def _steps(self, run: str) -> list[tuple[int, str]]:
        """``(step, "complete" | "started" | "unknown")`` of the analysis folders of ``run``
        (started: the job recorded its inputs)."""
        root = f"{self.run_dir(run)}/plugins/{schema.PLUGIN_NAME}"
        out = []
        for name in self.source.listdir(root):
            if not (name.isdigit() and len(name) <= 16 and int(name) < schema.MAX_STEP):
                continue
            folder = f"{root}/{name}"
            names = set(self.source.listdir(folder))
            state = ("complete" if schema.MANIFEST_FILE in names else
                     "started" if schema.INPUTS_FILE in names else "unknown")
            out.append((int(name), state))
        return sorted(out)

    def runs(self) -> list[str]:
        """Runs that hold at least one complete analysis."""
        return list(self.scan().complete)

    def steps(self, run: str) -> list[int]:
        """Steps of ``run`` with a complete analysis (manifest written), ascending."""
        return [step for step, state in self._steps(run) if state == "complete"]

    def list_analyses(self) -> tuple[dict, list]:
        """``(runs {run: [steps]}, problems [{run, step, message}])``: every analysis folder of
        the logdir; a step is listed when its manifest reads, a problem for every other one
        (incomplete, corrupt, another store version) and for an unreadable logdir."""
        try:
            scan = self.scan()
        except (OSError, ValueError) as e:  # e.g. s3:// without s3fs, or no permission
            return {}, [{"run": ".", "step": None, "message": f"cannot read the logdir: {e}"}]
        runs, problems = {}, []
        for run, steps in scan.complete.items():
            for step in steps:
                try:
                    self.analysis(run, step)
                except StoreError as e:
                    problems.append({"run": run, "step": step, "message": _strip(str(e), run,
                                                                                step)})
                else:
                    runs.setdefault(run, []).append(step)
        problems += [{"run": i.run, "step": i.step, "message": i.message}
                     for i in scan.incomplete]
        return runs, problems

    def analysis(self, run: str, step: int) -> Analysis:
        """The analysis of ``run`` at ``step``, its manifest read and checked (read again only
        when the manifest file changes). :class:`StoreError` when there is none, or it is
        incomplete, corrupt or of another store version."""
        try:
            schema.check_run_path(run)
            step = schema.check_step(step)
        except ValueError as e:
            raise NotAnalysedError(str(e)) from e
        step_dir = self.step_dir(run, step)
        path = f"{step_dir}/{schema.MANIFEST_FILE}"
        try:
            sig = self._signature(run, step, path)
        except (FileNotFoundError, NotADirectoryError) as e:
            if self.source.isdir(step_dir):
                names = set(self.source.listdir(step_dir))
                state = Incomplete(run, step, schema.INPUTS_FILE in names)
                raise NotAnalysedError(f"run {run!r} step {step}: {state.message}") from e
            steps = self.steps(run) if self.source.isdir(self.run_dir(run)) else []
            if steps:
                raise NotAnalysedError(f"run {run!r} has no analysis at step {step} "
                                       f"(steps: {steps})") from e
            raise NotAnalysedError(f"no RL Clarity analysis in run {run!r}") from e
        except OSError as e:
            raise StoreError(f"run {run!r} step {step}: cannot read {schema.MANIFEST_FILE}: "
                             f"{e.strerror or e}") from e
        key = (run, step, *sig)
        with self._lock:
            hit = self._analyses.get((run, step))
        if hit is not None and hit[0] == key:
            if isinstance(hit[1], str):  # the manifest is unreadable: say so again
                raise (StoreVersionError if hit[2] else StoreError)(hit[1])
            return hit[1]
        try:
            manifest = self.manifest(run, step)
        except StoreError as e:
            with self._lock:
                self._analyses[(run, step)] = (key, str(e), isinstance(e, StoreVersionError))
            raise
        found = Analysis(run, step, step_dir, manifest, key, self.source, self.cache,
                         run_dir=self.run_dir(run))
        with self._lock:
            self._analyses[(run, step)] = (key, found)
        return found

    def _signature(self, run: str, step: int, path: str) -> tuple:
        if self.signature_ttl <= 0:
            return self.source.signature(path)
        now = time.monotonic()
        with self._lock:
            hit = self._signatures.get((run, step))
        if hit and now - hit[0] < self.signature_ttl:
            return hit[1]
        sig = self.source.signature(path)
        with self._lock:
            self._signatures[(run, step)] = (now, sig)
        return sig

    # -- assets ------------------------------------------------------------------------------

    def asset_bytes(self, run: str, step: int, rel: str) -> bytes:
        """The raw bytes of one part (no manifest needed: the manifest itself is one)."""
        return read_part(self.source, self.step_dir(run, step), run, step, rel)

    def json(self, run: str, step: int, rel: str):
        return decode_json_part(self.asset_bytes(run, step, rel), run, step, rel)

    def manifest(self, run: str, step: int) -> schema.Manifest:
        """The typed manifest (:class:`StoreVersionError` for a store version this rl-clarity
        does not read, :class:`StoreError` for a corrupt one)."""
        where = f"the analysis of run {run!r} at step {step}"
        try:
            manifest = schema.Manifest.from_json(self.json(run, step, schema.MANIFEST_FILE),
                                                 where)
        except (StoreVersionError, CorruptPartError):
            raise
        except StoreError as e:
            raise CorruptPartError(run, step, schema.MANIFEST_FILE,
                                   str(e).removeprefix(f"{where}: ")) from e
        if manifest.run != run and run != ".":  # a copied run folder keeps its old name inside
            manifest = dataclasses.replace(manifest, run=run)
        return manifest

    def array(self, run: str, step: int, rel: str, dtype, shape) -> np.ndarray:
        """A gzip-compressed raw array asset."""
        try:
            return codec.decode_array_gz(self.asset_bytes(run, step, rel), dtype, shape, rel)
        except codec.CodecError as e:
            raise StoreError(f"run {run!r} step {step}: {e}") from e

    # -- decoded parts: shorthands for ``analysis(run, step).PART(...)`` ----------------------

    def unit(self, run: str, step: int, layer: str, traj: int, output: str
             ) -> schema.AttributionUnit:
        return self.analysis(run, step).unit(layer, traj, output)

    def attribution(self, run: str, step: int, layer: str, traj: int, output: str) -> tuple:
        """``(maps float32 (T, h, w, C), unit)``: NMF channels + residual (hidden layers) or
        the input gradients, decoded."""
        a = self.analysis(run, step)
        return a.maps(layer, traj, output), a.unit(layer, traj, output)

    def components(self, run: str, step: int, layer: str) -> np.ndarray:
        """The fitted NMF components ``(K, C)`` of ``layer`` (float64)."""
        return self.analysis(run, step).components(layer)

    def frames(self, run: str, step: int, traj: int) -> np.ndarray:
        """The RGB frames ``(T, H, W, 3)`` of trajectory ``traj``."""
        return self.analysis(run, step).frames(traj)

    def observations(self, run: str, step: int) -> np.ndarray:
        """The sampled observations as stored, RGB ``(N, H, W, 3)``."""
        return self.analysis(run, step).observation_pictures()

    def series(self, run: str, step: int) -> dict[str, np.ndarray]:
        """Name -> per-frame series of the analysis (``SERIES``: ``(E, T)``, logits
        ``(E, T, A)``), read from the one event file its manifest names."""
        return self.analysis(run, step).series()


def _strip(message: str, run: str, step: int) -> str:
    """A problem's message without the ``run 'R' step S: `` its entry already names."""
    prefix = f"run {run!r} step {step}: "
    return message[len(prefix):] if message.startswith(prefix) else message
