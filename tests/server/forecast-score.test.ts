/**
 * Scored forecasts (server/game/forecastScore.ts): a number by closeness (100 exact, half per
 * HALF_POINTS off), a choice by being the measured range, nothing for an unmeasured question; a
 * company's score adds its points over the measured questions only.
 */
import { describe, expect, it } from "vitest";
import { forecastPoints, forecastScores, HALF_POINTS } from "../../server/game/forecastScore.ts";
import type { Question } from "../../server/game/predictions.ts";

function question(id: number, over: Partial<Question>): Question {
  return {
    id,
    prompt: { en: "?", zh: "？" },
    kind: "number",
    choices: [],
    seconds: 30,
    measure: "retarget",
    shock: null,
    askedDay: 0,
    askedTick: 0,
    closesAt: 0,
    status: "revealed",
    pausedGame: false,
    answers: {},
    outcome: null,
    rev: 1,
    ...over,
  };
}

const measured = (value: number, choice: number | null = null) => ({
  text: { en: "", zh: "" },
  value,
  choice,
  day: 0,
});

describe("forecast scores", () => {
  it("score a number by closeness: exact 100, half per HALF_POINTS off, never below 0", () => {
    const q = question(1, { outcome: measured(3.2) });
    expect(forecastPoints(q, 3.2)).toBe(100);
    expect(forecastPoints(q, 3.2 + HALF_POINTS)).toBe(50);
    expect(forecastPoints(q, 3.2 - HALF_POINTS)).toBe(50);
    expect(forecastPoints(q, 3.2 + 2 * HALF_POINTS)).toBe(25);
    expect(forecastPoints(q, 1000)).toBe(0);
    // Closer is never worse.
    expect(forecastPoints(q, 2)!).toBeGreaterThan(forecastPoints(q, 0)!);
  });

  it("score a choice by the measured range, and nothing without a measured outcome", () => {
    const choice = question(1, { kind: "choice", outcome: measured(-1, 0) });
    expect(forecastPoints(choice, 0)).toBe(100);
    expect(forecastPoints(choice, 1)).toBe(0);
    expect(forecastPoints(question(2, { outcome: null }), 0)).toBeNull();
    expect(forecastPoints(question(3, { kind: "choice", outcome: measured(2, null) }), 0)).toBeNull();
  });

  it("add each company's points over the measured questions only", () => {
    const scores = forecastScores([
      question(1, { outcome: measured(4), answers: { p1: 4, p2: 0 } }),
      question(2, { outcome: null, answers: { p1: 99, p3: 1 } }), // unmeasured: counts for nobody
      question(3, { outcome: measured(-2), answers: { p2: -2 } }),
    ]);
    expect(scores).toEqual([
      { company: "p1", points: 100, answered: 1, asked: 2 },
      { company: "p2", points: 25 + 100, answered: 2, asked: 2 },
    ]);
  });
});
