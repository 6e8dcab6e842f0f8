/**
 * Alerts and their outgoing webhooks over HTTP: the alert list (SLA warnings and breaches, public
 * posts with reach, spikes, follow-ups due), acknowledging one, webhook subscriptions (the signing
 * secret is shown once, at creation) and each subscription's delivery log.
 *
 * @example
 * curl -s "localhost:3000/api/v1/alerts?kind=sla_breach" -H "authorization: Bearer $KEY"
 * curl -s -X POST localhost:3000/api/v1/webhook-subscriptions -H "authorization: Bearer $ADMIN_KEY" \
 *   -H 'content-type: application/json' -d '{"url":"https://ops.example.com/attune","kinds":["sla_breach","spike"]}'
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { ALERT_KINDS, presentAlert } from "../../cases/alerts.js";
import { WEBHOOK_FORMATS } from "../../cases/alert-formats.js";
import { checkTarget } from "../../cases/webhook-target.js";
import { AttuneError } from "../../core/errors.js";
import { acknowledgeAlert, listAlerts } from "../../store/alerts.js";
import { createSubscription, deactivateSubscription, deliveryLog, listSubscriptions } from "../../store/webhook-subscriptions.js";
import { casesOf } from "./cases-present.js";
import { notFound } from "../error-response.js";
import { defineRoute } from "../route.js";
import { IdParams, idParam, iso, listOf, timeParam } from "../schemas.js";

const Alert = z.object({
  id: z.number(),
  kind: z.enum(ALERT_KINDS),
  severity: z.enum(["info", "warning", "critical"]),
  case_id: z.number().nullable(),
  channel: z.string().nullable(),
  label: z.string().nullable(),
  summary: z.string(),
  details: z.record(z.string(), z.unknown()),
  created_at: z.string(),
  acknowledged_at: z.string().nullable(),
});

const SubscriptionBody = z
  .object({
    url: z
      .string()
      .max(2000)
      .url()
      .refine((u) => /^https?:\/\//i.test(u), { message: "http or https" }),
    kinds: z.array(z.enum(ALERT_KINDS)).min(1).max(ALERT_KINDS.length).optional().describe("Alert kinds to send; all when absent."),
    secret: z.string().min(16).max(200).optional().describe("Signing secret; generated (and shown once) when absent."),
    format: z
      .enum(WEBHOOK_FORMATS)
      .default("attune")
      .describe(
        "attune: the alert as signed JSON; slack: a Slack incoming webhook (Block Kit); teams: a Microsoft Teams incoming webhook (Adaptive Card).",
      ),
  })
  .strict();

const Subscription = z
  .object({
    id: z.number(),
    url: z.string(),
    kinds: z.array(z.string()).describe("Alert kinds sent (every kind when subscribed to all)."),
    active: z.boolean(),
    format: z.enum(WEBHOOK_FORMATS),
    created_at: z.string(),
  })
  .meta({ id: "WebhookSubscription" });

const Delivery = z
  .object({
    id: z.number(),
    alert_id: z.number(),
    status: z.enum(["pending", "delivered", "failed"]),
    attempts: z.number(),
    next_attempt_at: z.string().nullable(),
    last_status_code: z.number().nullable(),
    last_error: z.string().nullable(),
    created_at: z.string(),
    delivered_at: z.string().nullable(),
    log: z.array(z.object({ at: z.string(), status_code: z.number().nullable(), error: z.string().nullable(), duration_ms: z.number() })),
  })
  .meta({ id: "WebhookDelivery" });

function presentSubscription(s: { id: number; url: string; kinds: string; active: number; format: string; created_at: number }) {
  return {
    id: s.id,
    url: s.url,
    kinds: s.kinds === "*" ? [...ALERT_KINDS] : s.kinds.split(" "),
    active: s.active === 1,
    format: s.format,
    created_at: iso(s.created_at),
  };
}

export const alertRoutes = [
  defineRoute({
    method: "get",
    path: "/alerts",
    summary: "Alerts, newest first",
    tags: ["alerts"],
    scope: "cases:read",
    query: z
      .object({
        kind: listOf(ALERT_KINDS).optional(),
        since: timeParam.optional(),
        unacknowledged: z.enum(["true", "false"]).optional(),
        case_id: idParam.optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        before: idParam.optional().describe("Last id of the previous page."),
      })
      .strict(),
    responses: { 200: { description: "A page", schema: z.object({ items: z.array(Alert), next_before: z.number().nullable() }) } },
    async handler({ c, query: q, principal, deps }) {
      const rows = await listAlerts(deps.store.db, {
        workspaceId: principal.workspaceId,
        kinds: q.kind,
        since: q.since,
        unacknowledged: q.unacknowledged === undefined ? undefined : q.unacknowledged === "true",
        caseId: q.case_id,
        before: q.before,
        limit: q.limit + 1,
      });
      const items = rows.slice(0, q.limit);
      return c.json({ items: items.map(presentAlert), next_before: rows.length > q.limit ? items[items.length - 1]!.id : null });
    },
  }),
  defineRoute({
    method: "post",
    path: "/alerts/:id/acknowledge",
    summary: "Acknowledge an alert",
    tags: ["alerts"],
    scope: "cases:write",
    params: IdParams,
    responses: { 200: { description: "The alert", schema: Alert } },
    async handler({ c, params, principal, deps }) {
      const now = (await casesOf(deps)).ctx.clock.now();
      const row = await acknowledgeAlert(deps.store.db, principal.workspaceId, params.id, now);
      if (!row) notFound("alert");
      return c.json(presentAlert(row));
    },
  }),
  defineRoute({
    method: "get",
    path: "/webhook-subscriptions",
    summary: "Outgoing webhook subscriptions for alerts",
    tags: ["alerts"],
    scope: "admin",
    responses: { 200: { description: "Subscriptions", schema: z.object({ items: z.array(Subscription) }) } },
    async handler({ c, principal, deps }) {
      const rows = await listSubscriptions(deps.store.db, principal.workspaceId);
      return c.json({ items: rows.map(presentSubscription) });
    },
  }),
  defineRoute({
    method: "post",
    path: "/webhook-subscriptions",
    summary: "Subscribe a URL to alerts (HMAC-SHA256 signed, retried with backoff); the secret is shown once",
    description:
      'Each delivery is a POST of the alert as JSON with `X-Attune-Timestamp` (Unix seconds) and `X-Attune-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>`. Non-2xx answers are retried with exponential backoff. Targets must resolve to public addresses only (webhook.target_refused otherwise), checked again at each delivery, unless allowed by ATTUNE_WEBHOOK_ALLOW.',
    tags: ["alerts"],
    scope: "admin",
    body: SubscriptionBody,
    responses: {
      201: { description: "Created; `secret` appears only in this answer", schema: Subscription.extend({ secret: z.string() }) },
    },
    async handler({ c, body, principal, deps }) {
      const engine = await casesOf(deps);
      const now = engine.ctx.clock.now();
      // Checked again at every delivery (DNS may change); refusing here tells the admin at once.
      const check = await checkTarget(new URL(body.url), engine.delivery.targets, engine.delivery.resolve);
      if (!check.ok && check.reason === "target_refused") throw new AttuneError("webhook.target_refused", { field: "url" });
      const secret = body.secret ?? `whs_${randomBytes(24).toString("base64url")}`;
      const row = await createSubscription(deps.store.db, {
        workspace_id: principal.workspaceId,
        url: body.url,
        secret,
        kinds: body.kinds ? [...new Set(body.kinds)].join(" ") : "*",
        active: 1,
        format: body.format,
        created_at: now,
      });
      return c.json({ ...presentSubscription(row), secret }, 201);
    },
  }),
  defineRoute({
    method: "delete",
    path: "/webhook-subscriptions/:id",
    summary: "Stop sending to a subscription (its delivery log is kept)",
    tags: ["alerts"],
    scope: "admin",
    params: IdParams,
    responses: { 204: { description: "Deactivated" } },
    async handler({ c, params, principal, deps }) {
      if (!(await deactivateSubscription(deps.store.db, principal.workspaceId, params.id))) notFound("webhook subscription");
      return c.body(null, 204);
    },
  }),
  defineRoute({
    method: "get",
    path: "/webhook-subscriptions/:id/deliveries",
    summary: "Delivery log of a subscription: each alert's status and every attempt",
    tags: ["alerts"],
    scope: "admin",
    params: IdParams,
    query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }).strict(),
    responses: { 200: { description: "Deliveries, newest first", schema: z.object({ items: z.array(Delivery) }) } },
    async handler({ c, params, query, principal, deps }) {
      const log = await deliveryLog(deps.store.db, principal.workspaceId, params.id, query.limit);
      if (!log) notFound("webhook subscription");
      const { deliveries: rows, attempts } = log;
      return c.json({
        items: rows.map((d) => ({
          id: d.id,
          alert_id: d.alert_id,
          status: d.status,
          attempts: d.attempts,
          next_attempt_at: iso(d.next_attempt_at),
          last_status_code: d.last_status_code,
          last_error: d.last_error,
          created_at: iso(d.created_at),
          delivered_at: iso(d.delivered_at),
          log: attempts
            .filter((a) => a.delivery_id === d.id)
            .map((a) => ({ at: iso(a.at), status_code: a.status_code, error: a.error, duration_ms: a.duration_ms })),
        })),
      });
    },
  }),
];
