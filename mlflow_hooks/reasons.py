"""One-line failure reasons for the hook's report, and which MLflow errors mean "the tracking
store cannot be reached now" (worth retrying later) rather than "this cannot be logged"."""

from __future__ import annotations

import re

LIMIT = 600
# the CLI's own error line: "rl-clarity analyze: error: ...", ": internal error: ...",
# ": interrupted" (rlclarity_plugin.exit_codes.describe); under mpiexec the failing rank's:
# "rl-clarity analyze: rank 1 of 2 failed: error: ..."
_CLI_ERROR = re.compile(r"^rl-clarity [\w-]+: (rank \d+ of \d+ failed: )?"
                        r"(error: |internal error: |interrupted)")
# the last line of a Python traceback: "ValueError: ...", "mlflow.exceptions.MlflowException: ..."
_EXCEPTION = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Interrupt|Exit|Failure)\b(: |$)")
# library noise printed before the real error (warnings, log records, absl/TF notices)
_NOISE = re.compile(r"warn|^\s*(I|W)\d{4} |^\s*\d{4}-\d\d-\d\d[ T]|oneDNN|^\s*(INFO|DEBUG)\b",
                    re.IGNORECASE)

_UNREACHABLE = ("Max retries exceeded", "Connection refused", "Failed to establish a new "
                "connection", "Connection aborted", "RemoteDisconnected", "Read timed out",
                "failed with timeout exception", "Connection reset", "ConnectTimeout",
                "ReadTimeout", "Temporary failure in name resolution", "database is locked",
                "too many 5", "503 Server Error", "502 Server Error", "504 Server Error")


def _cut(text: str, limit: int = LIMIT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 3].rstrip() + "..."


def output_reason(text: str, limit: int = LIMIT) -> str:
    """The real error in a child's output, on one line, from its start: the CLI's
    ``rl-clarity CMD: error:`` line, else a traceback's exception line, else the last line that
    is not a warning or a log notice."""
    lines = [line.rstrip() for line in (text or "").splitlines() if line.strip()]
    for pattern in (_CLI_ERROR, _EXCEPTION):
        for i in range(len(lines) - 1, -1, -1):
            if pattern.match(lines[i].strip()):
                return _cut(lines[i].strip(), limit)
    for line in reversed(lines):
        if not _NOISE.search(line):
            return _cut(line, limit)
    return _cut(lines[-1], limit) if lines else "(no output)"


def exception_reason(error: BaseException, limit: int = LIMIT) -> str:
    """``Type: message`` of an exception, on one line."""
    return _cut(f"{type(error).__name__}: {error}", limit)


def is_unreachable(error: BaseException) -> bool:
    """Whether ``error`` says the tracking store could not be reached (connection refused or
    reset, a timeout, a 5xx after MLflow's own retries, a locked sqlite file): the same call may
    succeed later."""
    seen = set()
    e = error
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        name = type(e).__name__
        if name in ("ConnectionError", "Timeout", "ConnectTimeout", "ReadTimeout",
                    "ConnectionRefusedError", "ConnectionResetError", "MaxRetryError",
                    "NewConnectionError"):
            return True
        if any(s in str(e) for s in _UNREACHABLE):
            return True
        e = e.__cause__ or e.__context__
    return False
