import type { ComplaintReading } from "../../core/reading.js";
import type { FuseInput } from "./fuse-input.js";

/**
 * An agent's reply is not a customer's message: "If the transaction failed, the money returns in
 * 5-7 days" names a failure and money, but nobody complains, threatens or asks for anything in it.
 * With `direction: agent` the Reading keeps tone, feelings and causes (what the reply is about) and
 * drops what belongs to a customer: the complaint, the customer signals and the needs.
 *
 * @example
 * isAgent(input); // true for { context: { direction: "agent" } }
 */
export function isAgent(input: FuseInput): boolean {
  return input.context.direction === "agent";
}

/** No complaint: what an agent reply reads as. */
export const NO_COMPLAINT: ComplaintReading = { is: false, severity: 0, evidence: [] };
