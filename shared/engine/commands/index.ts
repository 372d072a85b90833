/**
 * One entry point for every command: parse, authorize the actor, validate against the state, apply.
 * Validation never mutates, so a rejected command leaves the state exactly as it was. The client greys
 * out buttons, bots choose and the server decides with these same functions.
 *
 * Each takes the game's EngineCaches last (see ../caches.ts): pass the caches of the game being played
 * for speed; omitted, a fresh set is made for the call, which decides the same, only slower.
 */
import { EngineCaches } from "../caches.ts";
import type { Company, GameState } from "../state.ts";
import * as finance from "./finance.ts";
import * as host from "./host.ts";
import * as lease from "./leaseCapacity.ts";
import * as lots from "./lots.ts";
import * as loans from "./loans.ts";
import * as order from "./orderMachines.ts";
import * as shipping from "./shipping.ts";
import * as usedMachines from "./usedMachines.ts";
import * as preorder from "./cancelPreorder.ts";
import * as machineLease from "../machineLeaseCommands.ts";
import * as classWorld from "../classWorldCommand.ts";
import * as sites from "../sites.ts";
import * as hostingOffers from "../hostingOffers.ts";
import * as hostingQueue from "../hostingQueue.ts";
import { refuse } from "../../protocol/refusals/index.ts";
import type { Rejection } from "./errors.ts";
import {
  commandSchema,
  HOST_COMMANDS,
  type Actor,
  type Command,
  type CommandOf,
  type CommandType,
} from "./schema.ts";

export type CommandResult = { ok: true } | { ok: false; error: Rejection };

/** A command's rules: why it is illegal now (or null), and what it does when legal. */
interface Handler<T extends CommandType, Who> {
  validate(state: GameState, who: Who, cmd: CommandOf<T>, caches: EngineCaches): Rejection | null;
  apply(state: GameState, who: Who, cmd: CommandOf<T>, caches: EngineCaches): void;
}

type HostCommand = "injectEvent" | "sizeWorld";
type CompanyCommand = Exclude<CommandType, HostCommand>;

/** Every company command's handler; the mapped type makes a missing one a compile error. */
const companyHandlers: { [T in CompanyCommand]: Handler<T, Company> } = {
  orderMachines: { validate: order.validate, apply: order.apply },
  leaseCapacity: { validate: lease.validateLease, apply: lease.applyLease },
  releaseCapacity: { validate: lease.validateRelease, apply: lease.applyRelease },
  installLot: { validate: lots.validateInstall, apply: lots.applyInstall },
  powerLot: { validate: lots.validatePower, apply: lots.applyPower },
  sellMachines: { validate: lots.validateSell, apply: lots.applySell },
  setSellRatio: { validate: finance.validateSellRatio, apply: finance.applySellRatio },
  setPayout: { validate: finance.validatePayout, apply: finance.applyPayout },
  sellBtc: { validate: finance.validateSellBtc, apply: finance.applySellBtc },
  shipLot: { validate: shipping.validateShip, apply: shipping.applyShip },
  buyUsed: { validate: usedMachines.validateBuyUsed, apply: usedMachines.applyBuyUsed },
  offerLot: { validate: usedMachines.validateOffer, apply: usedMachines.applyOffer },
  respondOffer: { validate: usedMachines.validateRespond, apply: usedMachines.applyRespond },
  cancelOffer: { validate: usedMachines.validateCancel, apply: usedMachines.applyCancel },
  cancelPreorder: { validate: preorder.validateCancelPreorder, apply: preorder.applyCancelPreorder },
  borrow: { validate: loans.validateBorrow, apply: loans.applyBorrow },
  repay: { validate: loans.validateRepay, apply: loans.applyRepay },
  buyBtc: { validate: loans.validateBuyBtc, apply: loans.applyBuyBtc },
  offerMachineLease: { validate: machineLease.validateOfferLease, apply: machineLease.applyOfferLease },
  answerMachineLease: { validate: machineLease.validateAnswerLease, apply: machineLease.applyAnswerLease },
  buildSite: { validate: sites.validateBuildSite, apply: sites.applyBuildSite },
  offerHosting: { validate: hostingOffers.validateOfferHosting, apply: hostingOffers.applyOfferHosting },
  leaveQueue: { validate: hostingQueue.validateLeaveQueue, apply: hostingQueue.applyLeaveQueue },
  respondHosting: {
    validate: hostingOffers.validateRespondHosting,
    apply: hostingOffers.applyRespondHosting,
  },
};

const hostHandlers: { [T in Extract<CommandType, HostCommand>]: Handler<T, null> } = {
  injectEvent: { validate: host.validateInject, apply: host.applyInject },
  sizeWorld: { validate: classWorld.validateSizeWorld, apply: classWorld.applySizeWorld },
};

function companyOf(state: GameState, actor: Actor): Company | Rejection {
  if (actor.kind !== "company") {
    return refuse("NOT_A_COMPANY");
  }
  const company = state.companies.find((c) => c.id === actor.companyId);
  if (!company) {
    return refuse("NO_SUCH_COMPANY", { company: actor.companyId });
  }
  return company;
}

function isHostCommand(command: Command): command is CommandOf<HostCommand> {
  return HOST_COMMANDS.includes(command.type);
}

/** Why `command` by `actor` is not allowed now, or null if it is. Pure: reads the state only. */
export function validate(
  state: GameState,
  actor: Actor,
  command: Command,
  caches: EngineCaches = new EngineCaches(),
): Rejection | null {
  if (state.finished) return refuse("GAME_OVER");
  if (isHostCommand(command)) {
    if (actor.kind !== "host" && actor.kind !== "system") {
      return refuse("NOT_HOST");
    }
    const handler = hostHandlers[command.type] as Handler<HostCommand, null>;
    return handler.validate(state, null, command, caches);
  }
  const company = companyOf(state, actor);
  if ("code" in company) return company;
  if (company.bankrupt) return refuse("BANKRUPT");
  // A lot pledged to a loan stays within the lender's reach until the loan is repaid (loans.ts).
  const pledged = loans.pledgedLotRefusal(state, command, caches);
  if (pledged) return pledged;
  const handler = companyHandlers[command.type] as Handler<CompanyCommand, Company>;
  return handler.validate(state, company, command as CommandOf<CompanyCommand>, caches);
}

/**
 * Applies a command if it is legal. `command` may be untrusted input: it is parsed first.
 * On rejection nothing in `state` has changed.
 */
export function applyCommand(
  state: GameState,
  actor: Actor,
  input: unknown,
  caches: EngineCaches = new EngineCaches(),
): CommandResult {
  const parsed = parseCommand(input);
  if (!parsed.ok) return parsed;
  return applyTrustedCommand(state, actor, parsed.command, caches);
}

/** Untrusted input checked against the command schema, or the MALFORMED rejection saying where. */
export function parseCommand(
  input: unknown,
): { ok: true; command: Command } | { ok: false; error: Rejection } {
  const parsed = commandSchema.safeParse(input);
  if (parsed.success) return { ok: true, command: parsed.data };
  return { ok: false, error: refuse("MALFORMED_COMMAND", { issue: parsed.error.issues[0] }) };
}

/**
 * Applies a command built by trusted code (bots, the engine's own tools), skipping the schema parse
 * that untrusted input needs; the rules are checked exactly as for anyone.
 */
export function applyTrustedCommand(
  state: GameState,
  actor: Actor,
  command: Command,
  caches: EngineCaches = new EngineCaches(),
): CommandResult {
  const error = validate(state, actor, command, caches);
  if (error) return { ok: false, error };
  if (isHostCommand(command))
    (hostHandlers[command.type] as Handler<HostCommand, null>).apply(state, null, command, caches);
  else {
    const handler = companyHandlers[command.type] as Handler<CompanyCommand, Company>;
    const company = companyOf(state, actor) as Company;
    handler.apply(state, company, command as CommandOf<CompanyCommand>, caches);
  }
  return { ok: true };
}
