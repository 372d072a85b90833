/**
 * What a written-out scenario event does to its regions: a ban (with its ramp, idle fleet and
 * emigration), lifting a ban, a power price or a capacity change. Kept apart from events.ts, which
 * also reaches the shock templates, because the templates use these effects too: one module each way,
 * and no import cycle (events → shocks → templates → events once failed when a script imported a
 * template module first).
 */
import type { ScenarioEvent } from "../scenario/types.ts";
import { addToTier, regionState, restOfWorldInstalledThs } from "./regions.ts";
import type { GameState } from "./state.ts";
import type { EngineCaches } from "./caches.ts";
import { noteCovertBan, returnCovert } from "./covert.ts";

export function applyEvent(state: GameState, event: ScenarioEvent, caches: EngineCaches): void {
  for (const id of event.regions) {
    const region = regionState(state, id, caches);
    if (!region) continue; // The scenario lint guarantees ids; an injected event may name none.
    switch (event.kind) {
      case "ban": {
        // A ban on one province of the region switches off its share of the fleet and leaves the
        // region open: its other provinces mine on, players' lots there too.
        const part = event.regionShareBps;
        if (part === undefined) region.policy = "banned";
        // The closed province's racks close with it: no new machines fill the space its farms leave.
        else {
          region.capacityKw = Math.round(region.capacityKw * (1 - (part * event.complianceBps) / 1e8));
          region.partBannedBps = part;
        }
        const all = restOfWorldInstalledThs(region);
        const installed = part === undefined ? all : (all * part) / 10_000;
        const days = Math.max(1, event.rampDays);
        region.banRampDaysLeft = days;
        region.banRampThsPerDay = (installed * event.complianceBps) / 10_000 / days;
        region.banIdleBps = event.idleBps;
        region.banEmigrateBps = event.emigrateBps;
        noteCovertBan(state, region, event);
        break;
      }
      case "unban":
        // Lifts the ban on the whole region; a ban on part of it stays (partBannedBps): Iran's summer cuts
        // ended, its ban on unlicensed mining did not.
        region.policy = "allowed";
        region.banRampDaysLeft = 0;
        // Idle machines that waited out the ban come back (and run if they pay).
        for (const tier of region.idleTiers) addToTier(region, tier.jPerTh, tier.installedThs);
        region.idleTiers = [];
        returnCovert(state, region); // no one hides once mining is legal again
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
