/**
 * The one write path of ingestion. Importers hand it rows (already split and decoded); it validates
 * each against MessageInput, buffers good rows and stores them in batches, one write transaction per
 * batch: people, teams and threads upserted, messages inserted once per (source, external id), the
 * reading queue and survey answers filled. Bad rows are reported and quarantined; good rows are kept.
 *
 * @example
 * const ing = await Ingestor.open(store, { source: "zendesk", origin: "import" });
 * await ing.add(1, { external_id: "z-1", text: "My order never came" });
 * const report = await ing.finish(); // { accepted: 1, duplicates: 0, conflicts: 0, rejected: 0, problems: [] }
 */
import type { Insertable, Kysely } from "kysely";
import type { ErrorCode } from "../core/errors.js";
import type { Channel, Direction } from "../core/labels.js";
import { ensureSource } from "../store/ensure-source.js";
import type { Store } from "../store/open-store.js";
import type { Database, SurveyAnswersTable } from "../store/schema.js";
import { withWriteTransaction } from "../store/write-transaction.js";
import { workspaceSalt } from "../store/workspace-salt.js";
import { contentHash } from "./content-hash.js";
import { employeeRowProblem, isEmployeeRow, NO_EMPLOYEE_WRITES, type EmployeeWritePolicy } from "./employee-policy.js";
import { LIMITS } from "./limits.js";
import { MessageInput } from "./message-input.js";
import { personKey } from "./person-key.js";
import { problemsFromZod, type RowProblem } from "./problems.js";
import { storableCopy, unstorable, unstorableFields } from "./storable-text.js";

export interface IngestCounts {
  accepted: number;
  duplicates: number;
  conflicts: number;
  rejected: number;
}

export interface IngestReport extends IngestCounts {
  /** The first problems (row, field, code); `problems_truncated` tells when more were left out. */
  problems: RowProblem[];
  problems_truncated?: boolean;
}

export type ItemStatus = "accepted" | "duplicate" | "conflict" | "rejected";

export interface ItemResult {
  row: number;
  external_id?: string;
  status: ItemStatus;
  /** The stored message id (accepted and duplicate). */
  id?: number;
}

export interface IngestorOptions {
  workspaceId?: number;
  /** Source name: external ids are unique within it. */
  source: string;
  sourceKind?: string;
  /** Where rows came from, kept with quarantined rows ("import", "http", "webhook"). */
  origin: string;
  /** Defaults for rows that do not say (CSV flags). */
  defaults?: { channel?: Channel; direction?: Direction };
  /** Keep one result per row (HTTP batch answers); off for large imports. */
  collectResults?: boolean;
  /** Rows per write transaction. */
  batchSize?: number;
  /** Who may write employee feedback here (employee-policy.ts); by default nobody. */
  employee?: EmployeeWritePolicy;
  /** The instant of receipt and of the open reporting period (tests inject a clock). */
  now?: () => number;
  /** Called after each stored batch with the counts so far (progress of a long import). */
  onFlush?: (counts: Readonly<IngestCounts>) => void;
}

/** Extra facts an importer knows about a row beyond the import format (email threading). */
export interface RowExtras {
  /** Message-IDs this message refers to (In-Reply-To, References), nearest first. */
  threadRefs?: string[];
}

interface Pending {
  row: number;
  input: MessageInput;
  hash: string;
  extras: RowExtras | undefined;
}

interface Rejected {
  row: number;
  field: string | null;
  code: ErrorCode;
  raw: string | null;
  authorKey: string | null;
}

export class Ingestor {
  readonly counts: IngestCounts = { accepted: 0, duplicates: 0, conflicts: 0, rejected: 0 };
  readonly problems: RowProblem[] = [];
  readonly results: ItemResult[] = [];
  private problemsTruncated = false;
  private pending: Pending[] = [];
  private rejectedRows: Rejected[] = [];

  private constructor(
    private readonly store: Store,
    private readonly opts: IngestorOptions,
    private readonly workspaceId: number,
    private readonly sourceId: number,
    private readonly salt: string,
    private readonly employeeSource: boolean,
  ) {}

  static async open(store: Store, opts: IngestorOptions): Promise<Ingestor> {
    const ws = opts.workspaceId ?? store.workspaceId;
    const sourceId = await ensureSource(store, ws, opts.source, opts.sourceKind ?? opts.origin);
    const source = await store.db.selectFrom("sources").select("employee_feedback").where("id", "=", sourceId).executeTakeFirstOrThrow();
    return new Ingestor(store, opts, ws, sourceId, await workspaceSalt(store, ws), source.employee_feedback === 1);
  }

  private now(): number {
    return this.opts.now?.() ?? Date.now();
  }

  /** Validates one row and queues it; stores a batch when enough are queued. */
  async add(row: number, raw: unknown, extras?: RowExtras): Promise<void> {
    // Refused before anything is stored: the stores would change these strings (issue 11, items 10-11).
    const unstorableProblems = unstorableFields(raw);
    if (unstorableProblems.length > 0) {
      this.reject(
        row,
        unstorableProblems.map((p) => ({ row, ...p })),
        raw,
      );
      return;
    }
    const parsed = MessageInput.safeParse(raw);
    if (!parsed.success) {
      this.reject(row, problemsFromZod(parsed.error, raw, row), raw);
      return;
    }
    if ((parsed.data.direction ?? this.opts.defaults?.direction) === "employee") {
      const now = this.now();
      const problem = employeeRowProblem({
        sentAt: sentAt(parsed.data, now),
        now,
        trustedSource: this.employeeSource,
        policy: this.opts.employee ?? NO_EMPLOYEE_WRITES,
      });
      if (problem) {
        this.reject(row, [{ row, ...problem }], raw);
        return;
      }
    }
    // A reference that could not be stored cannot name a stored message either.
    const refs = extras?.threadRefs?.filter((r) => unstorable(r) === undefined);
    this.pending.push({ row, input: parsed.data, hash: contentHash(parsed.data), extras: refs ? { ...extras, threadRefs: refs } : extras });
    if (this.pending.length >= (this.opts.batchSize ?? 500)) await this.flush();
  }

  /** Records a row that could not even be parsed (bad JSON, bad UTF-8, too long). */
  reject(row: number, problems: RowProblem[], raw?: unknown): void {
    this.counts.rejected += 1;
    for (const p of problems) this.note(p);
    const first = problems[0];
    // Employee text is kept from the quarantine too: an admin reading it would see one person's feedback.
    const rawText =
      raw === undefined || isEmployeeRow(raw, this.opts.defaults?.direction) ? null : typeof raw === "string" ? raw : safeJson(raw);
    this.rejectedRows.push({
      row,
      field: first?.field === undefined ? null : storableCopy(first.field),
      code: first?.code ?? "input.invalid_value",
      raw: rawText === null ? null : storableCopy(rawText.slice(0, LIMITS.quarantineRawChars)),
      authorKey: this.authorKeyOf(raw),
    });
    if (this.opts.collectResults) this.results.push({ row, status: "rejected", ...externalIdOf(raw) });
  }

  /** Stores everything queued. */
  async flush(): Promise<void> {
    const batch = this.pending;
    const rejected = this.rejectedRows;
    this.pending = [];
    this.rejectedRows = [];
    if (batch.length === 0 && rejected.length === 0) return;
    const outcome = await withWriteTransaction(this.store, (trx) => this.write(trx, batch, rejected));
    for (const r of outcome) {
      if (r.status === "accepted") this.counts.accepted += 1;
      else if (r.status === "duplicate") this.counts.duplicates += 1;
      else if (r.status === "conflict") {
        this.counts.conflicts += 1;
        this.note({ row: r.row, field: "external_id", code: "store.conflict" });
      }
      if (this.opts.collectResults) this.results.push(r);
    }
    this.opts.onFlush?.(this.counts);
  }

  /** Stores the rest and returns the report. */
  async finish(): Promise<IngestReport> {
    await this.flush();
    return { ...this.counts, problems: this.problems, ...(this.problemsTruncated ? { problems_truncated: true } : {}) };
  }

  private note(p: RowProblem): void {
    if (this.problems.length < LIMITS.reportedProblems) this.problems.push(p);
    else this.problemsTruncated = true;
  }

  private authorKeyOf(raw: unknown): string | null {
    if (!raw || typeof raw !== "object") return null;
    const a = (raw as Record<string, unknown>).author;
    const id = typeof a === "string" ? a : a && typeof a === "object" ? (a as Record<string, unknown>).id : undefined;
    return typeof id === "string" && id.length > 0 && id.length <= LIMITS.shortChars ? personKey(this.salt, id) : null;
  }

  private async write(trx: Kysely<Database>, batch: Pending[], rejected: Rejected[]): Promise<ItemResult[]> {
    const now = this.now();
    const ws = this.workspaceId;
    const sourceId = this.sourceId;

    // Teams and people first, so messages can point at them.
    const teamNames = new Set<string>();
    for (const p of batch) {
      const t = p.input.team ?? (typeof p.input.author === "object" ? p.input.author.team : undefined);
      if (t) teamNames.add(t);
    }
    const teamIds = new Map<string, number>();
    if (teamNames.size) {
      // Sorted: concurrent batches then lock shared rows in one order (PostgreSQL would deadlock otherwise).
      const names = [...teamNames].sort();
      await trx
        .insertInto("teams")
        .values(names.map((name) => ({ workspace_id: ws, name })))
        .onConflict((oc) => oc.columns(["workspace_id", "name"]).doNothing())
        .execute();
      for (const r of await trx
        .selectFrom("teams")
        .select(["id", "name"])
        .where("workspace_id", "=", ws)
        .where("name", "in", names)
        .execute())
        teamIds.set(r.name, r.id);
    }

    const peopleRows = new Map<
      string,
      {
        key: string;
        kind: "customer" | "employee" | "agent";
        display_name: string | null;
        email: string | null;
        phone: string | null;
        audience: number | null;
        team_id: number | null;
      }
    >();
    for (const p of batch) {
      const a = p.input.author;
      if (a === undefined) continue;
      const id = typeof a === "string" ? a : a.id;
      const key = personKey(this.salt, id);
      if (peopleRows.has(key)) continue;
      const dir = p.input.direction ?? this.opts.defaults?.direction ?? "customer";
      const obj = typeof a === "object" ? a : undefined;
      peopleRows.set(key, {
        key,
        kind: dir,
        display_name: obj?.name ?? null,
        email: obj?.email ?? null,
        phone: obj?.phone ?? null,
        audience: obj?.audience ?? null,
        team_id: obj?.team ? (teamIds.get(obj.team) ?? null) : null,
      });
    }
    const personIds = new Map<string, number>();
    if (peopleRows.size) {
      const rows = [...peopleRows.values()]
        .sort((a, b) => (a.key < b.key ? -1 : 1))
        .map((r) => ({ ...r, workspace_id: ws, attributes: null, created_at: now }));
      for (const chunk of chunks(rows, 200)) {
        const out = await trx
          .insertInto("people")
          .values(chunk)
          .onConflict((oc) =>
            oc.columns(["workspace_id", "key"]).doUpdateSet((eb) => ({
              display_name: eb.fn.coalesce(eb.ref("excluded.display_name"), eb.ref("people.display_name")),
              email: eb.fn.coalesce(eb.ref("excluded.email"), eb.ref("people.email")),
              phone: eb.fn.coalesce(eb.ref("excluded.phone"), eb.ref("people.phone")),
              audience: eb.fn.coalesce(eb.ref("excluded.audience"), eb.ref("people.audience")),
              team_id: eb.fn.coalesce(eb.ref("excluded.team_id"), eb.ref("people.team_id")),
            })),
          )
          .returning(["id", "key"])
          .execute();
        for (const r of out) personIds.set(r.key, r.id);
      }
    }

    // Threads: by key, or (email) by the thread of a message this one refers to.
    const threadIds = new Map<string, number>();
    const refs = new Set<string>();
    for (const p of batch) for (const r of p.extras?.threadRefs ?? []) refs.add(r);
    const refThread = new Map<string, number>();
    if (refs.size) {
      for (const chunk of chunks([...refs], 500)) {
        const rows = await trx
          .selectFrom("messages")
          .select(["external_id", "thread_id"])
          .where("source_id", "=", sourceId)
          .where("external_id", "in", chunk)
          .where("thread_id", "is not", null)
          .execute();
        for (const r of rows) if (r.thread_id !== null) refThread.set(r.external_id, r.thread_id);
      }
    }
    const threadKeys = new Map<string, { subject: string | null; channel: string; first: number; last: number }>();
    const resolvedThread = new Map<Pending, number | string | null>();
    for (const p of batch) {
      const viaRef = (p.extras?.threadRefs ?? []).map((r) => refThread.get(r)).find((t) => t !== undefined);
      if (viaRef !== undefined) {
        resolvedThread.set(p, viaRef);
        continue;
      }
      const key = p.input.thread;
      if (!key) {
        resolvedThread.set(p, null);
        continue;
      }
      resolvedThread.set(p, key);
      const at = sentAt(p.input, now);
      const prev = threadKeys.get(key);
      if (!prev)
        threadKeys.set(key, {
          subject: p.input.subject ?? null,
          channel: p.input.channel ?? this.opts.defaults?.channel ?? "email",
          first: at,
          last: at,
        });
      else {
        prev.first = Math.min(prev.first, at);
        prev.last = Math.max(prev.last, at);
      }
    }
    if (threadKeys.size) {
      const latest = this.store.dialect === "postgres" ? "greatest" : "max";
      const rows = [...threadKeys]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([external_id, v]) => ({
          workspace_id: ws,
          source_id: sourceId,
          external_id,
          subject: v.subject,
          channel: v.channel,
          created_at: v.first,
          last_message_at: v.last,
        }));
      for (const chunk of chunks(rows, 300)) {
        const out = await trx
          .insertInto("threads")
          .values(chunk)
          .onConflict((oc) =>
            oc.columns(["source_id", "external_id"]).doUpdateSet((eb) => ({
              last_message_at: eb.fn<number>(latest, [eb.ref("threads.last_message_at"), eb.ref("excluded.last_message_at")]),
            })),
          )
          .returning(["id", "external_id"])
          .execute();
        for (const r of out) threadIds.set(r.external_id, r.id);
      }
      const missing = [...threadKeys.keys()].filter((k) => !threadIds.has(k));
      for (const chunk of chunks(missing, 500)) {
        for (const r of await trx
          .selectFrom("threads")
          .select(["id", "external_id"])
          .where("source_id", "=", sourceId)
          .where("external_id", "in", chunk)
          .execute())
          threadIds.set(r.external_id, r.id);
      }
    }

    // Messages, once per (source, external id).
    const rows = batch.map((p) => {
      const a = p.input.author;
      const authorId = a === undefined ? undefined : typeof a === "string" ? a : a.id;
      const channel = p.input.channel ?? this.opts.defaults?.channel ?? "email";
      const t = resolvedThread.get(p);
      const teamName = p.input.team ?? (typeof a === "object" ? a.team : undefined);
      return {
        workspace_id: ws,
        source_id: sourceId,
        external_id: p.input.external_id,
        content_hash: p.hash,
        thread_id: typeof t === "number" ? t : typeof t === "string" ? (threadIds.get(t) ?? null) : null,
        person_id: authorId === undefined ? null : (personIds.get(personKey(this.salt, authorId)) ?? null),
        team_id: teamName ? (teamIds.get(teamName) ?? null) : null,
        direction: p.input.direction ?? this.opts.defaults?.direction ?? "customer",
        channel,
        is_public: (p.input.public ?? ["social", "review", "forum"].includes(channel)) ? 1 : 0,
        audience: p.input.audience ?? (typeof a === "object" ? (a.audience ?? null) : null),
        subject: p.input.subject ?? null,
        text: p.input.text,
        language_hint: p.input.language ?? null,
        sent_at: sentAt(p.input, now),
        received_at: now,
      };
    });
    const inserted = new Map<string, number>();
    const ordered = [...rows].sort((a, b) => (a.external_id < b.external_id ? -1 : a.external_id > b.external_id ? 1 : 0));
    for (const chunk of chunks(ordered, 200)) {
      const out = await trx
        .insertInto("messages")
        .values(chunk)
        .onConflict((oc) => oc.columns(["source_id", "external_id"]).doNothing())
        .returning(["id", "external_id"])
        .execute();
      for (const r of out) inserted.set(r.external_id, r.id);
    }
    const others = [...new Set(batch.filter((p) => !inserted.has(p.input.external_id)).map((p) => p.input.external_id))];
    const existing = new Map<string, { id: number; hash: string }>();
    for (const chunk of chunks(others, 500)) {
      for (const r of await trx
        .selectFrom("messages")
        .select(["id", "external_id", "content_hash"])
        .where("source_id", "=", sourceId)
        .where("external_id", "in", chunk)
        .execute()) {
        existing.set(r.external_id, { id: r.id, hash: r.content_hash });
      }
    }

    const results: ItemResult[] = [];
    const seen = new Set<string>();
    const queue: Insertable<Database["reading_queue"]>[] = [];
    const surveys: Insertable<SurveyAnswersTable>[] = [];
    for (let i = 0; i < batch.length; i++) {
      const p = batch[i]!;
      const ext = p.input.external_id;
      const newId = inserted.get(ext);
      if (newId !== undefined && !seen.has(ext)) {
        seen.add(ext);
        results.push({ row: p.row, external_id: ext, status: "accepted", id: newId });
        queue.push({ message_id: newId, enqueued_at: now, claimed_by: null, claimed_until: 0, attempts: 0, failed: 0 });
        if (p.input.survey) {
          const row = rows[i]!;
          surveys.push({
            workspace_id: ws,
            person_id: row.person_id,
            thread_id: row.thread_id,
            message_id: newId,
            kind: p.input.survey.kind,
            score: p.input.survey.score,
            answered_at: row.sent_at,
          });
        }
        continue;
      }
      const prior = newId !== undefined ? { id: newId, hash: batch.find((q) => q.input.external_id === ext)!.hash } : existing.get(ext);
      if (prior && prior.hash === p.hash) results.push({ row: p.row, external_id: ext, status: "duplicate", id: prior.id });
      else {
        results.push({ row: p.row, external_id: ext, status: "conflict" });
        const raw = isEmployeeRow(p.input, this.opts.defaults?.direction) ? null : safeJson(p.input).slice(0, LIMITS.quarantineRawChars);
        rejected.push({ row: p.row, field: "external_id", code: "store.conflict", raw, authorKey: this.authorKeyOf(p.input) });
      }
    }
    for (const chunk of chunks(queue, 500))
      await trx
        .insertInto("reading_queue")
        .values(chunk)
        .onConflict((oc) => oc.column("message_id").doNothing())
        .execute();
    for (const chunk of chunks(surveys, 500)) await trx.insertInto("survey_answers").values(chunk).execute();
    if (rejected.length) {
      const q = rejected.map((r) => ({
        workspace_id: ws,
        source_id: sourceId,
        received_at: now,
        origin: this.opts.origin,
        row: r.row,
        field: r.field,
        code: r.code,
        raw: r.raw,
        author_key: r.authorKey,
      }));
      for (const chunk of chunks(q, 200)) await trx.insertInto("quarantine").values(chunk).execute();
    }
    return results;
  }
}

function sentAt(input: MessageInput, now: number): number {
  if (input.sent_at === undefined) return now;
  return typeof input.sent_at === "number" ? input.sent_at : Date.parse(input.sent_at);
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? "";
  } catch {
    return "";
  }
}

function externalIdOf(raw: unknown): { external_id?: string } {
  if (raw && typeof raw === "object") {
    const e = (raw as Record<string, unknown>).external_id;
    if (typeof e === "string" && e.length <= LIMITS.shortChars) return { external_id: e };
  }
  return {};
}
