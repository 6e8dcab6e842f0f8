import { describe, expect, it } from "vitest";
import { HelpdeskHttp } from "./http-client.js";

/** A client on a fake clock: sleeping moves the clock, so waits are counted, never slept. */
function clocked(perMinute: number, answers: number[] = []) {
  let clock = 1_000_000;
  const starts: number[] = [];
  const waits: number[] = [];
  const http = new HelpdeskHttp({
    baseUrl: "http://helpdesk.test",
    headers: {},
    perMinute,
    now: () => clock,
    sleep: async (ms) => {
      waits.push(ms);
      clock += ms;
    },
    fetch: async () => {
      starts.push(clock);
      const status = answers.shift() ?? 200;
      return new Response("{}", { status, headers: status === 429 ? { "retry-after": "7" } : {} });
    },
  });
  return { http, starts, waits, elapse: (ms: number) => (clock += ms) };
}

describe("HelpdeskHttp pacing", () => {
  it("sends a burst within the minute's budget without waiting", async () => {
    const c = clocked(10);
    for (let i = 0; i < 10; i++) await c.http.json("GET", "/page");
    expect(c.waits).toEqual([]);
  });

  it("never starts more than the budget in any sliding minute", async () => {
    const c = clocked(3);
    for (let i = 0; i < 10; i++) {
      await c.http.json("GET", "/page");
      c.elapse(5_000);
    }
    for (let i = 3; i < c.starts.length; i++) expect(c.starts[i]! - c.starts[i - 3]!).toBeGreaterThanOrEqual(60_000);
    // The fourth waits for the first to leave the window: 60 s after it, 15 s of which had passed.
    expect(c.waits[0]).toBe(45_000);
  });

  it("does not wait once the minute has passed", async () => {
    const c = clocked(2);
    await c.http.json("GET", "/a");
    await c.http.json("GET", "/b");
    c.elapse(61_000);
    await c.http.json("GET", "/c");
    expect(c.waits).toEqual([]);
  });

  it("counts a 429's retry in the budget and honours its Retry-After", async () => {
    const c = clocked(100, [429]);
    await c.http.json("GET", "/page");
    expect(c.waits).toEqual([7_000]);
    expect(c.http.stats).toEqual({ requests: 2, rateLimited: 1, retries: 0 });
  });
});
