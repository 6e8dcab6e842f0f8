/**
 * Zendesk pull: the cursor-based Incremental Ticket Export (`/api/v2/incremental/tickets/cursor.json`,
 * `start_time` on the first sync, then `cursor=after_cursor` until `end_of_stream`), and for each
 * changed ticket its comments (`/api/v2/tickets/{id}/comments.json?include=users`, following
 * `next_page` or `links.next`). Basic auth as `email/token:TOKEN`. The export is limited to 10
 * requests a minute, the rest of the API by plan (200 to 700); both are paced.
 *
 * Each comment becomes one message `comment:{id}` in thread `ticket:{id}`; the author's role (from the
 * sideloaded users, else "is the requester") gives the direction; a private comment (internal note)
 * comes in on the "internal" channel.
 *
 * @example
 * const c = zendeskConnector({ baseUrl: "https://acme.zendesk.com", email: "ops@acme.com", token });
 * await runSync(store, c);
 */
import { AttuneError } from "../core/errors.js";
import { bodyText } from "../ingest/public.js";
import { basicAuth, HelpdeskHttp, type HelpdeskHttpOptions } from "./http-client.js";
import { authorOf, channelOf, hostOf, isoTime, subjectOf } from "./pull-connector.js";
import type { PulledMessage, PullConnector, PullPage } from "./pull-connector.js";

export interface ZendeskOptions {
  baseUrl: string;
  email: string;
  token: string;
  /** Unix seconds to export from on the first sync (default 0: everything). */
  startTime?: number;
  /** Requests a minute for the comments API (the plan's limit; default 200, the smallest). */
  perMinute?: number;
  http?: Partial<HelpdeskHttpOptions>;
}

interface ZTicket {
  id: number;
  subject?: string | null;
  status?: string;
  requester_id?: number | null;
  via?: { channel?: string } | null;
}

interface ZComment {
  id: number;
  author_id?: number | null;
  body?: string | null;
  plain_body?: string | null;
  html_body?: string | null;
  public?: boolean;
  created_at?: string;
  via?: { channel?: string } | null;
}

interface ZUser {
  id: number;
  name?: string | null;
  email?: string | null;
  role?: string | null;
}

interface ExportPage {
  tickets?: ZTicket[];
  after_cursor?: string | null;
  end_of_stream?: boolean;
}

export function zendeskConnector(opts: ZendeskOptions): PullConnector {
  const auth = { authorization: basicAuth(`${opts.email}/token`, opts.token) };
  const exportHttp = new HelpdeskHttp({ baseUrl: opts.baseUrl, headers: auth, perMinute: 10, ...opts.http });
  const apiHttp = new HelpdeskHttp({ baseUrl: opts.baseUrl, headers: auth, perMinute: opts.perMinute ?? 200, ...opts.http });
  return {
    name: `zendesk:${hostOf(opts.baseUrl)}`,
    kind: "zendesk",
    async *pages(saved: string | null): AsyncGenerator<PullPage> {
      let cursor = saved ? (JSON.parse(saved) as { after_cursor: string }).after_cursor : null;
      for (;;) {
        const path = cursor
          ? `/api/v2/incremental/tickets/cursor.json?cursor=${encodeURIComponent(cursor)}`
          : `/api/v2/incremental/tickets/cursor.json?start_time=${opts.startTime ?? 0}`;
        const page = await exportHttp.json<ExportPage>("GET", path);
        if (!Array.isArray(page.tickets)) throw new AttuneError("connector.bad_response", { vendor: "zendesk", field: "tickets" });
        const messages: PulledMessage[] = [];
        for (const ticket of page.tickets) {
          if (ticket.status === "deleted") continue;
          messages.push(...(await ticketMessages(apiHttp, ticket)));
        }
        cursor = page.after_cursor ?? cursor;
        yield { messages, cursor: JSON.stringify({ after_cursor: cursor }), threads: page.tickets.length };
        if (page.end_of_stream !== false) return;
      }
    },
  };
}

/** Every comment of a ticket, all pages, as messages. */
async function ticketMessages(http: HelpdeskHttp, ticket: ZTicket): Promise<PulledMessage[]> {
  const comments: ZComment[] = [];
  const users = new Map<number, ZUser>();
  let next: string | null = `/api/v2/tickets/${ticket.id}/comments.json?include=users`;
  while (next) {
    const page: {
      comments?: ZComment[];
      users?: ZUser[];
      next_page?: string | null;
      meta?: { has_more?: boolean };
      links?: { next?: string | null };
    } = await http.json("GET", next);
    if (!Array.isArray(page.comments)) throw new AttuneError("connector.bad_response", { vendor: "zendesk", field: "comments" });
    comments.push(...page.comments);
    for (const u of page.users ?? []) users.set(u.id, u);
    next = page.meta?.has_more ? (page.links?.next ?? null) : (page.next_page ?? null);
  }
  return comments.flatMap((c, i) => commentMessage(ticket, c, users, i === 0));
}

function commentMessage(ticket: ZTicket, c: ZComment, users: Map<number, ZUser>, first: boolean): PulledMessage[] {
  const text = bodyText(c.plain_body ?? c.body ?? undefined, c.html_body ?? undefined);
  if (!text) return []; // an attachment-only comment has no words to read
  const user = c.author_id != null ? users.get(c.author_id) : undefined;
  const customer = user?.role ? user.role === "end-user" : c.author_id === ticket.requester_id;
  const channel = c.public === false ? "internal" : channelOf(c.via?.channel ?? ticket.via?.channel);
  const author = c.author_id != null ? authorOf(user?.email || `zendesk-user:${c.author_id}`, user?.name) : undefined;
  return [
    {
      external_id: `comment:${c.id}`,
      text,
      thread: `ticket:${ticket.id}`,
      channel,
      direction: customer ? "customer" : "agent",
      // attune's "public" means seen by the world (a social post), not "visible to the requester".
      public: channel === "social",
      ...(author ? { author } : {}),
      ...(isoTime(c.created_at) ? { sent_at: isoTime(c.created_at) } : {}),
      ...(first ? subjectOf(ticket.subject) : {}),
    },
  ];
}
