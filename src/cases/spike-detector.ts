/**
 * Spikes: per workspace, channel and label (negative causes and emotions of customer messages), the
 * count in an hour against the same channel's own previous `baselineHours` (7 days). The expected
 * hourly count is the baseline mean (with half a count of prior, so a quiet channel is not
 * infinitely surprised); the hour is a spike when the Poisson tail probability of its count falls
 * under `pValue` and the count reaches `minCount`. The running hour and the one just finished are
 * tested, each alert once per hour (dedupe key).
 *
 * @example
 * const raised = await detectSpikes(ctx); // alerts raised now
 */
import { labelCounts } from "../store/label-counts.js";
import { withWriteTransaction } from "../store/write-transaction.js";
import { raiseAlert } from "./alerts.js";
import type { CaseContext } from "./case-context.js";
import type { Db } from "./case-store.js";
import { poissonUpperTail } from "./poisson.js";

const HOUR = 3_600_000;

export interface SpikeFinding {
  workspaceId: number;
  channel: string;
  kind: "cause" | "emotion";
  label: string;
  hourStart: number;
  count: number;
  expected: number;
  p: number;
}

type CountKey = string;
const keyOf = (ws: number, channel: string, kind: string, label: string): CountKey => `${ws}\u0000${channel}\u0000${kind}\u0000${label}`;

async function hourlyCounts(db: Db, from: number, to: number): Promise<Map<CountKey, number>> {
  const rows = await labelCounts(db, from, to);
  return new Map(rows.map((r) => [keyOf(r.workspace_id, r.channel, r.kind, r.label), r.n]));
}

/** Baselines change once an hour: keep the last one per hour start. */
const baselines = new WeakMap<object, { hourStart: number; counts: Map<CountKey, number> }>();

/** Tests the running and the last finished hour; pure over the counts it reads. */
export async function findSpikes(ctx: CaseContext): Promise<SpikeFinding[]> {
  const s = ctx.rules.alerts.spike;
  const db = ctx.store.db;
  const now = ctx.clock.now();
  const current = Math.floor(now / HOUR) * HOUR;
  const out: SpikeFinding[] = [];
  for (const hourStart of [current - HOUR, current]) {
    let base = baselines.get(ctx.store);
    if (!base || base.hourStart !== hourStart) {
      base = { hourStart, counts: await hourlyCounts(db, hourStart - s.baselineHours * HOUR, hourStart) };
      baselines.set(ctx.store, base);
    }
    const counts = await hourlyCounts(db, hourStart, hourStart + HOUR);
    for (const [key, count] of counts) {
      if (count < s.minCount) continue;
      const expected = ((base.counts.get(key) ?? 0) + 0.5) / s.baselineHours;
      const p = poissonUpperTail(count, expected);
      if (p >= s.pValue) continue;
      const [ws, channel, kind, label] = key.split("\u0000") as [string, string, "cause" | "emotion", string];
      out.push({ workspaceId: Number(ws), channel, kind, label, hourStart, count, expected, p });
    }
  }
  return out;
}

/** Finds spikes and raises one alert per (channel, label, hour). */
export async function detectSpikes(ctx: CaseContext): Promise<number> {
  if (!ctx.rules.alerts.spike.enabled) return 0;
  const found = await findSpikes(ctx);
  if (!found.length) return 0;
  return withWriteTransaction(ctx.store, async (trx) => {
    let n = 0;
    for (const f of found) {
      const id = await raiseAlert(trx, ctx, {
        workspaceId: f.workspaceId,
        kind: "spike",
        severity: f.p < 1e-6 ? "critical" : "warning",
        channel: f.channel,
        label: f.label,
        summary: `Spike of ${f.label.replace(/_/g, " ")} in ${f.channel}: ${f.count} in the hour from ${new Date(f.hourStart).toISOString().slice(11, 16)} UTC, ${f.expected.toFixed(1)} expected`,
        details: {
          kind: f.kind,
          label: f.label,
          hour_start: new Date(f.hourStart).toISOString(),
          count: f.count,
          expected: Math.round(f.expected * 100) / 100,
          p_value: f.p,
        },
        dedupeKey: `spike:${f.channel}:${f.kind}:${f.label}:${f.hourStart}`,
      });
      if (id !== null) n += 1;
    }
    return n;
  });
}
