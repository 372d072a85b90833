/** A pre-order in a factory's queue (issue #13 §3): plain data, part of the game state. */
import type { EpochDay } from "../math/calendar.ts";

/** Units of an order that ship on one day (the first day of their batch, or the order's earliest day). */
export interface FactoryShipment {
  day: EpochDay;
  quantity: number;
}

export interface FactoryOrder {
  /** `po-N`; N also orders the queue among equal bids (earlier first). */
  id: string;
  seq: number;
  owner: string;
  model: string;
  /** Factory hub id. */
  factory: string;
  /** The onOrder lot holding the units not yet shipped. */
  lot: string;
  /** Units not yet shipped. */
  quantity: number;
  /** Bid over list, basis points: higher bids take earlier batches. */
  premiumBps: number;
  /** The first day this order's units may ship (today + the factory's lead time when it was placed). */
  earliestDay: EpochDay;
  /** Pushed back by a later, higher bid at least once: cancelling then costs no penalty. */
  bumped: boolean;
  /** When the undelivered units ship, earliest first (recomputed whenever the queue changes). */
  schedule: FactoryShipment[];
}
