/**
 * POST /webhooks/:source: the generic signed inbound webhook. No API key: the HMAC signature over
 * timestamp and body proves the sender knows the source's secret (created with POST /sources).
 * The body is one message or `{"messages": [...]}`.
 *
 * @example
 * ts=$(date +%s); sig=$(printf '%s.%s' "$ts" "$BODY" | openssl dgst -sha256 -hmac "$SECRET" -hex | cut -d' ' -f2)
 * curl -X POST localhost:3000/api/v1/webhooks/shop -H "x-attune-timestamp: $ts" -H "x-attune-signature: v1=$sig" -d "$BODY"
 */
import { z } from "zod";
import { AttuneError } from "../../core/errors.js";
import { collectBytes } from "../../ingest/byte-streams.js";
import { Ingestor } from "../../ingest/ingestor.js";
import { MessageInput } from "../../ingest/message-input.js";
import { verifyWebhook, WEBHOOK_WINDOW_S } from "../../ingest/webhook-signature.js";
import { nowOf } from "../app-deps.js";
import { defineRoute } from "../route.js";
import { bodyBytes } from "../request-body.js";
import { IngestReportOut } from "./ingest.js";
import { webhookSource } from "../../store/sources.js";
import { pruneReceipts, recordReceipt } from "../../store/webhook-receipts.js";

const Params = z.object({ source: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/) }).strict();

export const webhookRoutes = [
  defineRoute({
    method: "post",
    path: "/webhooks/:source",
    summary: "Signed inbound webhook",
    description:
      "Headers X-Attune-Timestamp (Unix seconds) and X-Attune-Signature (v1=hex HMAC-SHA256 of `${timestamp}.${body}` under the source's secret). Stale (over 5 minutes) and replayed requests are refused.",
    tags: ["ingest"],
    scope: null,
    params: Params,
    raw: { contentTypes: ["application/json"], description: 'One message, or {"messages": [...]}.' },
    docBody: z.union([MessageInput, z.object({ messages: z.array(MessageInput).min(1).max(1000) }).strict()]),
    responses: {
      200: { description: "Outcome counts", schema: IngestReportOut },
      401: { description: "Bad signature or stale" },
      409: { description: "Replay" },
    },
    async handler({ c, params, deps }) {
      const src = await webhookSource(deps.store, params.source);
      const body = await collectBytes(bodyBytes(c, deps.limits.jsonBodyBytes, deps.limits.jsonBodyBytes));
      // An unknown source answers like a bad signature: no probing for source names.
      if (!src?.webhook_secret) throw new AttuneError("webhook.bad_signature", {});
      const { signatureId, timestamp } = verifyWebhook(
        src.webhook_secret,
        c.req.header("x-attune-timestamp"),
        c.req.header("x-attune-signature"),
        body,
      );
      const now = Date.now();
      const expiresAt = (timestamp + 2 * WEBHOOK_WINDOW_S) * 1000;
      if (!(await recordReceipt(deps.store.db, { signatureId, receivedAt: now, expiresAt }))) throw new AttuneError("webhook.replay", {});
      if (Math.random() < 0.01) await pruneReceipts(deps.store.db, now);

      let text: string;
      try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(body);
      } catch {
        throw new AttuneError("input.invalid_utf8", {});
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw new AttuneError("input.invalid_json", {});
      }
      const items =
        value && typeof value === "object" && !Array.isArray(value) && "messages" in value
          ? (value as { messages: unknown }).messages
          : [value];
      if (!Array.isArray(items) || items.length === 0 || items.length > deps.limits.batchMessages)
        throw new AttuneError("input.invalid_value", { field: "messages" });
      const ing = await Ingestor.open(deps.store, {
        workspaceId: src.workspace_id,
        source: params.source,
        origin: "webhook",
        employee: { writer: true },
        now: () => nowOf(deps),
      });
      for (let i = 0; i < items.length; i++) await ing.add(i, items[i]);
      const report = await ing.finish();
      if (report.accepted) deps.onIngested?.();
      return c.json(report);
    },
  }),
];
