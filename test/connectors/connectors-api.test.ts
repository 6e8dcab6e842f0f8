import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ConnectorRunner } from "../../src/connectors/connector-runner.js";
import type { IngestCounts } from "../../src/ingest/ingestor.js";
import { createConnector, getConnector } from "../../src/store/connectors.js";
import { DATABASES } from "../helpers/databases.js";
import { testApp } from "../helpers/test-app.js";
import { messageCount, useFakeHelpdesk } from "./fake-fixture.js";
import { fakeZendesk, ZD_EMAIL, ZD_TOKEN } from "./fake-zendesk.js";

const KEY = randomBytes(32);

describe.each(DATABASES)("connectors API on $name", (database) => {
  const zd = fakeZendesk({ tickets: 6, exportPageSize: 4, commentsPageSize: 3 });
  const fx = useFakeHelpdesk(database, zd.server);
  const body = () => ({
    kind: "zendesk",
    name: "acme",
    settings: { url: fx.url, email: ZD_EMAIL },
    secret: ZD_TOKEN,
    interval_seconds: 60,
  });

  it("creates, lists without the secret, syncs through the API once, and adds 0 the second time", async () => {
    const t = await testApp(fx.store, { secretKey: KEY });
    const created = await t.post("/connectors", body());
    expect(created.status).toBe(201);
    const shown = (await created.json()) as { id: number; secret_set: boolean };
    expect(shown.secret_set).toBe(true);
    const listed = await t.get("/connectors");
    const text = await listed.text();
    expect(text).not.toContain(ZD_TOKEN);
    expect(JSON.parse(text).items).toEqual([
      expect.objectContaining({ id: shown.id, name: "acme", secret_set: true, settings: { url: fx.url, email: ZD_EMAIL } }),
    ]);
    const first = await t.post(`/connectors/${shown.id}/sync`, {});
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ accepted: zd.totalComments(), duplicates: 0, conflicts: 0, rejected: 0 });
    expect(await messageCount(fx.store)).toBe(zd.totalComments());
    const second = await t.post(`/connectors/${shown.id}/sync`, {});
    expect(await second.json()).toEqual({ accepted: 0, duplicates: 0, conflicts: 0, rejected: 0 });
    expect(await messageCount(fx.store)).toBe(zd.totalComments());
    // The list shows how the last pass ended, for the settings page.
    const after = ((await (await t.get("/connectors")).json()) as { items: { id: number; last_run: unknown }[] }).items;
    expect(after.find((c) => c.id === shown.id)?.last_run).toEqual({
      at: expect.any(String),
      counts: { accepted: 0, duplicates: 0, conflicts: 0, rejected: 0 },
      error_code: null,
    });
  });

  it("refuses non-admins, bad settings, a taken name and a secret without ATTUNE_SECRET_KEY", async () => {
    const t = await testApp(fx.store, { secretKey: KEY });
    for (const role of ["agent", "analyst"] as const) {
      const key = await t.key(role);
      expect((await t.get("/connectors", key)).status).toBe(403);
      expect((await t.post("/connectors", { ...body(), name: "x" }, key)).status).toBe(403);
    }
    const noUrl = await t.post("/connectors", { ...body(), name: "b", settings: { email: ZD_EMAIL } });
    expect(noUrl.status).toBe(400);
    expect(await noUrl.json()).toMatchObject({ error: { code: "input.invalid_value", details: { field: "settings.url" } } });
    const envFlag = await t.post("/connectors", { ...body(), name: "c", settings: { url: fx.url, email: ZD_EMAIL, "token-env": "HOME" } });
    expect(envFlag.status).toBe(400);
    expect((await t.post("/connectors", body())).status).toBe(409);
    const keyless = await testApp(fx.store);
    const refused = await keyless.post("/connectors", { ...body(), name: "d" });
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ error: { code: "config.missing_secret_key" } });
  });

  it("updates without resending the secret, and deletes", async () => {
    const t = await testApp(fx.store, { secretKey: KEY });
    const { id } = (await (await t.post("/connectors", { ...body(), name: "upd" })).json()) as { id: number };
    const { secret: _s, ...noSecret } = body();
    const put = await t.req("PUT", `/connectors/${id}`, { body: { ...noSecret, name: "upd", enabled: false } });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ enabled: false, secret_set: true });
    expect((await t.post(`/connectors/${id}/sync`, {})).status).toBe(200);
    expect((await t.req("DELETE", `/connectors/${id}`)).status).toBe(204);
    expect((await t.req("DELETE", `/connectors/${id}`)).status).toBe(404);
  });

  it("serve's runner runs a due connector and logs a failure by its code only", async () => {
    // Only this test's connectors: "acme" of the first test would take the new comment first.
    await fx.store.db.deleteFrom("connectors").execute();
    zd.addCustomerComment(103, "Runner pass comment.");
    const before = await messageCount(fx.store);
    const good = await createConnector(fx.store.db, KEY, fx.store.workspaceId, {
      kind: "zendesk",
      name: "run",
      settings: { url: fx.url, email: ZD_EMAIL },
      secret: ZD_TOKEN,
      intervalSeconds: 60,
      enabled: true,
    });
    const bad = await createConnector(fx.store.db, KEY, fx.store.workspaceId, {
      kind: "zendesk",
      name: "bad",
      settings: { url: fx.url, email: ZD_EMAIL },
      secret: "wrong-token-abc",
      intervalSeconds: 60,
      enabled: true,
    });
    const results = new Map<number, IngestCounts | Error>();
    const lines: string[] = [];
    let seen: () => void = () => undefined;
    const both = new Promise<void>((resolve) => (seen = resolve));
    const runner = new ConnectorRunner({
      store: fx.store,
      key: KEY,
      log: (l) => lines.push(JSON.stringify(l)),
      onPass: (id, r) => {
        results.set(id, r);
        if (results.has(good) && results.has(bad)) seen();
      },
    });
    runner.start();
    await both;
    await runner.stop();
    expect(results.get(good)).toMatchObject({ accepted: 1 });
    expect(await messageCount(fx.store)).toBe(before + 1);
    expect(results.get(bad)).toMatchObject({ code: "connector.auth" });
    const failure = lines.find((l) => l.includes('"error"'))!;
    expect(JSON.parse(failure)).toEqual({ connector: { id: bad, kind: "zendesk" }, error: { code: "connector.auth" } });
    expect(lines.join("\n")).not.toContain("wrong-token-abc");
    expect(lines.join("\n")).not.toContain("Runner pass comment");
    expect((await getConnector(fx.store.db, fx.store.workspaceId, good))?.secret_set).toBe(true);
    // Each pass is recorded on its connector: counts, or the error's code and nothing else.
    expect((await getConnector(fx.store.db, fx.store.workspaceId, good))?.last_run).toMatchObject({
      counts: { accepted: 1 },
      error_code: null,
    });
    expect((await getConnector(fx.store.db, fx.store.workspaceId, bad))?.last_run).toMatchObject({
      counts: null,
      error_code: "connector.auth",
    });
  });
});
