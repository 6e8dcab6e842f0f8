/**
 * Token-bucket rate limits per caller (API key, user, or client address when anonymous), in
 * memory per process. An empty bucket answers 429 with Retry-After in whole seconds.
 *
 * @example
 * const limiter = new RateLimiter({ perSecond: 50, burst: 100 });
 * limiter.take("key:3"); // throws AttuneError rate.limited when empty
 */
import { AttuneError } from "../core/errors.js";

export interface RateLimit {
  perSecond: number;
  burst: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly limit: RateLimit) {}

  take(key: string, cost = 1, now = Date.now()): void {
    const { perSecond, burst } = this.limit;
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size > 100_000) this.sweep(now);
      b = { tokens: burst, at: now };
      this.buckets.set(key, b);
    }
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * perSecond);
    b.at = now;
    if (b.tokens >= cost) {
      b.tokens -= cost;
      return;
    }
    const retryAfter = Math.max(1, Math.ceil((cost - b.tokens) / perSecond));
    throw new AttuneError("rate.limited", { retry_after: retryAfter });
  }

  private sweep(now: number): void {
    for (const [k, b] of this.buckets) if (now - b.at > 60_000) this.buckets.delete(k);
  }
}
