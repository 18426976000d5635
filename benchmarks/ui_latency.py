"""Front-end speed of the RL Clarity tab in a real TensorBoard, driven by Debian's Chromium.

    python benchmarks/ui_latency.py [--logdir /tmp/rlc-bench] [--repeats 3]

1. Time to first frame: from ``page.goto(TB/#rl_clarity)`` (a fresh browser context, empty
   cache) until the first attribution frame is drawn on its canvas (the page marks
   ``body[data-first-frame-ms]``); median over ``--repeats`` loads (target <= 1.5 s). The part
   spent inside the tab's iframe (from its navigation start) is reported too.
2. Time per frame step with the overlay: in the page, ``rlClarity.setFrame(t)`` for every frame
   of the trajectory, each followed by a synchronous flush of the view (Svelte ``flushSync``),
   i.e. state change + colouring + blur + compositing of every canvas; first pass (nothing
   cached) and second pass, per layer (target <= 33 ms, i.e. 30 fps).
3. Achieved playback rate with the fps box set to 60, over 3 seconds.
4. The compare view (two panes on one timeline: the run's last two steps, or its analysis beside
   itself when it has one): time per frame step of both panes (``rlClarity.setFrame`` moves
   the shared timeline), per layer, first and second pass.
"""

import argparse
import json
import statistics
import sys
import time

from playwright.sync_api import sync_playwright

sys.path.insert(0, __file__.rsplit("/benchmarks/", 1)[0])
from tests.support.browser import launch_chromium
from tests.support.tb import TensorBoardProcess

FRAME = 'iframe[src*="plugin_entry.html?name=rl_clarity"]'
STEP_LOOP = """async (n) => {
  const r = window.rlClarity;  // the debug handle (tb_frontend/src/debug.ts)
  const out = [];
  for (let t = 0; t < n; t++) {
    const t0 = performance.now();
    r.setFrame(t);
    out.push(performance.now() - t0);
  }
  return out;
}"""


def stats(xs):
    xs = sorted(xs)
    return {"mean_ms": round(statistics.fmean(xs), 2),
            "p95_ms": round(xs[int(0.95 * (len(xs) - 1))], 2), "max_ms": round(xs[-1], 2)}


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--logdir", default="/tmp/rlc-bench")
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--layers", nargs="*", default=None, help="default: every layer")
    args = p.parse_args(argv)
    tb = TensorBoardProcess(args.logdir)
    report = {"logdir": args.logdir}
    try:
        tb.wait()
        runs = json.loads(tb.get("data/plugin/rl_clarity/runs")[2])["runs"]
        run, step = runs[0]["run"], runs[0]["steps"][-1]
        manifest = json.loads(tb.get(
            f"data/plugin/rl_clarity/manifest?run={run}&step={step}")[2])
        T = manifest["probe_set"]["steps"]
        layers = args.layers or [entry["name"] for entry in manifest["layers"]]
        with sync_playwright() as pw:
            browser = launch_chromium(pw)
            first, inside = [], []
            for _ in range(args.repeats):
                ctx = browser.new_context(viewport={"width": 1600, "height": 1200})
                page = ctx.new_page()
                t0 = time.perf_counter()
                page.goto(tb.url + "#rl_clarity")
                frame = page.frame_locator(FRAME)
                body = frame.locator("body[data-first-frame-ms]")
                body.wait_for(timeout=60000)
                first.append(time.perf_counter() - t0)
                inside.append(float(body.get_attribute("data-first-frame-ms")) / 1000)
                ctx.close()
            report["first_frame_s"] = round(statistics.median(first), 3)
            report["first_frame_s_all"] = [round(x, 3) for x in first]
            report["first_frame_inside_iframe_s"] = round(statistics.median(inside), 3)
            report["target_first_frame_s"] = 1.5

            per_layer = {}
            for layer in layers:
                page = browser.new_page(viewport={"width": 1600, "height": 1200})
                page.goto(tb.url + f"#rl_clarity&p.rl_clarity.run={run}&p.rl_clarity.step="
                          f"{step}&p.rl_clarity.layer={layer}&p.rl_clarity.frame=1")
                frame = page.frame_locator(FRAME)
                frame.locator("body[data-first-frame-ms]").wait_for(timeout=60000)
                inner = page.locator(FRAME).element_handle().content_frame()
                shown = inner.evaluate("() => window.rlClarity.state().layer")
                if shown != layer:
                    raise SystemExit(f"the page shows layer {shown!r}, not {layer!r}")
                cold = inner.evaluate(STEP_LOOP, T)
                warm = inner.evaluate(STEP_LOOP, T)
                per_layer[layer] = {"first_pass": stats(cold[1:]), "second_pass": stats(warm)}
            report["frame_step"] = per_layer
            report["target_frame_step_ms"] = 33
            # playback at fps 60
            frame.locator('[data-testid="fps"]').fill("60")
            frame.locator('[data-testid="first"]').click()
            start = int(frame.locator('[data-testid="frame-label"]').inner_text().split(":")[1])
            frame.locator('[data-testid="play"]').click()
            t0 = time.perf_counter()
            pause = frame.locator('[data-testid="pause"]')
            # a short trajectory ends (and playback stops) before 3 s: time until then
            while time.perf_counter() - t0 < 3.0 and pause.count():
                page.wait_for_timeout(50)
            elapsed = time.perf_counter() - t0
            if pause.count():
                pause.click()
            end = int(frame.locator('[data-testid="frame-label"]').inner_text().split(":")[1])
            report["playback_fps_at_60"] = round((end - start) / elapsed, 1)

            steps = runs[0]["steps"]
            step_b = steps[-2] if len(steps) > 1 else step
            compare = {}
            for layer in layers:
                page = browser.new_page(viewport={"width": 1900, "height": 1200})
                page.goto(tb.url + f"#rl_clarity&p.rl_clarity.run={run}&p.rl_clarity.step="
                          f"{step}&p.rl_clarity.run_b={run}&p.rl_clarity.step_b={step_b}"
                          f"&p.rl_clarity.layer={layer}&p.rl_clarity.frame=1")
                frame = page.frame_locator(FRAME)
                for side in "ab":
                    frame.locator(f'[data-testid="pane-{side}"] [data-testid="frame-label"]'
                                  ).wait_for(timeout=60000)
                frame.locator("body[data-first-frame-ms]").wait_for(timeout=60000)
                inner = page.locator(FRAME).element_handle().content_frame()
                page.wait_for_timeout(1000)  # both panes' attribution loaded
                cold = inner.evaluate(STEP_LOOP, T)
                warm = inner.evaluate(STEP_LOOP, T)
                compare[layer] = {"first_pass": stats(cold[1:]), "second_pass": stats(warm)}
                page.close()
            report["compare_frame_step"] = compare
            report["compare_steps"] = [step, step_b]
            browser.close()
    finally:
        tb.close()
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
