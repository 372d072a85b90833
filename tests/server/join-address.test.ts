/**
 * The address a join link carries (issue #12 §2): PUBLIC_URL when configured, else the address the
 * teacher's browser used unless it is loopback, else the machine's LAN address with the port — never
 * localhost while the machine has a network. The choice is a pure function of the interfaces and the
 * environment; one real server answers GET /api/join-address with its PUBLIC_URL.
 */
import { afterAll, describe, expect, it } from "vitest";
import { isLoopbackHost, joinAddress, lanAddress, type Interfaces } from "../../server/http/joinAddress.ts";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";

const lo = { address: "127.0.0.1", family: "IPv4", internal: true };
const lo6 = { address: "::1", family: "IPv6", internal: true };
const v4 = (address: string) => ({ address, family: "IPv4", internal: false });
const v6 = (address: string) => ({ address, family: "IPv6", internal: false });

const laptop: Interfaces = {
  lo: [lo, lo6],
  docker0: [v4("172.17.0.1")],
  wlp2s0: [v6("fe80::1"), v4("192.168.1.23")],
};

const ask = (over: Partial<Parameters<typeof joinAddress>[0]> = {}) =>
  joinAddress({
    publicUrl: undefined,
    requestHost: "localhost:2567",
    port: 2567,
    interfaces: laptop,
    ...over,
  });

describe("the join address", () => {
  it("is the LAN address with the server's port when the teacher opened localhost", () => {
    expect(ask()).toEqual({ origin: "http://192.168.1.23:2567", path: null, source: "lan" });
    expect(ask({ requestHost: "127.0.0.1:2567" }).origin).toBe("http://192.168.1.23:2567");
    expect(ask({ requestHost: "[::1]:2567" }).origin).toBe("http://192.168.1.23:2567");
    expect(ask({ requestHost: undefined, port: 8080 }).origin).toBe("http://192.168.1.23:8080");
  });

  it("prefers a configured PUBLIC_URL, keeping its scheme and path", () => {
    expect(ask({ publicUrl: "https://atlas.school.example/" })).toEqual({
      origin: "https://atlas.school.example",
      path: null,
      source: "configured",
    });
    expect(ask({ publicUrl: " https://school.example/atlas " })).toEqual({
      origin: "https://school.example",
      path: "/atlas/",
      source: "configured",
    });
    // Not an http(s) URL: ignored rather than put in a QR code nobody can open.
    expect(ask({ publicUrl: "atlas.school.example" }).source).toBe("lan");
    expect(ask({ publicUrl: "ftp://x.example/" }).source).toBe("lan");
    expect(ask({ publicUrl: "" }).source).toBe("lan");
  });

  it("keeps the address the teacher's browser used when others can reach it too", () => {
    expect(ask({ requestHost: "192.168.1.23:2567" })).toEqual({
      origin: "http://192.168.1.23:2567",
      path: null,
      source: "request",
    });
    expect(ask({ requestHost: "teacher-pc.local:2567" }).origin).toBe("http://teacher-pc.local:2567");
  });

  it("takes real interfaces before virtual bridges, and skips link-local and IPv6 addresses", () => {
    expect(lanAddress(laptop)).toBe("192.168.1.23");
    expect(lanAddress({ lo: [lo], docker0: [v4("172.17.0.1")] })).toBe("172.17.0.1");
    expect(lanAddress({ eth0: [v4("169.254.3.4"), v4("10.0.0.7")] })).toBe("10.0.0.7");
    expect(lanAddress({ eth0: [{ address: "10.1.2.3", family: 4, internal: false }] })).toBe("10.1.2.3");
    expect(lanAddress({ lo: [lo, lo6], eth0: [v6("2001:db8::1")] })).toBeNull();
  });

  it("says loopback only when the machine has no network at all", () => {
    expect(ask({ interfaces: { lo: [lo] } })).toEqual({
      origin: "http://localhost:2567",
      path: null,
      source: "loopback",
    });
  });

  it("knows the names of this machine", () => {
    for (const h of ["localhost", "app.localhost", "127.0.0.1", "127.1.2.3", "[::1]", "::1", "0.0.0.0"])
      expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ["192.168.1.23", "school.example", "[fe80::1]", "10.0.0.127"])
      expect(isLoopbackHost(h), h).toBe(false);
  });
});

describe("GET /api/join-address", () => {
  let server: TestServer | null = null;
  afterAll(async () => {
    await server?.stop();
    if (server) cleanup(server);
  });

  it("answers the configured PUBLIC_URL", async () => {
    server = await startTestServer(2781, undefined, { PUBLIC_URL: "https://atlas.school.example/class/" });
    const r = await fetch(`${server.url}/api/join-address`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({
      origin: "https://atlas.school.example",
      path: "/class/",
      source: "configured",
    });
  });
});
