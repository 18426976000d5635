"""What ``--full-resolution`` costs: the same analysis of the demo agent with and without
human-scale frames, in one run.

    python benchmarks/full_resolution.py [--traj-envs 8 --traj-steps 256 --obs-envs 32
        --obs-per-env 32 --obs-every 32] [--layers 2b]

Both analyses use the same seeds (so the same frames). Reports the wall time of each (and of
the probe-set collection inside it), the bytes written to the store, the extra of full
resolution in both, the bytes per human-scale frame, and the time collection waited for their
encoding (two threads).
"""

import argparse
import json
import os
import sys
import tempfile
import time

sys.path.insert(0, __file__.rsplit("/benchmarks/", 1)[0])


def analyse(logdir, args, full: bool):
    from rlclarity_plugin.analysis.config import AnalysisConfig, FeatureConfig, NMFConfig
    from rlclarity_plugin.analysis.job import run_analysis
    from rlclarity_plugin.analysis.layers import LayerConfig
    from rlclarity_plugin.envs.probe_config import ProbeConfig

    config = AnalysisConfig(
        probe=ProbeConfig(traj_envs=args.traj_envs, traj_steps=args.traj_steps,
                          obs_envs=args.obs_envs, obs_per_env=args.obs_per_env,
                          obs_every=args.obs_every, full_resolution=full),
        layers=LayerConfig(name_contains_one_of=tuple(args.layers)),
        nmf=NMFConfig(features=8), features=FeatureConfig())
    t0 = time.perf_counter()
    summary = run_analysis(args.checkpoint, logdir, run="full" if full else "plain",
                           config=config, progress=False)
    summary["wall"] = time.perf_counter() - t0
    return summary


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--checkpoint", default="demo:coinrun")
    p.add_argument("--traj-envs", type=int, default=8)
    p.add_argument("--traj-steps", type=int, default=256)
    p.add_argument("--obs-envs", type=int, default=32)
    p.add_argument("--obs-per-env", type=int, default=32)
    p.add_argument("--obs-every", type=int, default=32)
    p.add_argument("--layers", nargs="+", default=["2b"])
    args = p.parse_args(argv)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    with tempfile.TemporaryDirectory() as tmp:
        plain = analyse(tmp, args, False)
        full = analyse(tmp, args, True)
    info = full["full_resolution"]
    out = {
        "frames": info["frames"],
        "plain": {"wall_s": round(plain["wall"], 1), "probe_set_s": plain["seconds"]["probe_set"],
                  "store_mib": round(plain["bytes_written"] / 2**20, 1)},
        "full": {"wall_s": round(full["wall"], 1), "probe_set_s": full["seconds"]["probe_set"],
                 "store_mib": round(full["bytes_written"] / 2**20, 1),
                 "frames_mib": round(info["bytes"] / 2**20, 1),
                 "encode_wait_s": info["encode_seconds"]},
        "extra_time": round(full["wall"] / plain["wall"] - 1, 3),
        "extra_bytes": round(full["bytes_written"] / plain["bytes_written"] - 1, 3),
        "kib_per_frame": round(info["bytes"] / info["frames"] / 1024, 1),
    }
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
