/**
 * State of the trade layer: shipments, customs, offers between players, factories, countries' rules,
 * shocks in force and the day's notices. Plain data, like the rest of the game state.
 */
import type { EpochDay } from "../math/calendar.ts";
import type { Cents } from "../math/money.ts";
import type { ShippingMode, Text } from "../scenario/types.ts";
import type { Broker } from "../scenario/tradeSpec.ts";

export type ShipmentStatus = "inTransit" | "atCustoms" | "held" | "released" | "refused" | "lost";

export type Place = { kind: "hub"; hub: string } | { kind: "region"; region: string };

export interface Shipment {
  id: string;
  owner: string;
  lot: string;
  model: string;
  quantity: number;
  /** Country of manufacture: what tariffs look at. */
  origin: string;
  from: Place;
  to: string;
  mode: ShippingMode;
  /** Crosses a border: customs, duty and VAT apply (a move within a country clears at once). */
  international: boolean;
  departDay: EpochDay;
  /** Day the lot reaches the destination's port of entry. */
  arriveDay: EpochDay;
  /** Day customs decides (arrival + clearance days + congestion). */
  customsDay: EpochDay;
  status: ShipmentStatus;
  declaredValueCents: Cents;
  insured: boolean;
  freightCents: Cents;
  insuranceCents: Cents;
  /** The duty and VAT rates in force when the shipment left: what the quote promised. */
  quotedTariffBps: number;
  quotedVatBps: number;
  tariffCents: Cents;
  vatCents: Cents;
  storageCents: Cents;
  damagedUnits: number;
  /**
   * Why customs holds the lot: waiting for an import licence, mining is banned at the destination, or
   * an inspection (odds by broker).
   */
  holdReason: "licence" | "ban" | "inspection" | null;
  /** Day an import licence is granted, for lots held waiting for one. */
  licenceDay: EpochDay | null;
  /** Waypoints for the map, [lon, lat]: origin, ports, destination. */
  path: [number, number][];
  /** Who clears it through customs: their licence speed and inspection odds apply (logistics/landed.ts). */
  broker: Broker;
  /** Day an inspection hold ends, for lots customs inspects (null: not inspected). */
  inspectionDay: EpochDay | null;
}

export type OfferStatus = "open" | "accepted" | "declined" | "expired" | "cancelled";

export interface Offer {
  id: string;
  from: string;
  to: string;
  lot: string;
  quantity: number;
  priceCents: Cents;
  madeDay: EpochDay;
  expiresDay: EpochDay;
  status: OfferStatus;
}

export interface FactoryState {
  hub: string;
  /** Extra days on every order's lead time (chip shortages). */
  leadExtraDays: number;
  /** Price multiplier on new machines, basis points (10000 = list price). */
  priceMultiplierBps: number;
  /** No exports leave this factory before this day (export restrictions). */
  exportBlockedUntil: EpochDay;
}

export interface CountryState {
  country: string;
  tariffBps: Record<string, number>;
  vatBps: number;
  licenceMeanDays: number;
  carbonTaxCentsPerTonne: number;
  /** Extra customs days at this country's ports (congestion, inspections). */
  congestionDays: number;
}

/** A shock in force until `endDay`; when it ends, `undo` is applied (the same shape as a shock's effect). */
export interface ActiveEffect {
  id: string;
  template: string;
  targets: string[];
  startDay: EpochDay;
  endDay: EpochDay;
  params: Record<string, number | string>;
}

export interface Notice {
  day: EpochDay;
  /** The company told, or null for everyone (news). */
  company: string | null;
  kind: string;
  text: Text;
  /** Regions, hubs or countries concerned, for the map. */
  targets: string[];
}
