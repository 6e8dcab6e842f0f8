import type { ReadingContext } from "../../core/reading.js";
import type { CueHit } from "../lexicon/match-cues.js";
import type { Token } from "../text/token.js";
import type { ModelView } from "./model-view.js";

/** Everything the fusion steps read: the original text, its tokens, cue hits and model outputs. */
export interface FuseInput {
  text: string;
  tokens: Token[];
  hits: CueHit[];
  model: ModelView | undefined;
  context: ReadingContext;
  /** Hits of the employee cue lists (lexicon/workplace/); employee messages only (fuse-workplace.ts). */
  workplace?: CueHit[];
}

/** The hits of one kind that still hold (not negated), optionally of one label. */
export function positiveHits(input: FuseInput, kind: CueHit["cue"]["kind"], label?: string): CueHit[] {
  return input.hits.filter((h) => h.cue.kind === kind && !h.negated && (label === undefined || h.cue.label === label));
}

/** A hit's strength: its weight, raised or lowered by intensifiers and downtoners, at most 1. */
export function strength(hit: CueHit): number {
  return Math.min(1, hit.cue.weight * hit.intensity);
}
