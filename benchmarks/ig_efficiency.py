"""IG efficiency: our batched IG against the bare cost of the same gradient work, in one run.

    python benchmarks/ig_efficiency.py [--checkpoint demo:coinrun] [--frames 512] [--steps 10]

For each layer: time of ``IntegratedGradients`` (value function) over N frames x n path points,
divided by the bare cost measured here on the same frames: one encoder pass plus n separate
head forward+backward passes (plain eager-free ``tf.function`` calls, no batching across path
points). Target: ratio <= 1.15. Prints one JSON line per layer.
"""

import argparse
import json
import os
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np
import tensorflow as tf

from rlclarity_plugin.agents.checkpoint import load_checkpoint
from rlclarity_plugin.agents.keras_backend import IntegratedGradients
from rlclarity_plugin.analysis.attribution import AttributionConfig, value_output
from rlclarity_plugin.analysis.layers import select_layers


def best_of(fn, repeats):
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def measure(agent, layer, obs, steps, repeats):
    encoder, head = agent.network.cut(layer)
    ig = IntegratedGradients(head, agent.network.layer_shape(layer), agent.metadata.num_actions,
                             [value_output()], AttributionConfig(steps))
    batch = ig.batch_frames

    @tf.function(reduce_retracing=True)
    def encode(x):
        return encoder(x, training=False)

    @tf.function(reduce_retracing=True)
    def head_grad(a):
        with tf.GradientTape() as tape:
            tape.watch(a)
            v = tf.reduce_sum(head(a, training=False)[1])
        return tape.gradient(v, a)

    def bare():
        for s in range(0, len(obs), batch):
            acts = encode(obs[s:s + batch])
            for _ in range(steps):
                head_grad(acts).numpy()

    def ours():
        for s in range(0, len(obs), batch):
            ig(encode(obs[s:s + batch]).numpy())

    bare(), ours()  # compile both
    t_bare = best_of(bare, repeats)
    t_ours = best_of(ours, repeats)
    return {"layer": layer, "frames": len(obs), "steps": steps, "batch_frames": batch,
            "ours_s": round(t_ours, 3), "bare_s": round(t_bare, 3),
            "ratio": round(t_ours / t_bare, 3)}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--checkpoint", default="demo:coinrun")
    p.add_argument("--frames", type=int, default=512)
    p.add_argument("--steps", type=int, default=10)
    p.add_argument("--repeats", type=int, default=3)
    args = p.parse_args()
    agent = load_checkpoint(args.checkpoint)
    rng = np.random.default_rng(0)
    obs = rng.integers(0, 256, (args.frames,) + tuple(agent.metadata.observation_shape),
                       dtype=np.uint8)
    for layer in select_layers(agent.network):
        print(json.dumps(measure(agent, layer, obs, args.steps, args.repeats)), flush=True)


if __name__ == "__main__":
    main()
