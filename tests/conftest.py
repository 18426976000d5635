"""Shared fixtures: tiny agents and environments so the suite fits in CI time on 2 cores."""

import os
import shutil
import tempfile

import numpy as np
import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
# SB3's logger makes a folder under /tmp (SB3-<date>) for every model trained without
# tensorboard_log; keep those inside one folder the suite removes
_SB3_LOGDIR = None
if "SB3_LOGDIR" not in os.environ:
    _SB3_LOGDIR = tempfile.mkdtemp(prefix="rlc-tests-sb3-")
    os.environ["SB3_LOGDIR"] = _SB3_LOGDIR

# -- the fast tier (``make test-fast``, ``pytest -m fast``) ------------------------------------
# For the edit-test loop: the store, schema, codec, parameter, view, plugin-route and export
# tests on the synthetic store (tests/support/synthetic.py), in under a minute on 2 cores. A test
# of these modules is fast unless it needs a browser, the real analysis job or a model, directly
# or through a fixture, or is marked slow. ``make test`` runs everything.
FAST_MODULES = {
    "test_advantages", "test_export", "test_features", "test_matching", "test_nmf",
    "test_params", "test_plugin_backend", "test_store_contract", "test_views",
}
# compare_logdir: a second copy of the shared logdir and one more analysis (5 s)
SLOW_FIXTURES = {"browser", "clear_agent", "compare_logdir", "real_analysed_logdir"}
# module fixtures that run the real job
SLOW_MODULE_FIXTURES = {"test_store_contract": {"logdir", "versions_logdir"}}


def pytest_unconfigure(config):
    if _SB3_LOGDIR:
        import shutil

        shutil.rmtree(_SB3_LOGDIR, ignore_errors=True)


def pytest_configure(config):
    config.addinivalue_line("markers", "fast: the fast tier (make test-fast): no browser, no "
                                       "TensorFlow job, synthetic stores")


def pytest_ignore_collect(collection_path, config):
    """Under ``-m fast``, the other test modules are not even imported (some import
    TensorFlow or torch: 15 s)."""
    if config.getoption("markexpr", "") == "fast" and collection_path.suffix == ".py" and \
            collection_path.name.startswith("test_"):
        return collection_path.stem not in FAST_MODULES or None
    return None


@pytest.hookimpl(tryfirst=True)  # before ``-m`` deselects by marker
def pytest_collection_modifyitems(config, items):
    for item in items:
        module = item.module.__name__.rpartition(".")[2] if item.module else ""
        if module not in FAST_MODULES or item.get_closest_marker("slow"):
            continue
        names = set(getattr(item, "fixturenames", ()))
        if names & (SLOW_FIXTURES | SLOW_MODULE_FIXTURES.get(module, set())):
            continue
        item.add_marker(pytest.mark.fast)


@pytest.fixture
def rng():
    return np.random.default_rng(1234)


@pytest.fixture(scope="session")
def clear_agent():
    """A randomly initialised ``clear`` agent for CoinRun-sized observations."""
    import keras

    from rlclarity_plugin.agents.agent import Agent, AgentMetadata

    keras.utils.set_random_seed(7)
    meta = AgentMetadata("clear", (64, 64, 3), 15, env_kind="procgen", env_name="coinrun",
                         env_kwargs={"distribution_mode": "easy"})
    return Agent.build(meta)


UI_ANALYSIS_ARGS = ["--traj-envs", "2", "--traj-steps", "40", "--obs-envs", "4",
                    "--obs-per-env", "8", "--obs-every", "4", "--layers", "2b", "4a",
                    "--include-input", "--attr-policy", "--nmf-features", "4",
                    "--subdiv-mults", "0.5", "1", "--expand-mults", "2", "4",
                    "--no-progress", "--seed", "3"]


def run_analyze(*args, timeout=900):
    """``rl-clarity analyze ARGS`` in a child process; raises with its output on failure."""
    import subprocess
    import sys

    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    done = subprocess.run([sys.executable, "-m", "rlclarity_plugin.cli", "analyze", *args],
                          capture_output=True, text=True, timeout=timeout, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"analyze failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done


def _broken_and_corrupt(logdir):
    """Run ``broken`` (an analysis folder without a manifest and half a picture: a killed job)
    and run ``corrupt`` (a copy of agentA whose manifests are garbage)."""
    import shutil

    broken = logdir / "broken" / "plugins" / "rl_clarity" / "7"
    (broken / "trajectories").mkdir(parents=True)
    (broken / "trajectories" / "frames_0.png").write_bytes(b"\x89PNG half")
    shutil.copytree(logdir / "agentA", logdir / "corrupt")
    for m in (logdir / "corrupt").rglob("manifest.json"):
        m.write_text("{not json")


@pytest.fixture(scope="session")
def analysed_logdir(tmp_path_factory):
    """A small logdir for the plugin, export and browser tests, written in seconds by
    ``tests/support/synthetic.py`` (the store's own writer, random numbers, the real job's
    files and fields for ``UI_ANALYSIS_ARGS``).

    Runs: ``agentA`` at steps 1000 and 2000 (two checkpoints on one probe set: the same frames,
    other maps, values and features), ``nested/agentB`` at step 1000 (agentA's first checkpoint
    again on that probe set: the same maps); plus a run ``broken`` whose analysis directory has
    no manifest (a killed job) and a run ``corrupt`` whose manifest is garbage. Returns the
    logdir path (str). ``real_analysed_logdir`` is the same written by the real job.
    """
    from tests.support.synthetic import analysis_config, write_analysis

    logdir = tmp_path_factory.mktemp("analysed") / "logs"
    config = analysis_config(*UI_ANALYSIS_ARGS)
    first = write_analysis(str(logdir), "agentA", 1000, config, checkpoint_seed=1000)
    probe = first["probe_set_file"]
    write_analysis(str(logdir), "nested/agentB", 1000, config, probe_set=probe,
                   checkpoint_seed=1000)
    write_analysis(str(logdir), "agentA", 2000, config, probe_set=probe, checkpoint_seed=2000)
    _broken_and_corrupt(logdir)
    return str(logdir)


@pytest.fixture(scope="session")
def compare_logdir(analysed_logdir, tmp_path_factory):
    """The shared analysed logdir plus ``agentC``: agentA's first checkpoint analysed on a probe
    set of its own (another seed), so that agentA and agentC do not share frames."""
    import shutil

    from tests.support.synthetic import analysis_config, write_analysis

    root = tmp_path_factory.mktemp("compare") / "logs"
    shutil.copytree(analysed_logdir, root)
    args = list(UI_ANALYSIS_ARGS)
    args[args.index("--seed") + 1] = "4"
    write_analysis(str(root), "agentC", 1000, analysis_config(*args), checkpoint_seed=1000)
    return str(root)


@pytest.fixture(scope="session")
def real_analysed_logdir(tmp_path_factory, request):
    """``analysed_logdir`` written by the real analysis job (TensorFlow, minutes), for the tests
    that check the job itself or need its checkpoints: the same runs, and the checkpoints
    ``ckpt-1000`` and ``ckpt-2000`` next to the logdir. Returns the logdir path (str).

    Written once per test session: under ``pytest -n N`` (pytest-xdist) the first worker that
    needs it writes it into the session's shared temporary folder, the others wait for it."""
    worker = getattr(request.config, "workerinput", None)
    if worker is None:
        return _write_real_analysed(tmp_path_factory.mktemp("real_analysed"), request)
    from filelock import FileLock

    shared = tmp_path_factory.getbasetemp().parent / "real_analysed"
    with FileLock(str(shared) + ".lock"):
        if not (shared / "done").exists():
            shutil.rmtree(shared, ignore_errors=True)
            shared.mkdir()
            _write_real_analysed(shared, request)
            (shared / "done").write_text("")
    return str(shared / "logs")


def _write_real_analysed(root, request) -> str:
    import keras

    from rlclarity_plugin.agents.agent import Agent
    from rlclarity_plugin.agents.checkpoint import save_checkpoint
    from rlclarity_plugin.agents.original import PROCGEN_ACTION_COMBOS

    clear_agent = request.getfixturevalue("clear_agent")
    logdir = root / "logs"
    # procgen's 15 button combos, so that the action groups (RIGHT, LEFT, ...) exist too
    meta = clear_agent.metadata.replace(action_combos=tuple(PROCGEN_ACTION_COMBOS))
    keras.utils.set_random_seed(7)
    first = Agent.build(meta)
    first.set_weights(clear_agent.get_weights())
    ckpt1 = save_checkpoint(first, str(root / "ckpt-1000"))
    keras.utils.set_random_seed(11)
    other = Agent.build(meta)
    ckpt2 = save_checkpoint(other, str(root / "ckpt-2000"))
    run_analyze(ckpt1, "--logdir", str(logdir), "--run", "agentA", "--step", "1000",
                *UI_ANALYSIS_ARGS)
    probe = next((logdir / "agentA" / "plugins" / "rl_clarity" / "probe_sets").glob("*.npz"))
    run_analyze(ckpt2, "--logdir", str(logdir), "--run", "agentA", "--step", "2000",
                "--probe-set", str(probe), *UI_ANALYSIS_ARGS)
    run_analyze(ckpt1, "--logdir", str(logdir), "--run", "nested/agentB", "--step", "1000",
                "--probe-set", str(probe), *UI_ANALYSIS_ARGS)
    _broken_and_corrupt(logdir)
    return str(logdir)


@pytest.fixture(scope="module")
def tb(tb_logdir):
    """A real ``tensorboard --logdir`` (``--load_fast=true``: the Rust data server) on the
    module's ``tb_logdir`` fixture, serving the plugin, for the module's browser tests."""
    from tests.support.tb import TensorBoardProcess

    with TensorBoardProcess(tb_logdir) as server:
        yield server


@pytest.fixture(scope="module")
def screens(request, tmp_path_factory):
    """The module's screenshot folder (``tests.support.browser.screens_folder``: named after
    the module, under ``$RLC_SCREENS`` when that is set)."""
    from tests.support.browser import screens_folder

    return screens_folder(tmp_path_factory, request.module.__name__.rsplit(".", 1)[-1])


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium through Playwright, one per test module (the sync API cannot nest, so
    tests that start their own never overlap with it)."""
    from playwright.sync_api import sync_playwright

    from tests.support.browser import launch_chromium

    with sync_playwright() as pw:
        b = launch_chromium(pw)
        yield b
        b.close()
