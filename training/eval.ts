/**
 * `npm run eval`: scores of the shipped models on the dev portion of every set (rows training never
 * saw; see split.ts), side by side with the peers on the same rows, plus a leave-one-source-out
 * sentiment run that measures generalisation to sources the model never trained on.
 * Prints a markdown report and writes it to models/EVAL.md (when evaluating models/).
 *
 * @example
 * npm run eval                       # full report (about 5 minutes)
 * npm run eval -- --quick            # skip the leave-one-source-out retraining
 * npm run eval -- --holdout-only     # only the leave-one-source-out table
 * npm run eval -- --hard-cases       # only the hard-case shapes per language (seconds; eval-hardcases.ts)
 * npm run eval -- --models ./models-custom
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { readConfig } from "../src/core/config.js";
import { SENTIMENTS } from "../src/core/labels.js";
import { EKMAN7, HEADS, type HeadName } from "../src/analysis/model/heads.js";
import { defaultModelDir, loadModels, type Models } from "../src/analysis/model/load-models.js";
import { modelTokenizer } from "../src/analysis/model/model-tokens.js";
import { cuesOf } from "../src/analysis/model/cue-features.js";
import { loadLexicons } from "../src/analysis/lexicon/load-lexicons.js";
import { predict, type ModelOutput } from "../src/analysis/model/predict.js";
import { trainHead } from "../src/analysis/model/train-linear.js";
import { buildCorpus } from "./corpus.js";
import { loadAllRows, type Row } from "./datasets.js";
import { binaryF1, macroF1, multiLabelF1 } from "../src/analysis/model/metrics.js";
import { loadPeers, type Peer } from "./peers.js";
import { fnv1a } from "./split.js";
import { CONFIG } from "./train.js";
import { languageMeans, losoRuns, losoSources, scoreDev, scoreGroups, scoreGroupsBy, sentimentExamples, type GroupScore } from "./loso.js";
import { cueOnlyLabel, devCueSides, readingLabel, shippedDecision, SHIPPED_FUSION } from "./loso-reading.js";
import { PLAIN_DECISION } from "../src/analysis/model/sentiment-decision.js";
import { repoRoot } from "../src/analysis/model/load-models.js";
import { hardCasesMain, runHardCases } from "./eval-hardcases.js";

const SEED_LANGS = ["te", "th", "cs", "tl", "en"];
const fmt = (x: number | undefined): string => (x === undefined || Number.isNaN(x) ? "–" : x.toFixed(3));

interface Scored {
  row: Row;
  out: ModelOutput;
}

interface SentimentLine {
  set: string;
  lang: string;
  n: number;
  attune: number;
  peers: Record<string, { f1: number; n: number; attuneSame: number }>;
}

async function sentimentSection(
  scored: Scored[],
  peers: Peer[],
  log: (s: string) => void,
): Promise<{ lines: SentimentLine[]; md: string[] }> {
  const groups = new Map<string, Scored[]>();
  for (const s of scored) {
    if (typeof s.row.targets.sentiment !== "number") continue;
    const key = `${s.row.set}\t${s.row.lang}`;
    const g = groups.get(key) ?? [];
    g.push(s);
    groups.set(key, g);
  }
  const lines: SentimentLine[] = [];
  for (const [key, g] of [...groups.entries()].sort()) {
    const [set, lang] = key.split("\t") as [string, string];
    const gold = g.map((s) => SENTIMENTS[s.row.targets.sentiment as number]!);
    const line: SentimentLine = {
      set,
      lang,
      n: g.length,
      attune: macroF1(
        gold,
        g.map((s) => s.out.sentiment.label),
      ),
      peers: {},
    };
    for (const p of peers) {
      if (!p.langs.has(lang)) continue;
      const sample = g.length > p.maxRows ? [...g].sort((a, b) => fnv1a(a.row.text) - fnv1a(b.row.text)).slice(0, p.maxRows) : g;
      const pg: string[] = [];
      const pp: string[] = [];
      for (const s of sample) {
        pg.push(SENTIMENTS[s.row.targets.sentiment as number]!);
        pp.push(await p.run(s.row.text, lang));
      }
      line.peers[p.name] = {
        f1: macroF1(pg, pp),
        n: sample.length,
        attuneSame: macroF1(
          pg,
          sample.map((s) => s.out.sentiment.label),
        ),
      };
    }
    log(`sentiment ${set}/${lang}: ${line.attune.toFixed(3)}`);
    lines.push(line);
  }
  const md: string[] = [];
  md.push("### Sentiment (3-way), dev macro-F1 per set", "");
  md.push("| set | lang | dev rows | attune | node-nlp | multilang-sentiment (sample; attune on it) | vader |");
  md.push("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
  for (const l of lines) {
    const ms = l.peers["multilang-sentiment"];
    md.push(
      `| ${l.set} | ${l.lang} | ${l.n} | **${fmt(l.attune)}** | ${fmt(l.peers["node-nlp"]?.f1)} | ${ms ? `${fmt(ms.f1)} (n=${ms.n}; ${fmt(ms.attuneSame)})` : "–"} | ${fmt(l.peers.vader?.f1)} |`,
    );
  }
  md.push("", "### Sentiment per language (mean over the language's public sets; team-written sets excluded)", "");
  md.push("| lang | sets | attune | best peer | peer score | margin | target |");
  md.push("| --- | ---: | ---: | --- | ---: | ---: | --- |");
  const langs = [...new Set(lines.map((l) => l.lang))].sort((a, b) => SEED_LANGS.indexOf(b) - SEED_LANGS.indexOf(a) || a.localeCompare(b));
  for (const lang of langs) {
    // Team-written sets are ours: listed above, but the language mean is over the public sets.
    const ls = lines.filter((l) => l.lang === lang && !l.set.startsWith("team-"));
    if (ls.length === 0) continue;
    const mean = ls.reduce((s, l) => s + l.attune, 0) / ls.length;
    let best = "";
    let bestScore = -1;
    for (const p of peers) {
      const ps = ls.map((l) => l.peers[p.name]?.f1).filter((x): x is number => x !== undefined);
      if (ps.length === 0) continue;
      const m = ps.reduce((a, b) => a + b, 0) / ps.length;
      if (m > bestScore) {
        bestScore = m;
        best = p.name;
      }
    }
    const target = lang === "en" ? 0.7 : SEED_LANGS.includes(lang) ? 0.62 : undefined;
    const ok =
      target === undefined
        ? ""
        : mean >= target && (bestScore < 0 || mean - bestScore >= 0.2)
          ? `≥${target} and +0.20: met`
          : `≥${target} and +0.20: NOT met`;
    md.push(
      `| ${lang} | ${ls.length} | **${fmt(mean)}** | ${best || "–"} | ${bestScore >= 0 ? fmt(bestScore) : "–"} | ${bestScore >= 0 ? (mean - bestScore >= 0 ? "+" : "") + (mean - bestScore).toFixed(3) : "–"} | ${ok} |`,
    );
  }
  return { lines, md };
}

/** f3's LOSO macro-F1 per source (the issue-12 baseline), as measured by `npm run eval -- --holdout-only` on the f3 build. */
const F3_LOSO: Record<string, number> = JSON.parse(readFileSync(join(repoRoot(), "training", "loso-f3.json"), "utf8")) as Record<
  string,
  number
>;

/**
 * Leave-one-source-out sentiment (training/loso.ts): the head retrained without each source, scored
 * on that source's dev rows, with the shipped decision step; in-source column from the head trained
 * on every source. The model-selection criterion of issue 12.
 */
async function holdoutSection(rows: Row[], models: Models, log: (s: string) => void): Promise<string[]> {
  const corpus = await buildCorpus(rows, CONFIG.bits, log);
  const loso = losoRuns(corpus.fit, rows, CONFIG, log);
  const sets = new Set(losoSources(rows));
  const inSource = scoreDev(
    trainHead("softmax", 3, sentimentExamples(corpus.fit, rows, null), {
      bits: CONFIG.bits,
      seed: CONFIG.seed + 1,
      epochs: CONFIG.epochs,
      lr: CONFIG.lr,
      l2: CONFIG.l2,
    }),
    corpus.fit,
    rows,
    sets,
  );
  const d = shippedDecision(models);
  const lg = scoreGroups(loso, d);
  const plain = scoreGroups(loso, PLAIN_DECISION);
  const ig = scoreGroups(inSource, d);
  // The Reading: the LOSO head fused with the lexicon cues as fuse-sentiment.ts does; and cues alone.
  const cues = devCueSides(rows, loso, corpus.tokenizer, loadLexicons());
  const rg = scoreGroupsBy(loso, (s) => readingLabel(s, d, cues.get(s.row!)!, SHIPPED_FUSION));
  const cg = scoreGroupsBy(loso, (s) => cueOnlyLabel(cues.get(s.row!)!));
  const md: string[] = ["### Sentiment on sources never trained on (leave one source out)", ""];
  md.push(
    `Each row: the sentiment head retrained (float weights, same settings) on every training row except those of the source, then scored on the source's dev rows with the shipped decision (prior offsets ${JSON.stringify(d.offsets.map((x) => +x.toFixed(2)))}, abstention minPolar ${d.minPolar}, minMargin ${d.minMargin}); "argmax" without it; "in-source" trained on every source. f3: the same measure on the f3 build (training/loso-f3.json). "Reading": what the product reads on the source: that LOSO head fused with the message's lexicon cues exactly as src/analysis/fuse/fuse-sentiment.ts does (training/loso-reading.ts); "cues alone": the lexicons without any model. The lexicons are team-written, never taken from a source's rows.`,
    "",
  );
  md.push(
    "| held-out set | lang | dev rows | f3 LOSO | LOSO argmax | **LOSO** | change vs f3 | neutral P | neutral R | in-source | **Reading LOSO** | Reading neutral P | Reading neutral R | cues alone |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  );
  const same = (xs: GroupScore[], g: GroupScore): GroupScore | undefined => xs.find((x) => x.set === g.set && x.lang === g.lang);
  for (const g of lg) {
    const key = `${g.set}/${g.lang}`;
    const f3 = F3_LOSO[key];
    const p = same(plain, g)!;
    const i = same(ig, g);
    const r = same(rg, g)!;
    md.push(
      `| ${g.set} | ${g.lang} | ${g.n} | ${fmt(f3)} | ${fmt(p.f1)} | **${fmt(g.f1)}** | ${signed(f3 === undefined ? undefined : g.f1 - f3)} | ${g.neutralN ? fmt(g.neutralP) : "–"} | ${g.neutralN ? fmt(g.neutralR) : "–"} | ${fmt(i?.f1)} | **${fmt(r.f1)}** | ${r.neutralN ? fmt(r.neutralP) : "–"} | ${r.neutralN ? fmt(r.neutralR) : "–"} | ${fmt(same(cg, g)?.f1)} |`,
    );
  }
  return [...md, ...meansTable(lg, plain, rg, cg)];
}

const signed = (x: number | undefined): string => (x === undefined ? "–" : (x >= 0 ? "+" : "") + x.toFixed(3));

/** LOSO means per language: head (argmax, shipped decision), change vs f3 and the bar, then the Reading and cues alone. */
function meansTable(lg: GroupScore[], plain: GroupScore[], rg: GroupScore[], cg: GroupScore[]): string[] {
  const lm = languageMeans(lg);
  const pm = languageMeans(plain);
  const rm = languageMeans(rg);
  const cm = languageMeans(cg);
  const md = [
    "",
    "| lang | f3 LOSO mean | LOSO argmax | **LOSO mean** | change | issue 12 bar | **Reading LOSO mean** | Reading change vs f3 | cues alone |",
    "| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |",
  ];
  for (const lang of SEED_LANGS) {
    const f3s = Object.entries(F3_LOSO)
      .filter(([k]) => k.endsWith(`/${lang}`))
      .map(([, v]) => v);
    const f3 = f3s.length ? f3s.reduce((a, b) => a + b, 0) / f3s.length : undefined;
    const now = lm[lang];
    const bar = ["te", "th", "cs"].includes(lang) ? 0.08 : 0.05;
    const delta = now !== undefined && f3 !== undefined ? now - f3 : undefined;
    const rdelta = rm[lang] !== undefined && f3 !== undefined ? rm[lang] - f3 : undefined;
    md.push(
      `| ${lang} | ${fmt(f3)} | ${fmt(pm[lang])} | **${fmt(now)}** | ${signed(delta)} | +${bar.toFixed(2)}: ${delta !== undefined && delta >= bar ? "met" : "NOT met"} | **${fmt(rm[lang])}** | ${signed(rdelta)} | ${fmt(cm[lang])} |`,
    );
  }
  return md;
}

function headSection(scored: Scored[], models: Models): string[] {
  const md: string[] = ["### Emotion, complaint and the team-labelled heads (dev)", ""];
  md.push("| head | set | lang | dev rows | metric | attune | target |", "| --- | --- | --- | ---: | --- | ---: | --- |");
  // Ekman-7 on GoEmotions, multi-label.
  const ge = scored.filter((s) => s.row.set === "goemotions" && s.row.targets.ekman);
  if (ge.length) {
    const pred = ge.map((s) => {
      const h = s.out.heads.ekman;
      const p = new Uint8Array(7);
      const set = new Set(h.predicted);
      if (set.size === 0) {
        let a = 0;
        for (let j = 1; j < 7; j++) if (h.probs[j]! > h.probs[a]!) a = j;
        p[a] = 1;
      } else
        EKMAN7.forEach((l, j) => {
          if (set.has(l)) p[j] = 1;
        });
      return p;
    });
    const r = multiLabelF1(
      ge.map((s) => s.row.targets.ekman as Int8Array),
      pred,
      7,
    );
    md.push(
      `| ekman | goemotions | en | ${ge.length} | macro-F1, 7 labels (multi-label) | **${fmt(r.macro)}** | ≥0.50 ${r.macro >= 0.5 ? "met" : "NOT met"} |`,
    );
  }
  // Marreddy Telugu emotion: the source's 5 classes, argmax over them.
  const mr = scored.filter((s) => s.row.set === "telugu_marreddy" && s.row.gold);
  if (mr.length) {
    const five = ["anger", "fear", "joy", "neutral", "sadness"];
    const pred = mr.map((s) => {
      const h = s.out.heads.ekman;
      let best = five[0]!;
      for (const l of five)
        if (h.probs[EKMAN7.indexOf(l as (typeof EKMAN7)[number])]! > h.probs[EKMAN7.indexOf(best as (typeof EKMAN7)[number])]!) best = l;
      return best;
    });
    const f = macroF1(
      mr.map((s) => s.row.gold!),
      pred,
    );
    md.push(
      `| ekman (5 of 7) | telugu_marreddy | te | ${mr.length} | macro-F1, anger/fear/joy/neutral/sadness | **${fmt(f)}** | ≥0.45 ${f >= 0.45 ? "met" : "NOT met"} |`,
    );
  }
  // Complaint and severity on X-CI.
  const xc = scored.filter((s) => s.row.set === "xci_complaints");
  if (xc.length) {
    const f = binaryF1(
      xc.map((s) => (s.row.targets.complaint as Int8Array)[0] === 1),
      xc.map((s) => s.out.complaint.is),
    );
    md.push(
      `| complaint | xci_complaints | en | ${xc.length} | F1 (complaint = yes) | **${fmt(f)}** | ≥0.80 ${f >= 0.8 ? "met" : "NOT met"} |`,
    );
    const gold = xc.map((s) => (s.row.targets.complaint as Int8Array)[0] === 1);
    const pred = xc.map((s) => s.out.complaint.is);
    const macro =
      (binaryF1(gold, pred) +
        binaryF1(
          gold.map((g) => !g),
          pred.map((p) => !p),
        )) /
      2;
    md.push(`| complaint | xci_complaints | en | ${xc.length} | macro-F1 (yes and no) | ${fmt(macro)} | |`);
    const sv = macroF1(
      xc.map((s) => String(s.row.targets.severity)),
      xc.map((s) => String(s.out.complaint.severity)),
    );
    md.push(`| severity | xci_complaints | en | ${xc.length} | macro-F1, 0-4 | ${fmt(sv)} | |`);
  }
  // Every other (head, set, lang) with dev targets.
  const groups = new Map<string, Scored[]>();
  for (const s of scored) {
    for (const name of ["emotions", "needs", "causes", "signals", "stage"] as HeadName[]) {
      if (s.row.targets[name] === undefined) continue;
      const key = `${name}\t${s.row.set}\t${s.row.lang}`;
      const g = groups.get(key) ?? [];
      g.push(s);
      groups.set(key, g);
    }
    if (s.row.set.startsWith("team-")) {
      for (const name of ["sentiment", "complaint"] as HeadName[]) {
        if (s.row.targets[name] === undefined) continue;
        const key = `${name}\t${s.row.set}\t${s.row.lang}`;
        const g = groups.get(key) ?? [];
        g.push(s);
        groups.set(key, g);
      }
    }
  }
  for (const [key, g] of [...groups.entries()].sort()) {
    const [name, set, lang] = key.split("\t") as [HeadName, string, string];
    if (!models.head[name]?.trained || g.length < 10) continue;
    const spec = HEADS.find((h) => h.name === name)!;
    let value: number;
    let metric: string;
    if (name === "complaint") {
      value = binaryF1(
        g.map((s) => (s.row.targets.complaint as Int8Array)[0] === 1),
        g.map((s) => s.out.complaint.is),
      );
      metric = "F1 (complaint = yes)";
    } else if (spec.kind === "softmax") {
      value = macroF1(
        g.map((s) => spec.labels[s.row.targets[name] as number]!),
        g.map((s) => s.out.heads[name].predicted[0]!),
      );
      metric = "macro-F1";
    } else {
      const pred = g.map((s) => {
        const set2 = new Set(s.out.heads[name].predicted);
        return Uint8Array.from(spec.labels.map((l) => (set2.has(l) ? 1 : 0)));
      });
      value = multiLabelF1(
        g.map((s) => s.row.targets[name] as Int8Array),
        pred,
        spec.labels.length,
      ).macro;
      metric = "macro-F1 over labelled labels";
    }
    md.push(`| ${name} | ${set} | ${lang} | ${g.length} | ${metric} | ${fmt(value)} | |`);
  }
  return md;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const mIdx = args.indexOf("--models");
  const dir = mIdx >= 0 ? resolve(args[mIdx + 1]!) : defaultModelDir();
  const quick = args.includes("--quick");
  if (args.includes("--hard-cases")) return hardCasesMain();
  const log = (s: string): void => console.error(s);
  const t0 = performance.now();
  const models = loadModels(dir);
  const rows = loadAllRows();
  const tok = await modelTokenizer(readConfig().modelTokenizer === "basic");
  // The model's input as the pipeline gives it: tokens, and cue hits when the model reads them.
  const lexicons = models.features.cues > 0 ? loadLexicons() : null;
  const run = (row: Row): ModelOutput => {
    const tokens = tok.tokenize(row.text, row.lang);
    return predict(models, { tokens, text: row.text, lang: row.lang, ...(lexicons ? { cues: cuesOf(tokens, row.lang, lexicons) } : {}) });
  };
  if (args.includes("--holdout-only")) {
    // Leave-one-source-out alone (in-source column from the shipped models on the same rows).
    const dev = rows.filter((r) => r.dev && typeof r.targets.sentiment === "number" && SEED_LANGS.includes(r.lang));
    const sc: Scored[] = dev.map((row) => ({ row, out: run(row) }));
    await sentimentSection(sc, [], log);
    console.log((await holdoutSection(rows, models, log)).join("\n"));
    return;
  }
  const scored: Scored[] = rows.filter((r) => r.dev).map((row) => ({ row, out: run(row) }));
  log(`scored ${scored.length} dev rows`);
  const peers = await loadPeers();
  const sent = await sentimentSection(scored, peers, log);
  const md: string[] = [
    "# attune models: dev evaluation",
    "",
    `Models: \`${models.name}\`, ${models.versions.linear}; tokenizer: ${tok.kind}. Command: \`npm run eval${quick ? " -- --quick" : ""}\`.`,
    "Dev rows: the source's dev split where it has one, else FNV-1a(text) % 10 == 0; team-written rows: FNV-1a(id) % 5 == 0 (training/split.ts). Training never sees them.",
    "Single-label macro-F1 averages over the classes present in the gold labels of the set.",
    "",
    ...sent.md,
    "",
    ...headSection(scored, models),
  ];
  md.push("", ...(await runHardCases({ modelDir: dir })));
  if (!quick) md.push("", ...(await holdoutSection(rows, models, log)));
  md.push("", `Eval time: ${((performance.now() - t0) / 1000).toFixed(0)} s.`, "");
  const text = md.join("\n");
  console.log(text);
  if (dir === defaultModelDir()) writeFileSync(join(dir, "EVAL.md"), text);
}

await main();
