import { describe, expect, it } from "vitest";
import type { CaseEngine } from "../../cases/case-engine.js";
import type { AppDeps } from "../app-deps.js";
import { statusOf } from "../http-status.js";
import { casesOf } from "./cases-present.js";

describe("casesOf", () => {
  it("hands out the app's case engine", async () => {
    const cases = { ctx: {} } as unknown as CaseEngine;
    expect(await casesOf({ cases } as AppDeps)).toBe(cases);
  });

  it("refuses, as documented, when the app has no case engine: 503 cases.unavailable, no stand-in", async () => {
    await expect(casesOf({} as AppDeps)).rejects.toMatchObject({ code: "cases.unavailable" });
    expect(statusOf("cases.unavailable")).toBe(503);
  });
});
