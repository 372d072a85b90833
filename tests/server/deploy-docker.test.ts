/**
 * The Docker files, checked without a Docker engine (issue #15 §2): the Dockerfile's stages, base
 * image, user and commands; compose.yaml's services, health checks and environment (every variable a
 * game server gets is one server/config.ts knows, and with the values the file gives them it passes
 * validation); the proxy sends each process's PUBLIC_ADDRESS path to that process, with WebSocket
 * upgrades; .dockerignore keeps installed packages, builds and secrets out of the build context.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { configSchema, loadConfig } from "../../server/config.ts";
import { ROOT } from "../../node/scenarios.ts";
import { dockerfileInstructions, dockerfileStages, runsOf } from "./deploy-files.ts";

const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

interface Service {
  image?: string;
  build?: string;
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
  volumes?: string[];
  init?: boolean;
}

// Compose merges `<<: *anchor` keys (YAML 1.1 merge keys), so the test reads the file the same way.
const compose = parse(read("compose.yaml"), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;
const GAMES = ["game1", "game2"];

/** ${VAR:-default} → default and ${VAR:?message} → a stand-in, as compose would substitute them. */
function substitute(value: string): string {
  return value.replace(/\$\{(\w+)(?::-([^}]*)|:\?[^}]*)?\}/g, (_m, name: string, dflt?: string) =>
    dflt !== undefined ? dflt : name === "POSTGRES_PASSWORD" ? "secret" : "",
  );
}

describe("Dockerfile", () => {
  const stages = dockerfileStages();
  const runtime = stages.at(-1);

  it("is multi-stage on Node 22 (LTS), slim Debian", () => {
    expect(stages.map((s) => s.name)).toEqual(["build", "deps", "runtime"]);
    const arg = dockerfileInstructions().find((i) => i.op === "ARG" && i.args.startsWith("NODE_IMAGE="));
    expect(arg?.args).toBe("NODE_IMAGE=node:22-bookworm-slim");
    for (const s of stages) expect(s.from).toBe("${NODE_IMAGE}");
  });

  it("builds with npm ci then npm run build, and installs production dependencies only for the runtime", () => {
    expect(runsOf(stages[0])).toEqual(["npm ci --no-audit --no-fund", "npm run build"]);
    expect(runsOf(stages[1])).toEqual(["npm ci --omit=dev --ignore-scripts --no-audit --no-fund"]);
  });

  it("runs as the unprivileged node user, only node_modules, dist and the build check copied in, and starts as npm start does", () => {
    const ops = runtime?.instructions ?? [];
    const copies = ops.filter((i) => i.op === "COPY").map((i) => i.args);
    expect(copies).toEqual([
      "--from=deps /app/node_modules ./node_modules",
      "--from=build /app/dist ./dist",
      "package.json ./",
      "tools/build-check.mjs ./tools/",
    ]);
    const user = ops.findIndex((i) => i.op === "USER");
    expect(ops[user]?.args).toBe("node");
    expect(ops.findIndex((i) => i.op === "CMD")).toBeGreaterThan(user);
    expect(ops.some((i) => i.op === "HEALTHCHECK" && i.args.includes("/health"))).toBe(true);
    const cmd = JSON.parse(ops.find((i) => i.op === "CMD")?.args ?? "[]") as string[];
    const pkg = JSON.parse(read("package.json")) as { scripts: Record<string, string> };
    expect(cmd.join(" ")).toBe(pkg.scripts.start);
  });

  it(".dockerignore keeps installed packages, builds, databases and secrets out", () => {
    const ignored = read(".dockerignore").split("\n");
    for (const p of ["node_modules", "dist", "client/dist", "data", ".env", ".git"])
      expect(ignored).toContain(p);
  });
});

describe("compose.yaml", () => {
  it("has two game servers, Redis, PostgreSQL and a reverse proxy, each with a health check", () => {
    expect(Object.keys(services).sort()).toEqual(["game1", "game2", "postgres", "proxy", "redis"]);
    for (const [name, s] of Object.entries(services)) expect(s.healthcheck?.test, name).toBeDefined();
    expect(services.postgres?.image).toMatch(/^postgres:/);
    expect(services.redis?.image).toMatch(/^redis:/);
    expect(services.proxy?.image).toMatch(/^caddy:/);
    expect(services.proxy?.ports).toEqual(expect.arrayContaining(["0.0.0.0:80:80", "0.0.0.0:443:443"]));
  });

  it("gives each game server a valid configuration for several processes", () => {
    const addresses = new Set<string>();
    for (const name of GAMES) {
      const s = services[name];
      expect(s?.build).toBe(".");
      expect(s?.init).toBe(true);
      expect(s?.healthcheck?.test.join(" ")).toContain("/ready");
      expect(s?.depends_on).toEqual({
        postgres: { condition: "service_healthy" },
        redis: { condition: "service_healthy" },
      });
      const env = Object.fromEntries(
        Object.entries(s?.environment ?? {}).map(([k, v]) => [k, substitute(String(v))]),
      );
      // No typo: every variable is one the server reads.
      for (const key of Object.keys(env)) expect(Object.keys(configSchema.shape), key).toContain(key);
      const config = loadConfig(env);
      expect(config.DATABASE_URL).toMatch(/^postgres:\/\/atlas:secret@postgres:5432\/atlas$/);
      expect(config.REDIS_URL).toBe("redis://redis:6379");
      expect(config.TRUST_PROXY).toBe("1");
      expect(config.PUBLIC_URL).toBe("https://localhost");
      addresses.add(String(config.PUBLIC_ADDRESS));
    }
    expect([...addresses].sort()).toEqual(["localhost/game1", "localhost/game2"]);
  });

  it("keeps PostgreSQL's data in a volume and asks for a password instead of shipping one", () => {
    expect(services.postgres?.volumes).toContain("postgres-data:/var/lib/postgresql/data");
    expect(services.postgres?.environment?.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
  });
});

describe("the reverse proxy", () => {
  it("Caddy: each process's path to that process, the rest to any ready one", () => {
    const caddy = read("deploy/Caddyfile");
    for (const name of GAMES)
      expect(caddy).toMatch(new RegExp(`handle_path /${name}/\\* \\{\\s*reverse_proxy ${name}:2567\\s*\\}`));
    expect(caddy).toMatch(/reverse_proxy game1:2567 game2:2567 \{[^}]*health_uri \/ready/);
    expect(services.proxy?.volumes).toContain("./deploy/Caddyfile:/etc/caddy/Caddyfile:ro");
  });

  it("nginx: HTTP/1.1 with the Upgrade and Connection headers WebSockets need, TLS, the same paths", () => {
    const nginx = read("deploy/nginx.conf");
    expect(nginx).toContain("proxy_http_version 1.1;");
    expect(nginx).toContain("proxy_set_header Upgrade $http_upgrade;");
    expect(nginx).toContain("proxy_set_header Connection $connection_upgrade;");
    expect(nginx).toMatch(/listen 443 ssl;/);
    for (const name of GAMES)
      expect(nginx).toContain(`location /${name}/ { proxy_pass http://${name}:2567/; }`);
  });
});
