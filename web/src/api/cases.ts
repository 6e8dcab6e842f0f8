/**
 * Shapes of the cases API (issue 5) as the dashboard reads them, generated from the server's
 * response schemas (openapi.d.ts, `npm run api:types`).
 *
 * @example
 * const page = await api.get<QueuePage>("/cases", { status: ["new", "open"] });
 */
import type { Answer } from "./types.js";

export type QueuePage = Answer<"getCases">;

/** The case page: the case with its thread and Readings, drafts, checked replies, clocks and history. */
export type CaseDetail = Answer<"getCasesId">;

/** How a reply sent from attune is getting out. */
export type Delivery = NonNullable<CaseDetail["thread"][number]["delivery"]>;

/** A reply's empathy check (not sent: message_id is null). */
export type CheckResult = Answer<"postCasesIdReplies">;
