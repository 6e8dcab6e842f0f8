import { describe, expect, it } from "vitest";
import { AttuneError } from "../../core/errors.js";
import type { Principal } from "../auth/principal.js";
import { principal } from "./principal.js";
import { middlewareApp, outcome } from "./test-app.js";

const key: Principal = { kind: "key", id: 7, workspaceId: 1, role: "analyst", scopes: new Set(["messages:read"]) };

describe("principal middleware", () => {
  it("resolves the caller once and hands it to what follows", async () => {
    let calls = 0;
    const app = middlewareApp("GET", [
      principal(async () => (calls++, key)),
      async (c, next) => {
        c.header("x-who", `${c.get("principal").kind}:${c.get("principal").id}`);
        await next();
      },
    ]);
    const res = await app.request("/t");
    expect(res.headers.get("x-who")).toBe("key:7");
    expect(calls).toBe(1);
  });

  it("stops the request when the credential is bad, before the handler", async () => {
    const app = middlewareApp("GET", [
      principal(async () => {
        throw new AttuneError("auth.invalid", {});
      }),
    ]);
    expect(await outcome(await app.request("/t"))).toEqual({ status: 401, code: "auth.invalid" });
  });
});
