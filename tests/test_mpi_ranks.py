"""A dead MPI rank is named by its rank number (``rlclarity_plugin.analysis.ranks``), under the
real ``mpiexec`` (MPICH) with tiny scripts instead of the job (a second each)."""

import os
import re
import socket
import subprocess
import sys
import threading
import time

import pytest

pytest.importorskip("mpi4py")
MPIEXEC = os.path.join(os.path.dirname(sys.executable), "mpiexec")
if not os.path.exists(MPIEXEC):
    pytest.skip("no mpiexec beside this Python ([mpi] extra)", allow_module_level=True)

SCRIPT = """
import os, signal, sys, time
from mpi4py import MPI
from rlclarity_plugin.analysis import ranks
comm = MPI.COMM_WORLD
ranks.watch_ranks(comm)
mode, victim = sys.argv[1], int(sys.argv[2])
comm.barrier()
if mode == "kill" and comm.rank == victim:
    os.kill(os.getpid(), signal.SIGKILL)
if mode == "fail" and comm.rank == victim:
    ranks.report_failure(f"rl-clarity analyze: rank {victim} of {comm.size} failed: "
                         "ValueError: no")
    comm.Abort(1)
if mode == "ok":
    comm.barrier()
    sys.exit(0)
time.sleep(60)
"""


def _mpiexec(n, mode, victim=0):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return subprocess.run([MPIEXEC, "-n", str(n), sys.executable, "-c", SCRIPT, mode,
                           str(victim)], capture_output=True, text=True, timeout=120, env=env)


@pytest.mark.parametrize("n,victim", [(2, 1), (3, 0)])
def test_a_killed_rank_is_named(n, victim):
    done = _mpiexec(n, "kill", victim)
    assert done.returncode != 0
    pids = dict(re.findall(r"(\d+)=pid (\d+)", done.stderr))
    lines = [line for line in done.stderr.splitlines() if "before the job finished" in line]
    assert len(lines) == 1, done.stderr
    assert re.fullmatch(rf"rl-clarity analyze: rank {victim} of {n} \(pid {pids[str(victim)]}\) "
                        r"ended before the job finished: (killed by SIGKILL|killed by a signal "
                        r"or crashed); MPI ends the other ranks", lines[0]), lines[0]

def test_a_failing_rank_or_a_clean_end_adds_nothing():
    done = _mpiexec(2, "fail", 1)
    assert done.returncode != 0
    assert "before the job finished" not in done.stderr, done.stderr
    # its own line, read by the launcher before the abort ended the ranks
    assert "rl-clarity analyze: rank 1 of 2 failed: ValueError: no" in done.stderr, done.stderr
    done = _mpiexec(2, "ok")
    assert done.returncode == 0 and "before the job finished" not in done.stderr, done.stderr


def test_the_abort_waits_until_the_launcher_has_read_the_report(tmp_path):
    """``wait_until_read``: on a pipe (what MPICH's launcher gives each rank as stderr) it
    returns once the reader has taken every byte, not before; with no reader, after its
    timeout; on a file at once. ``unread_bytes`` counts a socket's unread bytes too."""
    from rlclarity_plugin.analysis import ranks

    r, w = os.pipe()
    with os.fdopen(w, "w") as out, os.fdopen(r, "rb", buffering=0) as inp:
        out.write("rank 1 of 2 failed: ...\n")
        read_at = []

        def reader():
            time.sleep(0.3)
            read_at.append(time.monotonic())
            inp.read(1024)
        thread = threading.Thread(target=reader)
        thread.start()
        assert ranks.wait_until_read(out, timeout=10)
        done_at = time.monotonic()
        thread.join()
        assert read_at and done_at >= read_at[0]  # not before the reader took it
        assert ranks.unread_bytes(out.fileno()) == 0
        out.write("nobody reads this\n")
        t0 = time.monotonic()
        assert not ranks.wait_until_read(out, timeout=0.2)
        assert 0.2 <= time.monotonic() - t0 < 5
        assert ranks.unread_bytes(out.fileno()) == len("nobody reads this\n")
    a, b = socket.socketpair()
    with a, b:
        a.sendall(b"x" * 100)
        assert ranks.unread_bytes(a.fileno()) >= 100  # (a Unix socket counts its overhead too)
        b.recv(1000)
        assert ranks.unread_bytes(a.fileno()) == 0
    with open(tmp_path / "stderr.txt", "w") as f:
        f.write("a file\n")
        assert ranks.unread_bytes(f.fileno()) is None and ranks.wait_until_read(f, timeout=0)
