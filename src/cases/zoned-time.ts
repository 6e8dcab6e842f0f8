/**
 * Wall-clock time in an IANA time zone, without a date library: Intl tells us the zone's offset at
 * an instant, and a second look settles DST edges (after the approach of date-fns-tz).
 */

/** A local date and minute of day in some zone. */
export interface LocalDay {
  year: number;
  month: number; // 1..12
  day: number;
  /** 0 Sunday .. 6 Saturday */
  weekday: number;
  /** `YYYY-MM-DD` */
  iso: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      weekday: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** Local calendar parts of an instant in a zone. */
export function localParts(ms: number, timeZone: string): LocalDay & { hour: number; minute: number; second: number } {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  return {
    year,
    month,
    day,
    weekday: WEEKDAYS[parts.weekday ?? "Sun"] ?? 0,
    iso: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The zone's offset from UTC at an instant, in milliseconds (east positive). */
export function zoneOffset(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - (ms - (ms % 1000));
}

/**
 * The instant at which the zone's clocks show the given local time. In a DST gap (a local time
 * that never happens) the result is the same local time read with the offset before the gap.
 *
 * @example
 * zonedToUtc(2026, 3, 2, 9, 0, "Asia/Bangkok"); // Date.UTC(2026, 2, 2, 2, 0)
 */
export function zonedToUtc(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const first = guess - zoneOffset(guess, timeZone);
  const second = guess - zoneOffset(first, timeZone);
  return Math.min(first, second);
}

/** The local day after `d`, as plain calendar arithmetic. */
export function nextDay(d: { year: number; month: number; day: number }): { year: number; month: number; day: number } {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + 1));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

const QUARTER_HOUR = 15 * 60_000;
/** Zone offsets per 15-minute UTC slot, per zone: offsets change only at slot edges in practice. */
const slotOffsets = new Map<string, Map<number, number>>();

/**
 * The local calendar date of an instant in a zone; like `localParts` but without asking Intl for
 * every instant (triage reads thousands of clocks a second). A slot whose offset differs at its
 * two ends (a change inside it) is never cached and is answered by Intl.
 *
 * @example
 * localDate(Date.parse("2026-11-30T20:00:00Z"), "Asia/Bangkok"); // { year: 2026, month: 12, day: 1 }
 */
export function localDate(ms: number, timeZone: string): { year: number; month: number; day: number } {
  const slot = Math.floor(ms / QUARTER_HOUR);
  let offsets = slotOffsets.get(timeZone);
  if (!offsets) slotOffsets.set(timeZone, (offsets = new Map()));
  let offset = offsets.get(slot);
  if (offset === undefined) {
    const start = slot * QUARTER_HOUR;
    const a = zoneOffset(start, timeZone);
    if (a !== zoneOffset(start + QUARTER_HOUR - 1000, timeZone)) {
      const p = localParts(ms, timeZone);
      return { year: p.year, month: p.month, day: p.day };
    }
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(slot, (offset = a));
  }
  const t = new Date(ms + offset);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}
