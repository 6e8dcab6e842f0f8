import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AttuneError } from "../core/errors.js";
import { draftReplies } from "../analysis/respond/draft-replies.js";
import { createLlmRewriter, rewritePrompt } from "./llm-rewrite.js";
import { complaintReading } from "../analysis/respond/test-reading.js";

// A small fake OpenAI-compatible server on 127.0.0.1: it records requests and answers as told.
type Handler = (body: Record<string, unknown>, req: IncomingMessage, res: ServerResponse) => void;
let server: Server;
let baseUrl: string;
let handler: Handler;
const requests: { body: Record<string, unknown>; auth: string | undefined; path: string | undefined }[] = [];

function reply(content: unknown, status = 200): Handler {
  return (_b, _req, res) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(status === 200 ? { choices: [{ message: { role: "assistant", content } }] } : { error: "boom" }));
  };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const body = JSON.parse(raw) as Record<string, unknown>;
      requests.push({ body, auth: req.headers.authorization, path: req.url });
      handler(body, req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const message = "My parcel is two weeks late and nobody answers!";
const reading = complaintReading(message, "en", { emotion: "frustration", cause: "delivery_or_wait" });
const [draft] = draftReplies(reading, { customerName: "Dana", agentName: "Sam" });

describe("createLlmRewriter", () => {
  it("sends an OpenAI-compatible chat request and keeps an accepted rewrite", async () => {
    handler = reply("Hi Dana, I'm so sorry about the wait. I'll update you within 24 hours.\nSam");
    requests.length = 0;
    const llm = createLlmRewriter({ baseUrl: `${baseUrl}/`, model: "local-model", apiKey: "k-123" });
    const out = await llm.rewrite(draft!, { reading, message, accept: (t) => t.includes("Dana") });
    expect(out.rewritten).toBe(true);
    expect(out.draft.text).toMatch(/^Hi Dana/);
    expect(out.draft.language).toBe("en");
    const [req] = requests;
    expect(req!.path).toBe("/v1/chat/completions");
    expect(req!.auth).toBe("Bearer k-123");
    expect(req!.body.model).toBe("local-model");
    const messages = req!.body.messages as { role: string; content: string }[];
    expect(messages.map((m) => m.role)).toEqual(["system", "user"]);
    expect(messages[1]!.content).toContain(draft!.text);
    // The customer's own words stay home unless the caller opts in.
    expect(JSON.stringify(req!.body)).not.toContain(message);
  });

  it("sends the customer's message only when asked to", () => {
    const withText = rewritePrompt(draft!, { reading, message }, true);
    expect(withText[1]!.content).toContain(message);
    expect(rewritePrompt(draft!, { reading, message }, false)[1]!.content).not.toContain(message);
  });

  it("keeps the original when the rewrite is rejected or empty", async () => {
    handler = reply("Hola Dana, lo siento mucho.");
    const llm = createLlmRewriter({ baseUrl, model: "m" });
    const rejected = await llm.rewrite(draft!, { reading, accept: (t) => !t.startsWith("Hola") });
    expect(rejected).toEqual({ draft, rewritten: false, reason: "rejected" });
    handler = reply("   ");
    expect((await llm.rewrite(draft!, { reading })).reason).toBe("empty");
  });

  it("unwraps quotes and code fences around the answer", async () => {
    handler = reply('```\n"Hi Dana, I will fix this today."\n```');
    const out = await createLlmRewriter({ baseUrl, model: "m" }).rewrite(draft!, { reading });
    expect(out.draft.text).toBe("Hi Dana, I will fix this today.");
  });

  it("reports server errors and timeouts as llm.unavailable, without the text", async () => {
    handler = reply(null, 500);
    const llm = createLlmRewriter({ baseUrl, model: "m" });
    await expect(llm.rewrite(draft!, { reading, message })).rejects.toMatchObject({ code: "llm.unavailable", details: { status: 500 } });
    handler = () => undefined; // never answers
    const slow = createLlmRewriter({ baseUrl, model: "m", timeoutMs: 200 });
    const err = await slow.rewrite(draft!, { reading, message }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AttuneError);
    expect((err as AttuneError).details.reason).toBe("timeout");
    expect(JSON.stringify((err as AttuneError).toJSON())).not.toContain("parcel");
  });

  it("reports an unreachable server as llm.unavailable", async () => {
    const llm = createLlmRewriter({ baseUrl: "http://127.0.0.1:9/v1", model: "m", timeoutMs: 2000 });
    await expect(llm.rewrite(draft!, { reading })).rejects.toMatchObject({ code: "llm.unavailable" });
  });
});
