/**
 * Prediction questions a class answers on their devices: the host asks (choices or a number, a
 * countdown, optionally with a shock held back until the reveal, or measured against the next
 * retarget), each seat answers once and may change it until time is up, the host reveals.
 *
 * Plain data (the book) and functions over it, so that the store keeps it and a restart restores it:
 * the book is not engine state (answers change no rule, and the action log replays without them).
 * Time comes in as the room clock's milliseconds; every change bumps the book's revision, which tells
 * the store what to write.
 */
import type { StepReport } from "../../shared/index.ts";
import type { AnswerMessage, AskAction, QuestionView } from "../../shared/protocol/index.ts";
import { refuse } from "../../shared/protocol/refusals/index.ts";
import type { Text } from "../../shared/scenario/types.ts";
import type { Denial } from "./authorize.ts";

export type QuestionStatus = QuestionView["status"];

export interface Choice extends Text {
  /** The measured outcome's range this choice stands for, percent (min inclusive, max exclusive). */
  min?: number;
  max?: number;
}

export interface Outcome {
  text: Text;
  /** The measured change, percent (null when nothing is measured). */
  value: number | null;
  /** The choice whose range holds the value, or null. */
  choice: number | null;
  day: number;
}

export interface Question {
  id: number;
  prompt: Text;
  kind: "choice" | "number";
  choices: Choice[];
  seconds: number;
  measure: "none" | "retarget";
  shock: AskAction["shock"] | null;
  askedDay: number;
  askedTick: number;
  /** Room clock, ms: answers close then (a restored question is closed: its clock is gone). */
  closesAt: number;
  status: QuestionStatus;
  /** The game ran when asked: the reveal lets it run again. */
  pausedGame: boolean;
  /** Seat → its answer: a choice's index or the number. */
  answers: Record<string, number>;
  outcome: Outcome | null;
  /** The book's revision when this question last changed (the store writes what is newer). */
  rev: number;
}

export interface PredictionBook {
  questions: Question[];
  revision: number;
}

export const emptyBook = (): PredictionBook => ({ questions: [], revision: 0 });

/** The latest question, whatever its status. */
export const current = (book: PredictionBook): Question | undefined => book.questions.at(-1);

function touch(book: PredictionBook, q: Question): void {
  book.revision++;
  q.rev = book.revision;
}

/** The game's clock and day, as a question is asked in it. */
export interface AskContext {
  now: number;
  day: number;
  tick: number;
  running: boolean;
}

/** Asks a new question; refused while the last one has not been revealed, or without two choices. */
export function ask(book: PredictionBook, action: AskAction, at: AskContext): Denial | null {
  const last = current(book);
  if (last && last.status !== "revealed") return refuse("QUESTION_PENDING");
  if (action.kind === "choice" && action.choices.length < 2) return refuse("TOO_FEW_CHOICES");
  const q: Question = {
    id: (last?.id ?? 0) + 1,
    prompt: action.prompt,
    kind: action.kind,
    choices: action.kind === "choice" ? action.choices : [],
    seconds: action.seconds,
    measure: action.measure,
    shock: action.shock ?? null,
    askedDay: at.day,
    askedTick: at.tick,
    closesAt: at.now + action.seconds * 1000,
    status: "open",
    pausedGame: at.running,
    answers: {},
    outcome: null,
    rev: 0,
  };
  book.questions.push(q);
  touch(book, q);
  return null;
}

/** A seat's answer (again: it replaces the first) while the question is open and time is left. */
export function answer(book: PredictionBook, seat: string, a: AnswerMessage, now: number): Denial | null {
  const q = current(book);
  if (!q || q.id !== a.question) return refuse("NO_QUESTION");
  if (q.status !== "open" || now >= q.closesAt) return refuse("QUESTION_CLOSED");
  let given: number;
  if (q.kind === "choice") {
    if (a.choice === undefined || a.choice >= q.choices.length)
      return refuse("BAD_CHOICE", { choices: q.choices.length });
    given = a.choice;
  } else {
    if (a.value === undefined) return refuse("NUMBER_NEEDED");
    given = a.value;
  }
  q.answers[seat] = given;
  touch(book, q);
  return null;
}

/** Closes the open question (time is up, or the host closed it); true if it was open. */
export function closeAnswers(book: PredictionBook): boolean {
  const q = current(book);
  if (!q || q.status !== "open") return false;
  q.status = "closed";
  touch(book, q);
  return true;
}

/** What a reveal asks of the room: the shock to inject now, and whether the game may run again. */
export interface Reveal {
  question: Question;
  shock: AskAction["shock"] | null;
  resume: boolean;
}

/**
 * The host reveals: answers close, a held shock is handed back to be injected now, and a measured
 * question waits for its outcome (the game must run for it). Without either, the reveal is the class's
 * own distribution: the host tells the answer.
 */
export function reveal(book: PredictionBook, day: number): Reveal | Denial {
  const q = current(book);
  if (!q || (q.status !== "open" && q.status !== "closed")) return refuse("NOTHING_TO_REVEAL");
  q.status = q.measure === "retarget" ? "waiting" : "revealed";
  if (q.status === "revealed") {
    q.outcome = q.shock
      ? { text: { en: "The shock happens now.", zh: "冲击现在发生。" }, value: null, choice: null, day }
      : null;
  }
  touch(book, q);
  return { question: q, shock: q.shock, resume: q.pausedGame || q.measure === "retarget" };
}

/** The choice whose range holds `value`, if the question has ranges. */
export function choiceFor(q: Pick<Question, "choices">, value: number): number | null {
  const i = q.choices.findIndex(
    (c) => (c.min === undefined || value >= c.min) && (c.max === undefined || value < c.max),
  );
  return i < 0 || q.choices.every((c) => c.min === undefined && c.max === undefined) ? null : i;
}

const pct = (v: number) => `${v >= 0 ? "+" : ""}${v.toFixed(2)}%`;

/** After a day: a question waiting for the retarget gets its outcome when one happened. True if so. */
export function settle(book: PredictionBook, report: Pick<StepReport, "retargets" | "day">): boolean {
  const q = current(book);
  const r = report.retargets[0];
  if (!q || q.status !== "waiting" || !r) return false;
  const value = Math.round(r.changePpm / 100) / 100;
  q.outcome = {
    text: {
      en: `The retarget at block ${r.height} changed difficulty by ${pct(value)}.`,
      zh: `区块 ${r.height} 的难度调整幅度为 ${pct(value)}。`,
    },
    value,
    choice: choiceFor(q, value),
    day: report.day,
  };
  q.status = "revealed";
  touch(book, q);
  return true;
}

/** A question restored after a restart: answers kept, answering closed (its countdown is gone). */
export function restoredBook(questions: Question[]): PredictionBook {
  const book: PredictionBook = { questions, revision: Math.max(0, ...questions.map((q) => q.rev)) };
  const q = current(book);
  if (q?.status === "open") {
    q.status = "closed";
    touch(book, q);
  }
  return book;
}

/** Who reads a question: the host and spectators (the projector) see the tally while answers are open. */
export interface Reader {
  seesTally: boolean;
  seat: string | null;
}

/** The tally: answers per choice, or the numbers answered, sorted. */
export function tally(q: Question): number[] {
  const given = Object.values(q.answers);
  if (q.kind === "number") return [...given].sort((a, b) => a - b);
  return q.choices.map((_, i) => given.filter((g) => g === i).length);
}

export function questionView(q: Question, reader: Reader, now: number, eligible: number): QuestionView {
  const open = q.status === "open";
  return {
    id: q.id,
    prompt: q.prompt,
    kind: q.kind,
    choices: q.choices.map((c) => ({ en: c.en, zh: c.zh })),
    seconds: q.seconds,
    msLeft: open ? Math.max(0, q.closesAt - now) : 0,
    status: q.status,
    measure: q.measure,
    template: q.shock?.template ?? null,
    answered: Object.keys(q.answers).length,
    eligible,
    tally: reader.seesTally || !open ? tally(q) : null,
    mine: reader.seat === null ? null : (q.answers[reader.seat] ?? null),
    outcome: q.outcome ? { text: q.outcome.text, value: q.outcome.value, choice: q.outcome.choice } : null,
  };
}
