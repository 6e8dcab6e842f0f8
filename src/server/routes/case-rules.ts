/**
 * GET /case-rules: the case rules in force (when a case opens, SLA targets per priority and
 * channel, business hours, follow-up, alerts), read-only, for the dashboard's settings page. They
 * are checked once at start from ATTUNE_CASE_RULES; changing them means editing that file.
 *
 * @example
 * curl -s localhost:3000/api/v1/case-rules -H "authorization: Bearer $KEY"
 */
import { caseRulesSchema } from "../../cases/case-rules.js";
import { defineRoute } from "../route.js";
import { casesOf } from "./cases-present.js";

/** GET /case-rules. @example API_ROUTES.push(...caseRuleRoutes) */
export const caseRuleRoutes = [
  defineRoute({
    method: "get",
    path: "/case-rules",
    summary: "The case rules and SLA policies in force",
    tags: ["cases"],
    scope: "cases:read",
    responses: { 200: { description: "The rules (see src/cases/case-rules.ts)", schema: caseRulesSchema.meta({ id: "CaseRules" }) } },
    async handler({ c, deps }) {
      const engine = await casesOf(deps);
      return c.json(engine.ctx.rules);
    },
  }),
];
