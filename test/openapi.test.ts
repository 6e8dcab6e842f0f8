import { validate } from "@readme/openapi-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishedDocument, typesOf } from "../scripts/api-types.js";
import { API_ROUTES } from "../src/server/app.js";
import { DATABASES } from "./helpers/databases.js";
import { testApp } from "./helpers/test-app.js";

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
