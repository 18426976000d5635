"""Fresh venvs: the reading side on the core install, then a PyTorch user's install.

One venv, two stages (one venv keeps CI time down). First the core alone (``pip install
rl-clarity``): the TensorBoard plugin (its entry point and its routes), ``rl-clarity export``
and the notebook view work there, and TensorFlow, Keras, scikit-learn, torch and MPI are not
installed. Then ``rl-clarity[torch]`` next to Stable-Baselines3 in the same venv: the package
(a copy of what it ships) is installed with pip, from its index and cache, beside
``stable-baselines3`` and ``torch<2.14`` (the CPU build on these machines). Nothing of the user's
stack may move: numpy stays 2, pandas (when anything brings it) 3, no package is older than
what the same pip resolves for ``stable-baselines3 "torch<2.14"`` alone, ``pip check`` passes,
TensorFlow is not installed, and the demo agent loads on the torch port there.
"""

import json
import os
import shutil
import subprocess
import sys
import venv

import pytest
from packaging.utils import canonicalize_name
from packaging.version import Version

pytestmark = pytest.mark.slow

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHIPPED = ("pyproject.toml", "README.md", "rlclarity_plugin", "mlflow_hooks")
USER_STACK = ("stable-baselines3", "torch<2.14")  # torch<2.14: the CPU build 2.13.0+cpu here
NOT_INSTALLED = ("tensorflow", "tensorflow-cpu", "keras", "procgen-mirror", "mpi4py")
# not in the core install: the reading side works without them
NOT_IN_CORE = ("tensorflow", "tensorflow-cpu", "keras", "scikit-learn", "torch", "mpi4py",
               "mpich", "joblib")
# run in the core venv: the plugin through its entry point and TensorBoard's WSGI app, the
# notebook view; prints one JSON line
READER_CHECK = """
import json, sys
from importlib.metadata import entry_points
from tensorboard.backend import application
from tensorboard.backend.event_processing import data_provider
from tensorboard.backend.event_processing import plugin_event_multiplexer as pem
from tensorboard.plugins import base_plugin
from werkzeug import test as wtest, wrappers
import rlclarity_plugin

logdir = sys.argv[1]
(ep,) = [e for e in entry_points().select(group="tensorboard_plugins") if e.name == "rl_clarity"]
multiplexer = pem.EventMultiplexer()
multiplexer.AddRunsFromDirectory(logdir)
multiplexer.Reload()
provider = data_provider.MultiplexerDataProvider(multiplexer, logdir)
ctx = base_plugin.TBContext(logdir=logdir, data_provider=provider)
plugin = ep.load()().load(ctx)
app = application.TensorBoardWSGI([plugin], data_provider=provider)
runs = wtest.Client(app, wrappers.Response).get("/data/plugin/rl_clarity/runs")
view = rlclarity_plugin.show(logdir, "agentA", 1000, layers=["2b"])
heavy = ("tensorflow", "keras", "sklearn", "torch", "mpi4py")
print(json.dumps({"status": runs.status_code, "runs": json.loads(runs.data),
                  "page": view.size, "imported": [m for m in heavy if m in sys.modules]}))
"""


def _pip(python, *args, timeout=300, check=True):
    """The test's own pip, acting on the venv of ``python`` (the venv itself has no pip)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PIP_USER")}
    done = subprocess.run([sys.executable, "-m", "pip", "--python", python, *args],
                          capture_output=True, text=True, timeout=timeout, env=env)
    if check:
        assert done.returncode == 0, f"pip {' '.join(args)}:\n{done.stdout[-3000:]}\n" \
                                     f"{done.stderr[-3000:]}"
    return done


def _report(path) -> dict:
    with open(path) as f:
        report = json.load(f)
    return {canonicalize_name(item["metadata"]["name"]): Version(item["metadata"]["version"])
            for item in report["install"]}


def _versions(python) -> dict:
    listed = json.loads(_pip(python, "list", "--format", "json").stdout)
    return {canonicalize_name(p["name"]): Version(p["version"]) for p in listed}


def _clean_env() -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["TF_CPP_MIN_LOG_LEVEL"] = "3"
    return env


@pytest.fixture(scope="module")
def core_venv(tmp_path_factory, analysed_logdir):
    """A fresh venv with the core install only; the reading side run there on a store."""
    root = tmp_path_factory.mktemp("install")
    src = root / "src"
    for name in SHIPPED:
        from_ = os.path.join(REPO, name)
        if os.path.isdir(from_):
            shutil.copytree(from_, src / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info"))
        else:
            src.mkdir(exist_ok=True)
            shutil.copy2(from_, src / name)
    venv.create(root / "venv", with_pip=False)
    python = str(root / "venv" / "bin" / "python")
    _pip(python, "install", "--quiet", "--no-compile", str(src), timeout=600)
    versions = _versions(python)
    reader = subprocess.run([python, "-c", READER_CHECK, analysed_logdir], capture_output=True,
                            text=True, timeout=300, cwd=root, env=_clean_env())
    out = root / "agentA.html"
    export = subprocess.run([str(root / "venv" / "bin" / "rl-clarity"), "export", "--logdir",
                             analysed_logdir, "--run", "agentA", "--step", "1000", "--layers",
                             "2b", "-o", str(out)], capture_output=True, text=True,
                            timeout=300, cwd=root, env=_clean_env())
    return {"root": root, "src": src, "python": python, "versions": versions,
            "reader": reader, "export": export, "html": out}


def test_the_reading_side_runs_on_the_core_install(core_venv):
    """TensorBoard plugin (entry point, routes), export and notebook view, with no
    deep-learning framework, scikit-learn or MPI installed or imported."""
    installed = [name for name in NOT_IN_CORE if canonicalize_name(name) in core_venv["versions"]]
    assert not installed, f"the core install brought {installed}"
    reader = core_venv["reader"]
    assert reader.returncode == 0, reader.stderr[-3000:]
    result = json.loads(reader.stdout.strip().splitlines()[-1])
    assert result["status"] == 200, result
    assert [r["run"] for r in result["runs"]["runs"]] == ["agentA", "nested/agentB"], result
    assert result["page"] > 0 and result["imported"] == [], result
    export = core_venv["export"]
    assert export.returncode == 0, export.stdout + export.stderr[-3000:]
    assert "Traceback" not in export.stderr and "wrote" in export.stdout
    assert core_venv["html"].read_bytes().startswith(b"<!DOCTYPE html>")


@pytest.fixture(scope="module")
def user_venv(core_venv):
    """The core venv, then ``rl-clarity[torch]`` with the user's stack on top."""
    root, src, python = core_venv["root"], core_venv["src"], core_venv["python"]
    # what pip makes of the user's stack alone, resolved as for an empty venv
    _pip(python, "install", "--dry-run", "--quiet", "--ignore-installed", "--report",
         str(root / "reference.json"), *USER_STACK)
    reference = _report(root / "reference.json")
    if "cpu" not in (reference["torch"].local or ""):
        pytest.skip(f"torch<2.14 resolves to torch {reference['torch']} here, not a CPU build: "
                    "the CUDA build is gigabytes (these tests expect pip to find a +cpu wheel)")
    # --no-compile: byte-compiling all of torch would double the time; imports compile lazily
    _pip(python, "install", "--quiet", "--no-compile", f"{src}[torch]", *USER_STACK,
         timeout=600)
    return {"root": root, "python": python, "versions": _versions(python),
            "reference": reference}


def test_the_user_stack_keeps_its_versions(user_venv):
    versions, reference = user_venv["versions"], user_venv["reference"]
    assert versions["numpy"] >= Version("2"), versions["numpy"]
    assert "pandas" not in versions or versions["pandas"] >= Version("3"), versions["pandas"]
    assert "rl-clarity" in versions and "torch" in versions
    older = {name: (str(versions.get(name)), str(ref)) for name, ref in reference.items()
             if name not in versions or versions[name] < ref}
    assert not older, f"installed (or missing) vs the stack alone: {older}"
    assert not [name for name in NOT_INSTALLED if canonicalize_name(name) in versions]
    done = _pip(user_venv["python"], "check", check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def _run(user_venv, *args):
    return subprocess.run([user_venv["python"], *args], capture_output=True, text=True,
                          timeout=300, cwd=user_venv["root"], env=_clean_env())


def test_the_demo_agent_loads_on_torch_there(user_venv):
    done = _run(user_venv, "-c", "import importlib.util, sys\n"
                "import rlclarity_plugin\n"
                "from rlclarity_plugin.agents.checkpoint import load_checkpoint\n"
                "agent = load_checkpoint('demo:coinrun', backend='torch', device='cpu')\n"
                "print(agent.framework, agent.metadata.num_actions, rlclarity_plugin.__file__)\n"
                "print(importlib.util.find_spec('tensorflow') is None,\n"
                "      'tensorflow' in sys.modules)\n")
    assert done.returncode == 0, done.stderr[-3000:]
    first, second = done.stdout.splitlines()[-2:]
    framework, actions, where = first.split()
    assert (framework, actions) == ("torch", "15")
    assert where.startswith(str(user_venv["root"] / "venv")), where  # the installed copy
    assert second == "True False"


def test_a_missing_extra_is_one_line(user_venv, tmp_path):
    """procgen cannot go into a numpy-2 venv: analysing the demo there names the extra and the
    way around it, in one line."""
    done = _run(user_venv, "-m", "rlclarity_plugin.cli", "analyze", "demo:coinrun", "--backend",
                "torch", "--logdir", str(tmp_path / "logs"), "--no-progress")
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.strip().splitlines() == [
        "rl-clarity analyze: error: the procgen environment 'coinrun' needs procgen, which is "
        "not installed: pip install 'rl-clarity[procgen]', or, to analyse, collect the probe "
        "set where procgen is installed and pass --probe-set"]
    assert not (tmp_path / "logs").exists()
