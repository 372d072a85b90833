/**
 * GET /metrics: this server's Prometheus metrics (metricsRegistry.ts) in the text exposition format.
 * With METRICS_TOKEN set, only a scraper sending `Authorization: Bearer <token>` reads them (401
 * otherwise); unset, anyone who reaches the port does (keep the port private, or set the token).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Registry } from "prom-client";
import { hashSecret, secretMatches } from "../game/codes.ts";

export type MetricsHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/** Answers /metrics (returns true), or leaves the request to others (false). */
export function metricsHandler(registry: Registry, token: string | undefined): MetricsHandler {
  const hash = token ? hashSecret(token) : null;
  return (req, res) => {
    if ((req.url ?? "").split("?")[0] !== "/metrics") return false;
    const given = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ""))?.[1] ?? "";
    if (hash && !secretMatches(given, hash)) {
      res.writeHead(401, { "www-authenticate": 'Bearer realm="metrics"', "content-type": "text/plain" });
      res.end("metrics need METRICS_TOKEN as a bearer token\n");
      return true;
    }
    void registry.metrics().then(
      (text) => {
        res.writeHead(200, { "content-type": registry.contentType, "cache-control": "no-store" });
        res.end(text);
      },
      (e: unknown) => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(`metrics failed: ${e instanceof Error ? e.message : String(e)}\n`);
      },
    );
    return true;
  };
}
