import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { AttuneError } from "../../core/errors.js";
import { errorResponse } from "../error-response.js";
import { securityHeaders } from "./security-headers.js";

function app(): Hono {
  const a = new Hono();
  a.use("*", securityHeaders("/api/v1"));
  a.get("/api/v1/ok", (c) => c.json({ ok: true }));
  a.get("/api/v1/fails", () => {
    throw new AttuneError("store.not_found", { resource: "message" });
  });
  a.get("/index.html", (c) => c.text("page"));
  a.onError((err, c) => errorResponse(c, err));
  return a;
}

describe("securityHeaders middleware", () => {
  it("marks API answers, errors included, nosniff, no-referrer and never cached", async () => {
    for (const path of ["/api/v1/ok", "/api/v1/fails"]) {
      const res = await app().request(path);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("leaves caching of the dashboard's files to their route", async () => {
    const res = await app().request("/index.html");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBeNull();
  });
});
