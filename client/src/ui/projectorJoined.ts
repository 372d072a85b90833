/**
 * The projector's roll call while the game waits to start: "Joined: 12 of 25" and every student's name
 * as they arrive, the newest lit up, so a class sees itself fill the game; it says that the game waits
 * for the teacher (the projector's banner steps aside meanwhile). Hidden once the game runs (the
 * leaderboard takes over).
 */
import { t } from "../i18n/index.ts";
import type { GameView } from "../net/view.ts";
import { fill, h } from "./dom.ts";

export interface Joined {
  /** Seats held by a person, in seat order (p1, p2 … p40), with the name shown for each. */
  people: { seat: string; name: string }[];
  seats: number;
}

const seatNumber = (seat: string) => Number(seat.slice(1)) || 0;

/** Who has joined: the seats a person holds (connected or away), never a bot's or an open seat. */
export function joinedOf(view: Pick<GameView, "companies">): Joined {
  const people = view.companies
    .filter((c) => !c.bot)
    .map((c) => ({ seat: c.seat, name: c.name || c.seat }))
    .sort((a, b) => seatNumber(a.seat) - seatNumber(b.seat));
  return { people, seats: view.companies.length };
}

export function createJoinedPanel(parent: HTMLElement): { update(view: GameView): void } {
  const el = h("section", { class: "proj-joined panel", "data-testid": "projector-joined", hidden: true });
  parent.append(el);
  // Seats seen at the last update: a name not among them is new and is lit up as it appears.
  let seen: Set<string> | null = null;
  return {
    update(view) {
      el.hidden = view.phase !== "lobby";
      if (el.hidden) return;
      const { people, seats } = joinedOf(view);
      const before = seen;
      seen = new Set(people.map((p) => p.seat));
      fill(
        el,
        h("p", { class: "waiting", text: t("projector.waiting") }),
        h("h2", { text: t("class.joined", { n: people.length, seats }) }),
        people.length === 0
          ? h("p", { class: "muted", text: t("class.joinedNone") })
          : h(
              "ul",
              { class: people.length > 32 ? "names many" : "names" },
              ...people.map((p) =>
                h("li", { class: before && !before.has(p.seat) ? "new" : "", text: p.name }),
              ),
            ),
      );
    },
  };
}
