/**
 * Sign-in over HTTP (issue 11, item 16): repeated invalid credentials are answered 429 with
 * Retry-After, per account and client; the account's owner, whose browser holds the device cookie
 * from an earlier sign-in, still signs in while a guesser is being slowed; a colleague behind the
 * same address is not held up. Time is a ManualClock: the test counts attempts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../src/cases/clock.js";
import { DATABASES } from "./helpers/databases.js";
import { testApp, type TestApp } from "./helpers/test-app.js";

type Opened = Awaited<ReturnType<(typeof DATABASES)[number]["open"]>>;

describe.each(DATABASES)("sign-in throttling on $name", (database) => {
  let store: Opened;
  let t: TestApp;
  const clock = new ManualClock(Date.parse("2026-12-07T09:00:00Z"));
  const PASSWORD = "a long enough passphrase";

  const signIn = (email: string, password: string, cookie?: string) =>
    t.req("POST", "/session", { key: null, body: { email, password }, headers: cookie ? { cookie } : {} });

  beforeAll(async () => {
    store = await database.open();
    t = await testApp(store, { clock });
    for (const email of ["lee@example.com", "ana@example.com"])
      expect((await t.post("/users", { email, role: "agent", password: PASSWORD })).status).toBe(201);
  });
  afterAll(async () => {
    await store?.cleanup();
  });

  it("answers 429 with Retry-After after repeated invalid credentials, and lets the owner's browser in", async () => {
    // The owner signed in once before: the browser keeps the device cookie.
    const first = await signIn("lee@example.com", PASSWORD);
    expect(first.status).toBe(200);
    const device = first.headers.getSetCookie().find((c) => c.startsWith("attune_device="))!;
    expect(device).toMatch(/HttpOnly/);
    expect(device).toMatch(/Path=\/api\/v1\/session/);
    const deviceCookie = device.split(";")[0]!;

    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await signIn("lee@example.com", "guess number " + i)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    const limited = await signIn("lee@example.com", "another guess");
    expect(limited.headers.get("retry-after")).toBe("1");
    expect(((await limited.json()) as any).error.code).toBe("rate.limited");

    // The same address, another account: not held up.
    expect((await signIn("ana@example.com", PASSWORD)).status).toBe(200);
    // The owner's browser: in at once, guesser or not.
    expect((await signIn("lee@example.com", PASSWORD, deviceCookie)).status).toBe(200);
    // A device cookie is bound to its account: it does not lift the wait of another.
    for (let i = 0; i < 4; i++) await signIn("ana@example.com", "wrong " + i);
    expect((await signIn("ana@example.com", PASSWORD, deviceCookie)).status).toBe(429);
    // The wait ends: after Retry-After the right password works from the guessed-at address too.
    clock.advance(2_000);
    expect((await signIn("ana@example.com", PASSWORD)).status).toBe(200);
  });
});
