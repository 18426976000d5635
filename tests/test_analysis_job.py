"""The analysis job end to end on a tiny agent: store contents, exact decomposition,
byte-identical output across MPI rank counts, resume after a kill, clear errors."""

import hashlib
import os
import signal
import subprocess
import sys
import time

import numpy as np
import pytest

from rlclarity_plugin.agents.checkpoint import save_checkpoint
from rlclarity_plugin.agents.keras_backend import IntegratedGradients
from rlclarity_plugin.analysis.attribution import value_output
from rlclarity_plugin.store import schema
from rlclarity_plugin.store.reader import LogdirReader
from tests.support import store

TINY_ARGS = ["--traj-envs", "2", "--traj-steps", "12", "--obs-envs", "4", "--obs-per-env", "4",
             "--obs-every", "3", "--layers", "2b", "4a", "--nmf-features", "3",
             "--subdiv-mults", "0.5", "1", "--expand-mults", "2", "4", "--no-progress",
             "--seed", "1"]


@pytest.fixture(scope="module")
def ckpt(tmp_path_factory, clear_agent):
    path = tmp_path_factory.mktemp("agent") / "runs" / "agentA" / "checkpoints" / "ckpt-000001234"
    # the session's shared agent is left as it is (other modules' fixtures save it too)
    original = clear_agent.metadata
    clear_agent.metadata = original.replace(training_step=1234)
    try:
        return save_checkpoint(clear_agent, str(path))
    finally:
        clear_agent.metadata = original


def analyze(*args, mpi=0, timeout=600, **popen):
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    cmd = [sys.executable, "-m", "rlclarity_plugin.cli", "analyze", *args]
    if mpi:
        mpiexec = os.path.join(os.path.dirname(sys.executable), "mpiexec")
        cmd = [mpiexec, "-n", str(mpi), *cmd]
    if popen:
        return subprocess.Popen(cmd, env=env, **popen)
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)


def tree_digest(root):
    """sha256 of every file under ``root`` by relative path (temporary files would show up)."""
    out = {}
    for dirpath, _, files in os.walk(root):
        for name in files:
            path = os.path.join(dirpath, name)
            out[os.path.relpath(path, root)] = hashlib.sha256(open(path, "rb").read()).hexdigest()
    return out


def summary_digest(logdir, run, step):
    def raw(v):  # string tensors are object arrays: hash their bytes, not their pointers
        if v.dtype == object:
            return b"\0".join(bytes(x) for x in v.ravel())
        return f"{v.dtype.str}{v.shape}".encode() + np.ascontiguousarray(v).tobytes()

    return {tag: hashlib.sha256(raw(v)).hexdigest()
            for tag, v in store.event_series(logdir, run, step).items()}


@pytest.fixture(scope="module")
def serial_logdir(ckpt, tmp_path_factory):
    logdir = str(tmp_path_factory.mktemp("serial"))
    out = analyze(ckpt, "--logdir", logdir, *TINY_ARGS)
    assert out.returncode == 0, out.stderr
    assert "analysed agentA at step 1234 on 1 rank(s)" in out.stdout
    # one compiled IG function per (layer, outputs), reused for every trajectory
    assert "retracing" not in out.stderr.lower()
    return logdir


def test_store_contents(serial_logdir, clear_agent):
    reader = LogdirReader(serial_logdir)
    assert reader.runs() == ["agentA"] and reader.steps("agentA") == [1234]
    m = reader.manifest("agentA", 1234)
    assert m.schema_version == schema.SCHEMA_VERSION == 2
    assert [layer.name for layer in m.layers] == ["2b", "4a"]
    assert m.default_layer == "4a"
    assert m.probe_set.trajectories == 2 and m.probe_set.steps == 12
    assert len(m.action_combos) == 15 and m.agent["training_step"] == 1234
    # one event file, named by the manifest, holding the series and the analysis marker
    run_dir = os.path.join(serial_logdir, "agentA")
    assert [n for n in os.listdir(run_dir) if "tfevents" in n] == [m.event_file]
    summaries = store.event_series(serial_logdir, "agentA", 1234)
    assert sorted(summaries) == sorted([schema.series_tag(n) for n in schema.SERIES]
                                       + [schema.ANALYSIS_TAG])
    assert summaries[schema.series_tag("values")].shape == (2, 12)
    assert summaries[schema.series_tag("logits")].shape == (2, 12, 15)
    assert summaries[schema.ANALYSIS_TAG].item() == b"plugins/rl_clarity/1234"
    # each value once: totals and F(a) - F(0) in the unit, components in the NMF file
    unit = store.unit_json(serial_logdir, "agentA", 1234, "2b", 0, "v")
    assert np.asarray(unit["totals"]).shape == (12, 4) and len(unit["delta"]) == 12
    assert reader.components("agentA", 1234, "4a").shape == (3, 32)
    assert m.inputs["config"]["probe"]["seed"] == 1 and "completeness" not in unit
    for e in range(2):
        frames, unit = reader.attribution("agentA", 1234, "2b", e, "v")
        assert frames.shape == (12, 32, 32, 4)
        assert np.abs(frames).max() > 0
    grid = reader.array("agentA", 1234, schema.feature_grid_asset("2b", 0, 1.0, 4.0), np.int32,
                        (32, 32))
    assert 0 <= grid.min() and grid.max() < 16


def test_totals_decompose_the_attribution_exactly(serial_logdir, clear_agent):
    """Channel totals + residual equal the layer's total IG attribution (computed here)."""
    from rlclarity_plugin.envs.rollouts import ProbeSet

    reader = LogdirReader(serial_logdir)
    m = reader.manifest("agentA", 1234)
    probe = ProbeSet.load(os.path.join(serial_logdir, "agentA", m.probe_set.path))
    totals = np.asarray([store.unit_json(serial_logdir, "agentA", 1234, "2b", e, "v")["totals"]
                         for e in range(2)])
    encoder, head = clear_agent.network.cut("2b")
    frames = probe.trajectories["observations"][1]
    acts = encoder(frames).numpy()
    ig = IntegratedGradients(head, acts.shape[1:], 15, [value_output()],
                             __import__("rlclarity_plugin.analysis.attribution",
                                        fromlist=["x"]).AttributionConfig())
    total = ig(acts)[0].reshape(len(frames), -1).sum(1)
    np.testing.assert_allclose(totals[1].sum(-1), total, rtol=1e-5,
                               atol=1e-5 * np.abs(total).max())


def test_identical_across_rank_counts(serial_logdir, ckpt, tmp_path):
    logdir = str(tmp_path)
    out = analyze(ckpt, "--logdir", logdir, *TINY_ARGS, mpi=2)
    assert out.returncode == 0, out.stderr
    assert "on 2 rank(s)" in out.stdout
    step_dir = os.path.join("agentA", "plugins", "rl_clarity", "1234")
    # the bytes the job reports are the bytes of the store it wrote (each file counted once)
    on_disk = sum(os.path.getsize(os.path.join(d, f))
                  for d, _, names in os.walk(os.path.join(logdir, step_dir)) for f in names)
    assert f"({on_disk} bytes) written" in out.stdout
    a = tree_digest(os.path.join(serial_logdir, step_dir))
    b = tree_digest(os.path.join(logdir, step_dir))
    assert a.keys() == b.keys()
    differing = [k for k in a if a[k] != b[k]]
    details = {k: (open(os.path.join(serial_logdir, step_dir, k), "rb").read()[:3000],
                   open(os.path.join(logdir, step_dir, k), "rb").read()[:3000])
               for k in differing if k.endswith(".json")}
    assert differing == [], details
    assert summary_digest(serial_logdir, "agentA", 1234) == \
        summary_digest(logdir, "agentA", 1234)


def _kill_after_first_unit(ckpt, logdir, args):
    """Start the job, SIGKILL it once its first attribution unit is written."""
    step_dir = os.path.join(logdir, "agentA", "plugins", "rl_clarity", "1234")
    proc = analyze(ckpt, "--logdir", logdir, *args, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    unit_dir = os.path.join(step_dir, "attribution", "2b")
    deadline = time.time() + 300
    while time.time() < deadline and proc.poll() is None:
        if os.path.isdir(unit_dir) and any(f.endswith(".json") for f in os.listdir(unit_dir)):
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert not os.path.exists(os.path.join(step_dir, "manifest.json"))
    return step_dir


def test_resume_after_kill(serial_logdir, ckpt, tmp_path):
    logdir = str(tmp_path)
    step_dir = _kill_after_first_unit(ckpt, logdir, TINY_ARGS)
    before = {rel: os.stat(os.path.join(step_dir, rel)).st_mtime_ns
              for rel in tree_digest(step_dir) if rel.endswith(".json")
              and rel.startswith("attribution/")}
    assert before, "the job was killed before it finished any unit"
    # no partial unit: every unit description has its map beside it
    for rel in before:
        assert os.path.exists(os.path.join(step_dir, rel.replace(".json", ".bin.gz")))
    assert LogdirReader(logdir).runs() == []  # incomplete analyses are not offered

    out = analyze(ckpt, "--logdir", logdir, *TINY_ARGS)
    assert out.returncode == 0, out.stderr
    for rel, mtime in before.items():  # finished units were not redone
        assert os.stat(os.path.join(step_dir, rel)).st_mtime_ns == mtime
    final = tree_digest(step_dir)
    reference = tree_digest(os.path.join(serial_logdir, "agentA", "plugins", "rl_clarity",
                                         "1234"))
    assert final == reference


@pytest.mark.parametrize("extra,message", [
    (["--layers", "nope"], "no layer of the clear network fits"),
    (["--run", "../evil"], "run name '../evil' is not usable"),
    (["--probe-set", "/nonexistent.npz"], "no probe set at '/nonexistent.npz'"),
])
def test_bad_requests_fail_clearly(ckpt, tmp_path, extra, message):
    out = analyze(ckpt, "--logdir", str(tmp_path), *TINY_ARGS, *extra)
    assert out.returncode == 2
    assert message in out.stderr and "Traceback" not in out.stderr


def test_failing_rank_ends_the_job(tmp_path, ckpt):
    """A rank that raises makes mpiexec exit non-zero with a message naming it (no hang)."""
    out = analyze(ckpt, "--logdir", str(tmp_path), *TINY_ARGS, "--probe-set",
                  "/nonexistent.npz", mpi=2, timeout=180)
    assert out.returncode != 0
    # rank 0 reads the probe set: it names itself, once, and ends the others
    assert "rl-clarity analyze: rank 0 of 2 failed: error: no probe set at '/nonexistent.npz'" \
        in out.stderr.splitlines(), out.stderr[-2000:]
    assert out.stderr.count("no probe set") == 1, out.stderr[-2000:]


def test_killed_rank_ends_the_job(tmp_path, ckpt):
    """A rank killed by a signal: mpiexec ends every rank and exits non-zero, and the job names
    the dead rank by its number (MPICH's own report names a pid, not always the dead one's)."""
    args = ["--traj-envs", "4", "--traj-steps", "64", *TINY_ARGS[4:]]
    proc = analyze(ckpt, "--logdir", str(tmp_path), *args, mpi=2, stdout=subprocess.PIPE,
                   stderr=subprocess.STDOUT, text=True)
    rank1 = None
    deadline = time.time() + 120
    while rank1 is None and time.time() < deadline:
        for pid in subprocess.run(["pgrep", "-f", "rlclarity_plugin.cli analyze"],
                                  capture_output=True, text=True).stdout.split():
            try:
                environ = open(f"/proc/{pid}/environ", "rb").read().split(b"\0")
            except OSError:
                continue
            if b"PMI_RANK=1" in environ and str(tmp_path).encode() in open(
                    f"/proc/{pid}/cmdline", "rb").read():
                rank1 = int(pid)
        time.sleep(0.2)
    assert rank1 is not None
    step_dir = os.path.join(tmp_path, "agentA", "plugins", "rl_clarity", "1234")
    while not os.path.isdir(step_dir) and time.time() < deadline:  # started its work
        time.sleep(0.1)
    os.kill(rank1, signal.SIGKILL)
    output, _ = proc.communicate(timeout=120)
    assert proc.returncode != 0
    assert f"1=pid {rank1}" in output
    assert f"rank 1 of 2 (pid {rank1}) ended before the job finished" \
        in output, output[-2000:]
    assert not os.path.exists(os.path.join(step_dir, "manifest.json"))


def _with(args, option, value):
    args = list(args)
    args[args.index(option) + 1] = value
    return args


@pytest.mark.parametrize("option,value,field", [("--seed", "2", "config.probe.seed: 1 -> 2"),
                                                ("--nmf-features", "2",
                                                 "config.nmf.features: 3 -> 2")])
def test_resume_with_other_options_never_mixes(ckpt, tmp_path, option, value, field):
    """A killed job re-run with another option: its units are not reused; the store equals a
    clean run with the new options, file for file."""
    new = _with(TINY_ARGS, option, value)
    clean = str(tmp_path / "clean")
    assert analyze(ckpt, "--logdir", clean, *new).returncode == 0
    logdir = str(tmp_path / "resumed")
    step_dir = _kill_after_first_unit(ckpt, logdir, TINY_ARGS)
    out = analyze(ckpt, "--logdir", logdir, *new)
    assert out.returncode == 0, out.stderr
    assert "replacing the analysis" in out.stderr and field in out.stderr
    assert tree_digest(step_dir) == tree_digest(os.path.join(clean, "agentA", "plugins",
                                                             "rl_clarity", "1234"))
    # the run folder holds the new analysis' event file only
    events = sorted(n for n in os.listdir(os.path.join(logdir, "agentA")) if "tfevents" in n)
    assert events == sorted(n for n in os.listdir(os.path.join(clean, "agentA"))
                            if "tfevents" in n)
    assert store.series(logdir, "agentA", 1234)["values"].tolist() == \
        store.series(clean, "agentA", 1234)["values"].tolist()


def test_complete_analysis_with_other_options_is_replaced(serial_logdir, ckpt, tmp_path):
    import shutil

    logdir = str(tmp_path / "logs")
    shutil.copytree(serial_logdir, logdir)
    step_dir = os.path.join(logdir, "agentA", "plugins", "rl_clarity", "1234")
    before = tree_digest(step_dir)
    out = analyze(ckpt, "--logdir", logdir, *TINY_ARGS)  # identical inputs: nothing to do
    assert out.returncode == 0 and "already analysed" in out.stdout
    assert tree_digest(step_dir) == before
    out = analyze(ckpt, "--logdir", logdir, *_with(TINY_ARGS, "--nmf-features", "2"))
    assert out.returncode == 0 and "replacing the analysis" in out.stderr
    m = LogdirReader(logdir).manifest("agentA", 1234)
    assert [layer.features for layer in m.layers] == [2, 2]
    assert len(m.feature_colors) == 2 and m.inputs["config"]["nmf"]["features"] == 2


@pytest.mark.parametrize("extra,message,where", [
    (["--env-option", "distribution_mode=bogus"], "unknown distribution_mode 'bogus'",
     "new step"),
    (["--env-option", "distribution_mode=bogus"], "unknown distribution_mode 'bogus'",
     "existing step"),
    (["--layers", "nope"], "no layer of the clear network fits", "existing step"),
    (["--probe-set", "/nonexistent.npz"], "no probe set at", "existing step"),
    (["--nmf-features", "99"], "fewer than the 99 NMF features", "existing step"),
    (["--obs-per-env", "1"], "need at least 16 sampled observations", "new step"),
    (["--subdiv-mults", "0"], "subdiv_mults must be one or more positive numbers",
     "existing step"),
    (["--step", "-1"], "step must be an integer", "existing step"),
])
def test_refused_start_leaves_the_logdir_as_it_was(serial_logdir, ckpt, tmp_path, extra,
                                                  message, where):
    import shutil

    logdir = str(tmp_path / "logs")
    shutil.copytree(serial_logdir, logdir)
    args = list(TINY_ARGS)
    if where == "new step" and "--step" not in extra:
        args += ["--step", "77"]
    before = {}
    for dirpath, _, names in os.walk(logdir):
        for name in names:
            path = os.path.join(dirpath, name)
            before[path] = (os.stat(path).st_mtime_ns, os.path.getsize(path))
    dirs_before = sorted(d for d, _, _ in os.walk(logdir))
    out = analyze(ckpt, "--logdir", logdir, *args, *extra)
    assert out.returncode == 2, out.stdout + out.stderr
    assert message in out.stderr and "Traceback" not in out.stderr
    after = {}
    for dirpath, _, names in os.walk(logdir):
        for name in names:
            path = os.path.join(dirpath, name)
            after[path] = (os.stat(path).st_mtime_ns, os.path.getsize(path))
    assert after == before
    assert sorted(d for d, _, _ in os.walk(logdir)) == dirs_before


def test_display_scale_is_the_originals_rule_with_a_guard():
    """The original's save_attr: the median over frames of the per-frame (signed) maximum; if
    that is 0, the overall maximum, then 1. Its negative-median case (every frame's maximum
    below zero) would flip the picture: the |x| rule takes over there."""
    from rlclarity_plugin.analysis.job import display_scale

    maps = np.zeros((5, 2, 2, 3), np.float32)
    maps[:, 0, 0, 0] = [1.0, 2.0, 3.0, 4.0, 50.0]
    maps[:, 1, 1, 2] = -100.0  # large negative values do not count
    assert display_scale(maps) == 3.0
    sparse = np.zeros((5, 2, 2, 3), np.float32)
    sparse[4, 0, 0, 0] = 2.5  # median of the maxima is 0: the overall maximum
    sparse[:, 1, 0, 0] = -7.0
    assert display_scale(sparse) == 2.5
    negative = -np.abs(np.arange(1, 61, dtype=np.float32)).reshape(5, 2, 2, 3)
    assert display_scale(negative) == pytest.approx(float(np.median(
        np.abs(negative).reshape(5, -1).max(1))))
    assert display_scale(np.zeros((3, 2, 2, 1), np.float32)) == 1.0
