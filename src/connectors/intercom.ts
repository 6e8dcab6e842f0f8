/**
 * Intercom pull: conversations changed since the cursor (`POST /conversations/search` on `updated_at`,
 * 150 a page, `starting_after` from `pages.next`), and each one in full (`GET /conversations/{id}`
 * with `display_as=plaintext`: its source message and its parts). Bearer token and an
 * `Intercom-Version` header. Intercom allows 10,000 calls a minute per app; requests are paced to
 * 1,000 by default, leaving room for the workspace's other apps.
 *
 * Search results come in no promised order, so one sync is a pass over one fixed query: its
 * `starting_after` is saved after each page (a crash resumes the pass), and the next pass starts at
 * the earlier of the newest `updated_at` seen and the pass's start less a minute, so a conversation
 * updated while the pass ran is read again by the next one.
 *
 * Messages: the source `conversation:{id}` and each part with words `part:{id}` (a note comes in on the
 * "internal" channel), thread `conversation:{id}`; a user or lead is the customer, an admin or bot
 * the agent.
 *
 * @example
 * await runSync(store, intercomConnector({ baseUrl: "https://api.intercom.io", token }));
 */
import { AttuneError } from "../core/errors.js";
import { bodyText } from "../ingest/public.js";
import { HelpdeskHttp, type HelpdeskHttpOptions } from "./http-client.js";
import { authorOf, channelOf, hostOf, isoTime, subjectOf } from "./pull-connector.js";
import type { PulledMessage, PullConnector, PullPage } from "./pull-connector.js";

export interface IntercomOptions {
  baseUrl: string;
  token: string;
  /** The `Intercom-Version` header (default 2.11). */
  version?: string;
  /** Unix seconds to start the first sync from (default 0: everything). */
  since?: number;
  perMinute?: number;
  http?: Partial<HelpdeskHttpOptions>;
  /** The clock (Unix seconds) for a pass's start; tests inject it. */
  nowSeconds?: () => number;
}

interface IAuthor {
  type?: string;
  id?: string | number;
  name?: string | null;
  email?: string | null;
}

interface IPart {
  id: string | number;
  part_type?: string;
  body?: string | null;
  created_at?: number;
  author?: IAuthor | null;
}

interface IConversation {
  id: string | number;
  created_at?: number;
  updated_at?: number;
  source?: { type?: string; id?: string | number; subject?: string | null; body?: string | null; author?: IAuthor | null } | null;
  conversation_parts?: { conversation_parts?: IPart[] } | null;
}

interface SearchAnswer {
  conversations?: IConversation[];
  pages?: { next?: { starting_after?: string } | null } | null;
}

interface Cursor {
  /** The pass's query: conversations updated after this (Unix seconds). */
  since: number;
  /** Where the unfinished pass resumes; null between passes. */
  starting_after: string | null;
  pass_started: number;
  newest_seen: number;
}

export function intercomConnector(opts: IntercomOptions): PullConnector {
  const http = new HelpdeskHttp({
    baseUrl: opts.baseUrl,
    headers: { authorization: `Bearer ${opts.token}`, "intercom-version": opts.version ?? "2.11" },
    perMinute: opts.perMinute ?? 1_000,
    ...opts.http,
  });
  const now = opts.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  return {
    name: `intercom:${hostOf(opts.baseUrl)}`,
    kind: "intercom",
    async *pages(saved: string | null): AsyncGenerator<PullPage> {
      const prior = saved ? (JSON.parse(saved) as Cursor) : null;
      let cursor: Cursor =
        prior?.starting_after != null
          ? prior
          : { since: prior?.since ?? opts.since ?? 0, starting_after: null, pass_started: now(), newest_seen: prior?.since ?? 0 };
      for (;;) {
        const answer = await http.json<SearchAnswer>("POST", "/conversations/search", searchBody(cursor), {}, true);
        if (!Array.isArray(answer.conversations))
          throw new AttuneError("connector.bad_response", { vendor: "intercom", field: "conversations" });
        const messages: PulledMessage[] = [];
        let newest = cursor.newest_seen;
        for (const listed of answer.conversations) {
          const full = await http.json<IConversation>(
            "GET",
            `/conversations/${encodeURIComponent(String(listed.id))}?display_as=plaintext`,
          );
          messages.push(...conversationMessages(full));
          newest = Math.max(newest, full.updated_at ?? listed.updated_at ?? 0);
        }
        const next = answer.pages?.next?.starting_after ?? null;
        cursor = next
          ? { ...cursor, starting_after: next, newest_seen: newest }
          : {
              since: Math.min(newest, cursor.pass_started - 60),
              starting_after: null,
              pass_started: cursor.pass_started,
              newest_seen: newest,
            };
        yield { messages, cursor: JSON.stringify(cursor), threads: answer.conversations.length };
        if (!next) return;
      }
    },
  };
}

function searchBody(cursor: Cursor): unknown {
  // Intercom's search has ">" but no ">=": one second earlier keeps conversations updated at `since` itself.
  return {
    query: { field: "updated_at", operator: ">", value: Math.max(0, cursor.since - 1) },
    pagination: { per_page: 150, ...(cursor.starting_after ? { starting_after: cursor.starting_after } : {}) },
  };
}

function conversationMessages(c: IConversation): PulledMessage[] {
  const thread = `conversation:${c.id}`;
  const channel = channelOf(c.source?.type ?? "conversation");
  const out: PulledMessage[] = [];
  const first = bodyText(undefined, c.source?.body ?? undefined);
  if (first)
    out.push({
      external_id: thread,
      text: first,
      thread,
      channel,
      ...who(c.source?.author),
      ...at(c.created_at),
      ...subjectOf(c.source?.subject),
    });
  for (const p of c.conversation_parts?.conversation_parts ?? []) {
    const text = bodyText(undefined, p.body ?? undefined);
    if (!text) continue; // assignments, state changes and attachment-only parts have no words
    const partChannel = p.part_type === "note" ? "internal" : channel;
    out.push({ external_id: `part:${p.id}`, text, thread, channel: partChannel, ...who(p.author), ...at(p.created_at) });
  }
  return out.map((m) => ({ ...m, public: m.channel === "social" }));
}

function who(author: IAuthor | null | undefined): Record<string, unknown> {
  const customer = ["user", "lead", "contact"].includes(author?.type ?? "user");
  const id = author?.email || (author?.id != null ? `intercom-${author.type ?? "user"}:${author.id}` : null);
  return { direction: customer ? "customer" : "agent", ...(id ? { author: authorOf(id, author?.name) } : {}) };
}

function at(seconds: number | undefined): Record<string, unknown> {
  const iso = isoTime(seconds);
  return iso ? { sent_at: iso } : {};
}
