import { describe, expect, test } from "vitest";
import { num, query, routeKey, type Params } from "./routes";
import fixtures from "./route_keys.json";

describe("routeKey", () => {
  // the same examples tests/test_one_data_model.py checks against views.route_key
  test.each(fixtures.examples.map((e) => [e.key, e.route, e.params] as const))(
    "%s", (key, route, params) => {
      expect(routeKey(route, params as Params)).toBe(key);
    });

  test("leaves the cache-busting parameters out and ignores their order", () => {
    expect(routeKey("series", { v: "ab", traj: 2, step: 7, run: "r" }))
      .toBe(routeKey("series", { run: "r", step: 7, traj: 2 }));
  });
});

describe("query", () => {
  test("keeps the parameters' order and encodes as a form", () => {
    expect(query({ run: "a/b c", step: 1, v: "x" })).toBe("run=a%2Fb+c&step=1&v=x");
  });
});

describe("num", () => {
  test("writes feature variants as the routes and the export take them", () => {
    expect([num(1), num(1.0), num(0.25), num("0.5"), num(4), num("2.0")])
      .toEqual(["1", "1", "0.25", "0.5", "4", "2"]);
  });
});
