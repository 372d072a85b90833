/**
 * One machine or many: with REDIS_URL set, Colyseus shares presence (room list, messages) and the
 * matchmaking driver through Redis, so several processes serve one lobby; each client's socket goes
 * to the process that owns its room. Without it, everything stays in this process.
 */
import { matchMaker } from "@colyseus/core";
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";

export function scaleOptions(redisUrl: string | undefined, publicAddress?: string) {
  if (!redisUrl) return {};
  // Each process names the address its own rooms are reached at: a client matched through another
  // process is sent here for the socket.
  return {
    presence: new RedisPresence(redisUrl),
    driver: new RedisDriver(redisUrl),
    ...(publicAddress ? { publicAddress } : {}),
    // A new room is made by the process the request reached. Colyseus's default picks the process with
    // the fewest rooms from shared stats, which lag behind a burst: a class creating rooms together put
    // all 40 on one process (10/0, 5/5, 0/40 in three load tests). The proxy in front spreads requests.
    selectProcessIdToCreateRoom: () => Promise.resolve(matchMaker.processId),
  };
}
