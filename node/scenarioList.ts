/**
 * The scenarios in a folder, with no list kept in code: every `*.yaml` / `*.yml` file is one. Read by the
 * game server's tools (node/scenarios.ts) and by the client's build (client/vite.config.ts), so that a
 * designer's new file reaches the lobby by being there (issue #14 §3). Only YAML and no validation here:
 * the build must not need the rules engine; `npm run scenario:check` is what validates.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

/** The scenario files in `dir`, sorted by name. */
export function scenarioFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"))
    .sort()
    .map((f) => join(dir, f));
}

interface Text {
  en: string;
  zh: string;
}

/** What the lobby shows of a scenario: names, descriptions and period, no balance numbers. */
export interface LobbyScenario {
  id: string;
  name: Text;
  description: Text;
  period: { start: string; end: string };
}

/**
 * The lobby's scenarios: the episodes of history first, in the order of their periods, then the long
 * histories (over LONG_YEARS: a decade is a campaign, not a first game), then the invented worlds (a
 * stochastic price). The list reads as a timeline, and the first entry (the lobby's default) is the
 * oldest episode a first game can finish.
 */
/** A history longer than this many years is listed after the episodes. */
const LONG_YEARS = 3;

const yearsBetween = (start: string, end: string): number =>
  (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / (365.25 * 86_400_000);

export function lobbyScenarios(dir: string): LobbyScenario[] {
  const docs = scenarioFilesIn(dir).map(
    (file) => parse(readFileSync(file, "utf8")) as Record<string, unknown>,
  );
  const group = (d: Record<string, unknown>) => {
    if ((d.price as { model?: string } | undefined)?.model !== "historical") return 2;
    const { start, end } = d.period as { start: string; end: string };
    return yearsBetween(start, end) > LONG_YEARS ? 1 : 0;
  };
  return docs
    .map((d) => ({ doc: d, key: group(d) }))
    .sort((a, b) => {
      const pa = (a.doc.period as { start: string }).start;
      const pb = (b.doc.period as { start: string }).start;
      return (
        a.key - b.key || (pa < pb ? -1 : pa > pb ? 1 : 0) || String(a.doc.id).localeCompare(String(b.doc.id))
      );
    })
    .map(({ doc }) => ({
      id: doc.id as string,
      name: doc.name as Text,
      description: doc.description as Text,
      period: doc.period as { start: string; end: string },
    }));
}
