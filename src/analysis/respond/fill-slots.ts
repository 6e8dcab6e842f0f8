/**
 * Fills `{slot}` placeholders in one pass. A slot without a value is an error, never left in the
 * text: drafts go to customers. Values are inserted as they are and never re-scanned, and braces are
 * stripped from them, so a customer's own words cannot smuggle in slot syntax. `{x_cap}` is `{x}`
 * with a capital first letter, for a slot that opens a sentence in a script with case
 * ("{cause_cap}, anduku kshamaapanalu ...").
 *
 * @example
 * fillSlots("Hi {name},", { name: "Dana" }); // "Hi Dana,"
 */
import { AttuneError } from "../../core/errors.js";

const SLOT = /\{([a-z_]{1,32})\}/g;

/** Matches any leftover slot; used by tests and by the drafter's final guard. */
export const LEFTOVER_SLOT = /\{[a-z_]{1,32}\}/;

export function fillSlots(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(SLOT, (_m, key: string) => {
    const v = values[key] ?? capitalised(values, key);
    if (v === undefined) throw new AttuneError("internal", { reason: "template slot without value", slot: key });
    return v.replace(/[{}]/g, "");
  });
}

function capitalised(values: Readonly<Record<string, string>>, key: string): string | undefined {
  if (!key.endsWith("_cap")) return undefined;
  const base = values[key.slice(0, -4)];
  return base === undefined ? undefined : base.charAt(0).toLocaleUpperCase() + base.slice(1);
}
