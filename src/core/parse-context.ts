import { AttuneError } from "./errors.js";
import { CHANNELS, DIRECTIONS, type Channel, type Direction } from "./labels.js";
import type { ReadingContext } from "./reading.js";

/**
 * Read a ReadingContext out of a loosely typed record (a JSONL line, a CSV row), checking each
 * field. Unknown fields are ignored here: callers that must reject them (the HTTP API) check
 * with their own schema. `language` is accepted as a synonym of `languageHint`.
 *
 * @example
 * parseContext({ channel: "social", public: true, audience: 12000 }); // {channel: "social", public: true, audience: 12000}
 */
export function parseContext(fields: Record<string, unknown>): ReadingContext {
  const ctx: ReadingContext = {};
  const bad = (field: string, expected: string): never => {
    throw new AttuneError("input.invalid_value", { field, expected });
  };
  const { channel, direction, audience, thread } = fields;
  if (channel !== undefined && channel !== null && channel !== "") {
    if (!(CHANNELS as readonly unknown[]).includes(channel)) bad("channel", CHANNELS.join("|"));
    ctx.channel = channel as Channel;
  }
  if (direction !== undefined && direction !== null && direction !== "") {
    if (!(DIRECTIONS as readonly unknown[]).includes(direction)) bad("direction", DIRECTIONS.join("|"));
    ctx.direction = direction as Direction;
  }
  const pub = fields.public;
  if (pub !== undefined && pub !== null && pub !== "") {
    if (pub === true || pub === "true" || pub === "1") ctx.public = true;
    else if (pub === false || pub === "false" || pub === "0") ctx.public = false;
    else bad("public", "boolean");
  }
  if (audience !== undefined && audience !== null && audience !== "") {
    const n = typeof audience === "number" ? audience : Number(audience);
    if (!Number.isFinite(n) || n < 0) bad("audience", "non-negative number");
    ctx.audience = n;
  }
  if (thread !== undefined && thread !== null) {
    if (!Array.isArray(thread) || !thread.every((t) => typeof t === "string")) bad("thread", "array of strings");
    ctx.thread = thread as string[];
  }
  const hint = fields.languageHint ?? fields.language;
  if (hint !== undefined && hint !== null && hint !== "") {
    if (typeof hint !== "string" || !/^[a-z]{2,3}$/.test(hint)) bad("language", "ISO 639-1 code");
    ctx.languageHint = hint as string;
  }
  return ctx;
}
