"""The exit codes of ``rl-clarity``: one meaning each.

A script (or the MLflow hooks, which run ``rl-clarity analyze`` and ``rl-clarity export`` as
child processes) can act on the code alone; the message on stderr says the rest in one line.

========  =================  ==========================================================
code      name               meaning
========  =================  ==========================================================
0         ``OK``             done
1         ``INTERNAL_ERROR`` a fault of rl-clarity (or of a library under it): one line on
                             stderr; ``rl-clarity --verbose ...`` prints the traceback
2         ``BAD_INPUT``      the command cannot work with what it was given: an unknown or
                             invalid option, a missing or unreadable checkpoint, probe set,
                             run or step, a corrupt store, an extra that is not installed
3         ``TOO_LARGE``      ``export``: the selection is over ``--max-size``; nothing was
                             written, the message says what to drop
4         ``FILE_SYSTEM``    the file system refused a read or a write: not a directory,
                             is a directory, no space left, read-only, permission denied;
                             nothing half-written is left under the final name
130       ``INTERRUPTED``    stopped by Ctrl-C (SIGINT) or SIGTERM (128 + SIGINT, as shells
                             report Ctrl-C); an interrupted analysis resumes where it stopped
========  =================  ==========================================================

Under ``mpirun`` the code of the whole job is MPI's: a rank that fails prints its rank number
and the reason, then aborts every rank.
"""

from __future__ import annotations

import errno

OK = 0
INTERNAL_ERROR = 1
BAD_INPUT = 2
TOO_LARGE = 3
FILE_SYSTEM = 4
INTERRUPTED = 130

__all__ = ["BAD_INPUT", "FILE_SYSTEM", "HELP", "INTERNAL_ERROR", "INTERRUPTED", "OK",
           "TOO_LARGE", "Interrupted", "TooLargeError", "code_for", "describe"]

# `rl-clarity --help` ends with this (and the README's "Exit codes" section says the same)
HELP = """exit codes:
  0    done
  1    internal error (one line; --verbose prints the traceback)
  2    bad input: an invalid option, a missing or unusable checkpoint, probe set, run or
       step, a corrupt store, an extra that is not installed
  3    too large: the export is over --max-size (nothing written)
  4    file-system error: not a directory, is a directory, no space left, read-only,
       permission denied (nothing half-written is left)
  130  interrupted (Ctrl-C or SIGTERM)"""


class Interrupted(KeyboardInterrupt):
    """SIGTERM, raised in the main thread like Ctrl-C's ``KeyboardInterrupt``."""


class TooLargeError(ValueError):
    """The output would be over a size limit (``export.ExportTooLarge``); nothing was written.

    A ``ValueError`` too, so that code catching bad requests keeps catching it."""


def _is_file_system_error(error: BaseException) -> bool:
    """An ``OSError`` the file system raised about a path (not a missing input, which is bad
    input, and not a network error)."""
    if not isinstance(error, OSError) or isinstance(error, FileNotFoundError):
        return False
    if isinstance(error, (ConnectionError, TimeoutError)):
        return False
    return True


def code_for(error: BaseException) -> int:
    """The exit code for an exception that ended a command."""
    if isinstance(error, KeyboardInterrupt):
        return INTERRUPTED
    if isinstance(error, TooLargeError):
        return TOO_LARGE
    if _is_file_system_error(error):
        return FILE_SYSTEM
    if isinstance(error, (ValueError, FileNotFoundError)):
        return BAD_INPUT
    return INTERNAL_ERROR


_HINTS = {
    errno.ENOSPC: "free some space or write elsewhere",
    errno.EDQUOT: "free some space or write elsewhere",
    errno.EROFS: "the file system is read-only: write elsewhere",
    errno.EACCES: "no permission: write elsewhere or change the folder's permissions",
    errno.EPERM: "no permission: write elsewhere or change the folder's permissions",
    errno.ENOTDIR: "a file stands where a folder is needed",
    errno.EISDIR: "a folder stands where a file is needed: give a file name",
    errno.EEXIST: "something is already there",
}


def describe(error: BaseException) -> str:
    """The one-line message for an exception (without the ``rl-clarity CMD: `` prefix)."""
    code = code_for(error)
    if code == INTERRUPTED:
        return "interrupted"
    if code == FILE_SYSTEM or (isinstance(error, OSError) and error.strerror):
        err = error  # type: OSError
        what = err.strerror or str(err) or type(err).__name__
        where = " -> ".join(str(f) for f in (err.filename, err.filename2) if f)
        hint = _HINTS.get(err.errno) if code == FILE_SYSTEM else None
        return (f"error: {where + ': ' if where else ''}{what}"
                f"{' (' + hint + ')' if hint else ''}")
    if code in (BAD_INPUT, TOO_LARGE):
        return f"error: {error}"
    first = (str(error).strip().splitlines() or [""])[0][:300]
    return (f"internal error: {type(error).__name__}{': ' + first if first else ''} "
            "(run again with --verbose for the traceback)")


