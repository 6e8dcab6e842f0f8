/**
 * `attune users create --email E --role ROLE [--name N]` (password read from stdin, never from
 * argv, where other local users could see it), `attune users list`, `attune users disable ID`.
 *
 * @example
 * // echo 'a long passphrase' | attune users create --email lee@example.com --role analyst
 */
import { readConfig, type Config } from "../core/config.js";
import { asAttuneError } from "../core/errors.js";
import { audit } from "../store/audit-log.js";
import { openStore, storeOptionsFrom } from "../store/open-store.js";
import { isRole, ROLES } from "../store/roles.js";
import { createUser, disableUser, listUsers } from "../store/users.js";
import { parseCommand, usageError } from "./parse-command.js";

export const USAGE =
  "attune users create --email EMAIL --role admin|agent|analyst|people_team [--name NAME] [--db PATH]  (asks for the password, 12+ chars; or reads it from stdin)\nattune users list [--db PATH]\nattune users disable ID [--db PATH]";

export async function run(argv: string[], config: Config = readConfig()): Promise<number> {
  const p = parseCommand(
    argv,
    { db: { type: "string" }, email: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
    USAGE,
    true,
  );
  if (typeof p === "number") return p;
  const [action, arg] = p.positionals;
  const v = p.values;
  if (!action || !["create", "list", "disable"].includes(action))
    return usageError(USAGE, { argument: "action", allowed: ["create", "list", "disable"] });
  if (action === "create" && !v.email) return usageError(USAGE, { flag: "--email", reason: "required" });
  if (action === "create" && (!v.role || !isRole(v.role))) return usageError(USAGE, { flag: "--role", allowed: ROLES });
  let password: string | undefined;
  if (action === "create") {
    password = process.stdin.isTTY ? await promptHidden("password (12+ characters): ") : (await readStdin()).replace(/\r?\n$/, "");
    if (password.length < 12) {
      process.stderr.write("attune: the password (on stdin) must have at least 12 characters\n");
      return 2;
    }
  }
  const store = await openStore(storeOptionsFrom({ db: v.db }, config));
  try {
    const ws = store.workspaceId;
    if (action === "create") {
      const id = await createUser(store.db, {
        workspaceId: ws,
        email: v.email!,
        role: v.role as "admin",
        password: password!,
        ...(v.name ? { displayName: v.name } : {}),
      });
      await audit(store.db, {
        workspaceId: ws,
        actor: { kind: "cli", id: null },
        action: "user.created",
        target: { kind: "user", id: String(id) },
        details: { role: v.role! },
      });
      process.stdout.write(JSON.stringify({ id, email: v.email!.toLowerCase(), role: v.role }) + "\n");
      return 0;
    }
    if (action === "list") {
      for (const r of await listUsers(store.db, ws)) {
        const { id, email, role, disabled_at } = r;
        process.stdout.write(JSON.stringify({ id, email, role, disabled_at, disabled: disabled_at !== null }) + "\n");
      }
      return 0;
    }
    const id = Number(arg);
    if (!Number.isInteger(id) || !(await disableUser(store.db, ws, id))) {
      process.stderr.write(
        JSON.stringify({ error: { code: "store.not_found", message: "The record was not found.", details: { resource: "user" } } }) + "\n",
      );
      return 1;
    }
    await audit(store.db, {
      workspaceId: ws,
      actor: { kind: "cli", id: null },
      action: "user.disabled",
      target: { kind: "user", id: String(id) },
    });
    process.stdout.write(JSON.stringify({ id, disabled: true }) + "\n");
    return 0;
  } catch (err) {
    process.stderr.write(JSON.stringify(asAttuneError(err).toJSON()) + "\n");
    return 1;
  } finally {
    await store.close();
  }
}

/** One line typed at the terminal, not echoed (the password of `users create` typed by hand). */
function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  let typed = "";
  return new Promise((resolve) => {
    const done = (value: string) => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write("\n");
      resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n" || ch === "\u0004") return done(typed);
        if (ch === "\u0003") {
          stdin.setRawMode(false);
          process.exit(130);
        }
        typed = ch === "\u007f" || ch === "\b" ? [...typed].slice(0, -1).join("") : typed + ch;
      }
    };
    stdin.on("data", onData);
    stdin.resume();
  });
}

async function readStdin(): Promise<string> {
  const parts: Buffer[] = [];
  let len = 0;
  for await (const chunk of process.stdin) {
    parts.push(chunk as Buffer);
    len += (chunk as Buffer).length;
    if (len > 4096) break;
  }
  return Buffer.concat(parts).toString("utf8");
}
