/**
 * The strategy API (shared/strategy): level-prefixed names; the view a strategy is given shows only what
 * its player sees, cannot be changed, and answers previews without changing the game; the built-in bots
 * answer through the registry exactly what shared/bots decides (with their privileged view only).
 */
import { describe, expect, it } from "vitest";
import {
  applyCommand,
  askStrategy,
  botDecideName,
  BUILTIN_STRATEGIES,
  builtinStrategy,
  EngineCaches,
  formatStrategyName,
  isStrategyPath,
  Lens,
  parseStrategyName,
  stateHash,
  step,
} from "../../shared/index.ts";
import { BotCaches, decide } from "../../shared/bots/index.ts";
import { newGame } from "../helpers/game.ts";

describe("strategy names", () => {
  it("splits a level prefix off, normal by default, and writes normal without one", () => {
    expect(parseStrategyName("hard:cheap-power")).toEqual({ level: "hard", strategy: "cheap-power" });
    expect(parseStrategyName("easy:./mine.ts")).toEqual({ level: "easy", strategy: "./mine.ts" });
    expect(parseStrategyName("trader")).toEqual({ level: "normal", strategy: "trader" });
    // An unknown prefix is part of the name (a path may hold a colon).
    expect(parseStrategyName("expert:trader")).toEqual({ level: "normal", strategy: "expert:trader" });
    expect(formatStrategyName({ level: "normal", strategy: "trader" })).toBe("trader");
    expect(formatStrategyName({ level: "hard", strategy: "trader" })).toBe("hard:trader");
    expect(botDecideName("hard:trader")).toBe("hard:trader");
  });

  it("tells strategy files from built-in names", () => {
    expect(["./a.ts", "../b.js", "/abs/c.ts", "d.mjs"].map(isStrategyPath)).toEqual([true, true, true, true]);
    expect(["efficiency", "cheap-power", "idle"].map(isStrategyPath)).toEqual([false, false, false]);
  });
});

describe("the strategy view", () => {
  const game = () => {
    const state = newGame("halving-2020", 3, 2);
    const caches = new EngineCaches();
    const seats = state.companies.map((c) => ({ name: c.name, kind: "bot" as const, connected: true }));
    return { state, caches, lens: new Lens(state, seats, caches) };
  };

  it("shows its own company's private part only, frozen", () => {
    const { lens } = game();
    const view = lens.viewFor("p1", "normal");
    expect(view.company?.priv?.cashCents).toBeGreaterThan(0);
    expect(view.world.companies.find((c) => c.seat === "p2")?.priv).toBeNull();
    expect(Object.isFrozen(view.world.regions[0])).toBe(true);
    expect(() => {
      (view.world.companies as unknown as unknown[]).push({});
    }).toThrow();
    // The other seat's view was not changed by the attempt, and sees its own private part.
    expect(lens.viewFor("p2", "normal").world.companies.find((c) => c.seat === "p2")?.priv).not.toBeNull();
  });

  it("shows what a seat acting earlier the same day did once told the state changed", () => {
    const { state, caches, lens } = game();
    const before = lens.viewFor("p2", "normal").world.companies.find((c) => c.seat === "p1");
    applyCommand(
      state,
      { kind: "company", companyId: "p1" },
      { type: "setSellRatio", ratioBps: 1234 },
      caches,
    );
    // Within the day the projection is kept (one per day for every seat) until the lens is told.
    expect(lens.viewFor("p2", "normal").world.companies.find((c) => c.seat === "p1")).toBe(before);
    lens.changed();
    const mine = lens.viewFor("p1", "normal").company?.priv;
    expect(mine?.sellRatioBps).toBe(1234);
  });

  it("cannot be turned to a rival's seat, nor change what other seats' views show", () => {
    const { lens } = game();
    const view = lens.viewFor("p1", "normal");
    // A strategy is JavaScript: TypeScript's readonly does not stop a write at run time, the freeze does.
    expect(() => {
      (view as { me: string }).me = "p2";
    }).toThrow(TypeError);
    expect(view.company?.seat).toBe("p1");
    expect(view.world.companies.find((c) => c.seat === "p2")?.priv).toBeNull();
    const proto = Object.getPrototypeOf(view) as object;
    expect(() => Object.defineProperty(proto, "company", { get: () => undefined })).toThrow(TypeError);
    expect(lens.viewFor("p2", "normal").company?.seat).toBe("p2");
  });

  it("answers previews and legal commands without changing the game", () => {
    const { state, lens } = game();
    const before = stateHash(state);
    const view = lens.viewFor("p1", "normal");
    const model = view.shop().models.find((m) => m.onSale);
    expect(model).toBeDefined();
    const order = { type: "orderMachines" as const, model: model?.id ?? "", quantity: 1 };
    expect(view.preview(order)).toMatchObject({ ok: true, quote: { kind: "order" } });
    expect(view.preview({ type: "orderMachines", model: "nope", quantity: 1 }).ok).toBe(false);
    expect(view.preview({ type: "nonsense" })).toMatchObject({
      ok: false,
      error: { code: "MALFORMED" },
    });
    expect(view.quoteOrder(order)?.unitCents).toBeGreaterThan(0);
    expect(view.legalCommands().length).toBeGreaterThan(0);
    expect(stateHash(state)).toBe(before);
  });

  it("works with its methods taken off it, and holds no way to the state but a built-in's privilege", () => {
    const { state, caches, lens } = game();
    const view = lens.viewFor("p1", "normal");
    const { shop, legalCommands, world, company } = view;
    expect(shop().models.length).toBeGreaterThan(0);
    expect(legalCommands().length).toBeGreaterThan(0);
    expect(world.companies.length).toBe(2);
    expect(company?.seat).toBe("p1");
    // Only what the API names is on the view: no lens, no state, and no privileged field at all.
    expect(Object.keys(view).sort()).toEqual([
      "days",
      "legalCommands",
      "level",
      "me",
      "preview",
      "quoteOrder",
      "shop",
      "tick",
      "usedBidUnitCents",
    ]);
    expect("privileged" in view).toBe(false);
    expect(lens.viewFor("p1", "normal", new BotCaches(caches)).privileged?.state).toBe(state);
  });

  it("gives the built-in bots' own commands through the registry, and none without their privilege", () => {
    const { state, caches, lens } = game();
    const bots = new BotCaches(caches);
    const direct = new BotCaches(new EngineCaches());
    expect(BUILTIN_STRATEGIES).toEqual(expect.arrayContaining(["efficiency", "cheap-power", "idle"]));
    for (let day = 0; day < 14; day++) {
      for (const name of ["efficiency", "cheap-power"]) {
        const strategy = builtinStrategy(name);
        if (!strategy) throw new Error(name);
        const mine = askStrategy(strategy, lens.viewFor("p1", "hard", bots), name);
        expect(mine.commands).toEqual(decide(state, "p1", `hard:${name}`, direct));
        expect(strategy.decide(lens.viewFor("p1", "normal"), "p1")).toEqual([]);
      }
      step(state, caches);
      lens.dayDone();
    }
  });
});

describe("asking a strategy", () => {
  const view = () => {
    const state = newGame("halving-2020", 3, 1);
    return new Lens(state, [], new EngineCaches()).viewFor("p1", "normal");
  };

  it("stops one that is async or whose answer throws when read, naming it and the day", () => {
    const async = askStrategy({ decide: (() => Promise.resolve([])) as never }, view(), "./a.ts");
    expect(async.failure).toBe(
      "strategy ./a.ts answered garbage on day 0: a list of commands expected, got a Promise (decide must answer at once, not be async)",
    );
    const hostile = new Proxy([1], {
      get() {
        throw new Error("gotcha");
      },
    });
    const read = askStrategy({ decide: () => hostile as never }, view(), "./b.ts");
    expect(read).toEqual({ commands: [], malformed: 0, failure: "strategy ./b.ts threw on day 0: gotcha" });
  });

  it("keeps well-formed commands and counts the others", () => {
    const answer = askStrategy(
      {
        decide: () =>
          [{ type: "setSellRatio", ratioBps: 5000 }, { type: "setSellRatio", ratioBps: -1 }, 7] as never,
      },
      view(),
      "./c.ts",
    );
    expect(answer).toEqual({
      commands: [{ type: "setSellRatio", ratioBps: 5000 }],
      malformed: 2,
      failure: null,
    });
  });
});
