/**
 * The one set of rules for a ReadingContext, as a zod schema that the HTTP API validates (and
 * documents) with and that `parseContext` (the CLI's JSONL and CSV records) checks through, so the
 * two cannot disagree. A language hint is a BCP 47 tag: a 2 or 3 letter language and optional
 * subtags (`te`, `te-Latn`, `zh-Hant-TW`); the identifier reads its language part.
 *
 * @example
 * ReadingContextSchema.parse({ channel: "social", languageHint: "te-Latn" });
 */
import { z } from "zod";
import { CHANNELS, DIRECTIONS } from "./labels.js";

/** Characters of one message text, the same bound as ingestion's (ingest/limits.ts takes it from here). */
export const MAX_TEXT_CHARS = 65_536;

/** Earlier messages of a thread a caller may pass as context. */
export const MAX_THREAD_MESSAGES = 20;

/** A BCP 47 language tag as callers write hints: language, then subtags (script, region, variant). */
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/** A language hint, wherever the API or the CLI takes one. */
export const LanguageTag = z
  .string()
  .max(35)
  .regex(LANGUAGE_TAG)
  .describe("Language hint: a BCP 47 tag (ISO 639-1 code, optionally with script or region: te, te-Latn, pt-BR).");

export const ReadingContextSchema = z
  .object({
    channel: z.enum(CHANNELS).optional(),
    public: z.boolean().optional(),
    audience: z.number().int().min(0).optional(),
    direction: z.enum(DIRECTIONS).optional(),
    thread: z.array(z.string().max(MAX_TEXT_CHARS)).max(MAX_THREAD_MESSAGES).optional(),
    languageHint: LanguageTag.optional(),
  })
  .strict();
