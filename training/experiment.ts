/**
 * Scratch harness for tuning (not part of train/eval): featurize once, train the sentiment and
 * complaint heads under several settings, print dev macro-F1 per seed-language set.
 *
 * @example
 * npx tsx training/experiment.ts
 */
import { SENTIMENTS } from "../src/core/labels.js";
import { scoreHead, trainHead, tuneThresholds, type Example } from "../src/analysis/model/train-linear.js";
import { buildCorpus } from "./corpus.js";
import { loadAllRows } from "./datasets.js";
import { binaryF1, macroF1 } from "../src/analysis/model/metrics.js";

const SEEDS = ["te", "th", "cs", "tl", "en"];
const rows = loadAllRows().filter((r) => SEEDS.includes(r.lang) || process.env.ALL);
const bits = Number(process.env.BITS ?? 18);
const corpus = await buildCorpus(rows, bits, console.log);
const srcw = JSON.parse(process.env.SRCW ?? "{}") as Record<string, number>;
const configs = JSON.parse(process.env.CONFIGS ?? '[{"epochs":5,"lr":0.2,"l2":1e-6}]') as { epochs: number; lr: number; l2: number; cap?: number; sw?: number; avg?: number }[];
for (const cfg of configs) {
  const train: Example[] = [];
  corpus.fit.forEach((f, i) => {
    const r = rows[i]!;
    if (r.dev || r.calib || typeof r.targets.sentiment !== "number") return;
    train.push({ idx: f.idx, value: f.value, cls: r.targets.sentiment, multi: null, weight: (cfg.sw === 0 ? 1 : f.weights?.sentiment ?? 1) * (srcw[`${r.set}:${r.lang}`] ?? srcw[r.set] ?? srcw["*"] ?? 1) });
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
    if (!r.dev || typeof r.targets.sentiment !== "number" || r.set.startsWith("team")) return;
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
    parts.push(`${k.split(":")[1]!.slice(0, 8)}=${f.toFixed(3)}`);
    (per[k.split(":")[0]!] ??= []).push(f);
  }
  const means = SEEDS.map((l) => `${l}=${((per[l] ?? []).reduce((a, b) => a + b, 0) / (per[l]?.length ?? 1)).toFixed(3)}`);
  console.log(JSON.stringify(cfg), ((performance.now() - t0) / 1000).toFixed(0) + "s", means.join(" "), "|", parts.join(" "));
}
if (process.env.COMPLAINT) {
  const tr: Example[] = [];
  const cal: Example[] = [];
  const dv: { f: (typeof corpus.fit)[number]; y: boolean }[] = [];
  corpus.fit.forEach((f, i) => {
    const r = rows[i]!;
    const t = r.targets.complaint;
    if (!(t instanceof Int8Array)) return;
    if (r.dev) { if (r.set === "xci_complaints") dv.push({ f, y: t[0] === 1 }); return; }
    (r.calib ? cal : tr).push({ idx: f.idx, value: f.value, cls: -1, multi: t, weight: 1 });
  });
  for (const cfg of configs) {
    const head = trainHead("sigmoid", 1, tr, { bits, seed: 1, epochs: cfg.epochs, lr: cfg.lr, l2: cfg.l2 });
    const th = tuneThresholds(head, cal)[0]!;
    const p = dv.map((d) => 1 / (1 + Math.exp(-scoreHead(head, d.f)[0]!)));
    console.log("complaint", JSON.stringify(cfg), "t=", th.toFixed(2), "F1", binaryF1(dv.map((d) => d.y), p.map((x) => x >= th)).toFixed(3), "F1@0.5", binaryF1(dv.map((d) => d.y), p.map((x) => x >= 0.5)).toFixed(3));
  }
}
