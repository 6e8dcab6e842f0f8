/**
 * The Reading: what attune understands of one message. This is a public contract (docs/architecture.md, docs/reading.md):
 * fields may be added freely; changing or removing one needs a pipeline version bump and a
 * CHANGELOG entry. Everything here is plain, serialisable data.
 */
import type {
  CauseLabel,
  Channel,
  Direction,
  EmotionLabel,
  NeedLabel,
  PiiKind,
  SentimentLabel,
  SignalLabel,
  StageLabel,
  WorkplaceCauseLabel,
  WorkplaceNeedLabel,
} from "./labels.js";

/** A half-open range `[start, end)` of UTF-16 code units in the original text, with the words it covers. */
export interface Span {
  start: number;
  end: number;
  /** The covered text, copied so a reader need not slice; equals `text.slice(start, end)`. */
  text: string;
}

export interface LanguageReading {
  /** ISO 639-1 (`tl` for Tagalog/Filipino), or `und` when unknown. */
  code: string;
  confidence: number;
  /** Dominant ISO 15924 script: Latn, Telu, Thai, Deva, ... or Zyyy when only symbols. */
  script: string;
  /** Present when the text mixes languages: all of them, dominant first (Taglish: ["tl", "en"]). */
  mixed?: string[];
}

export interface SentimentReading {
  label: SentimentLabel;
  /** -1 (very negative) .. 1 (very positive). */
  score: number;
  confidence: number;
}

export interface ScoredLabel<L extends string> {
  label: L;
  /** 0..1 */
  score: number;
  evidence: Span[];
}

export interface CauseReading extends ScoredLabel<CauseLabel> {
  polarity: "positive" | "negative";
  /** What the cause is about, in the customer's own words ("the courier", "my refund"). */
  target?: string;
}

/** A workplace cause of an employee's message: praised (`positive`) or a problem (`negative`). */
export interface WorkplaceCauseReading extends ScoredLabel<WorkplaceCauseLabel> {
  polarity: "positive" | "negative";
}

/**
 * What an employee writes about and asks for, in the employee label sets (labels.ts). Present only
 * on messages read with `direction: "employee"`; shown to people teams only in aggregate.
 */
export interface WorkplaceReading {
  causes: WorkplaceCauseReading[];
  needs: ScoredLabel<WorkplaceNeedLabel>[];
}

export interface SignalReading {
  label: SignalLabel;
  evidence: Span[];
}

export interface ComplaintReading {
  is: boolean;
  /** 0 none, 1 no explicit reproach, 2 disapproval, 3 accusation, 4 blame. */
  severity: 0 | 1 | 2 | 3 | 4;
  evidence: Span[];
}

export interface StageReading {
  label: StageLabel;
  confidence: number;
  evidence: Span[];
}

export interface ScoreWithReasons {
  /** 0..1 */
  score: number;
  reasons: string[];
}

export interface PiiSpan {
  kind: PiiKind;
  start: number;
  end: number;
}

export interface Reading {
  language: LanguageReading;
  sentiment: SentimentReading & { evidence: Span[] };
  emotions: ScoredLabel<EmotionLabel>[];
  /** 0..1: how strongly the feeling is expressed (intensifiers, caps, elongation, exclamations). */
  intensity: number;
  needs: ScoredLabel<NeedLabel>[];
  causes: CauseReading[];
  stage: StageReading;
  complaint: ComplaintReading;
  signals: SignalReading[];
  urgency: ScoreWithReasons;
  reach: ScoreWithReasons;
  pii: PiiSpan[];
  /** Employee messages only (`direction: "employee"`): workplace causes and needs. Absent otherwise. */
  workplace?: WorkplaceReading;
  version: { pipeline: string; models: Record<string, string> };
}

/** What a caller may tell `analyze` about a message besides its text. */
export interface ReadingContext {
  channel?: Channel;
  public?: boolean;
  /** Followers, subscribers or readers of the author. */
  audience?: number;
  direction?: Direction;
  /** Earlier messages of the same thread, oldest first (their texts; used for repeat contact). */
  thread?: string[];
  /** A language the caller believes the text is in (ISO 639-1); used when identification is unsure. */
  languageHint?: string;
}

/**
 * A loaded reading engine, as the pipeline, the server and case replies use it (the one
 * declaration; `createReader` in src/analysis/read.ts returns one with the batch call).
 *
 * @example
 * const engine: ReadingEngine = await createReader();
 * engine.analyze("Where is my order?", { channel: "chat" }).needs;
 */
export interface ReadingEngine {
  /**
   * Read one message. Throws `AttuneError` `input.wrong_type` or `input.too_large`; any other text,
   * including empty, binary or unknown-language text, gives a valid Reading.
   */
  analyze(text: string, context?: ReadingContext): Reading;
  /**
   * Read a batch: the same Readings as `analyze`, in order, faster per message (each step runs
   * over the whole batch); a message that cannot be read gives its error (`AttuneError`
   * `input.wrong_type` or `input.too_large` for bad input) in its place. Optional for test engines.
   */
  analyzeMany?(items: readonly { text: string; context?: ReadingContext }[]): (Reading | Error)[];
  /** The versions stamped on every Reading. */
  readonly version: Reading["version"];
}
