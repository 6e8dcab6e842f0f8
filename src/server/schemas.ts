/**
 * Zod building blocks shared by route schemas: comma-separated lists of labels, times, ids, the
 * error envelope. Query strings arrive as text, so numbers are coerced here.
 *
 * @example
 * const Q = z.object({ channel: listOf(CHANNELS).optional() }).strict();
 */
import { z } from "zod";
import { CHANNELS, DIRECTIONS } from "../core/labels.js";

/** A comma-separated list of allowed values: `channel=chat,email`. */
export function listOf<T extends readonly [string, ...string[]]>(values: T) {
  return z
    .string()
    .max(1000)
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)).min(1).max(values.length));
}

/** A comma-separated list of free codes (languages): `language=th,cs`. */
export const codeList = z
  .string()
  .max(200)
  .transform((s) =>
    s
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(z.string().regex(/^[a-z]{2,3}$/))
      .min(1)
      .max(30),
  );

/** A comma-separated list of row ids (teams): `team=3,7`. */
export const idList = z
  .string()
  .max(400)
  .transform((s) =>
    s
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(
        z
          .string()
          .regex(/^[1-9]\d{0,14}$/)
          .transform(Number),
      )
      .min(1)
      .max(50),
  );

/** An ISO date or date-time, as epoch milliseconds. */
export const timeParam = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .transform((s) => Date.parse(s))
  .describe("ISO 8601 date or date-time (UTC when no offset).");

/** The time window and slices every aggregate and the overview take (spread into their query objects). */
export const aggregateWindow = {
  from: timeParam.optional(),
  to: timeParam.optional(),
  channel: listOf(CHANNELS).optional(),
  language: codeList.optional(),
  direction: listOf(DIRECTIONS).optional(),
};

export const idParam = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
export const IdParams = z.object({ id: idParam }).strict();

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().describe("Stable machine-readable code (see src/core/errors.ts)."),
      message: z.string(),
      details: z.record(z.string(), z.unknown()),
    }),
  })
  .meta({ id: "Error" });

/** ms -> ISO string (null stays null). */
export function iso(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString();
}

/** Opaque keyset cursor: base64url of `sent_at:id`. */
export function encodeCursor(c: { sentAt: number; id: number } | null): string | null {
  return c ? Buffer.from(`${c.sentAt}:${c.id}`).toString("base64url") : null;
}

export const cursorParam = z
  .string()
  .max(64)
  .transform((s, ctx) => {
    const m = /^(\d{1,16}):(\d{1,16})$/.exec(Buffer.from(s, "base64url").toString());
    if (!m) {
      ctx.addIssue({ code: "custom", message: "bad cursor" });
      return z.NEVER;
    }
    return { sentAt: Number(m[1]), id: Number(m[2]) };
  });
