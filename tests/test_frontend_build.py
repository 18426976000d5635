"""The committed bundle is what the front-end sources build to (byte for byte); the front end's
unit tests (vitest, ``*.spec.ts`` beside the sources) and type checks pass."""

import hashlib
import os
import shutil
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FRONTEND = os.path.join(ROOT, "tb_frontend")
BUNDLE = os.path.join(ROOT, "rlclarity_plugin", "static", "index.js")


@pytest.mark.skipif(shutil.which("npm") is None, reason="npm is not installed")
def test_bundle_is_rebuilt_identically(tmp_path):
    if not os.path.isdir(os.path.join(FRONTEND, "node_modules")):
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=FRONTEND, check=True,
                       capture_output=True, timeout=600)
    done = subprocess.run(["npm", "run", "build"], cwd=FRONTEND, capture_output=True, text=True,
                          timeout=600, env={**os.environ, "RLC_OUT_DIR": str(tmp_path)})
    assert done.returncode == 0, done.stdout + done.stderr
    assert sorted(os.listdir(tmp_path)) == ["index.js"]  # one module, no chunks, no CSS file
    built = (tmp_path / "index.js").read_bytes()
    with open(BUNDLE, "rb") as f:
        committed = f.read()
    assert hashlib.sha256(built).hexdigest() == hashlib.sha256(committed).hexdigest(), (
        "rlclarity_plugin/static/index.js is stale: run `make frontend` and commit it")
    assert b"export" in built and b"render" in built


def test_bundle_obeys_tensorboards_csp():
    """No CDN, no absolute URLs to other hosts, no inline event-handler attributes."""
    with open(BUNDLE, encoding="utf-8") as f:
        js = f.read()
    for bad in ("https://cdn", "http://cdn", "unpkg.com", "jsdelivr", "googleapis.com"):
        assert bad not in js
    for attr in ("onclick=\"", "onload=\"", "onerror=\""):
        assert attr not in js


@pytest.mark.skipif(shutil.which("npm") is None, reason="npm is not installed")
def test_frontend_unit_tests_and_checks_pass():
    if not os.path.isdir(os.path.join(FRONTEND, "node_modules")):
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=FRONTEND, check=True,
                       capture_output=True, timeout=600)
    for script in ("test", "check"):
        done = subprocess.run(["npm", "run", script], cwd=FRONTEND, capture_output=True,
                              text=True, timeout=600, env={**os.environ, "CI": "1"})
        assert done.returncode == 0, f"npm run {script}:\n{done.stdout}\n{done.stderr}"
