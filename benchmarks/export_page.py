"""Size and speed of the standalone HTML export of an analysis.

    python benchmarks/export_page.py [--logdir /tmp/rlc-bench] [--run bench] [-o /tmp/rlc.html]

Exports the analysis (all layers, trajectories, outputs and feature variants), reports the file
size against MLflow's 50 MiB preview cap and the time the export took, the store's bytes for the
same analysis, then opens the file from file:// in Debian's Chromium and reports the time to the
first attribution frame drawn (median of 3 loads).
"""

import argparse
import json
import os
import statistics
import sys
import time

sys.path.insert(0, __file__.rsplit("/benchmarks/", 1)[0])
from rlclarity_plugin.export import export_html
from rlclarity_plugin.store import schema
from rlclarity_plugin.store.reader import LogdirReader
from tests.support.browser import launch_chromium


def du(path):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--logdir", default="/tmp/rlc-bench")
    p.add_argument("--run", default="bench")
    p.add_argument("-o", "--output", default="/tmp/rlc-export.html")
    p.add_argument("--repeats", type=int, default=3)
    args = p.parse_args(argv)
    step = LogdirReader(args.logdir).steps(args.run)[-1]
    t0 = time.perf_counter()
    result = export_html(args.logdir, args.run, step, args.output, max_size=None)
    seconds = time.perf_counter() - t0
    store = du(schema.asset_dir(os.path.join(args.logdir, args.run), step))
    report = {"file_mib": round(result.size / 2**20, 1), "mlflow_cap_mib": 50,
              "store_mib": round(store / 2**20, 1), "export_s": round(seconds, 1),
              "parts_mib": {k: round(v / 2**20, 2) for k, v in result.parts.items()}}
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        loads = []
        for _ in range(args.repeats):
            page = browser.new_page(viewport={"width": 1600, "height": 1200})
            t = time.perf_counter()
            page.goto("file://" + os.path.abspath(args.output))
            page.locator("body[data-first-frame-ms]").wait_for(timeout=120000)
            loads.append(time.perf_counter() - t)
            page.close()
        browser.close()
    report["first_frame_s"] = round(statistics.median(loads), 2)
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
