import { beforeAll, describe, expect, it } from "vitest";
import type { Reader } from "../../src/analysis/read.js";
import { createLanguageIdentifier, type LanguageIdentifier } from "../../src/analysis/language/index.js";
import { loadReview, REVIEW2_DIR, REVIEW3_DIR, REVIEW4_DIR, REVIEW5_DIR, REVIEW_LANGUAGES, reviewLanguage } from "./eval-review.js";
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

describe("native review sets", () => {
  for (const lang of REVIEW_LANGUAGES) {
    it(`${lang}: at least 60 messages, every draft passes the audit`, () => {
      expect(loadReview(lang).length).toBeGreaterThanOrEqual(60);
      const problems = reviewLanguage(reader, lid, lang).flatMap((r) => r.problems.map((p) => `${r.row.id} ${p}`));
      expect(problems).toEqual([]);
    });
  }
});

describe("second review set (review2/, written after the problem layer, never tuned on)", () => {
  for (const lang of REVIEW_LANGUAGES) {
    it(`${lang}: at least 40 messages, every draft passes the audit`, () => {
      expect(loadReview(lang, REVIEW2_DIR).length).toBeGreaterThanOrEqual(40);
      const problems = reviewLanguage(reader, lid, lang, REVIEW2_DIR).flatMap((r) => r.problems.map((p) => `${r.row.id} ${p}`));
      expect(problems).toEqual([]);
    });
  }
});

describe("third review set (review3/, written before its drafts were read, never tuned on)", () => {
  for (const lang of REVIEW_LANGUAGES) {
    it(`${lang}: at least 60 messages, every draft passes the audit`, () => {
      expect(loadReview(lang, REVIEW3_DIR).length).toBeGreaterThanOrEqual(60);
      const problems = reviewLanguage(reader, lid, lang, REVIEW3_DIR).flatMap((r) => r.problems.map((p) => `${r.row.id} ${p}`));
      expect(problems).toEqual([]);
    });
  }
});

describe("fourth review set (review4/, written before its drafts were read, never tuned on)", () => {
  for (const lang of REVIEW_LANGUAGES) {
    it(`${lang}: at least 60 messages, every draft passes the audit`, () => {
      expect(loadReview(lang, REVIEW4_DIR).length).toBeGreaterThanOrEqual(60);
      const problems = reviewLanguage(reader, lid, lang, REVIEW4_DIR).flatMap((r) => r.problems.map((p) => `${r.row.id} ${p}`));
      expect(problems).toEqual([]);
    });
  }
});

describe("fifth review set (review5/, written before its drafts were read, never tuned on)", () => {
  for (const lang of REVIEW_LANGUAGES) {
    it(`${lang}: at least 60 messages, every draft passes the audit`, () => {
      expect(loadReview(lang, REVIEW5_DIR).length).toBeGreaterThanOrEqual(60);
      const problems = reviewLanguage(reader, lid, lang, REVIEW5_DIR).flatMap((r) => r.problems.map((p) => `${r.row.id} ${p}`));
      expect(problems).toEqual([]);
    });
  }
});
