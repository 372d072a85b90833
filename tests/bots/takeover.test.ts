/**
 * A bot takes over a seat mid-game: the company already has machines installed in Texas and in Irkutsk,
 * a lot waiting in Iran's warehouse, a lease and an order at the factory. The bots play on from there
 * through a ban on Irkutsk with no warning and a ban announced for Texas with thirty days' grace.
 */
import { describe, expect, it } from "vitest";
import { applyCommand, type Command } from "../../shared/index.ts";
import type { GameState } from "../../shared/engine/state.ts";
import { runBots } from "./run.ts";

const p1 = { kind: "company" as const, companyId: "p1" };

function must(state: GameState, cmd: Command, actor: Parameters<typeof applyCommand>[1] = p1): void {
  const res = applyCommand(state, actor, cmd);
  if (!res.ok) throw new Error(`${JSON.stringify(cmd)}: ${res.error.message.en}`);
}

/**
 * The seat's history before the bot arrives (tick 0 and 1), a sudden ban on Irkutsk (tick 360; the
 * scenario's own 2025 ban stops only part of Russia, which leaves players' lots running) and the Texas
 * ban (announced at tick 400).
 */
function script(state: GameState): void {
  if (state.tick === 0) {
    must(state, { type: "buyUsed", model: "s21", quantity: 300, region: "us-texas" });
    must(state, { type: "leaseCapacity", region: "us-texas", kw: 1100 });
    must(state, { type: "buyUsed", model: "s19-xp", quantity: 200, region: "ru-irkutsk" });
    must(state, { type: "leaseCapacity", region: "ru-irkutsk", kw: 700 });
    must(state, { type: "buyUsed", model: "s19j-pro", quantity: 150, region: "ir-iran" });
    must(state, { type: "orderMachines", model: "s21", quantity: 200 });
    must(state, { type: "setSellRatio", ratioBps: 0 });
  }
  if (state.tick === 1) {
    for (const lot of state.lots.filter((l) => l.owner === "p1" && l.status === "stored")) {
      if (lot.location.kind === "region" && lot.location.region !== "ir-iran") {
        must(state, { type: "installLot", lot: lot.id, region: lot.location.region });
      }
    }
  }
  if (state.tick === 360) {
    must(
      state,
      { type: "injectEvent", template: "ban", targets: ["ru-irkutsk"], params: { graceDays: 0 } },
      { kind: "host" },
    );
  }
  if (state.tick === 400) {
    must(
      state,
      { type: "injectEvent", template: "ban", targets: ["us-texas"], params: { graceDays: 30 } },
      { kind: "host" },
    );
  }
}

describe("a bot takes over a seat with a fleet", () => {
  const seats = ["efficiency", "cautious", "cheap-power", "trader"];
  const r = runBots("tariffs-2025", 3, seats, { onDay: script, botsFrom: 2 });

  it("keeps the company alive and mining, with legal, sensible commands", () => {
    for (const c of r.companies) {
      expect(c.bankrupt, `${c.id} ${c.strategy}`).toBe(false);
      expect(c.minedSats, `${c.id} ${c.strategy} mined`).toBeGreaterThan(0);
      expect(c.equityCents, `${c.id} ${c.strategy} equity`).toBeGreaterThan(0);
    }
    expect(r.losingPurchases).toEqual([]);
    expect(r.bannedShipments).toEqual([]);
    expect(r.rejections.length / r.commands).toBeLessThan(0.05);
  });

  it("switches off at once under Irkutsk's sudden ban and leaves nothing running under either ban", () => {
    expect(r.state.world.regions.find((x) => x.id === "ru-irkutsk")?.policy).toBe("banned");
    expect(r.runningUnderBan).toEqual([]);
  });

  it("moves its machines out of Texas before the announced ban takes effect", () => {
    const texas = r.state.world.regions.find((x) => x.id === "us-texas");
    expect(texas?.policy).toBe("banned");
    const left = r.state.lots.filter((l) => l.location.kind === "region" && l.location.region === "us-texas");
    expect(left).toEqual([]);
    expect(r.state.companies[0]?.leases.find((l) => l.region === "us-texas")).toBeUndefined();
  });
});

describe("a seat taken over with its cash already spent on an order", () => {
  it("ships, leases and installs the order with what is left, and stays solvent", () => {
    const r = runBots("sandbox", 5, ["efficiency", "trader"], {
      days: 300,
      onDay: (state) => {
        const c = state.companies[0];
        if (state.tick !== 0 || !c) return;
        must(state, {
          type: "orderMachines",
          model: "s21",
          quantity: Math.floor((c.cashCents * 0.9) / 360_000),
        });
      },
    });
    expect(r.companies[0]?.bankrupt).toBe(false);
    expect(r.companies[0]?.minedSats).toBeGreaterThan(0);
    const installed = r.state.lots.filter((l) => l.owner === "p1" && l.status === "installed");
    expect(installed.length).toBeGreaterThan(0);
    expect(r.rejections.length / Math.max(1, r.commands)).toBeLessThan(0.05);
  });
});
