/**
 * Writes the label table of docs/labels.md: each label, what it means, and two team-written examples per
 * seed language that attune itself reads with that label, the words it points at in bold. Run with
 * `npm run readme:labels`; the table lives between the LABELS markers in docs/labels.md.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createReader } from "../src/analysis/read.js";
import { CAUSES, EMOTIONS, NEEDS, SEED_LANGUAGES, SIGNALS, STAGES } from "../src/core/labels.js";
import type { Reading, Span } from "../src/core/reading.js";

const MEANINGS: Record<string, string> = {
  "sentiment:positive": "overall tone is favourable",
  "sentiment:neutral": "no clear feeling either way: questions, requests, plain statements",
  "sentiment:negative": "overall tone is unfavourable",
  "emotion:anger": "hostile, outraged",
  "emotion:frustration": "blocked, fed up, going round in circles",
  "emotion:disappointment": "expectations let down",
  "emotion:sadness": "hurt, low, sorry about a loss",
  "emotion:worry": "anxious about what will happen (money, safety, data)",
  "emotion:confusion": "does not understand what happened or what to do",
  "emotion:surprise": "did not expect it (good or bad)",
  "emotion:joy": "pleased, delighted",
  "emotion:gratitude": "thanks someone",
  "emotion:trust": "relies on the company, feels safe with it",
  "need:resolution": "wants the problem fixed",
  "need:refund_or_compensation": "wants money back, a replacement or goodwill",
  "need:information": "wants to know something",
  "need:speed": "wants it fast, now",
  "need:acknowledgement": "wants to be heard and taken seriously",
  "need:respect": "wants to be treated with courtesy",
  "need:reassurance": "wants to be told it is safe and will be fine",
  "need:escalation": "wants someone higher up, or an outside body",
  "need:cancellation": "wants to cancel or leave",
  "cause:staff_treatment": "how staff behaved",
  "cause:product_quality": "the product itself",
  "cause:service_quality": "how the service was delivered",
  "cause:delivery_or_wait": "delivery, queues, waiting",
  "cause:price_or_billing": "price, charges, invoices",
  "cause:communication_gap": "no one answering, no updates, mixed messages",
  "cause:security_and_trust": "fraud, data, safety of money and accounts",
  "cause:policy": "rules, terms, conditions",
  "cause:usability": "the app, site or product is hard to use",
  "cause:advertising": "promises in ads and offers",
  "cause:overall_experience": "the experience as a whole",
  "stage:before_purchase": "considering, asking before buying",
  "stage:purchase": "ordering, paying, waiting for delivery",
  "stage:in_use": "using the product or service",
  "stage:in_interaction": "talking to support right now",
  "stage:after_interaction": "after contacting support, following up",
  "stage:leaving": "cancelling or moving to a competitor",
  "signal:churn_threat": "threatens to leave",
  "signal:public_exposure_threat": "threatens to go public (posts, reviews, media)",
  "signal:legal_threat": "threatens lawyers, regulators, courts",
  "signal:safety_issue": "someone's health or safety is at risk",
  "signal:repeat_contact": "has contacted before about this",
  "signal:sarcasm": "says the opposite of what is meant",
  "complaint:1": "complaint without explicit reproach",
  "complaint:2": "disapproval",
  "complaint:3": "accusation",
  "complaint:4": "blame",
};

interface Example {
  text: string;
  sentiment: string;
  emotions: string[];
  needs: string[];
  causes: { label: string }[];
  stage: string;
  signals: string[];
  complaint: number;
}

function labelsOf(e: Example): Set<string> {
  return new Set([
    `sentiment:${e.sentiment}`,
    ...e.emotions.map((l) => `emotion:${l}`),
    ...e.needs.map((l) => `need:${l}`),
    ...e.causes.map((c) => `cause:${c.label}`),
    `stage:${e.stage}`,
    ...e.signals.map((l) => `signal:${l}`),
    ...(e.complaint > 0 ? [`complaint:${e.complaint}`] : []),
  ]);
}

function readingLabels(r: Reading): Map<string, Span[]> {
  const m = new Map<string, Span[]>();
  m.set(`sentiment:${r.sentiment.label}`, r.sentiment.evidence);
  for (const e of r.emotions) m.set(`emotion:${e.label}`, e.evidence);
  for (const n of r.needs) m.set(`need:${n.label}`, n.evidence);
  for (const c of r.causes) m.set(`cause:${c.label}`, c.evidence);
  m.set(`stage:${r.stage.label}`, r.stage.evidence);
  for (const s of r.signals) m.set(`signal:${s.label}`, s.evidence);
  if (r.complaint.is) m.set(`complaint:${r.complaint.severity}`, r.complaint.evidence);
  return m;
}

function bold(text: string, spans: Span[]): string {
  let out = "";
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    out += escape(text.slice(at, s.start)) + `**${escape(s.text)}**`;
    at = s.end;
  }
  return out + escape(text.slice(at));
}

function escape(s: string): string {
  return s
    .replace(/\|/g, "\\|")
    .replace(/\s+/g, " ")
    .replace(/([*_`<>[\]])/g, "\\$1");
}

const reader = await createReader();
const picked = new Map<string, Map<string, string[]>>();
for (const lang of SEED_LANGUAGES) {
  const rows = readFileSync(new URL(`./data/${lang}.jsonl`, import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Example)
    // Short examples read best in a table; the id order keeps the choice stable between runs.
    .filter((e) => e.text.length <= 110);
  for (const e of rows) {
    const gold = labelsOf(e);
    const got = readingLabels(reader.analyze(e.text));
    for (const [label, spans] of got) {
      if (!gold.has(label) || spans.length === 0) continue;
      const byLang = picked.get(label) ?? new Map<string, string[]>();
      picked.set(label, byLang);
      const list = byLang.get(lang) ?? [];
      if (list.length < 2) list.push(bold(e.text, spans));
      byLang.set(lang, list);
    }
  }
}

const order = [
  ...["positive", "neutral", "negative"].map((l) => `sentiment:${l}`),
  ...EMOTIONS.map((l) => `emotion:${l}`),
  ...NEEDS.map((l) => `need:${l}`),
  ...CAUSES.map((l) => `cause:${l}`),
  ...STAGES.map((l) => `stage:${l}`),
  ...SIGNALS.map((l) => `signal:${l}`),
  ...["1", "2", "3", "4"].map((l) => `complaint:${l}`),
];
const lines = [`| label | meaning | ${SEED_LANGUAGES.join(" | ")} |`, `| --- | --- | ${SEED_LANGUAGES.map(() => "---").join(" | ")} |`];
let missing = 0;
for (const label of order) {
  const cells = SEED_LANGUAGES.map((lang) => {
    const ex = picked.get(label)?.get(lang) ?? [];
    missing += 2 - ex.length;
    return ex.map((x) => `• ${x}`).join("<br>") || "-";
  });
  lines.push(`| \`${label}\` | ${MEANINGS[label] ?? ""} | ${cells.join(" | ")} |`);
}
const readme = readFileSync(new URL("../docs/labels.md", import.meta.url), "utf8");
const start = "<!-- LABELS:START -->";
const end = "<!-- LABELS:END -->";
const table = `${start}\n${lines.join("\n")}\n${end}`;
const next = readme.includes(start)
  ? readme.slice(0, readme.indexOf(start)) + table + readme.slice(readme.indexOf(end) + end.length)
  : `${readme.trimEnd()}\n\n## Labels, with examples attune reads\n\nTwo team-written messages per seed language for each label, read by attune with that label; the words it points at are in bold. Generated by \`npm run readme:labels\`.\n\n${table}\n`;
writeFileSync(new URL("../docs/labels.md", import.meta.url), next);
console.log(`label table written: ${order.length} labels, ${missing} example cells without an example`);
