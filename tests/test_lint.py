"""Ruff over the whole Python code base (configuration in pyproject.toml)."""

import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_ruff_clean():
    ruff = shutil.which("ruff") or os.path.join(os.path.dirname(sys.executable), "ruff")
    targets = [p for p in ("rlclarity_plugin", "mlflow_hooks", "tests", "benchmarks", "examples",
                           "setup.py") if os.path.exists(os.path.join(ROOT, p))]
    out = subprocess.run([ruff, "check", *targets], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
