/**
 * The import format of one message, shared by JSONL files, CSV rows (after column mapping) and the
 * HTTP API. Unknown fields are rejected so a typo never silently drops data.
 *
 * @example
 * const parsed = MessageInput.safeParse({ external_id: "t-1", text: "Where is my parcel?", channel: "chat" });
 */
import { z } from "zod";
import { CHANNELS, DIRECTIONS } from "../core/labels.js";
import { LanguageTag } from "../core/reading-context.js";
import { LIMITS } from "./limits.js";

const shortText = z.string().min(1).max(LIMITS.shortChars);

export const AuthorInput = z
  .object({
    id: shortText.describe("Stable identifier of the author in the source system (email, handle, customer number)."),
    name: z.string().max(LIMITS.shortChars).optional(),
    email: z.string().max(LIMITS.shortChars).optional(),
    phone: z.string().max(LIMITS.shortChars).optional(),
    audience: z.number().int().min(0).optional().describe("Followers or subscribers of the author."),
    team: z.string().max(LIMITS.shortChars).optional().describe("Team of an employee or agent."),
  })
  .strict();

export const SurveyInput = z
  .object({
    kind: z.enum(["nps", "csat", "ces"]),
    score: z.number().min(0).max(10).describe("NPS 0..10, CSAT 1..5, CES 1..7."),
  })
  .strict()
  .superRefine((v, ctx) => {
    const [lo, hi] = v.kind === "nps" ? [0, 10] : v.kind === "csat" ? [1, 5] : [1, 7];
    if (v.score < lo || v.score > hi) ctx.addIssue({ code: "custom", path: ["score"], message: "out of range" });
  });

export const MessageInput = z
  .object({
    external_id: shortText.describe("Unique per source; sending it again stores nothing new."),
    text: z.string().min(1).max(LIMITS.textChars),
    channel: z.enum(CHANNELS).optional(),
    author: z.union([shortText, AuthorInput]).optional(),
    sent_at: z
      .union([z.iso.datetime({ offset: true }), z.number().int().min(0).max(8_640_000_000_000)])
      .optional()
      .describe("ISO 8601 time or epoch milliseconds; defaults to the time of receipt."),
    thread: shortText.optional().describe("Thread key within the source; messages with the same key form one thread."),
    direction: z.enum(DIRECTIONS).optional(),
    public: z.boolean().optional(),
    subject: z.string().max(LIMITS.subjectChars).optional(),
    audience: z.number().int().min(0).optional().describe("Audience of this post, when it differs from the author's."),
    team: z.string().max(LIMITS.shortChars).optional().describe("Team the message concerns (employee feedback) or that handled it."),
    language: LanguageTag.optional(),
    survey: SurveyInput.optional().describe("A survey answer carried by this message."),
  })
  .strict();

export type MessageInput = z.infer<typeof MessageInput>;
export type AuthorInput = z.infer<typeof AuthorInput>;
