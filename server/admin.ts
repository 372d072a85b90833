/**
 * The Colyseus monitor (an Express app) under /colyseus, reachable only with the admin secret
 * (HTTP basic auth, user "admin"). Without ADMIN_SECRET set it is not mounted at all.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { monitor } from "@colyseus/monitor";
import express from "express";
import { secretMatches, hashSecret } from "./game/codes.ts";

export function adminHandler(adminSecret: string | undefined) {
  if (!adminSecret) return null;
  const hash = hashSecret(adminSecret);
  const app = express();
  app.use("/colyseus", (req, res, next) => {
    const header = req.headers.authorization ?? "";
    const [, encoded] = header.split(" ");
    const [user, pass] = Buffer.from(encoded ?? "", "base64")
      .toString()
      .split(":");
    if (user === "admin" && secretMatches(pass, hash)) return next();
    res.setHeader("WWW-Authenticate", 'Basic realm="Hashrate Atlas admin"');
    res.status(401).send("the monitor needs the admin secret");
  });
  app.use("/colyseus", monitor());
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (!req.url?.startsWith("/colyseus")) return false;
    app(req as express.Request, res as express.Response);
    return true;
  };
}
