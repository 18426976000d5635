// The front end's half of the store's codec (rlclarity_plugin/store/codec.py): decoding of the
// attribution maps. A unit's maps are stored as integers q = round(x / steps[t]) laid out
// channel-planar (C, T, h, w), zigzag-mapped ((q << 1) ^ (q >> 15)) and split into two byte
// planes (all low bytes, then all high bytes), gzip-compressed. The value of channel c at pixel
// p of frame t is q[c * T*h*w + t * h*w + p] * steps[t]; divided by the unit's display `scale`
// it is what the original's pipeline colours.

export const MAPS_CODEC = "int16-step-zigzag-planes-gzip";

/** The integers q (channel-planar) of a unit's maps from their decompressed bytes. */
export function decodePlanes(bytes: Uint8Array, shape: number[], codec: string): Int16Array {
  if (codec !== MAPS_CODEC)
    throw new Error(`attribution maps in codec "${codec}" cannot be read by this version`);
  const n = shape.reduce((a, b) => a * b, 1);
  if (bytes.length !== 2 * n)
    throw new Error(`attribution maps hold ${bytes.length / 2} values, expected ${shape.join("x")}`);
  const q = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    const z = bytes[i] | (bytes[n + i] << 8);
    q[i] = (z >>> 1) ^ -(z & 1);
  }
  return q;
}

/** Decompress a gzip body (the export holds the stored bytes as they are). */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** IG completeness errors of frame t: [per frame, relative to the unit's mean |F(a) - F(0)|]
 * (see rlclarity_plugin/store/schema.py, Completeness). */
export function completeness(totals: number[][], delta: number[], t: number): [number, number] {
  const diff = Math.abs(totals[t].reduce((a, b) => a + b, 0) - delta[t]);
  const mean = delta.reduce((a, b) => a + Math.abs(b), 0) / Math.max(delta.length, 1);
  return [diff / Math.max(Math.abs(delta[t]), 1e-12), diff / Math.max(mean, 1e-12)];
}
