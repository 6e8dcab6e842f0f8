/**
 * Reading messages: a filtered, keyset-paginated list, and one message with its full Reading and
 * its thread. Employee feedback is never listed, searched or shown by id, for any role: employees are
 * seen only in aggregate (/insights/employee).
 *
 * @example
 * curl -s "localhost:3000/api/v1/messages?language=th&sentiment=negative&emotion=anger&limit=20" -H "authorization: Bearer $KEY"
 */
import { z } from "zod";
import { CAUSES, CHANNELS, DIRECTIONS, EMOTIONS, NEEDS, SENTIMENTS, SIGNALS } from "../../core/labels.js";
import { refuseEmployeeDirection } from "../../insights/employee-guard.js";
import { listMessages } from "../../store/message-query.js";
import { notFound } from "../error-response.js";
import { presentMessage } from "../present-message.js";
import { ReadingOut } from "../reading-schema.js";
import { defineRoute } from "../route.js";
import { codeList, cursorParam, encodeCursor, IdParams, idList, idParam, iso, listOf, timeParam } from "../schemas.js";
import { storedReading } from "../../store/readings.js";
import { threadById } from "../../store/threads.js";
import { surveyAnswersOf } from "../../store/survey-answers.js";

const SURVEY_KINDS = ["nps", "csat", "ces"] as const;

export const MessagesQuery = z
  .object({
    from: timeParam.optional().describe("Sent at or after (ISO 8601)."),
    to: timeParam.optional().describe("Sent before (ISO 8601)."),
    channel: listOf(CHANNELS).optional(),
    direction: listOf(DIRECTIONS).optional(),
    language: codeList.optional().describe("ISO 639-1 codes, comma separated."),
    sentiment: listOf(SENTIMENTS).optional(),
    emotion: listOf(EMOTIONS).optional().describe("Messages showing any of these emotions."),
    cause: listOf(CAUSES).optional().describe("Messages naming any of these causes."),
    cause_polarity: z.enum(["positive", "negative"]).optional().describe("With cause: only causes of this polarity."),
    need: listOf(NEEDS).optional().describe("Messages expressing any of these needs."),
    signal: listOf(SIGNALS).optional().describe("Messages carrying any of these signals."),
    team: idList.optional().describe("Team ids, comma separated (the team that handled or is concerned by the message)."),
    survey: listOf(SURVEY_KINDS).optional().describe("Messages carrying a survey answer of any of these kinds."),
    survey_min: z.coerce.number().int().min(0).max(10).optional().describe("With a survey answer scored at least this."),
    survey_max: z.coerce.number().int().min(0).max(10).optional().describe("With a survey answer scored at most this."),
    urgency_min: z.coerce.number().min(0).max(1).optional(),
    severity_min: z.coerce.number().int().min(0).max(4).optional().describe("Minimum complaint severity 0..4."),
    text: z
      .string()
      .min(2)
      .max(200)
      .optional()
      .describe(
        "Case-insensitive substring of the text, taken literally (% and _ are not wildcards). Under 3 characters (or very common on SQLite) it scans at most 10,000 messages per page: a page may then hold fewer items than limit and still have a next_cursor.",
      ),
    thread_id: idParam.optional(),
    person_id: idParam.optional(),
    unread: z.enum(["true", "false"]).optional().describe("Only messages without (true) or with (false) a reading."),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: cursorParam.optional().describe("next_cursor of the previous page."),
  })
  .strict();

/** A message as lists show it (src/server/present-message.ts), with its Reading's summary. */
const Summary = z
  .object({
    id: z.number(),
    external_id: z.string(),
    source_id: z.number(),
    thread_id: z.number().nullable(),
    person_id: z.number().nullable(),
    team_id: z.number().nullable(),
    direction: z.string(),
    channel: z.string(),
    public: z.boolean(),
    audience: z.number().nullable(),
    subject: z.string().nullable(),
    text: z.string(),
    sent_at: z.string(),
    received_at: z.string(),
    reading: z
      .object({
        language: z.string(),
        sentiment: z.string(),
        sentiment_score: z.number(),
        top_emotion: z.string().nullable(),
        complaint_severity: z.number(),
        urgency: z.number(),
        reach: z.number(),
        stage: z.string(),
        pipeline_version: z.string(),
      })
      .nullable()
      .describe("Null until the message is read."),
  })
  .meta({ id: "MessageSummary" });

/** One message with its full Reading, its survey answers and its thread. */
const Detail = Summary.extend({
  reading: ReadingOut.nullable(),
  read_at: z.string().nullable(),
  survey: z.array(z.object({ kind: z.string(), score: z.number() })),
  thread: z
    .object({
      id: z.number(),
      external_id: z.string(),
      subject: z.string().nullable(),
      channel: z.string().nullable(),
      created_at: z.string(),
      last_message_at: z.string(),
      messages: z.array(Summary).describe("The thread's messages, oldest first (at most 200)."),
    })
    .nullable(),
}).meta({ id: "MessageDetail" });

export const messageRoutes = [
  defineRoute({
    method: "get",
    path: "/messages",
    summary: "List messages, newest first, with filters",
    tags: ["messages"],
    scope: "messages:read",
    query: MessagesQuery,
    responses: { 200: { description: "A page", schema: z.object({ items: z.array(Summary), next_cursor: z.string().nullable() }) } },
    async handler({ c, query: q, principal, deps }) {
      refuseEmployeeDirection(q.direction);
      const page = await listMessages(deps.store, {
        workspaceId: principal.workspaceId,
        limit: q.limit,
        ...(q.cursor ? { before: q.cursor } : {}),
        ...(q.from !== undefined ? { from: q.from } : {}),
        ...(q.to !== undefined ? { to: q.to } : {}),
        ...(q.channel ? { channels: q.channel } : {}),
        ...(q.direction ? { directions: q.direction } : {}),
        ...(q.language ? { languages: q.language } : {}),
        ...(q.sentiment ? { sentiments: q.sentiment } : {}),
        ...(q.emotion ? { emotions: q.emotion } : {}),
        ...(q.cause ? { causes: q.cause } : {}),
        ...(q.cause_polarity ? { causePolarity: q.cause_polarity } : {}),
        ...(q.need ? { needs: q.need } : {}),
        ...(q.signal ? { signals: q.signal } : {}),
        ...(q.team ? { teams: q.team } : {}),
        ...(q.survey ? { surveyKinds: q.survey } : {}),
        ...(q.survey_min !== undefined ? { surveyMin: q.survey_min } : {}),
        ...(q.survey_max !== undefined ? { surveyMax: q.survey_max } : {}),
        ...(q.urgency_min !== undefined ? { urgencyMin: q.urgency_min } : {}),
        ...(q.severity_min !== undefined ? { severityMin: q.severity_min } : {}),
        ...(q.text ? { text: q.text } : {}),
        ...(q.thread_id !== undefined ? { threadId: q.thread_id } : {}),
        ...(q.person_id !== undefined ? { personId: q.person_id } : {}),
        ...(q.unread ? { unread: q.unread === "true" } : {}),
      });
      return c.json({ items: page.items.map(presentMessage), next_cursor: encodeCursor(page.next) });
    },
  }),
  defineRoute({
    method: "get",
    path: "/messages/:id",
    summary: "One message with its full Reading and its thread",
    tags: ["messages"],
    scope: "messages:read",
    params: IdParams,
    responses: { 200: { description: "The message", schema: Detail }, 404: { description: "Not found (or not visible to this role)" } },
    async handler({ c, params, principal, deps }) {
      const page = await listMessages(deps.store, { workspaceId: principal.workspaceId, limit: 1, id: params.id });
      const m = page.items[0];
      if (!m) notFound("message");
      const db = deps.store.db;
      const reading = await storedReading(db, m.id);
      let thread = null;
      if (m.thread_id !== null) {
        const t = await threadById(db, m.thread_id);
        const members = await listMessages(deps.store, { workspaceId: principal.workspaceId, threadId: m.thread_id, limit: 200 });
        thread = t
          ? {
              id: t.id,
              external_id: t.external_id,
              subject: t.subject,
              channel: t.channel,
              created_at: iso(t.created_at),
              last_message_at: iso(t.last_message_at),
              messages: members.items.reverse().map(presentMessage),
            }
          : null;
      }
      const survey = await surveyAnswersOf(db, m.id);
      return c.json({
        ...presentMessage(m),
        reading: reading ? JSON.parse(reading.reading) : null,
        read_at: iso(reading?.read_at),
        survey: survey.map((s) => ({ kind: s.kind, score: s.score })),
        thread,
      });
    },
  }),
];
