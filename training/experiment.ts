/**
 * Scratch harness for tuning (not part of train/eval). Choices are made on rows training never
 * saw that are not dev rows either:
 *
 * - sentiment: heads trained on the training rows minus the calibration slice, scored per set on
 *   the calibration slice (SPLIT=dev scores the dev rows instead: for the final report only);
 * - complaint: k-fold cross-validation over the X-CI training rows (team rows always train), F1 of
 *   complaint = yes on the pooled out-of-fold predictions, at 0.5 and at the best threshold.
 *
 * @example
 * npx tsx training/experiment.ts
 * ATTUNE_FEATURES=cues=3 CONFIGS='[{"epochs":5,"lr":0.2,"l2":1e-6}]' COMPLAINT=1 npx tsx training/experiment.ts
 */
import { SENTIMENTS } from "../src/core/labels.js";
import { scoreHead, trainHead, type Example } from "../src/analysis/model/train-linear.js";
import { buildCorpus, sentimentWeights, TEAM_WEIGHT } from "./corpus.js";
import { loadAllRows } from "./datasets.js";
import { binaryF1, macroF1 } from "../src/analysis/model/metrics.js";
import { fnv1a } from "./split.js";

const SEEDS = ["te", "th", "cs", "tl", "en"];
const onDev = process.env.SPLIT === "dev";
const rows = loadAllRows().filter((r) => SEEDS.includes(r.lang) || process.env.ALL);
const bits = Number(process.env.BITS ?? 18);
const corpus = await buildCorpus(rows, bits, console.log);
const srcw = JSON.parse(process.env.SRCW ?? "{}") as Record<string, number>;
interface Cfg {
  epochs: number;
  lr: number;
  l2: number;
  sw?: number;
  avg?: number;
  cap?: number;
  team?: number;
  teamEn?: number;
  ncap?: number;
}
const configs = JSON.parse(process.env.CONFIGS ?? '[{"epochs":5,"lr":0.2,"l2":1e-6}]') as Cfg[];
const isEval = (r: (typeof rows)[number]): boolean => (onDev ? r.dev : r.calib);
if (!process.env.NO_SENTIMENT) {
  for (const cfg of configs) {
    const train: Example[] = [];
    const sw = cfg.ncap !== undefined ? sentimentWeights(rows, (r) => !r.dev, cfg.ncap) : null;
    corpus.fit.forEach((f, i) => {
      const r = rows[i]!;
      if (r.dev || r.calib || typeof r.targets.sentiment !== "number") return;
      const base = sw ? (sw.get(r) ?? TEAM_WEIGHT) : (f.weights?.sentiment ?? 1);
      train.push({
        idx: f.idx,
        value: f.value,
        cls: r.targets.sentiment,
        multi: null,
        weight: (cfg.sw === 0 ? 1 : base) * (srcw[`${r.set}:${r.lang}`] ?? srcw[r.set] ?? srcw["*"] ?? 1),
      });
    });
    const t0 = performance.now();
    const head = trainHead("softmax", 3, train, { bits, seed: 1, epochs: cfg.epochs, lr: cfg.lr, l2: cfg.l2 });
    for (let r = 1; r < (cfg.avg ?? 1); r++) {
      const o = trainHead("softmax", 3, train, { bits, seed: 1 + 1000 * r, epochs: cfg.epochs, lr: cfg.lr, l2: cfg.l2 });
      for (let p = 0; p < head.W.length; p++) head.W[p] = head.W[p]! + o.W[p]!;
      for (let c = 0; c < 3; c++) head.b[c] = head.b[c]! + o.b[c]!;
    }
    const groups = new Map<string, { g: string[]; p: string[] }>();
    corpus.fit.forEach((f, i) => {
      const r = rows[i]!;
      if (!isEval(r) || typeof r.targets.sentiment !== "number") return;
      const z = scoreHead(head, f);
      let a = 0;
      for (let c = 1; c < 3; c++) if (z[c]! > z[a]!) a = c;
      const k = `${r.lang}:${r.set}`;
      const gr = groups.get(k) ?? { g: [], p: [] };
      gr.g.push(SENTIMENTS[r.targets.sentiment]!);
      gr.p.push(SENTIMENTS[a]!);
      groups.set(k, gr);
    });
    const per: Record<string, number[]> = {};
    const parts: string[] = [];
    for (const [k, v] of [...groups.entries()].sort()) {
      const f = macroF1(v.g, v.p);
      const [lang, set] = k.split(":") as [string, string];
      parts.push(`${lang}/${set.slice(0, 8)}=${f.toFixed(3)}(${v.g.length})`);
      if (!set.startsWith("team-")) (per[lang] ??= []).push(f);
      if (set === "telugu_marreddy" || set === "wisesight_sentiment") {
        const pc = SENTIMENTS.map(
          (c) =>
            `${c.slice(0, 3)}=${macroF1(
              v.g.map((x) => (x === c ? "y" : "n")),
              v.p.map((x) => (x === c ? "y" : "n")),
            ).toFixed(2)}`,
        );
        parts.push(`[${pc.join(",")}]`);
      }
    }
    const means = SEEDS.map((l) => `${l}=${((per[l] ?? []).reduce((a, b) => a + b, 0) / (per[l]?.length ?? 1)).toFixed(3)}`);
    console.log(
      onDev ? "DEV" : "calib",
      JSON.stringify(cfg),
      ((performance.now() - t0) / 1000).toFixed(0) + "s",
      means.join(" "),
      "|",
      parts.join(" "),
    );
  }
}
if (process.env.COMPLAINT) {
  const folds = Number(process.env.FOLDS ?? 5);
  // X-CI cause spans of complaints, as extra positive rows (SPANS=1).
  const spans = new Map<string, Example>();
  if (process.env.SPANS) {
    const { readJsonl, datasetsDir } = await import("./datasets.js");
    const { featurize } = await import("../src/analysis/model/features.js");
    const { cueFeatures } = await import("../src/analysis/model/cue-features.js");
    const { loadLexicons } = await import("../src/analysis/lexicon/load-lexicons.js");
    const { matchCues } = await import("../src/analysis/lexicon/match-cues.js");
    const lex = loadLexicons().forLanguage("en");
    for (const r of readJsonl<{ text: string; other_labels: { complaint: boolean; cause_span: string } }>(
      `${datasetsDir()}/xci_complaints.jsonl`,
    )) {
      const sp = r.other_labels.cause_span?.trim();
      if (!r.other_labels.complaint || !sp || sp === r.text.trim() || sp.length < 10) continue;
      const tokens = corpus.tokenizer.tokenize(sp, "en");
      const f = featurize(tokens, bits, cueFeatures(matchCues(tokens, lex)), corpus.features, "en");
      spans.set(r.text, { idx: f.idx, value: f.value, cls: -1, multi: Int8Array.from([1]), weight: Number(process.env.SPANS) });
    }
  }
  for (const cfg of configs) {
    const oof: { p: number; y: boolean }[] = [];
    const teamOut: { p: number; y: boolean }[] = [];
    for (let k = 0; k < folds; k++) {
      const tr: Example[] = [];
      const te: { f: (typeof corpus.fit)[number]; y: boolean; team?: boolean }[] = [];
      corpus.fit.forEach((f, i) => {
        const r = rows[i]!;
        const t = r.targets.complaint;
        if (!(t instanceof Int8Array) || r.dev) return;
        const team = r.set.startsWith("team-");
        if (team && r.calib) {
          if (k === 0) te.push({ f, y: t[0] === 1, team: true });
          return;
        }
        if (r.set === "xci_complaints" && fnv1a(r.text) % folds === k) {
          te.push({ f, y: t[0] === 1 });
          return;
        }
        tr.push({
          idx: f.idx,
          value: f.value,
          cls: -1,
          multi: t,
          weight: team ? (r.lang === "en" ? (cfg.teamEn ?? cfg.team ?? 2) : (cfg.team ?? 2)) : 1,
        });
        const sp = spans.get(r.text);
        if (sp && !r.calib) tr.push(sp);
      });
      const head = trainHead("sigmoid", 1, tr, {
        bits,
        seed: 1 + k,
        epochs: cfg.epochs,
        lr: cfg.lr,
        l2: cfg.l2,
        posWeightCap: cfg.cap ?? 5,
      });
      for (const d of te) (d.team ? teamOut : oof).push({ p: 1 / (1 + Math.exp(-scoreHead(head, d.f)[0]!)), y: d.y });
    }
    let best = 0;
    let bestT = 0.5;
    for (let t = 0.1; t < 0.91; t += 0.02) {
      const f = binaryF1(
        oof.map((o) => o.y),
        oof.map((o) => o.p >= t),
      );
      if (f > best) {
        best = f;
        bestT = t;
      }
    }
    console.log(
      "complaint CV",
      JSON.stringify(cfg),
      `n=${oof.length}`,
      "F1@0.5",
      binaryF1(
        oof.map((o) => o.y),
        oof.map((o) => o.p >= 0.5),
      ).toFixed(3),
      `best ${best.toFixed(3)} at t=${bestT.toFixed(2)}`,
      `| team calib n=${teamOut.length} F1@0.5 ${binaryF1(
        teamOut.map((o) => o.y),
        teamOut.map((o) => o.p >= 0.5),
      ).toFixed(3)}`,
    );
  }
}
