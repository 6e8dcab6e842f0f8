import { describe, expect, it } from "vitest";
import { addBusinessMinutes, businessMinutesBetween, checkCalendar, type BusinessCalendar } from "./business-calendar.js";
import { readClock } from "./sla-clock.js";
import { localDate, localParts } from "./zoned-time.js";

const weekdays = (tz: string, holidays: string[] = []): BusinessCalendar => ({
  timeZone: tz,
  week: [[], ["09:00-17:00"], ["09:00-17:00"], ["09:00-17:00"], ["09:00-17:00"], ["09:00-17:00"], []],
  holidays,
});
const at = (iso: string) => Date.parse(iso);

describe("business time", () => {
  it("carries work over a weekend (Prague, Friday 16:00 + 2h = Monday 10:00)", () => {
    const cal = weekdays("Europe/Prague");
    // 2026-11-27 is a Friday; Prague is UTC+1 in winter.
    expect(new Date(addBusinessMinutes(cal, at("2026-11-27T15:00:00Z"), 120)).toISOString()).toBe("2026-11-30T09:00:00.000Z");
    expect(businessMinutesBetween(cal, at("2026-11-27T15:00:00Z"), at("2026-11-30T09:00:00Z"))).toBe(120);
  });

  it("skips holidays in the team's own calendar (Bangkok, Constitution Day)", () => {
    const cal = weekdays("Asia/Bangkok", ["2026-12-10"]);
    // Wed 2026-12-09 16:30 Bangkok (09:30Z) + 1h: 30 min Wed, Thu is a holiday, 30 min Fri
    expect(new Date(addBusinessMinutes(cal, at("2026-12-09T09:30:00Z"), 60)).toISOString()).toBe("2026-12-11T02:30:00.000Z");
  });

  it("starts counting at opening time when work arrives at night, in the team's zone", () => {
    const cal = weekdays("Asia/Kolkata");
    // 02:00Z Monday is 07:30 in Kolkata: the clock starts at 09:00 local (03:30Z)
    expect(new Date(addBusinessMinutes(cal, at("2026-11-30T02:00:00Z"), 30)).toISOString()).toBe("2026-11-30T04:00:00.000Z");
  });

  it("keeps wall-clock hours across a DST change", () => {
    const cal = weekdays("Europe/Prague");
    // Fri 2027-03-26 16:00 CET (15:00Z); clocks go forward on Sun 03-28; Monday 09:00 is now 07:00Z
    expect(new Date(addBusinessMinutes(cal, at("2027-03-26T15:00:00Z"), 90)).toISOString()).toBe("2027-03-29T07:30:00.000Z");
  });

  it("sums long spans (a clock started on imported history) exactly as day by day, across DST and holidays", () => {
    const cal = weekdays("Europe/Prague", ["2025-12-24", "2026-01-01"]);
    const from = at("2024-10-15T10:13:00Z");
    const to = at("2026-11-30T09:47:00Z");
    // Two-day steps take the day-by-day walk; the whole span takes the cached running totals.
    let stepped = 0;
    for (let t = from; t < to; t += 2 * 86_400_000) stepped += businessMinutesBetween(cal, t, Math.min(t + 2 * 86_400_000, to));
    expect(businessMinutesBetween(cal, from, to)).toBeCloseTo(stepped, 6);
    // Asked again from an earlier start, the totals are rebuilt, not misread.
    expect(businessMinutesBetween(cal, at("2024-01-02T00:00:00Z"), to)).toBeGreaterThan(businessMinutesBetween(cal, from, to));
    const always = { timeZone: "Europe/Prague", week: Array.from({ length: 7 }, () => ["00:00-24:00"]), holidays: [] };
    expect(businessMinutesBetween(always, at("2025-01-01T00:00:00Z"), at("2026-01-01T00:00:00Z"))).toBe(365 * 24 * 60);
  });

  it("finds the local date from cached zone offsets as Intl does, DST changes and odd offsets included", () => {
    for (const tz of ["Europe/Prague", "Asia/Kathmandu", "America/St_Johns", "Australia/Lord_Howe", "Asia/Bangkok", "UTC"]) {
      for (let t = at("2026-03-01T00:00:00Z"); t < at("2026-11-15T00:00:00Z"); t += 31 * 60_000 + 13_000) {
        const p = localParts(t, tz);
        expect(localDate(t, tz)).toEqual({ year: p.year, month: p.month, day: p.day });
      }
    }
  });

  it("rejects calendars that can never be met", () => {
    expect(() => checkCalendar({ timeZone: "Mars/Olympus", week: weekdays("UTC").week, holidays: [] })).toThrow(
      expect.objectContaining({ code: "config.invalid" }),
    );
    expect(() => checkCalendar({ timeZone: "UTC", week: Array.from({ length: 7 }, () => []), holidays: [] })).toThrow();
    expect(() => checkCalendar({ timeZone: "UTC", week: [[], ["17:00-09:00"], [], [], [], [], []], holidays: [] })).toThrow();
  });
});

describe("SLA clock", () => {
  const cal = weekdays("UTC");
  const start = at("2026-11-30T09:00:00Z"); // Monday

  it("falls due after the target in working time and warns before", () => {
    const r = readClock(cal, 240, { startedAt: start, pauses: [] }, at("2026-11-30T10:00:00Z"));
    expect(r.status).toBe("running");
    expect(r.elapsedMinutes).toBe(60);
    expect(new Date(r.dueAt!).toISOString()).toBe("2026-11-30T13:00:00.000Z");
    expect(new Date(r.warnAt!).toISOString()).toBe("2026-11-30T12:12:00.000Z");
  });

  it("pauses while waiting on the customer and resumes with the time left", () => {
    const history = { startedAt: start, pauses: [{ from: at("2026-11-30T10:00:00Z"), to: null as number | null }] };
    const paused = readClock(cal, 240, history, at("2026-12-01T16:00:00Z"));
    expect(paused.status).toBe("paused");
    expect(paused.dueAt).toBeNull();
    expect(paused.remainingMinutes).toBe(180);
    history.pauses[0]!.to = at("2026-12-02T09:00:00Z");
    const resumed = readClock(cal, 240, history, at("2026-12-02T09:30:00Z"));
    expect(resumed.status).toBe("running");
    expect(new Date(resumed.dueAt!).toISOString()).toBe("2026-12-02T12:00:00.000Z");
  });

  it("records a breach at the due time, and a stop after it as breached", () => {
    const late = readClock(cal, 60, { startedAt: start, pauses: [] }, at("2026-11-30T11:00:00Z"));
    expect(late.status).toBe("breached");
    expect(new Date(late.breachedAt!).toISOString()).toBe("2026-11-30T10:00:00.000Z");
    const stopped = readClock(cal, 60, { startedAt: start, pauses: [], stoppedAt: at("2026-11-30T09:45:00Z") }, at("2026-12-05T00:00:00Z"));
    expect(stopped.status).toBe("met");
    expect(stopped.dueAt).toBeNull();
  });
});
