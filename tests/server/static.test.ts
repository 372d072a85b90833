/**
 * Static serving of the built client: right files and types, caching by kind, nothing outside the
 * folder, and the precompressed .br/.gz versions chosen by Accept-Encoding, over real HTTP.
 */
import { mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { createServer, get as httpGet, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptedEncodings, serveClient } from "../../server/static.ts";
import { until } from "../helpers/rooms.ts";

const root = mkdtempSync(join(tmpdir(), "atlas-static-"));
const APP = `console.log(${JSON.stringify("hashrate ".repeat(200))});`;
mkdirSync(join(root, "assets"));
writeFileSync(join(root, "index.html"), "<!doctype html><title>atlas</title>");
writeFileSync(join(root, "assets", "app-1234.js"), APP);
writeFileSync(join(root, "assets", "app-1234.js.br"), brotliCompressSync(APP));
writeFileSync(join(root, "assets", "app-1234.js.gz"), gzipSync(APP));
writeFileSync(join(root, "assets", "logo-1.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
// Larger than the socket's buffers: a client that leaves after the first chunk leaves mid-file.
const BIG = join(root, "assets", "map-1.png");
writeFileSync(BIG, Buffer.alloc(32 * 1024 * 1024, 7));
writeFileSync(join(tmpdir(), "secret.txt"), "nope");

// A real HTTP server over serveClient: headers and bytes as a browser receives them.
const http = createServer((req, res) => {
  if (!serveClient(req, res, root)) {
    res.writeHead(404);
    res.end();
  }
});
let port = 0;
beforeAll(async () => {
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
  port = (http.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((r) => http.close(r));
  rmSync(root, { recursive: true, force: true });
});

interface Got {
  status: number;
  headers: IncomingMessage["headers"];
  body: Buffer;
}

/** A raw GET (node's http, not fetch: fetch would decompress and hide what went over the wire). */
function get(path: string, headers: Record<string, string> = {}): Promise<Got> {
  return new Promise((resolve, reject) => {
    httpGet({ host: "127.0.0.1", port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    }).on("error", reject);
  });
}

function handled(url: string): boolean {
  const res = { writeHead() {}, end() {} } as unknown as ServerResponse;
  return serveClient({ method: "GET", url, headers: {} } as IncomingMessage, res, root);
}

describe("serveClient", () => {
  it("serves index.html at / and for links with a code, revalidated every time", async () => {
    for (const url of ["/", "/?code=ABC234"]) {
      const r = await get(url);
      expect(r.status).toBe(200);
      expect(r.headers["content-type"]).toContain("text/html");
      expect(r.headers["cache-control"]).toBe("no-cache");
      const again = await get(url, { "if-none-match": String(r.headers.etag) });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
    }
  });

  it("sends brotli to a browser that takes it, gzip to one that takes only gzip, plain otherwise", async () => {
    const br = await get("/assets/app-1234.js", { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.body.length).toBeLessThan(APP.length / 5);
    expect(brotliDecompressSync(br.body).toString()).toBe(APP);
    const gz = await get("/assets/app-1234.js", { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe(APP);
    const plain = await get("/assets/app-1234.js", { "accept-encoding": "identity" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(APP);
    const refused = await get("/assets/app-1234.js", { "accept-encoding": "br;q=0, gzip" });
    expect(refused.headers["content-encoding"]).toBe("gzip");
    for (const r of [br, gz, plain]) {
      expect(r.headers["content-type"]).toBe("text/javascript; charset=utf-8");
      expect(r.headers.vary).toBe("Accept-Encoding");
      expect(r.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(Number(r.headers["content-length"])).toBe(r.body.length);
    }
  });

  it("sends files without a compressed version as they are, with no Vary", async () => {
    const png = await get("/assets/logo-1.png", { "accept-encoding": "br, gzip" });
    expect(png.headers["content-type"]).toBe("image/png");
    expect(png.headers["content-encoding"]).toBeUndefined();
    expect(png.headers.vary).toBeUndefined();
  });

  it("does not serve the .br and .gz files' bytes as if they were the file", async () => {
    const r = await get("/assets/app-1234.js.br");
    expect(r.headers["content-type"]).toBe("application/octet-stream");
    expect(r.headers["content-encoding"]).toBeUndefined();
  });

  it("closes the file when a client leaves mid-download (no file handle left open)", async () => {
    const openOnBig = () =>
      readdirSync("/proc/self/fd").filter((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`) === BIG;
        } catch {
          return false; // closed while we looked
        }
      }).length;
    await new Promise<void>((resolve, reject) => {
      const req = httpGet({ host: "127.0.0.1", port, path: "/assets/map-1.png" }, (res) => {
        res.once("data", () => {
          expect(openOnBig()).toBe(1); // the server is still reading it
          req.destroy();
          resolve();
        });
      }).on("error", (e) => ((e as NodeJS.ErrnoException).code === "ECONNRESET" ? undefined : reject(e)));
    });
    await until(() => openOnBig() === 0);
  });

  it("leaves unknown paths and escapes to the next handler", () => {
    expect(handled("/api/rooms")).toBe(false);
    expect(handled("/../secret.txt")).toBe(false);
    expect(handled("/%2e%2e/secret.txt")).toBe(false);
    expect(handled("/assets/../../secret.txt")).toBe(false);
  });
});

describe("acceptedEncodings", () => {
  it("reads tokens and q-values", () => {
    expect([...acceptedEncodings("gzip, deflate, br")]).toEqual(["gzip", "deflate", "br"]);
    expect([...acceptedEncodings("br;q=0, gzip;q=0.5")]).toEqual(["gzip"]);
    expect(acceptedEncodings("*").has("br")).toBe(true);
    expect(acceptedEncodings(undefined).size).toBe(0);
  });
});
