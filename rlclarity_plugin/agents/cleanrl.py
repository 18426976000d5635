"""CleanRL agents on the torch backend (work in progress)."""

from __future__ import annotations


def load_cleanrl_checkpoint(spec: str, *, device: str = "auto", env_kind=None, env_name=None,
                            env_kwargs=None):
    raise NotImplementedError("CleanRL loading is being written")
