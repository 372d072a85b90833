/**
 * The machine-price memory's scenario parameter (issue #16, shared/engine/machinePrice.ts): over how
 * many days the hashprice machines are priced on comes down after hashprice falls. Optional in the
 * factory block of a scenario file; absent, the estimate the shipped scenarios state.
 */
import { z } from "zod";

/** Days of the sticky memory when a scenario names none (the shipped scenarios' estimate). */
export const DEFAULT_PRICE_MEMORY_DAYS = 60;

export const priceMemoryDaysSchema = z
  .number()
  .min(1)
  .max(730)
  .optional()
  .describe(
    "Days over which machine prices come down after hashprice falls: they follow the 30-day hashprice up at once, down over this many days (absent: 60)",
  );
