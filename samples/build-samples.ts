/**
 * Builds the sample workspace (samples/<lang>.jsonl, in attune's JSONL import format) from the
 * hand-written texts in samples/text/<lang>.txt. The texts are written by the team; this script only
 * gives them ids, pseudonymous authors, threads and timestamps, deterministically (same input, same
 * output), so the files can be rebuilt after a text is edited.
 *
 * Text format (one block per thread or post, blocks separated by a blank line):
 *   @chat kartly                 header: channel (email chat social dm review forum survey call
 *                                staff internal) and company; `again` = the previous customer writes again
 *   @email meridian | Subject    email with a subject
 *   @social orbita 45000         public post by an author with that audience
 *   @review yumrun 2             review with 2 stars (kept in the subject: the format has no rating)
 *   @survey skyvia nps 3         survey answer with a comment
 *   @staff bangkok-chat 2026-10  employee pulse-survey comments: every `>` line a new respondent,
 *                                `>>` the same respondent again (`@internal` for the internal channel)
 *   > text   the customer        < text   an agent        ] text   another customer (forum, social)
 *   *csat 2 text                 the customer's survey answer at the end of the thread
 *   {en} after the marker        the line is in another language than the file's
 *
 * @example
 * npx tsx samples/build-samples.ts      # rewrites samples/*.jsonl, prints counts
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { seededRandom } from "../src/core/seeded-random.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const WINDOW_START = Date.UTC(2026, 8, 26); // 60 days before 2026-11-25
const WINDOW_END = Date.UTC(2026, 10, 24, 23, 0);
const HOUR = 3_600_000;
const MIN = 60_000;
const DAY = 24 * HOUR;

/** Team of each language's agents (a multilingual contact centre serving all five brands). */
const AGENT_TEAM: Record<string, string> = {
  te: "Hyderabad Voice",
  th: "Bangkok Chat",
  tl: "Manila Social",
  cs: "Brno Email",
  en: "London Escalations",
};
const STAFF_TEAM: Record<string, string> = {
  "hyderabad-voice": "Hyderabad Voice",
  "bangkok-chat": "Bangkok Chat",
  "manila-social": "Manila Social",
  "brno-email": "Brno Email",
  "london-escalations": "London Escalations",
  "quality": "Quality Assurance",
  "workforce": "Workforce Planning",
};

/** Local UTC offset in hours, for business-hours timestamps. */
function utcOffset(lang: string, at: number): number {
  const dstOver = at >= Date.UTC(2026, 9, 25, 1);
  if (lang === "te") return 5.5;
  if (lang === "th") return 7;
  if (lang === "tl") return 8;
  if (lang === "cs") return dstOver ? 1 : 2;
  return dstOver ? 0 : 1;
}

function rng(seed: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  return seededRandom(h);
}

interface Line {
  who: ">" | "<" | "]" | "*";
  text: string;
  lang?: string;
  survey?: { kind: "nps" | "csat" | "ces"; score: number };
  same?: boolean;
}

interface Block {
  kind: string;
  company: string;
  args: string[];
  subject?: string;
  again: boolean;
  lines: Line[];
  at: number;
}

function parse(text: string, file: string): Block[] {
  const blocks: Block[] = [];
  let cur: Block | undefined;
  text.split("\n").forEach((raw, i) => {
    const line = raw.trimEnd();
    if (line.startsWith("#")) return;
    if (!line.trim()) {
      cur = undefined;
      return;
    }
    if (line.startsWith("@")) {
      const [head, subject] = line.slice(1).split(" | ");
      const [kind, company, ...args] = head!.trim().split(/\s+/);
      cur = { kind: kind!, company: company!, args: args.filter((a) => a !== "again"), again: args.includes("again"), lines: [], at: i + 1, ...(subject ? { subject: subject.trim() } : {}) };
      blocks.push(cur);
      return;
    }
    if (!cur) throw new Error(`${file}:${i + 1}: text outside a block`);
    let m = /^(>>|>|<|\])\s*(?:\{(\w\w)\}\s*)?(.+)$/.exec(line);
    if (m) {
      const who = m[1] === ">>" ? ">" : (m[1] as Line["who"]);
      cur.lines.push({ who, text: m[3]!.trim(), ...(m[2] ? { lang: m[2] } : {}), ...(m[1] === ">>" ? { same: true } : {}) });
      return;
    }
    m = /^\*(nps|csat|ces)\s+(\d+)\s+(?:\{(\w\w)\}\s*)?(.+)$/.exec(line);
    if (m) {
      cur.lines.push({ who: "*", text: m[4]!.trim(), survey: { kind: m[1] as "nps", score: Number(m[2]) }, ...(m[3] ? { lang: m[3] } : {}) });
      return;
    }
    throw new Error(`${file}:${i + 1}: cannot read line`);
  });
  return blocks;
}

const CHANNEL: Record<string, string> = { dm: "social", staff: "survey" };

/** Gap before a message, by channel and by who writes it. */
function gap(kind: string, who: Line["who"], r: () => number): number {
  const span = (lo: number, hi: number) => lo + (hi - lo) * r();
  if (who === "*") return span(1 * HOUR, 26 * HOUR);
  switch (kind) {
    case "chat":
      return who === "<" ? span(1 * MIN, 14 * MIN) : span(2 * MIN, 40 * MIN);
    case "call":
      return span(0.3 * MIN, 2.5 * MIN);
    case "email":
      return who === "<" ? span(2 * HOUR, 30 * HOUR) : span(1 * HOUR, 20 * HOUR);
    case "social":
    case "dm":
      return who === "<" ? span(15 * MIN, 7 * HOUR) : span(10 * MIN, 5 * HOUR);
    case "review":
      return span(3 * HOUR, 60 * HOUR);
    default:
      return span(1 * HOUR, 24 * HOUR);
  }
}

/** A start time: mostly local business hours, some evenings, nights and weekends. */
function startTime(lang: string, r: () => number, from: number, to: number): number {
  const days = Math.max(1, Math.floor((to - from) / DAY));
  let day = Math.floor(from / DAY) + Math.floor(r() * days);
  // Fewer messages at weekends: a weekend day is kept a bit under half the time.
  const weekend = (d: number) => [0, 6].includes(new Date(d * DAY).getUTCDay());
  if (weekend(day) && r() < 0.55) day = Math.floor(from / DAY) + Math.floor(r() * days);
  const u = r();
  const localHour = u < 0.78 ? 8.5 + r() * 9.5 : u < 0.92 ? 18 + r() * 5 : r() * 8;
  let at = day * DAY + (localHour - utcOffset(lang, day * DAY)) * HOUR + Math.floor(r() * 60_000);
  if (at < from) at = from + Math.floor(r() * 6 * HOUR);
  if (at > to) at = to - Math.floor(r() * 6 * HOUR);
  return at;
}

function stars(n: number): string {
  return "★".repeat(n) + "☆".repeat(5 - n) + ` (${n}/5)`;
}

function build(lang: string, blocks: Block[]): Record<string, unknown>[] {
  const r = rng(`attune-samples-${lang}`);
  const out: (Record<string, unknown> & { at: number })[] = [];
  let msgNo = 0;
  let custNo = 0;
  let threadNo = 0;
  let prevCustomer = "";
  let prevEnd = 0;
  const agents = Array.from({ length: 7 }, (_, i) => `agent-${lang}-${String(i + 1).padStart(2, "0")}`);
  const nextId = () => `${lang}-${String(++msgNo).padStart(5, "0")}`;
  const newCustomer = () => `cust-${lang}-${String(++custNo).padStart(4, "0")}`;

  for (const b of blocks) {
    if (b.kind === "staff" || b.kind === "internal") {
      const team = STAFF_TEAM[b.company];
      if (!team) throw new Error(`unknown team ${b.company}`);
      const [y, mo] = (b.args[0] ?? "2026-10").split("-").map(Number);
      const from = Math.max(WINDOW_START, Date.UTC(y!, mo! - 1, 5));
      const to = Math.min(WINDOW_END, Date.UTC(y!, mo! - 1, 23));
      let respondent = 0;
      for (const l of b.lines) {
        if (!l.same) respondent++;
        const id = `emp-${b.company}-${String(respondent).padStart(2, "0")}`;
        out.push({
          at: Math.round(startTime(lang, r, from, to) / 1000) * 1000,
          external_id: nextId(),
          text: l.text,
          channel: b.kind === "internal" ? "internal" : "survey",
          author: { id, team },
          direction: "employee",
          team,
          public: false,
          lang: l.lang ?? lang,
        });
      }
      continue;
    }
    const kind = b.kind;
    const channel = CHANNEL[kind] ?? kind;
    const customer = b.again && prevCustomer ? prevCustomer : newCustomer();
    const audienceArg = kind === "social" ? Number(b.args[0] ?? 0) || Math.floor(60 + r() * r() * 3000) : undefined;
    const agent = agents[Math.floor(r() * agents.length)]!;
    const thread = `${b.company}-${lang}-${String(++threadNo).padStart(4, "0")}`;
    const offsets: number[] = [];
    let t = 0;
    b.lines.forEach((l, i) => {
      if (i > 0) t += gap(kind, l.who, r);
      offsets.push(t);
    });
    let start: number;
    if (b.again && prevCustomer && prevEnd) {
      start = prevEnd + DAY + r() * 6 * DAY;
      if (start + t > WINDOW_END) start = Math.min(prevEnd + 2 * HOUR + r() * 10 * HOUR, WINDOW_END - t);
    } else start = startTime(lang, r, WINDOW_START, WINDOW_END - t);
    const multi = b.lines.length > 1 || kind === "email";
    b.lines.forEach((l, i) => {
      const at = Math.round((start + offsets[i]!) / 1000) * 1000;
      const base: Record<string, unknown> & { at: number } = { at, external_id: nextId(), text: l.text, lang: l.lang ?? lang };
      if (l.who === "<") {
        Object.assign(base, { channel, author: { id: agent, team: AGENT_TEAM[lang] }, direction: "agent", team: AGENT_TEAM[lang] });
      } else if (l.who === "]") {
        const other = newCustomer();
        Object.assign(base, { channel, author: kind === "social" ? { id: other, audience: Math.floor(30 + r() * r() * 2500) } : other, direction: "customer" });
      } else if (l.who === "*") {
        Object.assign(base, { channel: "survey", author: customer, direction: "customer", survey: l.survey, public: false });
      } else {
        Object.assign(base, { channel, author: kind === "social" ? { id: customer, audience: audienceArg } : customer, direction: "customer" });
        if (kind === "social" && i === 0) base.audience = audienceArg;
      }
      if (kind === "dm") base.public = false;
      if (kind === "email" && l.who !== "*") base.subject = b.subject ? (i === 0 ? b.subject : `Re: ${b.subject}`) : undefined;
      if (kind === "review" && i === 0) base.subject = stars(Number(b.args[0] ?? 3));
      if (kind === "survey" && i === 0) {
        const [k, s] = b.args;
        base.survey = { kind: k, score: Number(s) };
        base.public = false;
      }
      if (multi || l.who === "*") base.thread = thread;
      if (base.subject === undefined) delete base.subject;
      out.push(base);
    });
    prevCustomer = customer;
    prevEnd = start + t;
  }
  out.sort((a, b) => a.at - b.at || String(a.external_id).localeCompare(String(b.external_id)));
  return out.map(({ at, ...rest }) => ({ ...rest, sent_at: new Date(at).toISOString() }));
}

const ORDER = ["external_id", "thread", "channel", "direction", "author", "sent_at", "public", "audience", "subject", "team", "survey", "text"];

function main(): void {
  const textDir = join(HERE, "text");
  const langsOut: Record<string, number> = {};
  const check: string[] = [];
  for (const f of readdirSync(textDir).filter((x) => x.endsWith(".txt")).sort()) {
    const lang = f.replace(/\.txt$/, "");
    const rows = build(lang, parse(readFileSync(join(textDir, f), "utf8"), f));
    const lines = rows.map((row) => {
      check.push(JSON.stringify({ id: row.external_id, text: row.text, expect: row.lang, channel: row.channel, direction: row.direction }));
      const ordered: Record<string, unknown> = {};
      for (const k of ORDER) if (row[k] !== undefined) ordered[k] = row[k];
      return JSON.stringify(ordered);
    });
    writeFileSync(join(HERE, `${lang}.jsonl`), lines.join("\n") + "\n");
    langsOut[lang] = rows.length;
  }
  // Input for the language check (`attune analyze`), kept out of the repo.
  writeFileSync(join(tmpdir(), "attune-samples-lid.jsonl"), check.join("\n") + "\n");
  process.stdout.write(JSON.stringify(langsOut) + "\n");
}

main();
