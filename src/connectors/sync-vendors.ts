/**
 * The connectors `attune sync` knows, each with its own flags and a builder from the parsed flags;
 * the settings page's stored connectors (stored-connector.ts) are built by the same code. IMAP's
 * settings are `imapOptions`.
 * Secrets come from the environment variable a flag names (`--token-env VAR`), never from argv, where
 * every user of the machine could read them in the process list.
 *
 * @example
 * const vendor = SYNC_VENDORS.zendesk; const connector = vendor.build(values, namedVariable);
 */
import { AttuneError } from "../core/errors.js";
import { freshdeskConnector } from "./freshdesk.js";
import { intercomConnector } from "./intercom.js";
import { freshdeskReplies } from "./freshdesk-reply.js";
import { intercomReplies } from "./intercom-reply.js";
import type { ImapOptions } from "./imap-sync.js";
import type { PullConnector } from "./pull-connector.js";
import type { ReplyPoster } from "./reply-out.js";
import { zendeskConnector } from "./zendesk.js";
import { zendeskReplies } from "./zendesk-reply.js";

export type FlagValues = Record<string, string | boolean | undefined>;

export interface SyncVendor {
  flags: Record<string, { type: "string" | "boolean" }>;
  usage: string;
  build(values: FlagValues, env: (name: string) => string | undefined): PullConnector;
  /** Posts approved replies back; undefined when the flags do not allow it (Intercom without --admin-id). */
  replies(values: FlagValues, env: (name: string) => string | undefined): ReplyPoster | undefined;
}

/** The value of a required string flag, or a `cli.usage` error naming it. */
export function required(values: FlagValues, flag: string): string {
  const v = values[flag];
  if (typeof v !== "string" || v === "") throw new AttuneError("cli.usage", { flag: `--${flag}`, reason: "required" });
  return v;
}

/** The secret held by the environment variable that `flag` names; its value never appears in errors. */
export function secretFromEnv(values: FlagValues, flag: string, env: (name: string) => string | undefined): string {
  const name = required(values, flag);
  const secret = env(name);
  if (!secret) throw new AttuneError("connector.secret_missing", { flag: `--${flag}`, variable: name });
  return secret;
}

function httpUrl(values: FlagValues, flag: string, fallback?: string): string {
  const raw = (values[flag] as string | undefined) ?? fallback;
  if (!raw) return required(values, flag);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AttuneError("cli.usage", { flag: `--${flag}`, reason: "not a URL" });
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new AttuneError("cli.usage", { flag: `--${flag}`, reason: "http(s) only" });
  return url.origin;
}

function perMinute(values: FlagValues): number | undefined {
  const raw = values["requests-per-minute"] as string | undefined;
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new AttuneError("cli.usage", { flag: "--requests-per-minute", reason: "a positive integer" });
  return n;
}

/** `--since` as Unix seconds (ISO 8601 accepted); undefined exports everything. */
export function sinceSeconds(values: FlagValues): number | undefined {
  const raw = values.since as string | undefined;
  if (raw === undefined) return undefined;
  const ms = /^\d+$/.test(raw) ? Number(raw) * 1000 : Date.parse(raw);
  if (Number.isNaN(ms)) throw new AttuneError("cli.usage", { flag: "--since", reason: "ISO 8601 time or Unix seconds" });
  return Math.floor(ms / 1000);
}

const str = { type: "string" } as const;

export const SYNC_VENDORS: Record<string, SyncVendor> = {
  zendesk: {
    flags: { url: str, email: str, "token-env": str },
    usage: "zendesk --url https://ACCOUNT.zendesk.com --email AGENT_EMAIL --token-env VAR",
    build: (v, env) =>
      zendeskConnector({
        baseUrl: httpUrl(v, "url"),
        email: required(v, "email"),
        token: secretFromEnv(v, "token-env", env),
        ...optional("startTime", sinceSeconds(v)),
        ...optional("perMinute", perMinute(v)),
        ...(perMinute(v) ? { http: { perMinute: perMinute(v)! } } : {}),
      }),
    replies: (v, env) =>
      zendeskReplies({ baseUrl: httpUrl(v, "url"), email: required(v, "email"), token: secretFromEnv(v, "token-env", env) }),
  },
  freshdesk: {
    flags: { url: str, "api-key-env": str },
    usage: "freshdesk --url https://DOMAIN.freshdesk.com --api-key-env VAR",
    build: (v, env) =>
      freshdeskConnector({
        baseUrl: httpUrl(v, "url"),
        apiKey: secretFromEnv(v, "api-key-env", env),
        ...optional("since", sinceSeconds(v)),
        ...optional("perMinute", perMinute(v)),
      }),
    replies: (v, env) => freshdeskReplies({ baseUrl: httpUrl(v, "url"), apiKey: secretFromEnv(v, "api-key-env", env) }),
  },
  intercom: {
    flags: { url: str, "token-env": str, "intercom-version": str, "admin-id": str },
    usage:
      "intercom [--url https://api.intercom.io] --token-env VAR [--intercom-version 2.11] [--admin-id ID (replies are sent as this admin)]",
    build: (v, env) =>
      intercomConnector({
        baseUrl: httpUrl(v, "url", "https://api.intercom.io"),
        token: secretFromEnv(v, "token-env", env),
        ...optional("version", v["intercom-version"] as string | undefined),
        ...optional("since", sinceSeconds(v)),
        ...optional("perMinute", perMinute(v)),
      }),
    replies: (v, env) =>
      typeof v["admin-id"] === "string"
        ? intercomReplies({
            baseUrl: httpUrl(v, "url", "https://api.intercom.io"),
            token: secretFromEnv(v, "token-env", env),
            adminId: v["admin-id"],
            ...optional("version", v["intercom-version"] as string | undefined),
          })
        : undefined,
  },
};

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/**
 * IMAP connection settings from the flags; a `cli.usage` or `connector.secret_missing` error when
 * incomplete. `env` reads the variable `--password-env` names (serve passes the stored secret).
 */
export function imapOptions(v: FlagValues, env: (name: string) => string | undefined): ImapOptions {
  const host = required(v, "host");
  const user = required(v, "user");
  const password = secretFromEnv(v, "password-env", env);
  const port = Number(v.port ?? (v.plain ? 143 : 993));
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new AttuneError("cli.usage", { flag: "--port", reason: "1..65535" });
  return {
    host,
    port,
    secure: !v.plain,
    user,
    password,
    mailbox: (v.mailbox as string | undefined) ?? "INBOX",
    source: (v.source as string | undefined) ?? "imap",
    agentAddresses: (v["agent-address"] as unknown as string[] | undefined) ?? [],
  };
}
