/**
 * The sentiment tools a user would otherwise pick, wrapped to one signature so the eval and the
 * bench run them on the same rows as attune. Dev dependencies only; never imported by src/.
 *
 * - node-nlp 4.27.0 SentimentAnalyzer (AFINN/senticon lexicons): en es pt hi id th cs tl
 * - multilang-sentiment 2.0.0 (AFINN translated, fuzzy matching; slow): many languages incl. te vi
 * - vader-sentiment 1.1.3: en (compound >= 0.05 positive, <= -0.05 negative)
 *
 * @example
 * const peers = await loadPeers();
 * await peers[0]!.run("I love it", "en"); // "positive"
 */
import { createRequire } from "node:module";

export type Label = "positive" | "neutral" | "negative";

export interface Peer {
  name: string;
  langs: ReadonlySet<string>;
  /** Rows per set at most (the slow peer is sampled). */
  maxRows: number;
  run(text: string, lang: string): Promise<Label>;
}

const require = createRequire(import.meta.url);

const vote = (score: number, eps = 0): Label => (score > eps ? "positive" : score < -eps ? "negative" : "neutral");

export async function loadPeers(): Promise<Peer[]> {
  const { SentimentAnalyzer } = require("node-nlp") as {
    SentimentAnalyzer: new (s?: object) => { getSentiment(t: string, l: string): Promise<{ score: number; vote: string }> };
  };
  const ms = require("multilang-sentiment") as (t: string, l: string) => { score: number };
  const vader = require("vader-sentiment") as { SentimentIntensityAnalyzer: { polarity_scores(t: string): { compound: number } } };
  const nlp = new SentimentAnalyzer();
  return [
    {
      name: "node-nlp",
      langs: new Set(["en", "es", "pt", "hi", "id", "th", "cs", "tl"]),
      maxRows: Infinity,
      async run(text, lang) {
        const r = await nlp.getSentiment(text, lang);
        return vote(r.score);
      },
    },
    {
      name: "multilang-sentiment",
      langs: new Set(["en", "es", "pt", "hi", "id", "th", "cs", "tl", "te", "vi", "fr", "de", "it", "ar"]),
      maxRows: 300,
      async run(text, lang) {
        return vote(ms(text, lang).score);
      },
    },
    {
      name: "vader",
      langs: new Set(["en"]),
      maxRows: Infinity,
      async run(text) {
        return vote(vader.SentimentIntensityAnalyzer.polarity_scores(text).compound, 0.05 - 1e-9);
      },
    },
  ];
}
