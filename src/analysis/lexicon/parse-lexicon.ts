import { CAUSES, EMOTIONS, NEEDS, SIGNALS, STAGES } from "../../core/labels.js";
import { AttuneError } from "../../core/errors.js";

/** The kinds of cue a lexicon file may hold (see lexicon/README.md). */
export const CUE_KINDS = ["emotion", "need", "cause", "stage", "signal", "sentiment", "complaint"] as const;
export type CueKind = (typeof CUE_KINDS)[number];

/** One line of a lexicon file, checked. */
export interface Cue {
  kind: CueKind;
  label: string;
  /** `+` praise, `-` problem; only for causes. */
  polarity: "+" | "-" | null;
  weight: number;
  /** The cue as written, lower case. */
  text: string;
  lang: string;
}

/** The labels a lexicon may use, per kind, and whether a cause may be written without polarity. */
export interface LexiconLabels {
  labels: Partial<Record<CueKind, readonly string[]>>;
  /** A cause cue written `.` names a topic only; its polarity comes from the message (workplace cues). */
  topicCauses?: boolean;
}

const LABELS: Record<CueKind, readonly string[]> = {
  emotion: EMOTIONS,
  need: NEEDS,
  cause: CAUSES,
  stage: STAGES,
  signal: SIGNALS,
  sentiment: ["positive", "negative"],
  complaint: ["2", "3", "4"],
};

/**
 * Parse a lexicon TSV file. A malformed line is a `config.invalid` error naming the line, so a bad
 * edit to a data file fails loudly at start rather than silently losing cues.
 *
 * @example
 * parseLexicon("emotion\tanger\t.\t0.9\tfurious\n", "en"); // [{kind: "emotion", label: "anger", ...}]
 */
export function parseLexicon(source: string, lang: string, set: LexiconLabels = { labels: LABELS }): Cue[] {
  const cues: Cue[] = [];
  const lines = source.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const fail = (problem: string): never => {
      throw new AttuneError("config.invalid", { file: `${lang}.tsv`, line: index + 1, problem });
    };
    const cols = raw.split("\t").map((c) => c.trim());
    if (cols.length < 5) fail("expected 5 tab-separated columns");
    const [kind, label, polarity, weightText, text] = cols as [string, string, string, string, string];
    if (!(CUE_KINDS as readonly string[]).includes(kind)) fail(`unknown kind ${kind}`);
    const k = kind as CueKind;
    if (!set.labels[k]?.includes(label)) fail(`unknown ${kind} label ${label}`);
    const topic = set.topicCauses === true && polarity === ".";
    if (k === "cause" && polarity !== "+" && polarity !== "-" && !topic) fail("cause needs polarity + or -");
    const weight = Number(weightText);
    if (!Number.isFinite(weight) || weight <= 0 || weight > 1) fail("weight must be in (0, 1]");
    if (text === "") fail("empty cue");
    cues.push({
      kind: k,
      label,
      polarity: k === "cause" && !topic ? (polarity as "+" | "-") : null,
      weight,
      text: text.toLowerCase(),
      lang,
    });
  });
  return cues;
}
