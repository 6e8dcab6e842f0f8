import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Reader } from "../../src/analysis/read.js";
import { createLanguageIdentifier, type LanguageIdentifier } from "../../src/analysis/language/index.js";
import {
  loadReview,
  REVIEW_DIR,
  REVIEW2_DIR,
  REVIEW3_DIR,
  REVIEW4_DIR,
  REVIEW5_DIR,
  REVIEW6_DIR,
  REVIEW7_DIR,
  REVIEW_LANGUAGES,
  reviewLanguage,
} from "./eval-review.js";
import { openReader } from "./open-reader.js";

// Issue 13's automated checks on the native review sets, through the real reader: no quoted
// fragment, no topic outside the message and its Reading, no unauthorised offer or time, no Czech
// nominative address, every draft in the customer's language or flagged.
let reader: Reader;
let lid: LanguageIdentifier;
beforeAll(async () => {
  reader = await openReader();
  lid = await createLanguageIdentifier();
});

// Every set, with the size it was written at; none of them is ever tuned on (RUBRIC.md, "fixed rule").
const SETS: readonly [string, string, number][] = [
  ["native review sets", REVIEW_DIR, 60],
  ["second review set (review2/, written after the problem layer, never tuned on)", REVIEW2_DIR, 40],
  ["third review set (review3/, written before its drafts were read, never tuned on)", REVIEW3_DIR, 60],
  ["fourth review set (review4/, written before its drafts were read, never tuned on)", REVIEW4_DIR, 60],
  ["fifth review set (review5/, written before its drafts were read, never tuned on)", REVIEW5_DIR, 60],
];

for (const [title, dir, size] of SETS) {
  describe(title, () => {
    for (const lang of REVIEW_LANGUAGES) {
      it(`${lang}: at least ${size} messages, every draft passes the audit`, () => {
        expect(loadReview(lang, dir).length).toBeGreaterThanOrEqual(size);
        const problems = reviewLanguage(reader, lid, lang, dir).flatMap((r) => r.problems.map((p) => `${r.row.id} ${p}`));
        expect(problems).toEqual([]);
      });
    }
  });
}

// The sixth and seventh sets are checked for their format only. The sixth's first drafts
// (review6/SCORES.md, drafter of ec32053) left 3 audit problems (Telugu topic cues); the seventh's are in
// review7/SCORES.md. A set joins SETS only once its audit is at 0.
const FORMAT_ONLY: readonly [string, string][] = [
  ["sixth review set (review6/, written before any of its drafts, never tuned on): format", REVIEW6_DIR],
  ["seventh review set (review7/, written outside the repo before any of its drafts, never tuned on): format", REVIEW7_DIR],
];

for (const [title, dir] of FORMAT_ONLY) {
  describe(title, () => {
    const CHANNELS = new Set(["email", "chat", "social", "review"]);
    const shape = (lang: string): string[] =>
      readFileSync(join(dir, `${lang}.txt`), "utf8")
        .split("\n")
        .filter((l) => l.trim() !== "")
        .map((l) => {
          const [channel = "", name = "", gender = ""] = l.split("|");
          return `${channel}|${name === "" ? "" : "named"}|${gender}`;
        });

    for (const lang of REVIEW_LANGUAGES) {
      it(`${lang}: 60 rows, a known channel, a name exactly where a gender is given`, () => {
        const rows = loadReview(lang, dir);
        expect(rows).toHaveLength(60);
        for (const r of rows) expect(CHANNELS.has(r.channel), r.id).toBe(true);
        for (const s of shape(lang)) expect(s, lang).toMatch(/^[a-z]+\|\|$|^[a-z]+\|named\|(female|male)$/);
      });
    }

    it("the five files tell the same situations line for line (same channel, name slot and gender)", () => {
      const en = shape("en");
      for (const lang of REVIEW_LANGUAGES) expect(shape(lang), lang).toEqual(en);
    });
  });
}
