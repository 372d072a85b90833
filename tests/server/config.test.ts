/**
 * The environment, validated at start-up (server/config.ts): defaults, a clear error naming the
 * variable and its value, multi-process mode refusing to start without PUBLIC_ADDRESS, .env.example in
 * step with the schema, and a real server process exiting on a bad value.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, configSchema, loadConfig } from "../../server/config.ts";
import { startupLines } from "../../server/http/startup.ts";
import { idleLimitsFromEnv } from "../../server/rooms/lifecycle.ts";
import { ROOT } from "../../node/scenarios.ts";

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe("loadConfig", () => {
  it("fills every default from an empty environment, and reads empty as unset", () => {
    const config = loadConfig({ PORT: "", REDIS_URL: "" });
    expect(config).toMatchObject({
      PORT: 2567,
      HOST: "0.0.0.0",
      DATABASE_URL: "file:data/hashrate-atlas.db",
      LOG_LEVEL: "info",
      MAX_ROOMS: 200,
    });
    expect(config.REDIS_URL).toBeUndefined();
  });

  it("names the variable, its value and what was expected", () => {
    expect(problems({ PORT: "80a" })).toEqual(['PORT="80a": expected a port number (1–65535)']);
    expect(problems({ PORT: "70000" })[0]).toMatch(/^PORT="70000": expected a port number/);
    expect(problems({ LOG_LEVEL: "verbose" })[0]).toMatch(
      /^LOG_LEVEL="verbose": expected one of fatal, error/,
    );
    expect(problems({ MAX_ROOMS: "-3" })[0]).toBe('MAX_ROOMS="-3": expected a positive number of rooms');
    expect(problems({ PUBLIC_URL: "atlas.school" })[0]).toMatch(
      /^PUBLIC_URL="atlas.school": expected a http or https URL/,
    );
    expect(problems({ REDIS_URL: "localhost:6379", PUBLIC_ADDRESS: "a:1" })[0]).toMatch(/^REDIS_URL=.*redis/);
    expect(problems({ DATABASE_URL: "mysql://x" })[0]).toMatch(/^DATABASE_URL="mysql:\/\/x": expected file:/);
    expect(problems({ PUBLIC_ADDRESS: "http://a:1" })[0]).toMatch(/without a scheme/);
  });

  it("reports every bad variable at once, and never prints the admin secret", () => {
    const found = problems({ PORT: "x", TRUST_PROXY: "yes", ADMIN_SECRET: "hunter2" });
    expect(found).toHaveLength(3);
    expect(found.join("\n")).not.toContain("hunter2");
    expect(found.find((p) => p.startsWith("ADMIN_SECRET"))).toBe(
      "ADMIN_SECRET=7 characters: expected at least 12 characters (it guards the monitor and the debug routes)",
    );
  });

  it("refuses several processes on one Redis without PUBLIC_ADDRESS, saying why", () => {
    const found = problems({ REDIS_URL: "redis://127.0.0.1:6379" });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/PUBLIC_ADDRESS is unset but REDIS_URL is set/);
    expect(found[0]).toMatch(/seat reservation expires/);
    expect(problems({ REDIS_URL: "redis://127.0.0.1:6379", PUBLIC_ADDRESS: "10.0.0.5:2567" })).toEqual([]);
  });

  it(".env.example lists exactly the variables the schema and compose.yaml read, each with a comment", () => {
    const lines = readFileSync(join(ROOT, ".env.example"), "utf8").split("\n");
    const names = lines.flatMap((l, i) => {
      const m = /^([A-Z_]+)=/.exec(l);
      if (m) expect(lines[i - 1], `${m[1]} has a comment above it`).toMatch(/^# /);
      return m ? [m[1]] : [];
    });
    // The server's variables, and those compose.yaml itself reads (${NAME…}) for its services.
    const compose = new Set(
      [...readFileSync(join(ROOT, "compose.yaml"), "utf8").matchAll(/\$\{([A-Z_]+)/g)].map((m) => m[1]),
    );
    expect(names.sort()).toEqual([...new Set([...Object.keys(configSchema.shape), ...compose])].sort());
    // Its values are valid themselves.
    const env = Object.fromEntries(lines.flatMap((l) => (/^[A-Z_]+=/.test(l) ? [l.split(/=(.*)/s)] : [])));
    expect(() => loadConfig(env)).not.toThrow();
  });
});

describe("idleLimitsFromEnv", () => {
  it("reads the idle limits through the same schema: defaults, values, and the schema's error", () => {
    expect(idleLimitsFromEnv({})).toEqual({ lobbyMs: 30 * 60_000, gameMs: 14 * 24 * 3_600_000 });
    expect(idleLimitsFromEnv({ LOBBY_IDLE_MINUTES: "2", ROOM_IDLE_HOURS: "0.5" })).toEqual({
      lobbyMs: 120_000,
      gameMs: 1_800_000,
    });
    expect(() => idleLimitsFromEnv({ ROOM_IDLE_HOURS: "-1" })).toThrow(ConfigError);
    expect(() => idleLimitsFromEnv({ LOBBY_IDLE_MINUTES: "soon" })).toThrow(/LOBBY_IDLE_MINUTES="soon"/);
  });
});

describe("the server process", () => {
  it("exits with EX_CONFIG (78) and the problem on a bad value, before opening anything", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "server/main.ts")], {
      cwd: ROOT,
      env: { ...process.env, PORT: "twenty", REDIS_URL: "redis://127.0.0.1:1" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(78);
    expect(run.stderr).toContain('PORT="twenty": expected a port number');
    expect(run.stderr).not.toMatch(/at .*main\.ts/); // a message, not a stack trace
  });
});

describe("startupLines", () => {
  const lan = { eth0: [{ address: "192.168.1.40", family: "IPv4", internal: false }] };
  it("prints where students join: PUBLIC_URL, else the LAN address", () => {
    expect(startupLines({ host: "0.0.0.0", port: 2567 }, "https://atlas.school.example/", lan)).toEqual([
      "Hashrate Atlas server on http://localhost:2567",
      "Students join at https://atlas.school.example/ (PUBLIC_URL)",
    ]);
    expect(startupLines({ host: "0.0.0.0", port: 2567 }, undefined, lan)[1]).toBe(
      "Students join at http://192.168.1.40:2567/ (this machine's LAN address; set PUBLIC_URL to change it)",
    );
    expect(startupLines({ host: "127.0.0.1", port: 2567 }, undefined, lan)[1]).toMatch(
      /other machines cannot join/,
    );
    expect(startupLines({ host: "0.0.0.0", port: 2567 }, undefined, {})[1]).toMatch(/^No network found/);
  });
});
