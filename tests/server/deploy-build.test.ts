/**
 * The deployment kit without Docker (issue #15 §2): the same commands the Dockerfile runs. `npm run
 * build` makes dist/; a production install (`npm ci --omit=dev`, from the lockfile, into an empty
 * folder) plus dist/ starts with plain `node`, serves the precompressed client, and creates a game
 * of every scenario the lobby lists (the scenario data ships in dist/). Nothing from the repository
 * but package.json, the lockfile and dist/ is in that folder, as in the image. The npm commands and
 * the start command are read from the Dockerfile, so the image and this test cannot drift apart.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "colyseus.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../node/scenarios.ts";
import { lobbyScenarios } from "../../node/scenarioList.ts";
import { next } from "../helpers/rooms.ts";
import { dockerfileStages, npmArgs, runsOf } from "./deploy-files.ts";

const PORT = 2963;
const app = mkdtempSync(join(tmpdir(), "atlas-prod-"));
let server: ChildProcess | null = null;
let output = "";

function run(command: string, args: string[], cwd: string): void {
  const r = spawnSync(command, args, { cwd, encoding: "utf8", timeout: 240_000 });
  if (r.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
}

async function healthy(): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (
    !(await fetch(`http://127.0.0.1:${PORT}/health`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (server?.exitCode !== null) throw new Error(`the built server exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`no /health in 30 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const stages = dockerfileStages();
const stage = (name: string) => stages.find((st) => st.name === name);
/** The runtime stage's CMD (exec form): what the image runs. */
const cmd = JSON.parse(stage("runtime")?.instructions.find((i) => i.op === "CMD")?.args ?? "[]") as string[];

beforeAll(async () => {
  // The build stage's last command (after its own `npm ci`, which this checkout has done already).
  const build = runsOf(stage("build")).at(-1) ?? "";
  expect(build).toBe("npm run build");
  run("npm", npmArgs(build), ROOT);
  for (const f of ["package.json", "package-lock.json", "tools/build-check.mjs"])
    cpSync(join(ROOT, f), join(app, f)); // what the image's runtime stage copies (and the lockfile)
  // The deps stage's install, word for word, preferring the local npm cache (CI filled it).
  const [install = ""] = runsOf(stage("deps"));
  expect(install).toMatch(/^npm ci --omit=dev/);
  run("npm", [...npmArgs(install), "--prefer-offline"], app);
  cpSync(join(ROOT, "dist"), join(app, "dist"), { recursive: true });
  expect(cmd[0]).toBe("node");
  server = spawn(process.execPath, cmd.slice(1), {
    cwd: app,
    env: { PATH: process.env.PATH, PORT: String(PORT), HOST: "127.0.0.1", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (d: Buffer) => (output = (output + d.toString()).slice(-20_000));
  server.stdout?.on("data", keep);
  server.stderr?.on("data", keep);
  await healthy();
}, 300_000);

afterAll(async () => {
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((r) => server?.once("exit", r));
    process.kill(server.pid, "SIGTERM");
    await exited;
  }
  rmSync(app, { recursive: true, force: true });
});

/** Raw bytes and headers of a GET (fetch would decompress them). */
function get(path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, unknown>; bytes: number }>(
    (resolve, reject) => {
      request({ host: "127.0.0.1", port: PORT, path, headers }, (res) => {
        let bytes = 0;
        res.on("data", (c: Buffer) => (bytes += c.length));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes }));
      })
        .on("error", reject)
        .end();
    },
  );
}

describe("a production install runs the built server with node alone", () => {
  it("has no dev dependency and no browser-only library installed", () => {
    for (const dev of ["tsx", "vite", "esbuild", "vitest", "phaser", "colyseus.js", "uplot", "qrcode"])
      expect(existsSync(join(app, "node_modules", dev)), dev).toBe(false);
    expect(existsSync(join(app, "node_modules/@colyseus/core"))).toBe(true);
  });

  it("serves the client precompressed", async () => {
    const page = await get("/", { "accept-encoding": "gzip, deflate, br" });
    expect(page.status).toBe(200);
    expect(page.headers["content-encoding"]).toBe("br");
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
  });

  it("creates a game of every scenario the lobby lists", { timeout: 120_000 }, async () => {
    const ids = lobbyScenarios(join(ROOT, "shared/scenarios")).map((s) => s.id);
    expect(ids.length).toBeGreaterThanOrEqual(4);
    for (const scenario of ids) {
      const host = await new Client(`ws://127.0.0.1:${PORT}`).create("game", {
        scenario,
        seats: 2,
        visibility: "private",
        hostSecret: "deploy-test-secret-0123",
        name: "Ops",
      });
      host.onMessage("*", () => undefined); // the roster and the rest: only the welcome matters here
      const welcome = await next<{ role: string }>(host, "welcome", 30_000);
      expect(welcome.role, scenario).toBe("host");
      await host.leave();
    }
  });

  it("backs the running server's database up with npm run db:backup (the bundle, node alone)", () => {
    const folder = join(app, "backups");
    const r = spawnSync("npm", ["run", "--silent", "db:backup", "--", "--dir", folder], {
      cwd: app,
      env: { PATH: process.env.PATH },
      encoding: "utf8",
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^backup: .*\.db \(\d+ KiB\)/m);
    expect(readdirSync(folder).filter((f) => f.endsWith(".db"))).toHaveLength(1);
  });
});
