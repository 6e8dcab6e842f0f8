/**
 * `attune check [FILE...]`: the empathy check of agent replies. Reads JSON Lines
 * `{"id", "message", "reply", ...options}` from files or stdin and writes
 * `{"id", "score", "criteria": [{"name", "verdict", "evidence", "suggestion"}]}` per line.
 *
 * @example
 * echo '{"id":"1","message":"Still no refund!","reply":"Sorry for the inconvenience."}' | attune check
 */
import { parseContext } from "../core/parse-context.js";
import { createReader } from "../analysis/read.js";
import { checkReply } from "../analysis/respond/check-reply.js";
import { parseCheckOptions } from "../analysis/respond/parse-facts.js";
import { parseCommand } from "./parse-command.js";
import { eachRecord, requireText } from "./respond-io.js";

const HELP = `usage: attune check [FILE...] [options]

Reads JSON Lines {"id","message","reply"} (optional: customer_name, order_id, public, channel)
from .jsonl files or stdin and writes {"id","score","criteria":[{"name","verdict","evidence",
"suggestion"}]} per line. Verdicts: met, partly, missed, not_applicable.

options:
  --no-models   read messages with cue lexicons alone`;

/** Run the command; returns the exit code (1 when any record failed). */
export async function run(argv: string[]): Promise<number> {
  const p = parseCommand(argv, { "no-models": { type: "boolean", default: false } }, HELP, true);
  if (typeof p === "number") return p;
  const { values, positionals } = p;
  const reader = await createReader(values["no-models"] ? { modelDir: false } : {});
  const failed = await eachRecord(positionals, (fields, where) => {
    const message = requireText(fields, "message", where);
    const reply = requireText(fields, "reply", where);
    const context = parseContext(fields);
    const customer = reader.analyze(message, { ...context, direction: "customer" });
    const replyReading = reader.analyze(reply, { direction: "agent", ...(context.channel ? { channel: context.channel } : {}) });
    const check = checkReply(reply, replyReading, customer, message, parseCheckOptions(fields));
    return { score: check.score, criteria: check.criteria };
  });
  return failed > 0 ? 1 : 0;
}
