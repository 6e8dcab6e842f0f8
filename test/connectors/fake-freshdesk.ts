/**
 * A Freshdesk account as its public API (v2) documents it, for the connector tests: the ticket list
 * (`/api/v2/tickets?updated_since=…&order_by=updated_at&order_type=asc&per_page=…&page=…`, with
 * `include=description`), one ticket, a ticket's conversations (`/api/v2/tickets/{id}/conversations`,
 * paged), and a reply and a note (`POST /api/v2/tickets/{id}/reply`, `/notes`). Basic auth with the API
 * key and "X"; the list refuses pages past 300 as Freshdesk does.
 *
 * @example
 * const fd = fakeFreshdesk({ tickets: 40 }); const url = await fd.server.start();
 */
import { basicCredentials, FakeHelpdesk, LINES, type FakeAnswer, type FakeRequest } from "./fake-helpdesk.js";

export const FD_KEY = "fd-test-key-91ab";
const BASE = Date.UTC(2026, 1, 2, 8, 0, 0) / 1000;
const AGENTS = [77_001, 77_002];

export interface FConversation {
  id: number;
  body: string;
  body_text: string;
  incoming: boolean;
  private: boolean;
  user_id: number;
  support_email: string | null;
  source: number;
  ticket_id: number;
  to_emails: string[];
  from_email: string | null;
  created_at: string;
  updated_at: string;
}

interface FTicket {
  id: number;
  subject: string;
  description: string;
  description_text: string;
  requester_id: number;
  responder_id: number;
  source: number;
  status: number;
  priority: number;
  created_at: string;
  updated_at: string;
  conversations: FConversation[];
}

export function fakeFreshdesk(opts: { tickets: number; listPageSize?: number; sameSecond?: number }) {
  let clock = BASE;
  let nextId = 9_000;
  const iso = (s: number): string => new Date(s * 1000).toISOString().replace(".000", "");
  const tickets: FTicket[] = [];
  const touch = (t: FTicket): string => (t.updated_at = iso(++clock));
  const conversation = (t: FTicket, incoming: boolean, isPrivate: boolean, text: string, userId: number): FConversation => {
    const at = touch(t);
    return {
      id: nextId++,
      body: `<div>${text}</div>`,
      body_text: text,
      incoming,
      private: isPrivate,
      user_id: userId,
      support_email: incoming ? null : "support@acme.example",
      source: isPrivate ? 2 : 0,
      ticket_id: t.id,
      to_emails: [],
      from_email: null,
      created_at: at,
      updated_at: at,
    };
  };
  for (let i = 0; i < opts.tickets; i++) {
    const text = LINES.customer[i % LINES.customer.length]!;
    const t: FTicket = {
      id: 1 + i,
      subject: `Delivery issue ${i}`,
      description: `<div>${text}</div>`,
      description_text: `${text} (#${i})`,
      requester_id: 50_000 + i,
      responder_id: AGENTS[i % 2]!,
      source: i % 4 === 3 ? 7 : 1,
      status: 2,
      priority: 1,
      created_at: iso(clock + 1),
      updated_at: "",
      conversations: [],
    };
    touch(t);
    t.conversations.push(conversation(t, false, false, `${LINES.agent[i % LINES.agent.length]} (#${i})`, t.responder_id));
    t.conversations.push(conversation(t, false, true, `${LINES.note[0]} (#${i})`, t.responder_id));
    t.conversations.push(conversation(t, true, false, `${LINES.customer[(i + 1) % LINES.customer.length]} (#${i})`, t.requester_id));
    tickets.push(t);
  }
  // Several tickets changed in the same second, as a bulk update does: the cursor must neither skip nor loop.
  for (const t of tickets.slice(0, opts.sameSecond ?? 0)) t.updated_at = iso(clock + 1);
  if (opts.sameSecond) clock += 1;

  const api = {
    tickets,
    addCustomerReply(ticketId: number, text: string): FConversation {
      const t = tickets.find((x) => x.id === ticketId)!;
      const c = conversation(t, true, false, text, t.requester_id);
      t.conversations.push(c);
      return c;
    },
    totalMessages: (): number => tickets.reduce((n, t) => n + 1 + t.conversations.length, 0),
    server: new FakeHelpdesk((req) => handle(req)),
  };

  function handle(req: FakeRequest): FakeAnswer {
    const cred = basicCredentials(req.headers.authorization);
    if (!cred || cred[0] !== FD_KEY)
      return { status: 401, body: { code: "invalid_credentials", message: "You have to be logged in to perform this action." } };
    const p = req.url.pathname;
    if (req.method === "GET" && p === "/api/v2/tickets") return list(req);
    let m = /^\/api\/v2\/tickets\/(\d+)$/.exec(p);
    if (req.method === "GET" && m) return one(Number(m[1]));
    m = /^\/api\/v2\/tickets\/(\d+)\/conversations$/.exec(p);
    if (req.method === "GET" && m) return conversations(req, Number(m[1]));
    m = /^\/api\/v2\/tickets\/(\d+)\/(reply|notes)$/.exec(p);
    if (req.method === "POST" && m) return post(req, Number(m[1]), m[2] === "notes");
    return { status: 404, body: { code: "not_found", message: "Not found" } };
  }

  function list(req: FakeRequest): FakeAnswer {
    const q = req.url.searchParams;
    const perPage = Math.min(Number(q.get("per_page") ?? 30), 100, opts.listPageSize ?? 100);
    const page = Number(q.get("page") ?? 1);
    if (page > 300)
      return {
        status: 400,
        body: { description: "Validation failed", errors: [{ field: "page", message: "Must be <= 300", code: "invalid_value" }] },
      };
    const since = q.get("updated_since");
    const asc = q.get("order_type") === "asc";
    const rows = tickets
      .filter((t) => !since || t.updated_at >= new Date(since).toISOString().replace(".000", ""))
      .sort((a, b) => (a.updated_at < b.updated_at ? -1 : a.updated_at > b.updated_at ? 1 : a.id - b.id) * (asc ? 1 : -1));
    const slice = rows.slice((page - 1) * perPage, page * perPage);
    const withDescription = (q.get("include") ?? "").split(",").includes("description");
    const body = slice.map(({ conversations: _c, description, description_text, ...t }) =>
      withDescription ? { ...t, description, description_text } : t,
    );
    const more = page * perPage < rows.length;
    return { status: 200, body, headers: more ? { link: `<http://${req.headers.host}/api/v2/tickets?page=${page + 1}>; rel="next"` } : {} };
  }

  function one(id: number): FakeAnswer {
    const t = tickets.find((x) => x.id === id);
    if (!t) return { status: 404, body: { code: "not_found" } };
    const { conversations: _c, ...ticket } = t;
    return { status: 200, body: ticket };
  }

  function conversations(req: FakeRequest, id: number): FakeAnswer {
    const t = tickets.find((x) => x.id === id);
    if (!t) return { status: 404, body: { code: "not_found" } };
    const perPage = Math.min(Number(req.url.searchParams.get("per_page") ?? 30), 100);
    const page = Number(req.url.searchParams.get("page") ?? 1);
    const more = page * perPage < t.conversations.length;
    const link = `<http://${req.headers.host}/api/v2/tickets/${id}/conversations?per_page=${perPage}&page=${page + 1}>; rel="next"`;
    return { status: 200, body: t.conversations.slice((page - 1) * perPage, page * perPage), headers: more ? { link } : {} };
  }

  function post(req: FakeRequest, id: number, note: boolean): FakeAnswer {
    const t = tickets.find((x) => x.id === id);
    if (!t) return { status: 404, body: { code: "not_found" } };
    const b = req.body as { body?: string; private?: boolean; user_id?: number };
    if (!b?.body) return { status: 400, body: { description: "Validation failed", errors: [{ field: "body", code: "missing_field" }] } };
    clock = Math.max(clock, Math.floor(Date.now() / 1000)); // a posted reply carries the real time
    const c = conversation(t, false, note ? b.private !== false : false, b.body.replace(/<[^>]*>/g, ""), b.user_id ?? AGENTS[0]!);
    c.body = b.body;
    t.conversations.push(c);
    return { status: 201, body: c };
  }

  return api;
}
