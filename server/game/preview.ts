/**
 * Previews: the engine's verdict (validate) and quote for a candidate command, or the shop's catalogue,
 * without changing the game. Thin on purpose: every figure comes from a shared engine function — the
 * same ones the commands charge by — so a preview and the command that follows cannot disagree.
 */
import { parseCommand, validate, type EngineCaches } from "../../shared/index.ts";
import { leaseSetupCents } from "../../shared/engine/commands/leaseCapacity.ts";
import { quoteSale } from "../../shared/engine/commands/lots.ts";
import { quoteOrder } from "../../shared/engine/commands/orderMachines.ts";
import type { Command, CommandOf } from "../../shared/engine/commands/schema.ts";
import { quoteBuyUsed } from "../../shared/engine/commands/trade.ts";
import type { Rejection } from "../../shared/engine/commands/errors.ts";
import { breakevenPowerPrice, powerSupply } from "../../shared/engine/economics.ts";
import { leasedKw, lotModel, modelOf, usedLeaseKw } from "../../shared/engine/fleet.ts";
import { quoteShipment } from "../../shared/engine/logistics/ship.ts";
import type { ShipmentQuote } from "../../shared/engine/logistics/quote.ts";
import { usedBidUnitCents, usedValueUnitCents } from "../../shared/engine/market.ts";
import { freeKw, powerPriceToday, regionIndex, uptimeToday } from "../../shared/engine/regions.ts";
import { shopCatalogue } from "../../shared/engine/shop.ts";
import { pricedWithPremium } from "../../shared/engine/siteRates.ts";
import type { GameState } from "../../shared/engine/state.ts";
import { formatIsoDate } from "../../shared/math/calendar.ts";
import { satsValueCents } from "../../shared/math/money.ts";
import type { PreviewQuote, PreviewReply, PreviewRequest, ShipQuote } from "../../shared/protocol/index.ts";
import { SHIPPING_MODES } from "../../shared/scenario/types.ts";

export type PreviewAnswer = { reply: Omit<PreviewReply, "ref"> } | { malformed: Rejection };

/** Answers a preview as the company in `seat`. Reads the state only (through the game's caches). */
export function preview(
  state: GameState,
  seat: string,
  request: PreviewRequest,
  caches: EngineCaches,
): PreviewAnswer {
  const company = state.companies.find((c) => c.id === seat);
  if (request.kind === "shop") {
    return {
      reply: {
        ok: true,
        quote: { kind: "shop", cashCents: company?.cashCents ?? 0, ...shopCatalogue(state, caches) },
      },
    };
  }
  const parsed = parseCommand(request.command);
  if (!parsed.ok) return { malformed: parsed.error };
  const actor = { kind: "company" as const, companyId: seat };
  const error = validate(state, actor, parsed.command, caches);
  const quote = quoteOf(state, seat, parsed.command, caches);
  return {
    reply: { ok: error === null, ...(error ? { error } : {}), ...(quote ? { quote } : {}) },
  };
}

/** The quote for a command by its type, when it has one (and only for the company's own lots). */
function quoteOf(
  state: GameState,
  seat: string,
  cmd: Command,
  caches: EngineCaches,
): PreviewQuote | undefined {
  switch (cmd.type) {
    case "orderMachines":
      return orderQuote(state, cmd, caches);
    case "shipLot":
      return ownsLot(state, seat, cmd.lot) ? shipQuotes(state, seat, cmd, caches) : undefined;
    case "leaseCapacity":
      return leaseQuote(state, seat, cmd, caches);
    case "releaseCapacity":
      return regionIndex(state, cmd.region, caches) < 0
        ? undefined
        : {
            kind: "release",
            region: cmd.region,
            leasedKw: leasedKw(state, seat, cmd.region),
            usedKw: usedLeaseKw(state, seat, cmd.region, caches),
          };
    case "sellMachines": {
      const lot = ownsLot(state, seat, cmd.lot);
      if (!lot) return undefined;
      const unitCents = usedBidUnitCents(state, lotModel(state, lot, caches));
      return { kind: "sale", unitCents, totalCents: quoteSale(state, lot, cmd.quantity, caches) };
    }
    case "buyUsed": {
      const q = quoteBuyUsed(state, cmd, caches);
      return q ? { kind: "used", ...q } : undefined;
    }
    case "sellBtc": {
      const priceCents = state.market.priceCents;
      return { kind: "btc", sats: cmd.sats, priceCents, cents: satsValueCents(cmd.sats, priceCents) };
    }
    case "offerLot": {
      const lot = ownsLot(state, seat, cmd.lot);
      if (!lot) return undefined;
      const model = lotModel(state, lot, caches);
      return {
        kind: "offer",
        marketCents: usedValueUnitCents(state, model) * cmd.quantity,
        bidCents: usedBidUnitCents(state, model) * cmd.quantity,
      };
    }
    case "installLot":
    case "powerLot":
    case "setSellRatio":
    case "setPayout":
    case "respondOffer":
    case "cancelOffer":
    case "injectEvent":
      return undefined;
  }
}

function ownsLot(state: GameState, seat: string, id: string) {
  const lot = state.lots.find((l) => l.id === id);
  return lot && lot.owner === seat ? lot : undefined;
}

function orderQuote(
  state: GameState,
  cmd: CommandOf<"orderMachines">,
  caches: EngineCaches,
): PreviewQuote | undefined {
  const q = quoteOrder(state, cmd, caches);
  const model = modelOf(state, cmd.model, caches);
  if (!q || !model) return undefined;
  return {
    kind: "order",
    factory: q.factory,
    origin: q.origin,
    unitCents: q.unitCents,
    totalCents: q.totalCents,
    leadDays: q.readyDay - state.day,
    readyDate: formatIsoDate(q.readyDay),
    breakevenMicroUsdPerKwh: breakevenPowerPrice(state, model.efficiencyJPerTh),
  };
}

/** Every mode to the same destination: each judged by validate (as that command) and quoted. */
function shipQuotes(
  state: GameState,
  seat: string,
  cmd: CommandOf<"shipLot">,
  caches: EngineCaches,
): PreviewQuote {
  const actor = { kind: "company" as const, companyId: seat };
  return {
    kind: "ship",
    modes: SHIPPING_MODES.map((mode) => {
      const error = validate(state, actor, { ...cmd, mode }, caches);
      const quoted = quoteShipment(
        state,
        {
          lotId: cmd.lot,
          to: cmd.to,
          mode,
          insured: cmd.insured,
          quantity: cmd.quantity,
        },
        caches,
      );
      return {
        mode,
        ok: error === null,
        ...(error ? { error } : {}),
        ...(quoted.ok ? { quote: wireShip(quoted.quote) } : {}),
      };
    }),
  };
}

function wireShip(q: ShipmentQuote): ShipQuote {
  const { departDay: _d, arriveDay, customsDay, ...rest } = q;
  return { ...rest, arriveDate: formatIsoDate(arriveDay), customsDate: formatIsoDate(customsDay) };
}

function leaseQuote(
  state: GameState,
  seat: string,
  cmd: CommandOf<"leaseCapacity">,
  caches: EngineCaches,
): PreviewQuote | undefined {
  const r = regionIndex(state, cmd.region, caches);
  const spec = state.scenario.regions[r];
  const region = state.world.regions[r];
  if (!spec || !region) return undefined;
  // The supply this lease would have: what the engine bills for a lease taken this way.
  const supply = powerSupply(
    { leases: [{ region: spec.id, kw: cmd.kw, renewable: cmd.renewable ?? false }] },
    spec,
  );
  const grid = powerPriceToday(state, r, caches);
  return {
    kind: "lease",
    region: spec.id,
    kw: cmd.kw,
    policy: region.policy,
    setupCents: leaseSetupCents(spec, cmd.kw),
    hostingCentsPerKwMonth: spec.hostingCentsPerKwMonth,
    powerMicroUsdPerKwh: pricedWithPremium(grid, supply.premiumBps),
    gridMicroUsdPerKwh: grid,
    carbonGPerKwh: supply.carbonGPerKwh,
    renewableOption: spec.renewable,
    uptimePct: uptimeToday(state, r, caches) * 100,
    freeKw: Math.floor(freeKw(region)),
    leasedKw: leasedKw(state, seat, spec.id),
    usedKw: usedLeaseKw(state, seat, spec.id, caches),
    moratoriumUntil: region.moratoriumUntil > state.day ? formatIsoDate(region.moratoriumUntil) : null,
  };
}
