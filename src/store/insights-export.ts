/**
 * The messages of a window for export, a page at a time in (sent_at, id) order (keyset pages on
 * the `messages_ws_sent` index, so memory stays one page however long the window), each with its
 * Reading, survey answer and case. Employee feedback is never exported message by message.
 *
 * @example
 * for await (const page of exportPages(store, { workspaceId: 1, from, to })) for (const row of page) write(row);
 */
import { sql, type Kysely } from "kysely";
import type { Store } from "./open-store.js";

export interface ExportRow {
  id: number;
  sent_at: number;
  channel: string;
  direction: string;
  text: string;
  thread_id: number | null;
  /** The Reading as stored (JSON), null while unread. */
  reading: string | null;
  language: string | null;
  sentiment: string | null;
  sentiment_score: number | null;
  complaint_severity: number | null;
  survey_kind: string | null;
  survey_score: number | null;
  case_id: number | null;
}

export interface ExportWindow {
  workspaceId: number;
  from?: number;
  to?: number;
  /** Rows per page (default 1,000). */
  pageSize?: number;
}

/** Pages of export rows, oldest first; each page is fetched when the consumer asks for it. */
export async function* exportPages(store: Pick<Store, "db">, w: ExportWindow): AsyncGenerator<ExportRow[]> {
  let after: { sentAt: number; id: number } | null = null;
  const size = w.pageSize ?? 1000;
  for (;;) {
    const page = await messagePage(store, w, after, size);
    if (page.length === 0) return;
    const ids = page.map((m) => m.id);
    const [answers, cases] = await Promise.all([answersOf(store, ids), casesOf(store, page)]);
    yield page.map((m) => {
      const a = answers.get(m.id);
      return { ...m, survey_kind: a?.kind ?? null, survey_score: a?.score ?? null, case_id: cases.get(m.id) ?? null };
    });
    if (page.length < size) return;
    const last = page[page.length - 1]!;
    after = { sentAt: last.sent_at, id: last.id };
  }
}

async function messagePage(store: Pick<Store, "db">, w: ExportWindow, after: { sentAt: number; id: number } | null, size: number) {
  const rows = await store.db
    .selectFrom("messages as m")
    .leftJoin("readings as r", "r.message_id", "m.id")
    .select([
      "m.id",
      "m.sent_at",
      "m.channel",
      "m.direction",
      "m.text",
      "m.thread_id",
      "r.reading",
      "r.language",
      "r.sentiment",
      "r.sentiment_score",
      "r.complaint_severity",
    ])
    .where("m.workspace_id", "=", w.workspaceId)
    .where("m.direction", "<>", "employee")
    .$if(w.from !== undefined, (q) => q.where("m.sent_at", ">=", w.from!))
    .$if(w.to !== undefined, (q) => q.where("m.sent_at", "<", w.to!))
    // A row-value comparison both databases turn into one index range (an OR of two terms may not).
    .$if(after !== null, (q) => q.where(sql<boolean>`(m.sent_at, m.id) > (${after!.sentAt}, ${after!.id})`))
    .orderBy("m.sent_at")
    .orderBy("m.id")
    .limit(size)
    .execute();
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    sent_at: Number(r.sent_at),
    thread_id: r.thread_id === null ? null : Number(r.thread_id),
  }));
}

/** The first survey answer of each message. */
async function answersOf(store: Pick<Store, "db">, ids: number[]): Promise<Map<number, { kind: string; score: number }>> {
  const rows = await store.db
    .selectFrom("survey_answers")
    .select(["message_id", "kind", "score", "id"])
    .where("message_id", "in", ids)
    .orderBy("id")
    .execute();
  const out = new Map<number, { kind: string; score: number }>();
  for (const r of rows) if (!out.has(Number(r.message_id))) out.set(Number(r.message_id), { kind: r.kind, score: Number(r.score) });
  return out;
}

/**
 * The case of each message: of its thread's cases, the first not yet resolved when it was sent
 * (the case it opened or fed), else the thread's latest case.
 */
async function casesOf(
  store: Pick<Store, "db">,
  page: { id: number; sent_at: number; thread_id: number | null }[],
): Promise<Map<number, number>> {
  const threads = [...new Set(page.map((m) => m.thread_id).filter((t): t is number => t !== null))];
  const out = new Map<number, number>();
  if (threads.length === 0) return out;
  const rows = await (store.db as unknown as Kysely<any>)
    .selectFrom("cases")
    .select(["id", "thread_id", "resolved_at"])
    .where("thread_id", "in", threads)
    .orderBy("id")
    .execute();
  const byThread = new Map<number, { id: number; resolved_at: number | null }[]>();
  for (const r of rows) {
    const list = byThread.get(Number(r.thread_id)) ?? [];
    list.push({ id: Number(r.id), resolved_at: r.resolved_at === null ? null : Number(r.resolved_at) });
    byThread.set(Number(r.thread_id), list);
  }
  for (const m of page) {
    const list = m.thread_id === null ? undefined : byThread.get(m.thread_id);
    if (!list?.length) continue;
    const open = list.find((c) => c.resolved_at === null || c.resolved_at >= m.sent_at);
    out.set(m.id, (open ?? list[list.length - 1]!).id);
  }
  return out;
}
