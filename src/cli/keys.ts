/**
 * `attune keys create --role ROLE [--name NAME] [--scopes a,b]`, `attune keys list`,
 * `attune keys revoke ID` (all with --db): API keys from the command line. A created key is
 * printed once and never again.
 *
 * @example
 * await run(["create", "--role", "admin", "--db", "./data/attune.db"]);
 */
import { readConfig, type Config } from "../core/config.js";
import { audit } from "../store/audit-log.js";
import { createApiKey, listApiKeys, revokeApiKey } from "../store/api-keys.js";
import { openStore, storeOptionsFrom } from "../store/open-store.js";
import { isRole, ROLES } from "../store/roles.js";
import { parseCommand, usageError } from "./parse-command.js";

export const USAGE =
  "attune keys create --role admin|agent|analyst|people_team [--name NAME] [--scopes s1,s2] [--db PATH]\nattune keys list [--db PATH]\nattune keys revoke ID [--db PATH]";

export async function run(argv: string[], config: Config = readConfig()): Promise<number> {
  const p = parseCommand(
    argv,
    { db: { type: "string" }, role: { type: "string" }, name: { type: "string" }, scopes: { type: "string" } },
    USAGE,
    true,
  );
  if (typeof p === "number") return p;
  const [action, arg] = p.positionals;
  const v = p.values;
  if (!action || !["create", "list", "revoke"].includes(action))
    return usageError(USAGE, { argument: "action", allowed: ["create", "list", "revoke"] });
  if (action === "create" && (!v.role || !isRole(v.role))) return usageError(USAGE, { flag: "--role", allowed: ROLES });
  const store = await openStore(storeOptionsFrom({ db: v.db }, config));
  try {
    const ws = store.workspaceId;
    if (action === "create") {
      const role = v.role as Parameters<typeof createApiKey>[1]["role"];
      const k = await createApiKey(store.db, {
        workspaceId: ws,
        name: v.name ?? `${role} key`,
        role,
        ...(v.scopes ? { scopes: v.scopes.split(",") } : {}),
      });
      await audit(store.db, {
        workspaceId: ws,
        actor: { kind: "cli", id: null },
        action: "key.created",
        target: { kind: "api_key", id: String(k.id) },
        details: { role },
      });
      process.stdout.write(JSON.stringify({ id: k.id, key: k.key, role }) + "\n");
      return 0;
    }
    if (action === "list") {
      for (const { id, name, prefix, role, scopes, revoked_at } of await listApiKeys(store.db, ws))
        process.stdout.write(JSON.stringify({ id, name, prefix, role, scopes, revoked_at, revoked: revoked_at !== null }) + "\n");
      return 0;
    }
    const id = Number(arg);
    if (!Number.isInteger(id) || !(await revokeApiKey(store.db, ws, id))) {
      process.stderr.write(
        JSON.stringify({ error: { code: "store.not_found", message: "The record was not found.", details: { resource: "api_key" } } }) +
          "\n",
      );
      return 1;
    }
    await audit(store.db, {
      workspaceId: ws,
      actor: { kind: "cli", id: null },
      action: "key.revoked",
      target: { kind: "api_key", id: String(id) },
    });
    process.stdout.write(JSON.stringify({ id, revoked: true }) + "\n");
    return 0;
  } finally {
    await store.close();
  }
}
