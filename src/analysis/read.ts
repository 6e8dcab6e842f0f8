/**
 * The one entry point of the reading engine: text in, Reading out.
 *
 * The pipeline runs fixed steps in a fixed order, each a pure function over the previous step's
 * output (after wink-nlp): normalise -> language -> segment -> negation -> cues -> model ->
 * fusion (sarcasm last: it turns praise around). Data (lexicons, model weights, the language model) is loaded once by `createReader` and
 * handed to the steps; `reader.analyze` itself does no I/O and is synchronous. `reader.analyzeMany`
 * runs the same steps over a batch, one step at a time (the reading workers use it: same Readings,
 * about a quarter less CPU per message).
 */
import { AttuneError } from "../core/errors.js";
import { EMOTIONS, NEEDS, SEED_LANGUAGES } from "../core/labels.js";
import type { Reading, ReadingContext, ReadingEngine } from "../core/reading.js";
import { PIPELINE_VERSION } from "../core/version.js";
import { MAX_TEXT_CHARS } from "../core/reading-context.js";
import { isAgent, NO_COMPLAINT } from "./fuse/agent-words.js";
import { praiseNow, settledProblem, settledSignals } from "./fuse/clauses.js";
import { askedNeutral, askedParts, askedStage, isNeutralAsk } from "./fuse/neutral-ask.js";
import { fuseCauses } from "./fuse/fuse-causes.js";
import { turnCauses } from "./fuse/cause-turns.js";
import { causeFallback, staffingWords } from "./fuse/cause-fallback.js";
import { hazardCause } from "./fuse/hazard-cause.js";
import { fuseComplaint } from "./fuse/fuse-complaint.js";
import { employeeStays, staffingAskTone, stayingParts } from "./fuse/employee-words.js";
import type { FuseInput } from "./fuse/fuse-input.js";
import { fuseIntensity } from "./fuse/fuse-intensity.js";
import { fuseReach } from "./fuse/fuse-reach.js";
import { EMOTION_FUSION, fuseScoredLabels } from "./fuse/fuse-scored-labels.js";
import { cueSides, fuseSentiment } from "./fuse/fuse-sentiment.js";
import { contentEvidence } from "./fuse/content-evidence.js";
import { fuseSignals } from "./fuse/fuse-signals.js";
import { fuseStage } from "./fuse/fuse-stage.js";
import { fuseUrgency } from "./fuse/fuse-urgency.js";
import { grievanceTone, reconcileSarcasm } from "./fuse/reconcile-sarcasm.js";
import { createLanguageIdentifier, type LanguageIdentifier } from "./language/index.js";
import { loadLexicons, type Lexicons } from "./lexicon/load-lexicons.js";
import { loadWorkplaceLexicons } from "./lexicon/load-workplace.js";
import { fuseWorkplace } from "./fuse/fuse-workplace.js";
import { matchCues } from "./lexicon/match-cues.js";
import { loadModelView, type ModelRunner } from "./model/model-view-adapter.js";
import { applyNegation } from "./text/negation.js";
import { type Normalised, normalise } from "./text/normalise.js";
import { findPii } from "./text/pii.js";
import { segment } from "./text/segment.js";

/** The language identifier's model, stamped into every Reading. */
const LANGUAGE_MODEL = "fasttext-lid.176.ftz";

/**
 * Longest message read, in UTF-16 code units: the ingest limit (65,536, so 32,768 emoji; from core,
 * as ingest's `LIMITS.textChars` is), which every step reads in linear time. Longer input is refused at once with `input.too_large`.
 */
export const MAX_TEXT_LENGTH = MAX_TEXT_CHARS;

/** A loaded reading engine with the batch call (the engine type is declared once, in core). */
export type Reader = Required<ReadingEngine>;

export interface ReaderOptions {
  /** Folder of `<lang>.tsv` cue files (default: the shipped lexicons). */
  lexiconDir?: string;
  /** Folder of `<lang>.tsv` employee cue files (default: the shipped lexicon/workplace/). */
  workplaceDir?: string;
  /** Folder of model weights (default: the shipped models/); `false` reads with cues alone. */
  modelDir?: string | false;
}

/**
 * Load lexicons, models and the language identifier, and return a reader.
 *
 * @example
 * const reader = await createReader();
 * reader.analyze("Grabe, 2 weeks na wala pa rin yung order ko!", { channel: "social" }).emotions;
 */
export async function createReader(options: ReaderOptions = {}): Promise<Reader> {
  const [identifier, lexicons] = await Promise.all([createLanguageIdentifier(), Promise.resolve(loadLexicons(options.lexiconDir))]);
  const workplace = loadWorkplaceLexicons(options.workplaceDir);
  const models = options.modelDir === false ? null : loadModelView(options.modelDir);
  const version: Reading["version"] = {
    pipeline: PIPELINE_VERSION,
    models: { language: LANGUAGE_MODEL, lexicon: lexicons.version, workplace: workplace.version, ...(models?.versions ?? {}) },
  };
  const resources: Resources = { identifier, lexicons, workplace, models, version };
  return {
    version,
    analyze: (text, context = {}) => read(text, context, resources),
    analyzeMany: (items) => readMany(items, resources),
  };
}

interface Resources {
  identifier: LanguageIdentifier;
  lexicons: Lexicons;
  /** The employee cue lists, matched on employee messages only. */
  workplace: Lexicons;
  models: ModelRunner | null;
  version: Reading["version"];
}

/** A message after the steps up to the models: what fusion reads. */
interface Prepared {
  input: FuseInput;
  language: Reading["language"];
}

/** A message after normalisation and language identification. */
interface Identified {
  text: string;
  context: ReadingContext;
  normalised: Normalised;
  language: Reading["language"];
}

/** Check the input, normalise it and identify its language. */
function identify(text: string, context: ReadingContext, res: Resources): Identified {
  if (typeof text !== "string") throw new AttuneError("input.wrong_type", { field: "text", expected: "string" });
  if (text.length > MAX_TEXT_LENGTH)
    throw new AttuneError("input.too_large", { field: "text", limit: MAX_TEXT_LENGTH, size: text.length, unit: "utf16" });
  const normalised = normalise(text);
  return { text, context, normalised, language: res.identifier.identify(normalised.text, context.languageHint) };
}

function read(text: string, context: ReadingContext, res: Resources): Reading {
  return fuse(model(words(identify(text, context, res), res), res), res.version);
}

/**
 * Read many messages step by step (all through language identification, then all through the word
 * steps, then the models, then fusion) rather than message by message: each step's data (fastText's
 * tables, the lexicons, the weight table) stays in the CPU caches across the batch instead of
 * evicting the others' for every message. Same Readings as `read`, in order; a message that cannot
 * be read gives its error (AttuneError for bad input) in its place and the others go on.
 */
function readMany(items: readonly { text: string; context?: ReadingContext }[], res: Resources): (Reading | Error)[] {
  const out: (Reading | Error)[] = new Array(items.length);
  // Each step maps the messages still going; one that throws leaves with its error.
  const step = <A, B>(batch: { i: number; v: A }[], f: (v: A) => B): { i: number; v: B }[] => {
    const next: { i: number; v: B }[] = [];
    for (const { i, v } of batch) {
      try {
        next.push({ i, v: f(v) });
      } catch (err) {
        out[i] = err instanceof Error ? err : new Error(String(err));
      }
    }
    return next;
  };
  const identified = step(
    items.map((v, i) => ({ i, v })),
    ({ text, context = {} }) => identify(text, context, res),
  );
  const prepared = step(identified, (m) => words(m, res));
  const modelled = step(prepared, (p) => model(p, res));
  for (const { i, v } of step(modelled, (p) => fuse(p, res.version))) out[i] = v;
  return out;
}

/** Segmentation, negation and cue matching. */
function words({ text, context, normalised, language }: Identified, res: Resources): Prepared {
  const tokens = segment(normalised, language.code);
  applyNegation(tokens, language.code);
  const hits = matchCues(tokens, res.lexicons.forLanguage(language.code));
  const input: FuseInput = { text, tokens, hits, model: undefined, context };
  // Romanised Telugu or Taglish read as another language still gets the seed languages' employee cues.
  const seed = (SEED_LANGUAGES as readonly string[]).includes(language.code);
  const workplaceLex = seed ? res.workplace.forLanguage(language.code) : res.workplace.forAll();
  if (context.direction === "employee") input.workplace = matchCues(tokens, workplaceLex);
  return { input, language };
}

/** The learned models, on the tokens and cue hits. */
function model(p: Prepared, res: Resources): Prepared {
  const { text, tokens, hits } = p.input;
  const view = res.models?.run({ tokens, text, lang: p.language.code, hits });
  return view ? { ...p, input: { ...p.input, model: view } } : p;
}

/** Fusion of cues and models into the Reading. */
function fuse({ input, language }: Prepared, version: Reading["version"]): Reading {
  const { text } = input;
  const rawSentiment = fuseSentiment(input);
  const rawEmotions = fuseScoredLabels(input, "emotion", "emotions", EMOTIONS, EMOTION_FUSION);
  // An agent's reply keeps tone, feelings and topic, not a customer's needs, signals or complaint.
  const agent = isAgent(input);
  const rawNeeds = agent ? [] : fuseScoredLabels(input, "need", "needs", NEEDS);
  const rawSignals = agent ? [] : fuseSignals(input, rawSentiment);
  const reconciled = reconcileSarcasm(rawSentiment, rawEmotions, rawSignals);
  const emotions = reconciled.emotions;
  // A past problem, fixed and praised, is no complaint now (sarcastic praise is not a fix).
  const sarcastic = rawSignals.some((s) => s.label === "sarcasm");
  const settled = !agent && !sarcastic && settledProblem(input);
  // A plain question about terms or how-to is asked, not complained or left (neutral-ask.ts).
  const ask = !agent && !settled && !sarcastic && isNeutralAsk(input);
  const asked = ask ? askedParts(rawNeeds, rawSignals) : { needs: rawNeeds, signals: rawSignals };
  // A settled problem's hazard, churn or repeated contacts are past (clauses.ts `settledSignals`).
  const settledOrAsked = settled ? settledSignals(asked.signals) : asked.signals;
  // Said grievances (contacted again, a hazard) are a negative state now unless praise is said (reconcile-sarcasm.ts).
  const praisedOrEmployee = input.context.direction === "employee" || cueSides(input.hits).positive > 0;
  const toned = settled
    ? praiseNow(reconciled.sentiment)
    : ask
      ? askedNeutral(reconciled.sentiment)
      : grievanceTone(reconciled.sentiment, settledOrAsked, praisedOrEmployee);
  // An employee asking for staff is not praising the workplace; workload talk is not leaving (employee-words.ts).
  const staffing = input.context.direction === "employee" && staffingWords(text).length > 0;
  const sentiment = staffingAskTone(input, toned, staffing);
  // A neutral reading that leans negative still names problems, not praise.
  const moodCauses = fuseCauses(input, sentiment.label === "negative" || (sentiment.label === "neutral" && sentiment.score < 0));
  // Mock praise and praise of a competitor name problems; a settled problem praises its fix (cause-turns.ts).
  const leaving = settledOrAsked.some((s) => s.label === "churn_threat");
  const turned = turnCauses(input, moodCauses, { sarcastic, settled, leaving });
  const complaint = agent || settled || ask ? NO_COMPLAINT : fuseComplaint(input, sentiment, turned);
  // A complaint names a cause; an employee's workload names staffing (cause-fallback.ts), a product hazard its product.
  const causes = hazardCause(text, causeFallback(input, turned, complaint.is, sentiment), settledOrAsked);
  const fusedStage = fuseStage(input, asked.needs, causes);
  const askedOrFused = ask ? askedStage(fusedStage, text) : fusedStage;
  const kept = { needs: asked.needs, stage: askedOrFused, signals: settledOrAsked };
  const { needs, stage, signals } = employeeStays(input, staffing) ? stayingParts(kept.needs, kept.stage, kept.signals) : kept;
  const intensity = fuseIntensity(input, emotions);
  const urgency = fuseUrgency(input, { signals, needs, causes, complaint, emotions, intensity, sentiment });
  const reach = fuseReach(input, signals);
  // An employee's own causes and needs, beside (not instead of) the customer labels (fuse-workplace.ts).
  const workplace = fuseWorkplace(input, { sentiment, complaint: complaint.is });
  // Every span shows content words, never a lone particle, pronoun or honorific (content-evidence.ts).
  const shown = contentEvidence(
    { sentiment, emotions, needs, causes, stage, complaint, signals },
    { text, tokens: input.tokens, lang: language.code },
  );

  return {
    language,
    ...shown,
    intensity,
    urgency,
    reach,
    pii: findPii(text),
    ...(workplace ? { workplace } : {}),
    version,
  };
}

let shared: Promise<Reader> | undefined;

/**
 * Read one message with the shared default reader, loading it on first use.
 *
 * @example
 * const reading = await analyze("สั่งของไปสามวันแล้วยังไม่ได้เลยค่ะ");
 * reading.language.code; // "th"
 */
export async function analyze(text: string, context?: ReadingContext): Promise<Reading> {
  shared ??= createReader();
  return (await shared).analyze(text, context);
}
