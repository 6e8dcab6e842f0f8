import type { ScoredLabel } from "../../core/reading.js";
import type { EmotionLabel } from "../../core/labels.js";
import type { FuseInput } from "./fuse-input.js";
import { clamp01 } from "./noisy-or.js";

/**
 * How strongly the feeling is expressed, 0..1: the strongest emotion, raised by shouting,
 * stretched letters, exclamation marks and intensifiers. A calm question scores near 0.
 *
 * @example
 * fuseIntensity(input, emotions); // 0.85 for "WHERE IS MY REFUND?!?! This is sooo bad"
 */
export function fuseIntensity(input: FuseInput, emotions: ScoredLabel<EmotionLabel>[]): number {
  const words = input.tokens.filter((t) => t.kind === "word");
  const caps = words.filter((t) => t.caps).length;
  const elongated = input.tokens.filter((t) => t.elongated).length;
  const bangs = Math.min(3, (input.text.match(/[!！]/g) ?? []).length);
  // A loop, not Math.max(...spread): a spread of a long message's tokens overflows the stack.
  let boost = 1;
  for (const t of input.tokens) if (t.intensity !== undefined && t.intensity > boost) boost = t.intensity;
  const top = emotions[0]?.score ?? 0;
  const raw =
    0.55 * top +
    (caps > 0 && words.length > 0 ? 0.1 + 0.15 * Math.min(1, caps / words.length) : 0) +
    (elongated > 0 ? 0.1 : 0) +
    0.05 * bangs +
    0.2 * Math.min(1, boost - 1);
  return Math.round(clamp01(raw) * 100) / 100;
}
