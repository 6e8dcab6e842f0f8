/**
 * `attune reply [FILE...]`: reply drafts in the customer's language. Reads JSON Lines
 * `{"id", "message", ...facts}` from files or stdin and writes `{"id", "drafts": [{"text", ...}]}`
 * per line, in order.
 *
 * @example
 * echo '{"id":"1","message":"My parcel is two weeks late!","customer_name":"Dana"}' | attune reply
 */
import { parseArgs } from "node:util";
import { AttuneError } from "../core/errors.js";
import { parseContext } from "../core/parse-context.js";
import { createReader } from "../analysis/read.js";
import { draftReplies } from "../analysis/respond/draft-replies.js";
import { parseFacts } from "../analysis/respond/parse-facts.js";
import { eachRecord, requireText } from "./respond-io.js";

const HELP = `usage: attune reply [FILE...] [options]

Reads JSON Lines {"id","message",...facts} from .jsonl files or stdin and writes
{"id","drafts":[{"text","language","situation",...}]} per line.

facts (all optional): customer_name, agent_name, agent_gender (female|male), order_id,
offer (refund|replacement|information|escalation|reassurance|expedite|cancellation|resolution),
follow_up (hours2|today|24h|48h), channel, public, company; plus reading context (language, ...).

options:
  --count N        drafts per message (default 3, at most 10)
  --fallback LANG  language to write in when the customer's has no templates (default en)
  --no-models      read messages with cue lexicons alone
`;

/** Run the command; returns the exit code (1 when any record failed). */
export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      count: { type: "string", default: "3" },
      fallback: { type: "string", default: "en" },
      "no-models": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1 || count > 10) throw new AttuneError("input.invalid_value", { field: "--count", expected: "1..10" });
  const reader = await createReader(values["no-models"] ? { modelDir: false } : {});
  const failed = await eachRecord(positionals, (fields, where) => {
    const message = requireText(fields, "message", where);
    const reading = reader.analyze(message, { ...parseContext(fields), direction: "customer" });
    const drafts = draftReplies(reading, parseFacts(fields), { count, fallbackLanguage: values.fallback, message });
    return { drafts };
  });
  return failed > 0 ? 1 : 0;
}
