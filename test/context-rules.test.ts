import { describe, expect, it } from "vitest";
import { parseContext } from "../src/core/parse-context.js";
import { AnalyzeBody } from "../src/server/routes/analyze.js";
import { DraftBody } from "../src/server/routes/replies.js";
import { MessageInput } from "../src/ingest/message-input.js";

/** Whether the CLI (`attune analyze` records) takes a context. */
function cliTakes(context: Record<string, unknown>): boolean {
  try {
    parseContext(context);
    return true;
  } catch {
    return false;
  }
}

/** Whether POST /analyze takes the same context. */
const apiTakes = (context: Record<string, unknown>) => AnalyzeBody.safeParse({ text: "hi", context }).success;

const CONTEXTS: [Record<string, unknown>, boolean][] = [
  [{ languageHint: "te-Latn" }, true],
  [{ languageHint: "te" }, true],
  [{ languageHint: "zh-Hant-TW" }, true],
  [{ languageHint: "english" }, false],
  [{ languageHint: "e" }, false],
  [{ languageHint: "te_Latn" }, false],
  [{ channel: "social", public: true, audience: 12000 }, true],
  [{ channel: "pigeon" }, false],
  [{ direction: "agent" }, true],
  [{ audience: -1 }, false],
  [{ audience: 2.5 }, false],
  [{ thread: ["earlier", "later"] }, true],
  [{ thread: Array.from({ length: 21 }, () => "x") }, false],
  [{ thread: [1] }, false],
];

describe("one set of context rules for the CLI and the API", () => {
  it.each(CONTEXTS)("%j: both say %s", (context, ok) => {
    expect({ cli: cliTakes(context), api: apiTakes(context) }).toEqual({ cli: ok, api: ok });
  });

  it("takes the same language hints where messages are ingested and replies drafted", () => {
    for (const [context, ok] of CONTEXTS.filter(([c]) => "languageHint" in c)) {
      const language = context.languageHint;
      expect(MessageInput.safeParse({ external_id: "a", text: "hi", language }).success).toBe(ok);
      expect(DraftBody.safeParse({ message: "hi", language }).success).toBe(ok);
    }
  });

  it("reads CSV cells the way JSON says them, and names the field a bad one is in", () => {
    expect(parseContext({ public: "1", audience: "12000", channel: "", language: "te-Latn" })).toEqual({
      public: true,
      audience: 12000,
      languageHint: "te-Latn",
    });
    expect(() => parseContext({ language: "english" })).toThrow(
      expect.objectContaining({ code: "input.invalid_value", details: expect.objectContaining({ field: "language" }) }),
    );
  });
});
