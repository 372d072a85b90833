/** Refusals of prediction questions (server/game/predictions.ts): asking, answering, revealing. */
import type { RefusalEntry } from "./kit.ts";

export const PREDICT_REFUSALS = {
  NO_QUESTION: () => ({ en: "There is no question to answer now.", zh: "现在没有需要回答的问题。" }),
  QUESTION_CLOSED: {
    code: "NO_QUESTION",
    text: () => ({ en: "Time is up: answers are closed.", zh: "时间到：已停止作答。" }),
  },
  QUESTION_PENDING: () => ({
    en: "A question is still waiting for its reveal: reveal it first.",
    zh: "还有一个问题未揭晓答案：请先揭晓。",
  }),
  NOTHING_TO_REVEAL: {
    code: "NO_QUESTION",
    text: () => ({ en: "No question is waiting for its reveal.", zh: "没有等待揭晓的问题。" }),
  },
  TOO_FEW_CHOICES: {
    code: "BAD_ANSWER",
    text: () => ({ en: "A choice question needs at least two choices.", zh: "选择题至少需要两个选项。" }),
  },
  BAD_CHOICE: {
    code: "BAD_ANSWER",
    text: (p: { choices: number }) => ({
      en: `Pick one of the ${p.choices} choices.`,
      zh: `请从 ${p.choices} 个选项中选择一个。`,
    }),
  },
  NUMBER_NEEDED: {
    code: "BAD_ANSWER",
    text: () => ({ en: "Enter a number.", zh: "请输入一个数字。" }),
  },
  NOT_ANSWERING: {
    code: "NOT_A_PLAYER",
    text: () => ({ en: "Only players with a company answer.", zh: "只有拥有公司的玩家可以作答。" }),
  },
} as const satisfies Record<string, RefusalEntry>;
