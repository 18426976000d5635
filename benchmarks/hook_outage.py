"""An MLflow outage during training with the hook: what is analysed, what reaches MLflow, and
how long the training loop waits.

    python benchmarks/hook_outage.py [--checkpoints 12] [--interval 10] [--outage-start 20]
        [--outage 65]

A training loop that hands a checkpoint to a :class:`mlflow_hooks.CheckpointAnalyzer` every
``--interval`` seconds (the demo CoinRun agent, tiny analysis: 2 x 16 trajectory steps, layer 2b,
``max_pending=2``, default retry settings) runs twice against a real ``mlflow server`` (sqlite
store): without an outage, then with the server killed ``--outage-start`` s into training and
started again (same port and store) ``--outage`` s later. Reports per run: the steps analysed
into the logdir, skipped, logged to MLflow, failures, the longest ``submit`` call, the training
loop's time and how long ``close()`` took (the MLflow side catching up). Issue 18 measured the
old hook (one worker for analysis and logging): 3 of 15 checkpoints analysed with a 65 s outage
against 8 of 15 without.
"""

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

sys.path.insert(0, __file__.rsplit("/benchmarks/", 1)[0])

ANALYSIS = ["--traj-envs", "2", "--traj-steps", "16", "--obs-envs", "4", "--obs-per-env", "4",
            "--obs-every", "2", "--layers", "2b", "--nmf-features", "3", "--subdiv-mults", "1",
            "--expand-mults", "2", "--seed", "2"]


class Server:
    def __init__(self, root):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.root, self.url = root, f"http://127.0.0.1:{self.port}"
        self.start()

    def start(self):
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mlflow", "server", "--backend-store-uri",
             f"sqlite:///{self.root}/mlflow.db", "--artifacts-destination",
             f"{self.root}/artifacts", "--host", "127.0.0.1", "--port", str(self.port),
             "--workers", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True)
        for _ in range(240):
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=2):
                    return
            except OSError:
                time.sleep(0.5)
        raise TimeoutError("mlflow server did not start")

    def stop(self):
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait()


def run(args, outage: bool) -> dict:
    import mlflow
    from mlflow.tracking import MlflowClient

    import rlclarity_plugin
    from mlflow_hooks import CheckpointAnalyzer

    ckpt = os.path.join(os.path.dirname(rlclarity_plugin.__file__), "demo_agents", "coinrun")
    with tempfile.TemporaryDirectory() as tmp:
        server = Server(tmp)
        mlflow.set_tracking_uri(server.url)
        client = MlflowClient(server.url)
        rid = client.create_run("0", run_name="outage" if outage else "no-outage").info.run_id
        hook = CheckpointAnalyzer(f"{tmp}/tb", "bench", mlflow_run_id=rid,
                                  tracking_uri=server.url, analyze_args=ANALYSIS, max_pending=2)
        events = []
        if outage:
            def outage_thread():
                time.sleep(args.outage_start)
                server.stop()
                events.append(("down", time.perf_counter() - t0))
                time.sleep(args.outage)
                server.start()
                events.append(("up", time.perf_counter() - t0))

            thread = threading.Thread(target=outage_thread, daemon=True)
        latencies = []
        t0 = time.perf_counter()
        if outage:
            thread.start()
        for i in range(1, args.checkpoints + 1):
            time.sleep(max(0.0, t0 + i * args.interval - time.perf_counter()))  # "training"
            t = time.perf_counter()
            hook.submit(ckpt, i * 1000)
            latencies.append(time.perf_counter() - t)
        train_s = time.perf_counter() - t0
        if outage:
            thread.join()
        t1 = time.perf_counter()
        report = hook.close()
        close_s = time.perf_counter() - t1
        logged_steps = sorted(m.step for m in client.get_metric_history(
            rid, "rl_clarity/value_mean"))
        server.stop()
    return {"outage": [list(e) for e in events], "analysed": sorted(report.analysed),
            "skipped": sorted(report.skipped), "logged": sorted(report.logged),
            "metrics_in_mlflow_at": logged_steps, "failures": report.failures,
            "max_submit_ms": round(max(latencies) * 1000, 2), "train_s": round(train_s, 1),
            "close_s": round(close_s, 1), "summary": report.summary()}


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--checkpoints", type=int, default=12)
    p.add_argument("--interval", type=float, default=10.0, help="seconds between checkpoints")
    p.add_argument("--outage-start", type=float, default=20.0)
    p.add_argument("--outage", type=float, default=65.0, help="seconds the server is down")
    args = p.parse_args(argv)
    out = {"checkpoints": args.checkpoints, "interval_s": args.interval,
           "outage_s": args.outage, "no_outage": run(args, False), "with_outage": run(args, True)}
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
