/**
 * Scheduled scenario events. This engine expresses bans (with a ramp and emigration), lifting a
 * ban, power-price shocks and capacity changes; tariffs, licences and shocks from the host come with
 * the trade layer and extend the same switch.
 */
import type { ScenarioEvent } from "../scenario/types.ts";
import { addToTier, regionState, rowInstalledThs } from "./regions.ts";
import type { GameState } from "./state.ts";

export interface NewsItem {
  day: number;
  kind: ScenarioEvent["kind"];
  regions: string[];
  headline: ScenarioEvent["headline"];
}

/** Applies every scheduled event dated today (or earlier and not yet applied); returns the news. */
export function applyScheduledEvents(state: GameState): NewsItem[] {
  const events = state.scenario.events;
  const news: NewsItem[] = [];
  while (state.nextEvent < events.length) {
    const event = events[state.nextEvent] as ScenarioEvent;
    if (event.day > state.day) break;
    applyEvent(state, event);
    news.push({ day: state.day, kind: event.kind, regions: event.regions, headline: event.headline });
    state.nextEvent++;
  }
  return news;
}

export function applyEvent(state: GameState, event: ScenarioEvent): void {
  for (const id of event.regions) {
    const region = regionState(state, id);
    if (!region) continue; // The scenario lint guarantees ids; an injected event may name none.
    switch (event.kind) {
      case "ban": {
        region.policy = "banned";
        const installed = rowInstalledThs(region);
        const days = Math.max(1, event.rampDays);
        region.banRampDaysLeft = days;
        region.banRampThsPerDay = (installed * event.complianceBps) / 10_000 / days;
        region.banIdleBps = event.idleBps;
        region.banEmigrateBps = event.emigrateBps;
        break;
      }
      case "unban":
        region.policy = "allowed";
        region.banRampDaysLeft = 0;
        // Idle machines that waited out the ban come back (and run if they pay).
        for (const tier of region.idleTiers) addToTier(region, tier.jPerTh, tier.installedThs);
        region.idleTiers = [];
        break;
      case "powerPrice":
        region.powerMultiplierBps = Math.round((region.powerMultiplierBps * event.multiplierBps) / 10_000);
        break;
      case "capacity":
        region.capacityKw = Math.max(0, region.capacityKw + event.deltaKw);
        break;
      case "shock":
        break; // Shocks apply once for all their targets, below.
      default: {
        const never: never = event;
        throw new Error(`unknown event kind ${JSON.stringify(never)}`);
      }
    }
  }
}
