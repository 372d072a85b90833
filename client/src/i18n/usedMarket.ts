/**
 * The regional used market's strings (issue #13 §2): the region card's "used market here" section and
 * its glossary tip. English and Chinese side by side; the type makes a missing Chinese entry an error.
 */
export const usedMarketEn = {
  "usedMkt.title": "Used market here",
  "usedMkt.intro":
    "Second-hand machines are bought where they stand. To run them in another region, ship them: freight, customs and duty by where they were made.",
  "usedMkt.model": "Model",
  "usedMkt.buy": "Buy here",
  "usedMkt.quote":
    "{stock} for sale here · {unit} each, {total} in all · about {months} months old, priced at {cond}% of a fresh one · {fail}% fail each year",
  "usedMkt.none": "No model has second-hand units for sale yet.",
  "usedMkt.duty": "includes the {duty}% import duty these machines paid entering the country",
  "term.usedMarket": "Used market",
  "term.usedMarket.text":
    "Each region has its own used market. Machines the world retires there (after a halving, during a ban) come up for sale, part of them travelling on to cheap power; buyers raise the price. A quote for many units walks up the price as the stock empties. Used machines are bought where they stand, are older, and sometimes break down.",
} as const;

export const usedMarketZh: Record<keyof typeof usedMarketEn, string> = {
  "usedMkt.title": "本地二手市场",
  "usedMkt.intro": "二手矿机只能在所在地购买。要在其他地区运行，需要运输：运费、清关，以及按产地计征的关税。",
  "usedMkt.model": "型号",
  "usedMkt.buy": "在此购买",
  "usedMkt.quote":
    "此地在售 {stock} 台 · 每台 {unit}，共 {total} · 约 {months} 个月机龄，按新机的 {cond}% 计价 · 每年 {fail}% 会故障",
  "usedMkt.none": "目前还没有型号有二手矿机出售。",
  "usedMkt.duty": "含这些矿机入境时缴纳的 {duty}% 关税",
  "term.usedMarket": "二手市场",
  "term.usedMarket.text":
    "每个地区都有自己的二手市场。当地淘汰的矿机（减半之后、禁令期间）会挂牌出售，其中一部分流向电价低廉的地区；买家越多，价格越高。大批购买时，随着存量减少，价格逐步上涨。二手矿机只能在所在地购买，机龄较长，偶尔会损坏。",
};
