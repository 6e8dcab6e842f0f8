/**
 * Sign-in throttling that an attacker cannot turn into a lockout (issue 11, item 16). A limit per
 * client address alone locks out everyone behind one proxy as soon as one of them guesses; a hard
 * per-account lock lets anyone lock any account. So, after the device-cookie scheme OWASP
 * recommends ("Slow down online guessing attacks with device cookies"):
 *
 * - Failures count per (account, client) pair, where the client is the browser's device cookie
 *   (given at a successful sign-in to that account) or else its address. After `freeFailures`,
 *   each further attempt of that pair waits `baseDelayMs`·2^n, capped; a success clears the pair.
 *   One guesser behind a proxy slows only their own pair, not their neighbours.
 * - Per account, failures from clients without that account's device cookie share one bucket
 *   (burst `accountBurst`, refilled one per `accountRefillMs`): a guesser spread over many
 *   addresses is slowed to a trickle, and the account is never locked: its owner's browser, holding
 *   the device cookie, signs in as always. A new browser waits at most one refill.
 * - Per client address, failures of clients without a device cookie share a bucket too (burst
 *   `addressBurst`): one address spraying guesses over many accounts is slowed, while people
 *   behind the same proxy with their device cookies are not.
 *
 * Every attempt counts as a failure when it starts and is refunded when it succeeds, so parallel
 * guesses racing the slow password check cannot slip past the count. Time comes from an injected
 * clock, so tests count attempts, never wall time. The entries live in the store, shared by every
 * server process (store/sign-in-throttle.ts), or in one process's memory (`memoryThrottleEntries`).
 *
 * @example
 * const t = new SignInThrottle(systemClock);
 * const a = { account: "lee@example.com", client: "203.0.113.7", device: false };
 * await t.begin(a); // throws rate.limited (retry_after in seconds) when it must wait
 * await t.succeeded(a); // after the password matched
 */
import type { Clock } from "../cases/clock.js";
import { AttuneError } from "../core/errors.js";
import type { ThrottleEntries, ThrottleEntry } from "../store/sign-in-throttle.js";

export interface SignInPolicy {
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  accountBurst: number;
  accountRefillMs: number;
  addressBurst: number;
  addressRefillMs: number;
}

export const DEFAULT_SIGN_IN: SignInPolicy = {
  freeFailures: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  accountBurst: 10,
  accountRefillMs: 30_000,
  addressBurst: 30,
  addressRefillMs: 10_000,
};

/** One sign-in attempt: the account as typed (normalised here), the client address, and whether it holds that account's device cookie (then `client` is the cookie's id). */
export interface SignInAttempt {
  account: string;
  client: string;
  device: boolean;
}

const MAX_ENTRIES = 100_000;

/** Entries in this process's memory: one server process alone, and the tests. Bounded by sweeping idle entries. */
export function memoryThrottleEntries(): ThrottleEntries {
  const map = new Map<string, ThrottleEntry>();
  return {
    async update(keys, fn) {
      const entries = new Map<string, ThrottleEntry>();
      for (const k of keys) {
        const e = map.get(k);
        if (e) entries.set(k, { ...e });
      }
      const out = fn(entries);
      for (const k of keys) {
        const e = entries.get(k);
        if (!e) map.delete(k);
        else {
          if (!map.has(k) && map.size >= MAX_ENTRIES) for (const [old, v] of map) if (e.at - v.at > 3_600_000) map.delete(old);
          map.set(k, e);
        }
      }
      return out;
    },
  };
}

export class SignInThrottle {
  constructor(
    private readonly clock: Clock,
    private readonly policy: SignInPolicy = DEFAULT_SIGN_IN,
    private readonly entries: ThrottleEntries = memoryThrottleEntries(),
  ) {}

  /** Starts an attempt: throws `rate.limited` (with `retry_after` in seconds) when it has to wait, else counts it as failed until `succeeded`. */
  async begin(a: SignInAttempt): Promise<void> {
    const now = this.clock.now();
    const keys = keysOf(a);
    const waitMs = await this.entries.update(Object.values(keys), (m) => {
      const wait = this.waitMs(m, keys, a, now);
      if (wait <= 0) this.failed(m, keys, a, now);
      return wait;
    });
    if (waitMs > 0) throw new AttuneError("rate.limited", { retry_after: Math.max(1, Math.ceil(waitMs / 1000)) });
  }

  /** The password matched: the pair's failures are cleared and the attempt's tokens given back. */
  async succeeded(a: SignInAttempt): Promise<void> {
    const keys = keysOf(a);
    await this.entries.update(Object.values(keys), (m) => {
      m.delete(keys.pair);
      if (a.device) return;
      for (const [key, burst] of [
        [keys.account, this.policy.accountBurst],
        [keys.address, this.policy.addressBurst],
      ] as const) {
        const b = m.get(key);
        if (b) b.count = Math.min(burst, b.count + 1);
      }
    });
  }

  private waitMs(m: Map<string, ThrottleEntry>, keys: Keys, a: SignInAttempt, now: number): number {
    const pair = m.get(keys.pair);
    let wait = pair ? pair.until - now : 0;
    if (!a.device) {
      wait = Math.max(wait, bucketWait(m.get(keys.account), this.policy.accountBurst, this.policy.accountRefillMs, now));
      wait = Math.max(wait, bucketWait(m.get(keys.address), this.policy.addressBurst, this.policy.addressRefillMs, now));
    }
    return wait;
  }

  private failed(m: Map<string, ThrottleEntry>, keys: Keys, a: SignInAttempt, now: number): void {
    const failures = (m.get(keys.pair)?.count ?? 0) + 1;
    const over = failures - this.policy.freeFailures;
    const until = over > 0 ? now + Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** (over - 1)) : 0;
    m.set(keys.pair, { count: failures, until, at: now });
    if (!a.device) {
      m.set(keys.account, spend(m.get(keys.account), this.policy.accountBurst, this.policy.accountRefillMs, now));
      m.set(keys.address, spend(m.get(keys.address), this.policy.addressBurst, this.policy.addressRefillMs, now));
    }
  }
}

/** A bucket's tokens now: what it had plus the refill since its last change, at most `burst`; a new bucket is full. */
function tokensNow(b: ThrottleEntry | undefined, burst: number, refillMs: number, now: number): number {
  return b ? Math.min(burst, b.count + (now - b.at) / refillMs) : burst;
}

/** How long until the bucket holds a whole token again (0: it does now). */
function bucketWait(b: ThrottleEntry | undefined, burst: number, refillMs: number, now: number): number {
  const tokens = tokensNow(b, burst, refillMs, now);
  return tokens >= 1 ? 0 : Math.ceil((1 - tokens) * refillMs);
}

function spend(b: ThrottleEntry | undefined, burst: number, refillMs: number, now: number): ThrottleEntry {
  return { count: Math.max(0, tokensNow(b, burst, refillMs, now) - 1), until: 0, at: now };
}

interface Keys {
  pair: string;
  account: string;
  address: string;
}

function keysOf(a: SignInAttempt): Keys {
  const account = a.account.trim().toLowerCase();
  return {
    pair: `pair\n${account}\n${a.device ? "device" : "address"}:${a.client}`,
    account: `account\n${account}`,
    address: `address\n${a.client}`,
  };
}
