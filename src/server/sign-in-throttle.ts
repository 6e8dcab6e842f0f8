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
 * clock, so tests count attempts, never wall time. State is in memory per process (as the request
 * rate limits), bounded by sweeping idle entries.
 *
 * @example
 * const t = new SignInThrottle(systemClock);
 * const a = { account: "lee@example.com", client: "203.0.113.7", device: false };
 * t.begin(a); // throws rate.limited (retry_after in seconds) when it must wait
 * t.succeeded(a); // after the password matched
 */
import type { Clock } from "../cases/clock.js";
import { AttuneError } from "../core/errors.js";

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

interface Pair {
  failures: number;
  nextAt: number;
  at: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

const MAX_ENTRIES = 100_000;

export class SignInThrottle {
  private readonly pairs = new Map<string, Pair>();
  private readonly accounts = new Map<string, Bucket>();
  private readonly addresses = new Map<string, Bucket>();

  constructor(
    private readonly clock: Clock,
    private readonly policy: SignInPolicy = DEFAULT_SIGN_IN,
  ) {}

  /** Starts an attempt: throws `rate.limited` (with `retry_after` in seconds) when it has to wait, else counts it as failed until `succeeded`. */
  begin(a: SignInAttempt): void {
    this.check(a);
    this.failed(a);
  }

  private check(a: SignInAttempt): void {
    const now = this.clock.now();
    const pair = this.pairs.get(pairKey(a));
    let waitMs = pair ? pair.nextAt - now : 0;
    if (!a.device) {
      waitMs = Math.max(waitMs, this.waitFor(this.accounts, accountOf(a), this.policy.accountBurst, this.policy.accountRefillMs, now));
      waitMs = Math.max(waitMs, this.waitFor(this.addresses, a.client, this.policy.addressBurst, this.policy.addressRefillMs, now));
    }
    if (waitMs > 0) throw new AttuneError("rate.limited", { retry_after: Math.max(1, Math.ceil(waitMs / 1000)) });
  }

  private failed(a: SignInAttempt): void {
    const now = this.clock.now();
    const key = pairKey(a);
    const pair = this.pairs.get(key) ?? { failures: 0, nextAt: 0, at: now };
    pair.failures += 1;
    pair.at = now;
    const over = pair.failures - this.policy.freeFailures;
    pair.nextAt = over > 0 ? now + Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** (over - 1)) : 0;
    this.remember(this.pairs, key, pair, now);
    if (!a.device) {
      this.spend(this.accounts, accountOf(a), this.policy.accountBurst, this.policy.accountRefillMs, now);
      this.spend(this.addresses, a.client, this.policy.addressBurst, this.policy.addressRefillMs, now);
    }
  }

  /** The password matched: the pair's failures are cleared and the attempt's tokens given back. */
  succeeded(a: SignInAttempt): void {
    this.pairs.delete(pairKey(a));
    if (a.device) return;
    for (const [map, key, burst] of [
      [this.accounts, accountOf(a), this.policy.accountBurst],
      [this.addresses, a.client, this.policy.addressBurst],
    ] as const) {
      const b = map.get(key);
      if (b) b.tokens = Math.min(burst, b.tokens + 1);
    }
  }

  private refill(map: Map<string, Bucket>, key: string, burst: number, refillMs: number, now: number): Bucket {
    const b = map.get(key) ?? { tokens: burst, at: now };
    b.tokens = Math.min(burst, b.tokens + (now - b.at) / refillMs);
    b.at = now;
    return b;
  }

  private waitFor(map: Map<string, Bucket>, key: string, burst: number, refillMs: number, now: number): number {
    if (!map.has(key)) return 0;
    const b = this.refill(map, key, burst, refillMs, now);
    return b.tokens >= 1 ? 0 : Math.ceil((1 - b.tokens) * refillMs);
  }

  private spend(map: Map<string, Bucket>, key: string, burst: number, refillMs: number, now: number): void {
    const b = this.refill(map, key, burst, refillMs, now);
    b.tokens = Math.max(0, b.tokens - 1);
    this.remember(map, key, b, now);
  }

  /** Keeps an entry, first dropping entries idle for an hour when the map is full. */
  private remember<T extends { at: number }>(map: Map<string, T>, key: string, value: T, now: number): void {
    if (!map.has(key) && map.size >= MAX_ENTRIES) for (const [k, v] of map) if (now - v.at > 3_600_000) map.delete(k);
    map.set(key, value);
  }
}

function accountOf(a: SignInAttempt): string {
  return a.account.trim().toLowerCase();
}

function pairKey(a: SignInAttempt): string {
  return `${accountOf(a)}\n${a.device ? "device" : "address"}:${a.client}`;
}
