/**
 * The prediction card: the question the teacher asked, on every screen. Students answer on it (a
 * choice, or a number) while the countdown runs, and may change their answer until time is up; the
 * teacher sees the count and the distribution as answers come in, and closes and reveals from it; the
 * projector shows the distribution big before the reveal, then the answer. Fed by `question` messages.
 */
import { lang, onLangChange, pick, t } from "../i18n/index.ts";
import type { GameServer, Question } from "../net/Server.ts";
import { perform } from "./act.ts";
import { fill, h, status } from "./dom.ts";
import { formatAnswer } from "./format.ts";
import { shockLabel } from "./inject.ts";
import { choiceBars, median, numberBins, secondsLeft } from "./predictModel.ts";
import "./predict.css";

/** Students answer; the host closes and reveals; the projector shows it big; a spectator watches. */
export type CardMode = "student" | "host" | "projector" | "watch";

const num = (v: number): string => formatAnswer(v, lang());

function answerText(q: Question, given: number): string {
  return q.kind === "choice" ? pick(q.choices[given] ?? { en: "?", zh: "?" }) : num(given);
}

/** The distribution: bars per choice, or the numbers in bins with their median. */
function tallyPart(q: Question): HTMLElement | null {
  if (!q.tally) return null;
  if (q.kind === "choice") {
    const bars = choiceBars(q, (i) => pick(q.choices[i] ?? { en: "", zh: "" }));
    return h(
      "ol",
      { class: "predict-bars", "data-testid": "predict-tally" },
      ...bars.map((b) =>
        h(
          "li",
          { class: `${b.right ? "right" : ""} ${b.mine ? "mine" : ""}`.trim() },
          h("span", { class: "label", text: b.right ? `✓ ${b.label}` : b.label }),
          h("span", { class: "bar", style: `--pct:${b.pct}%` }),
          h("span", { class: "count", text: `${b.count} · ${b.pct}%` }),
        ),
      ),
    );
  }
  const mid = median(q.tally);
  if (mid === null) return h("p", { class: "muted", text: t("predict.noAnswers") });
  const bins = numberBins(q.tally);
  const most = Math.max(...bins.map((b) => b.count));
  return h(
    "div",
    { class: "predict-numbers", "data-testid": "predict-tally" },
    h(
      "ol",
      { class: "predict-bars" },
      ...bins.map((b) =>
        h(
          "li",
          {},
          h("span", { class: "label", text: `${num(b.from)} – ${num(b.to)}` }),
          h("span", { class: "bar", style: `--pct:${Math.round((b.count / most) * 100)}%` }),
          h("span", { class: "count", text: String(b.count) }),
        ),
      ),
    ),
    h("p", { text: t("predict.median", { v: num(mid), n: q.tally.length }) }),
  );
}

/** A student's way to answer: a button per choice, or a number field. */
function answerPart(q: Question, server: GameServer, out: HTMLElement): HTMLElement {
  const send = (given: { choice: number } | { value: number }) =>
    void perform(server.answer(q.id, given), out);
  if (q.kind === "choice") {
    return h(
      "div",
      { class: "predict-choices", role: "group", "aria-label": t("predict.title") },
      ...q.choices.map((c, i) =>
        h("button", {
          type: "button",
          class: q.mine === i ? "primary" : "",
          "aria-pressed": q.mine === i ? "true" : "false",
          "data-choice": i,
          text: pick(c),
          onclick: () => send({ choice: i }),
        }),
      ),
    );
  }
  const input = h("input", {
    id: "predict-number",
    type: "number",
    step: "any",
    inputmode: "decimal",
    value: q.mine === null ? "" : String(q.mine),
  });
  const label = q.measure === "retarget" ? t("predict.numberUnitPct") : t("predict.numberLabel");
  return h(
    "form",
    {
      class: "predict-number",
      onsubmit: (ev: Event) => {
        ev.preventDefault();
        const v = Number(input.value);
        if (input.value.trim() !== "" && Number.isFinite(v)) send({ value: v });
      },
    },
    h("label", { for: "predict-number", text: label }),
    input,
    h("button", { type: "submit", class: "primary", text: t("predict.send") }),
  );
}

function outcomePart(q: Question): HTMLElement | null {
  if (q.status === "waiting") return h("p", { class: "predict-wait", text: t("predict.waitingRetarget") });
  if (q.status !== "revealed") return null;
  return h(
    "div",
    { class: "predict-outcome", "data-testid": "predict-outcome" },
    h("strong", { text: t("predict.answer") }),
    h("p", { text: q.outcome ? pick(q.outcome.text) : t("predict.noOutcome") }),
  );
}

function hostButtons(q: Question, server: GameServer, out: HTMLElement): HTMLElement | null {
  if (q.status !== "open" && q.status !== "closed") return null;
  return h(
    "div",
    { class: "predict-host" },
    q.status === "open"
      ? h("button", {
          type: "button",
          text: t("predict.close"),
          onclick: () => void perform(server.host({ type: "closeQuestion" }), out),
        })
      : null,
    h("button", {
      type: "button",
      class: "primary",
      "data-testid": "predict-reveal",
      text: t("predict.reveal"),
      onclick: () => void perform(server.host({ type: "reveal" }), out),
    }),
  );
}

export function createPredictCard(parent: HTMLElement, server: GameServer, mode: () => CardMode) {
  const el = h("section", { class: "predict-card panel", hidden: true, "data-testid": "predict-card" });
  const clock = h("p", { class: "predict-clock", "aria-live": "off" });
  const out = status();
  parent.append(el);
  let q: Question | null = null;
  let deadline = 0;
  let dismissed = 0;

  function tick(): void {
    if (!q) return;
    const open = q.status === "open";
    const s = secondsLeft(deadline, performance.now());
    clock.textContent = open ? t("predict.secondsLeft", { s }) : t("predict.closed");
    clock.style.setProperty("--left", open ? `${(s / q.seconds) * 100}%` : "0%");
  }

  function render(): void {
    if (!q || dismissed === q.id) return void (el.hidden = true);
    const m = mode();
    el.hidden = false;
    el.dataset.status = q.status;
    el.classList.toggle("big", m === "projector");
    const hideable = q.status === "revealed";
    fill(
      el,
      h("h2", { text: `${t("predict.title")} · ${pick(q.prompt)}` }),
      q.template
        ? h("p", { class: "muted", text: t("predict.shock", { shock: shockLabel(q.template) }) })
        : null,
      clock,
      m === "student" && q.status === "open" ? answerPart(q, server, out) : null,
      m === "student" && q.mine !== null
        ? h("p", {
            class: "predict-mine",
            text: `${t("predict.mine", { a: answerText(q, q.mine) })}${q.status === "open" ? ` ${t("predict.changeHint")}` : ""}`,
          })
        : null,
      h("p", {
        class: "predict-count",
        "data-testid": "predict-count",
        text: t("predict.answered", { n: q.answered, m: q.eligible }),
      }),
      tallyPart(q),
      outcomePart(q),
      m === "host" ? hostButtons(q, server, out) : null,
      hideable
        ? h("button", {
            type: "button",
            text: t("predict.dismiss"),
            onclick: () => ((dismissed = q?.id ?? 0), render()),
          })
        : null,
      out,
    );
    tick();
  }

  const timer = setInterval(tick, 250);
  const off = server.events.on("question", (next) => {
    q = next;
    deadline = performance.now() + next.msLeft;
    render();
  });
  const offLang = onLangChange(render);
  /** Removes the card. */
  return () => {
    clearInterval(timer);
    off();
    offLang();
    el.remove();
  };
}
