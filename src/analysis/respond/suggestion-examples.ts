/**
 * Example sentences for the check's suggestions, in the customer's language and taken from the
 * reply templates, so an agent sees what a fix looks like in the language they are writing in.
 *
 * @example
 * exampleFor("cs", "next", { emotion: "anger" }); // "Ozvu se Vám do 24 hodin."
 */
import type { CauseLabel, EmotionLabel } from "../../core/labels.js";
import { fillSlots } from "./fill-slots.js";
import { templatesFor } from "./respond-data.js";

export type ExampleKind = "feeling" | "validate" | "apology" | "own" | "next";

export interface ExampleContext {
  emotion?: EmotionLabel;
  cause?: CauseLabel;
}

/** One filled example sentence, or "" when the language has no templates. */
const cache = new Map<string, string>();

export function exampleFor(language: string, kind: ExampleKind, context: ExampleContext = {}): string {
  const key = `${language}|${kind}|${context.emotion ?? ""}|${context.cause ?? ""}`;
  let hit = cache.get(key);
  if (hit === undefined) {
    hit = build(language, kind, context);
    cache.set(key, hit);
  }
  return hit;
}

function build(language: string, kind: ExampleKind, context: ExampleContext): string {
  const t = templatesFor(language);
  if (!t) return "";
  const slots: Record<string, string> = {
    ...(t.gendered?.female ?? {}),
    order_ref: "",
    when: t.when["24h"],
    when_cap: t.when["24h"].charAt(0).toLocaleUpperCase() + t.when["24h"].slice(1),
    cause: context.cause ? t.cause[context.cause] : t.cause_default,
    cause_ind: (context.cause ? t.cause_ind?.[context.cause] : t.cause_ind_default) ?? t.cause_default,
  };
  const emotion = context.emotion && !["joy", "gratitude", "trust"].includes(context.emotion) ? context.emotion : "negative";
  const source: Record<ExampleKind, string | undefined> = {
    feeling: t.feeling[emotion][0],
    validate: t.validate[0],
    apology: t.apology[0],
    own: t.own[0],
    next: t.next[0],
  };
  const template = source[kind];
  return template ? fillSlots(template, slots) : "";
}
