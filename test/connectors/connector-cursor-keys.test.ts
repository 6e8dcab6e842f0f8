/**
 * Two stored connectors on one helpdesk account keep a cursor each (issue 16): the one that starts
 * later (`since`) must not move the other's starting point. With one cursor per account (the name
 * `zendesk:<host>`, as before) the second connector resumed at the end of the first one's export
 * and never stored the older tickets; keyed by connector id it stores them, and the overlap counts
 * as duplicates.
 */
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cursorKey, syncStoredConnector } from "../../src/connectors/stored-connector.js";
import { readCursor } from "../../src/store/connector-cursors.js";
import { createConnector, getConnector } from "../../src/store/connectors.js";
import { DATABASES } from "../helpers/databases.js";
import { messageCount, useFakeHelpdesk } from "./fake-fixture.js";
import { fakeZendesk, ZD_EMAIL, ZD_TOKEN } from "./fake-zendesk.js";

const KEY = randomBytes(32);

describe.each(DATABASES)("stored connectors' cursors on $name", (database) => {
  const zd = fakeZendesk({ tickets: 6 });
  const fx = useFakeHelpdesk(database, zd.server);

  it("keeps one cursor per connector, so a later-starting one does not make another skip tickets", async () => {
    // The export orders tickets by their last change: the second half of the tickets changed after this.
    const middle = zd.tickets[3]!.updated_at;
    const recent = zd.tickets.slice(3).reduce((n, t) => n + t.comments.length, 0);
    const add = async (name: string, since?: string) => {
      const id = await createConnector(fx.store.db, KEY, fx.store.workspaceId, {
        kind: "zendesk",
        name,
        settings: { url: fx.url, email: ZD_EMAIL, ...(since ? { since } : {}) },
        secret: ZD_TOKEN,
        intervalSeconds: 300,
        enabled: true,
      });
      return (await getConnector(fx.store.db, fx.store.workspaceId, id))!;
    };
    const recentOnly = await add("recent", middle);
    const everything = await add("everything");

    expect(await syncStoredConnector(fx.store, KEY, recentOnly)).toMatchObject({ accepted: recent, duplicates: 0 });
    expect(await syncStoredConnector(fx.store, KEY, everything)).toMatchObject({
      accepted: zd.totalComments() - recent,
      duplicates: recent,
    });
    expect(await messageCount(fx.store)).toBe(zd.totalComments());
    const ws = fx.store.workspaceId;
    const [a, b] = [await readCursor(fx.store.db, ws, cursorKey(recentOnly)), await readCursor(fx.store.db, ws, cursorKey(everything))];
    expect(a).not.toBeNull();
    expect(b).not.toBeNull();
    // Nothing is kept under the account's name: `attune sync` on the command line keeps its own.
    expect(await readCursor(fx.store.db, ws, `zendesk:${new URL(fx.url).host}`)).toBeNull();
    // Each resumes from its own place: nothing new for either.
    expect(await syncStoredConnector(fx.store, KEY, recentOnly)).toMatchObject({ accepted: 0 });
    expect(await syncStoredConnector(fx.store, KEY, everything)).toMatchObject({ accepted: 0 });
  });
});
