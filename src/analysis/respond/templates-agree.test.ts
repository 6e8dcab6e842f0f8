import { describe, expect, it } from "vitest";
import { CAUSES, EMOTIONS } from "../../core/labels.js";
import { findCues, type CompiledCues } from "./cue-matcher.js";
import { prepare } from "../text/fold.js";
import { fillSlots } from "./fill-slots.js";
import { CUE_LANGUAGES, cueSetFor, TEMPLATE_LANGUAGES, templatesFor } from "./respond-data.js";
import type { TemplateSet } from "./template-set.js";
import { FOLLOW_UPS, OFFERS } from "./types.js";

// The drafter writes with the templates and the check reads with the cue lists: every sentence a
// draft is built from must be recognised by the check for what it is meant to do.
const NEGATIVE = EMOTIONS.filter((e) => !["joy", "gratitude", "trust", "surprise"].includes(e));

function slotsFor(t: TemplateSet): Record<string, string> {
  return {
    ...(t.gendered?.female ?? {}),
    name: "Anna",
    agent: "Mai",
    company: "Acme",
    order: "A-1",
    order_ref: "",
    when: t.when["24h"],
    when_cap: t.when["24h"],
    cause: t.cause.delivery_or_wait,
    cause_ind: t.cause_ind?.delivery_or_wait ?? t.cause.delivery_or_wait,
    topic: t.topic.delivery_or_wait,
    question: "?",
  };
}

function hits(m: CompiledCues | undefined, text: string, fold: boolean): number {
  return m ? findCues(m, prepare(text, fold)).length : 0;
}

describe("templates and cue lists agree", () => {
  it("cover the same languages", () => {
    expect([...TEMPLATE_LANGUAGES].sort()).toEqual([...CUE_LANGUAGES].sort());
  });

  for (const lang of TEMPLATE_LANGUAGES) {
    describe(lang, () => {
      const t = templatesFor(lang) as TemplateSet;
      const c = cueSetFor(lang);
      if (!c) throw new Error(`no cues for ${lang}`);
      const slots = slotsFor(t);
      const fill = (s: string) => fillSlots(s, slots);

      it("names every cause with words the check knows for that cause", () => {
        for (const label of CAUSES) {
          const m = c.causeTopics.get(label);
          expect(hits(m, t.cause[label], c.fold), `${label} cause`).toBeGreaterThan(0);
          expect(hits(m, t.topic[label], c.fold), `${label} topic`).toBeGreaterThan(0);
        }
      });

      it("acknowledges every negative feeling with a feeling word", () => {
        const missing: string[] = [];
        // A problem's own feeling line stands in for the emotion's: it must name a feeling too.
        const problemFeelings = Object.entries(t.problem ?? {}).flatMap(([k, p]) => (p?.feeling ?? []).map((s) => [k, s] as const));
        for (const [e, s] of [
          ...[...NEGATIVE, "negative" as const].flatMap((e) => t.feeling[e].map((s) => [e, s] as const)),
          ...problemFeelings,
        ]) {
          {
            const n = [...c.empathy]
              .filter(([l]) => !["joy", "gratitude", "trust", "general"].includes(l))
              .reduce((a, [, m]) => a + hits(m, fill(s), c.fold), 0);
            if (n === 0) missing.push(`${e}: ${s}`);
          }
        }
        expect(missing).toEqual([]);
      });

      it("validates, apologises, owns and gives a timed next step in words the check recognises", () => {
        const missing: string[] = [];
        const need = (m: CompiledCues, s: string, what: string) => {
          if (hits(m, s, c.fold) === 0) missing.push(`${what}: ${s}`);
        };
        for (const s of t.validate) need(c.validation, fill(s), "validation");
        for (const s of [...t.apology, ...t.apology_strong]) need(c.apology, fill(s), "apology");
        const steps = Object.values(t.step ?? {}).flat();
        for (const s of [...t.own, ...OFFERS.flatMap((o) => t.offer[o]), ...steps]) need(c.ownership, fill(s), "ownership");
        for (const s of t.next)
          for (const f of FOLLOW_UPS) need(c.time, fillSlots(s, { ...slots, when: t.when[f], when_cap: t.when[f] }), "time");
        // Without an authorised time the next step still says who does what.
        for (const s of [...t.next, ...t.next_open, ...t.question.help, ...t.public.move]) {
          if (hits(c.next_step, fill(s), c.fold) + hits(c.private_channel, fill(s), c.fold) + hits(c.ownership, fill(s), c.fold) === 0)
            missing.push(`next step: ${s}`);
        }
        for (const s of t.praise.thanks) need(c.thanks, fill(s), "thanks");
        expect(missing).toEqual([]);
      });

      it("never blames, deflects, jokes or uses jargon", () => {
        const all = [
          ...Object.values(t.feeling).flat(),
          ...Object.values(t.problem ?? {}).flatMap((p) => [p?.cause ?? "", ...(p?.step ?? []), ...(p?.feeling ?? [])]),
          ...t.validate,
          ...t.apology,
          ...t.apology_strong,
          ...t.acknowledge_cause,
          ...t.own,
          ...Object.values(t.step ?? {}).flat(),
          ...t.next_open,
          ...Object.values(t.offer).flat(),
          ...t.next,
          ...t.close,
          ...t.public.move,
          ...t.praise.thanks,
          ...t.praise.share,
          ...t.praise.close,
          ...t.question.thanks,
          ...t.question.help,
          ...t.worry.reassure,
          ...Object.values(t.cause),
        ].map(fill);
        const bad = all.filter((s) => [c.blame, c.deflection, c.sarcasm, c.jargon, c.generic_apology].some((m) => hits(m, s, c.fold) > 0));
        expect(bad).toEqual([]);
      });
    });
  }
});
