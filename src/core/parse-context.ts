import { AttuneError } from "./errors.js";
import type { ReadingContext } from "./reading.js";
import { ReadingContextSchema } from "./reading-context.js";

/** What each field takes, for the error a bad one gets. */
const EXPECTED: Record<string, string> = {
  channel: ReadingContextSchema.shape.channel.unwrap().options.join("|"),
  direction: ReadingContextSchema.shape.direction.unwrap().options.join("|"),
  public: "boolean",
  audience: "non-negative whole number",
  thread: "array of strings",
  languageHint: "BCP 47 language tag (te, te-Latn)",
};

/** Present unless undefined, null or empty (an empty CSV cell means "not given"). */
function given(v: unknown): boolean {
  return v !== undefined && v !== null && v !== "";
}

/** CSV cells are strings: "true"/"1" and "12000" mean what JSON would say with true and 12000. */
function fromText(field: string, v: unknown): unknown {
  if (typeof v !== "string") return v;
  if (field === "public") return v === "true" || v === "1" ? true : v === "false" || v === "0" ? false : v;
  if (field === "audience" && /^\d+$/.test(v)) return Number(v);
  return v;
}

/**
 * Read a ReadingContext out of a loosely typed record (a JSONL line, a CSV row), checked by the
 * same schema as the HTTP API's (reading-context.ts). Unknown fields are ignored here: a record
 * holds its text, id and more. `language` is accepted as a synonym of `languageHint`.
 *
 * @example
 * parseContext({ channel: "social", public: true, audience: 12000 }); // {channel: "social", public: true, audience: 12000}
 */
export function parseContext(fields: Record<string, unknown>): ReadingContext {
  const picked: Record<string, unknown> = {};
  const raw = { ...fields, languageHint: fields.languageHint ?? fields.language };
  for (const field of Object.keys(EXPECTED)) {
    const v = raw[field as keyof typeof raw];
    if (field === "thread" ? v !== undefined && v !== null : given(v)) picked[field] = fromText(field, v);
  }
  const checked = ReadingContextSchema.safeParse(picked);
  if (!checked.success) {
    const field = String(checked.error.issues[0]?.path[0] ?? "context");
    throw new AttuneError("input.invalid_value", { field: field === "languageHint" ? "language" : field, expected: EXPECTED[field] });
  }
  return checked.data as ReadingContext;
}
