/**
 * The build-out block of a scenario (issue #16; shared/engine/buildOut.ts): hosting capacity that follows
 * demand. When the world's new machines find no room, hosts order racks for a share of them, which open
 * `lagDays` later. Optional: a scenario without the block has only its regions' linear growth (and
 * resolves, and hashes, as before).
 */
import { z } from "zod";

export interface BuildOutSpec {
  /** Share of the kW of machines that found no room that hosts order racks for, basis points. */
  shareBps: number;
  /** Days from the order to racks taking machines (land, substation, shells, containers). */
  lagDays: number;
}

export const buildOutFileSchema = z
  .object({
    sharePct: z
      .number()
      .min(0)
      .max(100)
      .describe("share of the kW of machines that found no room that hosts order new racks for"),
    lagDays: z.number().int().min(0).max(730).describe("days from the order to the racks taking machines"),
    source: z.string().min(3).optional(),
    estimate: z.string().min(3).optional(),
  })
  .strict()
  .refine((v) => Boolean(v.source || v.estimate), {
    message: "cite a `source` for real-world numbers, or say how they were chosen with `estimate`",
  })
  .describe("Hosting capacity that follows demand: hosts build racks where machines wait (buildOut.ts)");

export type BuildOutFile = z.infer<typeof buildOutFileSchema>;

/** The engine's units (percent → basis points); undefined when the scenario has no block. */
export function resolveBuildOut(raw: BuildOutFile | undefined): BuildOutSpec | undefined {
  if (!raw) return undefined;
  return { shareBps: Math.round(raw.sharePct * 100), lagDays: raw.lagDays };
}
