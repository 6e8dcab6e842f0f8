/**
 * An Intercom workspace as its public REST API documents it, for the connector tests:
 * `POST /conversations/search` (query on `updated_at` with `>`/`<`, `pagination.per_page` and
 * `starting_after`, answering `conversation.list` with `pages.next.starting_after`),
 * `GET /conversations/{id}` (the source message and `conversation_parts`, plain text with
 * `display_as=plaintext`), and `POST /conversations/{id}/reply`. Bearer token and an
 * `Intercom-Version` header are required.
 *
 * @example
 * const ic = fakeIntercom({ conversations: 30 }); const url = await ic.server.start();
 */
import { FakeHelpdesk, LINES, type FakeAnswer, type FakeRequest } from "./fake-helpdesk.js";

export const IC_TOKEN = "ic-test-token-3d2e";
const BASE = Date.UTC(2026, 2, 1, 12, 0, 0) / 1000;

interface IAuthor {
  type: "user" | "lead" | "admin" | "bot";
  id: string;
  name: string;
  email: string;
}

export interface IPart {
  type: "conversation_part";
  id: string;
  part_type: string;
  body: string | null;
  created_at: number;
  updated_at: number;
  notified_at: number;
  assigned_to: null;
  author: IAuthor;
  attachments: never[];
  external_id: null;
  redacted: boolean;
}

interface IConversation {
  type: "conversation";
  id: string;
  created_at: number;
  updated_at: number;
  title: string | null;
  open: boolean;
  state: string;
  source: {
    type: string;
    id: string;
    delivered_as: string;
    subject: string;
    body: string;
    author: IAuthor;
    attachments: never[];
    url: null;
    redacted: boolean;
  };
  contacts: { type: "contact.list"; contacts: { type: "contact"; id: string }[] };
  parts: IPart[];
}

const admin = (n: number): IAuthor => ({ type: "admin", id: `${900 + n}`, name: `Admin ${n}`, email: `admin${n}@acme.example` });

export function fakeIntercom(opts: { conversations: number; searchPageSize?: number }) {
  let clock = BASE;
  let nextPart = 70_000;
  const convs: IConversation[] = [];
  const part = (c: IConversation, author: IAuthor, partType: string, body: string | null): IPart => {
    const at = ++clock;
    c.updated_at = at;
    return {
      type: "conversation_part",
      id: String(nextPart++),
      part_type: partType,
      body,
      created_at: at,
      updated_at: at,
      notified_at: at,
      assigned_to: null,
      author,
      attachments: [],
      external_id: null,
      redacted: false,
    };
  };
  for (let i = 0; i < opts.conversations; i++) {
    const user: IAuthor = { type: i % 3 === 2 ? "lead" : "user", id: `6a${i}`, name: `Customer ${i}`, email: `u${i}@mail.example` };
    const at = ++clock;
    const c: IConversation = {
      type: "conversation",
      id: String(4_000 + i),
      created_at: at,
      updated_at: at,
      title: null,
      open: true,
      state: "open",
      source: {
        type: i % 4 === 3 ? "email" : "conversation",
        id: String(30_000 + i),
        delivered_as: "customer_initiated",
        subject: i % 4 === 3 ? `Refund ${i}` : "",
        body: `<p>${LINES.customer[i % LINES.customer.length]} (#${i})</p>`,
        author: user,
        attachments: [],
        url: null,
        redacted: false,
      },
      contacts: { type: "contact.list", contacts: [{ type: "contact", id: user.id }] },
      parts: [],
    };
    c.parts.push(part(c, admin(1), "assignment", null));
    c.parts.push(part(c, admin(i % 2), "comment", `<p>${LINES.agent[i % LINES.agent.length]} (#${i})</p>`));
    c.parts.push(part(c, admin(1), "note", `<p>${LINES.note[0]} (#${i})</p>`));
    c.parts.push(part(c, user, "comment", `<p>${LINES.customer[(i + 2) % LINES.customer.length]} (#${i})</p>`));
    convs.push(c);
  }
  const api = {
    conversations: convs,
    addUserReply(id: string, text: string): IPart {
      const c = convs.find((x) => x.id === id)!;
      const p = part(c, c.source.author, "comment", `<p>${text}</p>`);
      c.parts.push(p);
      return p;
    },
    /** Messages with words: the source and every part with a body. */
    totalMessages: (): number => convs.reduce((n, c) => n + 1 + c.parts.filter((p) => p.body).length, 0),
    server: new FakeHelpdesk((req) => handle(req)),
  };

  function handle(req: FakeRequest): FakeAnswer {
    if (req.headers.authorization !== `Bearer ${IC_TOKEN}`)
      return {
        status: 401,
        body: { type: "error.list", request_id: "r1", errors: [{ code: "unauthorized", message: "Access Token Invalid" }] },
      };
    if (!req.headers["intercom-version"])
      return { status: 400, body: { type: "error.list", errors: [{ code: "intercom_version_missing" }] } };
    const p = req.url.pathname;
    if (req.method === "POST" && p === "/conversations/search") return search(req);
    let m = /^\/conversations\/(\w+)$/.exec(p);
    if (req.method === "GET" && m) return one(req, m[1]!);
    m = /^\/conversations\/(\w+)\/reply$/.exec(p);
    if (req.method === "POST" && m) return reply(req, m[1]!);
    return { status: 404, body: { type: "error.list", errors: [{ code: "not_found", message: "Resource Not Found" }] } };
  }

  function search(req: FakeRequest): FakeAnswer {
    const b = req.body as {
      query?: { field?: string; operator?: string; value?: number };
      pagination?: { per_page?: number; starting_after?: string };
    };
    const q = b.query;
    if (q?.field !== "updated_at" || (q.operator !== ">" && q.operator !== "<") || typeof q.value !== "number")
      return { status: 400, body: { type: "error.list", errors: [{ code: "parameter_invalid", message: "Invalid query" }] } };
    const perPage = Math.min(b.pagination?.per_page ?? 20, 150, opts.searchPageSize ?? 150);
    const matching = convs
      .filter((c) => (q.operator === ">" ? c.updated_at > q.value! : c.updated_at < q.value!))
      .sort((a, b2) => Number(a.id) - Number(b2.id));
    const start = b.pagination?.starting_after ? Number(Buffer.from(b.pagination.starting_after, "base64url").toString()) : 0;
    const page = matching.slice(start, start + perPage);
    const more = start + perPage < matching.length;
    return {
      status: 200,
      body: {
        type: "conversation.list",
        conversations: page.map(({ parts: _p, ...c }) => c),
        total_count: matching.length,
        pages: {
          type: "pages",
          page: Math.floor(start / perPage) + 1,
          per_page: perPage,
          total_pages: Math.ceil(matching.length / perPage),
          ...(more
            ? {
                next: { page: Math.floor(start / perPage) + 2, starting_after: Buffer.from(String(start + perPage)).toString("base64url") },
              }
            : {}),
        },
      },
    };
  }

  function one(req: FakeRequest, id: string): FakeAnswer {
    const c = convs.find((x) => x.id === id);
    if (!c) return { status: 404, body: { type: "error.list", errors: [{ code: "conversation_not_found" }] } };
    const plain = req.url.searchParams.get("display_as") === "plaintext";
    const text = (s: string | null): string | null => (s && plain ? s.replace(/<[^>]*>/g, "") : s);
    const { parts, ...rest } = c;
    return {
      status: 200,
      body: {
        ...rest,
        source: { ...c.source, body: text(c.source.body) },
        conversation_parts: {
          type: "conversation_part.list",
          conversation_parts: parts.map((x) => ({ ...x, body: text(x.body) })),
          total_count: parts.length,
        },
      },
    };
  }

  function reply(req: FakeRequest, id: string): FakeAnswer {
    const c = convs.find((x) => x.id === id);
    if (!c) return { status: 404, body: { type: "error.list", errors: [{ code: "conversation_not_found" }] } };
    const b = req.body as { message_type?: string; type?: string; admin_id?: string; body?: string };
    if (b?.type !== "admin" || !b.admin_id || !b.body || !["comment", "note"].includes(b.message_type ?? ""))
      return { status: 400, body: { type: "error.list", errors: [{ code: "parameter_invalid" }] } };
    clock = Math.max(clock, Math.floor(Date.now() / 1000)); // a posted reply carries the real time
    c.parts.push(part(c, admin(Number(b.admin_id) - 900), b.message_type!, b.body));
    return one(req, id);
  }

  return api;
}
