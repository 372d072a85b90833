/**
 * Which strategy sits in which seat. A day's commands are applied seat by seat, so in a crunch the first
 * seat takes a region's last free kW before the others (exodus-2021, 100 runs: efficiency won 32% from
 * the first seat and 0% from the last). A fair comparison turns the strategies through the seats.
 */
import type { McConfig } from "./montecarlo.ts";

/** The seats of rotation r: strategy i in seat (i + r) mod n. */
export function rotation(bots: readonly string[], r: number): string[] {
  const n = bots.length;
  const seats = new Array<string>(n);
  bots.forEach((b, i) => (seats[(i + r) % n] = b));
  return seats;
}

/** The strategy in each seat of run `run`: turned by the run's number when the config asks for it. */
export function seatsOfRun(config: McConfig, run: number): string[] {
  return config.turnSeats ? rotation(config.bots, run % config.bots.length) : [...config.bots];
}
