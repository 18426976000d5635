"""How the standalone page stores each recorded response (the encoder side; the page decodes
in ``tb_frontend/src/embedded.ts``). The encodings are defined in ``export/html.py``'s module
docstring; each function here returns the part's bytes, :func:`text7` the part's text.

Every encoding gives back exactly the response the route sends: the same bytes for pictures,
the same inflated body for attribution, the same JSON values (every number the same double)
for JSON routes; a feature picture's pixels exactly (checked here before the picture is left
out).
"""

from __future__ import annotations

import json
import math
import struct
import zlib

import numpy as np

ARRAY_MARK = "\u0000a"  # the skeleton's placeholder key of an extracted array
MIN_ARRAY = 16          # shorter lists stay in the skeleton
INT32 = (-2**31, 2**31 - 1)


def to_json_text(value) -> str:
    """The response's JSON as the routes write it (compact, no NaN)."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def deflate(data: bytes, level: int = 9) -> bytes:
    """zlib (RFC 1950): what ``DecompressionStream("deflate")`` reads."""
    return zlib.compress(data, level)


def encode_planes_avg(body: bytes, shape) -> bytes:
    """The ``planes-avg`` part of an ``/attribution`` body (``codec.encode_maps``' planes of
    a unit of ``shape`` (T, h, w, C)): each (channel, frame) map as residuals of the average of
    its left and upper neighbours, wrapped to int16, zigzag byte planes, zlib level 4 (on real
    attribution levels 6 and 9 are 0.15 % and 0.3 % smaller, and on smooth maps up to 2.5
    times slower)."""
    T, h, w, C = (int(x) for x in shape)
    n = T * h * w * C
    raw = np.frombuffer(body, np.uint8)
    if raw.size != 2 * n:
        raise ValueError(f"attribution body of {raw.size} bytes, expected {2 * n}")
    z = raw[:n].astype(np.int32) | (raw[n:].astype(np.int32) << 8)
    q = ((z >> 1) ^ -(z & 1)).reshape(C * T, h, w)
    pred = np.zeros_like(q)
    pred[:, :, 1:] += q[:, :, :-1]
    pred[:, 1:, :] += q[:, :-1, :]
    e = ((q - (pred >> 1) + 32768) & 0xFFFF) - 32768  # wrapped to int16
    zz = ((e << 1) ^ (e >> 15)) & 0xFFFF
    planes = np.concatenate([(zz & 0xFF).astype(np.uint8).ravel(),
                             (zz >> 8).astype(np.uint8).ravel()])
    return deflate(planes.tobytes(), 4)


TEXT7_ILLEGAL = (0x00, 0x0D, 0x3C)  # NUL, CR and "<": changed or markup in a script element


def text7(data: bytes) -> str:
    """``data`` as ``text7`` (the parts' text encoding, ``export/html.py``): 7 bits per
    character, a 2-byte UTF-8 character for a 7-bit group that may not appear as itself."""
    n = len(data)
    if n == 0:
        return ""
    bits = np.unpackbits(np.frombuffer(data, np.uint8))
    bits = np.concatenate([bits, np.zeros(-bits.size % 7, np.uint8)]).reshape(-1, 7)
    groups = np.zeros(len(bits), np.uint16)  # ceil(8n / 7) groups of 7 bits, big-endian
    for i in range(7):
        groups |= bits[:, i].astype(np.uint16) << np.uint16(6 - i)
    bad = np.flatnonzero((groups == 0x00) | (groups == 0x0D) | (groups == 0x3C))
    # a group that may not appear starts a 2-byte character that also carries the next group:
    # in a run of such groups from s, the ones at s, s + 2, ... start one (s always does)
    run = np.cumsum(np.diff(bad, prepend=-2) != 1)
    first = np.flatnonzero(np.diff(run, prepend=0))
    lead = bad[(np.arange(bad.size) - first[run - 1]) % 2 == 0]
    which = np.searchsorted(TEXT7_ILLEGAL, groups[lead]).astype(np.uint16)
    cp = groups.copy()
    inner = lead[lead < groups.size - 1]
    cp[inner] = 0x100 + (which[:inner.size] << 7) + groups[inner + 1]
    if inner.size < lead.size:  # the last group, carrying nothing
        cp[-1] = 0x100 + ((3 + which[-1]) << 7)
    keep = np.ones(groups.size, bool)
    keep[inner + 1] = False
    return cp[keep].astype("<u2").tobytes().decode("utf-16-le")


def encode_json(value) -> tuple[str, bytes]:
    """``(encoding, bytes)`` of a JSON response: ``json+arrays`` when that is smaller than
    ``json`` (both exact)."""
    plain = deflate(to_json_text(value).encode("utf-8"))
    arrays = encode_json_arrays(value)
    if arrays is not None and len(arrays) < len(plain):
        return "json+arrays", arrays
    return "json", plain


def encode_json_arrays(value) -> bytes | None:
    """The ``json+arrays`` part of ``value``, or None when it has nothing to extract (or uses
    the placeholder key itself)."""
    chunks: list[bytes] = []
    offset = [0]
    found = [False]

    def walk(x):
        if isinstance(x, dict):
            if ARRAY_MARK in x:
                raise _Unsuitable
            return {k: walk(v) for k, v in x.items()}
        if isinstance(x, list):
            packed = _pack(x)
            if packed is None:
                return [walk(v) for v in x]
            dtype, shape, data = packed
            found[0] = True
            chunks.append(data + b"\0" * (-len(data) % 8))
            ref = {ARRAY_MARK: [dtype, offset[0], shape]}
            offset[0] += len(chunks[-1])
            return ref
        return x

    try:
        skeleton = walk(value)
    except _Unsuitable:
        return None
    if not found[0]:
        return None
    head = to_json_text(skeleton).encode("utf-8")
    head += b" " * (-(4 + len(head)) % 8)
    return deflate(struct.pack("<I", len(head)) + head + b"".join(chunks))


class _Unsuitable(Exception):
    pass


def _pack(x: list):
    """``(dtype, shape, little-endian bytes)`` of a rectangular list of numbers of at least
    ``MIN_ARRAY`` values in the narrowest exact type, or None."""
    shape = []
    probe = x
    while isinstance(probe, list):
        shape.append(len(probe))
        if not probe:
            return None
        probe = probe[0]
    if math.prod(shape) < MIN_ARRAY:
        return None
    flat = _flatten(x, shape)
    if flat is None:
        return None
    if all(isinstance(v, int) or (v.is_integer() and math.copysign(1.0, v) > 0)
           for v in flat):
        ints = [int(v) for v in flat]
        if INT32[0] <= min(ints) and max(ints) <= INT32[1]:
            return "i32", shape, np.asarray(ints, "<i4").tobytes()
    if any(isinstance(v, int) and abs(v) > 2**53 for v in flat):
        return None  # not a double exactly
    f64 = np.asarray(flat, "<f8")
    if not np.isfinite(f64).all():
        return None
    f32 = f64.astype("<f4")
    if np.array_equal(f32.astype("<f8"), f64) and \
            np.array_equal(np.signbit(f32), np.signbit(f64)):
        return "f32", shape, f32.tobytes()
    return "f64", shape, f64.tobytes()


def _flatten(x, shape):
    """The values of a list nested as ``shape`` (numbers only, not bool), else None."""
    if len(shape) == 1:
        if len(x) != shape[0] or not all(
                isinstance(v, (int, float)) and not isinstance(v, bool) for v in x):
            return None
        return [v if isinstance(v, int) else float(v) for v in x]
    if not isinstance(x, list) or len(x) != shape[0]:
        return None
    out = []
    for row in x:
        if not isinstance(row, list):
            return None
        flat = _flatten(row, shape[1:])
        if flat is None:
            return None
        out += flat
    return out
