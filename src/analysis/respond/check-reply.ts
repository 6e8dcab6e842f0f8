/**
 * The empathy check: scores an agent's reply against the customer message it answers, on ten
 * criteria (feeling acknowledged and validated, apology where the company is at fault, the stated
 * cause addressed, ownership of the fix, a next step with a time, respect, the customer's language,
 * proportion, personal touch). Pure: the caller passes both Readings, so the same function serves a
 * draft before sending and a quality review afterwards.
 *
 * @example
 * const customer = reader.analyze(message);
 * const reply = reader.analyze(replyText, { direction: "agent" });
 * const check = checkReply(replyText, reply, customer, message, { customerName: "Dana" });
 * check.score; // 0..100
 */
import type { CauseLabel, EmotionLabel } from "../../core/labels.js";
import type { Reading, Span } from "../../core/reading.js";
import { findCues, findGroups, type CompiledCues } from "./cue-matcher.js";
import { prepare, type PreparedText } from "../text/fold.js";
import type { CueSet } from "./cue-set.js";
import { topicsIn } from "./cause-topics.js";
import { contentStems, specificNumbers } from "./content-words.js";
import { cueSetFor, dataKey } from "./respond-data.js";
import { exampleFor, type ExampleKind } from "./suggestion-examples.js";
import { classify, type SituationReading } from "./situation.js";
import type { Check, CheckOptions, CriterionName, CriterionResult, Verdict } from "./types.js";

/** How much each criterion counts; the score is the weighted share of the applicable ones. */
export const CRITERION_WEIGHTS: Record<CriterionName, number> = {
  acknowledges_feeling: 14,
  validates_feeling: 8,
  apology_fits: 10,
  addresses_cause: 12,
  owns_fix: 12,
  next_step: 12,
  respectful: 10,
  customer_language: 10,
  in_proportion: 6,
  personal: 6,
};

/** A reply in the wrong language, or one that blames the customer, cannot score above these. */
const WRONG_LANGUAGE_CAP = 40;
const DISRESPECT_CAP = 35;
/** An excuse with nothing owned ("delivery is the courier's job"), or a reply that neither names the feeling nor takes anything on: cold. */
const COLD_CAP = 45;

const POSITIVE_FEELINGS: ReadonlySet<string> = new Set(["joy", "gratitude", "trust"]);

const FAMILIES: EmotionLabel[][] = [
  ["anger", "frustration"],
  ["disappointment", "sadness"],
  ["worry", "surprise"],
  ["confusion"],
  ["joy", "gratitude", "trust"],
];

interface Found {
  apology: Span[];
  generic: Span[];
  validation: Span[];
  ownership: Span[];
  deflection: Span[];
  blame: Span[];
  sarcasm: Span[];
  jargon: Span[];
  nextStep: Span[];
  time: Span[];
  timeVague: Span[];
  privateChannel: Span[];
  thanks: Span[];
}

/** Score `reply` (with its Reading) against the customer's message (with its Reading). */
export function checkReply(
  reply: string,
  replyReading: Reading,
  customerReading: Reading,
  customerText: string,
  options: CheckOptions = {},
): Check {
  const customerLang = customerReading.language.code;
  // Each side is read with the lists of its own script: romanised Telugu with romanised cues.
  const customerCues = cueSetFor(customerLang, customerReading.language.script);
  const replyCues = cueSetFor(replyReading.language.code, replyReading.language.script) ?? customerCues ?? cueSetFor("en");
  const cues = replyCues as CueSet;
  const text = prepare(reply, cues.fold);
  const found = findAll(cues, text);
  const sit = classify(customerReading);
  const isPublic = options.public === true || customerReading.reach.reasons.some((r) => /public/i.test(r));

  const customerSide = customerTerms(customerText, customerReading, customerCues ?? cues, sit);
  const replyStems = contentStems(text, cues.mode, cues.stopwords);
  const sharedCause = replyStems.filter((s) => customerSide.causeStems.has(s.stem));
  const sharedAny = replyStems.filter((s) => customerSide.allStems.has(s.stem));
  const replyTopics = findGroups(cues.topicsAll, text);
  const topicSpans: Span[] = customerSide.causeLabels.flatMap((label) => replyTopics.get(label) ?? []);
  const feelings = findGroups(cues.empathyAll, text);

  const criteria: CriterionResult[] = [
    acknowledges(sit, feelings, found),
    validates(sit, found, feelings, isPublic),
    apologyFits(sit, found, customerReading),
    addressesCause(customerSide, sit, topicSpans, toSpans(reply, sharedCause), toSpans(reply, sharedAny)),
    ownsFix(sit, found),
    nextStep(sit, found, isPublic),
    respectful(found, sit),
    inLanguage(reply, replyReading, customerReading, customerCues, text),
    inProportion(reply, sit, found, customerReading, isPublic, cues),
    personal(reply, text, options, customerText, toSpans(reply, sharedAny), topicSpans),
  ];
  addExamples(criteria, dataKey(customerLang, customerReading.language.script), sit);
  return { score: scoreOf(criteria), criteria };
}

const EXAMPLE_OF: Partial<Record<CriterionName, ExampleKind>> = {
  acknowledges_feeling: "feeling",
  validates_feeling: "validate",
  apology_fits: "apology",
  owns_fix: "own",
  next_step: "next",
};

/** Append an example in the customer's language and script to suggestions that ask for something missing. */
function addExamples(criteria: CriterionResult[], language: string, sit: SituationReading): void {
  for (const c of criteria) {
    const kind = EXAMPLE_OF[c.name];
    if (!kind || c.suggestion === "" || sit.situation === "praise") continue;
    // An apology example only where one is owed, not where the advice is to apologise less.
    if (kind === "apology" && (sit.fault === "no" || !/apologise once|specific problem/.test(c.suggestion))) continue;
    const example = exampleFor(language, kind, {
      ...(sit.emotions[0] ? { emotion: sit.emotions[0] } : {}),
      ...(sit.negativeCauses[0] ? { cause: sit.negativeCauses[0] } : {}),
    });
    if (example) c.suggestion = `${c.suggestion} For example: "${example}"`;
  }
}

// Quoted text in a reply is the customer's own words read back, not the agent's: blame or sarcasm
// cues inside quotation marks are not the agent blaming anyone.
const QUOTED = /["“„«»]([^"“”„«»\n]{1,300})["”“«»]/gu;

function quotedRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  QUOTED.lastIndex = 0;
  for (let m = QUOTED.exec(text); m !== null; m = QUOTED.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

function unquoted(spans: Span[], ranges: [number, number][]): Span[] {
  if (ranges.length === 0) return spans;
  return spans.filter((s) => !ranges.some(([a, b]) => s.start >= a && s.end <= b));
}

const LISTS: Record<keyof Found, { list: (c: CueSet) => CompiledCues; agentOnly?: boolean }> = {
  apology: { list: (c) => c.apology },
  generic: { list: (c) => c.generic_apology },
  validation: { list: (c) => c.validation },
  ownership: { list: (c) => c.ownership },
  deflection: { list: (c) => c.deflection, agentOnly: true },
  blame: { list: (c) => c.blame, agentOnly: true },
  sarcasm: { list: (c) => c.sarcasm, agentOnly: true },
  jargon: { list: (c) => c.jargon, agentOnly: true },
  nextStep: { list: (c) => c.next_step },
  time: { list: (c) => c.time },
  timeVague: { list: (c) => c.time_vague },
  privateChannel: { list: (c) => c.private_channel },
  thanks: { list: (c) => c.thanks },
};

/**
 * The cue spans of a reply, each list scanned only when a criterion first asks for it: most
 * checks never need half of the lists (praise needs no next step, a private reply no channel).
 */
function findAll(c: CueSet, t: PreparedText): Found {
  let quoted: [number, number][] | undefined;
  const found = {} as Found;
  for (const key of Object.keys(LISTS) as (keyof Found)[]) {
    const { list, agentOnly } = LISTS[key];
    let value: Span[] | undefined;
    Object.defineProperty(found, key, {
      enumerable: true,
      get(): Span[] {
        if (value === undefined) {
          value = findCues(list(c), t);
          if (agentOnly && value.length > 0) value = unquoted(value, (quoted ??= quotedRanges(t.original)));
        }
        return value;
      },
    });
  }
  return found;
}

function result(name: CriterionName, verdict: Verdict, evidence: Span[], suggestion = ""): CriterionResult {
  return { name, verdict, evidence: dedupe(evidence), suggestion: verdict === "met" || verdict === "not_applicable" ? "" : suggestion };
}

type Feelings = Map<EmotionLabel | "general", Span[]>;

function acknowledges(sit: SituationReading, feelings: Feelings, f: Found): CriterionResult {
  const name = "acknowledges_feeling";
  if (sit.situation === "praise") {
    const joy = [...f.thanks, ...(feelings.get("joy") ?? [])];
    return joy.length > 0
      ? result(name, "met", joy)
      : result(name, "missed", [], "Thank the customer for the kind words and say you are glad it went well.");
  }
  if (!sit.negative && sit.emotions.length === 0) return result(name, "not_applicable", []);
  const wanted = new Set<EmotionLabel>();
  for (const e of sit.emotions.slice(0, 3)) for (const fam of FAMILIES) if (fam.includes(e)) fam.forEach((x) => wanted.add(x));
  const specific: Span[] = [];
  const other: Span[] = [];
  for (const [label, found] of feelings) {
    if (label === "general") continue;
    const spans = found.filter((s) => !inside(s, f.generic));
    // Readers confuse neighbouring negative feelings (anger read as sadness), so naming any
    // negative feeling counts; only a warm word to an upset customer is a near miss.
    const negativeWord = !POSITIVE_FEELINGS.has(label);
    if (wanted.has(label) || (sit.negative && negativeWord) || (wanted.size === 0 && negativeWord)) specific.push(...spans);
    else other.push(...spans);
  }
  const general = feelings.get("general") ?? [];
  const feelingName = sit.emotions[0] ?? "the feeling";
  if (specific.length > 0) return result(name, "met", [...specific, ...general]);
  if (general.length > 0 || other.length > 0)
    return result(
      name,
      "partly",
      [...general, ...other],
      `Name the customer's feeling (${feelingName}) in your own words, not only a general phrase.`,
    );
  return result(
    name,
    "missed",
    f.generic,
    `Start by acknowledging the customer's ${feelingName}: say what they feel and why, instead of a generic apology.`,
  );
}

function validates(sit: SituationReading, f: Found, feelings: Feelings, isPublic: boolean): CriterionResult {
  const name = "validates_feeling";
  if (sit.situation === "praise" || (!sit.negative && sit.emotions.length === 0)) return result(name, "not_applicable", []);
  // A public reply is kept short on purpose; validation belongs in the private conversation.
  if (isPublic && f.validation.length === 0) return result(name, "not_applicable", []);
  if (f.validation.length > 0) return result(name, "met", f.validation);
  const general = feelings.get("general") ?? [];
  if (general.length > 0)
    return result(
      name,
      "partly",
      general,
      'Say the feeling is fair: "that\'s completely understandable", "you\'re right to expect better".',
    );
  return result(name, "missed", [], 'Tell the customer their reaction is reasonable ("anyone would be upset by this").');
}

function apologyFits(sit: SituationReading, f: Found, customer: Reading): CriterionResult {
  const name = "apology_fits";
  const apologies = mergeSpans([...f.apology, ...f.generic]);
  const count = apologies.length;
  const allowed = customer.complaint.severity >= 3 || customer.intensity >= 0.7 ? 3 : 2;
  if (sit.fault === "no") {
    if (count === 0) return result(name, sit.situation === "question" ? "not_applicable" : "met", []);
    // An apology that comes with a fix suggests the message held a problem the Reading missed.
    return sit.situation === "praise" && f.ownership.length === 0
      ? result(name, "missed", apologies, "This is praise: thank the customer instead of apologising.")
      : result(name, "partly", apologies, "Nothing went wrong here: answer helpfully without apologising.");
  }
  if (count === 0) {
    return sit.fault === "yes"
      ? result(name, "missed", [], "The company is at fault here: apologise once, plainly, for the specific problem.")
      : result(name, "met", []);
  }
  const specific = f.apology.filter((s) => !inside(s, f.generic));
  if (specific.length === 0)
    return result(name, "partly", f.generic, 'Replace the stock "sorry for the inconvenience" with an apology for the specific problem.');
  if (count > allowed) return result(name, "partly", apologies, `Apologise once or twice, not ${count} times; then move to the fix.`);
  return result(name, "met", apologies);
}

interface CustomerSide {
  causeLabels: CauseLabel[];
  causeStems: Set<string>;
  allStems: Set<string>;
}

function customerTerms(text: string, reading: Reading, cues: CueSet, sit: SituationReading): CustomerSide {
  const labels = new Set<CauseLabel>(reading.causes.map((c) => c.label));
  const prepared = prepare(text, cues.fold);
  // The Reading may miss a cause the cue lists see plainly; either is enough to expect it addressed.
  for (const label of topicsIn(prepared, cues).keys()) labels.add(label);
  const causeStems = new Set<string>();
  for (const c of reading.causes) {
    const parts = [c.target ?? "", ...c.evidence.map((e) => e.text)].join(" ");
    for (const s of contentStems(prepare(parts, cues.fold), cues.mode, cues.stopwords)) causeStems.add(s.stem);
  }
  const allStems = new Set(contentStems(prepared, cues.mode, cues.stopwords).map((s) => s.stem));
  void sit;
  return { causeLabels: [...labels], causeStems, allStems };
}

function addressesCause(
  side: CustomerSide,
  sit: SituationReading,
  topics: Span[],
  sharedCause: Span[],
  sharedAny: Span[],
): CriterionResult {
  const name = "addresses_cause";
  if (side.causeLabels.length === 0 && side.allStems.size === 0) return result(name, "not_applicable", []);
  // Thanks for praise of nothing nameable is complete; specifics are judged under "personal".
  if (sit.situation === "praise" && side.causeLabels.length === 0 && sharedAny.length < 2) return result(name, "not_applicable", []);
  // With no cause to name (a plain question), speaking to the customer's own words is the test.
  const noCause = side.causeLabels.length === 0 && sharedAny.length >= 2;
  if (noCause || sharedCause.length > 0 || (topics.length > 0 && sharedAny.length > 0) || topics.length >= 2)
    return result(name, "met", [...sharedCause, ...topics, ...sharedAny]);
  if (topics.length > 0 || sharedAny.length > 0)
    return result(
      name,
      "partly",
      [...topics, ...sharedAny],
      "Name the problem in the customer's own words (what arrived late, what was charged, who was rude).",
    );
  return result(name, "missed", [], "Say what went wrong, in the customer's terms; the reply does not mention the cause they wrote about.");
}

function ownsFix(sit: SituationReading, f: Found): CriterionResult {
  const name = "owns_fix";
  if (sit.situation === "praise") return result(name, "not_applicable", []);
  const pushBack = [...f.blame, ...f.deflection];
  if (f.ownership.length > 0 && pushBack.length === 0) return result(name, "met", f.ownership);
  if (f.ownership.length > 0)
    return result(
      name,
      "partly",
      [...f.ownership, ...pushBack],
      'Drop the policy or courier excuse; keep the "I will" and say what you will do.',
    );
  if (sit.situation === "question" && pushBack.length === 0)
    return result(name, "partly", [], 'Offer to do it for them: "I\'ll send you the steps" or "let me check that".');
  return result(name, "missed", pushBack, 'Take the fix on yourself: "I will ...", not "you should have" or "please contact ...".');
}

function nextStep(sit: SituationReading, f: Found, isPublic: boolean): CriterionResult {
  const name = "next_step";
  if (sit.situation === "praise") return result(name, "not_applicable", []);
  const steps = [...f.nextStep, ...(isPublic ? f.privateChannel : [])];
  if (steps.length > 0 && f.time.length > 0) return result(name, "met", [...steps, ...f.time]);
  if (steps.length > 0 && f.timeVague.length > 0)
    return result(
      name,
      "partly",
      [...steps, ...f.timeVague],
      'Replace "soon" with a time the customer can hold you to ("by 5 pm today", "within 24 hours").',
    );
  if (steps.length > 0)
    return result(name, "partly", steps, 'Say when: add a time to the next step ("within 24 hours", "tomorrow morning").');
  if (f.time.length > 0)
    return result(name, "partly", f.time, 'Say what will happen at that time and who does it ("I will call you ...").');
  return result(name, "missed", [], 'End with the next step and when: who does what, by when ("I will update you by tomorrow noon").');
}

function respectful(f: Found, sit: SituationReading): CriterionResult {
  const name = "respectful";
  const bad = [...f.blame, ...f.sarcasm];
  if (bad.length > 0)
    return result(name, "missed", bad, "Remove wording that blames or talks down to the customer; describe what you will do instead.");
  // An excuse ("not our fault", "the courier handles that") is not rude, but it is not respect either.
  if (f.deflection.length > 0 && sit.situation !== "praise")
    return result(name, "partly", f.deflection, "Drop the excuse; say what you will do about it.");
  if (f.jargon.length > 0)
    return result(name, "partly", f.jargon, "Replace internal terms (ticket ids, SLA, backend) with plain words the customer uses.");
  return result(name, "met", []);
}

function inLanguage(
  reply: string,
  replyReading: Reading,
  customer: Reading,
  customerCues: CueSet | undefined,
  text: PreparedText,
): CriterionResult {
  const name = "customer_language";
  const want = customer.language.code;
  const got = replyReading.language.code;
  const all: Span[] = [{ start: 0, end: Math.min(reply.length, 80), text: reply.slice(0, 80) }];
  if (want === "und" || want === "") return result(name, "not_applicable", []);
  if (got === want) return result(name, "met", []);
  const mixed = customer.language.mixed ?? [];
  if (mixed.includes(got)) return result(name, "partly", all, `The customer mixes languages; answer mainly in ${want}, as they wrote.`);
  // An unsure identification of a short reply: trust the customer language's own cues if they fire.
  if (replyReading.language.confidence < 0.5 && customerCues) {
    const hits = [customerCues.ownership, customerCues.next_step, customerCues.apology, customerCues.thanks]
      .map((m) => find(m, prepare(reply, customerCues.fold)).length)
      .reduce((a, b) => a + b, 0);
    if (hits >= 2) return result(name, "met", []);
  }
  void text;
  return result(name, "missed", all, `Reply in the customer's language (${want}); this reply reads as ${got}.`);
}

function inProportion(reply: string, sit: SituationReading, f: Found, customer: Reading, isPublic: boolean, cues: CueSet): CriterionResult {
  const name = "in_proportion";
  const words = wordCount(reply, cues);
  const intense = customer.intensity >= 0.6 || customer.complaint.severity >= 3;
  const [min, max] = isPublic
    ? [8, 70]
    : sit.situation === "praise"
      ? [6, 90]
      : sit.situation === "question"
        ? [8, 140]
        : intense
          ? [20, 200]
          : [14, 160];
  const apologies = mergeSpans([...f.apology, ...f.generic]).length;
  const allowed = customer.complaint.severity >= 3 || customer.intensity >= 0.7 ? 3 : 2;
  const whole: Span[] = [{ start: 0, end: reply.length, text: reply }];
  if (apologies > allowed + 1)
    return result(name, "missed", mergeSpans([...f.apology, ...f.generic]), "Too many apologies smother the message: keep one, then act.");
  if (words < min / 2)
    return result(
      name,
      "missed",
      whole,
      "The reply is too short for what the customer went through: acknowledge, own the fix, give the next step.",
    );
  if (words > max * 2) return result(name, "missed", whole, "The reply is far too long: cut it to the feeling, the fix and the next step.");
  if (apologies > allowed)
    return result(name, "partly", mergeSpans([...f.apology, ...f.generic]), "One or two apologies are enough; spend the words on the fix.");
  if (words < min) return result(name, "partly", whole, "Add a sentence on what you will do and when.");
  if (words > max)
    return result(
      name,
      "partly",
      whole,
      isPublic
        ? "Keep a public reply short and move the details to a private message."
        : "Trim the reply; keep the feeling, the fix and the next step.",
    );
  return result(name, "met", []);
}

function personal(
  reply: string,
  text: PreparedText,
  options: CheckOptions,
  customerText: string,
  shared: Span[],
  topics: Span[],
): CriterionResult {
  const name = "personal";
  const evidence: Span[] = [];
  let nameUsed: boolean | null = null;
  if (options.customerName && options.customerName.trim().length > 0) {
    const first = options.customerName.trim().split(/\s+/)[0] as string;
    const at = text.key.indexOf(prepare(first, text.fold).key);
    nameUsed = at >= 0;
    if (at >= 0) evidence.push({ start: at, end: at + first.length, text: reply.slice(at, at + first.length) });
  }
  const numbers = [...specificNumbers(customerText), ...(options.orderId ? [options.orderId.toLowerCase()] : [])];
  for (const n of numbers) {
    const at = text.key.indexOf(n);
    if (at >= 0) evidence.push({ start: at, end: at + n.length, text: reply.slice(at, at + n.length) });
  }
  const specifics = evidence.length > (nameUsed ? 1 : 0) || shared.length >= 2 || (shared.length >= 1 && topics.length >= 1);
  if (specifics) evidence.push(...shared);
  if (specifics && nameUsed !== false) return result(name, "met", evidence);
  if (specifics || nameUsed === true)
    return result(
      name,
      "partly",
      evidence,
      nameUsed === false ? "Use the customer's name." : "Mention the specifics: the order, the amount, the date they gave.",
    );
  return result(name, "missed", [], "Make it about this customer: their name and the details they gave (order, amount, date).");
}

/**
 * Length in rough English-word equivalents: Thai has no spaces (about five letters a word) and
 * Vietnamese writes every syllable apart (about two syllables a word).
 */
function wordCount(reply: string, cues: CueSet): number {
  if (cues.mode === "nospace") return Math.round(reply.replace(/\s+/g, "").length / 5);
  const tokens = reply.split(/\s+/).filter(Boolean).length;
  return cues.language === "vi" ? Math.round(tokens / 2) : tokens;
}

function scoreOf(criteria: CriterionResult[]): number {
  let got = 0;
  let total = 0;
  for (const c of criteria) {
    if (c.verdict === "not_applicable") continue;
    const w = CRITERION_WEIGHTS[c.name];
    total += w;
    got += c.verdict === "met" ? w : c.verdict === "partly" ? w / 2 : 0;
  }
  let score = total === 0 ? 100 : Math.round((got / total) * 100);
  const byName = new Map(criteria.map((c) => [c.name, c.verdict]));
  if (byName.get("customer_language") === "missed") score = Math.min(score, WRONG_LANGUAGE_CAP);
  if (byName.get("respectful") === "missed") score = Math.min(score, DISRESPECT_CAP);
  if (isCold(byName)) score = Math.min(score, COLD_CAP);
  return score;
}

/**
 * Cold: an excuse with nothing taken on, or, to a customer with a feeling to acknowledge, a
 * reply that names no feeling and takes nothing on. Such a reply cannot pass on tone and length.
 */
function isCold(byName: Map<CriterionName, Verdict>): boolean {
  const owns = byName.get("owns_fix");
  const excuse = byName.get("respectful") === "partly" && owns !== "met";
  const unmoved = byName.get("acknowledges_feeling") === "missed" && (owns === "missed" || owns === "partly");
  return excuse || unmoved;
}

function find(m: CompiledCues | undefined, t: PreparedText): Span[] {
  return m ? findCues(m, t) : [];
}

function inside(s: Span, outer: Span[]): boolean {
  return outer.some((o) => s.start >= o.start && s.end <= o.end);
}

/** Overlapping spans count once (an apology phrase inside a generic apology is one apology). */
function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) continue;
    out.push(s);
  }
  return out;
}

function dedupe(spans: Span[]): Span[] {
  const seen = new Set<string>();
  const out: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const k = `${s.start}:${s.end}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(s);
  }
  return out;
}

function toSpans(reply: string, stems: { start: number; end: number }[]): Span[] {
  return stems.map((s) => ({ start: s.start, end: s.end, text: reply.slice(s.start, s.end) }));
}
