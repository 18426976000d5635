"""Exit codes with one meaning each (``rlclarity_plugin.exit_codes``), documented in ``--help``
and the README; every failure is one line on stderr."""

import errno
import os
import re
import subprocess
import sys

import pytest

from rlclarity_plugin import MissingExtraError, cli, exit_codes
from rlclarity_plugin.export import ExportTooLarge
from rlclarity_plugin.store.reader import StoreError

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.mark.parametrize("error,code", [
    (ValueError("--seed: must be >= 0"), exit_codes.BAD_INPUT),
    (FileNotFoundError(errno.ENOENT, "No such file or directory", "ckpt"), exit_codes.BAD_INPUT),
    (MissingExtraError("needs procgen"), exit_codes.BAD_INPUT),
    (StoreError("corrupt manifest"), exit_codes.BAD_INPUT),
    (ExportTooLarge("the export would be 60 MiB"), exit_codes.TOO_LARGE),
    (NotADirectoryError(errno.ENOTDIR, "Not a directory", "f"), exit_codes.FILE_SYSTEM),
    (IsADirectoryError(errno.EISDIR, "Is a directory", "d"), exit_codes.FILE_SYSTEM),
    (OSError(errno.ENOSPC, "No space left on device", "f"), exit_codes.FILE_SYSTEM),
    (OSError(errno.EROFS, "Read-only file system", "f"), exit_codes.FILE_SYSTEM),
    (PermissionError(errno.EACCES, "Permission denied", "f"), exit_codes.FILE_SYSTEM),
    (KeyboardInterrupt(), exit_codes.INTERRUPTED),
    (exit_codes.Interrupted(), exit_codes.INTERRUPTED),
    (RuntimeError("boom"), exit_codes.INTERNAL_ERROR),
    (ConnectionError("reset"), exit_codes.INTERNAL_ERROR),
])
def test_each_failure_has_its_code(error, code):
    assert exit_codes.code_for(error) == code


def test_codes_are_distinct_and_documented():
    codes = {name: getattr(exit_codes, name) for name in
             ("OK", "INTERNAL_ERROR", "BAD_INPUT", "TOO_LARGE", "FILE_SYSTEM", "INTERRUPTED")}
    assert len(set(codes.values())) == len(codes)
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    section = readme[readme.index("## Exit codes"):]
    section = section[:section.find("\n## ", 1)]
    for code in codes.values():
        assert re.search(rf"^\| `{code}` ", section, re.M), f"README: no row for {code}"
        assert re.search(rf"^  {code} +\S", exit_codes.HELP, re.M), f"--help: no line for {code}"


def test_help_ends_with_the_exit_codes(capsys):
    with pytest.raises(SystemExit) as done:
        cli.main(["--help"])
    assert done.value.code == 0
    assert capsys.readouterr().out.rstrip().endswith(exit_codes.HELP)


def _export(capsys, logdir, *args):
    code = cli.main(["export", "--logdir", logdir, "--run", "agentA", "--step", "1000", *args])
    return code, capsys.readouterr().err


def test_too_large_and_bad_input_differ(analysed_logdir, tmp_path, capsys):
    """What the MLflow hook acts on: 3 (drop something and retry smaller) vs 2 (won't work)."""
    out = tmp_path / "page.html"
    code, err = _export(capsys, analysed_logdir, "-o", str(out), "--max-size", "0.01")
    assert code == exit_codes.TOO_LARGE == 3 and "Drop some with --layers" in err
    assert not out.exists()
    code, err = _export(capsys, analysed_logdir.replace("logs", "nothing"), "-o", str(out))
    assert code == exit_codes.BAD_INPUT == 2 and not out.exists(), err
    code = cli.main(["export", "--logdir", analysed_logdir, "--run", "corrupt", "-o", str(out)])
    assert code == exit_codes.BAD_INPUT and not out.exists()


def test_an_internal_error_is_one_line(analysed_logdir, tmp_path, capsys, monkeypatch):
    import rlclarity_plugin.export as export

    def broken(*args, **kwargs):
        raise TypeError("unsupported operand\nsecond line")

    monkeypatch.setattr(export, "export_html", broken)
    code, err = _export(capsys, analysed_logdir, "-o", str(tmp_path / "x.html"))
    assert code == exit_codes.INTERNAL_ERROR == 1
    assert err.strip().splitlines() == [
        "rl-clarity export: internal error: TypeError: unsupported operand (run again with "
        "--verbose for the traceback)"]
    code = cli.main(["--verbose", "export", "--logdir", analysed_logdir, "--run", "agentA",
                     "-o", str(tmp_path / "x.html")])
    err = capsys.readouterr().err
    assert code == exit_codes.INTERNAL_ERROR and "Traceback" in err and "in broken" in err


def test_ctrl_c_is_interrupted(analysed_logdir, tmp_path, capsys, monkeypatch):
    import rlclarity_plugin.export as export

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(export, "export_html", interrupted)
    code, err = _export(capsys, analysed_logdir, "-o", str(tmp_path / "x.html"))
    assert code == exit_codes.INTERRUPTED == 130
    assert err.strip() == "rl-clarity export: interrupted"


def test_sigterm_is_interrupted_in_the_real_process():
    script = ("import os, signal, sys, time\n"
              "from rlclarity_plugin.cli import run_command\n"
              "def work():\n"
              "    os.kill(os.getpid(), signal.SIGTERM)\n"
              "    time.sleep(60)\n"
              "sys.exit(run_command('train', work, verbose=False))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == exit_codes.INTERRUPTED, done.stderr
    assert done.stderr.strip() == "rl-clarity train: interrupted"
