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
 * The lobby's scenarios: the ones that replay history first, in the order of their periods, then the
 * invented worlds (a stochastic price), so that the list reads as a timeline and the first entry (the
 * lobby's default) is the oldest history.
 */
export function lobbyScenarios(dir: string): LobbyScenario[] {
  const docs = scenarioFilesIn(dir).map(
    (file) => parse(readFileSync(file, "utf8")) as Record<string, unknown>,
  );
  const invented = (d: Record<string, unknown>) =>
    (d.price as { model?: string } | undefined)?.model === "historical" ? 0 : 1;
  return docs
    .map((d) => ({ doc: d, key: invented(d) }))
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
