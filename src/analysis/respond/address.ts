/**
 * The customer's name as a draft's greeting uses it, by the customs of each language: Czech in
 * the vocative with pane/paní ("pane Nováku"), Thai the given name after คุณ (the template adds
 * คุณ), Telugu the name before గారు (the template adds it), Tagalog Sir/Ma'am before the given name
 * when the gender is known, English and the rest the given name. An empty string means "greet
 * without the name": better no name than a wrong form of it.
 *
 * @example
 * addressName("cs", { customerName: "Petr Novák" }); // "pane Nováku"
 * addressName("tl", { customerName: "Ana Cruz", customerGender: "female" }); // "Ma'am Ana"
 * addressName("th", { customerName: "คุณสมชาย ใจดี" }); // "สมชาย"
 */
import { czechAddress } from "./czech-vocative.js";
import type { ReplyFacts } from "./types.js";

/** The name slot for `language`'s greeting, or "" to greet without it. */
export function addressName(language: string, facts: Pick<ReplyFacts, "customerName" | "customerGender">): string {
  const full = clean(facts.customerName);
  if (!full) return "";
  const given = full.split(" ")[0] as string;
  switch (language) {
    case "cs":
      return czechAddress(full, facts.customerGender) ?? "";
    case "th":
      // คุณ is written by the template; a name that already carries it would get it twice.
      return full.replace(/^คุณ\s*/u, "").split(" ")[0] ?? "";
    case "te":
      // గారు follows the name in the template; drop one the customer's name already ends with.
      return full.replace(/\s*(?:గారు|garu)$/u, "");
    case "tl":
      if (facts.customerGender === "female") return `Ma'am ${given}`;
      if (facts.customerGender === "male") return `Sir ${given}`;
      return given;
    default:
      return given;
  }
}

function clean(s: string | undefined): string {
  return (s ?? "")
    .replace(/[{}\n\r\t]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 80);
}
