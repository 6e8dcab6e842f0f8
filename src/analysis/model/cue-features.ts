/**
 * Lexicon cue hits as model features. The cue matcher (src/analysis/lexicon) finds the same cues in
 * training rows and in live messages, so its hits can be features: a cue label ("emotion:anger",
 * "cause:-", "sentiment:negative") is shared by every language, which lets what the model learns
 * about a cue in one source carry to sources and languages it never trained on.
 *
 * Each hit gives up to three features: its kind and label (with "~" when a negator governs it), its
 * overall polarity as the fusion step reads it (sentiment cues, warm or other emotions, cause
 * polarity, reproach; a negated polar word flips, a negated emotion or reproach says nothing), and
 * the polarity with the cue's strength bucket (weak < 0.6 <= strong).
 *
 * @example
 * cueFeatures(matchCues(tokens, lexicons.forLanguage("en")));
 * // [{ kind: "emotion", label: "anger", token: 3 }, { kind: "pol", label: "-", token: 3 }, ...]
 */
import { WARM_EMOTIONS, type EmotionLabel } from "../../core/labels.js";
import type { Lexicons } from "../lexicon/load-lexicons.js";
import { type CueHit as LexiconHit, matchCues } from "../lexicon/match-cues.js";
import type { Token } from "../text/token.js";
import type { CueHit } from "./features.js";

/** The part of a lexicon hit the features read (kept narrow so tests can build hits by hand). */
export type CueHitLike = Pick<LexiconHit, "first" | "negated"> & { cue: Pick<LexiconHit["cue"], "kind" | "label" | "polarity" | "weight"> };

/** Polarity of a hit as fuse-sentiment reads it: "+", "-" or null (no polarity). */
export function hitPolarity(h: CueHitLike): "+" | "-" | null {
  const { kind, label, polarity } = h.cue;
  let side: "+" | "-" | null = null;
  if (kind === "sentiment") side = label === "positive" ? "+" : "-";
  else if (kind === "emotion") side = WARM_EMOTIONS.has(label as EmotionLabel) ? "+" : "-";
  else if (kind === "cause") side = polarity === "+" ? "+" : "-";
  else if (kind === "complaint") side = "-";
  if (side === null) return null;
  if (h.negated) {
    // "not angry" is not joy; "not good" is bad.
    if (kind === "emotion" || kind === "complaint") return null;
    side = side === "+" ? "-" : "+";
  }
  return side;
}

/** The model's cue features of a message's lexicon hits. */
export function cueFeatures(hits: readonly CueHitLike[]): CueHit[] {
  const out: CueHit[] = [];
  for (const h of hits) {
    const { kind, label, polarity } = h.cue;
    const name = kind === "cause" ? `${label}${polarity ?? ""}` : label;
    out.push({ kind, label: h.negated ? `~${name}` : name, token: h.first });
    const pol = hitPolarity(h);
    if (pol !== null) {
      out.push({ kind: "pol", label: pol, token: h.first });
      out.push({ kind: "pol", label: `${pol}${h.cue.weight >= 0.6 ? "!" : "."}`, token: h.first });
    }
  }
  return out;
}

/**
 * Cue features of a tokenised message as the pipeline finds its cues (src/analysis/read.ts: the
 * lexicon of the message's language plus English), for callers that run the model without the
 * pipeline (training, eval, `attune train`).
 *
 * @example
 * predict(models, { tokens, text, lang, cues: cuesOf(tokens, lang, loadLexicons()) });
 */
export function cuesOf(tokens: Token[], lang: string, lexicons: Lexicons): CueHit[] {
  return cueFeatures(matchCues(tokens, lexicons.forLanguage(lang)));
}
