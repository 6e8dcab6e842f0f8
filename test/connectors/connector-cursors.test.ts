import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearCursor, readCursor, saveCursor } from "../../src/store/connector-cursors.js";
import { DATABASES } from "../helpers/databases.js";

describe.each(DATABASES)("connector cursors on $name", (database) => {
  let store: Awaited<ReturnType<typeof database.open>>;
  beforeAll(async () => {
    store = await database.open();
  });
  afterAll(async () => store.cleanup());

  it("is null before the first save, then holds the latest save per connector", async () => {
    const ws = store.workspaceId;
    expect(await readCursor(store.db, ws, "zendesk:a")).toBeNull();
    await saveCursor(store.db, ws, "zendesk:a", '{"cursor":"1"}');
    await saveCursor(store.db, ws, "zendesk:a", '{"cursor":"2"}');
    await saveCursor(store.db, ws, "freshdesk:b", '{"since":5}');
    expect(await readCursor(store.db, ws, "zendesk:a")).toBe('{"cursor":"2"}');
    expect(await readCursor(store.db, ws, "freshdesk:b")).toBe('{"since":5}');
    await clearCursor(store.db, ws, "zendesk:a");
    expect(await readCursor(store.db, ws, "zendesk:a")).toBeNull();
    expect(await readCursor(store.db, ws, "freshdesk:b")).toBe('{"since":5}');
  });
});
