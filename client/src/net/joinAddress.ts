/**
 * The address a join link and its QR code carry: the server's answer (GET /api/join-address: PUBLIC_URL,
 * else the address the page was opened at unless that is localhost, else the machine's LAN address),
 * asked once per page. Until it answers, or if it cannot, the page's own address stands in.
 */
import { joinLink } from "./http.ts";

export interface JoinAddress {
  origin: string;
  /** The path to open when the configured public URL has one; null: the page's own path. */
  path: string | null;
  source: "configured" | "request" | "lan" | "loopback" | "page";
}

let asked: Promise<JoinAddress> | null = null;

function isJoinAddress(x: unknown): x is JoinAddress {
  const a = x as Partial<JoinAddress> | null;
  return !!a && typeof a.origin === "string" && /^https?:\/\//.test(a.origin);
}

/** The page's own address: what a link would say without the server's help. */
function pageAddress(): JoinAddress {
  return { origin: location.origin, path: null, source: "page" };
}

/** The server's answer, asked once; the page's own address when it cannot say. */
export function joinAddress(): Promise<JoinAddress> {
  asked ??= fetch("/api/join-address", { cache: "no-store" })
    .then((r) => (r.ok ? r.json() : null))
    .then((a: unknown) => (isJoinAddress(a) ? a : pageAddress()))
    .catch(() => pageAddress());
  return asked;
}

/** The join link of `code` at `address` (a page at `pathname` when the address names no path). */
export function joinLinkAt(address: JoinAddress, pathname: string, code: string): string {
  return joinLink(address.origin, address.path ?? pathname, code);
}
