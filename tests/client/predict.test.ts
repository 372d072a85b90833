/**
 * Prediction questions without a network: the book's rules (server/game/predictions.ts: one answer a
 * seat, changeable until time is up, the retarget outcome and the choice it falls in, a restored open
 * question closed) and the card's model (client/src/ui/predictModel.ts: bars, median, bins).
 */
import { describe, expect, it } from "vitest";
import {
  answer,
  ask,
  choiceFor,
  emptyBook,
  restoredBook,
  reveal,
  settle,
  tally,
} from "../../server/game/predictions.ts";
import type { AskAction, QuestionView } from "../../shared/protocol/index.ts";
import { choiceBars, median, numberBins, secondsLeft } from "../../client/src/ui/predictModel.ts";
import { podium } from "../../client/src/ui/podiumModel.ts";

const RETARGET: AskAction = {
  type: "ask",
  prompt: { en: "Next retarget?", zh: "下次调整？" },
  kind: "choice",
  choices: [
    { en: "Down", zh: "降", max: 0 },
    { en: "Up", zh: "升", min: 0 },
  ],
  seconds: 10,
  measure: "retarget",
};
const at = { now: 1000, day: 18_300, tick: 5, running: true };
const retarget = (changePpm: number) => ({
  day: 18_310,
  retargets: [{ height: 612_864, day: 18_310, time: 0, oldBits: 0, newBits: 0, changePpm }],
});

describe("the prediction book", () => {
  it("takes one answer a seat, changeable until time is up", () => {
    const book = emptyBook();
    expect(ask(book, RETARGET, at)).toBeNull();
    expect(answer(book, "p1", { question: 1, choice: 0 }, 2000)).toBeNull();
    expect(answer(book, "p1", { question: 1, choice: 1 }, 3000)).toBeNull();
    expect(answer(book, "p2", { question: 1, choice: 1 }, 3000)).toBeNull();
    expect(answer(book, "p3", { question: 1, choice: 2 }, 3000)?.code).toBe("BAD_ANSWER");
    expect(answer(book, "p3", { question: 2, choice: 0 }, 3000)?.code).toBe("NO_QUESTION");
    expect(answer(book, "p3", { question: 1, choice: 0 }, 11_000)?.code).toBe("NO_QUESTION"); // time is up
    expect(tally(book.questions[0]!)).toEqual([0, 2]);
    expect(ask(book, RETARGET, at)?.code).toBe("QUESTION_PENDING");
  });

  it("waits for the retarget at the reveal, then names the choice it fell in", () => {
    const book = emptyBook();
    ask(book, RETARGET, at);
    const done = reveal(book, at.day);
    expect("code" in done).toBe(false);
    expect(book.questions[0]!.status).toBe("waiting");
    expect(settle(book, { day: 18_309, retargets: [] })).toBe(false);
    expect(settle(book, retarget(-31_234))).toBe(true);
    const q = book.questions[0]!;
    expect(q.status).toBe("revealed");
    expect(q.outcome).toMatchObject({ value: -3.12, choice: 0 });
    expect(q.outcome!.text.en).toBe("The retarget at block 612864 changed difficulty by -3.12%.");
    expect(choiceFor(q, 4)).toBe(1);
  });

  it("closes a question that was open when the server restarted (its countdown is gone), answers kept", () => {
    const book = emptyBook();
    ask(book, RETARGET, at);
    answer(book, "p1", { question: 1, choice: 1 }, 2000);
    const restored = restoredBook(JSON.parse(JSON.stringify(book.questions)));
    expect(restored.questions[0]!.status).toBe("closed");
    expect(restored.questions[0]!.answers).toEqual({ p1: 1 });
    expect(restored.revision).toBeGreaterThan(book.revision - 1);
  });
});

describe("the card's model", () => {
  const view: QuestionView = {
    id: 1,
    prompt: { en: "?", zh: "?" },
    kind: "choice",
    choices: [
      { en: "a", zh: "a" },
      { en: "b", zh: "b" },
      { en: "c", zh: "c" },
    ],
    seconds: 30,
    msLeft: 0,
    status: "revealed",
    measure: "retarget",
    template: null,
    answered: 4,
    eligible: 5,
    tally: [1, 3, 0],
    mine: 1,
    outcome: { text: { en: "x", zh: "x" }, value: 1, choice: 0 },
  };
  it("draws a bar per choice with its share, the right one and mine marked", () => {
    expect(choiceBars(view, (i) => `#${i}`)).toEqual([
      { label: "#0", count: 1, pct: 25, right: true, mine: false },
      { label: "#1", count: 3, pct: 75, right: false, mine: true },
      { label: "#2", count: 0, pct: 0, right: false, mine: false },
    ]);
    expect(choiceBars({ ...view, tally: null }, String)).toEqual([]);
  });
  it("gives a number tally's median and bins", () => {
    expect(median([3, -1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
    const bins = numberBins([0, 1, 2, 3, 4, 5, 6], 3);
    expect(bins.map((b) => b.count)).toEqual([2, 2, 3]);
    expect(numberBins([2, 2])).toEqual([{ from: 2, to: 3, count: 2 }]);
  });
  it("counts whole seconds down to zero", () => {
    expect(secondsLeft(10_500, 1_000)).toBe(10);
    expect(secondsLeft(1_000, 2_000)).toBe(0);
  });
});

describe("the podium", () => {
  const companies = ["Ana", "Bo", "Cy", "Di"].map((name, i) => ({ id: `p${i + 1}`, name, bot: false }));
  const final = {
    equityUsd: [5_000_000, 7_500_000, 4_000_000, 6_000_000],
    carbonT: [],
    bankrupt: [],
    rank: [],
    scoreValue: [],
  };
  it("stands the top three by final equity, and finds the reader's own rank", () => {
    const { top, mine } = podium({ companies, final, seat: "p3" });
    expect(top.map((c) => [c.rank, c.name])).toEqual([
      [1, "Bo"],
      [2, "Di"],
      [3, "Ana"],
    ]);
    expect(mine).toMatchObject({ rank: 4, name: "Cy" });
    expect(podium({ companies, final, seat: null }).mine).toBeNull();
  });
});
