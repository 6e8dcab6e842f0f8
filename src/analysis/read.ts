/**
 * The one entry point of the reading engine: text in, Reading out.
 *
 * The pipeline runs fixed steps in a fixed order, each a pure function over the previous step's
 * output (after wink-nlp): normalise -> language -> segment -> negation -> cues -> model ->
 * fusion (sarcasm last: it turns praise around). Data (lexicons, model weights, the language model) is loaded once by `createReader` and
 * handed to the steps; `reader.analyze` itself does no I/O and is synchronous.
 */
import { AttuneError } from "../core/errors.js";
import { EMOTIONS, NEEDS } from "../core/labels.js";
import type { Reading, ReadingContext } from "../core/reading.js";
import { PIPELINE_VERSION } from "../core/version.js";
import { fuseCauses } from "./fuse/fuse-causes.js";
import { fuseComplaint } from "./fuse/fuse-complaint.js";
import type { FuseInput } from "./fuse/fuse-input.js";
import { fuseIntensity } from "./fuse/fuse-intensity.js";
import { fuseReach } from "./fuse/fuse-reach.js";
import { fuseScoredLabels } from "./fuse/fuse-scored-labels.js";
import { fuseSentiment } from "./fuse/fuse-sentiment.js";
import { fuseSignals } from "./fuse/fuse-signals.js";
import { fuseStage } from "./fuse/fuse-stage.js";
import { fuseUrgency } from "./fuse/fuse-urgency.js";
import { reconcileSarcasm } from "./fuse/reconcile-sarcasm.js";
import { createLanguageIdentifier, type LanguageIdentifier } from "./language/index.js";
import { loadLexicons, type Lexicons } from "./lexicon/load-lexicons.js";
import { matchCues } from "./lexicon/match-cues.js";
import { loadModelView, type ModelRunner } from "./model/model-view-adapter.js";
import { applyNegation } from "./text/negation.js";
import { normalise } from "./text/normalise.js";
import { findPii } from "./text/pii.js";
import { segment } from "./text/segment.js";

/** The language identifier's model, stamped into every Reading. */
const LANGUAGE_MODEL = "fasttext-lid.176.ftz";

/** Longest message read, in UTF-16 code units (about 2 MB of text); longer input is refused. */
export const MAX_TEXT_LENGTH = 2_000_000;

/** A loaded reading engine. */
export interface Reader {
  /**
   * Read one message. Throws `AttuneError` `input.wrong_type` or `input.too_large`; any other text,
   * including empty, binary or unknown-language text, gives a valid Reading.
   */
  analyze(text: string, context?: ReadingContext): Reading;
  /** The versions stamped on every Reading. */
  readonly version: Reading["version"];
}

export interface ReaderOptions {
  /** Folder of `<lang>.tsv` cue files (default: the shipped lexicons). */
  lexiconDir?: string;
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
  const models = options.modelDir === false ? null : loadModelView(options.modelDir);
  const version: Reading["version"] = {
    pipeline: PIPELINE_VERSION,
    models: { language: LANGUAGE_MODEL, lexicon: lexicons.version, ...(models?.versions ?? {}) },
  };
  return {
    version,
    analyze: (text, context = {}) => read(text, context, { identifier, lexicons, models, version }),
  };
}

interface Resources {
  identifier: LanguageIdentifier;
  lexicons: Lexicons;
  models: ModelRunner | null;
  version: Reading["version"];
}

function read(text: string, context: ReadingContext, res: Resources): Reading {
  if (typeof text !== "string") throw new AttuneError("input.wrong_type", { field: "text", expected: "string" });
  if (text.length > MAX_TEXT_LENGTH) throw new AttuneError("input.too_large", { limit: MAX_TEXT_LENGTH, size: text.length });

  const normalised = normalise(text);
  const language = res.identifier.identify(normalised.text, context.languageHint);
  const tokens = segment(normalised, language.code);
  applyNegation(tokens, language.code);
  const hits = matchCues(tokens, res.lexicons.forLanguage(language.code));
  const model = res.models?.run({ tokens, text, lang: language.code, hits });
  const input: FuseInput = { text, tokens, hits, model, context };

  const rawSentiment = fuseSentiment(input);
  const rawEmotions = fuseScoredLabels(input, "emotion", "emotions", EMOTIONS);
  const needs = fuseScoredLabels(input, "need", "needs", NEEDS);
  const signals = fuseSignals(input, rawSentiment);
  const { sentiment, emotions } = reconcileSarcasm(rawSentiment, rawEmotions, signals);
  const causes = fuseCauses(input, sentiment.label === "negative");
  const complaint = fuseComplaint(input, sentiment, causes);
  const stage = fuseStage(input, needs, causes);
  const intensity = fuseIntensity(input, emotions);
  const urgency = fuseUrgency(input, { signals, needs, causes, complaint, emotions, intensity, sentiment });
  const reach = fuseReach(input, signals);

  return {
    language,
    sentiment,
    emotions,
    intensity,
    needs,
    causes,
    stage,
    complaint,
    signals,
    urgency,
    reach,
    pii: findPii(text),
    version: res.version,
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
