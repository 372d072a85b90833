/** The HTTP side's refusals (server/http, server/http.ts) and the debrief's (server/debrief.ts). */
import type { RefusalEntry } from "./kit.ts";

/** What the admin secret guards. */
const ADMIN_ONLY_WHAT = {
  debugState: { en: "The debug state", zh: "调试状态" },
  metrics: { en: "Metrics", zh: "运行指标" },
} as const;

/** What the shared HTTP limits count (server/limits/httpLimits.ts). */
const REQUESTS_WHAT = {
  code: { en: "join-code look-ups", zh: "查询加入码" },
  matchmake: { en: "join and create requests", zh: "加入或创建游戏" },
  export: { en: "export downloads", zh: "下载导出数据" },
  debrief: { en: "debrief requests", zh: "请求复盘" },
} as const;

export const HTTP_REFUSALS = {
  // Requests the server cannot read.
  BODY_TOO_LARGE: {
    code: "TOO_LARGE",
    text: (p: { maxBytes: number }) => ({
      en: `The request body is larger than the server accepts (${p.maxBytes / 1024} KiB).`,
      zh: `请求内容超过服务器接受的上限（${p.maxBytes / 1024} KiB）。`,
    }),
  },
  BAD_ESCAPE: {
    code: "BAD_REQUEST",
    text: () => ({
      en: "The address has a malformed percent-escape: a % must be followed by two hexadecimal digits of valid UTF-8.",
      zh: "地址中的百分号转义格式错误：% 后面必须是两位十六进制数字，并构成有效的 UTF-8。",
    }),
  },
  BAD_URL: {
    code: "BAD_REQUEST",
    text: () => ({ en: "The request address cannot be parsed.", zh: "无法解析请求地址。" }),
  },
  NOT_FOUND: () => ({ en: "Nothing here.", zh: "此地址没有内容。" }),
  REQUEST_FAILED: {
    code: "INTERNAL",
    text: () => ({
      en: "The server failed on this request; the failure has been logged.",
      zh: "服务器处理此请求时出错，错误已记录。",
    }),
  },

  // Matchmaking.
  SHUTTING_DOWN: () => ({
    en: "The server is shutting down; games come back when it restarts.",
    zh: "服务器正在关闭；重启后游戏会恢复。",
  }),
  METHOD_NOT_ALLOWED: () => ({
    en: "Matchmaking takes POST (and OPTIONS for CORS).",
    zh: "匹配接口只接受 POST 请求（以及用于 CORS 的 OPTIONS）。",
  }),
  NO_MATCHMAKE_ROUTE: {
    code: "NO_ROUTE",
    text: (p: { methods: readonly string[] }) => ({
      en: `Matchmaking is POST /matchmake/<method>/<room>, method one of ${p.methods.join(", ")}.`,
      zh: `匹配接口为 POST /matchmake/<方法>/<房间>，方法为 ${p.methods.join("、")} 之一。`,
    }),
  },
  BAD_JSON: () => ({ en: "The room options must be a JSON object.", zh: "房间选项必须是一个 JSON 对象。" }),

  // Per-address limits (server/http/limits.ts).
  TOO_MANY_ROOMS: {
    code: "RATE_LIMITED",
    text: (p: { seconds: number }) => ({
      en: `Too many new games from your network address. Please wait ${p.seconds} s and try again.`,
      zh: `你的网络地址创建新游戏过于频繁，请等待 ${p.seconds} 秒后再试。`,
    }),
  },
  SERVER_FULL: (p: { max: number }) => ({
    en: `The server is running as many games as it can (${p.max}). Please try again when one has ended.`,
    zh: `服务器上的游戏数量已达上限（${p.max} 局），请等有游戏结束后再试。`,
  }),
  TOO_MANY_GAMES: (p: { max: number }) => ({
    en: `This address already runs ${p.max} games on this server; end one before starting another.`,
    zh: `该地址已在本服务器上运行 ${p.max} 局游戏；请先结束一局再开新局。`,
  }),
  TOO_MANY_MISSES: {
    code: "RATE_LIMITED",
    text: (p: { seconds: number }) => ({
      en: `Too many join codes that matched no game. Please wait ${p.seconds} s and try again.`,
      zh: `输入的加入码多次没有对应的游戏，请等待 ${p.seconds} 秒后再试。`,
    }),
  },
  TOO_MANY_WRONG_SECRETS: {
    code: "RATE_LIMITED",
    text: (p: { seconds: number }) => ({
      en: `Too many wrong secrets or seat tokens from your network address. Please wait ${p.seconds} s and try again.`,
      zh: `你的网络地址多次输入错误的密钥或席位令牌，请等待 ${p.seconds} 秒后再试。`,
    }),
  },
  TOO_MANY_REQUESTS: {
    code: "RATE_LIMITED",
    text: (p: { seconds: number; what: keyof typeof REQUESTS_WHAT }) => ({
      en: `Too many ${REQUESTS_WHAT[p.what].en} from your network address. Please wait ${p.seconds} s and try again.`,
      zh: `你的网络地址${REQUESTS_WHAT[p.what].zh}过于频繁，请等待 ${p.seconds} 秒后再试。`,
    }),
  },

  // Join codes, rooms, secrets.
  BAD_CODE: () => ({ en: "A join code is 6 letters and digits.", zh: "加入码由 6 个字母和数字组成。" }),
  NO_SUCH_CODE: {
    code: "NO_GAME",
    text: () => ({ en: "No game has that join code.", zh: "没有使用这个加入码的游戏。" }),
  },
  NO_SUCH_ROOM: {
    code: "NO_GAME",
    text: () => ({ en: "No such room in this process.", zh: "本进程中没有这个房间。" }),
  },
  ADMIN_ONLY: {
    code: "FORBIDDEN",
    text: (p: { what: keyof typeof ADMIN_ONLY_WHAT }) => ({
      en: `${ADMIN_ONLY_WHAT[p.what].en} needs the admin secret.`,
      zh: `${ADMIN_ONLY_WHAT[p.what].zh}需要管理员密钥。`,
    }),
  },
  EXPORT_DENIED: {
    code: "FORBIDDEN",
    text: () => ({
      en: "Either there is no game with that id, or the host secret is not this game's.",
      zh: "没有这个 id 的游戏，或者主持人密钥不属于本局。",
    }),
  },

  // The debrief.
  NO_CREDENTIALS: () => ({
    en: "The debrief needs the host secret, or a player's seat token once the game has ended.",
    zh: "复盘需要主持人密钥；游戏结束后，玩家可凭席位令牌查看。",
  }),
  DEBRIEF_DENIED: {
    code: "FORBIDDEN",
    text: () => ({
      en: "Either there is no game with that id, or neither the host secret nor a seat token of it was given.",
      zh: "没有这个 id 的游戏，或者所给的既不是本局的主持人密钥，也不是本局的席位令牌。",
    }),
  },
  NOT_ENDED: () => ({
    en: "Players see the debrief when the game has ended; the host can open it at any time.",
    zh: "游戏结束后玩家才能查看复盘；主持人可随时查看。",
  }),
} as const satisfies Record<string, RefusalEntry>;
