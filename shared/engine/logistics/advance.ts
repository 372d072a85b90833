/**
 * Each day: shipments reach their port (or are lost at sea or in the air), customs clears them at the
 * law in force that day, holds them for a licence or a ban (storage accrues), and releases them into
 * the region's warehouse, some units broken in transit. Insurance pays for what is lost or broken.
 */
import { nextFloat } from "../../math/rng.ts";
import { sampleNormal } from "../../math/random.ts";
import { usd } from "../../math/money.ts";
import { post } from "../ledger.ts";
import { lotById } from "../lotFacts.ts";
import type { Company, GameState, Lot } from "../state.ts";
import type { Shipment } from "../tradeState.ts";
import { countryOf, duties, tariffBps, vatBps } from "./customs.ts";
import type { EngineCaches } from "../caches.ts";
import { startInspection } from "./inspection.ts";
import { brokerLicenceDays } from "./landed.ts";

export function advanceShipments(state: GameState, caches: EngineCaches): void {
  for (const s of state.shipments) {
    if (s.status === "inTransit" && s.arriveDay <= state.day) arrive(state, s, caches);
    if (s.status === "atCustoms" && s.customsDay <= state.day) decide(state, s, caches);
    else if (s.status === "held") hold(state, s, caches);
  }
  // Keep finished shipments a month for the map and the log, then drop them: the state stays small.
  state.shipments = state.shipments.filter(
    (s) =>
      s.status === "inTransit" ||
      s.status === "atCustoms" ||
      s.status === "held" ||
      s.customsDay > state.day - 30,
  );
}

function parties(
  state: GameState,
  s: Shipment,
  caches: EngineCaches,
): { company: Company | undefined; lot: Lot | undefined } {
  return {
    company: state.companies.find((c) => c.id === s.owner),
    lot: lotById(state, s.lot, caches),
  };
}

function tell(state: GameState, s: Shipment, kind: string, en: string, zh: string): void {
  state.notices.push({ day: state.day, company: s.owner, kind, text: { en, zh }, targets: [s.to] });
}

function destroy(state: GameState, model: string, units: number): void {
  state.destroyedUnits[model] = (state.destroyedUnits[model] ?? 0) + units;
}

function arrive(state: GameState, s: Shipment, caches: EngineCaches): void {
  const { company, lot } = parties(state, s, caches);
  const lossBps = state.scenario.logistics.modes[s.mode].lossBps;
  if (nextFloat(state.rng.trade) * 10_000 < lossBps) {
    s.status = "lost";
    destroy(state, s.model, s.quantity);
    if (lot) state.lots = state.lots.filter((l) => l !== lot);
    if (company && s.insured) post(company, state.day, "insurancePayout", s.declaredValueCents, 0, s.id);
    const paid = s.insured ? ` Insurance pays ${usd(s.declaredValueCents)}.` : " It was not insured.";
    const paidZh = s.insured ? `保险赔付 ${usd(s.declaredValueCents)}。` : "该批货物未投保。";
    tell(
      state,
      s,
      "shipmentLost",
      `Shipment ${s.id} (${s.quantity} machines) was lost in transit.${paid}`,
      `货运 ${s.id}（${s.quantity} 台矿机）在运输中丢失。${paidZh}`,
    );
    return;
  }
  s.status = "atCustoms";
  if (s.customsDay <= state.day) decide(state, s, caches);
}

/** Customs decides: banned destination or missing licence holds the lot; otherwise duty, VAT, release. */
function decide(state: GameState, s: Shipment, caches: EngineCaches): void {
  const region = state.world.regions.find((r) => r.id === s.to);
  const spec = state.scenario.regions.find((r) => r.id === s.to);
  if (!region || !spec) return;
  if (region.policy === "banned") {
    s.status = "held";
    s.holdReason = "ban";
    tell(
      state,
      s,
      "customsHeld",
      `Customs holds shipment ${s.id}: mining is banned in ${spec.name.en}. Re-export it or wait for the ban to lift; storage is charged daily.`,
      `海关扣留货运 ${s.id}：${spec.name.zh}禁止挖矿。请转运出境或等待禁令解除；每日收取仓储费。`,
    );
    return;
  }
  if (!s.international) {
    release(state, s, caches);
    return;
  }
  // The broker files the licence: a premium broker gets it sooner (logistics/landed.ts).
  const licenceDays = brokerLicenceDays(
    state,
    s.broker,
    countryOf(state, spec.country)?.licenceMeanDays ?? 0,
  );
  if (licenceDays > 0 && s.licenceDay === null) {
    // Licences come in their own time: between half and one and a half of the mean.
    const wait = Math.max(1, Math.round(licenceDays * (0.5 + nextFloat(state.rng.trade))));
    s.status = "held";
    s.holdReason = "licence";
    s.licenceDay = state.day + wait;
    const company = state.companies.find((c) => c.id === s.owner);
    const fee = state.scenario.logistics.trade.licenceFeeCents;
    if (company && fee > 0) post(company, state.day, "customsFees", -fee, 0, s.id);
    tell(
      state,
      s,
      "customsHeld",
      `Shipment ${s.id} waits at the port for an import licence (about ${wait} days); storage is charged daily.`,
      `货运 ${s.id} 在港口等待进口许可（约 ${wait} 天），每日收取仓储费。`,
    );
    return;
  }
  if (startInspection(state, s)) return;
  release(state, s, caches);
}

function hold(state: GameState, s: Shipment, caches: EngineCaches): void {
  const { company } = parties(state, s, caches);
  const cents = state.scenario.logistics.storageCentsPerUnitDay * s.quantity;
  if (company && cents > 0) post(company, state.day, "storage", -cents, 0, s.id);
  s.storageCents += cents;
  const region = state.world.regions.find((r) => r.id === s.to);
  const ready =
    (s.holdReason === "licence" &&
      s.licenceDay !== null &&
      s.licenceDay <= state.day &&
      region?.policy !== "banned") ||
    (s.holdReason === "ban" && region?.policy !== "banned") ||
    (s.holdReason === "inspection" && s.inspectionDay !== null && s.inspectionDay <= state.day);
  // A licence granted still leaves the inspection to pass; an inspection passed releases the lot.
  if (ready && s.holdReason === "licence" && startInspection(state, s)) return;
  if (ready) release(state, s, caches);
}

/** Duty and VAT at the law in force today on the declared value, breakage, then into the warehouse. */
function release(state: GameState, s: Shipment, caches: EngineCaches): void {
  const { company, lot } = parties(state, s, caches);
  const spec = state.scenario.regions.find((r) => r.id === s.to);
  if (!company || !lot || !spec) return;
  const dutyBps = s.international ? tariffBps(state, spec.country, s.origin) : 0;
  const vat = s.international ? vatBps(state, spec.country, s.origin) : 0;
  const { tariffCents, vatCents } = duties(s.declaredValueCents, dutyBps, vat);
  if (tariffCents > 0) post(company, state.day, "tariff", -tariffCents, 0, s.id);
  if (vatCents > 0) post(company, state.day, "vat", -vatCents, 0, s.id);
  s.tariffCents = tariffCents;
  s.vatCents = vatCents;
  if (dutyBps !== s.quotedTariffBps || vat !== s.quotedVatBps) {
    const was = `${s.quotedTariffBps / 100}% duty, ${s.quotedVatBps / 100}% VAT`;
    const now = `${dutyBps / 100}% duty, ${vat / 100}% VAT`;
    tell(
      state,
      s,
      "lawChanged",
      `The law changed while shipment ${s.id} was on its way: ${now} today instead of ${was} when it left (${usd(tariffCents + vatCents)} charged).`,
      `货运 ${s.id} 在途期间法规变化：今日按 ${dutyBps / 100}% 关税、${vat / 100}% 增值税征收，而非出发时的 ${s.quotedTariffBps / 100}% 与 ${s.quotedVatBps / 100}%（共 ${usd(tariffCents + vatCents)}）。`,
    );
  }
  const broken = brokenUnits(state, s);
  if (broken > 0) {
    s.damagedUnits = broken;
    destroy(state, s.model, broken);
    const value = Math.round((s.declaredValueCents * broken) / s.quantity);
    lot.costCents -= Math.min(lot.costCents, value);
    lot.quantity -= broken;
    if (s.insured) post(company, state.day, "insurancePayout", value, 0, s.id);
    tell(
      state,
      s,
      "shipmentDamaged",
      `${broken} machines of shipment ${s.id} arrived broken${s.insured ? `; insurance pays ${usd(value)}` : ""}.`,
      `货运 ${s.id} 中有 ${broken} 台矿机到货时损坏${s.insured ? `；保险赔付 ${usd(value)}` : ""}。`,
    );
  }
  s.status = "released";
  if (lot.quantity <= 0) {
    state.lots = state.lots.filter((l) => l !== lot);
    return;
  }
  lot.status = "stored";
  lot.location = { kind: "region", region: s.to };
}

/** Units broken in transit: the mode's damage rate, with binomial-like spread (normal approximation). */
function brokenUnits(state: GameState, s: Shipment): number {
  const p = state.scenario.logistics.modes[s.mode].damageBps / 10_000;
  if (p <= 0) return 0;
  const mean = s.quantity * p;
  const sd = Math.sqrt(s.quantity * p * (1 - p));
  return Math.max(0, Math.min(s.quantity, Math.round(mean + sd * sampleNormal(state.rng.trade))));
}
