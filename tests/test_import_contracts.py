"""The import boundaries of DESIGN.md, as import-linter contracts (``[tool.importlinter]`` in
pyproject.toml): the store and the readers import no deep-learning framework or scikit-learn,
the readers neither the analysis job, the command line, the agents nor training, and no reader
another (but the notebook, which shows the export's page)."""

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_import_contracts_are_kept():
    with open(os.path.join(ROOT, "pyproject.toml"), encoding="utf-8") as f:
        contracts = f.read().count("[[tool.importlinter.contracts]]")
    assert contracts >= 4
    lint = os.path.join(os.path.dirname(sys.executable), "lint-imports")
    out = subprocess.run([lint, "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    # every contract was checked (a source module that no longer exists is an error, not a pass)
    assert f"Contracts: {contracts} kept, 0 broken." in out.stdout, out.stdout
