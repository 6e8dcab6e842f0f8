/**
 * Cases over HTTP: the queue (priority, then SLA due time; filters), one case with its thread,
 * Readings, drafts, checked replies, SLA clocks, notes and goodwill; moves through the lifecycle,
 * assignment, notes, goodwill, replies (checked, optionally sent), follow-ups and the recovery report.
 *
 * @example
 * curl -s "localhost:3000/api/v1/cases?priority=1,2&status=new,open" -H "authorization: Bearer $KEY"
 * curl -s -X POST localhost:3000/api/v1/cases/42/transitions -H "authorization: Bearer $KEY" \
 *   -H 'content-type: application/json' -d '{"to":"resolved"}'
 */
import { z } from "zod";
import { addGoodwill, addNote, assignCase, completeFollowUp, GOODWILL_KINDS, moveCase, replyToCase } from "../../cases/case-actions.js";
import { caseDetail } from "../../cases/case-detail.js";
import { listQueue, queueCounts } from "../../cases/case-queue.js";
import { CASE_STATUSES } from "../../store/schema.js";
import { recoveryReport } from "../../cases/recovery-report.js";
import { AttuneError } from "../../core/errors.js";
import { CHANNELS } from "../../core/labels.js";
import { notFound } from "../error-response.js";
import { CheckOut } from "../respond-schemas.js";
import { defineRoute } from "../route.js";
import { IdParams, idParam, iso, listOf, timeParam } from "../schemas.js";
import { actorOf, casesOf, CaseDetailOut, CaseSummary, presentCase, presentDetail } from "./cases-present.js";
import { followUps } from "../../store/follow-ups.js";

const queueCursor = z
  .string()
  .max(80)
  .transform((s, ctx) => {
    const m = /^([1-4]):(\d{1,16}):(\d{1,16})$/.exec(Buffer.from(s, "base64url").toString());
    if (!m) {
      ctx.addIssue({ code: "custom", message: "bad cursor" });
      return z.NEVER;
    }
    return { priority: Number(m[1]), due: Number(m[2]), id: Number(m[3]) };
  });

const QueueQuery = z
  .object({
    status: listOf(CASE_STATUSES).optional().describe("Default: new,open,waiting."),
    priority: z
      .string()
      .max(20)
      .transform((s) =>
        s
          .split(",")
          .map((x) => x.trim().replace(/^P/i, ""))
          .filter(Boolean)
          .map(Number),
      )
      .pipe(z.array(z.number().int().min(1).max(4)).min(1).max(4))
      .optional()
      .describe("Comma-separated 1..4 (or P1..P4)."),
    team: idParam.optional().describe("Team id."),
    assignee: z
      .union([z.literal("none"), z.literal("me"), idParam])
      .optional()
      .describe("User id, `me`, or `none` (unassigned)."),
    channel: listOf(CHANNELS).optional(),
    breached: z.enum(["true", "false"]).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: queueCursor.optional().describe("next_cursor of the previous page."),
  })
  .strict();

const TransitionBody = z.object({ to: z.enum(CASE_STATUSES) }).strict();
const AssignBody = z
  .object({
    user_id: idParam.nullable().optional().describe("Agent (user) id; null unassigns."),
    team_id: idParam.nullable().optional().describe("Team id; null clears."),
  })
  .strict()
  .refine((b) => b.user_id !== undefined || b.team_id !== undefined, { message: "user_id or team_id" });
const NoteBody = z.object({ text: z.string().min(1).max(10_000) }).strict();
const GoodwillBody = z
  .object({
    amount: z.number().min(0).max(1e9),
    currency: z
      .string()
      .regex(/^[A-Za-z]{3}$/)
      .describe("ISO 4217 code."),
    kind: z.enum(GOODWILL_KINDS),
    note: z.string().max(2000).optional(),
  })
  .strict();
const ReplyBody = z
  .object({
    text: z.string().min(1).max(20_000),
    send: z.boolean().default(false).describe("true: store it as the agent's reply in the thread; false: only check the draft."),
    idempotency_key: z
      .string()
      .regex(/^[\w.:-]{1,100}$/)
      .optional()
      .describe("Sending again with the same key stores and posts the reply once (a helpdesk thread gets it back exactly once)."),
    from: z
      .email()
      .max(320)
      .optional()
      .describe("A mailbox thread's reply is emailed from this address; without it, from the user of the mailbox's stored IMAP connector."),
  })
  .strict();
const FollowUpBody = z.object({ outcome: z.enum(["reached", "no_answer", "not_needed"]), close: z.boolean().default(false) }).strict();

function encodeQueueCursor(c: { priority: number; due: number; id: number } | null): string | null {
  return c ? Buffer.from(`${c.priority}:${c.due}:${c.id}`).toString("base64url") : null;
}

const Page = z.object({ items: z.array(CaseSummary), next_cursor: z.string().nullable() });
const CheckedReply = CheckOut.extend({ message_id: z.number().nullable().describe("The stored reply; null when not sent.") }).meta({
  id: "CheckedReply",
});

export const caseRoutes = [
  defineRoute({
    method: "get",
    path: "/cases",
    summary: "The case queue: by priority, then SLA due time",
    description: "Cases in work (new, open, waiting) unless `status` says otherwise. Counts per priority: GET /cases/counts.",
    tags: ["cases"],
    scope: "cases:read",
    query: QueueQuery,
    responses: { 200: { description: "A page of the queue", schema: Page } },
    async handler({ c, query: q, principal, deps }) {
      let assignee: number | null | undefined;
      if (q.assignee === "none") assignee = null;
      else if (q.assignee === "me") {
        if (principal.kind !== "session" || principal.id === null)
          throw new AttuneError("input.invalid_value", { field: "assignee", reason: "`me` needs a signed-in user" });
        assignee = principal.id;
      } else assignee = q.assignee;
      const page = await listQueue(deps.store, {
        workspaceId: principal.workspaceId,
        limit: q.limit,
        ...(q.status ? { statuses: q.status } : {}),
        ...(q.priority ? { priorities: q.priority } : {}),
        ...(q.team !== undefined ? { teamId: q.team } : {}),
        ...(assignee !== undefined ? { assignee } : {}),
        ...(q.channel ? { channels: q.channel } : {}),
        ...(q.breached ? { breached: q.breached === "true" } : {}),
        ...(q.cursor ? { after: q.cursor } : {}),
      });
      return c.json({ items: page.items.map(presentCase), next_cursor: encodeQueueCursor(page.next) });
    },
  }),
  // Before /cases/:id, so that "counts" is not read as an id.
  defineRoute({
    method: "get",
    path: "/cases/counts",
    summary: "Cases in work per priority (the queue's header)",
    tags: ["cases"],
    scope: "cases:read",
    responses: { 200: { description: "Counts", schema: z.object({ P1: z.number(), P2: z.number(), P3: z.number(), P4: z.number() }) } },
    async handler({ c, principal, deps }) {
      return c.json(await queueCounts(deps.store, principal.workspaceId));
    },
  }),
  defineRoute({
    method: "get",
    path: "/cases/:id",
    summary: "One case: thread with Readings, drafts, checked replies, SLA clocks, notes, goodwill, history",
    tags: ["cases"],
    scope: "cases:read",
    params: IdParams,
    responses: { 200: { description: "The case", schema: CaseDetailOut }, 404: { description: "Not found" } },
    async handler({ c, params, principal, deps }) {
      const engine = await casesOf(deps);
      const d = await caseDetail(engine.ctx, principal.workspaceId, params.id);
      if (!d) notFound("case");
      return c.json(presentDetail(d));
    },
  }),
  defineRoute({
    method: "post",
    path: "/cases/:id/transitions",
    summary: "Move a case: new → open → waiting → resolved → closed",
    description:
      "Allowed: new→open|waiting|resolved, open→waiting|resolved, waiting→open|resolved, resolved→open|closed. Waiting pauses the SLA clocks; resolving stops them and schedules the follow-up.",
    tags: ["cases"],
    scope: "cases:write",
    params: IdParams,
    body: TransitionBody,
    responses: { 200: { description: "The case after the move", schema: CaseSummary }, 400: { description: "Move not allowed" } },
    async handler({ c, params, body, principal, deps }) {
      const engine = await casesOf(deps);
      return c.json(presentCase(await moveCase(engine.ctx, principal.workspaceId, params.id, body.to, actorOf(principal))));
    },
  }),
  defineRoute({
    method: "post",
    path: "/cases/:id/assignment",
    summary: "Assign a case to an agent and/or a team",
    tags: ["cases"],
    scope: "cases:write",
    params: IdParams,
    body: AssignBody,
    responses: { 200: { description: "The case", schema: CaseSummary } },
    async handler({ c, params, body, principal, deps }) {
      const engine = await casesOf(deps);
      const to = {
        ...(body.user_id !== undefined ? { userId: body.user_id } : {}),
        ...(body.team_id !== undefined ? { teamId: body.team_id } : {}),
      };
      return c.json(presentCase(await assignCase(engine.ctx, principal.workspaceId, params.id, to, actorOf(principal))));
    },
  }),
  defineRoute({
    method: "post",
    path: "/cases/:id/notes",
    summary: "Add an internal note",
    tags: ["cases"],
    scope: "cases:write",
    params: IdParams,
    body: NoteBody,
    responses: { 201: { description: "Stored", schema: z.object({ id: z.number(), at: z.string() }) } },
    async handler({ c, params, body, principal, deps }) {
      const engine = await casesOf(deps);
      const n = await addNote(engine.ctx, principal.workspaceId, params.id, body.text, actorOf(principal));
      return c.json({ id: n.id, at: iso(n.at) }, 201);
    },
  }),
  defineRoute({
    method: "post",
    path: "/cases/:id/goodwill",
    summary: "Record goodwill or compensation given (amount, currency, kind)",
    tags: ["cases"],
    scope: "cases:write",
    params: IdParams,
    body: GoodwillBody,
    responses: { 201: { description: "Stored", schema: z.object({ id: z.number(), at: z.string() }) } },
    async handler({ c, params, body, principal, deps }) {
      const engine = await casesOf(deps);
      const g = await addGoodwill(
        engine.ctx,
        principal.workspaceId,
        params.id,
        { amount: body.amount, currency: body.currency, kind: body.kind, ...(body.note ? { note: body.note } : {}) },
        actorOf(principal),
      );
      return c.json({ id: g.id, at: iso(g.at) }, 201);
    },
  }),
  defineRoute({
    method: "post",
    path: "/cases/:id/replies",
    summary: "Check an agent reply for empathy; with send=true store it in the thread and keep the score",
    tags: ["cases"],
    scope: "cases:write",
    params: IdParams,
    body: ReplyBody,
    cost: 2,
    responses: {
      200: { description: "Checked (not sent); message_id is null", schema: CheckedReply },
      201: { description: "Sent and checked", schema: CheckedReply },
    },
    async handler({ c, params, body, principal, deps }) {
      const engine = await casesOf(deps);
      const out = await replyToCase(engine.ctx, await deps.engine(), principal.workspaceId, params.id, body, actorOf(principal));
      if (out.message_id !== null) deps.onIngested?.();
      return c.json(
        { message_id: out.message_id, score: out.check.score, criteria: out.check.criteria },
        out.message_id !== null ? 201 : 200,
      );
    },
  }),
  defineRoute({
    method: "post",
    path: "/cases/:id/follow-up",
    summary: "Record the follow-up after resolution (and optionally close the case)",
    tags: ["cases"],
    scope: "cases:write",
    params: IdParams,
    body: FollowUpBody,
    responses: { 200: { description: "The case", schema: CaseSummary } },
    async handler({ c, params, body, principal, deps }) {
      const engine = await casesOf(deps);
      let row = await completeFollowUp(engine.ctx, principal.workspaceId, params.id, body.outcome, actorOf(principal));
      if (body.close && row.status === "resolved")
        row = await moveCase(engine.ctx, principal.workspaceId, params.id, "closed", actorOf(principal));
      return c.json(presentCase(row));
    },
  }),
  defineRoute({
    method: "get",
    path: "/follow-ups",
    summary: "Follow-ups after resolution: due (fired, not done) or scheduled",
    tags: ["cases"],
    scope: "cases:read",
    query: z
      .object({ state: z.enum(["due", "scheduled"]).default("due"), limit: z.coerce.number().int().min(1).max(200).default(50) })
      .strict(),
    responses: { 200: { description: "Cases", schema: z.object({ items: z.array(CaseSummary) }) } },
    async handler({ c, query, principal, deps }) {
      const rows = await followUps(deps.store.db, principal.workspaceId, query.state, query.limit);
      return c.json({ items: rows.map(presentCase) });
    },
  }),
  defineRoute({
    method: "get",
    path: "/recovery",
    summary: "Recovery rate after resolution per team, cause or channel, with goodwill spent",
    description:
      "A resolved case counts as judged once its customer writes again within the window; recovered when that message reads clearly better than the worst point of the case.",
    tags: ["cases"],
    scope: "cases:read",
    query: z
      .object({ by: z.enum(["team", "cause", "channel"]).default("team"), from: timeParam.optional(), to: timeParam.optional() })
      .strict(),
    responses: {
      200: {
        description: "Rows",
        schema: z.object({
          by: z.string(),
          items: z.array(
            z.object({
              key: z.string().nullable(),
              resolved: z.number(),
              judged: z.number(),
              recovered: z.number(),
              rate: z.number().nullable(),
              goodwill: z.array(z.object({ currency: z.string(), amount: z.number(), cases: z.number() })),
            }),
          ),
        }),
      },
    },
    async handler({ c, query, principal, deps }) {
      const items = await recoveryReport(deps.store, {
        workspaceId: principal.workspaceId,
        by: query.by,
        ...(query.from !== undefined ? { from: query.from } : {}),
        ...(query.to !== undefined ? { to: query.to } : {}),
      });
      return c.json({ by: query.by, items });
    },
  }),
];
