import type { Reading } from "../../core/reading.js";
import type { FuseInput } from "./fuse-input.js";
import { noisyOr } from "./noisy-or.js";

const PUBLIC_CHANNELS = new Set(["social", "review", "forum"]);

/**
 * How far the message may travel, 0..1: posted in public, to how many followers, with a threat to
 * share it. One bad experience in public deters many other customers, so this ranks cases too.
 *
 * @example
 * fuseReach(input, signals); // {score: 0.8, reasons: ["public channel: social", "12k followers"]}
 */
export function fuseReach(input: FuseInput, signals: Reading["signals"]): Reading["reach"] {
  const { context } = input;
  const reasons: [number, string][] = [];
  const isPublic = context.public ?? (context.channel !== undefined && PUBLIC_CHANNELS.has(context.channel));
  if (isPublic) reasons.push([0.35, `public channel${context.channel ? `: ${context.channel}` : ""}`]);
  const audience = context.audience ?? 0;
  if (audience >= 100) {
    // log scale: 1k followers 0.3, 10k 0.5, 100k 0.7, 1M 0.9
    const s = Math.min(0.95, 0.2 * Math.log10(audience) - 0.3);
    reasons.push([s, `${compact(audience)} followers`]);
  }
  if (signals.some((s) => s.label === "public_exposure_threat")) reasons.push([0.45, "threatens to share it publicly"]);
  const tags = input.tokens.filter((t) => t.kind === "mention" || t.kind === "hashtag").length;
  if (isPublic && tags > 0) reasons.push([0.1, "tags or hashtags"]);
  const score = noisyOr(reasons.map(([s]) => s));
  return { score: Math.round(score * 100) / 100, reasons: reasons.sort((a, b) => b[0] - a[0]).map(([, r]) => r) };
}

function compact(n: number): string {
  if (n >= 1e6) return `${Math.round(n / 1e5) / 10}M`;
  if (n >= 1e3) return `${Math.round(n / 1e2) / 10}k`;
  return String(n);
}
