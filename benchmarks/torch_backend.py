"""The torch backend's speed: IG efficiency, and the same analysis on both backends, in one run.

    python benchmarks/torch_backend.py efficiency [--frames 512] [--steps 16]
    python benchmarks/torch_backend.py analysis [--traj-steps 128] [--observations 1024]
    python benchmarks/torch_backend.py full --probe-set P.npz --device cuda   (GPU machines)

``efficiency``: per layer of the demo agent on torch (CPU), the backend's IG (value function)
over N frames x n path points divided by the bare cost of the same work measured here: one
trunk pass plus n forward+backward passes of the head built directly from the port's module
chain (no hooks, no batching across path points), in chunks of ``--bare-batch`` frames (a usual
forward batch; the backend picks its own chunks). Target: <= 1.15.

``analysis``: the demo agent analysed by ``run_analysis`` on the Keras backend and on the torch
port, on the same probe set (collected first, not timed), default layers, K=8, every feature
variant, scaled down in frames so it fits a few minutes; the backends alternate, best of
``--repeats``. Prints the wall time and seconds per stage of each and the ratio torch / Keras
(target: <= 1.2).

``full``: the full default analysis (8 x 512 trajectory frames, 4096 observations, 5 layers,
value function, K=8, all feature variants) of the ported demo agent on ``--device`` with a probe
set carried from another machine; prints the wall time and the time per stage. Needs no
TensorFlow.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def best_of(fn, repeats):
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def _layer_efficiency(net, layer, obs, steps, repeats, bare_batch):
    import torch

    from rlclarity_plugin.analysis.attribution import value_output
    from rlclarity_plugin.analysis.config import AttributionConfig

    model = net.model
    names = list(model.trunk._modules)
    ig = net.integrated_gradients(layer, [value_output()], AttributionConfig(steps))
    batch = ig.batch_frames
    rest = torch.nn.Sequential(*list(model.trunk.children())[names.index(layer) + 1:])

    def head_grad(a):
        a = a.detach().requires_grad_(True)
        return torch.autograd.grad(model.value(rest(a.permute(0, 3, 1, 2))).sum(), a)[0]

    def bare():
        for s in range(0, len(obs), bare_batch):
            acts = torch.as_tensor(net.activations(layer, obs[s:s + bare_batch]))
            for _ in range(steps):
                head_grad(acts).numpy()

    def ours():
        for s in range(0, len(obs), batch):
            ig(net.activations(layer, obs[s:s + batch]))

    bare(), ours()
    t_bare, t_ours = best_of(bare, repeats), best_of(ours, repeats)
    return {"layer": layer, "frames": len(obs), "steps": steps, "batch_frames": batch,
            "bare_batch": bare_batch,
            "ours_s": round(t_ours, 3), "bare_s": round(t_bare, 3),
            "ratio": round(t_ours / t_bare, 3), "threads": torch.get_num_threads()}


def efficiency(args):
    from rlclarity_plugin.agents.checkpoint import load_checkpoint
    from rlclarity_plugin.analysis.layers import select_layers

    net = load_checkpoint("demo:coinrun", backend="torch", device="cpu").network
    rng = np.random.default_rng(0)
    obs = rng.integers(0, 256, (args.frames, 64, 64, 3), dtype=np.uint8)
    for layer in select_layers(net):
        print(json.dumps(_layer_efficiency(net, layer, obs, args.steps, args.repeats,
                                           args.bare_batch)), flush=True)


def _config(args, probe):
    from rlclarity_plugin.analysis.config import AnalysisConfig
    from rlclarity_plugin.envs.probe_config import ProbeConfig

    return AnalysisConfig(probe=ProbeConfig(**probe))


def analysis(args):
    from rlclarity_plugin.agents.checkpoint import load_checkpoint
    from rlclarity_plugin.analysis.job import run_analysis
    from rlclarity_plugin.envs.rollouts import collect_probe_set

    probe = {"traj_envs": args.traj_envs, "traj_steps": args.traj_steps,
             "obs_envs": args.observations // 32, "obs_per_env": 32, "obs_every": 16,
             "seed": 0}
    config = _config(args, probe)
    root = tempfile.mkdtemp(prefix="rlc-torch-bench-")
    probe_path = os.path.join(root, "probe.npz")
    collect_probe_set(load_checkpoint("demo:coinrun"), config.probe).save(probe_path)
    walls = {"keras": [], "torch": []}
    stages = {}
    for r in range(args.repeats):
        for backend in ("keras", "torch") if r % 2 == 0 else ("torch", "keras"):
            logdir = os.path.join(root, f"logs-{backend}-{r}")
            t0 = time.perf_counter()
            summary = run_analysis("demo:coinrun", logdir, run="bench", step=1,
                                   probe_set=probe_path, config=config, progress=False,
                                   load_options={"backend": backend, "device": "cpu"})
            walls[backend].append(time.perf_counter() - t0)
            if walls[backend][-1] == min(walls[backend]):
                stages[backend] = {k: round(v, 1) for k, v in summary["seconds"].items()}
    out = {"frames": args.traj_envs * args.traj_steps, "observations": args.observations,
           "keras_s": round(min(walls["keras"]), 1), "torch_s": round(min(walls["torch"]), 1),
           "ratio": round(min(walls["torch"]) / min(walls["keras"]), 3), "stages": stages}
    print(json.dumps(out), flush=True)


def full(args):
    from rlclarity_plugin.analysis.job import run_analysis

    root = args.logdir or tempfile.mkdtemp(prefix="rlc-torch-full-")
    t0 = time.perf_counter()
    summary = run_analysis("demo:coinrun", root, run="full", step=1, probe_set=args.probe_set,
                           progress=False,
                           load_options={"backend": "torch", "device": args.device})
    print(json.dumps({"device": args.device, "wall_s": round(time.perf_counter() - t0, 1),
                      "stages": {k: round(v, 1) for k, v in summary["seconds"].items()},
                      "bytes": summary["bytes_written"]}), flush=True)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = p.add_subparsers(dest="what", required=True)
    e = sub.add_parser("efficiency")
    e.add_argument("--frames", type=int, default=512)
    e.add_argument("--steps", type=int, default=16)
    e.add_argument("--repeats", type=int, default=3)
    e.add_argument("--bare-batch", type=int, default=64)
    a = sub.add_parser("analysis")
    a.add_argument("--traj-envs", type=int, default=2)
    a.add_argument("--traj-steps", type=int, default=128)
    a.add_argument("--observations", type=int, default=1024)
    a.add_argument("--repeats", type=int, default=2)
    f = sub.add_parser("full")
    f.add_argument("--probe-set", required=True)
    f.add_argument("--device", default="cuda")
    f.add_argument("--logdir", default=None)
    args = p.parse_args()
    {"efficiency": efficiency, "analysis": analysis, "full": full}[args.what](args)


if __name__ == "__main__":
    main()
