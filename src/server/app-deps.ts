/**
 * What the HTTP app is built from: the store, the reading engine (for /analyze), the limiter, the
 * limits, and a hook to wake the in-process reading worker after ingestion.
 *
 * @example
 * const app = createApp({ store, engine, limiter: new RateLimiter({ perSecond: 50, burst: 100 }), limits: LIMITS });
 */
import type { ConnectorRunner } from "../connectors/connector-runner.js";
import type { CaseEngine } from "../cases/case-engine.js";
import type { Clock } from "../cases/clock.js";
import type { LIMITS } from "../ingest/limits.js";
import type { Store } from "../store/open-store.js";
import type { ReadingEngine } from "../core/reading.js";
import type { RateLimiter } from "./rate-limit.js";
import type { SignInThrottle } from "./sign-in-throttle.js";

export interface AppDeps {
  store: Store;
  /** Loaded lazily by the server; routes that need it await it. */
  engine: () => Promise<ReadingEngine>;
  limiter: RateLimiter;
  /** Sign-in throttling per account and client (sign-in-throttle.ts). */
  signIn: SignInThrottle;
  limits: typeof LIMITS;
  /** Called after messages were stored (wakes the worker). */
  onIngested?: () => void;
  /** True when served behind TLS (Secure cookies). */
  secureCookies: boolean;
  /** The case engine (issue 5); case routes answer 503 `cases.unavailable` without it. */
  cases?: CaseEngine;
  /** "Now" for reporting periods and sign-in throttling (tests inject a ManualClock); default the system clock. */
  clock?: Clock;
  /** Print the stack of `internal` errors to stderr (ATTUNE_DEBUG). */
  debug?: boolean;
  /** ATTUNE_SECRET_KEY: seals and opens stored connector secrets (store/secret-box.ts). */
  secretKey?: Buffer;
  /** Runs connector passes one at a time per connector (serve); without it "sync now" runs directly. */
  connectorRunner?: ConnectorRunner;
  /** The built dashboard to serve (ATTUNE_WEB_DIR); default web/dist. */
  webDir?: string;
}

/** The app's current instant. @example const now = nowOf(deps); */
export function nowOf(deps: Pick<AppDeps, "clock">): number {
  return deps.clock ? deps.clock.now() : Date.now();
}
