import type { CueHit as LexiconHit } from "../lexicon/match-cues.js";
import type { Token } from "../text/token.js";
import type { ModelView } from "../fuse/model-view.js";
import type { Range } from "../fuse/evidence.js";
import { cueFeatures } from "./cue-features.js";
import type { HeadName } from "./heads.js";
import { loadModels, type Models } from "./load-models.js";
import { predict, sentimentProbs, type HeadOutput, type ModelOutput } from "./predict.js";

/** The learned models as the fusion step sees them: loaded once, run per message. */
export interface ModelRunner {
  versions: Record<string, string>;
  run(input: ModelInput): ModelView;
}

/** What the pipeline hands the models: the message's tokens and its lexicon cue hits. */
export interface ModelInput {
  tokens: Token[];
  text: string;
  lang: string;
  /** Cue hits of the message (read.ts); models trained with cue features read them. */
  hits?: readonly LexiconHit[];
}

// Fusion heads by the name the fusion step uses, mapped to the model's own head names.
const VIEW_HEADS = { emotions: "emotions", needs: "needs", causes: "causes", stages: "stage", signals: "signals" } as const;

/**
 * Load the weights in `dir` (default: the shipped models/) and wrap them for the fusion step.
 * Sigmoid heads are rescaled so that each label's tuned threshold maps to 0.5: the fusion then
 * treats "the model predicts it" alike for rare and common labels.
 *
 * @example
 * const runner = loadModelView();
 * runner.run({ tokens, text, lang: "en" }).sentiment; // {positive: 0.1, neutral: 0.2, negative: 0.7}
 */
export function loadModelView(dir?: string): ModelRunner {
  const models = loadModels(dir);
  return { versions: models.versions, run: (input) => view(models, input) };
}

function view(models: Models, input: ModelInput): ModelView {
  const cues = models.features.cues > 0 && input.hits ? cueFeatures(input.hits) : undefined;
  const out = predict(models, { tokens: input.tokens, text: input.text, lang: input.lang, ...(cues ? { cues } : {}) });
  const part = (range: Range): Sentiment => partSentiment(models, input, range, out.sentimentOfTokens);
  const result: ModelView = {
    evidence: (head, label) => out.evidence(label, toModelHead(head)),
  };
  const s = out.heads.sentiment;
  if (s?.trained) {
    result.sentiment = { positive: s.probs[0]!, neutral: s.probs[1]!, negative: s.probs[2]! };
    // Rules ask about the same clause again (one ask per evidence span, per cause): each is read once.
    const read = new Map<number, Sentiment>();
    result.sentimentOf = (range) => {
      if (range.start < 0 || range.end >= 0x20000) return part(range);
      const key = range.start * 0x20000 + range.end;
      let p = read.get(key);
      if (p === undefined) read.set(key, (p = part(range)));
      return p;
    };
  }
  const abstain = models.head.sentiment?.abstain;
  if (abstain) result.sentimentAbstain = abstain;
  const c = out.heads.complaint;
  if (c?.trained) {
    const sev = out.heads.severity;
    result.complaint = {
      probability: calibrated(models, "complaint", 0, c.probs[0]!),
      ...(sev?.trained ? { severity: [...sev.probs] } : {}),
    };
  }
  for (const [viewName, headName] of Object.entries(VIEW_HEADS) as [keyof typeof VIEW_HEADS, HeadName][]) {
    const h = out.heads[headName];
    if (h?.trained) result[viewName] = scores(models, h);
  }
  return result;
}

type Sentiment = { positive: number; neutral: number; negative: number };

/**
 * The sentiment head on the tokens and cue hits inside `range` only (run on demand), as if they were
 * the whole message: a hit's token position counts from the clause's first token, as in training,
 * where every message starts at token 0 (a position counted in the whole message lies past a late
 * clause's tokens, and its cue was lost). Tokens inside a range are one run of the message's tokens;
 * `ofTokens` (the message's `sentimentOfTokens`) reads such a run from the sums already made, else
 * the run is scored afresh.
 */
function partSentiment(models: Models, input: ModelInput, range: Range, ofTokens?: ModelOutput["sentimentOfTokens"]): Sentiment {
  const inside = (a: { start: number; end: number }): boolean => a.start >= range.start && a.end <= range.end;
  const hits = input.hits?.filter(inside);
  const cues = models.features.cues > 0 && hits ? cueFeatures(inClause(hits, input.tokens, inside)) : undefined;
  const run = ofTokens ? tokenRun(input.tokens, inside) : null;
  const p =
    run && ofTokens
      ? ofTokens(run.lo, run.hi, cues)
      : sentimentProbs(models, { tokens: input.tokens.filter(inside), text: input.text, lang: input.lang, ...(cues ? { cues } : {}) });
  return p ? { positive: p[0]!, neutral: p[1]!, negative: p[2]! } : { positive: 0, neutral: 1, negative: 0 };
}

/**
 * `hits` with each first token counted among the clause's tokens (those `inside` holds) instead of
 * the message's: the number of clause tokens before it, kept below the clause's length so a hit that
 * starts between or after them still lands on one of its tokens.
 */
function inClause<H extends { first: number }>(hits: readonly H[], tokens: readonly Token[], inside: (t: Token) => boolean): H[] {
  if (hits.length === 0) return [];
  const before = new Int32Array(tokens.length + 1);
  for (let i = 0; i < tokens.length; i++) before[i + 1] = before[i]! + (inside(tokens[i]!) ? 1 : 0);
  const last = Math.max(0, before[tokens.length]! - 1);
  return hits.map((h) => ({ ...h, first: Math.min(before[Math.max(0, Math.min(h.first, tokens.length))]!, last) }));
}

/** First and last index of the tokens `inside` holds, when they are one unbroken, non-empty run; else null. */
function tokenRun(tokens: readonly Token[], inside: (t: Token) => boolean): { lo: number; hi: number } | null {
  let lo = -1;
  let hi = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (!inside(tokens[i]!)) continue;
    if (lo < 0) lo = i;
    else if (hi !== i - 1) return null;
    hi = i;
  }
  return lo < 0 ? null : { lo, hi };
}

function scores(models: Models, h: HeadOutput): Record<string, number> {
  const out: Record<string, number> = {};
  h.labels.forEach((label, j) => {
    out[label] = h.kind === "sigmoid" ? calibrated(models, h.name, j, h.probs[j]!) : h.probs[j]!;
  });
  return out;
}

function calibrated(models: Models, head: HeadName, j: number, p: number): number {
  const t = models.head[head]?.threshold[j] ?? 0.5;
  if (t <= 0 || t >= 1) return p;
  return p < t ? (0.5 * p) / t : 0.5 + (0.5 * (p - t)) / (1 - t);
}

function toModelHead(head: string): HeadName {
  return (head === "stages" ? "stage" : head) as HeadName;
}
