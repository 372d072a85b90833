/**
 * The bots play the hosting layer (issue #13 §3, §6): in the sandbox's long crunch, cheap-power and efficiency
 * break ground on own sites (and bid for any queue they join), through commands the engine accepts.
 */
import { describe, expect, it } from "vitest";
import { runBots } from "./run.ts";

describe("bots in the sandbox's 2024-25 hosting crunch", () => {
  const queued = new Set<string>();
  const bids = new Set<string>();
  const sites = new Set<string>();
  const run = runBots("sandbox", 1, ["efficiency", "cheap-power", "cautious", "trader"], {
    onDay: (state) => {
      for (const r of state.hosting.queue) {
        queued.add(r.company);
        if (r.bidCentsPerKwMonth > 0) bids.add(r.company);
      }
      for (const s of state.hosting.sites) sites.add(s.owner);
    },
  });

  it("queue with a bid and build sites, and the engine refuses none of it", () => {
    // They build their own sites in the crunch. (They no longer need to queue in seed 1: a used purchase
    // is sized to the room the bot can get where the machines will run, so no lot lands in a full
    // region; what they do queue for, they bid for.)
    expect([...sites].some((c) => c === "p1" || c === "p2")).toBe(true);
    for (const c of queued) if (c === "p1" || c === "p2") expect(bids.has(c)).toBe(true);
    // Strategies without a bid or sites (cautious, trader) do neither.
    expect(queued.has("p3") || queued.has("p4") || sites.has("p3") || sites.has("p4")).toBe(false);
    const hosting = ["buildSite", "offerHosting", "respondHosting"];
    expect(run.rejections.filter((r) => hosting.includes(r.type))).toEqual([]);
  });
});
