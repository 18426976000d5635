"""Route latency of the RL Clarity plugin under concurrent clients, against a real TensorBoard.

    python benchmarks/route_latency.py [--logdir /tmp/rlc-bench] [--clients 20]
        [--requests 40] [--load-fast true]

Starts ``tensorboard --logdir LOGDIR`` (the Rust data server by default), waits until it lists the
tab, then ``--clients`` threads each issue ``--requests`` requests drawn (seeded) from the mix
the interface makes while a user browses (each client on one persistent HTTP/1.1 connection, as
a browser tab keeps): series, attribution units and maps (gzip), frames,
scrubs, thumbnails, feature pictures and grids, observation sheets, manifest and runs. Reports
latency percentiles per route and overall (target: p95 <= 50 ms with 20 clients). Run names,
steps, layers and outputs come from the ``/runs`` and ``/manifest`` routes themselves.
"""

import argparse
import http.client
import json
import os
import random
import sys
import threading
import time
import urllib.parse
import urllib.request

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from tests.support.tb import TensorBoardProcess

BASE = "data/plugin/rl_clarity/"


def fetch(url: str) -> tuple[int, int]:
    req = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return r.status, len(r.read())


class Connection:
    """One persistent HTTP/1.1 connection, as a browser keeps (TensorBoard's server allows it)."""

    def __init__(self, port: int):
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def get(self, path: str) -> tuple[int, int]:
        for attempt in range(2):
            try:
                self.conn.request("GET", "/" + path, headers={"Accept-Encoding": "gzip"})
                r = self.conn.getresponse()
                body = r.read()
                if r.status != 200:
                    raise RuntimeError(f"HTTP {r.status}: {body[:200]!r}")
                return r.status, len(body)
            except (http.client.HTTPException, ConnectionError):
                if attempt:
                    raise
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        raise AssertionError("unreachable")


def request_mix(runs: list, manifests: dict, rng: random.Random, n: int) -> list:
    out = []
    for _ in range(n):
        run, step = rng.choice(runs)
        m = manifests[(run, step)]
        E = m["probe_set"]["trajectories"]
        layer = rng.choice(m["layers"])
        output = rng.choice(m["outputs"])["key"]
        traj = rng.randrange(E)
        base = {"run": run, "step": step}
        kind = rng.choices(
            ["series", "unit", "attribution", "frames", "scrub", "thumbnails", "feature",
             "feature_grid", "observations", "manifest", "runs"],
            weights=[2, 3, 3, 2, 1, 1, 2, 1, 1, 1, 1])[0]
        if kind in ("series", "frames", "scrub"):
            params = {**base, "traj": traj}
        elif kind in ("unit", "attribution"):
            params = {**base, "layer": layer["name"], "traj": traj, "output": output}
        elif kind == "thumbnails":
            params = {**base, "layer": layer["name"]}
        elif kind in ("feature", "feature_grid"):
            hidden = [entry for entry in m["layers"] if entry.get("features")]
            layer = rng.choice(hidden)
            f = m["features"]
            params = {**base, "layer": layer["name"], "feature": rng.randrange(layer["features"]),
                      "subdiv": f"{rng.choice(f['subdiv_mults']):g}",
                      "expand": f"{rng.choice(f['expand_mults']):g}"}
        elif kind == "observations":
            params = {**base, "sheet": rng.randrange(-(-m["probe_set"]["observations"] //
                                                       m["assets"]["sheet_size"]))}
        elif kind == "manifest":
            params = base
        else:
            params = {}
        out.append((kind, BASE + kind + ("?" + urllib.parse.urlencode(params) if params else "")))
    return out


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process and its children so far (Linux /proc)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        ticks = sum(int(x) for x in fields[11:15])
        return ticks / os.sysconf("SC_CLK_TCK")
    except OSError:
        return float("nan")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--logdir", default="/tmp/rlc-bench")
    p.add_argument("--clients", type=int, default=20)
    p.add_argument("--requests", type=int, default=40, help="per client")
    p.add_argument("--load-fast", default="true", choices=["true", "false"])
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)

    tb = TensorBoardProcess(args.logdir, load_fast=args.load_fast)
    try:
        t0 = time.perf_counter()
        tb.wait(timeout=300)
        startup = time.perf_counter() - t0
        runs_body = json.loads(tb.get(BASE + "runs")[2])
        runs = [(r["run"], s) for r in runs_body["runs"] for s in r["steps"]]
        if not runs:
            raise SystemExit(f"no analysed runs in {args.logdir}: {runs_body}")
        manifests = {(run, step): json.loads(tb.get(
            BASE + "manifest?" + urllib.parse.urlencode({"run": run, "step": step}))[2])
            for run, step in runs}
        plans = [request_mix(runs, manifests, random.Random(args.seed * 1000 + c),
                             args.requests) for c in range(args.clients)]
        # warm-up: one request per route (the data provider's first answers), not the figure
        for path in {kind: path for plan in plans for kind, path in plan}.values():
            fetch(tb.url + path)
        results, failures = [], []
        lock = threading.Lock()
        barrier = threading.Barrier(args.clients)

        def client(plan):
            conn = Connection(tb.port)
            barrier.wait()
            for kind, path in plan:
                t = time.perf_counter()
                try:
                    status, size = conn.get(path)
                except Exception as e:  # every failure is reported
                    with lock:
                        failures.append(f"{path}: {e}")
                    continue
                with lock:
                    results.append((kind, time.perf_counter() - t, size))

        threads = [threading.Thread(target=client, args=(plan,)) for plan in plans]
        cpu_server0, cpu_client0 = _cpu_seconds(tb.proc.pid), time.process_time()
        t_all = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t_all
        cpu_server = _cpu_seconds(tb.proc.pid) - cpu_server0
        cpu_client = time.process_time() - cpu_client0
    finally:
        tb.close()

    lat = np.array([r[1] for r in results]) * 1000
    per_route = {}
    for kind in sorted({r[0] for r in results}):
        x = np.array([r[1] for r in results if r[0] == kind]) * 1000
        per_route[kind] = {"n": int(x.size), "p50_ms": round(float(np.percentile(x, 50)), 1),
                           "p95_ms": round(float(np.percentile(x, 95)), 1)}
    report = {
        "logdir": args.logdir, "load_fast": args.load_fast, "clients": args.clients,
        "requests": len(results), "failures": failures[:5], "failed": len(failures),
        "tensorboard_startup_s": round(startup, 1),
        "throughput_rps": round(len(results) / wall, 1),
        "wall_s": round(wall, 2), "cpu_s_server": round(cpu_server, 2),
        "cpu_s_client": round(cpu_client, 2),
        "mbytes": round(sum(r[2] for r in results) / 1e6, 1),
        "p50_ms": round(float(np.percentile(lat, 50)), 1),
        "p95_ms": round(float(np.percentile(lat, 95)), 1),
        "p99_ms": round(float(np.percentile(lat, 99)), 1),
        "target_p95_ms": 50, "per_route": per_route,
    }
    print(json.dumps(report))
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
