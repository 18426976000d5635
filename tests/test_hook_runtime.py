"""The hook's runtime on its own: the MLflow side against any tracking URI (a sqlite file with no
server, a dead server) on a synthetic store (no analysis job: seconds), and child processes
stopped with everything they started (``mpiexec -n 2``: no rank survives a timeout or close)."""

import json
import os
import time

import pytest

from tests.support.tb import free_port

mlflow = pytest.importorskip("mlflow")


def test_mlflow_side_on_a_sqlite_uri_and_on_a_dead_server(analysed_logdir, tmp_path):
    """Analyses already in the logdir (``log_step``) logged to a sqlite tracking URI with no
    server: a few key params, the whole configuration as one JSON artifact, the metrics, images
    and HTML export at the steps. The same against a server nobody answers at: close returns
    within MLflow's own (scaled-down) retry settings and reports what was not logged and why."""
    from mlflow.tracking import MlflowClient

    from mlflow_hooks import CheckpointAnalyzer
    from rlclarity_plugin.store.reader import LogdirReader

    uri = f"sqlite:///{tmp_path}/mlflow.db"
    client = MlflowClient(uri)
    exp = client.create_experiment("hook", artifact_location=(tmp_path / "art").as_uri())
    rid = client.create_run(exp, run_name="synthetic").info.run_id
    hook = CheckpointAnalyzer(analysed_logdir, "agentA", mlflow_run_id=rid, tracking_uri=uri)
    assert hook.log_step(1000) and hook.log_step(2000)
    report = hook.close(timeout=600)
    assert report.failures == [] and report.logged == [1000, 2000], report
    data = client.get_run(rid).data
    assert sorted(data.params) == ["rl_clarity.layers", "rl_clarity.nmf.features",
                                   "rl_clarity.probe"]  # was 35 params, 1,347 characters
    assert sum(len(k) + len(v) for k, v in data.params.items()) < 120
    manifest = LogdirReader(analysed_logdir).manifest("agentA", 1000)
    assert data.params["rl_clarity.layers"] == ",".join(layer.name for layer in manifest.layers)
    assert data.tags["rl_clarity.logdir"] == analysed_logdir
    assert data.tags["rl_clarity.run"] == "agentA"
    config = json.load(open(client.download_artifacts(rid, "rl_clarity_config.json",
                                                      str(tmp_path)), encoding="utf-8"))
    assert config["config"] == manifest.inputs["config"] and config["run"] == "agentA"
    for name in ("rl_clarity/value_mean", "rl_clarity/ig_completeness_median"):
        assert [m.step for m in client.get_metric_history(rid, name)] == [1000, 2000]
    assert {f.path for f in client.list_artifacts(rid, "rl_clarity")} == {
        "rl_clarity/rl_clarity_step_1000.html", "rl_clarity/rl_clarity_step_2000.html"}
    assert any("thumbnails" in f.path for f in client.list_artifacts(rid, "images"))

    # nobody answers at this port: MLflow's own retries (scaled down), then one last try at close
    dead = CheckpointAnalyzer(analysed_logdir, "agentA", mlflow_run_id=rid, export=False,
                              tracking_uri=f"http://127.0.0.1:{free_port()}",
                              mlflow_catch_up=0, mlflow_retry_interval=1,
                              mlflow_env={"MLFLOW_HTTP_REQUEST_MAX_RETRIES": "1",
                                          "MLFLOW_HTTP_REQUEST_TIMEOUT": "2"})
    t0 = time.perf_counter()
    assert dead.log_step(1000)
    report = dead.close(timeout=120)
    print(f"dead server: closed in {time.perf_counter() - t0:.1f} s; {report.summary()}")
    assert time.perf_counter() - t0 < 60 and report.logged == []
    stages = {(step, stage) for step, stage, _ in report.failures}
    assert stages == {(1000, "mlflow"), (1000, "mlflow params")}, report.failures
    for _, _, reason in report.failures:
        assert "\n" not in reason and "Connection refused" in reason, reason
    assert "not logged to MLflow (metrics, images): " in str(report.failures)


def test_params_a_retried_request_logged_count_as_logged(analysed_logdir, tmp_path,
                                                          monkeypatch):
    """MLflow's client sends a request again when it timed out; when the server was still
    committing the first (a store just restarted, a slow machine), the second fails on the
    params' unique key (CI, stop 26: ``sqlite3.IntegrityError``) although the params are logged.
    The fault is injected (the race cannot be caused at will): the real store logs the batch,
    then the client gets the error the raced request got. The params count as logged and the
    tags and configuration still go in; a param logged before with another value still fails."""
    from mlflow.exceptions import MlflowException
    from mlflow.tracking import MlflowClient

    from mlflow_hooks.mlflow_child import log_steps

    uri = f"sqlite:///{tmp_path}/mlflow.db"
    client = MlflowClient(uri)
    exp = client.create_experiment("race", artifact_location=(tmp_path / "art").as_uri())
    real = MlflowClient.log_batch

    def raced(self, run_id, metrics=(), params=(), tags=(), **kw):
        real(self, run_id, metrics=metrics, params=params, tags=tags, **kw)
        if params:
            raise MlflowException(
                "(sqlite3.IntegrityError) UNIQUE constraint failed: params.key, "
                "params.run_uuid [SQL: INSERT INTO params (\"key\", value, run_uuid) VALUES "
                "(?, ?, ?)]", error_code="BAD_REQUEST")

    monkeypatch.setattr(MlflowClient, "log_batch", raced)

    def spec(rid):
        return {"tracking_uri": uri, "run_id": rid, "logdir": analysed_logdir, "run": "agentA",
                "probe_set": "p.npz", "key_frames": 1, "params": True,
                "steps": [{"step": 1000, "ts": 1, "done": [], "html": None}]}

    rid = client.create_run(exp).info.run_id
    result = log_steps(spec(rid))
    assert result["params"] == "done", result
    data = client.get_run(rid).data
    assert sorted(data.params) == ["rl_clarity.layers", "rl_clarity.nmf.features",
                                   "rl_clarity.probe"]
    assert data.tags["rl_clarity.run"] == "agentA" and data.tags["rl_clarity.probe_set"] == "p.npz"
    assert "rl_clarity_config.json" in {f.path for f in client.list_artifacts(rid)}
    assert result["steps"]["1000"]["failed"] == {} and "metrics" in result["steps"]["1000"]["done"]

    monkeypatch.setattr(MlflowClient, "log_batch", real)
    other = client.create_run(exp).info.run_id
    client.log_param(other, "rl_clarity.nmf.features", "99")  # another analysis's value
    result = log_steps(spec(other))
    assert "failed" in result["params"] and "99" in result["params"]["failed"], result
    assert client.get_run(other).data.params == {"rl_clarity.nmf.features": "99"}


def test_failure_reasons_are_the_real_error_on_one_line():
    """A child's output: library warnings and notices, then the CLI's one-line error (or a
    traceback): the reason is that line from its start, not the output's last characters."""
    from mlflow_hooks.reasons import output_reason

    noise = ("I0000 00:00:1796101978.253970 25333 port.cc:153] oneDNN custom operations are "
             "on.\n/x/site-packages/gym/__init__.py:1: UserWarning: Gym has been unmaintained"
             "\n  warnings.warn(\n")
    error = ("rl-clarity analyze: error: /logs/run: [Errno 30] Read-only file system (the file "
             "system is read-only: write elsewhere)")
    assert output_reason(noise + error + "\n") == error
    mpi = ("rl-clarity analyze: rank 1 of 2 failed: ValueError: x\n" + error + "\n"
           "=====\n=   BAD TERMINATION OF ONE OF YOUR APPLICATION PROCESSES\n")
    assert output_reason(noise + mpi) == error
    # under mpiexec the failing rank's line, then MPICH's abort notice
    ranked = "rl-clarity analyze: rank 0 of 2 failed: error: no probe set at '/x.npz'"
    assert output_reason(noise + ranked + "\nAbort(1) on node 0 (rank 0 in comm 0): "
                         "application called MPI_Abort(MPI_COMM_WORLD, 1) - process 0\n") == ranked
    assert output_reason(noise + "Traceback (most recent call last):\n  File \"x\", line 1\n"
                         "OSError: [Errno 28] No space left on device\n") == \
        "OSError: [Errno 28] No space left on device"


def _processes_under(logdir):
    """{pid: cmdline} of the processes running ``rl-clarity analyze --logdir LOGDIR`` (mpiexec
    and its ranks) and the Hydra proxies under them."""
    procs = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            cmd = open(f"/proc/{name}/cmdline", "rb").read().replace(b"\0", b" ").decode()
            stat = open(f"/proc/{name}/stat").read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if stat[0] != "Z":
            procs[int(name)] = (int(stat[1]), cmd)
    ours = {pid for pid, (_, cmd) in procs.items() if logdir in cmd}
    ours |= {pid for pid, (ppid, cmd) in procs.items() if ppid in ours and "hydra" in cmd}
    return {pid: procs[pid][1] for pid in ours}


def _wait_for_ranks(logdir, ranks=2, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = _processes_under(logdir)
        if sum("rlclarity_plugin.cli analyze" in c and "mpiexec" not in c
               for c in found.values()) >= ranks:
            return found
        time.sleep(0.05)
    raise AssertionError(f"no {ranks} ranks of {logdir} in /proc: {_processes_under(logdir)}")


def _gone(pids, timeout=10):
    deadline = time.monotonic() + timeout
    left = pids
    while time.monotonic() < deadline:
        left = {pid for pid in pids if os.path.exists(f"/proc/{pid}") and
                open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0] != "Z"}
        if not left:
            return set()
        time.sleep(0.05)
    return left


def test_no_mpi_rank_survives_a_timeout_or_close(tmp_path):
    """``mpiexec -n 2``: MPICH's Hydra puts its proxy and each rank in a session of their own.
    A timed-out analysis and one still running at close are stopped with every process under
    them (SIGTERM, then SIGKILL): none is left in /proc."""
    import rlclarity_plugin
    from mlflow_hooks import CheckpointAnalyzer

    ckpt = os.path.join(os.path.dirname(rlclarity_plugin.__file__), "demo_agents", "coinrun")
    logdir = str(tmp_path / "tb")
    hook = CheckpointAnalyzer(logdir, "mpi", mpi_ranks=2, timeout=2, export=False)
    # no probe set to collect first; the ranks stop long before they would find it missing
    hook.probe_set = str(tmp_path / "probe_set.npz")
    assert hook.submit(ckpt, 1)
    running = _wait_for_ranks(logdir)
    with pytest.raises(RuntimeError, match="did not end within 2 s"):
        hook.futures[1].result(timeout=120)
    assert _gone(set(running)) == set(), running

    hook.timeout = 600
    assert hook.submit(ckpt, 2)
    running = _wait_for_ranks(logdir)
    t0 = time.perf_counter()
    report = hook.close(timeout=0)
    assert time.perf_counter() - t0 < 15
    assert _gone(set(running)) == set(), running
    assert [(s, stage) for s, stage, _ in report.failures] == [(1, "analysis"), (2, "analysis")]
    assert "stopped at close" in report.failures[1][2] and report.analysed == []


# every option of `rl-clarity analyze` (but for the per-invocation ones: checkpoint, --logdir,
# --run, --step, --probe-set, --resume, --no-progress, --config), none at its default
EVERY_OPTION = [
    "--backend", "keras", "--device", "cpu", "--env-kind", "procgen", "--env", "coinrun",
    "--traj-envs", "2", "--traj-steps", "12", "--obs-envs", "2", "--obs-per-env", "3",
    "--obs-every", "3", "--greedy", "--seed", "5", "--env-option", "distribution_mode=easy",
    "--start-level", "7", "--num-levels", "3", "--full-resolution",
    "--layers", "2a", "2b", "--layer-kinds", "residual", "relu", "--no-bottleneck-only",
    "--discard-first-n", "1", "--include-input", "--integrate-steps", "3", "--ig-rule", "midpoint",
    "--memory-budget-mb", "256", "--attr-max-paths", "2", "--nmf-features", "2",
    "--nmf-max-rows", "5000", "--nmf-solver", "mu", "--nmf-init", "random", "--nmf-max-iter",
    "20", "--nmf-tol", "0.001", "--nmf-random-state", "3", "--subdiv-mults", "0.5", "1",
    "--expand-mults", "2", "--subdiv-default", "0.5", "--expand-default", "2",
    "--thumbnail-num-mult", "2", "--thumbnail-expand-mult", "2", "--attr-policy",
    "--bookmarks", "2", "--feature-vis", "synthetic", "--feature-vis-steps", "4",
    "--feature-vis-channels", "1", "--feature-vis-objectives", "map", "--feature-vis-lr", "0.1",
    "--feature-vis-seed", "2"]


def _leaves(data, prefix=""):
    """{dotted field name: value} of a configuration's JSON (a dict field is one value)."""
    if isinstance(data, dict) and not prefix.endswith("env_kwargs"):
        for key, value in data.items():
            yield from _leaves(value, f"{prefix}.{key}" if prefix else key)
    else:
        yield prefix, data


def test_every_analyze_option_through_the_hook(tmp_path):
    """Every option of ``rl-clarity analyze`` given to the hook (the deprecated option list,
    converted to an ``AnalyzeConfig`` when the hook is built) reaches the probe set and the
    analysis as JSON (``--config FILE``): ``--full-resolution`` included, the analysis records
    the very configuration, and a bad option is refused at once, by name."""
    import rlclarity_plugin
    from mlflow_hooks import CheckpointAnalyzer
    from rlclarity_plugin.analysis.config import AnalyzeConfig
    from rlclarity_plugin.store.reader import LogdirReader

    hook = CheckpointAnalyzer(str(tmp_path / "tb"), "every", analyze_args=EVERY_OPTION,
                              export=False)
    defaults = dict(_leaves(AnalyzeConfig().to_json()))
    given = dict(_leaves(hook.config.to_json()))
    assert given.keys() == defaults.keys()
    assert [k for k in given if given[k] == defaults[k]] == []  # every option given
    ckpt = os.path.join(os.path.dirname(rlclarity_plugin.__file__), "demo_agents", "coinrun")
    assert hook.submit(ckpt, 1)
    report = hook.close(timeout=900)
    assert report.failures == [] and report.analysed == [1], report.failures
    analysis = LogdirReader(str(tmp_path / "tb")).analysis("every", 1)
    assert analysis.manifest.inputs["config"] == hook.config.analysis.to_json()
    assert analysis.manifest.env["name"] == "coinrun"
    assert [layer.name for layer in analysis.manifest.layers][-1] == "2b"
    assert analysis.manifest.full_resolution  # the probe set was collected with them
    vis = [layer.feature_vis for layer in analysis.manifest.layers if layer.name != "input"]
    assert vis and [(v.objectives, v.features, v.channels, v.steps, v.seed) for v in vis] == [
        (("map",), 2, 1, 4, 2)] * len(vis)  # the synthetic pictures of each layer, as asked

    with pytest.raises(ValueError, match="--nmf-solver"):
        CheckpointAnalyzer(str(tmp_path / "tb"), "bad", analyze_args=["--nmf-solver", "x"])
    with pytest.raises(ValueError, match="--subdiv-mults"):
        CheckpointAnalyzer(str(tmp_path / "tb"), "bad", config=AnalyzeConfig(),
                           analyze_args=["--subdiv-mults", "0"])
    with pytest.raises(ValueError, match="--probe-set is the hook's to set"):
        CheckpointAnalyzer(str(tmp_path / "tb"), "bad", analyze_args=["--probe-set", "p.npz"])
    assert not (tmp_path / "tb" / "bad").exists()
