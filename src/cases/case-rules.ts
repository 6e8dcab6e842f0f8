import { readFileSync } from "node:fs";
import { z } from "zod";
import { AttuneError } from "../core/errors.js";
import { CHANNELS, SIGNALS } from "../core/labels.js";
import type { Reading, ReadingContext } from "../core/reading.js";
import { checkCalendar, type BusinessCalendar } from "./business-calendar.js";

const targets = z.strictObject({ firstResponseMinutes: z.number().positive(), resolutionMinutes: z.number().positive() });
const calendar = z.strictObject({
  timeZone: z.string(),
  week: z.array(z.array(z.string())).length(7),
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).default([]),
});

/** The case rules file: when a case opens, how priority maps to SLA targets, when to follow up. */
export const caseRulesSchema = z.strictObject({
  open: z
    .strictObject({
      minComplaintSeverity: z.number().int().min(1).max(4).default(2),
      /** Sentiment score at or below which a message opens a case ("strong negative feeling"). */
      strongNegativeAt: z.number().min(-1).max(0).default(-0.6),
      signals: z.array(z.enum(SIGNALS)).default(["churn_threat", "legal_threat", "safety_issue", "public_exposure_threat"]),
      /** A customer question with no agent answer for this long opens a case. */
      unansweredMinutes: z.number().positive().default(240),
      /** A public post with at least this reach opens a case. */
      publicReachAt: z.number().min(0).max(1).default(0.5),
    })
    .default({
      minComplaintSeverity: 2,
      strongNegativeAt: -0.6,
      signals: ["churn_threat", "legal_threat", "safety_issue", "public_exposure_threat"],
      unansweredMinutes: 240,
      publicReachAt: 0.5,
    }),
  /** SLA targets per priority (P1..P4), with optional per-channel overrides; a level left out keeps its default. */
  sla: z
    .partialRecord(
      z.enum(["1", "2", "3", "4"]),
      z.strictObject({ default: targets, channels: z.partialRecord(z.enum(CHANNELS), targets).default({}) }),
    )
    .default({
      "1": {
        default: { firstResponseMinutes: 30, resolutionMinutes: 240 },
        channels: { social: { firstResponseMinutes: 15, resolutionMinutes: 240 } },
      },
      "2": { default: { firstResponseMinutes: 120, resolutionMinutes: 960 }, channels: {} },
      "3": { default: { firstResponseMinutes: 480, resolutionMinutes: 2880 }, channels: {} },
      "4": { default: { firstResponseMinutes: 1440, resolutionMinutes: 7200 }, channels: {} },
    }),
  warnFraction: z.number().gt(0).lt(1).default(0.8),
  calendar: calendar.default({
    timeZone: "UTC",
    week: [[], ["09:00-17:00"], ["09:00-17:00"], ["09:00-17:00"], ["09:00-17:00"], ["09:00-17:00"], []],
    holidays: [],
  }),
  /** Calendars per team name, overriding `calendar`. */
  teamCalendars: z.record(z.string(), calendar).default({}),
  followUp: z
    .strictObject({
      enabled: z.boolean().default(true),
      afterMinutes: z
        .number()
        .positive()
        .default(3 * 24 * 60),
    })
    .default({ enabled: true, afterMinutes: 4320 }),
  /** When a later message of the same person counts towards recovery. */
  recovery: z
    .strictObject({
      /** Later messages within this many days of resolution are compared. */
      windowDays: z.number().positive().default(30),
      /** Sentiment must rise at least this much above the case's lowest point, and not be negative. */
      minImprovement: z.number().min(0).max(2).default(0.3),
    })
    .default({ windowDays: 30, minImprovement: 0.3 }),
  /** Alerts: public posts with high reach, and spikes of a cause or emotion in a channel. */
  alerts: z
    .strictObject({
      publicReachAt: z.number().min(0).max(1).default(0.75),
      spike: z
        .strictObject({
          enabled: z.boolean().default(true),
          /** Hours of history the baseline is taken from (7 days). */
          baselineHours: z
            .number()
            .int()
            .min(24)
            .max(24 * 60)
            .default(168),
          /** Fewest messages in the hour before a rise can be a spike. */
          minCount: z.number().int().min(1).default(5),
          /** One-sided Poisson tail probability under which the hour is a spike. */
          pValue: z.number().gt(0).lt(0.5).default(0.001),
          /** How often the current hour is tested while messages arrive. */
          checkEveryMinutes: z.number().positive().default(5),
        })
        .default({ enabled: true, baselineHours: 168, minCount: 5, pValue: 0.001, checkEveryMinutes: 5 }),
    })
    .default({ publicReachAt: 0.75, spike: { enabled: true, baselineHours: 168, minCount: 5, pValue: 0.001, checkEveryMinutes: 5 } }),
});

export type CaseRules = z.infer<typeof caseRulesSchema>;

/** The rules used when no file is given. */
export const DEFAULT_CASE_RULES: CaseRules = caseRulesSchema.parse({});

/**
 * Read and check a rules file once, at start: a bad file stops the server with `config.invalid`
 * and the path of the offending field, instead of misrouting cases later.
 *
 * @example
 * const rules = loadCaseRules("./attune.cases.json");
 */
export function loadCaseRules(path?: string): CaseRules {
  if (path === undefined) return DEFAULT_CASE_RULES;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    throw new AttuneError("config.invalid", { file: path, problem: "not readable JSON" });
  }
  const parsed = caseRulesSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AttuneError("config.invalid", { file: path, field: issue?.path.join("."), problem: issue?.code });
  }
  for (const cal of [parsed.data.calendar, ...Object.values(parsed.data.teamCalendars)]) checkCalendar(cal as BusinessCalendar);
  return parsed.data;
}

/** Why a message needs a case; empty when it does not. */
export function reasonsToOpen(rules: CaseRules, reading: Reading, context: ReadingContext): string[] {
  const reasons: string[] = [];
  if (context.direction !== undefined && context.direction !== "customer") return reasons;
  if (reading.complaint.severity >= rules.open.minComplaintSeverity) reasons.push(`complaint (severity ${reading.complaint.severity})`);
  if (reading.sentiment.label === "negative" && reading.sentiment.score <= rules.open.strongNegativeAt)
    reasons.push("strong negative feeling");
  for (const s of reading.signals) if ((rules.open.signals as string[]).includes(s.label)) reasons.push(s.label.replace(/_/g, " "));
  const isPublic = context.public ?? ["social", "review", "forum"].includes(context.channel ?? "");
  if (isPublic && reading.reach.score >= rules.open.publicReachAt) reasons.push("public post with reach");
  return reasons;
}

/** SLA targets for a priority and channel. */
export function slaTargets(rules: CaseRules, level: 1 | 2 | 3 | 4, channel?: string): z.infer<typeof targets> {
  const key = String(level) as "1";
  const p = rules.sla[key] ?? DEFAULT_CASE_RULES.sla[key] ?? DEFAULT_CASE_RULES.sla["4"]!;
  return (channel && p.channels[channel as keyof typeof p.channels]) || p.default;
}
