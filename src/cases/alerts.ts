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
  const inserted = await db
    .insertInto("alerts")
    .values({
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
    })
    .onConflict((oc) => oc.columns(["workspace_id", "dedupe_key"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!inserted) return null;
  const subs = await db
    .selectFrom("webhook_subscriptions")
    .select(["id", "kinds"])
    .where("workspace_id", "=", a.workspaceId)
    .where("active", "=", 1)
    .execute();
  const wanted = subs.filter((s) => s.kinds === "*" || s.kinds.split(" ").includes(a.kind));
  if (wanted.length) {
    await db
      .insertInto("alert_deliveries")
      .values(
        wanted.map((s) => ({
          alert_id: inserted.id,
          subscription_id: s.id,
          status: "pending" as const,
          attempts: 0,
          next_attempt_at: now,
          last_status_code: null,
          last_error: null,
          created_at: now,
          delivered_at: null,
        })),
      )
      .execute();
    ctx.wake(now);
  }
  return inserted.id;
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
