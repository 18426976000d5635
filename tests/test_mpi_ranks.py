"""A dead MPI rank is named by its rank number (``rlclarity_plugin.analysis.ranks``), under the
real ``mpiexec`` (MPICH) with tiny scripts instead of the job (a second each)."""

import os
import re
import subprocess
import sys

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
    print(f"rl-clarity analyze: rank {victim} of {comm.size} failed: ValueError: no",
          file=sys.stderr, flush=True)
    ranks.note_failure()
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
    done = _mpiexec(2, "fail", 1)  # (MPI's abort may swallow the rank's own last line)
    assert done.returncode != 0
    assert "before the job finished" not in done.stderr, done.stderr
    done = _mpiexec(2, "ok")
    assert done.returncode == 0 and "before the job finished" not in done.stderr, done.stderr
