/**
 * Everything the dashboard's overview draws, in one pass over the indexed reading columns: volume
 * and sentiment per UTC day, the emotion mix, causes with their polarity per channel and language,
 * and urgency in five bands. Filters: time, channel, language, direction and the team that handled
 * the message. Never reads message text.
 *
 * @example
 * const o = await overview(store, { workspaceId: 1, includeEmployee: false, from: Date.parse("2026-01-01"), teams: [3] });
 * o.days[0]; // { day: "2026-01-01", total: 40, positive: 10, neutral: 12, negative: 18 }
 */
import { URGENCY_BANDS } from "../core/urgency.js";
import type { Store } from "../store/open-store.js";
import { liveOverviewRows, rollupOverviewRows, type OverviewRows } from "../store/overview-rows.js";
import { rollupsAnswer, type AggregateFilter, type SentimentSplit } from "./aggregates.js";

export { newestSentAt } from "../store/overview-rows.js";

export interface OverviewFilter extends AggregateFilter {
  /** Team ids (the team that handled or is concerned by the message). */
  teams?: number[];
}

export interface Overview {
  total: number;
  days: ({ day: string } & SentimentSplit)[];
  emotions: { emotion: string; count: number }[];
  /** One row per cause, polarity, channel and language: the client pivots by the dimension it shows. */
  causes: { cause: string; polarity: string; channel: string; language: string; count: number }[];
  /** Messages per urgency band (URGENCY_BANDS, core/urgency.ts): [0, .2), [.2, .4), [.4, .6), [.6, .8), [.8, 1]. */
  urgency: { band: number; count: number }[];
}

const DAY = 86_400_000;

/**
 * The overview for a filter: from the rollups when they can answer it, else from the readings.
 *
 * @example
 * const o = await overview(store, { workspaceId: 1, includeEmployee: false, directions: ["customer"] });
 */
export async function overview(store: Store, f: OverviewFilter): Promise<Overview> {
  // Both databases keep daily rollups (migrations 003 and 004); whole-day windows read those instead of every reading.
  if (rollupsAnswer(f)) return overviewFromRollups(store, f);
  return overviewLive(store, f);
}

/** The overview straight from `readings` and `reading_labels` (windows that cut a day, and checks). */
/** The overview straight from `readings` and `reading_labels` (windows that cut a day, and checks). */
export async function overviewLive(store: Store, f: OverviewFilter): Promise<Overview> {
  return assemble(await liveOverviewRows(store, f));
}

/** The overview from its counted rows: days with their sentiment split, emotions by count, urgency bands. */
function assemble({ days: dayRows, emotions: emotionRows, causes: causeRows, urgency: urgencyRows }: OverviewRows): Overview {
  const days = new Map<number, { day: string } & SentimentSplit>();
  let total = 0;
  for (const r of dayRows) {
    if (Number(r.n) === 0) continue;
    const d = Number(r.day);
    const e = days.get(d) ?? { day: new Date(d * DAY).toISOString().slice(0, 10), total: 0, positive: 0, neutral: 0, negative: 0 };
    const n = Number(r.n);
    if (r.sentiment === "positive" || r.sentiment === "neutral" || r.sentiment === "negative") e[r.sentiment] += n;
    e.total += n;
    total += n;
    days.set(d, e);
  }
  return {
    total,
    days: [...days.values()],
    emotions: emotionRows
      .map((r) => ({ emotion: r.label, count: Number(r.n) }))
      .filter((e) => e.count > 0)
      .sort((a, b) => b.count - a.count || a.emotion.localeCompare(b.emotion)),
    causes: causeRows
      .map((r) => ({ cause: r.label, polarity: r.polarity, channel: r.channel, language: r.language, count: Number(r.n) }))
      .filter((c) => c.count > 0),
    urgency: URGENCY_BANDS.map((_, i) => ({ band: i, count: Number(urgencyRows.find((r) => Number(r.band) === i)?.n ?? 0) })),
  };
}

/** The overview from the daily rollups; with a team filter, emotions and causes are read live (their rollups have no team). */
async function overviewFromRollups(store: Store, f: OverviewFilter): Promise<Overview> {
  const teams = !!f.teams?.length;
  const rows = await rollupOverviewRows(store, f, !teams);
  if (!teams) return assemble(rows);
  const live = await liveOverviewRows(store, f);
  return assemble({ ...rows, emotions: live.emotions, causes: live.causes });
}
