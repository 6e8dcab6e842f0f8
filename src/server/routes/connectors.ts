/**
 * Connectors set up by an admin (issue 16 item 6): Zendesk, Freshdesk, Intercom and IMAP settings
 * kept in the database, the secret sealed with ATTUNE_SECRET_KEY and never sent back (`secret_set`
 * says whether one is stored). `POST /connectors/{id}/sync` runs one pass now; `serve` runs the
 * enabled ones on their interval (connectors/connector-runner.ts).
 *
 * @example
 * curl -s -X POST localhost:3000/api/v1/connectors -H "authorization: Bearer $ADMIN_KEY" -H 'content-type: application/json' \
 *   -d '{"kind":"zendesk","name":"acme","settings":{"url":"https://acme.zendesk.com","email":"ops@acme.com"},"secret":"…"}'
 */
import { z } from "zod";
import { AttuneError } from "../../core/errors.js";
import { checkSettings, runAndRecord } from "../../connectors/stored-connector.js";
import { audit } from "../../store/audit-log.js";
import {
  CONNECTOR_KINDS,
  createConnector,
  deleteConnector,
  getConnector,
  listConnectors,
  updateConnector,
  type ConnectorInput,
  type ConnectorRow,
} from "../../store/connectors.js";
import { notFound } from "../error-response.js";
import { defineRoute } from "../route.js";
import { actor } from "./admin.js";
import { IdParams, iso } from "../schemas.js";

const text = z.string().min(1).max(2000).optional();
/** The `attune sync` flags, without dashes, that a stored connector may set; never a secret or a `*-env` flag. */
const Settings = z
  .object({
    url: text,
    email: text,
    "intercom-version": text,
    "admin-id": text,
    host: text,
    port: z.union([z.number().int(), z.string().max(5)]).optional(),
    user: text,
    mailbox: text,
    source: text,
    plain: z.boolean().optional(),
    "requests-per-minute": z.union([z.number().int(), z.string().max(9)]).optional(),
    since: text,
    "agent-address": text,
    "smtp-host": text,
    "smtp-port": z.union([z.number().int(), z.string().max(5)]).optional(),
    "smtp-user": text,
    "smtp-tls": z.boolean().optional(),
    "sent-mailbox": text,
    "provider-files-sent": z.boolean().optional(),
  })
  .strict()
  .describe(
    "The `attune sync` flags of the kind without the dashes (url, email, host, user, port, mailbox, smtp-host…); never the secret. IMAP: `agent-address` takes several addresses (comma between); SMTP logs in as `smtp-user` with the mailbox's secret.",
  );

const ConnectorBody = z
  .object({
    kind: z.enum(CONNECTOR_KINDS),
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._ -]{0,63}$/),
    settings: Settings,
    secret: z
      .string()
      .min(1)
      .max(4096)
      .nullable()
      .optional()
      .describe("API token or password; omitted on update keeps the stored one, null removes it."),
    interval_seconds: z.number().int().min(30).max(86_400).default(300),
    enabled: z.boolean().default(true),
  })
  .strict();
type Body = z.infer<typeof ConnectorBody>;

const Counts = z.object({ accepted: z.number(), duplicates: z.number(), conflicts: z.number(), rejected: z.number() });
const Shown = z.object({
  id: z.number(),
  kind: z.enum(CONNECTOR_KINDS),
  name: z.string(),
  settings: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  secret_set: z.boolean(),
  interval_seconds: z.number(),
  enabled: z.boolean(),
  created_at: z.string().nullable(),
  updated_at: z.string().nullable(),
  last_run: z
    .object({
      at: z.string().nullable(),
      counts: Counts.nullable(),
      error_code: z.string().nullable().describe("The failed pass's error code (connector.auth, connector.unreachable…)."),
    })
    .nullable()
    .describe("How the last pass (scheduled or run now) ended; null before the first."),
});

const shown = (r: ConnectorRow) => ({
  ...r,
  created_at: iso(r.created_at),
  updated_at: iso(r.updated_at),
  last_run: r.last_run && { ...r.last_run, at: iso(r.last_run.at) },
});

function inputOf(body: Body): ConnectorInput {
  const settings = Object.fromEntries(Object.entries(body.settings).filter(([, v]) => v !== undefined)) as ConnectorInput["settings"];
  const input = { kind: body.kind, name: body.name, settings, intervalSeconds: body.interval_seconds, enabled: body.enabled };
  checkSettings(input);
  return body.secret === undefined ? input : { ...input, secret: body.secret };
}

async function nameFree(
  deps: { store: { db: Parameters<typeof listConnectors>[0] } },
  ws: number,
  name: string,
  id?: number,
): Promise<void> {
  const taken = (await listConnectors(deps.store.db, ws)).some((c) => c.name === name && c.id !== id);
  if (taken) throw new AttuneError("store.conflict", { resource: "connector", field: "name" });
}

const base = { tags: ["connectors"], scope: "admin" as const };

export const connectorRoutes = [
  defineRoute({
    ...base,
    method: "get",
    path: "/connectors",
    summary: "List connectors (never their secrets)",
    responses: { 200: { description: "Connectors", schema: z.object({ items: z.array(Shown) }) } },
    async handler({ c, principal, deps }) {
      return c.json({ items: (await listConnectors(deps.store.db, principal.workspaceId)).map(shown) });
    },
  }),
  defineRoute({
    ...base,
    method: "post",
    path: "/connectors",
    summary: "Create a connector (its secret is stored encrypted)",
    body: ConnectorBody,
    responses: {
      201: { description: "Created", schema: Shown },
      409: { description: "Name taken" },
      503: { description: "ATTUNE_SECRET_KEY not set" },
    },
    async handler({ c, body, principal, deps }) {
      const input = inputOf(body);
      await nameFree(deps, principal.workspaceId, body.name);
      const id = await createConnector(deps.store.db, deps.secretKey, principal.workspaceId, input);
      await audit(deps.store.db, {
        workspaceId: principal.workspaceId,
        actor: actor(principal),
        action: "connector.created",
        target: { kind: "connector", id: String(id) },
        details: { kind: body.kind },
      });
      return c.json(shown((await getConnector(deps.store.db, principal.workspaceId, id))!), 201);
    },
  }),
  defineRoute({
    ...base,
    method: "put",
    path: "/connectors/:id",
    summary: "Replace a connector's settings (omit `secret` to keep the stored one)",
    params: IdParams,
    body: ConnectorBody,
    responses: { 200: { description: "Updated", schema: Shown }, 404: { description: "Not found" }, 409: { description: "Name taken" } },
    async handler({ c, body, params, principal, deps }) {
      const input = inputOf(body);
      await nameFree(deps, principal.workspaceId, body.name, params.id);
      if (!(await updateConnector(deps.store.db, deps.secretKey, principal.workspaceId, params.id, input))) notFound("connector");
      await audit(deps.store.db, {
        workspaceId: principal.workspaceId,
        actor: actor(principal),
        action: "connector.updated",
        target: { kind: "connector", id: String(params.id) },
        details: { secret_changed: body.secret !== undefined },
      });
      return c.json(shown((await getConnector(deps.store.db, principal.workspaceId, params.id))!));
    },
  }),
  defineRoute({
    ...base,
    method: "delete",
    path: "/connectors/:id",
    summary: "Delete a connector",
    params: IdParams,
    responses: { 204: { description: "Deleted" }, 404: { description: "Not found" } },
    async handler({ c, params, principal, deps }) {
      if (!(await deleteConnector(deps.store.db, principal.workspaceId, params.id))) notFound("connector");
      await audit(deps.store.db, {
        workspaceId: principal.workspaceId,
        actor: actor(principal),
        action: "connector.deleted",
        target: { kind: "connector", id: String(params.id) },
      });
      return c.body(null, 204);
    },
  }),
  defineRoute({
    ...base,
    method: "post",
    path: "/connectors/:id/sync",
    summary: "Run one pass of a connector now",
    description: "Posts its approved replies, then stores what changed since its cursor; answers the pass's counts.",
    params: IdParams,
    cost: 10,
    responses: { 200: { description: "Counts of the pass", schema: Counts }, 404: { description: "Not found" } },
    async handler({ c, params, principal, deps }) {
      const row = await getConnector(deps.store.db, principal.workspaceId, params.id);
      if (!row) notFound("connector");
      const run = deps.connectorRunner ? deps.connectorRunner.runNow(row) : runAndRecord(deps.store, deps.secretKey, row);
      const { accepted, duplicates, conflicts, rejected } = await run;
      deps.onIngested?.();
      return c.json({ accepted, duplicates, conflicts, rejected });
    },
  }),
];
