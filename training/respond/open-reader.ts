/**
 * The reader for the respond evaluations: the full pipeline, or, while the shipped model files are
 * being retrained (missing or of another feature version), the cue-only reader, with a note on
 * stderr so the numbers are not mistaken for the full pipeline's.
 *
 * @example
 * const reader = await openReader();
 */
import { AttuneError } from "../../src/core/errors.js";
import { createReader, type Reader } from "../../src/analysis/read.js";

export async function openReader(): Promise<Reader> {
  try {
    return await createReader();
  } catch (err) {
    if (err instanceof AttuneError && (err.code === "model.corrupt" || err.code === "model.missing")) {
      process.stderr.write(`note: model files unusable (${err.code}); reading with cue lexicons alone\n`);
      return createReader({ modelDir: false });
    }
    throw err;
  }
}
