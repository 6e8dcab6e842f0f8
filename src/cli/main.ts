#!/usr/bin/env node
/**
 * `attune <command> [args]`: one file per command, each exporting `run(argv): Promise<number>`
 * (the exit code). Commands load lazily so that `attune analyze` never pays for the server.
 */
import { readConfig, type Config } from "../core/config.js";
import { asAttuneError } from "../core/errors.js";
import { fromFileError, USAGE_CODES } from "./input-files.js";

type Command = { run(argv: string[], config: Config): Promise<number> };

const COMMANDS: Record<string, () => Promise<Command>> = {
  demo: () => import("./demo.js"),
  analyze: () => import("./analyze.js"),
  import: () => import("./import.js"),
  serve: () => import("./serve.js"),
  worker: () => import("./worker.js"),
  reread: () => import("./reread.js"),
  keys: () => import("./keys.js"),
  users: () => import("./users.js"),
  reply: () => import("./reply.js"),
  check: () => import("./check.js"),
  train: () => import("./train.js"),
  eval: () => import("./eval.js"),
  cases: () => import("./cases.js"),
  sync: () => import("./sync.js"),
  export: () => import("./export.js"),
};

function usage(): string {
  return [
    "usage: attune <command> [options]",
    "",
    "commands:",
    ...Object.keys(COMMANDS).map((c) => `  ${c}`),
    "",
    "Run `attune <command> --help` for a command's options.",
  ].join("\n");
}

/** Read once here and handed to the command; a bad variable stops every command with `config.invalid`. */
let config: Config | undefined;

async function main(argv: string[]): Promise<number> {
  config = readConfig();
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`attune: unknown command "${name}"\n${usage()}\n`);
    return 2;
  }
  const command = await load();
  return command.run(rest, config);
}

// A closed pipe (`attune analyze big.jsonl | head`) is the reader saying it has enough, not a failure.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const e = fromFileError(err) ?? asAttuneError(err);
    // The wire shape, never the input: error messages hold codes, positions and sizes only.
    process.stderr.write(`${JSON.stringify(e.toJSON())}\n`);
    if (e.code === "internal" && config?.debug) process.stderr.write(`${String((err as Error)?.stack)}\n`);
    process.exitCode = USAGE_CODES.has(e.code) ? 2 : 1;
  },
);
