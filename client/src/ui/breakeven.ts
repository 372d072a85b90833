/**
 * The machines for the breakeven overlay, from the server's shop quote: the engine computes each
 * model's breakeven power price at today's hashprice; the client only converts units and filters.
 */
import type { GameServer } from "../net/Server.ts";
import type { ModelChoice } from "./legend.ts";

interface ShopModelLike {
  id: string;
  name: string;
  onSale: boolean;
  breakevenMicroUsdPerKwh: number;
}

/** Models on sale today, best breakeven first, in USD per kWh. */
export function toChoices(models: readonly ShopModelLike[]): ModelChoice[] {
  return models
    .filter((m) => m.onSale)
    .map((m) => ({ id: m.id, name: m.name, breakevenUsdPerKwh: m.breakevenMicroUsdPerKwh / 1e6 }))
    .sort((a, b) => b.breakevenUsdPerKwh - a.breakevenUsdPerKwh);
}

/** Asks the shop for `seat` (a host without a seat asks for any company: breakevens are the same). */
export async function breakevenModels(server: GameServer, seat: string | undefined): Promise<ModelChoice[]> {
  const reply = await server.shop(server.welcome?.seat ? undefined : seat);
  if (!reply.ok || reply.quote?.kind !== "shop") throw new Error(reply.error?.message.en ?? "no shop");
  return toChoices(reply.quote.models);
}
