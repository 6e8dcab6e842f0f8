/**
 * The one way connectors talk to a helpdesk: Node's fetch with the vendor's documented limits kept.
 * Requests keep to a requests-per-minute budget over any sliding minute (a short sync is not slowed,
 * a long one settles at the budget); a 429 waits for its Retry-After (seconds or an
 * HTTP date), a 5xx or a network failure backs off with jitter (core/backoff.ts), and a request that
 * still fails after `maxAttempts` becomes `connector.unreachable`. 401/403 are `connector.auth` at
 * once (retrying a refused token only locks the account). Bodies are never put in errors or logs:
 * they hold customers' words.
 *
 * @example
 * const http = new HelpdeskHttp({ baseUrl: "https://acme.zendesk.com", headers: { authorization: "Basic …" }, perMinute: 10 });
 * const page = await http.json("GET", "/api/v2/incremental/tickets/cursor.json?start_time=0");
 */
import { retryDelay } from "../core/backoff.js";
import { AttuneError } from "../core/errors.js";

export interface HelpdeskHttpOptions {
  baseUrl: string;
  headers: Record<string, string>;
  /** The vendor's documented request budget per minute; no sliding minute holds more requests. */
  perMinute: number;
  maxAttempts?: number;
  /** Longest wait honoured for one Retry-After, in ms (a longer one is capped, then retried). */
  maxRetryAfterMs?: number;
  /** Injected in tests to count waits instead of sleeping them. */
  sleep?: (ms: number) => Promise<void>;
  /** The clock pacing reads (ms); injected in tests with `sleep`. */
  now?: () => number;
  fetch?: typeof fetch;
  /** Told about each wait (429 or backoff), for progress lines on stderr. */
  onWait?: (why: "rate_limited" | "retry", ms: number) => void;
}

const sleepReal = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class HelpdeskHttp {
  /** Start times of the requests of the last minute, oldest first (at most `perMinute`). */
  private readonly recent: number[] = [];
  /** Requests sent, 429s met and retries made: the counts tests and progress lines read. */
  readonly stats = { requests: 0, rateLimited: 0, retries: 0 };

  constructor(private readonly opts: HelpdeskHttpOptions) {}

  /** Sends a request and parses the JSON answer; `path` may be absolute (a vendor's next-page URL). */
  async json<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
    safe = method === "GET",
  ): Promise<T> {
    const res = await this.send(method, path, body, extraHeaders, safe);
    const text = await res.text();
    try {
      return (text ? JSON.parse(text) : {}) as T;
    } catch {
      throw new AttuneError("connector.bad_response", { status: res.status, reason: "not JSON" });
    }
  }

  /** Like `json`, with the answer's headers (Freshdesk's `Link: <…>; rel="next"` pagination). */
  async jsonPage<T = unknown>(path: string): Promise<{ body: T; headers: Headers }> {
    const res = await this.send("GET", path);
    const text = await res.text();
    try {
      return { body: (text ? JSON.parse(text) : {}) as T, headers: res.headers };
    } catch {
      throw new AttuneError("connector.bad_response", { status: res.status, reason: "not JSON" });
    }
  }

  /**
   * Sends with pacing and retries; resolves with the first 2xx answer, 4xx other than 429 rejected.
   * A request that changes something (`safe` false: a posted reply) is retried only after a 429,
   * which the helpdesk refused before doing anything; after a 5xx or a lost answer it may have been
   * done, so the failure goes back to the caller (the outbox checks the thread before posting again).
   */
  async send(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
    safe = method === "GET",
  ): Promise<Response> {
    const url = new URL(path, this.opts.baseUrl);
    const max = this.opts.maxAttempts ?? 8;
    for (let attempt = 1; ; attempt++) {
      await this.pace();
      const res = await this.attempt(method, url, body, extraHeaders);
      if (res && res.ok) return res;
      if (res && (res.status === 401 || res.status === 403)) throw new AttuneError("connector.auth", { status: res.status });
      if (res && res.status >= 400 && res.status < 500 && res.status !== 429) {
        await res.body?.cancel();
        throw new AttuneError("connector.bad_response", { status: res.status, path: url.pathname });
      }
      if (attempt >= max || (!safe && res?.status !== 429))
        throw new AttuneError("connector.unreachable", { status: res?.status ?? null, attempts: attempt });
      await this.waitBeforeRetry(res, attempt);
    }
  }

  private async attempt(method: string, url: URL, body: unknown, extraHeaders: Record<string, string>): Promise<Response | null> {
    this.stats.requests += 1;
    const headers: Record<string, string> = { accept: "application/json", ...this.opts.headers, ...extraHeaders };
    if (body !== undefined) headers["content-type"] = "application/json";
    try {
      return await (this.opts.fetch ?? fetch)(url, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        redirect: "error",
        signal: AbortSignal.timeout(60_000),
      });
    } catch {
      return null; // network failure or timeout: retried like a 5xx
    }
  }

  private async waitBeforeRetry(res: Response | null, attempt: number): Promise<void> {
    let ms: number;
    let why: "rate_limited" | "retry";
    if (res?.status === 429) {
      this.stats.rateLimited += 1;
      why = "rate_limited";
      ms = Math.min(
        retryAfterMs(res.headers.get("retry-after")) ?? retryDelay(attempt, 1_000, 60_000),
        this.opts.maxRetryAfterMs ?? 300_000,
      );
    } else {
      this.stats.retries += 1;
      why = "retry";
      ms = retryDelay(attempt, 500, 30_000);
    }
    await res?.body?.cancel();
    this.opts.onWait?.(why, ms);
    await (this.opts.sleep ?? sleepReal)(ms);
  }

  /**
   * Waits until fewer than `perMinute` requests started in the last minute. Vendors count per
   * minute, so a burst within the budget is allowed; even spacing made a ten-page first sync at
   * Zendesk's 10 a minute take a minute for nothing.
   */
  private async pace(): Promise<void> {
    const now = this.opts.now ?? Date.now;
    const budget = Math.max(1, Math.floor(this.opts.perMinute));
    if (this.recent.length >= budget) {
      const wait = this.recent[this.recent.length - budget]! + 60_000 - now();
      if (wait > 0) await (this.opts.sleep ?? sleepReal)(wait);
    }
    this.recent.push(now());
    if (this.recent.length > budget) this.recent.splice(0, this.recent.length - budget);
  }
}

/** Retry-After as ms: delta-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Basic auth header value for a user and password (Zendesk's `email/token:TOKEN`, Freshdesk's `KEY:X`). */
export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, "utf8").toString("base64")}`;
}
