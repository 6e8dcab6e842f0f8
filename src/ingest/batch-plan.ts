/**
 * What a batch of good rows becomes in the store, decided without the store: the teams, people and
 * threads it names, its message rows, and then, once the store said which messages were new, each
 * row's outcome (accepted, duplicate, conflict) with the reading-queue and survey rows it adds.
 * The ingestor loads and persists around these (ingestor.ts); tests run them on plain data.
 *
 * @example
 * const rows = messagesOf(batch, ctx, { teamIds, personIds, threadIds, resolved });
 * const { results, queued } = decideOutcomes(batch, rows, inserted, existing, ctx);
 */
import type { Insertable, Selectable } from "kysely";
import type { Channel, Direction } from "../core/labels.js";
import type { MessagesTable, PeopleTable, SurveyAnswersTable, ThreadsTable } from "../store/schema.js";
import { LIMITS } from "./limits.js";
import type { MessageInput } from "./message-input.js";
import { personKey } from "./person-key.js";

export type ItemStatus = "accepted" | "duplicate" | "conflict" | "rejected";

export interface ItemResult {
  row: number;
  external_id?: string;
  status: ItemStatus;
  /** The stored message id (accepted and duplicate). */
  id?: number;
}

/** Extra facts an importer knows about a row beyond the import format (email threading). */
export interface RowExtras {
  /** Message-IDs this message refers to (In-Reply-To, References), nearest first. */
  threadRefs?: string[];
}

/** A validated row waiting for its batch. */
export interface Pending {
  row: number;
  input: MessageInput;
  hash: string;
  extras: RowExtras | undefined;
}

/** What every decision of a batch shares. */
export interface BatchContext {
  workspaceId: number;
  sourceId: number;
  /** The workspace salt that turns author ids into person keys. */
  salt: string;
  /** The instant of receipt. */
  now: number;
  /** Defaults for rows that do not say (CSV flags). */
  defaults?: { channel?: Channel; direction?: Direction } | undefined;
}

/** A message row as ingest inserts it. */
export type NewMessageRow = Omit<Selectable<MessagesTable>, "id">;

/** Where a row's thread comes from: a stored thread id (via a reference), a thread key, or none. */
export type ThreadRef = number | string | null;

/** The instant a message was sent; `now` when the row does not say. */
export function sentAt(input: MessageInput, now: number): number {
  if (input.sent_at === undefined) return now;
  return typeof input.sent_at === "number" ? input.sent_at : Date.parse(input.sent_at);
}

function authorId(input: MessageInput): string | undefined {
  const a = input.author;
  return a === undefined ? undefined : typeof a === "string" ? a : a.id;
}

function teamOf(input: MessageInput): string | undefined {
  return input.team ?? (typeof input.author === "object" ? input.author.team : undefined);
}

function directionOf(input: MessageInput, ctx: BatchContext): Direction {
  return input.direction ?? ctx.defaults?.direction ?? "customer";
}

function channelOf(input: MessageInput, ctx: BatchContext): string {
  return input.channel ?? ctx.defaults?.channel ?? "email";
}

/** The person key of a raw row's author, for the quarantine (erasure finds refused rows by it); null without one. */
export function authorKeyOf(salt: string, raw: unknown): string | null {
  if (!raw || typeof raw !== "object") return null;
  const a = (raw as Record<string, unknown>).author;
  const id = typeof a === "string" ? a : a && typeof a === "object" ? (a as Record<string, unknown>).id : undefined;
  return typeof id === "string" && id.length > 0 && id.length <= LIMITS.shortChars ? personKey(salt, id) : null;
}

/** The team names the batch mentions (on the row or its author). */
export function teamNamesOf(batch: readonly Pending[]): string[] {
  const names = new Set<string>();
  for (const p of batch) {
    const t = teamOf(p.input);
    if (t) names.add(t);
  }
  return [...names];
}

/** One person row per author key; the first row of an author describes them. */
export function peopleOf(batch: readonly Pending[], ctx: BatchContext, teamIds: ReadonlyMap<string, number>): Insertable<PeopleTable>[] {
  const people = new Map<string, Insertable<PeopleTable>>();
  for (const p of batch) {
    const id = authorId(p.input);
    if (id === undefined) continue;
    const key = personKey(ctx.salt, id);
    if (people.has(key)) continue;
    const obj = typeof p.input.author === "object" ? p.input.author : undefined;
    people.set(key, {
      key,
      kind: directionOf(p.input, ctx),
      display_name: obj?.name ?? null,
      email: obj?.email ?? null,
      phone: obj?.phone ?? null,
      audience: obj?.audience ?? null,
      team_id: obj?.team ? (teamIds.get(obj.team) ?? null) : null,
      workspace_id: ctx.workspaceId,
      attributes: null,
      created_at: ctx.now,
    });
  }
  return [...people.values()];
}

/** Every message id the batch's rows refer to (email threading). */
export function referencesOf(batch: readonly Pending[]): string[] {
  const refs = new Set<string>();
  for (const p of batch) for (const r of p.extras?.threadRefs ?? []) refs.add(r);
  return [...refs];
}

/**
 * Each row's thread: the thread of the nearest message it refers to, else its thread key, else
 * none; and one thread row per key, spanning the key's first and last message of the batch.
 */
export function threadsOf(
  batch: readonly Pending[],
  refThread: ReadonlyMap<string, number>,
  ctx: BatchContext,
): { rows: Insertable<ThreadsTable>[]; resolved: Map<Pending, ThreadRef> } {
  const keys = new Map<string, Insertable<ThreadsTable> & { created_at: number; last_message_at: number }>();
  const resolved = new Map<Pending, ThreadRef>();
  for (const p of batch) {
    const viaRef = (p.extras?.threadRefs ?? []).map((r) => refThread.get(r)).find((t) => t !== undefined);
    const key = p.input.thread;
    resolved.set(p, viaRef ?? (key || null));
    if (viaRef !== undefined || !key) continue;
    const at = sentAt(p.input, ctx.now);
    const prev = keys.get(key);
    if (prev) {
      prev.created_at = Math.min(prev.created_at, at);
      prev.last_message_at = Math.max(prev.last_message_at, at);
    } else {
      const subject = p.input.subject ?? null;
      const base = { workspace_id: ctx.workspaceId, source_id: ctx.sourceId, external_id: key, subject };
      keys.set(key, { ...base, channel: channelOf(p.input, ctx), created_at: at, last_message_at: at });
    }
  }
  return { rows: [...keys.values()], resolved };
}

/** The message row of each pending row, pointing at the ids the store gave its team, author and thread. */
export function messagesOf(
  batch: readonly Pending[],
  ctx: BatchContext,
  ids: {
    teamIds: ReadonlyMap<string, number>;
    personIds: ReadonlyMap<string, number>;
    threadIds: ReadonlyMap<string, number>;
    resolved: ReadonlyMap<Pending, ThreadRef>;
  },
): NewMessageRow[] {
  return batch.map((p) => {
    const a = p.input.author;
    const author = authorId(p.input);
    const channel = channelOf(p.input, ctx);
    const t = ids.resolved.get(p);
    const teamName = teamOf(p.input);
    return {
      workspace_id: ctx.workspaceId,
      source_id: ctx.sourceId,
      external_id: p.input.external_id,
      content_hash: p.hash,
      thread_id: typeof t === "number" ? t : typeof t === "string" ? (ids.threadIds.get(t) ?? null) : null,
      person_id: author === undefined ? null : (ids.personIds.get(personKey(ctx.salt, author)) ?? null),
      team_id: teamName ? (ids.teamIds.get(teamName) ?? null) : null,
      direction: directionOf(p.input, ctx),
      channel,
      is_public: (p.input.public ?? ["social", "review", "forum"].includes(channel)) ? 1 : 0,
      audience: p.input.audience ?? (typeof a === "object" ? (a.audience ?? null) : null),
      subject: p.input.subject ?? null,
      text: p.input.text,
      language_hint: p.input.language ?? null,
      sent_at: sentAt(p.input, ctx.now),
      received_at: ctx.now,
    };
  });
}

/** External ids of the batch the insert did not take (already stored, or repeated in the batch). */
export function notInserted(batch: readonly Pending[], inserted: ReadonlyMap<string, number>): string[] {
  return [...new Set(batch.filter((p) => !inserted.has(p.input.external_id)).map((p) => p.input.external_id))];
}

/** What the batch comes to, row by row, and what it adds besides its messages. */
export interface BatchOutcome {
  results: ItemResult[];
  /** New message ids, for the reading queue. */
  queued: number[];
  surveys: Insertable<SurveyAnswersTable>[];
  /** Rows whose external id is stored with other content: quarantined as `store.conflict`. */
  conflicts: Pending[];
}

/**
 * Each row's outcome. The first row of a new external id is accepted; a row whose external id is
 * stored (before or earlier in the batch) with the same content is a duplicate, with other content
 * a conflict. `rows[i]` is the message row of `batch[i]`.
 */
export function decideOutcomes(
  batch: readonly Pending[],
  rows: readonly NewMessageRow[],
  inserted: ReadonlyMap<string, number>,
  existing: ReadonlyMap<string, { id: number; hash: string }>,
  ctx: Pick<BatchContext, "workspaceId">,
): BatchOutcome {
  const out: BatchOutcome = { results: [], queued: [], surveys: [], conflicts: [] };
  const seen = new Set<string>();
  batch.forEach((p, i) => {
    const ext = p.input.external_id;
    const newId = inserted.get(ext);
    if (newId !== undefined && !seen.has(ext)) {
      seen.add(ext);
      out.results.push({ row: p.row, external_id: ext, status: "accepted", id: newId });
      out.queued.push(newId);
      const row = rows[i]!;
      const survey = p.input.survey;
      if (survey) {
        const answer = { kind: survey.kind, score: survey.score, answered_at: row.sent_at };
        out.surveys.push({
          workspace_id: ctx.workspaceId,
          person_id: row.person_id,
          thread_id: row.thread_id,
          message_id: newId,
          ...answer,
        });
      }
      return;
    }
    const prior = newId !== undefined ? { id: newId, hash: batch.find((q) => q.input.external_id === ext)!.hash } : existing.get(ext);
    if (prior && prior.hash === p.hash) out.results.push({ row: p.row, external_id: ext, status: "duplicate", id: prior.id });
    else {
      out.results.push({ row: p.row, external_id: ext, status: "conflict" });
      out.conflicts.push(p);
    }
  });
  return out;
}
