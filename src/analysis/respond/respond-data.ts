/**
 * The respond step's language data (cue lists and reply templates), bundled as JSON modules so the
 * pure functions need no file I/O, and compiled once per language on first use.
 *
 * @example
 * cueSetFor("cs")?.language; // "cs"
 * templatesFor("th")?.language; // "th"
 */
import type { CueSetData, CueSet } from "./cue-set.js";
import { compileCueSet } from "./cue-set.js";
import type { TemplateSet } from "./template-set.js";
import cuesEn from "./cues/en.json" with { type: "json" };
import templatesEn from "./templates/en.json" with { type: "json" };
import cuesTe from "./cues/te.json" with { type: "json" };
import templatesTe from "./templates/te.json" with { type: "json" };
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

const CUE_DATA: Record<string, CueSetData> = {
  en: cuesEn as CueSetData,
  te: cuesTe as CueSetData,
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
  th: templatesTh as unknown as TemplateSet,
  cs: templatesCs as unknown as TemplateSet,
  tl: templatesTl as unknown as TemplateSet,
  es: templatesEs as unknown as TemplateSet,
  pt: templatesPt as unknown as TemplateSet,
  hi: templatesHi as unknown as TemplateSet,
  id: templatesId as unknown as TemplateSet,
  vi: templatesVi as unknown as TemplateSet,
};

/** Languages the check has cue lists for. */
export const CUE_LANGUAGES: readonly string[] = Object.keys(CUE_DATA);
/** Languages the drafter can write in. */
export const TEMPLATE_LANGUAGES: readonly string[] = Object.keys(TEMPLATE_DATA);

const compiled = new Map<string, CueSet>();

/** The compiled cue lists of a language, or undefined when it has none. */
export function cueSetFor(language: string): CueSet | undefined {
  const hit = compiled.get(language);
  if (hit) return hit;
  const data = CUE_DATA[language];
  if (!data) return undefined;
  const set = compileCueSet(data);
  compiled.set(language, set);
  return set;
}

/** The reply templates of a language, or undefined when it has none. */
export function templatesFor(language: string): TemplateSet | undefined {
  return TEMPLATE_DATA[language];
}
