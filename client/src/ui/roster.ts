/**
 * The teacher's roster of seats, from the room's own roster (the host-only `roster` message): in seat
 * order, so rows never move under the cursor; each seat tagged (connected, away, cared for, a bot
 * playing for a student, locked, kicked, open, bankrupt); handing a seat to a bot and kicking ask for
 * confirmation in the page; any seat can be given to a connected person without one (a student on a
 * new device, or who lost their token): their old token stops working.
 */
import { t } from "../i18n/index.ts";
import { STAND_IN_AFTER_CHOICES } from "../../../shared/protocol/constants.ts";
import type { GameServer, RosterInfo } from "../net/Server.ts";
import type { GameView } from "../net/view.ts";
import { perform } from "./act.ts";
import { fill, fillKeepFocus, h, status } from "./dom.ts";
import { levelOf, levelSelect, strategyTag } from "./botLevel.ts";
import type { Level } from "../../../shared/strategy/names.ts";

type RosterSeat = RosterInfo["seats"][number];
type Action = "botSeat" | "humanSeat" | "kick";

/** p2 before p10: seats by their number. */
export function bySeat(a: { seat: string }, b: { seat: string }): number {
  return Number(a.seat.slice(1)) - Number(b.seat.slice(1)) || a.seat.localeCompare(b.seat);
}

/** The seat's tags, as the teacher reads them. */
export function seatTags(s: RosterSeat, bankrupt: boolean): string[] {
  const tags: string[] = [];
  if (bankrupt) tags.push(t("hud.bankrupt"));
  if (s.kind === "open") tags.push(t("roster.open"));
  else if (s.kind === "human")
    tags.push(s.connected ? t("teacher.connected") : s.caretaker ? t("roster.caretaker") : t("hud.awayKept"));
  else tags.push(s.holder ? t("roster.botFor") : t("hud.bot"), strategyTag(s.strategy));
  if (s.locked) tags.push(t("roster.locked"));
  if (s.kicked) tags.push(t("roster.kicked"));
  return tags;
}

/** What the host can do with a seat (giving it to someone is offered apart). */
export function rosterActions(s: RosterSeat, bankrupt: boolean): Action[] {
  if (bankrupt) return [];
  if (s.kind === "human") return ["botSeat", "kick"];
  if (s.kind === "bot") return s.holder ? ["humanSeat", "kick"] : ["humanSeat"];
  return [];
}

const LABELS: Record<Action, "teacher.toBot" | "teacher.takeBack" | "teacher.kick"> = {
  botSeat: "teacher.toBot",
  humanSeat: "teacher.takeBack",
  kick: "teacher.kick",
};

interface Ask {
  seat: string;
  action: "botSeat" | "kick";
  lock: boolean;
  /** The level the bot will play at (botLevel.ts). */
  level?: Level;
}

/** What the rows' buttons do: a host action (sent, the confirmation closed), or asking first. */
interface Rows {
  act(action: Parameters<GameServer["host"]>[0]): void;
  ask(next: Ask | null): void;
}

function confirmBox(s: RosterSeat, a: Ask, rows: Rows): HTMLElement {
  const lock = h("input", {
    type: "checkbox",
    "data-k": `${s.seat}-lock`,
    onchange: () => (a.lock = lock.checked),
  });
  lock.checked = a.lock;
  const text = t(a.action === "kick" ? "roster.kickConfirm" : "roster.toBotConfirm", { name: s.name });
  return h(
    "div",
    { class: "confirm", role: "group", "data-testid": `confirm-${s.seat}` },
    h("span", { text }),
    a.action === "botSeat" ? h("label", { class: "check" }, lock, ` ${t("roster.lock")}`) : null,
    a.action === "botSeat" ? levelSelect(s.seat, a.level ?? levelOf(s.strategy), (l) => (a.level = l)) : null,
    h("button", {
      type: "button",
      class: "danger",
      "data-k": `${s.seat}-yes`,
      text: t("roster.confirm"),
      onclick: () =>
        rows.act(
          a.action === "kick"
            ? { type: "kick", seat: s.seat }
            : { type: "botSeat", seat: s.seat, lock: a.lock, ...(a.level ? { level: a.level } : {}) },
        ),
    }),
    h("button", {
      type: "button",
      "data-k": `${s.seat}-no`,
      text: t("roster.cancel"),
      onclick: () => rows.ask(null),
    }),
  );
}

function actionButton(s: RosterSeat, action: Action, rows: Rows): HTMLElement {
  const label = t(LABELS[action]);
  return h("button", {
    type: "button",
    "data-k": `${s.seat}-${action}`,
    text: label,
    "aria-label": `${label}: ${s.name}`,
    onclick: () =>
      action === "humanSeat"
        ? rows.act({ type: "humanSeat", seat: s.seat })
        : rows.ask({ seat: s.seat, action, lock: false }),
  });
}

function giveBox(s: RosterSeat, people: RosterInfo["people"], rows: Rows): HTMLElement | null {
  if (people.length === 0) return null;
  const id = `give-${s.seat}`;
  const pick = h(
    "select",
    { id, "data-k": `${s.seat}-give` },
    ...people.map((p) => h("option", { value: p.id, text: p.name || p.id })),
  );
  return h(
    "span",
    { class: "give" },
    h("label", { for: id, class: "sr-only", text: t("roster.giveLabel", { seat: s.name }) }),
    pick,
    h("button", {
      type: "button",
      "data-k": `${s.seat}-giveTo`,
      text: t("roster.giveTo"),
      onclick: () => rows.act({ type: "assignSeat", seat: s.seat, to: pick.value }),
    }),
  );
}

/** A bot seat's level, changed at once (the strategy and the lock stay as they are). */
function botLevel(s: RosterSeat, rows: Rows): HTMLElement {
  return levelSelect(s.seat, levelOf(s.strategy), (level) =>
    rows.act({ type: "botSeat", seat: s.seat, lock: s.locked, level }),
  );
}

function item(s: RosterSeat, bankrupt: boolean, asked: Ask | null, people: RosterInfo["people"], rows: Rows) {
  return h(
    "li",
    { "data-seat": s.seat },
    h("span", { class: "grow", text: `${s.seat} · ${s.name || "–"}` }),
    h("span", { class: "tag", "data-testid": `tags-${s.seat}`, text: seatTags(s, bankrupt).join(" · ") }),
    ...(asked?.seat === s.seat
      ? [confirmBox(s, asked, rows)]
      : [
          ...(s.kind === "bot" && !bankrupt ? [botLevel(s, rows)] : []),
          ...rosterActions(s, bankrupt).map((a) => actionButton(s, a, rows)),
          giveBox(s, people, rows),
        ]),
  );
}

/** The grace period, changed during the game: "a bot keeps a company safe after N min away". */
function graceSelect(current: number | null, rows: Rows): HTMLElement {
  const select = h(
    "select",
    {
      id: "teacher-standin",
      "data-k": "standIn",
      onchange: () =>
        rows.act({ type: "standIn", seconds: select.value === "" ? null : Number(select.value) }),
    },
    ...STAND_IN_AFTER_CHOICES.map((v) =>
      h("option", {
        value: v === null ? "" : String(v),
        text: v === null ? t("seats.standIn.never") : t("seats.standIn.minutes", { n: v / 60 }),
        selected: v === current,
      }),
    ),
  );
  return h(
    "div",
    { class: "row", title: t("seats.standIn.hint") },
    h("label", { for: "teacher-standin", text: t("seats.standIn") }),
    select,
  );
}

export function createRoster(server: GameServer) {
  const list = h("ul", { class: "roster", "data-testid": "roster" });
  const grace = h("div", {});
  const out = status();
  let info: RosterInfo | null = null;
  let view: GameView | null = null;
  let asked: Ask | null = null;
  let drawn = "";
  const rows: Rows = {
    act(action) {
      asked = null;
      void perform(server.host(action), out);
      render(true);
    },
    ask(next) {
      asked = next;
      render(true);
    },
  };

  function render(force = false): void {
    if (!info) return fill(list, h("li", { class: "muted", text: t("teacher.noSeats") }));
    const broke = new Set(view?.companies.filter((c) => c.bankrupt).map((c) => c.seat) ?? []);
    const key = JSON.stringify([info, [...broke], asked]);
    if (!force && key === drawn) return;
    drawn = key;
    fillKeepFocus(grace, graceSelect(info.standInAfter, rows));
    const people = info.people.filter((p) => p.role === "spectator" && p.seat === null);
    const seats = [...info.seats].sort(bySeat);
    fillKeepFocus(list, ...seats.map((s) => item(s, broke.has(s.seat), asked, people, rows)));
  }

  const off = server.events.on("roster", (r) => {
    info = r;
    render();
  });
  return {
    els: [grace, list, out],
    update(v: GameView) {
      view = v;
      render();
    },
    relabel: () => render(true),
    destroy: off,
  };
}
