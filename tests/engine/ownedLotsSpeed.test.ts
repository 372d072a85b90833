/**
 * A loan's collateral lots found through the lot table (loans.ts ownedLots with the caches) are the
 * lots the plain filter finds, in the state's order: ids missing, given twice, or of another company's
 * lots included; and still so after lots are added to the list and the same list of ids is asked again.
 * The collateral's one-pass value (collateralCents with the caches) is the plain sum's, to the cent, and
 * the table's model of a lot (modelAt, which it reads) is modelOf's.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EngineCaches } from "../../shared/engine/caches.ts";
import { collateralCents, lotsValueCents, ownedLots } from "../../shared/engine/loans.ts";
import { modelOf } from "../../shared/engine/fleet.ts";
import { lotTable } from "../../shared/engine/lotFacts.ts";
import { satsValueCents } from "../../shared/math/money.ts";
import type { Company, Lot } from "../../shared/engine/state.ts";
import { newGame } from "../helpers/game.ts";

describe("ownedLots through the lot table", () => {
  it("finds what the filter finds, in the same order", () => {
    const g = newGame("sandbox", 1, 3);
    const companies = g.companies as Company[];
    const lot = (i: number, owner: string): Lot => ({
      ...(g.lots[0] as Lot),
      id: `lot-t${i}`,
      owner,
      quantity: 1 + i,
    });
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 2 }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat({ max: 45 }), { maxLength: 30 }),
        fc.nat({ max: 2 }),
        (owners, picks, who) => {
          const state = structuredClone(g);
          state.lots = owners.map((o, i) => lot(i, (companies[o] as Company).id));
          const company = state.companies[who] as Company;
          // Ids of lots that exist and of some that do not (t40+), some twice.
          const ids = picks.map((p) => `lot-t${p}`);
          const caches = new EngineCaches();
          expect(ownedLots(state, company, ids, caches)).toEqual(ownedLots(state, company, ids));
          state.lots.push(lot(41, company.id), lot(42, company.id));
          expect(ownedLots(state, company, ids, caches)).toEqual(ownedLots(state, company, ids));
        },
      ),
      { numRuns: 200, seed: 16 },
    );
  });

  it("values collateral in one pass as lotsValueCents of the filtered lots does, to the cent", () => {
    const g = newGame("sandbox", 1, 3);
    const companies = g.companies as Company[];
    const models = g.scenario.asics.map((m) => m.id);
    fc.assert(
      fc.property(
        fc.array(fc.record({ owner: fc.nat({ max: 2 }), model: fc.nat({ max: models.length - 1 }) }), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.array(fc.nat({ max: 45 }), { maxLength: 30 }),
        fc.nat({ max: 2 }),
        (made, picks, who) => {
          const state = structuredClone(g);
          state.lots = made.map((m, i) => ({
            ...(g.lots[0] as Lot),
            id: `lot-t${i}`,
            owner: (companies[m.owner] as Company).id,
            model: models[m.model] as string,
            quantity: 1 + ((i * 37) % 500),
          }));
          const company = state.companies[who] as Company;
          const ids = picks.map((p) => `lot-t${p}`);
          const caches = new EngineCaches();
          const btc = satsValueCents(Math.max(0, company.btcSats), state.market.priceCents);
          const plain = lotsValueCents(state, ownedLots(state, company, ids), new EngineCaches()) + btc;
          expect(collateralCents(state, company, ids, company.btcSats, caches)).toBe(plain);
          // Asked again with the same caches (the scratch reused): the same cents.
          expect(collateralCents(state, company, ids, company.btcSats, caches)).toBe(plain);
        },
      ),
      { numRuns: 200, seed: 17 },
    );
  });

  it("gives each lot's model as modelOf does, whether its slot is looked up, stale or never made", () => {
    const state = structuredClone(newGame("sandbox", 1, 2));
    const models = state.scenario.asics.map((m) => m.id);
    const region = state.scenario.regions[0]?.id ?? "";
    const owner = state.companies[0]?.id ?? "";
    state.lots = models
      .slice(0, 4)
      .map((model, i) => ({ id: `lot-m${i}`, model, owner, location: { kind: "region", region } }) as Lot);
    const caches = new EngineCaches();
    const table = lotTable(state, caches);
    const same = () =>
      state.lots.map((lot, i) => expect(table.modelAt(i)).toBe(modelOf(state, lot.model, caches)));
    same();
    for (let i = 0; i < 2; i++) table.sync(i);
    same();
    // A synced lot's model changed since (and a lot replaced at its position): the look-up, not the slot.
    (state.lots[0] as Lot).model = models[5] as string;
    state.lots[1] = { ...(state.lots[1] as Lot), model: models[6] as string };
    same();
    expect(table.modelAt(0)?.id).toBe(models[5]);
    expect(table.modelAt(1)?.id).toBe(models[6]);
  });
});
