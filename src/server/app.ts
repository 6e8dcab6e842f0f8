/**
 * The HTTP app: every route under /api/v1 plus the OpenAPI document, built on hono. Tests call it
 * in process with `app.request(...)`; `attune serve` hands it to @hono/node-server.
 *
 * @example
 * const app = createApp(deps);
 * const res = await app.request("/api/v1/health");
 */
import { Hono } from "hono";
import { AttuneError } from "../core/errors.js";
import { PIPELINE_VERSION } from "../core/version.js";
import type { AppDeps } from "./app-deps.js";
import { errorResponse } from "./error-response.js";
import { securityHeaders } from "./middleware/security-headers.js";
import { openApiDocument } from "./openapi.js";
import { API_PREFIX, mountRoutes, type RouteSpec } from "./route.js";
import { adminRoutes } from "./routes/admin.js";
import { connectorRoutes } from "./routes/connectors.js";
import { aggregateRoutes } from "./routes/aggregates.js";
import { analyzeRoutes } from "./routes/analyze.js";
import { replyRoutes } from "./routes/replies.js";
import { alertRoutes } from "./routes/cases-alerts.js";
import { caseRuleRoutes } from "./routes/case-rules.js";
import { caseRoutes } from "./routes/cases.js";
import { employeeInsightRoutes } from "./routes/employee-insights.js";
import { healthRoutes } from "./routes/health.js";
import { ingestRoutes } from "./routes/ingest.js";
import { insightRoutes } from "./routes/insights.js";
import { surveyInsightRoutes } from "./routes/insights-surveys.js";
import { serviceInsightRoutes } from "./routes/insights-service.js";
import { exportRoutes } from "./routes/export.js";
import { messageRoutes } from "./routes/messages.js";
import { peopleRoutes } from "./routes/people.js";
import { sessionRoutes } from "./routes/session.js";
import { webhookRoutes } from "./routes/webhooks.js";
import { helpdeskWebhookRoutes } from "./routes/helpdesk-webhooks.js";
import { emailReplyRoutes } from "./routes/email-replies.js";
import { helpdeskReplyRoutes } from "./routes/helpdesk-replies.js";
import { mountWeb } from "./routes/web.js";

/** Every API route; later features (cases, alerts) append their route lists here. */
export const API_ROUTES: RouteSpec<any, any, any>[] = [
  ...healthRoutes,
  ...sessionRoutes,
  ...ingestRoutes,
  ...webhookRoutes,
  ...helpdeskWebhookRoutes,
  ...emailReplyRoutes,
  ...helpdeskReplyRoutes,
  ...messageRoutes,
  ...peopleRoutes,
  ...aggregateRoutes,
  ...analyzeRoutes,
  ...replyRoutes,
  ...adminRoutes,
  ...connectorRoutes,
  ...insightRoutes,
  ...surveyInsightRoutes,
  ...serviceInsightRoutes,
  ...exportRoutes,
  ...employeeInsightRoutes,
  ...caseRoutes,
  ...caseRuleRoutes,
  ...alertRoutes,
];

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.use("*", securityHeaders(API_PREFIX));
  let doc: string | undefined;
  app.get(`${API_PREFIX}/openapi.json`, (c) => {
    doc ??= JSON.stringify(openApiDocument(API_ROUTES, PIPELINE_VERSION));
    return c.body(doc, 200, { "content-type": "application/json; charset=utf-8" });
  });
  mountRoutes(app, API_ROUTES, deps);
  mountWeb(app, deps.webDir !== undefined ? { dir: deps.webDir } : {});
  app.all(`${API_PREFIX}/*`, (c) => errorResponse(c, new AttuneError("store.not_found", { resource: "route" })));
  app.onError((err, c) => errorResponse(c, err, deps.debug));
  return app;
}
