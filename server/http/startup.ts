/**
 * What the server prints once it listens: where it runs, and where students join, the same address the
 * teacher's join link and QR code carry (http/joinAddress.ts: PUBLIC_URL, else this machine's LAN
 * address), so that whoever starts it sees at once what the class will open.
 */
import { networkInterfaces } from "node:os";
import { isLoopbackHost, joinAddress, type Interfaces } from "./joinAddress.ts";

export function startupLines(
  options: { host: string; port: number },
  publicUrl: string | undefined,
  interfaces: Interfaces = networkInterfaces(),
): string[] {
  const local = options.host === "0.0.0.0" || options.host === "::" ? "localhost" : options.host;
  const lines = [`Hashrate Atlas server on http://${local}:${options.port}`];
  // No request yet: the address a teacher on this machine would get (a loopback Host).
  const students = joinAddress({ publicUrl, requestHost: undefined, port: options.port, interfaces });
  const at = `${students.origin}${students.path ?? "/"}`;
  const loopbackOnly = isLoopbackHost(options.host) && options.host !== "0.0.0.0" && options.host !== "::";
  if (students.source === "configured") lines.push(`Students join at ${at} (PUBLIC_URL)`);
  else if (loopbackOnly)
    lines.push(`Listening on ${options.host} only: other machines cannot join (HOST=0.0.0.0 opens it)`);
  else if (students.source === "lan")
    lines.push(`Students join at ${at} (this machine's LAN address; set PUBLIC_URL to change it)`);
  else lines.push(`No network found: students cannot reach ${at}; connect this machine or set PUBLIC_URL`);
  return lines;
}
