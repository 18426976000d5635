"""Every encoding of the store, both directions: what the job writes and how readers decode it.

One function per direction and format, so the writer (the analysis job), every reader (the
reader, the TensorBoard plugin, the export, the MLflow hooks) and the front end
(``tb_frontend/src/codec.ts``, which mirrors :func:`decode_maps`) agree by construction:

* JSON: UTF-8, sorted keys, no NaN (:func:`encode_json` / :func:`decode_json`);
* raw arrays: little-endian C-order bytes, gzip with a zero timestamp
  (:func:`encode_array_gz` / :func:`decode_array_gz`);
* pictures (sprite sheets, scrubs, feature pictures, thumbnails): lossless WebP, the same pixels
  as PNG at 0.43-0.63 of its bytes (:func:`encode_picture` / :func:`decode_image`, which reads
  any image Pillow reads); human-scale frames: lossy WebP (:func:`encode_webp`); sprite sheets of
  equally sized frames (:func:`sprite_sheet` / :func:`split_sprite_sheet`);
* attribution maps (:func:`encode_maps` / :func:`decode_maps`), see below;
* event files: TFRecord framing with masked CRC32C (C implementation, ``google-crc32c``)
  (:func:`encode_records` / :func:`decode_records`).

Every encoder is deterministic (the same input gives the same bytes), so an analysis' bytes do
not depend on the number of MPI ranks that wrote it.

Attribution maps (codec ``MAPS_CODEC``)
---------------------------------------
float32 maps ``(T, h, w, C)`` are stored as integers ``q = round(x / step_t)`` with one step per
frame ``t``: the largest step (found by bisection in log space) for which the frame's rounding
error ``||q * step_t - x|| / ||x||`` is at most ``MAPS_ERROR`` (0.75 %), and never smaller than
``max|x| / 32767``, so that every value fits an int16 and nothing is clipped. ``q`` is laid out
channel-planar ``(C, T, h, w)``, zigzag-mapped to unsigned (``(q << 1) ^ (q >> 15)``: small
magnitudes of either sign become small numbers), split into two byte planes (all low bytes,
then all high bytes) and gzip-compressed (level 6, zero timestamp). The steps are stored in
the unit's JSON (:class:`.schema.AttributionUnit`). Decoding is ``x = q * step_t``.
Alternatives measured (``benchmarks/attribution_encoding.py``) are listed in the README.
"""

from __future__ import annotations

import gzip
import io
import json
import struct
import zlib

import numpy as np

MAPS_CODEC = "int16-step-zigzag-planes-gzip"
MAPS_ERROR = 0.0075   # target relative L2 rounding error per frame
MAPS_LAYOUT = "CThw"  # channel-planar
_BISECTION_STEPS = 11  # ln(2 * 32767) / 2**11 < 1 %: the step is found to within 1 %
_INT16_MAX = 32767


class CodecError(ValueError):
    """Bytes that do not decode as the format they claim to be."""


# -- JSON ---------------------------------------------------------------------------------------

def encode_json(obj) -> bytes:
    """Compact UTF-8 JSON with sorted keys; NaN and infinity are refused."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), allow_nan=False).encode()


def decode_json(body: bytes, what: str = "JSON"):
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError) as e:
        raise CodecError(f"{what} is not valid JSON: {e}") from e


# -- gzip arrays --------------------------------------------------------------------------------

def encode_array_gz(array: np.ndarray) -> bytes:
    """Raw little-endian bytes of ``array`` (C order), gzip with mtime 0."""
    arr = np.ascontiguousarray(array)
    if arr.dtype.byteorder == ">":
        arr = arr.astype(arr.dtype.newbyteorder("<"))
    return gzip.compress(arr.tobytes(), compresslevel=6, mtime=0)


def _gunzip(body: bytes, what: str) -> bytes:
    try:
        return gzip.decompress(body)
    except (OSError, EOFError, zlib.error) as e:
        raise CodecError(f"{what} is not valid gzip data: {e}") from e


def decode_array_gz(body: bytes, dtype, shape, what: str = "array") -> np.ndarray:
    """Inverse of :func:`encode_array_gz` for a known dtype and shape."""
    data = _gunzip(body, what)
    dt = np.dtype(dtype).newbyteorder("<")
    if len(data) != int(np.prod(shape)) * dt.itemsize:
        raise CodecError(f"{what} holds {len(data) // max(dt.itemsize, 1)} values, expected "
                         f"shape {tuple(shape)}")
    return np.frombuffer(data, dtype=dt).reshape(shape)


# -- images -------------------------------------------------------------------------------------

PICTURE_TYPE = "image/webp"


def encode_picture(image: np.ndarray) -> bytes:
    """uint8 ``(H, W)``, ``(H, W, 1)``, ``(H, W, 3)`` or ``(H, W, 4)`` -> lossless WebP (every
    pixel kept, alpha exactly; deterministic). Measured on the full demo analysis against
    PNG (level 6): feature pictures 0.63, sprite sheets 0.43-0.47 of the bytes, +10 s."""
    image = np.asarray(image)
    if image.dtype != np.uint8:
        raise ValueError(f"pictures must be uint8, got {image.dtype}")
    if image.ndim == 3 and image.shape[-1] == 1:
        image = image[..., 0]
    if image.ndim == 2:
        image = np.repeat(image[..., None], 3, axis=-1)
    if not (image.ndim == 3 and image.shape[-1] in (3, 4)):
        raise ValueError(f"pictures are (H, W), (H, W, 3) or (H, W, 4), got {image.shape}")
    return encode_webp(image, method=1)


def decode_image(body: bytes, mode: str = "RGB", what: str = "image") -> np.ndarray:
    """A picture (WebP, PNG, any image Pillow reads) -> uint8 ``(H, W, channels of mode)``."""
    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(body))
        return np.asarray(image.convert(mode))
    except (UnidentifiedImageError, OSError, ValueError) as e:
        raise CodecError(f"{what} is not a readable image: {e}") from e


def encode_webp(image: np.ndarray, quality: int | None = None, method: int = 4) -> bytes:
    """uint8 RGB(A) -> WebP: lossless (``quality`` None: same pixels, alpha kept exactly) or
    lossy at ``quality`` (human-scale frames). Deterministic for given pixels."""
    from PIL import Image

    buf = io.BytesIO()
    if quality is None:
        Image.fromarray(np.asarray(image, np.uint8)).save(
            buf, format="WEBP", lossless=True, quality=100 if method >= 4 else 50,
            method=method, exact=True)
    else:
        Image.fromarray(np.asarray(image, np.uint8)).save(buf, format="WEBP", quality=quality,
                                                          method=method)
    return buf.getvalue()


def sprite_sheet(frames: np.ndarray, columns: int) -> np.ndarray:
    """``(N, H, W, C)`` -> one image of ``ceil(N / columns)`` rows of ``columns`` frames
    (frame ``i`` at row ``i // columns``, column ``i % columns``; unused cells black)."""
    n, h, w, c = frames.shape
    rows = -(-n // columns)
    padded = np.zeros((rows * columns, h, w, c), frames.dtype)
    padded[:n] = frames
    return padded.reshape(rows, columns, h, w, c).transpose(0, 2, 1, 3, 4).reshape(
        rows * h, columns * w, c)


def split_sprite_sheet(sheet: np.ndarray, count: int, frame_hw, columns: int) -> np.ndarray:
    """Inverse of :func:`sprite_sheet`: the first ``count`` frames ``(count, H, W, C)``."""
    h, w = int(frame_hw[0]), int(frame_hw[1])
    rows = -(-count // columns)
    if sheet.shape[0] < rows * h or sheet.shape[1] != columns * w:
        raise CodecError(f"a sprite sheet of {count} frames of {h}x{w} in {columns} columns "
                         f"is {rows * h}x{columns * w}, got {sheet.shape[0]}x{sheet.shape[1]}")
    c = sheet.shape[2] if sheet.ndim == 3 else 1
    cells = sheet[:rows * h].reshape(rows, h, columns, w, c).transpose(0, 2, 1, 3, 4)
    return cells.reshape(rows * columns, h, w, c)[:count]


# -- attribution maps ---------------------------------------------------------------------------

def map_steps(maps: np.ndarray, target: float = MAPS_ERROR, chunk: int = 64) -> np.ndarray:
    """Per-frame quantisation steps of :func:`encode_maps`: float64 ``(T,)``.

    Each frame is first divided by its peak (so float32 arithmetic neither underflows nor
    loses the error's precision), then the step is bisected in log space between
    ``1 / 32767`` (always within the target) and 2; ``_BISECTION_STEPS`` halvings pin it to
    within 1 %. Frames are processed ``chunk`` at a time to bound memory."""
    maps = np.asarray(maps)
    T = len(maps)
    out = np.ones(T, np.float64)
    for a in range(0, T, chunk):
        flat = np.asarray(maps[a:a + chunk], np.float32).reshape(min(chunk, T - a), -1)
        if not np.all(np.isfinite(flat)):
            raise ValueError("attribution maps contain NaN or infinity")
        peak = np.abs(flat).max(axis=1).astype(np.float64) if flat.shape[1] else \
            np.zeros(len(flat))
        live = peak > 0
        unit = (flat / np.where(live, peak, 1.0).astype(np.float32)[:, None]).astype(np.float32)
        norm = np.linalg.norm(unit, axis=1)
        lo = np.full(len(flat), np.log(1.0 / _INT16_MAX))
        hi = np.full(len(flat), np.log(2.0))
        for _ in range(_BISECTION_STEPS):  # ``lo`` always meets the target
            mid = (lo + hi) / 2
            step = np.exp(mid).astype(np.float32)[:, None]
            err = np.linalg.norm(np.rint(unit / step) * step - unit, axis=1)
            ok = err <= target * norm
            lo, hi = np.where(ok, mid, lo), np.where(ok, hi, mid)
        out[a:a + chunk] = np.where(live, peak * np.maximum(np.exp(lo), 1.0 / _INT16_MAX), 1.0)
    return out


def _zigzag(q: np.ndarray) -> np.ndarray:
    q = q.astype(np.int32)
    return ((q << 1) ^ (q >> 31)).astype(np.uint16)


def _unzigzag(z: np.ndarray) -> np.ndarray:
    z = z.astype(np.int32)
    return ((z >> 1) ^ -(z & 1)).astype(np.int16)


def encode_maps(maps: np.ndarray, target: float = MAPS_ERROR) -> tuple[bytes, list[float]]:
    """float maps ``(T, h, w, C)`` -> ``(body, steps)``; see the module docstring."""
    maps = np.asarray(maps, np.float32)
    if maps.ndim != 4:
        raise ValueError(f"attribution maps must be (T, h, w, C), got {maps.shape}")
    steps = map_steps(maps, target).astype(np.float32)
    q = np.rint(maps / steps[:, None, None, None])
    q = np.clip(q, -_INT16_MAX, _INT16_MAX).astype(np.int16)
    z = _zigzag(np.moveaxis(q, -1, 0)).ravel()  # (C, T, h, w)
    planes = np.stack([z & 0xFF, z >> 8]).astype(np.uint8)
    # float32 steps as their shortest decimals: exact, and compact in JSON
    # level 6: 4 % larger than level 9 and 6x faster (measured on the demo agent's maps)
    return (gzip.compress(planes.tobytes(), compresslevel=6, mtime=0),
            [float(str(s)) for s in steps])


def decode_maps(body: bytes, shape, steps, what: str = "attribution maps") -> np.ndarray:
    """Inverse of :func:`encode_maps`: float32 ``(T, h, w, C)``."""
    T, h, w, C = (int(d) for d in shape)
    if len(steps) != T:
        raise CodecError(f"{what}: {len(steps)} steps for {T} frames")
    data = _gunzip(body, what)
    n = T * h * w * C
    if len(data) != 2 * n:
        raise CodecError(f"{what} hold {len(data) // 2} values, expected shape {tuple(shape)}")
    planes = np.frombuffer(data, np.uint8).reshape(2, n).astype(np.uint16)
    q = _unzigzag(planes[0] | (planes[1] << 8)).reshape(C, T, h, w)
    scale = np.asarray(steps, np.float32)
    return np.moveaxis(q, 0, -1).astype(np.float32) * scale[:, None, None, None]


# -- event files --------------------------------------------------------------------------------

def masked_crc32c(data: bytes) -> int:
    """TFRecord's masked CRC32C (C implementation)."""
    import google_crc32c

    crc = google_crc32c.value(data)
    return (((crc >> 15) | (crc << 17)) + 0xA282EAD8) & 0xFFFFFFFF


def encode_records(records) -> bytes:
    """TFRecord framing of each record: u64 length, u32 masked CRC of it, data, u32 masked CRC
    of the data (TensorFlow's event-file format)."""
    out = io.BytesIO()
    for data in records:
        header = struct.pack("<Q", len(data))
        out.write(header)
        out.write(struct.pack("<I", masked_crc32c(header)))
        out.write(data)
        out.write(struct.pack("<I", masked_crc32c(data)))
    return out.getvalue()


def decode_records(f, what: str = "event file"):
    """The records of a TFRecord stream read from file object ``f``. A truncated last record (a
    file still being written by another program) ends the iteration; a checksum mismatch is a
    :class:`CodecError`."""
    while True:
        header = f.read(12)
        if len(header) < 12:
            return
        length, crc = struct.unpack("<QI", header)
        if masked_crc32c(header[:8]) != crc:
            raise CodecError(f"corrupt {what}: bad record-length checksum")
        data = f.read(length)
        footer = f.read(4)
        if len(data) < length or len(footer) < 4:
            return
        if masked_crc32c(data) != struct.unpack("<I", footer)[0]:
            raise CodecError(f"corrupt {what}: bad record checksum")
        yield data
