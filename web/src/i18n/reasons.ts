/**
 * Case reasons and priority explanations in the interface language. The server stores them as
 * English phrases from a closed set (src/cases/priority.ts, case-rules.ts, open-unanswered.ts and
 * the Reading's urgency and reach reasons); each is matched here and said again from the catalogue.
 * A phrase this table does not know is shown as it came, so a new server reason is never lost.
 *
 * @example
 * explain("P1: threatens to leave, third contact", t, label, "cs"); // "P1: hrozí odchodem, kontaktů celkem: 3"
 */
import { duration } from "../components/duration.js";
import type { MessageKey } from "./en.js";
import type { Translate } from "./format.js";

type Label = (kind: "signal" | "channel", value: string) => string;

const FIXED: Record<string, MessageKey> = {
  "safety issue": "reason.safetyIssue",
  "threatens legal action": "reason.legalAction",
  "threatens to leave": "reason.leave",
  "threatens to go public": "reason.goPublic",
  "has contacted before": "reason.contactedBefore",
  "security or trust problem": "reason.security",
  "asks for speed": "reason.speed",
  "asks for escalation": "reason.escalation",
  "blames the company": "reason.blames",
  "accuses the company": "reason.accuses",
  complaint: "reason.complaint",
  "strong feeling": "reason.strongFeeling",
  "public channel": "reason.publicChannel",
  "threatens to share it publicly": "reason.sharePublicly",
  "tags or hashtags": "reason.tags",
  "high-value customer": "reason.highValue",
  "no pressing reason": "reason.none",
  "strong negative feeling": "reason.strongNegative",
  "public post with reach": "reason.publicReach",
  "question left unanswered": "reason.unanswered",
};

/** Signals named by case-rules.ts ("safety issue" is in FIXED: the urgency reason says the same). */
const SIGNAL_WORDS = new Set(["churn threat", "public exposure threat", "legal threat", "repeat contact", "sarcasm"]);
const ORDINALS = ["zeroth", "first", "second", "third", "fourth"];
const UNIT: Record<string, number> = { "": 1, k: 1e3, M: 1e6 };

function ordinal(word: string): number | null {
  const i = ORDINALS.indexOf(word);
  if (i >= 0) return i;
  const m = /^(\d+)th$/.exec(word);
  return m ? Number(m[1]) : null;
}

/** One reason phrase in the interface language. */
export function reason(text: string, t: Translate, label: Label, lang: string): string {
  const fixed = FIXED[text];
  if (fixed) return t(fixed);
  if (SIGNAL_WORDS.has(text)) return label("signal", text.replace(/ /g, "_"));
  let m = /^(\w+) (message in the thread|contact)$/.exec(text);
  const n = m ? ordinal(m[1]!) : null;
  if (m && n !== null) return t(m[2] === "contact" ? "reason.nthContact" : "reason.nthMessage", { n });
  if ((m = /^public channel: (\w+)$/.exec(text))) return t("reason.publicChannelOn", { channel: label("channel", m[1]!) });
  if ((m = /^([\d.]+)([kM]?) followers$/.exec(text))) {
    const count = Number(m[1]) * UNIT[m[2]!]!;
    return t("reason.followers", { n: new Intl.NumberFormat(lang, { notation: "compact", maximumFractionDigits: 1 }).format(count) });
  }
  if ((m = /^waiting (\d+)([dh])$/.exec(text)))
    return t("reason.waiting", { t: duration(Number(m[1]) * (m[2] === "d" ? 1440 : 60) * 60_000, lang) });
  if ((m = /^complaint \(severity (\d)\)$/.exec(text))) return t("reason.complaintSeverity", { n: Number(m[1]) });
  return text;
}

/** "P2: a, b, c" with each reason translated; the priority stays as it is. */
export function explain(explanation: string, t: Translate, label: Label, lang: string): string {
  const m = /^(P\d): (.*)$/.exec(explanation);
  if (!m) return explanation;
  return `${m[1]}: ${m[2]!
    .split(", ")
    .map((r) => reason(r, t, label, lang))
    .join(", ")}`;
}
