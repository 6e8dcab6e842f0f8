/**
 * A local HTTP server that plays a helpdesk for the connector tests: each vendor's fake (fake-zendesk.ts,
 * fake-freshdesk.ts, fake-intercom.ts) answers that vendor's documented endpoints and payloads, and this
 * base adds what the tests need around them: every request logged, a 429 with Retry-After injected
 * on chosen requests, and a hook that can hold a request (to kill the syncing process mid-sync).
 *
 * @example
 * const fake = new FakeHelpdesk((req) => ({ status: 200, body: { ok: true } }));
 * const url = await fake.start();
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeRequest {
  method: string;
  url: URL;
  headers: IncomingMessage["headers"];
  body: unknown;
}

export interface FakeAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export class FakeHelpdesk {
  readonly requests: { method: string; path: string; status: number }[] = [];
  /** Requests (1-based, counted over all) answered 429 with this Retry-After instead. */
  rateLimited = new Set<number>();
  retryAfter = "1";
  /** Requests handled (their effect kept) whose answer is never sent: the connection is cut instead. */
  dropAnswer = new Set<number>();
  /** Called before answering; a test may hold the answer (return a promise that never settles). */
  onRequest: ((req: FakeRequest, n: number) => Promise<void> | void) | null = null;
  private server: Server | null = null;

  constructor(private readonly handle: (req: FakeRequest) => FakeAnswer) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Requests whose path starts with `prefix`, answered 2xx. */
  served(prefix: string): number {
    return this.requests.filter((r) => r.path.startsWith(prefix) && r.status < 300).length;
  }

  private async serve(req: IncomingMessage, res: import("node:http").ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://fake");
    const request: FakeRequest = { method: req.method ?? "GET", url, headers: req.headers, body: raw ? JSON.parse(raw) : undefined };
    const n = this.requests.length + 1;
    let answer: FakeAnswer;
    if (this.rateLimited.has(n)) answer = { status: 429, body: { error: "TooManyRequests" }, headers: { "retry-after": this.retryAfter } };
    else {
      await this.onRequest?.(request, n);
      answer = this.handle(request);
    }
    this.requests.push({ method: request.method, path: url.pathname, status: answer.status });
    if (this.dropAnswer.has(n)) {
      res.socket?.destroy();
      return;
    }
    res.writeHead(answer.status, { "content-type": "application/json; charset=utf-8", ...answer.headers });
    res.end(answer.body === undefined ? "" : JSON.stringify(answer.body));
  }
}

/** Customer and agent lines in several languages, so fakes carry realistic, varied text. */
export const LINES = {
  customer: [
    "My order #4411 never arrived and nobody answers my emails.",
    "Technik nepřišel a nikdo nezavolal. Jsem opravdu zklamaná.",
    "Die Rechnung ist doppelt abgebucht worden, bitte erstatten Sie den Betrag.",
    "La livraison a trois jours de retard, que se passe-t-il ?",
    "สินค้าที่ได้รับชำรุด ต้องการเปลี่ยนสินค้าใหม่ค่ะ",
    "Thanks, that fixed it. Great help!",
  ],
  agent: [
    "I am sorry for the wait. I have checked your order and a courier picks it up today.",
    "Omlouváme se, technik přijede zítra mezi 8 a 12 hodinou.",
    "Wir haben die doppelte Abbuchung storniert; das Geld ist in 3 Tagen zurück.",
  ],
  note: ["Internal: customer is on the enterprise plan, escalate if it happens again."],
};

/** Decodes a Basic authorization header into user and password. */
export function basicCredentials(header: string | undefined): [string, string] | null {
  if (!header?.startsWith("Basic ")) return null;
  const text = Buffer.from(header.slice(6), "base64").toString("utf8");
  const i = text.indexOf(":");
  return i < 0 ? null : [text.slice(0, i), text.slice(i + 1)];
}
