"""Which encoding to store attribution maps with: error against a fine-step IG, and bytes.

    python benchmarks/attribution_encoding.py [--checkpoint demo:coinrun] [--layers 1a 2a 2b 3a 4a]
        [--frames 96] [--points 256] [--outputs v logit] [--integrate-steps 16]
        [--candidates NAME ...]

For every layer of the demo agent: an NMF fitted as the job fits it (value IG of sampled
observations), then on the agent's own trajectory frames the maps the job stores (the NMF
channels and the residual of the default 10-step IG) encoded by each candidate and decoded
again, compared frame by frame with the same decomposition of a reference IG computed here with
``--points`` path points by a plain per-point loop in float64. Reported per layer and candidate:
the relative L2 distance of the decoded maps to the reference (median, p95 over frames), the
error the encoding alone adds (decoded vs the maps before encoding), how far the sum of the
decoded maps is from the stored totals (fraction of |F(a) - F(0)|, median / p95), and the bytes
of the encoded maps relative to the int8 encoding of store v1 (one range per unit). JSON per line.
"""

import argparse
import gzip
import json
import os
import sys
import time
import zlib

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np
import tensorflow as tf

from rlclarity_plugin.agents.checkpoint import load_checkpoint
from rlclarity_plugin.agents.keras_backend import IntegratedGradients
from rlclarity_plugin.analysis.attribution import AttributionConfig, logit_output, value_output
from rlclarity_plugin.analysis.nmf import AttributionNMF, NMFConfig, decompose_attribution
from rlclarity_plugin.envs.probe_config import ProbeConfig
from rlclarity_plugin.envs.rollouts import collect_probe_set
from rlclarity_plugin.store import codec

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ig_rules import reference_ig

# -- candidate encodings: encode(maps float32 (T, h, w, C)) -> bytes; decode(bytes) -> float32 --

def _planar(x):
    return np.ascontiguousarray(np.moveaxis(x, -1, 0))  # (C, T, h, w)


def _interleaved(x, shape):
    C, T, h, w = shape[3], shape[0], shape[1], shape[2]
    return np.moveaxis(x.reshape(C, T, h, w), 0, -1)


def _byte_planes(q16):
    b = q16.astype("<i2").view(np.uint8).reshape(-1, 2)
    return np.ascontiguousarray(b.T).tobytes()  # low bytes, then high bytes


def _from_byte_planes(raw, n):
    b = np.frombuffer(raw, np.uint8).reshape(2, n)
    return np.ascontiguousarray(b.T).view("<i2").reshape(n)


def _v1_scale(maps):
    ch = maps[..., :-1] if maps.shape[-1] > 1 else maps
    per = np.abs(ch).reshape(len(ch), -1).max(1)
    for s in (float(np.median(per)), float(per.max())):
        if s > 0:
            return s
    return 1.0


def int8_unit(maps):
    """store v1: one range (4 x the median per-frame max |x|) per unit, interleaved, gzip."""
    r = 4 * _v1_scale(maps)
    q = np.round(np.clip(maps / r, -1, 1) * 127).astype(np.int8)
    body = gzip.compress(q.tobytes(), 6, mtime=0)
    return body, lambda b: np.frombuffer(gzip.decompress(b), np.int8).reshape(maps.shape) * (
        r / 127)


def _frame_range(maps):
    r = np.abs(maps).reshape(len(maps), -1).max(1).astype(np.float64)
    return np.where(r > 0, r, 1.0)


def intN_frame(levels, planar_bytes=True):
    def enc(maps):
        r = _frame_range(maps)
        q = np.round(maps / r[:, None, None, None] * levels)
        if levels <= 127:
            q8 = _planar(q.astype(np.int8))
            body = zlib.compress(q8.tobytes(), 9)

            def dec(b):
                x = np.frombuffer(zlib.decompress(b), np.int8).astype(np.float32)
                return _interleaved(x, maps.shape) * (r / levels)[:, None, None, None]
            return body, dec
        q16 = _planar(q.astype(np.int16)).ravel()
        body = zlib.compress(_byte_planes(q16) if planar_bytes else q16.tobytes(), 9)

        def dec(b):
            raw = zlib.decompress(b)
            x = (_from_byte_planes(raw, q16.size) if planar_bytes
                 else np.frombuffer(raw, "<i2")).astype(np.float32)
            return _interleaved(x, maps.shape) * (r / levels)[:, None, None, None]
        return body, dec
    return enc


def _zigzag(q):
    q = q.astype(np.int32)
    return ((q << 1) ^ (q >> 31)).astype(np.uint16).view(np.int16)


def _unzigzag(z):
    z = z.view(np.uint16).astype(np.int32)
    return ((z >> 1) ^ -(z & 1)).astype(np.int16)


def int16_step(fraction, zigzag=False, delta=False, offset=0.5):
    """Uniform step per frame, ``fraction`` x the frame's RMS (rounding error RMS = step /
    sqrt(12)), int16 byte planes, deflate. ``zigzag``: small magnitudes in the low byte;
    ``delta``: each value minus its left neighbour (per channel plane); ``offset``: rounding
    offset (0.5 = nearest; smaller values widen the zero bin)."""
    def enc(maps):
        T = len(maps)
        rms = np.sqrt(np.mean(np.square(maps.reshape(T, -1).astype(np.float64)), 1))
        peak = np.abs(maps).reshape(T, -1).max(1)
        step = np.maximum(rms * fraction, peak / 16383)
        step = np.where(step > 0, step, 1.0)
        x = maps / step[:, None, None, None]
        q = (np.sign(x) * np.floor(np.abs(x) + offset)).astype(np.int16)
        q = _planar(q)  # (C, T, h, w)
        if delta:
            q = np.concatenate([q[..., :1], np.diff(q, axis=-1)], -1).astype(np.int16)
        flat = q.ravel()
        if zigzag:
            flat = _zigzag(flat)
        body = zlib.compress(_byte_planes(flat), 9)

        def dec(b):
            y = _from_byte_planes(zlib.decompress(b), flat.size)
            if zigzag:
                y = _unzigzag(y)
            y = y.reshape(q.shape)
            if delta:
                y = np.cumsum(y, axis=-1, dtype=np.int16)
            return _interleaved(y.astype(np.float32).ravel(), maps.shape) * step[
                :, None, None, None]
        return body, dec
    return enc


def float16(mantissa_bits=10):
    def enc(maps):
        h = maps.astype(np.float16)
        if mantissa_bits < 10:
            drop = 10 - mantissa_bits
            u = h.view(np.uint16).astype(np.uint32)
            u = ((u + (1 << (drop - 1))) >> drop) << drop  # round to nearest
            h = np.minimum(u, 0xFFFF).astype(np.uint16).view(np.float16)
        q = _planar(h.view(np.int16)).ravel()
        body = zlib.compress(_byte_planes(q), 9)

        def dec(b):
            x = _from_byte_planes(zlib.decompress(b), q.size).view(np.float16).astype(np.float32)
            return _interleaved(x, maps.shape)
        return body, dec
    return enc


def chosen(target):
    """The store's codec (``rlclarity_plugin.store.codec.encode_maps``) at ``target``."""
    def enc(maps):
        body, steps = codec.encode_maps(maps, target)
        return body, lambda b: codec.decode_maps(b, maps.shape, steps)
    return enc


CANDIDATES = {
    "int8_unit (v1)": int8_unit,
    "int8_frame": intN_frame(127),
    "int10_frame": intN_frame(511),
    "int16_frame": intN_frame(32767),
    "int16_frame_interleaved_bytes": intN_frame(32767, planar_bytes=False),
    "int16_step_0.04rms": int16_step(0.04),
    "int16_step_0.04rms_zigzag": int16_step(0.04, zigzag=True),
    "int16_step_0.04rms_zigzag_delta": int16_step(0.04, zigzag=True, delta=True),
    "int16_step_0.04rms_zigzag_deadzone": int16_step(0.04, zigzag=True, offset=0.35),
    "float16": float16(10),
    "float16_m7": float16(7),
    "codec target 0.5%": chosen(0.005),
    "codec target 0.75% (chosen)": chosen(codec.MAPS_ERROR),
    "codec target 1%": chosen(0.01),
}


def rel_l2(a, b):
    T = len(a)
    a, b = a.reshape(T, -1).astype(np.float64), b.reshape(T, -1).astype(np.float64)
    return np.linalg.norm(a - b, axis=1) / np.maximum(np.linalg.norm(b, axis=1), 1e-30)


def stats(x):
    return {"median": round(float(np.median(x)), 5), "p95": round(float(np.percentile(x, 95)), 5),
            "max": round(float(np.max(x)), 5)}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--checkpoint", default="demo:coinrun")
    p.add_argument("--layers", nargs="+", default=["1a", "2a", "2b", "3a", "4a"])
    p.add_argument("--frames", type=int, default=96, help="trajectory frames per layer")
    p.add_argument("--points", type=int, default=256, help="path points of the reference IG")
    p.add_argument("--outputs", nargs="+", default=["v", "logit"],
                   help="v: value function; logit: the logit of each frame's chosen action")
    p.add_argument("--integrate-steps", type=int, default=AttributionConfig().integrate_steps,
                   help="path points of the stored IG (the analysis default)")
    p.add_argument("--candidates", nargs="*", default=None,
                   help="only these candidates (names as printed)")
    args = p.parse_args()
    agent = load_checkpoint(args.checkpoint)
    A = agent.metadata.num_actions
    probe = collect_probe_set(agent, ProbeConfig(traj_envs=2, traj_steps=args.frames // 2,
                                                 obs_envs=8, obs_per_env=32, obs_every=16,
                                                 seed=11))
    frames = probe.trajectories["observations"].reshape((-1,) + probe.observations.shape[1:])
    actions = probe.trajectories["actions"].reshape(-1).astype(int)
    totals_by = {}
    for layer in args.layers:
        encoder, head = agent.network.cut(layer)
        obs_acts = encoder(probe.observations).numpy()
        ig_v = IntegratedGradients(head, obs_acts.shape[1:], A, [value_output()],
                                   AttributionConfig(args.integrate_steps))
        nmf = AttributionNMF(NMFConfig()).fit(ig_v(obs_acts)[0])
        acts = encoder(frames).numpy()
        for out in args.outputs:
            t0 = time.perf_counter()
            if out == "v":
                attr = ig_v(acts)[0]
                ref = reference_ig(head, acts, args.points)
            else:  # each frame's chosen action: one IG per distinct action
                attr = np.empty_like(acts)
                for a in np.unique(actions):
                    ig = IntegratedGradients(head, acts.shape[1:], A, [logit_output(int(a))],
                                             AttributionConfig(args.integrate_steps))
                    attr[actions == a] = ig(acts[actions == a])[0]
                onehot = tf.constant(np.eye(A)[actions], tf.float32)
                ref = reference_ig(head, acts, args.points,
                                   lambda lo, va, onehot=onehot: tf.reduce_sum(lo * onehot, 1))
            ref_seconds = time.perf_counter() - t0
            ch, res = decompose_attribution(attr, nmf)
            maps = np.concatenate([ch, res[..., None]], -1)
            rch, rres = decompose_attribution(ref.astype(np.float32), nmf)
            ref_maps = np.concatenate([rch, rres[..., None]], -1)
            delta = np.abs(ref.reshape(len(ref), -1).sum(1))  # ~ |F(a) - F(0)|
            totals = maps.reshape(len(maps), -1, maps.shape[-1]).astype(np.float64).sum(1)
            base = {"layer": layer, "output": out, "frames": len(acts),
                    "shape": list(maps.shape[1:]), "reference_seconds": round(ref_seconds, 1)}
            print(json.dumps({**base, "candidate": "raw IG (layer, before NMF)",
                              "rel_l2_vs_reference": stats(rel_l2(attr, ref))}), flush=True)
            print(json.dumps({**base, "candidate": "maps before encoding",
                              "rel_l2_vs_reference": stats(rel_l2(maps, ref_maps))}), flush=True)
            v1_bytes = None
            for name, make in CANDIDATES.items():
                if args.candidates is not None and name not in args.candidates:
                    continue
                t0 = time.perf_counter()
                body, decode = make(maps)
                t_enc = time.perf_counter() - t0
                t0 = time.perf_counter()
                dec = decode(body)
                t_dec = time.perf_counter() - t0
                v1_bytes = v1_bytes or len(body)
                sums = dec.reshape(len(dec), -1).astype(np.float64).sum(1)
                row = {**base, "candidate": name, "bytes": len(body),
                       "bytes_vs_v1": round(len(body) / v1_bytes, 3),
                       "bytes_per_value": round(len(body) / maps.size, 3),
                       "rel_l2_vs_reference": stats(rel_l2(dec, ref_maps)),
                       "encoding_alone": stats(rel_l2(dec, maps)),
                       "sum_vs_totals": stats(np.abs(sums - totals.sum(1)) / np.maximum(delta,
                                                                                        1e-12)),
                       "encode_ms": round(t_enc * 1e3, 1), "decode_ms": round(t_dec * 1e3, 1)}
                totals_by.setdefault(name, 0)
                totals_by[name] += len(body)
                print(json.dumps(row), flush=True)
    first = totals_by.get("int8_unit (v1)")
    if first:
        print(json.dumps({"all layers and outputs": {k: round(v / first, 3)
                                                     for k, v in totals_by.items()}}), flush=True)


if __name__ == "__main__":
    main()
