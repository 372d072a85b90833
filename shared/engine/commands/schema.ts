/**
 * Commands a company can give, as zod schemas: the one definition that the client, the bots, the server
 * and replays share. Commands carry no player id: the server stamps the actor from the connection.
 */
import { z } from "zod";

const id = z.string().min(1).max(64);

export const orderMachinesSchema = z.object({
  type: z.literal("orderMachines"),
  model: id,
  quantity: z.number().int().min(1).max(100_000),
});

export const leaseCapacitySchema = z.object({
  type: z.literal("leaseCapacity"),
  region: id,
  /** kW to add to the company's lease in the region. */
  kw: z.number().int().min(1).max(1_000_000),
});

export const releaseCapacitySchema = z.object({
  type: z.literal("releaseCapacity"),
  region: id,
  kw: z.number().int().min(1).max(1_000_000),
});

export const installLotSchema = z.object({
  type: z.literal("installLot"),
  lot: id,
  region: id,
});

export const powerLotSchema = z.object({
  type: z.literal("powerLot"),
  lot: id,
  on: z.boolean(),
});

export const sellMachinesSchema = z.object({
  type: z.literal("sellMachines"),
  lot: id,
  quantity: z.number().int().min(1).max(100_000),
});

export const setSellRatioSchema = z.object({
  type: z.literal("setSellRatio"),
  /** Share of mined BTC sold each day, basis points (0 = hold everything, 10000 = sell everything). */
  ratioBps: z.number().int().min(0).max(10_000),
});

export const setPayoutSchema = z.object({
  type: z.literal("setPayout"),
  payout: z.enum(["pool", "solo"]),
});

export const commandSchema = z.discriminatedUnion("type", [
  orderMachinesSchema,
  leaseCapacitySchema,
  releaseCapacitySchema,
  installLotSchema,
  powerLotSchema,
  sellMachinesSchema,
  setSellRatioSchema,
  setPayoutSchema,
]);

export type Command = z.infer<typeof commandSchema>;
export type CommandType = Command["type"];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

/** Who is acting: stamped by the server, never taken from the payload. */
export type Actor = { kind: "company"; companyId: string } | { kind: "host" } | { kind: "system" };
