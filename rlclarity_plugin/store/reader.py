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

import numpy as np

from . import codec, files, schema
from .schema import StoreError, StoreVersionError

__all__ = ["Incomplete", "LogdirReader", "Scan", "StoreError", "StoreVersionError"]

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
    """Analyses under ``logdir``: listing, manifests, assets, units, series."""

    def __init__(self, logdir: str):
        files.check_usable(logdir)
        self.logdir = files.normalize(logdir)

    # -- listing -----------------------------------------------------------------------------

    def run_dir(self, run: str) -> str:
        return schema.run_path(self.logdir, run)

    def step_dir(self, run: str, step: int) -> str:
        return schema.asset_dir(self.run_dir(run), schema.check_step(step))

    def scan(self) -> Scan:
        """Every analysis folder under the logdir (runs nested up to ``MAX_RUN_DEPTH``)."""
        complete, incomplete = {}, []
        if not files.isdir(self.logdir):
            return Scan({}, ())
        root = self.logdir.replace("\\", "/").rstrip("/") + "/"
        for dirpath, dirnames, _ in files.walk(self.logdir):
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
        for name in files.listdir(root):
            if not (name.isdigit() and len(name) <= 16 and int(name) < schema.MAX_STEP):
                continue
            folder = f"{root}/{name}"
            names = set(files.listdir(folder))
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

    # -- assets ------------------------------------------------------------------------------

    def asset_path(self, run: str, step: int, rel: str) -> str:
        norm = posixpath.normpath(rel)
        if rel.startswith("/") or norm.startswith("..") or "\\" in rel or norm != rel:
            raise StoreError(f"bad asset path {rel!r}")
        return f"{self.step_dir(run, step)}/{norm}"

    def asset_bytes(self, run: str, step: int, rel: str) -> bytes:
        path = self.asset_path(run, step, rel)
        try:
            return files.read(path)
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError) as e:
            raise StoreError(f"run {run!r} step {step}: {rel} is missing (analysis "
                             "incomplete, or files deleted?)") from e
        except OSError as e:
            raise StoreError(f"run {run!r} step {step}: cannot read {rel}: "
                             f"{e.strerror or e}") from e

    def json(self, run: str, step: int, rel: str):
        try:
            return codec.decode_json(self.asset_bytes(run, step, rel), "it")
        except codec.CodecError as e:
            raise StoreError(f"run {run!r} step {step}: corrupt {rel}: {e}") from e

    def manifest(self, run: str, step: int) -> schema.Manifest:
        """The typed manifest (:class:`StoreVersionError` for a store version this rl-clarity
        does not read, :class:`StoreError` for a corrupt one)."""
        where = f"the analysis of run {run!r} at step {step}"
        manifest = schema.Manifest.from_json(self.json(run, step, schema.MANIFEST_FILE), where)
        if manifest.run != run and run != ".":  # a copied run folder keeps its old name inside
            manifest = dataclasses.replace(manifest, run=run)
        return manifest

    def array(self, run: str, step: int, rel: str, dtype, shape) -> np.ndarray:
        """A gzip-compressed raw array asset."""
        try:
            return codec.decode_array_gz(self.asset_bytes(run, step, rel), dtype, shape, rel)
        except codec.CodecError as e:
            raise StoreError(f"run {run!r} step {step}: {e}") from e

    def image(self, run: str, step: int, rel: str, mode: str = "RGB") -> np.ndarray:
        try:
            return codec.decode_image(self.asset_bytes(run, step, rel), mode, rel)
        except codec.CodecError as e:
            raise StoreError(f"run {run!r} step {step}: {e}") from e

    def unit(self, run: str, step: int, layer: str, traj: int, output: str
             ) -> schema.AttributionUnit:
        rel = schema.attribution_unit_asset(layer, traj, output)
        return schema.AttributionUnit.from_json(self.json(run, step, rel),
                                                f"run {run!r} step {step}: {rel}")

    def attribution(self, run: str, step: int, layer: str, traj: int, output: str) -> tuple:
        """``(maps float32 (T, h, w, C), unit)``: NMF channels + residual (hidden layers) or
        the input gradients, decoded."""
        unit = self.unit(run, step, layer, traj, output)
        rel = schema.attribution_asset(layer, traj, output)
        try:
            maps = codec.decode_maps(self.asset_bytes(run, step, rel), unit.shape, unit.steps,
                                     rel)
        except codec.CodecError as e:
            raise StoreError(f"run {run!r} step {step}: {e}") from e
        return maps, unit

    def components(self, run: str, step: int, layer: str) -> np.ndarray:
        """The fitted NMF components ``(K, C)`` of ``layer`` (float64)."""
        rel = schema.nmf_asset(layer)
        try:
            comps = np.asarray(self.json(run, step, rel)["components"], np.float64)
        except (KeyError, TypeError, ValueError) as e:
            raise StoreError(f"run {run!r} step {step}: {rel} holds no components") from e
        if comps.ndim != 2:
            raise StoreError(f"run {run!r} step {step}: {rel} components are not a matrix")
        return comps

    def frames(self, run: str, step: int, traj: int, manifest: schema.Manifest | None = None
               ) -> np.ndarray:
        """The RGB frames ``(T, H, W, 3)`` of trajectory ``traj`` (cut from its sprite sheet)."""
        m = manifest or self.manifest(run, step)
        sheet = self.image(run, step, schema.frames_asset(traj))
        try:
            return codec.split_sprite_sheet(sheet, m.probe_set.steps,
                                            m.probe_set.observation_shape[:2],
                                            m.assets.frame_columns)
        except codec.CodecError as e:
            raise StoreError(f"run {run!r} step {step}: {e}") from e

    def observations(self, run: str, step: int, manifest: schema.Manifest | None = None
                     ) -> np.ndarray:
        """The sampled observations as stored, RGB ``(N, H, W, 3)`` (cut from the sheets)."""
        m = manifest or self.manifest(run, step)
        n, per = m.probe_set.observations, m.assets.sheet_size
        out = []
        for sheet in range(-(-n // per)):
            count = min(per, n - sheet * per)
            image = self.image(run, step, schema.observation_sheet_asset(sheet))
            try:
                out.append(codec.split_sprite_sheet(image, count,
                                                    m.probe_set.observation_shape[:2],
                                                    m.assets.sheet_columns))
            except codec.CodecError as e:
                raise StoreError(f"run {run!r} step {step}: {e}") from e
        return np.concatenate(out)

    # -- series --------------------------------------------------------------------------------

    def series(self, run: str, step: int, manifest: schema.Manifest | None = None
               ) -> dict[str, np.ndarray]:
        """Name -> per-frame series of the analysis (``SERIES``: ``(E, T)``, logits
        ``(E, T, A)``), read from the one event file its manifest names."""
        from tensorboard.compat.proto import event_pb2
        from tensorboard.util import tensor_util

        m = manifest or self.manifest(run, step)
        path = files.join(self.run_dir(run), m.event_file)
        wanted = {schema.series_tag(name): name for name in schema.SERIES}
        out = {}
        try:
            with files.open_read(path) as f:
                for record in codec.decode_records(f, m.event_file):
                    event = event_pb2.Event.FromString(record)
                    if event.step != m.step or not event.HasField("summary"):
                        continue
                    for value in event.summary.value:
                        if value.tag in wanted and \
                                value.metadata.plugin_data.plugin_name == schema.PLUGIN_NAME:
                            out[wanted[value.tag]] = tensor_util.make_ndarray(value.tensor)
        except FileNotFoundError as e:
            raise StoreError(f"run {run!r} step {step}: its event file {m.event_file} is "
                             "missing (deleted or moved? re-run the analysis)") from e
        except OSError as e:
            raise StoreError(f"run {run!r} step {step}: cannot read {m.event_file}: "
                             f"{e.strerror or e}") from e
        except (codec.CodecError, ValueError) as e:  # protobuf DecodeError is a ValueError
            raise StoreError(f"run {run!r} step {step}: {e}") from e
        E, T, A = m.probe_set.trajectories, m.probe_set.steps, len(m.action_combos)
        for name in schema.SERIES:
            shape = (E, T, A) if name == "logits" else (E, T)
            if name not in out:
                raise StoreError(f"run {run!r} step {step}: series {name!r} is missing from "
                                 f"{m.event_file}")
            if out[name].shape != shape:
                raise StoreError(f"run {run!r} step {step}: series {name!r} has shape "
                                 f"{out[name].shape}, expected {shape}")
        return out
