/**
 * People: customers, employees and agents under pseudonymous keys with optional contact data; a
 * lookup by identifier (for erasure requests); an admin's export of one person's data; and erasure,
 * which removes a person's messages, readings, survey answers and everything derived from them.
 *
 * Employees are internal customers seen only in aggregate: nothing here returns per-person
 * employee data (no employee survey score, no count of their feedback) to any role. Employee
 * records are visible to an admin only (to find the id for an export or an erasure), and the only
 * per-person operations on an employee are that audited export and erasure.
 *
 * @example
 * curl -s "localhost:3000/api/v1/people?identifier=ana@example.com" -H "authorization: Bearer $KEY"
 * curl -X DELETE localhost:3000/api/v1/people/42 -H "authorization: Bearer $ADMIN_KEY"
 */
import { z } from "zod";
import { personKey } from "../../ingest/person-key.js";
import { erasePerson } from "../../store/erase-person.js";
import { exportPerson } from "../../store/export-person.js";
import { listPeople, personActivity, personById } from "../../store/people.js";
import type { PersonRow } from "../../store/schema.js";
import { workspaceSalt } from "../../store/workspace-salt.js";
import { notFound } from "../error-response.js";
import { ReadingOut } from "../reading-schema.js";
import { defineRoute } from "../route.js";
import { IdParams, idParam, iso } from "../schemas.js";

const PeopleQuery = z
  .object({
    kind: z.enum(["customer", "employee", "agent"]).optional(),
    identifier: z
      .string()
      .min(1)
      .max(512)
      .optional()
      .describe("The author id as imported (email, handle); matched through its pseudonymous key."),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    after: idParam.optional().describe("Last id of the previous page."),
  })
  .strict();

const Person = z.object({
  id: z.number(),
  key: z.string(),
  kind: z.string(),
  display_name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  team_id: z.number().nullable(),
  audience: z.number().nullable(),
  created_at: z.string().nullable(),
});

const PersonDetail = Person.extend({
  messages: z.number().describe("Messages they wrote (employee feedback never counted)."),
  last_message_at: z.string().nullable(),
  surveys: z.array(z.object({ kind: z.string(), score: z.number(), answered_at: z.string(), thread_id: z.number().nullable() })),
}).meta({ id: "PersonDetail" });

/** Everything stored about one person (GDPR art. 15 and 20), employee feedback included. */
const PersonExportOut = z
  .object({
    person: Person.omit({ key: true }).extend({ created_at: z.string() }),
    messages: z.array(
      z.object({
        id: z.number(),
        external_id: z.string(),
        direction: z.string(),
        channel: z.string(),
        subject: z.string().nullable(),
        text: z.string(),
        sent_at: z.string(),
        thread_id: z.number().nullable(),
        reading: ReadingOut.nullable(),
      }),
    ),
    surveys: z.array(z.object({ kind: z.string(), score: z.number(), answered_at: z.string(), message_id: z.number().nullable() })),
  })
  .meta({ id: "PersonExport" });

/** The person's record as the API shows it, its time as ISO. */
function present(p: Omit<PersonRow, "workspace_id" | "attributes">) {
  return {
    id: p.id,
    key: p.key,
    kind: p.kind,
    display_name: p.display_name,
    email: p.email,
    phone: p.phone,
    team_id: p.team_id,
    audience: p.audience,
    created_at: iso(p.created_at),
  };
}

export const peopleRoutes = [
  defineRoute({
    method: "get",
    path: "/people",
    summary: "List or look up people",
    tags: ["people"],
    scope: "people:read",
    query: PeopleQuery,
    responses: { 200: { description: "A page", schema: z.object({ items: z.array(Person), next_after: z.number().nullable() }) } },
    async handler({ c, query: q, principal, deps }) {
      const key = q.identifier ? personKey(await workspaceSalt(deps.store, principal.workspaceId), q.identifier) : undefined;
      const rows = await listPeople(deps.store.db, {
        workspaceId: principal.workspaceId,
        withEmployees: principal.scopes.has("admin"),
        kind: q.kind,
        key,
        after: q.after,
        limit: q.limit + 1,
      });
      const more = rows.length > q.limit;
      const items = rows.slice(0, q.limit);
      return c.json({ items: items.map(present), next_after: more ? items[items.length - 1]!.id : null });
    },
  }),
  defineRoute({
    method: "get",
    path: "/people/:id",
    summary: "One person with message and survey counts (never their employee feedback)",
    tags: ["people"],
    scope: "people:read",
    params: IdParams,
    responses: { 200: { description: "The person", schema: PersonDetail }, 404: { description: "Not found" } },
    async handler({ c, params, principal, deps }) {
      const p = await personById(deps.store.db, principal.workspaceId, params.id);
      if (!p || (p.kind === "employee" && !principal.scopes.has("admin"))) notFound("person");
      // A colleague's employee feedback and survey scores stay out of their record for every role.
      const { messages, lastMessageAt, surveys } = await personActivity(deps.store.db, p.id);
      return c.json({
        ...present(p),
        messages,
        last_message_at: iso(lastMessageAt),
        surveys: surveys.map((s) => ({ kind: s.kind, score: s.score, answered_at: iso(s.answered_at), thread_id: s.thread_id })),
      });
    },
  }),
  defineRoute({
    method: "get",
    path: "/people/:id/export",
    summary: "Everything stored about one person (admin only, audited)",
    description:
      "Their record, every message they wrote (employee feedback included) with its Reading, and their survey answers. The only per-person view of an employee; the audit log records who exported whose data.",
    tags: ["people"],
    scope: "admin",
    params: IdParams,
    responses: { 200: { description: "The person's data", schema: PersonExportOut }, 404: { description: "Not found" } },
    async handler({ c, params, principal, deps }) {
      const data = await exportPerson(deps.store, {
        workspaceId: principal.workspaceId,
        personId: params.id,
        actor: { kind: principal.kind === "key" ? "key" : "user", id: principal.id },
      });
      if (!data) notFound("person");
      const { person, messages, surveys } = data;
      return c.json({
        person: { ...person, created_at: iso(person.created_at) },
        messages: messages.map((m) => ({ ...m, sent_at: iso(m.sent_at) })),
        surveys: surveys.map((s) => ({ ...s, answered_at: iso(s.answered_at) })),
      });
    },
  }),
  defineRoute({
    method: "delete",
    path: "/people/:id",
    summary: "Erase a person and everything derived from them",
    description:
      "Removes their messages and the replies sent to them (a thread only they wrote in goes whole; a shared thread keeps everyone else's messages), readings, survey answers, quarantined rows and contact data. The audit log records that an erasure happened, not what it removed.",
    tags: ["people"],
    scope: "people:erase",
    params: IdParams,
    responses: { 204: { description: "Erased" }, 404: { description: "Not found" } },
    async handler({ c, params, principal, deps }) {
      const ok = await erasePerson(deps.store, {
        workspaceId: principal.workspaceId,
        personId: params.id,
        actor: { kind: principal.kind === "key" ? "key" : "user", id: principal.id },
      });
      if (!ok) notFound("person");
      return c.body(null, 204);
    },
  }),
];
