/**
 * The Reading (src/core/reading.ts) as a zod schema, so the API documents it and the dashboard's
 * types come from it. The interface stays the contract: the checks at the bottom fail the type check
 * when the two differ in either direction.
 *
 * @example
 * responses: { 200: { description: "The Reading", schema: ReadingOut } }
 */
import { z } from "zod";
import { CAUSES, EMOTIONS, NEEDS, PII_KINDS, SENTIMENTS, SIGNALS, STAGES, WORKPLACE_CAUSES, WORKPLACE_NEEDS } from "../core/labels.js";
import type { Reading } from "../core/reading.js";

export const Span = z
  .object({ start: z.number(), end: z.number(), text: z.string() })
  .describe("A half-open range [start, end) of UTF-16 code units of the text, with the words it covers.")
  .meta({ id: "Span" });

function scored<L extends readonly [string, ...string[]]>(labels: L) {
  return z.object({ label: z.enum(labels), score: z.number(), evidence: z.array(Span) });
}

const Scored = z.object({ score: z.number(), reasons: z.array(z.string()) });

/** The Reading, as every route that returns one documents it. */
export const ReadingOut = z
  .object({
    language: z.object({
      code: z.string().describe("ISO 639-1 (tl for Tagalog/Filipino), or und when unknown."),
      confidence: z.number(),
      script: z.string().describe("Dominant ISO 15924 script."),
      mixed: z.array(z.string()).optional().describe("When the text mixes languages: all of them, dominant first."),
    }),
    sentiment: z.object({ label: z.enum(SENTIMENTS), score: z.number(), confidence: z.number(), evidence: z.array(Span) }),
    emotions: z.array(scored(EMOTIONS)),
    intensity: z.number(),
    needs: z.array(scored(NEEDS)),
    causes: z.array(
      scored(CAUSES)
        .extend({ polarity: z.enum(["positive", "negative"]), target: z.string().optional() })
        .meta({ id: "CauseReading" }),
    ),
    stage: z.object({ label: z.enum(STAGES), confidence: z.number(), evidence: z.array(Span) }),
    complaint: z.object({
      is: z.boolean(),
      severity: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
      evidence: z.array(Span),
    }),
    signals: z.array(z.object({ label: z.enum(SIGNALS), evidence: z.array(Span) })),
    urgency: Scored,
    reach: Scored,
    pii: z.array(z.object({ kind: z.enum(PII_KINDS), start: z.number(), end: z.number() })),
    workplace: z
      .object({
        causes: z.array(
          scored(WORKPLACE_CAUSES)
            .extend({ polarity: z.enum(["positive", "negative"]) })
            .meta({ id: "WorkplaceCauseReading" }),
        ),
        needs: z.array(scored(WORKPLACE_NEEDS)),
      })
      .optional()
      .describe("Employee messages only (direction employee): workplace causes and needs; absent otherwise.")
      .meta({ id: "WorkplaceReading" }),
    version: z.object({ pipeline: z.string(), models: z.record(z.string(), z.string()) }),
  })
  .describe("What attune understands of one message (docs/reading.md).")
  .meta({ id: "Reading" });

/** True when A and B are each assignable to the other: a schema's type and the interface it documents. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// The schema and the contract describe the same object.
const sameShape: Same<z.infer<typeof ReadingOut>, Reading> = true;
void sameShape;
