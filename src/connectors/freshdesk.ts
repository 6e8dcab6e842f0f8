/**
 * Freshdesk pull: tickets changed since the cursor (`/api/v2/tickets?updated_since=…&order_by=updated_at
 * &order_type=asc&per_page=100&page=N&include=description`) and each ticket's conversations
 * (`/api/v2/tickets/{id}/conversations`, 100 a page). Basic auth with the API key as user and "X" as
 * password. Requests are paced to the plan's per-minute limit (default 50, the smallest plan's).
 *
 * The cursor is the `updated_at` of the last ticket stored plus the ids already stored at that very
 * time: the next query restarts at page 1 from that time, so a ticket updated mid-sync (which moves
 * in the ordering) is never skipped, and ties are never fetched twice.
 *
 * Messages: the ticket's description `ticket:{id}` (from the requester) and each conversation
 * `conversation:{id}`; `incoming` tells a customer's reply from an agent's, a private note comes in on
 * the "internal" channel; thread `ticket:{id}`.
 *
 * @example
 * await runSync(store, freshdeskConnector({ baseUrl: "https://acme.freshdesk.com", apiKey }));
 */
import { AttuneError } from "../core/errors.js";
import { bodyText } from "../ingest/public.js";
import { basicAuth, HelpdeskHttp, type HelpdeskHttpOptions } from "./http-client.js";
import { authorOf, hostOf, isoTime, subjectOf } from "./pull-connector.js";
import type { PulledMessage, PullConnector, PullPage } from "./pull-connector.js";

export interface FreshdeskOptions {
  baseUrl: string;
  apiKey: string;
  /** Unix seconds to start the first sync from (default 0: everything). */
  since?: number;
  perMinute?: number;
  http?: Partial<HelpdeskHttpOptions>;
}

interface FTicket {
  id: number;
  subject?: string | null;
  description_text?: string | null;
  description?: string | null;
  requester_id?: number | null;
  source?: number;
  created_at?: string;
  updated_at: string;
}

interface FConversation {
  id: number;
  body_text?: string | null;
  body?: string | null;
  incoming?: boolean;
  private?: boolean;
  user_id?: number | null;
  source?: number;
  created_at?: string;
}

interface Cursor {
  since: string;
  /** Ticket ids stored whose updated_at equals `since`. */
  done: number[];
}

const PER_PAGE = 100;

export function freshdeskConnector(opts: FreshdeskOptions): PullConnector {
  const http = new HelpdeskHttp({
    baseUrl: opts.baseUrl,
    headers: { authorization: basicAuth(opts.apiKey, "X") },
    perMinute: opts.perMinute ?? 50,
    ...opts.http,
  });
  return {
    name: `freshdesk:${hostOf(opts.baseUrl)}`,
    kind: "freshdesk",
    async *pages(saved: string | null): AsyncGenerator<PullPage> {
      let cursor: Cursor = saved ? (JSON.parse(saved) as Cursor) : { since: new Date((opts.since ?? 0) * 1000).toISOString(), done: [] };
      for (let page = 1; ;) {
        const q = `updated_since=${encodeURIComponent(cursor.since)}&order_by=updated_at&order_type=asc&per_page=${PER_PAGE}&page=${page}`;
        const { body: tickets, headers } = await http.jsonPage<FTicket[]>(`/api/v2/tickets?${q}&include=description`);
        if (!Array.isArray(tickets)) throw new AttuneError("connector.bad_response", { vendor: "freshdesk", field: "tickets" });
        const fresh = tickets.filter((t) => !(t.updated_at === cursor.since && cursor.done.includes(t.id)));
        const messages: PulledMessage[] = [];
        for (const t of fresh) messages.push(...(await ticketMessages(http, t)));
        const next = advance(cursor, fresh);
        // Still at the cursor's time (a tie longer than a page): the next ones share it, so read on by page.
        page = next.since === cursor.since ? page + 1 : 1;
        cursor = next;
        yield { messages, cursor: JSON.stringify(cursor), threads: fresh.length };
        if (!hasNextPage(headers, tickets.length)) return;
      }
    },
  };
}

/**
 * Freshdesk sets `Link: <…>; rel="next"` while more pages follow and leaves it out on the last one;
 * without any Link header a full page is taken to mean more.
 */
function hasNextPage(headers: Headers, count: number): boolean {
  const link = headers.get("link");
  return link !== null ? /rel="?next"?/.test(link) : count >= PER_PAGE;
}

/** The cursor after storing `tickets` (sorted by updated_at ascending). */
function advance(cursor: Cursor, tickets: FTicket[]): Cursor {
  let { since, done } = cursor;
  for (const t of tickets) {
    if (t.updated_at > since) {
      since = t.updated_at;
      done = [];
    }
    if (t.updated_at === since) done = [...done, t.id];
  }
  return { since, done };
}

async function ticketMessages(http: HelpdeskHttp, t: FTicket): Promise<PulledMessage[]> {
  let ticket = t;
  // The list gives the description only with include=description; a server that left it out is asked per ticket.
  if (ticket.description_text == null && ticket.description == null) ticket = await http.json<FTicket>("GET", `/api/v2/tickets/${t.id}`);
  const out: PulledMessage[] = [];
  const first = bodyText(ticket.description_text ?? undefined, ticket.description ?? undefined);
  if (first)
    out.push({
      external_id: `ticket:${t.id}`,
      text: first,
      thread: `ticket:${t.id}`,
      channel: ticketChannel(t.source),
      direction: t.source === 10 ? "agent" : "customer", // 10: an outbound email, written by an agent
      public: t.source === 5 || t.source === 6,
      ...(t.requester_id != null && t.source !== 10 ? { author: authorOf(`freshdesk-user:${t.requester_id}`) } : {}),
      ...(isoTime(t.created_at) ? { sent_at: isoTime(t.created_at) } : {}),
      ...subjectOf(t.subject),
    });
  for (let page = 1; ; page++) {
    const { body: convs, headers } = await http.jsonPage<FConversation[]>(
      `/api/v2/tickets/${t.id}/conversations?per_page=${PER_PAGE}&page=${page}`,
    );
    if (!Array.isArray(convs)) throw new AttuneError("connector.bad_response", { vendor: "freshdesk", field: "conversations" });
    for (const c of convs) out.push(...conversationMessage(t, c));
    if (!hasNextPage(headers, convs.length)) return out;
  }
}

function conversationMessage(t: FTicket, c: FConversation): PulledMessage[] {
  const text = bodyText(c.body_text ?? undefined, c.body ?? undefined);
  if (!text) return [];
  const channel = c.private ? "internal" : conversationChannel(c.source, t.source);
  return [
    {
      external_id: `conversation:${c.id}`,
      text,
      thread: `ticket:${t.id}`,
      channel,
      direction: c.incoming ? "customer" : "agent",
      public: channel === "social",
      ...(c.user_id != null ? { author: authorOf(`freshdesk-user:${c.user_id}`) } : {}),
      ...(isoTime(c.created_at) ? { sent_at: isoTime(c.created_at) } : {}),
    },
  ];
}

/** Ticket `source`: 1 email, 2 portal, 3 phone, 4 forum, 5 Twitter, 6 Facebook, 7 chat, 8 Mobihelp, 9 feedback widget, 10 outbound email, 11 e-commerce, 12 bot. */
function ticketChannel(source: number | undefined): "email" | "call" | "forum" | "social" | "chat" {
  if (source === 3) return "call";
  if (source === 4) return "forum";
  if (source === 5 || source === 6) return "social";
  if (source === 7 || source === 8 || source === 12) return "chat";
  return "email";
}

/** Conversation `source`: 0 reply, 1 note, 2 tweet, 3 survey, 4 Facebook, 5 forwarded email, 6 phone, 7 Mobihelp, 8 e-commerce. */
function conversationChannel(source: number | undefined, ticketSource: number | undefined): "email" | "call" | "forum" | "social" | "chat" {
  if (source === 2 || source === 4) return "social";
  if (source === 6) return "call";
  return ticketChannel(ticketSource);
}
