/**
 * Build the fixed 200-message mixed set for the draft evaluation (training/respond/mixed-200.jsonl):
 * 30 customer messages per seed language drawn from the team's labelled examples
 * (training/data/<lang>.jsonl, chosen by a fixed hash of the id, so the choice is stable and was
 * never used to tune the templates) plus the 50 messages of mixed-extra.jsonl in es, pt, hi, id
 * and vi. Each message gets a varied set of reply facts (names, agent gender, order id, public).
 *
 * @example
 * npx tsx training/respond/build-mixed-set.ts   # writes training/respond/mixed-200.jsonl
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const PER_LANGUAGE = 30;
const NAMES: Record<string, [string, string]> = {
  en: ["Dana", "Sam"],
  te: ["లక్ష్మి", "రవి"],
  th: ["สมชาย", "พลอย"],
  cs: ["Jana Nováková", "Petr"],
  tl: ["Maricel", "Joy"],
  es: ["Lucía", "Carlos"],
  pt: ["Ana", "Rafael"],
  hi: ["प्रिया", "अमित"],
  id: ["Rina", "Budi"],
  vi: ["Lan", "Minh"],
};

interface Row {
  id: string;
  lang: string;
  message: string;
  [fact: string]: unknown;
}

function hashOf(id: string): string {
  return createHash("sha256").update(id).digest("hex");
}

function facts(i: number, lang: string): Record<string, unknown> {
  const [customer, agent] = NAMES[lang] ?? ["Alex", "Kim"];
  switch (i % 4) {
    case 0:
      return { customer_name: customer, agent_name: agent, agent_gender: "female" };
    case 1:
      return { agent_name: agent, agent_gender: "male", order_id: `A-${1000 + i}` };
    case 2:
      return {};
    default:
      return { public: true, channel: "social", agent_name: agent, agent_gender: "female" };
  }
}

const rows: Row[] = [];
for (const lang of ["en", "te", "th", "cs", "tl"]) {
  const lines = readFileSync(join(here, "..", "data", `${lang}.jsonl`), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "");
  const examples = lines
    .map((l) => JSON.parse(l) as { id: string; text: string; direction?: string })
    .filter((e) => e.direction !== "employee" && e.text.length >= 20 && e.text.length <= 600)
    .sort((a, b) => (hashOf(a.id) < hashOf(b.id) ? -1 : 1))
    .slice(0, PER_LANGUAGE);
  for (const e of examples) rows.push({ id: e.id, lang, message: e.text });
}
for (const line of readFileSync(join(here, "mixed-extra.jsonl"), "utf8").split("\n")) {
  if (line.trim() === "") continue;
  rows.push(JSON.parse(line) as Row);
}
const out = rows.map((r, i) => JSON.stringify({ ...r, ...facts(i, r.lang) })).join("\n");
writeFileSync(join(here, "mixed-200.jsonl"), `${out}\n`);
console.log(`wrote ${rows.length} messages`);
