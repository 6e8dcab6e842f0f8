import { SIGNALS, WARM_EMOTIONS, type EmotionLabel } from "../../core/labels.js";
import type { Reading, SignalReading } from "../../core/reading.js";
import { contactCount, mentionsContact } from "./contact-count.js";
import { switchesAway } from "./switch-words.js";
import { hazardSaid } from "./hazard-words.js";
import { contradictionFacts } from "./praise-contradiction.js";
import { praiseAfterContrast, praiseFrame } from "./praise-frame.js";
import { namesFix } from "./fix-words.js";
import { toSpans, type Range } from "./evidence.js";
import { positiveHits, strength, type FuseInput } from "./fuse-input.js";
import { noisyOr } from "./noisy-or.js";

// Emoji that turn praise into its opposite: the eye-roll kind always, applause only beside a complaint.
const IRONY_MARKS = new Set(["🙄", "🙃", "😒", "🤡"]);
const CLAP = "👏";
/** A signal the cues do not see needs a sure model: signals raise urgency and open cases. */
const MODEL_ONLY = 0.8;
const SARCASTIC_ALONE = 0.7;
/** How sure the model must be that a fact segment beside framed praise is bad news. */
const FACT_NEGATIVE = 0.7;

/**
 * Signals (churn, public exposure, legal, safety, repeat contact, sarcasm): cues that are not
 * negated ("I won't cancel" is no churn threat), the model's signal head where it is sure, and one
 * rule for sarcasm the cues cannot see: praise words in a message whose tone is negative, marked
 * with an eye-roll or the like.
 *
 * @example
 * fuseSignals(input, sentiment); // [{label: "churn_threat", evidence: [{text: "cancel my account", ...}]}]
 */
export function fuseSignals(input: FuseInput, sentiment: Reading["sentiment"]): SignalReading[] {
  const out: SignalReading[] = [];
  for (const label of SIGNALS) {
    let hits = positiveHits(input, "signal", label);
    // Most sarcasm cues are praise words ("great job", "very helpful"); they mean the opposite only
    // beside a complaint. Only cues that are sarcastic on their own ("thanks for nothing") stand alone.
    if (label === "sarcasm" && !complains(input, sentiment)) hits = hits.filter((h) => h.cue.weight >= SARCASTIC_ALONE);
    const cueScore = noisyOr(hits.map(strength));
    const model = input.model?.signals?.[label] ?? 0;
    let ranges: Range[] = [];
    if (cueScore >= 0.3) ranges = hits;
    else if (model >= MODEL_ONLY && input.model && modelMayClaim(label, input, sentiment)) {
      ranges = input.model.evidence("signals", label);
    }
    if (label === "sarcasm" && ranges.length === 0) ranges = ironicPraise(input, sentiment);
    if (label === "sarcasm" && ranges.length === 0) ranges = praiseAgainstFacts(input, sentiment);
    if (label === "repeat_contact" && ranges.length === 0) ranges = contactCount(input.text);
    if (label === "safety_issue" && ranges.length === 0) ranges = hazardSaid(input.text);
    // An employee naming another company is workload talk, not a customer leaving (issue 12).
    if (label === "churn_threat" && ranges.length === 0 && input.context.direction !== "employee") ranges = switchesAway(input.text);
    const evidence = toSpans(input.text, ranges);
    if (evidence.length > 0) out.push({ label, evidence });
  }
  return out;
}

/**
 * What the model alone may claim: sarcasm needs a clash the words show (a sincere thank-you must
 * never read as sarcasm); repeat contact needs a contact named ("crashing again" contacts nobody).
 */
function modelMayClaim(label: string, input: FuseInput, sentiment: Reading["sentiment"]): boolean {
  // A thank-you that names a fix or turns to praise after "but" is sincere (praise-frame.ts).
  if (label === "sarcasm") return complains(input, sentiment) && !turnsToThanks(input);
  if (label === "repeat_contact") return mentionsContact(input.text);
  return true;
}

function ironicPraise(input: FuseInput, sentiment: Reading["sentiment"]): Range[] {
  const praise = positiveHits(input, "sentiment", "positive");
  if (praise.length === 0) return [];
  const marks = input.tokens.filter((t) => {
    if (t.kind !== "emoji") return false;
    const e = t.norm.replace(/\uFE0F/g, "");
    return IRONY_MARKS.has(e) || (e === CLAP && complains(input, sentiment));
  });
  return marks.length > 0 ? [...praise, ...marks] : [];
}

/** Praise words next to negative facts (praise-contradiction.ts): two points of contradiction, no fix named. */
function praiseAgainstFacts(input: FuseInput, sentiment: Reading["sentiment"]): Range[] {
  const praise = input.hits.filter((h) => !h.negated && isPraise(h.cue));
  if (praise.length === 0) return [];
  const facts = contradictionFacts(input.text, input.tokens);
  if (facts.fixed || praiseAfterContrast(input.text, praise)) return [];
  const points = facts.points + (complains(input, sentiment) ? 1 : 0);
  if (points >= 2) return [...praise, ...facts.ranges];
  // Praise set apart from facts that, read alone, are bad news (praise-frame.ts).
  const frame = praiseFrame(input.text, input.tokens, praise);
  return frame.framed && factsReadNegative(input, frame.facts) ? [...praise, ...frame.facts] : [];
}

/** The model reads a fact segment, alone, as bad news (a clear lean). */
function factsReadNegative(input: FuseInput, facts: readonly Range[]): boolean {
  const read = input.model?.sentimentOf;
  if (!read) return false;
  return facts.some((f) => {
    const p = read(f);
    return p.negative >= FACT_NEGATIVE && p.negative > p.positive;
  });
}

/** The message names a fix or turns from a problem to praise: the shape of sincere thanks. */
function turnsToThanks(input: FuseInput): boolean {
  const praise = input.hits.filter((h) => !h.negated && isPraise(h.cue));
  return namesFix(input.text, input.tokens).length > 0 || praiseAfterContrast(input.text, praise);
}

/** A praise word: positive tone, a warm feeling, praise of a cause, or a word the lexicon knows as sarcastic praise. */
function isPraise(cue: FuseInput["hits"][number]["cue"]): boolean {
  if (cue.kind === "sentiment") return cue.label === "positive";
  if (cue.kind === "emotion") return WARM_EMOTIONS.has(cue.label as EmotionLabel);
  if (cue.kind === "cause") return cue.polarity === "+";
  return cue.kind === "signal" && cue.label === "sarcasm";
}

/** The message complains: a negative tone, or a problem named in it. */
function complains(input: FuseInput, sentiment: Reading["sentiment"]): boolean {
  if (sentiment.label === "negative") return true;
  return input.hits.some(
    (h) =>
      !h.negated &&
      ((h.cue.kind === "sentiment" && h.cue.label === "negative") ||
        (h.cue.kind === "cause" && h.cue.polarity === "-") ||
        h.cue.kind === "complaint"),
  );
}
