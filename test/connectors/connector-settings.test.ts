import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "../../src/store/secret-box.js";
import {
  connectorSecret,
  createConnector,
  deleteConnector,
  getConnector,
  listConnectors,
  updateConnector,
  type ConnectorInput,
} from "../../src/store/connectors.js";
import { DATABASES } from "../helpers/databases.js";

const KEY = randomBytes(32);
const TOKEN = "zd-token-9f8e7d6c5b4a";
const input = (over: Partial<ConnectorInput> = {}): ConnectorInput => ({
  kind: "zendesk",
  name: "acme",
  settings: { url: "https://acme.zendesk.com", email: "ops@acme.com" },
  secret: TOKEN,
  intervalSeconds: 300,
  enabled: true,
  ...over,
});

describe("secret box", () => {
  it("uses a fresh IV per value and refuses a wrong key or an altered value", () => {
    const a = sealSecret(KEY, TOKEN);
    expect(a).not.toBe(sealSecret(KEY, TOKEN));
    expect(openSecret(KEY, a)).toBe(TOKEN);
    expect(() => openSecret(randomBytes(32), a)).toThrow(expect.objectContaining({ code: "connector.secret_unreadable" }));
    const flipped = a.slice(0, -2) + (a.endsWith("A") ? "B" : "A") + a.slice(-1);
    expect(() => openSecret(KEY, flipped)).toThrow(expect.objectContaining({ code: "connector.secret_unreadable" }));
  });
});

describe.each(DATABASES)("connector settings on $name", (database) => {
  let store: Awaited<ReturnType<typeof database.open>>;
  beforeAll(async () => {
    store = await database.open();
  });
  afterAll(async () => store.cleanup());

  it("stores the secret encrypted, shows only secret_set, and decrypts it with the key", async () => {
    const id = await createConnector(store.db, KEY, store.workspaceId, input());
    const raw = await store.db.selectFrom("connectors").select("secret_sealed").where("id", "=", id).executeTakeFirstOrThrow();
    expect(raw.secret_sealed).not.toContain(TOKEN);
    expect(raw.secret_sealed).not.toContain(Buffer.from(TOKEN).toString("base64url"));
    const row = await getConnector(store.db, store.workspaceId, id);
    expect(row).toMatchObject({ kind: "zendesk", name: "acme", secret_set: true, enabled: true, interval_seconds: 300 });
    expect(JSON.stringify(row)).not.toContain(TOKEN);
    expect(await connectorSecret(store.db, KEY, store.workspaceId, id)).toBe(TOKEN);
    await expect(connectorSecret(store.db, randomBytes(32), store.workspaceId, id)).rejects.toMatchObject({
      code: "connector.secret_unreadable",
    });
    await expect(connectorSecret(store.db, undefined, store.workspaceId, id)).rejects.toMatchObject({ code: "config.missing_secret_key" });
  });

  it("refuses to save a secret without a key, and keeps the stored secret on an update without one", async () => {
    await expect(createConnector(store.db, undefined, store.workspaceId, input({ name: "nokey" }))).rejects.toMatchObject({
      code: "config.missing_secret_key",
    });
    expect((await listConnectors(store.db, store.workspaceId)).map((c) => c.name)).toEqual(["acme"]);
    const [acme] = await listConnectors(store.db, store.workspaceId);
    const { secret: _drop, ...rest } = input({ enabled: false, intervalSeconds: 60 });
    expect(await updateConnector(store.db, KEY, store.workspaceId, acme!.id, rest)).toBe(true);
    expect(await connectorSecret(store.db, KEY, store.workspaceId, acme!.id)).toBe(TOKEN);
    expect(await listConnectors(store.db, store.workspaceId, true)).toEqual([]);
    expect(await deleteConnector(store.db, store.workspaceId, acme!.id)).toBe(true);
    expect(await deleteConnector(store.db, store.workspaceId, acme!.id)).toBe(false);
  });
});
