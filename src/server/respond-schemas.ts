/**
 * Reply drafts and the empathy check (src/analysis/respond/types.ts) as zod schemas, for the
 * routes that return them (POST /replies/draft, /replies/check, /cases/{id}/replies). The checks at
 * the bottom fail the type check when a schema and its interface differ in either direction.
 *
 * @example
 * responses: { 200: { description: "Checked", schema: CheckOut } }
 */
import { z } from "zod";
import { CRITERIA, OFFERS, type Check, type Draft } from "../analysis/respond/types.js";
import { Span, type Same } from "./reading-schema.js";

/** One draft reply, as `draftReplies` makes it. */
export const DraftOut = z
  .object({
    text: z.string(),
    language: z.string().describe("Language of the template set used (the customer's, or the fallback)."),
    script: z.string().optional().describe("Script the draft is written in, where the language has templates for the customer's."),
    situation: z.enum(["complaint", "praise", "question", "worry"]),
    emotion: z.string().optional().describe("Primary feeling acknowledged."),
    cause: z.string().optional().describe("Cause named."),
    problem: z.string().optional().describe("The specific problem named, when the message's words name one."),
    form: z.enum(["question", "praise"]).optional().describe("A mixed message answered in a form that fits both readings."),
    offer: z.enum(OFFERS).optional(),
    public: z.boolean(),
    variant: z.number().describe("Which variant of the situation (0-based)."),
    fallback_language: z
      .object({ customer: z.string(), reason: z.string() })
      .optional()
      .describe("Set when the draft is not in the customer's language."),
  })
  .meta({ id: "Draft" });

/** The empathy check of a reply: a score and each criterion's verdict. */
export const CheckOut = z
  .object({
    score: z.number().describe("0..100"),
    criteria: z.array(
      z
        .object({
          name: z.enum(CRITERIA),
          verdict: z.enum(["met", "partly", "missed", "not_applicable"]),
          evidence: z.array(Span).describe("Spans of the reply that support the verdict."),
          suggestion: z.string().describe("A concrete suggestion in English; empty when met or not applicable."),
        })
        .meta({ id: "Criterion" }),
    ),
  })
  .meta({ id: "Check" });

// Each schema and its interface describe the same object.
const sameDraft: Same<z.infer<typeof DraftOut>, Draft> = true;
const sameCheck: Same<z.infer<typeof CheckOut>, Check> = true;
void [sameDraft, sameCheck];
