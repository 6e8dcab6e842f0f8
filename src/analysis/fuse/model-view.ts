import type { Range } from "./evidence.js";

/**
 * What the fusion step needs from the learned models: per-head probabilities and, for any label,
 * the words that pushed it up. Heads a model set lacks are absent; the fusion then uses cues alone.
 */
export interface ModelView {
  sentiment?: { positive: number; neutral: number; negative: number };
  /** The sentiment head's abstention: a polar label needs this clear a lead (sentiment-decision.ts). */
  sentimentAbstain?: { minPolar: number; minMargin: number };
  emotions?: Record<string, number>;
  complaint?: { probability: number; severity?: number[] };
  causes?: Record<string, number>;
  needs?: Record<string, number>;
  stages?: Record<string, number>;
  signals?: Record<string, number>;
  evidence(head: string, label: string): Range[];
}
