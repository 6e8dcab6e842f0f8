import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CONFIG_VARIABLES, readConfig } from "./config.js";

const SRC = fileURLToPath(new URL("..", import.meta.url));
const DOCS = fileURLToPath(new URL("../../docs/operations.md", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.endsWith(".test.ts") ? [join(dir, e.name)] : [],
  );
}

/** `process.env`, `process["env"]`, and `const { env } = process`. */
const READS_ENV = /\bprocess\s*(\.\s*env\b|\[\s*["'`]env["'`]\s*\])|\{[^}]*\benv\b[^}]*\}\s*=\s*process\b/;

function failure(run: () => unknown): Record<string, unknown> {
  try {
    run();
  } catch (err) {
    return JSON.parse(JSON.stringify(err)) as Record<string, unknown>;
  }
  throw new Error("expected config.invalid");
}

describe("readConfig", () => {
  it("gives the defaults for an empty environment", () => {
    expect(readConfig({})).toEqual({
      debug: false,
      port: 3000,
      host: "127.0.0.1",
      secureCookies: false,
      serveIndex: undefined,
      databaseUrl: undefined,
      databaseSchema: undefined,
      webDir: undefined,
      webhookAllow: undefined,
      caseRules: undefined,
      llmApiKey: undefined,
      noColor: false,
      features: undefined,
      modelTokenizer: "text",
      secretKey: undefined,
    });
  });

  it("reads ATTUNE_SECRET_KEY as 32 bytes and refuses other lengths or non-base64", () => {
    const key = Buffer.alloc(32, 7);
    expect(readConfig({ ATTUNE_SECRET_KEY: key.toString("base64") }).secretKey).toEqual(key);
    expect(() => readConfig({ ATTUNE_SECRET_KEY: Buffer.alloc(16).toString("base64") })).toThrow(/not valid/);
    expect(() => readConfig({ ATTUNE_SECRET_KEY: "!".repeat(44) })).toThrow(/not valid/);
  });

  it("reads every variable, typed", () => {
    const c = readConfig({
      ATTUNE_DEBUG: "1",
      PORT: "8080",
      HOST: "0.0.0.0",
      ATTUNE_SECURE_COOKIES: "true",
      ATTUNE_SERVE_INDEX: "0",
      DATABASE_URL: "postgresql://u:pw@db/attune",
      DATABASE_SCHEMA: "tenant_a",
      ATTUNE_WEB_DIR: "/srv/web",
      ATTUNE_WEBHOOK_ALLOW: "10.0.0.0/8",
      ATTUNE_CASE_RULES: "./cases.json",
      ATTUNE_LLM_API_KEY: "sk-123",
      NO_COLOR: "x",
      ATTUNE_FEATURES: "minGram=2,maxGram=4",
      ATTUNE_MODEL_TOKENIZER: "basic",
    });
    expect(c).toMatchObject({ debug: true, port: 8080, host: "0.0.0.0", secureCookies: true, serveIndex: 0, noColor: true });
    expect(c).toMatchObject({ databaseUrl: "postgresql://u:pw@db/attune", databaseSchema: "tenant_a", modelTokenizer: "basic" });
    expect(c).toMatchObject({ webDir: "/srv/web", webhookAllow: "10.0.0.0/8", caseRules: "./cases.json", llmApiKey: "sk-123" });
  });

  it("treats an empty variable as unset", () => {
    expect(readConfig({ PORT: "", ATTUNE_DEBUG: "", NO_COLOR: "", DATABASE_URL: "" })).toMatchObject({
      port: 3000,
      debug: false,
      noColor: false,
      databaseUrl: undefined,
    });
  });

  it.each([
    ["PORT", "80a"],
    ["PORT", "70000"],
    ["ATTUNE_DEBUG", "maybe"],
    ["ATTUNE_SECURE_COOKIES", "2"],
    ["ATTUNE_SERVE_INDEX", "-1"],
    ["DATABASE_SCHEMA", "Robert'); drop"],
    ["ATTUNE_FEATURES", "minGram"],
    ["ATTUNE_MODEL_TOKENIZER", "fancy"],
  ])("refuses %s=%s with config.invalid naming the variable", (variable, value) => {
    const e = failure(() => readConfig({ [variable]: value }));
    expect(e).toMatchObject({ error: { code: "config.invalid", details: { variable } } });
  });

  it("never echoes a bad secret", () => {
    const secret = "mysql://admin:hunter2@db/prod";
    const e = failure(() => readConfig({ DATABASE_URL: secret }));
    expect(e).toMatchObject({ error: { code: "config.invalid", details: { variable: "DATABASE_URL" } } });
    expect(JSON.stringify(e)).not.toContain("hunter2");
  });
});

describe("the environment is read in one place", () => {
  it("has no process.env in src outside core/config.ts", () => {
    const readers = sourceFiles(SRC)
      .filter((f) => READS_ENV.test(readFileSync(f, "utf8")))
      .map((f) => relative(SRC, f).split("\\").join("/"));
    expect(readers).toEqual(["core/config.ts"]);
  });

  it("catches the spellings it looks for", () => {
    for (const s of ["process.env.PORT", 'process["env"]', "const { env } = process", "process .env"]) expect(s).toMatch(READS_ENV);
    expect("myprocess.environment").not.toMatch(READS_ENV);
  });

  it("documents every variable in docs/operations.md", () => {
    const doc = readFileSync(DOCS, "utf8");
    for (const v of CONFIG_VARIABLES) expect(doc).toContain(`\`${v}\``);
  });
});
