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
import type { Kysely } from "kysely";
import type { ErrorCode } from "../core/errors.js";
import type { Channel, Direction } from "../core/labels.js";
import { ensureSource, trustsEmployeeFeedback } from "../store/sources.js";
import { insertNewMessages, storedMessages, threadsOfMessages } from "../store/messages.js";
import type { Store } from "../store/open-store.js";
import { upsertPeople } from "../store/people.js";
import { quarantineRows } from "../store/quarantine.js";
import { enqueueForReading } from "../store/reading-queue.js";
import type { Database } from "../store/schema.js";
import { insertSurveyAnswers } from "../store/survey-answers.js";
import { upsertTeams } from "../store/teams.js";
import { upsertThreads } from "../store/threads.js";
import { withWriteTransaction } from "../store/write-transaction.js";
import { workspaceSalt } from "../store/workspace-salt.js";
import {
  authorKeyOf,
  decideOutcomes,
  messagesOf,
  notInserted,
  peopleOf,
  referencesOf,
  sentAt,
  teamNamesOf,
  threadsOf,
  type BatchContext,
  type ItemResult,
  type Pending,
  type RowExtras,
} from "./batch-plan.js";
import { contentHash } from "./content-hash.js";
import { employeeRowProblem, isEmployeeRow, NO_EMPLOYEE_WRITES, type EmployeeWritePolicy } from "./employee-policy.js";
import { LIMITS } from "./limits.js";
import { MessageInput } from "./message-input.js";
import { problemsFromZod, type RowProblem } from "./problems.js";
import { storableCopy, unstorable, unstorableFields } from "./storable-text.js";

export type { ItemResult, ItemStatus, RowExtras } from "./batch-plan.js";

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
    return new Ingestor(store, opts, ws, sourceId, await workspaceSalt(store, ws), await trustsEmployeeFeedback(store, sourceId));
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
      authorKey: authorKeyOf(this.salt, raw),
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

  /** The facts every decision about the next batch shares. */
  private context(): BatchContext {
    const ctx = { workspaceId: this.workspaceId, sourceId: this.sourceId, salt: this.salt, now: this.now() };
    return this.opts.defaults ? { ...ctx, defaults: this.opts.defaults } : ctx;
  }

  /** One batch in one transaction: load what it refers to, decide (batch-plan.ts), persist. */
  private async write(trx: Kysely<Database>, batch: Pending[], rejected: Rejected[]): Promise<ItemResult[]> {
    const ctx = this.context();
    // Teams and people first, so messages can point at them.
    const teamIds = await upsertTeams(trx, ctx.workspaceId, teamNamesOf(batch));
    const personIds = await upsertPeople(trx, peopleOf(batch, ctx, teamIds));
    // Threads: by key, or (email) by the thread of a message this one refers to.
    const threads = threadsOf(batch, await threadsOfMessages(trx, ctx.sourceId, referencesOf(batch)), ctx);
    const threadIds = await upsertThreads(trx, this.store.queries, threads.rows);
    // Messages, once per (source, external id).
    const rows = messagesOf(batch, ctx, { teamIds, personIds, threadIds, resolved: threads.resolved });
    const inserted = await insertNewMessages(trx, rows);
    const existing = await storedMessages(trx, ctx.sourceId, notInserted(batch, inserted));
    const outcome = decideOutcomes(batch, rows, inserted, existing, ctx);
    for (const p of outcome.conflicts) rejected.push(this.conflictRow(p));
    await enqueueForReading(trx, outcome.queued, ctx.now);
    await insertSurveyAnswers(trx, outcome.surveys);
    await quarantineRows(
      trx,
      rejected.map((r) => ({
        workspace_id: ctx.workspaceId,
        source_id: ctx.sourceId,
        received_at: ctx.now,
        origin: this.opts.origin,
        row: r.row,
        field: r.field,
        code: r.code,
        raw: r.raw,
        author_key: r.authorKey,
      })),
    );
    return outcome.results;
  }

  /** The quarantine row of a row whose external id is stored with other content. */
  private conflictRow(p: Pending): Rejected {
    // Employee text is kept out of the quarantine (see reject).
    const raw = isEmployeeRow(p.input, this.opts.defaults?.direction) ? null : safeJson(p.input).slice(0, LIMITS.quarantineRawChars);
    return { row: p.row, field: "external_id", code: "store.conflict", raw, authorKey: authorKeyOf(this.salt, p.input) };
  }
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
