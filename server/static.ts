/**
 * Serves the built client on the game's port: hashed assets cached for a year, index.html revalidated
 * on every load (ETag, 304 when unchanged), no path outside the folder. `npm run build` writes a .br
 * and a .gz beside each text file; a browser that takes one of them gets it (brotli first), with
 * `Vary: Accept-Encoding` so caches keep the versions apart. Without a build, the plain landing page
 * stands in.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { pipeline } from "node:stream";
import { decodeSegment, requestUrl } from "./http/respond.ts";
import { log } from "./log.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
};

/** Precompressed versions, in the order we prefer them, with their file suffix. */
const ENCODINGS = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
] as const;

/**
 * The built client: dist/public beside the bundled server (dist/server/main.js, `npm run build`), else
 * client/dist beside the sources (tsx server/main.ts, the tests).
 */
export function clientDir(): string {
  const bundled = resolve(import.meta.dirname, "../public");
  return existsSync(join(bundled, "index.html")) ? bundled : resolve(import.meta.dirname, "../client/dist");
}

/** The content codings an Accept-Encoding header allows (q=0 refuses one; "*" allows any). */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? "").split(",")) {
    const [token = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (token && (q === undefined || Number(q) > 0)) accepted.add(token);
  }
  if (accepted.has("*")) for (const e of ENCODINGS) accepted.add(e.name);
  return accepted;
}

/** The file to send for `file`: its best precompressed version the client accepts, or itself. */
function pick(file: string, acceptEncoding: string | undefined): { path: string; encoding?: string } {
  const accepted = acceptedEncodings(acceptEncoding);
  const found = ENCODINGS.find((e) => accepted.has(e.name) && existsSync(file + e.suffix));
  return found ? { path: file + found.suffix, encoding: found.name } : { path: file };
}

/** The file under `root` a GET asks for, or null (no such file, or a path that leaves the folder). */
function fileFor(req: IncomingMessage, root: string): { file: string; wanted: string } | null {
  // A malformed address ("/%") throws BadRequest here, which the HTTP guard answers with 400.
  const url = requestUrl(req);
  const wanted = url.pathname === "/" ? "/index.html" : decodeSegment(url.pathname);
  const file = normalize(join(root, wanted));
  if (!file.startsWith(root + sep)) return null; // ../ escapes
  if (!existsSync(file) || !statSync(file).isFile()) return null;
  return { file, wanted };
}

/** Answers a GET for a file of the built client; false when there is no build or no such file. */
export function serveClient(req: IncomingMessage, res: ServerResponse, root = clientDir()): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  if (!existsSync(join(root, "index.html"))) return false;
  const found = fileFor(req, root);
  if (!found) return false;
  const { path, encoding } = pick(found.file, req.headers["accept-encoding"]);
  const stat = statSync(path);
  const etag = `W/"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}${encoding ? `-${encoding}` : ""}"`;
  const headers: OutgoingHttpHeaders = {
    "content-type": TYPES[extname(found.file)] ?? "application/octet-stream",
    "cache-control": found.wanted.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
    etag,
    ...(existsSync(found.file + ENCODINGS[0].suffix) || existsSync(found.file + ENCODINGS[1].suffix)
      ? { vary: "Accept-Encoding" }
      : {}),
    ...(encoding ? { "content-encoding": encoding } : {}),
  };
  if (req.headers["if-none-match"] === etag) {
    res.writeHead(304, headers);
    res.end();
    return true;
  }
  res.writeHead(200, { ...headers, "content-length": stat.size });
  if (req.method === "HEAD") res.end();
  else send(path, res);
  return true;
}

/**
 * Streamed, not read whole: a synchronous read of the bundle would hold up every game's tick. pipeline,
 * not pipe: a client that goes away mid-download must close the file too, or each dropped download on a
 * flaky classroom network would hold a file handle for the life of the process.
 */
function send(path: string, res: ServerResponse): void {
  pipeline(createReadStream(path), res, (e) => {
    // A client that left is not worth a line; a file that cannot be read is.
    if (e && (e as NodeJS.ErrnoException).code !== "ERR_STREAM_PREMATURE_CLOSE")
      log().warn({ err: e, path }, "static file could not be sent");
  });
}
