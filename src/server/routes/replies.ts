/**
 * POST /replies/draft and POST /replies/check: reply drafts and the empathy check for a message
 * outside any case, the same as `attune reply` and `attune check` (one record each). Nothing is
 * stored. Drafting is agents' work (cases:write); checking a reply is quality review, open to
 * whoever may read cases (cases:read).
 *
 * @example
 * curl -s -X POST localhost:3000/api/v1/replies/draft -H "authorization: Bearer $KEY" -H 'content-type: application/json' \
 *   -d '{"message":"Technik nepřišel a nikdo nezavolal.","customer_name":"Jana Dvořáková","policy":{"follow_up":"24h"}}'
 */
import { z } from "zod";
import { CHANNELS } from "../../core/labels.js";
import { LanguageTag } from "../../core/reading-context.js";
import { checkReply } from "../../analysis/respond/check-reply.js";
import { draftReplies } from "../../analysis/respond/draft-replies.js";
import { parseCheckOptions, parseFacts, parsePolicy } from "../../analysis/respond/parse-facts.js";
import { FOLLOW_UPS, OFFERS } from "../../analysis/respond/types.js";
import { LIMITS } from "../../ingest/limits.js";
import { CheckOut, DraftOut } from "../respond-schemas.js";
import { defineRoute } from "../route.js";

const Gender = z.enum(["female", "male"]);
const Name = z.string().min(1).max(200);

/** Case facts, as `attune reply` reads them from a record (snake_case). */
const Facts = {
  customer_name: Name.optional(),
  customer_gender: Gender.optional(),
  agent_name: Name.optional(),
  agent_gender: Gender.optional(),
  order_id: z.string().min(1).max(100).optional(),
  offer: z.enum(OFFERS).optional().describe("What this case may offer; without it only the policy's offers are made."),
  follow_up: z.enum(FOLLOW_UPS).optional().describe("When the customer hears back, as decided for this case."),
  channel: z.enum(CHANNELS).optional(),
  public: z.boolean().optional(),
  company: Name.optional(),
};

export const DraftBody = z
  .object({
    message: z.string().min(1).max(LIMITS.textChars),
    ...Facts,
    language: LanguageTag.optional(),
    policy: z
      .object({
        offers: z.array(z.enum(OFFERS)).max(OFFERS.length).optional(),
        follow_up: z.enum(FOLLOW_UPS).optional(),
        card_line: z
          .string()
          .min(3)
          .max(40)
          .optional()
          .describe("The workspace's 24-hour line for blocking a card, named to a customer whose card details were stolen."),
      })
      .strict()
      .optional()
      .describe("What drafts may promise: offers and a reply time. Without it a draft promises nothing."),
    count: z.number().int().min(1).max(10).default(3),
    fallback_language: z.string().min(2).max(8).default("en").describe("Language to write in when the customer's has no templates."),
  })
  .strict();

export const CheckBody = z
  .object({
    message: z.string().min(1).max(LIMITS.textChars),
    reply: z.string().min(1).max(LIMITS.textChars),
    customer_name: Name.optional(),
    order_id: z.string().min(1).max(100).optional(),
    channel: z.enum(CHANNELS).optional(),
    public: z.boolean().optional(),
    language: LanguageTag.optional(),
  })
  .strict();

export const replyRoutes = [
  defineRoute({
    method: "post",
    path: "/replies/draft",
    summary: "Draft replies to a customer message (as `attune reply`); nothing is stored",
    tags: ["replies"],
    scope: "cases:write",
    body: DraftBody,
    maxBodyBytes: 1_048_576,
    responses: {
      200: { description: "The drafts, most fitting first", schema: z.object({ drafts: z.array(DraftOut) }) },
    },
    async handler({ c, body, deps }) {
      const engine = await deps.engine();
      const reading = engine.analyze(body.message, {
        direction: "customer",
        ...(body.channel ? { channel: body.channel } : {}),
        ...(body.language ? { languageHint: body.language } : {}),
      });
      const policy = parsePolicy(body.policy);
      const drafts = draftReplies(reading, parseFacts(body), {
        count: body.count,
        fallbackLanguage: body.fallback_language,
        message: body.message,
        ...(policy ? { policy } : {}),
      });
      return c.json({ drafts });
    },
  }),
  defineRoute({
    method: "post",
    path: "/replies/check",
    summary: "Check an agent reply for empathy (as `attune check`); nothing is stored",
    tags: ["replies"],
    scope: "cases:read",
    body: CheckBody,
    maxBodyBytes: 2_097_152,
    responses: { 200: { description: "The score and each criterion's verdict", schema: CheckOut } },
    async handler({ c, body, deps }) {
      const engine = await deps.engine();
      const channel = body.channel ? { channel: body.channel } : {};
      const customer = engine.analyze(body.message, {
        direction: "customer",
        ...channel,
        ...(body.language ? { languageHint: body.language } : {}),
      });
      const replyReading = engine.analyze(body.reply, { direction: "agent", ...channel });
      const check = checkReply(body.reply, replyReading, customer, body.message, parseCheckOptions(body));
      return c.json({ score: check.score, criteria: check.criteria });
    },
  }),
];
