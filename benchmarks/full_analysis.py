"""The full default analysis of the demo agent: wall time, peak memory, bytes on disk, and the
bytes the original's layout would write for the same data.

    python benchmarks/full_analysis.py [--checkpoint demo:coinrun] [--logdir /tmp/rlc-bench]
        [--ranks 1] [--skip-original]

Runs ``rl-clarity analyze`` with the original's defaults (8 x 512 trajectories, 32 x 128
observations every 128 steps, all layers, value function, K=8, all 16 feature variants) as a
child process (under ``mpiexec -n RANKS`` when RANKS > 1) and reports its wall time and peak
resident memory (sum over ranks). Then it renders, from the stored analysis, the PNG set the
original wrote for the same data (section 1.13 of the reference: per (layer, trajectory,
output) 33 RGBA attribution strips and their scrubs, the trajectory strips and scrubs, one PNG
per observation; feature pictures and thumbnails are shared) and counts its bytes. Targets:
<= 20 minutes and < 8 GB on 2 cores; our bytes <= 1/10 of the original's.
"""

import argparse
import io
import json
import os
import resource
import subprocess
import sys
import time

import numpy as np
from PIL import Image
from scipy import signal

from rlclarity_plugin.analysis.features import feature_hues, scrub
from rlclarity_plugin.envs.rollouts import ProbeSet
from rlclarity_plugin.store import schema
from rlclarity_plugin.store.reader import LogdirReader


def png_size(image: np.ndarray) -> int:
    buf = io.BytesIO()
    Image.fromarray(image).save(buf, format="PNG")
    return buf.tell()


def norm_filter(size=15):
    """The original's unnormalised disk kernel exp(-|d|), clipped where it drops below exp(-7)."""
    r = np.arange(size) - size // 2
    d = np.sqrt(r[:, None] ** 2 + r[None, :] ** 2)
    k = np.exp(-d)
    k[k < np.exp(-7)] = 0
    return k


def render_strips(maps, colours):
    """The original's 33 display strips of one (layer, trajectory, output): bytes of PNG + scrub.

    maps: (T, h, w, K+1) float channels + residual, already divided by the display scale.
    """
    T, h, w, k1 = maps.shape
    K = k1 - 1
    kernel = norm_filter()
    total = 0
    for direction in ("abs", "pos", "neg"):
        x = {"abs": np.abs, "pos": lambda v: np.maximum(v, 0),
             "neg": lambda v: np.maximum(-v, 0)}[direction](maps)
        chans = x[..., :K]
        res = x[..., K]
        variants = {"prin": chans @ colours, "all": chans @ colours + res[..., None]}
        for c in range(K):
            variants[str(c)] = chans[..., c:c + 1] * colours[c]
        variants["res"] = np.repeat(res[..., None], 3, axis=-1)
        for rgb in variants.values():
            rgb = signal.fftconvolve(rgb, kernel[None, :, :, None], mode="same", axes=(1, 2))
            b = np.minimum(1.0, np.linalg.norm(rgb, axis=-1, keepdims=True))
            rgba = np.concatenate([np.divide(rgb, b, out=np.zeros_like(rgb), where=b > 0), b], -1)
            img = (np.clip(rgba, 0, 1) * 255).astype(np.uint8)
            strip = img.transpose(1, 0, 2, 3).reshape(h, T * w, 4)
            total += png_size(strip) + png_size(scrub(img))
    return total


def original_bytes(reader, run, step, logdir):
    m = reader.manifest(run, step)
    probe = ProbeSet.load(os.path.join(logdir, run, m.probe_set.path))
    # feature pictures, grids (as JSON in the original) and thumbnails: the same data, the
    # pictures as the original's PNG (ours are lossless WebP)
    shared = 0
    root = schema.asset_dir(os.path.join(logdir, run), step)
    for sub in ("features", "thumbnails"):
        for dirpath, _, files in os.walk(os.path.join(root, sub)):
            for f in files:
                path = os.path.join(dirpath, f)
                shared += png_size(np.asarray(Image.open(path))) if f.endswith(".webp") \
                    else os.path.getsize(path)
    frames = probe.trajectories["observations"]
    traj = sum(png_size(f.transpose(1, 0, 2, 3).reshape(f.shape[1], -1, f.shape[3]))
               + png_size(scrub(f)) for f in frames)
    obs = sum(png_size(o) for o in probe.observations)
    attribution = 0
    for layer in m.layers:
        colours = feature_hues(layer.features) if layer.features else np.eye(3)
        for e in range(m.probe_set.trajectories):
            for out in m.outputs:
                maps, unit = reader.attribution(run, step, layer.name, e, out.key)
                attribution += render_strips(maps / unit.scale, colours)
    return {"attribution": attribution, "trajectories": traj, "observations": obs,
            "features_and_thumbnails": shared,
            "total": attribution + traj + obs + shared}


def dir_bytes(path):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--checkpoint", default="demo:coinrun")
    p.add_argument("--logdir", default="/tmp/rlc-bench")
    p.add_argument("--run", default="bench")
    p.add_argument("--ranks", type=int, default=1)
    p.add_argument("--skip-original", action="store_true")
    p.add_argument("--reuse", action="store_true",
                   help="do not run the analysis: count the original's bytes for the one in LOGDIR")
    args = p.parse_args()
    if args.reuse:
        reader = LogdirReader(args.logdir)
        step = reader.steps(args.run)[-1]
        ours = dir_bytes(schema.asset_dir(os.path.join(args.logdir, args.run), step))
        orig = original_bytes(reader, args.run, step, args.logdir)
        print(json.dumps({"our_bytes": ours, "original_layout_bytes": orig,
                          "ratio_ours_to_original": round(ours / orig["total"], 4)}), flush=True)
        return
    cmd = [sys.executable, "-m", "rlclarity_plugin.cli", "analyze", args.checkpoint,
           "--logdir", args.logdir, "--run", args.run, "--no-resume", "--no-progress"]
    if args.ranks > 1:
        cmd = [os.path.join(os.path.dirname(sys.executable), "mpiexec"), "-n", str(args.ranks),
               *cmd]
    t = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t
    if out.returncode:
        sys.exit(out.stderr)
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    reader = LogdirReader(args.logdir)
    step = reader.steps(args.run)[-1]
    ours = dir_bytes(schema.asset_dir(os.path.join(args.logdir, args.run), step))
    report = {"checkpoint": args.checkpoint, "ranks": args.ranks, "wall_s": round(wall, 1),
              "peak_rss_gib_largest_process": round(peak_kib / 2**20, 2),
              "job_output": out.stdout.strip().splitlines()[-1], "our_bytes": ours}
    print(json.dumps(report), flush=True)
    if not args.skip_original:
        orig = original_bytes(reader, args.run, step, args.logdir)
        report["original_layout_bytes"] = orig
        report["ratio_ours_to_original"] = round(ours / orig["total"], 4)
        print(json.dumps(report), flush=True)


if __name__ == "__main__":
    main()
