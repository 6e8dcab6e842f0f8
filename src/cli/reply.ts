/**
 * `attune reply [FILE...]`: reply drafts in the customer's language. Reads JSON Lines
 * `{"id", "message", ...facts}` from files or stdin and writes `{"id", "drafts": [{"text", ...}]}`
 * per line, in order.
 *
 * @example
 * echo '{"id":"1","message":"My parcel is two weeks late!","customer_name":"Dana"}' | attune reply
 */
import { readConfig, type Config } from "../core/config.js";
import { parseContext } from "../core/parse-context.js";
import { createReader } from "../analysis/read.js";
import { checkReply } from "../analysis/respond/check-reply.js";
import { draftReplies } from "../analysis/respond/draft-replies.js";
import { LEFTOVER_SLOT } from "../analysis/respond/fill-slots.js";
import { createLlmRewriter } from "../integrations/llm-rewrite.js";
import { readFileSync } from "node:fs";
import { AttuneError } from "../core/errors.js";
import { parseCheckOptions, parseFacts, parsePolicy } from "../analysis/respond/parse-facts.js";
import { parseCommand, usageError } from "./parse-command.js";
import { eachRecord, requireText } from "./respond-io.js";

const HELP = `usage: attune reply [FILE...] [options]

Reads JSON Lines {"id","message",...facts} from .jsonl files or stdin and writes
{"id","drafts":[{"text","language","situation",...}]} per line.

facts (all optional): customer_name, customer_gender (female|male), agent_name,
agent_gender (female|male), order_id, offer (what this case may offer: refund|replacement|
information|escalation|reassurance|expedite|cancellation|resolution), follow_up (when the
customer hears back: hours2|today|24h|48h), channel, public, company, policy (as --policy);
plus reading context (language, ...).

Drafts promise nothing on their own: a refund, a replacement or a time appears only when the
record's offer/follow_up or the policy allows it. A draft in another language than the
customer's carries fallback_language {customer, reason}.

options:
  --count N           drafts per message (default 3, at most 10)
  --fallback LANG     language to write in when the customer's has no templates (default en)
  --policy FILE       JSON {"offers":[...],"follow_up":"24h"}: what drafts may promise
  --no-models         read messages with cue lexicons alone
  --llm-url URL       optional: rewrite drafts with a model behind an OpenAI-compatible API
                      (e.g. http://127.0.0.1:11434/v1); API key from ATTUNE_LLM_API_KEY
  --llm-model NAME    the model to ask (required with --llm-url)
  --llm-send-message  also send the customer's message to the model (off: drafts only)

A rewrite is kept only when it stays in the customer's language and scores no lower on the
empathy check than the built-in draft; each draft says whether it was rewritten.`;

/** Run the command; returns the exit code (1 when any record failed). */
export async function run(argv: string[], config: Config = readConfig()): Promise<number> {
  const p = parseCommand(
    argv,
    {
      count: { type: "string", default: "3" },
      fallback: { type: "string", default: "en" },
      policy: { type: "string" },
      "no-models": { type: "boolean", default: false },
      "llm-url": { type: "string" },
      "llm-model": { type: "string" },
      "llm-send-message": { type: "boolean", default: false },
    },
    HELP,
    true,
  );
  if (typeof p === "number") return p;
  const { values, positionals } = p;
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1 || count > 10) return usageError(HELP, { flag: "--count", expected: "1..10" });
  if (values["llm-url"] && !values["llm-model"]) return usageError(HELP, { flag: "--llm-model", reason: "--llm-url needs --llm-model" });
  const workspacePolicy = values.policy ? parsePolicy(readPolicyFile(values.policy)) : undefined;
  const reader = await createReader(values["no-models"] ? { modelDir: false } : {});
  const llm = values["llm-url"]
    ? createLlmRewriter({
        baseUrl: values["llm-url"],
        model: values["llm-model"] as string,
        sendCustomerText: values["llm-send-message"],
        ...(config.llmApiKey ? { apiKey: config.llmApiKey } : {}),
      })
    : null;
  const failed = await eachRecord(positionals, async (fields, where) => {
    const message = requireText(fields, "message", where);
    const reading = reader.analyze(message, { ...parseContext(fields), direction: "customer" });
    const facts = parseFacts(fields);
    const policy = parsePolicy(fields.policy) ?? workspacePolicy;
    const drafts = draftReplies(reading, facts, { count, fallbackLanguage: values.fallback, message, ...(policy ? { policy } : {}) });
    if (!llm) return { drafts };
    const options = parseCheckOptions(fields);
    const scoreOf = (text: string) => checkReply(text, reader.analyze(text, { direction: "agent" }), reading, message, options).score;
    const rewritten = [];
    for (const d of drafts) {
      const before = scoreOf(d.text);
      // Keep a rewrite only if it stays in the draft's language (and script: romanised Telugu stays
      // romanised) and is no less empathetic.
      const sameLanguage = (text: string) => {
        const l = reader.analyze(text).language;
        return l.code === d.language && (d.script === undefined || l.script === d.script);
      };
      const accept = (text: string) => !LEFTOVER_SLOT.test(text) && sameLanguage(text) && scoreOf(text) >= before;
      const out = await llm.rewrite(d, { reading, message, accept });
      rewritten.push({ ...out.draft, rewritten: out.rewritten });
    }
    return { drafts: rewritten };
  });
  return failed > 0 ? 1 : 0;
}

function readPolicyFile(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as unknown;
  } catch (err) {
    throw new AttuneError("input.invalid_value", { field: "--policy", reason: err instanceof SyntaxError ? "not JSON" : "unreadable" });
  }
}
