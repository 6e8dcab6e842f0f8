/**
 * Vendor webhooks in their own formats (issue 16 item 2), posted to a source created with
 * `POST /sources {"name", "webhook": true}` (its secret is the key below):
 * - `POST /webhooks/chatwoot/:source?token=SECRET`: Chatwoot's `message_created` event; Chatwoot
 *   does not sign, so the webhook URL carries the source's secret.
 * - `POST /webhooks/zammad/:source`: a Zammad trigger webhook, `X-Hub-Signature: sha1=<hex>` with the
 *   source's secret as the trigger's HMAC-SHA1 signature token.
 * Each message is stored once by the vendor's id, however often the vendor retries.
 *
 * @example
 * curl -X POST "localhost:3000/api/v1/webhooks/chatwoot/chatwoot?token=$SECRET" -d @message_created.json
 */
import { z } from "zod";
import { AttuneError } from "../../core/errors.js";
import { collectBytes } from "../../ingest/byte-streams.js";
import { chatwootMessage, verifySharedToken } from "../../connectors/chatwoot.js";
import { ingestPushed, parseJsonBody } from "../../connectors/push-ingest.js";
import { verifyZammadSignature, zammadMessage } from "../../connectors/zammad.js";
import { signedSource } from "../../store/webhook-sources.js";
import { nowOf } from "../app-deps.js";
import { defineRoute, type RouteContext } from "../route.js";
import { bodyBytes } from "../request-body.js";

const Params = z.object({ source: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/) }).strict();
type P = z.infer<typeof Params>;

const Report = z.object({
  accepted: z.number(),
  duplicates: z.number(),
  conflicts: z.number(),
  rejected: z.number(),
  skipped: z.string().optional().describe("Why nothing was stored: event, message_type, sender, no_article, no_text."),
});

const RESPONSES = {
  200: { description: "Outcome counts (skipped: the payload holds no conversation message)", schema: Report },
  400: { description: "Not JSON, or a message without an id" },
  401: { description: "Bad token or signature, or no such source" },
};

/** The body and the source, read before any check so a refused request costs as much as an accepted one. */
async function received(ctx: RouteContext<unknown, P, undefined>) {
  const { c, params, deps } = ctx;
  const src = await signedSource(deps.store.db, params.source);
  const body = await collectBytes(bodyBytes(c, deps.limits.jsonBodyBytes, deps.limits.jsonBodyBytes));
  // An unknown source answers like a bad signature: no probing for source names.
  if (!src) throw new AttuneError("webhook.bad_signature", {});
  return { src, body };
}

export const helpdeskWebhookRoutes = [
  defineRoute({
    method: "post",
    path: "/webhooks/chatwoot/:source",
    summary: "Chatwoot webhook (message_created)",
    description:
      "Chatwoot's message_created payload as sent by its webhook integration. The URL's `token` query parameter must be the source's webhook secret. Incoming messages are the customer's, outgoing the agent's, private notes arrive on the internal channel; other events are acknowledged and skipped.",
    tags: ["ingest"],
    scope: null,
    params: Params,
    query: z.object({ token: z.string().max(500).optional() }).strict(),
    raw: { contentTypes: ["application/json"], description: "Chatwoot's webhook payload." },
    responses: RESPONSES,
    async handler(ctx) {
      const { src, body } = await received(ctx);
      verifySharedToken(src.secret, ctx.query.token);
      const report = await ingestPushed(ctx.deps.store, src, ctx.params.source, "chatwoot", chatwootMessage(parseJsonBody(body)), () =>
        nowOf(ctx.deps),
      );
      if (report.accepted) ctx.deps.onIngested?.();
      return ctx.c.json(report);
    },
  }),
  defineRoute({
    method: "post",
    path: "/webhooks/zammad/:source",
    summary: "Zammad trigger webhook",
    description:
      "Zammad's default webhook payload ({ticket, article}). X-Hub-Signature: sha1=<hex>, HMAC-SHA1 of the body under the source's webhook secret (the trigger's signature token). The article is the message, the ticket its thread; internal articles arrive on the internal channel; system articles are skipped.",
    tags: ["ingest"],
    scope: null,
    params: Params,
    raw: { contentTypes: ["application/json"], description: "Zammad's webhook payload." },
    responses: RESPONSES,
    async handler(ctx) {
      const { src, body } = await received(ctx);
      verifyZammadSignature(src.secret, ctx.c.req.header("x-hub-signature"), body);
      const report = await ingestPushed(ctx.deps.store, src, ctx.params.source, "zammad", zammadMessage(parseJsonBody(body)), () =>
        nowOf(ctx.deps),
      );
      if (report.accepted) ctx.deps.onIngested?.();
      return ctx.c.json(report);
    },
  }),
];
