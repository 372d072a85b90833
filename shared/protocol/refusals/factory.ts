/** Refusals of the factory queue's commands (pre-orders, issue #13 §3). */
import type { RefusalEntry } from "./kit.ts";

export const FACTORY_REFUSALS = {
  FACTORY_SOLD_OUT: (p: { model: string; batches: number }) => ({
    en: `The factory's queue for ${p.model} is full for the next ${p.batches} months: order fewer units or bid a higher premium.`,
    zh: `工厂未来 ${p.batches} 个月的 ${p.model} 排产已满：请减少台数或提高预购溢价。`,
  }),
  PREMIUM_TOO_HIGH: {
    code: "BAD_PARAMS",
    text: (p: { maxBps: number }) => ({
      en: `A pre-order premium can be at most ${p.maxBps / 100}% over list.`,
      zh: `预购溢价最多为标价的 ${p.maxBps / 100}%。`,
    }),
  },
  UNKNOWN_PREORDER: (p: { order: string }) => ({
    en: `No pre-order "${p.order}" of yours in a factory queue.`,
    zh: `工厂排队中没有你的预购"${p.order}"。`,
  }),
} as const satisfies Record<string, RefusalEntry>;
