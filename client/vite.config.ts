/**
 * Vite for the browser client: root client/, output client/dist (the game server serves it), Phaser in a
 * chunk of its own so that the lobby loads first. The catalog plugin turns the repository's YAML data
 * (scenarios, regions, hubs) into one small module, so the client shows the same names and places as the
 * engine without shipping a YAML parser. In development, the game server's HTTP routes, matchmaking and
 * room sockets are proxied to it, so the page and the game share one origin as they do in production.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import { parse } from "yaml";
import { lobbyScenarios } from "../node/scenarioList.ts";

const here = fileURLToPath(new URL(".", import.meta.url));
const repo = fileURLToPath(new URL("..", import.meta.url));
const GAME_SERVER = process.env.GAME_SERVER ?? "http://localhost:2567";
const VIRTUAL = "virtual:atlas-catalog";

interface Text {
  en: string;
  zh: string;
}
type Doc = Record<string, unknown>;

function readYaml(path: string): Doc {
  return parse(readFileSync(`${repo}${path}`, "utf8")) as Doc;
}

/** Only what the client shows: names, descriptions, periods, positions. No balance numbers. */
function catalog(): string {
  // Every file in shared/scenarios, with no list here: a new scenario reaches the lobby by being there.
  const scenarios = lobbyScenarios(`${repo}shared/scenarios`);
  const regions = (readYaml("shared/world/regions.yaml").regions as Doc[]).map((r) => ({
    id: r.id as string,
    name: r.name as Text,
    country: r.country as string,
    lon: r.lon as number,
    lat: r.lat as number,
    carbonGPerKwh: r.carbonGPerKwh as number,
  }));
  const hubs = (readYaml("shared/world/logistics.yaml").hubs as Doc[]).map((h) => ({
    id: h.id as string,
    kind: h.kind as string,
    name: h.name as Text,
    lon: h.lon as number,
    lat: h.lat as number,
  }));
  return `export default ${JSON.stringify({ scenarios, regions, hubs })};`;
}

function atlasCatalog(): Plugin {
  return {
    name: "atlas-catalog",
    resolveId: (id) => (id === VIRTUAL ? `\0${VIRTUAL}` : null),
    load: (id) => (id === `\0${VIRTUAL}` ? catalog() : null),
    configureServer(server) {
      // Designers edit the YAML: reload the page with the new names and places.
      server.watcher.add(`${repo}shared`);
      server.watcher.on("change", (file) => {
        if (!file.endsWith(".yaml")) return;
        const mod = server.moduleGraph.getModuleById(`\0${VIRTUAL}`);
        if (mod) server.moduleGraph.invalidateModule(mod);
        server.ws.send({ type: "full-reload" });
      });
    },
  };
}

export default defineConfig({
  root: here,
  base: "./",
  plugins: [atlasCatalog()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1600, // Phaser alone is ~1.2 MB minified; it loads after the lobby
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: "phaser", test: /node_modules[\\/]phaser[\\/]/ },
            { name: "colyseus", test: /node_modules[\\/](colyseus\.js|@colyseus)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      "/api": GAME_SERVER,
      "/matchmake": GAME_SERVER,
      "/health": GAME_SERVER,
      // Room sockets: ws://host/<processId>/<roomId>?sessionId=… (or ?reconnectionToken=… on reconnect).
      "^/[^/?]+/[^/?]+\\?(sessionId|reconnectionToken)=": { target: GAME_SERVER, ws: true },
    },
  },
});
