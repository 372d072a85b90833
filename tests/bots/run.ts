/**
 * A game played by bots, with the checks the bot tests need recorded as it goes: every command applied
 * in order (rejections counted), purchases checked against the margin at that moment, shipments checked
 * against the destination's policy, and each company's final equity and mined BTC.
 */
import {
  applyCommand,
  equityCents,
  step,
  stateHash,
  type Command,
  type EngineCaches,
} from "../../shared/index.ts";
import { actingOrder, BotCaches, decide } from "../../shared/bots/index.ts";
import type { GameState } from "../../shared/engine/state.ts";
import { modelOf } from "../../shared/engine/fleet.ts";
import { powerCostMicroUsdPerThDay } from "../../shared/engine/market.ts";
import { powerPriceToday, regionIndex, uptimeToday } from "../../shared/engine/regions.ts";
import { newGame } from "../helpers/game.ts";

export interface CompanyResult {
  id: string;
  strategy: string;
  equityCents: number;
  minedSats: number;
  bankrupt: boolean;
}

export interface RunResult {
  state: GameState;
  companies: CompanyResult[];
  commands: number;
  rejections: { type: string; code: string; message: string }[];
  /** Purchases made when the machine could not pay its power anywhere it could run. */
  losingPurchases: string[];
  /** Shipments sent to a region banned or with a ban announced that day. */
  bannedShipments: string[];
  purchases: number;
  ms: number;
  /** Of which in decide. */
  decideMs: number;
  /** Days on which decide changed the state (checked on sampled days). */
  mutations: number[];
  /** Lots left running in a banned region after the bots had their say that day. */
  runningUnderBan: string[];
}

/** Best margin of one TH/s of `model` today over regions open to it (or only `region`), micro-USD/day. */
function bestMargin(state: GameState, modelId: string, caches: EngineCaches, region?: string): number {
  const model = modelOf(state, modelId, caches);
  if (!model) return -Infinity;
  let best = -Infinity;
  state.scenario.regions.forEach((spec, r) => {
    if (region !== undefined && spec.id !== region) return;
    const rs = state.world.regions[r];
    if (!rs || rs.policy === "banned" || rs.banPendingDay !== null) return;
    const uptime = uptimeToday(state, r, caches);
    const revenue = state.market.hashpriceMicroUsd * uptime;
    const power =
      powerCostMicroUsdPerThDay(model.efficiencyJPerTh, powerPriceToday(state, r, caches)) * uptime;
    best = Math.max(best, revenue - power);
  });
  return best;
}

function check(state: GameState, who: string, cmd: Command, out: RunResult, caches: EngineCaches): void {
  if (cmd.type === "orderMachines" || cmd.type === "buyUsed") {
    out.purchases++;
    // A used lot may be bought in one region's market and shipped to run in another (issue #13 §2):
    // like a factory order, it must pay somewhere it could run.
    const margin = bestMargin(state, cmd.model, caches, undefined);
    if (!(margin > 0))
      out.losingPurchases.push(`${state.day} ${who} ${JSON.stringify(cmd)} margin ${margin}`);
  }
  if (cmd.type === "shipLot") {
    const r = state.world.regions[regionIndex(state, cmd.to, caches)];
    if (!r || r.policy === "banned" || r.banPendingDay !== null)
      out.bannedShipments.push(`${state.day} ${who} → ${cmd.to}`);
  }
}

/**
 * Today's shipments of `owner` that carry used machines bought in one region's market to another (the
 * gradient trade, shared/bots/usedGradient.ts): a used lot has a builtDay.
 */
export function gradientShipments(state: GameState, owner: string): GameState["shipments"] {
  return state.shipments.filter((s) => {
    const lot = state.lots.find((l) => l.id === s.lot);
    return (
      s.owner === owner && lot?.builtDay !== undefined && s.from.kind === "region" && s.from.region !== s.to
    );
  });
}

export interface RunOptions {
  days?: number;
  /** Check decide's purity with a state hash before and after, every this many days (0: never). */
  purityEvery?: number;
  /** Called at the start of every day, before the bots: scripted moves, injected events. */
  onDay?: (state: GameState) => void;
  /** Tick from which the bots play (before it, only the script runs). */
  botsFrom?: number;
  /** Called with each bot command before it is applied. */
  onCommand?: (state: GameState, companyId: string, command: Command) => void;
}

export function runBots(
  scenario: string,
  seed: number,
  strategies: string[],
  opts: RunOptions = {},
): RunResult {
  const state = newGame(scenario, seed, strategies.length);
  // The game's caches, as a server or a Monte-Carlo run keeps them: the bots' over the engine's.
  const bots = new BotCaches();
  const caches = bots.engine;
  const out: RunResult = {
    state,
    companies: [],
    commands: 0,
    rejections: [],
    losingPurchases: [],
    bannedShipments: [],
    purchases: 0,
    ms: 0,
    decideMs: 0,
    mutations: [],
    runningUnderBan: [],
  };
  const days = opts.days ?? state.scenario.days;
  const t0 = performance.now();
  while (!state.finished && state.tick < days) {
    opts.onDay?.(state);
    if (state.tick >= (opts.botsFrom ?? 0)) {
      // In the day's acting order, as a room's stand-ins and a Monte-Carlo run (shared/bots/order.ts).
      for (const i of actingOrder(state.seed, state.tick, strategies.length)) {
        const strategy = strategies[i] as string;
        const id = `p${i + 1}`;
        const sample = opts.purityEvery && state.tick % opts.purityEvery === i;
        const before = sample ? stateHash(state) : "";
        const d0 = performance.now();
        const cmds = decide(state, id, strategy, bots);
        out.decideMs += performance.now() - d0;
        if (sample && stateHash(state) !== before) out.mutations.push(state.tick);
        for (const cmd of cmds) {
          out.commands++;
          opts.onCommand?.(state, id, cmd);
          check(state, id, cmd, out, caches);
          const res = applyCommand(state, { kind: "company", companyId: id }, cmd, caches);
          if (!res.ok)
            out.rejections.push({ type: cmd.type, code: res.error.code, message: res.error.message.en });
        }
      }
      for (const lot of state.lots) {
        if (lot.status !== "installed" || !lot.powered || lot.location.kind !== "region") continue;
        const r = state.world.regions[regionIndex(state, lot.location.region, caches)];
        if (r?.policy === "banned") out.runningUnderBan.push(`${state.day} ${lot.owner} ${lot.id} ${r.id}`);
      }
    }
    step(state, caches);
  }
  out.ms = performance.now() - t0;
  out.companies = state.companies.map((c, i) => ({
    id: c.id,
    strategy: strategies[i] ?? "",
    equityCents: equityCents(state, c, caches),
    minedSats: c.minedSats,
    bankrupt: c.bankrupt,
  }));
  return out;
}
