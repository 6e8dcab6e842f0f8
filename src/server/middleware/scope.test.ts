import { describe, expect, it } from "vitest";
import type { Principal } from "../auth/principal.js";
import { requireScope } from "./scope.js";
import { anonymous, middlewareApp, outcome } from "./test-app.js";

const analyst: Principal = { kind: "key", id: 1, workspaceId: 1, role: "analyst", scopes: new Set(["messages:read"]) };

describe("scope middleware", () => {
  it("lets a caller holding the scope through", async () => {
    expect(await outcome(await middlewareApp("GET", [requireScope("messages:read")], analyst).request("/t"))).toEqual({
      status: 200,
      code: "reached",
    });
  });

  it("answers 401 to nobody and 403 naming the scope to a caller without it", async () => {
    expect(await outcome(await middlewareApp("GET", [requireScope("messages:read")], anonymous).request("/t"))).toEqual({
      status: 401,
      code: "auth.required",
    });
    const res = await middlewareApp("GET", [requireScope("people:erase")], analyst).request("/t");
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: "auth.forbidden", details: { scope: "people:erase" } } });
  });
});
