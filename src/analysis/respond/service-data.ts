/**
 * The service problems' and questions' language data (`services/cues-<lang>.json`,
 * `services/templates-<lang>.json`), merged into each language's cue lists and templates: the
 * `problems` and `questions` cue lists (added to a list the language already has), the `problem` and `question_topic` sentences, and extra
 * `reports_back` phrases. Kept in files of their own so the retail and the service sets can be
 * written and reviewed apart.
 *
 * @example
 * withServiceTemplates("en", templatesEn).problem?.roaming_charge?.cause; // "you were charged for roaming ..."
 */
import type { CueSetData } from "./cue-set.js";
import type { TemplateSet } from "./template-set.js";
import cuesEn from "./services/cues-en.json" with { type: "json" };
import cuesCs from "./services/cues-cs.json" with { type: "json" };
import cuesTh from "./services/cues-th.json" with { type: "json" };
import cuesTe from "./services/cues-te.json" with { type: "json" };
import cuesTeLatn from "./services/cues-te-Latn.json" with { type: "json" };
import cuesTl from "./services/cues-tl.json" with { type: "json" };
import templatesEn from "./services/templates-en.json" with { type: "json" };
import templatesCs from "./services/templates-cs.json" with { type: "json" };
import templatesTh from "./services/templates-th.json" with { type: "json" };
import templatesTe from "./services/templates-te.json" with { type: "json" };
import templatesTeLatn from "./services/templates-te-Latn.json" with { type: "json" };
import templatesTl from "./services/templates-tl.json" with { type: "json" };

type ServiceCues = Pick<CueSetData, "problems" | "questions">;
type ServiceTemplates = Pick<TemplateSet, "problem" | "question_topic" | "reports_back">;

const CUES: Record<string, ServiceCues> = {
  en: cuesEn as ServiceCues,
  cs: cuesCs as ServiceCues,
  th: cuesTh as ServiceCues,
  te: cuesTe as ServiceCues,
  "te-Latn": cuesTeLatn as ServiceCues,
  tl: cuesTl as ServiceCues,
};

const TEMPLATES: Record<string, ServiceTemplates> = {
  en: templatesEn as ServiceTemplates,
  cs: templatesCs as ServiceTemplates,
  th: templatesTh as ServiceTemplates,
  te: templatesTe as ServiceTemplates,
  "te-Latn": templatesTeLatn as ServiceTemplates,
  tl: templatesTl as ServiceTemplates,
};

/** A language's cue lists with its service problems and question subjects added. */
export function withServiceCues(key: string, data: CueSetData): CueSetData {
  const extra = CUES[key];
  if (!extra) return data;
  return {
    ...data,
    problems: joinLists(data.problems, extra.problems),
    questions: joinLists(data.questions, extra.questions),
  };
}

/** Lists by key, the service file's cues added to a key the language already has (more words for a retail problem). */
function joinLists<K extends string>(
  base: Partial<Record<K, string[]>> | undefined,
  extra: Partial<Record<K, string[]>> | undefined,
): Partial<Record<K, string[]>> {
  const out: Partial<Record<K, string[]>> = { ...base };
  for (const [k, xs] of Object.entries(extra ?? {}) as [K, string[]][]) out[k] = [...(out[k] ?? []), ...xs];
  return out;
}

/** A language's templates with its service problem and question sentences added. */
export function withServiceTemplates(key: string, data: TemplateSet): TemplateSet {
  const extra = TEMPLATES[key];
  if (!extra) return data;
  return {
    ...data,
    problem: { ...data.problem, ...extra.problem },
    question_topic: { ...data.question_topic, ...extra.question_topic },
    reports_back: [...(data.reports_back ?? []), ...(extra.reports_back ?? [])],
  };
}
