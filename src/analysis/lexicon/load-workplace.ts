import { fileURLToPath } from "node:url";
import { WORKPLACE_CAUSES, WORKPLACE_NEEDS } from "../../core/labels.js";
import { loadLexicons, type Lexicons } from "./load-lexicons.js";

// Beside data/, in src for the same reason: the compiled package reads the same files.
const WORKPLACE_DIR = fileURLToPath(new URL("../../../src/analysis/lexicon/workplace/", import.meta.url));

/**
 * The employee cue lists (`workplace/<lang>.tsv`): workplace causes and needs, in the same format and
 * matched by the same matcher as the customer cues, but kept apart so that no workplace cue reaches
 * the customer labels or the models' features. A cause cue written `.` names a topic ("salary",
 * "směny"); its polarity comes from the message.
 *
 * @example
 * loadWorkplaceLexicons().forLanguage("cs").size; // Czech + English workplace cues
 */
export function loadWorkplaceLexicons(dir: string = WORKPLACE_DIR): Lexicons {
  return loadLexicons(dir, { labels: { cause: WORKPLACE_CAUSES, need: WORKPLACE_NEEDS }, topicCauses: true });
}
