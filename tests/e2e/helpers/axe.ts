/**
 * An automated accessibility check (axe-core, a dev dependency) of what a page shows now: the script
 * is injected into the page and run there; the serious and critical violations come back, each with
 * its rule and the elements it found, so that a failing test says what to fix.
 */
import { createRequire } from "node:module";
import type { AxeResults, RunOptions } from "axe-core";
import type { Page } from "playwright-core";

/** axe-core's browser build, resolved as Node resolves the package (no path guessed). */
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** The serious and critical violations axe finds in `selector` (default: the whole page). */
export async function axeFindings(page: Page, selector?: string): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, o: RunOptions): Promise<AxeResults> } }).axe;
    const found = await axe.run(sel ? { include: [sel] } : document, { resultTypes: ["violations"] });
    // Only what the test reads crosses back (axe's nodes hold DOM references).
    return {
      violations: found.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target as unknown[] })),
      })),
    };
  }, selector ?? null);
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? "",
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)),
    }));
}
