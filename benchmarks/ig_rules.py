"""Which IG quadrature rule to use: completeness and distance to a 256-point reference.

    python benchmarks/ig_rules.py [--checkpoint demo:coinrun] [--steps 10] [--layers 2b 4a]

On 2 x 64 frames of the agent's own trajectories, for each rule (right = the original's,
midpoint, quadratic) at ``--steps`` path points: the completeness error
``|sum IG - (F(a) - F(0))| / |F(a) - F(0)|`` (median, p95) and the relative L2 distance to a
reference IG computed here with 256 path points by a separate per-point loop. JSON per line.
"""

import argparse
import json
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np
import tensorflow as tf

from rlclarity_plugin.agents.checkpoint import load_checkpoint
from rlclarity_plugin.agents.keras_backend import IntegratedGradients
from rlclarity_plugin.analysis.attribution import RULES, AttributionConfig, value_output
from rlclarity_plugin.envs.probe_config import ProbeConfig
from rlclarity_plugin.envs.rollouts import collect_probe_set


def reference_ig(head, acts, points=256, select=None):
    """IG by a plain loop over ``points`` midpoint path points in alpha = u**2 (float64 sum) of
    ``select(logits, value)`` per frame (default: the value)."""
    total = np.zeros(acts.shape, np.float64)
    for k in range(points):
        u = (k + 0.5) / points
        scaled = tf.constant((u * u) * acts)
        with tf.GradientTape() as tape:
            tape.watch(scaled)
            logits, value = head(scaled, training=False)
            score = tf.reduce_sum(value if select is None else select(logits, value))
        total += (2.0 * u / points) * tape.gradient(score, scaled).numpy()
    return acts * total


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--checkpoint", default="demo:coinrun")
    p.add_argument("--steps", type=int, default=10)
    p.add_argument("--layers", nargs="+", default=["1a", "2a", "2b", "3a", "4a"])
    args = p.parse_args()
    agent = load_checkpoint(args.checkpoint)
    probe = collect_probe_set(agent, ProbeConfig(traj_envs=2, traj_steps=64, obs_envs=1,
                                                 obs_per_env=1, obs_every=1, seed=11))
    frames = probe.trajectories["observations"].reshape((-1,) + probe.observations.shape[1:])
    for layer in args.layers:
        encoder, head = agent.network.cut(layer)
        acts = encoder(frames).numpy()
        ref = reference_ig(head, acts)
        for rule in RULES:
            ig = IntegratedGradients(head, acts.shape[1:], agent.metadata.num_actions,
                                     [value_output()], AttributionConfig(args.steps, rule))
            attr = ig(acts)
            err = ig.completeness_error(acts, attr)[0]
            flat, flat_ref = attr[0].reshape(len(acts), -1), ref.reshape(len(acts), -1)
            rel = np.linalg.norm(flat - flat_ref, axis=1) / np.linalg.norm(flat_ref, axis=1)
            print(json.dumps({
                "layer": layer, "rule": rule, "steps": args.steps, "frames": len(acts),
                "completeness_median": round(float(np.median(err)), 5),
                "completeness_p95": round(float(np.percentile(err, 95)), 5),
                "rel_l2_vs_256_median": round(float(np.median(rel)), 5),
                "rel_l2_vs_256_p95": round(float(np.percentile(rel, 95)), 5)}), flush=True)


if __name__ == "__main__":
    main()
