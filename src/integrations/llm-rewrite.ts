/**
 * Optional rewrite of a draft by a large language model behind any OpenAI-compatible chat API (a
 * local Ollama or vLLM, or a hosted service). Off unless a caller configures it; the built-in
 * drafts never need it. It lives in integrations/, not analysis/, because it does network I/O (one
 * HTTP call per draft): the pure functions (`draftReplies`, `checkReply`) never import it; the
 * CLI and the API do. A rewrite is kept only if `accept` approves it (same language, no lower
 * empathy score), so a model that drifts, translates or invents promises cannot make a draft worse.
 *
 * The customer's message is sent only with `sendCustomerText: true`; by default the model sees
 * the draft and the labels of the Reading (language, feeling, cause), not the customer's words.
 *
 * @example
 * const llm = createLlmRewriter({ baseUrl: "http://127.0.0.1:11434/v1", model: "llama3.1" });
 * const better = await llm.rewrite(draft, { reading, accept: (text) => checkAgain(text) >= before });
 */
import { AttuneError } from "../core/errors.js";
import type { Reading } from "../core/reading.js";
import type { Draft } from "../analysis/public.js";

export interface LlmOptions {
  /** Base URL of the OpenAI-compatible API, up to and including `/v1`. */
  baseUrl: string;
  model: string;
  /** Sent as a Bearer token when given (hosted services); local servers need none. */
  apiKey?: string;
  /** Per request; default 20 s. */
  timeoutMs?: number;
  /** Default 0.3: some variety, little invention. */
  temperature?: number;
  /** Include the customer's message in the prompt (personal data leaves attune); default false. */
  sendCustomerText?: boolean;
  /** For tests: a fetch to use instead of the global one. */
  fetch?: typeof fetch;
}

export interface RewriteContext {
  reading: Reading;
  /** The customer's message; sent only when the rewriter was created with `sendCustomerText`. */
  message?: string;
  /** Approves a rewritten text (e.g. re-check it); a rejected rewrite keeps the original draft. */
  accept?: (text: string) => boolean;
}

export interface RewriteResult {
  draft: Draft;
  rewritten: boolean;
  /** Why the original was kept: `rejected` by `accept`, or the server's reply was `empty`. */
  reason?: "rejected" | "empty";
}

export interface LlmRewriter {
  rewrite(draft: Draft, context: RewriteContext): Promise<RewriteResult>;
}

const LANGUAGE_NAMES: Record<string, string> = {
  en: "English",
  te: "Telugu",
  th: "Thai",
  cs: "Czech",
  tl: "Tagalog (Filipino)",
  es: "Spanish",
  pt: "Portuguese",
  hi: "Hindi",
  id: "Indonesian",
  vi: "Vietnamese",
};

const POLITENESS: Record<string, string> = {
  th: "Keep the agent's polite particle exactly as in the draft (ค่ะ or ครับ) on every sentence.",
  cs: "Address the customer formally (vykání, capitalised Vy/Vám/Váš).",
  tl: "Keep po/opo politeness throughout.",
  te: "Keep respectful forms (మీరు, గారు after the name, అండి).",
  hi: "Address the customer with आप and keep the respectful tone.",
};

/** The chat messages for one rewrite: pure, exported for tests and for callers that batch. */
export function rewritePrompt(draft: Draft, context: RewriteContext, sendCustomerText: boolean): { role: string; content: string }[] {
  const lang = LANGUAGE_NAMES[draft.language] ?? draft.language;
  const feeling = draft.emotion ?? context.reading.emotions[0]?.label ?? "none named";
  const rules = [
    `You improve customer-support replies. Rewrite the reply below so it reads naturally in ${lang}, as a warm, competent human agent would write it.`,
    `Write only in ${lang}. Keep every fact, name, order number, time and promise exactly; add no new promise, discount or date.`,
    "Keep: acknowledging the customer's feeling, naming the cause, taking ownership (I will ...), the next step with its time, the closing and signature.",
    "Do not blame the customer, do not over-apologise (at most two apologies), no jargon, no sarcasm.",
    POLITENESS[draft.language] ?? "",
    "Answer with the rewritten reply only, no preface and no quotes.",
  ].filter((r) => r !== "");
  const facts = [
    `Situation: ${draft.situation}. Customer's main feeling: ${feeling}. Cause: ${draft.cause ?? "not named"}.`,
    draft.public ? "This is a public reply: keep it short and keep the move to a private channel." : "",
    sendCustomerText && context.message ? `Customer's message:\n${context.message}` : "",
    `Reply to rewrite:\n${draft.text}`,
  ].filter((r) => r !== "");
  return [
    { role: "system", content: rules.join("\n") },
    { role: "user", content: facts.join("\n\n") },
  ];
}

/** Create a rewriter for one server and model. */
export function createLlmRewriter(options: LlmOptions): LlmRewriter {
  const doFetch = options.fetch ?? fetch;
  const url = `${options.baseUrl.replace(/\/+$/, "")}/chat/completions`;
  const timeoutMs = options.timeoutMs ?? 20_000;
  return {
    async rewrite(draft, context) {
      const body = {
        model: options.model,
        temperature: options.temperature ?? 0.3,
        messages: rewritePrompt(draft, context, options.sendCustomerText === true),
      };
      let response: Response;
      try {
        response = await doFetch(url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
          },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        const timedOut = (err as Error)?.name === "TimeoutError";
        throw new AttuneError("llm.unavailable", { reason: timedOut ? "timeout" : "connection", timeoutMs }, { cause: err });
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new AttuneError("llm.unavailable", { reason: "status", status: response.status });
      }
      let data: unknown;
      try {
        data = await response.json();
      } catch (err) {
        throw new AttuneError("llm.unavailable", { reason: "invalid_json" }, { cause: err });
      }
      const text = contentOf(data);
      if (!text) return { draft, rewritten: false, reason: "empty" };
      if (context.accept && !context.accept(text)) return { draft, rewritten: false, reason: "rejected" };
      return { draft: { ...draft, text }, rewritten: true };
    },
  };
}

function contentOf(data: unknown): string {
  const choices = (data as { choices?: { message?: { content?: unknown } }[] } | null)?.choices;
  const content = Array.isArray(choices) ? choices[0]?.message?.content : undefined;
  if (typeof content !== "string") return "";
  // Models like to wrap the answer in quotes or a code fence; the reply itself is inside.
  return content
    .trim()
    .replace(/^```[a-z]*\n?|\n?```$/g, "")
    .replace(/^"([\s\S]*)"$/, "$1")
    .trim()
    .slice(0, 10_000);
}
