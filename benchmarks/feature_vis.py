"""Synthetic feature pictures (``--feature-vis synthetic``): the time of the job's stage for the
demo agent's layer 2b, 8 NMF features x 2 objectives (centre, map), on each backend.

    python benchmarks/feature_vis.py [--steps 256] [--observations 4096] [--backends keras torch]
                                     [--device cpu] [--threads N] [--repeats 1]

First (not timed) the demo agent is analysed at layer 2b without synthetic pictures
(``run_analysis``, K=8, ``--observations`` sampled observations: the probe set and the NMF
directions). Then, per backend, the job's own stage (``_Job.feature_vis``, one rank) runs on
that probe set and those directions: the optimisation of the 16 pictures (2 units of 4 features
x 2 objectives), the dataset maxima over the observations, the sheet. Printed: seconds per
backend (best of ``--repeats``; ``optimisation_seconds``: the two units' optimisation alone),
the pictures' objectives and the observations' best, one JSON line each. ``--threads``:
torch's intra-op threads (default: torch's own choice).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import types

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=256)
    parser.add_argument("--observations", type=int, default=4096)
    parser.add_argument("--backends", nargs="+", default=["keras", "torch"])
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args(argv)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

    from rlclarity_plugin.agents.checkpoint import load_checkpoint
    from rlclarity_plugin.analysis import job
    from rlclarity_plugin.analysis.config import AnalysisConfig
    from rlclarity_plugin.analysis.nmf import AttributionNMF
    from rlclarity_plugin.envs.rollouts import ProbeSet
    from rlclarity_plugin.store import schema
    from rlclarity_plugin.store.writer import AssetWriter

    if args.threads:
        import torch

        torch.set_num_threads(args.threads)
    per_env = max(1, args.observations // 32)
    base = AnalysisConfig.from_json({
        "probe": {"traj_envs": 1, "traj_steps": 8, "obs_envs": 32, "obs_per_env": per_env,
                  "obs_every": 8, "seed": 0},
        "layers": {"name_contains_one_of": ["2b"]}, "nmf": {"features": 8},
        "features": {"subdiv_mults": [1.0], "expand_mults": [4.0]}})
    config = base.replace(feature_vis=base.feature_vis.replace(mode="synthetic",
                                                               steps=args.steps))
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        summary = job.run_analysis("demo:coinrun", tmp, run="demo", config=base,
                                   progress=False)
        print(json.dumps({"setup_seconds": round(time.perf_counter() - t0, 1),
                          "observations": 32 * per_env}), flush=True)
        root = schema.asset_dir(schema.run_path(tmp, "demo"), summary["step"])
        with open(os.path.join(root, schema.MANIFEST_FILE)) as f:
            probe = ProbeSet.load(os.path.join(tmp, "demo", json.load(f)["probe_set"]["path"]))
        nmf = AttributionNMF.from_json_dict(json.load(open(os.path.join(root, "nmf/2b.json"))))
        for backend in args.backends:
            agent = load_checkpoint("demo:coinrun", backend=backend, device=args.device)
            optimise = _timed(agent.network)
            times, optimised, info = [], [], None
            for r in range(args.repeats):
                optimise.clear()
                writer = AssetWriter(os.path.join(tmp, f"{backend}{r}"), 1)
                stage = job._Job(agent, config, ["2b"], [], writer, job.SerialComm(),
                                 job._Progress(job.SerialComm(), False), resume=False)
                stage.display = "rgb"
                t = time.perf_counter()
                stage.feature_vis(types.SimpleNamespace(observations=probe.observations),
                                  {"2b": nmf})
                times.append(time.perf_counter() - t)
                optimised.append(sum(optimise))
                info = stage.synthetic["2b"]
            print(json.dumps({
                "backend": backend, "device": args.device, "steps": args.steps,
                "pictures": 16, "seconds": round(min(times), 2),
                "optimisation_seconds": round(min(optimised), 2),
                "threads": _threads(backend),
                "activation": info.activation, "dataset_max": info.dataset_max}), flush=True)


def _timed(network) -> list:
    """Wrap ``network.feature_vis`` so that each call's seconds are appended to the list
    returned (the optimisation alone, without the dataset maxima and the sheet)."""
    seconds, inner = [], network.feature_vis

    def feature_vis(*args, **kwargs):
        t = time.perf_counter()
        out = inner(*args, **kwargs)
        seconds.append(time.perf_counter() - t)
        return out

    network.feature_vis = feature_vis
    return seconds


def _threads(backend: str):
    if backend == "torch":
        import torch

        return torch.get_num_threads()
    return None


if __name__ == "__main__":
    main()
