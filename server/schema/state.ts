/**
 * The synced state: a projection of the engine's plain state, written after each step. Fractional
 * figures are float64: schema's "number" may send them as float32 and round money and shares. What everyone
 * may see is plain fields; a company's private details sit behind @view(), visible only to its own
 * seat's client and the host (StateView). No rule lives here.
 */
import { ArraySchema, MapSchema, Schema, type, view } from "@colyseus/schema";

export class RegionView extends Schema {
  @type("string") id = "";
  @type("string") policy = "allowed";
  @type("boolean") banPending = false;
  @type("boolean") offline = false;
  @type("float64") powerUsdPerKwh = 0;
  @type("float64") freeMw = 0;
  @type("float64") rowEhs = 0;
  @type("float64") sharePct = 0;
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
}

export class CompanyView extends Schema {
  @type("string") seat = "";
  @type("string") name = "";
  @type("boolean") bot = false;
  @type("boolean") connected = false;
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

export class NewsView extends Schema {
  @type("number") day = 0;
  @type("string") kind = "";
  @type("string") en = "";
  @type("string") zh = "";
  @type(["string"]) targets = new ArraySchema<string>();
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
