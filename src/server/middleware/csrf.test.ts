import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../store/secrets.js";
import type { Principal } from "../auth/principal.js";
import { csrf } from "./csrf.js";
import { middlewareApp, outcome } from "./test-app.js";

const TOKEN = "a1b2c3d4e5f6a7b8";
const session: Principal = {
  kind: "session",
  id: 3,
  workspaceId: 1,
  role: "agent",
  scopes: new Set(),
  sessionId: 9,
  csrfHash: sha256Hex(TOKEN),
};
const key: Principal = { kind: "key", id: 4, workspaceId: 1, role: "agent", scopes: new Set() };

describe("csrf middleware", () => {
  it.each(["POST", "PUT", "PATCH", "DELETE"])("refuses a session's %s without the token or with a wrong one", async (method) => {
    const app = middlewareApp(method, [csrf()], session);
    expect(await outcome(await app.request("/t", { method }))).toEqual({ status: 403, code: "auth.csrf" });
    expect(await outcome(await app.request("/t", { method, headers: { "x-csrf-token": "f".repeat(16) } }))).toEqual({
      status: 403,
      code: "auth.csrf",
    });
  });

  it("lets a session's unsafe request with its token through", async () => {
    const res = await middlewareApp("POST", [csrf()], session).request("/t", { method: "POST", headers: { "x-csrf-token": TOKEN } });
    expect(await outcome(res)).toEqual({ status: 200, code: "reached" });
  });

  it("asks nothing of reads, nor of API keys (browsers do not send them on their own)", async () => {
    expect((await middlewareApp("GET", [csrf()], session).request("/t")).status).toBe(200);
    expect((await middlewareApp("POST", [csrf()], key).request("/t", { method: "POST" })).status).toBe(200);
  });
});
