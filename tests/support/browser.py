"""Debian's Chromium driven by Playwright (browser downloads are impossible here)."""

import shutil

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def launch_chromium(playwright):
    """``playwright.chromium.launch`` on the system ``chromium`` with the flags it needs."""
    return playwright.chromium.launch(executable_path=shutil.which("chromium"),
                                      args=CHROMIUM_ARGS)
