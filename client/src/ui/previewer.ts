/**
 * Keeps one preview fresh for a panel: asks the server's engine when what the player typed changes
 * (debounced), again as the game's days pass (throttled, so a fast game does not flood the rate limit),
 * one request at a time, and drops answers to questions no longer asked. The panel renders whatever
 * state it reports; the engine decides, the client only shows.
 */
import type { PreviewReply } from "../../../shared/protocol/index.ts";
import { RequestError, type Bilingual } from "../net/pending.ts";

export type PreviewState =
  | { status: "idle" }
  | { status: "pending" }
  | { status: "done"; reply: PreviewReply }
  | { status: "failed"; code: string; reason: Bilingual };

/** A question for the server: a stable key (to tell questions apart) and how to ask it. */
export interface Question {
  key: string;
  ask(): Promise<PreviewReply>;
}

const TYPING_DELAY_MS = 220;
/** A day passing re-asks at most this often: prices move daily, people read slower than 1 Hz. */
const REFRESH_EVERY_MS = 1500;

export class Previewer {
  private question: Question | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight = false;
  private again = false;
  private lastSent = 0;
  private shownKey = "";
  state: PreviewState = { status: "idle" };

  constructor(private readonly onChange: (state: PreviewState) => void) {}

  /** A new question (or null: nothing to ask, e.g. a field is empty). */
  ask(question: Question | null, immediately = false): void {
    this.question = question;
    if (!question) {
      this.cancelTimer();
      this.shownKey = "";
      return this.show({ status: "idle" });
    }
    if (question.key !== this.shownKey) this.show({ status: "pending" });
    this.schedule(immediately ? 0 : TYPING_DELAY_MS);
  }

  /** The game moved on: ask the same question again, keeping the last answer on screen meanwhile. */
  refresh(): void {
    if (!this.question || this.timer) return;
    this.schedule(Math.max(0, REFRESH_EVERY_MS - (Date.now() - this.lastSent)));
  }

  stop(): void {
    this.cancelTimer();
    this.question = null;
    this.shownKey = "";
    this.state = { status: "idle" };
  }

  private schedule(ms: number): void {
    this.cancelTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.inFlight) this.again = true;
      else this.send();
    }, ms);
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private send(): void {
    const question = this.question;
    if (!question) return;
    this.inFlight = true;
    this.lastSent = Date.now();
    const current = () => this.question?.key === question.key;
    question
      .ask()
      .then((reply) => current() && this.settle(question.key, { status: "done", reply }))
      .catch((e: unknown) => {
        if (!current()) return;
        const reason = e instanceof RequestError ? e.reason : { en: String(e), zh: String(e) };
        this.settle(question.key, {
          status: "failed",
          code: e instanceof RequestError ? e.code : "ERROR",
          reason,
        });
      })
      .finally(() => {
        this.inFlight = false;
        if (this.again) {
          this.again = false;
          this.send();
        }
      });
  }

  private settle(key: string, state: PreviewState): void {
    this.shownKey = key;
    this.show(state);
  }

  private show(state: PreviewState): void {
    this.state = state;
    this.onChange(state);
  }
}
