/**
 * The one place attune reads its environment: every variable once, typed and checked, into a
 * `Config` that entry points (`attune <command>`) hand down. Nothing else in `src` reads
 * `process.env` (config.test.ts fails if something does), so the variables an operator can
 * set are the ones listed here and in docs/operations.md.
 *
 * A bad value is `config.invalid` naming the variable and what it expects, never the value: some
 * hold secrets (DATABASE_URL's password, ATTUNE_LLM_API_KEY).
 *
 * @example
 * const config = readConfig({ PORT: "8080", ATTUNE_DEBUG: "1" });
 * config.port; // 8080
 */
import { AttuneError } from "./errors.js";

export interface Config {
  /** ATTUNE_DEBUG: print the stack of `internal` errors to stderr. */
  debug: boolean;
  /** PORT: `serve`'s default port. */
  port: number;
  /** HOST: `serve`'s default address. */
  host: string;
  /** ATTUNE_SECURE_COOKIES: `serve` sets Secure session cookies (behind TLS). */
  secureCookies: boolean;
  /** ATTUNE_SERVE_INDEX: which process of `serve --processes N` this is (set by the primary). */
  serveIndex: number | undefined;
  /** DATABASE_URL: PostgreSQL connection string (holds a password: never printed). */
  databaseUrl: string | undefined;
  /** DATABASE_SCHEMA: the PostgreSQL schema to work in. */
  databaseSchema: string | undefined;
  /** ATTUNE_WEB_DIR: the built dashboard to serve instead of web/dist. */
  webDir: string | undefined;
  /** ATTUNE_WEBHOOK_ALLOW: non-public networks webhooks may reach (parsed by cases/webhook-target.ts). */
  webhookAllow: string | undefined;
  /** ATTUNE_CASE_RULES: the case rules file (checked by cases/case-rules.ts at start). */
  caseRules: string | undefined;
  /** ATTUNE_LLM_API_KEY: bearer key for `attune reply --llm-url` (a secret: never printed). */
  llmApiKey: string | undefined;
  /** NO_COLOR (no-color.org): any non-empty value turns terminal colours off. */
  noColor: boolean;
  /** ATTUNE_FEATURES: model feature options for training runs ("minGram=2,maxGram=5"). */
  features: string | undefined;
  /** ATTUNE_MODEL_TOKENIZER: "basic" makes the model tokeniser skip the text step (training experiments). */
  modelTokenizer: "text" | "basic";
  /** ATTUNE_SECRET_KEY: 32 bytes (base64) that encrypt stored connector secrets (a secret: never printed). */
  secretKey: Buffer | undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

/** The variables `readConfig` reads; docs/operations.md lists the same (config.test.ts checks). */
export const CONFIG_VARIABLES = [
  "ATTUNE_DEBUG",
  "PORT",
  "HOST",
  "ATTUNE_SECURE_COOKIES",
  "ATTUNE_SERVE_INDEX",
  "DATABASE_URL",
  "DATABASE_SCHEMA",
  "ATTUNE_WEB_DIR",
  "ATTUNE_WEBHOOK_ALLOW",
  "ATTUNE_CASE_RULES",
  "ATTUNE_LLM_API_KEY",
  "NO_COLOR",
  "ATTUNE_FEATURES",
  "ATTUNE_MODEL_TOKENIZER",
  "ATTUNE_SECRET_KEY",
] as const;

type Variable = (typeof CONFIG_VARIABLES)[number];

function invalid(variable: Variable, expected: string): never {
  throw new AttuneError("config.invalid", { variable, expected });
}

/** An unset or empty variable is absent: `FOO= attune serve` means "not set", as in most tools. */
function text(env: Env, name: Variable): string | undefined {
  const v = env[name];
  return v === undefined || v === "" ? undefined : v;
}

const TRUE = new Set(["1", "true", "yes", "on"]);
const FALSE = new Set(["0", "false", "no", "off"]);

function flag(env: Env, name: Variable): boolean {
  const v = text(env, name)?.toLowerCase();
  if (v === undefined || FALSE.has(v)) return false;
  if (TRUE.has(v)) return true;
  return invalid(name, "1, true, yes, on, 0, false, no or off");
}

function integer(env: Env, name: Variable, min: number, max: number): number | undefined {
  const v = text(env, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < min || n > max) return invalid(name, `a whole number ${min}..${max}`);
  return n;
}

function pgUrl(env: Env): string | undefined {
  const v = text(env, "DATABASE_URL");
  if (v !== undefined && !/^postgres(ql)?:\/\//.test(v)) return invalid("DATABASE_URL", "a postgres:// or postgresql:// URL");
  return v;
}

function pgSchema(env: Env): string | undefined {
  const v = text(env, "DATABASE_SCHEMA");
  if (v !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(v)) return invalid("DATABASE_SCHEMA", "a lower-case SQL name (a-z, 0-9, _)");
  return v;
}

function features(env: Env): string | undefined {
  const v = text(env, "ATTUNE_FEATURES");
  if (v !== undefined && !/^\w+=\d+(,\w+=\d+)*$/.test(v)) return invalid("ATTUNE_FEATURES", "name=number pairs, comma separated");
  return v;
}

function tokenizer(env: Env): Config["modelTokenizer"] {
  const v = text(env, "ATTUNE_MODEL_TOKENIZER");
  if (v === undefined || v === "text") return "text";
  if (v === "basic") return "basic";
  return invalid("ATTUNE_MODEL_TOKENIZER", "text or basic");
}

function secretKey(env: Env): Buffer | undefined {
  const v = text(env, "ATTUNE_SECRET_KEY");
  if (v === undefined) return undefined;
  const key = Buffer.from(v, "base64");
  // Buffer.from ignores bad characters: a round trip proves the text was base64 of 32 bytes.
  if (key.length !== 32 || key.toString("base64").replace(/=+$/, "") !== v.replace(/=+$/, ""))
    return invalid("ATTUNE_SECRET_KEY", "32 bytes in base64 (openssl rand -base64 32)");
  return key;
}

/**
 * Reads and checks every variable attune uses. Pure apart from the default argument: tests pass
 * their own record. Throws `config.invalid` {variable, expected} on the first bad value.
 */
export function readConfig(env: Env = process.env): Config {
  return {
    debug: flag(env, "ATTUNE_DEBUG"),
    port: integer(env, "PORT", 0, 65535) ?? 3000,
    host: text(env, "HOST") ?? "127.0.0.1",
    secureCookies: flag(env, "ATTUNE_SECURE_COOKIES"),
    serveIndex: integer(env, "ATTUNE_SERVE_INDEX", 0, 63),
    databaseUrl: pgUrl(env),
    databaseSchema: pgSchema(env),
    webDir: text(env, "ATTUNE_WEB_DIR"),
    webhookAllow: text(env, "ATTUNE_WEBHOOK_ALLOW"),
    caseRules: text(env, "ATTUNE_CASE_RULES"),
    llmApiKey: text(env, "ATTUNE_LLM_API_KEY"),
    noColor: text(env, "NO_COLOR") !== undefined,
    features: features(env),
    modelTokenizer: tokenizer(env),
    secretKey: secretKey(env),
  };
}

/**
 * The value of an environment variable that the operator named on the command line
 * (`attune sync zendesk --token-env ZD_TOKEN`): connector secrets stay out of argv, where every user
 * of the machine can read them. Read here, the one module that reads the environment.
 *
 * @example
 * const token = namedVariable("ZD_TOKEN");
 */
export function namedVariable(name: string, env: Env = process.env): string | undefined {
  const v = env[name];
  return v === undefined || v === "" ? undefined : v;
}
