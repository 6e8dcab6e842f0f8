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
  /**
   * The sentiment head on part of the message alone (the tokens and cues inside `range`), for
   * rules that weigh one segment against another (praise-frame.ts). Absent without a sentiment head.
   */
  sentimentOf?(range: Range): { positive: number; neutral: number; negative: number };
}
