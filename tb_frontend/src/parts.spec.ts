import { describe, expect, test } from "vitest";
import { fromJsonArrays, fromPlanesAvg, fromText7, inflate } from "./parts";
import examples from "./part_examples.json";

const hex = (s: string) => Uint8Array.from(s.match(/../g) ?? [], (b) => parseInt(b, 16));

// parts the Python encoders wrote (tests/test_one_data_model.py checks them against the encoders)
describe("text7", () => {
  test.each(examples.text7.map((e) => [e.hex.slice(0, 24), e] as const))("%s", (_, e) => {
    expect(fromText7(e.text)).toEqual(hex(e.hex));
  });
  test("holds no character the HTML parser would change", () => {
    for (const e of examples.text7)
      for (const c of e.text) expect([0, 13, 60]).not.toContain(c.charCodeAt(0));
  });
});

describe("planes-avg", () => {
  test.each(examples.planes_avg.map((e) => [e.shape.join("x"), e] as const))("%s", async (_, e) => {
    expect(fromPlanesAvg(await inflate(hex(e.part_hex)), e.shape)).toEqual(hex(e.body_hex));
  });
});

describe("json+arrays", () => {
  test.each(examples.json_arrays.map((e, i) => [i, e] as const))("example %i", async (_, e) => {
    expect(fromJsonArrays(await inflate(hex(e.part_hex)))).toEqual(e.value);
  });
});
