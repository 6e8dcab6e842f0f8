/**
 * Alerts: an SLA breach near or past, a public post with high reach, a spike of a cause or emotion
 * in a channel, a follow-up that fell due. Each is stored once (dedupe key) and queued for every
 * webhook subscription that wants its kind; the deliverer sends them.
 *
 * @example
 * await raiseAlert(trx, ctx, { workspaceId: 1, kind: "sla_breach", severity: "critical", caseId: 7,
 *   summary: "P1 case 7: first response breached", details: { clock: "first_response" }, dedupeKey: "breach:7:first_response:0" });
 */
import type { CaseContext } from "./case-context.js";
import type { Db } from "./case-store.js";
import { activeSubscriptions, insertAlert, queueDeliveries } from "../store/alerts.js";
import type { AlertRow } from "../store/schema.js";

export const ALERT_KINDS = ["sla_warning", "sla_breach", "public_reach", "spike", "follow_up_due"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface NewAlert {
  workspaceId: number;
  kind: AlertKind;
  severity: "info" | "warning" | "critical";
  caseId?: number | null;
  channel?: string | null;
  label?: string | null;
  /** One line for people; never customer text. */
  summary: string;
  details: Record<string, unknown>;
  /** Same key, same alert: a retried check never alerts twice. */
  dedupeKey: string;
}

/** Stores an alert unless its key exists; queues deliveries. Returns the new alert id, or null for a repeat. */
export async function raiseAlert(db: Db, ctx: CaseContext, a: NewAlert): Promise<number | null> {
  const now = ctx.clock.now();
  const id = await insertAlert(db, {
    workspace_id: a.workspaceId,
    kind: a.kind,
    severity: a.severity,
    case_id: a.caseId ?? null,
    channel: a.channel ?? null,
    label: a.label ?? null,
    summary: a.summary,
    details: JSON.stringify(a.details),
    dedupe_key: a.dedupeKey,
    created_at: now,
    acknowledged_at: null,
  });
  if (id === null) return null;
  const wanted = (await activeSubscriptions(db, a.workspaceId)).filter((s) => s.kinds === "*" || s.kinds.split(" ").includes(a.kind));
  if (wanted.length) {
    await queueDeliveries(
      db,
      id,
      wanted.map((s) => s.id),
      now,
    );
    ctx.wake(now);
  }
  return id;
}

/** The JSON an alert is delivered and listed as. */
export function presentAlert(r: Omit<AlertRow, "workspace_id" | "dedupe_key">) {
  return {
    id: r.id,
    kind: r.kind,
    severity: r.severity,
    case_id: r.case_id,
    channel: r.channel,
    label: r.label,
    summary: r.summary,
    details: JSON.parse(r.details) as Record<string, unknown>,
    created_at: new Date(Number(r.created_at)).toISOString(),
    acknowledged_at: r.acknowledged_at === null ? null : new Date(Number(r.acknowledged_at)).toISOString(),
  };
}
