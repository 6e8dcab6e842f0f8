/**
 * Setup file for every test file: after each test, yield one macrotask. A forks-pool worker talks
 * to the runner over an RPC with a fixed 60 s timeout; a file whose tests run back to back without
 * ever reaching the event loop's poll phase (fuzz-regex's CPU-bound growth checks take about a
 * minute on a busy 2-core machine) leaves the runner's replies unread until that timeout fires, and
 * vitest then fails a green run with "Timeout calling onTaskUpdate" (vitest issue #8164).
 */
import { afterEach } from "vitest";

afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
