/**
 * What a message is about, read with the respond step's own topic cue lists (cues/<lang>.json,
 * `cause_topics`): each cause label with the spans of the message that name it. The check uses it
 * to know which causes a reply should address, and the drafter to name the cause in the
 * customer's own words, so both agree even where the Reading found no cause.
 *
 * @example
 * topicsIn("My parcel never arrived", cueSetFor("en")!).get("delivery_or_wait"); // [{ text: "parcel", ... }]
 */
import type { CauseLabel } from "../../core/labels.js";
import type { Span } from "../../core/reading.js";
import { findGroups } from "./cue-matcher.js";
import { prepare, type PreparedText } from "../text/fold.js";
import type { CueSet } from "./cue-set.js";

/** Cause labels named in `text`, most-named first, with their spans. */
export function topicsIn(text: string | PreparedText, cues: CueSet): Map<CauseLabel, Span[]> {
  const prepared = typeof text === "string" ? prepare(text, cues.fold) : text;
  const found = [...findGroups(cues.topicsAll, prepared)];
  found.sort((a, b) => b[1].length - a[1].length);
  return new Map(found);
}
