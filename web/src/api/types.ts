/**
 * Shapes of the API answers the dashboard reads. The Reading and the label sets come from the
 * server's own contracts (type-only imports: nothing from src/ is bundled).
 *
 * @example
 * const m: MessageDetail = await api.get(`/messages/${id}`);
 */
export type { Reading, Span, CauseReading } from "../../../src/core/reading.js";
export type { EmotionLabel, NeedLabel, CauseLabel, Channel } from "../../../src/core/labels.js";
import type { operations } from "./openapi";

/**
 * The JSON an operation answers with (status 200 unless named), as the server's OpenAPI document
 * describes it: `openapi.d.ts` is generated from that document by `npm run api:types` (part of
 * build and test), so a change to the API that the dashboard does not follow fails its type check.
 */
export type Answer<
  Op extends keyof operations,
  Status extends keyof operations[Op]["responses"] = 200 & keyof operations[Op]["responses"],
> = operations[Op]["responses"][Status] extends { content: { "application/json": infer T } } ? T : never;

/** The signed-in user, as POST /session answers. */
export type SessionInfo = Answer<"postSession">;

/** The role names: the server's (store/roles.ts ROLES), through the session answer's schema. */
export type Role = SessionInfo["user"]["role"];

/** A message as lists show it, with its Reading's summary. */
export type MessageSummary = Answer<"getMessages">["items"][number];

/** One message with its full Reading and its thread. */
export type MessageDetail = Answer<"getMessagesId">;

/** GET /aggregates/languages: messages per language, by sentiment. */
export type LanguageCounts = Answer<"getAggregatesLanguages">;

export type OverviewData = Answer<"getInsightsOverview">;

export type Team = Answer<"getTeams">["items"][number];

export type EmployeeView = Answer<"getInsightsEmployee">;

export type DriversData = Answer<"getInsightsDrivers">;
export type RecoveryData = Answer<"getRecovery">;
