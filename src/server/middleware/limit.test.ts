import { describe, expect, it } from "vitest";
import type { Principal } from "../auth/principal.js";
import { RateLimiter } from "../rate-limit.js";
import { limit } from "./limit.js";
import { anonymous, middlewareApp, outcome } from "./test-app.js";

const key = (id: number): Principal => ({ kind: "key", id, workspaceId: 1, role: "analyst", scopes: new Set() });

describe("limit middleware", () => {
  it("takes the route's cost from the caller's bucket and answers 429 with Retry-After when it is empty", async () => {
    const limiter = new RateLimiter({ perSecond: 0.001, burst: 3 });
    const app = middlewareApp("GET", [limit(limiter, 2)], key(1));
    expect(await outcome(await app.request("/t"))).toEqual({ status: 200, code: "reached" });
    const refused = await app.request("/t");
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await outcome(refused)).toEqual({ status: 429, code: "rate.limited" });
  });

  it("keeps one bucket per caller: another key, or an anonymous client, is not slowed", async () => {
    const limiter = new RateLimiter({ perSecond: 0.001, burst: 1 });
    expect((await middlewareApp("GET", [limit(limiter)], key(1)).request("/t")).status).toBe(200);
    expect((await middlewareApp("GET", [limit(limiter)], key(1)).request("/t")).status).toBe(429);
    expect((await middlewareApp("GET", [limit(limiter)], key(2)).request("/t")).status).toBe(200);
    expect((await middlewareApp("GET", [limit(limiter)], anonymous).request("/t")).status).toBe(200);
  });
});
