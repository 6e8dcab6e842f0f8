/**
 * Erasure of a person (GDPR art. 17): their messages and, by cascade, the readings, labels, queue
 * entries and survey answers derived from them; for a customer also the agent replies in their
 * threads (written to them, about them) and the threads; quarantined rows they wrote;
 * their contact data. The audit log records that an erasure happened and by whom, not whom it
 * concerned or what was removed. On SQLite, secure_delete zeroes the freed pages and the WAL is
 * checkpointed so no copy lingers in it.
 *
 * @example
 * const erased = await erasePerson(store, { workspaceId: 1, personId: 42, actor: { kind: "key", id: 1 } });
 */
import { randomUUID } from "node:crypto";
import { audit, type Actor } from "./audit-log.js";
import type { Store } from "./open-store.js";
import { withWriteTransaction } from "./write-transaction.js";

export async function erasePerson(store: Store, e: { workspaceId: number; personId: number; actor: Actor }): Promise<boolean> {
  const done = await withWriteTransaction(store, async (trx) => {
    const person = await trx.selectFrom("people").select(["id", "key", "kind"]).where("id", "=", e.personId).where("workspace_id", "=", e.workspaceId).executeTakeFirst();
    if (!person) return false;
    const threads = (
      await trx.selectFrom("messages").select("thread_id").distinct().where("person_id", "=", person.id).where("thread_id", "is not", null).execute()
    ).map((r) => r.thread_id as number);
    // Messages first (readings, labels, queue rows and survey answers cascade from them).
    await trx.deleteFrom("survey_answers").where("person_id", "=", person.id).execute();
    await trx.deleteFrom("messages").where("person_id", "=", person.id).execute();
    for (let i = 0; i < threads.length; i += 500) {
      const chunk = threads.slice(i, i + 500);
      if (person.kind === "customer") await trx.deleteFrom("messages").where("thread_id", "in", chunk).execute();
      await trx
        .deleteFrom("threads")
        .where("id", "in", chunk)
        .where((eb) => eb.not(eb.exists(eb.selectFrom("messages").select("messages.id").whereRef("messages.thread_id", "=", "threads.id"))))
        .execute();
    }
    await trx.deleteFrom("quarantine").where("workspace_id", "=", e.workspaceId).where("author_key", "=", person.key).execute();
    await trx.deleteFrom("people").where("id", "=", person.id).execute();
    await audit(trx, { workspaceId: e.workspaceId, actor: e.actor, action: "person.erased", target: { kind: "erasure", id: randomUUID() } });
    return true;
  });
  if (done) await store.checkpoint();
  return done;
}
