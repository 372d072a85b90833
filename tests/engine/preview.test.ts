/**
 * The engine's preview, without a server: every command that has a quote gets its own kind of quote,
 * the verdict is validate's, nobody is quoted on another company's machines, and a shipment is judged
 * and quoted mode by mode.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { applyCommand, validate, type Command } from "../../shared/index.ts";
import { EngineCaches } from "../../shared/engine/caches.ts";
import { preview, type PreviewAnswer } from "../../shared/engine/preview.ts";
import type { GameState } from "../../shared/engine/state.ts";
import { newGame, player, stepUntil } from "../helpers/game.ts";

let g: GameState;
let lot: string;
const caches = new EngineCaches();
beforeAll(() => {
  g = newGame("halving-2020", 3, 2);
  stepUntil(g, "2020-10-01");
  expect(
    applyCommand(g, player(1), { type: "buyUsed", model: "s19-pro", quantity: 8, region: "us-texas" }),
  ).toEqual({
    ok: true,
  });
  lot = g.lots.at(-1)?.id ?? "";
});

const ask = (command: Command, as = "p1"): PreviewAnswer =>
  preview(g, as, { kind: "command", command }, caches);
const reply = (a: PreviewAnswer) => ("reply" in a ? a.reply : null);

describe("preview", () => {
  it("quotes each command with a quote by its own kind, and judges like validate", () => {
    const cases: [Command, string][] = [
      [{ type: "orderMachines", model: "s19-pro", quantity: 2 }, "order"],
      [{ type: "shipLot", lot, to: "us-washington", mode: "truck", insured: true }, "ship"],
      [{ type: "leaseCapacity", region: "us-texas", kw: 30 }, "lease"],
      [{ type: "releaseCapacity", region: "us-texas", kw: 30 }, "release"],
      [{ type: "sellMachines", lot, quantity: 2 }, "sale"],
      [{ type: "buyUsed", model: "s19-pro", quantity: 1, region: "us-texas" }, "used"],
      [{ type: "offerLot", lot, quantity: 2, to: "p2", priceCents: 100_000, days: 5 }, "offer"],
      [{ type: "sellBtc", sats: 1_000 }, "btc"],
      [{ type: "powerLot", lot, on: true }, "grey"],
    ];
    for (const [command, kind] of cases) {
      const r = reply(ask(command));
      expect([command.type, r?.quote?.kind]).toEqual([command.type, kind]);
      const verdict = validate(g, player(1), command, caches);
      expect([command.type, r?.ok, r?.error?.code]).toEqual([command.type, verdict === null, verdict?.code]);
    }
    expect(reply(ask({ type: "setSellRatio", ratioBps: 5_000 }))?.quote).toBeUndefined();
  });

  it("quotes nobody on another company's lot", () => {
    const r = reply(ask({ type: "sellMachines", lot, quantity: 1 }, "p2"));
    expect(r).toMatchObject({ ok: false, error: { code: "UNKNOWN_LOT" } });
    expect(r?.quote).toBeUndefined();
  });

  it("judges and quotes a shipment mode by mode", () => {
    const r = reply(ask({ type: "shipLot", lot, to: "us-washington", mode: "air", insured: false }));
    const modes = r?.quote?.kind === "ship" ? r.quote.modes : [];
    expect(modes.map((m) => m.mode).sort()).toEqual(["air", "rail", "sea", "truck"]);
    for (const m of modes) {
      const verdict = validate(g, player(1), {
        type: "shipLot",
        lot,
        to: "us-washington",
        mode: m.mode,
        insured: false,
      });
      expect([m.mode, m.ok]).toEqual([m.mode, verdict === null]);
    }
  });

  it("answers a malformed command with the reason, and the shop with the catalog", () => {
    const bad = preview(
      g,
      "p1",
      { kind: "command", command: { type: "orderMachines", quantity: -1 } },
      caches,
    );
    expect("malformed" in bad && bad.malformed.code).toBe("MALFORMED");
    const shop = reply(preview(g, "p1", { kind: "shop" }, caches));
    expect(shop?.quote?.kind).toBe("shop");
  });
});
