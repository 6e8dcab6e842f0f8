import { describe, expect, it } from "vitest";
import { ManualClock } from "../cases/clock.js";
import { AttuneError } from "../core/errors.js";
import { SignInThrottle, type SignInAttempt } from "./sign-in-throttle.js";

const HOUR = 3_600_000;

/** Tries `a` once a second for `ms` (simulated), each try failing; returns how many tries were let through. */
async function hammer(t: SignInThrottle, clock: ManualClock, attempts: (i: number) => SignInAttempt, ms: number): Promise<number> {
  let allowed = 0;
  for (let i = 0; i < ms / 1000; i++) {
    if (await tryOnce(t, attempts(i))) allowed++;
    clock.advance(1000);
  }
  return allowed;
}

async function tryOnce(t: SignInThrottle, a: SignInAttempt): Promise<boolean> {
  try {
    await t.begin(a);
    return true;
  } catch (err) {
    expect((err as AttuneError).code).toBe("rate.limited");
    return false;
  }
}

const guess = (client: string, account = "lee@example.com"): SignInAttempt => ({ account, client, device: false });

describe("sign-in throttling", () => {
  it("lets 3 failures through, then doubles the wait of that account and client", async () => {
    const clock = new ManualClock(0);
    const t = new SignInThrottle(clock);
    for (let i = 0; i < 4; i++) expect(await tryOnce(t, guess("203.0.113.7"))).toBe(true);
    await expect(t.begin(guess("203.0.113.7"))).rejects.toThrow(expect.objectContaining({ details: { retry_after: 1 } }));
    clock.advance(1000);
    expect(await tryOnce(t, guess("203.0.113.7"))).toBe(true);
    await expect(t.begin(guess("203.0.113.7"))).rejects.toThrow(expect.objectContaining({ details: { retry_after: 2 } }));
    // One guesser trying every second for an hour gets a few dozen tries, not 3,600.
    const allowed = await hammer(t, clock, () => guess("203.0.113.7"), HOUR);
    expect(allowed).toBeLessThanOrEqual(16);
    expect(allowed).toBeGreaterThan(0);
  });

  it("never locks out the people behind the same proxy", async () => {
    const clock = new ManualClock(0);
    const t = new SignInThrottle(clock);
    await hammer(t, clock, () => guess("198.51.100.1", "lee@example.com"), HOUR);
    // A colleague behind the same address signs in to their own account at once.
    const colleague = guess("198.51.100.1", "ana@example.com");
    expect(await tryOnce(t, colleague)).toBe(true);
    await t.succeeded(colleague);
  });

  it("slows a guesser spread over many addresses, but the owner's browser still signs in", async () => {
    const clock = new ManualClock(0);
    const t = new SignInThrottle(clock);
    const owner: SignInAttempt = { account: "lee@example.com", client: "device-of-lee", device: true };
    let ownerTries = 0;
    // 10 addresses per second, each a new one, for an hour: 36,000 guesses offered.
    let allowed = 0;
    for (let s = 0; s < HOUR / 1000; s++) {
      for (let j = 0; j < 10; j++) if (await tryOnce(t, guess(`10.${(s >> 8) & 255}.${s & 255}.${j}`))) allowed++;
      if (s % 600 === 0) {
        expect(await tryOnce(t, owner)).toBe(true);
        await t.succeeded(owner);
        ownerTries++;
      }
      clock.advance(1000);
    }
    // Burst 10, then one per 30 s: 10 + 120.
    expect(allowed).toBeLessThanOrEqual(131);
    expect(ownerTries).toBe(6);
    // A new browser of the owner is slowed, not locked: it waits at most one refill.
    let waited = 0;
    while (!(await tryOnce(t, guess("192.0.2.44")))) {
      clock.advance(1000);
      waited += 1000;
    }
    expect(waited).toBeLessThanOrEqual(30_000);
  });

  it("slows one address spraying guesses over many accounts", async () => {
    const clock = new ManualClock(0);
    const t = new SignInThrottle(clock);
    const allowed = await hammer(t, clock, (i) => guess("203.0.113.99", `user${i}@example.com`), HOUR);
    // Burst 30, then one per 10 s: 30 + 360.
    expect(allowed).toBeLessThanOrEqual(391);
    expect(allowed).toBeGreaterThanOrEqual(380);
  });

  it("counts parallel attempts before the password check ends, and gives a success back", async () => {
    const clock = new ManualClock(0);
    const t = new SignInThrottle(clock);
    let started = 0;
    for (let i = 0; i < 20; i++) if (await tryOnce(t, guess("203.0.113.5"))) started++;
    expect(started).toBe(4);
    const t2 = new SignInThrottle(clock);
    for (let i = 0; i < 50; i++) {
      const a = guess("203.0.113.6");
      expect(await tryOnce(t2, a)).toBe(true);
      await t2.succeeded(a);
    }
  });
});
