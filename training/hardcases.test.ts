import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  checkHardCase,
  hardCaseDir,
  hardCaseRows,
  isHeldOutScenario,
  loadHardCases,
  MIN_PER_SHAPE,
  parseHardCases,
  SHAPES,
  settledBillingUnknown,
} from "./hardcases.js";
import { CAUSES } from "../src/core/labels.js";

const files = readdirSync(hardCaseDir()).filter((f) => f.endsWith(".jsonl"));
const cases = loadHardCases();

describe("hard-case sets", () => {
  it("exist for English at least, and every file parses with labels from src/core/labels.ts", () => {
    expect(files).toContain("en.jsonl");
    for (const f of files) {
      const lang = f.replace(/\.jsonl$/, "");
      expect(() => parseHardCases(readFileSync(join(hardCaseDir(), f), "utf8"), lang)).not.toThrow();
    }
  });

  it("have unique ids and texts per language", () => {
    for (const f of files) {
      const lang = f.replace(/\.jsonl$/, "");
      const mine = cases.filter((c) => c.lang === lang);
      expect(new Set(mine.map((c) => c.id)).size).toBe(mine.length);
      expect(new Set(mine.map((c) => c.text)).size).toBe(mine.length);
    }
  });

  it("hold at least 40 rows of every shape per language, and held-out rows of every shape", () => {
    for (const f of files) {
      const lang = f.replace(/\.jsonl$/, "");
      for (const shape of SHAPES) {
        const rows = cases.filter((c) => c.lang === lang && c.shape === shape);
        expect(rows.length, `${lang} ${shape}`).toBeGreaterThanOrEqual(MIN_PER_SHAPE);
        expect(
          rows.some((c) => c.heldOut),
          `${lang} ${shape} held out`,
        ).toBe(true);
        expect(
          rows.some((c) => !c.heldOut),
          `${lang} ${shape} trainable`,
        ).toBe(true);
      }
    }
  });

  it("label each shape the way it tests", () => {
    const bad = (shape: string, ok: (c: (typeof cases)[number]) => boolean) =>
      cases.filter((c) => c.shape === shape && !ok(c)).map((c) => c.id);
    expect(bad("sarcasm", (c) => c.signals.includes("sarcasm") && c.complaint >= 1)).toEqual([]);
    expect(
      bad("praise_past_problem", (c) => c.sentiment === "positive" && c.complaint === 0 && c.causes.some((x) => x.polarity === "+")),
    ).toEqual([]);
    expect(bad("agent_reply", (c) => c.direction === "agent" && c.complaint === 0 && c.signals.length === 0)).toEqual([]);
    expect(
      bad("employee_workload", (c) => c.direction === "employee" && c.stage !== "leaving" && !c.signals.includes("churn_threat")),
    ).toEqual([]);
    expect(bad("churn_no_cancel", (c) => c.signals.includes("churn_threat"))).toEqual([]);
    expect(bad("contact_count", (c) => c.signals.includes("repeat_contact"))).toEqual([]);
    expect(bad("repeat_word_no_contact", (c) => !c.signals.includes("repeat_contact"))).toEqual([]);
    expect(bad("hazard", (c) => c.signals.includes("safety_issue"))).toEqual([]);
    expect(bad("neutral_question", (c) => c.sentiment === "neutral" && c.complaint === 0 && c.stage !== "leaving")).toEqual([]);
  });

  it("reject rows with labels outside the label set", () => {
    const row = {
      id: "en-h-0001",
      scenario: "sarcasm-01",
      domain: "tel",
      shape: "sarcasm",
      direction: "customer",
      text: "Great, three weeks",
      sentiment: "negative",
      complaint: 2,
      causes: [{ label: "delivery_or_wait", polarity: "-" }],
      signals: ["sarcasm"],
    };
    expect(checkHardCase(row, "en")).toEqual([]);
    expect(checkHardCase({ ...row, signals: ["irony"] }, "en")).toEqual(["signals: unknown label irony"]);
    expect(checkHardCase({ ...row, causes: [{ label: "delay", polarity: "-" }] }, "en")).toHaveLength(1);
    expect(checkHardCase({ ...row, shape: "rant", complaint: 5 }, "en")).toHaveLength(3);
    expect(checkHardCase({ ...row, scenario: "hazard-01" }, "en")).toEqual(["scenario must look like <shape>-01"]);
    expect(checkHardCase({ ...row, id: "th-h-0001" }, "en")).toHaveLength(1);
  });
});

describe("held-out rule", () => {
  it("is by scenario: every row of a scenario, in every language, sits on the same side", () => {
    const side = new Map<string, boolean>();
    for (const c of cases) {
      expect(side.get(c.scenario) ?? c.heldOut).toBe(c.heldOut);
      side.set(c.scenario, c.heldOut);
      expect(c.heldOut).toBe(isHeldOutScenario(c.scenario));
    }
  });

  it("keeps the held-out rows out of training (dev) and agent replies out entirely", () => {
    const rows = hardCaseRows();
    const heldOut = new Set(cases.filter((c) => c.heldOut).map((c) => c.text));
    for (const r of rows) expect(r.dev).toBe(heldOut.has(r.text));
    expect(rows.length).toBe(cases.filter((c) => c.direction !== "agent").length);
    const share = cases.filter((c) => c.heldOut).length / cases.length;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.55);
  });

  it("leaves billing unknown to the cause head where praise of a fixed charge also praises who fixed it", () => {
    const billing = CAUSES.indexOf("price_or_billing");
    const staff = CAUSES.indexOf("staff_treatment");
    const byText = new Map(hardCaseRows().map((r) => [r.text, r]));
    const praised = cases.find((c) => c.id === "en-h-0084")!; // wrong charge sorted, "lovely staff as always"
    expect(praised.causes.map((c) => c.label)).toEqual(["staff_treatment", "price_or_billing"]);
    const t = byText.get(praised.text)!.targets.causes as Int8Array;
    expect([t[billing], t[staff]]).toEqual([-1, 1]);
    // Billing stays taught where it is what the message is about, and the held-out rows are not touched.
    const sarcasm = cases.find((c) => c.shape === "sarcasm" && c.causes.some((x) => x.label === "price_or_billing") && !c.heldOut)!;
    expect((byText.get(sarcasm.text)!.targets.causes as Int8Array)[billing]).toBe(1);
    for (const c of cases.filter((x) => x.heldOut && x.direction !== "agent" && x.causes.some((y) => y.label === "price_or_billing")))
      expect((byText.get(c.text)!.targets.causes as Int8Array)[billing]).toBe(1);
    const alone = { ...praised, causes: [{ label: "price_or_billing" as const, polarity: "+" as const }] };
    const only = Int8Array.from(t);
    only[billing] = 1;
    only[staff] = 0;
    expect((settledBillingUnknown(alone, { causes: only }).causes as Int8Array)[billing]).toBe(1);
  });
});
