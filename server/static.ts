/**
 * Serves the built client (client/dist, from `npm run build:client`) on the game's port: hashed assets
 * cached for a year, index.html never cached, no path outside the folder. Without a build, the plain
 * landing page stands in.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { decodeSegment, requestUrl } from "./http/respond.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
};

export function clientDir(): string {
  return resolve(import.meta.dirname, "../client/dist");
}

/** Answers a GET for a file of the built client; false when there is no build or no such file. */
export function serveClient(req: IncomingMessage, res: ServerResponse, root = clientDir()): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  if (!existsSync(join(root, "index.html"))) return false;
  // A malformed address ("/%") throws BadRequest here, which the HTTP guard answers with 400.
  const url = requestUrl(req);
  const wanted = url.pathname === "/" ? "/index.html" : decodeSegment(url.pathname);
  const file = normalize(join(root, wanted));
  if (!file.startsWith(root + sep)) return false; // ../ escapes
  if (!existsSync(file) || !statSync(file).isFile()) return false;
  const immutable = wanted.startsWith("/assets/");
  res.writeHead(200, {
    "content-type": TYPES[extname(file)] ?? "application/octet-stream",
    "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
  });
  res.end(req.method === "HEAD" ? undefined : readFileSync(file));
  return true;
}
