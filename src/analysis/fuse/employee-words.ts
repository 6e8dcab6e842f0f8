import type { Reading } from "../../core/reading.js";
import { hasMatch, matchRanges } from "./evidence.js";
import type { FuseInput } from "./fuse-input.js";
import { round } from "./fuse-scored-labels.js";

/**
 * An employee leaves only when they say so: resigning, handing in notice, a last working day, a
 * new job ("podávám výpověď", "ยื่นใบลาออก", "రిజైన్ చేస్తున్నా", "magre-resign"). Workload and
 * staffing talk ("too many tickets, not enough people", "jsme tu jen 4", "จมงานกันหมดแล้ว") is
 * someone who stays and asks for help (issue 12), so an employee's message about workload or
 * staffing without such words is not at the leaving stage, needs no cancellation and threatens no
 * churn. A negated departure ("hindi po ako
 * magre-resign") is none.
 *
 * @example
 * employeeStays(input, true); // true for "we're drowning, please send help" from an employee
 */
export function employeeStays(input: FuseInput, staffing: boolean): boolean {
  if (input.context.direction !== "employee" || !staffing) return false;
  return !matchRanges(input.text, DEPARTS).some((r) => !NEGATED_BEFORE.test(input.text.slice(Math.max(0, r.start - 16), r.start)));
}

/** The parts of a staying employee's Reading: no cancellation need or churn, and not the leaving stage. */
export function stayingParts(
  needs: Reading["needs"],
  stage: Reading["stage"],
  signals: Reading["signals"],
): Pick<Reading, "needs" | "stage" | "signals"> {
  return {
    needs: needs.filter((n) => n.label !== "cancellation"),
    signals: signals.filter((s) => s.label !== "churn_threat"),
    stage: stage.label === "leaving" ? { ...stage, label: "in_use" } : stage,
  };
}

/**
 * A polite request for staff is not praise of the workplace: "It would be great to have one more
 * engineer on call", "Bylo by super mít ještě jednoho inženýra". An employee's positive reading
 * that rests on such a request (staffing words and a request, no thanks) reads neutral.
 */
export function staffingAskTone(input: FuseInput, sentiment: Reading["sentiment"], staffing: boolean): Reading["sentiment"] {
  if (sentiment.label !== "positive" || !staffing || hasMatch(input.text, THANKS)) return sentiment;
  if (!hasMatch(input.text, REQUEST)) return sentiment;
  return { ...sentiment, label: "neutral", score: round(Math.min(0.1, sentiment.score)) };
}

/** True when the text asks or proposes ("could we", "potřebujeme", "ขอ", "కావాలి", "sana"); fuse-workplace.ts. */
export function isRequest(text: string): boolean {
  return hasMatch(text, REQUEST);
}

const W = "(?<![\\p{L}\\p{M}])";
const E = "(?![\\p{L}\\p{M}])";
const NEGATED_BEFORE = /(?<![\p{L}\p{M}])(?:not|never|won't|don't|ne|nechci|hindi(?: po)?(?: ako)?|di|ไม่|ไม่ได้)\s*\S*\s*$/iu;
/** Departure words per seed language (romanised Telugu and Taglish too). */
const DEPARTS = new RegExp(
  [
    `${W}(?:resign\\p{L}*|quit(?:ting)?|hand(?:ing)? in my notice|my notice|notice period|last (?:working )?day|leaving for|new job|redundancy|let go|fired|lawyer|glassdoor|linkedin)${E}`,
    `${W}(?:výpově\\p{L}*|vypove\\p{L}*|odcház\\p{L}*|odchaz\\p{L}*|odejít|odejit|odejdu|končím|konkurenci|propou\\p{L}*|zápočtov\\p{L}*|zapoctov\\p{L}*|atmoskop\\p{L}*|glassdoor|linkedin\\p{L}*|žalob\\p{L}*|pravník\\p{L}*|pravnik\\p{L}*)${E}`,
    `ลาออก|งานใหม่|วันทำงานสุดท้าย|วันสุดท้ายของการทำงาน|เลิกจ้าง|ไล่ออก|ทนายความ`,
    `రిజైన్|రిజిగ్నేషన్|నోటీస్|లాస్ట్ వర్కింగ్|వెళ్ళిపోతా|కొనసాగను|లాయర్|${W}(?:resign\\p{L}*|notice|last working)${E}`,
    `${W}(?:mag-?re-?resign|magreresign|nag-?resign|resign\\p{L}*|aalis na|lilipat na|last day ko|tinanggal|pagtanggal|abogado|NLRC|quitclaim|final pay|mag-?aabroad)${E}`,
  ].join("|"),
  "giu",
);
/** A request or proposal: "it would be great to have", "Suggestion: hire", "potřebujeme", "bylo by", "ขอ", "కావాలి", "సలహా", "sana", "kailangan". */
const REQUEST = new RegExp(
  `${W}(?:would be (?:great|good|nice|helpful)|could we|can we|we need|need(?:s|ed)? (?:one|two|more|another|an?)|please|suggestion|proposal|hire|potřebujeme|potřebovali|bylo by|mohlo by|mohli bychom|můžeme|návrh|prosím|sana|kailangan|pwede (?:po )?ba|mungkahi|kavali|kaavali)${E}|ต้องการ|ขอ|อยากได้|ช่วย|เสนอ|కావాలి|చేయగలరా|అవసరం|సలహా|బాగుంటుంది`,
  "giu",
);
const THANKS = new RegExp(`${W}(?:thanks?|thank you|grateful|díky|děkuj\\p{L}*|salamat)${E}|ขอบคุณ|థాంక్స్|ధన్యవాదాలు`, "giu");
