"""Debian's Chromium driven by Playwright (browser downloads are impossible here), and what the
browser test modules share: their skip marker, the tab's frame and their screenshot folders."""

import os
import pathlib
import shutil

import pytest

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]

# a module (or test) that drives the browser
needs_chromium = pytest.mark.skipif(
    shutil.which("chromium") is None,
    reason="Debian's chromium is not installed (make test installs it)")

# the plugin's frame in TensorBoard's page
TB_FRAME = 'iframe[src*="plugin_entry.html?name=rl_clarity"]'


def launch_chromium(playwright):
    """``playwright.chromium.launch`` on the system ``chromium`` with the flags it needs."""
    return playwright.chromium.launch(executable_path=shutil.which("chromium"),
                                      args=CHROMIUM_ARGS)


def screens_folder(tmp_path_factory, name: str) -> pathlib.Path:
    """Where a module's screenshots go: ``$RLC_SCREENS/name`` when that is set, else a new
    temporary folder; printed (seen with ``-s``)."""
    root = os.environ.get("RLC_SCREENS")
    if root:
        path = pathlib.Path(root) / name
        path.mkdir(parents=True, exist_ok=True)
    else:
        path = tmp_path_factory.mktemp(name)
    print(f"\nscreenshots in {path}")
    return path
