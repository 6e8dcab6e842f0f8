import { AttuneError } from "../core/errors.js";
import { localDate, nextDay, zonedToUtc } from "./zoned-time.js";

/**
 * A team's working time: opening hours per weekday in its own time zone, and holidays.
 * Hours are `"HH:MM-HH:MM"` ranges; a weekday without ranges is closed.
 */
export interface BusinessCalendar {
  timeZone: string;
  /** Index 0 is Sunday. */
  week: string[][];
  /** Local dates `YYYY-MM-DD` when the team does not work. */
  holidays: string[];
}

/** Round the clock, every day: for channels promised 24/7. */
export const ALWAYS_OPEN: BusinessCalendar = { timeZone: "UTC", week: Array.from({ length: 7 }, () => ["00:00-24:00"]), holidays: [] };

const MINUTE = 60_000;
/** A calendar that opens less than once in this many days is treated as broken, not waited on. */
const MAX_DAYS = 800;

interface Interval {
  start: number;
  end: number;
}

/** Check a calendar once, at start, so that later arithmetic cannot meet a bad range. */
export function checkCalendar(cal: BusinessCalendar): void {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: cal.timeZone });
  } catch {
    throw new AttuneError("config.invalid", { field: "timeZone", problem: "unknown time zone" });
  }
  if (cal.week.length !== 7) throw new AttuneError("config.invalid", { field: "week", problem: "needs 7 days" });
  for (const day of cal.week) for (const r of day) parseRange(r);
  if (cal.week.every((d) => d.length === 0)) throw new AttuneError("config.invalid", { field: "week", problem: "never open" });
}

function parseRange(range: string): [number, number] {
  const m = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(range);
  const from = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  const to = m ? Number(m[3]) * 60 + Number(m[4]) : NaN;
  if (!(from >= 0 && to <= 24 * 60 && from < to)) throw new AttuneError("config.invalid", { field: "week", problem: `bad range ${range}` });
  return [from, to];
}

/**
 * A local day's working intervals in UTC ms. Cached per calendar object: triage reads thousands of
 * clocks a second against a few calendars, and each fresh computation asks Intl for zone offsets.
 */
const dayCache = new WeakMap<BusinessCalendar, Map<string, Interval[]>>();

function dayIntervals(cal: BusinessCalendar, day: { year: number; month: number; day: number }): Interval[] {
  const iso = `${day.year}-${String(day.month).padStart(2, "0")}-${String(day.day).padStart(2, "0")}`;
  let cache = dayCache.get(cal);
  if (!cache) dayCache.set(cal, (cache = new Map()));
  const hit = cache.get(iso);
  if (hit) return hit;
  const out: Interval[] = [];
  const weekday = new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
  if (!cal.holidays.includes(iso)) {
    for (const r of cal.week[weekday] ?? []) {
      const [a, b] = parseRange(r);
      const start = zonedToUtc(day.year, day.month, day.day, Math.floor(a / 60), a % 60, cal.timeZone);
      const end =
        b === 24 * 60
          ? zonedToUtc(nextDay(day).year, nextDay(day).month, nextDay(day).day, 0, 0, cal.timeZone)
          : zonedToUtc(day.year, day.month, day.day, Math.floor(b / 60), b % 60, cal.timeZone);
      out.push({ start, end });
    }
  }
  if (cache.size > 20_000) cache.clear();
  cache.set(iso, out);
  return out;
}

/** Working intervals (UTC ms) of local days, starting with the day that contains `from`. */
function* workingIntervals(cal: BusinessCalendar, from: number): Generator<Interval> {
  let day = localDate(from, cal.timeZone);
  for (let i = 0; i < MAX_DAYS; i++) {
    for (const iv of dayIntervals(cal, day)) if (iv.end > from) yield { start: Math.max(iv.start, from), end: iv.end };
    day = nextDay(day);
  }
  throw new AttuneError("config.invalid", { field: "week", problem: "no working time within reach" });
}

/**
 * The instant when `minutes` of working time have passed after `from`.
 *
 * @example
 * // Friday 16:00 in Prague + 2 working hours (Mon-Fri 09:00-17:00) = Monday 10:00
 * addBusinessMinutes(cal, Date.parse("2026-11-27T15:00:00Z"), 120);
 */
export function addBusinessMinutes(cal: BusinessCalendar, from: number, minutes: number): number {
  let left = minutes * MINUTE;
  if (left <= 0) return from;
  for (const iv of workingIntervals(cal, from)) {
    const span = iv.end - iv.start;
    if (span >= left) return iv.start + left;
    left -= span;
  }
  throw new AttuneError("internal");
}

/**
 * Working minutes between two instants (0 when `to` is not after `from`).
 *
 * @example
 * businessMinutesBetween(cal, fridayAt16, mondayAt10); // 120
 */
export function businessMinutesBetween(cal: BusinessCalendar, from: number, to: number): number {
  if (to <= from) return 0;
  const a = localDate(from, cal.timeZone);
  const b = localDate(to, cal.timeZone);
  const first = dayNumber(a);
  const last = dayNumber(b);
  // Long spans (a clock started on imported history, read now) sum whole days from a cached
  // prefix instead of walking every day: the edge days are walked, the days between looked up.
  if (last - first > 3)
    return (withinDay(cal, a, from, Infinity) + wholeDays(cal, first + 1, last) + withinDay(cal, b, -Infinity, to)) / MINUTE;
  let total = 0;
  for (const iv of workingIntervals(cal, from)) {
    if (iv.start >= to) break;
    total += Math.min(iv.end, to) - iv.start;
  }
  return total / MINUTE;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a local date. */
function dayNumber(d: { year: number; month: number; day: number }): number {
  return Math.round(Date.UTC(d.year, d.month - 1, d.day) / DAY_MS);
}

function dateOf(n: number): { year: number; month: number; day: number } {
  const t = new Date(n * DAY_MS);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** Working ms of one local day that fall inside [from, to). */
function withinDay(cal: BusinessCalendar, day: { year: number; month: number; day: number }, from: number, to: number): number {
  let ms = 0;
  for (const iv of dayIntervals(cal, day)) ms += Math.max(0, Math.min(iv.end, to) - Math.max(iv.start, from));
  return ms;
}

/** Running totals of working ms per calendar: `cum[i]` sums the days `base .. base + i - 1`. */
const prefixCache = new WeakMap<BusinessCalendar, { base: number; cum: number[] }>();

/** Working ms of the whole local days `first .. last - 1`, from a per-calendar prefix sum grown on demand. */
function wholeDays(cal: BusinessCalendar, first: number, last: number): number {
  let p = prefixCache.get(cal);
  if (!p || first < p.base) {
    // Rebuilt from the earlier day (rare: history older than anything asked before).
    const base = Math.min(first, p?.base ?? first);
    p = { base, cum: [0] };
    prefixCache.set(cal, p);
  }
  while (p.base + p.cum.length - 1 < last) {
    const n = p.base + p.cum.length - 1;
    p.cum.push(p.cum[p.cum.length - 1]! + withinDay(cal, dateOf(n), -Infinity, Infinity));
  }
  return p.cum[last - p.base]! - p.cum[first - p.base]!;
}
