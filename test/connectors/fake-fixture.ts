/**
 * The setup every connector test shares: a fresh store on the database under test, the vendor's
 * fake helpdesk listening, both closed afterwards; plus a message count and a sleep that records
 * waits instead of sleeping them.
 *
 * @example
 * const fx = useFakeHelpdesk(database, zd.server);
 * it("…", async () => { await runSync(fx.store, zendeskConnector({ baseUrl: fx.url, … })); });
 */
import { afterAll, beforeAll } from "vitest";
import type { Store } from "../../src/store/open-store.js";
import type { TestDatabase } from "../helpers/databases.js";
import type { FakeHelpdesk } from "./fake-helpdesk.js";

type TestStore = Awaited<ReturnType<TestDatabase["open"]>>;

export interface FakeFixture {
  store: TestStore;
  url: string;
  /** Waits the connector asked for (ms), recorded instead of slept. */
  waits: number[];
  sleep: (ms: number) => Promise<void>;
}

export function useFakeHelpdesk(database: TestDatabase, server: FakeHelpdesk): FakeFixture {
  const fx = { url: "", waits: [] as number[] } as FakeFixture;
  fx.sleep = async (ms) => void fx.waits.push(ms);
  beforeAll(async () => {
    fx.store = await database.open();
    fx.url = await server.start();
  });
  afterAll(async () => {
    await server.close();
    await fx.store.cleanup();
  });
  return fx;
}

/** Messages in a store. */
export async function messageCount(store: Pick<Store, "db">): Promise<number> {
  const row = await store.db
    .selectFrom("messages")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
