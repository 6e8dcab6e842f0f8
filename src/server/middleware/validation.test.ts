import { describe, expect, it } from "vitest";
import { z } from "zod";
import { validation } from "./validation.js";
import { middlewareApp, outcome } from "./test-app.js";

const schemas = {
  query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }).strict(),
  body: z.object({ text: z.string().min(1) }).strict(),
};
const post = (app: ReturnType<typeof middlewareApp>, path: string, body: string) =>
  app.request(path, { method: "POST", headers: { "content-type": "application/json" }, body });

describe("validation middleware", () => {
  it("hands the handler the checked query and body, defaults filled in", async () => {
    const res = await post(middlewareApp("POST", [validation(schemas, 1024)]), "/t", '{"text":"hi"}');
    expect(await res.json()).toEqual({ reached: true, input: { query: { limit: 20 }, params: {}, body: { text: "hi" } } });
  });

  it("refuses a bad query, an unknown query parameter, a bad body and one over the size limit", async () => {
    const app = middlewareApp("POST", [validation(schemas, 64)]);
    const cases: [string, string, string][] = [
      ["/t?limit=0", '{"text":"hi"}', "input.invalid_value"],
      ["/t?color=red", '{"text":"hi"}', "input.unknown_field"],
      ["/t", '{"text":""}', "input.invalid_value"],
      ["/t", '{"text":"hi","x":1}', "input.unknown_field"],
      ["/t", JSON.stringify({ text: "x".repeat(100) }), "input.too_large"],
    ];
    for (const [path, body, code] of cases) expect((await outcome(await post(app, path, body))).code).toBe(code);
  });

  it("refuses query parameters on a route that declares none", async () => {
    const res = await middlewareApp("GET", [validation({}, 1024)]).request("/t?x=1");
    expect(await outcome(res)).toEqual({ status: 400, code: "input.unknown_field" });
  });
});
