import type { CauseLabel } from "../../core/labels.js";
import type { CauseReading } from "../../core/reading.js";
import { clauses } from "./clauses.js";
import { hasMatch } from "./evidence.js";
import { toSpans, type Range } from "./evidence.js";
import { namesFix } from "./fix-words.js";
import { firstContrast, praiseAfterContrast } from "./praise-frame.js";
import type { FuseInput } from "./fuse-input.js";

/**
 * Cause polarity after the message-level turns of issue 12:
 *
 * - sarcasm: praise is mock, so every cause it names is a problem ("thanks for delivering my parcel
 *   to the neighbours' bin" is a delivery problem, not praise of delivery), except praise told
 *   wholly before a contrast word, which is sincere (in leaving messages too);
 * - leaving: praise in a message that leaves is praise of the competitor ("เลิกคบ เจ้าอื่นบริการดีกว่า
 *   เยอะ", "found a better pizza place round the corner"), so its causes are our problems, unless
 *   the message turns to praise after a contrast word ("switching, but your staff were lovely");
 * - a settled problem: the causes told in the clause that names the fix, or in the closing clause,
 *   are praised; the fix itself is praised service, with the fix words as evidence (staff when a
 *   person did it and nothing else is praised), unless service is praised already. The past problem keeps its negative cause.
 *
 * @example
 * turnCauses(input, causes, { sarcastic: true, settled: false }); // every cause negative
 */
export function turnCauses(
  input: FuseInput,
  causes: CauseReading[],
  turn: { sarcastic: boolean; settled: boolean; leaving?: boolean },
): CauseReading[] {
  if (turn.sarcastic || (turn.leaving && !turnsToPraise(input))) {
    // Praise told before a contrast word is sincere ("Výborné pivo, krásná zahrádka, ale čekat 25
    // minut...", "your staff are lovely but the prices..."): the mock praise or the leaving is after it.
    const cut = firstContrast(input.text);
    const before = (c: CauseReading): boolean => cut > 0 && c.evidence.every((e) => e.end <= cut);
    return causes.map((c) => (c.polarity === "negative" || before(c) ? c : { ...c, polarity: "negative" }));
  }
  if (!turn.settled) return causes;
  const fixes = namesFix(input.text, input.tokens);
  const cs = clauses(input.text);
  const praised: Range[] = [...cs.filter((c) => fixes.some((f) => f.start >= c.start && f.start < c.end)), ...cs.slice(-1)];
  const inPraised = (c: CauseReading): boolean => c.evidence.some((e) => praised.some((p) => e.start >= p.start && e.start < p.end));
  const out = causes.map((c) => (c.polarity === "positive" || !inPraised(c) ? c : { ...c, polarity: "positive" as const }));
  if (fixes.length === 0) return out;
  // The fix is a service done well even beside other praise ("sent a new one straight away. really
  // appreciate it", "exchange was so easy, no questions asked"): unless service is praised already.
  const anyPraise = out.some((c) => c.polarity === "positive");
  if (out.some((c) => c.polarity === "positive" && c.label === "service_quality")) return out;
  const label: CauseLabel = !anyPraise && hasMatch(input.text, PERSON) ? "staff_treatment" : "service_quality";
  const evidence = toSpans(input.text, fixes);
  const i = out.findIndex((c) => c.label === label);
  if (i >= 0) out[i] = { ...out[i]!, polarity: "positive", evidence };
  else out.push({ label, polarity: "positive", score: FIX_SCORE, evidence });
  return out;
}

/** Praise after a contrast word ("..., but your staff were always lovely"): sincere, not the competitor's. */
function turnsToPraise(input: FuseInput): boolean {
  const praise = input.hits.filter(
    (h) => !h.negated && ((h.cue.kind === "sentiment" && h.cue.label === "positive") || (h.cue.kind === "cause" && h.cue.polarity === "+")),
  );
  return praiseAfterContrast(input.text, praise);
}

/** Score of a praised cause read from the fix alone: past the fusion threshold, below a cued one. */
const FIX_SCORE = 0.5;

const W = "(?<![\\p{L}\\p{M}])";
const E = "(?![\\p{L}\\p{M}])";
/** Someone who did the fix: "the manager comped", "technik to spravil", "ผู้จัดการ", "మేనేజర్", "si kuya rider". */
const PERSON = new RegExp(
  [
    `${W}(?:manager|tech(?:nician)?|engineer|agent|driver|courier|cashier|staff|waiter|waitress|crew|rep|support (?:guy|lady|team))${E}`,
    `${W}(?:vedouc\\p{L}*|technik\\p{L}*|pan[ií]? [A-ZŠČŘŽ]\\p{L}*|kurýr\\p{L}*|řidič\\p{L}*|obsluh\\p{L}*|pokladn\\p{L}*|operátor\\p{L}*|podpor\\p{L}*)${E}`,
    `${W}(?:manager|kuya|ate|rider|technician|agent|staff|crew)${E}`,
    `ผู้จัดการ|ช่าง|พนักงาน|ไรเดอร์|ซัพพอร์ต|แอดมิน|คุณ`,
    `మేనేజర్|టెక్నీషియన్|సపోర్ట్|స్టాఫ్|గారు|డ్రైవర్|${W}(?:manager|technician|support|staff)${E}`,
  ].join("|"),
  "giu",
);
