"""Independent decoders of an exported page (format 3, ``rlclarity_plugin/export/html.py``):
written from the format's description, not with the export's code, so a test comparing a
page's responses with the plugin's can fail."""

import json
import math
import re
import struct
import urllib.parse
import zlib
from io import BytesIO

import numpy as np
from PIL import Image

from rlclarity_plugin import views

TEXT7_ILLEGAL = (0x00, 0x0D, 0x3C)


class Page:
    """An exported page: its index and the parts of its routes, decoded as the format says."""

    def __init__(self, html: bytes):
        self.html = html
        text = html.decode("utf-8")
        self.index = json.loads(re.search(r'id="rlc-index">(.*?)</script>', text, re.S).group(1))
        self.blobs = re.search(r'id="rlc-blobs">(.*?)</script>', text, re.S).group(1)
        self.routes = self.index["routes"]

    def raw(self, key) -> bytes:
        _, start, end, *_ = self.routes[key]
        return from_text7(self.blobs[start:end])

    def json(self, key):
        return self.decode_json(self.routes[key][0], self.raw(key))

    @staticmethod
    def decode_json(encoding: str, part: bytes):
        """The JSON value of a ``json`` or ``json+arrays`` part."""
        data = zlib.decompress(part)
        if encoding == "json":
            return json.loads(data.decode("utf-8"))
        assert encoding == "json+arrays", encoding
        (n,) = struct.unpack_from("<I", data)
        assert (4 + n) % 8 == 0
        base = 4 + n

        def fill(x):
            if isinstance(x, list):
                return [fill(v) for v in x]
            if isinstance(x, dict):
                if list(x) == ["\u0000a"]:
                    dtype, offset, shape = x["\u0000a"]
                    assert offset % 8 == 0
                    arr = np.frombuffer(data, {"i32": "<i4", "f32": "<f4", "f64": "<f8"}[dtype],
                                        count=math.prod(shape), offset=base + offset)
                    return arr.reshape(shape).tolist()
                return {k: fill(v) for k, v in x.items()}
            return x

        return fill(json.loads(data[4:base].decode("utf-8")))

    def body(self, key) -> bytes:
        encoding = self.routes[key][0]
        if encoding == "planes-avg":
            route, params = split(key)
            shape = self.json(views.route_key("unit", params))["shape"]
            return from_planes_avg(zlib.decompress(self.raw(key)), shape)
        assert encoding == "bytes", (key, encoding)
        return self.raw(key)

    def feature_pixels(self, key) -> np.ndarray:
        """A ``feature-alpha`` picture recomposed cell by cell, as the format describes."""
        route, params = split(key)
        where = {"run": params["run"], "step": params["step"]}
        manifest = self.json(views.route_key("manifest", where))
        grid = self.json(views.route_key("feature_grid", params))
        alpha = np.frombuffer(zlib.decompress(self.raw(key)), np.uint8)
        H, W = manifest["probe_set"]["observation_shape"][:2]
        per, columns = manifest["assets"]["sheet_size"], manifest["assets"]["sheet_columns"]
        lay, R, C = grid["layout"], grid["rows"], grid["cols"]
        assert alpha.size == R * C == len(grid["indices"])
        heights = [max(hi - lo, 0) for lo, hi in zip(lay["rows_lo"], lay["rows_hi"])]
        widths = [max(hi - lo, 0) for lo, hi in zip(lay["cols_lo"], lay["cols_hi"])]
        sheets = {}
        out = np.zeros((sum(heights), sum(widths), 4), np.uint8)
        y = 0
        for i in range(R):
            x = 0
            r = lay["rows_lo"][i] + np.arange(heights[i])
            for j in range(C):
                c = lay["cols_lo"][j] + np.arange(widths[j])
                obs = grid["indices"][i * C + j]
                sheet = obs // per
                if sheet not in sheets:
                    sheets[sheet] = decode(self.body(views.route_key(
                        "observations", {**where, "sheet": str(sheet)})), "RGB")
                cell = obs % per
                oy, ox = (cell // columns) * H, (cell % columns) * W
                rr, cc = r[:, None] - lay["pad_rows"], c[None, :] - lay["pad_cols"]
                inside = (rr >= 0) & (rr < H) & (cc >= 0) & (cc < W)
                rgb = sheets[sheet][oy + np.clip(rr, 0, H - 1), ox + np.clip(cc, 0, W - 1)]
                board = np.where((r[:, None] + c[None, :]) % 2 == 1, 255, 191)
                patch = out[y:y + heights[i], x:x + widths[j]]
                patch[..., :3] = np.where(inside[..., None], rgb, board[..., None])
                patch[..., 3] = alpha[i * C + j]
                x += widths[j]
            y += heights[i]
        return out


def from_text7(text: str) -> bytes:
    """The bytes of a part's text: 7-bit groups, two in one character from U+0100."""
    cp = np.frombuffer(text.encode("utf-16-le"), "<u2").astype(np.int64)
    assert cp.max(initial=0) < 0x400 and not np.isin(cp, TEXT7_ILLEGAL).any()
    v = cp - 0x100
    j = v >> 7
    count = np.where(cp < 0x80, 1, np.where(j < 3, 2, 1))
    groups = np.zeros(count.sum(), np.int64)
    at = np.cumsum(count) - count
    groups[at] = np.where(cp < 0x80, cp, np.asarray(TEXT7_ILLEGAL)[np.clip(j % 3, 0, 2)])
    pair = (cp >= 0x80) & (j < 3)
    groups[at[pair] + 1] = v[pair] & 127
    bits = ((groups[:, None] >> np.arange(6, -1, -1)) & 1).astype(np.uint8).ravel()
    return np.packbits(bits[:bits.size // 8 * 8]).tobytes()


def from_planes_avg(data: bytes, shape) -> bytes:
    """The attribution body from its residuals: each anti-diagonal of every map at once."""
    T, h, w, C = shape
    n = T * h * w * C
    z = np.frombuffer(data, np.uint8).astype(np.int64)
    z = z[:n] | (z[n:] << 8)
    e = ((z >> 1) ^ -(z & 1)).reshape(C * T, h, w)
    q = np.zeros((C * T, h + 1, w + 1), np.int64)  # a zero row and column before the map
    for d in range(h + w - 1):
        y = np.arange(max(0, d - w + 1), min(h, d + 1))
        x = d - y
        pred = (q[:, y, x + 1] + q[:, y + 1, x]) // 2
        q[:, y + 1, x + 1] = (e[:, y, x] + pred + 32768) % 65536 - 32768
    q = q[:, 1:, 1:].ravel()
    z = ((q << 1) ^ (q >> 15)) & 0xFFFF
    return np.concatenate([z & 255, z >> 8]).astype(np.uint8).tobytes()


def split(key: str) -> tuple[str, dict]:
    route, _, q = key.partition("?")
    return route, dict(urllib.parse.parse_qsl(q, keep_blank_values=True))


def decode(data: bytes, mode: str) -> np.ndarray:
    """A picture's pixels."""
    return np.asarray(Image.open(BytesIO(data)).convert(mode))
