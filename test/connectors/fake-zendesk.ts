/**
 * A Zendesk Support account as its public API documents it, for the connector tests: the
 * cursor-based Incremental Ticket Export (`/api/v2/incremental/tickets/cursor.json`, `start_time` or
 * `cursor`, answering `tickets`, `after_cursor`, `after_url`, `before_cursor`, `end_of_stream`), ticket
 * comments with offset pagination and sideloaded users (`/api/v2/tickets/{id}/comments.json?include=users`,
 * `next_page`), and a ticket update with a comment (`PUT /api/v2/tickets/{id}.json`). Basic auth as
 * `email/token:TOKEN`, 401 otherwise.
 *
 * @example
 * const zd = fakeZendesk({ tickets: 40 }); const url = await zd.server.start();
 */
import { basicCredentials, FakeHelpdesk, LINES, type FakeAnswer, type FakeRequest } from "./fake-helpdesk.js";

export interface ZComment {
  id: number;
  type: "Comment";
  author_id: number;
  body: string;
  html_body: string;
  plain_body: string;
  public: boolean;
  attachments: never[];
  via: { channel: string; source: Record<string, unknown> };
  created_at: string;
  metadata: Record<string, unknown>;
}

interface ZTicket {
  id: number;
  subject: string;
  status: string;
  requester_id: number;
  via: { channel: string };
  created_at: string;
  updated_at: string;
  generated_timestamp: number;
  comments: ZComment[];
}

export const ZD_EMAIL = "ops@acme.example";
export const ZD_TOKEN = "zd-test-token-6f1c";
const BASE = Date.UTC(2026, 0, 5, 9, 0, 0) / 1000;
const AGENTS = [1, 2, 3];

export function fakeZendesk(opts: { tickets: number; commentsPerTicket?: number; exportPageSize?: number; commentsPageSize?: number }) {
  let clock = BASE;
  let nextCommentId = 5000;
  const tickets: ZTicket[] = [];
  const iso = (s: number): string => new Date(s * 1000).toISOString().replace(".000", "");
  const comment = (t: ZTicket, author: number, text: string, isPublic: boolean): ZComment => {
    const at = iso(++clock);
    t.updated_at = at;
    t.generated_timestamp = clock;
    return {
      id: nextCommentId++,
      type: "Comment",
      author_id: author,
      body: text,
      html_body: `<div class="zd-comment"><p>${text}</p></div>`,
      plain_body: text,
      public: isPublic,
      attachments: [],
      via: { channel: t.via.channel, source: {} },
      created_at: at,
      metadata: {},
    };
  };
  for (let i = 0; i < opts.tickets; i++) {
    const t: ZTicket = {
      id: 100 + i,
      subject: `Order problem ${i}`,
      status: "open",
      requester_id: 10_000 + i,
      via: { channel: i % 5 === 4 ? "chat" : "email" },
      created_at: iso(clock + 1),
      updated_at: "",
      generated_timestamp: 0,
      comments: [],
    };
    for (let k = 0; k < (opts.commentsPerTicket ?? 4); k++) {
      const who = k % 2 === 0 ? t.requester_id : AGENTS[i % 3]!;
      const text =
        k === 3 ? LINES.note[0]! : k % 2 === 0 ? LINES.customer[(i + k) % LINES.customer.length]! : LINES.agent[i % LINES.agent.length]!;
      t.comments.push(comment(t, who, `${text} (#${i}.${k})`, k !== 3));
    }
    tickets.push(t);
  }
  const api = {
    tickets,
    /** A customer writes again on a ticket: it moves to the end of the export. */
    addCustomerComment(ticketId: number, text: string): ZComment {
      const t = tickets.find((x) => x.id === ticketId)!;
      const c = comment(t, t.requester_id, text, true);
      t.comments.push(c);
      return c;
    },
    totalComments: (): number => tickets.reduce((n, t) => n + t.comments.length, 0),
    server: new FakeHelpdesk((req) => handle(req)),
  };

  function handle(req: FakeRequest): FakeAnswer {
    const cred = basicCredentials(req.headers.authorization);
    if (!cred || cred[0] !== `${ZD_EMAIL}/token` || cred[1] !== ZD_TOKEN)
      return { status: 401, body: { error: "Couldn't authenticate you" } };
    const p = req.url.pathname;
    if (req.method === "GET" && p === "/api/v2/incremental/tickets/cursor.json") return exportPage(req);
    let m = /^\/api\/v2\/tickets\/(\d+)\/comments\.json$/.exec(p);
    if (req.method === "GET" && m) return commentsPage(req, Number(m[1]));
    m = /^\/api\/v2\/tickets\/(\d+)\.json$/.exec(p);
    if (req.method === "PUT" && m) return update(req, Number(m[1]));
    return { status: 404, body: { error: "InvalidEndpoint", description: "Not found" } };
  }

  function exportPage(req: FakeRequest): FakeAnswer {
    const q = req.url.searchParams;
    const size = Math.min(Number(q.get("per_page") ?? 1000), opts.exportPageSize ?? 1000);
    let after: [number, number];
    if (q.has("cursor")) after = Buffer.from(q.get("cursor")!, "base64url").toString().split("|").map(Number) as [number, number];
    else if (q.has("start_time")) after = [Number(q.get("start_time")) - 1, Number.MAX_SAFE_INTEGER];
    else return { status: 400, body: { error: "InvalidPaginationParameter", description: "start_time or cursor is required" } };
    const ordered = [...tickets].sort((a, b) => a.generated_timestamp - b.generated_timestamp || a.id - b.id);
    const rest = ordered.filter((t) => t.generated_timestamp > after[0] || (t.generated_timestamp === after[0] && t.id > after[1]));
    const page = rest.slice(0, size);
    const last = page.at(-1);
    const afterCursor = Buffer.from(last ? `${last.generated_timestamp}|${last.id}` : after.join("|")).toString("base64url");
    const origin = `http://${req.headers.host}`;
    return {
      status: 200,
      body: {
        tickets: page.map(({ comments: _c, ...t }) => t),
        after_url: `${origin}/api/v2/incremental/tickets/cursor.json?cursor=${afterCursor}`,
        after_cursor: afterCursor,
        before_url: null,
        before_cursor: null,
        end_of_stream: rest.length <= size,
      },
    };
  }

  function commentsPage(req: FakeRequest, id: number): FakeAnswer {
    const t = tickets.find((x) => x.id === id);
    if (!t) return { status: 404, body: { error: "RecordNotFound", description: "Not found" } };
    const size = Math.min(Number(req.url.searchParams.get("per_page") ?? 100), opts.commentsPageSize ?? 100);
    const page = Number(req.url.searchParams.get("page") ?? 1);
    const slice = t.comments.slice((page - 1) * size, page * size);
    const more = page * size < t.comments.length;
    const origin = `http://${req.headers.host}`;
    const include = req.url.searchParams.get("include") === "users";
    const authorIds = [...new Set(slice.map((c) => c.author_id))];
    return {
      status: 200,
      body: {
        comments: slice,
        ...(include ? { users: authorIds.map(userOf) } : {}),
        next_page: more ? `${origin}/api/v2/tickets/${id}/comments.json?page=${page + 1}${include ? "&include=users" : ""}` : null,
        previous_page: page > 1 ? `${origin}/api/v2/tickets/${id}/comments.json?page=${page - 1}` : null,
        count: t.comments.length,
      },
    };
  }

  function userOf(id: number): Record<string, unknown> {
    const agent = AGENTS.includes(id);
    return {
      id,
      name: agent ? `Agent ${id}` : `Customer ${id}`,
      email: agent ? `agent${id}@acme.example` : `c${id}@mail.example`,
      role: agent ? "agent" : "end-user",
    };
  }

  function update(req: FakeRequest, id: number): FakeAnswer {
    const t = tickets.find((x) => x.id === id);
    if (!t) return { status: 404, body: { error: "RecordNotFound", description: "Not found" } };
    const c = (req.body as { ticket?: { comment?: { body?: string; public?: boolean; author_id?: number } } })?.ticket?.comment;
    if (!c?.body) return { status: 422, body: { error: "RecordInvalid", description: "Record validation errors" } };
    clock = Math.max(clock, Math.floor(Date.now() / 1000)); // a posted comment carries the real time
    const added = comment(t, c.author_id ?? 1, c.body, c.public !== false);
    t.comments.push(added);
    const { comments: _c, ...ticket } = t;
    return {
      status: 200,
      body: {
        ticket,
        audit: {
          id: added.id + 1_000_000,
          ticket_id: id,
          created_at: added.created_at,
          events: [{ id: added.id, type: "Comment", body: added.body, public: added.public, author_id: added.author_id }],
        },
      },
    };
  }

  return api;
}
