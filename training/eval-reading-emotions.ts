/**
 * Head vs Reading on the public dev rows (issue 12): Ekman-7 emotions on GoEmotions and XED, Marreddy's
 * five Telugu emotions, and complaint F1 on X-CI. The head columns are the bare model (`npm run eval`
 * scores them the same way); the Reading columns are what a customer of attune gets, with its
 * emotions mapped onto Ekman (READING_TO_EKMAN; a Reading with no mapped emotion reads as neutral).
 * The "emotions head" column maps the model's own attune-emotions head the same way, so a gap between
 * it and the Reading is the fusion's, and a gap between it and the Ekman head is the label space's.
 *
 * @example
 * npx tsx training/eval-reading-emotions.ts
 */
import { readConfig } from "../src/core/config.js";
import { EKMAN7 } from "../src/analysis/model/heads.js";
import { loadModels } from "../src/analysis/model/load-models.js";
import { modelTokenizer } from "../src/analysis/model/model-tokens.js";
import { cuesOf } from "../src/analysis/model/cue-features.js";
import { loadLexicons } from "../src/analysis/lexicon/load-lexicons.js";
import { predict, type ModelOutput } from "../src/analysis/model/predict.js";
import { binaryF1, macroF1, multiLabelF1 } from "../src/analysis/model/metrics.js";
import { createReader } from "../src/analysis/read.js";
import { EMOTION_FUSION } from "../src/analysis/fuse/fuse-scored-labels.js";
import { loadAllRows, type Row } from "./datasets.js";

/**
 * attune's emotions onto Ekman's as GoEmotions groups its own labels: annoyance (attune frustration)
 * under anger, disappointment under sadness, nervousness (worry) under fear, gratitude and approval
 * (trust) under joy, confusion under surprise. Disgust has no attune counterpart, so the Reading
 * never says it.
 */
export const READING_TO_EKMAN: Record<string, string> = {
  anger: "anger",
  frustration: "anger",
  disappointment: "sadness",
  sadness: "sadness",
  worry: "fear",
  confusion: "surprise",
  surprise: "surprise",
  joy: "joy",
  gratitude: "joy",
  trust: "joy",
};

const FIVE = ["anger", "fear", "joy", "neutral", "sadness"];
const fmt = (x: number): string => x.toFixed(3);

/** Ekman labels of a ranked attune-emotion list; none mapped reads as neutral. */
function ekmanOf(ranked: readonly string[]): string[] {
  const out = [...new Set(ranked.map((l) => READING_TO_EKMAN[l]).filter((l): l is string => !!l))];
  return out.length ? out : ["neutral"];
}

function vector(labels: readonly string[]): Uint8Array {
  const v = new Uint8Array(7);
  for (const l of labels) v[EKMAN7.indexOf(l as (typeof EKMAN7)[number])] = 1;
  return v;
}

/** The Ekman head as eval.ts scores it: its predicted labels, else its argmax over the six emotions. */
function ekmanHead(out: ModelOutput): string[] {
  const h = out.heads.ekman;
  if (h.predicted.length) return h.predicted;
  let a = 0;
  for (let j = 1; j < 7; j++) if (h.probs[j]! > h.probs[a]!) a = j;
  return [EKMAN7[a]!];
}

/** One of Marreddy's five: the first (highest ranked) mapped label inside them, else neutral. */
function five(ekman: readonly string[]): string {
  return ekman.find((l) => FIVE.includes(l)) ?? "neutral";
}

interface Scored {
  row: Row;
  head: ModelOutput;
  reading: { ekman: string[]; complaint: boolean };
}

async function main(): Promise<void> {
  const sets = new Set(["goemotions", "xed", "telugu_marreddy", "xci_complaints"]);
  const rows = loadAllRows().filter((r) => r.dev && sets.has(r.set));
  const models = loadModels();
  const tok = await modelTokenizer(readConfig().modelTokenizer === "basic");
  const lexicons = models.features.cues > 0 ? loadLexicons() : null;
  const reader = await createReader();
  const scored: Scored[] = rows.map((row) => {
    const tokens = tok.tokenize(row.text, row.lang);
    const head = predict(models, {
      tokens,
      text: row.text,
      lang: row.lang,
      ...(lexicons ? { cues: cuesOf(tokens, row.lang, lexicons) } : {}),
    });
    const r = reader.analyze(row.text);
    return { row, head, reading: { ekman: ekmanOf(r.emotions.map((e) => e.label)), complaint: r.complaint.is } };
  });
  console.log("| set | lang | dev rows | metric | Ekman head | emotions head -> Ekman | **Reading** |");
  console.log("| --- | --- | ---: | --- | ---: | ---: | ---: |");
  const groups = new Map<string, Scored[]>();
  for (const s of scored) {
    const key = `${s.row.set}\t${s.row.lang}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  for (const [key, g] of [...groups.entries()].sort()) {
    const [set, lang] = key.split("\t") as [string, string];
    if (set === "xci_complaints") {
      const gold = g.map((s) => (s.row.targets.complaint as Int8Array)[0] === 1);
      const head = binaryF1(
        gold,
        g.map((s) => s.head.complaint.is),
      );
      const read = binaryF1(
        gold,
        g.map((s) => s.reading.complaint),
      );
      console.log(`| ${set} | ${lang} | ${g.length} | complaint F1 | ${fmt(head)} | – | **${fmt(read)}** |`);
      continue;
    }
    if (set === "telugu_marreddy") {
      const m = g.filter((s) => s.row.gold);
      const gold = m.map((s) => s.row.gold!);
      const head = m.map((s) => {
        const p = s.head.heads.ekman.probs;
        return FIVE.reduce((b, l) =>
          p[EKMAN7.indexOf(l as (typeof EKMAN7)[number])]! > p[EKMAN7.indexOf(b as (typeof EKMAN7)[number])]! ? l : b,
        );
      });
      const emo = m.map((s) => five(ekmanOf(s.head.heads.emotions.predicted)));
      const read = m.map((s) => five(s.reading.ekman));
      console.log(
        `| ${set} | ${lang} | ${m.length} | macro-F1, 5 classes | ${fmt(macroF1(gold, head))} | ${fmt(macroF1(gold, emo))} | **${fmt(macroF1(gold, read))}** |`,
      );
      continue;
    }
    const e = g.filter((s) => s.row.targets.ekman);
    if (e.length < 10) continue;
    const gold = e.map((s) => s.row.targets.ekman as Int8Array);
    const head = multiLabelF1(
      gold,
      e.map((s) => vector(ekmanHead(s.head))),
      7,
    ).macro;
    const emo = multiLabelF1(
      gold,
      e.map((s) => vector(ekmanOf(s.head.heads.emotions.predicted))),
      7,
    ).macro;
    const read = multiLabelF1(
      gold,
      e.map((s) => vector(s.reading.ekman)),
      7,
    ).macro;
    console.log(`| ${set} | ${lang} | ${e.length} | Ekman macro-F1 | ${fmt(head)} | ${fmt(emo)} | **${fmt(read)}** |`);
    if (process.argv.includes("--per-label")) {
      const per = (p: Uint8Array[]): string =>
        multiLabelF1(gold, p, 7)
          .perLabel.map((x, j) => `${EKMAN7[j]} ${fmt(x)}`)
          .join(", ");
      console.error(`${set}/${lang} head: ${per(e.map((s) => vector(ekmanHead(s.head))))}`);
      console.error(`${set}/${lang} reading: ${per(e.map((s) => vector(s.reading.ekman)))}`);
    }
  }
}

/**
 * `--levers`: the Reading's emotions under fusion variants (model weight, threshold, labels per
 * message, no emotion when the tone is neutral), per set. Read once per model weight at a low
 * threshold, then filtered by score: choose on one source, confirm on the others.
 */
async function levers(): Promise<void> {
  const sets = new Set(["goemotions", "xed", "telugu_marreddy"]);
  const rows = loadAllRows().filter((r) => r.dev && sets.has(r.set) && (r.targets.ekman || r.gold));
  const reader = await createReader();
  const base = { ...EMOTION_FUSION };
  const table: string[] = [];
  for (const mw of [0.85, 1.0]) {
    EMOTION_FUSION.modelWeight = mw;
    EMOTION_FUSION.threshold = 0.3;
    const read = rows.map((row) => {
      const r = reader.analyze(row.text);
      return { emos: r.emotions.map((e) => ({ label: e.label, score: e.score })), sentiment: r.sentiment.label };
    });
    for (const t of [0.5, 0.45, 0.4, 0.35])
      for (const k of [1, 2, 3, 9])
        for (const neu of [false, true]) {
          const ek = read.map((r) =>
            neu && r.sentiment === "neutral"
              ? ["neutral"]
              : ekmanOf(
                  r.emos
                    .filter((e) => e.score >= t)
                    .slice(0, k)
                    .map((e) => e.label),
                ),
          );
          const cell = (set: string, lang?: string): string => {
            const idx = rows.map((r, i) => i).filter((i) => rows[i]!.set === set && (lang === undefined || rows[i]!.lang === lang));
            if (set === "telugu_marreddy") {
              const m = idx.filter((i) => rows[i]!.gold);
              return fmt(
                macroF1(
                  m.map((i) => rows[i]!.gold!),
                  m.map((i) => five(ek[i]!)),
                ),
              );
            }
            const e = idx.filter((i) => rows[i]!.targets.ekman);
            return fmt(
              multiLabelF1(
                e.map((i) => rows[i]!.targets.ekman as Int8Array),
                e.map((i) => vector(ek[i]!)),
                7,
              ).macro,
            );
          };
          const others = ["cs", "de", "es", "fr", "pt"].map((l) => Number(cell("xed", l)));
          table.push(
            `| ${mw} | ${t} | ${k} | ${neu ? "yes" : "no"} | ${cell("xed", "en")} | ${cell("goemotions")} | ${cell("telugu_marreddy")} | ${fmt(others.reduce((a, b) => a + b, 0) / others.length)} |`,
          );
        }
  }
  Object.assign(EMOTION_FUSION, base);
  console.log(
    "| model weight | threshold | max labels | neutral tone -> neutral | XED en (choose) | GoEmotions | Marreddy | XED cs/de/es/fr/pt mean |",
  );
  console.log("| ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |");
  console.log(table.join("\n"));
}

if (process.argv.includes("--levers")) await levers();
else await main();
