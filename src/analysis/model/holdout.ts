/**
 * The fixed hash rules that decide which labeled rows training never sees (documented in
 * training/split.ts and models/MODEL_CARD.md). Here in src/ because `attune train` applies the
 * same rule to a user's own file.
 *
 * @example
 * isDevText("some text"); // the same answer on every run and machine
 */

/** FNV-1a 32-bit over UTF-16 code units. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h >>> 0;
}

/** Rows of sources without their own dev split: dev when FNV-1a(text) % 10 == 0. */
export function isDevText(text: string): boolean {
  return fnv1a(text) % 10 === 0;
}

/** Team-written (and user) rows with an id: dev when FNV-1a(id) % 5 == 0. */
export function isDevId(id: string): boolean {
  return fnv1a(id) % 5 === 0;
}

/** Training rows set aside to tune thresholds: FNV-1a(text) % 20 == 1. */
export function isCalibrationText(text: string): boolean {
  return fnv1a(text) % 20 === 1;
}
