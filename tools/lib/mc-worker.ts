/**
 * A Monte-Carlo worker thread: takes the resolved scenario once (from the pool, as plain data: no YAML
 * to parse again per thread), then plays the runs the pool hands it, one at a time, and posts each
 * result back as plain data. Started by mc-pool.ts, bundled by mc-bundle.ts.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Scenario } from "../../shared/index.ts";
import { BotCaches } from "../../shared/bots/index.ts";
import { BOTS, playRun, type McConfig } from "./montecarlo.ts";
import type { ToPool, ToWorker } from "./mc-pool.ts";
import type { Guests } from "./mc-guests.ts";
import { slotWatch } from "./mc-watchdog.ts";
import { internStrings } from "./mc-intern.ts";
import type { StrategyCode } from "./strategyModule.ts";

const port = parentPort;
if (!port) throw new Error("mc-worker.ts runs as a worker thread (see mc-pool.ts)");
const send = (message: ToPool): void => port.postMessage(message);

const { config, logRun, guests, slots } = workerData as {
  config: McConfig;
  logRun: number | null;
  /** Bundled strategies from files (null: built-in bots only), and the watchdog's slots for them. */
  guests: StrategyCode | null;
  slots: SharedArrayBuffer | null;
};
const watch = slots ? slotWatch(slots) : undefined;
/** The scenario with its strings internalized (mc-intern.ts: the ids compare faster). */
const scenario = internStrings((workerData as { scenario: Scenario }).scenario);

/** The speed caches of the runs this thread plays, one after another (see playRun). */
const caches = new BotCaches();

const describe = (error: unknown): string =>
  error instanceof Error ? (error.stack ?? error.message) : String(error);

port.on("message", (message: ToWorker) => {
  if (message.type === "stop") {
    port.close();
    return;
  }
  try {
    const files: Guests | null = guests && {
      code: guests,
      stops: message.stops ?? [],
      ...(watch ? { watch } : {}),
    };
    const played = playRun(scenario, BOTS, config, message.run, message.run === logRun, caches, files);
    send({ type: "result", result: played.result, log: played.log });
  } catch (error) {
    send({ type: "error", message: describe(error) });
  }
});
send({ type: "ready" });
