/**
 * The bots' daily memo (shared/bots/world.ts), the duty shares kept across days (duties.ts), their lists of each company's lots (owned.ts), the models
 * on sale (lineup.ts) and route masks (routes.ts) are caches: each figure must equal what the engine's
 * (or econ's) own function returns at that moment, and each list what a search of the state finds.
 */
import { describe, expect, it } from "vitest";
import { applyCommand, EngineCaches, step } from "../../shared/index.ts";
import { BotCaches, decide } from "../../shared/bots/index.ts";
import { dutyShare, licenceDays, siteCosts } from "../../shared/bots/econ.ts";
import { modeMask } from "../../shared/bots/routes.ts";
import { dutyOf, factoryDutiesOf } from "../../shared/bots/duties.ts";
import {
  atRiskLotsOf,
  catalogOf,
  factoryUnitsOf,
  heldShipmentsOf,
  licenceOf,
  listCentsOf,
  lotsOf,
  siteOf,
  unsettledLotsOf,
  usedAskOf,
  worldOf,
} from "../../shared/bots/world.ts";
import { departurePlace, quoteShipment } from "../../shared/engine/logistics/ship.ts";
import {
  factoryUnitPriceCents,
  isReleased,
  madeNew,
  usedAskUnitCents,
  usedTierOf,
} from "../../shared/engine/market.ts";
import { USED_MARKET_DELAY_DAYS } from "../../shared/engine/commands/usedMachines.ts";
import { regionIndex } from "../../shared/engine/regions.ts";
import { quoteOrder } from "../../shared/engine/commands/orderMachines.ts";
import type { GameState } from "../../shared/engine/state.ts";
import { SHIPPING_MODES } from "../../shared/scenario/types.ts";
import { newGame } from "../helpers/game.ts";

const SEATS = ["efficiency", "cheap-power", "cautious", "trader"];

/** The memo the bots used today (in `bots`) against the engine's figures worked out afresh (`caches`). */
function checkWorld(state: GameState, bots: BotCaches): void {
  const w = worldOf(state, bots);
  const caches = new EngineCaches();
  const origins = new Set(state.scenario.hubs.map((h) => h.country));
  state.scenario.regions.forEach((_, r) => {
    expect(licenceOf(w, r)).toBe(licenceDays(state, r));
    for (const origin of origins) expect(dutyOf(w, r, origin)).toBe(dutyShare(state, r, origin));
    for (const renewable of [false, true])
      for (const longRun of [false, true])
        expect(siteOf(w, r, { renewable, longRun })).toEqual(
          siteCosts(state, r, { renewable, longRun }, caches),
        );
  });
  for (const model of catalogOf(w).newModels) {
    expect(listCentsOf(w, model)).toBe(factoryUnitPriceCents(state, model, caches));
    // The world's ask; a purchase pays its region's market price (tests/engine/usedMarket.test.ts).
    expect(usedAskOf(w, model.id)).toBe(usedAskUnitCents(state, model));
  }
  expect(heldShipmentsOf(w)).toEqual(state.shipments.filter((s) => s.status === "held"));
  const catalog = catalogOf(w);
  const efficiencies = [...new Set(catalog.newModels.map((a) => a.efficiencyJPerTh))];
  expect(catalog.oneByEfficiency).toEqual(
    efficiencies.map((e) => catalog.newModels.find((a) => a.efficiencyJPerTh === e)),
  );
  // New: what the factories still make (the production life); used: every released model once open.
  const onSale = state.scenario.asics.filter((a) => madeNew(state, a, state.day));
  const released = state.scenario.asics.filter((a) => isReleased(a, state.day));
  const used = released.filter((a) => a.releaseDay + USED_MARKET_DELAY_DAYS <= state.day);
  expect(catalog.newModels).toEqual(onSale);
  expect(catalog.usedModels).toEqual(used);
  expect(catalog.mostEfficient).toEqual(
    [...onSale]
      .sort((a, b) => a.efficiencyJPerTh - b.efficiencyJPerTh || a.id.localeCompare(b.id))
      .slice(0, 3),
  );
  for (const leader of catalog.tierLeaders) {
    const tier = usedTierOf(leader.efficiencyJPerTh);
    const best = Math.min(
      ...used.filter((a) => usedTierOf(a.efficiencyJPerTh) === tier).map((a) => a.efficiencyJPerTh),
    );
    expect(leader.efficiencyJPerTh).toBe(best);
  }
  expect(new Set(catalog.tierLeaders.map((a) => usedTierOf(a.efficiencyJPerTh)))).toEqual(
    new Set(used.map((a) => usedTierOf(a.efficiencyJPerTh))),
  );
  for (const c of state.companies) {
    const mine = state.lots.filter((l) => l.owner === c.id);
    expect(lotsOf(w, c.id)).toEqual(mine);
    const unsettled = (l: (typeof mine)[number]): boolean =>
      l.status !== "installed" || l.location.kind !== "region";
    // The memo is built at a company's look; its own commands after that (installing a lot) may settle
    // lots it still lists (owned.ts: harmless, it looks once a day). So: every lot that needs a look is
    // listed, and every listed lot is the company's.
    const listed = (xs: readonly (typeof mine)[number][]) => {
      for (const l of xs) expect(mine).toContain(l);
    };
    expect(unsettledLotsOf(w, c.id)).toEqual(expect.arrayContaining(mine.filter(unsettled)));
    listed(unsettledLotsOf(w, c.id));
    expect(atRiskLotsOf(w, c.id)).toEqual(
      expect.arrayContaining(
        mine.filter(
          (l) =>
            unsettled(l) ||
            (l.location.kind === "region" &&
              w.unsafe[regionIndex(state, l.location.region, caches)] === true),
        ),
      ),
    );
    listed(atRiskLotsOf(w, c.id));
  }
}

/** Every mode a quote accepts from where a lot stands is in the mask (the mask only skips refusals). */
function checkRoutes(state: GameState, bots: BotCaches): number {
  const caches = new EngineCaches();
  let checked = 0;
  for (const lot of state.lots) {
    const from = departurePlace(state, lot, caches);
    if ("code" in from) continue;
    state.scenario.regions.forEach((spec, r) => {
      const mask = modeMask(state, from, r, bots);
      SHIPPING_MODES.forEach((mode, i) => {
        const q = quoteShipment(state, { lotId: lot.id, to: spec.id, mode, insured: false }, caches);
        if (q.ok) expect(mask & (1 << i), `${lot.id} → ${spec.id} by ${mode}`).not.toBe(0);
        else if (q.error.code === "NO_ROUTE" && !(from.kind === "region" && from.region === spec.id))
          expect(mask & (1 << i), `${lot.id} → ${spec.id} by ${mode}`).toBe(0);
        checked++;
      });
    });
  }
  return checked;
}

describe("the bots' memo of the day", () => {
  it("agrees with the engine's figures through a game with bots", () => {
    const state = newGame("sandbox", 3, SEATS.length);
    const bots = new BotCaches();
    let routes = 0;
    while (!state.finished && state.tick < 500) {
      SEATS.forEach((strategy, i) => {
        const id = `p${i + 1}`;
        for (const cmd of decide(state, id, strategy, bots))
          applyCommand(state, { kind: "company", companyId: id }, cmd, bots.engine);
      });
      if (state.tick % 25 === 0) {
        checkWorld(state, bots);
        if (routes < 2000) routes += checkRoutes(state, bots);
      }
      step(state, bots.engine);
    }
    expect(routes).toBeGreaterThan(0);
  });
});

describe("the bots' factory prices within a day", () => {
  it("follow an order another seat placed earlier the same day, as the engine will charge it", () => {
    const state = newGame("sandbox", 1, 2);
    const bots = new BotCaches();
    const w = worldOf(state, bots);
    const model = catalogOf(w).newModels[0]!;
    const at = (): number => {
      const quote = quoteOrder(state, { type: "orderMachines", model: model.id, quantity: 1 }, bots.engine)!;
      const i = catalogOf(w).factories.findIndex((f) => f.hub === quote.factory);
      expect(factoryUnitsOf(w, model)[i]).toBe(quote.listCents);
      return quote.listCents;
    };
    const before = at();
    // The first seat books most of the factories' coming batches: their demand price rises.
    state.companies[0]!.cashCents = 1e15;
    const order = { type: "orderMachines" as const, model: model.id, quantity: 5_000 };
    const listNow = () =>
      quoteOrder(state, { type: "orderMachines", model: model.id, quantity: 1 }, bots.engine)!.listCents;
    for (let i = 0; i < 40 && listNow() === before; i++)
      expect(applyCommand(state, { kind: "company", companyId: "p1" }, order, bots.engine)).toEqual({
        ok: true,
      });
    // The second seat's review reads the same day's facts (the memo kept), and the dearer price.
    expect(worldOf(state, bots)).toBe(w);
    expect(at()).toBeGreaterThan(before);
  });
});

describe("the bots' duty shares, kept from day to day", () => {
  /** Each region's shares on goods from the open factories, as econ's dutyShare gives them now. */
  const fresh = (state: GameState): number[][] =>
    state.scenario.regions.map((_, r) =>
      catalogOf(worldOf(state, new BotCaches())).factories.map((f) => dutyShare(state, r, f.country)),
    );
  /** The same shares as the bots' caches, kept across days in `bots`, serve them. */
  const kept = (state: GameState, bots: BotCaches): number[][] =>
    state.scenario.regions.map((_, r) => [...factoryDutiesOf(worldOf(state, bots), r)]);

  it("follow every scheduled change of tariff, and one the host injects in the middle of a day", () => {
    const state = newGame("tariffs-2025", 4, 2);
    const bots = new BotCaches();
    let changes = 0;
    let previous = kept(state, bots);
    while (!state.finished && state.tick < 500) {
      const today = kept(state, bots);
      expect(today).toEqual(fresh(state));
      if (JSON.stringify(today) !== JSON.stringify(previous)) changes++;
      previous = today;
      step(state, bots.engine);
    }
    // The scenario's tariff events did change the shares: the table was renewed, not merely reused.
    expect(changes).toBeGreaterThan(0);

    const before = kept(state, bots);
    const injected = applyCommand(
      state,
      { kind: "host" },
      {
        type: "injectEvent",
        template: "tariff",
        targets: ["US"],
        params: { origin: "*", ratePct: 90 },
      },
      bots.engine,
    );
    expect(injected.ok).toBe(true);
    const after = kept(state, bots);
    expect(after).toEqual(fresh(state));
    expect(after).not.toEqual(before);
  });
});

describe("the bots' long-run site price", () => {
  it("is the year's average on the dated power step the engine bills (Sweden's July 2023 tax)", () => {
    const state = newGame("tariffs-2025", 5, 1);
    const caches = new EngineCaches();
    const r = state.scenario.regions.findIndex((s) => s.id === "se-north");
    const spec = state.scenario.regions[r]!;
    const step = spec.powerSteps.at(-1)!;
    expect(step.addMicroUsd).toBe(35_000); // in force from 2023-07-01, before the game starts
    const plain = spec.powerPriceMonthly.reduce((s, p) => s + p, 0) / 12;
    const longRun = siteCosts(state, r, { renewable: false, longRun: true }, caches).price;
    // The tax counts: the old average of the catalog's months alone left it out.
    expect(longRun).toBeCloseTo(plain + step.addMicroUsd, 6);
    const today = siteCosts(state, r, { renewable: false, longRun: false }, caches).price;
    expect(Math.abs(longRun - today)).toBeLessThan(1_000);
  });
});
