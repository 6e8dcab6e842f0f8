/**
 * Feature hashing: FNV-1a over UTF-16 code units with a murmur3 finaliser, so that n-grams of any
 * script spread evenly over the buckets. Incremental by design: the featurizer extends a hash one
 * code unit at a time instead of allocating substrings, which keeps inference allocation-free.
 *
 * @example
 * const h = hashString(NS_WORD, "refund"); // 32-bit unsigned
 * const bucket = h & ((1 << 18) - 1);
 */

const FNV_PRIME = 0x01000193;
const FNV_OFFSET = 0x811c9dc5;

/** Namespaces keep word, char n-gram, bigram, ... features apart even when their strings match. */
export const NS_WORD = mix(FNV_OFFSET, 0x57);
export const NS_NEG_WORD = mix(FNV_OFFSET, 0x4e);
export const NS_CHAR = mix(FNV_OFFSET, 0x43);
export const NS_BIGRAM = mix(FNV_OFFSET, 0x42);
export const NS_SYMBOL = mix(FNV_OFFSET, 0x53);
export const NS_FLAG = mix(FNV_OFFSET, 0x46);
export const NS_LEXICON = mix(FNV_OFFSET, 0x4c);

/** One FNV-1a step: fold a 16-bit code unit into the running hash. */
export function mix(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME) >>> 0;
}

/** murmur3 fmix32: FNV alone clusters short keys in the low bits that the bucket mask keeps. */
export function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Extend a running hash with every code unit of `s` (not finished). */
export function mixString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME) >>> 0;
  return h;
}

/** Hash a whole string in a namespace (finished). */
export function hashString(ns: number, s: string): number {
  return finish(mixString(ns, s));
}
