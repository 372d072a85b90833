/**
 * The synced state: a projection of the engine's plain state, written after each step. Fractional
 * figures are float64: schema's "number" may send them as float32 and round money and shares. What everyone
 * may see is plain fields; a company's private details sit behind @view(), visible only to its own
 * seat's client and the host (StateView). No rule lives here.
 */
import { ArraySchema, MapSchema, Schema, type, view } from "@colyseus/schema";

export class NewsView extends Schema {
  @type("number") day = 0;
  @type("string") kind = "";
  @type("string") en = "";
  @type("string") zh = "";
  @type(["string"]) targets = new ArraySchema<string>();
}

export class RegionView extends Schema {
  @type("string") id = "";
  /** ISO country: news about the country (tariffs, bans) concerns the region too. */
  @type("string") country = "";
  @type("string") policy = "allowed";
  @type("boolean") banPending = false;
  @type("boolean") offline = false;
  @type("float64") powerUsdPerKwh = 0;
  @type("float64") freeMw = 0;
  @type("float64") rowEhs = 0;
  @type("float64") sharePct = 0;
  /** The last few news items naming the region or its country (policy history for the region panel). */
  @type([NewsView]) history = new ArraySchema<NewsView>();
}

export class LotView extends Schema {
  @type("string") id = "";
  @type("string") model = "";
  @type("number") quantity = 0;
  @type("string") status = "";
  /** "factory:<hub>", "region:<id>" or "shipment:<id>". */
  @type("string") location = "";
  @type("boolean") powered = false;
  @type("string") origin = "";
  /** The model's name, for people (model is its id). */
  @type("string") name = "";
  /** Nameplate power, kW: what a lease must hold to install it. */
  @type("float64") kw = 0;
  /** Expected profit today at today's prices, USD (the engine's lotDay; 0 unless installed). */
  @type("float64") pnlUsdDay = 0;
  /** On order: the day it leaves the factory; in transit: the day customs decides (ISO), else "". */
  @type("string") until = "";
}

/** An open offer of machines this company made or received. */
export class OfferView extends Schema {
  @type("string") id = "";
  @type("string") from = "";
  @type("string") to = "";
  @type("string") lot = "";
  @type("string") model = "";
  @type("number") quantity = 0;
  @type("float64") priceUsd = 0;
  /** Last day it can be accepted (ISO). */
  @type("string") expires = "";
}

export class LeaseView extends Schema {
  @type("string") region = "";
  @type("number") kw = 0;
  @type("boolean") renewable = false;
}

export class CompanyPrivate extends Schema {
  @type("float64") cashUsd = 0;
  @type("float64") btc = 0;
  @type("number") sellRatioBps = 0;
  @type("string") payout = "pool";
  @type({ map: LotView }) lots = new MapSchema<LotView>();
  @type([LeaseView]) leases = new ArraySchema<LeaseView>();
  @type({ map: OfferView }) offers = new MapSchema<OfferView>();
}

export class CompanyView extends Schema {
  @type("string") seat = "";
  @type("string") name = "";
  @type("boolean") bot = false;
  @type("boolean") connected = false;
  /** A person holds the seat but is away: a bot stands in until they come back (bot is true too). */
  @type("boolean") away = false;
  @type("float64") equityUsd = 0;
  @type("float64") minedBtc = 0;
  @type("float64") ths = 0;
  @type("float64") carbonT = 0;
  @type("boolean") bankrupt = false;
  @type("number") rank = 0;
  @view() @type(CompanyPrivate) priv = new CompanyPrivate();
}

export class ShipmentView extends Schema {
  @type("string") id = "";
  @type("string") owner = "";
  @type("string") mode = "";
  @type("string") status = "";
  /** Share of the way covered, 0..1, for the map. */
  @type("float64") progress = 0;
  /** Waypoints as [lon, lat, lon, lat, ...]. */
  @type(["float64"]) path = new ArraySchema<number>();
}

export class GameRoomState extends Schema {
  @type("string") phase = "lobby";
  @type("string") scenario = "";
  @type("string") code = "";
  @type("boolean") privateRoom = false;
  @type("number") pace = 1;
  @type("boolean") hideNames = false;
  @type("string") date = "";
  @type("number") tick = 0;
  @type("number") days = 0;
  @type("number") height = 0;
  @type("float64") difficulty = 0;
  @type("number") nextRetargetHeight = 0;
  @type("float64") retargetEstimatePct = 0;
  @type("number") nextHalvingHeight = 0;
  @type("float64") priceUsd = 0;
  @type("float64") hashpriceUsd = 0;
  @type("float64") networkEhs = 0;
  @type("float64") playerEhs = 0;
  @type({ map: RegionView }) regions = new MapSchema<RegionView>();
  @type({ map: CompanyView }) companies = new MapSchema<CompanyView>();
  @type({ map: ShipmentView }) shipments = new MapSchema<ShipmentView>();
  @type([NewsView]) news = new ArraySchema<NewsView>();
}
