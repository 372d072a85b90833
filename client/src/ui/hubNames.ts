/**
 * A hub's name in the reader's language, from the shipped catalog: the shop's factory column and the
 * factory queue's lines both name factories (kept apart from shop.ts so the queue need not import it).
 */
import catalog from "virtual:atlas-catalog";
import { pick } from "../i18n/index.ts";

export function hubName(id: string): string {
  const hub = catalog.hubs.find((x) => x.id === id);
  return hub ? pick(hub.name) : id;
}
