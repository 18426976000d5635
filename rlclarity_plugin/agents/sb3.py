"""Stable-Baselines3 ``PPO`` / ``A2C`` models on the torch backend (work in progress)."""

from __future__ import annotations

import zipfile

from ..store import files

SB3_MEMBERS = ("data", "policy.pth")


def is_sb3_checkpoint(path: str) -> bool:
    """True for a zip archive holding SB3's ``data`` and ``policy.pth`` (read by content, not
    by name); False for anything else, including missing files."""
    try:
        if not files.isfile(path):
            return False
        head = files.read(path, 0, 4)
        if head != b"PK\x03\x04":
            return False
        import io

        with zipfile.ZipFile(io.BytesIO(files.read(path))) as z:
            names = set(z.namelist())
    except (OSError, ValueError, zipfile.BadZipFile):
        return False
    return all(m in names for m in SB3_MEMBERS)


def load_sb3(path: str, *, device: str = "auto", env_kind=None, env_name=None, env_kwargs=None):
    raise NotImplementedError("Stable-Baselines3 loading is being written")
