/**
 * The game room's refusals (server/rooms, server/game): who may do what, who gets in, and messages the
 * room cannot take.
 */
import { problem, type GamePhase, type Issue, type RefusalEntry } from "./kit.ts";

const PHASE_ZH: Record<GamePhase, string> = {
  lobby: "等待开始",
  running: "进行中",
  paused: "暂停",
  ended: "已结束",
};

export const ROOM_REFUSALS = {
  // Who may do what (server/game/authorize.ts); NOT_HOST and GAME_OVER are the engine's own words.
  UNKNOWN_HOST_ACTION: {
    code: "MALFORMED",
    text: (p: { action: string }) => ({
      en: `Unknown host action "${p.action}".`,
      zh: `未知的主持人操作"${p.action}"。`,
    }),
  },
  ALREADY_STARTED: () => ({ en: "The game has already started.", zh: "游戏已经开始。" }),
  NOT_IN_PHASE: {
    code: "NOT_RUNNING",
    text: (p: { phase: GamePhase }) => ({
      en: `Not possible while the game is ${p.phase}.`,
      zh: `游戏处于${PHASE_ZH[p.phase]}状态，无法执行。`,
    }),
  },
  NOT_STARTED: {
    code: "NOT_RUNNING",
    text: () => ({ en: "The game has not started yet.", zh: "游戏尚未开始。" }),
  },
  SPECTATOR: () => ({ en: "Spectators watch; they cannot act.", zh: "观众只能观看，不能操作。" }),
  NOT_HOST_PREVIEW: {
    code: "NOT_HOST",
    text: () => ({
      en: "Only the host can look at another company's options.",
      zh: "只有主持人可以查看其他公司的选项。",
    }),
  },
  NOT_A_PLAYER: () => ({ en: "You do not hold a seat in this game.", zh: "你在本局游戏中没有席位。" }),

  // Seats (server/game/join.ts, seatControls.ts) and connections (server/rooms).
  SEATS_TAKEN: {
    code: "BAD_SEAT",
    text: () => ({ en: "Every seat is taken; join as a spectator.", zh: "席位已满，请以观众身份加入。" }),
  },
  NO_SUCH_SEAT: {
    code: "BAD_SEAT",
    text: (p: { seat: string }) => ({ en: `No seat ${p.seat}.`, zh: `没有席位 ${p.seat}。` }),
  },
  NO_SUCH_PERSON: {
    code: "BAD_SEAT",
    text: () => ({
      en: "That person is no longer connected to this game.",
      zh: "此人已不在本局游戏中。",
    }),
  },
  HOLDS_A_SEAT: {
    code: "BAD_SEAT",
    text: () => ({
      en: "That person already plays another company.",
      zh: "此人已在经营另一家公司。",
    }),
  },
  NOT_BOT_PLAYED: {
    code: "BAD_SEAT",
    text: () => ({ en: "No bot is playing your company.", zh: "没有机器人在经营你的公司。" }),
  },
  SEAT_LOCKED: {
    code: "BAD_SEAT",
    text: () => ({
      en: "The teacher keeps a bot on your company; ask them to give it back.",
      zh: "老师让机器人继续经营你的公司；请让老师交还给你。",
    }),
  },
  BOT_PLAYING: {
    code: "BAD_SEAT",
    text: () => ({
      en: "A bot is playing your company: take it back first.",
      zh: "机器人正在经营你的公司：请先收回。",
    }),
  },
  SEAT_ELSEWHERE: () => ({
    en: "Your seat was opened in another window; this one now watches.",
    zh: "你的席位已在另一个窗口中打开；此窗口现在仅可观看。",
  }),
  WRONG_HOST_SECRETS: {
    code: "RATE_LIMITED",
    text: (p: { seconds: number }) => ({
      en: `Too many wrong host secrets from this address; try again in ${p.seconds} s.`,
      zh: `该地址输入错误的主持人密钥次数过多；请 ${p.seconds} 秒后再试。`,
    }),
  },
  HOST_CONNECTIONS: {
    code: "ROOM_FULL",
    text: (p: { max: number }) => ({
      en: `The host is already connected from ${p.max} places; close one first.`,
      zh: `主持人已在 ${p.max} 处连接；请先关闭一处。`,
    }),
  },
  SPECTATORS_FULL: {
    code: "ROOM_FULL",
    text: (p: { max: number }) => ({
      en: `This game already has ${p.max} spectators; players and the host can still join.`,
      zh: `本局已有 ${p.max} 名观众；玩家和主持人仍可加入。`,
    }),
  },
  SPECTATORS_PER_ADDRESS: {
    code: "ROOM_FULL",
    text: (p: { max: number }) => ({
      en: `At most ${p.max} spectators from one address.`,
      zh: `同一地址最多 ${p.max} 名观众。`,
    }),
  },

  // Messages the room cannot take (server/rooms/GameRoom.ts, inbound.ts, storeGate.ts).
  RATE_LIMITED: () => ({ en: "Too many messages; slow down.", zh: "消息过多，请放慢速度。" }),
  UNKNOWN_MESSAGE: () => ({
    en: "Unknown message type: see docs/protocol.md for the messages a client may send.",
    zh: "未知的消息类型：客户端可发送的消息见 docs/protocol.md。",
  }),
  INTERNAL: () => ({
    en: "The server could not handle that message; nothing changed.",
    zh: "服务器无法处理该消息；未作任何更改。",
  }),
  TOO_LARGE: () => ({ en: "Message too large.", zh: "消息过大。" }),
  FRAME_TOO_LARGE: {
    code: "TOO_LARGE",
    text: (p: { maxBytes: number }) => ({
      en: `Message too large: at most ${p.maxBytes / 1024} KB.`,
      zh: `消息过大：最多 ${p.maxBytes / 1024} KB。`,
    }),
  },
  UNDECODABLE: {
    code: "MALFORMED",
    text: () => ({ en: "The message could not be decoded.", zh: "无法解码该消息。" }),
  },
  MALFORMED_MESSAGE: {
    code: "MALFORMED",
    text: (p: { type: string; issue: Issue }) => ({
      en: `Malformed ${p.type} message${p.issue?.path.length ? ` at "${p.issue.path.join(".")}"` : ""}: ${problem(p.issue)}.`,
      zh: `${p.type} 消息格式错误：${problem(p.issue)}。`,
    }),
  },
  STORE_UNAVAILABLE: (p: { reason: string }) => ({
    en: `The server cannot save right now (${p.reason}), so it takes no commands; try again when the game goes on.`,
    zh: `服务器暂时无法保存（${p.reason}），因此不接受指令；游戏继续后请重试。`,
  }),
} as const satisfies Record<string, RefusalEntry>;
