"""Packaging: one pyproject.toml, one version, every imported package declared, extras that
compose (tests/test_install.py installs the core and [torch] in a fresh venv)."""

import ast
import json
import os
import re
import sys
from importlib.metadata import packages_distributions

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import rlclarity_plugin

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
with open(os.path.join(ROOT, "pyproject.toml"), "rb") as _f:
    PYPROJECT = tomllib.load(_f)
PROJECT = PYPROJECT["project"]
EXTRAS = PROJECT["optional-dependencies"]
SELF = canonicalize_name(PROJECT["name"])
# import names that are not distributions' top-level names in this venv's metadata
IMPORT_TO_DIST = {"procgen": "procgen-mirror", "mpi4py": "mpi4py", "cv2": "opencv-python-headless",
                  "google": "protobuf", "PIL": "pillow", "sklearn": "scikit-learn"}


def _names(requirements) -> set[str]:
    return {canonicalize_name(Requirement(r).name) for r in requirements}


def _extra(name: str, seen=()) -> set[str]:
    """The distributions an extra brings, its `rl-clarity[...]` references followed."""
    out = set()
    for text in EXTRAS[name]:
        req = Requirement(text)
        if canonicalize_name(req.name) == SELF:
            assert not set(req.extras) & set(seen), f"extra {name} refers back to {seen}"
            for other in req.extras:
                out |= _extra(other, (*seen, name))
        else:
            out.add(canonicalize_name(req.name))
    return out


def test_one_version_read_from_the_package():
    assert not os.path.exists(os.path.join(ROOT, "setup.py"))
    assert PROJECT["dynamic"] == ["version"] and "version" not in PROJECT
    attr = PYPROJECT["tool"]["setuptools"]["dynamic"]["version"]["attr"]
    assert attr == "rlclarity_plugin._version.__version__"
    with open(os.path.join(ROOT, "tb_frontend", "package.json"), encoding="utf-8") as f:
        frontend = json.load(f)["version"]
    assert rlclarity_plugin.__version__ == frontend, (rlclarity_plugin.__version__, frontend)
    assert re.fullmatch(r"\d+\.\d+\.\d+([a-z]+\d+)?", frontend)


def test_entry_points():
    assert PROJECT["scripts"] == {"rl-clarity": "rlclarity_plugin.cli:main"}
    loader = "rlclarity_plugin.tensorboard.loader:RLClarityLoader"
    assert PROJECT["entry-points"] == {"tensorboard_plugins": {"rl_clarity": loader}}


def test_the_core_has_no_framework_sklearn_or_mpi():
    core = _names(PROJECT["dependencies"])
    assert not core & {"tensorflow", "tensorflow-cpu", "keras", "torch", "scikit-learn",
                       "mpi4py", "mpich", "joblib"}, core


def test_extras_compose_instead_of_restating():
    """An extra that needs another names it; no distribution is listed twice."""
    listed = [canonicalize_name(Requirement(r).name) for reqs in EXTRAS.values() for r in reqs
              if canonicalize_name(Requirement(r).name) != SELF]
    restated = {n for n in listed if listed.count(n) > 1}
    # the two TensorFlow extras are alternatives: each names keras and joblib itself
    assert restated <= {"keras", "joblib", "gymnasium"}, restated
    test = _extra("test")
    for name in ("keras", "sb3", "procgen", "mpi", "atari", "mlflow", "s3"):
        assert _extra(name) <= test, name
    assert "scikit-learn" in _extra("keras") & _extra("torch") & _extra("gpu")


def test_gpu_brings_one_tensorflow():
    gpu = _extra("gpu")
    assert "tensorflow" in gpu and "tensorflow-cpu" not in gpu
    assert "tensorflow" not in _extra("test") and "gpu" not in str(EXTRAS["test"])


def _imports(folder: str) -> dict[str, str]:
    """Top-level names imported anywhere (function-level imports too) -> a file importing it."""
    found = {}
    for base, _, names in os.walk(os.path.join(ROOT, folder)):
        for name in names:
            if not name.endswith(".py"):
                continue
            path = os.path.join(base, name)
            with open(path, encoding="utf-8") as f:
                tree = ast.parse(f.read(), path)
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    roots = [a.name.split(".")[0] for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    roots = [node.module.split(".")[0]]
                else:
                    continue
                for root in roots:
                    found.setdefault(root, os.path.relpath(path, ROOT))
    return found


def test_every_imported_package_is_declared():
    declared = _names(PROJECT["dependencies"])
    for name in EXTRAS:
        declared |= _extra(name)
    owners = packages_distributions()
    missing = {}
    for folder in ("rlclarity_plugin", "mlflow_hooks"):
        for root, where in _imports(folder).items():
            if root in sys.stdlib_module_names or root in ("rlclarity_plugin", "mlflow_hooks"):
                continue
            dists = {canonicalize_name(d) for d in owners.get(root, [])}
            if root in IMPORT_TO_DIST:
                dists.add(canonicalize_name(IMPORT_TO_DIST[root]))
            if not dists & declared:
                missing[root] = (where, sorted(dists))
    assert not missing, f"imported but not declared (import: (file, distributions)): {missing}"
