/**
 * Which address created which live room, so that one address cannot hold more than its share of a
 * process's rooms: a single client once started a hundred bot games and slowed an honest game from 16
 * to under 10 game days a second. Rooms are looked up in this process; entries of rooms that are gone
 * are dropped as they are met.
 */
import { matchMaker } from "@colyseus/core";

const owners = new Map<string, string>();

export function noteCreated(roomId: string, address: string): void {
  owners.set(roomId, address);
}

/** Live rooms in this process created by `address`. */
export function liveRoomsOf(address: string): number {
  let count = 0;
  for (const [roomId, owner] of owners) {
    if (!matchMaker.getLocalRoomById(roomId)) owners.delete(roomId);
    else if (owner === address) count++;
  }
  return count;
}
