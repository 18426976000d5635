"""A real ``tensorboard`` process for tests: started on a free port, polled until it answers."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TensorBoardProcess:
    """``tensorboard --logdir LOGDIR`` with ``--load_fast=true|false`` on 127.0.0.1.

    ``launcher``: start it as ``rl-clarity tensorboard`` (remote logdirs) instead. As a
    context manager: waits until the plugin is listed (``listing`` holds the last
    ``/data/plugins_listing``), and stops the server on exit.
    ``url`` ends with ``/``; ``get(path)`` returns ``(status, headers, body bytes)``.
    """

    def __init__(self, logdir, load_fast: str = "true", extra=(), launcher: bool = False):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        command = ["rlclarity_plugin.cli", "tensorboard"] if launcher else ["tensorboard.main"]
        self.listing: dict | None = None
        self.proc = subprocess.Popen(
            [sys.executable, "-m", *command, "--logdir", str(logdir), "--host",
             "127.0.0.1", "--port", str(self.port), f"--load_fast={load_fast}",
             "--reload_interval", "1", *extra],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"})

    def wait(self, timeout: float = 120, plugin: str = "rl_clarity") -> dict:
        """Poll ``/data/plugins_listing`` until ``plugin`` is listed; return the listing."""
        deadline = time.time() + timeout
        last = None
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("tensorboard exited:\n" + self.proc.stdout.read())
            try:
                with urllib.request.urlopen(self.url + "data/plugins_listing", timeout=5) as r:
                    last = self.listing = json.loads(r.read())
                if plugin in last:
                    return last
            except OSError:
                pass
            time.sleep(0.3)
        raise TimeoutError(f"tensorboard did not list {plugin!r} in {timeout}s: {last}")

    def get(self, path: str, headers=None):
        req = urllib.request.Request(self.url + path.lstrip("/"), headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return r.status, dict(r.headers), r.read()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read()

    def close(self):
        stop(self.proc)

    def __enter__(self):
        """Serving: :meth:`wait` has seen the plugin listed (stopped if it never is)."""
        try:
            self.wait()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc):
        self.close()


def stop(proc: subprocess.Popen) -> None:
    """Terminate a server process; kill it if it has not ended after 30 s."""
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
