/**
 * Where students reach this server: the address the join link and the QR code carry. A teacher often
 * opens the game on the machine that runs it (http://localhost:2567), and a link to localhost sent to
 * thirty phones reaches none of them. In order:
 *   1. PUBLIC_URL, when the operator configured one (a reverse proxy, a DNS name, https);
 *   2. the address the teacher's own browser used, when it is not a loopback one (it already works);
 *   3. the machine's LAN address (its first non-internal IPv4, virtual bridges last) with the port;
 *   4. only when the machine has no network at all, the loopback address it was reached on (no one
 *      else could reach it anyway; `source` says so, and the projector warns).
 * Pure: the interfaces and the environment are passed in, so the tests choose them.
 */
import type { IncomingMessage } from "node:http";
import { networkInterfaces } from "node:os";

/** One address of a network interface, as os.networkInterfaces() lists it. */
export interface InterfaceAddress {
  address: string;
  family: string | number;
  internal: boolean;
}

export type Interfaces = Record<string, InterfaceAddress[] | undefined>;

export interface JoinAddress {
  /** scheme://host[:port], no trailing slash. */
  origin: string;
  /** The path students open when PUBLIC_URL has one ("/atlas/"); null: the page's own path. */
  path: string | null;
  source: "configured" | "request" | "lan" | "loopback";
}

export interface JoinAddressInput {
  /** PUBLIC_URL, as configured (unset or empty: none). */
  publicUrl: string | undefined;
  /** The Host header of the request that asks (the address the teacher's browser used). */
  requestHost: string | undefined;
  /** The port this server was reached on. */
  port: number;
  interfaces: Interfaces;
}

/** Docker, libvirt and VPN bridges: reachable from this machine only, so tried after real interfaces. */
const VIRTUAL = /^(docker|br-|veth|virbr|vmnet|vboxnet|tun|tap|wg|utun|lxc|cni|flannel|podman)/i;

/** Names and addresses that mean "this machine" to whoever types them. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return (
    h === "localhost" ||
    h.endsWith(".localhost") ||
    h === "::1" ||
    h === "0.0.0.0" ||
    h === "::" ||
    /^127\./.test(h) ||
    /^::ffff:127\./.test(h)
  );
}

/** The first non-internal IPv4 address, real interfaces before virtual bridges; null when there is none. */
export function lanAddress(interfaces: Interfaces): string | null {
  const names = Object.keys(interfaces);
  const ordered = [...names.filter((n) => !VIRTUAL.test(n)), ...names.filter((n) => VIRTUAL.test(n))];
  for (const name of ordered) {
    for (const a of interfaces[name] ?? []) {
      // Node 18.0–18.3 said family 4, later ones "IPv4".
      const v4 = a.family === "IPv4" || a.family === 4;
      if (v4 && !a.internal && !a.address.startsWith("169.254.")) return a.address;
    }
  }
  return null;
}

/** PUBLIC_URL as an origin and a path; null when it is not an http(s) URL. */
function configured(raw: string): JoinAddress | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  const path = url.pathname === "/" ? null : url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  return { origin: url.origin, path, source: "configured" };
}

export function joinAddress(input: JoinAddressInput): JoinAddress {
  const fromEnv = input.publicUrl ? configured(input.publicUrl.trim()) : null;
  if (fromEnv) return fromEnv;
  const host = input.requestHost?.trim() ?? "";
  const hostname = host.replace(/:\d+$/, "");
  if (host && !isLoopbackHost(hostname)) return { origin: `http://${host}`, path: null, source: "request" };
  const lan = lanAddress(input.interfaces);
  if (lan) return { origin: `http://${lan}:${input.port}`, path: null, source: "lan" };
  return { origin: `http://${host || `127.0.0.1:${input.port}`}`, path: null, source: "loopback" };
}

/** The answer to GET /api/join-address for this request, from this machine's interfaces and PUBLIC_URL. */
export function joinAddressFor(req: IncomingMessage, env: NodeJS.ProcessEnv = process.env): JoinAddress {
  return joinAddress({
    publicUrl: env.PUBLIC_URL,
    requestHost: req.headers.host,
    port: req.socket.localPort ?? Number(env.PORT ?? 2567),
    interfaces: networkInterfaces(),
  });
}
