"""Naming a dead MPI rank by its rank number.

When a rank of ``mpirun -n N rl-clarity analyze`` is killed (SIGKILL, the OOM killer, a crash
in native code), MPI's launcher ends the other ranks and reports a dead process by PID only
(MPICH: ``BAD TERMINATION ... PID 12345``, often the PID of a rank it ended itself).
:func:`watch_ranks` starts, on each host, one small watcher process outside the job (its own
session, so the launcher's clean-up does not end it) to which every rank of that host keeps a
local socket open. The kernel closes a rank's socket the moment the rank dies, before MPI's
launcher can react, so the first socket closed without a goodbye is the rank that died; the
watcher prints one line naming it::

    rl-clarity analyze: rank 1 of 2 (pid 12345) ended before the job finished: killed by
    SIGKILL; MPI ends the other ranks

A rank says goodbye when its Python exits (finished, failed with an error, interrupted): the
watcher then says nothing about it. A rank that fails with a Python error reports itself
(:func:`report_failure`: ``rank R of N failed: ...``) before aborting: the watchers then stay
silent about the ranks MPI ends, and the abort waits until MPI's launcher has read the report
(the launcher ends every rank on an abort; what it had not read from a rank's stderr by then
was lost).
"""

from __future__ import annotations

import atexit
import fcntl
import json
import os
import socket
import stat
import struct
import subprocess
import sys
import termios
import time
import uuid

__all__ = ["note_failure", "report_failure", "wait_until_read", "watch_ranks"]

_SOCKET: list = []  # this rank's connection to its host's watcher


def _say(message: bytes) -> None:
    for conn in _SOCKET:
        try:
            conn.sendall(message)
        except OSError:
            pass


def _goodbye() -> None:
    _say(b"ended\n")
    while _SOCKET:
        _SOCKET.pop().close()


def note_failure() -> None:
    """This rank failed with an error it reports itself (call before ``comm.Abort``): the
    watchers then say nothing about the ranks MPI ends."""
    _say(b"failed\n")


def unread_bytes(fd: int) -> int | None:
    """Bytes written to ``fd`` that its reader has not taken yet, for a pipe or a socket (what
    MPI launchers give a rank as stderr; a socket's count includes the kernel's overhead): 0
    once all is read; None for anything else (a file, a terminal)."""
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISFIFO(mode):
            request = termios.FIONREAD  # a pipe's either end: the bytes in it
        elif stat.S_ISSOCK(mode):
            request = termios.TIOCOUTQ  # SIOCOUTQ: sent, not yet read by the peer
        else:
            return None
        return struct.unpack("i", fcntl.ioctl(fd, request, b"\0" * 4))[0]
    except OSError:
        return None


def wait_until_read(stream=None, timeout: float = 2.0) -> bool:
    """Flush ``stream`` (default: stderr) and wait, at most ``timeout`` seconds, until its
    reader has taken every byte; True when it has (or the stream is not a pipe or socket)."""
    stream = sys.stderr if stream is None else stream
    try:
        stream.flush()
        fd = stream.fileno()
    except (OSError, ValueError, AttributeError):
        return True
    deadline = time.monotonic() + timeout
    while unread_bytes(fd):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.005)
    return True


def report_failure(message: str) -> None:
    """This rank failed: print ``message`` on stderr, tell the watchers (they then stay silent
    about the ranks MPI ends) and wait until the launcher has read it. Call before
    ``comm.Abort``."""
    print(message, file=sys.stderr, flush=True)
    note_failure()
    wait_until_read()


def watch_ranks(comm, prefix: str = "rl-clarity analyze") -> None:
    """Collective: print the rank -> pid map (rank 0) and start the watchers. Nothing for one
    rank. The watchers end by themselves when the ranks of their host have ended."""
    if comm.size <= 1:
        return
    host = socket.gethostname()
    job = comm.bcast(uuid.uuid4().hex[:16] if comm.rank == 0 else None, root=0)
    where = comm.allgather((host, os.getpid()))
    several_hosts = len({h for h, _ in where}) > 1
    if comm.rank == 0:
        print(f"{prefix}: ranks " + ", ".join(
            f"{r}=pid {p}" + (f" on {h}" if several_hosts else "")
            for r, (h, p) in enumerate(where)), file=sys.stderr, flush=True)
    address = f"\0rl-clarity-ranks-{job}-{host}"  # abstract: no file to clean up
    local = [r for r, (h, _) in enumerate(where) if h == host]
    started = True
    if comm.rank == local[0]:
        spec = {"prefix": prefix, "size": comm.size, "address": address,
                "host": host if several_hosts else "",
                "ranks": {str(r): where[r][1] for r in local}}
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("PMI_", "PMIX_", "OMPI_", "MPI", "HYDRA_", "HYDI_"))}
        try:
            watcher = subprocess.Popen(
                [sys.executable, "-I", "-S", "-c", _WATCHER, json.dumps(spec)],
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, env=env,
                start_new_session=True, close_fds=True)
            started = watcher.stdout.readline() == b"ready\n"
            watcher.stdout.close()
        except OSError:
            started = False
    if not all(comm.allgather(started)):
        return  # no watcher: MPI's own report (by pid) and the map above remain
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        conn.connect(address)
        conn.sendall(f"{comm.rank}\n".encode())
    except OSError:
        conn.close()
        return
    _SOCKET.append(conn)
    atexit.register(_goodbye)


# The watcher: stdlib only, started with -I -S (no site, no user paths) so that it starts fast.
_WATCHER = r'''
import json, os, select, signal, socket, sys, time
spec = json.loads(sys.argv[1])
signal.signal(signal.SIGINT, signal.SIG_IGN)
pids = {int(r): p for r, p in spec["ranks"].items()}
server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
server.bind(spec["address"])
server.listen(len(pids))
print("ready", flush=True)
os.close(1)

def status(pid):
    """How a rank ended, from its /proc/PID/stat exit_code while it is a zombie."""
    deadline = time.monotonic() + 0.2
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            break
        if fields[0] in "ZX":
            code = int(fields[49])
            if os.WIFSIGNALED(code):
                try:
                    return "killed by " + signal.Signals(os.WTERMSIG(code)).name
                except ValueError:
                    return f"killed by signal {os.WTERMSIG(code)}"
            return f"exit status {os.WEXITSTATUS(code)} without Python's normal exit"
        time.sleep(0.005)
    return "killed by a signal or crashed"

conns, text = {}, {}
server.settimeout(120)
try:
    while len(conns) < len(pids):
        conn, _ = server.accept()
        conn.settimeout(120)
        data = b""
        while b"\n" not in data:  # the rank's number; whatever follows is kept
            more = conn.recv(4096)
            if not more:
                raise ValueError("no rank number")
            data += more
        conn.settimeout(None)
        head, _, text[conn] = data.partition(b"\n")
        conns[conn] = int(head)
except (OSError, ValueError):
    pass  # a rank died while starting: its socket never came
server.close()
ended = set()
while conns:
    ready = select.select(list(conns), [], [])[0]
    dead = []
    for conn in ready:
        data = conn.recv(4096)
        text[conn] = text.get(conn, b"") + data
        if b"failed" in text[conn]:
            sys.exit(0)  # the rank reported its own failure
        if not data:
            rank = conns.pop(conn)
            if b"ended" not in text[conn]:
                dead.append(rank)
    if dead:
        if len(dead) > 1:  # the launcher reaps the first before it kills the others
            gone = [r for r in dead if not os.path.exists(f"/proc/{pids[r]}")]
            dead = gone if len(gone) == 1 else dead
        where = f" on {spec['host']}" if spec["host"] else ""
        if len(dead) == 1:
            what = f"rank {dead[0]} of {spec['size']} (pid {pids[dead[0]]}{where}) ended"
        else:
            what = (f"ranks {', '.join(map(str, dead))} of {spec['size']} (pids "
                    f"{', '.join(str(pids[r]) for r in dead)}{where}) ended together")
        print(f"{spec['prefix']}: {what} before the job finished: {status(pids[dead[0]])}; "
              "MPI ends the other ranks", file=sys.stderr, flush=True)
        sys.exit(0)
'''
