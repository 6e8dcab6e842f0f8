/// <reference lib="dom" />
/**
 * axe-core in the page under test: its source (the pinned npm package, read from node_modules) is
 * evaluated in the page over the DevTools protocol (an inline script tag would be refused by the
 * dashboard's CSP, rightly), and `axe.run` checks the whole document. Only serious and critical
 * violations are returned; each names its rule and the elements it found.
 *
 * @example
 * const found = await axeViolations(page); // [{ rule: "color-contrast", impact: "serious", targets: ["td > .sla"] }]
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  /** How many elements broke the rule, and the first few of them (CSS selectors). */
  count: number;
  targets: string[];
}

/** Serious and critical violations of the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResults> } }).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        rule: v.id,
        impact: v.impact!,
        help: v.help,
        count: v.nodes.length,
        targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
      }));
    interface AxeResults {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
    }
  });
}
