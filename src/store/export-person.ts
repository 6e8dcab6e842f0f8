/**
 * A person's own data, whole (GDPR art. 15 and 20): their record, every message they wrote in any
 * direction with its Reading, and their survey answers. This is the one place that returns an
 * employee's feedback message by message, so only an admin calls it, and the call is audited
 * (who exported whose data; not what it held).
 *
 * @example
 * const data = await exportPerson(store, { workspaceId: 1, personId: 42, actor: { kind: "key", id: 1 } });
 */
import { audit, type Actor } from "./audit-log.js";
import type { Store } from "./open-store.js";

export interface PersonExport {
  person: {
    id: number;
    kind: string;
    display_name: string | null;
    email: string | null;
    phone: string | null;
    team_id: number | null;
    audience: number | null;
    created_at: number;
  };
  messages: {
    id: number;
    external_id: string;
    direction: string;
    channel: string;
    subject: string | null;
    text: string;
    sent_at: number;
    thread_id: number | null;
    reading: unknown;
  }[];
  surveys: { kind: string; score: number; answered_at: number; message_id: number | null }[];
}

/** The person's data, or null when there is no such person in the workspace. */
export async function exportPerson(store: Store, e: { workspaceId: number; personId: number; actor: Actor }): Promise<PersonExport | null> {
  const db = store.db;
  const person = await db
    .selectFrom("people")
    .select(["id", "kind", "display_name", "email", "phone", "team_id", "audience", "created_at"])
    .where("id", "=", e.personId)
    .where("workspace_id", "=", e.workspaceId)
    .executeTakeFirst();
  if (!person) return null;
  const messages = await db
    .selectFrom("messages as m")
    .leftJoin("readings as r", "r.message_id", "m.id")
    .select(["m.id", "m.external_id", "m.direction", "m.channel", "m.subject", "m.text", "m.sent_at", "m.thread_id", "r.reading"])
    .where("m.person_id", "=", person.id)
    .orderBy("m.sent_at")
    .orderBy("m.id")
    .execute();
  const surveys = await db
    .selectFrom("survey_answers")
    .select(["kind", "score", "answered_at", "message_id"])
    .where("person_id", "=", person.id)
    .orderBy("answered_at")
    .execute();
  await audit(db, {
    workspaceId: e.workspaceId,
    actor: e.actor,
    action: "person.exported",
    target: { kind: "person", id: String(person.id) },
  });
  return { person, messages: messages.map((m) => ({ ...m, reading: m.reading ? (JSON.parse(m.reading) as unknown) : null })), surveys };
}
