/**
 * Rows with their features: tokenise with the model tokeniser, featurize, and attach per-head
 * sample weights (sentiment: classes balanced within each source, so a source's label mix does not
 * become the model's prior; team-written rows count double).
 *
 * @example
 * const { rows, fit } = await buildCorpus(loadAllRows(), 18);
 */
import { type FeatureOptions, featureOptionsFromEnv, featurize } from "../src/analysis/model/features.js";
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

/** Class-balanced sentiment weights per set: n / (classes present x n_class). */
export function sentimentWeights(rows: readonly Row[], train: (r: Row) => boolean): Map<Row, number> {
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
    const w = Math.min(8, n / (present * c[r.targets.sentiment]!));
    out.set(r, w * (r.set.startsWith("team-") ? TEAM_WEIGHT : 1));
  }
  return out;
}

export async function buildCorpus(rows: Row[], bits: number, log: (m: string) => void = () => {}, features: FeatureOptions = featureOptionsFromEnv()): Promise<Corpus> {
  const tokenizer = await modelTokenizer();
  const t0 = performance.now();
  const sw = sentimentWeights(rows, (r) => !r.dev);
  const fit: FitRow[] = rows.map((r) => {
    const f = featurize(tokenizer.tokenize(r.text, r.lang), bits, undefined, features, r.lang);
    const team = r.set.startsWith("team-") ? TEAM_WEIGHT : 1;
    const weights: FitRow["weights"] = { emotions: team, needs: team, causes: team, stage: team, signals: team, complaint: team, severity: team, ekman: 1 };
    weights.sentiment = sw.get(r) ?? team;
    return { idx: f.idx, value: f.value, set: r.set, lang: r.lang, targets: r.targets, weights, calib: r.calib };
  });
  log(`featurized ${rows.length} rows with the ${tokenizer.kind} tokenizer in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { rows, fit, tokenizer, features };
}
