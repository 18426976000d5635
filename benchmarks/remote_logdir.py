"""What an object-store logdir costs: the same analysis into a local folder and into ``s3://``.

    python benchmarks/remote_logdir.py [--checkpoint demo:coinrun] [--workdir /tmp/rlc-remote]

Starts a moto S3 server on 127.0.0.1 (no network latency: this measures the client-side cost
of the object store, temporary names and renames included, not a WAN), collects one probe set
and analyses the checkpoint twice on it, once into a local logdir and once into
``s3://bench/logs``, in one run. Then starts TensorBoard on each (plain TensorBoard with the
Rust data server on the local one, ``rl-clarity tensorboard`` on the bucket) and times (a) from
the process start until the tab lists the analysis and (b) every request the tab makes for two
trajectories, cold then warm (sequential, one client). Prints one table.
"""

import argparse
import json
import os
import subprocess
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from tests.support.s3 import MotoServer
from tests.support.tb import TensorBoardProcess

SIZES = ["--traj-envs", "4", "--traj-steps", "256", "--obs-envs", "16", "--obs-per-env", "64",
         "--obs-every", "16", "--layers", "2b", "--seed", "1"]


def cli(*args, env):
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "rlclarity_plugin.cli", *args], env=env,
                          capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(done.stderr[-3000:])
    return time.perf_counter() - t, done.stdout


def routes(tb, run, step):
    """The requests the tab makes for the first two trajectories of every layer."""
    status, _, body = tb.get(f"data/plugin/rl_clarity/manifest?run={run}&step={step}")
    assert status == 200, body[:300]
    m = json.loads(body)
    q = f"run={run}&step={step}"
    out = [f"manifest?{q}", f"thumbnails?{q}&layer={m['layers'][0]['name']}"]
    for layer in m["layers"]:
        name = layer["name"]
        out.append(f"thumbnails?{q}&layer={name}")
        for traj in range(2):
            out += [f"series?{q}&traj={traj}", f"frames?{q}&traj={traj}",
                    f"scrub?{q}&traj={traj}"]
            for o in m["outputs"]:
                out += [f"unit?{q}&layer={name}&traj={traj}&output={o['key']}",
                        f"attribution?{q}&layer={name}&traj={traj}&output={o['key']}"]
        for k in range(min(4, layer.get("features", 4))):
            out.append(f"feature?{q}&layer={name}&feature={k}&subdiv=1&expand=2")
            out.append(f"feature_grid?{q}&layer={name}&feature={k}&subdiv=1&expand=2")
    return out


def serve(logdir, launcher, env, run, step):
    os.environ.update(env)
    t0 = time.perf_counter()
    tb = TensorBoardProcess(logdir, load_fast="false" if launcher else "true",
                            launcher=launcher)
    try:
        tb.wait(timeout=300)
        while True:
            runs = json.loads(tb.get("data/plugin/rl_clarity/runs")[2])["runs"]
            if any(r["run"] == run and step in r["steps"] for r in runs):
                break
            time.sleep(0.1)
        listed = time.perf_counter() - t0
        times = {}
        for phase in ("cold", "warm"):
            lat = []
            for path in routes(tb, run, step):
                t = time.perf_counter()
                status, _, body = tb.get("data/plugin/rl_clarity/" + path,
                                         headers={"Accept-Encoding": "gzip"})
                lat.append(time.perf_counter() - t)
                assert status == 200, (path, body[:200])
            times[phase] = np.asarray(lat) * 1000
        return listed, times
    finally:
        tb.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--checkpoint", default="demo:coinrun")
    ap.add_argument("--workdir", default="/tmp/rlc-remote")
    args = ap.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    server = MotoServer(os.path.join(args.workdir, "moto.log"))
    try:
        env = {**os.environ, **server.env, "TF_CPP_MIN_LOG_LEVEL": "3"}
        client = server.client()
        client.create_bucket(Bucket="bench")
        probe = os.path.join(args.workdir, "probe.npz")
        if not os.path.exists(probe):
            cli("probe", args.checkpoint, "-o", probe, *SIZES[:10], "--seed", "1", env=env)
        local = os.path.join(args.workdir, f"logs-{int(time.time())}")
        remote = "s3://bench/logs"
        results = {}
        for name, logdir in (("local", local), ("s3 (moto)", remote)):
            seconds, out = cli("analyze", args.checkpoint, "--logdir", logdir, "--run", "bench",
                               "--step", "1", "--probe-set", probe, "--no-progress", *SIZES,
                               env=env)
            results[name] = {"analysis_s": seconds, "summary": out.strip().splitlines()[-1]}
        objects = [o for page in client.get_paginator("list_objects_v2").paginate(
            Bucket="bench", Prefix="logs/") for o in page.get("Contents", [])]
        results["s3 (moto)"]["objects"] = len(objects)
        results["s3 (moto)"]["bytes"] = sum(o["Size"] for o in objects)
        for name, logdir, launcher in (("local", local, False), ("s3 (moto)", remote, True)):
            listed, times = serve(logdir, launcher, server.env, "bench", 1)
            results[name].update(listed_s=listed, **{
                f"{phase}_ms": (float(np.median(t)), float(np.percentile(t, 95)), len(t))
                for phase, t in times.items()})
    finally:
        server.close()
    print(f"objects in the bucket: {results['s3 (moto)']['objects']}, "
          f"{results['s3 (moto)']['bytes'] / 2**20:.1f} MiB")
    print(f"{'logdir':<11} {'analysis':>9} {'tab listed':>11} {'cold p50/p95 ms':>17} "
          f"{'warm p50/p95 ms':>17}")
    for name, r in results.items():
        print(f"{name:<11} {r['analysis_s']:>8.1f}s {r['listed_s']:>10.1f}s "
              f"{r['cold_ms'][0]:>8.1f}/{r['cold_ms'][1]:<7.1f} "
              f"{r['warm_ms'][0]:>8.1f}/{r['warm_ms'][1]:<7.1f}  ({r['cold_ms'][2]} requests)")
    for name, r in results.items():
        print(f"{name}: {r['summary']}")


if __name__ == "__main__":
    main()
