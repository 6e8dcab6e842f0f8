/**
 * One way for every command to read its flags: a malformed or unknown flag prints a `cli.usage`
 * error line (the parser's reason in `details.reason`) and the usage to stderr (exit code 2),
 * `--help` prints the usage to stdout (exit code 0). Either way the caller gets a number to
 * return; otherwise the parsed flags.
 *
 * @example
 * const p = parseCommand(argv, { db: { type: "string" } }, USAGE);
 * if (typeof p === "number") return p;
 * p.values.db;
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { AttuneError } from "../core/errors.js";

const HELP = { help: { type: "boolean", short: "h" } } as const;

type Options = NonNullable<ParseArgsConfig["options"]>;
/** What parseArgs gives for these options (plus --help), strict, positionals allowed or not. */
export type ParsedCommand<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O & typeof HELP; allowPositionals: boolean; strict: true }>
>;

export function parseCommand<O extends Options>(
  argv: string[],
  options: O,
  usage: string,
  allowPositionals = false,
): ParsedCommand<O> | number {
  let parsed: ParsedCommand<O>;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, ...HELP }, allowPositionals, strict: true });
  } catch (err) {
    return usageError(usage, { reason: (err as Error).message });
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  return parsed;
}

/**
 * A command line that cannot run: one `cli.usage` error line with the reason, then the usage, on
 * stderr; returns exit code 2.
 *
 * @example
 * if (!["jsonl", "json"].includes(format)) return usageError(USAGE, { flag: "--format", expected: "jsonl|json" });
 */
export function usageError(usage: string, details: Record<string, unknown>): number {
  process.stderr.write(`${JSON.stringify(new AttuneError("cli.usage", details).toJSON())}\n${usage}\n`);
  return 2;
}
