"""Screenshot of the RL Clarity tab: a real TensorBoard on LOGDIR, Debian's Chromium.

    python benchmarks/screenshot.py LOGDIR OUT.png [--hash 'traj=1&frame=60'] [--width 1700]
"""

import argparse
import sys

from playwright.sync_api import sync_playwright

sys.path.insert(0, __file__.rsplit("/benchmarks/", 1)[0])
from tests.support.browser import launch_chromium
from tests.support.tb import TensorBoardProcess

FRAME = 'iframe[src*="plugin_entry.html?name=rl_clarity"]'


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("logdir")
    p.add_argument("out")
    p.add_argument("--hash", default="", help="p.rl_clarity.* view state, e.g. 'frame=60'")
    p.add_argument("--width", type=int, default=1700)
    p.add_argument("--height", type=int, default=1250)
    p.add_argument("--popup", type=int, default=None, help="also open feature N's popup")
    args = p.parse_args(argv)
    tb = TensorBoardProcess(args.logdir)
    try:
        tb.wait()
        extra = "".join(f"&p.rl_clarity.{kv}" for kv in args.hash.split("&") if kv)
        with sync_playwright() as pw:
            browser = launch_chromium(pw)
            page = browser.new_page(viewport={"width": args.width, "height": args.height})
            page.goto(tb.url + "#rl_clarity" + extra)
            frame = page.frame_locator(FRAME)
            frame.locator("body[data-first-frame-ms]").wait_for(timeout=60000)
            page.wait_for_timeout(1500)
            if args.popup is not None:
                frame.locator(f'[data-testid="legend-{args.popup}"]').click()
                frame.locator('[data-testid="popup-image"]').wait_for()
                page.wait_for_timeout(500)
            page.screenshot(path=args.out)
            browser.close()
    finally:
        tb.close()
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
