/**
 * A `preview` answered (moved out of GameRoom.ts, which is at its size ceiling): the engine's verdict
 * and quote, as the sender's seat (or the seat the host names); nothing changes.
 */
import type { Client } from "@colyseus/core";
import { preview } from "../../shared/engine/preview.ts";
import type { PreviewRequest } from "../../shared/protocol/index.ts";
import type { Refused } from "../../shared/protocol/refusals/index.ts";
import { authorize, type ActorInfo } from "../game/authorize.ts";
import type { GameSession } from "../game/session.ts";

export function answerPreview(
  session: GameSession,
  client: Client,
  ref: string | undefined,
  member: ActorInfo,
  request: PreviewRequest,
  deny: (client: Client, ref: string | undefined, refusal: Refused) => void,
): void {
  const seat = request.seat ?? null;
  const denial = authorize({ kind: "preview", seat }, member, session.phase);
  if (denial) return deny(client, ref, denial);
  const answer = preview(session.state, seat ?? member.seat ?? "", request, session.caches);
  if ("malformed" in answer) return deny(client, ref, answer.malformed);
  client.send("preview", { ...(ref ? { ref } : {}), ...answer.reply });
}
