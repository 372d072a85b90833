/**
 * What each connection may see of the companies' private parts: the host sees every company, a player
 * their own seat's, a spectator none. Applied on every join and whenever a connection's membership
 * changes (a seat taken over in another window), so a demoted connection stops receiving a seat's
 * private state at once.
 */
import type { Client } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import type { Membership } from "../game/members.ts";
import type { GameRoomState } from "../schema/state.ts";

export function showOnly(
  client: Client,
  state: GameRoomState,
  member: Pick<Membership, "role" | "seat">,
): void {
  client.view ??= new StateView();
  const view = client.view;
  for (const [seat, company] of state.companies) {
    const allowed = member.role === "host" || seat === member.seat;
    if (allowed && !view.has(company.priv)) view.add(company.priv);
    else if (!allowed && view.has(company.priv)) view.remove(company.priv);
  }
}
