// Decoders of an exported page's parts (format 3, rlclarity_plugin/export/html.py): the text
// of the parts element (text7), the attribution residuals (planes-avg) and JSON with binary
// arrays (json+arrays). part_examples.json holds parts the Python encoders wrote; parts.spec.ts
// decodes them here and tests/test_one_data_model.py checks them against the encoders.

const TEXT7_ILLEGAL = [0x00, 0x0d, 0x3c];

/** The bytes of a part's text (`text7`: 7 bits per character). */
export function fromText7(text: string): Uint8Array {
  const out = new Uint8Array(Math.floor((text.length * 14) / 8) + 1);
  let n = 0, acc = 0, bits = 0;
  const put = (g: number) => {
    acc = (acc << 7) | g;
    bits += 7;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
      acc &= (1 << bits) - 1;
    }
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      put(c);
      continue;
    }
    const v = c - 0x100, j = v >> 7;
    if (v < 0 || j > 5) throw new Error(`not a text7 character: U+${c.toString(16)}`);
    if (j < 3) {
      put(TEXT7_ILLEGAL[j]);
      put(v & 0x7f);
    } else {
      put(TEXT7_ILLEGAL[j - 3]);
    }
  }
  return out.slice(0, n);
}

/** The /attribution body (zigzag planes of q, channel-planar (C, T, h, w)) from an inflated
 * `planes-avg` part of a unit of `shape` [T, h, w, C]. */
export function fromPlanesAvg(bytes: Uint8Array, shape: number[]): Uint8Array {
  const [T, h, w, C] = shape;
  const n = T * h * w * C;
  if (bytes.length !== 2 * n)
    throw new Error(`attribution residuals hold ${bytes.length / 2} values, expected ${shape.join("x")}`);
  const out = new Uint8Array(2 * n);
  const plane = h * w;
  const q = new Int16Array(plane);
  for (let m = 0; m < C * T; m++) {
    const base = m * plane;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const p = y * w + x, i = base + p;
        const z = bytes[i] | (bytes[n + i] << 8);
        const e = (z >>> 1) ^ -(z & 1);
        const left = x > 0 ? q[p - 1] : 0, up = y > 0 ? q[p - w] : 0;
        const v = (e + ((left + up) >> 1)) << 16 >> 16; // wrapped to int16
        q[p] = v;
        const zz = ((v << 1) ^ (v >> 15)) & 0xffff;
        out[i] = zz & 0xff;
        out[n + i] = zz >> 8;
      }
    }
  }
  return out;
}

export const ARRAY_MARK = "\u0000a";

/** The JSON value of an inflated `json+arrays` part: the skeleton with its arrays put back. */
export function fromJsonArrays(bytes: Uint8Array): unknown {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const base = 4 + view.getUint32(0, true);
  const read = (dtype: string, offset: number, shape: number[]): unknown => {
    let at = base + offset;
    const next = dtype === "i32" ? () => { const v = view.getInt32(at, true); at += 4; return v; }
      : dtype === "f32" ? () => { const v = view.getFloat32(at, true); at += 4; return v; }
      : dtype === "f64" ? () => { const v = view.getFloat64(at, true); at += 8; return v; }
      : null;
    if (!next) throw new Error(`unknown array type ${dtype}`);
    const nest = (d: number): unknown[] => Array.from({ length: shape[d] },
      () => (d === shape.length - 1 ? next() : nest(d + 1)));
    return nest(0);
  };
  const fill = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(fill);
    if (x && typeof x === "object") {
      const ref = (x as Record<string, unknown>)[ARRAY_MARK] as [string, number, number[]] | undefined;
      if (ref) return read(...ref);
      return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, fill(v)]));
    }
    return x;
  };
  return fill(JSON.parse(new TextDecoder().decode(bytes.subarray(4, base))));
}

/** zlib (RFC 1950) decompression. */
export async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream("deflate"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
