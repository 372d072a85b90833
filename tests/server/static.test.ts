/** Static serving of the built client: right files and types, caching by kind, nothing outside the folder. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { serveClient } from "../../server/static.ts";

const root = mkdtempSync(join(tmpdir(), "atlas-static-"));
mkdirSync(join(root, "assets"));
writeFileSync(join(root, "index.html"), "<!doctype html><title>atlas</title>");
writeFileSync(join(root, "assets", "app-1234.js"), "console.log(1)");
writeFileSync(join(tmpdir(), "secret.txt"), "nope");
afterAll(() => rmSync(root, { recursive: true, force: true }));

function get(url: string) {
  const out: { status?: number; headers?: Record<string, string>; body?: string } = {};
  const res = {
    writeHead(status: number, headers: Record<string, string>) {
      out.status = status;
      out.headers = headers;
    },
    end(body?: Buffer) {
      out.body = body?.toString();
    },
  } as unknown as ServerResponse;
  const handled = serveClient({ method: "GET", url } as IncomingMessage, res, root);
  return { handled, ...out };
}

describe("serveClient", () => {
  it("serves index.html at / and for links with a code, never cached", () => {
    for (const url of ["/", "/?code=ABC234"]) {
      const r = get(url);
      expect(r.handled).toBe(true);
      expect(r.headers?.["content-type"]).toContain("text/html");
      expect(r.headers?.["cache-control"]).toBe("no-cache");
    }
  });

  it("serves hashed assets with a year of caching and the right type", () => {
    const r = get("/assets/app-1234.js");
    expect(r.body).toBe("console.log(1)");
    expect(r.headers?.["content-type"]).toContain("text/javascript");
    expect(r.headers?.["cache-control"]).toContain("immutable");
  });

  it("leaves unknown paths and escapes to the next handler", () => {
    expect(get("/api/rooms").handled).toBe(false);
    expect(get("/../secret.txt").handled).toBe(false);
    expect(get("/%2e%2e/secret.txt").handled).toBe(false);
    expect(get("/assets/../../secret.txt").handled).toBe(false);
  });
});
