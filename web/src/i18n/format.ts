/**
 * Fills `{name}` placeholders of a catalogue text from plain values; unknown ones stay as they
 * are. Numbers are formatted by `num` (the interface language's digits and grouping).
 *
 * @example
 * format("{n} messages", { n: 1200 }, (n) => n.toLocaleString("en")); // "1,200 messages"
 */
import type { MessageKey } from "./en.js";

/** A catalogue lookup: the text of a key in the interface language, placeholders filled. */
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function format(template: string, values: Record<string, string | number> = {}, num: (n: number) => string = String): string {
  return template.replace(/\{([a-z_]{1,32})\}/g, (m, k: string) =>
    k in values ? (typeof values[k] === "number" ? num(values[k] as number) : String(values[k])) : m,
  );
}
