"""The tensorboard_plugins entry point never takes TensorBoard down (both data loaders)."""

from importlib.metadata import entry_points

import pytest

from tests.support.tb import TensorBoardProcess


def test_entry_point_is_registered():
    eps = [ep for ep in entry_points().select(group="tensorboard_plugins")
           if ep.name == "rl_clarity"]
    assert len(eps) == 1
    from tensorboard.plugins import base_plugin

    loader = eps[0].load()
    assert issubclass(loader, base_plugin.TBLoader)


@pytest.mark.parametrize("load_fast", ["true", "false"])
def test_tensorboard_starts_and_serves(tmp_path, load_fast):
    tb = TensorBoardProcess(tmp_path, load_fast=load_fast)
    try:
        listing = tb.wait(timeout=90, plugin="scalars")  # raises if TensorBoard exits
        assert tb.proc.poll() is None
        assert "scalars" in listing
    finally:
        tb.close()
