"""The MLflow side of :class:`~mlflow_hooks.hook.CheckpointAnalyzer`, run as a child process:

    python -m mlflow_hooks.mlflow_child SPEC.json RESULT.json

It logs analysed steps (already in the TensorBoard logdir) to one MLflow run, each part on its
own (one failing loses no other), and writes what it logged, what failed and what it could not
try as JSON. MLflow's own retry and timeout settings (``MLFLOW_HTTP_REQUEST_MAX_RETRIES``,
``MLFLOW_HTTP_REQUEST_TIMEOUT``, ``MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR`` ...) come from the
environment the hook gives this process, so they bound every request whatever the tracking URI
is (an HTTP server, a sqlite file, a folder). The first error that says the tracking store cannot
be reached stops the child: the parts not tried yet are reported as pending with that reason, and
the hook retries them later.

SPEC: ``{"tracking_uri", "run_id", "logdir", "run", "probe_set", "key_frames", "params": bool,
"steps": [{"step", "ts" (ms), "done": [item, ...], "html": path or null}]}``.
RESULT: ``{"params": "done" | "pending" | {"failed": reason}, "steps": {step: {"done": [item],
"failed": {item: reason}, "pending": [item]}}, "unreachable": reason or null}``. Items are
``metrics``, ``image <key>`` and ``html``; ``read`` fails when the analysis cannot be read.
"""

from __future__ import annotations

import json
import os
import sys
import time

from mlflow_hooks.reasons import exception_reason, is_unreachable

CONFIG_ARTIFACT = "rl_clarity_config.json"


def key_params(manifest) -> dict:
    """The few params an MLflow run shows for its analyses: the layers, the NMF features and
    the probe set's sizes, all short. MLflow's image cards list a run's params (``key=value``,
    one unbreakable token each) above every logged image, and a long list or a long token (a
    path) pushes the image out of its card; the whole configuration goes to one JSON artifact
    (:data:`CONFIG_ARTIFACT`) and where the analyses are to :func:`locator_tags`."""
    config = manifest.inputs.get("config", {}) or {}
    probe = config.get("probe", {}) or {}
    params = {
        "rl_clarity.layers": ",".join(layer.name for layer in manifest.layers),
        "rl_clarity.nmf.features": str((config.get("nmf") or {}).get("features", "")),
    }
    if probe:
        params["rl_clarity.probe"] = (
            f"traj {probe.get('traj_envs')}x{probe.get('traj_steps')}, obs "
            f"{probe.get('obs_envs')}x{probe.get('obs_per_env')} every {probe.get('obs_every')}")
    return params


def locator_tags(spec) -> dict:
    """Where the analyses are (the logdir, the run in it, the probe set): run tags, which
    MLflow's image cards do not list (paths are long); read back by
    :func:`mlflow_hooks.compare.list_analysed_checkpoints`."""
    return {"rl_clarity.logdir": spec["logdir"], "rl_clarity.run": spec["run"],
            "rl_clarity.probe_set": spec.get("probe_set") or ""}


def full_config(manifest, spec) -> dict:
    """The JSON artifact: the analysis configuration as the job recorded it, and where the
    analyses are."""
    return {"config": manifest.inputs.get("config", {}), "logdir": spec["logdir"],
            "run": spec["run"], "probe_set": spec.get("probe_set"),
            "env": getattr(manifest, "env", None)}


def metrics_of(analysis) -> dict:
    """Means of the per-frame series, the IG completeness and NMF errors of the manifest."""
    import numpy as np

    manifest, series = analysis.manifest, analysis.series()
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
    return values


def images_of(analysis, key_frames: int) -> dict:
    """{image key: function returning the image as an array}: each layer's feature thumbnails
    and a few bookmarked frames."""
    from rlclarity_plugin.store import codec

    manifest = analysis.manifest
    images = {}
    for layer in manifest.layers:
        if layer.features:
            images[f"rl_clarity/thumbnails/{layer.name}"] = (
                lambda name=layer.name: codec.decode_image(analysis.thumbnails_picture(name),
                                                           "RGBA"))
    marks = [("low", t, f) for t, f in manifest.bookmarks.low]
    marks += [("high", t, f) for t, f in manifest.bookmarks.high]
    marks = sorted(marks, key=lambda m: (m[0], m[1], m[2]))
    for kind, t, f in (marks[:1] + marks[-1:] + marks[1:-1])[:key_frames]:
        images[f"rl_clarity/bookmark_{kind}/traj{t}_frame{f}"] = (
            lambda t=t, f=f: analysis.frames(t)[f])
    return images


def params_already_logged(client, run_id, params: dict) -> bool:
    """Whether the run has every one of ``params`` with the same value. MLflow refuses to log a
    param twice only when the value changes, but two requests with the same params at once (a
    request that timed out on the client, sent again while the server still commits the first)
    make the second fail on the store's unique key: the params are logged all the same."""
    try:
        logged = client.get_run(run_id).data.params
    except Exception:
        return False
    return all(logged.get(k) == v for k, v in params.items())


def log_steps(spec: dict) -> dict:
    """Log what ``spec`` asks for; never raises for an MLflow or store error (see the module
    docstring for both shapes)."""
    from mlflow.entities import Metric, Param, RunTag
    from mlflow.tracking import MlflowClient
    from PIL import Image

    from rlclarity_plugin.store.reader import LogdirReader

    client = MlflowClient(tracking_uri=spec.get("tracking_uri"))
    rid = spec["run_id"]
    result = {"params": "pending" if spec.get("params") else "done", "steps": {},
              "unreachable": None}

    def attempt(outcome, item, fn) -> None:
        if result["unreachable"]:
            outcome["pending"].append(item)
            return
        try:
            fn()
            outcome["done"].append(item)
        except Exception as e:
            reason = exception_reason(e)
            if is_unreachable(e):
                result["unreachable"] = reason
                outcome["pending"].append(item)
            else:
                outcome["failed"][item] = reason

    reader = LogdirReader(spec["logdir"])
    for entry in spec["steps"]:
        step, done = int(entry["step"]), set(entry.get("done", ()))
        outcome = {"done": [], "failed": {}, "pending": []}
        result["steps"][str(step)] = outcome
        try:  # the store's read API, as the tab and the export read it
            analysis = reader.analysis(spec["run"], step)
        except Exception as e:
            outcome["failed"]["read"] = exception_reason(e)
            continue
        manifest = analysis.manifest
        if result["params"] == "pending":
            params_outcome = {"done": [], "failed": {}, "pending": []}

            def log_params(manifest=manifest):
                params = {k: v[:6000] for k, v in key_params(manifest).items()}
                tags = [RunTag(k, v) for k, v in locator_tags(spec).items()]
                try:
                    client.log_batch(rid, params=[Param(k, v) for k, v in params.items()],
                                     tags=tags)
                except Exception as e:
                    if is_unreachable(e) or not params_already_logged(client, rid, params):
                        raise
                    # the store has them: a request it committed was sent again (MLflow's own
                    # retry after a timeout) and lost the race for the same rows
                    client.log_batch(rid, tags=tags)
                client.log_dict(rid, full_config(manifest, spec), CONFIG_ARTIFACT)

            attempt(params_outcome, "params", log_params)
            result["params"] = ("done" if params_outcome["done"] else "pending"
                                if params_outcome["pending"]
                                else {"failed": params_outcome["failed"]["params"]})
        if "metrics" not in done:
            ts = int(entry.get("ts") or time.time() * 1000)
            attempt(outcome, "metrics", lambda a=analysis, ts=ts, step=step: client.log_batch(
                rid, metrics=[Metric(k, float(v), ts, step) for k, v in metrics_of(a).items()]))
        try:
            images = images_of(analysis, int(spec.get("key_frames", 4)))
        except Exception as e:
            outcome["failed"]["images"] = exception_reason(e)
            images = {}
        for key, picture in images.items():
            item = f"image {key}"
            if item not in done:
                attempt(outcome, item, lambda key=key, picture=picture, step=step:
                        client.log_image(rid, Image.fromarray(picture()), key=key, step=step))
        if entry.get("html") and "html" not in done:
            attempt(outcome, "html", lambda path=entry["html"]: client.log_artifact(
                rid, path, artifact_path="rl_clarity"))
    return result


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    spec_path, result_path = argv
    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    result = log_steps(spec)
    tmp = result_path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(result, f)
    os.replace(tmp, result_path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
