/**
 * The synced state: Colyseus schema classes holding the view declared in shared/view/types.ts, field
 * for field (server/schema/contract.ts makes the compiler check it both ways). Money and other
 * integers that may pass 2^31 are float64, which holds every integer below 2^53 exactly. What
 * everyone may see is plain fields; a company's private details sit behind @view(), visible only to its
 * own seat's client and the host (StateView). A map's items are keyed by their first field. No rule
 * lives here, and nothing is written here by hand: the room writes viewOf's output with writeView.
 */
import { ArraySchema, MapSchema, Schema, type, view } from "@colyseus/schema";
import type { LotStatus } from "../../shared/engine/state.ts";
import type { ScoreMeasure } from "../../shared/engine/scoreMeasure.ts";
import type { ShipmentStatus } from "../../shared/engine/tradeState.ts";
import type { Phase } from "../../shared/protocol/constants.ts";
import type { MiningPolicy, ShippingMode } from "../../shared/scenario/types.ts";
import type { PlaceKind } from "../../shared/view/types.ts";
import { HostingDealSchema } from "./hosting.ts";

export class NewsSchema extends Schema {
  @type("number") day = 0;
  @type("string") kind = "";
  @type("string") en = "";
  @type("string") zh = "";
  @type(["string"]) targets = new ArraySchema<string>();
}

export class RegionSchema extends Schema {
  @type("string") id = "";
  @type("string") country = "";
  @type("string") policy: MiningPolicy = "allowed";
  @type("boolean") banPending = false;
  @type("boolean") offline = false;
  @type("float64") powerMicroUsdPerKwh = 0;
  @type("float64") freeKw = 0;
  @type("float64") restOfWorldThs = 0;
  @type("number") shareBps = 0;
  @type([NewsSchema]) history = new ArraySchema<NewsSchema>();
}

export class LotSchema extends Schema {
  @type("string") id = "";
  @type("string") model = "";
  @type("string") name = "";
  @type("number") quantity = 0;
  @type("string") status: LotStatus = "stored";
  @type("string") placeKind: PlaceKind = "factory";
  @type("string") placeId = "";
  @type("boolean") powered = false;
  @type("string") origin = "";
  @type("float64") kw = 0;
  @type("float64") pnlCentsPerDay = 0;
  @type("number") untilDay = 0;
  @type("boolean") canShip = false;
  @type("boolean") canInstall = false;
  @type("boolean") canPower = false;
  @type("string") pledgedTo = "";
  @type("boolean") given = false;
}

export class OfferSchema extends Schema {
  @type("string") id = "";
  @type("string") from = "";
  @type("string") to = "";
  @type("string") lot = "";
  @type("string") model = "";
  @type("number") quantity = 0;
  @type("float64") priceCents = 0;
  @type("number") expiresDay = 0;
}

export class LeaseSchema extends Schema {
  @type("string") region = "";
  @type("float64") kw = 0;
  @type("boolean") renewable = false;
}

export class ScorePartsSchema extends Schema {
  @type("float64") cashCents = 0;
  @type("float64") btcCents = 0;
  @type("float64") machinesCents = 0;
  @type("float64") sitesCents = 0;
  @type("float64") owedCents = 0;
}

/** A pre-order in a factory's queue (shared/view/factoryView.ts). */
export class PreorderSchema extends Schema {
  @type("string") id = "";
  @type("string") model = "";
  @type("string") factory = "";
  @type("number") quantity = 0;
  @type("number") premiumBps = 0;
  @type("number") position = 0;
  @type("number") queueLength = 0;
  @type("string") firstDate = "";
  @type("number") firstQuantity = 0;
  @type("string") lastDate = "";
  @type("number") batches = 0;
  @type("boolean") bumped = false;
  @type("float64") refundCents = 0;
}

export class FinanceSchema extends Schema {
  @type("number") riskFreeBps = 0;
  @type("boolean") riskFreeEstimate = false;
  @type("float64") interestEarnedCents = 0;
  @type("float64") interestPaidCents = 0;
  @type("float64") debtCents = 0;
  @type("float64") pledgedSats = 0;
  @type("boolean") green = false;
  @type("float64") gramsPerThDay = 0;
  @type("float64") greenMaxGramsPerThDay = 0;
  @type("number") btcFeeBps = 0;
}

export class LoanSchema extends Schema {
  @type("string") id = "";
  @type("float64") principalCents = 0;
  @type("number") rateBps = 0;
  @type("number") spreadBps = 0;
  @type("boolean") green = false;
  @type("float64") collateralCents = 0;
  @type("number") ltvBps = 0;
  @type("number") maintenanceLtvBps = 0;
  @type("number") lotCount = 0;
  @type("float64") btcSats = 0;
  @type("number") dueDay = 0;
  @type("number") marginCallDay = 0;
}

export class MachineLeaseSchema extends Schema {
  @type("string") id = "";
  @type("string") lot = "";
  @type("string") model = "";
  @type("number") units = 0;
  @type("string") from = "";
  @type("string") to = "";
  @type("number") termDays = 0;
  @type("float64") upfrontCents = 0;
  @type("float64") dailyCents = 0;
  @type("string") status: "open" | "active" = "open";
  @type("number") expiresDay = 0;
  @type("number") endDay = 0;
  @type("float64") paidCents = 0;
  @type("float64") valuePerDayCents = 0;
  @type("float64") powerPerDayCents = 0;
}

export class CompanyPrivateSchema extends Schema {
  @type("float64") cashCents = 0;
  @type("float64") btcSats = 0;
  @type("number") sellRatioBps = 0;
  @type("string") payout: "pool" | "solo" = "pool";
  @type({ map: LotSchema }) lots = new MapSchema<LotSchema>();
  @type([LeaseSchema]) leases = new ArraySchema<LeaseSchema>();
  @type({ map: OfferSchema }) offers = new MapSchema<OfferSchema>();
  @type(ScorePartsSchema) score = new ScorePartsSchema();
  @type({ map: PreorderSchema }) preorders = new MapSchema<PreorderSchema>();
  @type(FinanceSchema) finance = new FinanceSchema();
  @type({ map: LoanSchema }) loans = new MapSchema<LoanSchema>();
  @type({ map: MachineLeaseSchema }) machineLeases = new MapSchema<MachineLeaseSchema>();
  @type({ map: HostingDealSchema }) hosting = new MapSchema<HostingDealSchema>();
}

export class CompanySchema extends Schema {
  @type("string") seat = "";
  @type("string") name = "";
  @type("boolean") bot = false;
  @type("boolean") connected = false;
  @type("boolean") away = false;
  @type("float64") equityCents = 0;
  @type("float64") minedSats = 0;
  @type("float64") ths = 0;
  @type("number") shareBps = 0;
  @type("float64") carbonKg = 0;
  @type("boolean") bankrupt = false;
  @type("float64") scoreValue = 0;
  @type("number") rank = 0;
  @view() @type(CompanyPrivateSchema) priv = new CompanyPrivateSchema();
}

export class ShipmentSchema extends Schema {
  @type("string") id = "";
  @type("string") owner = "";
  @type("string") mode: ShippingMode = "sea";
  @type("string") status: ShipmentStatus = "inTransit";
  @type("string") fromId = "";
  @type("string") toId = "";
  @type("float64") progress = 0;
  @type(["float64"]) path = new ArraySchema<number>();
}

export class GameRoomState extends Schema {
  @type("string") phase: Phase = "lobby";
  @type("string") scenario = "";
  @type("string") code = "";
  @type("boolean") privateRoom = false;
  @type("number") pace = 1;
  @type("boolean") hideNames = false;
  @type("number") day = 0;
  @type("number") tick = 0;
  @type("number") days = 0;
  @type("number") height = 0;
  @type("float64") difficulty = 0;
  @type("number") nextRetargetHeight = 0;
  @type("float64") retargetEstimatePct = 0;
  @type("number") nextHalvingHeight = 0;
  @type("float64") priceCents = 0;
  @type("float64") hashpriceMicroUsd = 0;
  @type("float64") networkPowerCostMicroUsdPerThDay = 0;
  @type("float64") machinePriceHashpriceMicroUsd = 0;
  @type("float64") networkThs = 0;
  @type("float64") playerThs = 0;
  @type({ map: RegionSchema }) regions = new MapSchema<RegionSchema>();
  @type({ map: CompanySchema }) companies = new MapSchema<CompanySchema>();
  @type({ map: ShipmentSchema }) shipments = new MapSchema<ShipmentSchema>();
  @type([NewsSchema]) news = new ArraySchema<NewsSchema>();
  @type("string") scoreBy: ScoreMeasure = "equity";
  @type("boolean") classWorld = false;
}
