import { describe, expect, it } from "vitest";
import type { BusinessCalendar } from "./business-calendar.js";
import { nextClockInstant, refreshClock, startClocks, stopClock } from "./case-clocks.js";
import { applyMove, canMove } from "./case-lifecycle.js";
import type { ClockRow } from "../store/schema.js";
import { ManualClock } from "./clock.js";

const prague: BusinessCalendar = {
  timeZone: "Europe/Prague",
  week: [[], ["09:00-17:00"], ["09:00-17:00"], ["09:00-17:00"], ["09:00-17:00"], ["09:00-17:00"], []],
  holidays: ["2026-12-24", "2026-12-25"],
};
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const refresh = (clocks: ClockRow[], now: number) => clocks.map((c) => refreshClock(c, prague, now, 0.8).row);
const byKind = (clocks: ClockRow[], kind: string) => clocks.find((c) => c.kind === kind)!;

describe("SLA clocks through a case's lifecycle (controllable clock)", () => {
  it("opens on Friday afternoon, warns and falls due on Monday, is met by a reply, pauses while waiting, resolves", () => {
    // Friday 2026-12-04 16:00 in Prague (15:00Z): P2 targets, 120 min first response, 960 min resolution.
    const clock = new ManualClock(at("2026-12-04T15:00:00Z"));
    let clocks = refresh(startClocks(1, { firstResponseMinutes: 120, resolutionMinutes: 960 }, clock.now()), clock.now());
    const fr = byKind(clocks, "first_response");
    // 60 working minutes on Friday, 60 on Monday: due Monday 10:00 local; warn at 96 min, Monday 09:36 local.
    expect(iso(fr.due_at)).toBe("2026-12-07T09:00:00.000Z");
    expect(iso(fr.warn_at)).toBe("2026-12-07T08:36:00.000Z");
    expect(iso(nextClockInstant(clocks))).toBe("2026-12-07T08:36:00.000Z");

    // The weekend costs nothing: Saturday night the clock still shows 60 minutes used.
    clock.set(at("2026-12-05T22:00:00Z"));
    expect(refreshClock(fr, prague, clock.now(), 0.8).reading.elapsedMinutes).toBe(60);

    // An agent answers Monday 09:30 local: first response met; the resolution clock runs on.
    clock.set(at("2026-12-07T08:30:00Z"));
    clocks = refresh(
      clocks.map((c) => (c.kind === "first_response" ? stopClock(c, clock.now()) : c)),
      clock.now(),
    );
    expect(refreshClock(byKind(clocks, "first_response"), prague, clock.now(), 0.8).reading.status).toBe("met");
    const dueBefore = byKind(clocks, "resolution").due_at!;
    // 960 min = 2 working days: 60 (Fri) + 480 (Mon) + 420 (Tue) -> Tuesday 16:00 local.
    expect(iso(dueBefore)).toBe("2026-12-08T15:00:00.000Z");

    // Waiting on the customer from Monday 11:00 to Wednesday 11:00 local: 16 working hours paused.
    clock.set(at("2026-12-07T10:00:00Z"));
    clocks = refresh(applyMove("open", "waiting", clocks, clock.now()).clocks, clock.now());
    expect(byKind(clocks, "resolution").due_at).toBeNull();
    expect(nextClockInstant(clocks)).toBeNull();
    clock.set(at("2026-12-09T10:00:00Z"));
    const paused = refreshClock(byKind(clocks, "resolution"), prague, clock.now(), 0.8).reading;
    expect(paused.status).toBe("paused");
    expect(paused.elapsedMinutes).toBe(60 + 120); // Friday hour + Monday 09:00-11:00
    clocks = refresh(applyMove("waiting", "open", clocks, clock.now()).clocks, clock.now());
    // 780 minutes left from Wednesday 11:00: 360 on Wednesday, 420 on Thursday -> Thursday 16:00 local.
    expect(iso(byKind(clocks, "resolution").due_at)).toBe("2026-12-10T15:00:00.000Z");

    // Resolved Thursday 10:00 local: met, no more instants to wake for.
    clock.set(at("2026-12-10T09:00:00Z"));
    clocks = refresh(applyMove("open", "resolved", clocks, clock.now()).clocks, clock.now());
    expect(refreshClock(byKind(clocks, "resolution"), prague, clock.now(), 0.8).reading.status).toBe("met");
    expect(nextClockInstant(clocks)).toBeNull();
  });

  it("reopening does not count the time the case stood resolved, and skips holidays", () => {
    const clock = new ManualClock(at("2026-12-21T08:00:00Z")); // Monday 09:00 local
    let clocks = refresh(startClocks(2, { firstResponseMinutes: 60, resolutionMinutes: 600 }, clock.now()), clock.now());
    clock.set(at("2026-12-21T10:00:00Z")); // 120 working minutes used
    clocks = refresh(applyMove("new", "resolved", clocks, clock.now()).clocks, clock.now());
    clock.set(at("2026-12-23T08:00:00Z")); // reopened Wednesday 09:00 local
    clocks = refresh(applyMove("resolved", "open", clocks, clock.now()).clocks, clock.now());
    const res = byKind(clocks, "resolution");
    expect(res.stopped_at).toBeNull();
    // 480 minutes left: Wednesday 09:00-17:00 is exactly 480 -> due Wednesday 17:00 local.
    expect(iso(res.due_at)).toBe("2026-12-23T16:00:00.000Z");
    // With 10 minutes more it would spill over Christmas Eve and Day to Monday the 28th.
    const longer = refreshClock({ ...res, target_minutes: 610 }, prague, clock.now(), 0.8).row;
    expect(iso(longer.due_at)).toBe("2026-12-28T08:10:00.000Z");
  });

  it("a clock nobody stops is breached at its due instant; the next check is that instant", () => {
    const clock = new ManualClock(at("2026-12-07T08:00:00Z"));
    let clocks = refresh(startClocks(3, { firstResponseMinutes: 30, resolutionMinutes: 240 }, clock.now()), clock.now());
    const fr = byKind(clocks, "first_response");
    expect(iso(fr.warn_at)).toBe("2026-12-07T08:24:00.000Z");
    clock.set(fr.warn_at!);
    clocks = clocks.map((c) => (c.kind === "first_response" ? { ...c, warned_at: clock.now() } : c));
    expect(iso(nextClockInstant(clocks))).toBe("2026-12-07T08:30:00.000Z");
    clock.set(at("2026-12-07T08:31:00Z"));
    const r = refreshClock(byKind(clocks, "first_response"), prague, clock.now(), 0.8).reading;
    expect(r.status).toBe("breached");
    expect(iso(r.breachedAt)).toBe("2026-12-07T08:30:00.000Z");
  });

  it("allows only lifecycle moves that make sense", () => {
    expect(canMove("new", "open")).toBe(true);
    expect(canMove("resolved", "closed")).toBe(true);
    expect(canMove("open", "closed")).toBe(false);
    expect(canMove("closed", "open")).toBe(false);
    expect(() => applyMove("closed", "open", [], 0)).toThrow(expect.objectContaining({ code: "input.invalid_value" }));
  });
});
