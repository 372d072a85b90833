/**
 * An automated accessibility check (axe-core, a dev dependency) of what a page shows now: the script
 * is injected into the page and run there; the serious and critical violations come back, each with
 * its rule and the elements it found, so that a failing test says what to fix.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { ROOT } from "../../../node/scenarios.ts";

const AXE = join(ROOT, "node_modules/axe-core/axe.min.js");

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

interface AxeResult {
  violations: {
    id: string;
    impact: string | null;
    help: string;
    nodes: { target: unknown[] }[];
  }[];
}

/** The serious and critical violations axe finds in `selector` (default: the whole page). */
export async function axeFindings(page: Page, selector?: string): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<unknown> } }).axe;
    return (await axe.run(sel ? { include: [sel] } : document, {
      resultTypes: ["violations"],
    })) as AxeResult;
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
