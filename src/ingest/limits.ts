/**
 * Size and count limits of ingestion. Every importer and the HTTP API take their bounds from here,
 * so memory stays bounded whatever arrives.
 *
 * @example
 * if (text.length > LIMITS.textChars) throw new AttuneError("input.too_large", { field: "text" });
 */
import { MAX_TEXT_CHARS } from "../core/reading-context.js";

export const LIMITS = {
  /** Characters of one message text. */
  textChars: MAX_TEXT_CHARS,
  /** Characters of short fields (ids, names, channel, team). */
  shortChars: 512,
  /** Characters of a subject line. */
  subjectChars: 2_000,
  /** Bytes of one JSONL line or CSV record. */
  recordBytes: 1_048_576,
  /** Bytes of one email (eml file or one mbox entry). */
  emailBytes: 10 * 1_048_576,
  /** Messages in one JSON batch request. */
  batchMessages: 1_000,
  /** Bytes of a JSON request body, after decompression. */
  jsonBodyBytes: 8 * 1_048_576,
  /** Bytes of a streamed upload (JSONL, CSV, mbox) as sent. */
  uploadBytes: 256 * 1_048_576,
  /** Bytes of a streamed upload after decompression: the gzip bomb bound. */
  uploadInflatedBytes: 1_024 * 1_048_576,
  /** Rows of one streamed upload over HTTP. */
  uploadRows: 200_000,
  /** Rows of one file imported from the CLI. */
  fileRows: 10_000_000,
  /** Problems listed in one report (the count is always exact). */
  reportedProblems: 1_000,
  /** Characters of a quarantined raw row kept for inspection. */
  quarantineRawChars: 8_192,
} as const;
