/**
 * One way for every command to read its flags: a malformed or unknown flag prints the parser's
 * message and the usage to stderr (exit code 2), `--help` prints the usage to stdout (exit code
 * 0). Either way the caller gets a number to return; otherwise the parsed flags.
 *
 * @example
 * const p = parseCommand(argv, { db: { type: "string" } }, USAGE);
 * if (typeof p === "number") return p;
 * p.values.db;
 */
import { parseArgs, type ParseArgsConfig } from "node:util";

const HELP = { help: { type: "boolean", short: "h" } } as const;

type Options = NonNullable<ParseArgsConfig["options"]>;
/** What parseArgs gives for these options (plus --help), strict, positionals allowed or not. */
export type ParsedCommand<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O & typeof HELP; allowPositionals: boolean; strict: true }>>;

export function parseCommand<O extends Options>(argv: string[], options: O, usage: string, allowPositionals = false): ParsedCommand<O> | number {
  let parsed: ParsedCommand<O>;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, ...HELP }, allowPositionals, strict: true });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${usage}\n`);
    return 2;
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  return parsed;
}
