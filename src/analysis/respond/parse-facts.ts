/**
 * Read reply facts and check options out of a loosely typed record (a JSON Lines input, an HTTP
 * body), checking each field. Accepts camelCase and snake_case names (`customerName`,
 * `customer_name`). Unknown fields are ignored; the HTTP layer rejects them with its own schema.
 *
 * @example
 * parseFacts({ customer_name: "Dana", agent_gender: "male", offer: "refund" });
 * // { customerName: "Dana", agentGender: "male", offer: "refund" }
 */
import { AttuneError } from "../../core/errors.js";
import { CHANNELS, type Channel } from "../../core/labels.js";
import { FOLLOW_UPS, OFFERS, type CheckOptions, type FollowUp, type Offer, type ReplyFacts, type ReplyPolicy } from "./types.js";

function field(fields: Record<string, unknown>, camel: string): unknown {
  const snake = camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const v = fields[camel] ?? fields[snake];
  return v === null || v === "" ? undefined : v;
}

function text(fields: Record<string, unknown>, camel: string): string | undefined {
  const v = field(fields, camel);
  if (v === undefined) return undefined;
  if (typeof v !== "string" && typeof v !== "number") throw new AttuneError("input.wrong_type", { field: camel, expected: "string" });
  return String(v);
}

function oneOf<T extends string>(fields: Record<string, unknown>, camel: string, allowed: readonly T[]): T | undefined {
  const v = field(fields, camel);
  if (v === undefined) return undefined;
  if (!(allowed as readonly unknown[]).includes(v))
    throw new AttuneError("input.invalid_value", { field: camel, expected: allowed.join("|") });
  return v as T;
}

function bool(fields: Record<string, unknown>, camel: string): boolean | undefined {
  const v = field(fields, camel);
  if (v === undefined) return undefined;
  if (v === true || v === "true" || v === "1") return true;
  if (v === false || v === "false" || v === "0") return false;
  throw new AttuneError("input.invalid_value", { field: camel, expected: "boolean" });
}

/** The facts a draft may use. */
export function parseFacts(fields: Record<string, unknown>): ReplyFacts {
  const facts: ReplyFacts = {};
  const customerName = text(fields, "customerName");
  if (customerName !== undefined) facts.customerName = customerName;
  const customerGender = oneOf(fields, "customerGender", ["female", "male"] as const);
  if (customerGender !== undefined) facts.customerGender = customerGender;
  const agentName = text(fields, "agentName");
  if (agentName !== undefined) facts.agentName = agentName;
  const gender = oneOf(fields, "agentGender", ["female", "male"] as const);
  if (gender !== undefined) facts.agentGender = gender;
  const orderId = text(fields, "orderId");
  if (orderId !== undefined) facts.orderId = orderId;
  const offer = oneOf<Offer>(fields, "offer", OFFERS);
  if (offer !== undefined) facts.offer = offer;
  const followUp = oneOf<FollowUp>(fields, "followUp", FOLLOW_UPS);
  if (followUp !== undefined) facts.followUp = followUp;
  const channel = oneOf<Channel>(fields, "channel", CHANNELS);
  if (channel !== undefined) facts.channel = channel;
  const pub = bool(fields, "public");
  if (pub !== undefined) facts.public = pub;
  const company = text(fields, "company");
  if (company !== undefined) facts.company = company;
  return facts;
}

/**
 * A reply policy (`{"offers": ["refund"], "follow_up": "24h", "card_line": "+420 800 123 456"}`): what
 * drafts may promise, and the 24-hour card line they may name. Every offer must be one the drafter knows.
 */
export function parsePolicy(value: unknown): ReplyPolicy | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) throw new AttuneError("input.wrong_type", { field: "policy", expected: "object" });
  const fields = value as Record<string, unknown>;
  const policy: ReplyPolicy = {};
  const offers = fields.offers;
  if (offers !== undefined) {
    if (!Array.isArray(offers) || offers.some((o) => !(OFFERS as readonly unknown[]).includes(o)))
      throw new AttuneError("input.invalid_value", { field: "policy.offers", expected: OFFERS.join("|") });
    policy.offers = offers as Offer[];
  }
  const followUp = oneOf<FollowUp>(fields, "followUp", FOLLOW_UPS);
  if (followUp !== undefined) policy.followUp = followUp;
  const cardLine = text(fields, "cardLine");
  if (cardLine !== undefined) policy.cardLine = cardLine;
  return policy;
}

/** The options of the empathy check. */
export function parseCheckOptions(fields: Record<string, unknown>): CheckOptions {
  const facts = parseFacts(fields);
  const options: CheckOptions = {};
  if (facts.customerName !== undefined) options.customerName = facts.customerName;
  if (facts.orderId !== undefined) options.orderId = facts.orderId;
  const isPublic =
    facts.public ?? (facts.channel === "social" || facts.channel === "review" || facts.channel === "forum" ? true : undefined);
  if (isPublic !== undefined) options.public = isPublic;
  return options;
}
