import type { Reading } from "../../core/reading.js";
import type { FuseInput } from "./fuse-input.js";
import { round } from "./fuse-scored-labels.js";
import { segments } from "./praise-frame.js";

/**
 * A plain question about terms, prices or how-to ("Thinking of joining: what does it cost to end
 * the contract in year one?", "Kde v aplikaci najdu IBAN?", "ถ้าสมัครแล้วยกเลิกได้ไหม"): a customer
 * asking, not leaving and not complaining, whatever words about cancelling or fees it contains
 * (issue 12: pre-sales questions read as leaving). A question with reproach, anger or a strong
 * negative word stays what it says ("Why is my refund STILL not here?").
 *
 * @example
 * isNeutralAsk(input); // true for "If I book the basic fare can I cancel and get anything back?"
 */
export function isNeutralAsk(input: FuseInput): boolean {
  const asked = ((QUESTION.test(input.text) || isUnmarkedQuestion(input.text)) && ASKING.test(input.text)) || isOneQuestion(input);
  if (!asked) return false;
  return !input.hits.some(
    (h) =>
      !h.negated &&
      (h.cue.kind === "complaint" ||
        (h.cue.kind === "sentiment" && h.cue.label === "negative" && h.cue.weight >= 0.6) ||
        (h.cue.kind === "emotion" && h.cue.label === "anger")),
  );
}

/**
 * A chat question typed without its question mark ("do you deliver on saturdays", "máte to v
 * modré", "pwede po ba magbayad sa pickup"): one short sentence that opens the way a question
 * opens in its language. Only the opening counts, so a complaint that asks in passing ("my order
 * is late can you check") is not taken for a plain question.
 */
export function isUnmarkedQuestion(text: string): boolean {
  const t = text.trim();
  if (/[.!?？。]\s*\S/u.test(t)) return false;
  const words = t.split(/\s+/u).filter((w) => w.length > 0).length;
  return words >= 2 && words <= MAX_UNMARKED_WORDS && OPENS_QUESTION.test(t);
}

/**
 * The whole message is one question ("Je poplatek za změnu jména na letence?", "funguje aplikace i
 * offline?", "เปลี่ยนชื่อผู้โดยสารเสียค่าธรรมเนียมไหมครับ", "యాప్ ఆఫ్‌లైన్‌లో కూడా పని చేస్తుందా?"): a single
 * sentence that ends as a question, whatever words it asks with. Structure, not a list of question
 * openers: a customer who only asks states no problem. A question that reports one is not this
 * shape: "why" questions ask for the cause of a problem ("why was I charged twice?"), and a negated
 * verb tells what does not work ("does the app not open for anyone?").
 */
function isOneQuestion(input: FuseInput): boolean {
  const t = input.text.trim();
  // An employee asking about notice or transfers may be leaving; that reading stays (employee-words.ts).
  if (input.context.direction === "employee") return false;
  if (!ENDS_ASKING.test(t) || /[.!?？。]\s*[\p{L}\p{N}]/u.test(t) || WHY.test(t) || PRESSED.test(t) || STILL.test(t)) return false;
  if (input.tokens.some((tok) => tok.negated === true)) return false;
  // At most one statement before the question, and not one the model reads as bad news: a problem
  // told first ("ตู้เย็นมีเสียงอีกแล้ว ... เป็นปกติไหมคะ": the fridge is noisy again, is that normal?).
  const told = segments(input.text).slice(0, -1);
  if (told.length > 1) return false;
  const read = input.model?.sentimentOf;
  return !read || !told.some((s) => read(s).negative >= TOLD_PROBLEM);
}

/** "??", "?!": a question pressed, the punctuation of an exasperated customer. */
const PRESSED = /[?？]\s*[?？!]|![?？]/u;
/**
 * Aspect of a problem that goes on: "still", "again", "pořád", "zase", "pa rin", "na naman", "ยัง",
 * "อีกแล้ว", "ఇంకా", "మళ్ళీ". A question with one asks about a present problem ("is the app down again?").
 */
const STILL = new RegExp(
  `(?<![\\p{L}\\p{M}])(?:still|again|yet|pořád|porad|stále|stale|zase|znovu|ještě|jeste|pa rin|pa din|na naman|ulit|inka|malli)(?![\\p{L}\\p{M}])|ยังไม่|อีกแล้ว|อีกละ|ఇంకా|మళ్ళీ|మళ్లీ`,
  "iu",
);

/** How sure the model must be that a statement before the question is bad news. */
const TOLD_PROBLEM = 0.5;
/** Ends as a question: a question mark, or a Thai question particle (Telugu "-aa" is also a plain verb ending, "పడ్డా"). */
const ENDS_ASKING =
  /(?:[?？]|ไหม|มั้ย|หรือเปล่า|รึเปล่า|หรือยัง|ได้ไหม|ยังไง|อย่างไร|เท่าไร|เท่าไหร่|ไหน|อะไร|กี่[\u0E00-\u0E7F]{0,6})(?:คะ|ครับ|ค่ะ|จ้ะ|จ้า)?[\s\p{P}\p{S}]*$/u;

/** Questions about the cause of a problem: why, proč, bakit, ทำไม, ఎందుకు. */
const WHY = /(?<![\p{L}\p{M}])(?:why|how come|proč|proc|bakit|enduku|endhuku)(?![\p{L}\p{M}])|ทำไม|ఎందుకు/iu;

/** Longer than this, an unpunctuated message is more likely a story than a question. */
const MAX_UNMARKED_WORDS = 14;

/** Asked before buying or joining: the stage is before_purchase. */
export function isPreSales(text: string): boolean {
  return PRE_SALES.test(text);
}

const W = "(?<![\\p{L}\\p{M}])";
const E = "(?![\\p{L}\\p{M}])";
/** A question: a question mark, or a Thai/Telugu/Tagalog question particle at the end. */
const QUESTION = /[?？]|(?:ไหม|มั้ย|หรือเปล่า|ไหมคะ|ไหมครับ|ได้ไหม|ยังไง|อย่างไร|เท่าไร|เท่าไหร่|ไหน|ఆ|ా|ఉందా|వచ్చా|ఎలా|ఎంత)\s*$/u;
/** How a question opens when it has no question mark: inverted verbs and question words, per language. */
const OPENS_QUESTION = new RegExp(
  [
    `^(?:do|does|did|can|could|will|would|is|are|how|what|where|when|which)\\s+(?:you|i|we|it|there|they|this|that|the|your|much|many|long|do|does|can|is|are|to)${E}`,
    `^(?:máte|mate|můžu|muzu|mohu|můžete|muzete|dá se|da se|jde|lze|je možné|je mozne|jak|kolik|kde|kdy|děláte|delate|nabízíte|nabizite|posíláte|posilate|doručujete|dorucujete)${E}`,
    `^(?:pwede|puwede|magkano|saan|paano|pano|kailan|kelan|meron)${E}`,
  ].join("|"),
  "iu",
);
/** How people ask about terms: conditionals, can-I, how/how much/where/when, considering. */
const ASKING = new RegExp(
  [
    `${W}(?:if|when|thinking (?:of|about)|considering|before i|planning to|can i|could i|do you|does it|is there|are there|how (?:do|can|much|many|long|does)|what(?:'s| is| are| does)|where|which)${E}`,
    `${W}(?:když|kdyby|pokud|jestli|uvažuj\\p{L}*|zvažuj\\p{L}*|plánuj\\p{L}*|můžu|mohu|můžete|dá se|jak|kolik|kde|kdy|jaká|jaký|jaké|děláte|máte|nabízíte)${E}`,
    `${W}(?:kung|pag|kapag|balak|iniisip|nag-?iisip|paano|magkano|saan|kailan|pwede|puwede|may|meron)${E}`,
    `ถ้า|หาก|สนใจ|อยากสมัคร|กำลังจะ|ก่อนซื้อ|ได้ไหม|ยังไง|อย่างไร|เท่าไร|เท่าไหร่|ที่ไหน|เมื่อไร`,
    `ఒకవేళ|అయితే|ఆలోచిస్తున్నా|చేరాలని|కొనాలని|ఎలా|ఎంత|ఎప్పుడు|ఏమిటి|ఎక్కడ|ఉందా|చేయవచ్చా|వీలుందా`,
  ].join("|"),
  "iu",
);
const PRE_SALES = new RegExp(
  [
    `${W}(?:thinking (?:of|about) (?:joining|switching to|signing|buying|getting)|considering|before i (?:buy|sign|join|order)|planning to (?:join|buy|sign))${E}`,
    `${W}(?:uvažuj\\p{L}* že k vám|zvažuj\\p{L}*|než to koupím|než si (?:to )?koupím|chtěl\\p{L}* bych si (?:koupit|pořídit))${E}`,
    `${W}(?:balak (?:kong|ko) (?:mag|bumili|kumuha|lumipat)|bago (?:ako )?bumili|iniisip kong)${E}`,
    `สนใจ|อยากสมัคร|ก่อนซื้อ|กำลังจะสมัคร|คิดจะสมัคร`,
    `చేరాలని|కొనాలని|తీసుకోవాలని అనుకుంటున్నా`,
  ].join("|"),
  "iu",
);

/** The tone of a plain question: neutral, unless the words themselves praise. */
export function askedNeutral(sentiment: Reading["sentiment"]): Reading["sentiment"] {
  return sentiment.label === "negative" ? { ...sentiment, label: "neutral", score: round(Math.max(-0.2, sentiment.score)) } : sentiment;
}

/** A question about cancelling wants information, not a cancellation; and it is no churn threat. */
export function askedParts(needs: Reading["needs"], signals: Reading["signals"]): Pick<Reading, "needs" | "signals"> {
  const cancel = needs.find((n) => n.label === "cancellation");
  let kept = needs.filter((n) => n.label !== "cancellation");
  if (cancel && !kept.some((n) => n.label === "information")) kept = [{ ...cancel, label: "information" }, ...kept];
  return { needs: kept, signals: signals.filter((s) => s.label !== "churn_threat") };
}

/** Asking is not leaving: before buying it is before_purchase, else the customer is in use. */
export function askedStage(stage: Reading["stage"], text: string): Reading["stage"] {
  if (isPreSales(text)) return { ...stage, label: "before_purchase" };
  return stage.label === "leaving" ? { ...stage, label: "in_use" } : stage;
}
