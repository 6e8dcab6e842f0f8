/**
 * Rows with their features: tokenise with the model tokeniser, featurize, and attach per-head
 * sample weights (sentiment: classes balanced within each source, so a source's label mix does not
 * become the model's prior; team-written rows count double).
 *
 * @example
 * const { rows, fit } = await buildCorpus(loadAllRows(), 18);
 */
import { readConfig } from "../src/core/config.js";
import { cuesOf } from "../src/analysis/model/cue-features.js";
import { type FeatureOptions, featureOptionsFrom, featurize } from "../src/analysis/model/features.js";
import { loadLexicons, type Lexicons } from "../src/analysis/lexicon/load-lexicons.js";
import type { FitRow } from "../src/analysis/model/fit-models.js";
import { modelTokenizer, type ModelTokenizer } from "../src/analysis/model/model-tokens.js";
import type { Row } from "./datasets.js";

export interface Corpus {
  rows: Row[];
  /** fit[i] belongs to rows[i]. */
  fit: FitRow[];
  tokenizer: ModelTokenizer;
  features: FeatureOptions;
}

export const TEAM_WEIGHT = 2;
/** Largest class-balance weight of a sentiment row. */
export const SENTIMENT_WEIGHT_CAP = 12;
/**
 * Complaint weight of team-written English rows. They are 73% complaints and count any reported
 * problem as one, where X-CI (35% complaints) does not; at the team weight (2) they outweighed X-CI
 * and cost 0.02 F1 in 5-fold cross-validation over X-CI's training rows (0.714 -> 0.735 at 0.5;
 * team calibration rows 0.904 -> 0.906). Measured by training/experiment.ts (COMPLAINT=1).
 */
export const TEAM_EN_COMPLAINT_WEIGHT = 0.5;

/** Class-balanced sentiment weights per set: n / (classes present x n_class). */
export function sentimentWeights(rows: readonly Row[], train: (r: Row) => boolean, cap = SENTIMENT_WEIGHT_CAP): Map<Row, number> {
  const bySet = new Map<string, number[]>();
  for (const r of rows) {
    if (!train(r) || typeof r.targets.sentiment !== "number") continue;
    const c = bySet.get(r.set) ?? [0, 0, 0];
    c[r.targets.sentiment]! += 1;
    bySet.set(r.set, c);
  }
  const out = new Map<Row, number>();
  for (const r of rows) {
    if (!train(r) || typeof r.targets.sentiment !== "number") continue;
    const c = bySet.get(r.set)!;
    const n = c[0]! + c[1]! + c[2]!;
    const present = c.filter((x) => x > 0).length;
    // Cap the boost so 8 neutral rows in a set do not each weigh like hundreds.
    const w = Math.min(cap, n / (present * c[r.targets.sentiment]!));
    out.set(r, w * (r.set.startsWith("team-") ? TEAM_WEIGHT : 1));
  }
  return out;
}

/**
 * Featurize every row as the pipeline would (tokens, and cue hits from `lexiconSet`, default the
 * shipped lexicons), with the per-head training weights.
 */
export async function buildCorpus(
  rows: Row[],
  bits: number,
  log: (m: string) => void = () => {},
  features: FeatureOptions = featureOptionsFrom(readConfig().features),
  lexiconSet?: Lexicons,
): Promise<Corpus> {
  const tokenizer = await modelTokenizer(readConfig().modelTokenizer === "basic");
  const t0 = performance.now();
  const sw = sentimentWeights(rows, (r) => !r.dev);
  // Cue hits as the pipeline finds them (src/analysis/read.ts: the same tokens, the lexicon of the
  // message's language plus English), so training and inference see the same cue features.
  const lexicons = features.cues > 0 ? (lexiconSet ?? loadLexicons()) : null;
  const fit: FitRow[] = rows.map((r) => {
    const tokens = tokenizer.tokenize(r.text, r.lang);
    const cues = lexicons ? cuesOf(tokens, r.lang, lexicons) : undefined;
    const f = featurize(tokens, bits, cues, features, r.lang);
    const team = r.set.startsWith("team-") ? TEAM_WEIGHT : 1;
    const complaint = r.set === "team-en" ? TEAM_EN_COMPLAINT_WEIGHT : team;
    const weights: FitRow["weights"] = {
      emotions: team,
      needs: team,
      causes: team,
      stage: team,
      signals: team,
      complaint,
      severity: team,
      ekman: 1,
    };
    weights.sentiment = sw.get(r) ?? team;
    return { idx: f.idx, value: f.value, set: r.set, lang: r.lang, targets: r.targets, weights, calib: r.calib };
  });
  log(`featurized ${rows.length} rows with the ${tokenizer.kind} tokenizer in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { rows, fit, tokenizer, features };
}
