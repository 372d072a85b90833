/** English / 中文: a pair of toggle buttons, each labelled in its own language. */
import { lang, setLang, t, type Lang } from "../i18n/index.ts";
import { h } from "./dom.ts";

const NAMES: Record<Lang, string> = { en: "English", zh: "中文" };

export function langToggle(): HTMLElement {
  return h(
    "div",
    { class: "lang-toggle", role: "group", "aria-label": t("lang.label") },
    ...(Object.keys(NAMES) as Lang[]).map((l) =>
      h("button", {
        type: "button",
        lang: l === "zh" ? "zh-CN" : "en",
        "aria-pressed": lang() === l ? "true" : "false",
        text: NAMES[l],
        onclick: () => setLang(l),
      }),
    ),
  );
}
