/**
 * The views strategies are given, bound to one game. A Lens is made once per game by whoever plays the
 * strategies (the Monte-Carlo run, the tournament): after each day it is told the day's public notices
 * (the news the view shows); each day it hands every seat a StrategyView (api.ts).
 *
 * Lazy and cached: the world is projected the first time a strategy of the day reads it, once for all
 * seats, then frozen so that no strategy can change what another sees; each seat's copy hides the other
 * companies' private parts. A game of built-in bots never projects at all.
 */
import type { BotCaches } from "../bots/caches.ts";
import type { EngineCaches } from "../engine/caches.ts";
import { legalCommands } from "../engine/commands/legal.ts";
import { quoteOrder } from "../engine/commands/orderMachines.ts";
import { lotModel, lotThs, modelOf } from "../engine/fleet.ts";
import { usedBidUnitCents } from "../engine/market.ts";
import { preview } from "../engine/preview.ts";
import { regionIndex, uptimeToday } from "../engine/regions.ts";
import type { GameState } from "../engine/state.ts";
import { emptyNewsBoard, postNews, type NewsBoard } from "../view/news.ts";
import { viewOf, type SeatLabel } from "../view/project.ts";
import type { CompanyView, WorldView } from "../view/types.ts";
import type { Frozen, Preview, Privileged, ShopCatalog, StrategyView } from "./api.ts";
import type { Level } from "./names.ts";

/** Freezes a plain-data tree (the projection is plain data: arrays, objects, numbers, strings). */
function deepFreeze<T>(value: T): Frozen<T> {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value as Frozen<T>;
}

/**
 * Each company's TH/s today for the view, from its lots (nameplate × uptime where mining is allowed):
 * a room reads it from the day's ledgers, which a Monte-Carlo step does not make.
 */
function hashingOf(state: GameState, caches: EngineCaches): Map<string, number> {
  const ths = new Map<string, number>();
  for (const lot of state.lots) {
    if (lot.status !== "installed" || !lot.powered || lot.location.kind !== "region") continue;
    const r = regionIndex(state, lot.location.region, caches);
    if (r < 0 || state.world.regions[r]?.policy === "banned") continue;
    const value = lotThs(lotModel(state, lot, caches), lot.quantity) * uptimeToday(state, r, caches);
    ths.set(lot.owner, (ths.get(lot.owner) ?? 0) + value);
  }
  return ths;
}

export class Lens {
  private news: NewsBoard = emptyNewsBoard();
  private world: Frozen<WorldView> | null = null;
  private worldTick = -1;
  private readonly seatViews = new Map<string, Frozen<WorldView>>();

  constructor(
    private readonly state: GameState,
    private readonly seats: readonly SeatLabel[],
    private readonly caches: EngineCaches,
  ) {}

  /** After the day is stepped: its public notices go on the news (as a room posts them). */
  dayDone(): void {
    if (this.state.notices.length > 0)
      this.news = postNews(this.news, this.state.notices, this.state.scenario.regions);
  }

  /**
   * After commands changed the state within the day (a stand-in acting before the next one decides,
   * shared/bots/order.ts): the next read projects it afresh.
   */
  changed(): void {
    this.world = null;
  }

  /** The day's projection, made once (on first use) and frozen. */
  private projected(): Frozen<WorldView> {
    if (this.world === null || this.worldTick !== this.state.tick) {
      const input = {
        seats: this.seats,
        hideNames: false,
        hashing: hashingOf(this.state, this.caches),
        news: this.news,
      };
      this.world = deepFreeze(viewOf(this.state, input, this.caches));
      this.worldTick = this.state.tick;
      this.seatViews.clear();
    }
    return this.world;
  }

  /** What seat `me` sees today: the projection with every other company's private part hidden. */
  worldFor(me: string): Frozen<WorldView> {
    const world = this.projected();
    let mine = this.seatViews.get(me);
    if (!mine) {
      const companies = world.companies.map((c) => (c.seat === me ? c : { ...c, priv: null }));
      mine = deepFreeze({ ...world, companies } as WorldView);
      this.seatViews.set(me, mine);
    }
    return mine;
  }

  /** Seat `me`'s view for today; `privileged` only for the registry's built-in bots. */
  viewFor(me: string, level: Level, privileged?: BotCaches): StrategyView {
    return new SeatView(this, this.state, this.caches, me, level, privileged);
  }
}

/**
 * A seat's view (StrategyView). A class rather than an object literal: V8 makes a literal with getters
 * slowly (about a microsecond each, measured), and a Monte-Carlo game makes one per seat per day. The
 * getters live on the prototype; the methods stay closures, so that a strategy may take them off the
 * view (`const { shop } = view`) as before.
 */
class SeatView implements StrategyView {
  readonly tick: number;
  readonly days: number;
  readonly legalCommands: StrategyView["legalCommands"];
  readonly preview: StrategyView["preview"];
  readonly shop: StrategyView["shop"];
  readonly quoteOrder: StrategyView["quoteOrder"];
  readonly usedBidUnitCents: StrategyView["usedBidUnitCents"];
  declare readonly privileged?: Privileged;
  /** Truly private (#): a strategy must not reach the state through its view. */
  readonly #lens: Lens;
  /**
   * The seat the getters read, private too: `me` is only TypeScript-readonly, and a strategy that set it
   * to a rival's seat would otherwise read the rival's private part (cash, lots, offers) through `company`.
   */
  readonly #me: string;

  constructor(
    lens: Lens,
    state: GameState,
    caches: EngineCaches,
    readonly me: string,
    readonly level: Level,
    privileged?: BotCaches,
  ) {
    this.#lens = lens;
    this.#me = me;
    this.tick = state.tick;
    this.days = state.scenario.days;
    const ask = (request: Parameters<typeof preview>[2]) => preview(state, me, request, caches);
    this.legalCommands = () => legalCommands(state, { kind: "company", companyId: me }, caches);
    this.preview = (command: unknown): Preview => {
      const answer = ask({ kind: "command", command });
      return "malformed" in answer ? { ok: false, error: answer.malformed } : answer.reply;
    };
    this.shop = (): ShopCatalog => {
      const answer = ask({ kind: "shop" });
      return ("reply" in answer ? answer.reply.quote : undefined) as ShopCatalog;
    };
    this.quoteOrder = (order) => quoteOrder(state, order, caches);
    this.usedBidUnitCents = (model: string) => {
      const m = modelOf(state, model, caches);
      return m ? usedBidUnitCents(state, m) : null;
    };
    if (privileged) this.privileged = { state, bots: privileged };
    // A strategy runs in the same process as the others: nothing it writes on its view may change it.
    Object.freeze(this);
  }

  get world(): Frozen<WorldView> {
    return this.#lens.worldFor(this.#me);
  }

  get company(): Frozen<CompanyView> | undefined {
    return this.#lens.worldFor(this.#me).companies.find((c) => c.seat === this.#me);
  }
}
// Shared by every seat of every game in the process: a strategy must not redefine a getter for the others.
Object.freeze(SeatView.prototype);
