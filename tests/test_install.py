"""A PyTorch user's install: ``rl-clarity[torch]`` next to Stable-Baselines3 in a fresh venv.

The package (a copy of what it ships) is installed with pip, from its index and cache, beside
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
SHIPPED = ("setup.py", "pyproject.toml", "README.md", "rlclarity_plugin", "mlflow_hooks")
USER_STACK = ("stable-baselines3", "torch<2.14")  # torch<2.14: the CPU build 2.13.0+cpu here
NOT_INSTALLED = ("tensorflow", "tensorflow-cpu", "keras", "procgen-mirror", "mpi4py")


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


@pytest.fixture(scope="module")
def user_venv(tmp_path_factory):
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
    # what pip makes of the user's stack alone, resolved for the same (empty) venv
    _pip(python, "install", "--dry-run", "--quiet", "--report", str(root / "reference.json"),
         *USER_STACK)
    reference = _report(root / "reference.json")
    if "cpu" not in (reference["torch"].local or ""):
        pytest.skip(f"torch<2.14 resolves to torch {reference['torch']} here, not a CPU build: "
                    "the CUDA build is gigabytes (these tests expect pip to find a +cpu wheel)")
    # --no-compile: byte-compiling all of torch would double the time; imports compile lazily
    _pip(python, "install", "--quiet", "--no-compile", f"{src}[torch]", *USER_STACK,
         timeout=600)
    listed = json.loads(_pip(python, "list", "--format", "json").stdout)
    versions = {canonicalize_name(p["name"]): Version(p["version"]) for p in listed}
    return {"root": root, "python": python, "versions": versions, "reference": reference}


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
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["TF_CPP_MIN_LOG_LEVEL"] = "3"
    return subprocess.run([user_venv["python"], *args], capture_output=True, text=True,
                          timeout=300, cwd=user_venv["root"], env=env)


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
