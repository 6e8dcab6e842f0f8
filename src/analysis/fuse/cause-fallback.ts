import type { CauseLabel } from "../../core/labels.js";
import type { CauseReading, Reading } from "../../core/reading.js";
import { matchRanges } from "./evidence.js";
import { toSpans, type Range } from "./evidence.js";
import type { FuseInput } from "./fuse-input.js";
import { round } from "./fuse-scored-labels.js";

/**
 * Causes a complaint must not go without (issue 12: every complaint with a nameable cause gets
 * one). Two sources, used only when the fused causes are empty or miss it:
 *
 * - an employee writing about workload or staffing ("too many tickets, not enough people",
 *   "přidat druhého člověka na noční", "คนไม่พอ"), or about anything not praised, names the
 *   workplace policy as a problem;
 * - a complaint with no cause takes the cause the model leans to most, when it leans at all
 *   (`MIN_LEAN` of the calibrated scale where 0.5 is the model's own threshold), as a problem.
 *
 * @example
 * causeFallback(input, [], true, sentiment); // [{label: "delivery_or_wait", polarity: "negative", ...}]
 */
export function causeFallback(
  input: FuseInput,
  causes: CauseReading[],
  complaint: boolean,
  sentiment: Reading["sentiment"],
): CauseReading[] {
  let out = causes;
  if (input.context.direction === "employee") out = withStaffing(input, out, sentiment);
  if (!complaint || out.length > 0 || !input.model?.causes) return out;
  let best: CauseLabel | undefined;
  let bestScore = MIN_LEAN;
  for (const [label, p] of Object.entries(input.model.causes)) {
    if (p > bestScore) {
      bestScore = p;
      best = label as CauseLabel;
    }
  }
  if (!best) return out;
  const evidence = toSpans(input.text, input.model.evidence("causes", best));
  return evidence.length > 0 ? [{ label: best, polarity: "negative", score: round(bestScore), evidence }] : out;
}

/** Calibrated model score (0.5 = the head's threshold) a fallback cause needs. */
const MIN_LEAN = 0.2;

/**
 * An employee's workplace problem: staffing words, or any message that is not praise (the
 * workplace cause of the current label set is policy; employee causes of their own are to come).
 */
function withStaffing(input: FuseInput, causes: CauseReading[], sentiment: Reading["sentiment"]): CauseReading[] {
  const found = staffingWords(input.text);
  // Without staffing words, only a message whose problem has no cause yet (adding policy to every
  // employee complaint lowered cause precision on the team examples 0.70 -> 0.69 for +1 right cause).
  if (found.length === 0 && (sentiment.label === "positive" || causes.some((c) => c.polarity === "negative"))) return causes;
  const evidence = toSpans(input.text, found.length > 0 ? found : sentiment.evidence);
  if (evidence.length === 0) return causes;
  const rest = causes.filter((c) => c.label !== "policy");
  return [{ label: "policy", polarity: "negative", score: STAFFING_SCORE, evidence }, ...rest];
}

/** Workload and staffing words in an employee's message (cause-fallback and the tone of a staffing ask). */
export function staffingWords(text: string): Range[] {
  return matchRanges(text, STAFFING);
}

const STAFFING_SCORE = 0.6;
const W = "(?<![\\p{L}\\p{M}])";
const E = "(?![\\p{L}\\p{M}])";
/** Workload and staffing, as employees write it, per seed language (romanised Telugu and Taglish too). */
const STAFFING = new RegExp(
  [
    `${W}(?:staff(?:ing|ed)?|understaffed|short[- ]staffed|headcount|hir(?:e|ing)|people|person|hands|overtime|shifts?|workload|burn(?:t|ed)? ?out|backlog|overloaded|stretched|drowning|too many|not enough|FTE|temps?|seasonal|roles?|cover(?:s|ing)?|on call|pager|targets?|drops|(?:lunch )?breaks?|projects|sick leave|one more|(?:more|extra) (?:people|staff|agents|hands|engineers?))${E}`,
    `${W}(?:směn\\p{L}*|přesčas\\p{L}*|lid[ií]|člověk\\p{L}*|posil\\p{L}*|brigádník\\p{L}*|vyhořel\\p{L}*|nestíh\\p{L}*|nezvlád\\p{L}*|přetížen\\p{L}*|obsad\\p{L}*|nábor\\p{L}*|nabr\\p{L}*|místa|práce|úvazk\\p{L}*|pauz\\p{L}*|oběd\\p{L}*|cíl\\p{L}*|zastáv\\p{L}*|projekt\\p{L}*|neschopen\\p{L}*|inženýr\\p{L}*|operátor\\p{L}*|obsazení|pokladní|topíme se|jen \\d+|pomoc)${E}`,
    `${W}(?:tao|tauhan|staff|shift|overtime|OT|hire|mag-?hire|pagod|burnout|kulang|trabaho|workload|dagdag|sick leave|targets?|drops|kumpleto)${E}`,
    `พนักงาน|คนไม่พอ|คนน้อย|เพิ่มคน|รับคน|จ้าง|กะ|โอที|ล่วงเวลา|งานเยอะ|ภาระงาน|หมดไฟ|ไม่ไหว|คนเดียว|ลาป่วย|คนครบ|งานค้าง|จมงาน|เป้า|มีกันอยู่|คนใหม่|เทรน|โปรเจกต์`,
    `స్టాఫ్|షిఫ్ట్|ఓవర్‌టైమ్|ఓటీ|పని భారం|పని ఎక్కువ|మనుషులు|ఉద్యోగులు|హైర్|సిబ్బంది|అలసి|బ్రేక్|ప్రాజెక్టు|ఏజెంట్|కొత్త వ్యక్తి|పనిలో|సాయం|టార్గెట్|బ్యాక్‌లాగ్|డ్రాప్స్|ఒత్తిడి|${W}(?:staff|shift|OT|pani|manushulu|hire|workload|overtime|ekkuva|targets|sick leave|matrame)${E}`,
  ].join("|"),
  "giu",
);
