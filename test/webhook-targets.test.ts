/**
 * Outgoing webhooks reach public addresses only (issue 11, item 15), on both databases: loopback,
 * link-local and private targets are refused at subscription and again at every delivery (a name
 * that turns private after the check, DNS rebinding, gets nowhere), the connection goes to the
 * checked address, an allow-list opens named networks, and the delivery log tells nothing about
 * ports beyond a coded reason.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { raiseAlert } from "../src/cases/alerts.js";
import { CaseEngine } from "../src/cases/case-engine.js";
import { ManualClock, systemClock } from "../src/cases/clock.js";
import { sendPinned, type PinnedSender } from "../src/cases/webhook-send.js";
import { addressAllowed, targetPolicy, type Resolver } from "../src/cases/webhook-target.js";
import { LIMITS } from "../src/ingest/limits.js";
import { createApiKey } from "../src/store/api-keys.js";
import { createApp } from "../src/server/app.js";
import { RateLimiter } from "../src/server/rate-limit.js";
import { SignInThrottle } from "../src/server/sign-in-throttle.js";
import { DATABASES } from "./helpers/databases.js";
import { sharedReader } from "./helpers/test-app.js";

type Opened = Awaited<ReturnType<(typeof DATABASES)[number]["open"]>>;

describe("which addresses a webhook may reach", () => {
  const none = targetPolicy(undefined);
  it("refuses loopback, link-local, private, shared, multicast and reserved ranges, in every spelling", () => {
    for (const ip of [
      "127.0.0.1",
      "127.1.2.3",
      "10.0.0.8",
      "172.16.5.4",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "255.255.255.255",
      "198.18.0.1",
      "::1",
      "::",
      "fe80::1",
      "fd00::1",
      "ff02::1",
      "::ffff:127.0.0.1",
      "::ffff:169.254.169.254",
      "64:ff9b::a9fe:a9fe",
      "2002:7f00:1::1",
      "2001:db8::1",
    ]) {
      expect(addressAllowed(ip, none), ip).toBe(false);
    }
    for (const ip of ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8"]) expect(addressAllowed(ip, none), ip).toBe(true);
    expect(addressAllowed("not an ip", none)).toBe(false);
  });
  it("opens exactly the networks of the allow-list", () => {
    const p = targetPolicy("127.0.0.1, 10.1.2.0/24, fd00::/8");
    expect(addressAllowed("127.0.0.1", p)).toBe(true);
    expect(addressAllowed("127.0.0.2", p)).toBe(false);
    expect(addressAllowed("10.1.2.200", p)).toBe(true);
    expect(addressAllowed("10.1.3.1", p)).toBe(false);
    expect(addressAllowed("fd00::5", p)).toBe(true);
    expect(() => targetPolicy("10.0.0.0/33")).toThrow(/configuration/);
    expect(() => targetPolicy("hooks.internal")).toThrow(/configuration/);
  });
});

describe.each(DATABASES)("webhook deliveries on $name", (database) => {
  let store: Opened;
  let receiver: Server;
  let port: number;
  let hits = 0;
  const clock = new ManualClock(Date.parse("2026-12-07T09:00:00Z"));
  /** DNS as the tests want it: each name answers the next address of its list, the last one ever after. */
  const dns = new Map<string, string[]>();
  const lookups: string[] = [];
  const resolve: Resolver = async (host) => {
    lookups.push(host);
    const list = dns.get(host);
    if (!list) throw Object.assign(new Error("ENOTFOUND"), { code: "ENOTFOUND" });
    const address = list.length > 1 ? list.shift()! : list[0]!;
    return [{ address, family: address.includes(":") ? 6 : 4 }];
  };
  const connects: string[] = [];
  /** Records where each POST connects; only loopback is really sent (to the local receiver). */
  const send: PinnedSender = async (url, target, post) => {
    connects.push(target.address);
    if (target.address === "127.0.0.1") return sendPinned(url, target, post);
    throw Object.assign(new Error(`connect ECONNREFUSED ${target.address}:${url.port}`), { code: "ECONNREFUSED" });
  };

  async function setup(allow: string | undefined) {
    const engine = new CaseEngine({
      store,
      clock,
      timers: false,
      delivery: { send, resolve, targets: targetPolicy(allow), baseDelayMs: 1000, maxAttempts: 2 },
    });
    const key = (await createApiKey(store.db, { workspaceId: store.workspaceId, name: "hooks", role: "admin" })).key;
    const app = createApp({
      store,
      engine: sharedReader,
      limiter: new RateLimiter({ perSecond: 1e4, burst: 1e4 }),
      signIn: new SignInThrottle(systemClock),
      limits: LIMITS,
      secureCookies: false,
      cases: engine,
    });
    const subscribe = async (url: string) => {
      const res = await app.request("/api/v1/webhook-subscriptions", {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({ url }),
      });
      return { status: res.status, body: (await res.json()) as any };
    };
    const log = async (id: number) => {
      const res = await app.request(`/api/v1/webhook-subscriptions/${id}/deliveries`, { headers: { authorization: `Bearer ${key}` } });
      return ((await res.json()) as any).items;
    };
    return { engine, subscribe, log };
  }

  let alertNo = 0;
  async function alertAndDeliver(engine: CaseEngine) {
    await raiseAlert(store.db, engine.ctx, {
      workspaceId: store.workspaceId,
      kind: "spike",
      severity: "warning",
      summary: "test",
      details: {},
      dedupeKey: `t-${++alertNo}`,
    });
    await engine.runDue();
    clock.advance(10_000);
    await engine.runDue();
  }

  beforeAll(async () => {
    store = await database.open();
    receiver = createServer((req, res) => {
      hits++;
      req.resume();
      res.end("ok");
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", () => r()));
    port = (receiver.address() as AddressInfo).port;
  });
  afterAll(async () => {
    receiver?.close();
    await store?.cleanup();
  });

  it("refuses loopback, metadata and private targets at subscription", async () => {
    const { subscribe } = await setup(undefined);
    dns.set("db.internal.test", ["10.0.0.5"]);
    for (const url of [
      "http://127.0.0.1:5432/",
      "http://169.254.169.254/latest/meta-data/",
      "http://[::1]:6379/",
      "http://db.internal.test/",
      "http://[::ffff:7f00:1]/",
    ]) {
      const r = await subscribe(url);
      expect(r.status, url).toBe(400);
      expect(r.body.error.code).toBe("webhook.target_refused");
    }
  });

  it("checks again at delivery: a name that turns private (DNS rebinding) is never connected to", async () => {
    const { engine, subscribe, log } = await setup(undefined);
    dns.set("rebind.test", ["93.184.216.34", "127.0.0.1"]);
    const sub = await subscribe(`http://rebind.test:${port}/hook`);
    expect(sub.status).toBe(201);
    connects.length = 0;
    const before = hits;
    await alertAndDeliver(engine);
    expect(connects).toEqual([]);
    expect(hits).toBe(before);
    const entries = await log(sub.body.id);
    const attempts = entries.flatMap((d: any) => d.log);
    expect(attempts.length).toBeGreaterThan(0);
    expect(attempts.every((a: any) => a.error === "target_refused" && a.status_code === null && a.duration_ms === 0)).toBe(true);
  });

  it("logs a coded reason only, never the socket error, for a target that does not answer", async () => {
    const { engine, subscribe, log } = await setup(undefined);
    dns.set("closed-port.test", ["93.184.216.34"]);
    const sub = await subscribe("http://closed-port.test:5432/");
    expect(sub.status).toBe(201);
    await alertAndDeliver(engine);
    const text = JSON.stringify(await log(sub.body.id));
    expect(text).toContain('"error":"unreachable"');
    expect(text).not.toMatch(/ECONNREFUSED|5432|93\.184/);
    expect(connects).toContain("93.184.216.34");
  });

  it("delivers to an allow-listed network, connecting to the checked address", async () => {
    const { engine, subscribe, log } = await setup("127.0.0.1");
    await store.db.updateTable("webhook_subscriptions").set({ active: 0 }).execute(); // the earlier tests' targets
    dns.set("hooks.local.test", ["127.0.0.1"]);
    const sub = await subscribe(`http://hooks.local.test:${port}/hook`);
    expect(sub.status).toBe(201);
    const before = hits;
    await alertAndDeliver(engine);
    expect(hits).toBe(before + 1);
    const entries = await log(sub.body.id);
    expect(entries.some((d: any) => d.status === "delivered")).toBe(true);
    // A name is resolved once per attempt: the connection does not ask DNS again.
    expect(lookups.filter((h) => h === "hooks.local.test").length).toBe(2); // at subscription and at the one attempt
  });
});
