/**
 * Evaluate the empathy check on the team-written triples (training/respond/<lang>.jsonl, and
 * te-Latn.jsonl for romanised Telugu): for each customer message the check must score the good
 * reply above the poor one. Prints the share per language and per kind of poor reply, and the
 * triples it gets wrong (with --verbose).
 *
 * @example
 * npx tsx training/respond/eval-check.ts            # all languages
 * npx tsx training/respond/eval-check.ts cs --verbose
 * npx tsx training/respond/eval-check.ts te-Latn
 */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { openReader } from "./open-reader.js";
import { checkReply } from "../../src/analysis/respond/check-reply.js";
import { loadTriples, type Triple } from "./load-triples.js";

const here = dirname(fileURLToPath(import.meta.url));
/** `<lang>.jsonl`, or `<lang>-<Script>.jsonl` for a language in a second script (te-Latn: romanised Telugu). */
const TRIPLE_FILE = /^[a-z]{2}(?:-[A-Z][a-z]{3})?\.jsonl$/;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.includes("--verbose");
  const wanted = args.filter((a) => !a.startsWith("--"));
  const files = readdirSync(here).filter((f) => TRIPLE_FILE.test(f));
  const reader = await openReader();
  let allOk = true;
  for (const file of files) {
    const lang = file.replace(/\.jsonl$/, "");
    if (wanted.length > 0 && !wanted.includes(lang)) continue;
    const triples = loadTriples(readFileSync(join(here, file), "utf8"));
    const byKind = new Map<string, [number, number]>();
    let ranked = 0;
    let goodSum = 0;
    let poorSum = 0;
    for (const [i, t] of triples.entries()) {
      const customer = reader.analyze(t.message, { direction: "customer" });
      const score = (reply: string) => checkReply(reply, reader.analyze(reply, { direction: "agent" }), customer, t.message, {});
      const good = score(t.good);
      const poor = score(t.poor);
      const ok = good.score > poor.score;
      ranked += ok ? 1 : 0;
      goodSum += good.score;
      poorSum += poor.score;
      const k = byKind.get(t.poor_kind) ?? [0, 0];
      byKind.set(t.poor_kind, [k[0] + (ok ? 1 : 0), k[1] + 1]);
      if (verbose && (!ok || good.score < 70)) report(i, t, good, poor);
    }
    const share = ranked / triples.length;
    if (share < 0.95) allOk = false;
    const kinds = [...byKind].map(([k, [a, b]]) => `${k} ${a}/${b}`).join(", ");
    console.log(
      `${lang}: good>poor ${ranked}/${triples.length} (${(share * 100).toFixed(1)}%), mean good ${(goodSum / triples.length).toFixed(1)}, mean poor ${(poorSum / triples.length).toFixed(1)} | ${kinds}`,
    );
  }
  process.exitCode = allOk ? 0 : 1;
}

function report(i: number, t: Triple, good: ReturnType<typeof checkReply>, poor: ReturnType<typeof checkReply>): void {
  const brief = (c: ReturnType<typeof checkReply>) =>
    c.criteria
      .filter((x) => x.verdict !== "met" && x.verdict !== "not_applicable")
      .map((x) => `${x.name}:${x.verdict}`)
      .join(" ");
  console.log(`  #${i} [${t.poor_kind}] good ${good.score} (${brief(good)}) poor ${poor.score} (${brief(poor)})`);
}

void main();
