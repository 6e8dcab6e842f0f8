import { validate } from "@readme/openapi-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishedDocument, typesOf } from "../scripts/api-types.js";
import { API_ROUTES } from "../src/server/app.js";
import { DATABASES } from "./helpers/databases.js";
import { employees } from "./helpers/employee-feedback.js";
import { ManualClock } from "../src/cases/clock.js";
import { CaseEngine } from "../src/cases/case-engine.js";
import { signWebhook } from "../src/ingest/webhook-signature.js";
import { Pipeline } from "../src/pipeline/pipeline.js";
import { insertAlert, queueDeliveries } from "../src/store/alerts.js";
import { logDeliveryAttempt } from "../src/store/webhook-deliveries.js";
import { deliveryLog } from "../src/store/webhook-subscriptions.js";
import { sharedReader, testApp, type TestApp } from "./helpers/test-app.js";

// Users generate clients from GET /api/v1/openapi.json: it must be a valid OpenAPI 3.1 document
// (validated by @readme/openapi-parser, which resolves every $ref), and openapi-typescript must turn it
// into types. The document does not depend on the database: SQLite serves it here.
describe("the published OpenAPI document", () => {
  const db = DATABASES.find((d) => d.name === "sqlite")!;
  let store: Awaited<ReturnType<typeof db.open>>;
  let doc: Record<string, any>;

  beforeAll(async () => {
    store = await db.open();
    const res = await (await testApp(store)).get("/openapi.json", null);
    expect(res.status).toBe(200);
    doc = (await res.json()) as Record<string, any>;
  });
  afterAll(() => store.cleanup());

  it("validates, every $ref resolving", async () => {
    const result = await validate(structuredClone(doc) as Parameters<typeof validate>[0]);
    expect(result.valid, JSON.stringify(result).slice(0, 2000)).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it("keeps named schemas in components.schemas, and no reference points at a $defs the document lacks", () => {
    const text = JSON.stringify(doc);
    expect(text).not.toContain("#/$defs/");
    expect(text).not.toContain('"$defs"');
    expect(doc.components.schemas.Error.properties.error.required).toEqual(["code", "message", "details"]);
    for (const ref of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) expect(doc.components.schemas).toHaveProperty(ref[1]!);
  });

  it("is the document the type generator reads, and gives a typed operation per route", async () => {
    expect(JSON.parse(JSON.stringify(publishedDocument())).paths).toEqual(doc.paths);
    const types = await typesOf(doc);
    expect(types).toContain('"application/json": components["schemas"]["Error"]');
    for (const op of Object.values(doc.paths).flatMap((p: any) => Object.values(p)) as { operationId: string }[])
      expect(types).toContain(`    ${op.operationId}: {`);
    expect(Object.values(doc.paths).flatMap((p: any) => Object.keys(p))).toHaveLength(API_ROUTES.length);
  });
});

const customerText = "My parcel is two weeks late and nobody answers. I want a refund now!";

// A schema that drifts from its handler must fail: a real answer of each route parses with the
// route's own 200 schema, and parsing keeps every field (a field the schema lacks would be dropped).
describe("answers match their documented schemas", () => {
  const db = DATABASES.find((d) => d.name === "sqlite")!;
  let store: Awaited<ReturnType<typeof db.open>>;
  let t: TestApp;
  /** Ids the requests name (`{person}` in a path). */
  const ids: Record<string, number> = {};
  const secrets: Record<string, string> = {};
  const clock = new ManualClock(Date.parse("2026-01-20T12:00:00Z"));

  beforeAll(async () => {
    store = await db.open();
    const cases = new CaseEngine({ store, clock, timers: false });
    t = await testApp(store, { clock, cases });
    expect((await t.post("/sources", { name: "feedback", employee_feedback: true })).status).toBe(201);
    const shop = await t.post("/sources", { name: "shop", webhook: true });
    secrets.shop = ((await shop.json()) as { webhook_secret: string }).webhook_secret;
    expect((await t.post("/users", { email: "agent@example.com", role: "agent", display_name: "Agent" })).status).toBe(201);
    const customer = { external_id: "c-1", text: customerText, author: "ana" };
    const messages = [
      { ...customer, channel: "email", thread: "order-1", sent_at: "2026-01-12T09:00:00Z" },
      ...employees("stores", 5, "The new rota is fair and my team lead is supportive. Thank you."),
    ];
    expect(await (await t.post("/messages/batch", { source: "feedback", messages })).json()).toMatchObject({ rejected: 0 });
    // A row without text is refused and quarantined.
    expect(await (await t.post("/messages/batch", { source: "feedback", messages: [{ external_id: "bad" }] })).json()).toMatchObject({
      rejected: 1,
    });
    await new Pipeline({ store, engine: await sharedReader(), cases }).drain();
    clock.set(Date.parse("2026-02-02T09:00:00Z"));
    const people = (await (await t.get("/people?identifier=ana")).json()) as { items: { id: number }[] };
    ids.person = people.items[0]!.id;
    const listed = (await (await t.get("/messages?direction=customer")).json()) as { items: { id: number }[] };
    ids.message = listed.items[0]!.id;
    ids.case = ((await (await t.get("/cases")).json()) as { items: { id: number }[] }).items[0]!.id;
    const reply = { text: "I am so sorry your parcel is late, Ana. I have asked the courier and will write to you by 5 pm.", send: true };
    expect((await t.post(`/cases/${ids.case}/replies`, reply)).status).toBe(201);
    await seedDelivery();
  });

  /** The headers of a webhook signed with the shop source's secret, now. */
  function signedHeaders(body: string): Record<string, string> {
    const ts = Math.floor(Date.now() / 1000);
    return { "x-attune-timestamp": String(ts), "x-attune-signature": signWebhook(secrets.shop!, ts, body) };
  }

  /** A subscription with one alert delivered after a failed attempt, so its delivery log has rows. */
  async function seedDelivery() {
    const res = await t.post("/webhook-subscriptions", { url: "https://hooks.example.com/attune", kinds: ["spike"] });
    expect(res.status).toBe(201);
    ids.subscription = ((await res.json()) as { id: number }).id;
    const at = clock.now();
    const alert = await insertAlert(store.db, {
      workspace_id: store.workspaceId,
      kind: "spike",
      severity: "warning",
      case_id: null,
      channel: "email",
      label: "delivery_delay",
      summary: "More late deliveries than usual",
      details: "{}",
      dedupe_key: "spike:test",
      created_at: at,
      acknowledged_at: null,
    });
    await queueDeliveries(store.db, alert!, [ids.subscription], at);
    const delivery = (await deliveryLog(store.db, store.workspaceId, ids.subscription, 1))!.deliveries[0]!;
    await logDeliveryAttempt(store.db, { delivery_id: delivery.id, at, status_code: 500, error: "server error", duration_ms: 12 });
  }
  afterAll(() => store.cleanup());

  /** Request (path under /api/v1, body, key's role) per converted route, and the fields its answer must fill. */
  const ANSWERS: { route: string; path: string; key?: "people_team"; filled?: string[]; body?: unknown; status?: number; signed?: true }[] =
    [
      {
        route: "get /insights/employee",
        path: "/insights/employee?from_month=2026-01&to_month=2026-01",
        key: "people_team",
        filled: ["months"],
      },
      { route: "get /keys", path: "/keys", filled: ["items"] },
      { route: "get /users", path: "/users", filled: ["items"] },
      { route: "get /case-rules", path: "/case-rules" },
      { route: "get /sources", path: "/sources", filled: ["items"] },
      { route: "get /audit", path: "/audit", filled: ["items"] },
      { route: "get /quarantine", path: "/quarantine", filled: ["items"] },
      { route: "get /people/:id", path: "/people/{person}" },
      { route: "get /messages", path: "/messages", filled: ["items"] },
      { route: "get /messages/:id", path: "/messages/{message}", filled: ["reading", "thread"] },
      {
        route: "post /analyze",
        path: "/analyze",
        body: { text: "The courier dented my sofa and I am furious! Call me at +44 20 7946 0958." },
      },
      { route: "post /replies/draft", path: "/replies/draft", body: { message: customerText, customer_name: "Ana" }, filled: ["drafts"] },
      {
        route: "post /replies/check",
        path: "/replies/check",
        body: { message: customerText, reply: "Sorry, Ana. A refund is on its way." },
      },
      { route: "get /cases/:id", path: "/cases/{case}", filled: ["thread", "drafts", "replies", "clocks", "events"] },
      { route: "post /cases/:id/replies", path: "/cases/{case}/replies", body: { text: "We are on it.", send: false } },
      { route: "get /people/:id/export", path: "/people/{person}/export", filled: ["messages"] },
      { route: "post /webhooks/:source", path: "/webhooks/shop", body: { external_id: "w-1", text: "Where is my order?" }, signed: true },
      // Routes that had schemas before the check: the dashboard reads them too.
      { route: "get /insights/overview", path: "/insights/overview?from=2026-01-01&to=2026-02-01", filled: ["days"] },
      { route: "get /teams", path: "/teams", filled: ["items"] },
      { route: "get /cases", path: "/cases", filled: ["items"] },
      { route: "get /cases/counts", path: "/cases/counts" },
      { route: "get /alerts", path: "/alerts", filled: ["items"] },
      { route: "get /recovery", path: "/recovery?by=channel" },
      { route: "get /insights/service", path: "/insights/service?from=2026-01-01&to=2026-02-01" },
      { route: "get /insights/drivers", path: "/insights/drivers?metric=nps" },
      { route: "get /insights/scores", path: "/insights/scores" },
      { route: "get /aggregates/languages", path: "/aggregates/languages", filled: ["items"] },
      { route: "get /connectors", path: "/connectors" },
      { route: "get /people", path: "/people", filled: ["items"] },
      { route: "get /health", path: "/health" },
      { route: "get /webhook-subscriptions", path: "/webhook-subscriptions", filled: ["items"] },
      { route: "post /webhook-subscriptions", path: "/webhook-subscriptions", body: { url: "https://ops.example.com/hook" }, status: 201 },
      { route: "get /webhook-subscriptions/:id/deliveries", path: "/webhook-subscriptions/{subscription}/deliveries", filled: ["items"] },
    ];

  it.each(ANSWERS)("$route", async ({ route, path, key, filled = [], body: sent, status = 200, signed }) => {
    const spec = API_ROUTES.find((r) => `${r.method} ${r.path}` === route)!;
    const schema = spec.responses[status]?.schema;
    expect(schema, `${route} declares a ${status} schema`).toBeDefined();
    const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => String(ids[name]));
    const res = await t.req(spec.method.toUpperCase(), url, {
      ...(sent !== undefined ? { body: sent } : {}),
      ...(key ? { key: await t.key(key) } : {}),
      ...(signed ? { key: null, headers: signedHeaders(JSON.stringify(sent)) } : {}),
    });
    expect(res.status).toBe(status);
    const body: unknown = await res.json();
    const parsed = schema!.safeParse(body);
    expect(parsed.error?.issues ?? [], route).toEqual([]);
    expect(parsed.data).toEqual(body);
    // An empty list or a null proves nothing about the schema of what it would hold.
    for (const field of filled) {
      const value = (body as Record<string, unknown>)[field];
      expect(value, `${route} ${field}`).not.toBeNull();
      if (Array.isArray(value)) expect(value, `${route} ${field}`).not.toHaveLength(0);
    }
  });
});
