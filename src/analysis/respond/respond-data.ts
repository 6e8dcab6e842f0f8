/**
 * The respond step's language data (cue lists and reply templates), bundled as JSON modules so the
 * pure functions need no file I/O, and compiled once per language on first use. A language written
 * in more than one script has a set per script, keyed by its BCP 47 tag ("te" for Telugu script,
 * "te-Latn" for romanised Telugu): a customer who types Telugu in Latin letters gets a reply in
 * Latin letters, and the check reads such a reply with romanised cue lists.
 *
 * @example
 * cueSetFor("cs")?.language; // "cs"
 * templatesFor("th")?.language; // "th"
 * dataKey("te", "Latn"); // "te-Latn"
 */
import type { CueSetData, CueSet } from "./cue-set.js";
import { compileCueSet } from "./cue-set.js";
import type { TemplateSet } from "./template-set.js";
import cuesEn from "./cues/en.json" with { type: "json" };
import templatesEn from "./templates/en.json" with { type: "json" };
import cuesTe from "./cues/te.json" with { type: "json" };
import templatesTe from "./templates/te.json" with { type: "json" };
import cuesTeLatn from "./cues/te-Latn.json" with { type: "json" };
import templatesTeLatn from "./templates/te-Latn.json" with { type: "json" };
import cuesTh from "./cues/th.json" with { type: "json" };
import templatesTh from "./templates/th.json" with { type: "json" };
import cuesCs from "./cues/cs.json" with { type: "json" };
import templatesCs from "./templates/cs.json" with { type: "json" };
import cuesTl from "./cues/tl.json" with { type: "json" };
import templatesTl from "./templates/tl.json" with { type: "json" };
import cuesEs from "./cues/es.json" with { type: "json" };
import templatesEs from "./templates/es.json" with { type: "json" };
import cuesPt from "./cues/pt.json" with { type: "json" };
import templatesPt from "./templates/pt.json" with { type: "json" };
import cuesHi from "./cues/hi.json" with { type: "json" };
import templatesHi from "./templates/hi.json" with { type: "json" };
import cuesId from "./cues/id.json" with { type: "json" };
import templatesId from "./templates/id.json" with { type: "json" };
import cuesVi from "./cues/vi.json" with { type: "json" };
import templatesVi from "./templates/vi.json" with { type: "json" };
import { withServiceCues, withServiceTemplates } from "./service-data.js";

const CUE_DATA: Record<string, CueSetData> = {
  en: cuesEn as CueSetData,
  te: cuesTe as CueSetData,
  "te-Latn": cuesTeLatn as CueSetData,
  th: cuesTh as CueSetData,
  cs: cuesCs as CueSetData,
  tl: cuesTl as CueSetData,
  es: cuesEs as CueSetData,
  pt: cuesPt as CueSetData,
  hi: cuesHi as CueSetData,
  id: cuesId as CueSetData,
  vi: cuesVi as CueSetData,
};

const TEMPLATE_DATA: Record<string, TemplateSet> = {
  en: templatesEn as unknown as TemplateSet,
  te: templatesTe as unknown as TemplateSet,
  "te-Latn": templatesTeLatn as unknown as TemplateSet,
  th: templatesTh as unknown as TemplateSet,
  cs: templatesCs as unknown as TemplateSet,
  tl: templatesTl as unknown as TemplateSet,
  es: templatesEs as unknown as TemplateSet,
  pt: templatesPt as unknown as TemplateSet,
  hi: templatesHi as unknown as TemplateSet,
  id: templatesId as unknown as TemplateSet,
  vi: templatesVi as unknown as TemplateSet,
};

/** Language tags the check has cue lists for ("te-Latn" is romanised Telugu). */
export const CUE_LANGUAGES: readonly string[] = Object.keys(CUE_DATA);
/** Language tags the drafter can write in. */
export const TEMPLATE_LANGUAGES: readonly string[] = Object.keys(TEMPLATE_DATA);

/**
 * The data key for a language in a script: the script's own set where there is one
 * ("te" + "Latn" -> "te-Latn"), else the language's (a tag that already names its script stays).
 *
 * @example
 * dataKey("te", "Latn"); // "te-Latn"
 * dataKey("te", "Telu"); // "te"
 * dataKey("en", "Latn"); // "en"
 */
export function dataKey(language: string, script?: string): string {
  if (script && !language.includes("-")) {
    const tagged = `${language}-${script}`;
    if (TEMPLATE_DATA[tagged] || CUE_DATA[tagged]) return tagged;
  }
  return language;
}

const compiled = new Map<string, CueSet>();

/**
 * The compiled cue lists of a language (in `script`, where it has a set for it), or undefined when it has none.
 *
 * @example
 * cueSetFor("te", "Latn")?.mode; // "latin" (romanised Telugu)
 */
export function cueSetFor(language: string, script?: string): CueSet | undefined {
  const key = dataKey(language, script);
  const hit = compiled.get(key);
  if (hit) return hit;
  const data = CUE_DATA[key];
  if (!data) return undefined;
  const set = compileCueSet(withServiceCues(key, data));
  compiled.set(key, set);
  return set;
}

/** Template sets with their service sentences merged in, by data key. */
const merged = new Map<string, TemplateSet>();

/**
 * The reply templates of a language (in `script`, where it has a set for it), or undefined when it has none.
 *
 * @example
 * templatesFor("te", "Latn")?.greeting.anonymous[0]; // "Namaskaram andi,"
 */
export function templatesFor(language: string, script?: string): TemplateSet | undefined {
  const key = dataKey(language, script);
  const hit = merged.get(key);
  if (hit) return hit;
  const data = TEMPLATE_DATA[key];
  if (!data) return undefined;
  // The service sentences (service-data.ts) join the language's own once, on first use.
  const set = withServiceTemplates(key, data);
  merged.set(key, set);
  return set;
}
