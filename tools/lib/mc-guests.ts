/**
 * The seats of a Monte-Carlo run that play a strategy from a file (`--bots ./mine.ts`): each asked
 * through the public strategy API (a Lens view, no privileged access) and checked (shared/strategy/
 * play.ts). A strategy that throws or answers garbage is stopped for the rest of the run, its seat
 * idle, the reason kept on its company's result; malformed commands count as rejected. A strategy
 * that loops is the watchdog's (mc-watchdog.ts): the worker marks each call in shared memory, and when
 * the pool has to kill a worker it plays the run again with the seat stopped from that day (`stops`).
 */
import {
  askStrategy,
  isStrategyPath,
  Lens,
  parseStrategyName,
  type Command,
  type GameState,
  type Strategy,
  type StrategyName,
} from "../../shared/index.ts";
import type { EngineCaches } from "../../shared/index.ts";
import { evalStrategy } from "./strategyEval.ts";
import type { StrategyCode } from "./strategyModule.ts";

/** A seat stopped from a day on (a strategy the watchdog timed out, found out on an earlier attempt). */
export interface Stop {
  seat: number;
  tick: number;
  reason: string;
}

/** Marks the start and end of each call to a file's strategy (the worker's shared-memory slots). */
export interface Watch {
  start(seat: number, tick: number): void;
  end(): void;
}

export interface Guests {
  /** Bundled code of each path entry of the --bots list. */
  code: StrategyCode;
  stops?: readonly Stop[];
  watch?: Watch;
}

/** What a seat's company result keeps of its strategy's trouble. */
export interface GuestTally {
  rejected: number;
  rejectedByCode: Record<string, number>;
  failure?: string;
}

interface Seat {
  name: StrategyName;
  strategy: Strategy;
  stopped: boolean;
}

/** Whether a --bots entry is a strategy file (level prefix allowed: `hard:./mine.ts`). */
export const isGuestEntry = (entry: string): boolean => isStrategyPath(parseStrategyName(entry).strategy);

export class GuestSeats {
  private readonly seats: (Seat | null)[];
  private readonly lens: Lens;

  constructor(
    entries: readonly string[],
    private readonly guests: Guests,
    state: GameState,
    caches: EngineCaches,
  ) {
    this.seats = entries.map((entry) => {
      const name = parseStrategyName(entry);
      if (!isStrategyPath(name.strategy)) return null;
      const code = guests.code[name.strategy];
      if (code === undefined) throw new Error(`strategy ${name.strategy} was not loaded`);
      return { name, strategy: evalStrategy(code, name.strategy), stopped: false };
    });
    const labels = entries.map((e) => ({ name: e, kind: "bot" as const, connected: true }));
    this.lens = new Lens(state, labels, caches);
  }

  /** Whether seat `i` plays a strategy from a file (asked through `ask`, not the built-in bots). */
  has(i: number): boolean {
    return (this.seats[i] ?? null) !== null;
  }

  /** Seat `i`'s commands today (company `me`), with its trouble noted on `tally`. */
  ask(i: number, me: string, tick: number, tally: GuestTally): Command[] {
    const seat = this.seats[i];
    if (!seat || seat.stopped) return [];
    const stop = this.guests.stops?.find((s) => s.seat === i && s.tick <= tick);
    if (stop) {
      seat.stopped = true;
      tally.failure = stop.reason;
      return [];
    }
    this.guests.watch?.start(i, tick);
    const answer = askStrategy(seat.strategy, this.lens.viewFor(me, seat.name.level), seat.name.strategy);
    this.guests.watch?.end();
    if (answer.malformed > 0) {
      tally.rejected += answer.malformed;
      tally.rejectedByCode.MALFORMED = (tally.rejectedByCode.MALFORMED ?? 0) + answer.malformed;
    }
    if (answer.failure) {
      seat.stopped = true;
      tally.failure = answer.failure;
    }
    return answer.commands;
  }

  /** After a seat's commands changed the state: the next seat's view shows them. */
  changed(): void {
    this.lens.changed();
  }

  /** After the day is stepped: the news the views show. */
  dayDone(): void {
    this.lens.dayDone();
  }
}
