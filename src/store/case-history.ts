/**
 * What happened to a case: its events (never customer text), internal notes, goodwill given and the
 * agent replies checked for empathy; appended, never changed.
 *
 * @example
 * await addCaseEvents(trx, [{ case_id: 7, at: now, kind: "opened", actor_kind: "system", actor_id: null, details: "{}" }]);
 */
import type { Insertable, Kysely } from "kysely";
import { chunks } from "./chunks.js";
import type { CaseEventsTable, CaseGoodwillTable, CaseNotesTable, CaseRepliesTable, Database } from "./schema.js";

type Db = Kysely<Database>;

/** Appends events to cases' histories. */
export async function addCaseEvents(db: Db, events: readonly Insertable<CaseEventsTable>[]): Promise<void> {
  for (const chunk of chunks(events, 200)) await db.insertInto("case_events").values(chunk).execute();
}

/** Stores checked replies; a message already checked keeps its first check. */
export async function addCaseReplies(db: Db, replies: readonly Insertable<CaseRepliesTable>[]): Promise<void> {
  for (const chunk of chunks(replies, 200)) {
    await db
      .insertInto("case_replies")
      .values(chunk)
      .onConflict((oc) => oc.column("message_id").doNothing())
      .execute();
  }
}

/** Stores an internal note; returns its id. */
export async function addCaseNote(db: Db, note: Insertable<CaseNotesTable>): Promise<number> {
  return (await db.insertInto("case_notes").values(note).returning("id").executeTakeFirstOrThrow()).id;
}

/** Records goodwill given; returns its id. */
export async function addCaseGoodwill(db: Db, g: Insertable<CaseGoodwillTable>): Promise<number> {
  return (await db.insertInto("case_goodwill").values(g).returning("id").executeTakeFirstOrThrow()).id;
}

/** A case's checked replies, notes, goodwill, events (the first 500) and alerts, oldest first. */
export async function caseHistory(db: Db, caseId: number) {
  const [replies, notes, goodwill, events, alerts] = await Promise.all([
    db
      .selectFrom("case_replies")
      .select(["message_id", "answers_message_id", "checked_at", "score", "criteria"])
      .where("case_id", "=", caseId)
      .orderBy("checked_at")
      .execute(),
    db
      .selectFrom("case_notes")
      .select(["id", "at", "author_kind", "author_id", "text"])
      .where("case_id", "=", caseId)
      .orderBy("at")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("case_goodwill")
      .select(["id", "at", "amount", "currency", "kind", "note"])
      .where("case_id", "=", caseId)
      .orderBy("at")
      .execute(),
    db
      .selectFrom("case_events")
      .select(["at", "kind", "actor_kind", "actor_id", "details"])
      .where("case_id", "=", caseId)
      .orderBy("at")
      .orderBy("id")
      .limit(500)
      .execute(),
    db
      .selectFrom("alerts")
      .select(["id", "kind", "severity", "summary", "created_at"])
      .where("case_id", "=", caseId)
      .orderBy("created_at")
      .execute(),
  ]);
  return { replies, notes, goodwill, events, alerts };
}
