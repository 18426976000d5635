"""Stopping a child process with everything it started.

The hook starts each child (``rl-clarity analyze``, optionally under ``mpiexec``) with
``start_new_session=True``, so the child and what it forks share one process group. That is not
all: MPICH's ``mpiexec`` (Hydra) starts its proxy and each rank with ``setsid()``, in sessions
(and process groups) of their own, so a signal to the child's group reaches ``mpiexec`` only.
:func:`stop_tree` therefore also signals every descendant found under the child in ``/proc``
(snapshot before the first signal: a rank whose parent dies is re-parented and can no longer be
found by its ancestry).
"""

from __future__ import annotations

import os
import signal
import subprocess
import time

__all__ = ["alive", "descendants", "stop_tree"]


def _stat(pid: int):
    """(ppid, state, start time) of ``pid`` from ``/proc``, or None."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8", errors="replace") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return int(fields[1]), fields[0], fields[19]


def descendants(pid: int) -> list[tuple[int, str]]:
    """``[(pid, start time)]`` of ``pid`` and every process under it (Linux ``/proc``; elsewhere
    ``pid`` alone)."""
    me = _stat(pid)
    if me is None:
        return [(pid, "")]
    children: dict = {}
    try:
        names = os.listdir("/proc")
    except OSError:
        names = []
    for name in names:
        if name.isdigit():
            st = _stat(int(name))
            if st is not None:
                children.setdefault(st[0], []).append((int(name), st[2]))
    out, todo = [(pid, me[2])], [pid]
    while todo:
        for child in children.get(todo.pop(), ()):
            out.append(child)
            todo.append(child[0])
    return out


def alive(proc: tuple[int, str]) -> bool:
    """Whether the process ``(pid, start time)`` still runs (a zombie does not)."""
    st = _stat(proc[0])
    return st is not None and st[1] not in ("Z", "X") and (not proc[1] or st[2] == proc[1])


def _signal(pgids, tree, sig):
    for pgid in pgids:
        try:
            os.killpg(pgid, sig)
        except (ProcessLookupError, PermissionError):
            pass
    for proc in tree:
        if alive(proc):
            try:
                os.kill(proc[0], sig)
            except (ProcessLookupError, PermissionError):
                pass


def stop_tree(procs: list[subprocess.Popen], grace: float = 5.0) -> None:
    """SIGTERM to each child's process group and to every process under it, then, after at
    most ``grace`` seconds, SIGKILL to whatever is left; the children are reaped."""
    procs = [p for p in procs if p is not None and p.poll() is None]
    if not procs:
        return
    tree = [t for p in procs for t in descendants(p.pid)]
    pgids = [p.pid for p in procs]
    _signal(pgids, tree, signal.SIGTERM)
    end = time.monotonic() + grace
    while time.monotonic() < end:
        for p in procs:
            p.poll()  # reap the children themselves
        if not any(alive(t) for t in tree):
            break
        time.sleep(0.05)
    tree += [t for p in procs if p.poll() is None for t in descendants(p.pid)]
    _signal(pgids, tree, signal.SIGKILL)
    end = time.monotonic() + grace
    while any(alive(t) for t in tree) and time.monotonic() < end:
        time.sleep(0.02)  # SIGKILL lands when the process next runs (SCHED_IDLE: later)
    for p in procs:
        try:
            p.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            pass
