/**
 * Two things a native agent answers before anything else, read off the customer's own words:
 * a feeling the words name that the Reading's labels have no room for or blur (shame in a queue,
 * a frightened parent, tears over a ruined dress: "that is frustrating" misses all three), and an
 * urgent case whose first sentence must be what to do now (a hazard: stop using it; money sent to a
 * wrong account minutes ago: try to recall it; card details given to a fraudster: block the card).
 * Cue lists and sentences are data in `care/<lang>.json`; a language without the file gets neither.
 *
 * @example
 * feltIn("I was so embarrassed in the queue", "en"); // "shame"
 * urgentIn("smoke is coming out of the heater", "en", reading); // "hazard_fire"
 */
import type { Reading } from "../../core/reading.js";
import { compileGroups, findGroups, type CompiledGroups } from "./cue-matcher.js";
import { prepare } from "../text/fold.js";
import { cueSetFor } from "./respond-data.js";
import careCs from "./care/cs.json" with { type: "json" };
import careEn from "./care/en.json" with { type: "json" };
import careTe from "./care/te.json" with { type: "json" };
import careTeLatn from "./care/te-Latn.json" with { type: "json" };
import careTh from "./care/th.json" with { type: "json" };
import careTl from "./care/tl.json" with { type: "json" };

/** Feelings the words name, each with its own acknowledgement; strongest claim on the reply first. */
export const FELT = ["fear", "shame", "grief"] as const;
export type Felt = (typeof FELT)[number];

/** Urgent cases, most pressing first: a hazard to a person outranks money. */
export const URGENT = ["hazard_food", "hazard_child", "hazard_fire", "card_fraud", "wrong_transfer", "hazard"] as const;
export type UrgentKind = (typeof URGENT)[number];

/** One language's care data: cues that name each feeling or case, and the sentences for it. */
export interface CareData {
  language: string;
  felt: Record<Felt, { cues: string[]; lines: string[] }>;
  /**
   * `first`: what the customer should do now, said first; `step`: what the agent has done about it
   * (flagged as urgent, escalated), never a promise of the outcome. `hazard` has no cues: it is the
   * Reading's safety signal with no more specific words.
   */
  urgent: Record<UrgentKind, { cues: string[]; first: string[]; step: string[] }>;
  /** The apology for a hazard from our product: said once, without a cause clause that would play it down. */
  hazard_sorry: string[];
  /** The feeling line for money at risk (a transfer, a card) when the words name no feeling of their own. */
  money_feeling: string[];
  /** Fills `{card_line}`: the 24-hour line with the workspace's number (`{number}`), or without one. */
  card_line: { named: string; unnamed: string };
}

const DATA: Record<string, CareData> = {
  en: careEn as CareData,
  cs: careCs as CareData,
  th: careTh as CareData,
  te: careTe as CareData,
  "te-Latn": careTeLatn as CareData,
  tl: careTl as CareData,
};

/** Language keys ("te-Latn" included) that have care data. */
export const CARE_LANGUAGES: readonly string[] = Object.keys(DATA);

interface Compiled {
  felt: CompiledGroups<Felt>;
  urgent: CompiledGroups<UrgentKind>;
}
const compiled = new Map<string, Compiled>();

/** The care data of a language key ("te-Latn"), or undefined. */
export function careFor(key: string): CareData | undefined {
  return DATA[key];
}

function compiledFor(key: string): Compiled | undefined {
  const hit = compiled.get(key);
  if (hit) return hit;
  const data = DATA[key];
  const cues = cueSetFor(key);
  if (!data || !cues) return undefined;
  const c: Compiled = {
    felt: compileGroups(
      FELT.map((f) => [f, data.felt[f].cues] as [Felt, string[]]),
      cues.mode,
      cues.fold,
    ),
    urgent: compileGroups(
      URGENT.filter((u) => data.urgent[u].cues.length > 0).map((u) => [u, data.urgent[u].cues] as [UrgentKind, string[]]),
      cues.mode,
      cues.fold,
    ),
  };
  compiled.set(key, c);
  return c;
}

/** The feeling the message's words name that outranks the Reading's label, if any (FELT order). */
export function feltIn(message: string, key: string): Felt | undefined {
  const c = compiledFor(key);
  const cues = cueSetFor(key);
  if (!c || !cues) return undefined;
  const found = findGroups(c.felt, prepare(message, cues.fold));
  return FELT.find((f) => (found.get(f)?.length ?? 0) > 0);
}

/**
 * The urgent case of the message: its words (URGENT order), else a plain hazard when the Reading
 * holds the safety signal.
 */
export function urgentIn(message: string, key: string, reading: Reading): UrgentKind | undefined {
  const c = compiledFor(key);
  const cues = cueSetFor(key);
  if (!c || !cues) return undefined;
  const found = findGroups(c.urgent, prepare(message, cues.fold));
  const named = URGENT.find((u) => (found.get(u)?.length ?? 0) > 0);
  if (named) return named;
  return reading.signals.some((s) => s.label === "safety_issue") ? "hazard" : undefined;
}
