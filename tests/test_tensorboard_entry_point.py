"""The tensorboard_plugins entry point never takes TensorBoard down (both data loaders)."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from importlib.metadata import entry_points

import pytest


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_entry_point_is_registered():
    eps = [ep for ep in entry_points().select(group="tensorboard_plugins")
           if ep.name == "rl_clarity"]
    assert len(eps) == 1
    from tensorboard.plugins import base_plugin

    loader = eps[0].load()
    assert issubclass(loader, base_plugin.TBLoader)


@pytest.mark.parametrize("load_fast", ["true", "false"])
def test_tensorboard_starts_and_serves(tmp_path, load_fast):
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "tensorboard.main", "--logdir", str(tmp_path), "--host",
         "127.0.0.1", "--port", str(port), f"--load_fast={load_fast}"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"})
    try:
        listing = None
        deadline = time.time() + 90
        while time.time() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(
                        f"http://127.0.0.1:{port}/data/plugins_listing", timeout=2) as r:
                    listing = json.loads(r.read())
                break
            except OSError:
                time.sleep(0.3)
        assert proc.poll() is None, proc.stdout.read()
        assert listing is not None and "scalars" in listing
    finally:
        proc.terminate()
        proc.wait(timeout=30)
