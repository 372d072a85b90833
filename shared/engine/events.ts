/**
 * Scheduled scenario events: bans (with a ramp, compliance, idle fleets and emigration), lifting a ban,
 * power prices and capacity, written out in the scenario; and shocks from the templates in shocks/
 * (tariffs, licences, blackouts...), which the host and random hazards use too.
 */
import type { ScenarioEvent } from "../scenario/types.ts";
import { applyEvent } from "./eventEffects.ts";
import type { GameState } from "./state.ts";
import { applyShock, checkShock } from "./shocks/apply.ts";
import type { EngineCaches } from "./caches.ts";

export { applyEvent };

export interface NewsItem {
  day: number;
  kind: ScenarioEvent["kind"];
  regions: string[];
  headline: ScenarioEvent["headline"];
}

/** Applies every scheduled event dated today (or earlier and not yet applied); returns the news. */
export function applyScheduledEvents(state: GameState, caches: EngineCaches): NewsItem[] {
  const events = state.scenario.events;
  const news: NewsItem[] = [];
  while (state.nextEvent < events.length) {
    const event = events[state.nextEvent] as ScenarioEvent;
    if (event.day > state.day) break;
    state.nextEvent++;
    const headline = applyScheduled(state, event, caches);
    news.push({ day: state.day, kind: event.kind, regions: event.regions, headline });
  }
  return news;
}

/** A shock, or a ban announced ahead, goes through the templates; the rest applies directly. */
function applyScheduled(
  state: GameState,
  event: ScenarioEvent,
  caches: EngineCaches,
): ScenarioEvent["headline"] {
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
    return "code" in checked ? event.headline : applyShock(state, checked, caches, event.headline);
  }
  applyEvent(state, event, caches);
  state.notices.push({
    day: state.day,
    company: null,
    kind: event.kind,
    text: event.headline,
    targets: event.regions,
  });
  return event.headline;
}
