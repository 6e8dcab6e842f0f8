/**
 * Sign-in throttling shared through the store (issue 11, item 16): two throttles on one store
 * stand for two `serve --processes 2` processes, so a guesser gets no more tries by landing on
 * both, even with every attempt in flight at once; and the table holds no e-mail or address.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../src/cases/clock.js";
import { AttuneError } from "../src/core/errors.js";
import { SignInThrottle, type SignInAttempt } from "../src/server/sign-in-throttle.js";
import { storeThrottleEntries } from "../src/store/sign-in-throttle.js";
import { DATABASES } from "./helpers/databases.js";

type Opened = Awaited<ReturnType<(typeof DATABASES)[number]["open"]>>;

const guess = (client: string, account = "lee@example.com"): SignInAttempt => ({ account, client, device: false });

/** Starts every attempt at once; how many were let through (the rest must be rate.limited). */
async function allowedOf(attempts: Promise<void>[]): Promise<number> {
  const results = await Promise.allSettled(attempts);
  for (const r of results) if (r.status === "rejected") expect((r.reason as AttuneError).code).toBe("rate.limited");
  return results.filter((r) => r.status === "fulfilled").length;
}

describe.each(DATABASES)("sign-in throttle in the store on $name", (database) => {
  let store: Opened;
  beforeAll(async () => {
    store = await database.open();
  });
  afterAll(async () => {
    await store?.cleanup();
  });

  it("counts the attempts of every process: 4 of 20 parallel guesses pass, as in one process", async () => {
    const clock = new ManualClock(1_000_000);
    const [a, b] = [
      new SignInThrottle(clock, undefined, storeThrottleEntries(store)),
      new SignInThrottle(clock, undefined, storeThrottleEntries(store)),
    ];
    const attempts = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).begin(guess("203.0.113.7")));
    expect(await allowedOf(attempts)).toBe(4);
    clock.advance(1000);
    expect(await allowedOf([b.begin(guess("203.0.113.7"))])).toBe(1);
    expect(await allowedOf([a.begin(guess("203.0.113.7"))])).toBe(0);
  });

  it("a success in one process clears the pair for the other, and the table holds no e-mail or address", async () => {
    const clock = new ManualClock(5_000_000);
    const [a, b] = [
      new SignInThrottle(clock, undefined, storeThrottleEntries(store)),
      new SignInThrottle(clock, undefined, storeThrottleEntries(store)),
    ];
    const ana = guess("198.51.100.9", "ana@example.com");
    for (let i = 0; i < 3; i++) await a.begin(ana);
    await b.begin(ana);
    await b.succeeded(ana);
    expect(await allowedOf([a.begin(ana), a.begin(ana), a.begin(ana)])).toBe(3);
    const rows = await store.db.selectFrom("sign_in_throttle").selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    const dump = JSON.stringify(rows);
    for (const secret of ["ana@example.com", "198.51.100.9", "lee@example.com", "203.0.113.7"]) expect(dump).not.toContain(secret);
  });
});
