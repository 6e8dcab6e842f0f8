/**
 * Administration: API keys (created with a role and optional narrower scopes, shown once,
 * revocable), users, sources (with webhook secrets, shown once), the audit log and the quarantine.
 *
 * @example
 * curl -s -X POST localhost:3000/api/v1/keys -H "authorization: Bearer $ADMIN_KEY" -H 'content-type: application/json' \
 *   -d '{"name":"shop sync","role":"agent","scopes":["messages:write"]}'
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { createApiKey, listApiKeys, revokeApiKey } from "../../store/api-keys.js";
import { audit, auditPage } from "../../store/audit-log.js";
import { ensureSource, listSources, setEmployeeTrust, setWebhookSecret } from "../../store/sources.js";
import { ROLES, SCOPES } from "../../store/roles.js";
import { createUser, disableUser, listUsers } from "../../store/users.js";
import type { Principal } from "../auth/principal.js";
import { notFound } from "../error-response.js";
import { defineRoute } from "../route.js";
import { IdParams, idParam, iso } from "../schemas.js";
import { quarantinePage } from "../../store/quarantine.js";

/** The audit actor of a request. */
export const actor = (p: Principal) => ({ kind: p.kind === "key" ? ("key" as const) : ("user" as const), id: p.id });
const Page = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), after: idParam.optional() }).strict();

const NewKey = z
  .object({ name: z.string().min(1).max(100), role: z.enum(ROLES), scopes: z.array(z.enum(SCOPES)).max(SCOPES.length).optional() })
  .strict();
const NewUser = z
  .object({
    email: z.string().email().max(320),
    role: z.enum(ROLES),
    password: z.string().min(12).max(1024).optional(),
    display_name: z.string().max(200).optional(),
  })
  .strict();
const NewSource = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/),
    kind: z.string().min(1).max(32).default("api"),
    webhook: z.boolean().default(false),
    employee_feedback: z
      .boolean()
      .optional()
      .describe("Trust this source for employee feedback: only respondents a trusted source vouches for are counted."),
  })
  .strict();

const isoTime = z.iso.datetime();
const KeyOut = z
  .object({
    id: z.number(),
    name: z.string(),
    prefix: z.string().describe("First characters of the key, to tell keys apart."),
    role: z.string(),
    scopes: z.array(z.string()).describe("Narrower scopes than the role's; empty: the role's."),
    user_id: z.number().nullable(),
    created_at: isoTime,
    last_used_at: isoTime.nullable(),
    revoked_at: isoTime.nullable(),
  })
  .meta({ id: "ApiKey" });
const UserOut = z
  .object({
    id: z.number(),
    email: z.string(),
    display_name: z.string().nullable(),
    role: z.string(),
    created_at: isoTime,
    disabled_at: isoTime.nullable(),
  })
  .meta({ id: "User" });

const SourceOut = z
  .object({
    id: z.number(),
    name: z.string(),
    kind: z.string(),
    webhook: z.boolean().describe("Takes signed webhooks (a secret is set)."),
    employee_feedback: z.boolean(),
    created_at: isoTime,
  })
  .meta({ id: "Source" });
const AuditEntry = z
  .object({
    id: z.number(),
    workspace_id: z.number(),
    at: isoTime,
    actor_kind: z.string(),
    actor_id: z.number().nullable(),
    action: z.string(),
    target_kind: z.string().nullable(),
    target_id: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).nullable().describe("Without personal data."),
  })
  .meta({ id: "AuditEntry" });
const QuarantinedRow = z
  .object({
    id: z.number(),
    source_id: z.number().nullable(),
    received_at: isoTime,
    origin: z.string(),
    row: z.number(),
    field: z.string().nullable(),
    code: z.string().describe("The error code the row was refused with."),
    raw: z.string().nullable().describe("The refused row, truncated."),
  })
  .meta({ id: "QuarantinedRow" });

export const adminRoutes = [
  defineRoute({
    method: "get",
    path: "/keys",
    summary: "List API keys (never the keys themselves)",
    tags: ["admin"],
    scope: "admin",
    responses: { 200: { description: "Keys", schema: z.object({ items: z.array(KeyOut) }) } },
    async handler({ c, principal, deps }) {
      const rows = await listApiKeys(deps.store.db, principal.workspaceId);
      return c.json({
        items: rows.map((r) => ({
          ...r,
          scopes: r.scopes ? r.scopes.split(" ") : [],
          created_at: iso(r.created_at),
          last_used_at: iso(r.last_used_at),
          revoked_at: iso(r.revoked_at),
        })),
      });
    },
  }),
  defineRoute({
    method: "post",
    path: "/keys",
    summary: "Create an API key (the key is shown only in this answer)",
    tags: ["admin"],
    scope: "admin",
    body: NewKey,
    responses: { 201: { description: "Created", schema: z.object({ id: z.number(), key: z.string(), prefix: z.string() }) } },
    async handler({ c, body, principal, deps }) {
      const created = await createApiKey(deps.store.db, {
        workspaceId: principal.workspaceId,
        name: body.name,
        role: body.role,
        ...(body.scopes ? { scopes: body.scopes } : {}),
      });
      await audit(deps.store.db, {
        workspaceId: principal.workspaceId,
        actor: actor(principal),
        action: "key.created",
        target: { kind: "api_key", id: String(created.id) },
        details: { role: body.role },
      });
      return c.json(created, 201);
    },
  }),
  defineRoute({
    method: "delete",
    path: "/keys/:id",
    summary: "Revoke an API key",
    tags: ["admin"],
    scope: "admin",
    params: IdParams,
    responses: { 204: { description: "Revoked" }, 404: { description: "Not found or already revoked" } },
    async handler({ c, params, principal, deps }) {
      if (!(await revokeApiKey(deps.store.db, principal.workspaceId, params.id))) notFound("api_key");
      await audit(deps.store.db, {
        workspaceId: principal.workspaceId,
        actor: actor(principal),
        action: "key.revoked",
        target: { kind: "api_key", id: String(params.id) },
      });
      return c.body(null, 204);
    },
  }),
  defineRoute({
    method: "get",
    path: "/users",
    summary: "List users",
    tags: ["admin"],
    scope: "admin",
    responses: { 200: { description: "Users", schema: z.object({ items: z.array(UserOut) }) } },
    async handler({ c, principal, deps }) {
      const rows = await listUsers(deps.store.db, principal.workspaceId);
      return c.json({ items: rows.map((r) => ({ ...r, created_at: iso(r.created_at), disabled_at: iso(r.disabled_at) })) });
    },
  }),
  defineRoute({
    method: "post",
    path: "/users",
    summary: "Create a user",
    tags: ["admin"],
    scope: "admin",
    body: NewUser,
    responses: { 201: { description: "Created", schema: z.object({ id: z.number() }) }, 409: { description: "Email taken" } },
    async handler({ c, body, principal, deps }) {
      const id = await createUser(deps.store.db, {
        workspaceId: principal.workspaceId,
        email: body.email,
        role: body.role,
        ...(body.password ? { password: body.password } : {}),
        ...(body.display_name ? { displayName: body.display_name } : {}),
      });
      await audit(deps.store.db, {
        workspaceId: principal.workspaceId,
        actor: actor(principal),
        action: "user.created",
        target: { kind: "user", id: String(id) },
        details: { role: body.role },
      });
      return c.json({ id }, 201);
    },
  }),
  defineRoute({
    method: "delete",
    path: "/users/:id",
    summary: "Disable a user (ends sessions, revokes their keys)",
    tags: ["admin"],
    scope: "admin",
    params: IdParams,
    responses: { 204: { description: "Disabled" }, 404: { description: "Not found" } },
    async handler({ c, params, principal, deps }) {
      if (!(await disableUser(deps.store.db, principal.workspaceId, params.id))) notFound("user");
      await audit(deps.store.db, {
        workspaceId: principal.workspaceId,
        actor: actor(principal),
        action: "user.disabled",
        target: { kind: "user", id: String(params.id) },
      });
      return c.body(null, 204);
    },
  }),
  defineRoute({
    method: "get",
    path: "/sources",
    summary: "List sources",
    tags: ["admin"],
    scope: "admin",
    responses: { 200: { description: "Sources", schema: z.object({ items: z.array(SourceOut) }) } },
    async handler({ c, principal, deps }) {
      const rows = await listSources(deps.store, principal.workspaceId);
      return c.json({
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          kind: r.kind,
          webhook: r.webhook_secret !== null,
          employee_feedback: r.employee_feedback === 1,
          created_at: iso(r.created_at),
        })),
      });
    },
  }),
  defineRoute({
    method: "post",
    path: "/sources",
    summary: "Create a source; with webhook=true its signing secret is shown only in this answer",
    tags: ["admin"],
    scope: "admin",
    body: NewSource,
    responses: {
      201: { description: "Created", schema: z.object({ id: z.number(), name: z.string(), webhook_secret: z.string().nullable() }) },
    },
    async handler({ c, body, principal, deps }) {
      const id = await ensureSource(deps.store, principal.workspaceId, body.name, body.kind);
      let secret: string | null = null;
      if (body.webhook) {
        secret = `whsec_${randomBytes(32).toString("base64url")}`;
        await setWebhookSecret(deps.store, id, secret);
      }
      await audit(deps.store.db, {
        workspaceId: principal.workspaceId,
        actor: actor(principal),
        action: body.webhook ? "source.webhook_secret_set" : "source.created",
        target: { kind: "source", id: String(id) },
      });
      if (body.employee_feedback !== undefined) {
        await setEmployeeTrust(deps.store, principal.workspaceId, id, body.employee_feedback);
        await audit(deps.store.db, {
          workspaceId: principal.workspaceId,
          actor: actor(principal),
          action: "source.employee_trust_set",
          target: { kind: "source", id: String(id) },
          details: { trusted: body.employee_feedback },
        });
      }
      return c.json({ id, name: body.name, webhook_secret: secret }, 201);
    },
  }),
  defineRoute({
    method: "get",
    path: "/audit",
    summary: "The audit log, oldest first",
    tags: ["admin"],
    scope: "admin",
    query: Page,
    responses: { 200: { description: "Entries", schema: z.object({ items: z.array(AuditEntry) }) } },
    async handler({ c, query, principal, deps }) {
      const rows = await auditPage(deps.store.db, principal.workspaceId, query);
      return c.json({ items: rows.map((r) => ({ ...r, at: iso(r.at), details: r.details ? JSON.parse(r.details) : null })) });
    },
  }),
  defineRoute({
    method: "get",
    path: "/quarantine",
    summary: "Quarantined rows (rejected or in conflict), with the raw row for inspection",
    tags: ["admin"],
    scope: "admin",
    query: Page,
    responses: { 200: { description: "Rows", schema: z.object({ items: z.array(QuarantinedRow) }) } },
    async handler({ c, query, principal, deps }) {
      const rows = await quarantinePage(deps.store.db, principal.workspaceId, query);
      return c.json({ items: rows.map((r) => ({ ...r, received_at: iso(r.received_at) })) });
    },
  }),
];
