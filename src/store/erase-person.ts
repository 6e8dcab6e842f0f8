/**
 * Erasure of a person (GDPR art. 17): exactly their data and what was derived from it, and nothing
 * of anyone else's.
 *
 * - Their messages, and by cascade the readings, labels, queue rows (reading and triage), search
 *   index rows and rollup counts derived from them; their survey answers and quarantined rows;
 *   their contact data.
 * - For a customer, a thread where nobody else wrote goes whole (agent replies included), with its
 *   cases. In a thread shared with other customers only what concerns them goes: their messages and
 *   the agent replies that answered them (the reply a case recorded for their message, else the
 *   customer message the reply followed). The thread's case stays for the others, handed to the
 *   customer who wrote last, without the events that named an erased message.
 * - A case without a thread (its customer's) goes with the replies sent from it, and their readings.
 * - Alerts raised for an erased message (public reach) go; alerts of erased cases go by cascade.
 *
 * The audit log records that an erasure happened and by whom, not whom it concerned or what was
 * removed. On SQLite, secure_delete zeroes the freed pages and the WAL is checkpointed so no copy
 * lingers in it.
 *
 * @example
 * const erased = await erasePerson(store, { workspaceId: 1, personId: 42, actor: { kind: "key", id: 1 } });
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { audit, type Actor } from "./audit-log.js";
import type { Store } from "./open-store.js";
import type { Database } from "./schema.js";
import { withWriteTransaction } from "./write-transaction.js";

type Db = Kysely<Database>;

interface ThreadMessage {
  id: number;
  thread_id: number | null;
  person_id: number | null;
  direction: string;
  sent_at: number;
}

/** What goes: the messages and the threads; and the cases of shared threads, which stay, with the customer each is handed to. */
interface ErasurePlan {
  messages: Set<number>;
  threads: number[];
  keptCases: { id: number; personId: number | null }[];
}

const CHUNK = 500;

export async function erasePerson(store: Store, e: { workspaceId: number; personId: number; actor: Actor }): Promise<boolean> {
  const done = await withWriteTransaction(store, async (trx) => {
    const db = trx;
    const person = await db
      .selectFrom("people")
      .select(["id", "key", "kind"])
      .where("id", "=", e.personId)
      .where("workspace_id", "=", e.workspaceId)
      .executeTakeFirst();
    if (!person) return false;
    const plan = await planErasure(db, person.id, person.kind === "customer");
    await handOverSharedCases(db, plan);
    const messages = [...plan.messages];
    for (let i = 0; i < messages.length; i += CHUNK) {
      const chunk = messages.slice(i, i + CHUNK);
      await db
        .deleteFrom("alerts")
        .where(
          "dedupe_key",
          "in",
          chunk.map((id) => `reach:${id}`),
        )
        .execute();
      await db.deleteFrom("messages").where("id", "in", chunk).execute();
    }
    await db.deleteFrom("survey_answers").where("person_id", "=", person.id).execute();
    for (let i = 0; i < plan.threads.length; i += CHUNK) {
      await db
        .deleteFrom("threads")
        .where("id", "in", plan.threads.slice(i, i + CHUNK))
        .where((eb) => eb.not(eb.exists(eb.selectFrom("messages").select("messages.id").whereRef("messages.thread_id", "=", "threads.id"))))
        .execute();
    }
    await db.deleteFrom("quarantine").where("workspace_id", "=", e.workspaceId).where("author_key", "=", person.key).execute();
    // Their cases that were not handed over (threadless, or in threads gone whole) cascade from here.
    await db.deleteFrom("people").where("id", "=", person.id).execute();
    await audit(trx, {
      workspaceId: e.workspaceId,
      actor: e.actor,
      action: "person.erased",
      target: { kind: "erasure", id: randomUUID() },
    });
    return true;
  });
  if (done) await store.checkpoint();
  return done;
}

async function planErasure(db: Db, personId: number, isCustomer: boolean): Promise<ErasurePlan> {
  const own = await db
    .selectFrom("messages")
    .select(["id", "thread_id", "person_id", "direction", "sent_at"])
    .where("person_id", "=", personId)
    .execute();
  const plan: ErasurePlan = {
    messages: new Set(own.map((m) => m.id)),
    threads: [...new Set(own.map((m) => m.thread_id).filter((t): t is number => t !== null))],
    keptCases: [],
  };
  if (!isCustomer) return plan;
  const answers = await repliesAnswering(db, [...plan.messages]);
  const shared = new Map<number, number | null>(); // thread -> the other customer who wrote last
  for (const [thread, messages] of await threadMessages(db, plan.threads)) {
    const others = messages.filter((m) => m.direction === "customer" && m.person_id !== personId);
    if (others.length === 0) for (const m of messages) plan.messages.add(m.id);
    else {
      shared.set(thread, others[others.length - 1]!.person_id);
      for (const id of repliesTo(messages, plan.messages, answers)) plan.messages.add(id);
    }
  }
  const sharedThreads = [...shared.keys()];
  for (let i = 0; i < sharedThreads.length; i += CHUNK) {
    const rows = await db
      .selectFrom("cases")
      .select(["id", "thread_id", "person_id"])
      .where("thread_id", "in", sharedThreads.slice(i, i + CHUNK))
      .execute();
    for (const c of rows)
      plan.keptCases.push({ id: c.id, personId: c.person_id === personId ? (shared.get(c.thread_id!) ?? null) : c.person_id });
  }
  const kept = new Set(plan.keptCases.map((c) => c.id));
  const cases = await db.selectFrom("cases").select("id").where("person_id", "=", personId).execute();
  // Replies sent from their cases that go (a threadless case's replies have no thread to go with).
  const gone = cases.filter((c) => !kept.has(c.id)).map((c) => c.id);
  for (let i = 0; i < gone.length; i += CHUNK) {
    for (const r of await db
      .selectFrom("case_replies")
      .select("message_id")
      .where("case_id", "in", gone.slice(i, i + CHUNK))
      .execute())
      plan.messages.add(r.message_id);
  }
  for (const id of answers.keys()) plan.messages.add(id);
  return plan;
}

/** Agent replies a case recorded as answering one of `messages`: reply id -> answered message id. */
async function repliesAnswering(db: Db, messages: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (let i = 0; i < messages.length; i += CHUNK) {
    const rows = await db
      .selectFrom("case_replies")
      .select(["message_id", "answers_message_id"])
      .where("answers_message_id", "in", messages.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) out.set(r.message_id, r.answers_message_id!);
  }
  return out;
}

async function threadMessages(db: Db, threads: number[]): Promise<Map<number, ThreadMessage[]>> {
  const out = new Map<number, ThreadMessage[]>();
  for (let i = 0; i < threads.length; i += CHUNK) {
    const rows = await db
      .selectFrom("messages")
      .select(["id", "thread_id", "person_id", "direction", "sent_at"])
      .where("thread_id", "in", threads.slice(i, i + CHUNK))
      .orderBy("sent_at")
      .orderBy("id")
      .execute();
    for (const m of rows) out.set(m.thread_id!, [...(out.get(m.thread_id!) ?? []), m]);
  }
  return out;
}

/**
 * Agent messages of a shared thread that answered an erased message: the one a case recorded, else
 * (a reply not sent through a case) the customer message it followed.
 */
function repliesTo(messages: ThreadMessage[], erased: Set<number>, answers: Map<number, number>): number[] {
  const out: number[] = [];
  let lastCustomer: number | undefined;
  for (const m of messages) {
    if (m.direction === "customer") lastCustomer = m.id;
    else if (m.direction === "agent") {
      const answered = answers.get(m.id) ?? lastCustomer;
      if (answered !== undefined && erased.has(answered)) out.push(m.id);
    }
  }
  return out;
}

/**
 * A shared thread's cases stay for the others: one that was the erased customer's is handed to the
 * customer who wrote last, and no case keeps an event naming an erased message.
 */
async function handOverSharedCases(db: Db, plan: ErasurePlan): Promise<void> {
  for (const c of plan.keptCases) {
    await db.updateTable("cases").set({ person_id: c.personId }).where("id", "=", c.id).execute();
    const events = await db.selectFrom("case_events").select(["id", "details"]).where("case_id", "=", c.id).execute();
    const naming = events.filter((ev) => namesErased(ev.details, plan.messages)).map((ev) => ev.id);
    for (let i = 0; i < naming.length; i += CHUNK)
      await db
        .deleteFrom("case_events")
        .where("id", "in", naming.slice(i, i + CHUNK))
        .execute();
  }
}

function namesErased(details: string | null, erased: Set<number>): boolean {
  if (!details) return false;
  const d = JSON.parse(details) as { message_id?: unknown };
  return typeof d.message_id === "number" && erased.has(d.message_id);
}
