"""File-system errors are one line and exit code 4 (``exit_codes.FILE_SYSTEM``), never a
traceback, and leave nothing half-written: not a directory, is a directory, no space left,
read-only.

The faults are real where this machine allows: a folder under a file, a folder where a file
goes, and a small tmpfs (full, or remounted read-only) when ``mount`` works (root with mount
rights). Elsewhere only the write call is replaced by one that fails with the same errno (a
non-root user gets a real read-only folder through permissions instead).
"""

import contextlib
import errno
import os
import subprocess
import sys
import uuid

import pytest

from rlclarity_plugin import cli, exit_codes
from rlclarity_plugin.store import files


def _mount(path, *options) -> bool:
    try:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", ",".join(options), "tmpfs",
                               str(path)], capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


@contextlib.contextmanager
def faulty_folder(tmp_path, monkeypatch, code):
    """A folder where writing a file fails with ``code`` (ENOSPC: a 64 KiB tmpfs; EROFS: a
    tmpfs remounted read-only); yields ``(path, real)``."""
    path = tmp_path / f"faulty-{uuid.uuid4().hex[:6]}"
    path.mkdir()
    options = ["size=64k", "mode=0777"]
    if os.geteuid() == 0 and _mount(path, *options):
        try:
            if code == errno.EROFS:
                subprocess.run(["mount", "-o", "remount,ro", str(path)], check=True,
                               capture_output=True, timeout=30)
            yield path, True
        finally:
            subprocess.run(["umount", "-l", str(path)], capture_output=True, timeout=30)
        return
    if code == errno.EROFS and os.geteuid() != 0:
        path.chmod(0o555)  # a real refusal: EACCES rather than EROFS, the same exit code
        try:
            yield path, True
        finally:
            path.chmod(0o755)
        return
    real_open = open

    def failing_open(file, mode="r", *args, **kwargs):
        if "w" in mode and str(file).startswith(str(path)):
            raise OSError(code, os.strerror(code), str(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(files, "open", failing_open, raising=False)
    yield path, False


def _run(capsys, *argv):
    code = cli.main(list(argv))
    err = capsys.readouterr().err
    return code, err


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


@pytest.fixture
def export_args(analysed_logdir):
    return ["export", "--logdir", analysed_logdir, "--run", "agentA", "--step", "1000",
            "--layers", "2b"]


def test_export_to_a_folder(export_args, tmp_path, capsys):
    before = sorted(os.listdir(tmp_path))
    code, err = _run(capsys, *export_args, "-o", str(tmp_path))
    assert code == exit_codes.FILE_SYSTEM
    assert _one_line(err) == (f"rl-clarity export: error: {tmp_path}: Is a directory (a folder "
                              "stands where a file is needed: give a file name)")
    assert sorted(os.listdir(tmp_path)) == before


def test_export_under_a_file(export_args, tmp_path, capsys):
    (tmp_path / "file").write_text("x")
    code, err = _run(capsys, *export_args, "-o", str(tmp_path / "file" / "page.html"))
    assert code == exit_codes.FILE_SYSTEM
    assert f"{tmp_path / 'file'}: Not a directory" in _one_line(err)


@pytest.mark.parametrize("fault,words", [(errno.ENOSPC, "No space left on device"),
                                         (errno.EROFS, "")])
def test_export_to_a_full_or_read_only_file_system(export_args, tmp_path, monkeypatch, capsys,
                                                   fault, words):
    with faulty_folder(tmp_path, monkeypatch, fault) as (folder, _):
        code, err = _run(capsys, *export_args, "-o", str(folder / "page.html"))
        assert code == exit_codes.FILE_SYSTEM
        line = _one_line(err)
        assert line.startswith(f"rl-clarity export: error: {folder}") and words in line, line
        assert os.listdir(folder) == []  # no page, no temporary file


def test_atomic_write_on_a_full_file_system(tmp_path, monkeypatch):
    with faulty_folder(tmp_path, monkeypatch, errno.ENOSPC) as (folder, _):
        target = str(folder / "sub" / "data.bin")
        with pytest.raises(OSError) as err:
            files.write_atomic(target, b"\0" * (1 << 20))
        assert err.value.errno == errno.ENOSPC and err.value.filename == target
        assert os.listdir(folder / "sub") == []


@pytest.mark.parametrize("command,where", [
    ("analyze", "file"), ("analyze", "file/sub"), ("analyze", "read-only"),
    ("train", "file"), ("train", "read-only")])
def test_an_unusable_logdir(tmp_path, monkeypatch, capsys, command, where):
    """Refused before any work (no checkpoint loaded, no training, nothing created)."""
    (tmp_path / "file").write_text("x")
    with contextlib.ExitStack() as stack:
        if where == "read-only":
            folder, real = stack.enter_context(faulty_folder(tmp_path, monkeypatch,
                                                             errno.EROFS))
            if not real:
                pytest.skip("no read-only folder here (root without mount rights)")
            logdir = folder / "logs"
        else:
            logdir = tmp_path / where
        before = sorted(os.listdir(tmp_path))
        args = (["analyze", "demo:coinrun"] if command == "analyze" else
                ["train", "--env", "coinrun", "--timesteps", "64"])
        code, err = _run(capsys, *args, "--logdir", str(logdir), "--no-progress")
        assert code == exit_codes.FILE_SYSTEM, err
        assert _one_line(err).startswith(f"rl-clarity {command}: error: ")
        assert sorted(os.listdir(tmp_path)) == before


def test_demo_into_a_file(tmp_path, capsys):
    (tmp_path / "file").write_text("x")
    code, err = _run(capsys, "demo", "--logdir", str(tmp_path / "file"), "--small",
                     "--no-tensorboard")
    assert code == exit_codes.FILE_SYSTEM
    assert "Not a directory" in _one_line(err)


def test_the_process_exits_with_the_code(export_args, tmp_path):
    """The real process: exit status 4 and one line on stderr."""
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    done = subprocess.run([sys.executable, "-m", "rlclarity_plugin.cli", *export_args, "-o",
                           str(tmp_path)], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == exit_codes.FILE_SYSTEM == 4, done.stderr
    assert "Is a directory" in _one_line(done.stderr)
