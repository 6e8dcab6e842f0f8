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
