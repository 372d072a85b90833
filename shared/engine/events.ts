/**
 * Scheduled scenario events: bans (with a ramp, compliance, idle fleets and emigration), lifting a ban,
 * power prices and capacity, written out in the scenario; and shocks from the templates in shocks/
 * (tariffs, licences, blackouts...), which the host and random hazards use too.
 */
import type { ScenarioEvent } from "../scenario/types.ts";
import { addToTier, regionState, rowInstalledThs } from "./regions.ts";
import type { GameState } from "./state.ts";
import { applyShock, checkShock } from "./shocks/apply.ts";

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
    state.nextEvent++;
    const headline = applyScheduled(state, event);
    news.push({ day: state.day, kind: event.kind, regions: event.regions, headline });
  }
  return news;
}

/** A shock, or a ban announced ahead, goes through the templates; the rest applies directly. */
function applyScheduled(state: GameState, event: ScenarioEvent): ScenarioEvent["headline"] {
  if (event.kind === "shock" || (event.kind === "ban" && event.graceDays > 0)) {
    const [template, params] =
      event.kind === "shock"
        ? [event.template, event.params]
        : [
            "ban",
            {
              graceDays: event.graceDays,
              rampDays: event.rampDays,
              compliancePct: event.complianceBps / 100,
              idlePct: event.idleBps / 100,
              emigratePct: event.emigrateBps / 100,
            },
          ];
    const checked = checkShock(state, template, event.regions, params);
    // The scenario lint checks scheduled shocks; one that fails here is skipped rather than stop a game.
    return "code" in checked ? event.headline : applyShock(state, checked, event.headline);
  }
  applyEvent(state, event);
  state.notices.push({
    day: state.day,
    company: null,
    kind: event.kind,
    text: event.headline,
    targets: event.regions,
  });
  return event.headline;
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
